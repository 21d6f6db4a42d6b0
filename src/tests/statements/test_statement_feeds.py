"""RSS and Atom feeds of statements: all of them, per category and per organisation."""

import calendar
from datetime import datetime, timedelta

import feedparser
import pytest
from django.utils import timezone

FEED_KINDS = ["rss", "atom"]


def fetch(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


def published_at(day: int) -> datetime:
    return timezone.make_aware(datetime(2024, 4, day, 9, 30))


def epoch(struct_time) -> int:
    return calendar.timegm(struct_time)


@pytest.fixture
def archive(
    statement_factory,
    statement_translation_factory,
    category_factory,
    organization_factory,
    signatory_factory,
):
    elections = category_factory(slug="elections", name_en="Elections", name_hy="Ընտրություններ")
    monitor = organization_factory(name="Election Monitor", slug="monitor")
    first = statement_factory(
        slug="first",
        published_at=published_at(1),
        translation__title="First statement",
        translation__body="The first body.",
    )
    statement_translation_factory(statement=first, language="hy", title="Առաջին հայտարարություն")
    first.categories.add(elections)
    signatory_factory(statement=first, organization=monitor)
    second = statement_factory(
        slug="second", published_at=published_at(2), translation__title="Second statement"
    )
    second.categories.add(elections)
    third = statement_factory(
        slug="third", published_at=published_at(3), translation__title="Third statement"
    )
    signatory_factory(statement=third, organization=monitor)
    # None of these may appear in any feed.
    hidden = [
        statement_factory(status="draft", published_at=None, translation__title="Draft"),
        statement_factory(status="open", published_at=None, translation__title="Open"),
        statement_factory(status="withdrawn", translation__title="Withdrawn"),
        statement_factory(
            published_at=timezone.now() + timedelta(days=3), translation__title="Scheduled"
        ),
    ]
    for statement in hidden:
        statement.categories.add(elections)
        signatory_factory(statement=statement, organization=monitor)
    return {"first": first, "second": second, "third": third}


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_the_feed_of_all_statements_lists_published_statements_newest_first(client, archive, kind):
    _response, feed = fetch(client, f"/en/statements/feed.{kind}")
    assert [entry.title for entry in feed.entries] == [
        "Third statement",
        "Second statement",
        "First statement",
    ]
    assert feed.feed.title == "Undersigned: statements"
    assert feed.feed.link.endswith("/en/statements/")


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_feed_entries_link_to_the_statement_page_in_the_feeds_language(
    client, archive, kind, settings
):
    settings.SITE_URL = "https://statements.example.org"
    _response, feed = fetch(client, f"/hy/statements/feed.{kind}")
    links = [entry.link for entry in feed.entries]
    assert links == [
        "https://statements.example.org/hy/statements/third/",
        "https://statements.example.org/hy/statements/second/",
        "https://statements.example.org/hy/statements/first/",
    ]


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_feed_entries_carry_their_publication_date(client, archive, kind):
    _response, feed = fetch(client, f"/en/statements/feed.{kind}")
    dates = [epoch(entry.published_parsed) for entry in feed.entries]
    assert dates == [int(published_at(day).timestamp()) for day in (3, 2, 1)]
    assert all(entry.get("updated_parsed") for entry in feed.entries)


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_feed_entries_have_a_stable_id_a_summary_and_their_categories(client, archive, kind):
    _response, feed = fetch(client, f"/en/statements/feed.{kind}")
    first = feed.entries[-1]
    assert first.id.endswith(f"/statements/{archive['first'].pk}")
    assert first.summary == "The first body."
    assert [tag.term for tag in first.tags] == ["Elections"]


@pytest.mark.parametrize("kind", FEED_KINDS)
@pytest.mark.parametrize("language", ["en", "hy", "ru"])
def test_a_feed_is_in_the_language_of_its_address(client, archive, language, kind):
    response, feed = fetch(client, f"/{language}/statements/feed.{kind}")
    assert response["Content-Language"] == language
    assert feed.feed.language == language


def test_feed_titles_use_the_translation_and_fall_back_to_english(client, archive):
    _response, feed = fetch(client, "/hy/statements/feed.atom")
    assert [entry.title for entry in feed.entries] == [
        "Third statement",
        "Second statement",
        "Առաջին հայտարարություն",
    ]


def test_the_rss_and_atom_feeds_have_their_content_types(client, archive):
    assert client.get("/en/statements/feed.rss")["Content-Type"].startswith("application/rss+xml")
    assert client.get("/en/statements/feed.atom")["Content-Type"].startswith("application/atom+xml")


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_a_category_feed_lists_the_published_statements_in_the_category(client, archive, kind):
    _response, feed = fetch(client, f"/en/statements/categories/elections/feed.{kind}")
    assert [entry.title for entry in feed.entries] == ["Second statement", "First statement"]
    assert feed.feed.title == "Undersigned: Elections"
    assert feed.feed.link.endswith("/en/statements/categories/elections/")


def test_a_category_feed_is_named_in_the_feeds_language(client, archive):
    _response, feed = fetch(client, "/hy/statements/categories/elections/feed.rss")
    assert "Ընտրություններ" in feed.feed.title
    assert feed.feed.link.endswith("/hy/statements/categories/elections/")


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_an_organisation_feed_lists_the_published_statements_it_signed(client, archive, kind):
    _response, feed = fetch(client, f"/en/organisations/monitor/feed.{kind}")
    assert [entry.title for entry in feed.entries] == ["Third statement", "First statement"]
    assert "Election Monitor" in feed.feed.title
    assert feed.feed.link.endswith("/en/organisations/monitor/")


@pytest.mark.parametrize(
    "url",
    [
        "/en/statements/categories/nothing/feed.rss",
        "/en/statements/categories/nothing/feed.atom",
        "/en/organisations/nobody/feed.rss",
        "/en/organisations/nobody/feed.atom",
    ],
)
def test_the_feed_of_an_unknown_category_or_organisation_is_not_found(client, db, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_an_empty_archive_has_a_valid_empty_feed(client, db, kind):
    _response, feed = fetch(client, f"/en/statements/feed.{kind}")
    assert feed.entries == []


def test_a_feed_holds_at_most_thirty_entries(client, statement_factory):
    for _ in range(32):
        statement_factory()
    _response, feed = fetch(client, "/en/statements/feed.atom")
    assert len(feed.entries) == 30


def test_pages_announce_their_feeds(client, archive):
    html = client.get("/en/statements/").content.decode()
    assert 'type="application/atom+xml"' in html
    assert 'href="/en/statements/feed.atom"' in html
    assert 'href="/en/statements/feed.rss"' in html


ATOM = "{http://www.w3.org/2005/Atom}"


def _atom_urls(client, settings):
    from django.urls import reverse

    settings.SITE_URL = "https://statements.example.org"
    urls = []
    for language in ("en", "hy", "ru"):
        urls += [
            f"/{language}/statements/feed.atom",
            f"/{language}/statements/categories/elections/feed.atom",
            reverse("organizations:feed_atom", kwargs={"slug": "monitor"}).replace(
                "/en/", f"/{language}/", 1
            ),
        ]
    return urls


def test_every_atom_feed_has_what_rfc_4287_requires(client, archive, settings):
    from xml.etree import ElementTree

    for url in _atom_urls(client, settings):
        response = client.get(url, HTTP_HOST="localhost")
        root = ElementTree.fromstring(response.content)  # noqa: S314 (the site's own feed)
        assert root.tag == f"{ATOM}feed", url
        for name in ("id", "title", "updated"):
            assert root.find(f"{ATOM}{name}") is not None, (url, name)
        feed_has_author = root.find(f"{ATOM}author/{ATOM}name") is not None
        self_links = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
        assert [link.get("href") for link in self_links] == ["https://statements.example.org" + url]
        entries = root.findall(f"{ATOM}entry")
        assert entries, url
        for entry in entries:
            for name in ("id", "title", "updated"):
                assert entry.find(f"{ATOM}{name}") is not None, (url, name)
            assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
            alternate = [
                link.get("href")
                for link in entry.findall(f"{ATOM}link")
                if link.get("rel") in (None, "alternate")
            ]
            assert alternate, url
            assert all(href.startswith("https://statements.example.org/") for href in alternate)


def test_atom_entry_ids_are_distinct_per_language_and_stable_across_requests(
    client, archive, settings
):
    settings.SITE_URL = "https://statements.example.org"
    ids = {}
    for language in ("en", "hy", "ru"):
        _response, feed = fetch(client, f"/{language}/statements/feed.atom")
        ids[language] = [entry.id for entry in feed.entries]
        _response, again = fetch(client, f"/{language}/statements/feed.atom")
        assert [entry.id for entry in again.entries] == ids[language]
    assert len({entry_id for language_ids in ids.values() for entry_id in language_ids}) == 9


def test_an_entry_names_its_publishers_as_authors(client, archive, organization_factory, settings):
    archive["second"].publishers.add(organization_factory(name="Civic Forum", slug="forum"))
    _response, feed = fetch(client, "/en/statements/feed.atom")
    authors = {entry.title: entry.get("author") for entry in feed.entries}
    assert authors["Second statement"] == "Civic Forum"


def test_the_sitemap_lists_addresses_on_site_url_whatever_the_request_host(
    client, archive, settings
):
    settings.SITE_URL = "https://statements.example.org"
    text = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    assert "https://statements.example.org/en/statements/first/" in text
    assert "localhost" not in text
    assert "testserver" not in text
