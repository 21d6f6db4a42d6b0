"""What signers hear of a new text: the version an edit records, the mail to the signers of
earlier versions, and the coordinator's request that they re-confirm.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from undersigned.core import outbox
from undersigned.core.audit import audit_record
from undersigned.core.pagecache import invalidate
from undersigned.signatures import selectors
from undersigned.signatures.models import Signatory, SignOnRequest, SignOnToken
from undersigned.signatures.services import (
    InvalidTransition,
    Status,
    TokenError,
    _signer_label,
    _signer_mail,
    _token_take,
)
from undersigned.statements.models import Statement, StatementVersion
from undersigned.statements.versions import (
    statement_version_current,
    statement_version_of_text,
    statement_version_record,
)


@transaction.atomic
def statement_text_baseline(*, statement_id: int) -> StatementVersion | None:
    """Record the text as it stands before a first edit, when signers exist but no version does.

    Called just before a translation is saved, so that the first version history of a statement
    whose signatories were added by hand starts from the text they signed, not from the edit.
    """
    statement = Statement.objects.filter(pk=statement_id).first()
    if statement is None or StatementVersion.objects.filter(statement=statement).exists():
        return None
    if not selectors.statement_has_signers(statement=statement):
        return None
    return statement_version_current(statement=statement)


@transaction.atomic
def statement_text_changed(*, statement_id: int, by: User | None = None) -> StatementVersion | None:
    """Record a new version when the text of a statement with signers changed; tell them later.

    Returns the new version, or None when the text matches a recorded one or nobody signed.
    """
    # Edits of one statement are recorded one at a time: a version is new for one caller only.
    statement = Statement.objects.select_for_update().filter(pk=statement_id).first()
    if statement is None or not selectors.statement_has_signers(statement=statement):
        return None
    version = statement_version_record(statement=statement, by=by)
    if version is not None:
        _version_mail_later(version=version, kind="version_changed")
    return version


def _version_mail_later(*, version: StatementVersion, kind: str) -> None:
    """Queue the mails about a new text to the signers of earlier ones."""
    from undersigned.signatures.tasks import statement_version_notify

    task = statement_version_notify
    delay = settings.SIGNON_VERSION_MAIL_DELAY_MINUTES
    if kind == "version_changed" and delay > 0 and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + timedelta(minutes=delay))
    transaction.on_commit(partial(task.enqueue, version_id=version.pk, kind=kind))


def version_mail_fan_out(*, version_id: int, kind: str) -> int:
    """Queue one mail to each signer of another text than this version; return how many.

    Each mail's key names the version and the request, so running this twice mails nobody twice.
    """
    if kind not in ("version_changed", "reconfirm"):
        raise ValueError(f"Unknown version mail {kind!r}.")
    version = StatementVersion.objects.select_related("statement").filter(pk=version_id).first()
    if version is None:
        return 0
    if kind == "version_changed":
        current = statement_version_of_text(statement=version.statement)
        if current is None or current.pk != version.pk:
            return 0  # a later edit's mail tells of it
        if version.requires_reconfirmation:
            return 0  # the request to re-confirm tells of it
    signers = selectors.version_earlier_signers(version=version, kind=kind)
    for sign_on in signers:
        key = f"{kind}:{version.pk}:{sign_on.pk}"
        if not sign_on.contact_email or outbox.mail_exists(key=key):
            continue
        if not selectors.sign_on_needs_version_mail(sign_on=sign_on, version=version, kind=kind):
            continue
        with transaction.atomic():
            # Sent because a coordinator changed the text: not counted against the signer.
            _signer_mail(sign_on=sign_on, kind=kind, key=key, version=version, capped=False)
    return len(signers)


@transaction.atomic
def statement_version_decide(
    *,
    version: StatementVersion,
    by: User,
    change_note: str,
    requires_reconfirmation: bool,
) -> StatementVersion:
    """Describe a version and, if the coordinator asks, have earlier signers re-confirm it."""
    version = (
        StatementVersion.objects.select_for_update().select_related("statement").get(pk=version.pk)
    )
    ask = requires_reconfirmation and not version.requires_reconfirmation
    if ask:
        current = statement_version_of_text(statement=version.statement)
        if version.number == 1:
            raise InvalidTransition(_("The first version has no earlier signers to ask."))
        if current is None or current.pk != version.pk:
            raise InvalidTransition(
                _("Only the current text can be put to earlier signers for re-confirmation.")
            )
        version.requires_reconfirmation = True
    version.change_note = change_note.strip()
    version.save(update_fields=["change_note", "requires_reconfirmation"])
    audit_record(
        action="statement.version_decide",
        actor=by,
        statement=version.statement,
        details={
            "version": version.number,
            "requires_reconfirmation": version.requires_reconfirmation,
            "asked_now": ask,
        },
    )
    invalidate(f"statement:{version.statement.slug}")
    if ask:
        _version_mail_later(version=version, kind="reconfirm")
    return version


def sign_on_reconfirm(*, token: str) -> SignOnRequest:
    """Bind the signer's line to the new text their link names; a POST, never a GET."""
    with transaction.atomic():
        record = _token_take(token=token, purpose=SignOnToken.Purpose.RECONFIRM)
        sign_on = (
            SignOnRequest.objects.select_for_update()
            .select_related("statement")
            .get(pk=record.sign_on_id)
        )
        target = record.version
        if sign_on.status != Status.APPROVED or sign_on.signatory_id is None or target is None:
            raise TokenError("used", sign_on)
        line = (
            Signatory.objects.select_for_update(of=("self",))
            .select_related("version", "organization")
            .get(pk=sign_on.signatory_id)
        )
        # Never back to an older text: a colleague may have confirmed a later one meanwhile.
        if line.version is None or line.version.number < target.number:
            line.version = target
            line.save(update_fields=["version"])
        audit_record(
            action="signon.reconfirm",
            actor_label=_signer_label(sign_on),
            statement=sign_on.statement,
            organization=line.organization,
            details={"request": sign_on.pk, "signatory": line.pk, "version": target.number},
        )
    return sign_on
