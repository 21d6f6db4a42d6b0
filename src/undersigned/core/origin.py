"""Cross-site request protection for the forms that sit on pages shared by every reader.

The statement page (with its sign-on, comment and newsletter forms) is cached for everyone, by
the app and by nginx or a CDN in front of it. A CSRF token would make each copy differ and set
a cookie on every visit, so nothing could share it. These forms carry no token; the browser
says where the request comes from instead: Sec-Fetch-Site (every current browser), else
Origin. That is the check a token stands in for. None of the forms acts on a signed-in
visitor's behalf: each one waits for the owner of an email address to confirm, and the
commenter cookie is SameSite=Lax, so a request from another site never carries it.
"""

from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt


def same_origin_post(view):
    """Refuse a POST that another site's page makes the reader's browser send."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST" and not from_this_site(request):
            return HttpResponseForbidden(_("This form can only be sent from this site."))
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)


def from_this_site(request: HttpRequest) -> bool:
    """Return whether the browser says the request was made by one of this site's pages."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin is None  # old browsers send neither header
    allowed = {f"{request.scheme}://{request.get_host()}", settings.SITE_URL}
    return origin in allowed or origin in settings.CSRF_TRUSTED_ORIGINS
