from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """One run of an import: what it created stays unseen by readers until it is accepted."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        DISCARDED = "discarded", _("Discarded")

    source = models.CharField(_("source"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    # What the batch brought into the registry and the category list, hidden until accepted.
    new_organizations = models.ManyToManyField(
        "organizations.Organization", blank=True, related_name="+"
    )
    new_categories = models.ManyToManyField("statements.Category", blank=True, related_name="+")
    # Items read and left out (drafts, pages, attachments...): {"title", "source", "reason"}.
    skipped = models.JSONField(_("skipped"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self) -> str:
        return self.source or f"#{self.pk}"


class ImportRecord(models.Model):
    """One imported page: where it came from and which draft statement it became."""

    statement = models.OneToOneField(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="import_record",
        verbose_name=_("statement"),
    )
    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("import batch"),
    )
    source = models.CharField(_("source"), max_length=500, blank=True)
    # The WordPress GUID of an imported post: importing the same export again skips it.
    guid = models.CharField(_("WordPress GUID"), max_length=500, blank=True, db_index=True)
    # Published where it came from: the statement is published when its batch is accepted.
    publish_on_accept = models.BooleanField(_("publish on acceptance"), default=False)
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    parsed = models.JSONField(_("what was read"), default=dict)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        permissions = [("use_import", _("Can import statement pages as drafts"))]

    def __str__(self) -> str:
        return self.source or str(self.statement)


class ImportedName(models.Model):
    """A signatory line as printed on the imported page, and how it was resolved."""

    class Resolution(models.TextChoices):
        MATCHED = "matched", _("Matched an organisation in the registry")
        PROBABLE = "probable", _("Probable match: check it")
        NEW = "new", _("New organisation: check it")
        DUPLICATE = "duplicate", _("Listed twice on the page")
        IGNORED = "ignored", _("Not an organisation")

    record = models.ForeignKey(
        ImportRecord, on_delete=models.CASCADE, related_name="names", verbose_name=_("import")
    )
    position = models.PositiveIntegerField(_("position"))
    printed_name = models.CharField(_("name as printed"), max_length=500)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        null=True,
        related_name="imported_names",
        verbose_name=_("organisation"),
    )
    resolution = models.CharField(_("resolution"), max_length=12, choices=Resolution.choices)
    score = models.FloatField(_("score"), default=0)
    # Why the matcher proposed this resolution: its reasons as codes with parameters
    # ({"code", "params"}), shown in the reader's language by organizations.explanations.
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    reviewed = models.BooleanField(_("reviewed"), default=False)

    class Meta:
        ordering = ["record", "position"]
        verbose_name = _("imported name")
        verbose_name_plural = _("imported names")

    def __str__(self) -> str:
        return self.printed_name
