"""In Chromium: the display settings panel, sharing, keyboard-only forms, print, and axe-core."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import coordinator_create
from undersigned.engagement import viewcount
from undersigned.engagement.models import Comment, Commenter, Subscriber, digest_of
from undersigned.organizations.models import Organization
from undersigned.signatures import services, supporters
from undersigned.signatures.models import SignOnRequest, SignOnToken, Supporter
from undersigned.statements.models import Statement
from undersigned.statements.versions import statement_version_current

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("english"),
]


@pytest.fixture
def content(
    statement_factory, category_factory, organization_factory, signatory_factory, membership_factory
):
    """A small public site: a network and members, two related statements, comments."""
    rights = category_factory(slug="rights", name_en="Rights")
    network = organization_factory(name="Civic Network", slug="civic-network", kind="network")
    members = [organization_factory(name=f"Member {n}") for n in range(3)]
    for member in members:
        membership_factory(network=network, member=member)
    body = "We, the undersigned, condemn the detention of peaceful protesters in Yerevan."
    statement = statement_factory(
        slug="freedom-of-assembly",
        translation__title="On the freedom of assembly",
        translation__body=body,
    )
    other = statement_factory(translation__title="On detention", translation__body=body)
    for item in (statement, other):
        item.categories.set([rights])
        for member in members:
            signatory_factory(statement=item, organization=member)
    statement_factory(
        slug="open-for-signature", status="open", published_at=None, translation__title="On water"
    )
    commenter = Commenter.objects.create(email="anahit@example.am")
    top = Comment.objects.create(
        statement=statement,
        commenter=commenter,
        name="Anahit",
        language="en",
        body="We stand with you. https://example.org/report",
        status=Comment.Status.APPROVED,
    )
    Comment.objects.create(
        statement=statement,
        commenter=commenter,
        name="Armen",
        language="en",
        parent=top,
        body="So do we.",
        status=Comment.Status.APPROVED,
    )
    return statement


# Display settings: group, value, and what the page computes with it.
SETTINGS = [
    ("size", "125", "html", "fontSize", "20px"),
    ("size", "150", "html", "fontSize", "24px"),
    ("size", "200", "html", "fontSize", "32px"),
    ("font", "arial", "body", "fontFamily", re.compile(r"^Arial")),
    ("font", "verdana", "body", "fontFamily", re.compile(r"^Verdana")),
    ("font", "tahoma", "body", "fontFamily", re.compile(r"^Tahoma")),
    ("weight", "light", "body", "fontWeight", "300"),
    ("weight", "bold", "body", "fontWeight", "700"),
    ("spacing", "1", "body", "letterSpacing", "1px"),
    ("spacing", "2", "body", "letterSpacing", "2px"),
    ("spacing", "3", "body", "letterSpacing", "3px"),
    ("scheme", "light", "body", "backgroundColor", "rgb(255, 255, 255)"),
    ("scheme", "dark", "body", "backgroundColor", "rgb(0, 0, 0)"),
]


def computed(page, selector: str, prop: str) -> str:
    return page.evaluate(
        "([s, p]) => getComputedStyle(document.querySelector(s))[p]", [selector, prop]
    )


def matches(value: str, expected) -> bool:
    return bool(expected.search(value)) if isinstance(expected, re.Pattern) else value == expected


def open_panel(page):
    if not page.evaluate("document.getElementById('a11y-panel').open"):
        page.locator("#a11y-panel > summary").click()


def test_each_display_setting_changes_the_page_and_survives_a_reload(page, content):
    page.emulate_media(color_scheme="dark")  # "black on white" must then change something too
    page.goto(content.get_absolute_url())
    defaults = {
        (selector, prop): computed(page, selector, prop) for _g, _v, selector, prop, _e in SETTINGS
    }
    for group, value, selector, prop, expected in SETTINGS:
        open_panel(page)
        page.locator(f"label[for='a11y-{group}-{value}']").click()
        now = computed(page, selector, prop)
        assert now != defaults[(selector, prop)], (group, value)
        assert matches(now, expected), (group, value, now)
        page.reload()
        assert matches(computed(page, selector, prop), expected), (group, value, "after reload")
        assert page.locator(f"#a11y-{group}-{value}").is_checked()

    # The reader's own colours: every colour of the page is one of the two.
    open_panel(page)
    page.locator("#a11y-bg").fill("#000080")
    page.locator("#a11y-fg").fill("#ffff00")
    assert page.locator("#a11y-scheme-custom").is_checked()
    assert "Contrast 14.9:1." in page.locator("#a11y-contrast").inner_text()
    page.reload()
    assert computed(page, "body", "backgroundColor") == "rgb(0, 0, 128)"
    assert computed(page, "body", "color") == "rgb(255, 255, 0)"
    assert computed(page, ".site-nav a", "color") == "rgb(255, 255, 0)"

    open_panel(page)
    page.get_by_role("button", name="Reset all").click()
    page.get_by_role("status").filter(has_text="Display settings reset.").wait_for()
    assert page.evaluate("localStorage.getItem('undersigned:display')") is None
    page.reload()
    for (selector, prop), value in defaults.items():
        assert computed(page, selector, prop) == value


def test_saved_settings_apply_before_the_first_paint(page, content):
    page.goto("/en/")
    page.evaluate(
        "localStorage.setItem('undersigned:display', JSON.stringify({size: '150', scheme: 'dark'}))"
    )
    # Record the page's state at the moment <body> starts: before anything could be painted.
    page.add_init_script(
        """new MutationObserver((records, observer) => {
            if (!document.body) return;
            observer.disconnect();
            const root = document.documentElement;
            window.atFirstPaint = {size: getComputedStyle(root).fontSize,
                                   background: getComputedStyle(root).getPropertyValue('--paper')};
        }).observe(document, {childList: true, subtree: true});"""
    )
    page.goto(content.get_absolute_url())
    assert page.evaluate("window.atFirstPaint") == {"size": "24px", "background": "#000000"}


def test_without_javascript_the_panel_still_gives_high_contrast_and_larger_text(
    chromium, live_server, content
):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(content.get_absolute_url())
    page.locator("#a11y-panel > summary").click()
    assert page.get_by_text(
        "Without JavaScript these settings apply to this page only"
    ).is_visible()
    assert not page.locator("#a11y-scheme-custom").is_visible()
    page.locator("label[for='a11y-scheme-dark']").click()
    page.locator("label[for='a11y-size-200']").click()
    assert computed(page, "body", "backgroundColor") == "rgb(0, 0, 0)"
    assert computed(page, "body", "color") == "rgb(255, 255, 255)"
    assert computed(page, "html", "fontSize") == "32px"
    context.close()


def test_a_reader_in_a_browser_is_counted_once_even_without_javascript(
    chromium, live_server, content
):
    # A reader's browser: the headless one announces itself and is rightly not counted.
    agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/141.0 Safari/537.36"
    context = chromium.new_context(
        base_url=live_server.url, java_script_enabled=False, user_agent=agent
    )
    page = context.new_page()
    for _ in range(2):
        page.goto(content.get_absolute_url(), wait_until="load")
    assert viewcount.buffered_counts([content.slug]) == {content.slug: 1}
    context.close()


def test_skip_link_and_panel_work_from_the_keyboard(page, content):
    page.goto(content.get_absolute_url())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('a11y-panel').open")
    page.get_by_role("group", name="Text size").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "a11y-size-default"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "a11y-size-125"
    assert computed(page, "html", "fontSize") == "20px"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # closes the panel again
    assert not page.evaluate("document.getElementById('a11y-panel').open")

    page.reload()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    assert page.evaluate("document.activeElement.id") == "content"


def tab_to(page, selector: str, limit: int = 250) -> None:
    """Press Tab until the element has the focus, as someone without a mouse would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} cannot be reached with the keyboard")


