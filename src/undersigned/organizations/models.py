from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from undersigned.core.languages import LANGUAGE_CHOICES


class OrganizationQuerySet(models.QuerySet):
    def networks(self):
        return self.filter(kind__in=Organization.NETWORK_KINDS)

    def with_statement_counts(self):
        return self.annotate(signed_count=models.Count("signatures", distinct=True))


class Organization(models.Model):
    class Kind(models.TextChoices):
        NGO = "ngo", _("NGO")
        FOUNDATION = "foundation", _("Foundation")
        COALITION = "coalition", _("Coalition")
        NETWORK = "network", _("Network")
        UNION = "union", _("Union")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    NETWORK_KINDS = (Kind.COALITION, Kind.NETWORK, Kind.UNION)

    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NGO)
    website = models.URLField(_("website"), blank=True)
    email_domains = models.CharField(
        _("email domains"),
        max_length=500,
        blank=True,
        help_text=_("Domains the organisation sends email from, separated by commas."),
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True, default="Armenia")
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Created automatically (by import or sign-on) and not yet checked by staff."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", kwargs={"slug": self.slug})

    @property
    def is_network(self) -> bool:
        return self.kind in self.NETWORK_KINDS

    def domain_list(self) -> list[str]:
        return [d.strip().lower() for d in self.email_domains.split(",") if d.strip()]


class OrganizationAlias(models.Model):
    """Another name for an organisation: a spelling, an acronym, a translation."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="aliases",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=300)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, blank=True)
    is_acronym = models.BooleanField(_("acronym"), default=False)

    class Meta:
        ordering = ["language", "name"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="unique_alias_per_org")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """An organisation's place in a coalition or network."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        BOARD = "board", _("Governing board member")
        SECRETARIAT = "secretariat", _("Secretariat")
        FOUNDER = "founder", _("Founding member")
        OBSERVER = "observer", _("Observer")

    network = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="member_links",
        verbose_name=_("network"),
    )
    member = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("member")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        ordering = ["network__name", "member__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["network", "member"], name="unique_membership"),
            models.CheckConstraint(
                condition=~models.Q(network=models.F("member")), name="membership_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} ∈ {self.network}"


class MergedOrganization(models.Model):
    """A record merged into another: its old address leads to the one that absorbed it."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=300)
    merged_into = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="merged_records",
        verbose_name=_("merged into"),
    )
    merged_at = models.DateTimeField(_("merged"), auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]
        verbose_name = _("merged organisation")
        verbose_name_plural = _("merged organisations")

    def __str__(self) -> str:
        return self.name
