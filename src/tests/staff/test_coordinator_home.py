"""The coordinators' home: where staff land, their statements by stage, what needs them, and
the forms that move a statement (POST, CSRF, validated, refused in words)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import coordinator_create
from undersigned.core.models import AuditEntry
from undersigned.engagement.models import Comment, Commenter
from undersigned.statements.models import Statement

HOME = "/en/staff/"
PASSWORD = "a-long-passphrase-for-tests"


@pytest.fixture
def coordinator(db):
    return coordinator_create("narine", password=PASSWORD)


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def test_staff_land_on_the_coordinators_home_after_signing_in(client, coordinator):
    login = client.get("/en/admin/login/").content.decode()
    assert f'name="next" value="{HOME}"' in login
    # Asked for an admin page, one still gets it after signing in.
    asked = client.get("/en/admin/login/?next=/en/admin/statements/").content.decode()
    assert 'name="next" value="/en/admin/statements/"' in asked
    response = client.post(
        "/en/admin/login/",
        {"username": "narine", "password": PASSWORD, "next": HOME},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response["Location"] == HOME


def test_the_home_shows_each_stage_and_what_needs_the_coordinator(
    signed_in, statement_factory, statement_translation_factory, sign_on_factory
):
    soon = timezone.now() + timedelta(days=2)
    draft = statement_factory(status="draft", published_at=None, translation__title="A draft")
    statement_factory(status="review", published_at=None, translation__title="Under review")
    open_one = statement_factory(
        status="open", published_at=None, signature_deadline=soon, translation__title="Open one"
    )
    for language, title in (("hy", "Բաց"), ("ru", "Открытое")):
        statement_translation_factory(statement=open_one, language=language, title=title)
    statement_factory(translation__title="Published one")
    statement_factory(
        published_at=timezone.now() + timedelta(days=1), translation__title="Scheduled one"
    )
    statement_factory(status="closed", translation__title="Closed one")
    sign_on_factory(statement=open_one)
    commenter = Commenter.objects.create(email="reader@example.am")
    Comment.objects.create(
        statement=open_one,
        commenter=commenter,
        name="A reader",
        body="Hm.",
        language="en",
        status=Comment.Status.PENDING,
    )

    page = signed_in.get(HOME).content.decode()
    for stage in ("Draft", "In review", "Open for signature", "Published", "Closed"):
        assert f">{stage} <span" in page
    assert "Open one: 1 sign-up waiting for approval" in page
    assert "Open one: 1 comment to moderate" in page
    assert "Open one: signing ends" in page
    assert "A draft: no translation in hy, ru" in page
    assert "Open one: no translation" not in page
    assert "Scheduled for" in page
    # Each row leads to its moves, its preview, its edit page and its signatures.
    assert f'href="/en/staff/statements/{draft.slug}/move/review/"' in page
    assert f'href="/en/staff/statements/{draft.slug}/move/open/"' in page
    assert f'href="/en/staff/statements/{draft.slug}/move/close/"' not in page
    assert f'href="/en/staff/statements/{draft.slug}/preview/"' in page
    assert f'href="/en/staff/statements/{draft.slug}/review/"' in page  # its review links
    assert f'href="/en/admin/statements/statement/{draft.pk}/change/"' in page
    assert f'href="/en/staff/statements/{open_one.slug}/signatures/"' in page


def test_every_staff_page_is_linked_from_the_home_or_a_statements_row(signed_in, open_statement):
    page = signed_in.get(HOME).content.decode()
    for url in (
        "/en/staff/statements/",
        "/en/staff/import/",
        "/en/staff/newsletter/subscribers.csv",
        "/en/admin/",
        "/en/staff/history/",
        "/en/staff/import/batches/",
        "/en/staff/import/registry/",
        f"/en/staff/statements/{open_statement.slug}/signatures/",
        f"/en/staff/statements/{open_statement.slug}/updates/",
        f"/en/staff/statements/{open_statement.slug}/preview/",
    ):
        assert f'href="{url}' in page, url
    # And back: the signatures' dashboards lead home.
    for url in ("/en/staff/statements/", f"/en/staff/statements/{open_statement.slug}/signatures/"):
        assert f'href="{HOME}"' in signed_in.get(url).content.decode(), url


def test_a_move_is_made_by_a_csrf_protected_post_and_logged_with_its_author(
    coordinator, statement_factory
):
    statement = statement_factory(status="review", published_at=None)
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    url = f"/en/staff/statements/{statement.slug}/move/open/"
    assert client.post(url, {"deadline": "2999-01-01T12:00"}).status_code == 403  # no token
    form = client.get(url)
    token = form.cookies["csrftoken"].value
    deadline = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(url, {"deadline": deadline, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"] == HOME
    assert Statement.objects.get(pk=statement.pk).status == "open"
    entry = AuditEntry.objects.get(statement=statement)
    assert (entry.action, entry.actor) == ("statement.open", coordinator)
    assert "Opened for signature." in client.get(HOME).content.decode()


@pytest.mark.parametrize(
    ("status", "action", "data", "says"),
    [
        ("review", "open", {"deadline": "2000-01-01T12:00"}, "This deadline has passed"),
        ("review", "open", {"deadline": "not a date"}, "Enter a valid date/time"),
        ("review", "open", {}, "Give the date and time signing ends"),
        ("published", "withdraw", {"reason": ""}, "Say why the statement is withdrawn"),
        ("open", "publish", {"at": "2999-01-01T12:00"}, "public already"),
        ("draft", "close", {}, "Only a published statement can be closed."),
    ],
)
def test_a_move_refused_answers_the_form_with_the_reason_and_changes_nothing(
    signed_in, statement_factory, status, action, data, says
):
    published_at = timezone.now() if status == "published" else None
    statement = statement_factory(status=status, published_at=published_at)
    response = signed_in.post(f"/en/staff/statements/{statement.slug}/move/{action}/", data)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert Statement.objects.get(pk=statement.pk).status == status
    assert not AuditEntry.objects.filter(statement=statement).exists()


def test_publishing_with_a_time_still_to_come_schedules_it(signed_in, statement_factory):
    statement = statement_factory(status="review", published_at=None)
    moment = timezone.localtime() + timedelta(days=2)
    response = signed_in.post(
        f"/en/staff/statements/{statement.slug}/move/publish/",
        {"at": moment.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.status == "published"
    assert statement.published_at == moment.replace(second=0, microsecond=0)
    assert not statement.is_public