def test_the_comment_form_can_be_used_with_the_keyboard_alone(page, content):
    page.goto(content.get_absolute_url())
    tab_to(page, "#comment-form button[type=submit]")
    page.keyboard.press("Enter")  # sent empty: the errors come first
    page.wait_for_url(re.compile(r"/comment/$"))
    assert page.evaluate("document.activeElement.matches('[data-error-summary]')")
    assert page.title().startswith("Error:")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first error's link leads to its field
    assert page.evaluate("document.activeElement.id") == "comment_name"
    assert page.locator("#comment_name").get_attribute("aria-invalid") == "true"
    page.keyboard.type("Lilit")
    page.keyboard.press("Tab")
    page.keyboard.type("lilit@example.am")
    page.keyboard.press("Tab")
    page.keyboard.type("Thank you for this statement.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/freedom-of-assembly/#comments$"))
    page.get_by_text("Your comment will appear once it is confirmed or approved").wait_for()
    assert Comment.objects.filter(name="Lilit", status=Comment.Status.PENDING).exists()


def test_the_newsletter_forms_can_be_used_with_the_keyboard_alone(page, content):
    page.goto("/en/")
    tab_to(page, "#footer-newsletter-email")
    page.keyboard.type("reader@example.am")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Subscribe"
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Check your email").wait_for()
    assert Subscriber.objects.get().email == "reader@example.am"

    page.goto("/en/newsletter/")
    tab_to(page, "#newsletter_email")
    page.keyboard.type("not an address")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.get_by_role("alert").wait_for()
    assert page.evaluate("document.activeElement.matches('[data-error-summary]')")
    email = page.locator("#newsletter_email")
    assert email.get_attribute("aria-invalid") == "true"
    assert "newsletter_email_error" in email.get_attribute("aria-describedby")
    tab_to(page, "#newsletter_email")
    page.keyboard.press("Control+A")
    page.keyboard.type("second@example.am")
    tab_to(page, "#newsletter_categories_0")
    page.keyboard.press("Space")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Check your email").wait_for()
    assert [c.slug for c in Subscriber.objects.get(email="second@example.am").categories.all()] == [
        "rights"
    ]


