"""A statement's life, move by move: each allowed one logged with its author, each forbidden
one refused in words (never a database error), a scheduled publication hidden until its time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.admin_forms import admin_form_data
from tests.factories import coordinator_create
from tests.publishing.test_statement_services import change_url, queued, split_datetime
from undersigned.core.models import AuditEntry
from undersigned.publishing import services
from undersigned.publishing.services import StatementActionRefused
from undersigned.statements.models import Statement
from undersigned.statements.tasks import statement_publication_arrive

LATER = timedelta(days=3)


@pytest.fixture
def coordinator(db):
    return coordinator_create("anahit")


def moves(statement) -> list[tuple[str, str, str]]:
    return [
        (entry.action, entry.actor_label, entry.details.get("to", ""))
        for entry in AuditEntry.objects.filter(statement=statement).order_by("pk")
    ]


def test_a_statement_goes_from_draft_to_closed_each_move_logged_with_its_author(
    statement_factory, coordinator
):
    statement = statement_factory(status="draft", published_at=None)
    deadline = timezone.now() + LATER
    services.statement_submit_for_review(statement=statement, by=coordinator)
    services.statement_open(statement=statement, by=coordinator, deadline=deadline)
    services.statement_publish(statement=statement, by=coordinator)
    services.statement_close(statement=statement, by=coordinator)
    services.statement_withdraw(statement=statement, by=coordinator, reason="Signed in error.")

    statement.refresh_from_db()
    assert statement.status == "withdrawn"
    assert statement.signature_deadline == deadline
    assert statement.published_at <= timezone.now()
    assert moves(statement) == [
        ("statement.review", "anahit", "review"),
        ("statement.open", "anahit", "open"),
        ("statement.publish", "anahit", "published"),
        ("statement.close", "anahit", "closed"),
        ("statement.withdraw", "anahit", "withdrawn"),
    ]
    withdrawal = AuditEntry.objects.get(action="statement.withdraw")
    assert withdrawal.details["reason"] == "Signed in error."


@pytest.mark.parametrize(
    ("status", "move", "kwargs", "says"),
    [
        ("open", services.statement_submit_for_review, {}, "Only a draft"),
        ("published", services.statement_open, {}, "Only a draft or a statement in review"),
        ("draft", services.statement_open, {}, "needs a deadline"),
        ("closed", services.statement_publish, {}, "Only a draft, a statement in review"),
        ("draft", services.statement_close, {}, "Only a published statement"),
        ("draft", services.statement_withdraw, {"reason": "x"}, "Only a statement open"),
        ("open", services.statement_withdraw, {"reason": "  "}, "Say why"),
        ("open", services.statement_return_to_draft, {}, "Only a statement in review"),
        ("published", services.statement_return_to_draft, {}, "public already"),
    ],
)
def test_a_move_its_rule_forbids_is_refused_in_words_and_changes_nothing(
    statement_factory, coordinator, status, move, kwargs, says
):
    published_at = timezone.now() if status in Statement.DATED_STATUSES else None
    statement = statement_factory(status=status, published_at=published_at)
    with pytest.raises(StatementActionRefused, match=says):
        move(statement=statement, by=coordinator, **kwargs)
    stored = Statement.objects.get(pk=statement.pk)
    assert (stored.status, stored.published_at) == (status, published_at)
    assert not AuditEntry.objects.filter(statement=statement).exists()


def test_opening_needs_a_deadline_still_to_come(statement_factory, coordinator):
    statement = statement_factory(status="review", published_at=None)
    past = timezone.now() - timedelta(minutes=1)
    with pytest.raises(StatementActionRefused, match="This deadline has passed"):
        services.statement_open(statement=statement, by=coordinator, deadline=past)
    assert Statement.objects.get(pk=statement.pk).status == "review"


def test_a_statement_open_for_signature_is_published_now_not_scheduled(
    statement_factory, coordinator
):
    statement = statement_factory(status="open", published_at=None)
    with pytest.raises(StatementActionRefused, match="public already"):
        services.statement_publish(statement=statement, at=timezone.now() + LATER)
    assert Statement.objects.get(pk=statement.pk).status == "open"


def test_a_stale_copy_cannot_move_a_statement_from_a_status_it_has_left(
    statement_factory, coordinator
):
    statement = statement_factory(status="review", published_at=None)
    stale = Statement.objects.get(pk=statement.pk)
    services.statement_return_to_draft(statement=statement, by=coordinator)
    with pytest.raises(StatementActionRefused):
        services.statement_return_to_draft(statement=stale, by=coordinator)  # draft already
    assert [m[0] for m in moves(statement)] == ["statement.draft"]


def test_a_scheduled_statement_is_nowhere_public_until_its_time_then_everywhere(
    client, statement_factory, coordinator, django_capture_on_commit_callbacks
):
    moment = (timezone.now() + timedelta(hours=2)).replace(microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):  # indexed for search, too
        statement = statement_factory(
            status="draft", published_at=None, translation__title="On the embargoed report"
        )
        services.statement_publish(statement=statement, by=coordinator, at=moment)
    statement.refresh_from_db()
    assert (statement.status, statement.published_at) == ("published", moment)
    assert AuditEntry.objects.get(action="statement.publish").details["scheduled"] == (
        moment.isoformat()
    )
    [booked] = queued("undersigned.statements.tasks.statement_publication_arrive")
    assert booked.run_after == moment
    assert booked.args_kwargs["kwargs"] == {"statement_id": statement.pk}

    page = f"/en/statements/{statement.slug}/"
    public = [
        "/en/statements/",
        "/en/statements/feed.atom",
        "/sitemap.xml",
        "/api/v1/statements/",
        "/en/search/?q=embargoed",
    ]

    def shown() -> dict[str, bool]:
        return {url: statement.slug in client.get(url).content.decode() for url in public}

    assert client.get(page).status_code == 404
    assert not any(shown().values())
    assert not Statement.objects.visible().filter(pk=statement.pk).exists()
    assert client.get(f"/en/staff/statements/{statement.slug}/preview/").status_code == 302

    # Time passes: nothing is saved, so the cached archive still lacks it …
    Statement.objects.filter(pk=statement.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    assert statement.slug not in client.get("/en/statements/").content.decode()
    # … until the worker runs the task booked for that moment.
    with django_capture_on_commit_callbacks(execute=True):
        statement_publication_arrive.call(statement_id=statement.pk)
    assert client.get(page).status_code == 200
    assert all(shown().values()), shown()


def test_taking_a_scheduled_statement_back_to_draft_calls_the_publication_off(
    statement_factory, coordinator
):
    statement = statement_factory(status="review", published_at=None)
    services.statement_publish(statement=statement, by=coordinator, at=timezone.now() + LATER)
    with pytest.raises(StatementActionRefused, match="still to come"):
        services.statement_close(statement=statement, by=coordinator)
    services.statement_return_to_draft(statement=statement, by=coordinator)
    statement.refresh_from_db()
    assert (statement.status, statement.published_at) == ("draft", None)


def test_a_statement_in_review_is_private_like_a_draft(client, statement_factory):
    statement = statement_factory(status="review", published_at=None)
    assert client.get(f"/en/statements/{statement.slug}/").status_code == 404
    assert not Statement.objects.visible().filter(pk=statement.pk).exists()


# The back office: its status field and its actions follow the same rules.


def test_the_admin_refuses_a_status_change_its_rule_forbids_with_the_reason(
    admin_client, statement_factory
):
    statement = statement_factory(status="draft", published_at=None)
    data = admin_form_data(admin_client.get(change_url(statement)).content.decode())
    data["status"] = "closed"
    response = admin_client.post(change_url(statement), data)
    assert response.status_code == 200
    assert "Only a published statement can be closed." in response.content.decode()
    data["status"] = "withdrawn"
    response = admin_client.post(change_url(statement), data)
    assert "asks for the reason" in response.content.decode()
    data["status"] = "open"  # without a deadline
    assert "needs a deadline" in admin_client.post(change_url(statement), data).content.decode()
    assert Statement.objects.get(pk=statement.pk).status == "draft"


def test_the_admin_opens_a_draft_with_a_deadline_and_logs_who_did(
    admin_client, admin_user, statement_factory
):
    statement = statement_factory(status="draft", published_at=None)
    data = admin_form_data(admin_client.get(change_url(statement)).content.decode())
    data["status"] = "open"
    deadline = timezone.now() + LATER
    data["signature_deadline_0"], data["signature_deadline_1"] = split_datetime(deadline)
    assert admin_client.post(change_url(statement), data).status_code == 302
    entry = AuditEntry.objects.get(statement=statement)
    assert (entry.action, entry.actor) == ("statement.open", admin_user)


def test_the_admin_actions_for_review_open_and_draft_call_the_services(
    admin_client, statement_factory
):
    changelist = "/en/admin/statements/statement/"
    draft = statement_factory(status="draft", published_at=None)
    dated = statement_factory(
        status="draft", published_at=None, signature_deadline=timezone.now() + LATER
    )

    def act(action, *statements):
        response = admin_client.post(
            changelist, {"action": action, "_selected_action": [s.pk for s in statements]}
        )
        assert response.status_code == 302
        return [Statement.objects.get(pk=s.pk).status for s in statements]

    assert act("review_selected", draft, dated) == ["review", "review"]
    assert act("open_selected", draft, dated) == ["review", "open"]  # the first has no deadline
    assert act("draft_selected", draft, dated) == ["draft", "open"]
