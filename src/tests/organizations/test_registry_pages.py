"""The registry's public pages: an organisation's profile, its networks, members and statements."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from selectolax.lexbor import LexborHTMLParser

from undersigned.organizations.models import Membership, Organization
from undersigned.statements import selectors as statement_selectors


def parse(response) -> LexborHTMLParser:
    return LexborHTMLParser(response.content.decode())


# --- the model ---


def test_an_organisation_cannot_be_a_member_of_itself(organization_factory):
    network = organization_factory(kind=Organization.Kind.NETWORK)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(network=network, member=network)
    assert not Membership.objects.exists()


def test_an_organisation_joins_a_network_only_once(membership_factory):
    membership = membership_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(network=membership.network, member=membership.member)


def test_an_alias_is_recorded_once_per_organisation(alias_factory):
    alias = alias_factory(name="HCA")
    with pytest.raises(IntegrityError), transaction.atomic():
        alias_factory(organization=alias.organization, name="HCA")


# --- organisation_statements ---


def test_an_organisations_statements_include_those_it_published_and_those_it_signed(
    organization_factory, statement_factory, signatory_factory
):
    organization = organization_factory()
    published_by = statement_factory(slug="published-by")
    published_by.publishers.add(organization)
    signatory_factory(statement=statement_factory(slug="signed"), organization=organization)
    both = statement_factory(slug="both")
    both.publishers.add(organization)
    signatory_factory(statement=both, organization=organization)
    signatory_factory(statement=statement_factory(slug="someone-else"))
    found = statement_selectors.organization_statements(organization=organization)
    assert sorted(s.slug for s in found) == ["both", "published-by", "signed"]


def test_an_organisations_statements_leave_out_drafts(
    organization_factory, statement_factory, signatory_factory
):
    organization = organization_factory()
    signatory_factory(
        statement=statement_factory(status="draft", published_at=None), organization=organization
    )
    open_statement = statement_factory(slug="open", status="open", published_at=None)
    signatory_factory(statement=open_statement, organization=organization)
    assert [
        s.slug for s in statement_selectors.organization_statements(organization=organization)
    ] == ["open"]


# --- the organisation page ---


@pytest.fixture
def network(organization_factory, alias_factory, membership_factory):
    network = organization_factory(
        name="Armenian Civic Network",
        slug="civic-network",
        kind=Organization.Kind.NETWORK,
        city="Vanadzor",
        website="https://civic-network.example.am",
        description="A network of civic groups in the regions.",
    )
    alias_factory(organization=network, name="ACN", language="en", is_acronym=True)
    alias_factory(organization=network, name="Քաղաքացիական ցանց", language="hy")
    umbrella = organization_factory(name="Eastern Partnership Forum", slug="eap-forum")
    membership_factory(network=umbrella, member=network, role=Membership.Role.BOARD)
    for name, slug in [("Lori Youth", "lori-youth"), ("Syunik Women", "syunik-women")]:
        membership_factory(network=network, member=organization_factory(name=name, slug=slug))
    return network


def test_the_organisation_page_shows_its_profile(client, network):
    response = client.get("/en/organisations/civic-network/")
    assert response.status_code == 200
    page = parse(response)
    assert page.css_first("h1").text() == "Armenian Civic Network"
    meta = page.css_first("article.organization .meta").text()
    assert "Network" in meta
    assert "Vanadzor" in meta
    assert "Armenia" in meta
    assert "A network of civic groups" in page.css_first(".description").text()
    website = page.css_first("dl.profile a")
    assert website.attributes["href"] == "https://civic-network.example.am"
    assert page.css_first("title").text().startswith("Armenian Civic Network")


def test_the_organisation_page_lists_its_other_names_with_their_language(client, network):
    page = parse(client.get("/en/organisations/civic-network/"))
    aliases = {li.text(): li.attributes.get("lang") for li in page.css("ul.aliases li")}
    assert aliases == {"ACN": "en", "Քաղաքացիական ցանց": "hy"}


def test_the_organisation_page_lists_the_networks_it_belongs_to_with_its_role(client, network):
    page = parse(client.get("/en/organisations/civic-network/"))
    section = page.css_first("section[aria-labelledby=memberships-heading]")
    link = section.css_first("a")
    assert link.text() == "Eastern Partnership Forum"
    assert link.attributes["href"] == "/en/organisations/eap-forum/"
    assert "Governing board member" in section.text()


def test_a_network_page_lists_its_members(client, network):
    page = parse(client.get("/en/organisations/civic-network/"))
    section = page.css_first("section[aria-labelledby=members-heading]")
    links = {a.text(): a.attributes["href"] for a in section.css("li a")}
    assert links == {
        "Lori Youth": "/en/organisations/lori-youth/",
        "Syunik Women": "/en/organisations/syunik-women/",
    }
    assert "(2)" in section.css_first("h2").text()


def test_the_organisation_page_lists_its_public_statements(
    client, network, statement_factory, signatory_factory
):
    signatory_factory(
        statement=statement_factory(slug="signed", translation__title="On regional media"),
        organization=network,
    )
    statement_factory(slug="published", translation__title="On local elections").publishers.add(
        network
    )
    signatory_factory(
        statement=statement_factory(
            status="draft", published_at=None, translation__title="A secret draft"
        ),
        organization=network,
    )
    page = parse(client.get("/en/organisations/civic-network/"))
    section = page.css_first("section[aria-labelledby=statements-heading]")
    titles = {a.text(): a.attributes["href"] for a in section.css(".statement-card-title a")}
    assert titles == {
        "On regional media": "/en/statements/signed/",
        "On local elections": "/en/statements/published/",
    }
    assert "(2)" in section.css_first("h2").text()
    feeds = {a.attributes["href"] for a in section.css("p.feeds a")}
    assert feeds == {
        "/en/organisations/civic-network/feed.atom",
        "/en/organisations/civic-network/feed.rss",
    }


def test_the_organisation_page_links_to_its_statements_in_the_archive(
    client, network, statement_factory
):
    statement_factory(slug="published").publishers.add(network)
    page = parse(client.get("/en/organisations/civic-network/"))
    link = page.css_first("section[aria-labelledby=statements-heading] .archive-link a")
    assert link.text() == "All statements of this organisation in the archive"
    assert link.attributes["href"] == "/en/statements/?organization=civic-network"
    archive = parse(client.get(link.attributes["href"]))
    assert [a.text() for a in archive.css(".statement-card-title a")] == [
        a.text() for a in page.css(".statement-card-title a")
    ]


def test_an_organisation_only_collecting_signatures_has_no_archive_link(
    client, network, statement_factory, signatory_factory
):
    open_statement = statement_factory(status="open", published_at=None)
    signatory_factory(statement=open_statement, organization=network)
    page = parse(client.get("/en/organisations/civic-network/"))
    assert page.css_first(".statement-card-title") is not None
    assert page.css_first(".archive-link") is None


def test_an_organisation_without_statements_says_so(client, organization_factory):
    organization_factory(slug="quiet")
    page = parse(client.get("/en/organisations/quiet/"))
    section = page.css_first("section[aria-labelledby=statements-heading]")
    assert "No public statements yet." in section.text()
    assert page.css_first("section[aria-labelledby=members-heading]") is None
    assert page.css_first("section[aria-labelledby=memberships-heading]") is None


def test_an_unknown_organisation_is_not_found(client, db):
    response = client.get("/en/organisations/nobody/")
    assert response.status_code == 404
    assert parse(response).css_first("header.site-header") is not None


@pytest.mark.parametrize("language", ["en", "hy", "ru"])
def test_the_organisation_page_is_served_in_each_language(client, network, language):
    response = client.get(f"/{language}/organisations/civic-network/")
    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert parse(response).css_first("html").attributes["lang"] == language


def test_an_organisations_statements_still_collecting_signatures_come_first(
    organization_factory, statement_factory, signatory_factory
):
    organization = organization_factory()
    for slug, status, published_at in [
        ("older", "published", timezone.now() - timedelta(days=9)),
        ("collecting", "open", None),
        ("newer", "published", timezone.now() - timedelta(days=1)),
    ]:
        statement = statement_factory(slug=slug, status=status, published_at=published_at)
        signatory_factory(statement=statement, organization=organization)
    found = statement_selectors.organization_statements(organization=organization)
    assert [s.slug for s in found] == ["collecting", "newer", "older"]
