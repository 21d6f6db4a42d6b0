"""Supporters' mail in the worker's batches: one connection, the same Message-ID when sent again."""

import pytest
from django.utils import timezone, translation
from django.utils.html import escape

from tests.conftest import mail_text, supporter_link
from undersigned.core.messageid import message_id_for
from undersigned.core.models import OutgoingMail
from undersigned.signatures import supporters
from undersigned.signatures.models import Supporter


@pytest.fixture
def published(statement_factory):
    return statement_factory(translation__title="On the right to protest")


def sign_up(statement, number, language="en", name=None):
    supporters.supporter_sign_up(
        statement=statement,
        name=name or f"Supporter {number}",
        place="Gyumri",
        email=f"supporter{number}@mail.example.am",
        show_name=True,
        language=language,
    )


@pytest.mark.django_db(transaction=True)
def test_a_batch_mails_each_supporter_their_own_link_in_their_language(
    published, mail_over_smtp, settings, statement_translation_factory
):
    statement_translation_factory(statement=published, language="ru", title="О праве на протест")
    settings.MAIL_FULL_COPIES = False
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    for number in range(3):
        sign_up(published, number)
    sign_up(published, 3, language="ru", name="<b>Ани</b> & Co")
    assert supporters.supporter_mails_send(statement_id=published.pk) == 4
    messages = mail_over_smtp.wait_for(4)
    by_address = {message["To"]: message for message in messages}
    for row in Supporter.objects.all():
        message = by_address[row.email]
        token = supporters._supporter_confirm_token(row)
        assert supporter_link(mail_text(message)) == (
            f"/{row.language}/statements/{published.slug}/support/confirm/?token={token}"
        )
        assert message["Message-ID"] == message_id_for(f"supporter:{row.pk}:mail:1")
        assert (row.mail_wanted_at, row.mails_sent) == (None, 1)
    russian = by_address["supporter3@mail.example.am"]
    assert russian["Subject"] == "Подтвердите поддержку: О праве на протест"
    assert "Здравствуйте, <b>Ани</b> & Co!" in mail_text(russian)
    html = russian.get_body(preferencelist=("html",)).get_content()
    assert "&lt;b&gt;Ани&lt;/b&gt; &amp; Co" in html
    # The staff copy hides the link; nothing is left to send.
    copy = OutgoingMail.objects.get(to="supporter3@mail.example.am")
    assert copy.status == OutgoingMail.Status.SENT
    row = Supporter.objects.get(email="supporter3@mail.example.am")
    assert supporters._supporter_confirm_token(row) not in copy.body_text
    assert "[private link hidden]" in copy.body_text
    assert supporters.supporter_mails_send(statement_id=published.pk) == 0
    assert len(mail_over_smtp.messages) == 4


