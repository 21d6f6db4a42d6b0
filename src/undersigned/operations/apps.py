from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site: health checks, metrics, logs, error reports and safe upgrades."""

    name = "undersigned.operations"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from undersigned.operations import checks, errors, logs  # noqa: F401 - registers

        errors.sentry_init()
        logs.connect_task_signals()
