"""A statement's public page: its text, signatories, translations and metadata for sharing."""

from datetime import datetime

import pytest
from django.utils import timezone
from selectolax.lexbor import LexborHTMLParser

SITE_URL = "http://127.0.0.1:8000"


def parse(response) -> LexborHTMLParser:
    return LexborHTMLParser(response.content.decode())


def meta(page: LexborHTMLParser, prop: str) -> str:
    return page.css_first(f'meta[property="{prop}"]').attributes["content"]


@pytest.fixture
def statement(
    statement_factory,
    statement_translation_factory,
    category_factory,
    organization_factory,
    signatory_factory,
    settings,
):
    settings.SITE_URL = SITE_URL
    statement = statement_factory(
        slug="freedom-of-assembly",
        published_at=timezone.make_aware(datetime(2024, 3, 14, 12, 0)),
        translation__title="On the freedom of assembly",
        translation__adoption_note="Adopted by the Governing Board on 12 March.",
        translation__body=(
            "We, the undersigned, condemn the detention of peaceful protesters [1].\n\n"
            "We call on the authorities to **release** them.\n\n"
            "[1] Report of the Human Rights Defender, 10 March"
        ),
    )
    statement_translation_factory(
        statement=statement, language="hy", title="Հավաքների ազատության մասին", body="Մենք..."
    )
    statement.categories.add(
        category_factory(slug="assembly", name_en="Freedom of assembly"),
        category_factory(slug="justice", name_en="Justice"),
    )
    for position, (name, slug) in enumerate(
        [("Lori Youth", "lori-youth"), ("Armavir Forum", "armavir-forum"), ("Syunik Women", "sw")],
        start=1,
    ):
        signatory_factory(
            statement=statement,
            organization=organization_factory(name=name, slug=slug),
            position=position,
        )
    return statement


URL = "/en/statements/freedom-of-assembly/"


def test_the_statement_page_shows_title_date_categories_and_adoption_note(client, statement):
    response = client.get(URL)
    assert response.status_code == 200
    page = parse(response)
    assert page.css_first("article.statement h1").text() == "On the freedom of assembly"
    assert page.css_first("title").text().startswith("On the freedom of assembly")
    time = page.css_first(".statement-header time")
    assert time.attributes["datetime"].startswith("2024-03-14T")
    assert "2024" in time.text()
    tags = {a.text(): a.attributes["href"] for a in page.css(".statement-header a.tag")}
    assert tags == {
        "Freedom of assembly": "/en/statements/categories/assembly/",
        "Justice": "/en/statements/categories/justice/",
    }
    assert page.css_first(".adoption-note").text() == "Adopted by the Governing Board on 12 March."


def test_the_statement_page_shows_the_body_with_linked_footnotes(client, statement):
    page = parse(client.get(URL))
    body = page.css_first(".statement-body")
    assert body.css_first("strong").text() == "release"
    reference = body.css_first("sup.footnote-ref a")
    assert reference.attributes["href"] == "#fn1"
    note = body.css_first("section.footnotes li#fn1")
    assert "Report of the Human Rights Defender" in note.text()
    assert note.css_first("a.footnote-backref").attributes["href"] == "#fnref1"


def test_the_signatories_are_a_numbered_list_with_a_count_and_links_to_organisations(
    client, statement
):
    page = parse(client.get(URL))
    section = page.css_first("section.signatories")
    assert section.css_first("h2 .count").text() == "(3)"
    items = section.css("ol.signatory-list > li")
    assert [(li.css_first("a").text(), li.css_first("a").attributes["href"]) for li in items] == [
        ("Lori Youth", "/en/organisations/lori-youth/"),
        ("Armavir Forum", "/en/organisations/armavir-forum/"),
        ("Syunik Women", "/en/organisations/sw/"),
    ]


def test_a_statement_without_signatories_says_so(client, statement_factory):
    statement_factory(slug="lonely")
    page = parse(client.get("/en/statements/lonely/"))
    section = page.css_first("section.signatories")
    assert section.css_first("h2 .count").text() == "(0)"
    assert section.css_first("ol") is None
    assert "No organisation has signed yet." in section.text()


def test_the_statement_page_links_to_its_other_translations(client, statement):
    page = parse(client.get(URL))
    links = page.css("nav.translations a")
    assert [(a.attributes["hreflang"], a.attributes["href"]) for a in links] == [
        ("hy", "/hy/statements/freedom-of-assembly/")
    ]
    assert links[0].attributes["lang"] == "hy"


def test_a_statement_in_one_language_has_no_translations_box(client, statement_factory):
    statement_factory(slug="english-only")
    page = parse(client.get("/en/statements/english-only/"))
    assert page.css_first("nav.translations") is None


def test_the_head_has_hreflang_alternates_for_each_translation_and_a_canonical_address(
    client, statement
):
    page = parse(client.get(URL))
    alternates = {
        link.attributes["hreflang"]: link.attributes["href"]
        for link in page.css("head link[rel=alternate][hreflang]")
    }
    assert alternates == {
        "en": f"{SITE_URL}/en/statements/freedom-of-assembly/",
        "hy": f"{SITE_URL}/hy/statements/freedom-of-assembly/",
    }
    canonical = page.css("head link[rel=canonical]")
    assert len(canonical) == 1
    assert canonical[0].attributes["href"] == f"{SITE_URL}{URL}"


