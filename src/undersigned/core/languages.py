"""The languages statements are written in, shared by every app."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [("en", _("English")), ("hy", _("Armenian")), ("ru", _("Russian"))]
LANGUAGE_CODES = [code for code, _name in LANGUAGE_CHOICES]


def fallback_order(language: str) -> list[str]:
    """Return languages to try, the requested one first, then the site default, then the rest."""
    order = [language, settings.LANGUAGE_CODE, *LANGUAGE_CODES]
    return list(dict.fromkeys(code for code in order if code in LANGUAGE_CODES))