def sign_on_by_keyboard(page, organization: str, fields: list[tuple[str, str]]) -> None:
    """Fill the open statement's sign-on form with Tab and typing alone, and send it."""
    page.goto("/en/statements/open-for-signature/")
    tab_to(page, "[name=organization_name]")
    page.keyboard.type(organization)
    page.keyboard.press("Escape")  # closes the type-ahead's suggestions
    for name, text in fields:
        tab_to(page, f"[name={name}]")
        page.keyboard.type(text)
    tab_to(page, "[name=declaration]")
    page.keyboard.press("Space")
    tab_to(page, "form[data-signon-form] button[type=submit]")
    page.keyboard.press("Enter")


def test_the_sign_on_form_can_be_used_with_the_keyboard_alone(page, content):
    sign_on_by_keyboard(
        page,
        "Civic Network",
        [
            ("contact_name", "Anahit Petrosyan"),
            ("contact_role", "Director"),
            ("contact_email", "anahit@civic.example.am"),
        ],
    )
    page.get_by_role("heading", name="Check your email").wait_for()


def test_share_links_and_the_system_share_sheet(page, content):
    page.add_init_script(
        """navigator.share = data => { window.shared = data; return Promise.resolve(); };
           navigator.canShare = () => true;"""
    )
    page.goto(content.get_absolute_url())
    share = page.get_by_role("region", name="Share")
    for name, host in [
        ("Share by Facebook", "https://www.facebook.com/sharer/sharer.php?u="),
        ("Share by X", "https://x.com/intent/post?"),
        ("Share by Telegram", "https://t.me/share/url?"),
        ("Share by WhatsApp", "https://wa.me/?text="),
        ("Share by LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url="),
        ("Share by Email", "mailto:?subject="),
    ]:
        assert share.get_by_role("link", name=name).get_attribute("href").startswith(host)
    share.get_by_role("button", name="Share with an app…").click()
    assert page.evaluate("window.shared") == {
        "title": "On the freedom of assembly",
        "url": "http://127.0.0.1:8000/en/statements/freedom-of-assembly/",
    }
    share.get_by_role("link", name="Send this to a friend").click()
    page.get_by_role("heading", name="Send this statement to a friend").wait_for()


