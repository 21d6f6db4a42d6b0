"""Saving, publishing and closing a statement: one service each, whatever screen calls it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.admin_forms import admin_form_data
from undersigned.core.models import AuditEntry
from undersigned.publishing.services import (
    StatementActionRefused,
    statement_close,
    statement_publish,
    statement_save,
)
from undersigned.statements.models import Statement, StatementVersion

NEWSLETTER = "undersigned.engagement.tasks.newsletter_issue_send"
DEADLINE = "undersigned.statements.tasks.statement_deadline_pass"


def change_url(statement: Statement) -> str:
    return f"/en/admin/statements/statement/{statement.pk}/change/"


def split_datetime(moment) -> tuple[str, str]:
    """Return the date and time the admin's two inputs take, in the site's time zone."""
    local = timezone.localtime(moment)
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")


def queued(task_path: str) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=task_path))


def test_saving_a_signed_statement_in_the_admin_records_its_new_version(
    admin_client,
    admin_user,
    statement_factory,
    signatory_factory,
    django_capture_on_commit_callbacks,
):
    statement = statement_factory(translation__body="The text as it was signed.")
    signatory_factory(statement=statement)
    data = admin_form_data(admin_client.get(change_url(statement)).content.decode())
    data["translations-0-body"] = "The text after the edit."
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url(statement), data)
    assert response.status_code == 302

    versions = StatementVersion.objects.filter(statement=statement).order_by("number")
    assert [v.texts["en"]["body"] for v in versions] == [
        "The text as it was signed.",
        "The text after the edit.",
    ]
    assert AuditEntry.objects.get(action="statement.version", statement=statement).actor == (
        admin_user
    )


def test_setting_a_deadline_in_the_admin_books_the_renewal_of_the_statement_pages_once(
    admin_client, statement_factory, django_capture_on_commit_callbacks
):
    statement = statement_factory(status="open", published_at=None)
    deadline = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    data = admin_form_data(admin_client.get(change_url(statement)).content.decode())
    data["signature_deadline_0"], data["signature_deadline_1"] = split_datetime(deadline)
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change_url(statement), data).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change_url(statement), data).status_code == 302  # unchanged

    [booked] = queued(DEADLINE)
    assert booked.run_after == deadline
    assert booked.args_kwargs["kwargs"] == {"statement_id": statement.pk}


def test_publishing_in_the_admin_queues_the_newsletter_and_logs_the_publication(
    admin_client, admin_user, statement_factory, django_capture_on_commit_callbacks
):
    statement = statement_factory(status="open", published_at=None)
    data = admin_form_data(admin_client.get(change_url(statement)).content.decode())
    data["status"] = "published"
    data["published_at_0"], data["published_at_1"] = split_datetime(timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change_url(statement), data).status_code == 302

    [announcement] = queued(NEWSLETTER)
    assert announcement.args_kwargs["kwargs"] == {"statement_id": statement.pk}
    entry = AuditEntry.objects.get(action="statement.publish", statement=statement)
    assert (entry.actor, entry.details) == (admin_user, {"from": "open", "to": "published"})


def test_the_publish_and_close_actions_of_the_statement_list_call_the_services(
    admin_client, statement_factory, django_capture_on_commit_callbacks
):
    draft = statement_factory(status="draft", published_at=None)
    changelist = "/en/admin/statements/statement/"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            changelist, {"action": "publish_selected", "_selected_action": [draft.pk]}
        )
    draft.refresh_from_db()
    assert draft.status == "published"
    assert draft.published_at is not None
    assert len(queued(NEWSLETTER)) == 1

    admin_client.post(changelist, {"action": "close_selected", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "closed"
    assert list(
        AuditEntry.objects.filter(statement=draft).order_by("pk").values_list("action", flat=True)
    ) == ["statement.publish", "statement.close"]


def test_an_action_that_does_not_apply_leaves_the_statement_as_it_was(
    admin_client, statement_factory
):
    draft = statement_factory(status="draft", published_at=None)
    response = admin_client.post(
        "/en/admin/statements/statement/",
        {"action": "close_selected", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "Only a published statement can be closed." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"
    with pytest.raises(StatementActionRefused):
        statement_close(statement=draft)
    published = statement_factory()
    with pytest.raises(StatementActionRefused):
        statement_publish(statement=published)


def test_publishing_later_keeps_the_date_and_announces_it_at_that_moment(
    statement_factory, django_capture_on_commit_callbacks
):
    when = (timezone.now() + timedelta(hours=5)).replace(microsecond=0)
    statement = statement_factory(status="review", published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        statement_publish(statement=statement, at=when)
    [announcement] = queued(NEWSLETTER)
    assert announcement.run_after == when


def test_a_statement_saved_without_the_services_has_no_hidden_side_effects(
    statement_factory, signatory_factory, django_capture_on_commit_callbacks
):
    """Receivers keep caches and derived data only (search index, insight figures, the open-data
    dump): a bare save() books no domain task and records nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        statement = statement_factory(
            status="open", published_at=None, signature_deadline=timezone.now() + timedelta(days=1)
        )
        signatory_factory(statement=statement)
        translation = statement.translations.get()
        translation.body = "Edited behind the services' back."
        translation.save()
        statement.status, statement.published_at = "published", timezone.now()
        statement.save()
    derived = {
        "undersigned.insights.tasks.network_graphs_compute",
        "undersigned.api.tasks.dump_regenerate",
    }
    booked = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert booked <= derived, booked - derived
    assert not StatementVersion.objects.exists()
    assert not AuditEntry.objects.exists()


def test_saving_a_new_statement_through_the_service_books_its_deadline(
    statement_factory, django_capture_on_commit_callbacks
):
    deadline = timezone.now() + timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        statement = statement_save(
            statement=statement_factory.build(
                status="open", published_at=None, signature_deadline=deadline
            )
        )
    assert statement.pk is not None
    assert [t.args_kwargs["kwargs"] for t in queued(DEADLINE)] == [{"statement_id": statement.pk}]
