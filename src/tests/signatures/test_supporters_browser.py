"""In Chromium: a member of the public supports a statement, confirms by mail, is counted."""

import re

import pytest

from undersigned.signatures import supporters


def assert_no_violations(axe_audit, page, where):
    violations = axe_audit(page)
    assert not violations, f"{where}: {violations}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_support_confirm_and_the_count_moves(
    page, live_server, settings, mail_over_smtp, statement_factory, axe_audit
):
    settings.SITE_URL = live_server.url
    statement = statement_factory(translation__title="On the right to peaceful assembly")

    page.goto(f"/en/statements/{statement.slug}/")
    page.get_by_text("0 people support this statement.").wait_for()
    page.get_by_role("link", name="Support this statement").click()
    page.get_by_role("heading", name="Support this statement").wait_for()
    assert_no_violations(axe_audit, page, "support form")

    form = page.locator("form.support-form")
    form.get_by_role("button", name="Support").click()  # empty: the browser or Django says why
    form.get_by_label("Your name").fill("Ani Sargsyan")
    form.get_by_label("City or country").fill("Gyumri")
    form.get_by_role("textbox", name="Email").fill("ani@mail.example.am")
    form.get_by_label("Show my name and place on the public list of supporters").check()
    form.get_by_role("button", name="Support").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    [message] = mail_over_smtp.wait_for(1)
    text = message.get_body(preferencelist=("plain",)).get_content()
    page.goto(re.search(r"http://\S+/support/confirm/\?token=[\w-]+", text).group(0))
    assert_no_violations(axe_audit, page, "confirmation page")
    # The page in Armenian keeps the link's token (the page is one for everyone: it is in the
    # address only), and confirms in Armenian.
    page.locator(".language-switcher").get_by_role("link", name="Հայերեն").click()
    assert "?token=" in page.url
    page.get_by_role("button", name="Հաստատել").click()
    page.get_by_role("heading", name="Շնորհակալություն․ Ձեր աջակցությունը հաստատված է").wait_for()

    # The batch the confirmation booked has run (tasks run at once here); the page shows it.
    supporters.supporter_tally_update(statement_id=statement.pk)
    page.goto(f"/en/statements/{statement.slug}/")
    page.get_by_text("1 person supports this statement.").wait_for()
    page.get_by_role("link", name="Who they are").click()
    page.get_by_text("Ani Sargsyan, Gyumri").wait_for()
    assert_no_violations(axe_audit, page, "list of supporters")
