from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _coordinator_group_keep(sender, using, **kwargs) -> None:
    # Django creates the permissions themselves in post_migrate too (after each app's
    # migrations, and again after a test flush): this app is last, so they all exist by now.
    # Before this app's migration has run (a partial `migrate`), the data migration will do it.
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from undersigned.staff.roles import coordinator_group_sync

    applied = MigrationRecorder(connections[using]).applied_migrations()
    if ("staff", "0001_coordinator_group") in applied:
        coordinator_group_sync()


class StaffConfig(AppConfig):
    name = "undersigned.staff"
    verbose_name = _("Staff accounts")

    def ready(self) -> None:
        # A receiver, as Django's own permissions are kept: migrate is the only trigger.
        post_migrate.connect(_coordinator_group_keep, sender=self, dispatch_uid="coordinator")
