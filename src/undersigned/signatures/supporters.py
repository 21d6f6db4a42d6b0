"""Writes for individual supporters: sign up, confirm by mail, hide; the batched count.

Their mail goes out through the site's one mail path (core.outbox).
"""

import base64
import re
import time
from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from undersigned.core import locks, outbox, ratelimit
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


def _link_token(value: str) -> str:
    digest = salted_hmac("undersigned.supporter-confirm", value, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _supporter_confirm_token(supporter: Supporter) -> str:
    """Return the supporter's confirmation link's token: the same each time it is mailed.

    Derived from the row (with the secret key), not drawn at random: a second sign-up with the
    address, by its owner or by anyone else, mails the same link again and never replaces the
    one the owner may be about to click. It is known before the row is written (statement,
    mailbox and the time the sign-up set), so the sign-up stores its digest in the INSERT
    itself; rows signed up before kept a token made from their id, still honoured.
    """
    created = supporter.created_at.isoformat()
    token = _link_token(f"{supporter.statement_id}:{supporter.mailbox}:{created}")
    if supporter.pk and supporter.confirm_digest not in (None, SignOnToken.digest_of(token)):
        earlier = _link_token(f"{supporter.pk}:{created}")
        if SignOnToken.digest_of(earlier) == supporter.confirm_digest:
            return earlier
    return token


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
        "supporter_name": defused(supporter.name),
        "language": supporter.language,
        "token_days": settings.SIGNON_TOKEN_DAYS,
        **_statement_context(supporter.statement, supporter.language),
    }
    tokens: list[str] = []
    if kind == "support_confirm":
        token = _supporter_confirm_token(supporter)
        Supporter.objects.filter(pk=supporter.pk, confirmed_at__isnull=True).update(
            confirm_digest=SignOnToken.digest_of(token),
            confirm_expires_at=timezone.now() + timedelta(days=settings.SIGNON_TOKEN_DAYS),
        )
        context["confirm_url"] = _ConfirmLink(supporter.statement, supporter.language).url(token)
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


def supporter_sign_up(
    *,
    statement: Statement,
    name: str,
    place: str,
    email: str,
    show_name: bool,
    language: str,
) -> ratelimit.Limited | None:
    """Record a support awaiting confirmation and have its link mailed by the next batch.

    One support per mailbox (core/addresses.py: v@, V@ and v+1@ are one) and statement. A
    second sign-up for the mailbox changes nothing recorded: it asks for the same link to be
    mailed again to the address first given (or, once confirmed, a reminder that the support
    counts), so nobody can replace a waiting supporter's name or link with theirs. It never
    fails, and returns nothing that tells the two apart: only the mailbox's cap when its mail
    is held (outbox.held_message tells the person).

    One INSERT, whatever the case (the statement was read by the caller, whose row says
    whether it takes supporters): the row carries its link's digest and expiry and asks for
    its mail (mail_wanted_at); the worker's batch renders and sends the mails of many sign-ups
    at once (supporter_mails_send). The mailbox's hourly cap is counted here, when the mail is
    asked for; past it the row is kept without asking for a mail, and the refusal is recorded
    through the outbox as for any mail.
    """
    if not selectors.statement_takes_supporters(statement=statement):
        raise SupportClosed()
    email = email.strip().lower()
    if held := outbox.recipient_cap_hit(email):
        supporter = Supporter(
            statement=statement,
            email=email,
            mailbox=mailbox(email),
            name=name.strip(),
            place=place.strip(),
            show_name=show_name,
            language=language,
            confirm_expires_at=timezone.now() + timedelta(days=settings.SIGNON_TOKEN_DAYS),
        )
        # The unique constraint decides between simultaneous sign-ups; the losers find the winner
        # (whose link's digest the refused mail's record sets, as any mail of the link does).
        Supporter.objects.bulk_create([supporter], ignore_conflicts=True)
        stored = Supporter.objects.select_related("statement").get(
            statement=statement, mailbox=supporter.mailbox
        )
        kind = "support_confirm" if stored.confirmed_at is None else "support_already"
        _supporter_mail(supporter=stored, kind=kind)  # recorded as refused: over the cap
        return held
    # A row already there for the mailbox keeps everything but asks for its mail again: the
    # same INSERT as the rush's lean path, which also checks the statement's row once more.
    if not supporter_sign_up_at_once(
        statement_id=statement.pk,
        slug=statement.slug,
        name=name,
        place=place,
        email=email,
        show_name=show_name,
        language=language,
    ):
        raise SupportClosed()
    return None


