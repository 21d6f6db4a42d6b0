from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from undersigned.core.languages import LANGUAGE_CHOICES, fallback_order
from undersigned.core.text import excerpt, markdown_to_text, render_markdown


class CategoryQuerySet(models.QuerySet):
    def public(self):
        """Categories readers may see: all but those waiting in an import batch."""
        return self.filter(is_public=True)


class Category(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_hy = models.CharField(_("name (Armenian)"), max_length=120, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=120, blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Off while it waits in an import batch for a coordinator to accept it."),
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("statements:category", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        for language in fallback_order(get_language() or "en"):
            if value := getattr(self, f"name_{language}", ""):
                return value
        return self.slug


class StatementQuerySet(models.QuerySet):
    def visible(self):
        """Statements with a public page: open for signature, published, closed or withdrawn.

        Not drafts nor statements in review, and not one published for a moment still to come
        (scheduled, or under embargo): its page, the lists, feeds and the API show it then.
        """
        return self.exclude(status__in=Statement.UNPUBLIC_STATUSES).exclude(
            status__in=Statement.DATED_STATUSES, published_at__gt=timezone.now()
        )

    def published(self):
        """Statements in the public archive, newest first."""
        return self.filter(
            status__in=[Statement.Status.PUBLISHED, Statement.Status.CLOSED],
            published_at__lte=timezone.now(),
        ).order_by("-published_at", "-pk")

    def open_for_signature(self):
        """Statements whose sign-on is open now, before or after publication."""
        now = timezone.now()
        return self.filter(
            Q(status=Statement.Status.OPEN)
            | Q(status=Statement.Status.PUBLISHED, open_for_joining=True, published_at__lte=now),
            Q(signature_deadline__isnull=True) | Q(signature_deadline__gt=now),
        )

    def with_signatory_count(self):
        return self.annotate(signatory_count=models.Count("signatories", distinct=True))


class Statement(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        OPEN = "open", _("Open for signature")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Statements in these states are public with a date (published_statement_has_date).
    DATED_STATUSES = (Status.PUBLISHED, Status.CLOSED, Status.WITHDRAWN)
    # Statements in these states are seen by staff only (a preview), whatever their date.
    UNPUBLIC_STATUSES = (Status.DRAFT, Status.IN_REVIEW)

    class SignatoryOrder(models.TextChoices):
        LISTED = "listed", _("As listed")
        ALPHABETICAL = "alphabetical", _("Alphabetical")

    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publishers = models.ManyToManyField(
        "organizations.Organization",
        related_name="published_statements",
        blank=True,
        verbose_name=_("publishing organisations"),
    )
    categories = models.ManyToManyField(
        Category, related_name="statements", blank=True, verbose_name=_("categories")
    )
    original_language = models.CharField(
        _("original language"), max_length=8, choices=LANGUAGE_CHOICES, default="en"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    events_start = models.DateField(
        _("events from"), null=True, blank=True, help_text=_("The date of the events it concerns.")
    )
    events_end = models.DateField(_("events until"), null=True, blank=True)
    open_for_joining = models.BooleanField(
        _("open for others to join"),
        default=False,
        help_text=_("After publication, organisations may still sign."),
    )
    signature_deadline = models.DateTimeField(_("signature deadline"), null=True, blank=True)
    signatory_order = models.CharField(
        _("order of signatories"),
        max_length=12,
        choices=SignatoryOrder.choices,
        default=SignatoryOrder.LISTED,
    )
    # --- Sign-on (signatures app) ---
    signon_auto_approve = models.BooleanField(
        _("approve registered domains automatically"),
        default=False,
        help_text=_(
            "A confirmed request for an organisation in the registry is approved at once "
            "when the signer's email domain is one the organisation registered."
        ),
    )
    # --- end Sign-on ---

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "review", "open"]) | Q(published_at__isnull=False),
                name="published_statement_has_date",
            ),
        ]

    def __str__(self) -> str:
        translation = self.translation()
        return translation.title if translation else self.slug

    def get_absolute_url(self) -> str:
        return reverse("statements:detail", kwargs={"slug": self.slug})

    @property
    def is_listed(self) -> bool:
        return self.status in {self.Status.PUBLISHED, self.Status.CLOSED}

    @property
    def is_public(self) -> bool:
        """Whether its page is public now (see StatementQuerySet.visible)."""
        if self.status in self.UNPUBLIC_STATUSES:
            return False
        scheduled = self.published_at is not None and self.published_at > timezone.now()
        return not (self.status in self.DATED_STATUSES and scheduled)

    @property
    def date(self):
        return self.published_at or self.created_at

    def translation(self, language: str | None = None) -> "StatementTranslation | None":
        """Return the translation in the language, or the best fallback (uses prefetched rows)."""
        translations = {t.language: t for t in self.translations.all()}
        for code in fallback_order(language or get_language() or "en"):
            if code in translations:
                return translations[code]
        return None

    def available_languages(self) -> list[str]:
        return sorted(t.language for t in self.translations.all())


class StatementTranslation(models.Model):
    statement = models.ForeignKey(
        Statement,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("statement"),
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=400)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Shown in listings; the start of the body if empty.")
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Markdown. Footnotes: write [1] in the text and a line “[1] source” at the end."
        ),
    )
    adoption_note = models.CharField(
        _("note on adoption"),
        max_length=500,
        blank=True,
        help_text=_(
            "For example: adopted by the Governing Board at its meeting of 27–28 September."
        ),
    )
    # The letter (signatures' PDF and Word exports): whom it is addressed to, where it is signed.
    letter_addressee = models.TextField(
        _("addressee of the letter"),
        blank=True,
        help_text=_(
            "Who the letter goes to, one line each: name, title, address. Printed at the top "
            "of the PDF and Word letter in this language."
        ),
    )
    letter_place = models.CharField(
        _("place of the letter"),
        max_length=120,
        blank=True,
        help_text=_("The city the letter is signed in, printed before its date: Yerevan."),
    )
    body_html = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "language"], name="one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"

    def save(self, *args, **kwargs):
        # Rendering is costly; do it once per edit, not per page view.
        self.body_html = render_markdown(self.body)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def excerpt(self, length: int = 280) -> str:
        return excerpt(self.summary or markdown_to_text(self.body), length)


