"""The one way the site sends mail: `mail()` renders, records and queues; the worker sends.

Modelled on pretix's `mail()` (src/pretix/base/services/mail.py). Every mail the site sends —
sign-on, supporters, comments, the newsletter, sending to a friend — is one call to `mail()`,
which

- renders `<template>_subject.txt`, `<template>.txt` and, when it exists, `<template>.html` in
  the recipient's language; subjects and text parts with autoescaping off (they are not HTML:
  "L'Union" must not arrive as "L&#x27;Union"), the subject on one line;
- refuses, past MAIL_PER_RECIPIENT_PER_HOUR, the mail that a stranger's form asks for (the cap
  counts the normalised mailbox, core/addresses.py, across every form of the site);
- writes an OutgoingMail row with a Message-ID derived from the mail's key and a copy for
  staff (private links hidden unless MAIL_FULL_COPIES), and
- queues core.tasks.mail_send once the transaction commits.

For a rush of the same mail to many people (supporters' confirmation links), `mail_batch()`
does the same for a whole batch inside a task: it renders the templates once with a placeholder
for each recipient's own values, and builds the MIME message once too, each recipient's made
from its bytes (core/batchmime.py); it records every mail in one INSERT, sends them all over
one SMTP connection, and marks them sent in one UPDATE.

No other code builds an EmailMessage: `mail_deliver()` (run by the task) and `mail_batch()` are
the only senders.
"""

import logging
import secrets as random
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import formataddr, parseaddr
from functools import partial

from django.conf import settings
from django.core.mail import mailers
from django.db import transaction
from django.db.models import Q
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import ngettext

from undersigned.core import ratelimit
from undersigned.core.addresses import mailbox
from undersigned.core.batchmime import MimeTemplate, PreparedMail
from undersigned.core.mailheaders import SiteMail
from undersigned.core.messageid import message_id_for
from undersigned.core.models import OutgoingMail
from undersigned.core.safetext import plain_name

logger = logging.getLogger(__name__)

Status = OutgoingMail.Status
REDACTED = "[private link hidden]"
CAP_SCOPE = "mail:recipient"


def _cap_rate() -> str:
    return f"{settings.MAIL_PER_RECIPIENT_PER_HOUR}/h"


def _render_plain(name: str, context: dict) -> str:
    """Render a text template with autoescaping off: it is not HTML."""
    template = get_template(name)
    return template.template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]


def _render_html(name: str, context: dict) -> str:
    """Render the HTML part when the mail has one (readers' mail is plain text only)."""
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return ""
    return render_to_string(name, context)


def subject_line(text: str) -> str:
    """Return a subject on one line: header injection and folded-in newlines are impossible."""
    return " ".join(plain_name(text).split())[:400]


