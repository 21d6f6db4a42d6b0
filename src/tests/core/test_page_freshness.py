"""Cached public pages show a change to what they print on the next request."""

import pytest
from selectolax.lexbor import LexborHTMLParser

pytestmark = pytest.mark.django_db(transaction=True)


def main_text(client, url: str) -> str:
    """Return the visible text of the page's main content, as a reader gets it now."""
    response = client.get(url)
    assert response.status_code == 200
    return LexborHTMLParser(response.content.decode()).css_first("main").text()


@pytest.fixture
def statement(statement_factory, category_factory, organization_factory):
    statement = statement_factory(slug="on-assembly")
    statement.categories.add(category_factory(slug="assembly", name_en="Assembly"))
    statement.publishers.add(organization_factory(slug="hca", name="Helsinki Committee"))
    return statement


def test_a_renamed_category_shows_at_once_on_the_statement_page(client, statement):
    url = "/en/statements/on-assembly/"
    assert "Assembly" in main_text(client, url)
    category = statement.categories.get()
    category.name_en = "Peaceful assembly"
    category.save()
    assert "Peaceful assembly" in main_text(client, url)


def test_a_renamed_publisher_shows_at_once_on_the_statement_page(client, statement):
    url = "/en/statements/on-assembly/"
    assert "Helsinki Committee" in main_text(client, url)
    publisher = statement.publishers.get()
    publisher.name = "Helsinki Citizens' Assembly"
    publisher.save()
    assert "Helsinki Citizens' Assembly" in main_text(client, url)


def test_a_new_alias_shows_at_once_on_the_organisation_page(
    client, organization_factory, alias_factory
):
    organization = organization_factory(slug="hca")
    url = "/en/organisations/hca/"
    assert "HCA Vanadzor" not in main_text(client, url)
    alias = alias_factory(organization=organization, name="HCA Vanadzor")
    assert "HCA Vanadzor" in main_text(client, url)
    alias.delete()
    assert "HCA Vanadzor" not in main_text(client, url)


def test_a_statement_added_to_a_category_shows_at_once_on_the_category_page(
    client, statement_factory, category_factory
):
    category = category_factory(slug="media")
    url = "/en/statements/categories/media/"
    statement = statement_factory(translation__title="On journalists")
    assert "On journalists" not in main_text(client, url)
    statement.categories.add(category)
    assert "On journalists" in main_text(client, url)
