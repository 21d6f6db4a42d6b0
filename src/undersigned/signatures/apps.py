from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignaturesConfig(AppConfig):
    name = "undersigned.signatures"
    verbose_name = _("Signatures")

    def ready(self) -> None:
        from undersigned.signatures import checks, signals  # noqa: F401
