from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "undersigned.insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        from undersigned.insights import signals  # noqa: F401
