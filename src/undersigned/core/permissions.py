"""The one check on every staff page outside the admin: a staff account with the permission."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from undersigned.core.accounts import staff_verified


def staff_permission_required(*permissions: str) -> Callable:
    """Let in active staff holding every one of the permissions ("app_label.codename").

    Not signed in (or not through the second factor where it is required): to the login page.
    Signed in without the permission: 403, as the admin answers. Superusers hold every one.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            if not (user.is_active and user.is_staff and staff_verified(user)):
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if not user.has_perms(permissions):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        checked.staff_permissions = permissions  # type: ignore[attr-defined]
        return checked

    return decorator
