from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "undersigned.core"
    verbose_name = _("Site")

    def ready(self) -> None:
        from undersigned.core import checks  # noqa: F401 (registers the start-up checks)
        from undersigned.core.files import on_connection_created

        # Not a domain action: a database file made by Django's test runner or by `migrate` on
        # a fresh machine is created with the umask's permissions; this keeps it 600.
        connection_created.connect(on_connection_created, dispatch_uid="undersigned-private-db")
