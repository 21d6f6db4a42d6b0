"""News of the outcome: a coordinator posts a dated update, the page, archive and feeds show it,
and signatories and supporters get it by mail once, in their language, with an unsubscribe."""

import re

import pytest
from django.utils import timezone

from tests.conftest import mail_parts
from undersigned.core.models import AuditEntry, OutgoingMail
from undersigned.signatures import services, updates
from undersigned.signatures.models import Supporter
from undersigned.statements.models import StatementUpdate

UPDATES = "/en/staff/statements/{slug}/updates/"


@pytest.fixture
def published(statement_factory, statement_translation_factory):
    statement = statement_factory(translation__title="On the right to protest")
    statement_translation_factory(statement=statement, language="ru", title="О праве на протест")
    return statement


@pytest.fixture
def audience(published, sign_on_factory, coordinator):
    """Two approved contacts (en, ru), one unsubscribed, one pending; supporters likewise."""
    english, russian, unsubscribed = (
        sign_on_factory(statement=published, contact_email=email, language=language)
        for email, language in (
            ("lusine@gorispress.example.am", "en"),
            ("artur@helsinki.example.am", "ru"),
            ("quiet@lori.example.am", "en"),
        )
    )
    for sign_on in (english, russian, unsubscribed):
        services.sign_on_approve(sign_on=sign_on, by=coordinator)
    updates.updates_unsubscribe(token=updates.unsubscribe_token(unsubscribed))
    sign_on_factory(statement=published, contact_email="pending@example.am")
    now = timezone.now()
    for email, language, confirmed in (
        ("ani@example.am", "hy", now),
        ("Lusine+news@gorispress.example.am", "en", now),  # the same mailbox as a signer
        ("unconfirmed@example.am", "en", None),
    ):
        Supporter.objects.create(
            statement=published,
            name="Ani",
            place="Yerevan",
            email=email,
            language=language,
            confirmed_at=confirmed,
        )
    OutgoingMail.objects.all().delete()  # the approvals' mail is not what is tested here
    return english, russian, unsubscribed


def form(staff_client, statement):
    page = staff_client.get(UPDATES.format(slug=statement.slug)).content.decode()
    return {
        "submission": re.search(r'name="submission" value="([\w-]+)"', page).group(1),
        "kind": "delivered",
        "happened_on": "2026-03-27",
        "text_en": "Delivered to the Ministry of Justice.",
        "text_ru": "Передано в Министерство юстиции.",
        "mail_signatories": "on",
        "mail_supporters": "on",
    }


def test_an_update_is_mailed_once_to_each_in_their_language_with_an_unsubscribe(
    staff_client, client, published, audience, mail, settings, coordinator
):
    _english, russian, _unsubscribed = audience
    data = form(staff_client, published)
    with mail.commit():
        response = staff_client.post(UPDATES.format(slug=published.slug), data)
    assert response.status_code == 302
    messages = {m["To"]: m for m in mail.wait_for(3)}
    # Approved contacts who did not unsubscribe, confirmed supporters; one mail per mailbox.
    assert set(messages) == {
        "lusine@gorispress.example.am",
        "artur@helsinki.example.am",
        "ani@example.am",
    }
    russian_mail = messages["artur@helsinki.example.am"]
    assert russian_mail["Content-Language"] == "ru"
    assert "О праве на протест" in russian_mail["Subject"]
    text, html = mail_parts(russian_mail)
    assert "Передано в Министерство юстиции." in text
    unsubscribe = re.search(r"https?://\S+/ru/updates/unsubscribe/\S+/", text).group(0)
    assert russian_mail["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert russian_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in html
    # No Armenian text: the Armenian supporter reads the nearest one written, in English.
    assert "Delivered to the Ministry of Justice." in mail_parts(messages["ani@example.am"])[0]

    # The same form again posts nothing and mails nobody twice.
    with mail.commit():
        staff_client.post(UPDATES.format(slug=published.slug), data)
    update = StatementUpdate.objects.get()
    assert updates.statement_update_mail(update_id=update.pk) == 0
    update.refresh_from_db()
    assert update.mailed_count == 3
    assert OutgoingMail.objects.filter(kind="statement_update").count() == 3
    assert AuditEntry.objects.filter(action="statement.update").count() == 1
    listing = staff_client.get(UPDATES.format(slug=published.slug)).content.decode()
    assert "3 mails queued by" in listing

    # Opening the link changes nothing; its button (or the mail program's POST) unsubscribes.
    path = unsubscribe.removeprefix(settings.SITE_URL)
    assert client.get(path).status_code == 200
    russian.refresh_from_db()
    assert russian.updates_unsubscribed_at is None
    assert client.post(path).status_code == 200
    russian.refresh_from_db()
    assert russian.updates_unsubscribed_at is not None
    second = updates.statement_update_post(
        statement=published,
        kind="response",
        happened_on=timezone.localdate(),
        texts={"en": "The Ministry answered."},
        mail_signatories=True,
        mail_supporters=False,
        by=coordinator,
        submission="a-second-form-key-123",
    )
    updates.statement_update_mail(update_id=second.pk)
    assert set(
        OutgoingMail.objects.filter(key__startswith=f"update:{second.pk}:").values_list(
            "to", flat=True
        )
    ) == {"lusine@gorispress.example.am"}


def test_a_forged_unsubscribe_link_changes_nothing(client, published, sign_on_factory):
    sign_on = sign_on_factory(statement=published)
    token = updates.unsubscribe_token(sign_on)
    forged = token.replace(f"r{sign_on.pk}:", f"r{sign_on.pk + 1}:")
    assert client.post(f"/en/updates/unsubscribe/{forged}/").status_code == 404
    sign_on.refresh_from_db()
    assert sign_on.updates_unsubscribed_at is None


def test_the_outcome_shows_on_the_page_in_the_archive_and_in_the_feed(
    staff_client, client, published, tasks_do_nothing
):
    page_url = published.get_absolute_url()
    assert "Outcome" not in client.get(page_url).content.decode()  # now in the page cache
    data = form(staff_client, published)
    data.pop("mail_signatories"), data.pop("mail_supporters")
    staff_client.post(UPDATES.format(slug=published.slug), data)
    staff_client.logout()

    page = client.get(page_url).content.decode()
    assert 'id="outcome-heading">Outcome</h2>' in page
    assert '<time datetime="2026-03-27">' in page
    assert "Delivered to the Ministry of Justice." in page
    russian = client.get(f"/ru{page_url.removeprefix('/en')}").content.decode()
    assert "Передано в Министерство юстиции." in russian
    assert "Outcome: Delivered" in client.get("/en/statements/").content.decode()
    feed = client.get("/en/statements/feed.atom").content.decode()
    assert "Delivered, " in feed
    assert "Delivered to the Ministry of Justice." in feed


def test_an_update_needs_a_text_and_the_form_says_so(staff_client, published):
    data = form(staff_client, published) | {"text_en": " ", "text_ru": ""}
    response = staff_client.post(UPDATES.format(slug=published.slug), data)
    assert response.status_code == 400
    assert "Write the update in at least one language." in response.content.decode()
    assert not StatementUpdate.objects.exists()
