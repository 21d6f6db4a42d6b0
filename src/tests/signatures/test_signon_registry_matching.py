from undersigned.organizations.selectors import (
    organization_match,
    organization_resolve,
    organization_search,
)


def test_the_type_ahead_finds_an_organisation_typed_in_another_script(
    organization_factory, alias_factory
):
    asparez = organization_factory(name="Asparez Journalists' Club")
    found = organization_search(query="Аспарез")
    assert [c.organization for c in found] == [asparez]


def test_a_misspelt_name_is_the_organisation_when_the_registry_decides_it_is_the_same(
    organization_factory,
):
    centre = organization_factory(name="Women's Resource Center")
    organization_factory(name="Women's Rights Center")
    assert organization_match(name="Wonen’ s Resource Center").decision == "same"
    resolution = organization_resolve(name="Wonen’ s Resource Center")
    assert resolution.organization == centre


def test_a_name_the_registry_decides_is_maybe_an_organisation_is_offered_not_chosen(
    organization_factory,
):
    foundation = organization_factory(name="Asparez Foundation")
    assert organization_match(name="Asparez").decision == "maybe"
    resolution = organization_resolve(name="Asparez")
    assert resolution.organization is None
    assert [c.organization for c in resolution.candidates] == [foundation]


def test_a_different_organisation_with_a_close_name_is_not_offered(organization_factory):
    organization_factory(name="Coalition For Equal Rights")
    resolution = organization_resolve(name="For Equal Rights NGO")
    assert resolution.candidates == []
