from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkSnapshot(models.Model):
    """A network's co-signing map as the worker last computed it (graph.py), with its date.

    Kept in the database rather than the cache: it outlives a cache flush and a restart, and
    the page shows the last result while the next one is computed.
    """

    network = models.OneToOneField(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="insight_snapshot",
        verbose_name=_("network"),
    )
    payload = models.JSONField(_("computed map"), null=True, blank=True)
    computed_at = models.DateTimeField(_("computed"), null=True, blank=True)
    requested_at = models.DateTimeField(_("change noticed"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("co-signing map")
        verbose_name_plural = _("co-signing maps")

    def __str__(self) -> str:
        return f"{self.network_id}: {self.computed_at}"

    @property
    def is_stale(self) -> bool:
        """Return whether a change came after the computation the payload holds."""
        if self.requested_at is None:
            return False
        return self.computed_at is None or self.requested_at >= self.computed_at


class OverviewSnapshot(models.Model):
    """The archive overview's figures for every year and subject, as the worker last computed
    them (overview.py): a single row. Pages then filter them without touching the archive."""

    payload = models.JSONField(_("computed figures"), null=True, blank=True)
    computed_at = models.DateTimeField(_("computed"), null=True, blank=True)
    requested_at = models.DateTimeField(_("change noticed"), null=True, blank=True)

    class Meta:
        verbose_name = _("archive overview figures")
        verbose_name_plural = _("archive overview figures")

    def __str__(self) -> str:
        return f"overview: {self.computed_at}"

    @property
    def is_stale(self) -> bool:
        if self.requested_at is None:
            return False
        return self.computed_at is None or self.requested_at >= self.computed_at
