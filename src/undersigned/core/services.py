"""Writes that belong to the site as a whole."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from undersigned.env import env_str


@transaction.atomic
def admin_account_ensure() -> tuple[str, str, bool]:
    """Create the admin account once; return its username, its password if known, and creation."""
    User = get_user_model()
    username = env_str("ADMIN_USERNAME", "admin")
    from_env = env_str("ADMIN_PASSWORD", "")
    password_file = settings.VAR_DIR / "admin-password.txt"
    if User.objects.filter(username=username).exists():
        if from_env:
            return username, "", False
        known = password_file.read_text().strip() if password_file.exists() else ""
        return username, known, False
    password = from_env or secrets.token_urlsafe(12)
    User.objects.create_superuser(
        username=username,
        email=env_str("ADMIN_EMAIL", "admin@undersigned.localhost"),
        password=password,
    )
    if not from_env:
        # Kept beside the local database so that the next `make run` can print it again.
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
    return username, (password if not from_env else ""), True
