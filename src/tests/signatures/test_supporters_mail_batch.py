"""Supporters' mail in the worker's batches: one connection, the same Message-ID when sent again."""

import re

import pytest

from tests.conftest import mail_text
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
        assert f"/support/confirm/{token}/" in mail_text(message)
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
    assert re.findall(r"/support/confirm/\S+/", mail_text(again)) == re.findall(
        r"/support/confirm/\S+/", mail_text(before)
    )
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
