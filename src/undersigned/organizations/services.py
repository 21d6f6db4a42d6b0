"""Writes for the organisation registry: create, alias, review, merge.

Merging moves what other apps hold about an organisation (its lines on statements' lists of
signatories, the statements it published, the sign-on requests made for it). Those apps sit
above organizations, so the merge reaches their rows through the relations they declare on
Organization (`signatures`, `published_statements`, `sign_on_requests`), never importing them.
"""

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import ngettext
from unidecode import unidecode

from undersigned.core.audit import audit_record
from undersigned.organizations.models import (
    Membership,
    MergedOrganization,
    Organization,
    OrganizationAlias,
)


class MergeConflict(Exception):
    """Both organisations signed the same statements separately; merging needs confirmation."""

    def __init__(self, statement_ids: list[int]):
        self.statement_ids = statement_ids
        super().__init__(
            ngettext(
                "Both organisations signed %(count)d statement separately.",
                "Both organisations signed %(count)d statements separately.",
                len(statement_ids),
            )
            % {"count": len(statement_ids)}
        )


def organization_unique_slug(*, name: str) -> str:
    """Return a slug for the name that no organisation has yet."""
    base = slugify(unidecode(name))[:100] or "organisation"
    slug, number = base, 2
    while Organization.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def organization_create(
    *,
    name: str,
    kind: str = Organization.Kind.NGO,
    website: str = "",
    city: str = "",
    needs_review: bool = False,
    by: User | None = None,
    reason: str = "",
) -> Organization:
    """Create an organisation in the registry and log it."""
    organization = Organization.objects.create(
        name=name.strip(),
        slug=organization_unique_slug(name=name),
        kind=kind,
        website=website,
        city=city,
        needs_review=needs_review,
    )
    audit_record(
        action="organization.create",
        actor=by,
        organization=organization,
        details={"name": organization.name, "reason": reason},
    )
    return organization


def organization_alias_add(*, organization: Organization, name: str, language: str = "") -> bool:
    """Add another name to the organisation unless it already has it; return whether it did."""
    name = name.strip()
    if not name or name == organization.name:
        return False
    _alias, created = OrganizationAlias.objects.get_or_create(
        organization=organization, name=name, defaults={"language": language}
    )
    return created


@transaction.atomic
def organizations_mark_reviewed(*, organizations: QuerySet[Organization], by: User | None) -> int:
    """Mark organisations created automatically as checked by staff; return how many changed."""
    pending = list(organizations.filter(needs_review=True))
    Organization.objects.filter(pk__in=[o.pk for o in pending]).update(needs_review=False)
    for organization in pending:
        audit_record(action="organization.review", actor=by, organization=organization)
    return len(pending)


def organization_merge_conflicts(*, survivor: Organization, duplicate: Organization) -> list[int]:
    """Return the statements both organisations signed separately."""
    survivor_statements = survivor.signatures.values("statement_id")  # type: ignore[attr-defined]
    return list(
        duplicate.signatures.filter(  # type: ignore[attr-defined]
            statement_id__in=survivor_statements
        )
        .order_by("statement_id")
        .values_list("statement_id", flat=True)
    )


@transaction.atomic
def organizations_merge(
    *,
    survivor: Organization,
    duplicate: Organization,
    by: User | None = None,
    confirm_conflicts: bool = False,
) -> Organization:
    """Move everything of the duplicate onto the survivor, keep its names as aliases, delete it.

    The duplicate's address keeps working: a MergedOrganization record leads to the survivor.
    """
    if survivor.pk == duplicate.pk:
        raise ValueError("An organisation cannot be merged into itself.")
    # Lock both rows so that no sign-on attaches to the duplicate while it is being merged.
    list(Organization.objects.select_for_update().filter(pk__in=[survivor.pk, duplicate.pk]))
    conflicts = organization_merge_conflicts(survivor=survivor, duplicate=duplicate)
    if conflicts and not confirm_conflicts:
        raise MergeConflict(conflicts)

    _signatures_move(survivor=survivor, duplicate=duplicate)
    _sign_on_requests_move(survivor=survivor, duplicate=duplicate)
    _memberships_move(survivor=survivor, duplicate=duplicate)
    for statement in duplicate.published_statements.all():  # type: ignore[attr-defined]
        statement.publishers.remove(duplicate)
        statement.publishers.add(survivor)

    for alias in OrganizationAlias.objects.filter(organization=duplicate):
        organization_alias_add(organization=survivor, name=alias.name, language=alias.language)
    organization_alias_add(organization=survivor, name=duplicate.name)

    # Keep what the survivor lacks from the duplicate's profile.
    for field in ("website", "city", "description"):
        if not getattr(survivor, field) and getattr(duplicate, field):
            setattr(survivor, field, getattr(duplicate, field))
    domains = dict.fromkeys([*survivor.domain_list(), *duplicate.domain_list()])
    survivor.email_domains = ", ".join(domains)
    survivor.save()

    # Old addresses, the duplicate's and those of records merged into it before, lead here.
    MergedOrganization.objects.filter(merged_into=duplicate).update(merged_into=survivor)
    MergedOrganization.objects.update_or_create(
        slug=duplicate.slug, defaults={"name": duplicate.name, "merged_into": survivor}
    )
    audit_record(
        action="organization.merge",
        actor=by,
        organization=survivor,
        details={
            "merged_id": duplicate.pk,
            "merged_name": duplicate.name,
            "merged_slug": duplicate.slug,
            "conflicting_statements": conflicts,
        },
    )
    duplicate.delete()
    return survivor


def _signatures_move(*, survivor: Organization, duplicate: Organization) -> None:
    """Where both signed, the survivor's line stays and keeps the earlier position."""
    for signatory in duplicate.signatures.select_related("statement"):  # type: ignore[attr-defined]
        kept = survivor.signatures.filter(  # type: ignore[attr-defined]
            statement=signatory.statement
        ).first()
        if kept is None:
            signatory.organization = survivor
            signatory.save(update_fields=["organization"])
            continue
        if signatory.position and (not kept.position or signatory.position < kept.position):
            kept.position = signatory.position
            kept.save(update_fields=["position"])
        signatory.delete()


def _sign_on_requests_move(*, survivor: Organization, duplicate: Organization) -> None:
    """Requests made for the duplicate are the survivor's; a live one whose line went (both
    had signed) points at the survivor's line, the one that stayed."""
    for sign_on in duplicate.sign_on_requests.all():  # type: ignore[attr-defined]
        sign_on.organization = survivor
        if sign_on.signatory_id is None and sign_on.status in ("approved", "pending"):
            sign_on.signatory = survivor.signatures.filter(  # type: ignore[attr-defined]
                statement_id=sign_on.statement_id
            ).first()
        sign_on.save(update_fields=["organization", "signatory"])


def _memberships_move(*, survivor: Organization, duplicate: Organization) -> None:
    """Memberships, both as member and as network, without duplicating or pointing at itself."""
    for membership in Membership.objects.filter(member=duplicate):
        if (
            membership.network_id == survivor.pk
            or Membership.objects.filter(network_id=membership.network_id, member=survivor).exists()
        ):
            membership.delete()
        else:
            membership.member = survivor
            membership.save(update_fields=["member"])
    for membership in Membership.objects.filter(network=duplicate):
        if (
            membership.member_id == survivor.pk
            or Membership.objects.filter(network=survivor, member_id=membership.member_id).exists()
        ):
            membership.delete()
        else:
            membership.network = survivor
            membership.save(update_fields=["network"])
