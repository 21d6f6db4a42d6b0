"""Per-view changes to the site's security headers (the defaults are in settings)."""

from collections.abc import Callable

from django.conf import settings
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override


def csp_frame_ancestors(*sources: str) -> Callable:
    """Let the listed origins frame this view, keeping the rest of SECURE_CSP.

    For an embeddable page: `@csp_frame_ancestors("https:")` or
    `@csp_frame_ancestors("https://partner.example.org")`. Also lifts X-Frame-Options: DENY,
    which would otherwise forbid the frame in older browsers. Put it outermost (above
    cached_page) so that a cached response gets the header too.
    """

    def decorator(view: Callable) -> Callable:
        # Read when the view is decorated: SECURE_CSP is fixed for the process.
        policy = {**settings.SECURE_CSP, "frame-ancestors": list(sources)}
        return xframe_options_exempt(csp_override(policy)(view))

    return decorator
