"""Confirmation by email: over a real SMTP server, POST-only, single-use, expiring, re-sendable."""

import re
import smtplib
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.conftest import mail_parts as parts
from undersigned.core import outbox
from undersigned.core.models import OutgoingMail
from undersigned.signatures import services
from undersigned.signatures.models import SignOnRequest, SignOnToken
from undersigned.statements.versions import statement_text_hash


def sign(client, statement, language="en", **overrides):
    data = {
        "organization_name": "Goris Press Club",
        "contact_name": "Lusine Hakobyan",
        "contact_role": "Director",
        "contact_email": "lusine@gorispress.example.am",
        "declaration": "on",
        "new_kind": "ngo",
        "version": statement_text_hash(statement=statement),
        **overrides,
    }
    response = client.post(f"/{language}/statements/{statement.slug}/sign/", data)
    assert response.status_code == 302, response.content.decode()
    return SignOnRequest.objects.latest("pk")


def link(text, kind):
    return re.search(rf"https?://\S+/sign-on/{kind}/[\w-]+/", text).group(0)


def path_of(url, settings):
    return url.removeprefix(settings.SITE_URL)


@pytest.mark.django_db(transaction=True)
def test_the_confirmation_mail_travels_over_smtp_with_text_and_html(
    client, open_statement, mail_over_smtp, settings
):
    sign_on = sign(client, open_statement)
    [message] = mail_over_smtp.wait_for(1)
    assert message["To"] == "lusine@gorispress.example.am"
    assert "On the right to protest" in message["Subject"]
    assert message["Auto-Submitted"] == "auto-generated"
    text, html = parts(message)
    confirm_url = link(text, "confirm")
    assert confirm_url.startswith(f"{settings.SITE_URL}/en/sign-on/confirm/")
    assert confirm_url in html
    assert link(text, "withdraw") in html
    assert "7 days" in text
    # Only the digest is stored: the link's secret is in the mail and nowhere else.
    secret = confirm_url.rstrip("/").rsplit("/", 1)[1]
    assert not SignOnToken.objects.filter(digest=secret).exists()
    assert SignOnToken.objects.filter(digest=SignOnToken.digest_of(secret), sign_on=sign_on)


@pytest.mark.django_db(transaction=True)
def test_the_mail_is_in_the_language_of_the_page_signed_on(
    client, open_statement, mail_over_smtp, statement_translation_factory
):
    statement_translation_factory(
        statement=open_statement, language="ru", title="О праве на протест"
    )
    sign(client, open_statement, language="ru")
    [message] = mail_over_smtp.wait_for(1)
    # The translations are compiled by `make messages`, which `make test` runs first.
    assert message["Subject"] == "Подтвердите подпись: О праве на протест"
    assert message["Content-Language"] == "ru"
    text, html = parts(message)
    assert "/ru/sign-on/confirm/" in text
    assert "Здравствуйте, Lusine Hakobyan!" in text
    assert "Открыть страницу подтверждения" in html


def test_the_sign_on_pages_speak_armenian(client, open_statement):
    html = client.get(f"/hy/statements/{open_statement.slug}/sign/").content.decode()
    assert "Ստորագրել հայտարարությունը" in html
    assert "Ձեր անունը" in html


@pytest.mark.django_db(transaction=True)
def test_opening_the_link_does_not_confirm_only_the_button_does(
    client, open_statement, mail_over_smtp, settings
):
    sign_on = sign(client, open_statement)
    text, _html = parts(mail_over_smtp.wait_for(1)[0])
    url = path_of(link(text, "confirm"), settings)

    page = client.get(url)
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "same-origin"
    assert 'method="post"' in page.content.decode()
    client.get(url)  # link scanners open it again and again
    sign_on.refresh_from_db()
    assert sign_on.status == SignOnRequest.Status.UNCONFIRMED

    confirmed = client.post(url)
    assert confirmed.status_code == 200
    assert "your signature is confirmed" in confirmed.content.decode()
    sign_on.refresh_from_db()
    assert sign_on.status == SignOnRequest.Status.PENDING
    assert sign_on.confirmed_at is not None


@pytest.mark.django_db(transaction=True)
def test_a_used_link_explains_itself(client, open_statement, mail_over_smtp, settings):
    sign(client, open_statement)
    text, _html = parts(mail_over_smtp.wait_for(1)[0])
    url = path_of(link(text, "confirm"), settings)
    client.post(url)
    again = client.post(url)
    assert again.status_code == 410
    assert "used already" in again.content.decode()
    assert "a coordinator is reviewing it" in again.content.decode()
    assert client.get(url).status_code == 410


@pytest.mark.django_db(transaction=True)
def test_an_expired_link_explains_itself_and_sends_a_new_one(
    client, open_statement, mail_over_smtp, settings
):
    sign_on = sign(client, open_statement)
    text, _html = parts(mail_over_smtp.wait_for(1)[0])
    url = path_of(link(text, "confirm"), settings)
    SignOnToken.objects.filter(purpose="confirm").update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    page = client.get(url)
    assert page.status_code == 410
    assert "This link has expired" in page.content.decode()
    assert client.post(url).status_code == 410
    sign_on.refresh_from_db()
    assert sign_on.status == SignOnRequest.Status.UNCONFIRMED

    resent = client.post(f"{url}new-link/")
    assert "a new link is on its way" in resent.content.decode()
    messages = mail_over_smtp.wait_for(2)
    new_text, _html = parts(messages[1])
    assert messages[1]["To"] == "lusine@gorispress.example.am"
    assert client.post(path_of(link(new_text, "confirm"), settings)).status_code == 200
    sign_on.refresh_from_db()
    assert sign_on.status == SignOnRequest.Status.PENDING


