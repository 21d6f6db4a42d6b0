"""The supporters' sign-up on its lean path (signatures/rush.py): as the view, or left to it."""

from urllib.parse import urlencode

import pytest
from django.test import RequestFactory

from undersigned.signatures import rush, supporters
from undersigned.signatures.models import Supporter

EMAIL = "ani.sargsyan@mail.example.am"
SAME_SITE = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}


@pytest.fixture
def published(statement_factory, tasks_do_nothing):
    return statement_factory(translation__title="On the right to protest")


def environ(statement, *, headers=SAME_SITE, language="en", **overrides):
    data = {"name": "Ani Sargsyan", "place": "Gyumri", "email": EMAIL, "show_name": "on"}
    data.update(overrides)
    path = f"/{language}/statements/{statement.slug}/support/"
    # As a browser sends a form: URL-encoded (anything else is left to Django).
    return (
        RequestFactory()
        .post(path, urlencode(data), "application/x-www-form-urlencoded", headers=headers)
        .environ
    )


def test_a_valid_sign_up_is_stored_with_its_link_and_redirected_as_the_view_does(published):
    answer = rush.sign_up(environ(published, language="hy"))
    assert answer is not None
    status, headers, body = answer
    assert body == b""
    assert status == "302 Found"
    assert dict(headers)["Location"] == f"/hy/statements/{published.slug}/support/sent/"
    supporter = Supporter.objects.get()
    assert (supporter.email, supporter.name, supporter.language, supporter.show_name) == (
        EMAIL,
        "Ani Sargsyan",
        "hy",
        True,
    )
    assert supporter.mail_wanted_at is not None
    # The link the mail will carry confirms it: the digest was written with the row.
    supporters.supporter_confirm(token=supporters._supporter_confirm_token(supporter))
    supporter.refresh_from_db()
    assert supporter.confirmed_at is not None


def test_a_second_sign_up_asks_for_the_mail_again_and_changes_nothing_else(published):
    assert rush.sign_up(environ(published)) is not None
    Supporter.objects.update(mail_wanted_at=None)
    assert rush.sign_up(environ(published, name="Mallory", email=EMAIL.upper())) is not None
    supporter = Supporter.objects.get()
    assert supporter.name == "Ani Sargsyan"
    assert supporter.mail_wanted_at is not None


@pytest.mark.parametrize(
    "change",
    [
        {"headers": {"Sec-Fetch-Site": "cross-site"}},
        {"headers": {"Origin": "https://evil.example"}},
        {"website": "http://spam.example"},
        {"email": "not an address"},
        {"name": "Ani\x00"},
    ],
    ids=["cross-site", "foreign origin", "honeypot", "bad email", "NUL"],
)
def test_anything_but_a_valid_same_site_sign_up_is_left_to_the_view(published, change):
    request = environ(published, **change)
    body = request["wsgi.input"].read()
    request["wsgi.input"] = type(request["wsgi.input"])(body)
    assert rush.sign_up(request) is None
    assert request["wsgi.input"].read() == body  # put back for Django
    assert not Supporter.objects.exists()


def test_a_statement_that_takes_no_supporters_is_left_to_the_view(statement_factory):
    closed = statement_factory(status="open", published_at=None)
    assert rush.sign_up(environ(closed)) is None
    assert not Supporter.objects.exists()


def test_over_a_limit_the_view_answers_and_counts_it_once(published, settings):
    settings.SUPPORTERS_RATE_LIMIT_EMAIL = "1/h"
    assert rush.sign_up(environ(published)) is not None
    assert rush.sign_up(environ(published)) is None  # the view says why, with a 429
    settings.SUPPORTERS_RATE_LIMIT_EMAIL = "2/h"
    assert rush.sign_up(environ(published)) is not None  # the refused attempt was taken back
