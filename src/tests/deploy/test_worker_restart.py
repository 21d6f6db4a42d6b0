"""A worker killed in the middle of a batch of mail, then started again: none lost, none twice.

A real `undersigned worker` process works on the suite's own test database (the SQLite file or
the PostgreSQL test database) and sends to an SMTP server in this process, which holds one mail
unanswered while the worker is killed with SIGKILL.
"""

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.conftest import SMTPCollector, WorkerProcesses, mail_text, supporter_link
from undersigned.core import outbox
from undersigned.core.messageid import message_id_for
from undersigned.core.models import OutgoingMail
from undersigned.core.worker import machine_name
from undersigned.signatures import supporters
from undersigned.signatures.models import Supporter

SUPPORTERS = 30
HELD = 11  # the mail the worker is sending when it is killed


class HoldingCollector(SMTPCollector):
    """Take mail as usual, but keep one message's DATA unanswered until released.

    The held message is then refused: its sender, killed meanwhile, never heard it was taken.
    """

    def __init__(self, hold: int):
        super().__init__()
        self.hold = hold
        self.data_commands = 0
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.data_commands += 1
        if self.data_commands == self.hold:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.01)
            return "451 Requested action aborted: the sender went away"
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def holding_smtp():
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    collector = HoldingCollector(hold=HELD)
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    collector.port = port
    yield collector
    collector.release.set()
    controller.stop()


@pytest.fixture
def start_worker(transactional_db, holding_smtp, tmp_path):
    """Return a function that starts `undersigned worker` on the test database; kill them after."""
    workers = WorkerProcesses(
        tmp_path,
        EMAIL_URL=f"smtp://127.0.0.1:{holding_smtp.port}?timeout=30",
        # Long: the restarted worker must requeue because the process is gone, not by the lease.
        TASKS_LEASE_SECONDS="600",
    )
    yield workers
    workers.kill_all()


@pytest.mark.multiprocess
def test_a_worker_killed_mid_batch_and_restarted_sends_every_mail_exactly_once(
    start_worker, holding_smtp, statement_factory
):
    statement = statement_factory(translation__title="On the right to protest")
    addresses = [f"supporter{n}@mail.example.am" for n in range(SUPPORTERS)]
    for address in addresses:
        _mailed_supporter(statement, address)
    mail_tasks = DBTaskResult.objects.filter(task_path="undersigned.core.tasks.mail_send")
    assert mail_tasks.count() == SUPPORTERS

    first = start_worker()
    if not holding_smtp.holding.wait(timeout=30):
        pytest.fail(f"the worker sent no {HELD}th mail:\n{start_worker.logs()}")
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    holding_smtp.release.set()

    # What the kill left: one task claimed for ever, its mail recorded as being sent.
    assert len(holding_smtp.messages) == HELD - 1
    lost = DBTaskResult.objects.get(status=TaskResultStatus.RUNNING)
    assert lost.worker_ids[-1].startswith(f"{machine_name()}:{first.pid}:")
    assert OutgoingMail.objects.filter(status=OutgoingMail.Status.SENDING).count() == 1

    second = start_worker("--batch")
    assert second.wait(timeout=60) == 0, start_worker.logs()

    logs = start_worker.logs()
    assert f"Requeued task id={lost.pk}" in logs
    assert "its worker process is gone" in logs
    received = Counter(message["To"] for message in holding_smtp.messages)
    assert received == dict.fromkeys(addresses, 1), logs
    # Every mail task finished; no task failed or was left running (a booking deferred to later,
    # such as the open-data dump a new statement books, may still wait for its time).
    assert set(mail_tasks.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}, logs
    assert not DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.FAILED, TaskResultStatus.RUNNING]
    ).exists(), logs
    outbox = OutgoingMail.objects.all()
    assert {copy.status for copy in outbox} == {OutgoingMail.Status.SENT}
    assert sorted(copy.attempts for copy in outbox) == [1] * (SUPPORTERS - 1) + [2]
    message_ids = {message["To"]: message["Message-ID"] for message in holding_smtp.messages}
    assert message_ids == {copy.to: message_id_for(copy.key) for copy in outbox}


@pytest.mark.multiprocess
def test_a_running_worker_requeues_the_task_of_a_worker_that_died_meanwhile(
    start_worker, holding_smtp, statement_factory
):
    holding_smtp.hold = 0  # take every mail
    supporter = _supporter(statement_factory)
    task = DBTaskResult.objects.get(task_path="undersigned.core.tasks.mail_send")
    later = timezone.now() + timedelta(hours=1)
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=later)  # not for this worker yet
    worker = start_worker(TASKS_LEASE_SECONDS="4")  # looks for lost tasks every second
    deadline = time.monotonic() + 20
    while "Starting worker" not in start_worker.logs():
        if worker.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the worker did not start:\n{start_worker.logs()}")
        time.sleep(0.05)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    # As a worker killed after claiming it leaves it, in one UPDATE the worker cannot race.
    DBTaskResult.objects.filter(pk=task.pk).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now(),
        worker_ids=[f"{machine_name()}:{gone.pid}:deadbeef"],
        run_after=timezone.now(),
    )
    (message,) = holding_smtp.wait_for(1, timeout=15)
    assert message["To"] == supporter.email
    while DBTaskResult.objects.get(pk=task.pk).status != TaskResultStatus.SUCCESSFUL:
        assert time.monotonic() < deadline + 10, start_worker.logs()
        time.sleep(0.05)
    assert f"Requeued task id={task.pk}" in start_worker.logs()