def test_the_canonical_address_leaves_out_the_query_string(client, statement):
    page = parse(client.get(URL + "?utm_source=newsletter"))
    assert page.css_first("link[rel=canonical]").attributes["href"] == f"{SITE_URL}{URL}"


def test_the_head_has_open_graph_tags_for_an_article(client, statement):
    page = parse(client.get(URL))
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "On the freedom of assembly"
    assert meta(page, "og:url") == f"{SITE_URL}{URL}"
    assert meta(page, "og:locale") == "en"
    assert meta(page, "og:site_name")
    assert meta(page, "og:description").startswith("We, the undersigned, condemn the detention")
    assert meta(page, "article:published_time").startswith("2024-03-14T")
    tags = {m.attributes["content"] for m in page.css('meta[property="article:tag"]')}
    assert tags == {"Freedom of assembly", "Justice"}
    description = page.css_first("meta[name=description]").attributes["content"]
    assert description.startswith("We, the undersigned")
    assert "[1]" not in description


def test_the_statement_is_shown_in_the_language_of_the_address(client, statement):
    response = client.get("/hy/statements/freedom-of-assembly/")
    page = parse(response)
    assert page.css_first("html").attributes["lang"] == "hy"
    assert page.css_first("article.statement").attributes["lang"] == "hy"
    assert page.css_first("article.statement h1").text() == "Հավաքների ազատության մասին"
    assert page.css_first("article.statement .notice[role=note]") is None
    assert meta(page, "og:locale") == "hy"
    links = page.css("nav.translations a")
    assert [a.attributes["href"] for a in links] == ["/en/statements/freedom-of-assembly/"]


def test_a_statement_missing_in_the_language_falls_back_with_a_notice(client, statement):
    response = client.get("/ru/statements/freedom-of-assembly/")
    assert response.status_code == 200
    assert response["Content-Language"] == "ru"
    page = parse(response)
    assert page.css_first("html").attributes["lang"] == "ru"
    article = page.css_first("article.statement")
    # The English text, marked as English inside a Russian page, with a notice in Russian.
    assert article.attributes["lang"] == "en"
    assert article.css_first("h1").text() == "On the freedom of assembly"
    notice = article.css_first(".notice[role=note]")
    assert notice is not None
    assert notice.attributes["lang"] == "ru"
    assert "английский" in notice.text()  # the language named in the reader's language
    # Links to the translations there are, and none to the language it lacks.
    hreflangs = {a.attributes["hreflang"] for a in page.css("nav.translations a")}
    assert hreflangs == {"hy"}


def test_a_statement_with_no_english_falls_back_to_the_next_language(
    client, statement_factory, statement_translation_factory
):
    statement = statement_factory(slug="armenian-only", translation=False)
    statement_translation_factory(statement=statement, language="hy", title="Միայն հայերեն")
    page = parse(client.get("/en/statements/armenian-only/"))
    article = page.css_first("article.statement")
    assert article.attributes["lang"] == "hy"
    assert article.css_first("h1").text() == "Միայն հայերեն"
    assert article.css_first(".notice[role=note]") is not None


def test_the_publishers_are_named_with_links(client, statement, organization_factory):
    statement.publishers.add(organization_factory(name="Helsinki Committee", slug="hca"))
    page = parse(client.get(URL))
    link = page.css_first(".publishers a")
    assert (link.text(), link.attributes["href"]) == (
        "Helsinki Committee",
        "/en/organisations/hca/",
    )


def test_an_open_statement_shows_its_status_instead_of_a_date(client, statement_factory):
    statement_factory(slug="collecting", status="open", published_at=None)
    page = parse(client.get("/en/statements/collecting/"))
    header = page.css_first(".statement-header")
    assert header.css_first("time") is None
    assert header.css_first(".badge").text() == "Open for signature"


def test_a_withdrawn_statement_stays_on_record_with_a_warning(client, statement_factory):
    statement_factory(slug="retracted", status="withdrawn")
    response = client.get("/en/statements/retracted/")
    assert response.status_code == 200
    assert parse(response).css_first(".notice-warning") is not None


@pytest.mark.parametrize("path", ["/en/statements/no-such-statement/", "/hy/statements/nope/"])
def test_an_unknown_statement_is_a_not_found_page_in_the_sites_design(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    page = parse(response)
    assert page.css_first("header.site-header a.brand") is not None
    assert page.css_first("nav.language-switcher") is not None
    assert page.css_first("main h1") is not None
    assert page.css_first("html").attributes["lang"] == path.split("/")[1]
    assert page.css_first("link[rel=canonical]") is None


def test_a_draft_is_not_found(client, statement_factory):
    statement_factory(slug="secret", status="draft", published_at=None, translation__title="Secret")
    response = client.get("/en/statements/secret/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Secret" not in html
    assert parse(response).css_first("header.site-header") is not None


def test_a_statement_without_any_text_is_not_found(client, statement_factory):
    statement_factory(slug="empty", translation=False)
    assert client.get("/en/statements/empty/").status_code == 404


@pytest.mark.parametrize("language", ["en", "hy", "ru"])
def test_the_statement_page_declares_its_language(client, statement, language):
    response = client.get(f"/{language}/statements/freedom-of-assembly/")
    assert response["Content-Language"] == language
    assert parse(response).css_first("html").attributes["lang"] == language
