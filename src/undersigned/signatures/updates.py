"""News of what became of a statement: the coordinator posts a dated update (delivered, the
answer, the outcome), the statement's page shows it, and the signatories and supporters who
have not unsubscribed are mailed it once each, in their language, with a one-click unsubscribe.
"""

import hashlib
from datetime import date
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from undersigned.core import outbox
from undersigned.core.addresses import mailbox
from undersigned.core.audit import audit_record
from undersigned.core.languages import LANGUAGE_CODES
from undersigned.core.models import OutgoingMail
from undersigned.core.safetext import defused
from undersigned.signatures import selectors
from undersigned.signatures.models import SignOnRequest, Supporter
from undersigned.signatures.services import SignOnError, _statement_context
from undersigned.statements.models import Statement, StatementUpdate

UNSUBSCRIBE_SALT = "undersigned.updates-unsubscribe"
# Which row an unsubscribe link names: a signer's request, or a supporter.
_KINDS: dict[str, type[SignOnRequest] | type[Supporter]] = {
    "r": SignOnRequest,
    "s": Supporter,
}


class UpdateRefused(SignOnError):
    message = _("Write the update in at least one language.")


# Unsubscribe links: the row's kind and number, signed; the row keeps whether it unsubscribed.


def unsubscribe_token(recipient: SignOnRequest | Supporter) -> str:
    kind = "r" if isinstance(recipient, SignOnRequest) else "s"
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{kind}{recipient.pk}")


def unsubscribe_recipient(token: str) -> SignOnRequest | Supporter | None:
    """Return the signer's request or the supporter an unsubscribe link names, or None."""
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    model = _KINDS.get(value[:1])
    number = value[1:]
    if model is None or not number.isdigit() or len(number) > 18:
        return None
    return model.objects.select_related("statement").filter(pk=int(number)).first()