def test_without_the_web_share_api_no_share_button_is_offered(page, content):
    page.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    page.goto(content.get_absolute_url())
    assert not page.get_by_role("button", name="Share with an app…").is_visible()


def test_a_statement_prints_with_its_signatories_and_without_the_rest(page, content):
    page.goto(content.get_absolute_url())
    page.emulate_media(media="print")
    for hidden in [".site-header", ".a11y-bar", ".engagement", ".site-footer", ".skip-link"]:
        assert computed(page, hidden, "display") == "none", hidden
    assert page.locator(".signatory-list").is_visible()
    assert page.get_by_role("heading", name="On the freedom of assembly").is_visible()


def public_pages(content) -> list[str]:
    organization = Organization.objects.get(slug="civic-network")
    return [
        "/en/",
        "/en/statements/",
        content.get_absolute_url(),
        "/hy/statements/freedom-of-assembly/",
        "/en/statements/open-for-signature/",  # with the sign-on form
        "/en/statements/categories/",
        "/en/statements/categories/rights/",
        "/en/organisations/",
        organization.get_absolute_url(),
        "/en/search/?q=detention",
        "/en/search/?q=nothingmatches",
        "/en/newsletter/",
        "/en/newsletter/sent/",
        f"/en/statements/{content.slug}/comment/?reply_to={Comment.objects.first().pk}",
        f"/en/statements/{content.slug}/send/",
    ]


def private_link_pages(content) -> list[str]:
    subscriber = Subscriber.objects.create(
        email="reader@example.am", unsubscribe_key="unsubscribe-key", confirm_digest=digest_of("t")
    )
    return [
        "/en/newsletter/confirm/t/",
        "/en/newsletter/confirm/unknown/",
        f"/en/newsletter/unsubscribe/{subscriber.unsubscribe_key}/",
        "/en/comments/confirm/unknown/",
    ]


