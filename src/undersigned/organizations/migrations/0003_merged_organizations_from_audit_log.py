"""Give each organisation merged so far its redirect record, from the audit log's merge entries.

Until now the organisation page read the audit log to redirect a merged record's address; the
log is a record only, so the redirects become rows of their own. Entries are replayed in order:
a survivor that was itself merged later hands its redirects on, as organizations_merge does.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    Organization = apps.get_model("organizations", "Organization")
    MergedOrganization = apps.get_model("organizations", "MergedOrganization")
    into: dict[str, int] = {}  # merged slug -> the organisation that absorbed it
    names: dict[str, str] = {}
    merges = AuditEntry.objects.filter(action="organization.merge").order_by("created_at", "pk")
    for entry in merges:
        details = entry.details or {}
        slug, merged_id = details.get("merged_slug"), details.get("merged_id")
        survivor_id = entry.organization_id
        if merged_id is not None and survivor_id is not None:
            for earlier, target in into.items():
                if target == merged_id:
                    into[earlier] = survivor_id
        if slug and survivor_id is not None:
            into[slug] = survivor_id
            names[slug] = details.get("merged_name") or slug
    existing = set(
        Organization.objects.filter(pk__in=set(into.values())).values_list("pk", flat=True)
    )
    live_slugs = set(
        Organization.objects.filter(slug__in=list(into)).values_list("slug", flat=True)
    )
    for slug, survivor_id in into.items():
        if survivor_id in existing and slug not in live_slugs:
            MergedOrganization.objects.update_or_create(
                slug=slug[:120], defaults={"name": names[slug][:300], "merged_into_id": survivor_id}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("organizations", "0002_merged_organization"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
