"""Background work for insights, run by the worker."""

from django.tasks import task

from undersigned.insights import services


@task()
def network_graphs_compute() -> int:
    """Compute the overview's figures and the co-signing maps that changes made out of date.

    Booked once per debounce window (services._book_computation) after the commit of a change;
    running twice or late only computes the maps again from what is stored.
    """
    return services.insights_compute_due()
