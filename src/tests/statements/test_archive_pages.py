"""The archive of statements and the category pages: entries, filters and pagination."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from selectolax.lexbor import LexborHTMLParser

LONG_BODY = " ".join(["We call on the authorities to respect the freedom of assembly."] * 12)


def parse(response) -> LexborHTMLParser:
    return LexborHTMLParser(response.content.decode())


def titles(response) -> list[str]:
    return [a.text() for a in parse(response).css(".statement-card-title a")]


@pytest.fixture
def page_size(settings):
    settings.ARCHIVE_PAGE_SIZE = 3
    return 3


@pytest.fixture
def seven_statements(statement_factory, page_size):
    """Seven published statements, "Statement 7" the newest: three pages of three."""
    start = timezone.make_aware(datetime(2024, 1, 10, 12, 0))
    return [
        statement_factory(
            slug=f"statement-{n}",
            published_at=start + timedelta(days=n),
            translation__title=f"Statement {n}",
        )
        for n in range(1, 8)
    ]


# --- entries ---


@pytest.mark.django_db
def test_entry_titles_follow_the_page_heading_without_skipping_a_level(
    client, category_factory, statement_factory
):
    category = category_factory(slug="assembly", name_en="Assembly")
    statement_factory(slug="on-assembly").categories.add(category)
    for address, level in [
        ("/en/statements/", "h2"),  # straight under the page's h1
        ("/en/statements/categories/assembly/", "h2"),
        ("/en/", "h3"),  # under the home page's h2 sections
    ]:
        response = client.get(address)
        assert response.status_code == 200, address
        tags = {node.tag for node in parse(response).css(".statement-card-title")}
        assert tags == {level}, address


def test_each_archive_entry_shows_title_date_categories_signatory_count_and_excerpt(
    client, statement_factory, category_factory, signatory_factory
):
    statement = statement_factory(
        slug="on-assembly",
        published_at=timezone.make_aware(datetime(2024, 5, 2, 12, 0)),
        translation__title="On the freedom of assembly",
        translation__body=LONG_BODY,
    )
    statement.categories.add(category_factory(slug="assembly", name_en="Assembly"))
    for _ in range(2):
        signatory_factory(statement=statement)
    response = client.get("/en/statements/")
    assert response.status_code == 200
    [card] = parse(response).css("article.statement-card")
    link = card.css_first(".statement-card-title a")
    assert (link.text(), link.attributes["href"]) == (
        "On the freedom of assembly",
        "/en/statements/on-assembly/",
    )
    time = card.css_first("time")
    assert time.attributes["datetime"].startswith("2024-05-02")
    assert "2024" in time.text()
    tag = card.css_first("a.tag")
    assert (tag.text(), tag.attributes["href"]) == (
        "Assembly",
        "/en/statements/categories/assembly/",
    )
    assert "2 signatories" in card.css_first(".meta").text()
    excerpt = card.css_first(".excerpt").text()
    assert excerpt.endswith("…")
    assert excerpt.startswith("We call on the authorities")
    assert len(excerpt) <= 280


def test_one_signatory_is_counted_in_the_singular(client, signatory_factory):
    signatory_factory()
    card = parse(client.get("/en/statements/")).css_first("article.statement-card")
    assert "1 signatory" in card.css_first(".meta").text()


def test_the_archive_lists_only_published_statements(client, statement_factory):
    statement_factory(translation__title="Published one")
    statement_factory(status="closed", translation__title="Closed one")
    statement_factory(status="draft", published_at=None, translation__title="Draft one")
    statement_factory(status="open", published_at=None, translation__title="Open one")
    statement_factory(status="withdrawn", translation__title="Withdrawn one")
    statement_factory(
        published_at=timezone.now() + timedelta(days=1), translation__title="Future one"
    )
    response = client.get("/en/statements/")
    assert sorted(titles(response)) == ["Closed one", "Published one"]
    assert "2 statements" in parse(response).css_first(".result-count").text()


def test_an_empty_archive_says_so(client, db):
    response = client.get("/en/statements/")
    assert response.status_code == 200
    assert "No statements match these filters." in response.content.decode()


def test_archive_entries_are_titled_in_the_readers_language_with_fallback(
    client, statement_factory, statement_translation_factory
):
    both = statement_factory(translation__title="In both languages")
    statement_translation_factory(statement=both, language="hy", title="Երկու լեզվով")
    statement_factory(translation__title="Only in English")
    page = parse(client.get("/hy/statements/"))
    cards = {
        card.css_first(".statement-card-title a").text(): card.attributes.get("lang")
        for card in page.css("article.statement-card")
    }
    # The English fallback is marked as English within the Armenian page.
    assert cards == {"Երկու լեզվով": None, "Only in English": "en"}


# --- pagination ---


def test_the_first_page_shows_the_newest_statements_and_links_to_the_next(client, seven_statements):
    response = client.get("/en/statements/")
    assert titles(response) == ["Statement 7", "Statement 6", "Statement 5"]
    pagination = parse(response).css_first("nav.pagination")
    assert pagination.css_first("a[rel=next]").attributes["href"] == "/en/statements/page/2/"
    assert pagination.css_first("a[rel=prev]") is None
    assert pagination.css_first("[aria-current=page]").text() == "1"
    pages = [a.attributes["href"] for a in pagination.css("a[aria-label]")]
    assert pages == ["/en/statements/page/2/", "/en/statements/page/3/"]


def test_the_second_page_has_a_clean_address(client, seven_statements):
    response = client.get("/en/statements/page/2/")
    assert response.status_code == 200
    assert titles(response) == ["Statement 4", "Statement 3", "Statement 2"]
    pagination = parse(response).css_first("nav.pagination")
    assert pagination.css_first("a[rel=prev]").attributes["href"] == "/en/statements/"
    assert pagination.css_first("a[rel=next]").attributes["href"] == "/en/statements/page/3/"
    assert "page 2" in parse(response).css_first("title").text()


def test_the_page_query_parameter_still_works(client, seven_statements):
    response = client.get("/en/statements/?page=2")
    assert response.status_code == 200
    assert titles(response) == ["Statement 4", "Statement 3", "Statement 2"]


def test_the_last_page_holds_the_rest(client, seven_statements):
    response = client.get("/en/statements/page/3/")
    assert titles(response) == ["Statement 1"]
    assert parse(response).css_first("nav.pagination a[rel=next]") is None


def test_page_one_redirects_to_the_archive_itself(client, seven_statements):
    response = client.get("/en/statements/page/1/")
    assert response.status_code == 301
    assert response["Location"] == "/en/statements/"


def test_page_one_keeps_the_filters_when_it_redirects(client, seven_statements):
    response = client.get("/en/statements/page/1/?year=2024")
    assert response.status_code == 301
    assert response["Location"] == "/en/statements/?year=2024"


@pytest.mark.parametrize(
    "path", ["/en/statements/page/4/", "/en/statements/page/0/", "/en/statements/?page=99"]
)
def test_a_page_beyond_the_archive_is_not_found(client, seven_statements, path):
    response = client.get(path)
    assert response.status_code == 404
    assert parse(response).css_first("header.site-header") is not None


def test_a_malformed_page_parameter_is_refused_with_a_clear_message(client, seven_statements):
    response = client.get("/en/statements/?page=abc")
    assert response.status_code == 400
    assert "“page”" in response.content.decode()
    assert parse(response).css_first("header.site-header") is not None


def test_a_single_page_archive_has_no_pagination(client, statement_factory, page_size):
    statement_factory()
    assert parse(client.get("/en/statements/")).css_first("nav.pagination") is None


# --- filters ---


@pytest.fixture
def filtered_archive(statement_factory, category_factory, organization_factory, signatory_factory):
    elections = category_factory(slug="elections", name_en="Elections")
    media = category_factory(slug="media", name_en="Media")
    monitor = organization_factory(name="Election Monitor", slug="monitor")
    vote_2023 = statement_factory(
        published_at=timezone.make_aware(datetime(2023, 6, 1, 12)),
        translation__title="Elections 2023",
    )
    vote_2023.categories.add(elections)
    signatory_factory(statement=vote_2023, organization=monitor)
    for _ in range(3):
        signatory_factory(statement=vote_2023)
    vote_2024 = statement_factory(
        published_at=timezone.make_aware(datetime(2024, 6, 1, 12)),
        translation__title="Elections 2024",
    )
    vote_2024.categories.add(elections)
    press = statement_factory(
        published_at=timezone.make_aware(datetime(2024, 7, 1, 12)), translation__title="Press 2024"
    )
    press.categories.add(media)
    return monitor


def test_the_archive_filters_by_category(client, filtered_archive):
    response = client.get("/en/statements/?category=elections")
    assert titles(response) == ["Elections 2024", "Elections 2023"]
    selected = parse(response).css_first("#filter-category option[selected]")
    assert selected.attributes["value"] == "elections"


def test_the_archive_filters_by_year(client, filtered_archive):
    response = client.get("/en/statements/?year=2024")
    assert titles(response) == ["Press 2024", "Elections 2024"]
    page = parse(response)
    assert page.css_first("#filter-year option[selected]").attributes["value"] == "2024"
    years = [o.attributes["value"] for o in page.css("#filter-year option")]
    assert years == ["", "2024", "2023"]


def test_the_archive_filters_by_organisation_and_keeps_the_full_count(client, filtered_archive):
    response = client.get("/en/statements/?organization=monitor")
    assert titles(response) == ["Elections 2023"]
    page = parse(response)
    assert "Election Monitor" in page.css_first("p.notice").text()
    assert "4 signatories" in page.css_first("article.statement-card .meta").text()
    selected = page.css_first("form.filters select[name=organization] option[selected]")
    assert selected.attributes["value"] == "monitor"


def test_the_active_organisation_filter_is_shown_and_removed_keeping_the_others(
    client, filtered_archive
):
    page = parse(client.get("/en/statements/?organization=monitor&year=2023"))
    notice = page.css_first("p.notice")
    assert notice.text().startswith("Signed or published by Election Monitor")
    remove = notice.css_first("a")
    assert remove.text() == "remove this filter"
    assert remove.attributes["href"] == "/en/statements/?year=2023"


def test_the_organisation_filter_finds_statements_it_published_without_signing(
    client, filtered_archive, organization_factory, statement_factory
):
    publisher = organization_factory(name="Media Ombudsman", slug="ombudsman")
    statement_factory(translation__title="Press freedom").publishers.add(publisher)
    assert titles(client.get("/en/statements/?organization=ombudsman")) == ["Press freedom"]


def test_the_organisation_choice_offers_those_that_signed_or_published_by_name(
    client, filtered_archive, organization_factory, statement_factory, signatory_factory
):
    publisher = organization_factory(name="Aarhus Centre", slug="aarhus")
    statement_factory().publishers.add(publisher)
    draft = statement_factory(status="draft", published_at=None)
    signatory_factory(statement=draft, organization=organization_factory(slug="drafting"))
    organization_factory(slug="idle")
    page = parse(client.get("/en/statements/"))
    choices = page.css("#filter-organization option")
    options = [o.attributes["value"] for o in choices]
    assert options[:2] == ["", "aarhus"]
    assert "monitor" in options
    assert len(options) == 1 + 2 + 3  # the publisher, the monitor and the three other signers
    names = [o.text() for o in choices[1:]]
    assert names == sorted(names, key=str.casefold)
    assert "drafting" not in options
    assert "idle" not in options
    assert page.css_first("label[for=filter-organization]").text() == "Signed or published by"


def test_the_organisation_choice_offers_those_that_signed_most_and_points_to_the_registry(
    client, settings, organization_factory, statement_factory, signatory_factory
):
    settings.ARCHIVE_FILTER_ORGANIZATIONS = 2
    statements = [statement_factory() for _ in range(3)]
    for slug, signed in [("often", 3), ("twice", 2), ("once", 1)]:
        organization = organization_factory(name=slug.title(), slug=slug)
        for statement in statements[:signed]:
            signatory_factory(statement=statement, organization=organization)
    page = parse(client.get("/en/statements/"))
    options = [o.attributes["value"] for o in page.css("#filter-organization option")]
    assert options == ["", "often", "twice"]
    hint = page.css_first("#filter-organization-hint")
    assert page.css_first("#filter-organization").attributes["aria-describedby"] == hint.id
    assert hint.css_first("a").attributes["href"] == "/en/organisations/"

    settings.ARCHIVE_FILTER_ORGANIZATIONS = 3
    page = parse(client.get("/en/statements/?year=2099"))  # another address: rendered anew
    assert len(page.css("#filter-organization option")) == 4
    assert page.css_first("#filter-organization-hint") is None


def test_the_organisation_choice_shows_and_sorts_the_names_in_the_readers_language(
    client, organization_factory, alias_factory, statement_factory, signatory_factory
):
    statement = statement_factory()
    for name, slug, armenian in [
        ("Aarhus Centre", "aarhus", "«Օրհուս» կենտրոն"),
        ("Young Lawyers", "lawyers", "Երիտասարդ իրավաբաններ"),
        ("Zartonk", "zartonk", None),
    ]:
        organization = organization_factory(name=name, slug=slug, name_hy=armenian or "")
        # An Armenian alias is another spelling, for matching: the name shown is name_hy.
        alias_factory(organization=organization, name=f"{name} (old spelling)", language="hy")
        signatory_factory(statement=statement, organization=organization)
    page = parse(client.get("/hy/statements/"))
    options = [(o.attributes["value"], o.text()) for o in page.css("#filter-organization option")]
    assert options[1:] == [
        ("zartonk", "Zartonk"),
        ("lawyers", "Երիտասարդ իրավաբաններ"),
        ("aarhus", "«Օրհուս» կենտրոն"),
    ]
    notice = parse(client.get("/hy/statements/?organization=aarhus")).css_first("p.notice")
    assert "«Օրհուս» կենտրոն" in notice.text()


def test_an_organisation_filter_outside_the_choice_stays_selected(
    client, filtered_archive, organization_factory
):
    organization_factory(name="Newcomers", slug="newcomers")
    page = parse(client.get("/en/statements/?organization=newcomers"))
    selected = page.css_first("#filter-organization option[selected]")
    assert selected.attributes["value"] == "newcomers"
    assert "No statements match these filters." in page.text()


def test_archive_filters_combine(client, filtered_archive):
    assert titles(client.get("/en/statements/?category=elections&year=2023")) == ["Elections 2023"]


def test_unknown_filter_values_are_ignored(client, filtered_archive):
    response = client.get("/en/statements/?category=nothing&organization=nobody")
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_a_year_that_is_not_a_year_is_refused_with_a_clear_message(client, filtered_archive):
    response = client.get("/en/statements/?year=abc")
    assert response.status_code == 400
    assert "“year”" in response.content.decode()


def test_a_filter_matching_nothing_says_so(client, filtered_archive):
    response = client.get("/en/statements/?year=1999")
    assert titles(response) == []
    assert "No statements match these filters." in response.content.decode()


def test_pagination_links_keep_the_filters(client, statement_factory, category_factory, page_size):
    category = category_factory(slug="rights")
    for _ in range(4):
        statement_factory().categories.add(category)
    statement_factory()
    first = parse(client.get("/en/statements/?category=rights"))
    next_href = first.css_first("nav.pagination a[rel=next]").attributes["href"]
    assert next_href == "/en/statements/page/2/?category=rights"
    second = client.get(next_href)
    assert len(titles(second)) == 1
    prev_href = parse(second).css_first("nav.pagination a[rel=prev]").attributes["href"]
    assert prev_href == "/en/statements/?category=rights"


# --- categories ---


def test_the_category_page_lists_its_published_statements(
    client, statement_factory, category_factory
):
    category = category_factory(slug="media", name_en="Media freedom", name_hy="Մեդիա")
    statement_factory(translation__title="On journalists").categories.add(category)
    statement_factory(
        status="draft", published_at=None, translation__title="Draft on media"
    ).categories.add(category)
    statement_factory(translation__title="On elections")
    response = client.get("/en/statements/categories/media/")
    assert response.status_code == 200
    page = parse(response)
    assert page.css_first("main h1").text() == "Media freedom"
    assert titles(response) == ["On journalists"]
    assert "1 statement" in page.css_first(".result-count").text()
    feeds = {link.attributes["href"] for link in page.css("head link[rel=alternate][type]")}
    assert "/en/statements/categories/media/feed.atom" in feeds
    assert "/en/statements/categories/media/feed.rss" in feeds
    assert parse(client.get("/hy/statements/categories/media/")).css_first("h1").text() == "Մեդիա"


def test_the_category_page_paginates_with_clean_addresses(
    client, statement_factory, category_factory, page_size
):
    category = category_factory(slug="media")
    for _ in range(4):
        statement_factory().categories.add(category)
    first = parse(client.get("/en/statements/categories/media/"))
    href = first.css_first("nav.pagination a[rel=next]").attributes["href"]
    assert href == "/en/statements/categories/media/page/2/"
    assert len(titles(client.get(href))) == 1
    assert client.get("/en/statements/categories/media/page/3/").status_code == 404


def test_the_first_category_page_redirects_to_the_category_itself(client, category_factory):
    category_factory(slug="media")
    response = client.get("/en/statements/categories/media/page/1/")
    assert response.status_code == 301
    assert response["Location"] == "/en/statements/categories/media/"


def test_an_unknown_category_is_not_found(client, db):
    assert client.get("/en/statements/categories/nothing/").status_code == 404


def test_the_category_list_counts_published_statements(client, statement_factory, category_factory):
    media = category_factory(slug="media", name_en="Media")
    category_factory(slug="empty", name_en="Empty")
    statement_factory().categories.add(media)
    statement_factory(status="draft", published_at=None).categories.add(media)
    page = parse(client.get("/en/statements/categories/"))
    entries = {
        li.css_first("a").text(): li.css_first(".count").text()
        for li in page.css("ul.category-list li")
    }
    assert entries == {"Empty": "(0)", "Media": "(1)"}


def test_a_new_armenian_name_shows_at_once_in_the_cached_organisation_choice(
    client, filtered_archive, django_capture_on_commit_callbacks
):
    client.get("/hy/statements/")  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        filtered_archive.name_hy = "Ընտրությունների դիտորդ"
        filtered_archive.save()
    option = parse(client.get("/hy/statements/")).css_first("option[value=monitor]")
    assert option.text() == "Ընտրությունների դիտորդ"
