"""axe-core finds no WCAG 2.2 A/AA violation on any page the sitemap lists, nor any kind of page."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from tests.standards.pages import example_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site(
    statement_factory,
    statement_translation_factory,
    category_factory,
    organization_factory,
    signatory_factory,
    membership_factory,
):
    """A small site with each thing a page can show: footnotes, translations, a network."""
    rights = category_factory(slug="rights", name_en="Rights")
    water = category_factory(slug="water", name_en="Water")
    network = organization_factory(name="Civic Network", slug="civic-network", kind="network")
    members = [organization_factory(name=f"Member Association {n}") for n in range(4)]
    for member in members:
        membership_factory(network=network, member=member)
    with_footnotes = statement_factory(
        slug="with-footnotes",
        translation__title="On the detention of protesters",
        translation__body=(
            "We condemn the detention of peaceful protesters [1], as the law forbids it [2].\n\n"
            "[1] Report of the Human Rights Defender, 10 March\n"
            "[2] Constitution, article 44"
        ),
    )
    statement_translation_factory(
        statement=with_footnotes,
        language="hy",
        title="Ցուցարարների կալանքի մասին",
        body="Մենք դատապարտում ենք [1]։\n\n[1] Մարդու իրավունքների պաշտպանի զեկույց",
    )
    statement_translation_factory(
        statement=with_footnotes,
        language="ru",
        title="О задержании протестующих",
        body="Мы осуждаем задержание [1].\n\n[1] Доклад Защитника прав человека",
    )
    english_only = statement_factory(slug="english-only", translation__title="On water prices")
    statement_factory(
        slug="open-for-signature",
        status="open",
        published_at=None,
        translation__title="On the forests",
    )
    with_footnotes.categories.set([rights])
    english_only.categories.set([water, rights])
    with_footnotes.publishers.add(network)
    for statement in (with_footnotes, english_only):
        for member in members:
            signatory_factory(statement=statement, organization=member)
    return with_footnotes


def sitemap_paths(client) -> list[str]:
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own)
    return [urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP}loc")]


def test_every_page_the_sitemap_lists_and_every_kind_of_page_pass_axe(
    client, site, page, axe_audit, settings
):
    settings.ARCHIVE_PAGE_SIZE = 1  # every list has a second page
    listed = sitemap_paths(client)
    assert len(listed) == 3 * (3 + 2 + 5)  # statements, categories, organisations, per language
    kinds = [path for paths in example_paths().values() for path in paths]
    found = {}
    for path in dict.fromkeys(listed + kinds):
        response = page.goto(path)
        assert response is not None
        assert response.status in (200, 404), path
        violations = axe_audit(page)
        if violations:
            found[path] = violations
    assert found == {}
