"""oEmbed (found by discovery by consumer libraries), the embed page, Markdown, JSON-LD, dump."""

import gzip
import json
import re

import pytest
import yaml

SITE = "http://127.0.0.1:8000"
PAGE = f"{SITE}/en/statements/on-free-elections/"


def test_oembed_answers_json_and_xml_with_the_card(client, open_data_archive):
    answer = client.get("/oembed/", {"url": PAGE, "format": "json"}).json()
    xml = client.get("/oembed/", {"url": PAGE, "format": "xml"})

    assert answer["version"] == "1.0"
    assert answer["type"] == "rich"
    assert answer["title"] == "On free elections"
    assert answer["author_name"] == "Civic Solidarity Network"
    assert answer["signatory_count"] == 5
    assert f'src="{SITE}/en/embed/on-free-elections/"' in answer["html"]
    assert xml["Content-Type"].startswith("text/xml")
    assert b"<oembed><version>1.0</version><type>rich</type>" in xml.content


def test_oembed_honours_maxwidth_and_maxheight(client, open_data_archive):
    answer = client.get("/oembed/", {"url": PAGE, "maxwidth": 320, "maxheight": 200}).json()

    assert (answer["width"], answer["height"]) == (320, 200)
    assert 'width="320" height="200"' in answer["html"]


def test_oembed_refuses_what_is_not_a_statement_and_unknown_formats(client, open_data_archive):
    def status(**params):
        return client.get("/oembed/", params).status_code

    assert status(url=f"{SITE}/en/organisations/civic-network/") == 404
    assert status(url="https://elsewhere.example/en/statements/on-free-elections/") == 404
    assert status(url=f"{SITE}/en/statements/a-draft/") == 404
    assert status(url=PAGE, format="yaml") == 501
    assert status(url=PAGE, maxwidth="wide") == 400
    assert status() == 400


def test_every_statement_page_links_its_oembed_markdown_and_json_ld(client, open_data_archive):
    html = client.get("/ru/statements/on-free-elections/").content.decode()

    assert 'type="application/json+oembed"' in html
    assert 'type="text/xml+oembed"' in html
    assert 'href="/ru/statements/on-free-elections.md"' in html
    assert '<script type="application/ld+json">' in html


@pytest.fixture
def site_at_live_server(settings, live_server):
    settings.SITE_URL = live_server.url
    return live_server.url


def test_pyembed_discovers_the_oembed_link_and_renders_the_card(
    site_at_live_server, open_data_archive
):
    from pyembed.core import PyEmbed
    from pyembed.core.discovery import AutoDiscoverer

    page = f"{site_at_live_server}/en/statements/on-free-elections/"
    html = PyEmbed(discoverer=AutoDiscoverer()).embed(page, max_width=400)
    xml_endpoint = next(AutoDiscoverer().get_oembed_urls(page, "xml"))

    assert f'src="{site_at_live_server}/en/embed/on-free-elections/"' in html
    assert 'width="400"' in html
    assert "format=xml" in xml_endpoint


def test_micawber_turns_the_discovered_statement_url_into_its_card(
    site_at_live_server, open_data_archive
):
    from micawber import Provider, ProviderRegistry
    from pyembed.core.discovery import AutoDiscoverer

    page = f"{site_at_live_server}/hy/statements/on-free-elections/"
    endpoint = next(AutoDiscoverer().get_oembed_urls(page, "json")).split("?", 1)[0]
    registry = ProviderRegistry()
    registry.register(re.escape(site_at_live_server) + r"/\w+/statements/\S+", Provider(endpoint))

    text = registry.parse_text(f"Read it here:\n{page}\n", maxwidth=500)
    card = registry.request(page)

    assert f'src="{site_at_live_server}/hy/embed/on-free-elections/"' in text
    assert card["title"] == "Ազատ ընտրությունների մասին"
    assert card["signatory_count"] == 5


def test_embed_page_may_be_framed_by_any_site_and_sets_no_cookie(client, open_data_archive):
    embed = client.get("/hy/embed/on-free-elections/")
    page = client.get("/hy/statements/on-free-elections/")

    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed
    assert not embed.cookies
    assert "ETag" in embed
    assert page["X-Frame-Options"] == "DENY"
    html = embed.content.decode()
    assert "Ազատ ընտրությունների մասին" in html
    assert "Հելսինկյան կոմիտե" not in html or "Helsinki Committee" in html
    assert 'target="_blank"' in html
    assert "<script" not in html
    assert " style=" not in html


def test_embed_button_invites_to_sign_while_signing_is_open(client, open_data_archive):
    open_embed = client.get("/en/embed/on-the-right-to-protest/").content.decode()
    closed_embed = client.get("/en/embed/on-free-elections/").content.decode()
    withdrawn_embed = client.get("/ru/embed/withdrawn-one/").content.decode()

    assert "Read and sign" in open_embed
    assert "Read and sign" not in closed_embed
    assert "Read the whole statement and see who signed" in closed_embed
    assert "We call for free elections" in closed_embed
    assert "OSCE report, 2025." in closed_embed
    assert "Это заявление отозвано" in withdrawn_embed