def supporter_sign_up_at_once(
    *,
    statement_id: int,
    slug: str,
    name: str,
    place: str,
    email: str,
    show_name: bool,
    language: str,
) -> bool:
    """Do supporter_sign_up's work in one statement for the rush's lean path (rush.py).

    The mailbox's cap was counted by the caller and not reached. One INSERT … SELECT … ON
    CONFLICT DO UPDATE that takes the statement's row only while it takes supporters (its slug
    unchanged, published, published_at passed): whether the statement takes supporters, and
    the row with its link's digest and its wish for a mail, in one round trip, with no
    transaction around it. Return False, having written nothing, when the statement does not
    take supporters (the caller then lets the full view answer).

    Raw SQL because the ORM cannot write an INSERT … SELECT; it runs on SQLite and PostgreSQL
    alike, and supporter_sign_up (the ORM's way) does the same and is what tests compare it to.
    """
    email = email.strip().lower()
    now = timezone.now()
    supporter = Supporter(
        statement_id=statement_id, email=email, mailbox=mailbox(email), created_at=now
    )
    digest = SignOnToken.digest_of(_supporter_confirm_token(supporter))
    table = connection.ops.quote_name(Supporter._meta.db_table)
    statements = connection.ops.quote_name(Statement._meta.db_table)
    # Table names from the models' meta; every value a parameter.
    query = (
        f"INSERT INTO {table} "  # noqa: S608
        "(statement_id, name, place, email, mailbox, show_name, language,"
        " created_at, confirm_digest, confirm_expires_at, mail_wanted_at, mails_sent)"
        " SELECT id, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 0"
        f" FROM {statements} WHERE id = %s AND slug = %s AND status = %s"
        " AND published_at IS NOT NULL AND published_at <= %s"
        " ON CONFLICT (statement_id, mailbox)"
        " DO UPDATE SET mail_wanted_at = excluded.mail_wanted_at"
    )
    adapt = connection.ops.adapt_datetimefield_value
    params = [
        name.strip(),
        place.strip(),
        email,
        supporter.mailbox,
        show_name,
        language,
        adapt(now),
        digest,
        adapt(now + timedelta(days=settings.SIGNON_TOKEN_DAYS)),
        adapt(now),
        statement_id,
        slug,
        Statement.Status.PUBLISHED,
        adapt(now),
    ]
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        written = cursor.rowcount
    if written < 1:
        return False
    _supporter_mails_soon(statement_id=statement_id)
    return True


# When this process last saw each clock running (time.monotonic()). A clock seen at t started
# after t - period, so its batch runs after t + 1 s (a second after the clock ends), and a row
# written before the check is in it; for this long after a check the shared cache need not be
# asked again, which in a rush spares most sign-ups and confirmations a round trip to Redis.
CLOCK_TRUST_SECONDS = 0.5
_clocks_seen: dict[str, float] = {}


def _clock_start(key: str, period: int) -> bool:
    """Start the batch's clock for period seconds; return False if it was running already."""
    now = time.monotonic()
    if now - _clocks_seen.get(key, -CLOCK_TRUST_SECONDS) < CLOCK_TRUST_SECONDS:
        return False
    started = cache.add(key, 1, timeout=period)
    if len(_clocks_seen) > 10_000:
        _clocks_seen.clear()
    _clocks_seen[key] = now
    return started


