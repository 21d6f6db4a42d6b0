"""Translate an EMAIL_URL into Django's MAILERS setting."""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_BACKENDS = {
    # Django's SMTP backend, with the addresses' check made cheaper (core/smtp.py).
    "smtp": "undersigned.core.smtp.EmailBackend",
    "smtps": "undersigned.core.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def mailers_from_url(url: str) -> dict[str, dict[str, object]]:
    """Return MAILERS for a URL like smtp://user:pass@host:587?tls=1 (empty: the console)."""
    if not url:
        return {"default": {"BACKEND": _BACKENDS["console"]}}
    parts = urlsplit(url)
    if parts.scheme not in _BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme must be one of {', '.join(sorted(_BACKENDS))}, not {parts.scheme!r}."
        )
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    mailer: dict[str, object] = {"BACKEND": _BACKENDS[parts.scheme]}
    if parts.scheme in {"smtp", "smtps"}:
        mailer["OPTIONS"] = {
            "host": parts.hostname or "localhost",
            "port": parts.port or (465 if parts.scheme == "smtps" else 25),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_ssl": parts.scheme == "smtps",
            "use_tls": query.get("tls", "0") in {"1", "true", "yes"},
            "timeout": int(query.get("timeout", "20")),
        }
    return {"default": mailer}
