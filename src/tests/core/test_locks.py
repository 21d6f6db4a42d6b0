"""The lock one process at a time holds (core/locks.py), and a holder that dies."""

import pytest
from django.core.cache import cache
from django.db import connection

from undersigned.core import locks
from undersigned.signatures import supporters
from undersigned.signatures.models import Supporter


@pytest.fixture
def other_process():
    """Take a lock as another worker would: on PostgreSQL from a connection of its own."""
    held: list = []

    def take(name: str):
        if connection.vendor == "postgresql":
            import psycopg

            params = connection.get_connection_params()
            params.pop("cursor_factory", None)
            other = psycopg.connect(**params, autocommit=True)
            other.execute("SELECT pg_advisory_lock(%s, %s)", [locks._LOCK_CLASS, locks._key(name)])
            held.append(other)
            return other.close  # the process dies: its connection ends
        cache.add(f"lock:{name}", 1, timeout=30)
        return lambda: cache.delete(f"lock:{name}")  # the entry expires

    yield take
    for other in held:
        other.close()


@pytest.mark.django_db(transaction=True)
def test_one_holder_at_a_time_and_the_next_once_it_is_gone(other_process):
    gone = other_process("job")
    with locks.held("job") as renew:
        assert renew is None
    gone()
    with locks.held("job") as renew:
        assert renew is not None
        renew()
    with locks.held("job") as renew:  # let go at the end of the block
        assert renew is not None


@pytest.mark.django_db(transaction=True)
def test_mail_waits_while_another_worker_mails_and_goes_out_once_it_dies(
    statement_factory, other_process, mail_over_smtp, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    statement = statement_factory()
    for number in range(3):
        supporters.supporter_sign_up(
            statement=statement,
            name=f"Supporter {number}",
            place="Gyumri",
            email=f"supporter{number}@mail.example.am",
            show_name=True,
            language="en",
        )
    killed = other_process(f"supporters:mailing:{statement.pk}")
    assert supporters.supporter_mails_send(statement_id=statement.pk) == 0
    assert Supporter.objects.filter(mail_wanted_at__isnull=False).count() == 3
    killed()
    assert supporters.supporter_mails_send(statement_id=statement.pk) == 3
    assert len(mail_over_smtp.wait_for(3)) == 3
    assert not Supporter.objects.filter(mail_wanted_at__isnull=False).exists()
