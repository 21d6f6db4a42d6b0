"""Writes for individual supporters: sign up, confirm by mail, hide; the batched count.

Their mail goes out through the sign-on mail path (signatures.services).
"""

import base64
import uuid
from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from undersigned.core.audit import audit_record
from undersigned.core.pagecache import invalidate
from undersigned.signatures import selectors
from undersigned.signatures.models import SignOnToken, Supporter, SupporterTally
from undersigned.signatures.services import (
    SignOnError,
    _absolute,
    _already_sent,
    _outbound_send,
    _render_mail,
)
from undersigned.statements.models import Statement

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
# or, with console mail, from the staff copy in OutboundEmail (SIGNON_MAIL_FULL_COPIES keeps its
# links); GET the link's page and POST its form. No shortcut exists that skips the mail.


class SupportClosed(SignOnError):
    message = _("This statement does not take supporters.")


class SupportTokenError(SignOnError):
    """A supporter's link that cannot be used: state is "unknown", "used" or "expired"."""

    def __init__(self, state: str, supporter: Supporter | None = None):
        self.state = state
        self.supporter = supporter
        super().__init__(state)


SUPPORT_MAIL_KINDS = ("support_confirm", "support_already")


def _supporter_mail_later(*, supporter_id: int, kind: str) -> None:
    from undersigned.signatures.tasks import supporter_mail_send

    transaction.on_commit(
        partial(
            supporter_mail_send.enqueue,
            supporter_id=supporter_id,
            kind=kind,
            key=uuid.uuid4().hex,
        )
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
) -> None:
    """Record a support awaiting confirmation and mail its link.

    A second sign-up with the same address mails a new link (or, once confirmed, a reminder
    that the support counts): it never fails, and returns nothing that tells the two apart.
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
        [Supporter(statement=statement, email=email, **details)], ignore_conflicts=True
    )
    supporter = Supporter.objects.get(statement=statement, email=email)
    if supporter.confirmed_at is None:
        # Until the address is confirmed, the latest details are the ones to confirm; a row
        # just inserted has them already, and a rush of new addresses is spared the write.
        if any(getattr(supporter, name) != value for name, value in details.items()):
            Supporter.objects.filter(pk=supporter.pk, confirmed_at__isnull=True).update(**details)
        kind = "support_confirm"
    else:
        kind = "support_already"
    _supporter_mail_later(supporter_id=supporter.pk, kind=kind)


def _supporter_confirm_token(key: str) -> str:
    """Return the confirmation link's token for the mail with this key.

    Derived from the key (with the secret key), not drawn at random: a mail sent again after a
    crash (see _outbound_send) carries the same link as the first copy, so whichever copy the
    supporter opens works.
    """
    digest = salted_hmac("undersigned.supporter-confirm", key, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _supporter_mail_compose(
    *, supporter: Supporter, kind: str, key: str | None = None
) -> tuple[EmailMultiAlternatives, list[str]]:
    tokens: list[str] = []
    context: dict = {
        "supporter": supporter,
        "site_name": settings.SITE_NAME,
        "token_days": settings.SIGNON_TOKEN_DAYS,
    }
    with translation.override(supporter.language):
        text_shown = supporter.statement.translation(supporter.language)
        context["statement_title"] = text_shown.title if text_shown else supporter.statement.slug
        context["statement_url"] = settings.SITE_URL + supporter.statement.get_absolute_url()
        if kind == "support_confirm":
            token = _supporter_confirm_token(key or uuid.uuid4().hex)
            # The link's digest lives on the supporter's own row: issuing it touches nothing else.
            Supporter.objects.filter(pk=supporter.pk, confirmed_at__isnull=True).update(
                confirm_digest=SignOnToken.digest_of(token),
                confirm_expires_at=timezone.now() + timedelta(days=settings.SIGNON_TOKEN_DAYS),
            )
            context["confirm_url"] = _absolute("signatures:support_confirm", token)
            tokens.append(token)
        message = _render_mail(
            prefix="signatures/emails",
            kind=kind,
            context=context,
            to=supporter.email,
            language=supporter.language,
        )
    return message, tokens


def supporter_mail_deliver(*, supporter_id: int, kind: str, key: str) -> str:
    """Send one mail to a supporter once, however often it is asked."""
    if kind not in SUPPORT_MAIL_KINDS:
        raise ValueError(f"Unknown supporter mail {kind!r}.")
    if _already_sent(key):
        return "already sent"
    supporter = Supporter.objects.select_related("statement").filter(pk=supporter_id).first()
    if supporter is None or not supporter.email:
        return "no recipient"
    if kind == "support_confirm" and supporter.confirmed_at is not None:
        return "no longer needed"
    return _outbound_send(
        key=key,
        kind=kind,
        compose=lambda: _supporter_mail_compose(supporter=supporter, kind=kind, key=key),
        language=supporter.language,
        supporter=supporter,
    )


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
