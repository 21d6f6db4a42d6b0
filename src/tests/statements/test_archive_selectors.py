"""Reads behind the archive, the statement page and the feeds (statements/selectors.py)."""

from datetime import datetime, timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from undersigned.statements import selectors
from undersigned.statements.selectors import ArchiveFilters


def mid_year(year: int, month: int = 6) -> datetime:
    """A date far from New Year, whatever the time zone."""
    return timezone.make_aware(datetime(year, month, 15, 12, 0))


def slugs(statements) -> list[str]:
    return [statement.slug for statement in statements]


@pytest.fixture
def elections(category_factory):
    return category_factory(slug="elections", name_en="Elections")


@pytest.fixture
def media(category_factory):
    return category_factory(slug="media", name_en="Media freedom")


def test_the_archive_lists_published_statements_newest_first(statement_factory):
    statement_factory(slug="older", published_at=mid_year(2021))
    statement_factory(slug="newer", published_at=mid_year(2023))
    statement_factory(slug="draft", status="draft", published_at=None)
    statement_factory(slug="open", status="open", published_at=None)
    assert slugs(selectors.statement_archive()) == ["newer", "older"]


def test_the_archive_filters_by_category(statement_factory, elections, media):
    statement_factory(slug="vote").categories.add(elections)
    statement_factory(slug="press").categories.add(media)
    statement_factory(slug="both").categories.add(elections, media)
    statement_factory(slug="none")
    found = selectors.statement_archive(filters=ArchiveFilters(category=elections))
    assert sorted(slugs(found)) == ["both", "vote"]


def test_the_archive_filters_by_year(statement_factory):
    statement_factory(slug="early-2022", published_at=mid_year(2022, 2))
    statement_factory(slug="late-2022", published_at=mid_year(2022, 11))
    statement_factory(slug="in-2023", published_at=mid_year(2023))
    found = selectors.statement_archive(filters=ArchiveFilters(year=2022))
    assert slugs(found) == ["late-2022", "early-2022"]


def test_the_archive_filters_by_signing_organisation(
    statement_factory, signatory_factory, organization_factory
):
    organization = organization_factory()
    signed = statement_factory(slug="signed")
    signatory_factory(statement=signed, organization=organization)
    signatory_factory(statement=statement_factory(slug="others"))
    found = selectors.statement_archive(filters=ArchiveFilters(organization=organization))
    assert slugs(found) == ["signed"]


def test_filtering_by_organisation_still_counts_every_signatory(
    statement_factory, signatory_factory, organization_factory
):
    organization = organization_factory()
    statement = statement_factory()
    signatory_factory(statement=statement, organization=organization)
    for _ in range(4):
        signatory_factory(statement=statement)
    [found] = selectors.statement_archive(filters=ArchiveFilters(organization=organization))
    assert found.signatory_count == 5


def test_filters_combine(statement_factory, signatory_factory, organization_factory, elections):
    organization = organization_factory()
    wanted = statement_factory(slug="wanted", published_at=mid_year(2024))
    wanted.categories.add(elections)
    signatory_factory(statement=wanted, organization=organization)
    wrong_year = statement_factory(slug="wrong-year", published_at=mid_year(2023))
    wrong_year.categories.add(elections)
    signatory_factory(statement=wrong_year, organization=organization)
    wrong_category = statement_factory(slug="wrong-category", published_at=mid_year(2024))
    signatory_factory(statement=wrong_category, organization=organization)
    filters = ArchiveFilters(category=elections, year=2024, organization=organization)
    assert slugs(selectors.statement_archive(filters=filters)) == ["wanted"]


def test_archive_entries_come_with_their_signatory_count(statement_factory, signatory_factory):
    busy = statement_factory(slug="busy", published_at=mid_year(2024))
    for _ in range(3):
        signatory_factory(statement=busy)
    statement_factory(slug="quiet", published_at=mid_year(2023))
    counts = {s.slug: s.signatory_count for s in selectors.statement_archive()}
    assert counts == {"busy": 3, "quiet": 0}


def test_statement_years_lists_each_year_with_published_statements_newest_first(
    statement_factory,
):
    for slug, year in [("a", 2019), ("b", 2023), ("c", 2023), ("d", 2021)]:
        statement_factory(slug=slug, published_at=mid_year(year))
    statement_factory(slug="draft", status="draft", published_at=mid_year(2025))
    statement_factory(slug="withdrawn", status="withdrawn", published_at=mid_year(2020))
    assert selectors.statement_years() == [2023, 2021, 2019]


