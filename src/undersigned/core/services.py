"""Writes that belong to the site as a whole."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from undersigned.core.files import private_file_write
from undersigned.env import env_str


def admin_password_file() -> Path:
    """Return where a generated admin password is kept (mode 600, beside the database)."""
    return settings.VAR_DIR / "admin-password.txt"


@transaction.atomic
def admin_account_ensure() -> tuple[str, str, bool]:
    """Create the admin account once; return its username, its new password, and creation.

    The password is returned only when it was just generated: later runs point to the file.
    """
    User = get_user_model()
    username = env_str("ADMIN_USERNAME", "admin")
    from_env = env_str("ADMIN_PASSWORD", "")
    if User.objects.filter(username=username).exists():
        return username, "", False
    password = from_env or secrets.token_urlsafe(12)
    User.objects.create_superuser(
        username=username,
        email=env_str("ADMIN_EMAIL", "admin@undersigned.localhost"),
        password=password,
    )
    if not from_env:
        # Kept beside the local database, readable by the site's user only.
        private_file_write(admin_password_file(), password + "\n")
    return username, (password if not from_env else ""), True
