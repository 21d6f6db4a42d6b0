"""Count statement views after the page is served, whether it came from the page cache or not."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from undersigned.engagement.viewcount import view_record

STATEMENT_VIEW = "statements:detail"


class StatementViewMiddleware:
    """Record a reader's view of a statement page in the cache (see viewcount.py)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            match is not None
            and match.view_name == STATEMENT_VIEW
            and request.method == "GET"
            and response.status_code in (200, 304)
            and not _is_staff(request)
        ):
            view_record(request=request, slug=match.kwargs["slug"])
        return response


def _is_staff(request: HttpRequest) -> bool:
    # Editors checking their own page are not readers. Only signed-in visitors load a session.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_staff)
