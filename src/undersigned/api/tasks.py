"""Background work for the public data: the bulk dump."""

from django.core.cache import cache
from django.tasks import task

from undersigned.api.dump import dump_write

DUMP_BOOKED_KEY = "api:dump-booked"


@task()
def dump_regenerate() -> int:
    """Write the bulk dump again from the database; running twice only writes it twice."""
    cache.delete(DUMP_BOOKED_KEY)
    return dump_write()