def sender() -> str:
    """Return DEFAULT_FROM_EMAIL with its display name cleaned of newlines and bidi controls."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((plain_name(name), address)) if name else address


def _redact(text: str, secrets: Sequence[str]) -> str:
    if settings.MAIL_FULL_COPIES:
        return text
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def recipient_cap_hit(to: str) -> ratelimit.Limited | None:
    """Count one mail asked for this mailbox; return Limited when it goes over the cap."""
    return ratelimit.hit(scope=CAP_SCOPE, identity=mailbox(to), rate=_cap_rate())


def recipient_capped(to: str) -> ratelimit.Limited | None:
    """Return Limited while mail to this mailbox is refused (its hourly cap was passed)."""
    return ratelimit.over(scope=CAP_SCOPE, identity=mailbox(to), rate=_cap_rate())


def held_message(limited: ratelimit.Limited) -> str:
    """Tell the person at a form, in the active language, that their mail was not sent."""
    return ngettext(
        "What you sent is recorded, but we did not send the email: this address has received "
        "too many emails from this site in the last hour. Please try again in %(minutes)d "
        "minute.",
        "What you sent is recorded, but we did not send the email: this address has received "
        "too many emails from this site in the last hour. Please try again in %(minutes)d "
        "minutes.",
        limited.minutes,
    ) % {"minutes": limited.minutes}


def list_headers(*, unsubscribe_url: str, list_id: str) -> dict[str, str]:
    """Return the headers mail programs show as an "Unsubscribe" button (RFC 2369, RFC 8058).

    The address must unsubscribe on a POST without a form (a mail program's one click) and
    only show a button on a GET, which link scanners open.
    """
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": list_id,
        "Precedence": "bulk",
    }


def mail_exists(*, key: str) -> bool:
    """Return whether the mail with this key was queued already (fan-outs run twice safely)."""
    return OutgoingMail.objects.filter(key=key).exists()


def mail(
    *,
    to: str,
    template: str,
    context: Mapping[str, object],
    language: str,
    kind: str,
    key: str = "",
    topic: str = "",
    secrets: Sequence[str] = (),
    headers: Mapping[str, str] | None = None,
    capped: bool = True,
    forget_recipient: bool = False,
) -> OutgoingMail:
    """Render a mail to one address in its language, record it, and send it after the commit.

    `key` makes the mail this one and no other (a second call with it returns the first
    record); `topic` names what the mail is about ("signon:12"), for erasure; `secrets` are
    the private links' tokens the staff copy hides. `capped` mails (those a form asks for) are
    refused past MAIL_PER_RECIPIENT_PER_HOUR to the mailbox: the record says REFUSED and
    nothing is sent. `forget_recipient` blanks the address once the mail went out.
    """
    key = key or uuid.uuid4().hex
    existing = OutgoingMail.objects.filter(key=key).first()
    if existing is not None:
        return existing
    refused = capped and (
        ratelimit.hit(scope=CAP_SCOPE, identity=mailbox(to), rate=_cap_rate()) is not None
    )
    full_context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = subject_line(_render_plain(f"{template}_subject.txt", full_context))
        text = _render_plain(f"{template}.txt", full_context)
        html = _render_html(f"{template}.html", full_context)
    staff_text, staff_html = _redact(text, secrets), _redact(html, secrets)
    hidden = (staff_text, staff_html) != (text, html)
    record = OutgoingMail.objects.create(
        key=key,
        kind=kind,
        topic=topic,
        to=to,
        subject=subject,
        body_text=staff_text,
        body_html=staff_html,
        outgoing_text=text if hidden and not refused else "",
        outgoing_html=html if hidden and not refused else "",
        headers={
            "Auto-Submitted": "auto-generated",
            "Content-Language": language,
            **(headers or {}),
        },
        message_id=message_id_for(key),
        language=language,
        forget_recipient=forget_recipient,
        status=Status.REFUSED if refused else Status.QUEUED,
    )
    if refused:
        logger.warning("Mail %s (%s) refused: the recipient's hourly cap is reached.", key, kind)
        return record
    from undersigned.core.tasks import mail_send

    transaction.on_commit(partial(mail_send.enqueue, mail_id=record.pk))
    return record


@dataclass(frozen=True)
class BatchRecipient:
    """One mail of a batch: its address, key and topic, and the values only it shows.

    `fields` fill the template's variables of those names; the templates must print them as
    they are (no filter, no condition on them), since they are rendered once for the batch.
    """

    to: str
    key: str
    topic: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    secrets: Sequence[str] = ()


def _merge(text: str, fields: Mapping[str, str], holders: Mapping[str, str], *, html: bool) -> str:
    for name, holder in holders.items():
        value = fields.get(name, "")
        text = text.replace(holder, escape(value) if html else value)
    return text


_MIME_TEMPLATES: dict[tuple, tuple[float, MimeTemplate]] = {}
MIME_TEMPLATE_SECONDS = 60


def _mime_template(
    *, subject: str, from_email: str, headers: Mapping[str, str], html: bool
) -> MimeTemplate:
    """Return a MIME template for these headers, one made in the last minute if there is one.

    Making one costs as much as some twenty mails made from it, and a task sends batch after
    batch of the same mail; a template kept longer would give its mails an older Date.
    """
    key = (subject, from_email, tuple(headers.items()), html)
    now = time.monotonic()
    kept = _MIME_TEMPLATES.get(key)
    if kept is None or now - kept[0] > MIME_TEMPLATE_SECONDS:
        if len(_MIME_TEMPLATES) >= 32:
            _MIME_TEMPLATES.clear()
        kept = _MIME_TEMPLATES[key] = (
            now,
            MimeTemplate(subject=subject, from_email=from_email, headers=headers, html=html),
        )
    return kept[1]


def mail_batch(
    *,
    template: str,
    context: Mapping[str, object],
    language: str,
    kind: str,
    recipients: Sequence[BatchRecipient],
    headers: Mapping[str, str] | None = None,
) -> int:
    """Render, record and send one mail to each recipient over one connection; return how many.

    For the worker's batches, where the mail's cap was counted when it was asked for. Each
    recipient's mail keeps the Message-ID of its key, so a batch sent again after a crash sends
    the same mails; a mail whose key was sent already is not sent again.
    """
    if not recipients:
        return 0
    names = sorted({name for recipient in recipients for name in recipient.fields})
    # Placeholders new for each batch: nothing a visitor typed can be mistaken for one.
    holders = {name: f"UNDERSIGNEDFIELD{random.token_hex(12)}{name}" for name in names}
    full_context = {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        **context,
        **holders,
    }
    with translation.override(language):
        subject = _render_plain(f"{template}_subject.txt", full_context)
        text = _render_plain(f"{template}.txt", full_context)
        html = _render_html(f"{template}.html", full_context)
    sent_before = set(
        OutgoingMail.objects.filter(
            key__in=[r.key for r in recipients], status=Status.SENT
        ).values_list("key", flat=True)
    )
    recipients = [r for r in recipients if r.key not in sent_before]
    all_headers = {
        "Auto-Submitted": "auto-generated",
        "Content-Language": language,
        **(headers or {}),
    }
    from_email = sender()
    # The subject is most often the batch's own (no recipient's value in it): then the MIME
    # message is built once for the batch, and each recipient's is made from it (batchmime).
    batch_subject = None
    mime = None
    if not any(holder in subject for holder in holders.values()):
        batch_subject = subject_line(subject)
        mime = _mime_template(
            subject=batch_subject, from_email=from_email, headers=all_headers, html=bool(html)
        )
    records, messages = [], []
    for recipient in recipients:
        mail_text = _merge(text, recipient.fields, holders, html=False)
        mail_html = _merge(html, recipient.fields, holders, html=True)
        mail_subject = batch_subject or subject_line(
            _merge(subject, recipient.fields, holders, html=False)
        )
        record = OutgoingMail(
            key=recipient.key,
            kind=kind,
            topic=recipient.topic,
            to=recipient.to,
            subject=mail_subject,
            body_text=_redact(mail_text, recipient.secrets),
            body_html=_redact(mail_html, recipient.secrets),
            headers=all_headers,
            message_id=message_id_for(recipient.key),
            language=language,
            status=Status.SENDING,
            attempts=1,
        )
        records.append(record)
        message = PreparedMail(
            mime=mime.fill(
                to=recipient.to, message_id=record.message_id, text=mail_text, html=mail_html
            )
            if mime
            else None,
            subject=mail_subject,
            body=mail_text,
            from_email=from_email,
            to=[recipient.to],
            headers={**all_headers, "Message-ID": record.message_id},
        )
        if mail_html:
            message.attach_alternative(mail_html, "text/html")
        messages.append(message)
    if not records:
        return 0
    # Recorded as being sent before the server has them (a crash sends them again, as
    # mail_deliver does); a record left by an earlier attempt is kept.
    OutgoingMail.objects.bulk_create(records, ignore_conflicts=True)
    mailers["default"].send_messages(messages)
    OutgoingMail.objects.filter(key__in=[r.key for r in records]).update(
        status=Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return len(records)


def _message(record: OutgoingMail) -> SiteMail:
    message = SiteMail(
        subject=record.subject,
        body=record.outgoing_text or record.body_text,
        from_email=sender(),
        to=[record.to],
        headers={**record.headers, "Message-ID": record.message_id},
    )
    html = record.outgoing_html or record.body_html
    if html:
        message.attach_alternative(html, "text/html")
    return message


def mail_deliver(*, mail_id: int) -> str:
    """Send a recorded mail once, however often it is asked; keep its state.

    The attempt is committed as SENDING before the message goes to the server, and SENT right
    after the server took it: a run that finds SENT sends nothing. A worker that dies between
    the two leaves SENDING, and the task, run again, sends the same message with the same
    Message-ID and the same links, so mail programs that collapse duplicates show it once.
    """
    record = OutgoingMail.objects.filter(pk=mail_id).first()
    if record is None or record.status in (Status.SENT, Status.REFUSED) or not record.to:
        return "nothing to send"
    if record.status == Status.SENDING:
        logger.warning(
            "Mail key=%s is sent again: an earlier attempt stopped without a verdict and may "
            "have gone out (the same Message-ID).",
            record.key,
        )
    record.status = Status.SENDING
    record.attempts += 1
    record.save(update_fields=["status", "attempts"])
    try:
        _message(record).send(using="default")
    except Exception as error:
        record.status = Status.FAILED
        record.last_error = f"{type(error).__name__}: {error}"
        record.save(update_fields=["status", "last_error"])
        raise
    record.status = Status.SENT
    record.sent_at = timezone.now()
    record.last_error = ""
    record.outgoing_text = record.outgoing_html = ""
    if record.forget_recipient:
        record.to = ""
    record.save(
        update_fields=[
            "status",
            "sent_at",
            "last_error",
            "outgoing_text",
            "outgoing_html",
            "to",
        ]
    )
    return "sent"


def mails_erase(*, topics: Sequence[str] = (), to: str = "") -> int:
    """Delete the mail about these topics, or sent to this address; return how many."""
    query = Q(topic__in=list(topics)) if topics else Q(pk__in=[])
    if to:
        query |= Q(to__iexact=to)
    deleted, _rows = OutgoingMail.objects.filter(query).delete()
    return deleted
