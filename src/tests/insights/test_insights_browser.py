"""In Chromium: the insight pages and sections pass axe-core (WCAG 2.2 AA) in every language."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from undersigned.insights import services


def insight_pages(archive) -> list[str]:
    statement = max(archive.statements, key=lambda s: len(archive.statements[s][2]))
    member = archive.members[0]
    pages = []
    for language in ("en", "hy", "ru"):
        pages += [
            f"/{language}/insights/",
            f"/{language}/insights/?year=2022&category={archive.categories[0].slug}",
            f"/{language}/insights/?year=1890",
            f"/{language}/organisations/{archive.network.slug}/",
            f"/{language}/organisations/{member.slug}/",
            f"/{language}/statements/{statement.slug}/",
        ]
    return pages


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_insight_pages_pass_axe_core(page, archive, axe_audit):
    services.network_graph_compute(network=archive.network)
    services.overview_compute()
    for path in insight_pages(archive):
        page.goto(path)
        page.locator("details.chart-data").first.evaluate("d => d.open = true")
        violations = axe_audit(page)
        assert violations == [], f"{path}: {violations}"
    assert page.locator("section.insight-chart svg[role=img]").count() >= 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_staff_part_of_a_statement_page_passes_axe_core(page, archive, axe_audit, live_server):
    staff = get_user_model().objects.create_user("coordinator", is_staff=True)
    client = Client()
    client.force_login(staff)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    statement = max(archive.statements, key=lambda s: len(archive.statements[s][2]))
    page.goto(f"/en/statements/{statement.slug}/")
    page.get_by_text("Only staff see this list.").wait_for()
    assert axe_audit(page) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_network_page_whose_map_is_being_computed_passes_axe_core(page, archive, axe_audit):
    page.goto(f"/hy/organisations/{archive.network.slug}/")
    page.locator(".insight-map .notice").wait_for()
    assert axe_audit(page) == []
