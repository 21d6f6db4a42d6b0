"""Reads for the organisation registry."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from undersigned.organizations.models import Membership, Organization
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Statement


def organization_for_page(*, slug: str) -> Organization:
    """Return an organisation with its aliases, or raise Http404."""
    return get_object_or_404(Organization.objects.prefetch_related("aliases"), slug=slug)


def organization_memberships(*, organization: Organization) -> QuerySet[Membership]:
    """Return the networks the organisation belongs to."""
    return Membership.objects.filter(member=organization).select_related("network")


def organization_members(*, organization: Organization) -> QuerySet[Membership]:
    """Return the members of a coalition or network."""
    return Membership.objects.filter(network=organization).select_related("member")


def organization_statements(*, organization: Organization) -> QuerySet[Statement]:
    """Return every public statement the organisation signed or published, newest first."""
    return (
        Statement.objects.visible()
        .filter(
            Q(pk__in=Signatory.objects.filter(organization=organization).values("statement_id"))
            | Q(
                pk__in=Statement.publishers.through.objects.filter(
                    organization=organization
                ).values("statement_id")
            )
        )
        .order_by("-published_at", "-created_at")
        .with_signatory_count()
        .prefetch_related("translations", "categories")
    )


def organization_directory(*, query: str = "", kind: str = "") -> QuerySet[Organization]:
    """Return organisations with the number of statements each signed, by name."""
    organizations = Organization.objects.annotate(
        signed_count=Count("signatures", filter=~Q(signatures__statement__status="draft"))
    )
    if query:
        organizations = organizations.filter(
            Q(name__icontains=query) | Q(aliases__name__icontains=query)
        ).distinct()
    if kind:
        organizations = organizations.filter(kind=kind)
    return organizations.order_by("name")
