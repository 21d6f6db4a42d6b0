"""Writes of the insights app: the co-signing maps noticed as out of date, and computed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from undersigned.core.pagecache import invalidate
from undersigned.insights.graph import network_graph
from undersigned.insights.models import NetworkSnapshot, OverviewSnapshot
from undersigned.insights.overview import overview_payload
from undersigned.insights.selectors import OVERVIEW_PK
from undersigned.organizations.models import Membership, Organization

_BOOKED_KEY = "insights:graphs-booked"


def _debounce_seconds() -> int:
    return getattr(settings, "INSIGHTS_DEBOUNCE_SECONDS", 30)


def network_graphs_request(*, network_ids: Iterable[int], create: bool = True) -> None:
    """Note, after the commit, that these networks' maps are out of date; book their computation.

    Written after the commit, in a transaction of its own: a rush of signatures must not queue
    on these rows while the signing transactions hold them. Without `create`, only maps
    already stored are marked (for deletes, which may cascade to the network itself).
    """
    ids = set(network_ids)
    if ids:
        transaction.on_commit(partial(_mark_networks, ids, create))
        transaction.on_commit(_book_computation)


def _mark_networks(ids: set[int], create: bool) -> None:
    now = timezone.now()
    NetworkSnapshot.objects.filter(network_id__in=ids).update(requested_at=now)
    if create:
        present = set(
            NetworkSnapshot.objects.filter(network_id__in=ids).values_list("network_id", flat=True)
        )
        existing = set(
            Organization.objects.filter(pk__in=ids - present).values_list("pk", flat=True)
        )
        NetworkSnapshot.objects.bulk_create(
            [NetworkSnapshot(network_id=pk, requested_at=now) for pk in existing],
            ignore_conflicts=True,
        )


def network_graphs_request_for_members(
    *, organization_ids: Iterable[int], create: bool = True
) -> None:
    """Note that the maps of every network these organisations belong to are out of date."""
    ids = set(organization_ids)
    networks = set(
        Membership.objects.filter(member_id__in=ids).values_list("network_id", flat=True)
    )
    network_graphs_request(network_ids=networks, create=create)


def overview_request() -> None:
    """Note, after the commit, that the overview's figures are out of date; book their
    computation (after the commit for the same reason as network_graphs_request)."""
    transaction.on_commit(_mark_overview)
    transaction.on_commit(_book_computation)


def _mark_overview() -> None:
    updated = OverviewSnapshot.objects.filter(pk=OVERVIEW_PK).update(requested_at=timezone.now())
    if not updated:
        OverviewSnapshot.objects.bulk_create(
            [OverviewSnapshot(pk=OVERVIEW_PK, requested_at=timezone.now())],
            ignore_conflicts=True,
        )


def overview_compute() -> OverviewSnapshot:
    """Compute and store the archive overview's figures; the overview is rendered again."""
    started = timezone.now()
    payload = overview_payload()
    with transaction.atomic():
        snapshot, _ = OverviewSnapshot.objects.update_or_create(
            pk=OVERVIEW_PK, defaults={"payload": payload, "computed_at": started}
        )
        invalidate("insights")
    return snapshot


def insights_compute_due() -> int:
    """Compute whatever changes made out of date, the overview and the networks' maps."""
    count = 0
    due = OverviewSnapshot.objects.filter(
        Q(computed_at__isnull=True) | Q(requested_at__gte=F("computed_at"))
    )
    if due.exists():
        overview_compute()
        count += 1
    return count + network_graphs_compute_due()


def _book_computation() -> None:
    """Book one computation for all the changes of the next few seconds (the debounce)."""
    from undersigned.insights.tasks import network_graphs_compute

    seconds = _debounce_seconds()
    if seconds > 0 and not cache.add(_BOOKED_KEY, 1, timeout=seconds):
        return  # a computation is booked already, and will see this change too
    task = network_graphs_compute
    if seconds > 0 and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + timedelta(seconds=seconds))
    task.enqueue()


def network_graph_compute(*, network: Organization) -> NetworkSnapshot:
    """Compute and store the network's co-signing map; its page is rendered again."""
    started = timezone.now()
    payload = network_graph(network=network)
    with transaction.atomic():
        snapshot, _ = NetworkSnapshot.objects.update_or_create(
            network=network, defaults={"payload": payload, "computed_at": started}
        )
        invalidate(f"org:{network.slug}", "insights")
    return snapshot


def network_graphs_compute_due() -> int:
    """Compute every map noticed as out of date since its last computation, and the maps of
    networks that have none (loaded in bulk, without signals); return how many."""
    due = NetworkSnapshot.objects.filter(
        Q(computed_at__isnull=True) | Q(requested_at__gte=F("computed_at"))
    ).values_list("network_id", flat=True)
    networks = Organization.objects.networks().filter(
        Q(pk__in=list(due)) | Q(insight_snapshot__isnull=True)
    )
    count = 0
    for network in networks:
        network_graph_compute(network=network)
        count += 1
    return count
