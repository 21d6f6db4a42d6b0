from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Signatory(models.Model):
    """An organisation on a statement's list of signatories."""

    statement = models.ForeignKey(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="signatories",
        verbose_name=_("statement"),
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="signatures",
        verbose_name=_("organisation"),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Place in the list as published; 0 puts it last.")
    )
    signed_on = models.DateField(_("signed on"), default=timezone.localdate)
    public_note = models.CharField(_("public note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["statement", "position", "pk"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "organization"], name="one_signature_per_organization"
            )
        ]
        indexes = [models.Index(fields=["organization", "statement"])]

    def __str__(self) -> str:
        return f"{self.organization} — {self.statement_id}"