@pytest.fixture
def sign_on_pages(
    content, settings, sign_on_factory, statement_translation_factory
) -> dict[str, str]:
    """Name the sign-on and support pages, those behind private links in each of their states.

    Links come from the services, as in the mail; the content gains Russian and Armenian texts
    and three supporters who show their names.
    """
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    settings.SUPPORTERS_PAGE_SIZE = 2  # the list of supporters then has pages
    statement = Statement.objects.get(slug="open-for-signature")
    coordinator = coordinator_create("coordinator")
    Purpose = SignOnToken.Purpose

    def link(sign_on, purpose, version=None) -> str:
        return services.token_issue(sign_on=sign_on, purpose=purpose, version=version)

    def expired(token: str) -> str:
        SignOnToken.objects.filter(digest=SignOnToken.digest_of(token)).update(
            expires_at=timezone.now() - timedelta(days=1)
        )
        return token

    def unconfirmed():
        return sign_on_factory(
            statement=statement,
            status=SignOnRequest.Status.UNCONFIRMED,
            confirmed_at=None,
            organization=None,
        )

    def approved(name: str):
        organization = Organization.objects.get(name=name)
        sign_on = sign_on_factory(statement=statement, organization=organization)
        services.sign_on_approve(sign_on=sign_on, by=coordinator)
        return sign_on

    def support(number: int) -> str:
        email = f"supporter{number}@mail.example.am"
        supporters.supporter_sign_up(
            statement=content,
            name=f"Supporter {number}",
            place="Gyumri",
            email=email,
            show_name=True,
            language="en",
        )
        supporter = Supporter.objects.get(statement=content, email=email)
        return supporters._supporter_confirm_token(supporter)

    used = link(unconfirmed(), Purpose.CONFIRM)
    services.sign_on_confirm(token=used)
    signed = approved("Member 0")
    withdrawn = link(approved("Member 1"), Purpose.WITHDRAW)
    services.sign_on_withdraw(token=withdrawn)
    # A new text after the signatures: version 2, which signers are asked to re-confirm.
    text = statement.translations.get()
    text.body = "We call for clean drinking water in every village.\n\nA second paragraph."
    text.save()
    version = statement_version_current(statement=statement)
    for number in range(3):
        supporters.supporter_confirm(token=support(number))
    supporters.supporter_tally_update(statement_id=content.pk)
    for language, title, body in [
        ("ru", "О свободе собраний", "Мы осуждаем задержание мирных демонстрантов в Ереване."),
        ("hy", "Հավաքների ազատության մասին", "Մենք դատապարտում ենք ցուցարարների ձերբակալումը։"),
    ]:
        statement_translation_factory(statement=content, language=language, title=title, body=body)

    return {
        "sign-on form": f"/en/statements/{statement.slug}/sign/",
        "sign-on sent": f"/en/statements/{statement.slug}/sign/sent/",
        "confirm": f"/en/sign-on/confirm/{link(unconfirmed(), Purpose.CONFIRM)}/",
        "confirm, used": f"/en/sign-on/confirm/{used}/",
        "confirm, expired": f"/en/sign-on/confirm/{expired(link(unconfirmed(), Purpose.CONFIRM))}/",
        "confirm, unknown": "/en/sign-on/confirm/unknown/",
        "withdraw": f"/en/sign-on/withdraw/{link(signed, Purpose.WITHDRAW)}/",
        "withdraw, used": f"/en/sign-on/withdraw/{withdrawn}/",
        "reconfirm": f"/en/sign-on/reconfirm/{link(signed, Purpose.RECONFIRM, version)}/",
        "reconfirm, expired": (
            f"/en/sign-on/reconfirm/{expired(link(signed, Purpose.RECONFIRM, version))}/"
        ),
        "new link": "/en/sign-on/new-link/",
        "versions": f"/en/statements/{statement.slug}/versions/",
        "version 1": f"/en/statements/{statement.slug}/versions/1/",
        "version 2 and its changes": f"/en/statements/{statement.slug}/versions/2/",
        "support form": f"/en/statements/{content.slug}/support/",
        "support sent": f"/en/statements/{content.slug}/support/sent/",
        "support confirm": f"/en/support/confirm/{support(3)}/",
        "support confirm, mailed link": (
            f"/en/statements/{content.slug}/support/confirm/?token={support(4)}"
        ),
        "support confirm, unknown": "/en/support/confirm/unknown/",
        "supporters": f"/en/statements/{content.slug}/supporters/",
        "not found": "/en/no-such-page/",
        "home (ru)": "/ru/",
        "home (hy)": "/hy/",
        "statement (ru)": f"/ru/statements/{content.slug}/",
        "statement (hy)": f"/hy/statements/{content.slug}/",
        "statement with the sign-on form (ru)": f"/ru/statements/{statement.slug}/",
        "sign-on form (ru)": f"/ru/statements/{statement.slug}/sign/",
        "sign-on form (hy)": f"/hy/statements/{statement.slug}/sign/",
        "support form (hy)": f"/hy/statements/{content.slug}/support/",
    }


def assert_no_violations(audit, page, label: str) -> None:
    violations = audit(page)
    assert violations == [], f"{label}: {violations}"


