"""In Chromium: the version history and its diff are accessible (axe-core, WCAG 2.2 AA)."""

import pytest

from tests.factories import coordinator_create
from undersigned.publishing.services import statement_save
from undersigned.signatures import services


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_version_pages_and_the_marked_list_pass_axe_core(
    page, settings, statement_factory, sign_on_factory, axe_audit
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    statement = statement_factory(
        translation__title="On the right to protest",
        translation__body="We call on the government.\n\nA second paragraph.",
    )
    coordinator = coordinator_create("coordinator")
    services.sign_on_approve(sign_on=sign_on_factory(statement=statement), by=coordinator)
    translation = statement.translations.get()
    translation.body = "We urge the government.\n\nA second paragraph, longer."
    statement_save(statement=statement, save_related=translation.save)

    for path in (
        f"/en/statements/{statement.slug}/",
        f"/en/statements/{statement.slug}/versions/",
        f"/en/statements/{statement.slug}/versions/2/",
        f"/en/statements/{statement.slug}/versions/1/",
    ):
        page.goto(path)
        violations = axe_audit(page)
        assert not violations, f"{path}: {violations}"

    page.goto(f"/en/statements/{statement.slug}/versions/2/")
    removed = page.locator(".diff del").first
    added = page.locator(".diff ins").first
    # Not by colour alone: struck through and underlined, and announced in words.
    assert "line-through" in removed.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in added.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert removed.inner_text().startswith("[removed:")
    assert added.inner_text().startswith("[added:")
