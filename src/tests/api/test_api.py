"""The public API: what it lists and shows, its validators, CORS, rate limit and privacy."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date

from tests import factories


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response


def test_statement_list_shows_public_statements_newest_first_never_drafts(
    client, open_data_archive
):
    body = get(client, "/api/v1/statements/").json()

    slugs = [s["slug"] for s in body["results"]]
    assert slugs == ["on-the-right-to-protest", "on-free-elections", "withdrawn-one"]
    assert body["count"] == 3


def test_statement_list_leaves_out_statements_scheduled_for_later(client, open_data_archive):
    factories.StatementFactory(slug="next-week", published_at=timezone.now() + timedelta(days=7))

    slugs = [s["slug"] for s in get(client, "/api/v1/statements/").json()["results"]]

    assert "next-week" not in slugs
    assert "on-free-elections" in slugs


def test_statement_list_filters_by_category_year_organization_status_and_language(
    client, open_data_archive
):
    year = open_data_archive["published"].published_at.year

    def slugs(query):
        return [s["slug"] for s in get(client, f"/api/v1/statements/?{query}").json()["results"]]

    assert slugs("category=human-rights") == ["on-free-elections"]
    assert slugs("category=no-such-category") == []
    assert slugs(f"year={year}") == ["on-free-elections"]
    assert slugs("organization=helsinki-committee") == [
        "on-the-right-to-protest",
        "on-free-elections",
        "withdrawn-one",
    ]
    assert slugs("organization=civic-network") == ["on-free-elections"]
    assert slugs("status=withdrawn") == ["withdrawn-one"]
    assert slugs("language=ru") == ["on-free-elections"]
    assert slugs("q=elections") == ["on-free-elections"]
    assert slugs("q=elections&status=open") == []


def test_statement_list_pages_are_stable_and_linked(client, db):
    now = timezone.now()
    same_moment = now - timedelta(days=1)
    for n in range(5):
        factories.StatementFactory(slug=f"tied-{n}", published_at=same_moment)

    first = get(client, "/api/v1/statements/?page_size=2").json()
    second = get(client, "/api/v1/statements/?page_size=2&page=2").json()
    third = client.get(first["next"].split("8000", 1)[1]).json()

    assert first["pages"] == 3
    assert first["count"] == 5
    assert second == third
    seen = [s["slug"] for page in (first, second) for s in page["results"]]
    assert seen == ["tied-4", "tied-3", "tied-2", "tied-1"]
    assert second["previous"].endswith("page=1&page_size=2")
    assert get(client, "/api/v1/statements/?page=9").json()["results"] == []


def test_statement_detail_has_texts_footnotes_versions_and_public_signatories(
    client, open_data_archive
):
    body = get(client, "/api/v1/statements/on-free-elections/").json()

    assert [t["language"] for t in body["translations"]] == ["en", "hy", "ru"]
    english = body["translations"][0]
    assert english["footnotes"] == [{"label": "1", "text": "OSCE report, 2025."}]
    assert "<sup" in english["body_html"]
    assert [s["organization"]["slug"] for s in body["signatories"]] == [
        "helsinki-committee",
        "signatory-0",
        "signatory-1",
        "signatory-2",
        "signatory-3",
    ]
    assert body["signatories"][0]["organization"]["names"] == {
        "en": "Helsinki Committee",
        "hy": "Հելսինկյան կոմիտե",
        "ru": "Хельсинкский комитет",
    }
    assert body["publishers"][0]["names"]["ru"] == "Сеть гражданской солидарности"
    assert body["signatory_count"] == 5


def test_signatories_follow_the_alphabetical_order_the_page_shows(client, open_data_archive):
    statement = open_data_archive["published"]
    statement.signatory_order = "alphabetical"
    statement.save()

    body = get(client, "/api/v1/statements/on-free-elections/").json()

    names = [s["organization"]["name"] for s in body["signatories"]]
    assert names == sorted(names, key=str.casefold)
    assert [s["position"] for s in body["signatories"]] == [1, 2, 3, 4, 5]


def test_open_statement_lists_only_approved_signatories_and_its_versions(client, open_data_archive):
    body = get(client, "/api/v1/statements/on-the-right-to-protest/").json()

    assert [s["organization"]["name"] for s in body["signatories"]] == ["Helsinki Committee"]
    assert body["signatories"][0]["version"] == 1
    assert body["versions"][0]["number"] == 1
    assert body["versions"][0]["is_current"] is True
    assert body["open_for_signature"] is True


def test_drafts_and_unknown_slugs_answer_404_in_json(client, open_data_archive):
    for url in [
        "/api/v1/statements/a-draft/",
        "/api/v1/statements/nothing-here/",
        "/api/v1/organizations/nothing-here/",
        "/api/v1/statements/a/b/c/",
        "/api/v1/nowhere",
    ]:
        response = get(client, url)
        assert response.status_code == 404, url
        assert "detail" in response.json()


def test_malformed_parameters_answer_422(client, db):
    for query in ["page=0", "page=x", "year=99999", "status=draft", "category=a%20b"]:
        assert get(client, f"/api/v1/statements/?{query}").status_code == 422, query


def test_organization_detail_has_names_memberships_and_statements(client, open_data_archive):
    body = get(client, "/api/v1/organizations/helsinki-committee/").json()

    assert body["names"]["hy"] == "Հելսինկյան կոմիտե"
    assert [m["organization"]["slug"] for m in body["memberships"]] == ["civic-network"]
    assert body["memberships"][0]["role"] == "board"
    assert [s["slug"] for s in body["statements_signed"]] == [
        "on-the-right-to-protest",
        "on-free-elections",
    ]
    assert [s["slug"] for s in body["statements_published"]] == ["withdrawn-one"]
    network = get(client, "/api/v1/organizations/civic-network/").json()
    assert [m["organization"]["slug"] for m in network["members"]] == ["helsinki-committee"]


def test_organization_list_and_categories(client, open_data_archive):
    organizations = get(client, "/api/v1/organizations/?kind=network").json()
    categories = get(client, "/api/v1/categories/").json()

    assert [o["slug"] for o in organizations["results"]] == ["civic-network"]
    assert categories["results"][0]["slug"] == "human-rights"
    assert categories["results"][0]["statement_count"] == 1


def test_conditional_requests_answer_304_until_the_statement_changes(
    client, open_data_archive, django_capture_on_commit_callbacks
):
    url = "/api/v1/statements/on-free-elections/"
    first = get(client, url)
    etag, last_modified = first["ETag"], first["Last-Modified"]

    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    assert client.get(url, headers={"if-modified-since": last_modified}).status_code == 304
    translation = open_data_archive["published"].translations.get(language="en")
    translation.title = "On free and fair elections"
    with django_capture_on_commit_callbacks(execute=True):
        translation.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["title"]["en"] == "On free and fair elections"


def test_if_modified_since_before_the_last_change_gets_the_answer(client, open_data_archive):
    long_ago = http_date((timezone.now() - timedelta(days=30)).timestamp())

    response = client.get("/api/v1/categories/", headers={"if-modified-since": long_ago})

    assert response.status_code == 200


def test_cors_opens_the_api_and_oembed_to_every_site_and_nothing_else(client, open_data_archive):
    origin = {"origin": "https://member.example.org"}

    api = client.get("/api/v1/statements/", headers=origin)
    oembed = client.get("/oembed/?url=x", headers=origin)
    page = client.get("/en/statements/on-free-elections/", headers=origin)

    assert api["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in api["Access-Control-Expose-Headers"]
    assert oembed["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in page


def test_past_the_rate_limit_the_api_answers_429_with_retry_after(client, db, settings):
    settings.API_RATE_LIMIT = "3/m"

    answers = [client.get("/api/v1/categories/") for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert 0 < int(answers[-1]["Retry-After"]) <= 61
    assert "detail" in answers[-1].json()


def test_openapi_document_documents_every_status_the_api_answers_with(client, db):
    document = get(client, "/api/v1/openapi.json").json()

    assert document["openapi"].startswith("3.")
    detail = document["paths"]["/api/v1/statements/{slug}/"]["get"]["responses"]
    assert {"200", "304", "404", "422", "429"} <= set(detail)


def _walk(client, archive) -> dict[str, bytes]:
    """Fetch every public read: each API address, page of a list, oEmbed, embed and format."""
    pages: dict[str, bytes] = {}

    def fetch(url):
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = b"".join(response) if response.streaming else response.content
        return response

    fetch("/api/v1/openapi.json")
    fetch("/api/v1/categories/")
    for listing in ("/api/v1/statements/?page_size=1", "/api/v1/organizations/?page_size=2"):
        url = listing
        while url:
            body = fetch(url).json()
            for item in body["results"]:
                fetch(item["api_url"].split("8000", 1)[1])
            url = body["next"] and body["next"].split("8000", 1)[1]
    for slug in ("on-free-elections", "on-the-right-to-protest", "withdrawn-one"):
        for language in ("en", "hy", "ru"):
            page = f"http://127.0.0.1:8000/{language}/statements/{slug}/"
            fetch(f"/{language}/statements/{slug}/")
            fetch(f"/{language}/embed/{slug}/")
            fetch(f"/{language}/statements/{slug}.md")
            for oembed_format in ("json", "xml"):
                fetch(f"/oembed/?url={page}&format={oembed_format}")
    return pages


def test_no_public_read_ever_shows_contact_data(client, open_data_archive, settings, tmp_path):
    from undersigned.api.dump import dump_write
    from undersigned.signatures.models import SignOnRequest

    settings.DATA_DUMP_DIR = tmp_path
    dump_write()
    pages = _walk(client, open_data_archive)
    pages["dump"] = __import__("gzip").decompress(
        b"".join(client.get("/api/dump/statements.jsonl.gz"))
    )
    # Every email and phone in the database, not only those the fixture chose.
    secrets = set(open_data_archive["contacts"])
    for email, phone, name in SignOnRequest.objects.values_list(
        "contact_email", "contact_phone", "contact_name"
    ):
        secrets |= {value for value in (email, phone, name) if value}
    assert len(pages) > 50
    for url, content in pages.items():
        text = content.decode()
        # JSON escapes non-ASCII and "+": read it back so the search sees the real text.
        if text.lstrip().startswith("{") and "\n{" not in text.strip():
            text = json.dumps(json.loads(text), ensure_ascii=False)
        for secret in secrets:
            assert secret not in text, f"{secret!r} shown by {url}"
            assert secret.replace(" ", "") not in text.replace(" ", ""), url
    assert "Helsinki Committee" in pages["/api/v1/statements/on-the-right-to-protest/"].decode()


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_documentation_page_is_translated(client, db, language):
    response = client.get(f"/{language}/api/")

    assert response.status_code == 200
    assert b"/api/v1/openapi.json" in response.content
    assert b"Open data: API, embeds and downloads" not in response.content


def test_text_that_is_no_text_gets_a_json_400_that_the_schema_documents(client, open_data_archive):
    response = client.get("/api/v1/statements/", {"q": "water\x00"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "NUL" in response.json()["detail"]
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert "400" in operation["responses"], path