class StatementVersion(models.Model):
    """A frozen text of a statement; signatures are bound to the version their signer saw."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="versions", verbose_name=_("statement")
    )
    number = models.PositiveIntegerField(_("version"))
    content_hash = models.CharField(_("content hash"), max_length=64)
    # {"en": {"title": ..., "summary": ..., "body": ..., "adoption_note": ...}, "hy": {...}}
    texts = models.JSONField(_("texts"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    change_note = models.CharField(_("what changed"), max_length=500, blank=True)
    requires_reconfirmation = models.BooleanField(
        _("earlier signers must re-confirm"),
        default=False,
        help_text=_(
            "Ticked: each approved signer of an earlier version who is on the list is emailed a "
            "link to re-confirm this text. Pending signers are not asked."
        ),
    )

    class Meta:
        ordering = ["statement", "-number"]
        get_latest_by = "number"
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["statement", "number"], name="unique_version_number"),
            models.UniqueConstraint(
                fields=["statement", "content_hash"], name="unique_version_content"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} v{self.number}"


class StatementUpdate(models.Model):
    """A dated step in what became of a statement: delivered, answered, its outcome.

    Shown on the statement's page, in the archive and the feeds; signatures.updates mails it
    to the signatories and supporters when the coordinator asks.
    """

    class Kind(models.TextChoices):
        DELIVERED = "delivered", _("Delivered")
        RESPONSE = "response", _("Response received")
        OUTCOME = "outcome", _("Outcome")
        OTHER = "other", _("Update")

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="updates", verbose_name=_("statement")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.OTHER)
    happened_on = models.DateField(_("date"), help_text=_("When it happened."))
    text_en = models.TextField(_("text (English)"), blank=True)
    text_hy = models.TextField(_("text (Armenian)"), blank=True)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # The staff form's one-time key: sending the form twice posts (and mails) one update.
    submission = models.CharField(max_length=64, unique=True, editable=False)
    mail_signatories = models.BooleanField(_("mailed to the signatories"), default=False)
    mail_supporters = models.BooleanField(_("mailed to the supporters"), default=False)
    mailed_count = models.PositiveIntegerField(_("mails queued"), default=0)
    mailed_at = models.DateTimeField(_("mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-happened_on", "-pk"]
        verbose_name = _("statement update")
        verbose_name_plural = _("statement updates")
        indexes = [models.Index(fields=["statement", "-happened_on"])]

    def __str__(self) -> str:
        return f"{self.statement_id} {self.happened_on} {self.kind}"

    def text(self, language: str | None = None) -> str:
        """Return the text in the language, else in the nearest one written."""
        for code in fallback_order(language or get_language() or "en"):
            if value := getattr(self, f"text_{code}", ""):
                return value
        return ""

    def text_language(self, language: str | None = None) -> str:
        """Return the language text() answers in."""
        for code in fallback_order(language or get_language() or "en"):
            if getattr(self, f"text_{code}", ""):
                return code
        return language or "en"


class SearchDocument(models.Model):
    """A statement's searchable text in one language, signatory names included.

    The full-text index over it is the database's own: FTS5 on SQLite, a generated tsvector
    with a GIN index on PostgreSQL, and a small one over the titles alone (see migrations 0004
    and 0006 and statements/search.py).
    """

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="search_documents"
    )
    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES)
    title = models.TextField()
    body = models.TextField()
    signatories = models.TextField(blank=True)
    # When its statement may be found (open, or published or closed, from its date, which may
    # be to come); never when None. Kept here by statements.search so that a search does not
    # look each match's statement up.
    searchable_from = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "language"], name="one_document_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} [{self.language}]"