def _mailed_supporter(statement, email: str):
    """A supporter mailed on its own, through the outbox and one mail_send task.

    (Sign-ups' mail goes out in the worker's batches, supporters.supporter_mails_send; these
    tests are about the task that sends one recorded mail.)
    """
    supporter = Supporter.objects.create(
        statement=statement, name="Ani Sargsyan", place="Gyumri", email=email, language="en"
    )
    supporters._supporter_mail(supporter=supporter, kind="support_confirm")
    return supporter


def _supporter(statement_factory):
    statement = statement_factory(translation__title="On the right to protest")
    return _mailed_supporter(statement, "ani.sargsyan@mail.example.am")


def _smtp(settings, port: int) -> None:
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }


@pytest.mark.django_db(transaction=True)
def test_the_attempt_is_committed_as_sending_before_the_server_has_the_mail(
    holding_smtp, settings, statement_factory
):
    _smtp(settings, holding_smtp.port)
    holding_smtp.hold = 1
    _supporter(statement_factory)
    held = OutgoingMail.objects.get()
    outcome: list[BaseException] = []

    def deliver() -> None:
        try:
            outbox.mail_deliver(mail_id=held.pk)
        except OSError as error:
            outcome.append(error)
        finally:
            connection.close()

    sending = threading.Thread(target=deliver)
    sending.start()
    assert holding_smtp.holding.wait(timeout=10)
    # Seen from this test's own connection: committed while the server has not answered.
    in_flight = OutgoingMail.objects.get(pk=held.pk)
    assert (in_flight.status, in_flight.attempts) == (OutgoingMail.Status.SENDING, 1)
    holding_smtp.release.set()
    sending.join(timeout=10)
    assert outcome, "the refused mail raised nothing"
    in_flight.refresh_from_db()
    assert in_flight.status == OutgoingMail.Status.FAILED


@pytest.mark.django_db(transaction=True)
def test_a_mail_recorded_as_sent_is_not_sent_again_by_a_rerun_of_its_task(
    mail_over_smtp, statement_factory
):
    _supporter(statement_factory)
    first = mail_over_smtp.wait_for(1)[0]
    record = OutgoingMail.objects.get()
    assert first["Message-ID"] == message_id_for(record.key) == record.message_id
    again = outbox.mail_deliver(mail_id=record.pk)
    assert again == "nothing to send"
    assert len(mail_over_smtp.messages) == 1
    assert OutgoingMail.objects.get().attempts == 1


@pytest.mark.django_db(transaction=True)
def test_a_mail_sent_but_not_recorded_before_a_crash_goes_again_with_the_same_message_id(
    mail_over_smtp, statement_factory, caplog
):
    _supporter(statement_factory)
    first = mail_over_smtp.wait_for(1)[0]
    # What a worker killed after the server took the mail, before SENT was saved, leaves:
    # SENDING, and the message as it went out (links included) still kept for sending.
    record = OutgoingMail.objects.get()
    OutgoingMail.objects.update(
        status=OutgoingMail.Status.SENDING,
        sent_at=None,
        outgoing_text=mail_text(first),
        outgoing_html=first.get_body(preferencelist=("html",)).get_content(),
    )
    key = record.key
    outbox.mail_deliver(mail_id=record.pk)
    second = mail_over_smtp.wait_for(2)[1]
    assert second["Message-ID"] == first["Message-ID"] == message_id_for(key)
    # Both copies carry the same link, and it confirms: whichever one the supporter opens.
    [link] = {supporter_link(mail_text(first)), supporter_link(mail_text(second))}
    supporters.supporter_confirm(token=link.rsplit("?token=", 1)[1])
    copy = OutgoingMail.objects.get()
    assert (copy.status, copy.attempts) == (OutgoingMail.Status.SENT, 2)
    assert f"Mail key={key} is sent again" in caplog.text


def test_message_ids_differ_by_key_and_name_the_senders_domain(settings):
    settings.DEFAULT_FROM_EMAIL = "Undersigned <no-reply@statements.example.am>"
    assert message_id_for("a") == message_id_for("a")
    assert message_id_for("a") != message_id_for("b")
    assert message_id_for("a").endswith("@statements.example.am>")


@pytest.mark.django_db(transaction=True)
def test_readers_mail_sent_again_after_a_crash_carries_the_same_message_id(
    mail_over_smtp, statement_factory
):
    from undersigned.engagement import services as engagement

    statement = statement_factory(translation__title="On the right to protest")
    sent = engagement.friend_message_create(
        statement=statement, sender_name="Ani", recipient="friend@mail.example.am", language="en"
    )
    first = mail_over_smtp.wait_for(1)[0]
    # A worker killed after the server took it, before it recorded it sent (and forgot it).
    OutgoingMail.objects.filter(key=f"friend:{sent.pk}").update(
        status=OutgoingMail.Status.SENDING, to="friend@mail.example.am"
    )
    outbox.mail_deliver(mail_id=OutgoingMail.objects.get(key=f"friend:{sent.pk}").pk)
    second = mail_over_smtp.wait_for(2)[1]
    assert second["Message-ID"] == first["Message-ID"] == message_id_for(f"friend:{sent.pk}")
