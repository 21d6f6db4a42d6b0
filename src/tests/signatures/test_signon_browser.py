"""End to end in Chromium: sign on, confirm from the mail, approve, see the public list move."""

import re

import pytest

from tests.factories import coordinator_create


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sign_on_confirm_approve_and_the_public_list_moves(
    page, chromium, live_server, settings, mail_over_smtp, statement_factory, organization_factory
):
    settings.SITE_URL = live_server.url
    statement = statement_factory(
        open_for_joining=True, translation__title="On the right to peaceful assembly"
    )
    organization_factory(name="Civil Society Institute", city="Yerevan")
    pink = organization_factory(name="Public Information and Need of Knowledge", city="Yerevan")
    pink.aliases.create(name="PINK Armenia", language="en")
    coordinator_create("coordinator", password="a-long-passphrase")

    # The signer finds the organisation by its other name with the type-ahead.
    page.goto(f"/en/statements/{statement.slug}/")
    page.get_by_role("heading", name="Signatories (0)").wait_for()
    form = page.locator("form[data-signon-form]")  # the page has other forms too
    form.get_by_role("combobox", name="Organisation", exact=True).fill("pink arm")
    form.get_by_role("option", name=re.compile("Public Information and Need of Knowledge")).click()
    assert form.locator("[name=organization]").input_value() == str(pink.pk)
    form.get_by_label("Your name").fill("Mamikon Hovsepyan")
    form.get_by_label("Your role in the organisation").fill("Director")
    form.get_by_role("textbox", name="Email", exact=True).fill("mamikon@pinkarmenia.example.org")
    form.get_by_label("I may sign on behalf of this organisation.").check()
    form.get_by_role("button", name="Sign", exact=True).click()
    page.get_by_role("heading", name="Check your email").wait_for()

    # The mail arrives at the SMTP server; its link opens a page whose button confirms.
    [message] = mail_over_smtp.wait_for(1)
    assert message["To"] == "mamikon@pinkarmenia.example.org"
    text = message.get_body(preferencelist=("plain",)).get_content()
    confirm_url = re.search(r"http://\S+/sign-on/confirm/\S+/", text).group(0)
    page.goto(confirm_url)
    page.get_by_role("button", name="Confirm").click()
    page.get_by_role("heading", name="Thank you: your signature is confirmed").wait_for()

    # The coordinator signs in and approves in the dashboard.
    page.goto(f"/en/staff/statements/{statement.slug}/signatures/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill("a-long-passphrase")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role(
        "heading", name=re.compile("Public Information and Need of Knowledge")
    ).wait_for()
    assert "Email domain" in page.locator(".trust-signals").first.inner_text()
    page.get_by_role("button", name="Approve", exact=True).click()
    page.get_by_text("Public Information and Need of Knowledge is on the list.").wait_for()

    # A reader sees the organisation on the public list and the count moved.
    reader = chromium.new_context(base_url=live_server.url)
    public = reader.new_page()
    public.goto(f"/en/statements/{statement.slug}/")
    public.get_by_role("heading", name="Signatories (1)").wait_for()
    assert (
        "Public Information and Need of Knowledge" in public.locator(".signatory-list").inner_text()
    )
    assert "mamikon@" not in public.content()
    reader.close()