def _unsubscribe_url(recipient: SignOnRequest | Supporter, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse(
            "signatures:updates_unsubscribe", kwargs={"token": unsubscribe_token(recipient)}
        )


@transaction.atomic
def updates_unsubscribe(*, token: str) -> SignOnRequest | Supporter | None:
    """Stop the news of a statement to this signer or supporter; None for a link that is not."""
    recipient = unsubscribe_recipient(token)
    if recipient is None:
        return None
    if recipient.updates_unsubscribed_at is None:
        recipient.updates_unsubscribed_at = timezone.now()
        recipient.save(update_fields=["updates_unsubscribed_at"])
        who = "request" if isinstance(recipient, SignOnRequest) else "supporter"
        audit_record(
            action="updates.unsubscribe",
            actor_label=f"{'signer' if who == 'request' else 'supporter'} #{recipient.pk}",
            statement=recipient.statement,
            details={who: recipient.pk},
        )
    return recipient


# Posting an update.


@transaction.atomic
def statement_update_post(
    *,
    statement: Statement,
    kind: str,
    happened_on: date,
    texts: dict[str, str],
    mail_signatories: bool,
    mail_supporters: bool,
    by: User,
    submission: str,
) -> StatementUpdate:
    """Add a dated update to the statement; mail it, after the commit, to those chosen.

    `submission` is the form's one-time key: the same form sent twice posts one update and
    mails nobody twice.
    """
    if existing := StatementUpdate.objects.filter(submission=submission).first():
        return existing
    texts = {code: texts.get(code, "").strip() for code in LANGUAGE_CODES}
    if not any(texts.values()):
        raise UpdateRefused()
    try:
        with transaction.atomic():
            update = StatementUpdate.objects.create(
                statement=statement,
                kind=kind,
                happened_on=happened_on,
                created_by=by,
                submission=submission,
                mail_signatories=mail_signatories,
                mail_supporters=mail_supporters,
                **{f"text_{code}": text for code, text in texts.items()},
            )
    except IntegrityError:
        # The same form, sent twice at once: the other request posted it.
        return StatementUpdate.objects.get(submission=submission)
    audit_record(
        action="statement.update",
        actor=by,
        statement=statement,
        details={
            "update": update.pk,
            "kind": kind,
            "date": happened_on.isoformat(),
            "mail_signatories": mail_signatories,
            "mail_supporters": mail_supporters,
        },
    )
    if mail_signatories or mail_supporters:
        from undersigned.signatures.tasks import statement_update_mail_task

        transaction.on_commit(partial(statement_update_mail_task.enqueue, update_id=update.pk))
    return update


@transaction.atomic
def statement_update_delete(*, update: StatementUpdate, by: User) -> None:
    """Take an update off the statement's page; mail already sent stays sent."""
    audit_record(
        action="statement.update_delete",
        actor=by,
        statement=update.statement,
        details={"update": update.pk, "kind": update.kind, "date": update.happened_on.isoformat()},
    )
    update.delete()


# Mailing it.


def _mail_key(update: StatementUpdate, address: str) -> str:
    # One mail per mailbox and update, whichever lists the address is on and however often
    # the task runs.
    digest = hashlib.sha256(mailbox(address).encode()).hexdigest()[:40]
    return f"update:{update.pk}:{digest}"


def _update_mail(
    *, update: StatementUpdate, recipient: SignOnRequest | Supporter, key: str
) -> OutgoingMail:
    language = recipient.language
    if isinstance(recipient, SignOnRequest):
        to, name, topic = recipient.contact_email, recipient.contact_name, f"signon:{recipient.pk}"
        organization = defused(recipient.display_name)
    else:
        to, name, topic = recipient.email, recipient.name, f"supporter:{recipient.pk}"
        organization = ""
    unsubscribe_url = _unsubscribe_url(recipient, language)
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    with translation.override(language):
        kind_label = str(StatementUpdate.Kind(update.kind).label)
    return outbox.mail(
        to=to,
        template="signatures/emails/update",
        context={
            "language": language,
            "name": defused(name),
            "organization_name": organization,
            "is_signer": isinstance(recipient, SignOnRequest),
            "base_template": "signatures/emails/_base.html"
            if isinstance(recipient, SignOnRequest)
            else "signatures/emails/_support_base.html",
            "kind_label": kind_label,
            "happened_on": update.happened_on,
            "text": update.text(language),
            "text_language": update.text_language(language),
            "unsubscribe_url": unsubscribe_url,
            **_statement_context(update.statement, language),
        },
        language=language,
        kind="statement_update",
        key=key,
        topic=topic,
        # Sent because a coordinator chose to: not counted against the recipient.
        capped=False,
        headers=outbox.list_headers(
            unsubscribe_url=unsubscribe_url,
            list_id=f"{settings.SITE_NAME} <{update.statement.pk}.updates.{host}>",
        ),
    )


def statement_update_mail(*, update_id: int) -> int:
    """Queue the update's mail to each chosen recipient not yet mailed; return how many now.

    Signatories' contacts first, then supporters; an address on both lists gets one mail.
    Each mail is written in its own transaction with a key, so a run that stops half-way is
    resumed by running it again, and nobody is mailed twice.
    """
    update = StatementUpdate.objects.select_related("statement").filter(pk=update_id).first()
    if update is None:
        return 0
    statement = update.statement
    recipients: list = []
    if update.mail_signatories:
        recipients.append(selectors.update_signer_recipients(statement=statement))
    if update.mail_supporters:
        recipients.append(selectors.update_supporter_recipients(statement=statement))
    seen: set[str] = set()
    queued = 0
    for rows in recipients:
        for recipient in rows.iterator():
            address = (
                recipient.contact_email if isinstance(recipient, SignOnRequest) else recipient.email
            )
            key = _mail_key(update, address)
            if key in seen:
                continue
            seen.add(key)
            if outbox.mail_exists(key=key):
                continue
            with transaction.atomic():
                _update_mail(update=update, recipient=recipient, key=key)
            queued += 1
    # A queryset update: the page's cache stays (nothing shown changed).
    StatementUpdate.objects.filter(pk=update.pk).update(
        mailed_count=OutgoingMail.objects.filter(key__startswith=f"update:{update.pk}:").count(),
        mailed_at=timezone.now(),
    )
    return queued
