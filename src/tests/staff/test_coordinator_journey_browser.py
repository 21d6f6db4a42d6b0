"""The coordinators' whole journey in Chromium, through the real pages and real mail.

A coordinator drafts a statement in English, adds Armenian and Russian, shares a review link;
a member comments; the coordinator opens it with a deadline; two organisations sign and are
approved; the statement is published, an update is mailed to the signatories, and the letter
is downloaded as PDF and as Word.
"""

import io
import re
import time
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from docx import Document
from pypdf import PdfReader

from tests.conftest import mail_text
from tests.factories import coordinator_create

TITLE = "On the protection of the Debed river valley"
TITLE_HY = "Դեբեդ գետի հովտի պաշտպանության մասին"
TITLE_RU = "О защите долины реки Дебед"
BODY = (
    "We, the undersigned organisations, call on the government to halt new mining permits "
    "in the Debed river valley.\n\n"
    "We ask for a public hearing before any permit is granted."
)
BODY_HY = "Մենք՝ ստորագրող կազմակերպություններս, կոչ ենք անում կառավարությանը։"
BODY_RU = "Мы, нижеподписавшиеся организации, призываем правительство остановить выдачу лицензий."
REGISTERED = "Lori Environmental Union"
NEW_ORGANISATION = "Alaverdi Youth Initiative"
UPDATE_RU = "Министерство приостановило две лицензии."


def _mail_to(smtp_server, address: str, containing: str, timeout: float = 10.0):
    """Return the first message to the address whose text contains the words; fail after a time."""
    ends = time.monotonic() + timeout
    while time.monotonic() < ends:
        for message in list(smtp_server.messages):
            if message["To"] == address and containing in mail_text(message):
                return message
        time.sleep(0.05)
    received = [(m["To"], m["Subject"]) for m in smtp_server.messages]
    pytest.fail(f"no mail to {address} with {containing!r}; received {received}")


