"""Writes for sign-on: submit, confirm, approve, reject, attach, withdraw, remove, erase, mail.

Views, admin actions and tasks all call these. Each state change leaves an audit entry; none
of them records contact data, so erasing a signer's contact data leaves the log intact.
"""

import logging
import secrets
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from undersigned.core.audit import audit_record
from undersigned.core.messageid import message_id_for
from undersigned.organizations import selectors as org_selectors
from undersigned.organizations.models import Organization
from undersigned.organizations.services import organization_create
from undersigned.signatures import selectors
from undersigned.signatures.mailheaders import SiteMail
from undersigned.signatures.models import (
    OutboundEmail,
    Signatory,
    SignOnRequest,
    SignOnToken,
    Supporter,
)
from undersigned.statements.models import Statement, StatementVersion
from undersigned.statements.versions import statement_version_current

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


def _mail_later(
    *, sign_on: SignOnRequest, kind: str, key: str = "", version_id: int | None = None
) -> None:
    """Send a mail to the signer once the current transaction commits."""
    from undersigned.signatures.tasks import sign_on_mail_send

    arguments: dict = {"sign_on_id": sign_on.pk, "kind": kind, "key": key or uuid.uuid4().hex}
    if version_id is not None:
        arguments["version_id"] = version_id
    transaction.on_commit(partial(sign_on_mail_send.enqueue, **arguments))


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
    _mail_later(sign_on=sign_on, kind="confirm")
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
        for c in org_selectors.organization_search(query=sign_on.organization_name)
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
    _mail_later(sign_on=sign_on, kind="approved")
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
        _mail_later(sign_on=sign_on, kind="rejected")
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
    OutboundEmail.objects.filter(sign_on=sign_on).delete()
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
def sign_on_resend(*, email: str) -> int:
    """Mail a new confirmation link for each unconfirmed request from this address."""
    sign_ons = list(
        SignOnRequest.objects.filter(contact_email=email.strip().lower(), status=Status.UNCONFIRMED)
    )
    for sign_on in sign_ons:
        _mail_later(sign_on=sign_on, kind="confirm")
    return len(sign_ons)


@transaction.atomic
def sign_on_resend_for_token(*, token: str) -> SignOnRequest | None:
    """Mail a new confirmation link for the request an expired or used link belonged to."""
    found = selectors.token_state(token=token, purpose=SignOnToken.Purpose.CONFIRM)
    sign_on = found.sign_on
    if sign_on is None or sign_on.status != Status.UNCONFIRMED or not sign_on.contact_email:
        return None
    _mail_later(sign_on=sign_on, kind="confirm")
    return sign_on


# Mail.

MAIL_KINDS = ("confirm", "approved", "rejected", "version_changed", "reconfirm")
_REDACTED = "[private link hidden]"


def _absolute(name: str, token: str) -> str:
    return settings.SITE_URL + reverse(name, kwargs={"token": token})


def _version_url(version: StatementVersion, slug: str) -> str:
    return settings.SITE_URL + reverse(
        "statements:version", kwargs={"slug": slug, "number": version.number}
    )


def _render_mail(
    *, prefix: str, kind: str, context: dict, to: str, language: str
) -> EmailMultiAlternatives:
    """Render a mail's subject, text and HTML parts (in the active language)."""
    subject = " ".join(render_to_string(f"{prefix}/{kind}_subject.txt", context).split())
    message = SiteMail(
        subject=subject,
        body=render_to_string(f"{prefix}/{kind}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Auto-Submitted": "auto-generated", "Content-Language": language},
    )
    message.attach_alternative(render_to_string(f"{prefix}/{kind}.html", context), "text/html")
    return message


def _mail_compose(
    *, sign_on: SignOnRequest, kind: str, version: StatementVersion | None = None
) -> tuple[EmailMultiAlternatives, list[str]]:
    """Render a mail in the signer's language; return it and the secrets it carries."""
    tokens: list[str] = []
    context: dict = {
        "sign_on": sign_on,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "token_days": settings.SIGNON_TOKEN_DAYS,
        "reconfirm_days": settings.SIGNON_RECONFIRM_DAYS,
    }
    with translation.override(sign_on.language):
        text_shown = sign_on.statement.translation(sign_on.language)
        context["statement_title"] = text_shown.title if text_shown else sign_on.statement.slug
        context["statement_url"] = settings.SITE_URL + sign_on.statement.get_absolute_url()
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
        message = _render_mail(
            prefix="signatures/emails",
            kind=kind,
            context=context,
            to=sign_on.contact_email,
            language=sign_on.language,
        )
    return message, tokens


