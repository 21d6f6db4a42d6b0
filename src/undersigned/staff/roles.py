"""The Coordinator group: exactly the permissions the coordinators' work needs."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

COORDINATOR_GROUP = "Coordinator"

# "app_label.codename". Not here on purpose: users and groups, deleting statements,
# organisations or signatures, and the mail outbox's contents beyond reading them.
COORDINATOR_PERMISSIONS: tuple[str, ...] = (
    # The dashboard (/staff/statements/…): requests, the list of signatories, contact data.
    "signatures.view_signonrequest",
    "signatures.change_signonrequest",
    "signatures.export_contacts",
    "signatures.erase_contact",
    "signatures.view_signatory",
    "signatures.change_signatory",
    "signatures.view_supporter",
    "signatures.change_supporter",
    # Statements, their translations and versions: drafting and publishing, not deleting.
    "statements.view_statement",
    "statements.add_statement",
    "statements.change_statement",
    "statements.view_statementtranslation",
    "statements.add_statementtranslation",
    "statements.change_statementtranslation",
    "statements.view_statementversion",
    "statements.view_category",
    # The registry: adding, correcting and merging organisations.
    "organizations.view_organization",
    "organizations.add_organization",
    "organizations.change_organization",
    "organizations.view_organizationalias",
    "organizations.add_organizationalias",
    "organizations.change_organizationalias",
    "organizations.delete_organizationalias",
    "organizations.view_membership",
    "organizations.add_membership",
    "organizations.change_membership",
    "organizations.delete_membership",
    # Readers: moderating comments, closing them, the newsletter's subscribers.
    "engagement.view_comment",
    "engagement.change_comment",
    "engagement.view_commenter",
    "engagement.change_commenter",
    "engagement.view_statementengagement",
    "engagement.change_statementengagement",
    "engagement.view_subscriber",
    "engagement.export_subscribers",
    "engagement.view_newsletterissue",
    "engagement.view_friendmessage",
    # Importing statement pages as drafts, and reviewing the names read from them.
    "importer.use_import",
    "importer.view_importrecord",
    "importer.change_importrecord",
    "importer.view_importedname",
    "importer.change_importedname",
    # What was done, by whom; the mail the site sent (read only).
    "core.view_auditentry",
    "core.view_outgoingmail",
)


def coordinator_group_sync(*, apps=global_apps, create_missing: bool = False) -> None:
    """Give the Coordinator group exactly COORDINATOR_PERMISSIONS, creating it if needed.

    Called by this app's data migration (with the historical models, and create_missing so
    that the permissions exist before Django's own post_migrate makes them) and after every
    migrate, so that a permission added to the list reaches existing databases.
    """
    if create_missing:
        for app_config in apps.get_app_configs():
            # The migration's app registry has no models modules; Django's helper needs one.
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = set(COORDINATOR_PERMISSIONS)
    found = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.filter(
            content_type__app_label__in={name.partition(".")[0] for name in wanted}
        ).values_list("pk", "content_type__app_label", "codename")
    }
    missing = sorted(wanted - found.keys())
    if missing:
        # A renamed model or permission must be renamed here too, not silently dropped.
        raise LookupError(f"The Coordinator group names unknown permissions: {missing}")
    group, _created = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    group.permissions.set([found[name] for name in wanted])
