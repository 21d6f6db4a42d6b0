"""Staff accounts: the checks every staff page and the admin's creation share."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from undersigned.env import env_str


def staff_verified(user) -> bool:
    """Tell whether the user passed the second factor, when the site asks for one."""
    if not settings.STAFF_REQUIRE_2FA:
        return True
    # django-otp's middleware gives every request's user is_verified().
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified is not None and is_verified())


def admin_password_validate() -> None:
    """Refuse an ADMIN_PASSWORD that Django's password validators reject, saying why."""
    password = env_str("ADMIN_PASSWORD", "")
    if not password:
        return  # `up` generates a long random one
    user = get_user_model()(
        username=env_str("ADMIN_USERNAME", "admin"),
        email=env_str("ADMIN_EMAIL", "admin@undersigned.localhost"),
    )
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        reasons = " ".join(str(message) for message in error.messages)
        raise CommandError(f"ADMIN_PASSWORD is too weak: {reasons}") from error
