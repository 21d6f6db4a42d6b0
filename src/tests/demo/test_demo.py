"""The demo content that `undersigned demo` loads on every `make run`."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone, translation

from undersigned.demo.content import STATEMENTS, check_data
from undersigned.organizations.models import Membership, Organization, OrganizationAlias
from undersigned.signatures.models import Signatory
from undersigned.statements.models import (
    Category,
    Statement,
    StatementTranslation,
    StatementVersion,
)

DEMO_SLUGS = [spec.slug for spec in STATEMENTS]


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Requests to /hy/ and /ru/ leave their language active; give the next test the default."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    models = [
        Organization,
        OrganizationAlias,
        Membership,
        Category,
        Statement,
        StatementTranslation,
        StatementVersion,
        Signatory,
        Statement.categories.through,
        Statement.publishers.through,
    ]
    return {model.__name__: model.objects.count() for model in models}


def last_changes() -> tuple:
    return (
        sorted(Organization.objects.values_list("slug", "updated_at")),
        sorted(Statement.objects.values_list("slug", "updated_at")),
    )


def test_the_data_is_consistent():
    check_data()


def test_demo_loads_statements_in_the_three_languages(db):
    output = run_demo()

    assert output.startswith("Demo content: ")
    statements = Statement.objects.filter(slug__in=DEMO_SLUGS)
    assert statements.count() >= 14
    trilingual = statements.annotate(n=Count("translations")).filter(n=3)
    assert trilingual.count() >= 12
    # A few are in fewer languages, so readers see the fallback notice.
    assert statements.annotate(n=Count("translations")).filter(n__lt=3).count() >= 2
    assert StatementTranslation.objects.filter(statement__in=statements, language="hy").exists()
    assert all(t.body_html for t in StatementTranslation.objects.all())
    years = {s.published_at.year for s in statements if s.published_at}
    assert min(years) == 2019
    assert max(years) >= 2026


def test_demo_statements_cover_every_status(db):
    run_demo()
    statuses = Counter(Statement.objects.values_list("status", flat=True))
    assert statuses["published"] > len(DEMO_SLUGS) // 2
    assert statuses["closed"] >= 1
    assert statuses["draft"] == 1
    assert statuses["withdrawn"] == 1

    opened = Statement.objects.get(status="open")
    assert opened.published_at is None
    assert opened.signature_deadline > timezone.now()
    assert Statement.objects.filter(status="published", open_for_joining=True).exists()
    assert Statement.objects.open_for_signature().count() == 2

    for statement in Statement.objects.exclude(published_at=None):
        assert timezone.is_aware(statement.published_at)
    assert Category.objects.count() == 8
    assert all(c.name_en and c.name_hy and c.name_ru for c in Category.objects.all())


def test_demo_registry_has_organisations_coalitions_and_aliases(db):
    run_demo()

    assert Organization.objects.count() >= 200
    kinds = Counter(Organization.objects.values_list("kind", flat=True))
    assert set(kinds) >= {"ngo", "foundation", "coalition", "network", "union", "company"}
    networks = Organization.objects.networks().annotate(n=Count("member_links")).filter(n__gt=0)
    assert 6 <= networks.count() <= 14

    largest = networks.order_by("-n").first()
    assert largest.slug == "civic-dialogue"
    assert 140 <= largest.n <= 160
    roles = Counter(largest.member_links.values_list("role", flat=True))
    assert roles[Membership.Role.BOARD] >= 8
    assert roles[Membership.Role.SECRETARIAT] == 1
    assert roles[Membership.Role.FOUNDER] >= 1

    aliases = OrganizationAlias.objects
    assert aliases.filter(language="hy").count() >= 100
    assert aliases.filter(language="ru").count() >= 100
    assert aliases.filter(is_acronym=True).count() >= 30
    assert aliases.filter(language="en").count() >= 10
    assert Organization.objects.exclude(website="").filter(website__contains=".example.").exists()
    assert not Organization.objects.exclude(website="").exclude(website__contains=".example.")
    assert Organization.objects.filter(city="Stepanakert").exists()


def test_signatory_lists_are_of_a_realistic_length_and_order(db):
    run_demo()

    for statement in Statement.objects.filter(slug__in=DEMO_SLUGS):
        signatories = list(statement.signatories.order_by("position"))
        assert 5 <= len(signatories) <= 150, statement.slug
        assert [s.position for s in signatories] == list(range(1, len(signatories) + 1))
        if statement.published_at:
            published = timezone.localdate(statement.published_at)
            for signatory in signatories:
                assert abs((signatory.signed_on - published).days) <= 90, statement.slug
    orders = Counter(Statement.objects.values_list("signatory_order", flat=True))
    assert orders["alphabetical"] == 1
    assert orders["listed"] == len(DEMO_SLUGS) - 1
    assert Statement.objects.with_signatory_count().filter(signatory_count__gte=100).exists()


def test_a_second_run_creates_and_changes_nothing(db):
    first = run_demo()
    counts, changes = row_counts(), last_changes()

    second = run_demo()

    assert "records created" in first
    assert second.strip().endswith("(already loaded)")
    assert row_counts() == counts
    assert last_changes() == changes


def test_a_run_restores_what_is_missing_and_keeps_edits(db):
    run_demo()
    counts = row_counts()
    statement = Statement.objects.get(slug="lake-sevan-extra-water-releases-2019")
    translation = statement.translations.get(language="en")
    translation.title = "Edited in the back office"
    translation.save()
    statement.translations.filter(language="ru").delete()
    Signatory.objects.filter(statement=statement, position=2).delete()

    output = run_demo()

    assert "(2 records created)" in output
    assert row_counts() == counts
    assert statement.translations.get(language="en").title == "Edited in the back office"


def test_reset_deletes_only_the_demo_content(db, statement_factory, signatory_factory):
    run_demo()
    counts = row_counts()
    demo_member = Organization.objects.get(slug="civic-law-centre")
    other = signatory_factory(organization=demo_member)

    output = run_demo("--reset")

    assert output.startswith("Removed ")
    assert Statement.objects.filter(pk=other.statement_id).exists()
    assert Organization.objects.filter(pk=demo_member.pk).exists()
    assert Signatory.objects.filter(pk=other.pk).exists()
    # The demo is whole again, beside the other statement with its text and its signature.
    expected = {**counts, "Statement": counts["Statement"] + 1}
    expected["StatementTranslation"] += 1
    expected["Signatory"] += 1
    assert row_counts() == expected


def archive_pages(client, language: str) -> bytes:
    """Return the whole archive, every page of it, as one document."""
    content, page = b"", 1
    while True:
        path = f"/{language}/statements/" + (f"page/{page}/" if page > 1 else "")
        response = client.get(path)
        if response.status_code == 404:
            return content
        assert response.status_code == 200
        content += response.content
        page += 1


@pytest.mark.parametrize("language", ["en", "hy", "ru"])
def test_every_listed_statement_page_renders(client, db, language):
    run_demo()

    archive = archive_pages(client, language)
    published = Statement.objects.published().filter(slug__in=DEMO_SLUGS)
    assert published.count() >= 14
    for statement in published:
        assert f"/{language}/statements/{statement.slug}/".encode() in archive, statement.slug
    visible = Statement.objects.visible().filter(slug__in=DEMO_SLUGS)
    assert visible.count() == len(DEMO_SLUGS) - 1
    for statement in visible:
        response = client.get(f"/{language}/statements/{statement.slug}/")
        assert response.status_code == 200, statement.slug
    draft = Statement.objects.get(status="draft")
    assert client.get(f"/{language}/statements/{draft.slug}/").status_code == 404


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_a_statement_missing_in_the_language_shows_the_fallback_notice(client, db, language):
    run_demo()
    response = client.get(
        f"/{language}/statements/new-school-curriculum-teachers-and-parents-2025/"
    )
    assert response.status_code == 200
    assert response.context["is_fallback"] is True
    assert response.context["translation"].language == "en"


def test_network_and_category_pages_render(client, db):
    run_demo()
    assert client.get("/en/organisations/").status_code == 200
    assert client.get("/hy/organisations/civic-dialogue/").status_code == 200
    for category in Category.objects.all():
        assert client.get(f"/ru/statements/categories/{category.slug}/").status_code == 200
