"""Fail at start-up, not at the first scrape or error, when an operations setting is wrong."""

from django.conf import settings
from django.core import checks


@checks.register()
def operations_settings(app_configs, **kwargs) -> list[checks.CheckMessage]:
    errors = []
    if settings.WORKER_HEARTBEAT_MAX_AGE < 20:
        # The worker beats every 15 s: less would call a healthy worker dead.
        errors.append(
            checks.Error("WORKER_HEARTBEAT_MAX_AGE must be 20 or more.", id="operations.E001")
        )
    if settings.OUTBOX_STUCK_MINUTES < 1:
        errors.append(checks.Error("OUTBOX_STUCK_MINUTES must be 1 or more.", id="operations.E002"))
    if settings.ERROR_MAIL_INTERVAL_MINUTES < 1:
        errors.append(
            checks.Error("ERROR_MAIL_INTERVAL_MINUTES must be 1 or more.", id="operations.E003")
        )
    if settings.PRODUCTION and settings.METRICS_TOKEN and len(settings.METRICS_TOKEN) < 24:
        errors.append(
            checks.Warning(
                "METRICS_TOKEN is short: use 24 characters or more (openssl rand -hex 24).",
                id="operations.W001",
            )
        )
    return errors
