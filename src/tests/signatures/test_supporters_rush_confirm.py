"""The supporter's confirmation link on the rush's lean path (signatures/rush.py).

The lean path must answer exactly as the view would: the same page, byte for byte, for a
waiting link (GET) and for its Confirm (POST); everything else is left to the view.
"""

from datetime import timedelta

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.utils import timezone

from undersigned.signatures import rush, supporters
from undersigned.signatures.models import Supporter, SupporterTally

SAME_SITE = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
# What a name and place may hold that the template escapes.
NAME = 'Ani <b>"Sargsyan"</b> & Co\'s'
PLACE = "Գյումրի <script>alert(1)</script>"


@pytest.fixture
def app():
    """The site's WSGI stack: the lean path in front of Django, its answers noted."""
    lean: list[str] = []

    def observe(route, view):
        def noted(environ, status, headers, seconds):
            lean.append(f"{environ['REQUEST_METHOD']} {view}")
            return headers

        return noted

    # As Django's test client does: the test's transaction keeps its connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        application = rush.SupportersRush(WSGIHandler(), observe=observe)
        application.lean = lean
        yield application
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def published(statement_factory, tasks_do_nothing):
    return statement_factory(translation__title="On the right to protest")


def sign_up(statement, email, *, name=NAME, place=PLACE, show_name=True, language="hy"):
    supporters.supporter_sign_up(
        statement=statement,
        name=name,
        place=place,
        email=email,
        show_name=show_name,
        language=language,
    )
    supporter = Supporter.objects.get(email=email)
    return supporter, supporters._supporter_confirm_token(supporter)


def call(application, method, path, *, headers=None, cookies=None):
    factory = RequestFactory()
    if cookies:
        factory.cookies.load(cookies)
    request = getattr(factory, method.lower())(path, headers=headers or {})
    answered: list = []
    body = b"".join(application(request.environ, lambda *args: answered.extend(args[:2])))
    status, headers = answered
    return int(status.split()[0]), dict(headers), body


def link(token, language="hy"):
    return f"/{language}/support/confirm/{token}/"


@pytest.mark.parametrize("language", ["en", "hy", "ru"])
@pytest.mark.parametrize("show_name", [True, False])
def test_a_waiting_links_page_is_the_views_page(app, published, language, show_name):
    _supporter, token = sign_up(published, "ani@example.am", show_name=show_name)
    lean = call(app, "GET", link(token, language))
    view = call(app.application, "GET", link(token, language))
    assert app.lean == ["GET signatures:support_confirm"]
    assert lean[0] == view[0] == 200
    assert lean[2] == view[2]
    assert NAME not in lean[2].decode()  # escaped, as the template does
    assert "&lt;script&gt;" in lean[2].decode()
    assert token in lean[2].decode()  # the language links keep the visitor's link
    for header in ("Content-Type", "Content-Language", "Cache-Control", "X-Robots-Tag",
                   "Referrer-Policy", "Content-Security-Policy", "X-Frame-Options"):  # fmt: skip
        assert lean[1].get(header) == view[1].get(header), header
    assert int(lean[1]["Content-Length"]) == len(lean[2])
    # Showing the page confirms nothing.
    assert Supporter.objects.get().confirmed_at is None


def test_the_page_is_built_once_and_shared_by_every_supporter(app, published):
    first = sign_up(published, "ani@example.am", name="Ani", place="Gyumri")[1]
    second = sign_up(published, "aram@example.am", name="Aram", place="Vanadzor")[1]
    one, two = call(app, "GET", link(first))[2], call(app, "GET", link(second))[2]
    assert b"Ani, Gyumri" in one
    assert b"Aram" not in one
    assert first.encode() in one
    assert b"Aram, Vanadzor" in two
    assert b"Ani" not in two
    assert second.encode() in two
    assert len(app._pages) == 1


def test_confirm_confirms_once_and_answers_with_the_views_page(app, published):
    supporter, token = sign_up(published, "ani@example.am")
    _twin, twin_token = sign_up(published, "twin@example.am")
    status, _headers, body = call(app, "POST", link(token), headers=SAME_SITE)
    assert app.lean == ["POST signatures:support_confirm"]
    assert status == 200
    supporter.refresh_from_db()
    assert supporter.confirmed_at is not None
    # The view's page for the same confirmation (another supporter, the same name and place).
    view = call(app.application, "POST", link(twin_token), headers=SAME_SITE)
    assert view[0] == 200
    assert body == view[2].replace(twin_token.encode(), token.encode())
    # Counted by the statement's next batch.
    assert supporters.supporter_tally_update(statement_id=published.pk) == 2
    assert SupporterTally.objects.get(statement=published).count == 2
    # Confirmed: the link now shows the view's "already confirmed".
    again = call(app, "POST", link(token), headers=SAME_SITE)
    assert again[0] == 410
    assert call(app, "GET", link(token))[0] == 410
    assert app.lean == ["POST signatures:support_confirm"]


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://evil.example"}],
    ids=["cross-site", "foreign origin"],
)
def test_a_confirm_from_another_site_is_refused_by_the_view(app, published, headers):
    supporter, token = sign_up(published, "ani@example.am")
    status, _headers, _body = call(app, "POST", link(token), headers=headers)
    assert status == 403
    assert app.lean == []
    supporter.refresh_from_db()
    assert supporter.confirmed_at is None


def test_unknown_and_expired_links_are_left_to_the_view(app, published):
    supporter, token = sign_up(published, "ani@example.am")
    Supporter.objects.update(confirm_expires_at=timezone.now() - timedelta(minutes=1))
    assert call(app, "GET", link(token))[0] == 410
    assert call(app, "POST", link(token), headers=SAME_SITE)[0] == 410
    unknown = "A" * 43
    assert call(app, "GET", link(unknown))[0] == 404
    assert call(app, "POST", link(unknown), headers=SAME_SITE)[0] == 404
    assert app.lean == []
    supporter.refresh_from_db()
    assert supporter.confirmed_at is None


