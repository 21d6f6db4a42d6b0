import re

import pytest
from django.test import Client
from selectolax.lexbor import LexborHTMLParser

from undersigned.core.models import AuditEntry
from undersigned.engagement import services
from undersigned.engagement.models import Comment, Commenter
from undersigned.engagement.views import COMMENTER_COOKIE_SALT

pytestmark = pytest.mark.usefixtures("english", "fast_password_hashing")

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture
def statement(statement_factory):
    return statement_factory(translation__title="On the freedom of assembly")


@pytest.fixture
def mail(mail, coordinator):
    """The shared mail fixture, with a coordinator to be told of new comments."""
    return mail


def comment_url(statement) -> str:
    return f"/en/statements/{statement.slug}/comment/"


def post_comment(client, statement, **fields):
    data = {"name": "Anahit", "email": "anahit@example.am", "body": "We stand with you."}
    data.update(fields)
    return client.post(comment_url(statement), data, HTTP_USER_AGENT=FIREFOX)


def confirm_token(message) -> str:
    return re.search(r"/comments/confirm/([\w-]+)/", message.get_content()).group(1)


def test_a_first_comment_waits_for_moderation_and_the_coordinators_hear_of_it(
    client, statement, mail
):
    with mail.commit():
        response = post_comment(client, statement)
    assert response.status_code == 302
    assert response["Location"] == f"/en/statements/{statement.slug}/#comments"
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING

    messages = mail.wait_for(2)
    notice = next(m for m in messages if m["To"] == "coordinator@network.example.am")
    assert "waits for a moderator" in notice.get_content()
    assert "We stand with you." in notice.get_content()
    assert f"/en/admin/engagement/comment/{comment.pk}/change/" in notice.get_content()
    confirmation = next(m for m in messages if m["To"] == "anahit@example.am")
    assert "Confirm your comment" in confirmation["Subject"]

    assert "We stand with you." not in Client().get(statement.get_absolute_url()).content.decode()


def test_an_approved_comment_shows_without_its_email(client, statement, mail, coordinator):
    with mail.commit():
        post_comment(client, statement)
        services.comment_approve(comment=Comment.objects.get(), by=coordinator)
    page = Client().get(statement.get_absolute_url()).content.decode()
    assert "We stand with you." in page
    assert "Anahit" in page
    assert "anahit@example.am" not in page
    assert 'Comments <span class="count">(1)</span>' in page


def test_a_confirmed_and_approved_author_comments_at_once_from_the_same_browser(
    client, statement, mail, coordinator
):
    with mail.commit():
        post_comment(client, statement)
    first = Comment.objects.get()
    token = confirm_token(next(m for m in mail.wait_for(2) if m["To"] == "anahit@example.am"))

    # Following the link only shows a button; mail scanners that open links confirm nothing.
    page = client.get(f"/en/comments/confirm/{token}/")
    assert page.status_code == 200
    assert Commenter.objects.get().confirmed_at is None
    with mail.commit():
        confirmed = client.post(f"/en/comments/confirm/{token}/")
    assert confirmed.status_code == 302
    assert Commenter.objects.get().confirmed_at is not None
    assert "undersigned_commenter" in confirmed.cookies
    with mail.commit():
        services.comment_approve(comment=first, by=coordinator)

    mail.messages.clear()
    with mail.commit():
        response = post_comment(client, statement, body="A second thought.")
    second = Comment.objects.latest("pk")
    assert second.status == Comment.Status.APPROVED
    assert response["Location"].endswith(f"#comment-{second.pk}")
    assert "A second thought." in Client().get(statement.get_absolute_url()).content.decode()
    # Published at once, and still the coordinators are told.
    assert [m["To"] for m in mail.wait_for(1)] == ["coordinator@network.example.am"]


def test_someone_else_using_a_trusted_address_must_confirm_from_that_inbox(
    client, statement, mail, coordinator
):
    commenter = Commenter.objects.create(
        email="anahit@example.am", confirmed_at="2025-01-01T00:00Z"
    )
    Comment.objects.create(
        statement=statement,
        commenter=commenter,
        name="Anahit",
        body="Earlier.",
        language="en",
        status=Comment.Status.APPROVED,
    )
    with mail.commit():
        post_comment(Client(), statement, name="Impostor", body="Not really Anahit.")
    comment = Comment.objects.latest("pk")
    assert comment.status == Comment.Status.UNCONFIRMED
    (confirmation,) = mail.wait_for(1)
    assert confirmation["To"] == "anahit@example.am"  # the coordinators hear only once confirmed
    assert "Not really Anahit." not in Client().get(statement.get_absolute_url()).content.decode()

    with mail.commit():
        Client().post(f"/en/comments/confirm/{confirm_token(confirmation)}/")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_with_moderation_of_all_comments_even_trusted_authors_wait(
    client, statement, mail, settings, coordinator
):
    settings.COMMENTS_MODERATION = "all"
    commenter = Commenter.objects.create(
        email="anahit@example.am", confirmed_at="2025-01-01T00:00Z"
    )
    Comment.objects.create(
        statement=statement,
        commenter=commenter,
        name="Anahit",
        body="Earlier.",
        language="en",
        status=Comment.Status.APPROVED,
    )
    client.cookies["undersigned_commenter"] = _signed_cookie(commenter.pk)
    with mail.commit():
        post_comment(client, statement)
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING


