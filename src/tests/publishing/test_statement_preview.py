"""Coordinators preview a draft as it will look; readers never see it."""

from tests.factories import coordinator_create


def test_a_coordinator_previews_a_draft_that_readers_cannot_see(client, statement_factory):
    statement_factory(
        slug="draft-on-water",
        status="draft",
        published_at=None,
        translation__title="On the price of water",
        translation__body="We call for a fair tariff [1].\n\n[1] The regulator's decision.",
    )
    assert client.get("/en/statements/draft-on-water/").status_code == 404
    preview_url = "/en/staff/statements/draft-on-water/preview/"
    assert client.get(preview_url).status_code == 302  # to the login page
    client.force_login(coordinator_create("coordinator"))
    response = client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "On the price of water" in html
    assert "Preview for coordinators: this statement is not public (Draft)" in html
    assert 'name="robots" content="noindex, nofollow"' in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    # Readers still get nothing.
    client.logout()
    assert client.get("/en/statements/draft-on-water/").status_code == 404


def test_view_on_site_leads_to_the_preview_for_a_draft_and_to_the_page_otherwise(
    admin_client, statement_factory
):
    draft = statement_factory(slug="a-draft", status="draft", published_at=None)
    published = statement_factory(slug="a-published-one")
    for statement, expected in [
        (draft, "/en/staff/statements/a-draft/preview/"),
        (published, "/en/statements/a-published-one/"),
    ]:
        change = admin_client.get(f"/en/admin/statements/statement/{statement.pk}/change/")
        assert change.status_code == 200
        assert _view_on_site(change).endswith(expected)
        assert admin_client.get(_view_on_site(change)).status_code == 200


def _view_on_site(response) -> str:
    from selectolax.lexbor import LexborHTMLParser

    link = LexborHTMLParser(response.content.decode()).css_first("a.viewsitelink")
    return link.attributes["href"]
