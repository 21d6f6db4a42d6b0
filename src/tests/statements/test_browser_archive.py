"""A reader in Chromium: home, the archive, a statement, then the statement in Armenian."""

import re

import pytest
from playwright.sync_api import expect


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_reader_goes_from_home_through_the_archive_to_a_statement_and_reads_it_in_armenian(
    page, statement_factory, statement_translation_factory, signatory_factory
):
    statement = statement_factory(
        slug="freedom-of-assembly", translation__title="On the freedom of assembly"
    )
    statement_translation_factory(
        statement=statement, language="hy", title="Հավաքների ազատության մասին"
    )
    signatory_factory(statement=statement)
    statement_factory(translation__title="An older statement")

    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="All statements").click()
    expect(page).to_have_url(re.compile(r"/en/statements/$"))
    expect(page.locator("main h1")).to_have_text("Statements")

    page.locator(".statement-card-title a", has_text="On the freedom of assembly").click()
    expect(page).to_have_url(re.compile(r"/en/statements/freedom-of-assembly/$"))
    expect(page.locator("article.statement h1")).to_have_text("On the freedom of assembly")

    switcher = page.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="Հայերեն").click()
    expect(page).to_have_url(re.compile(r"/hy/statements/freedom-of-assembly/$"))
    expect(page.locator("html")).to_have_attribute("lang", "hy")
    expect(page.locator("article.statement h1")).to_have_text("Հավաքների ազատության մասին")
    expect(page.locator("article.statement .notice[role=note]")).to_have_count(0)
