from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """Saving, publishing and closing a statement: actions that reach every app below."""

    name = "undersigned.publishing"
    verbose_name = _("Publishing")