def _signed_cookie(value) -> str:
    from django.core.signing import get_cookie_signer

    return get_cookie_signer(salt="undersigned_commenter" + COMMENTER_COOKIE_SALT).sign(str(value))


def test_required_fields_are_marked_and_errors_are_tied_to_their_fields(client, statement):
    form_page = client.get(statement.get_absolute_url()).content.decode()
    assert "Required fields are marked with an asterisk" in form_page
    name_input = re.search(r'<input[^>]*id="comment_name"[^>]*>', form_page).group(0)
    assert " required" in name_input
    assert 'aria-describedby="comment_name_helptext"' in name_input
    assert 'for="comment_name">Name <span class="required" aria-hidden="true">*</span>' in form_page

    response = post_comment(client, statement, name="", email="not-an-address", body="")
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error:" in page
    assert 'role="alert"' in page
    assert 'href="#comment_email"' in page
    for field in ("name", "email", "body"):
        assert f'id="comment_{field}_error"' in page
        tag = re.search(rf'<(?:input|textarea)[^>]*id="comment_{field}"[^>]*>', page).group(0)
        assert 'aria-invalid="true"' in tag
        assert f"comment_{field}_error" in re.search(r'aria-describedby="([^"]*)"', tag).group(1)
    assert not Comment.objects.exists()


def test_a_filled_honeypot_is_thanked_and_forgotten(client, statement, mail):
    with mail.commit():
        response = post_comment(client, statement, website="http://spam.example")
    assert response.status_code == 302
    assert not Comment.objects.exists()
    assert mail.messages == []


def test_too_many_comments_from_one_address_are_refused(client, statement, settings):
    settings.COMMENTS_RATE_LIMIT_IP = "2/h"
    for n in range(2):
        assert post_comment(client, statement, email=f"a{n}@example.am").status_code == 302
    response = post_comment(client, statement, email="a3@example.am")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many requests have come from your connection" in response.content.decode()
    assert Comment.objects.count() == 2


