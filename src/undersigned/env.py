"""Read settings from the environment, with safe local defaults and fast failure."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    """Return the variable, or the default; raise when neither exists."""
    value = os.environ.get(name)
    if value is not None:
        return value
    if default is None:
        raise ImproperlyConfigured(f"Set the environment variable {name}.")
    return default


def env_bool(name: str, default: bool) -> bool:
    """Return the variable read as a boolean."""
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


def env_int(name: str, default: int) -> int:
    """Return the variable read as an integer."""
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated variable as a list."""
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# Secrets seen in examples and tutorials: a key anyone can read is no secret.
KNOWN_SECRETS = {
    "changeme",
    "change-me",
    "secret",
    "secret_key",
    "your-secret-key",
    "insecure-local-key-never-use-in-production",
}
SECRET_MIN_LENGTH = 50
SECRET_MIN_UNIQUE = 12


def production_refusal(*, secret_key: str, debug: bool) -> str:
    """Return why production must not start with these settings, or "" when it may."""
    if debug:
        return (
            "DEBUG is on while UNDERSIGNED_PRODUCTION=1: it shows settings and data to "
            "every visitor. Unset DEBUG (or set DEBUG=0)."
        )
    key = secret_key.strip()
    advice = "Generate one with: python3 -c 'import secrets; print(secrets.token_urlsafe(64))'"
    if key.lower() in KNOWN_SECRETS or key.startswith("django-insecure-"):
        return f"SECRET_KEY is a well-known example value, not a secret. {advice}"
    if len(key) < SECRET_MIN_LENGTH:
        return (
            f"SECRET_KEY is too short ({len(key)} characters; at least "
            f"{SECRET_MIN_LENGTH} are needed). {advice}"
        )
    if len(set(key)) < SECRET_MIN_UNIQUE:
        return f"SECRET_KEY repeats too few characters to be random. {advice}"
    return ""