def test_embed_page_is_served_from_the_page_cache_until_the_list_changes(
    client, open_data_archive, django_capture_on_commit_callbacks
):
    from tests import factories

    first = client.get("/en/embed/on-free-elections/")
    assert (
        client.get(
            "/en/embed/on-free-elections/", headers={"if-none-match": first["ETag"]}
        ).status_code
        == 304
    )
    with django_capture_on_commit_callbacks(execute=True):
        factories.SignatoryFactory(
            statement=open_data_archive["published"],
            organization=factories.OrganizationFactory(name="Late Joiner"),
        )
    again = client.get("/en/embed/on-free-elections/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert b"Late Joiner" in again.content


def test_statement_page_offers_the_embed_code_without_javascript(client, open_data_archive):
    html = client.get("/en/statements/on-free-elections/").content.decode()

    box = re.search(r"<textarea[^>]*readonly[^>]*>(.*?)</textarea>", html, re.S)
    assert box is not None
    assert "&lt;iframe src=&quot;http://127.0.0.1:8000/en/embed/on-free-elections/" in box.group(1)


def test_markdown_has_front_matter_the_text_and_the_signatories(client, open_data_archive):
    response = client.get("/ru/statements/on-free-elections.md")

    assert response["Content-Type"].startswith("text/markdown")
    text = response.content.decode()
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["title"] == "О свободных выборах"
    assert meta["language"] == "ru"
    assert meta["license"] == "CC-BY-4.0"
    assert meta["signatories"][0]["name"] == "Helsinki Committee"
    assert "# О свободных выборах" in body
    assert "1. Helsinki Committee" in body


# A minimal schema.org context, kept here: the test machine has no network, and pyld must not
# fetch https://schema.org. It maps the terms the statement uses onto the schema.org IRIs, as
# the real context does.
SCHEMA_ORG_CONTEXT = {
    "@context": {
        "@vocab": "https://schema.org/",
        "schema": "https://schema.org/",
        "url": {"@id": "schema:url", "@type": "@id"},
        "license": {"@id": "schema:license", "@type": "@id"},
        "contentUrl": {"@id": "schema:contentUrl", "@type": "@id"},
        "datePublished": {"@id": "schema:datePublished", "@type": "schema:DateTime"},
        "dateModified": {"@id": "schema:dateModified", "@type": "schema:DateTime"},
    }
}


def _local_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": SCHEMA_ORG_CONTEXT,
        }
    raise AssertionError(f"pyld tried to fetch {url}")


def test_json_ld_is_valid_json_ld_with_publisher_and_signatories(client, open_data_archive):
    from pyld import jsonld

    html = client.get("/en/statements/on-free-elections/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    document = json.loads(block)

    expanded = jsonld.expand(document, {"documentLoader": _local_loader})
    work = expanded[0]
    assert work["@type"] == ["https://schema.org/CreativeWork"]
    publisher = work["https://schema.org/publisher"][0]
    assert publisher["@type"] == ["https://schema.org/Organization"]
    assert publisher["https://schema.org/name"][0]["@value"] == "Civic Solidarity Network"
    contributors = work["https://schema.org/contributor"]
    assert len(contributors) == 5
    names = {c["https://schema.org/name"][0]["@value"] for c in contributors}
    assert "Helsinki Committee" in names
    helsinki = next(
        c for c in contributors if c["https://schema.org/name"][0]["@value"] == "Helsinki Committee"
    )
    assert {a["@value"] for a in helsinki["https://schema.org/alternateName"]} == {
        "Հելսինկյան կոմիտե",
        "Хельсинкский комитет",
    }
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": _local_loader}
    )
    assert "<https://schema.org/Organization>" in nquads


def test_dump_holds_every_public_statement_with_its_licence(
    client, open_data_archive, settings, tmp_path
):
    from undersigned.api.tasks import dump_regenerate

    settings.DATA_DUMP_DIR = tmp_path
    assert client.get("/api/dump/statements.jsonl.gz").status_code == 503
    dump_regenerate.call()

    response = client.get("/api/dump/statements.jsonl.gz")
    lines = [json.loads(line) for line in gzip.decompress(b"".join(response)).splitlines()]

    assert response["Content-Type"] == "application/gzip"
    since = {"if-modified-since": response["Last-Modified"]}
    assert client.get("/api/dump/statements.jsonl.gz", headers=since).status_code == 304
    assert lines[0]["type"] == "dump"
    assert lines[0]["license"] == "CC-BY-4.0"
    statements = [line for line in lines if line["type"] == "statement"]
    assert {s["slug"] for s in statements} == {
        "on-free-elections",
        "on-the-right-to-protest",
        "withdrawn-one",
    }
    assert all(s["license"] == "CC-BY-4.0" for s in statements)
    api = client.get("/api/v1/statements/on-free-elections/").json()
    dumped = next(s for s in statements if s["slug"] == "on-free-elections")
    assert dumped["signatories"] == api["signatories"]


def test_a_change_books_one_dump_regeneration_for_the_worker(
    open_data_archive, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    statement = open_data_archive["published"]
    with django_capture_on_commit_callbacks(execute=True):
        statement.open_for_joining = True
        statement.save()
        statement.save()

    booked = DBTaskResult.objects.filter(task_path__endswith="dump_regenerate")
    assert booked.count() == 1
    assert booked.get().run_after is not None
