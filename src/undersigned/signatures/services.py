"""Writes for sign-on: submit, confirm, approve, reject, attach, withdraw, remove, erase, mail.

Views, admin actions and tasks all call these. Each state change leaves an audit entry; none
of them records contact data, so erasing a signer's contact data leaves the log intact.
"""

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from undersigned.core import outbox
from undersigned.core.addresses import domains_of, mailbox
from undersigned.core.audit import audit_record
from undersigned.core.models import OutgoingMail
from undersigned.core.safetext import defused
from undersigned.organizations import selectors as org_selectors
from undersigned.organizations.models import Organization
from undersigned.organizations.services import organization_create
from undersigned.signatures import selectors
from undersigned.signatures.models import (
    Signatory,
    SignOnRequest,
    SignOnToken,
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


def _signer_mail(
    *,
    sign_on: SignOnRequest,
    kind: str,
    key: str = "",
    version: StatementVersion | None = None,
    capped: bool = True,
    extra: dict | None = None,
) -> OutgoingMail:
    """Mail the signer (sent once the current transaction commits); see core.outbox.mail."""
    context, tokens = _mail_context(sign_on=sign_on, kind=kind, version=version)
    context.update(extra or {})
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
    repeat = organization is not None and selectors.organization_has_signed(
        statement=statement, organization=organization
    )
    if repeat:
        assert organization is not None
        same = _repeat_notify(statement=statement, organization=organization, email=contact_email)
        if same is not None:
            # The organisation's own contact signing again: nothing new to record.
            return same
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
        details={
            "request": sign_on.pk,
            "version": version.number,
            "new": organization is None,
            "repeat": repeat,
        },
    )
    _signer_mail(sign_on=sign_on, kind="confirm")
    return sign_on


def _repeat_notify(
    *, statement: Statement, organization: Organization, email: str
) -> SignOnRequest | None:
    """Offer the organisation's known contacts the withdrawal link, when someone signs again.

    Only contacts whose address was confirmed are mailed, never the address just typed unless
    it is one of them; each at most once a day (the mail's key) and within the per-recipient
    cap, so nobody can make the site mail a stranger again and again. Return the contact's own
    request when the address typed is one of them.
    """
    typed = mailbox(email)
    same = None
    today = timezone.localdate().isoformat()
    for contact in selectors.organization_known_contacts(
        statement=statement, organization=organization
    ):
        if mailbox(contact.contact_email) == typed:
            same = contact
        key = f"repeat:{contact.pk}:{today}"
        if not outbox.mail_exists(key=key):
            _signer_mail(sign_on=contact, kind="repeat", key=key)
    audit_record(
        action="signon.repeat",
        actor_label="signer (form)",
        statement=statement,
        organization=organization,
        details={"same_contact": same.pk if same else None},
    )
    return same


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
        was_on_list = sign_on.status == Status.APPROVED and sign_on.signatory is not None
        colleagues: list[SignOnRequest] = []
        if was_on_list:
            assert sign_on.signatory is not None
            colleagues = list(
                sign_on.signatory.sign_on_requests.filter(status=Status.APPROVED)
                .exclude(pk=sign_on.pk)
                .exclude(contact_email="")
            )
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
        # The receipt, and word to the colleagues whose line went with it.
        extra = {"was_on_list": was_on_list, "withdrawn_on": timezone.localdate()}
        if sign_on.contact_email:
            _signer_mail(
                sign_on=sign_on,
                kind="withdrawn",
                key=f"withdrawn:{sign_on.pk}",
                capped=False,
                extra=extra,
            )
        for colleague in colleagues:
            colleague.refresh_from_db()
            _signer_mail(
                sign_on=colleague,
                kind="withdrawn",
                key=f"withdrawn:{colleague.pk}",
                capped=False,
                extra={**extra, "by_colleague": True},
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
        if kind in ("confirm", "approved", "version_changed", "reconfirm", "repeat"):
            withdraw = token_issue(sign_on=sign_on, purpose=SignOnToken.Purpose.WITHDRAW)
            context["withdraw_url"] = _absolute("signatures:withdraw", withdraw)
            tokens.append(withdraw)
    return context, tokens
