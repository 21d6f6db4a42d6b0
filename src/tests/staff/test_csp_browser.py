"""In Chromium: the site's pages and the admin run under the Content-Security-Policy without
one violation (an inline script or style the policy blocks would be one)."""

import pytest

from tests.factories import coordinator_create

# Runs before any page script, whatever the policy: records every violation the page reports.
RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched(page):
    """The browser page, recording CSP violations from the console and from the DOM events."""
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(RECORDER)

    def violations() -> list[str]:
        page.wait_for_load_state("load")
        page.wait_for_timeout(150)  # the event is dispatched after the blocked element
        return console + page.evaluate("window.__cspViolations")

    page.violations = violations
    return page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_readers_pages_and_the_sign_on_form_run_without_a_csp_violation(watched, statement_factory):
    statement = statement_factory(open_for_joining=True, translation__title="On clean air")
    for url in [
        "/en/",
        f"/en/statements/{statement.slug}/",
        "/en/statements/",
        f"/en/statements/{statement.slug}/sign/",
        "/hy/statements/",
    ]:
        response = watched.goto(url)
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert watched.violations() == [], url
    # The display settings (engagement's static script) still apply before the first paint.
    assert watched.evaluate("document.documentElement.classList.contains('js')")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_admin_and_the_dashboard_run_without_a_csp_violation(watched, statement_factory):
    statement = statement_factory(open_for_joining=True)
    coordinator_create("coordinator", password="a-long-passphrase")
    watched.goto("/en/admin/login/")
    assert watched.violations() == []
    watched.get_by_label("Username").fill("coordinator")
    watched.get_by_label("Password").fill("a-long-passphrase")
    watched.get_by_role("button", name="Log in").click()
    watched.wait_for_url("**/en/staff/")  # staff land on the coordinators' home
    for url in [
        "/en/staff/",
        f"/en/staff/statements/{statement.slug}/move/close/",
        "/en/admin/",
        "/en/admin/statements/statement/",
        f"/en/admin/statements/statement/{statement.pk}/change/",
        "/en/admin/organizations/organization/add/",
        "/en/staff/statements/",
        f"/en/staff/statements/{statement.slug}/signatures/",
    ]:
        response = watched.goto(url)
        assert response.status == 200, url
        assert watched.violations() == [], url
    # The coordinators' pages fit a phone: nothing wider than 375 px, no sideways scrolling.
    watched.set_viewport_size({"width": 375, "height": 700})
    for url in [
        "/en/staff/",
        f"/en/staff/statements/{statement.slug}/move/close/",
        "/en/staff/statements/",
        f"/en/staff/statements/{statement.slug}/signatures/",
        f"/en/staff/statements/{statement.slug}/updates/",
        f"/en/staff/statements/{statement.slug}/review/",
        "/en/staff/history/",
        "/en/staff/import/",
    ]:
        watched.goto(url)
        assert watched.evaluate("document.documentElement.scrollWidth") <= 375, url


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_watch_catches_an_inline_style_the_policy_blocks(watched):
    """The detector itself: without it the tests above could pass blind."""
    watched.goto("/en/")
    assert watched.violations() == []
    watched.evaluate(
        "() => { const s = document.createElement('style');"
        " s.textContent = 'body { color: red }'; document.head.appendChild(s); }"
    )
    assert any("style-src" in violation for violation in watched.violations())