@pytest.mark.django_db(transaction=True)
def test_tokens_expire_after_the_configured_days(client, open_statement, mail_over_smtp, settings):
    settings.SIGNON_TOKEN_DAYS = 2
    sign(client, open_statement)
    mail_over_smtp.wait_for(1)
    token = SignOnToken.objects.get(purpose="confirm")
    assert abs(token.expires_at - (timezone.now() + timedelta(days=2))) < timedelta(minutes=1)
    assert SignOnToken.objects.get(purpose="withdraw").expires_at is None


@pytest.mark.django_db(transaction=True)
def test_the_resend_form_asks_for_the_address_and_never_tells_who_signed(
    client, open_statement, mail_over_smtp
):
    sign(client, open_statement)
    mail_over_smtp.wait_for(1)
    page = client.get("/en/sign-on/new-link/").content.decode()
    assert '<label for="id_email">' in page
    unknown = client.post("/en/sign-on/new-link/", {"email": "nobody@example.am"})
    known = client.post("/en/sign-on/new-link/", {"email": "Lusine@GorisPress.example.am"})

    def main(response):
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())

    assert main(unknown) == main(known)
    messages = mail_over_smtp.wait_for(2)
    assert len(messages) == 2
    assert messages[1]["To"] == "lusine@gorispress.example.am"


@pytest.mark.django_db(transaction=True)
def test_an_unknown_link_offers_the_resend_form(client):
    response = client.get("/en/sign-on/confirm/not-a-real-token/")
    assert response.status_code == 404
    assert 'action="/en/sign-on/new-link/"' in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_with_console_mail_staff_can_read_a_full_copy(
    client, open_statement, mail_over_smtp, settings
):
    settings.MAIL_FULL_COPIES = True
    sign(client, open_statement)
    text, _html = parts(mail_over_smtp.wait_for(1)[0])
    copy = OutgoingMail.objects.get()
    assert copy.status == OutgoingMail.Status.SENT
    assert link(text, "confirm") in copy.body_text
    assert copy.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_with_real_mail_the_copy_hides_the_private_links(
    client, open_statement, mail_over_smtp, settings, admin_client
):
    settings.MAIL_FULL_COPIES = False
    sign(client, open_statement)
    text, _html = parts(mail_over_smtp.wait_for(1)[0])
    copy = OutgoingMail.objects.get()
    assert link(text, "confirm") not in copy.body_text + copy.body_html
    assert "[private link hidden]" in copy.body_text
    listing = admin_client.get("/en/admin/core/outgoingmail/")
    assert listing.status_code == 200
    assert copy.subject in listing.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_mail_task_run_twice_sends_once(open_statement, sign_on_factory, mail_over_smtp):
    sign_on = sign_on_factory(statement=open_statement, status="unconfirmed")
    record = services._signer_mail(sign_on=sign_on, kind="confirm", key="same-key")
    for _ in range(2):
        outbox.mail_deliver(mail_id=record.pk)
    assert len(mail_over_smtp.wait_for(1)) == 1
    assert OutgoingMail.objects.get(key="same-key").attempts == 1


@pytest.mark.django_db(transaction=True)
def test_a_failed_delivery_is_recorded_and_retried_with_the_same_message(
    open_statement, sign_on_factory, settings, smtp_server
):
    from undersigned.core.tasks import mail_send

    settings.MAIL_ATTEMPTS = 3
    # Nothing listens on this port: every attempt fails.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    sign_on = sign_on_factory(statement=open_statement, status="unconfirmed")
    record = services._signer_mail(sign_on=sign_on, kind="confirm", key="k1")
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with pytest.raises(OSError, match="refused"):
        mail_send.call(mail_id=record.pk)
    copy = OutgoingMail.objects.get(key="k1")
    assert copy.status == OutgoingMail.Status.FAILED
    assert copy.attempts == 3  # the first call, then two retries through the task backend
    assert copy.last_error

    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_server.host, "port": smtp_server.port},
        }
    }
    mail_send.call(mail_id=record.pk)
    copy.refresh_from_db()
    assert copy.status == OutgoingMail.Status.SENT
    [message] = smtp_server.wait_for(1)
    assert message["Message-ID"] == copy.message_id


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_queued_mail_after_the_commit(
    client, open_statement, smtp_server, settings
):
    """The real path: the database task backend, then `undersigned worker --batch`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_server.host, "port": smtp_server.port},
        }
    }
    sign(client, open_statement)
    assert smtp_server.messages == []
    call_command("worker", batch=True, interval=0)
    [message] = smtp_server.wait_for(1)
    assert "/en/sign-on/confirm/" in parts(message)[0]


def test_smtp_errors_are_oserrors_so_the_task_retries_them():
    assert issubclass(smtplib.SMTPException, OSError)
