"""A new text: signers are mailed either way; the coordinator may ask them to re-confirm."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import mail_text as text_of
from undersigned.core.models import OutgoingMail
from undersigned.publishing.services import statement_save
from undersigned.signatures import reconfirmation, services
from undersigned.signatures.models import Signatory, SignOnRequest
from undersigned.statements.models import StatementVersion
from undersigned.statements.versions import statement_version_current

NOTIFY_TASK = "undersigned.signatures.tasks.statement_version_notify"


@pytest.fixture
def campaign(
    coordinator,
    statement_factory,
    statement_translation_factory,
    sign_on_factory,
    organization_factory,
):
    """A statement two organisations signed (version 1) and a third asks to sign.

    The approval mails stay in the default task queue: only what follows goes by SMTP.
    """
    statement = statement_factory(
        open_for_joining=True,
        translation__title="On the right to protest",
        translation__body="We call on the government to respect peaceful assembly.",
    )
    statement_translation_factory(
        statement=statement, language="ru", title="О праве на протест", body="Мы призываем."
    )
    english = sign_on_factory(
        statement=statement,
        organization=organization_factory(name="Goris Press Club"),
        contact_email="lusine@gorispress.example.am",
    )
    russian = sign_on_factory(
        statement=statement,
        organization=organization_factory(name="Vanadzor Helsinki Office"),
        contact_email="artur@helsinki.example.am",
        language="ru",
    )
    for sign_on in (english, russian):
        services.sign_on_approve(sign_on=sign_on, by=coordinator)
    pending = sign_on_factory(
        statement=statement,
        organization=organization_factory(name="Lori Youth"),
        contact_email="mane@lori.example.am",
    )
    return statement, english, russian, pending


def edit_body(statement, body):
    translation = statement.translations.get(language="en")
    translation.body = body
    statement_save(statement=statement, save_related=translation.save)


def by_recipient(messages):
    return {m["To"]: m for m in messages}


@pytest.mark.django_db(transaction=True)
def test_every_signer_of_the_earlier_text_is_mailed_about_the_new_one(
    campaign, mail_over_smtp, settings
):
    statement, *_signers = campaign
    edit_body(statement, "We urge the government to respect peaceful assembly.")
    mails = by_recipient(mail_over_smtp.wait_for(3))
    assert set(mails) == {
        "lusine@gorispress.example.am",
        "artur@helsinki.example.am",
        "mane@lori.example.am",
    }
    english_mail = mails["lusine@gorispress.example.am"]
    assert english_mail["Subject"] == "The text you signed has changed: On the right to protest"
    text = text_of(english_mail)
    assert "you signed version 1, the text is now version 2" in text
    assert f"{settings.SITE_URL}/en/statements/{statement.slug}/versions/2/" in text
    assert "/sign-on/withdraw/" in text
    assert "/sign-on/reconfirm/" not in text
    russian_mail = mails["artur@helsinki.example.am"]
    assert russian_mail["Content-Language"] == "ru"
    # A long subject in Cyrillic keeps its spaces (see core/mailheaders.py).
    assert russian_mail["Subject"] == "Подписанный вами текст изменился: О праве на протест"
    assert "Текст «О праве на протест» изменился" in text_of(russian_mail)
    assert "вы подписали версию 1, теперь текст — версия 2" in text_of(russian_mail)
    assert f"/ru/statements/{statement.slug}/versions/2/" in text_of(russian_mail)

    # Telling them twice sends nothing twice.
    version = StatementVersion.objects.get(statement=statement, number=2)
    reconfirmation.version_mail_fan_out(version_id=version.pk, kind="version_changed")
    assert OutgoingMail.objects.filter(kind="version_changed").count() == 3
    assert len(mail_over_smtp.messages) == 3


@pytest.mark.django_db(transaction=True)
def test_the_mail_about_a_new_text_waits_for_the_configured_delay(campaign, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SIGNON_VERSION_MAIL_DELAY_MINUTES = 10
    statement, *_ = campaign
    edit_body(statement, "A second text.")
    task = DBTaskResult.objects.get(task_path=NOTIFY_TASK)
    assert task.run_after > timezone.now() + timedelta(minutes=9)


def test_a_mail_superseded_by_a_later_edit_is_not_sent(
    campaign, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    statement, *_ = campaign
    with django_capture_on_commit_callbacks(execute=True):
        edit_body(statement, "A second text.")
    with django_capture_on_commit_callbacks(execute=True):
        edit_body(statement, "A third text.")
    second, third = (StatementVersion.objects.get(statement=statement, number=n) for n in (2, 3))
    assert reconfirmation.version_mail_fan_out(version_id=second.pk, kind="version_changed") == 0
    assert reconfirmation.version_mail_fan_out(version_id=third.pk, kind="version_changed") == 3


@pytest.mark.django_db(transaction=True)
def test_the_coordinator_asks_earlier_signers_to_reconfirm_and_they_do(
    client, campaign, mail_over_smtp, settings
):
    settings.SIGNON_VERSION_MAIL_DELAY_MINUTES = 10  # immediate tasks: no delay in tests
    statement, english, *_others = campaign
    edit_body(statement, "We urge the government to respect peaceful assembly.")
    mail_over_smtp.wait_for(3)  # the three notices
    mail_over_smtp.messages.clear()

    staff = get_user_model().objects.get(username="coordinator")
    client.force_login(staff)
    dashboard = client.get(f"/en/staff/statements/{statement.slug}/signatures/").content.decode()
    assert "Earlier signers must re-confirm this text" in dashboard
    response = client.post(
        f"/en/staff/statements/{statement.slug}/versions/2/",
        {"change_note": "Stronger wording.", "requires_reconfirmation": "on"},
    )
    assert response.status_code == 302
    version = StatementVersion.objects.get(statement=statement, number=2)
    assert version.requires_reconfirmation
    assert version.change_note == "Stronger wording."

    # Only signatories on the list are asked, each in their language.
    mails = by_recipient(mail_over_smtp.wait_for(2))
    assert set(mails) == {"lusine@gorispress.example.am", "artur@helsinki.example.am"}
    assert mails["artur@helsinki.example.am"]["Content-Language"] == "ru"
    text = text_of(mails["lusine@gorispress.example.am"])
    assert "Stronger wording." in text
    reconfirm_url = re.search(r"https?://\S+/sign-on/reconfirm/[\w-]+/", text).group(0)
    path = reconfirm_url.removeprefix(settings.SITE_URL)

    anonymous = client.__class__()
    public = anonymous.get(f"/en/statements/{statement.slug}/").content.decode()
    assert public.count("signed an earlier version (version 1); not yet re-confirmed") == 2

    page = anonymous.get(path)
    assert page.status_code == 200
    assert f"/en/statements/{statement.slug}/versions/2/" in page.content.decode()
    english.refresh_from_db()
    line = Signatory.objects.get(pk=english.signatory_id)
    assert line.version.number == 1  # opening the link changes nothing

    done = anonymous.post(path)
    assert done.status_code == 200
    assert "your organisation signs the new text" in done.content.decode()
    line.refresh_from_db()
    assert line.version == version
    tree = LexborHTMLParser(anonymous.get(f"/en/statements/{statement.slug}/").content.decode())
    items = {li.css_first("a").text(): li.text() for li in tree.css(".signatory-list li")}
    assert "earlier version" not in items["Goris Press Club"]
    assert "not yet re-confirmed" in items["Vanadzor Helsinki Office"]

    again = anonymous.post(path)
    assert again.status_code == 410
    assert "used already" in again.content.decode()


def test_a_withdrawn_signer_cannot_reconfirm(campaign, coordinator, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    statement, english, *_ = campaign
    english.refresh_from_db()
    version = statement_version_current(statement=statement)
    token = services.token_issue(sign_on=english, purpose="reconfirm", version=version)
    services.signatory_remove(signatory=english.signatory, by=coordinator, reason="Asked to.")
    with pytest.raises(services.TokenError) as error:
        reconfirmation.sign_on_reconfirm(token=token)
    assert error.value.state == "used"


def test_the_first_version_cannot_be_put_to_earlier_signers(campaign, client, coordinator):
    statement, *_ = campaign
    first = StatementVersion.objects.get(statement=statement, number=1)
    with pytest.raises(services.InvalidTransition):
        reconfirmation.statement_version_decide(
            version=first, by=coordinator, change_note="", requires_reconfirmation=True
        )
    client.force_login(coordinator)
    response = client.post(
        f"/en/staff/statements/{statement.slug}/versions/1/",
        {"requires_reconfirmation": "on"},
        follow=True,
    )
    assert "The first version has no earlier signers to ask." in response.content.decode()
    first.refresh_from_db()
    assert not first.requires_reconfirmation


def test_an_outdated_version_cannot_be_put_to_earlier_signers(
    campaign, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    statement, *_ = campaign
    with django_capture_on_commit_callbacks(execute=True):
        edit_body(statement, "A second text.")
    with django_capture_on_commit_callbacks(execute=True):
        edit_body(statement, "A third text.")
    second = StatementVersion.objects.get(statement=statement, number=2)
    with pytest.raises(services.InvalidTransition):
        reconfirmation.statement_version_decide(
            version=second, by=coordinator, change_note="", requires_reconfirmation=True
        )


def test_only_staff_decide_on_versions(client, campaign):
    statement, *_ = campaign
    response = client.post(
        f"/en/staff/statements/{statement.slug}/versions/1/", {"change_note": "x"}
    )
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert StatementVersion.objects.get(statement=statement, number=1).change_note == ""


def test_signers_asked_to_reconfirm_get_no_separate_notice(
    campaign, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    statement, *_ = campaign
    with django_capture_on_commit_callbacks(execute=True):
        edit_body(statement, "A second text.")
    second = StatementVersion.objects.get(statement=statement, number=2)
    reconfirmation.statement_version_decide(
        version=second, by=coordinator, change_note="", requires_reconfirmation=True
    )
    assert reconfirmation.version_mail_fan_out(version_id=second.pk, kind="version_changed") == 0
    assert reconfirmation.version_mail_fan_out(version_id=second.pk, kind="reconfirm") == 2
    assert SignOnRequest.objects.filter(status="pending").count() == 1
