from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.utils.html import escape

from undersigned.core.models import AuditEntry
from undersigned.organizations.models import Membership, MergedOrganization, Organization
from undersigned.organizations.services import MergeConflict, organizations_merge
from undersigned.signatures.models import Signatory


@pytest.fixture
def pair(organization_factory):
    survivor = organization_factory(name="Women's Resource Center", website="")
    duplicate = organization_factory(
        name="Women’ Resource Center",
        website="https://wrc.example.am",
        email_domains="wrc.example.am",
    )
    return survivor, duplicate


def test_merge_moves_signatures_memberships_aliases_and_keeps_the_old_name(
    pair, signatory_factory, alias_factory, membership_factory, statement_factory, admin_user
):
    survivor, duplicate = pair
    signed = signatory_factory(organization=duplicate)
    alias_factory(organization=duplicate, name="WRC", language="")
    network_membership = membership_factory(member=duplicate)
    published = statement_factory()
    published.publishers.add(duplicate)

    organizations_merge(survivor=survivor, duplicate=duplicate, by=admin_user)

    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    assert Signatory.objects.get(pk=signed.pk).organization == survivor
    assert Membership.objects.get(pk=network_membership.pk).member == survivor
    assert list(published.publishers.all()) == [survivor]
    assert set(survivor.aliases.values_list("name", flat=True)) == {"WRC", "Women’ Resource Center"}
    survivor.refresh_from_db()
    assert survivor.website == "https://wrc.example.am"
    assert survivor.domain_list() == ["wrc.example.am"]


def test_merge_is_written_to_the_audit_log_with_who_and_what(pair, admin_user):
    survivor, duplicate = pair
    organizations_merge(survivor=survivor, duplicate=duplicate, by=admin_user)
    entry = AuditEntry.objects.get(action="organization.merge")
    assert entry.actor == admin_user
    assert entry.organization == survivor
    assert entry.details["merged_name"] == "Women’ Resource Center"


def test_merge_is_refused_when_both_signed_the_same_statement_unless_confirmed(
    pair, signatory_factory, statement_factory
):
    survivor, duplicate = pair
    statement = statement_factory()
    signatory_factory(statement=statement, organization=survivor, position=7)
    signatory_factory(statement=statement, organization=duplicate, position=3)

    with pytest.raises(MergeConflict) as refused:
        organizations_merge(survivor=survivor, duplicate=duplicate)
    assert refused.value.statement_ids == [statement.pk]
    assert Organization.objects.filter(pk=duplicate.pk).exists()

    organizations_merge(survivor=survivor, duplicate=duplicate, confirm_conflicts=True)
    line = Signatory.objects.get(statement=statement)
    assert line.organization == survivor
    assert line.position == 3


def test_merge_drops_a_membership_that_would_make_an_organisation_its_own_member(
    organization_factory, membership_factory
):
    coalition = organization_factory(name="Coalition for Clean Energy", kind="coalition")
    same_coalition = organization_factory(name="Clean Energy Coalition", kind="coalition")
    membership_factory(network=coalition, member=same_coalition)
    organizations_merge(survivor=coalition, duplicate=same_coalition)
    assert not Membership.objects.filter(network=coalition, member=coalition).exists()


def test_a_merged_organisations_address_redirects_to_the_survivor(client, pair):
    survivor, duplicate = pair
    old_url = f"/en/organisations/{duplicate.slug}/"
    organizations_merge(survivor=survivor, duplicate=duplicate)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == f"/en/organisations/{survivor.slug}/"


def test_merging_an_organisation_into_itself_is_an_error(pair):
    survivor, _duplicate = pair
    with pytest.raises(ValueError, match="itself"):
        organizations_merge(survivor=survivor, duplicate=survivor)


def test_a_merged_address_leads_to_the_last_survivor_without_reading_the_audit_log(
    client, organization_factory
):
    first, second, third = (organization_factory(name=name) for name in ("One", "Two", "Three"))
    organizations_merge(survivor=second, duplicate=first)
    organizations_merge(survivor=third, duplicate=second)
    AuditEntry.objects.all().delete()  # the log is a record; redirects do not depend on it

    assert dict(MergedOrganization.objects.values_list("slug", "merged_into")) == {
        first.slug: third.pk,
        second.slug: third.pk,
    }
    for slug in (first.slug, second.slug):
        response = client.get(f"/en/organisations/{slug}/")
        assert response.status_code == 301
        assert response["Location"] == f"/en/organisations/{third.slug}/"
    assert client.get("/en/organisations/never-existed/").status_code == 404


def test_merge_moves_the_duplicates_sign_on_requests_onto_the_survivors_line(
    pair, sign_on_factory, signatory_factory, statement_factory
):
    survivor, duplicate = pair
    statement = statement_factory()
    kept_line = signatory_factory(statement=statement, organization=survivor)
    dropped_line = signatory_factory(statement=statement, organization=duplicate)
    request = sign_on_factory(
        statement=statement, organization=duplicate, status="approved", signatory=dropped_line
    )
    organizations_merge(survivor=survivor, duplicate=duplicate, confirm_conflicts=True)
    request.refresh_from_db()
    assert (request.organization, request.signatory) == (survivor, kept_line)


def test_the_data_migration_turns_logged_merges_into_redirects(organization_factory):
    """Merges logged before MergedOrganization existed keep their addresses working."""
    migration = import_module(
        "undersigned.organizations.migrations.0003_merged_organizations_from_audit_log"
    )
    survivor, other = organization_factory(name="Survivor"), organization_factory(name="Other")
    organization_factory(name="Live", slug="live")
    for organization, slug in (
        (None, "lost"),  # its survivor was deleted since: the page gave 404, and still does
        (other, "middle"),
        (survivor, "middle"),  # merged again later: the latest survivor wins
        (survivor, "live"),  # a live organisation took the address again
        (survivor, "plain"),
    ):
        AuditEntry.objects.create(
            action="organization.merge",
            organization=organization,
            details={"merged_id": 1, "merged_slug": slug, "merged_name": slug.title()},
        )
    AuditEntry.objects.create(action="organization.create", organization=survivor, details={})

    migration.forwards(django_apps, None)

    assert set(MergedOrganization.objects.values_list("slug", "name", "merged_into")) == {
        ("middle", "Middle", survivor.pk),
        ("plain", "Plain", survivor.pk),
    }


def test_the_back_office_lists_merged_records_with_their_survivor(admin_client, pair):
    survivor, duplicate = pair
    organizations_merge(survivor=survivor, duplicate=duplicate)
    page = admin_client.get("/en/admin/organizations/mergedorganization/").content.decode()
    assert duplicate.slug in page
    assert escape(survivor.name) in page
    assert admin_client.get("/en/admin/organizations/mergedorganization/add/").status_code == 403