def test_every_public_page_and_form_passes_axe_core(page, content, axe_audit):
    for path in public_pages(content) + private_link_pages(content):
        page.goto(path)
        assert_no_violations(axe_audit, page, path)

    # Forms sent back with their errors.
    for path, form in FORMS:
        page.goto(path.format(slug=content.slug))
        page.locator(f"{form} button[type=submit]").click()
        page.get_by_role("alert").wait_for()
        assert_no_violations(axe_audit, page, f"{path} with errors")


FORMS = [
    ("/en/statements/{slug}/", "#comment-form"),
    ("/en/newsletter/", "main form"),
    ("/en/statements/{slug}/send/", "main form"),
    ("/en/", ".newsletter-box form"),
]


SIGN_ON_FORMS = [
    ("/en/statements/open-for-signature/sign/", "form[data-signon-form]"),
    ("/ru/statements/open-for-signature/sign/", "form[data-signon-form]"),
    ("/hy/statements/open-for-signature/sign/", "form[data-signon-form]"),
    ("/en/statements/freedom-of-assembly/support/", "form.support-form"),
    ("/hy/statements/freedom-of-assembly/support/", "form.support-form"),
    ("/en/sign-on/new-link/", "main form"),
    ("/en/sign-on/confirm/unknown/", "main form"),  # the link problem's own form
]


def send_with_errors(page, form: str) -> None:
    """Send the form as it stands, past the browser's own checks: the server's errors come back."""
    page.locator(form).evaluate("f => { f.noValidate = true; }")
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").click()
    page.get_by_role("alert").wait_for()


def test_every_sign_on_and_support_page_passes_axe_core(page, sign_on_pages, axe_audit):
    for label, path in sign_on_pages.items():
        page.goto(path)
        assert_no_violations(axe_audit, page, label)
    # The open statement has only an English text: its title on a Russian page says so.
    page.goto(sign_on_pages["sign-on form (ru)"])
    assert page.locator("main .lead a").get_attribute("lang") == "en"

    # What the buttons behind the private links lead to.
    for label, button, heading in [
        ("confirm", "Confirm", "Thank you: your signature is confirmed"),
        ("reconfirm", "Sign version 2", "Thank you: your organisation signs the new text"),
        ("withdraw", "Withdraw the signature", "The signature is withdrawn"),
        ("confirm, expired", "Send me a new link", "Check your email"),
        ("support confirm", "Confirm", "Thank you: your support is confirmed"),
        ("support confirm, mailed link", "Confirm", "Thank you: your support is confirmed"),
    ]:
        page.goto(sign_on_pages[label])
        page.locator("main").get_by_role("button", name=button).click()
        page.get_by_role("heading", name=heading).wait_for()
        assert_no_violations(axe_audit, page, f"{label}: {heading}")

    for path, form in SIGN_ON_FORMS:
        page.goto(path)
        send_with_errors(page, form)
        assert_no_violations(axe_audit, page, f"{path} with errors")

    # The second step: the registry has several organisations by the name typed.
    page.goto("/en/statements/open-for-signature/sign/")
    form = page.locator("form[data-signon-form]")
    form.locator("[name=organization_name]").fill("Member")
    form.get_by_label("Your name").fill("Anahit Petrosyan")
    form.get_by_label("Your role in the organisation").fill("Director")
    form.get_by_role("textbox", name="Email", exact=True).fill("anahit@member.example.am")
    form.get_by_label("I may sign on behalf of this organisation.").check()
    form.get_by_role("button", name="Sign", exact=True).click()
    page.get_by_role("group", name=re.compile("Which organisation do you mean?")).wait_for()
    assert_no_violations(axe_audit, page, "sign-on, second step")
    send_with_errors(page, "form[data-signon-form]")
    assert_no_violations(axe_audit, page, "sign-on, second step sent without a choice")