@pytest.mark.django_db(transaction=True)
def test_a_batch_cut_short_by_a_crash_sends_the_same_mails_again_and_none_sent_twice(
    published, mail_over_smtp, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    for number in range(2):
        sign_up(published, number)
    supporters.supporter_mails_send(statement_id=published.pk)
    first = mail_over_smtp.wait_for(2)
    # A worker killed after the server took the mails, before the rows were marked: one mail
    # recorded as being sent, the other recorded sent; both rows still want their mail.
    Supporter.objects.update(mail_wanted_at="2026-01-01T00:00:00Z", mails_sent=0)
    OutgoingMail.objects.filter(to="supporter0@mail.example.am").update(
        status=OutgoingMail.Status.SENDING
    )
    assert supporters.supporter_mails_send(statement_id=published.pk) == 1
    again = mail_over_smtp.wait_for(3)[2]
    assert again["To"] == "supporter0@mail.example.am"
    [before] = [m for m in first if m["To"] == again["To"]]
    assert again["Message-ID"] == before["Message-ID"]
    assert supporter_link(mail_text(again)) == supporter_link(mail_text(before))
    assert not Supporter.objects.filter(mail_wanted_at__isnull=False).exists()
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {OutgoingMail.Status.SENT}


@pytest.mark.django_db(transaction=True)
def test_sign_ups_in_a_rush_book_one_batch_a_period(published, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    for number in range(5):
        sign_up(published, number)
    booked = DBTaskResult.objects.filter(task_path__endswith="supporter_mails_task")
    assert booked.count() == 1
    assert Supporter.objects.filter(mail_wanted_at__isnull=False).count() == 5


# Names as strangers type them: scripts of the site's languages, markup, the batch's own
# placeholders' spelling, and a name whose HTML line (each & escaped) passes 998 octets.
NAMES = {
    0: ("en", "<script>alert(1)</script> O'Brien & Co"),
    1: ("hy", "Անի Սարգսյան"),
    2: ("ru", "Анна «Ани» Иванова"),
    3: ("ru", "UNDERSIGNEDFIELD0123456789abcdef01234567supporter_name UNDERSIGNEDTEXT"),
    4: ("hy", "&" * 200),
}


@pytest.mark.django_db(transaction=True)
def test_a_batch_mail_arrives_whole_in_each_language_whatever_the_name(
    published, mail_over_smtp, settings, statement_translation_factory
):
    settings.MAIL_FULL_COPIES = False
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    titles = {"hy": "Բողոքի իրավունքի մասին", "ru": "О праве на протест"}
    for language, title in titles.items():
        statement_translation_factory(statement=published, language=language, title=title)
    for number, (language, name) in NAMES.items():
        sign_up(published, number, language=language, name=name)
    assert supporters.supporter_mails_send(statement_id=published.pk) == len(NAMES)
    by_address = {message["To"]: message for message in mail_over_smtp.wait_for(len(NAMES))}
    for number, (language, name) in NAMES.items():
        row = Supporter.objects.get(email=f"supporter{number}@mail.example.am")
        message = by_address[row.email]
        assert message.get_content_type() == "multipart/alternative"
        parts = [part for part in message.walk() if not part.is_multipart()]
        assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
        assert {part.get_content_charset() for part in parts} == {"utf-8"}
        assert not [part.defects for part in message.walk() if part.defects]
        assert message["Message-ID"] == message_id_for(f"supporter:{row.pk}:mail:1")
        assert message["Content-Language"] == language
        assert message["Auto-Submitted"] == "auto-generated"
        assert message["From"] == settings.DEFAULT_FROM_EMAIL
        text, html = (part.get_content() for part in parts)
        assert name in text
        assert escape(name) in html
        assert "<script>" not in html
        token = supporters._supporter_confirm_token(row)
        link = (
            f"{settings.SITE_URL}/{language}/statements/{row.statement.slug}/support/confirm/"
            f"?token={token}"
        )
        assert link in text
        assert link in html
        # The staff copy keeps the name and hides the links.
        copy = OutgoingMail.objects.get(to=row.email)
        assert copy.status == OutgoingMail.Status.SENT
        assert name in copy.body_text
        assert token not in copy.body_text + copy.body_html
    assert by_address["supporter2@mail.example.am"]["Subject"] == (
        "Подтвердите поддержку: О праве на протест"
    )
    # Made from the batch's template, 8bit; the name too long for an 8bit line, the usual way.
    encodings = {
        address: {part["Content-Transfer-Encoding"] for part in message.walk()} - {None}
        for address, message in by_address.items()
    }
    assert encodings.pop("supporter4@mail.example.am") != {"8bit"}
    assert set(map(frozenset, encodings.values())) == {frozenset({"8bit"})}


def test_a_links_url_is_the_one_reverse_makes(settings):
    row = Supporter(pk=12, statement_id=3, mailbox="a@b.am", created_at=timezone.now())
    tokens = [
        supporters._supporter_confirm_token(row),
        supporters.supporter_withdraw_token(row),
        "not as it is?",  # printed quoted
    ]
    for language in ("en", "hy", "ru"):
        for name in ("signatures:support_confirm", "signatures:support_withdraw"):
            link = supporters._TokenLink(name, language)
            for token in tokens:
                with translation.override(language):
                    assert link.url(token) == supporters._absolute(name, token)
