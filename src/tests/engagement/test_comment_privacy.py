"""The comment form tells nobody whether an address belongs to a trusted commenter."""

import pytest
from django.test import Client

from undersigned.engagement.models import Comment, Commenter

pytestmark = pytest.mark.usefixtures("english")

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture
def statement(statement_factory):
    return statement_factory(translation__title="On the freedom of assembly")


@pytest.fixture
def trusted_address(statement):
    """An address confirmed by its owner, one of whose comments a moderator approved."""
    commenter = Commenter.objects.create(
        email="anahit@example.am", confirmed_at="2025-01-01T00:00Z"
    )
    Comment.objects.create(
        statement=statement,
        commenter=commenter,
        name="Anahit",
        body="Earlier.",
        language="en",
        status=Comment.Status.APPROVED,
    )
    return commenter.email


def answer(statement, email: str) -> tuple:
    """Post a comment from a browser without the commenter cookie; return all a stranger sees."""
    client = Client(REMOTE_ADDR=f"203.0.113.{len(email)}")
    response = client.post(
        f"/en/statements/{statement.slug}/comment/",
        {"name": "Someone", "email": email, "body": "Is this address known?"},
        HTTP_USER_AGENT=FIREFOX,
    )
    shown = [str(message) for message in response.wsgi_request._messages]
    page = client.get(response["Location"])
    return response.status_code, response["Location"], shown, page.status_code


def test_a_trusted_address_and_an_unknown_one_get_the_same_answer(statement, trusted_address):
    trusted = answer(statement, trusted_address)
    unknown = answer(statement, "nobody-yet@example.am")
    assert trusted == unknown
    assert trusted[0] == 302
    assert trusted[2]  # a message, the same one
    statuses = set(Comment.objects.filter(body="Is this address known?").values_list("status"))
    assert statuses == {(Comment.Status.UNCONFIRMED,), (Comment.Status.PENDING,)}
