from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from undersigned.core.languages import LANGUAGE_CHOICES, LANGUAGE_CODES
from undersigned.organizations.countries import country_name


def local_name_expression(prefix: str = "", language: str | None = None):
    """The database expression of an organisation's name in a language (see Organization)."""
    language = language if language in LANGUAGE_CODES else (get_language() or "en")[:2]
    if language not in LANGUAGE_CODES:
        language = "en"
    return Coalesce(NullIf(f"{prefix}name_{language}", models.Value("")), f"{prefix}name")


class OrganizationQuerySet(models.QuerySet):
    def public(self):
        """Organisations readers may see: all but those waiting in an import batch."""
        return self.filter(is_public=True)

    def networks(self):
        return self.filter(kind__in=Organization.NETWORK_KINDS)

    def with_statement_counts(self):
        return self.annotate(signed_count=models.Count("signatures", distinct=True))

    def order_by_local_name(self, language: str | None = None):
        """Order by the name shown in the language (the active one by default)."""
        return self.order_by(local_name_expression(language=language), "pk")


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

    # Which name a reader sees: the one given for the page's language, else `name`, the
    # organisation's own name as registered. Aliases stay for matching; these are for showing.
    name = models.CharField(
        _("name"),
        max_length=300,
        help_text=_("The organisation's own name, shown where no name is given for a language."),
    )
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    name_hy = models.CharField(_("name in Armenian"), max_length=300, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=300, blank=True)
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
    city_hy = models.CharField(_("city in Armenian"), max_length=120, blank=True)
    city_ru = models.CharField(_("city in Russian"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True, default="Armenia")
    country_hy = models.CharField(_("country in Armenian"), max_length=120, blank=True)
    country_ru = models.CharField(_("country in Russian"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_hy = models.TextField(_("description in Armenian"), blank=True)
    description_ru = models.TextField(_("description in Russian"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Created automatically (by import or sign-on) and not yet checked by staff."),
    )
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Off while it waits in an import batch for a coordinator to accept it."),
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
        return self.local_name

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", kwargs={"slug": self.slug})

    def in_language(self, field: str, language: str | None = None) -> str:
        """Return a field (name, city, country, description) as shown in a language."""
        language = (language or get_language() or "en")[:2]
        # English is `name`, `city`…, with `name_en` for organisations whose own name is not.
        if (language != "en" or field == "name") and (
            value := getattr(self, f"{field}_{language}", "")
        ):
            return value
        if field == "country" and language != "en":
            return country_name(self.country, language)
        return getattr(self, field)

    @property
    def local_name(self) -> str:
        return self.in_language("name")

    @property
    def local_city(self) -> str:
        return self.in_language("city")

    @property
    def local_country(self) -> str:
        return self.in_language("country")

    @property
    def local_description(self) -> str:
        return self.in_language("description")

    def names_by_language(self) -> dict[str, str]:
        """Return the name shown in each site language."""
        return {code: self.in_language("name", code) for code in LANGUAGE_CODES}

    def own_names(self) -> list[str]:
        """Return the registered name and its names per language, each once (for matching)."""
        names = (self.name, self.name_en, self.name_hy, self.name_ru)
        return list(dict.fromkeys(name for name in names if name))

    def missing_name_languages(self) -> list[str]:
        return [code for code in ("hy", "ru") if not getattr(self, f"name_{code}")]

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
