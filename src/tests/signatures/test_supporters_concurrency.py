"""A rush of supporters: concurrent confirmations and sign-ups, on SQLite and PostgreSQL."""

import pytest

from tests.conftest import run_at_once
from undersigned.signatures import supporters
from undersigned.signatures.models import Supporter, SupporterTally

CONFIRMATIONS = 50
SAME_EMAIL = 20


pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_confirmations_with_batches_running_give_the_exact_count(
    statement_factory,
):
    statement = statement_factory()
    tokens = []
    for number in range(CONFIRMATIONS):
        supporter = Supporter.objects.create(
            statement=statement,
            name=f"Person {number}",
            place="Yerevan",
            email=f"person{number}@example.am",
            language="en",
        )
        supporters._supporter_mail(supporter=supporter, kind="support_confirm")
        tokens.append(supporters._supporter_confirm_token(supporter))

    # Batches run while the confirmations come in, as the worker's would.
    work = [("confirm", token) for token in tokens] + [("batch", None)] * 5

    def step(item):
        kind, token = item
        if kind == "confirm":
            supporters.supporter_confirm(token=token)
        else:
            for _round in range(3):
                supporters.supporter_tally_update(statement_id=statement.pk)

    run_at_once(step, work)
    supporters.supporter_tally_update(statement_id=statement.pk)

    assert Supporter.objects.filter(confirmed_at__isnull=False).count() == CONFIRMATIONS
    assert not Supporter.objects.filter(counted_at__isnull=True).exists()
    assert SupporterTally.objects.get(statement=statement).count == CONFIRMATIONS


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_sign_ups_with_one_address_make_one_support(statement_factory):
    statement = statement_factory()

    def sign_up(number):
        supporters.supporter_sign_up(
            statement=statement,
            name=f"Attempt {number}",
            place="Yerevan",
            email="Same.Person@Example.am",
            show_name=True,
            language="en",
        )

    run_at_once(sign_up, list(range(SAME_EMAIL)))
    supporter = Supporter.objects.get()
    assert supporter.email == "same.person@example.am"
    assert supporter.name.startswith("Attempt ")
