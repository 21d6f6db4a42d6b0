"""The site's frame: the home page, language prefixes, the not-found page, Content-Language."""

from datetime import timedelta

import pytest
from django.utils import timezone
from selectolax.lexbor import LexborHTMLParser

LANGUAGES = ["en", "hy", "ru"]


def parse(response) -> LexborHTMLParser:
    return LexborHTMLParser(response.content.decode())


def section_titles(page: LexborHTMLParser, heading_id: str) -> list[str]:
    section = page.css_first(f"section[aria-labelledby={heading_id}]")
    if section is None:
        return []
    return [a.text() for a in section.css(".statement-card-title a")]


# --- the home page ---


def test_the_home_page_shows_the_six_latest_published_statements(client, statement_factory):
    now = timezone.now()
    for n in range(1, 9):
        statement_factory(
            published_at=now - timedelta(days=10 - n), translation__title=f"Statement {n}"
        )
    statement_factory(status="draft", published_at=None, translation__title="A draft")
    response = client.get("/en/")
    assert response.status_code == 200
    latest = section_titles(parse(response), "latest-heading")
    assert latest == [f"Statement {n}" for n in range(8, 2, -1)]
    more = parse(response).css_first("section[aria-labelledby=latest-heading] a.more")
    assert more.attributes["href"] == "/en/statements/"


def test_the_home_page_shows_statements_open_for_signature(client, statement_factory):
    now = timezone.now()
    statement_factory(status="open", published_at=None, translation__title="Collecting now")
    statement_factory(
        status="published", open_for_joining=True, translation__title="Still open to join"
    )
    statement_factory(status="published", translation__title="Published and closed to joining")
    statement_factory(
        status="open",
        published_at=None,
        signature_deadline=now - timedelta(days=1),
        translation__title="Deadline passed",
    )
    page = parse(client.get("/en/"))
    assert sorted(section_titles(page, "open-heading")) == ["Collecting now", "Still open to join"]
    latest = section_titles(page, "latest-heading")
    assert sorted(latest) == ["Published and closed to joining", "Still open to join"]


def test_the_home_page_has_no_open_section_when_nothing_takes_signatures(client, statement_factory):
    statement_factory()
    page = parse(client.get("/en/"))
    assert page.css_first("section[aria-labelledby=open-heading]") is None


def test_an_empty_site_has_a_working_home_page(client, db):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "No statements have been published yet." in response.content.decode()


# --- languages ---


def test_the_root_address_redirects_to_the_default_language(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_the_root_address_redirects_to_the_browsers_language(client, db, language):
    response = client.get("/", headers={"Accept-Language": f"{language},en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


def test_an_address_without_a_language_prefix_redirects_to_one(client, db):
    response = client.get("/statements/")
    assert response.status_code == 302
    assert response["Location"] == "/en/statements/"


@pytest.fixture
def public_pages(statement_factory, category_factory, signatory_factory, settings):
    settings.ARCHIVE_PAGE_SIZE = 1
    category = category_factory(slug="rights")
    signatory = signatory_factory(statement=statement_factory(slug="on-rights"))
    signatory.statement.categories.add(category)
    statement_factory(slug="second").categories.add(category)
    organization = signatory.organization.slug
    return [
        "",
        "statements/",
        "statements/page/2/",
        "statements/on-rights/",
        "statements/categories/",
        "statements/categories/rights/",
        "statements/categories/rights/page/2/",
        "organisations/",
        f"organisations/{organization}/",
        "search/?q=rights",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_declares_the_language_of_its_prefix(client, public_pages, language):
    for path in public_pages:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        assert response["Content-Language"] == language, path
        html = parse(response).css_first("html")
        assert html.attributes["lang"] == language, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_served_from_the_cache_keeps_its_language(client, public_pages, language):
    url = f"/{language}/statements/"
    client.get(url)
    again = client.get(url)
    assert again["Content-Language"] == language
    assert parse(again).css_first("html").attributes["lang"] == language


def test_the_language_switcher_links_to_this_page_in_every_language(client, public_pages):
    page = parse(client.get("/en/statements/categories/rights/"))
    links = {
        a.attributes["hreflang"]: a.attributes["href"] for a in page.css("nav.language-switcher a")
    }
    assert links == {
        "en": "/en/statements/categories/rights/",
        "hy": "/hy/statements/categories/rights/",
        "ru": "/ru/statements/categories/rights/",
    }
    current = page.css_first("nav.language-switcher a[aria-current]")
    assert current.attributes["hreflang"] == "en"


def test_the_language_switcher_keeps_the_query_string(client, public_pages):
    page = parse(client.get("/en/statements/?year=2024"))
    link = page.css_first("nav.language-switcher a[hreflang=hy]")
    assert link.attributes["href"] == "/hy/statements/?year=2024"


# --- not found ---


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_not_found_page_has_the_sites_header_and_language(client, db, language):
    response = client.get(f"/{language}/no/such/page/")
    assert response.status_code == 404
    assert response["Content-Language"] == language
    page = parse(response)
    assert page.css_first("html").attributes["lang"] == language
    header = page.css_first("header.site-header")
    assert header is not None
    assert header.css_first("a.brand").attributes["href"] == f"/{language}/"
    assert page.css_first("footer.site-footer") is not None
    assert page.css_first("main h1") is not None
    assert page.css_first("link[rel=stylesheet]") is not None
    archive = page.css_first("main a")
    assert archive.attributes["href"] == f"/{language}/statements/"
    # Nothing tells search engines this address is a page worth keeping.
    assert page.css_first("link[rel=canonical]") is None
    assert page.css_first("link[rel=alternate][hreflang]") is None


def test_the_home_page_shows_at_most_four_statements_open_for_signature(client, statement_factory):
    for _ in range(6):
        statement_factory(status="open", published_at=None)
    assert len(section_titles(parse(client.get("/en/")), "open-heading")) == 4


@pytest.mark.parametrize("path", ["", "statements/", "statements/page/2/", "organisations/"])
def test_listing_pages_name_their_address_in_every_language_and_their_canonical_address(
    client, public_pages, settings, path
):
    settings.SITE_URL = "https://undersigned.example.am"
    page = parse(client.get(f"/hy/{path}?utm_source=mail"))
    alternates = {
        link.attributes["hreflang"]: link.attributes["href"]
        for link in page.css("head link[rel=alternate][hreflang]")
    }
    assert alternates == {
        language: f"https://undersigned.example.am/{language}/{path}" for language in LANGUAGES
    }
    canonical = page.css_first("head link[rel=canonical]").attributes["href"]
    assert canonical == f"https://undersigned.example.am/hy/{path}"
    og_url = page.css_first('meta[property="og:url"]').attributes["content"]
    assert og_url == canonical


def test_every_page_names_a_favicon_that_is_served(client, db):
    from selectolax.lexbor import LexborHTMLParser

    page = LexborHTMLParser(client.get("/en/").content.decode())
    icons = [link.attributes["href"] for link in page.css('link[rel="icon"]')]
    assert any(href.endswith(".svg") for href in icons)
    assert any(href.endswith(".ico") for href in icons)
    redirect = client.get("/favicon.ico")
    assert redirect.status_code == 301
    assert redirect["Location"] in icons
