"""Review before opening: a private link shows the draft to reviewers, who comment without an
account; the drafters read the comments beside the text and the changes between drafts."""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone
from selectolax.lexbor import LexborHTMLParser

from tests.factories import coordinator_create
from undersigned.core.models import AuditEntry
from undersigned.review.models import ReviewComment, ReviewLink

BODY = (
    "We call for a fair water tariff.\n\nThe regulator must publish its costs.\n\n"
    "We will follow up."
)


@pytest.fixture
def draft(statement_factory, statement_translation_factory):
    statement = statement_factory(
        slug="draft-on-water",
        status="draft",
        published_at=None,
        translation__title="On the price of water",
        translation__body=BODY,
    )
    statement_translation_factory(
        statement=statement, language="hy", title="Ջրի գնի մասին", body="Մենք կոչ ենք անում։"
    )
    return statement


def _link_created(client, *, label="Coalition for Clean Water members", days=14) -> str:
    """Create a link as a coordinator and return its address, as the links page shows it."""
    response = client.post(
        "/en/staff/statements/draft-on-water/review/", {"label": label, "days": days}
    )
    assert response.status_code == 302
    page = client.get("/en/staff/statements/draft-on-water/review/")
    field = LexborHTMLParser(page.content.decode()).css_first("input.review-link-url")
    return field.attributes["value"].removeprefix("http://127.0.0.1:8000")


def _comment(client, url, **fields):
    data = {"name": "Anna Hakobyan", "organization_name": "", "text": "Please add a deadline."}
    return client.post(url, {**data, **fields})


def test_a_coordinator_shares_a_link_that_shows_the_draft_in_each_language_without_an_account(
    client, draft
):
    coordinator = coordinator_create("coordinator")
    client.force_login(coordinator)
    preview = client.get("/en/staff/statements/draft-on-water/preview/").content.decode()
    assert 'href="/en/staff/statements/draft-on-water/review/"' in preview
    url = _link_created(client)
    entry = AuditEntry.objects.get(action="review.link_created")
    assert entry.actor == coordinator
    assert entry.statement == draft
    assert entry.details["label"] == "Coalition for Clean Water members"

    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "On the price of water" in html
    assert "Draft for review" in html
    assert 'id="paragraph-2"' in html  # reviewers can point at a paragraph
    assert 'name="robots" content="noindex, nofollow"' in html
    assert 'rel="canonical"' not in html  # the private address is never announced
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    armenian = url.replace("/en/", "/hy/", 1)
    assert f'href="{armenian}"' in html
    assert "Ջրի գնի մասին" in client.get(armenian).content.decode()
    # Readers still see nothing of the draft.
    assert client.get("/en/statements/draft-on-water/").status_code == 404
    assert "draft-on-water" not in client.get("/sitemap.xml").content.decode()


def test_an_expired_revoked_or_forged_link_opens_nothing_and_says_why(client, draft):
    client.force_login(coordinator_create("coordinator"))
    url = _link_created(client)
    token = url.split("/")[3]
    link = ReviewLink.objects.get()
    client.logout()

    for forged in (
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # an altered signature
        signing.Signer(salt="another").sign(link.key),  # signed for something else
        link.key,  # the key alone
    ):
        response = client.get(f"/en/review/{forged}/")
        assert response.status_code == 404
        assert "This review link is not valid" in response.content.decode()

    ReviewLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(url)
    assert response.status_code == 410
    assert "This review link has expired" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    refused = _comment(client, url, text="Please name the regulator.")
    assert refused.status_code == 410
    assert "Please name the regulator." in refused.content.decode()  # shown back, to be kept
    assert not ReviewComment.objects.exists()

    ReviewLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() + timedelta(days=1))
    assert client.get(url).status_code == 200
    coordinator = coordinator_create("second")
    client.force_login(coordinator)
    revoke = f"/en/staff/statements/draft-on-water/review/links/{link.pk}/revoke/"
    assert client.post(revoke).status_code == 302
    assert AuditEntry.objects.get(action="review.link_revoked").actor == coordinator
    client.logout()
    response = client.get(url.replace("/en/", "/ru/", 1))
    assert response.status_code == 410
    assert "Ссылка для рецензирования отозвана" in response.content.decode()


def test_a_comment_is_kept_against_the_draft_read_and_shown_to_the_drafters_beside_its_paragraph(
    client, draft, organization_factory
):
    organization_factory(name="Armenian Water Watch", slug="water-watch")
    client.force_login(coordinator_create("coordinator"))
    url = _link_created(client)
    client.logout()

    response = _comment(
        client,
        url,
        organization_name="Armenian Water Watch",
        paragraph="2",
        quote="publish its costs",
        text="<script>alert(1)</script> Say which costs.",
    )
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Thank you for your comment" in thanks.content.decode()
    comment = ReviewComment.objects.get()
    assert comment.paragraph == 2
    assert comment.draft.number == 1
    assert comment.language == "en"
    assert comment.organization is not None
    assert comment.organization.slug == "water-watch"

    client.force_login(coordinator_create("drafter"))
    page = client.get("/en/staff/statements/draft-on-water/review/comments/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    row = LexborHTMLParser(html).css_first("#paragraph-2")
    assert "The regulator must publish its costs." in row.text()
    assert "Say which costs." in row.text()
    assert "Armenian Water Watch" in row.text()
    resolve = f"/en/staff/statements/draft-on-water/review/comments/{comment.pk}/resolve/"
    assert client.post(resolve, {"resolved": "on"}).status_code == 302
    comment.refresh_from_db()
    assert comment.resolved_at is not None


def test_bad_input_is_refused_in_the_readers_language_and_nothing_typed_is_lost(client, draft):
    client.force_login(coordinator_create("coordinator"))
    url = _link_created(client).replace("/en/", "/ru/", 1)
    client.logout()
    response = _comment(client, url, name="", text="Уточните сроки " * 500)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Обязательное поле." in html  # Django's own message, in Russian
    assert "Уточните сроки Уточните сроки" in html
    assert not ReviewComment.objects.exists()


def test_comments_are_rate_limited_and_the_form_keeps_the_text(client, draft, settings):
    settings.REVIEW_RATE_LIMIT_IP = "2/h"
    client.force_login(coordinator_create("coordinator"))
    url = _link_created(client)
    client.logout()
    assert _comment(client, url).status_code == 302
    assert _comment(client, url).status_code == 302
    response = _comment(client, url, text="A third thought on the tariff.")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Too many requests have come from your connection." in html
    assert "A third thought on the tariff." in html
    assert ReviewComment.objects.count() == 2


def test_drafters_see_the_changes_between_the_drafts_reviewers_read(client, draft):
    client.force_login(coordinator_create("coordinator"))
    url = _link_created(client)
    client.logout()
    assert _comment(client, url, paragraph="1").status_code == 302
    english = draft.translations.get(language="en")
    english.body = BODY.replace("fair water tariff", "fair and public water tariff")
    english.save()
    assert client.get(url).status_code == 200  # the reviewer reads the new text: draft 2

    client.force_login(coordinator_create("drafter"))
    page = client.get("/en/staff/statements/draft-on-water/review/changes/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Changes from draft 1 to draft 2" in html
    assert "and public " in LexborHTMLParser(html).css_first(".diff ins").text()
    comments = client.get("/en/staff/statements/draft-on-water/review/comments/").content.decode()
    assert "/review/changes/?from=1&amp;to=2" in comments  # the comment was on the older text