def test_sign_on_errors_are_announced_and_lead_to_their_fields_from_the_keyboard(page, content):
    sign_on_by_keyboard(
        page,
        "Member",  # three organisations have names like it: a second step
        [
            ("contact_name", "Anahit Petrosyan"),
            ("contact_role", "Director"),
            ("contact_email", "anahit@member"),  # the browser lets it through, the server not
            ("contact_phone", "call me"),
        ],
    )
    page.wait_for_url(re.compile(r"/sign/$"))

    # The errors are read out first, each one tied to its field.
    summary = page.locator("[data-error-summary]")
    assert page.evaluate("document.activeElement.matches('[data-error-summary]')")
    assert summary.get_attribute("role") == "alert"
    assert page.title().startswith("Error:")
    assert summary.get_by_role("link").count() == 3
    for name in ("contact_email", "contact_phone"):
        field = page.locator(f"#signon_{name}")
        assert field.get_attribute("aria-invalid") == "true"
        described = field.get_attribute("aria-describedby").split()
        assert f"signon_{name}_error" in described
        assert page.locator(f"#signon_{name}_error").inner_text().strip()
    choices = page.get_by_role("group", name=re.compile("Which organisation do you mean?"))
    assert choices.get_attribute("aria-describedby") == "signon-choice-error"

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first error's link leads to the choice
    assert page.evaluate("document.activeElement.name") == "organization_choice"
    page.keyboard.press("Space")
    chosen = page.evaluate("document.activeElement.value")
    tab_to(page, "#signon_contact_email")
    page.keyboard.press("Control+A")
    page.keyboard.type("anahit@member.example.am")
    tab_to(page, "#signon_contact_phone")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    tab_to(page, "form[data-signon-form] button[type=submit]")
    page.keyboard.press("Space")
    page.get_by_role("heading", name="Check your email").wait_for()
    sign_on = SignOnRequest.objects.get()
    assert str(sign_on.organization_id) == chosen
    assert sign_on.contact_phone == ""


def test_the_dark_colour_scheme_passes_axe_core(page, content, axe_audit):
    """Only colours change in the dark: one page of each kind is enough."""
    page.emulate_media(color_scheme="dark")
    for path in ["/en/", content.get_absolute_url(), "/en/search/?q=detention"]:
        page.goto(path)
        assert_no_violations(axe_audit, page, f"{path} (dark)")
    page.goto("/en/newsletter/")
    page.locator("main form button[type=submit]").click()
    page.get_by_role("alert").wait_for()
    assert_no_violations(axe_audit, page, "newsletter with errors (dark)")
    page.goto("/en/statements/open-for-signature/sign/")
    send_with_errors(page, "form[data-signon-form]")
    assert_no_violations(axe_audit, page, "sign-on with errors (dark)")


def test_every_state_of_the_display_panel_passes_axe_core(page, content, axe_audit):
    page.goto(content.get_absolute_url())
    open_panel(page)
    assert_no_violations(axe_audit, page, "panel open")
    for group, value, *_rest in SETTINGS:
        page.locator(f"label[for='a11y-{group}-{value}']").click()
        assert_no_violations(axe_audit, page, f"{group}={value}")
    page.locator("#a11y-bg").fill("#1a1a40")
    page.locator("#a11y-fg").fill("#fff5cc")
    assert_no_violations(axe_audit, page, "own colours")
    page.get_by_role("button", name="Reset all").click()
    assert_no_violations(axe_audit, page, "reset")


def test_pages_reflow_at_400_percent_zoom_without_horizontal_scrolling(
    page, content, sign_on_pages
):
    page.set_viewport_size({"width": 320, "height": 640})  # 1280 CSS pixels at 400%
    for path in public_pages(content) + list(sign_on_pages.values()):
        page.goto(path)
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"{path} scrolls sideways: {widths}"
    page.goto(content.get_absolute_url())
    open_panel(page)
    assert page.evaluate("document.documentElement.scrollWidth <= 320")
