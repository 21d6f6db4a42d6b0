import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from undersigned.core.addresses import mailbox
from undersigned.core.languages import LANGUAGE_CHOICES


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
    version = models.ForeignKey(
        "statements.StatementVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signatories",
        verbose_name=_("text version signed"),
        help_text=_("Empty for signatures added by hand or imported."),
    )

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


class SignOnRequest(models.Model):
    """A person's request to sign a statement for an organisation, from the form to the list."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting email confirmation")
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    statement = models.ForeignKey(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="sign_on_requests",
        verbose_name=_("statement"),
    )
    version = models.ForeignKey(
        "statements.StatementVersion",
        on_delete=models.PROTECT,
        related_name="sign_on_requests",
        verbose_name=_("text version seen"),
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sign_on_requests",
        verbose_name=_("organisation in the registry"),
        help_text=_("Empty while the request proposes an organisation the registry lacks."),
    )
    organization_name = models.CharField(_("organisation, as given"), max_length=300)
    proposed_kind = models.CharField(_("proposed kind"), max_length=20, blank=True)
    proposed_website = models.URLField(_("proposed website"), blank=True)
    proposed_city = models.CharField(_("proposed city"), max_length=120, blank=True)

    # Contact data: never shown in public, erasable while the signature stays.
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_role = models.CharField(_("role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("email"), blank=True, db_index=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_erased_at = models.DateTimeField(_("contact data erased"), null=True, blank=True)
    declared_at = models.DateTimeField(
        _("authority declared"), help_text=_("When the person declared they may sign.")
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)

    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.UNCONFIRMED,
        db_index=True,
    )
    signatory = models.ForeignKey(
        Signatory,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sign_on_requests",
        verbose_name=_("line on the list"),
    )
    joined_existing = models.BooleanField(
        _("joined an existing line"),
        default=False,
        help_text=_("The organisation was already on the list when this request came."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    reason = models.TextField(_("reason"), blank=True)
    updates_unsubscribed_at = models.DateTimeField(
        _("unsubscribed from updates"),
        null=True,
        blank=True,
        help_text=_("When the signer asked for no more news of the statement by mail."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("sign-on request")
        verbose_name_plural = _("sign-on requests")
        indexes = [models.Index(fields=["statement", "status"])]
        # Coordinators' powers beyond editing a row (staff/roles.py gives them to the group).
        permissions = [
            ("export_contacts", _("Can download the signers' contact data")),
            ("erase_contact", _("Can erase a signer's contact data")),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} — {self.statement_id}"

    @property
    def display_name(self) -> str:
        return self.organization.local_name if self.organization_id else self.organization_name

    @property
    def email_domain(self) -> str:
        return self.contact_email.rpartition("@")[2].lower()


class SignOnToken(models.Model):
    """A private link's secret, stored only as its SHA-256 digest."""

    class Purpose(models.TextChoices):
        CONFIRM = "confirm", _("Confirm")
        WITHDRAW = "withdraw", _("Withdraw")
        RECONFIRM = "reconfirm", _("Re-confirm a new text")

    sign_on = models.ForeignKey(
        SignOnRequest, on_delete=models.CASCADE, related_name="tokens", verbose_name=_("request")
    )
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices)
    version = models.ForeignKey(
        "statements.StatementVersion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("text version to re-confirm"),
    )
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("token")
        verbose_name_plural = _("tokens")

    def __str__(self) -> str:
        return f"{self.purpose} #{self.sign_on_id}"

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class Supporter(models.Model):
    """A member of the public who supports a published statement, once per email address.

    Rows are written once and confirmed once: a sign-up inserts the row, the confirmation
    updates that row alone (its link's digest is kept on it, so no other row is touched), and
    the displayed count is kept apart in SupporterTally, which a batch brings up to date.
    """

    # No index of its own: one_support_per_mailbox's index starts with the statement. Every
    # index is written again on each of a row's updates (mailed, confirmed, counted), since
    # each changes a column an index reads: a rush writes them all.
    statement = models.ForeignKey(
        "statements.Statement",
        on_delete=models.CASCADE,
        related_name="supporters",
        verbose_name=_("statement"),
        db_index=False,
    )
    name = models.CharField(_("name"), max_length=200)
    place = models.CharField(_("city or country"), max_length=120)
    # Private: never shown in public, in exports or in the API.
    email = models.EmailField(_("email"))
    # The address normalised (core/addresses.py): one support per mailbox, whatever the +tag.
    mailbox = models.CharField(_("mailbox"), max_length=254, editable=False)
    show_name = models.BooleanField(_("name shown in public"), default=False)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Unique by a constraint (Meta), not unique=True, which on PostgreSQL would add a second
    # index for LIKE that no query uses.
    confirm_digest = models.CharField(
        _("confirmation link digest"), max_length=64, null=True, blank=True
    )
    confirm_expires_at = models.DateTimeField(_("confirmation link expires"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    counted_at = models.DateTimeField(
        _("counted"), null=True, blank=True, help_text=_("When the batch added it to the count.")
    )
    updates_unsubscribed_at = models.DateTimeField(
        _("unsubscribed from updates"),
        null=True,
        blank=True,
        help_text=_("When the supporter asked for no more news of the statement by mail."),
    )
    # The row is its own outbox entry: a sign-up sets mail_wanted_at, and the worker's batch
    # (supporters.supporter_mails_send) mails every row that has it, then clears it.
    mail_wanted_at = models.DateTimeField(_("mail wanted"), null=True, blank=True, editable=False)
    mails_sent = models.PositiveIntegerField(
        _("mails sent"), default=0, db_default=0, editable=False
    )

    class Meta:
        ordering = ["statement", "confirmed_at", "pk"]
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "mailbox"], name="one_support_per_mailbox"
            ),
            models.UniqueConstraint(fields=["confirm_digest"], name="supporter_confirm_digest"),
        ]
        indexes = [
            # What the next batch counts: small, whatever the number of supporters.
            models.Index(
                fields=["statement"],
                condition=Q(confirmed_at__isnull=False, counted_at__isnull=True),
                name="supporter_uncounted",
            ),
            # What the next mail batch sends: small, whatever the number of supporters.
            models.Index(
                fields=["statement"],
                condition=Q(mail_wanted_at__isnull=False),
                name="supporter_mail_wanted",
            ),
            # The public list of names.
            models.Index(
                fields=["statement", "confirmed_at"],
                condition=Q(show_name=True, confirmed_at__isnull=False),
                name="supporter_shown",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.statement_id}"

    def save(self, *args, **kwargs):
        if not self.mailbox:
            self.mailbox = mailbox(self.email)
        super().save(*args, **kwargs)


class SupporterTally(models.Model):
    """The supporter count shown for a statement, written only by the batch that counts.

    Why a batch: a rush of supporters (the UK Parliament's petitions site took thousands of
    signatures a minute in 2019) would queue every confirmation on one counter row, and a
    COUNT(*) on each page view grows with the rush. Instead, confirmations only mark their own
    Supporter row; every few seconds (SUPPORTERS_COUNT_SECONDS) a queued task marks the rows
    confirmed since the last batch as counted and adds their number here, in one transaction,
    so each is counted exactly once and the count is eventually consistent within seconds. The
    statement's cached page is invalidated once a batch, not once a sign-up.
    """

    statement = models.OneToOneField(
        "statements.Statement",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="supporter_tally",
        verbose_name=_("statement"),
    )
    count = models.PositiveIntegerField(_("confirmed supporters counted"), default=0)
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)

    class Meta:
        verbose_name = _("supporter count")
        verbose_name_plural = _("supporter counts")

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.count}"
