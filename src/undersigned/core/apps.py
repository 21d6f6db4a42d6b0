from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "undersigned.core"
    verbose_name = _("Site")

    def ready(self):
        from undersigned.core import checks  # noqa: F401 (registers the start-up checks)
