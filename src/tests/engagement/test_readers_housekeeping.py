from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from undersigned.engagement import viewcount
from undersigned.engagement.models import Comment, Commenter, FriendMessage, Subscriber
from undersigned.engagement.services import readers_data_expire

pytestmark = pytest.mark.usefixtures("english")


def test_unconfirmed_data_expires_and_friends_addresses_are_forgotten(statement_factory):
    statement = statement_factory()
    past = timezone.now() - timedelta(days=1)
    Subscriber.objects.create(email="late@example.am", unsubscribe_key="a", confirm_expires_at=past)
    Subscriber.objects.create(email="fresh@example.am", unsubscribe_key="b")
    commenter = Commenter.objects.create(email="c@example.am")
    Comment.objects.create(
        statement=statement,
        commenter=commenter,
        name="C",
        body="b",
        language="en",
        status=Comment.Status.UNCONFIRMED,
        confirm_expires_at=past,
    )
    stuck = FriendMessage.objects.create(
        statement=statement, sender_name="A", recipient="friend@example.am", language="en"
    )
    FriendMessage.objects.filter(pk=stuck.pk).update(created_at=past - timedelta(days=1))

    assert readers_data_expire() == {"subscribers": 1, "comments": 1, "friend addresses": 1}
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["fresh@example.am"]
    assert not Comment.objects.exists()
    assert FriendMessage.objects.get().recipient == ""


def test_the_flush_command_adds_waiting_views(statement_factory, capsys):
    statement = statement_factory()
    key = viewcount.beacon_key(statement.slug)
    Client(HTTP_USER_AGENT="Mozilla/5.0 Firefox/140.0").get(
        f"/en/statements/{statement.slug}/seen/{key}.gif"
    )
    call_command("flush_views")
    assert "Added 1 views." in capsys.readouterr().out
    assert statement.engagement.view_count == 1
