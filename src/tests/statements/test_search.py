from datetime import timedelta

import pytest
from django.utils import timezone

from undersigned.statements import search
from undersigned.statements.models import SearchDocument, Statement
from undersigned.statements.search import search_rebuild, search_statements


@pytest.fixture
def sevan(
    statement_factory, statement_translation_factory, signatory_factory, organization_factory
):
    statement = statement_factory(
        translation__title="Protect Lake Sevan now",
        translation__body="The lake is in danger from mining waste.\n\n- water levels fall",
    )
    statement_translation_factory(
        statement=statement,
        language="ru",
        title="Защитите озеро Севан",
        body="Озеро в опасности из-за отходов горнодобывающей промышленности.",
    )
    statement_translation_factory(
        statement=statement, language="hy", title="Պաշտպանե՛ք Սևանա լիճը", body="Լիճը վտանգի տակ է։"
    )
    signatory_factory(
        statement=statement, organization=organization_factory(name="Green Armenia Union")
    )
    return statement


def hits(query, language="en", **filters):
    return search_statements(query=query, reader_language=language, filters=filters)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("query", "language"),
    [("sevan", "en"), ("Mining", "en"), ("озеро", "ru"), ("Սևանա", "hy"), ("green union", "en")],
)
def test_search_finds_a_statement_by_title_body_or_signatory_in_each_language(
    sevan, query, language
):
    results = hits(query, language)
    assert results.total == 1
    assert results.hits[0].statement == sevan
    assert results.hits[0].language == language


@pytest.mark.django_db(transaction=True)
def test_search_finds_an_inflected_russian_word(sevan):
    assert hits("озера", "ru").total == 1


@pytest.mark.django_db(transaction=True)
def test_search_highlights_the_words_and_escapes_the_text(statement_factory):
    statement_factory(translation__title="Rights <b>now</b>", translation__body="Defend rights.")
    hit = hits("rights").hits[0]
    assert "<mark>Rights</mark>" in hit.title
    assert "&lt;b&gt;now&lt;/b&gt;" in hit.title
    assert "<mark>rights</mark>" in hit.snippet


@pytest.mark.django_db(transaction=True)
def test_search_ranks_a_title_match_above_a_body_match(statement_factory):
    body_only = statement_factory(
        translation__title="On water", translation__body="Mining waste reaches rivers."
    )
    in_title = statement_factory(
        translation__title="Mining must stop", translation__body="Rivers are polluted."
    )
    ranked = [hit.statement for hit in hits("mining").hits]
    assert ranked == [in_title, body_only]


@pytest.mark.django_db(transaction=True)
def test_search_leaves_out_drafts_and_withdrawn_statements(statement_factory):
    statement_factory(
        status=Statement.Status.DRAFT, published_at=None, translation__title="Draft mining"
    )
    statement_factory(status=Statement.Status.WITHDRAWN, translation__title="Withdrawn mining")
    assert hits("mining").total == 0


@pytest.mark.django_db(transaction=True)
def test_search_filters_by_language_and_year(sevan):
    assert hits("Севан", language="en").total == 1
    assert (
        search_statements(query="sevan", reader_language="en", filters={"language": "ru"}).total
        == 0
    )
    year = sevan.published_at.year
    assert search_statements(query="sevan", reader_language="en", filters={"year": year}).total == 1
    assert (
        search_statements(query="sevan", reader_language="en", filters={"year": year - 1}).total
        == 0
    )


@pytest.mark.django_db(transaction=True)
def test_editing_a_translation_or_renaming_a_signatory_updates_the_index(sevan):
    translation = sevan.translations.get(language="en")
    translation.title = "Save the lake"
    translation.save()
    assert hits("protect").total == 0
    assert hits("save").total == 1
    organization = sevan.signatories.get().organization
    organization.name = "Blue Lake Alliance"
    organization.save()
    assert hits("alliance").total == 1


@pytest.mark.django_db(transaction=True)
def test_rebuild_recreates_every_document(sevan):
    SearchDocument.objects.all().delete()
    assert hits("sevan").total == 0
    assert search_rebuild() == 1
    assert hits("sevan").total == 1


@pytest.mark.django_db(transaction=True)
def test_punctuation_only_queries_find_nothing_without_error(sevan):
    assert hits('"*)(:^').total == 0
    assert hits("").total == 0