def _supporter_mails_soon(*, statement_id: int, force: bool = False) -> None:
    """Book the mail batch at the end of this period, unless a sign-up booked it already."""
    from undersigned.signatures.tasks import supporter_mails_task

    period = settings.SUPPORTERS_MAIL_SECONDS
    task = supporter_mails_task
    if task.get_backend().supports_defer and period > 0:
        if not _clock_start(f"supporters:mail-clock:{statement_id}", period) and not force:
            return
        # A second after the clock runs out: every sign-up that saw it running has committed.
        task = task.using(run_after=timezone.now() + timedelta(seconds=period + 1))
    transaction.on_commit(partial(task.enqueue, statement_id=statement_id))


MAIL_BATCH = 200
_MAILING_LOCK_SECONDS = 30


def supporter_mails_send(*, statement_id: int) -> int:
    """Send the mails the statement's supporters asked for, in batches; return how many.

    Each batch: the rows that want a mail, their mails rendered once per language and kind
    and sent over one SMTP connection (core.outbox.mail_batch), then the rows marked in one
    UPDATE. A worker killed before the UPDATE leaves the rows wanting: the task, run again,
    sends the same mails with the same Message-IDs. One worker at a time mails a statement's
    supporters (core/locks.py: on PostgreSQL a lock that a killed worker lets go at once);
    another books itself for later.
    """
    sent = 0
    with locks.held(f"supporters:mailing:{statement_id}", seconds=_MAILING_LOCK_SECONDS) as renew:
        if renew is None:
            _supporter_mails_soon(statement_id=statement_id, force=True)
            return 0
        statement = Statement.objects.filter(pk=statement_id).first()
        wanted = Supporter.objects.filter(statement_id=statement_id, mail_wanted_at__isnull=False)
        while statement is not None:
            rows = list(wanted.order_by("pk")[:MAIL_BATCH])
            if not rows:
                break
            sent += _supporters_mail_batch(statement=statement, rows=rows)
            renew()
    return sent


class _TokenLink:
    """A private link's absolute URL in one language for any token, reversed once, not per row.

    reverse() prints the tokens (URL-safe base64, with ":" in a signed one) as they are, so
    the URL is the one reversed with a placeholder, the token in its place; a token with other
    characters is reversed.
    """

    _AS_IS = re.compile(r"[A-Za-z0-9_:-]+")
    _HOLDER = "UNDERSIGNEDTOKEN"

    def __init__(self, name: str, language: str):
        self.name, self.language = name, language
        with translation.override(language):
            self.before, self.after = _absolute(name, self._HOLDER).split(self._HOLDER)

    def url(self, token: str) -> str:
        if self._AS_IS.fullmatch(token):
            return f"{self.before}{token}{self.after}"
        with translation.override(self.language):
            return _absolute(self.name, token)


class _ConfirmLink:
    """The confirmation link mailed to a statement's supporters in one language, for any token.

    The statement's address with the token in the query string (views.support_confirm_link):
    the page it opens is the same for every supporter, so nginx serves it.
    """

    def __init__(self, statement: Statement, language: str):
        with translation.override(language):
            path = reverse("signatures:support_confirm_link", kwargs={"slug": statement.slug})
        self.before = f"{settings.SITE_URL}{path}?token="

    def url(self, token: str) -> str:
        return self.before + quote(token, safe="")