def _in(language: str, text: str) -> str:
    """The site's words in another language, from its own catalogue."""
    with translation.override(language):
        return gettext(text)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_coordinator_drafts_reviews_opens_collects_publishes_updates_and_downloads(
    page,
    chromium,
    live_server,
    settings,
    mail_over_smtp,
    organization_factory,
    fast_password_hashing,
):
    settings.SITE_URL = live_server.url
    failures: list[str] = []

    def watched(context):
        """The context, its server errors (on any page of it) noted, to fail the test at the end."""
        context.on(
            "response",
            lambda response: (
                failures.append(f"{response.status} {response.url}")
                if response.status >= 500
                else None
            ),
        )
        return context

    watched(page.context)
    organization_factory(name=REGISTERED, city="Vanadzor")
    coordinator_create("coordinator", "coordinator@network.example.am", password="a-passphrase")

    # The coordinator signs in at the admin's login and lands on the coordinators' home.
    page.goto("/en/admin/login/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill("a-passphrase")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/en/staff/")

    # 1. The draft, in the back office: English first, then Armenian and Russian; no slug.
    page.get_by_role("link", name="New statement").click()
    translations = page.locator("#translations-group")
    for index, (language, title, body) in enumerate(
        [("en", TITLE, BODY), ("hy", TITLE_HY, BODY_HY), ("ru", TITLE_RU, BODY_RU)]
    ):
        if index:
            translations.get_by_role("button", name="Add another Translation").click()
        form = translations.locator(f"#translations-{index}")
        form.get_by_label("Language").select_option(language)
        form.get_by_label("Title").fill(title)
        form.get_by_label("Body").fill(body)
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".messagelist .success").wait_for()
    page.goto("/en/staff/")
    drafts = page.get_by_role("region", name=re.compile(r"^Draft"))
    row = drafts.locator(".statement-row", has_text=TITLE)
    row.wait_for()
    slug = "on-the-protection-of-the-debed-river-valley"

    # 2. Preview, a review link, a member's comment through it, read by the coordinator.
    row.get_by_role("link", name=TITLE).click()
    page.get_by_role("heading", name=TITLE, level=1).wait_for()
    assert page.url.endswith(f"/en/staff/statements/{slug}/preview/")
    page.goto("/en/staff/")
    row.get_by_role("link", name="Review links").click()
    page.get_by_label("For whom").fill("Members of the Green Network")
    page.get_by_role("button", name="Create the link").click()
    page.get_by_text("The review link for “Members of the Green Network” is ready").wait_for()
    review_url = page.get_by_label("Review link for Members of the Green Network").input_value()

    member = watched(chromium.new_context(base_url=live_server.url, locale="en-US"))
    reviewer = member.new_page()
    reviewer.goto(review_url)
    reviewer.get_by_role("heading", name=TITLE).wait_for()
    reviewer.get_by_label("Your name").fill("Narine Grigoryan")
    reviewer.get_by_label("Your organisation").fill("Tavush Water Watch")
    reviewer.get_by_role("textbox", name="Your comment for the drafters").fill(
        "Name the villages the permits would affect."
    )
    reviewer.get_by_role("button", name="Send my comment").click()
    reviewer.get_by_role("heading", name="Thank you for your comment").wait_for()
    member.close()

    page.get_by_role("link", name="Reviewers' comments").click()
    comment = page.locator(".review-comment", has_text="Narine Grigoryan")
    assert "Tavush Water Watch" in comment.inner_text()
    assert "Name the villages the permits would affect." in comment.inner_text()

    # 3. The moves from the home's row: to review, then open with a deadline.
    page.goto("/en/staff/")
    row.get_by_role("link", name="Submit for review").click()
    page.get_by_role("button", name="Submit for review").click()
    page.get_by_text(f"{TITLE}: Submitted for review.").wait_for()
    in_review = page.get_by_role("region", name=re.compile(r"^In review"))
    in_review.locator(".statement-row", has_text=TITLE).get_by_role(
        "link", name="Open for signature"
    ).click()
    deadline = timezone.localtime() + timedelta(days=14)
    page.get_by_label("Signature deadline").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Open for signature").click()
    page.get_by_text(f"{TITLE}: Opened for signature.").wait_for()

    # 4. Two organisations sign on the public page: one from the registry in English, a new
    # one in Russian; each confirms from its mail; the coordinator approves both.
    signer = watched(chromium.new_context(base_url=live_server.url, locale="en-US"))
    public = signer.new_page()
    public.goto(f"/en/statements/{slug}/")
    form = public.locator("form[data-signon-form]")
    form.get_by_role("combobox", name="Organisation", exact=True).fill("Lori Env")
    form.get_by_role("option", name=re.compile(REGISTERED)).click()
    form.get_by_label("Your name").fill("Armen Sahakyan")
    form.get_by_label("Your role in the organisation").fill("Chair")
    form.get_by_role("textbox", name="Email", exact=True).fill("armen@lori-union.example.am")
    form.get_by_label("I may sign on behalf of this organisation.").check()
    form.get_by_role("button", name="Sign", exact=True).click()
    public.get_by_role("heading", name="Check your email").wait_for()

    public.goto(f"/ru/statements/{slug}/")
    public.get_by_role("heading", name=TITLE_RU).wait_for()
    form = public.locator("form[data-signon-form]")
    form.get_by_role("combobox", name=_in("ru", "Organisation"), exact=True).fill(NEW_ORGANISATION)
    form.get_by_label(_in("ru", "Your name")).fill("Ruben Avetisyan")
    form.get_by_label(_in("ru", "Your role in the organisation")).fill("Координатор")
    form.get_by_role("textbox", name=_in("ru", "Email"), exact=True).fill(
        "ruben@alaverdi-youth.example.am"
    )
    form.get_by_label(_in("ru", "I may sign on behalf of this organisation.")).check()
    form.get_by_role("button", name=_in("ru", "Sign"), exact=True).click()
    public.get_by_role("heading", name=_in("ru", "Check your email")).wait_for()

    for address, language in [
        ("armen@lori-union.example.am", "en"),
        ("ruben@alaverdi-youth.example.am", "ru"),
    ]:
        text = mail_text(_mail_to(mail_over_smtp, address, "/sign-on/confirm/"))
        link = re.search(r"http://\S+/sign-on/confirm/\S+/", text).group(0)
        assert f"/{language}/sign-on/confirm/" in link
        public.goto(link)
        public.get_by_role("button", name=_in(language, "Confirm"), exact=True).click()
        public.get_by_role(
            "heading", name=_in(language, "Thank you: your signature is confirmed")
        ).wait_for()
    signer.close()

    page.goto("/en/staff/")
    page.get_by_role("region", name="Needs you").get_by_role(
        "link", name=f"{TITLE}: 2 sign-ups waiting for approval"
    ).click()
    for name in [REGISTERED, NEW_ORGANISATION]:
        page.get_by_role("article", name=re.compile(name)).get_by_role(
            "button", name="Approve", exact=True
        ).click()
        page.get_by_text(re.compile(f"{name} is on the list")).wait_for()

    # 5. Published from the home; the public page lists both, in English and in Armenian.
    page.goto("/en/staff/")
    page.get_by_role("region", name=re.compile(r"^Open for signature")).locator(
        ".statement-row", has_text=TITLE
    ).get_by_role("link", name="Publish", exact=True).click()
    page.get_by_role("button", name="Publish").click()
    page.get_by_text(f"{TITLE}: Published.").wait_for()

    reader = watched(chromium.new_context(base_url=live_server.url, locale="en-US"))
    public = reader.new_page()
    for language, title in [("en", TITLE), ("hy", TITLE_HY)]:
        public.goto(f"/{language}/statements/{slug}/")
        public.get_by_role("heading", name=title, level=1).wait_for()
        public.get_by_role("heading", name=_in(language, "Signatories") + " (2)").wait_for()
        signatories = public.locator(".signatory-list").inner_text()
        assert REGISTERED in signatories
        assert NEW_ORGANISATION in signatories

    # 6. An update, mailed to the signatories, each in the language they signed in.
    page.goto("/en/staff/")
    page.get_by_role("region", name=re.compile(r"^Published")).locator(
        ".statement-row", has_text=TITLE
    ).get_by_role("link", name="Updates", exact=True).click()
    page.get_by_label("Text in English").fill("The ministry suspended two permits.")
    page.get_by_label("Text in Russian").fill(UPDATE_RU)
    page.get_by_label("Email it to the signatories").check()
    page.get_by_role("button", name="Post the update").click()
    page.get_by_text("The update is posted; its mail is being sent in the background.").wait_for()
    _mail_to(mail_over_smtp, "armen@lori-union.example.am", "The ministry suspended two permits.")
    _mail_to(mail_over_smtp, "ruben@alaverdi-youth.example.am", UPDATE_RU)

    # 7. A reader finds the update on the page and downloads the letter, as PDF and as Word,
    # with the title and both organisations.
    public.goto(f"/en/statements/{slug}/")
    public.get_by_text("The ministry suspended two permits.").wait_for()
    pdf_link = public.get_by_role("link", name="PDF letter (English)").get_attribute("href")
    pdf = reader.request.get(pdf_link)
    assert pdf.ok
    assert pdf.headers["content-type"] == "application/pdf"
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    with public.expect_download() as download:
        public.get_by_role("link", name="Word letter (English)").click()
    assert download.value.suggested_filename.endswith(".docx")
    document = Document(download.value.path())
    docx_text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    reader.close()
    for text in (pdf_text, docx_text):
        for words in [TITLE, REGISTERED, NEW_ORGANISATION]:
            assert words in " ".join(text.split()), words

    assert failures == []
