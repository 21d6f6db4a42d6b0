"""Error reports: Sentry's events are scrubbed of contact data; without Sentry, errors reach
ADMINS by mail through the outbox, one mail per distinct error and interval."""

import json
import logging
import sys

import pytest
import sentry_sdk
from sentry_sdk.transport import Transport
from sentry_sdk.utils import event_from_exception

from tests.conftest import mail_text
from tests.operations.signup import EMAIL, PHONE
from undersigned.core.models import OutgoingMail
from undersigned.operations import errors
from undersigned.operations.scrub import EMAIL as EMAIL_PATTERN
from undersigned.operations.scrub import PHONE as PHONE_PATTERN

ADMIN = "webmaster@undersigned.example.org"


def failing_lookup():
    raise LookupError(f"No sign-on for {EMAIL}, phone {PHONE}")


def exc_info_of(function):
    try:
        function()
    except Exception:
        return sys.exc_info()
    raise AssertionError("did not raise")


def contact_data_in(data) -> list[str]:
    text = json.dumps(data, default=str, ensure_ascii=False)
    return EMAIL_PATTERN.findall(text) + PHONE_PATTERN.findall(text)


def test_the_scrubber_hides_contact_data_in_a_real_sentry_event():
    event, hint = event_from_exception(exc_info_of(failing_lookup))
    event["request"] = {
        "url": "https://statements.example.org/en/statements/x/sign/",
        "method": "POST",
        "data": {"contact_email": EMAIL, "contact_phone": PHONE, "contact_name": "Lusine"},
        "headers": {"Referer": f"https://mail.example/?from={EMAIL}"},
    }
    event["user"] = {"email": EMAIL}
    event["breadcrumbs"] = {"values": [{"message": f"mailed {EMAIL}"}]}
    assert len(contact_data_in(event)) >= 4  # the event as the SDK made it carries them

    scrubbed = errors.scrub_event(event, hint)
    assert contact_data_in(scrubbed) == []
    assert scrubbed["request"]["data"]["contact_name"] == "Lusine"  # the rest is kept
    [exception] = scrubbed["exception"]["values"]
    assert exception["type"] == "LookupError"
    assert exception["value"] == "No sign-on for [email], phone [phone]"
    assert exception["stacktrace"]["frames"][-1]["function"] == "failing_lookup"


class CollectingTransport(Transport):
    """Keep the envelopes the SDK would send, instead of sending them."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)


def test_events_leave_the_sentry_sdk_scrubbed(settings):
    settings.SENTRY_DSN = "https://public@sentry.example.org/1"
    transport = CollectingTransport()
    try:
        assert errors.sentry_init()
        assert sentry_sdk.get_client().options["before_send"] is errors.scrub_event
        sentry_sdk.init(
            dsn=settings.SENTRY_DSN, before_send=errors.scrub_event, transport=transport
        )
        with sentry_sdk.new_scope() as scope:
            scope.set_user({"email": EMAIL})
            scope.set_context("signer", {"phone": PHONE})
            sentry_sdk.capture_exception(exc_info_of(failing_lookup)[1])
        sentry_sdk.flush()
    finally:
        sentry_sdk.init()  # no DSN: nothing is sent by later tests
    events = [item.payload.json for env in transport.envelopes for item in env.items]
    events = [event for event in events if event and event.get("exception")]
    assert len(events) == 1
    assert contact_data_in(events[0]) == []
    assert "[email]" in json.dumps(events[0])


@pytest.fixture
def admins(settings, mail_over_smtp):
    settings.ADMINS = [ADMIN]
    settings.SENTRY_DSN = ""
    return mail_over_smtp


def log_error(logger_name="undersigned.signatures"):
    try:
        failing_lookup()
    except LookupError:
        logging.getLogger(logger_name).exception("Sign-on lookup failed")


@pytest.mark.django_db(transaction=True)
def test_an_error_reaches_the_admins_through_the_outbox_once_per_interval(admins):
    log_error()
    [message] = admins.wait_for(1)
    assert message["To"] == ADMIN
    assert message["Subject"].startswith("[Undersigned] ERROR")
    assert "Sign-on lookup failed" in message["Subject"]
    text = mail_text(message)
    assert "LookupError" in text
    assert "failing_lookup" in text
    assert EMAIL not in text
    assert "[email]" in text
    outbox = OutgoingMail.objects.get(to=ADMIN)
    assert outbox.kind == "error_report"
    assert outbox.status == OutgoingMail.Status.SENT
    assert message["Message-ID"]

    for _ in range(5):  # the same error again: no more mail within the interval
        log_error()
    log_error("undersigned.statements")  # a different error: its own mail
    messages = admins.wait_for(2)
    assert len(messages) == 2
    assert OutgoingMail.objects.filter(to=ADMIN).count() == 2


@pytest.mark.django_db(transaction=True)
def test_with_sentry_configured_no_error_mail_is_sent(admins, settings):
    settings.SENTRY_DSN = "https://public@sentry.example.org/1"
    log_error()
    assert not OutgoingMail.objects.filter(to=ADMIN).exists()
    assert admins.messages == []
