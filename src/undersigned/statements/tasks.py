"""Background work for statements, run by the worker."""

from django.tasks import task

from undersigned.core.pagecache import invalidate
from undersigned.statements.models import Statement
from undersigned.statements.search import search_visibility_update


@task()
def statement_deadline_pass(*, statement_id: int) -> str:
    """Renew a statement's cached pages when its signature deadline passes: the form goes.

    Nothing else changes at that moment, so without this the page (in the app's cache and in
    nginx's, which revalidates against the same generations) would keep offering the form.
    Booked when the deadline is set; running early, late or twice only renders the page again.
    """
    slug = Statement.objects.filter(pk=statement_id).values_list("slug", flat=True).first()
    if slug is None:
        return "gone"
    invalidate(f"statement:{slug}", "archive")
    return "renewed"


@task()
def statement_publication_arrive(*, statement_id: int) -> str:
    """Renew the pages that list a statement when its scheduled publication time comes.

    Until then it is on none of them (StatementQuerySet.visible); at that moment nothing is
    saved, so without this the archive, the insights and the pages that list it would be
    served from the cache without it. Running early, late or twice only renders them again.
    """
    statement = Statement.objects.filter(pk=statement_id).first()
    if statement is None:
        return "gone"
    # The search finds it from its time by itself (searchable_from); this only makes sure its
    # documents hold the date it has now, however that date was set.
    search_visibility_update(statement)
    invalidate(f"statement:{statement.slug}", "archive", "insights")
    return "renewed"
