"""Pages cost a fixed number of queries, however many signatories or statements they list."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from undersigned.core.text import render_markdown
from undersigned.organizations.models import Membership, Organization, OrganizationAlias
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Statement, StatementTranslation

LATEST = datetime(2024, 12, 1, 12, 0, tzinfo=UTC)
BODY = " ".join(["We call on the authorities to respect the freedom of assembly."] * 8)


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """Measure rendering, not the page cache."""
    settings.PAGE_CACHE_ENABLED = False


def queries_for(client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context), [query["sql"] for query in context.captured_queries]


def differences(small: list[str], large: list[str]) -> str:
    """Describe the queries only the larger page ran, to make a failure easy to read."""
    extra = list(large)
    for sql in small:
        if sql in extra:
            extra.remove(sql)
    return "\n".join(extra[:10])


@pytest.fixture
def statement_with_signatories(
    statement_factory, statement_translation_factory, category_factory, organization_factory
):
    """A statement as the page shows it at its fullest: translations, categories, publishers."""
    categories = [category_factory(), category_factory()]
    network = organization_factory(kind=Organization.Kind.NETWORK)

    def make(slug: str, count: int) -> Statement:
        statement = statement_factory(slug=slug)
        statement_translation_factory(statement=statement, language="hy")
        statement_translation_factory(statement=statement, language="ru")
        statement.categories.add(*categories)
        statement.publishers.add(network)
        organizations = Organization.objects.bulk_create(
            Organization(name=f"Signatory {slug} {n}", slug=f"{slug}-{n}") for n in range(count)
        )
        # Related rows the page must not fetch one organisation at a time.
        OrganizationAlias.objects.bulk_create(
            OrganizationAlias(organization=o, name=f"{o.name} (alias)") for o in organizations
        )
        Membership.objects.bulk_create(Membership(network=network, member=o) for o in organizations)
        Signatory.objects.bulk_create(
            Signatory(
                statement=statement,
                organization=organization,
                position=n % 7,
                public_note="on behalf of the board" if n % 3 == 0 else "",
            )
            for n, organization in enumerate(organizations)
        )
        return statement

    return make


def test_the_statement_page_costs_the_same_queries_with_150_signatories_as_with_5(
    client, statement_with_signatories
):
    small = statement_with_signatories("small", 5)
    large = statement_with_signatories("large", 150)
    client.get("/en/statements/small/")  # the first request of a session does extra work
    for order in Statement.SignatoryOrder.values:
        Statement.objects.filter(pk__in=[small.pk, large.pk]).update(signatory_order=order)
        small_count, small_sql = queries_for(client, "/en/statements/small/")
        large_count, large_sql = queries_for(client, "/en/statements/large/")
        assert large_count == small_count, f"{order}:\n{differences(small_sql, large_sql)}"
    html = client.get("/en/statements/large/").content.decode()
    assert html.count('href="/en/organisations/large-') == 150


@pytest.fixture
def archive_of(category_factory, organization_factory):
    """Add published statements, each with two translations, two categories, three signatories.

    Rows are inserted in bulk: the tests measure reading them, and stay fast.
    """
    categories = [category_factory(), category_factory()]
    organizations = [organization_factory() for _ in range(3)]
    made = itertools.count()

    def make(count: int) -> None:
        statements = Statement.objects.bulk_create(
            Statement(
                slug=f"bulk-{n}",
                status=Statement.Status.PUBLISHED,
                published_at=LATEST - timedelta(days=n),
            )
            for n in itertools.islice(made, count)
        )
        StatementTranslation.objects.bulk_create(
            StatementTranslation(
                statement=statement,
                language=language,
                title=f"{statement.slug} [{language}]",
                body=BODY,
                body_html=render_markdown(BODY),
            )
            for statement in statements
            for language in ("en", "hy")
        )
        Statement.categories.through.objects.bulk_create(
            Statement.categories.through(statement=statement, category=category)
            for statement in statements
            for category in categories
        )
        Signatory.objects.bulk_create(
            Signatory(statement=statement, organization=organization)
            for statement in statements
            for organization in organizations
        )

    return make


@pytest.mark.parametrize(
    "url",
    [
        "/en/statements/",
        "/hy/statements/",
        "/en/statements/?year=2024",
        "/en/",
        "/en/statements/categories/",
    ],
)
def test_the_archive_costs_the_same_queries_with_30_statements_as_with_10(
    client, settings, archive_of, url
):
    settings.ARCHIVE_PAGE_SIZE = 50  # every statement on one page
    archive_of(10)
    client.get(url)
    small_count, small_sql = queries_for(client, url)
    archive_of(20)
    large_count, large_sql = queries_for(client, url)
    assert large_count == small_count, differences(small_sql, large_sql)


def test_the_archive_filtered_by_organisation_costs_the_same_queries_with_30_as_with_10(
    client, settings, archive_of
):
    settings.ARCHIVE_PAGE_SIZE = 50
    archive_of(10)
    # Every statement of archive_of is signed by each of its organisations.
    organization = Organization.objects.order_by("pk").first()
    url = f"/en/statements/?organization={organization.slug}"
    client.get(url)
    small_count, small_sql = queries_for(client, url)
    archive_of(20)
    large_count, large_sql = queries_for(client, url)
    assert large_count == small_count, differences(small_sql, large_sql)
    assert client.get(url).content.decode().count("statement-card-title") == 30


@pytest.mark.parametrize("language", ["en", "hy"])
def test_the_archive_costs_the_same_queries_with_60_organisations_to_choose_from_as_with_3(
    client, settings, archive_of, language
):
    settings.ARCHIVE_PAGE_SIZE = 50
    archive_of(10)
    url = f"/{language}/statements/"
    client.get(url)
    small_count, small_sql = queries_for(client, url)
    statement = Statement.objects.order_by("pk").first()
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Choice {n}", slug=f"choice-{n}") for n in range(57)
    )
    OrganizationAlias.objects.bulk_create(
        OrganizationAlias(organization=o, name=f"Ընտրություն {o.pk}", language="hy")
        for o in organizations
    )
    Signatory.objects.bulk_create(
        Signatory(statement=statement, organization=o) for o in organizations
    )
    large_count, large_sql = queries_for(client, url)
    assert large_count == small_count, differences(small_sql, large_sql)
    assert client.get(url).content.decode().count('value="choice-') == 57


def test_the_organisation_page_costs_the_same_queries_with_30_statements_as_with_10(
    client, archive_of, organization_factory, membership_factory, alias_factory
):
    archive_of(10)
    organization = Organization.objects.order_by("pk").first()
    alias_factory(organization=organization)
    url = f"/en/organisations/{organization.slug}/"
    client.get(url)
    small_count, small_sql = queries_for(client, url)
    archive_of(20)
    for _ in range(5):
        membership_factory(network=organization)
        membership_factory(member=organization)
    large_count, large_sql = queries_for(client, url)
    assert large_count == small_count, differences(small_sql, large_sql)


@pytest.mark.parametrize(
    "url", ["/en/statements/feed.rss", "/en/statements/feed.atom", "/sitemap.xml"]
)
def test_feeds_and_the_sitemap_cost_the_same_queries_with_30_statements_as_with_10(
    client, archive_of, url
):
    archive_of(10)
    client.get(url)
    small_count, small_sql = queries_for(client, url)
    archive_of(20)
    large_count, large_sql = queries_for(client, url)
    assert large_count == small_count, differences(small_sql, large_sql)