def test_a_signed_in_visitor_gets_the_views_page(app, published):
    _supporter, token = sign_up(published, "ani@example.am")
    status, _headers, _body = call(app, "GET", link(token), cookies="sessionid=abc")
    assert status == 200
    assert app.lean == []


def test_a_name_that_looks_like_a_placeholder_is_shown_as_typed(app, published):
    typed = f"UNDERSIGNEDPLACE{rush._HOLD}"
    _supporter, token = sign_up(published, "ani@example.am", name=typed, place="Gyumri")
    body = call(app, "GET", link(token))[2].decode()
    assert f"{typed}, Gyumri" in body


def test_a_changed_title_shows_once_the_page_is_built_again(app, published, monkeypatch):
    _supporter, token = sign_up(published, "ani@example.am", language="en")
    assert b"On the right to protest" in call(app, "GET", link(token, "en"))[2]
    translation = published.translations.get(language="en")
    translation.title = "On the freedom of assembly"
    translation.save()
    monkeypatch.setattr(rush, "PAGE_SECONDS", 0.0)
    assert b"On the freedom of assembly" in call(app, "GET", link(token, "en"))[2]


def test_a_rush_asks_the_shared_cache_for_the_batch_clocks_twice_a_second_at_most(
    published, monkeypatch
):
    """Each batch's clock is checked in the shared cache, then trusted for half a second."""
    from django.core.cache import caches

    cache = caches["default"]
    asked: list[str] = []
    add = cache.add
    monkeypatch.setattr(cache, "add", lambda key, *a, **k: asked.append(key) or add(key, *a, **k))
    for number in range(5):
        _supporter, token = sign_up(published, f"ani{number}@example.am")
        supporters.supporter_confirm(token=token)
    assert asked.count(f"supporters:mail-clock:{published.pk}") == 1
    assert asked.count(f"supporters:tally-clock:{published.pk}") == 1
    # Past the trusted half second, the cache is asked again; the clock still runs.
    monkeypatch.setattr(supporters, "CLOCK_TRUST_SECONDS", 0.0)
    sign_up(published, "aram@example.am")
    assert asked.count(f"supporters:mail-clock:{published.pk}") == 2


# The link mailed now: the statement's address with the token in the query string.


def mailed_link(statement, token, language="hy"):
    return f"/{language}/statements/{statement.slug}/support/confirm/?token={token}"


def test_the_mailed_links_page_is_one_page_for_every_supporter(app, published):
    first = sign_up(published, "ani@example.am", name="Ani", place="Gyumri")[1]
    second = sign_up(published, "aram@example.am", name="Aram", place="Vanadzor")[1]
    one = call(app, "GET", mailed_link(published, first))
    two = call(app, "GET", mailed_link(published, second))
    assert one[0] == two[0] == 200
    # Django's page, cached and shared: nothing of either supporter, nor their tokens, in it.
    assert app.lean == []
    assert one[2] == two[2]
    for secret in (first, second, "Ani", "Aram", "Gyumri"):
        assert secret.encode() not in one[2]
    assert b"On the right to protest" in one[2]
    assert b'<form method="post" data-keeps-query>' in one[2]  # posted to its own address
    assert one[1]["Cache-Control"].startswith("public")
    assert (one[1]["Referrer-Policy"], one[1]["X-Robots-Tag"]) == ("same-origin", "noindex")
    assert "Set-Cookie" not in one[1]
    # Opening it confirms nothing.
    assert not Supporter.objects.filter(confirmed_at__isnull=False).exists()


def test_the_mailed_links_confirm_takes_the_lean_path_with_the_views_page(app, published):
    supporter, token = sign_up(published, "ani@example.am")
    _twin, twin_token = sign_up(published, "twin@example.am")
    status, _headers, body = call(app, "POST", mailed_link(published, token), headers=SAME_SITE)
    assert (status, app.lean) == (200, ["POST signatures:support_confirm_link"])
    supporter.refresh_from_db()
    assert supporter.confirmed_at is not None
    view = call(app.application, "POST", mailed_link(published, twin_token), headers=SAME_SITE)
    assert view[0] == 200
    assert body == view[2].replace(twin_token.encode(), token.encode())
    # Used: the view says so.
    again = call(app, "POST", mailed_link(published, token, "en"), headers=SAME_SITE)
    assert again[0] == 410
    assert "your support is confirmed and counts" in again[2].decode()
    assert app.lean == ["POST signatures:support_confirm_link"]


@pytest.mark.parametrize(
    "query",
    ["", "token=", "token=short", "token={token}&token=" + "B" * 43, "token={token}%00"],
    ids=["none", "empty", "too short", "two tokens", "nul"],
)
def test_a_mailed_link_without_a_single_good_token_is_left_to_the_view(app, published, query):
    supporter, token = sign_up(published, "ani@example.am")
    path = f"/hy/statements/{published.slug}/support/confirm/?{query.format(token=token)}"
    status, _headers, _body = call(app, "POST", path, headers=SAME_SITE)
    assert status in (400, 404)
    assert app.lean == []
    supporter.refresh_from_db()
    assert supporter.confirmed_at is None


def test_a_mailed_links_confirm_from_another_site_is_refused(app, published):
    supporter, token = sign_up(published, "ani@example.am")
    headers = {"Sec-Fetch-Site": "cross-site"}
    assert call(app, "POST", mailed_link(published, token), headers=headers)[0] == 403
    assert app.lean == []
    supporter.refresh_from_db()
    assert supporter.confirmed_at is None
