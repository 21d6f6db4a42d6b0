from django.db import migrations


def coordinator_group_create(apps, schema_editor):
    from undersigned.staff.roles import coordinator_group_sync

    coordinator_group_sync(apps=apps, create_missing=True)


class Migration(migrations.Migration):
    """Create the Coordinator group; post_migrate keeps its permissions in step afterwards."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_outgoingmail"),
        ("organizations", "0001_initial"),
        ("statements", "0006_search_title_index"),
        ("signatures", "0004_permissions"),
        ("engagement", "0002_permissions"),
        ("importer", "0003_permissions"),
    ]

    operations = [
        migrations.RunPython(coordinator_group_create, migrations.RunPython.noop),
    ]
