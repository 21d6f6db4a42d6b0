"""Review before opening: who may read a draft (links), what they read (drafts), what they said.

A review link's address carries its key signed with the site's secret (django.core.signing),
so that a key alone, or a token that was altered, opens nothing. Whether a link still works
is the row's business: coordinators choose its expiry and may revoke it at any time.
"""

import secrets

from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A namespace for the signature (django.core.signing), not a secret.
TOKEN_SALT = "undersigned.review.link"  # noqa: S105


def new_key() -> str:
    return secrets.token_urlsafe(16)


class ReviewLink(models.Model):
    class State(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    statement = models.ForeignKey(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="review_links",
        verbose_name=_("statement"),
    )
    key = models.CharField(_("key"), max_length=32, unique=True, default=new_key, editable=False)
    label = models.CharField(
        _("for whom"),
        max_length=200,
        help_text=_("For example: members of the Coalition for Clean Water."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("review link")
        verbose_name_plural = _("review links")

    def __str__(self) -> str:
        return self.label

    @property
    def token(self) -> str:
        return signing.Signer(salt=TOKEN_SALT).sign(self.key)

    @staticmethod
    def key_of(token: str) -> str | None:
        """Return the key a token carries if the site signed it, else None."""
        try:
            return signing.Signer(salt=TOKEN_SALT).unsign(token)
        except signing.BadSignature:
            return None

    def state(self, now=None) -> "ReviewLink.State":
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return self.State.EXPIRED
        return self.State.ACTIVE

    @property
    def is_active(self) -> bool:
        return self.state() == self.State.ACTIVE


class ReviewDraft(models.Model):
    """The text of a statement as reviewers read it, in every language, recorded once per text.

    Apart from the statement's versions (statements.versions), which are the public history of
    a text people signed: the drafts reviewers read stay among the coordinators.
    """

    statement = models.ForeignKey(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="review_drafts",
        verbose_name=_("statement"),
    )
    number = models.PositiveIntegerField(_("draft"))
    content_hash = models.CharField(_("content hash"), max_length=64)
    # {"en": {"title": ..., "summary": ..., "body": ..., "adoption_note": ...}, "hy": {...}}
    texts = models.JSONField(_("texts"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["statement", "-number"]
        verbose_name = _("draft under review")
        verbose_name_plural = _("drafts under review")
        constraints = [
            models.UniqueConstraint(fields=["statement", "number"], name="unique_review_draft"),
            models.UniqueConstraint(
                fields=["statement", "content_hash"], name="unique_review_draft_text"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} draft {self.number}"


class ReviewComment(models.Model):
    """A reviewer's comment on a draft, written without an account through a review link."""

    statement = models.ForeignKey(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="review_comments",
        verbose_name=_("statement"),
    )
    link = models.ForeignKey(
        ReviewLink,
        on_delete=models.SET_NULL,
        null=True,
        related_name="comments",
        verbose_name=_("review link"),
    )
    draft = models.ForeignKey(
        ReviewDraft,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("draft read"),
    )
    language = models.CharField(_("language of the text read"), max_length=8)
    name = models.CharField(_("name"), max_length=120)
    organization_name = models.CharField(_("organisation"), max_length=200, blank=True)
    # The registry's record when the typed name is surely it (organizations.selectors).
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation in the registry"),
    )
    paragraph = models.PositiveSmallIntegerField(_("paragraph"), null=True, blank=True)
    quote = models.CharField(_("passage quoted"), max_length=500, blank=True)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:40]}"
