from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from undersigned.core.ratelimit import parse_rate


@register()
def readers_settings_check(app_configs, **kwargs):
    """Fail fast on a mistyped Readers setting."""
    errors = []
    if settings.COMMENTS_MODERATION not in ("first", "all"):
        errors.append(
            Error(
                "COMMENTS_MODERATION must be 'first' or 'all', "
                f"not {settings.COMMENTS_MODERATION!r}.",
                id="engagement.E001",
            )
        )
    for name in (
        "COMMENTS_RATE_LIMIT_IP",
        "COMMENTS_RATE_LIMIT_EMAIL",
        "NEWSLETTER_RATE_LIMIT_IP",
        "NEWSLETTER_RATE_LIMIT_EMAIL",
        "FRIEND_RATE_LIMIT_IP",
        "FRIEND_RATE_LIMIT_RECIPIENT",
    ):
        try:
            parse_rate(getattr(settings, name))
        except ImproperlyConfigured as error:
            errors.append(Error(f"{name}: {error}", id="engagement.E002"))
    return errors
