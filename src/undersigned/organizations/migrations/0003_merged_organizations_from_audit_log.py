"""Give each organisation merged so far its redirect record, from the audit log's merge entries.

Until now the organisation page read the audit log to redirect a merged record's address; the
log is a record only, so the redirects become rows of their own.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    Organization = apps.get_model("organizations", "Organization")
    MergedOrganization = apps.get_model("organizations", "MergedOrganization")
    # An entry whose survivor was deleted since (merged in its turn) lost its link, as the page
    # did: only entries that still name their survivor lead anywhere. The latest entry wins.
    merges = AuditEntry.objects.filter(
        action="organization.merge", organization__isnull=False
    ).order_by("created_at", "pk")
    for entry in merges:
        slug = (entry.details or {}).get("merged_slug")
        if not slug or Organization.objects.filter(slug=slug).exists():
            continue  # nothing to redirect, or a live organisation has the address again
        MergedOrganization.objects.update_or_create(
            slug=slug[:120],
            defaults={
                "name": ((entry.details or {}).get("merged_name") or slug)[:300],
                "merged_into_id": entry.organization_id,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("organizations", "0002_merged_organization"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
