"""sitemap.xml (every public page in every language, with hreflang alternates) and robots.txt."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.conf import settings

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_xml(content: bytes) -> ElementTree.Element:
    # The site's own response, in a test: no untrusted XML here.
    return ElementTree.fromstring(content)  # noqa: S314


def sitemap(client) -> dict[str, dict[str, str]]:
    """Return {path: {hreflang: alternate path}} from the sitemap, checking it is valid XML."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = read_xml(response.content)
    assert root.tag == f"{{{NS['s']}}}urlset"
    entries = {}
    for url in root.findall("s:url", NS):
        location = urlsplit(url.findtext("s:loc", namespaces=NS))
        # On SITE_URL, as canonical links and feeds are, not on the request's host.
        assert f"{location.scheme}://{location.netloc}" == settings.SITE_URL
        alternates = {
            link.get("hreflang"): urlsplit(link.get("href")).path
            for link in url.findall("xhtml:link", NS)
        }
        assert all(link.get("rel") == "alternate" for link in url.findall("xhtml:link", NS))
        entries[location.path] = alternates
    return entries


@pytest.fixture
def site(statement_factory, category_factory, organization_factory):
    statement_factory(slug="published").categories.add(category_factory(slug="rights"))
    statement_factory(slug="collecting", status="open", published_at=None)
    statement_factory(slug="secret", status="draft", published_at=None)
    organization_factory(slug="lori-youth")


def test_the_sitemap_lists_every_public_statement_in_every_language(client, site):
    paths = sitemap(client)
    for slug in ["published", "collecting"]:
        for language in ["en", "hy", "ru"]:
            assert f"/{language}/statements/{slug}/" in paths


def test_the_sitemap_leaves_out_drafts(client, site):
    assert not [path for path in sitemap(client) if "secret" in path]


def test_the_sitemap_lists_categories_and_organisations(client, site):
    paths = sitemap(client)
    for language in ["en", "hy", "ru"]:
        assert f"/{language}/statements/categories/rights/" in paths
        assert f"/{language}/organisations/lori-youth/" in paths


def test_each_sitemap_entry_names_its_alternates_in_every_language(client, site):
    for path, alternates in sitemap(client).items():
        rest = path.split("/", 2)[2]
        for language in ["en", "hy", "ru"]:
            assert alternates[language] == f"/{language}/{rest}", path


def test_statement_entries_have_a_default_alternate_that_chooses_a_language(client, site):
    alternates = sitemap(client)["/en/statements/published/"]
    default = alternates["x-default"]
    response = client.get(default, headers={"Accept-Language": "ru"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/statements/published/"


def test_statement_entries_say_when_they_last_changed(client, site):
    root = read_xml(client.get("/sitemap.xml").content)
    for url in root.findall("s:url", NS):
        if "/statements/published/" in url.findtext("s:loc", namespaces=NS):
            assert url.findtext("s:lastmod", namespaces=NS)


def test_an_empty_site_has_a_valid_empty_sitemap(client, db):
    assert sitemap(client) == {}


def test_robots_txt_points_at_the_sitemap(client, db, settings):
    settings.SITE_URL = "https://undersigned.example.am"
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: https://undersigned.example.am/sitemap.xml" in lines
    assert lines[0] == "User-agent: *"


def test_robots_txt_keeps_crawlers_out_of_the_back_office_in_every_language(client, db):
    lines = client.get("/robots.txt").content.decode().splitlines()
    for language in ["en", "hy", "ru"]:
        assert f"Disallow: /{language}/admin/" in lines
        assert f"Disallow: /{language}/staff/" in lines
    # The public pages stay open to crawlers.
    assert "Disallow: /" not in lines
    assert not any(line.startswith("Disallow: /en/statements") for line in lines)


def test_the_sitemap_named_in_robots_txt_is_served(client, db):
    line = next(
        line
        for line in client.get("/robots.txt").content.decode().splitlines()
        if line.startswith("Sitemap:")
    )
    assert client.get(urlsplit(line.split(" ", 1)[1]).path).status_code == 200
