"""Logs: one line per request and per task, a request id from the form to the mail, JSON on
request, and no email address or phone number anywhere."""

import io
import json
import logging

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.operations.signup import EMAIL, PHONE, confirm, sign_on
from undersigned.operations import logs
from undersigned.operations.scrub import EMAIL as EMAIL_PATTERN
from undersigned.operations.scrub import PHONE as PHONE_PATTERN

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _site_only(record: logging.LogRecord) -> bool:
    """Leave out the lines of the test's own SMTP server (aiosmtpd's "mail.log")."""
    return not record.name.startswith("mail.log")


class Captured:
    """Every record logged anywhere, and the lines the site's two formatters make of them."""

    def __init__(self):
        self.records: list[logging.LogRecord] = []
        self.streams = {"text": io.StringIO(), "json": io.StringIO()}
        self.handlers = []
        # The formatters exactly as the settings make them (LOG_FORMAT=text, LOG_FORMAT=json).
        configured = settings.LOGGING["formatters"]
        formatters = {
            "text": logs.PlainFormatter(configured["text"]["format"]),
            "json": logs.JsonFormatter(
                configured["json"]["format"], rename_fields=configured["json"]["rename_fields"]
            ),
        }
        for kind, stream in self.streams.items():
            handler = logging.StreamHandler(stream)
            handler.addFilter(_site_only)
            handler.setFormatter(formatters[kind])
            handler.addFilter(logs.RequestIdFilter())
            handler.addFilter(logs.QuietTaskProgressFilter())
            self.handlers.append(handler)
        collector = logging.Handler()
        collector.addFilter(_site_only)
        collector.emit = self.records.append  # type: ignore[method-assign]
        self.handlers.append(collector)

    def json_lines(self) -> list[dict]:
        return [json.loads(line) for line in self.streams["json"].getvalue().splitlines()]


@pytest.fixture
def captured(request):
    captured = Captured()
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.DEBUG if request.node.get_closest_marker("debug_logs") else logging.INFO)
    for handler in captured.handlers:
        root.addHandler(handler)
    yield captured
    for handler in captured.handlers:
        root.removeHandler(handler)
    root.setLevel(level)


def run_worker() -> None:
    call_command("worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=1)


@pytest.mark.django_db(transaction=True)
def test_a_sign_up_is_followed_by_its_request_id_from_the_form_to_the_mail(
    client, open_statement, mail_over_smtp, settings, captured
):
    settings.TASKS = DB_TASKS  # the real path: queued in the database, run by the worker
    sign_on(client, open_statement, headers={"X-Request-ID": "signup-7f3e9a2c1b"})
    assert mail_over_smtp.messages == []  # not sent by the request
    run_worker()
    [message] = mail_over_smtp.wait_for(1)
    assert message["To"] == EMAIL

    lines = captured.json_lines()
    request_lines = [line for line in lines if line["logger"] == "undersigned.request"]
    task_lines = [line for line in lines if line["logger"] == "undersigned.task"]
    [form] = [line for line in request_lines if line["view"] == "signatures:sign"]
    assert form["request_id"] == "signup-7f3e9a2c1b"
    assert form["status"] == 302
    assert form["method"] == "POST"
    assert form["route"] == "en/statements/<slug:slug>/sign/"
    [mail_task] = [line for line in task_lines if line["task"].endswith(".mail_send")]
    assert mail_task["request_id"] == "signup-7f3e9a2c1b"
    assert mail_task["status"] == "SUCCESSFUL"
    assert mail_task["duration_ms"] >= 0
    # One line per task: Django's own "started" and "finished" lines are left out.
    assert not [line for line in lines if line["logger"] == "django.tasks"]


@pytest.mark.debug_logs
@pytest.mark.django_db(transaction=True)
def test_no_log_line_of_a_sign_up_and_its_mail_holds_an_address_or_a_phone(
    client, open_statement, mail_over_smtp, settings, captured
):
    settings.TASKS = DB_TASKS
    sign_on(client, open_statement)
    run_worker()
    [message] = mail_over_smtp.wait_for(1)
    confirm(client, message, settings)
    run_worker()
    # A resend by address, a form with an error, and an error logged with the address in it.
    client.post("/en/sign-on/new-link/", {"email": EMAIL})
    client.post(f"/en/statements/{open_statement.slug}/sign/", {"contact_email": EMAIL})
    assert client.get(f"/en/no-such-page/?email={EMAIL}&phone={PHONE}").status_code == 404
    run_worker()
    try:
        raise ValueError(f"no such signer {EMAIL} ({PHONE})")
    except ValueError:
        logging.getLogger("undersigned.test").exception("Lookup failed for %s", EMAIL)

    assert len(captured.records) > 10
    # The site itself logs no contact data even before the formatters hide it: only the
    # test's own error line has some.
    raw = [record.getMessage() for record in captured.records]
    assert [m for m in raw if EMAIL_PATTERN.search(m) or PHONE_PATTERN.search(m)] == [
        f"Lookup failed for {EMAIL}"
    ]
    text = captured.streams["text"].getvalue()
    as_json = captured.streams["json"].getvalue()
    for output in (text, as_json):
        assert EMAIL_PATTERN.findall(output) == []
        assert PHONE_PATTERN.findall(output) == []
        assert "gorispress" not in output
        assert "123456" not in output
        assert "[email]" in output  # the error's line is there, hidden
    # Every request had one line, under its id.
    request_lines = [
        line for line in captured.json_lines() if line["logger"] == "undersigned.request"
    ]
    assert len(request_lines) == len({line["request_id"] for line in request_lines}) >= 5


def test_the_scrubber_hides_addresses_and_phone_numbers_and_keeps_the_rest():
    arguments = ("Ani.Sargsyan+news@mail.example.am", "+7 (495) 123-45-67", "48ab8ede6aaf494c9")
    message = "from %s, call %s on 2026-12-07 12:25:39 id %s"
    record = logging.LogRecord("x", logging.INFO, __file__, 1, message, arguments, None)
    record.request_id = "-"
    line = logs.PlainFormatter("%(message)s").format(record)
    assert line == "from [email], call [phone] on 2026-12-07 12:25:39 id 48ab8ede6aaf494c9"
    parsed = json.loads(logs.JsonFormatter("%(message)s").format(record))
    assert parsed["message"] == line
