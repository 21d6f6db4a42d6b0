"""Writes for readers' features: view counts, comments, the newsletter, sending to a friend.

Views, admin actions and tasks call these. Mail is queued after the commit with ids only;
the tasks call the *_deliver functions here, which may run twice without sending twice.
"""

import os
import secrets
import socket
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from functools import partial
from itertools import batched
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, PositiveIntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from undersigned.core import outbox
from undersigned.core.audit import audit_record
from undersigned.core.models import OutgoingMail
from undersigned.core.pagecache import invalidate
from undersigned.core.safetext import defused
from undersigned.engagement import selectors, viewcount, viewlog
from undersigned.engagement.mail import absolute, list_headers
from undersigned.engagement.models import (
    Comment,
    Commenter,
    FriendMessage,
    NewsletterDelivery,
    NewsletterIssue,
    ReaderSeen,
    StatementEngagement,
    Subscriber,
    ViewLogPosition,
    digest_of,
)
from undersigned.statements.models import Category, Statement


class EngagementError(Exception):
    """A step that cannot be taken; the message is meant for the reader."""

    message = _("This cannot be done.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class CommentsClosed(EngagementError):
    message = _("Comments are closed for this statement.")


class TokenError(EngagementError):
    """A private link that cannot be used: state is "unknown" or "expired"."""

    def __init__(self, state: str):
        self.state = state
        super().__init__(state)


def _statement_page_changed(statement_id: int) -> None:
    slug = Statement.objects.filter(pk=statement_id).values_list("slug", flat=True).first()
    if slug:
        invalidate(f"statement:{slug}")


def _new_secret() -> tuple[str, str]:
    secret = secrets.token_urlsafe(32)
    return secret, digest_of(secret)


# View counts.


def view_counts_flush() -> int:
    """Add the views buffered in the cache to the database; return how many were added."""
    lock = "readers:views-flush-lock"
    if not cache.add(lock, 1, timeout=120):
        return 0  # another worker is flushing now; the views wait for the next flush
    try:
        viewcount.pending_reset()
        slugs = dict(Statement.objects.values_list("slug", "pk"))
        counts = viewcount.buffered_counts(list(slugs))
        now = timezone.now()
        for slug, count in counts.items():
            with transaction.atomic():
                StatementEngagement.objects.get_or_create(statement_id=slugs[slug])
                StatementEngagement.objects.filter(statement_id=slugs[slug]).update(
                    view_count=F("view_count") + count, views_updated_at=now
                )
                # Taken from the buffer only once the database has them.
                transaction.on_commit(partial(viewcount.buffered_take, slug, count))
                invalidate(f"statement:{slug}")
        return sum(counts.values())
    finally:
        cache.delete(lock)


def views_log_read(*, path: str | Path | None = None, seconds: float = 20.0) -> int:
    """Count the views nginx has logged since the last read; return how many readers counted.

    Reads VIEWS_LOG (or `path`) and its rotated copies for at most about `seconds`; what is
    left waits for the next run. See viewlog.py.
    """
    log = Path(path or settings.VIEWS_LOG)
    if not str(log) or str(log) == ".":
        return 0
    host = socket.gethostname()
    today = timezone.now().astimezone(UTC).date()
    # A reader is remembered for the day and the next, while late lines may still come.
    ReaderSeen.objects.filter(day__lt=today - timedelta(days=1)).delete()
    reader = viewlog.LineReader()
    deadline = time.monotonic() + seconds
    counted = 0
    present: list[int] = []
    for file, stat in viewlog.log_files(log):
        present.append(stat.st_ino)
        try:
            handle = file.open("rb")
        except OSError:  # rotated away meanwhile: found under its new name next time
            continue
        with handle:
            inode = os.fstat(handle.fileno()).st_ino
            while time.monotonic() < deadline:
                with transaction.atomic():
                    position, _created = ViewLogPosition.objects.select_for_update().get_or_create(
                        host=host, inode=inode, defaults={"path": str(file)}
                    )
                    if os.fstat(handle.fileno()).st_size < position.offset:
                        position.offset = 0  # emptied in place (copytruncate): read it anew
                    batch = viewlog.read_batch(handle, position.offset, reader)
                    if batch.end == position.offset:
                        break
                    counted += _readers_count(batch)
                    position.offset, position.path = batch.end, str(file)
                    position.save(update_fields=["offset", "path", "updated_at"])
    # Files rotated out of existence: their inodes may come back as new files.
    ViewLogPosition.objects.filter(host=host, path__startswith=str(log)).exclude(
        inode__in=present
    ).delete()
    return counted


def _readers_count(batch: viewlog.Batch) -> int:
    """Add the batch's new readers to their statements' counts; return how many."""
    slugs = {slug for _day, slug in batch.readers}
    ids = dict(Statement.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    statement_of: dict[bytes, int] = {}
    rows: list[tuple[date, bytes]] = []
    for (day, slug), addresses in batch.readers.items():
        if (pk := ids.get(slug)) is None:
            continue
        salt = viewcount.daily_salt(day)
        for address in addresses:
            digest = viewcount.address_digest(salt, address, slug)
            statement_of[digest] = pk
            rows.append((day, digest))
    readers = Counter(statement_of[digest] for digest in _readers_new(rows))
    if not readers:
        return 0
    StatementEngagement.objects.bulk_create(
        [StatementEngagement(statement_id=pk) for pk in readers], ignore_conflicts=True
    )
    # One UPDATE for the batch: statements that gained as many readers share one branch.
    by_count: dict[int, list[int]] = {}
    for pk, count in readers.items():
        by_count.setdefault(count, []).append(pk)
    added = Case(
        *[When(statement_id__in=pks, then=Value(count)) for count, pks in by_count.items()],
        default=Value(0),
        output_field=PositiveIntegerField(),
    )
    StatementEngagement.objects.filter(statement_id__in=list(readers)).update(
        view_count=F("view_count") + added, views_updated_at=timezone.now()
    )
    changed = [f"statement:{slug}" for slug, pk in ids.items() if pk in readers]
    transaction.on_commit(partial(invalidate, *changed))
    return readers.total()


def _readers_new(rows: list[tuple[date, bytes]]) -> list[bytes]:
    """Remember the readers (day, salted hash); return the hashes not remembered before."""
    table = ReaderSeen._meta.db_table
    new: list[bytes] = []
    with connection.cursor() as cursor:
        for chunk in batched(rows, 2000):
            marks = ", ".join(["(%s, %s)"] * len(chunk))
            params = [
                value
                for day, digest in chunk
                for value in (connection.ops.adapt_datefield_value(day), digest)
            ]
            cursor.execute(
                f"INSERT INTO {table} (day, digest) VALUES {marks} "  # noqa: S608 - ours
                "ON CONFLICT DO NOTHING RETURNING digest",
                params,
            )
            new += [bytes(digest) for (digest,) in cursor.fetchall()]
    return new


# Comments.


@transaction.atomic
def comments_close(*, statement: Statement, closed: bool, by: AbstractBaseUser) -> None:
    """Close (or reopen) comments on a statement; published comments stay visible."""
    StatementEngagement.objects.update_or_create(
        statement=statement, defaults={"comments_closed": closed}
    )
    audit_record(
        action="comments_closed" if closed else "comments_opened", actor=by, statement=statement
    )
    _statement_page_changed(statement.pk)


def _commenter_for(email: str) -> Commenter:
    try:
        with transaction.atomic():
            return Commenter.objects.get_or_create(email=email)[0]
    except IntegrityError:  # two first comments at once
        return Commenter.objects.get(email=email)


# Comments brought by an archive import all hang on one address that is never written to:
# the export's commenters' emails are neither kept nor shown.
IMPORTED_COMMENTER = "imported-comments@undersigned.invalid"


@transaction.atomic
def comments_import(*, statement: Statement, comments: list[dict], language: str) -> int:
    """Add comments read from another site: approved ones published, pending ones to moderate.

    Each comment is {"id", "parent", "author", "date" (ISO), "status", "body"}; a reply hangs
    on its parent when the parent came too. Return how many were added.
    """
    commenter = _commenter_for(IMPORTED_COMMENTER)
    by_id: dict[str, Comment] = {}
    for item in comments:
        if item.get("status") not in ("approved", "pending") or not item.get("body"):
            continue
        written = _parse_moment(item.get("date"))
        approved = item["status"] == "approved"
        comment = Comment.objects.create(
            statement=statement,
            parent=by_id.get(str(item.get("parent") or "")),
            commenter=commenter,
            name=(item.get("author") or "—")[:80],
            body=item["body"],
            language=language,
            status=Comment.Status.APPROVED if approved else Comment.Status.PENDING,
            published_at=written if approved else None,
        )
        # auto_now_add stamps today: keep the date it was written on.
        Comment.objects.filter(pk=comment.pk).update(created_at=written)
        by_id[str(item.get("id") or "")] = comment
    _statement_page_changed(statement.pk)
    return len(by_id)


def _parse_moment(value: str | None) -> datetime:
    try:
        moment = datetime.fromisoformat(value or "")
    except ValueError:
        return timezone.now()
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


@transaction.atomic
def comment_submit(
    *,
    statement: Statement,
    name: str,
    email: str,
    body: str,
    language: str,
    parent_id: int | None = None,
    proven_commenter_id: int | None = None,
) -> Comment:
    """Take a reader's comment: publish it, hold it for moderation, or ask its author to confirm.

    With COMMENTS_MODERATION "first", a comment appears at once when its address is trusted
    (confirmed by its owner, approved once by a moderator) and the browser proves it is that
    owner (the cookie set on confirmation). A trusted address without that proof gets a link
    to confirm the comment. Everyone else waits for a moderator. A banned address's comments
    are kept as spam, and its author is not told.
    """
    if not selectors.comments_open(statement=statement):
        raise CommentsClosed
    email = email.strip().lower()
    parent = None
    if parent_id is not None:
        parent = Comment.objects.published().filter(pk=parent_id, statement=statement).first()
        if parent is not None and parent.parent_id is not None:
            parent = parent.parent  # replies stay one level deep
    commenter = _commenter_for(email)
    trusted = selectors.commenter_is_trusted(commenter=commenter)
    first_only = settings.COMMENTS_MODERATION == "first"
    if commenter.banned_at is not None:
        status = Comment.Status.SPAM
    elif first_only and trusted and proven_commenter_id == commenter.pk:
        status = Comment.Status.APPROVED
    elif first_only and trusted:
        status = Comment.Status.UNCONFIRMED
    else:
        status = Comment.Status.PENDING
    comment = Comment.objects.create(
        statement=statement,
        parent=parent,
        commenter=commenter,
        name=name.strip(),
        body=body.strip(),
        language=language,
        status=status,
        published_at=timezone.now() if status == Comment.Status.APPROVED else None,
    )
    if status == Comment.Status.APPROVED:
        _statement_page_changed(statement.pk)
    if status in (Comment.Status.APPROVED, Comment.Status.PENDING):
        _comment_notify_mail(comment)
    # A link that only confirms the address is sent once while it is valid, not per comment.
    link_waiting = (
        Comment.objects.filter(commenter=commenter, confirm_expires_at__gt=timezone.now())
        .exclude(confirm_digest="")
        .exists()
    )
    needs_confirmation = status == Comment.Status.UNCONFIRMED or (
        first_only
        and status == Comment.Status.PENDING
        and commenter.confirmed_at is None
        and not link_waiting
    )
    if needs_confirmation:
        _comment_confirm_mail(comment)
    return comment


@transaction.atomic
def comment_confirm(*, token: str) -> Comment:
    """Confirm a comment's address from its mailed link; publish it if the address is trusted."""
    comment = (
        Comment.objects.select_for_update()
        .select_related("commenter", "statement")
        .filter(confirm_digest=digest_of(token))
        .first()
    )
    if comment is None:
        raise TokenError("unknown")
    if comment.confirm_expires_at and comment.confirm_expires_at < timezone.now():
        raise TokenError("expired")
    commenter = comment.commenter
    if commenter.confirmed_at is None:
        commenter.confirmed_at = timezone.now()
        commenter.save(update_fields=["confirmed_at"])
    comment.confirm_digest = ""
    comment.confirm_expires_at = None
    if comment.status == Comment.Status.UNCONFIRMED:
        trusted = selectors.commenter_is_trusted(commenter=commenter)
        if trusted and settings.COMMENTS_MODERATION == "first":
            comment.status = Comment.Status.APPROVED
            comment.published_at = timezone.now()
            _statement_page_changed(comment.statement_id)
        else:
            comment.status = Comment.Status.PENDING
        _comment_notify_mail(comment)
    comment.save(update_fields=["status", "published_at", "confirm_digest", "confirm_expires_at"])
    return comment


def _moderate(*, comment: Comment, status: str, by: AbstractBaseUser) -> Comment:
    was_public = comment.status == Comment.Status.APPROVED
    comment.status = status
    comment.moderated_by = by  # type: ignore[assignment]
    if status == Comment.Status.APPROVED and comment.published_at is None:
        comment.published_at = timezone.now()
    comment.save(update_fields=["status", "moderated_by", "published_at"])
    audit_record(
        action=f"comment_{status}",
        actor=by,
        statement=comment.statement,
        details={"comment": comment.pk},
    )
    if was_public or status == Comment.Status.APPROVED:
        _statement_page_changed(comment.statement_id)
    return comment


@transaction.atomic
def comment_approve(*, comment: Comment, by: AbstractBaseUser) -> Comment:
    """Publish a comment."""
    return _moderate(comment=comment, status=Comment.Status.APPROVED, by=by)


@transaction.atomic
def comment_mark_spam(*, comment: Comment, by: AbstractBaseUser) -> Comment:
    """Hide a comment as spam; it stays in the queue's spam list until deleted."""
    return _moderate(comment=comment, status=Comment.Status.SPAM, by=by)


@transaction.atomic
def comment_delete(*, comment: Comment, by: AbstractBaseUser) -> None:
    """Delete a comment and its replies for good."""
    audit_record(
        action="comment_deleted",
        actor=by,
        statement=comment.statement,
        details={"comment": comment.pk},
    )
    statement_id = comment.statement_id
    comment.delete()
    _statement_page_changed(statement_id)


@transaction.atomic
def commenter_ban(*, commenter: Commenter, by: AbstractBaseUser) -> int:
    """Ban an address: its waiting comments become spam, and so will its next ones."""
    commenter.banned_at = timezone.now()
    commenter.save(update_fields=["banned_at"])
    waiting = commenter.comments.filter(
        status__in=[Comment.Status.PENDING, Comment.Status.UNCONFIRMED]
    )
    count = waiting.update(status=Comment.Status.SPAM, moderated_by=by)
    audit_record(action="commenter_banned", actor=by, details={"commenter": commenter.pk})
    return count


def _comment_confirm_mail(comment: Comment) -> OutgoingMail:
    """Mail the author a link that confirms their address (and publishes a trusted comment)."""
    secret, comment.confirm_digest = _new_secret()
    comment.confirm_expires_at = timezone.now() + timedelta(days=settings.COMMENTS_TOKEN_DAYS)
    comment.save(update_fields=["confirm_digest", "confirm_expires_at"])
    translation = comment.statement.translation(comment.language)
    return outbox.mail(
        to=comment.commenter.email,
        template="engagement/emails/comment_confirm",
        language=comment.language,
        kind="comment_confirm",
        key=f"comment-confirm:{comment.pk}:{comment.confirm_digest[:16]}",
        topic=f"comment:{comment.pk}",
        secrets=[secret],
        context={
            "comment": comment,
            "comment_name": defused(comment.name),
            "statement_title": translation.title if translation else comment.statement.slug,
            "confirm_url": absolute(
                "engagement:comment_confirm", language=comment.language, token=secret
            ),
            "token_days": settings.COMMENTS_TOKEN_DAYS,
            "waits_for_moderation": comment.status == Comment.Status.PENDING,
        },
    )


def _comment_notify_mail(comment: Comment) -> int:
    """Tell the coordinators of a new comment; return how many were told."""
    recipients = selectors.coordinator_emails()
    language = settings.LANGUAGE_CODE
    translation = comment.statement.translation(language)
    with_admin = absolute(
        "admin:engagement_comment_change", language=language, object_id=comment.pk
    )
    queue = absolute("admin:engagement_comment_changelist", language=language)
    for address in recipients:
        outbox.mail(
            to=address,
            template="engagement/emails/comment_notify",
            language=language,
            kind="comment_notify",
            key=f"comment-notify:{comment.pk}:{comment.status}:{address}"[:100],
            topic=f"comment:{comment.pk}",
            context={
                "comment": comment,
                "comment_name": defused(comment.name),
                "statement_title": translation.title if translation else comment.statement.slug,
                "statement_url": settings.SITE_URL + comment.statement.get_absolute_url(),
                "comment_admin_url": with_admin,
                "queue_url": f"{queue}?status={Comment.Status.PENDING}",
                "published": comment.status == Comment.Status.APPROVED,
            },
        )
    return len(recipients)


# Newsletter.


@transaction.atomic
def newsletter_subscribe(
    *, email: str, language: str, categories: list[Category] | None = None
) -> Subscriber:
    """Start a subscription that takes effect when the address's owner confirms it.

    The reader sees the same answer whatever the address: a new or waiting subscription gets a
    confirmation link, an active one a reminder that it is already subscribed, unchanged.
    """
    email = email.strip().lower()
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is not None and subscriber.status == Subscriber.Status.ACTIVE:
        _newsletter_mail(subscriber=subscriber, kind="already")
        return subscriber
    if subscriber is None:
        subscriber = Subscriber.objects.create(
            email=email, language=language, unsubscribe_key=secrets.token_urlsafe(24)
        )
    else:
        subscriber.language = language
        subscriber.confirm_digest = ""  # a new link replaces the old one
        subscriber.save(update_fields=["language", "confirm_digest"])
    subscriber.categories.set(categories or [])
    _newsletter_mail(subscriber=subscriber, kind="confirm")
    return subscriber


@transaction.atomic
def newsletter_confirm(*, token: str) -> Subscriber:
    """Activate the subscription whose confirmation link this is."""
    subscriber = (
        Subscriber.objects.select_for_update().filter(confirm_digest=digest_of(token)).first()
    )
    if subscriber is None:
        raise TokenError("unknown")
    if subscriber.confirm_expires_at and subscriber.confirm_expires_at < timezone.now():
        raise TokenError("expired")
    subscriber.status = Subscriber.Status.ACTIVE
    subscriber.confirmed_at = timezone.now()
    subscriber.confirm_digest = ""
    subscriber.confirm_expires_at = None
    subscriber.save(
        update_fields=["status", "confirmed_at", "confirm_digest", "confirm_expires_at"]
    )
    return subscriber


@transaction.atomic
def newsletter_unsubscribe(*, key: str) -> bool:
    """End a subscription at once and forget the address; return whether there was one."""
    deleted, _rows = Subscriber.objects.filter(unsubscribe_key=key).delete()
    return bool(deleted)


def _unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute(
        "engagement:newsletter_unsubscribe",
        language=subscriber.language,
        key=subscriber.unsubscribe_key,
    )


def _newsletter_mail(*, subscriber: Subscriber, kind: str) -> OutgoingMail:
    """Mail a subscriber the confirmation link, or the reminder that they are subscribed."""
    context: dict = {"subscriber": subscriber, "categories": list(subscriber.categories.all())}
    secrets_: list[str] = []
    if kind == "confirm":
        secret, subscriber.confirm_digest = _new_secret()
        subscriber.confirm_expires_at = timezone.now() + timedelta(
            days=settings.NEWSLETTER_TOKEN_DAYS
        )
        subscriber.save(update_fields=["confirm_digest", "confirm_expires_at"])
        context["confirm_url"] = absolute(
            "engagement:newsletter_confirm", language=subscriber.language, token=secret
        )
        context["token_days"] = settings.NEWSLETTER_TOKEN_DAYS
        secrets_.append(secret)
    unsubscribe_url = _unsubscribe_url(subscriber)
    return outbox.mail(
        to=subscriber.email,
        template=f"engagement/emails/newsletter_{kind}",
        language=subscriber.language,
        kind=f"newsletter_{kind}",
        topic=f"subscriber:{subscriber.pk}",
        context={**context, "unsubscribe_url": unsubscribe_url},
        secrets=secrets_,
        headers=list_headers(unsubscribe_url),
    )


def newsletter_statement_announce(*, statement: Statement) -> bool:
    """Queue a just-published statement's mail to subscribers, once; return whether queued.

    Called by the post_save signal on Statement (engagement/signals.py), so every way of
    publishing is covered; calling it again is harmless. Statements published long ago (an
    import of the archive, say) are not announced.
    """
    from undersigned.engagement.tasks import newsletter_issue_send

    if statement.status != Statement.Status.PUBLISHED or statement.published_at is None:
        return False
    now = timezone.now()
    if statement.published_at < now - timedelta(days=settings.NEWSLETTER_ANNOUNCE_WITHIN_DAYS):
        return False
    if NewsletterIssue.objects.filter(statement=statement, finished_at__isnull=False).exists():
        return False
    task = newsletter_issue_send
    if statement.published_at > now:
        if not task.get_backend().supports_defer:
            return False  # a backend that cannot wait: a later save announces it
        task = task.using(run_after=statement.published_at)
    transaction.on_commit(partial(task.enqueue, statement_id=statement.pk))
    return True


def newsletter_issue_deliver(*, statement_id: int) -> str:
    """Mail a published statement to each subscriber who wants it, in their language, once.

    Each delivery is recorded as it goes, so a run that stops half-way (a mail server error)
    resumes where it stopped when the task is tried again.
    """
    statement = (
        Statement.objects.filter(pk=statement_id, status=Statement.Status.PUBLISHED)
        .prefetch_related("translations", "publishers")
        .first()
    )
    if statement is None or statement.published_at is None:
        return "not published"
    if statement.published_at > timezone.now():
        newsletter_statement_announce(statement=statement)  # at its time, then
        return "not yet published"
    issue, _created = NewsletterIssue.objects.get_or_create(statement=statement)
    if issue.finished_at is not None:
        return "already sent"
    done = NewsletterDelivery.objects.filter(issue=issue).values("subscriber_id")
    recipients = list(selectors.newsletter_recipients(statement=statement).exclude(pk__in=done))
    sent = 0
    for subscriber in recipients:
        with transaction.atomic():
            # Read again: whoever unsubscribed since the list was made gets nothing.
            if not Subscriber.objects.filter(
                pk=subscriber.pk, status=Subscriber.Status.ACTIVE
            ).exists():
                continue
            translation = statement.translation(subscriber.language)
            unsubscribe_url = _unsubscribe_url(subscriber)
            # Asked for by the subscriber, sent by the site: not counted against the cap.
            outbox.mail(
                to=subscriber.email,
                template="engagement/emails/newsletter_issue",
                language=subscriber.language,
                kind="newsletter_issue",
                key=f"newsletter-issue:{issue.pk}:{subscriber.pk}",
                topic=f"subscriber:{subscriber.pk}",
                capped=False,
                headers=list_headers(unsubscribe_url),
                context={
                    "statement": statement,
                    "translation": translation,
                    "is_fallback": translation is not None
                    and translation.language != subscriber.language,
                    "statement_url": absolute(
                        "statements:detail", language=subscriber.language, slug=statement.slug
                    ),
                    "unsubscribe_url": unsubscribe_url,
                },
            )
            NewsletterDelivery.objects.create(issue=issue, subscriber=subscriber)
            NewsletterIssue.objects.filter(pk=issue.pk).update(sent_count=F("sent_count") + 1)
            sent += 1
    NewsletterIssue.objects.filter(pk=issue.pk).update(finished_at=timezone.now())
    return f"sent {sent}"


# Sending to a friend.


@transaction.atomic
def friend_message_create(
    *, statement: Statement, sender_name: str, recipient: str, language: str
) -> FriendMessage:
    """Mail the statement's fixed message, with the sender's name, to one address.

    The subject is the site's own words and the statement's title: nothing the sender typed.
    The friend's address is kept by the outbox only until the mail is sent.
    """
    message = FriendMessage.objects.create(
        statement=statement,
        sender_name=" ".join(sender_name.split()),
        recipient="",
        language=language,
        sent_at=timezone.now(),  # handed to the outbox, which sends it after the commit
    )
    statement = Statement.objects.prefetch_related("translations").get(pk=statement.pk)
    translation = statement.translation(language)
    outbox.mail(
        to=recipient.strip(),
        template="engagement/emails/friend",
        language=language,
        kind="friend",
        key=f"friend:{message.pk}",
        topic=f"friend:{message.pk}",
        forget_recipient=True,
        context={
            "sender_name": defused(message.sender_name),
            "statement": statement,
            "translation": translation,
            "statement_title": translation.title if translation else statement.slug,
            "statement_url": absolute("statements:detail", language=language, slug=statement.slug),
        },
    )
    return message


# Housekeeping.


@transaction.atomic
def readers_data_expire() -> dict[str, int]:
    """Delete what was never confirmed and forget friends' addresses that were never used."""
    now = timezone.now()
    subscribers, _rows = Subscriber.objects.filter(
        status=Subscriber.Status.UNCONFIRMED, confirm_expires_at__lt=now
    ).delete()
    comments, _rows = Comment.objects.filter(
        status=Comment.Status.UNCONFIRMED, confirm_expires_at__lt=now
    ).delete()
    friends = (
        FriendMessage.objects.filter(created_at__lt=now - timedelta(days=1))
        .exclude(recipient="")
        .update(recipient="")
    )
    return {"subscribers": subscribers, "comments": comments, "friend addresses": friends}
