from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content and the command that sets up a whole site: above every other app."""

    name = "undersigned.demo"
    verbose_name = _("Demo")
