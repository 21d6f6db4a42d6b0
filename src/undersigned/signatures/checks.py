"""Fail at start-up, not at the first sign-on, when a sign-on setting cannot be read."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from undersigned.core.ratelimit import parse_rate


@checks.register()
def rate_limits_are_readable(app_configs, **kwargs) -> list[checks.CheckMessage]:
    errors = []
    for name in (
        "SIGNON_RATE_LIMIT_IP",
        "SIGNON_RATE_LIMIT_EMAIL",
        "SIGNON_RATE_LIMIT_SEARCH",
        "SUPPORTERS_RATE_LIMIT_IP",
        "SUPPORTERS_RATE_LIMIT_EMAIL",
    ):
        try:
            parse_rate(getattr(settings, name))
        except ImproperlyConfigured as error:
            errors.append(checks.Error(f"{name}: {error}", id="signatures.E001"))
    if settings.SIGNON_TOKEN_DAYS < 1:
        errors.append(checks.Error("SIGNON_TOKEN_DAYS must be 1 or more.", id="signatures.E002"))
    if settings.SIGNON_RECONFIRM_DAYS < 1:
        errors.append(
            checks.Error("SIGNON_RECONFIRM_DAYS must be 1 or more.", id="signatures.E003")
        )
    if settings.SUPPORTERS_COUNT_SECONDS < 1:
        errors.append(
            checks.Error("SUPPORTERS_COUNT_SECONDS must be 1 or more.", id="signatures.E004")
        )
    return errors


@checks.register()
def letter_fonts_are_installed(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Warn, without stopping the site, that the PDF letter will answer with an error."""
    from undersigned.signatures.exports import LetterFontsMissing, letter_fonts

    try:
        letter_fonts()
    except LetterFontsMissing as error:
        return [checks.Warning(str(error), id="signatures.W001")]
    return []
