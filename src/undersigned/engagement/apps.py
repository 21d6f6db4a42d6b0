from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "undersigned.engagement"
    verbose_name = _("Readers")

    def ready(self) -> None:
        from undersigned.engagement import checks  # noqa: F401
