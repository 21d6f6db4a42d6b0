import csv
import io
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from undersigned.engagement import services
from undersigned.engagement.models import NewsletterIssue, Subscriber
from undersigned.publishing.services import statement_publish, statement_save

pytestmark = pytest.mark.usefixtures("english", "fast_password_hashing")


def link(message, name: str) -> str:
    return re.search(rf"http://\S+/newsletter/{name}/[^/\s]+/", message.get_content()).group(0)


def path_of(url: str) -> str:
    return url.removeprefix("http://127.0.0.1:8000")


def subscribe(client, mail, email="reader@example.am", language="en", **extra):
    with mail.commit():
        return client.post("/en/newsletter/", {"email": email, "language": language, **extra})


def active_subscriber(email="reader@example.am", language="en", categories=()):
    subscriber = Subscriber.objects.create(
        email=email,
        language=language,
        status=Subscriber.Status.ACTIVE,
        unsubscribe_key=f"key-{email}",
    )
    subscriber.categories.set(categories)
    return subscriber


def test_subscribing_takes_effect_only_when_confirmed_by_post(client, mail):
    response = subscribe(client, mail)
    assert response.status_code == 302
    assert response["Location"] == "/en/newsletter/sent/"
    (message,) = mail.wait_for(1)
    assert message["To"] == "reader@example.am"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].strip() == f"<{link(message, 'unsubscribe')}>"
    assert Subscriber.objects.get().status == Subscriber.Status.UNCONFIRMED

    confirm = path_of(link(message, "confirm"))
    page = client.get(confirm)  # a mail scanner following the link confirms nothing
    assert page.status_code == 200
    assert "Confirm my subscription" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.UNCONFIRMED

    done = client.post(confirm)
    assert "You are subscribed" in done.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE
    assert client.post(confirm).status_code == 404  # used


def test_the_footer_box_subscribes_in_the_page_language(mail):
    client = Client()
    page = client.get("/hy/").content.decode()
    assert 'action="/hy/newsletter/"' in page
    assert '<input type="hidden" name="language" value="hy">' in page
    with mail.commit():
        client.post("/hy/newsletter/", {"email": "reader@example.am", "language": "hy"})
    assert Subscriber.objects.get().language == "hy"
    assert "/hy/newsletter/confirm/" in mail.wait_for(1)[0].get_content()


def test_an_address_already_subscribed_gets_the_same_answer_and_a_reminder(client, mail):
    active_subscriber()
    response = subscribe(client, mail, language="ru")
    assert response["Location"] == "/en/newsletter/sent/"
    (message,) = mail.wait_for(1)
    assert "already subscribed" in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Subscriber.objects.get().language == "en"  # unchanged


def test_form_errors_are_tied_to_their_fields(client, db):
    response = client.post("/en/newsletter/", {"email": "nope", "language": "xx"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="newsletter_email_error"' in page
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="newsletter_email"', page)
    assert 'href="#newsletter_language"' in page


def test_a_published_statement_goes_to_subscribers_in_their_language_and_subjects(
    mail, statement_factory, statement_translation_factory, category_factory
):
    rights, ecology = category_factory(name_en="Rights"), category_factory(name_en="Ecology")
    active_subscriber("all@example.am", "hy")
    active_subscriber("rights@example.am", "ru", [rights])
    active_subscriber("ecology@example.am", "en", [ecology])
    Subscriber.objects.create(email="waiting@example.am", unsubscribe_key="k-waiting")

    with mail.commit():
        statement = statement_factory(
            status="open", published_at=None, translation__title="On the freedom of assembly"
        )
        statement_translation_factory(statement=statement, language="hy", title="Հավաքների մասին")
        statement.categories.set([rights])
    assert mail.messages == []  # open for signature is not published yet

    with mail.commit():
        statement_publish(statement=statement)
    messages = {m["To"]: m for m in mail.wait_for(2)}
    assert set(messages) == {"all@example.am", "rights@example.am"}
    armenian = messages["all@example.am"]
    assert "Հավաքների մասին" in armenian["Subject"]
    assert "/hy/statements/" in armenian.get_content()
    russian = messages["rights@example.am"]
    assert "On the freedom of assembly" in russian["Subject"]  # no Russian text: English
    assert "/ru/statements/" in russian.get_content()
    for message in messages.values():
        unsubscribe = link(message, "unsubscribe")
        assert message["List-Unsubscribe"].strip() == f"<{unsubscribe}>"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert unsubscribe in message.get_content()
    assert NewsletterIssue.objects.get().sent_count == 2

    mail.messages.clear()
    with mail.commit():
        statement_save(statement=statement)  # saved again: nobody gets it twice
    assert mail.messages == []


def test_an_old_statement_saved_as_published_is_not_announced(mail, statement_factory):
    active_subscriber()
    with mail.commit():
        statement_factory(published_at=timezone.now() - timedelta(days=400))
    assert mail.messages == []
    assert not NewsletterIssue.objects.exists()


def test_a_statement_scheduled_for_later_is_announced_at_its_time(
    statement_factory, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    when = timezone.now() + timedelta(hours=5)
    with django_capture_on_commit_callbacks(execute=True):
        statement = statement_save(statement=statement_factory.build(published_at=when))
    task = DBTaskResult.objects.get(task_path="undersigned.engagement.tasks.newsletter_issue_send")
    assert task.run_after == when
    assert task.args_kwargs["kwargs"] == {"statement_id": statement.pk}


def test_a_resumed_issue_skips_those_who_had_it(mail, statement_factory):
    first, second = active_subscriber("a@example.am"), active_subscriber("b@example.am")
    statement = statement_factory(translation__title="On the freedom of assembly")
    issue = NewsletterIssue.objects.create(statement=statement)
    issue.deliveries.create(subscriber=first)
    with mail.commit():
        assert services.newsletter_issue_deliver(statement_id=statement.pk) == "sent 1"
    assert [m["To"] for m in mail.wait_for(1)] == [second.email]
    assert services.newsletter_issue_deliver(statement_id=statement.pk) == "already sent"


def test_one_click_unsubscribe_is_immediate_and_final(mail, statement_factory):
    subscriber = active_subscriber()
    client = Client(enforce_csrf_checks=True)
    url = f"/en/newsletter/unsubscribe/{subscriber.unsubscribe_key}/"
    assert "Stop sending" in client.get(url).content.decode()
    assert Subscriber.objects.exists()  # looking is not unsubscribing

    # What a mail program sends for its "Unsubscribe" button (RFC 8058): no token, no cookie.
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert client.post(url).status_code == 200  # again: nothing left, nothing to fail

    with mail.commit():
        statement_factory()
    assert mail.messages == []


def test_staff_list_and_export_subscribers(admin_client, category_factory):
    active_subscriber("reader@example.am", "hy", [category_factory(slug="rights")])
    active_subscriber("=HYPERLINK(1)@example.am")
    listing = admin_client.get("/en/admin/engagement/subscriber/").content.decode()
    assert "reader@example.am" in listing
    assert "/en/staff/newsletter/subscribers.csv" in listing

    response = admin_client.get("/en/staff/newsletter/subscribers.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["email"] for row in rows} == {"reader@example.am", "'=HYPERLINK(1)@example.am"}
    reader = next(row for row in rows if row["email"] == "reader@example.am")
    assert (reader["language"], reader["status"], reader["categories"]) == (
        "hy",
        "active",
        "rights",
    )


def test_only_staff_can_export_subscribers(client, db):
    response = client.get("/en/staff/newsletter/subscribers.csv")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