def _supporters_mail_batch(*, statement: Statement, rows: list[Supporter]) -> int:
    now = timezone.now()
    expires = now + timedelta(days=settings.SIGNON_TOKEN_DAYS)
    # A link mailed again works for its full time again (the sign-up set it for a new row).
    renew = [row.pk for row in rows if row.mails_sent and row.confirmed_at is None]
    if renew:
        Supporter.objects.filter(pk__in=renew, confirmed_at__isnull=True).update(
            confirm_expires_at=expires
        )
    groups: dict[tuple[str, str], list[outbox.BatchRecipient]] = {}
    languages = {row.language for row in rows}
    confirm_links = {lang: _ConfirmLink(statement, lang) for lang in languages}
    withdraw_links = {lang: _TokenLink("signatures:support_withdraw", lang) for lang in languages}
    for row in rows:
        kind = "support_confirm" if row.confirmed_at is None else "support_already"
        fields = {"supporter_name": defused(row.name)}
        secrets: list[str] = []
        if kind == "support_confirm":
            token = _supporter_confirm_token(row)
            fields["confirm_url"] = confirm_links[row.language].url(token)
            secrets.append(token)
        withdraw = supporter_withdraw_token(row)
        fields["withdraw_url"] = withdraw_links[row.language].url(withdraw)
        secrets.append(withdraw)
        groups.setdefault((row.language, kind), []).append(
            outbox.BatchRecipient(
                to=row.email,
                key=f"supporter:{row.pk}:mail:{row.mails_sent + 1}",
                topic=f"supporter:{row.pk}",
                fields=fields,
                secrets=secrets,
            )
        )
    sent = 0
    for (language, kind), recipients in groups.items():
        sent += outbox.mail_batch(
            template=f"signatures/emails/{kind}",
            context={
                "language": language,
                "token_days": settings.SIGNON_TOKEN_DAYS,
                **_statement_context(statement, language),
            },
            language=language,
            kind=kind,
            recipients=recipients,
        )
    # A sign-up that asked again after these rows were read keeps its row wanting a mail.
    latest = max(row.mail_wanted_at for row in rows if row.mail_wanted_at is not None)
    Supporter.objects.filter(pk__in=[row.pk for row in rows], mail_wanted_at__lte=latest).update(
        mail_wanted_at=None, mails_sent=F("mails_sent") + 1
    )
    return sent


def supporter_confirm(*, token: str) -> Supporter:
    """Confirm a support with its link's token: one UPDATE of one row, no shared row touched."""
    confirmed = supporter_confirm_at_once(token=token)
    found = selectors.supporter_token_state(token=token)
    if confirmed is None or found.supporter is None:
        raise SupportTokenError(found.state if found.state != "valid" else "used", found.supporter)
    return found.supporter


def supporter_confirm_at_once(*, token: str) -> selectors.SupportSummary | None:
    """Confirm the support the token stands for, if it waits and its link has not expired.

    One UPDATE … RETURNING (raw SQL: the ORM's update() returns no row), which both
    supporter_confirm and the rush's lean path (rush.py) use; None, having changed nothing,
    when the link is unknown, used or expired. The count's batch is booked for the statement.
    """
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    table = connection.ops.quote_name(Supporter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET confirmed_at = %s"  # noqa: S608 - the table name from the model
            " WHERE confirm_digest = %s AND confirmed_at IS NULL AND confirm_expires_at > %s"
            " RETURNING statement_id, name, place, show_name",
            [adapt(now), SignOnToken.digest_of(token), adapt(now)],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    confirmed = selectors.SupportSummary(
        statement_id=row[0], name=row[1], place=row[2], show_name=bool(row[3])
    )
    _supporter_tally_soon(statement_id=confirmed.statement_id)
    return confirmed


def _supporter_tally_soon(*, statement_id: int) -> None:
    """Book the count's batch at the end of this period, unless a confirmation booked it."""
    from undersigned.signatures.tasks import supporter_tally_task

    period = settings.SUPPORTERS_COUNT_SECONDS
    if not _clock_start(f"supporters:tally-clock:{statement_id}", period):
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


def supporter_mails_catch_up() -> int:
    """Send the mails a lost booking left waiting (the periodic job and the command use it)."""
    waiting = (
        Supporter.objects.filter(mail_wanted_at__isnull=False)
        .values_list("statement_id", flat=True)
        .distinct()
    )
    return sum(supporter_mails_send(statement_id=statement_id) for statement_id in list(waiting))


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
