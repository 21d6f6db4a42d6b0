"""Writes for individual supporters: sign up, confirm by mail, hide; the batched count.

Their mail goes out through the site's one mail path (core.outbox).
"""

import base64
from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from undersigned.core import outbox
from undersigned.core.addresses import mailbox
from undersigned.core.audit import audit_record
from undersigned.core.models import OutgoingMail
from undersigned.core.pagecache import invalidate
from undersigned.core.safetext import defused
from undersigned.signatures import selectors
from undersigned.signatures.models import SignOnToken, Supporter, SupporterTally
from undersigned.signatures.services import SignOnError, _absolute, _statement_context
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


WITHDRAW_SALT = "undersigned.supporter-withdraw"


def supporter_withdraw_token(supporter: Supporter) -> str:
    """Return the supporter's withdrawal link's token: their row's number, signed.

    Nothing is stored: the row is the link's state, and a withdrawal deletes it, so the link
    works once. Row numbers are never reused (AUTOINCREMENT on SQLite, a sequence on PostgreSQL).
    """
    return signing.Signer(salt=WITHDRAW_SALT).sign(str(supporter.pk))


def supporter_from_withdraw_token(token: str) -> Supporter | None:
    """Return the supporter a withdrawal link stands for, or None (forged, or withdrawn)."""
    try:
        value = signing.Signer(salt=WITHDRAW_SALT).unsign(token)
    except signing.BadSignature:
        return None
    if not value.isdigit() or len(value) > 18:
        return None
    return selectors.supporter_for_withdrawal(supporter_id=int(value))


def _supporter_mail(
    *, supporter: Supporter, kind: str, forget_recipient: bool = False, extra: dict | None = None
) -> OutgoingMail:
    """Mail a supporter their link, the reminder that their support counts, or a receipt."""
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
    if kind in ("support_confirm", "support_already"):
        withdraw = supporter_withdraw_token(supporter)
        with translation.override(supporter.language):
            context["withdraw_url"] = _absolute("signatures:support_withdraw", withdraw)
        tokens.append(withdraw)
    context.update(extra or {})
    return outbox.mail(
        to=supporter.email,
        template=f"signatures/emails/{kind}",
        context=context,
        language=supporter.language,
        kind=kind,
        topic=f"supporter:{supporter.pk}",
        secrets=tokens,
        # A receipt of what the owner of the address just did: not held back by the cap.
        capped=kind != "support_withdrawn",
        forget_recipient=forget_recipient,
    )


def supporter_withdraw(*, token: str) -> Supporter:
    """Withdraw a support with the link from the supporter's mail; return the deleted row.

    The count loses it (under the tally's lock, as the batch counts), the row and the mail
    sent to it are deleted, and a receipt goes out that forgets the address once sent. The
    audit log keeps that a supporter withdrew, without name or address.
    """
    found = supporter_from_withdraw_token(token)
    if found is None:
        raise SupportTokenError("unknown")
    with transaction.atomic():
        SupporterTally.objects.bulk_create(
            [SupporterTally(statement_id=found.statement_id)], ignore_conflicts=True
        )
        SupporterTally.objects.select_for_update().get(statement_id=found.statement_id)
        supporter = (
            Supporter.objects.select_for_update(of=("self",))
            .select_related("statement")
            .filter(pk=found.pk)
            .first()
        )
        if supporter is None:
            raise SupportTokenError("used")
        now = timezone.now()
        if supporter.counted_at is not None:
            SupporterTally.objects.filter(statement_id=supporter.statement_id).update(
                count=Greatest(F("count") - 1, 0), updated_at=now
            )
        audit_record(
            action="supporter.withdraw",
            actor_label=f"supporter #{supporter.pk}",
            statement=supporter.statement,
            details={
                "supporter": supporter.pk,
                "confirmed": supporter.confirmed_at is not None,
                "counted": supporter.counted_at is not None,
            },
        )
        outbox.mails_erase(topics=[f"supporter:{supporter.pk}"])
        _supporter_mail(
            supporter=supporter,
            kind="support_withdrawn",
            forget_recipient=True,
            extra={"withdrawn_on": timezone.localdate()},
        )
        slug = supporter.statement.slug
        counted, shown = supporter.counted_at is not None, supporter.show_name
        supporter.delete()
    if counted or shown:
        invalidate(f"statement:{slug}", f"supporters:{slug}")
    return supporter


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