@pytest.mark.django_db(transaction=True)
def test_search_page_shows_highlighted_results_with_filters(client, sevan):
    response = client.get("/en/search/", {"q": "sevan"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "<mark>Sevan</mark>" in content
    assert "1 statement found" in content
    assert client.get("/en/search/", {"q": "sevan", "language": "ru"}).context["results"].total == 0


@pytest.mark.django_db(transaction=True)
def test_search_ranks_a_title_match_above_a_newer_body_only_match(statement_factory):
    in_title = statement_factory(
        published_at=timezone.now() - timedelta(days=400),
        translation__title="Mining must stop",
        translation__body="Rivers are polluted.",
    )
    body_only = statement_factory(
        translation__title="On water",
        translation__body="Mining, mining and more mining: mining waste reaches rivers.",
    )
    assert body_only.pk > in_title.pk
    ranked = hits("mining").hits
    assert [hit.statement for hit in ranked] == [in_title, body_only]
    assert ranked[0].rank > ranked[1].rank


@pytest.mark.django_db(transaction=True)
def test_search_ranks_title_matches_by_how_well_the_title_matches(statement_factory):
    once = statement_factory(translation__title="Mining and the lake, rivers and the forests")
    twice = statement_factory(translation__title="Mining, mining")
    assert [hit.statement for hit in hits("mining").hits] == [twice, once]


@pytest.mark.django_db(transaction=True)
def test_search_pages_through_title_and_body_matches_without_repeating(statement_factory):
    titled = [statement_factory(translation__title=f"Mining report {n}") for n in range(3)]
    bodies = [
        statement_factory(translation__title=f"Report {n}", translation__body="On mining.")
        for n in range(3)
    ]
    pages = [
        search_statements(query="mining", reader_language="en", offset=offset, limit=2)
        for offset in (0, 2, 4, 6)
    ]
    found = [hit.statement for page in pages for hit in page.hits]
    assert found[:3] == titled[::-1]  # equally good titles: the newest first
    assert sorted(found[3:], key=lambda s: s.pk) == bodies
    assert [page.total for page in pages] == [6] * 4
    assert pages[3].hits == []


@pytest.mark.django_db(transaction=True)
def test_search_counts_up_to_the_cap_and_says_more_past_it(statement_factory, monkeypatch, client):
    monkeypatch.setattr(search, "RANKED_AT_MOST", 3)
    best = statement_factory(
        published_at=timezone.now() - timedelta(days=400), translation__title="Mining now"
    )
    for n in range(2):
        statement_factory(translation__title=f"Report {n}", translation__body="On mining.")
    exactly = hits("mining")
    assert (exactly.total, exactly.more) == (3, False)
    assert exactly.hits[0].statement == best

    for n in range(2):
        statement_factory(translation__title=f"Later {n}", translation__body="On mining.")
    capped = hits("mining")
    assert (capped.total, capped.more) == (3, True)
    assert len(capped.hits) == 3
    assert capped.hits[0].statement == best  # an older title match still comes first
    assert search_statements(query="mining", reader_language="en", offset=3).hits == []
    content = client.get("/en/search/", {"q": "mining"}).content.decode()
    assert "More than 3 statements found" in content


@pytest.mark.django_db(transaction=True)
def test_search_stops_counting_title_matches_at_the_cap(statement_factory, monkeypatch):
    monkeypatch.setattr(search, "RANKED_AT_MOST", 2)
    for n in range(4):
        statement_factory(translation__title=f"Mining report {n}")
    results = hits("mining")
    assert (results.total, results.more, len(results.hits)) == (2, True, 2)


@pytest.mark.django_db(transaction=True)
def test_search_filters_by_category_with_title_and_body_matches(
    statement_factory, category_factory
):
    water = category_factory()
    in_title = statement_factory(translation__title="Mining now")
    in_body = statement_factory(translation__title="Rivers", translation__body="Mining waste.")
    statement_factory(translation__title="Mining elsewhere")
    in_title.categories.add(water)
    in_body.categories.add(water)
    results = hits("mining", category_id=water.pk)
    assert results.total == 2
    assert [hit.statement for hit in results.hits] == [in_title, in_body]


@pytest.mark.django_db(transaction=True)
def test_search_scores_the_first_other_matches_and_still_counts_and_pages_the_rest(
    statement_factory, monkeypatch
):
    monkeypatch.setattr(search, "SCORED_OTHERS", 2)
    in_title = statement_factory(translation__title="Mining now")
    bodies = {
        statement_factory(translation__title=f"Report {n}", translation__body="On mining.")
        for n in range(4)
    }
    pages = [
        search_statements(query="mining", reader_language="en", offset=offset, limit=2)
        for offset in (0, 2, 4)
    ]
    found = [hit for page in pages for hit in page.hits]
    assert [page.total for page in pages] == [5, 5, 5]
    assert found[0].statement == in_title
    assert {hit.statement for hit in found[1:]} == bodies
    ranks = [hit.rank for hit in found]
    assert ranks == sorted(ranks, reverse=True)
    assert ranks[2] > 0  # the first two others are scored
    assert ranks[3] == ranks[4] == 0  # the rest follow in the index's order


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_postgres_asks_each_words_readings_once_and_finds_what_each_language_reads(
    statement_factory, statement_translation_factory
):
    # English stems and the words as they are, OR-ed per word: the GIN index's bitmap is built
    # once per reading, not once per configuration (docs/performance.md).
    assert search._pg_text(["human", "rights"]) == "( 'human' ) & ( 'right' | 'rights' )"
    english = statement_factory(translation__title="A human right to water")
    armenian = statement_factory(translation__title="Placeholder")
    armenian.translations.all().delete()
    statement_translation_factory(
        statement=armenian, language="hy", title="Human rights (the words as they are)"
    )
    search_rebuild()
    assert {hit.statement for hit in hits("human rights").hits} == {english, armenian}
    # A stop word in English is required by no reading: the English text matches without it.
    stop = statement_factory(translation__title="Freedom and expression")
    search_rebuild()
    assert stop in {hit.statement for hit in hits("freedom of expression").hits}
    # Words every configuration but one drops still find what that one reads.
    assert {hit.statement for hit in hits("the").hits} == {armenian}


@pytest.mark.django_db(transaction=True)
def test_an_english_word_matches_by_its_stem_not_as_the_start_of_longer_words(statement_factory):
    # As on PostgreSQL; on SQLite a prefix would merge every longer word's matches first
    # (docs/performance.md), a stem is read newest first up to the page's limit.
    assert search._fts5_query(["youth", "union"]) == '"youth" "union"'
    unions = statement_factory(translation__title="Trade unions of Armenia")
    statement_factory(translation__title="Unionists at the border")
    assert [hit.statement for hit in hits("union").hits] == [unions]
