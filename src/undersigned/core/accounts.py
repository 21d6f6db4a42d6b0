"""Tell the person who started the site how to sign in, without the password reaching a log.

`make run` output is often kept (a terminal multiplexer's scrollback, `make run > run.log`, a
service manager's journal). A generated password is therefore written once to the controlling
terminal, never to standard output, and kept in a file only the site's user can read.
"""

from collections.abc import Callable
from contextlib import suppress
from typing import TextIO

from undersigned.core.services import admin_password_file


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
