"""Writes for sign-on: submit, confirm, approve, reject, attach, withdraw, remove, erase, mail.

Views, admin actions and tasks all call these. Each state change leaves an audit entry; none
of them records contact data, so erasing a signer's contact data leaves the log intact.
"""

import base64
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from undersigned.core import outbox
from undersigned.core.addresses import domains_of, mailbox
from undersigned.core.audit import audit_record
from undersigned.core.models import OutgoingMail
from undersigned.core.pagecache import invalidate
from undersigned.core.safetext import defused
from undersigned.organizations.models import Organization
from undersigned.organizations.services import organization_create
from undersigned.signatures import selectors
from undersigned.signatures.models import (
    Signatory,
    SignOnRequest,
    SignOnToken,
    Supporter,
    SupporterTally,
)
from undersigned.statements.models import Statement, StatementVersion
from undersigned.statements.services import statement_version_current

logger = logging.getLogger(__name__)

Status = SignOnRequest.Status


class SignOnError(Exception):
    """A sign-on step that cannot be taken; the message is meant for the person."""

    message = _("This cannot be done.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class SignOnClosed(SignOnError):
    message = _("This statement no longer takes signatures.")


class StatementTextChanged(SignOnError):
    message = _(
        "The text of the statement changed after you opened the page. "
        "Please read it again; then send the form once more."
    )


class InvalidTransition(SignOnError):
    pass


class TokenError(SignOnError):
    """A private link that cannot be used: state is "unknown", "used" or "expired"."""

    def __init__(self, state: str, sign_on: SignOnRequest | None = None):
        self.state = state
        self.sign_on = sign_on
        super().__init__(state)


@dataclass(frozen=True)
class NewOrganization:
    """An organisation the signer proposes because the registry lacks it."""

    kind: str = Organization.Kind.NGO
    website: str = ""
    city: str = ""


def _signer_label(sign_on: SignOnRequest) -> str:
    return f"signer (request #{sign_on.pk})"


def _signer_mail(
    *,
    sign_on: SignOnRequest,
    kind: str,
    key: str = "",
    version: StatementVersion | None = None,
    capped: bool = True,
) -> OutgoingMail:
    """Mail the signer (sent once the current transaction commits); see core.outbox.mail."""
    context, tokens = _mail_context(sign_on=sign_on, kind=kind, version=version)
    return outbox.mail(
        to=sign_on.contact_email,
        template=f"signatures/emails/{kind}",
        context=context,
        language=sign_on.language,
        kind=kind,
        key=key,
        topic=f"signon:{sign_on.pk}",
        secrets=tokens,
        capped=capped,
    )


@transaction.atomic
def token_issue(
    *, sign_on: SignOnRequest, purpose: str, version: StatementVersion | None = None
) -> str:
    """Create a private link's secret; only its digest is stored."""
    token = secrets.token_urlsafe(32)
    expires_at = None
    if purpose == SignOnToken.Purpose.CONFIRM:
        expires_at = timezone.now() + timedelta(days=settings.SIGNON_TOKEN_DAYS)
    elif purpose == SignOnToken.Purpose.RECONFIRM:
        expires_at = timezone.now() + timedelta(days=settings.SIGNON_RECONFIRM_DAYS)
    SignOnToken.objects.create(
        sign_on=sign_on,
        purpose=purpose,
        digest=SignOnToken.digest_of(token),
        expires_at=expires_at,
        version=version,
    )
    return token


def _token_take(*, token: str, purpose: str) -> SignOnToken:
    """Mark a valid token used and return it (inside the caller's transaction)."""
    found = selectors.token_state(token=token, purpose=purpose, for_update=True)
    if found.state != "valid" or found.token is None:
        raise TokenError(found.state, found.sign_on)
    found.token.used_at = timezone.now()
    found.token.save(update_fields=["used_at"])
    return found.token


@transaction.atomic
def sign_on_submit(
    *,
    statement: Statement,
    version_hash: str,
    language: str,
    organization: Organization | None,
    organization_name: str,
    new_organization: NewOrganization | None = None,
    contact_name: str,
    contact_role: str,
    contact_email: str,
    contact_phone: str = "",
) -> SignOnRequest:
    """Record a sign-on for the text the signer saw and mail them a link to confirm it."""
    if not selectors.statement_sign_on_open(statement=statement):
        raise SignOnClosed()
    version = statement_version_current(statement=statement)
    if version.content_hash != version_hash:
        raise StatementTextChanged()
    proposed = new_organization if organization is None else None
    sign_on = SignOnRequest.objects.create(
        statement=statement,
        version=version,
        organization=organization,
        organization_name=organization_name.strip(),
        proposed_kind=proposed.kind if proposed else "",
        proposed_website=proposed.website if proposed else "",
        proposed_city=proposed.city if proposed else "",
        contact_name=contact_name.strip(),
        contact_role=contact_role.strip(),
        # One spelling per address, so that rate limits and "signed before" see one person.
        contact_email=contact_email.strip().lower(),
        contact_phone=contact_phone.strip(),
        declared_at=timezone.now(),
        language=language,
    )
    audit_record(
        action="signon.submit",
        actor_label=_signer_label(sign_on),
        statement=statement,
        organization=organization,
        details={"request": sign_on.pk, "version": version.number, "new": organization is None},
    )
    _signer_mail(sign_on=sign_on, kind="confirm")
    return sign_on


def sign_on_confirm(*, token: str) -> SignOnRequest:
    """Confirm the signer's address with a link's token; auto-approve where the statement says."""
    with transaction.atomic():
        record = _token_take(token=token, purpose=SignOnToken.Purpose.CONFIRM)
        sign_on = SignOnRequest.objects.select_for_update().get(pk=record.sign_on_id)
        if sign_on.status != Status.UNCONFIRMED:
            raise TokenError("used", sign_on)
        sign_on.status = Status.PENDING
        sign_on.confirmed_at = timezone.now()
        sign_on.save(update_fields=["status", "confirmed_at"])
        audit_record(
            action="signon.confirm",
            actor_label=_signer_label(sign_on),
            statement=sign_on.statement,
            organization=sign_on.organization,
            details={"request": sign_on.pk},
        )
        if _auto_approvable(sign_on):
            _approve(sign_on=sign_on, by=None)
        else:
            _link_existing_line(sign_on)
    return sign_on


def _auto_approvable(sign_on: SignOnRequest) -> bool:
    return (
        sign_on.statement.signon_auto_approve
        and sign_on.organization_id is not None
        and selectors.request_domain_match(sign_on=sign_on) == "registered"
    )


def _link_existing_line(sign_on: SignOnRequest) -> None:
    """Show the coordinator that the organisation is on the list already."""
    line = None
    if sign_on.organization_id:
        line = Signatory.objects.filter(
            statement_id=sign_on.statement_id, organization_id=sign_on.organization_id
        ).first()
    if sign_on.signatory_id != (line.pk if line else None):
        sign_on.signatory = line
        sign_on.save(update_fields=["signatory"])


def _organization_for_new(*, sign_on: SignOnRequest, by: User | None) -> Organization:
    """Return the registry record the request proposes, creating it for review if absent."""
    exact = [
        c.organization
        for c in selectors.organization_search(query=sign_on.organization_name)
        if c.exact
    ]
    if len({o.pk for o in exact}) == 1:
        return exact[0]
    return organization_create(
        name=sign_on.organization_name,
        kind=sign_on.proposed_kind or Organization.Kind.NGO,
        website=sign_on.proposed_website,
        city=sign_on.proposed_city,
        needs_review=True,
        by=by,
        reason=f"sign-on request #{sign_on.pk}",
    )


def _approve(*, sign_on: SignOnRequest, by: User | None) -> Signatory:
    # One statement's lines are written one at a time, so one organisation gets one line.
    Statement.objects.select_for_update().filter(pk=sign_on.statement_id).first()
    organization = sign_on.organization or _organization_for_new(sign_on=sign_on, by=by)
    # The unique constraint is the last word: get_or_create falls back to the existing row.
    line, created = Signatory.objects.get_or_create(
        statement_id=sign_on.statement_id,
        organization=organization,
        defaults={"version": sign_on.version},
    )
    sign_on.organization = organization
    sign_on.signatory = line
    sign_on.joined_existing = not created
    sign_on.status = Status.APPROVED
    sign_on.decided_at = timezone.now()
    sign_on.decided_by = by if by is not None and by.is_authenticated else None
    sign_on.save()
    audit_record(
        action="signon.approve",
        actor=by,
        actor_label="" if by else "auto-approval (registered email domain)",
        statement=sign_on.statement,
        organization=organization,
        details={
            "request": sign_on.pk,
            "signatory": line.pk,
            "joined_existing": not created,
            "automatic": by is None,
        },
    )
    # Approval by a coordinator is theirs to send; auto-approval follows the signer's click.
    _signer_mail(sign_on=sign_on, kind="approved", capped=by is None)
    return line


def _locked_request(sign_on: SignOnRequest, *allowed: str) -> SignOnRequest:
    locked = (
        SignOnRequest.objects.select_for_update().select_related("statement").get(pk=sign_on.pk)
    )
    if locked.status not in allowed:
        raise InvalidTransition(
            _("The request is %(status)s: this step no longer applies.")
            % {"status": locked.get_status_display().lower()}
        )
    return locked


@transaction.atomic
def sign_on_approve(*, sign_on: SignOnRequest, by: User) -> Signatory:
    """Put the request's organisation on the list, or add the request to its existing line."""
    return _approve(sign_on=_locked_request(sign_on, Status.PENDING), by=by)


@transaction.atomic
def sign_on_bulk_approve(*, sign_ons: Iterable[SignOnRequest], by: User) -> int:
    """Approve every pending request among these; return how many were approved."""
    approved = 0
    for sign_on in sign_ons:
        locked = SignOnRequest.objects.select_for_update().get(pk=sign_on.pk)
        # Another coordinator may have decided some of them meanwhile: those are left alone.
        if locked.status == Status.PENDING:
            _approve(sign_on=locked, by=by)
            approved += 1
    return approved


@transaction.atomic
def sign_on_reject(
    *, sign_on: SignOnRequest, by: User, reason: str, notify: bool = False
) -> SignOnRequest:
    """Turn a request down with a reason, telling the signer by mail if asked to."""
    sign_on = _locked_request(sign_on, Status.UNCONFIRMED, Status.PENDING)
    sign_on.status = Status.REJECTED
    sign_on.reason = reason.strip()
    sign_on.signatory = None
    sign_on.decided_at = timezone.now()
    sign_on.decided_by = by
    sign_on.save()
    audit_record(
        action="signon.reject",
        actor=by,
        statement=sign_on.statement,
        organization=sign_on.organization,
        details={"request": sign_on.pk, "reason": sign_on.reason, "notified": notify},
    )
    if notify and sign_on.contact_email:
        _signer_mail(sign_on=sign_on, kind="rejected", capped=False)
    return sign_on


@transaction.atomic
def sign_on_attach(
    *, sign_on: SignOnRequest, organization: Organization, by: User
) -> SignOnRequest:
    """Make the request stand for an organisation already in the registry."""
    sign_on = _locked_request(sign_on, Status.UNCONFIRMED, Status.PENDING)
    previous = sign_on.organization_id
    sign_on.organization = organization
    sign_on.save(update_fields=["organization"])
    if sign_on.status == Status.PENDING:
        _link_existing_line(sign_on)
    audit_record(
        action="signon.attach",
        actor=by,
        statement=sign_on.statement,
        organization=organization,
        details={
            "request": sign_on.pk,
            "name_given": sign_on.organization_name,
            "previous_organization": previous,
        },
    )
    return sign_on


def _line_remove(
    *,
    line: Signatory,
    by: User | None,
    actor_label: str,
    action: str,
    reason: str,
    request_id: int | None = None,
) -> None:
    """Take an organisation off the list; the requests that stood for it become withdrawn."""
    now = timezone.now()
    line.sign_on_requests.filter(status=Status.APPROVED).update(
        status=Status.WITHDRAWN, reason=reason, decided_at=now, decided_by=by, signatory=None
    )
    line.sign_on_requests.update(signatory=None)
    audit_record(
        action=action,
        actor=by,
        actor_label=actor_label,
        statement=line.statement,
        organization=line.organization,
        details={"signatory": line.pk, "reason": reason, "request": request_id},
    )
    line.delete()


def sign_on_withdraw(*, token: str) -> SignOnRequest:
    """Withdraw with the signer's private link: the request, and the line if it was approved."""
    with transaction.atomic():
        record = _token_take(token=token, purpose=SignOnToken.Purpose.WITHDRAW)
        sign_on = SignOnRequest.objects.select_for_update().get(pk=record.sign_on_id)
        if sign_on.status in (Status.REJECTED, Status.WITHDRAWN):
            raise TokenError("used", sign_on)
        reason = str(_("withdrawn by the signer"))
        if sign_on.status == Status.APPROVED and sign_on.signatory is not None:
            _line_remove(
                line=sign_on.signatory,
                by=None,
                actor_label=_signer_label(sign_on),
                action="signon.withdraw",
                reason=reason,
                request_id=sign_on.pk,
            )
            sign_on.refresh_from_db()
        else:
            sign_on.status = Status.WITHDRAWN
            sign_on.signatory = None
            sign_on.reason = reason
            sign_on.decided_at = timezone.now()
            sign_on.save()
            audit_record(
                action="signon.withdraw",
                actor_label=_signer_label(sign_on),
                statement=sign_on.statement,
                organization=sign_on.organization,
                details={"request": sign_on.pk},
            )
    return sign_on


@transaction.atomic
def signatory_remove(*, signatory: Signatory, by: User, reason: str) -> None:
    """Take an organisation off a statement's list, with the coordinator's reason."""
    if not reason.strip():
        raise InvalidTransition(_("Give a reason for removing a signatory."))
    _line_remove(
        line=signatory,
        by=by,
        actor_label="",
        action="signatory.remove",
        reason=reason.strip(),
    )


@transaction.atomic
def sign_on_erase_contact(*, sign_on: SignOnRequest, by: User | None) -> None:
    """Erase the signer's contact data and the mail sent to them; the signature stays."""
    for field in ("contact_name", "contact_role", "contact_email", "contact_phone"):
        setattr(sign_on, field, "")
    sign_on.contact_erased_at = timezone.now()
    sign_on.save(
        update_fields=[
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
            "contact_erased_at",
        ]
    )
    outbox.mails_erase(topics=[f"signon:{sign_on.pk}"])
    audit_record(
        action="signon.erase",
        actor=by,
        statement=sign_on.statement,
        organization=sign_on.organization,
        details={"request": sign_on.pk},
    )


@transaction.atomic
def signer_erase(*, email: str, by: User | None) -> int:
    """Erase the contact data of every request made with this address; return how many."""
    sign_ons = list(
        SignOnRequest.objects.filter(contact_email=email.strip().lower()).select_related(
            "statement", "organization"
        )
    )
    for sign_on in sign_ons:
        sign_on_erase_contact(sign_on=sign_on, by=by)
    outbox.mails_erase(to=email.strip())
    return len(sign_ons)


@transaction.atomic
def statement_auto_approve_set(*, statement: Statement, enabled: bool, by: User) -> None:
    """Turn auto-approval of registered email domains on or off for a statement."""
    Statement.objects.filter(pk=statement.pk).update(signon_auto_approve=enabled)
    statement.signon_auto_approve = enabled
    audit_record(
        action="statement.signon_auto_approve",
        actor=by,
        statement=statement,
        details={"enabled": enabled},
    )


@transaction.atomic
def sign_on_resend(*, email: str) -> OutgoingMail | None:
    """Mail one message with a new link for each recent unconfirmed sign-on from this mailbox.

    Only requests made within SIGNON_TOKEN_DAYS count, and of several for one statement only
    the newest: however many sign-ons an address has, one click sends one mail.
    """
    recent = timezone.now() - timedelta(days=settings.SIGNON_TOKEN_DAYS)
    wanted = mailbox(email)
    newest: dict[int, SignOnRequest] = {}
    candidates = SignOnRequest.objects.filter(
        status=Status.UNCONFIRMED, declared_at__gte=recent, contact_email__gt=""
    ).select_related("statement")
    same_domain = Q()
    for domain in domains_of(wanted):
        same_domain |= Q(contact_email__iendswith=f"@{domain}")
    # The mailbox of each address is compared, so v+1@ asks for v@'s links too, sent to v@.
    for sign_on in candidates.filter(same_domain).order_by("-declared_at", "-pk"):
        if mailbox(sign_on.contact_email) == wanted:
            newest.setdefault(sign_on.statement_id, sign_on)
    if not newest:
        return None
    sign_ons = list(newest.values())
    if len(sign_ons) == 1:
        return _signer_mail(sign_on=sign_ons[0], kind="confirm")
    links = []
    tokens: list[str] = []
    for sign_on in sign_ons:
        context, issued = _mail_context(sign_on=sign_on, kind="confirm")
        links.append(context)
        tokens += issued
    first = sign_ons[0]
    return outbox.mail(
        to=first.contact_email,
        template="signatures/emails/confirm_many",
        context={
            "links": links,
            "language": first.language,
            "token_days": settings.SIGNON_TOKEN_DAYS,
        },
        language=first.language,
        kind="confirm_many",
        topic=f"signon:{first.pk}",
        secrets=tokens,
    )


@transaction.atomic
def sign_on_resend_for_token(*, token: str) -> SignOnRequest | None:
    """Mail a new confirmation link for the request an expired or used link belonged to."""
    found = selectors.token_state(token=token, purpose=SignOnToken.Purpose.CONFIRM)
    sign_on = found.sign_on
    if sign_on is None or sign_on.status != Status.UNCONFIRMED or not sign_on.contact_email:
        return None
    _signer_mail(sign_on=sign_on, kind="confirm")
    return sign_on


# Mail.


def _absolute(name: str, token: str) -> str:
    return settings.SITE_URL + reverse(name, kwargs={"token": token})


def _version_url(version: StatementVersion, slug: str) -> str:
    return settings.SITE_URL + reverse(
        "statements:version", kwargs={"slug": slug, "number": version.number}
    )


def _statement_context(statement: Statement, language: str) -> dict:
    with translation.override(language):
        text_shown = statement.translation(language)
        return {
            "statement_title": text_shown.title if text_shown else statement.slug,
            "statement_url": settings.SITE_URL + statement.get_absolute_url(),
        }


def _mail_context(
    *, sign_on: SignOnRequest, kind: str, version: StatementVersion | None = None
) -> tuple[dict, list[str]]:
    """Return a signer's mail's context, issuing its private links, and the links' secrets.

    Names the signer typed are shown as plain text no mail program makes a link of.
    """
    tokens: list[str] = []
    context: dict = {
        "sign_on": sign_on,
        "contact_name": defused(sign_on.contact_name),
        "organization_name": defused(sign_on.display_name),
        "language": sign_on.language,
        "token_days": settings.SIGNON_TOKEN_DAYS,
        "reconfirm_days": settings.SIGNON_RECONFIRM_DAYS,
        **_statement_context(sign_on.statement, sign_on.language),
    }
    with translation.override(sign_on.language):
        if version is not None:
            signed = selectors.sign_on_signed_version(sign_on=sign_on)
            context["version"] = version
            context["version_url"] = _version_url(version, sign_on.statement.slug)
            context["signed_number"] = signed.number if signed else None
        if kind == "confirm":
            confirm = token_issue(sign_on=sign_on, purpose=SignOnToken.Purpose.CONFIRM)
            context["confirm_url"] = _absolute("signatures:confirm", confirm)
            tokens.append(confirm)
        if kind == "reconfirm":
            reconfirm = token_issue(
                sign_on=sign_on, purpose=SignOnToken.Purpose.RECONFIRM, version=version
            )
            context["reconfirm_url"] = _absolute("signatures:reconfirm", reconfirm)
            tokens.append(reconfirm)
        if kind in ("confirm", "approved", "version_changed", "reconfirm"):
            withdraw = token_issue(sign_on=sign_on, purpose=SignOnToken.Purpose.WITHDRAW)
            context["withdraw_url"] = _absolute("signatures:withdraw", withdraw)
            tokens.append(withdraw)
    return context, tokens


# Versioned text.


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
    if selectors.statement_version_of_text(statement=statement) is not None:
        return None
    version = statement_version_current(statement=statement, by=by)
    audit_record(
        action="statement.version",
        actor=by,
        actor_label="" if by else "text edited",
        statement=statement,
        details={"version": version.number},
    )
    invalidate(f"statement:{statement.slug}")
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
        current = selectors.statement_version_of_text(statement=version.statement)
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
        current = selectors.statement_version_of_text(statement=version.statement)
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


# Individual supporters.
#
# A rush of supporters (the UK Parliament's petitions site saw thousands a minute in 2019) must
# not queue on one row. A sign-up inserts its own row (one email, one row per statement, by a
# unique constraint); a confirmation updates that row alone; nothing counts per request. The
# count readers see lives in SupporterTally, one row per statement that only the batch writes:
# supporter_tally_update() marks the confirmed rows not yet counted and adds their number, in
# one transaction, at most once every SUPPORTERS_COUNT_SECONDS per statement (a queued task that
# the first confirmation of each period books). So the page is exact within a few seconds, no
# confirmation waits for another, and the statement's cached page is invalidated once a batch,
# not once a sign-up.
#
# Load tests drive the flow as a person does: GET the support form (CSRF cookie and token),
# POST it, then read the link from the mail, through an SMTP sink (EMAIL_URL=smtp://127.0.0.1:PORT)
# or, with console mail, from the staff copy in core's OutgoingMail (MAIL_FULL_COPIES keeps its
# links); GET the link's page and POST its form. No shortcut exists that skips the mail.


class SupportClosed(SignOnError):
    message = _("This statement does not take supporters.")


class SupportTokenError(SignOnError):
    """A supporter's link that cannot be used: state is "unknown", "used" or "expired"."""

    def __init__(self, state: str, supporter: Supporter | None = None):
        self.state = state
        self.supporter = supporter
        super().__init__(state)


def _supporter_confirm_token(supporter: Supporter) -> str:
    """Return the supporter's confirmation link's token: the same each time it is mailed.

    Derived from the row (with the secret key), not drawn at random: a second sign-up with the
    address, by its owner or by anyone else, mails the same link again and never replaces the
    one the owner may be about to click.
    """
    value = f"{supporter.pk}:{supporter.created_at.isoformat()}"
    digest = salted_hmac("undersigned.supporter-confirm", value, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _supporter_mail(*, supporter: Supporter, kind: str) -> OutgoingMail:
    """Mail a supporter their link, or the reminder that their support counts."""
    context: dict = {
        "supporter": supporter,
        "supporter_name": defused(supporter.name),
        "language": supporter.language,
        "token_days": settings.SIGNON_TOKEN_DAYS,
        **_statement_context(supporter.statement, supporter.language),
    }
    tokens: list[str] = []
    if kind == "support_confirm":
        token = _supporter_confirm_token(supporter)
        # The link's digest lives on the supporter's own row: issuing it touches nothing else.
        Supporter.objects.filter(pk=supporter.pk, confirmed_at__isnull=True).update(
            confirm_digest=SignOnToken.digest_of(token),
            confirm_expires_at=timezone.now() + timedelta(days=settings.SIGNON_TOKEN_DAYS),
        )
        context["confirm_url"] = _absolute("signatures:support_confirm", token)
        tokens.append(token)
    return outbox.mail(
        to=supporter.email,
        template=f"signatures/emails/{kind}",
        context=context,
        language=supporter.language,
        kind=kind,
        topic=f"supporter:{supporter.pk}",
        secrets=tokens,
    )


@transaction.atomic
def supporter_sign_up(
    *,
    statement: Statement,
    name: str,
    place: str,
    email: str,
    show_name: bool,
    language: str,
) -> OutgoingMail:
    """Record a support awaiting confirmation and mail its link; return the mail's record.

    One support per mailbox (core/addresses.py: v@, V@ and v+1@ are one) and statement. A
    second sign-up for the mailbox changes nothing recorded: it mails the same link again to
    the address first given (or, once confirmed, a reminder that the support counts), so
    nobody can replace a waiting supporter's name or link with theirs. It never fails, and
    returns nothing that tells the two apart.
    """
    if not selectors.statement_support_open(statement=statement):
        raise SupportClosed()
    email = email.strip().lower()
    details = {
        "name": name.strip(),
        "place": place.strip(),
        "show_name": show_name,
        "language": language,
    }
    # The unique constraint decides between simultaneous sign-ups; the losers find the winner.
    Supporter.objects.bulk_create(
        [Supporter(statement=statement, email=email, mailbox=mailbox(email), **details)],
        ignore_conflicts=True,
    )
    supporter = Supporter.objects.select_related("statement").get(
        statement=statement, mailbox=mailbox(email)
    )
    kind = "support_confirm" if supporter.confirmed_at is None else "support_already"
    return _supporter_mail(supporter=supporter, kind=kind)


def supporter_confirm(*, token: str) -> Supporter:
    """Confirm a support with its link's token: one UPDATE of one row, no shared row touched."""
    digest = SignOnToken.digest_of(token)
    now = timezone.now()
    confirmed = Supporter.objects.filter(
        confirm_digest=digest, confirmed_at__isnull=True, confirm_expires_at__gt=now
    ).update(confirmed_at=now)
    found = selectors.supporter_token_state(token=token)
    if not confirmed or found.supporter is None:
        raise SupportTokenError(found.state if found.state != "valid" else "used", found.supporter)
    _supporter_tally_soon(statement_id=found.supporter.statement_id)
    return found.supporter


def _supporter_tally_soon(*, statement_id: int) -> None:
    """Book the count's batch at the end of this period, unless a confirmation booked it."""
    from undersigned.signatures.tasks import supporter_tally_task

    period = settings.SUPPORTERS_COUNT_SECONDS
    if not cache.add(f"supporters:tally-clock:{statement_id}", 1, timeout=period):
        return
    task = supporter_tally_task
    if task.get_backend().supports_defer:
        # A second after the clock runs out: every confirmation that saw it running is counted.
        task = task.using(run_after=timezone.now() + timedelta(seconds=period + 1))
    transaction.on_commit(partial(task.enqueue, statement_id=statement_id))


@transaction.atomic
def supporter_tally_update(*, statement_id: int) -> int:
    """Add the confirmed supporters not yet counted to the statement's count; return how many.

    Batches of one statement take turns on its tally row; each supporter row is marked counted
    in the same transaction that adds it, so it is counted exactly once.
    """
    SupporterTally.objects.bulk_create(
        [SupporterTally(statement_id=statement_id)], ignore_conflicts=True
    )
    SupporterTally.objects.select_for_update().get(statement_id=statement_id)
    now = timezone.now()
    added = Supporter.objects.filter(
        statement_id=statement_id, confirmed_at__isnull=False, counted_at__isnull=True
    ).update(counted_at=now)
    if added:
        SupporterTally.objects.filter(statement_id=statement_id).update(
            count=F("count") + added, updated_at=now
        )
        slug = Statement.objects.filter(pk=statement_id).values_list("slug", flat=True).first()
        invalidate(f"statement:{slug}", f"supporters:{slug}")
    return added


@transaction.atomic
def supporters_hide(*, supporters: Iterable[Supporter], by: User) -> int:
    """Take names off the public list of supporters (moderation); they still count."""
    ids = [supporter.pk for supporter in supporters]
    hidden = Supporter.objects.filter(pk__in=ids, show_name=True)
    rows = list(hidden.values_list("statement_id", "statement__slug").distinct())
    count = hidden.update(show_name=False)
    for statement_id, slug in rows:
        audit_record(
            action="supporters.hide",
            actor=by,
            statement=Statement.objects.get(pk=statement_id),
            details={"supporters": ids},
        )
        invalidate(f"supporters:{slug}")
    return count


def supporter_tallies_update() -> dict[int, int]:
    """Count every statement's waiting confirmations (the command and a missed batch use it)."""
    waiting = (
        Supporter.objects.filter(confirmed_at__isnull=False, counted_at__isnull=True)
        .values_list("statement_id", flat=True)
        .distinct()
    )
    return {
        statement_id: supporter_tally_update(statement_id=statement_id)
        for statement_id in list(waiting)
    }
