import pytest

from undersigned.core.models import AuditEntry
from undersigned.organizations.models import Membership, Organization
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
