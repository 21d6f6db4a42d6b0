"""Statements, their translations and categories: queryset verbs, fallbacks, constraints."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from undersigned.core.languages import fallback_order
from undersigned.statements.models import Statement, StatementTranslation


@pytest.fixture
def now():
    return timezone.now()


def slugs(queryset) -> set[str]:
    return set(queryset.values_list("slug", flat=True))


# --- published() ---


def test_published_lists_published_and_closed_statements_dated_in_the_past(statement_factory, now):
    statement_factory(slug="published", status="published", published_at=now - timedelta(days=2))
    statement_factory(slug="closed", status="closed", published_at=now - timedelta(days=1))
    assert slugs(Statement.objects.published()) == {"published", "closed"}


def test_published_excludes_drafts_open_and_withdrawn_statements(statement_factory, now):
    past = now - timedelta(days=1)
    statement_factory(slug="draft", status="draft", published_at=past)
    statement_factory(slug="open", status="open", published_at=None)
    statement_factory(slug="open-dated", status="open", published_at=past)
    statement_factory(slug="withdrawn", status="withdrawn", published_at=past)
    statement_factory(slug="kept", status="published", published_at=past)
    assert slugs(Statement.objects.published()) == {"kept"}


def test_published_excludes_statements_scheduled_for_the_future(statement_factory, now):
    statement_factory(slug="tomorrow", status="published", published_at=now + timedelta(days=1))
    statement_factory(slug="in-a-minute", status="closed", published_at=now + timedelta(minutes=1))
    statement_factory(slug="yesterday", status="published", published_at=now - timedelta(days=1))
    assert slugs(Statement.objects.published()) == {"yesterday"}


def test_published_orders_newest_first(statement_factory, now):
    for days, slug in [(3, "old"), (1, "new"), (2, "middle")]:
        statement_factory(slug=slug, published_at=now - timedelta(days=days))
    assert list(Statement.objects.published().values_list("slug", flat=True)) == [
        "new",
        "middle",
        "old",
    ]


def test_visible_is_everything_but_drafts(statement_factory, now):
    statement_factory(slug="draft", status="draft", published_at=None)
    statement_factory(slug="open", status="open", published_at=None)
    statement_factory(slug="withdrawn", status="withdrawn", published_at=now)
    statement_factory(slug="published", status="published", published_at=now)
    assert slugs(Statement.objects.visible()) == {"open", "withdrawn", "published"}


# --- open_for_signature() ---


def test_an_open_statement_takes_signatures_without_a_deadline(statement_factory):
    statement_factory(slug="open", status="open", published_at=None, signature_deadline=None)
    assert slugs(Statement.objects.open_for_signature()) == {"open"}


def test_an_open_statement_stops_taking_signatures_after_its_deadline(statement_factory, now):
    statement_factory(
        slug="before", status="open", published_at=None, signature_deadline=now + timedelta(hours=1)
    )
    statement_factory(
        slug="after", status="open", published_at=None, signature_deadline=now - timedelta(hours=1)
    )
    assert slugs(Statement.objects.open_for_signature()) == {"before"}


def test_a_published_statement_takes_signatures_only_when_open_for_joining(statement_factory, now):
    statement_factory(slug="joinable", status="published", open_for_joining=True)
    statement_factory(slug="not-joinable", status="published", open_for_joining=False)
    statement_factory(
        slug="joinable-expired",
        status="published",
        open_for_joining=True,
        signature_deadline=now - timedelta(days=1),
    )
    assert slugs(Statement.objects.open_for_signature()) == {"joinable"}


def test_drafts_closed_and_withdrawn_statements_never_take_signatures(statement_factory, now):
    statement_factory(slug="draft", status="draft", published_at=None, open_for_joining=True)
    statement_factory(slug="closed", status="closed", open_for_joining=True)
    statement_factory(slug="withdrawn", status="withdrawn", open_for_joining=True)
    assert slugs(Statement.objects.open_for_signature()) == set()


def test_with_signatory_count_counts_each_organisation_once(statement_factory, signatory_factory):
    statement = statement_factory()
    for _ in range(3):
        signatory_factory(statement=statement)
    signatory_factory()  # on another statement
    assert Statement.objects.with_signatory_count().get(pk=statement.pk).signatory_count == 3


def test_a_published_statement_must_have_a_publication_date(statement_factory):
    with pytest.raises(IntegrityError), transaction.atomic():
        statement_factory(status="published", published_at=None)


# --- translations ---


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["en", "hy", "ru"]),
        ("hy", ["hy", "en", "ru"]),
        ("ru", ["ru", "en", "hy"]),
        ("fr", ["en", "hy", "ru"]),
    ],
)
def test_fallback_order_tries_the_language_then_english_then_the_rest(language, expected):
    assert fallback_order(language) == expected


@pytest.fixture
def trilingual(statement_factory, statement_translation_factory):
    statement = statement_factory(translation__title="On civic space")
    statement_translation_factory(statement=statement, language="hy", title="Քաղաքացիական")
    statement_translation_factory(statement=statement, language="ru", title="О гражданском")
    return statement


def test_a_statement_is_shown_in_the_requested_language_when_it_has_it(trilingual):
    assert trilingual.translation("hy").title == "Քաղաքացիական"
    assert trilingual.translation("ru").title == "О гражданском"
    assert trilingual.translation("en").title == "On civic space"


def test_a_missing_language_falls_back_to_english_first(
    statement_factory, statement_translation_factory
):
    statement = statement_factory(translation__title="In English")
    statement_translation_factory(statement=statement, language="ru", title="По-русски")
    assert statement.translation("hy").language == "en"


def test_without_english_a_missing_language_falls_back_to_the_next_site_language(
    statement_factory, statement_translation_factory
):
    statement = statement_factory(translation=False)
    statement_translation_factory(statement=statement, language="ru", title="По-русски")
    statement_translation_factory(statement=statement, language="hy", title="Հայերեն")
    assert statement.translation("en").language == "hy"
    assert statement.translation("ru").language == "ru"


def test_translation_uses_the_active_language_by_default(trilingual):
    with translation.override("ru"):
        assert trilingual.translation().language == "ru"
        assert str(trilingual) == "О гражданском"


def test_a_statement_without_any_text_has_no_translation_and_is_named_by_its_slug(
    statement_factory,
):
    statement = statement_factory(slug="untitled", translation=False)
    assert statement.translation("en") is None
    assert str(statement) == "untitled"


def test_available_languages_lists_the_translations_in_order(trilingual):
    assert trilingual.available_languages() == ["en", "hy", "ru"]


def test_a_statement_has_at_most_one_translation_per_language(
    statement_factory, statement_translation_factory
):
    statement = statement_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        statement_translation_factory(statement=statement, language="en", title="Again")
    assert statement.translations.count() == 1


def test_the_body_is_rendered_to_html_when_a_translation_is_saved(statement_translation_factory):
    text = statement_translation_factory(body="We call for *fair* trials.[1]\n\n[1] The source")
    stored = StatementTranslation.objects.get(pk=text.pk)
    assert "<em>fair</em>" in stored.body_html
    assert 'href="#fn1"' in stored.body_html


def test_the_html_follows_an_edit_saved_with_update_fields(statement_translation_factory):
    text = statement_translation_factory(body="Old text.")
    text.body = "New **text**."
    text.save(update_fields=["body"])
    stored = StatementTranslation.objects.get(pk=text.pk)
    assert stored.body_html == "<p>New <strong>text</strong>.</p>\n"


def test_the_excerpt_prefers_the_summary_and_otherwise_uses_the_body_as_plain_text(
    statement_translation_factory,
):
    with_summary = statement_translation_factory(summary="A short summary.", body="Body text.")
    without = statement_translation_factory(summary="", body="## Heading\n\nThe **body**.")
    assert with_summary.excerpt() == "A short summary."
    assert without.excerpt() == "Heading The body."


# --- categories ---


def test_a_category_is_named_in_the_active_language(category_factory):
    category = category_factory(name_en="Elections", name_hy="Ընտրություններ", name_ru="Выборы")
    for language, name in [("en", "Elections"), ("hy", "Ընտրություններ"), ("ru", "Выборы")]:
        with translation.override(language):
            assert category.name == name
            assert str(category) == name


def test_a_category_without_a_name_in_the_language_falls_back_to_english(category_factory):
    category = category_factory(name_en="Elections", name_hy="", name_ru="")
    with translation.override("hy"):
        assert category.name == "Elections"


def test_a_category_without_english_falls_back_to_another_language(category_factory):
    category = category_factory(name_en="", name_hy="Ընտրություններ", name_ru="Выборы")
    with translation.override("ru"):
        assert category.name == "Выборы"
    with translation.override("en"):
        assert category.name == "Ընտրություններ"


def test_a_category_without_any_name_is_named_by_its_slug(category_factory):
    category = category_factory(slug="unnamed", name_en="", name_hy="", name_ru="")
    assert category.name == "unnamed"
