from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "undersigned.api"
    label = "api"
    verbose_name = _("Public API")

    def ready(self) -> None:
        from undersigned.api import signals  # noqa: F401
