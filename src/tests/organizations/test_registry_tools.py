import pytest

from undersigned.core.models import AuditEntry
from undersigned.organizations import selectors
from undersigned.organizations.models import Organization


@pytest.fixture(autouse=True)
def _fresh_index(monkeypatch):
    monkeypatch.setattr(selectors, "_index_state", None)


def test_registry_search_finds_an_organisation_by_another_spelling_or_alias(
    organization_factory, alias_factory
):
    centre = organization_factory(name="Transparency International Anticorruption Center")
    alias_factory(organization=centre, name="TIAC", language="")
    best = selectors.registry_search(query="Transparency International Anti-Corruption Center NGO")
    assert best[0].organization == centre
    assert best[0].score >= 90
    assert selectors.registry_search(query="TIAC")[0].organization == centre


def test_registry_index_learns_new_organisations_and_aliases_without_a_rebuild(
    organization_factory, alias_factory
):
    first = selectors.registry_index()
    created = organization_factory(name="Syunik Women's Development Centre")
    alias_factory(organization=created, name="Սյունիքի կանանց զարգացման կենտրոն", language="hy")
    assert selectors.registry_index() is first
    assert (
        selectors.registry_search(query="Syunik Womens Development Center")[0].organization
        == created
    )


def test_registry_index_forgets_a_renamed_or_deleted_organisation(organization_factory):
    renamed = organization_factory(name="Goris Press Club")
    gone = organization_factory(name="Kapan Youth Hub")
    selectors.registry_index()
    Organization.objects.filter(pk=renamed.pk).update(name="Goris Media Centre")
    renamed.refresh_from_db()
    renamed.save()
    gone.delete()
    assert not [m for m in selectors.registry_search(query="Goris Press Club") if m.score >= 90]
    assert not selectors.registry_search(query="Kapan Youth Hub")


def test_the_duplicates_report_lists_probable_pairs_with_scores(admin_client, organization_factory):
    organization_factory(name="Women’s Resource Center")
    organization_factory(name="Women’ Resource Center", needs_review=True)
    organization_factory(name="Women’s Rights Center")
    response = admin_client.get("/en/admin/organizations/organization/duplicates/")
    assert response.status_code == 200
    candidates = response.context["candidates"]
    assert len(candidates) == 1
    assert {candidates[0].first.name, candidates[0].second.name} == {
        "Women’s Resource Center",
        "Women’ Resource Center",
    }


def test_merging_from_the_back_office_asks_which_survives_and_merges(
    admin_client, organization_factory
):
    keep = organization_factory(name="Asparez Journalists' Club")
    drop = organization_factory(name="Journalists’ Club “Asparez”")
    url = f"/en/admin/organizations/organization/merge/?ids={keep.pk},{drop.pk}"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"ids": f"{keep.pk},{drop.pk}", "survivor": keep.pk})
    assert response.status_code == 302
    assert not Organization.objects.filter(pk=drop.pk).exists()
    assert keep.aliases.filter(name="Journalists’ Club “Asparez”").exists()


def test_marking_organisations_reviewed_in_the_back_office_is_logged_for_each(
    admin_client, admin_user, organization_factory
):
    pending = organization_factory(name="Created by a sign-on", needs_review=True)
    checked = organization_factory(name="Checked already", needs_review=False)
    admin_client.post(
        "/en/admin/organizations/organization/",
        {"action": "mark_reviewed", "_selected_action": [pending.pk, checked.pk]},
    )
    pending.refresh_from_db()
    assert not pending.needs_review
    [entry] = AuditEntry.objects.filter(action="organization.review")
    assert (entry.organization, entry.actor) == (pending, admin_user)
