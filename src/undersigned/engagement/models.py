"""What readers do with statements: read, comment, subscribe, pass on.

Personal data is kept to what each feature needs: commenters' addresses are never shown,
an unsubscribed reader's row is deleted, a friend's address is erased once the mail is sent,
and no IP address is stored anywhere (view counting keeps salted hashes in the cache only).
"""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from undersigned.core.languages import LANGUAGE_CHOICES


def digest_of(secret: str) -> str:
    """Return the SHA-256 digest under which a private link's secret is stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


class StatementEngagement(models.Model):
    """A statement's reader-side record: how often it was read, whether comments are open."""

    statement = models.OneToOneField(
        "statements.Statement",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="engagement",
        verbose_name=_("statement"),
    )
    view_count = models.PositiveIntegerField(_("views"), default=0)
    views_updated_at = models.DateTimeField(_("views counted"), null=True, blank=True)
    comments_closed = models.BooleanField(
        _("comments closed"),
        default=False,
        help_text=_("Readers can no longer comment; published comments stay visible."),
    )

    class Meta:
        verbose_name = _("statement (readers)")
        verbose_name_plural = _("statements (readers)")

    def __str__(self) -> str:
        return str(self.statement)


class ViewLogPosition(models.Model):
    """How far the worker has read one file of nginx's views log (engagement/viewlog.py).

    A file is known by its machine and inode, so that it is still found, and read to its end,
    once it has been rotated under another name. The position moves in the same transaction
    as the counts of the lines read: each line is counted exactly once.
    """

    host = models.CharField(_("machine"), max_length=255)
    inode = models.BigIntegerField(_("file (inode)"))
    path = models.CharField(_("last seen as"), max_length=1000)
    offset = models.BigIntegerField(_("bytes read"), default=0)
    updated_at = models.DateTimeField(_("read"), auto_now=True)

    class Meta:
        verbose_name = _("views log position")
        verbose_name_plural = _("views log positions")
        constraints = [
            models.UniqueConstraint(fields=["host", "inode"], name="viewlog_one_position_per_file")
        ]

    def __str__(self) -> str:
        return f"{self.host}:{self.path} @ {self.offset}"


class ReaderSeen(models.Model):
    """A reader counted on a day: a salted hash of the address and the statement, nothing else.

    Kept so that the same reader counts once a day, and deleted the next day. The salt is in
    the cache only and changes every day (viewcount.py): no row can be traced to an address.
    """

    pk = models.CompositePrimaryKey("day", "digest")
    day = models.DateField(_("day"))
    digest = models.BinaryField(_("reader (salted hash)"), max_length=16)

    class Meta:
        verbose_name = _("reader seen")
        verbose_name_plural = _("readers seen")

    def __str__(self) -> str:
        return f"{self.day}: {bytes(self.digest).hex()}"


# Comments.


class Commenter(models.Model):
    """One email address that has commented: whether its owner confirmed it, or is banned."""

    email = models.EmailField(_("email"), unique=True)
    created_at = models.DateTimeField(_("first comment"), auto_now_add=True)
    confirmed_at = models.DateTimeField(
        _("address confirmed"),
        null=True,
        blank=True,
        help_text=_("Its owner followed the confirmation link we sent to it."),
    )
    banned_at = models.DateTimeField(_("banned"), null=True, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("commenter")
        verbose_name_plural = _("commenters")

    def __str__(self) -> str:
        return self.email


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Comment.Status.APPROVED)

    def awaiting_moderation(self):
        return self.filter(status=Comment.Status.PENDING)


class Comment(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting the author's confirmation")
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Published")
        SPAM = "spam", _("Spam")

    statement = models.ForeignKey(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("statement"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    commenter = models.ForeignKey(
        Commenter, on_delete=models.CASCADE, related_name="comments", verbose_name=_("commenter")
    )
    name = models.CharField(_("name"), max_length=80)
    body = models.TextField(_("comment"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    # The link in the confirmation mail; only the digest of its secret is kept.
    confirm_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    confirm_expires_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["statement", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.body[:60]}"


# Newsletter.


class Subscriber(models.Model):
    """A newsletter reader. Unsubscribing deletes the row: nothing of it is kept."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting confirmation")
        ACTIVE = "active", _("Subscribed")

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    categories = models.ManyToManyField(
        "statements.Category",
        blank=True,
        related_name="subscribers",
        verbose_name=_("categories"),
        help_text=_("Only statements in these categories; none means every statement."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.UNCONFIRMED,
        db_index=True,
    )
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirm_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    confirm_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Carried in every mail's unsubscribe link, so kept as is: it can only end the subscription.
    unsubscribe_key = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        permissions = [("export_subscribers", _("Can download the subscribers' addresses"))]

    def __str__(self) -> str:
        return self.email


class NewsletterIssue(models.Model):
    """The announcement of one published statement to the subscribers; sent once."""

    statement = models.OneToOneField(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="newsletter_issue",
        verbose_name=_("statement"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    sent_count = models.PositiveIntegerField(_("mails sent"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self) -> str:
        return str(self.statement)


class NewsletterDelivery(models.Model):
    """One subscriber got one issue: a resumed or repeated send skips them."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_issue")
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}"


# Sharing.


class FriendMessage(models.Model):
    """A statement sent to one friend through the site; their address is erased once sent."""

    statement = models.ForeignKey(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="friend_messages",
        verbose_name=_("statement"),
    )
    sender_name = models.CharField(_("sender's name"), max_length=60)
    recipient = models.EmailField(_("recipient"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("statement sent to a friend")
        verbose_name_plural = _("statements sent to friends")

    def __str__(self) -> str:
        return f"{self.statement_id} ({self.sender_name})"
