"""The supporter count: batched, exact, and never a row that every confirmation writes."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import coordinator_create
from undersigned.signatures import supporters
from undersigned.signatures.models import Supporter, SupporterTally

TALLY_TASK = "undersigned.signatures.tasks.supporter_tally_task"


@pytest.fixture
def published(statement_factory):
    return statement_factory(translation__title="On the right to protest")


def confirmed_supporters(statement, count, start=0):
    """Sign up and confirm supporters through the services, returning their tokens' rows."""
    rows = []
    for number in range(start, start + count):
        supporters.supporter_sign_up(
            statement=statement,
            name=f"Person {number}",
            place="Yerevan",
            email=f"person{number}@example.am",
            show_name=True,
            language="en",
        )
        supporter = Supporter.objects.get(email=f"person{number}@example.am")
        supporters.supporter_confirm(token=supporters._supporter_confirm_token(supporter))
        rows.append(supporter)
    return rows


def count_on_page(client, statement) -> str:
    page = client.get(f"/en/statements/{statement.slug}/").content.decode()
    return page


def test_the_count_moves_by_batches_each_confirmation_counted_once(published, tasks_do_nothing):
    confirmed_supporters(published, 3)
    assert SupporterTally.objects.filter(statement=published).count() == 0
    assert supporters.supporter_tally_update(statement_id=published.pk) == 3
    assert SupporterTally.objects.get(statement=published).count == 3
    assert supporters.supporter_tally_update(statement_id=published.pk) == 0
    confirmed_supporters(published, 2, start=3)
    assert supporters.supporter_tally_update(statement_id=published.pk) == 2
    assert SupporterTally.objects.get(statement=published).count == 5
    assert not Supporter.objects.filter(counted_at__isnull=True).exists()


def test_unconfirmed_supporters_are_not_counted(published, tasks_do_nothing):
    supporters.supporter_sign_up(
        statement=published,
        name="A",
        place="B",
        email="a@example.am",
        show_name=True,
        language="en",
    )
    assert supporters.supporter_tally_update(statement_id=published.pk) == 0
    assert SupporterTally.objects.get(statement=published).count == 0


@pytest.mark.django_db(transaction=True)
def test_the_cached_page_changes_with_a_batch_not_with_each_sign_up(
    client, published, tasks_do_nothing
):
    url = f"/en/statements/{published.slug}/"
    first = client.get(url)
    assert "0 people support this statement." in first.content.decode()
    confirmed_supporters(published, 2)
    # Sign-ups and confirmations leave the cached page alone: same validator, same count.
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    supporters.supporter_tally_update(statement_id=published.pk)
    after = client.get(url)
    assert after["ETag"] != first["ETag"]
    assert "2 people support this statement." in after.content.decode()
    # A batch that finds nothing new leaves the page's validator as it was.
    supporters.supporter_tally_update(statement_id=published.pk)
    assert client.get(url, headers={"If-None-Match": after["ETag"]}).status_code == 304


@pytest.mark.django_db(transaction=True)
def test_confirmations_book_one_batch_a_period_and_the_worker_runs_it(client, published, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SUPPORTERS_COUNT_SECONDS = 5
    started = timezone.now()
    confirmed_supporters(published, 4)
    batches = DBTaskResult.objects.filter(task_path=TALLY_TASK)
    assert batches.count() == 1
    run_after = batches.get().run_after
    assert started + timedelta(seconds=5) <= run_after <= timezone.now() + timedelta(seconds=7)
    assert SupporterTally.objects.filter(statement=published).count() == 0

    batches.update(run_after=timezone.now())  # as if the seconds had passed
    call_command("worker", batch=True)
    assert SupporterTally.objects.get(statement=published).count == 4
    assert (
        "4 people support this statement."
        in client.get(f"/en/statements/{published.slug}/").content.decode()
    )


def test_the_command_counts_every_statement_with_waiting_confirmations(
    published, statement_factory, tasks_do_nothing
):
    other = statement_factory()
    confirmed_supporters(published, 2)
    confirmed_supporters(other, 1, start=10)
    call_command("supporters_count")
    assert SupporterTally.objects.get(statement=published).count == 2
    assert SupporterTally.objects.get(statement=other).count == 1


def test_the_dashboard_shows_supporters_counts(client, published, tasks_do_nothing):
    staff = coordinator_create("coordinator")
    client.force_login(staff)
    confirmed_supporters(published, 3)
    supporters.supporter_tally_update(statement_id=published.pk)
    confirmed_supporters(published, 1, start=3)
    supporters.supporter_sign_up(
        statement=published,
        name="A",
        place="B",
        email="x@example.am",
        show_name=False,
        language="en",
    )
    index = client.get("/en/staff/statements/").content.decode()
    assert ">Supporters</th>" in index
    assert "<td>3</td>" in index
    page = client.get(f"/en/staff/statements/{published.slug}/signatures/").content.decode()
    assert "Counted on the page</dt><dd>3</dd>" in page
    assert "Confirmed, awaiting the next count</dt><dd>1</dd>" in page
    assert "Awaiting email confirmation</dt><dd>1</dd>" in page