def _redact(text: str, tokens: list[str]) -> str:
    if settings.SIGNON_MAIL_FULL_COPIES:
        return text
    for token in tokens:
        text = text.replace(token, _REDACTED)
    return text


def _already_sent(key: str) -> bool:
    """Return whether the mail of this key went out (SENT: the server took it)."""
    return OutboundEmail.objects.filter(key=key, status=OutboundEmail.Status.SENT).exists()


def _outbound_send(
    *,
    key: str,
    kind: str,
    compose: Callable[[], tuple[EmailMultiAlternatives, list[str]]],
    language: str,
    sign_on: SignOnRequest | None = None,
    supporter: Supporter | None = None,
) -> str:
    """Send a composed mail, keeping its delivery state and a copy (secrets hidden) for staff.

    The attempt is recorded as SENDING, and committed (the worker runs tasks outside any
    transaction), before the message goes to the server, and SENT right after the server took
    it: a run of the same key that finds SENT sends nothing. One window stays open: a worker
    that dies after the server took the message and before SENT is saved leaves SENDING, and
    the task, requeued, sends the mail again. That copy carries the same Message-ID, derived
    from the key, so servers and mail programs that collapse duplicates show it once. Its
    private links are new ones: a signer's earlier links keep working beside them, but a
    supporter's confirmation link is replaced (one link per supporter).
    """
    message, tokens = compose()
    message.extra_headers["Message-ID"] = message_id_for(key)
    html = str(message.alternatives[0][0])
    before = OutboundEmail.objects.filter(key=key).values_list("status", flat=True).first()
    if before == OutboundEmail.Status.SENDING:
        logger.warning(
            "Mail key=%s is sent again: an earlier attempt stopped without a verdict and may "
            "have gone out (the same Message-ID).",
            key,
        )
    outbound, _created = OutboundEmail.objects.update_or_create(
        key=key,
        defaults={
            "kind": kind,
            "sign_on": sign_on,
            "supporter": supporter,
            "to": message.to[0],
            "subject": str(message.subject),
            "body_text": _redact(str(message.body), tokens),
            "body_html": _redact(html, tokens),
            "language": language,
            "status": OutboundEmail.Status.SENDING,
        },
    )
    outbound.attempts += 1
    outbound.save(update_fields=["attempts"])
    try:
        message.send(using="default")
    except Exception as error:
        outbound.status = OutboundEmail.Status.FAILED
        outbound.last_error = f"{type(error).__name__}: {error}"
        outbound.save(update_fields=["status", "last_error", "attempts"])
        raise
    outbound.status = OutboundEmail.Status.SENT
    outbound.sent_at = timezone.now()
    outbound.last_error = ""
    outbound.save(update_fields=["status", "sent_at", "last_error", "attempts"])
    return "sent"


def sign_on_mail_deliver(
    *, sign_on_id: int, kind: str, key: str, version_id: int | None = None
) -> str:
    """Send one mail to a signer once, however often it is asked; keep a copy for staff."""
    if kind not in MAIL_KINDS:
        raise ValueError(f"Unknown sign-on mail {kind!r}.")
    if _already_sent(key):
        return "already sent"
    sign_on = (
        SignOnRequest.objects.select_related("statement", "organization", "signatory__version")
        .filter(pk=sign_on_id)
        .first()
    )
    if sign_on is None or not sign_on.contact_email:
        return "no recipient"
    if kind == "confirm" and sign_on.status != Status.UNCONFIRMED:
        return "no longer needed"
    version = None
    if kind in ("version_changed", "reconfirm"):
        if version_id is None:
            raise ValueError(f"A {kind!r} mail needs the version it tells of.")
        version = StatementVersion.objects.filter(pk=version_id).first()
        if version is None or not selectors.sign_on_needs_version_mail(
            sign_on=sign_on, version=version, kind=kind
        ):
            return "no longer needed"
    return _outbound_send(
        key=key,
        kind=kind,
        compose=lambda: _mail_compose(sign_on=sign_on, kind=kind, version=version),
        language=sign_on.language,
        sign_on=sign_on,
    )