def test_statements_open_for_signature_come_nearest_deadline_first(statement_factory):
    now = timezone.now()
    statement_factory(
        slug="later", status="open", published_at=None, signature_deadline=now + timedelta(days=9)
    )
    statement_factory(
        slug="sooner", status="open", published_at=None, signature_deadline=now + timedelta(days=2)
    )
    statement_factory(slug="closed-to-signing", status="published")
    found = selectors.statements_open_for_signature(limit=5)
    assert slugs(found)[:2] == ["sooner", "later"]
    assert "closed-to-signing" not in slugs(found)


def test_statements_open_for_signature_respects_the_limit(statement_factory):
    for _ in range(4):
        statement_factory(status="open", published_at=None)
    assert len(selectors.statements_open_for_signature(limit=3)) == 3


# --- the list of signatories ---


@pytest.fixture
def listed(statement_factory, signatory_factory, organization_factory):
    """Signatories saved in an order unlike both their positions and their names."""
    statement = statement_factory(signatory_order="listed")
    for name, position in [
        ("Zangezur Watch", 0),
        ("Armavir Forum", 2),
        ("Lori Youth", 1),
        ("Bardzr Council", 0),
        ("Gegharkunik Women", 3),
    ]:
        signatory_factory(
            statement=statement, organization=organization_factory(name=name), position=position
        )
    return statement


def names(signatories) -> list[str]:
    return [signatory.organization.name for signatory in signatories]


def test_signatories_as_listed_follow_their_positions_with_unplaced_ones_last(listed):
    assert names(selectors.statement_signatories(statement=listed)) == [
        "Lori Youth",
        "Armavir Forum",
        "Gegharkunik Women",
        "Zangezur Watch",
        "Bardzr Council",
    ]


def test_signatories_in_alphabetical_order_ignore_positions_and_case(
    listed, signatory_factory, organization_factory
):
    listed.signatory_order = "alphabetical"
    listed.save()
    signatory_factory(statement=listed, organization=organization_factory(name="armenian Bar"))
    assert names(selectors.statement_signatories(statement=listed)) == [
        "Armavir Forum",
        "armenian Bar",
        "Bardzr Council",
        "Gegharkunik Women",
        "Lori Youth",
        "Zangezur Watch",
    ]


def test_statements_for_a_feed_are_the_newest_published_and_limited(statement_factory, elections):
    for month in range(1, 6):
        statement_factory(slug=f"m{month}", published_at=mid_year(2024, month)).categories.add(
            elections
        )
    statement_factory(slug="other", published_at=mid_year(2024, 7))
    assert slugs(selectors.statements_for_feed(limit=2)) == ["other", "m5"]
    assert slugs(selectors.statements_for_feed(category=elections, limit=2)) == ["m5", "m4"]


def test_categories_with_counts_count_only_published_statements(
    statement_factory, elections, media
):
    statement_factory().categories.add(elections)
    statement_factory().categories.add(elections, media)
    statement_factory(status="draft", published_at=None).categories.add(media)
    statement_factory(status="open", published_at=None).categories.add(media)
    counts = {c.slug: c.statement_count for c in selectors.categories_with_counts()}
    assert counts == {"elections": 2, "media": 1}


def test_a_statement_page_shows_any_visible_statement_but_not_a_draft(statement_factory):
    statement_factory(slug="open", status="open", published_at=None)
    statement_factory(slug="draft", status="draft", published_at=None)
    assert selectors.statement_for_page(slug="open").slug == "open"
    with pytest.raises(Http404):
        selectors.statement_for_page(slug="draft")


def test_statements_without_a_deadline_come_after_those_with_one(statement_factory):
    now = timezone.now()
    statement_factory(slug="no-deadline", status="open", published_at=None)
    statement_factory(
        slug="deadline",
        status="open",
        published_at=None,
        signature_deadline=now + timedelta(days=30),
    )
    statement_factory(slug="joinable", status="published", open_for_joining=True)
    found = slugs(selectors.statements_open_for_signature(limit=5))
    assert found[0] == "deadline"
    assert sorted(found[1:]) == ["joinable", "no-deadline"]
