"""Staff accounts: the checks every staff page and the admin's creation share, and how the
person who started the site learns to sign in without the password reaching a log.

`make run` output is often kept (a terminal multiplexer's scrollback, `make run > run.log`, a
service manager's journal). A generated password is therefore written once to the controlling
terminal, never to standard output, and kept in a file only the site's user can read.
"""

from collections.abc import Callable
from contextlib import suppress
from typing import TextIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from undersigned.core.services import admin_password_file
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


def _open_terminal() -> TextIO | None:
    """Return the controlling terminal for writing, or None when there is none (a service)."""
    with suppress(OSError):
        return open("/dev/tty", "w", encoding="utf-8")  # the caller closes it
    return None


def admin_login_show(
    *,
    username: str,
    password: str,
    created: bool,
    out: TextIO,
    terminal: Callable[[], TextIO | None] = _open_terminal,
) -> None:
    """Say how to sign in: a new password on the terminal only, the file's place on `out`."""
    password_file = admin_password_file()
    if not password:
        where = (
            f"password in {password_file} (readable by you only)"
            if password_file.exists()
            else "password from ADMIN_PASSWORD"
        )
        out.write(f"Admin login: {username}, {where}\n")
        return
    screen = terminal() if created else None
    if screen is None:
        out.write(f"Admin login: {username}, password in {password_file} (readable by you only)\n")
        return
    with screen:
        screen.write(
            f"Admin login: {username} / {password}\n"
            f"(shown once, here only; kept in {password_file}, readable by you only)\n"
        )
    out.write(f"Admin login: {username} (password shown on the terminal, not in this output)\n")