def test_a_post_from_another_site_is_refused(client, statement):
    response = client.post(
        comment_url(statement),
        {"name": "A", "email": "a@example.am", "body": "x"},
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 403
    response = client.post(
        comment_url(statement),
        {"name": "A", "email": "a@example.am", "body": "x"},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_replies_are_one_level_deep(client, statement, coordinator):
    commenter = Commenter.objects.create(email="first@example.am")
    top = Comment.objects.create(
        statement=statement,
        commenter=commenter,
        name="First",
        body="Top.",
        language="en",
        status=Comment.Status.APPROVED,
    )
    reply = Comment.objects.create(
        statement=statement,
        commenter=commenter,
        name="Second",
        body="Reply.",
        language="en",
        status=Comment.Status.APPROVED,
        parent=top,
    )
    form = client.get(comment_url(statement) + f"?reply_to={reply.pk}").content.decode()
    assert "Second wrote:" in form
    post_comment(client, statement, parent=reply.pk, email="third@example.am")
    assert Comment.objects.latest("pk").parent == top


def test_closed_comments_show_no_form_and_refuse_posts(client, statement, coordinator):
    services.comments_close(statement=statement, closed=True, by=coordinator)
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "Comments are closed." in page
    assert 'id="comment-form"' not in page
    assert post_comment(client, statement).status_code == 403
    assert not Comment.objects.exists()


def dashboard_url(statement) -> str:
    return f"/en/staff/statements/{statement.slug}/signatures/"


def test_a_coordinator_closes_and_reopens_comments_from_the_dashboard(
    client, statement, coordinator
):
    client.force_login(coordinator)
    setting = f"/en/staff/statements/{statement.slug}/comments/"
    response = client.post(setting, {"closed": "on"})
    assert response.status_code == 302
    assert response["Location"] == dashboard_url(statement)
    dashboard = client.get(dashboard_url(statement)).content.decode()
    assert "Comments on this statement are closed." in dashboard
    assert 'id="comments-closed" checked' in dashboard
    client.logout()
    assert post_comment(client, statement).status_code == 403
    assert "Comments are closed." in client.get(statement.get_absolute_url()).content.decode()

    client.force_login(coordinator)
    client.post(setting, {})  # the box unticked
    assert (
        "Comments on this statement are open."
        in client.get(dashboard_url(statement)).content.decode()
    )
    client.logout()
    assert post_comment(client, statement).status_code == 302
    assert list(
        AuditEntry.objects.filter(statement=statement).order_by("pk").values_list("action", "actor")
    ) == [
        ("comments_closed", coordinator.pk),
        ("comments_opened", coordinator.pk),
    ]


def test_only_staff_can_close_comments(client, statement, django_user_model):
    reader = django_user_model.objects.create_user("reader", "reader@example.am")
    client.force_login(reader)
    client.post(f"/en/staff/statements/{statement.slug}/comments/", {"closed": "on"})
    assert post_comment(Client(), statement).status_code == 302  # still open


def test_the_dashboard_counts_the_statements_comments_by_status(client, statement, coordinator):
    commenter = Commenter.objects.create(email="a@example.am")
    for status in ["pending", "pending", "approved"]:
        Comment.objects.create(
            statement=statement, commenter=commenter, name="A", body="Text", status=status
        )
    client.force_login(coordinator)
    page = LexborHTMLParser(client.get(dashboard_url(statement)).content.decode())
    section = page.css_first(".dashboard-comments")
    shown = dict(
        zip(
            [dt.text() for dt in section.css("dt")],
            [dd.text() for dd in section.css("dd")],
            strict=True,
        )
    )
    assert shown["Awaiting moderation"] == "2"
    assert shown["Published"] == "1"
    assert shown["Spam"] == "0"
    moderate = section.css_first("dd a").attributes["href"]
    assert moderate == f"/en/admin/engagement/comment/?q={statement.slug}&status=pending"


def test_comment_text_is_plain_and_its_links_are_made_safe(client, statement, coordinator):
    commenter = Commenter.objects.create(email="a@example.am")
    Comment.objects.create(
        statement=statement,
        commenter=commenter,
        name="<b>Bold</b>",
        body="<script>alert(1)</script> See https://example.org/x and javascript:alert(2) "
        '<a href="javascript:alert(3)">click</a>',
        language="en",
        status=Comment.Status.APPROVED,
    )
    page = Client().get(statement.get_absolute_url()).content.decode()
    section = page[page.index('id="comments"') :]
    assert "<script>alert(1)" not in section
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "&lt;b&gt;Bold&lt;/b&gt;" in section
    assert (
        '<a href="https://example.org/x" rel="nofollow ugc noopener noreferrer">'
        "https://example.org/x</a>" in section
    )
    assert '<a href="javascript' not in section


def test_a_banned_address_is_not_told_and_its_comments_stay_hidden(
    client, statement, mail, coordinator
):
    with mail.commit():
        post_comment(client, statement)
    services.commenter_ban(commenter=Commenter.objects.get(), by=coordinator)
    assert Comment.objects.get().status == Comment.Status.SPAM
    mail.messages.clear()
    with mail.commit():
        response = post_comment(client, statement, body="Again.")
    assert response.status_code == 302
    assert Comment.objects.latest("pk").status == Comment.Status.SPAM
    assert mail.messages == []


def test_the_moderation_queue_counts_and_acts_on_comments(admin_client, statement):
    commenter = Commenter.objects.create(email="a@example.am")
    pending = [
        Comment.objects.create(
            statement=statement, commenter=commenter, name=f"N{n}", body="b", language="en"
        )
        for n in range(3)
    ]
    queue = admin_client.get("/en/admin/engagement/comment/?status=pending").content.decode()
    assert "Awaiting moderation (3)" in queue
    assert "Published (0)" in queue

    def act(action, comment):
        return admin_client.post(
            "/en/admin/engagement/comment/",
            {"action": action, "_selected_action": [comment.pk]},
        )

    act("approve", pending[0])
    act("mark_spam", pending[1])
    act("delete_comments", pending[2])
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {pending[0].pk: "approved", pending[1].pk: "spam"}
    act("ban_authors", pending[0])
    assert Commenter.objects.get().banned_at is not None
    queue = admin_client.get("/en/admin/engagement/comment/").content.decode()
    assert "Published (1)" in queue
    assert "Spam (1)" in queue


def test_a_new_author_gets_one_confirmation_link_however_often_they_write(client, statement, mail):
    for n in range(3):
        with mail.commit():
            post_comment(client, statement, body=f"Thought {n}.")
    to_author = [m for m in mail.wait_for(4) if m["To"] == "anahit@example.am"]
    assert len(to_author) == 1
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 3
