"""The page cache against what readers write and what strangers add to addresses."""

import random
import string

import pytest
from django.core.cache import cache
from django.test import Client

from undersigned.core.pagecache import CSRF_PLACEHOLDER
from undersigned.engagement.models import Comment, Commenter

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def published(statement_factory):
    return statement_factory(translation__title="On the freedom of assembly")


def page_entries() -> set[str]:
    return {key for key in cache._cache if ":pages:" in key}


@pytest.mark.parametrize(
    "body",
    [
        f"Try {CSRF_PLACEHOLDER} here",
        f"Or {CSRF_PLACEHOLDER}0123456789abcdef0123456789abcdef, a guessed one",
    ],
)
def test_a_comment_quoting_the_csrf_placeholder_is_shown_as_written(published, body):
    Comment.objects.create(
        statement=published,
        commenter=Commenter.objects.create(email="a@example.am"),
        name="Anahit",
        body=body,
        language="en",
        status=Comment.Status.APPROVED,
    )
    url = published.get_absolute_url()
    for reader in (Client(), Client()):  # the first renders the page, the second reads the cache
        response = reader.get(url)
        assert response.status_code == 200
        assert body in response.content.decode()
        # No reader's token was put into the page, so nothing makes it personal.
        assert "csrftoken" not in response.cookies
        assert response["Cache-Control"].startswith("public")


def test_the_support_form_is_one_copy_for_every_visitor(published):
    url = f"/en/statements/{published.slug}/support/"
    one, two = Client().get(url), Client().get(url)
    # No token, no cookie: its POST is checked by Origin and Sec-Fetch-Site (core/origin.py).
    assert one.content == two.content
    assert CSRF_PLACEHOLDER not in one.content.decode()
    assert "csrftoken" not in one.cookies
    assert one["Cache-Control"].startswith("public")


def test_a_thousand_unknown_parameters_add_no_cached_page(client, published):
    paths = ["/en/", "/en/statements/", f"/en/statements/{published.slug}/", "/en/organisations/"]
    for path in paths:
        assert client.get(path).status_code == 200
    before = page_entries()
    assert before
    rng = random.Random(11)
    known = {"q", "kind", "page", "year", "category", "organization", "language"}
    for number in range(1000):
        name = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(1, 12)))
        while name in known:
            name += "x"
        value = "".join(rng.choices(string.ascii_letters + string.digits, k=rng.randint(0, 20)))
        response = client.get(paths[number % len(paths)], {name: value, "utm_source": number})
        assert response.status_code == 200
    assert page_entries() == before


def test_the_view_sees_only_the_parameters_it_reads(client, published):
    # The search box of every page shows `q`: only the search page reads it.
    page = client.get(f"/en/statements/{published.slug}/?q=injected-words").content.decode()
    assert "injected-words" not in page
    search = client.get("/en/search/?q=assembly&junk=1").content.decode()
    assert 'value="assembly"' in search
    assert "junk" not in search


def test_known_parameters_in_any_order_share_one_cached_page(client, published):
    client.get("/en/statements/?year=2024&page=1")
    before = page_entries()
    client.get("/en/statements/?page=1&year=2024&utm_campaign=x")
    assert page_entries() == before
