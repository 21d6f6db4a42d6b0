"""The statement's rules in the back office: said in words, never a database error."""

from datetime import timedelta

from django.utils import timezone

from tests.admin_forms import admin_form_data
from tests.publishing.test_statement_services import change_url, split_datetime
from undersigned.publishing.services import statement_save
from undersigned.statements.models import Statement


def test_publishing_without_a_date_dates_the_statement_today(admin_client, statement_factory):
    statement = statement_factory(status="draft", published_at=None)
    data = admin_form_data(admin_client.get(change_url(statement)).content.decode())
    data["status"] = "published"
    data["published_at_0"] = data["published_at_1"] = ""
    before = timezone.now()
    response = admin_client.post(change_url(statement), data)
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.status == "published"
    assert statement.published_at is not None
    assert before <= statement.published_at <= timezone.now()


def test_a_deadline_in_the_past_is_refused_with_a_reason(admin_client, statement_factory):
    statement = statement_factory(status="open", published_at=None)
    data = admin_form_data(admin_client.get(change_url(statement)).content.decode())
    past = (timezone.now() - timedelta(days=1)).replace(microsecond=0)
    data["signature_deadline_0"], data["signature_deadline_1"] = split_datetime(past)
    response = admin_client.post(change_url(statement), data)
    assert response.status_code == 200  # the form again, with its error
    assert "This deadline has passed" in response.content.decode()
    assert "Constraint" not in response.content.decode()
    statement.refresh_from_db()
    assert statement.signature_deadline is None


def test_the_service_dates_a_statement_published_without_a_date(db, statement_factory):
    statement = statement_factory(status="draft", published_at=None)
    statement.status = Statement.Status.PUBLISHED
    statement_save(statement=statement)
    statement.refresh_from_db()
    assert statement.published_at is not None


def test_the_coordinators_home_is_linked_from_the_back_office_and_from_the_site_for_staff(
    admin_client, client, db
):
    dashboard = "/en/staff/"
    assert f'href="{dashboard}"' in admin_client.get("/en/admin/").content.decode()
    assert f'href="{dashboard}"' in admin_client.get("/en/").content.decode()
    # A reader (no session) gets the shared page, without it and without a cookie.
    anonymous = client.get("/en/")
    assert f'href="{dashboard}"' not in anonymous.content.decode()
    assert not anonymous.cookies
