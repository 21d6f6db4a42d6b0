from django.contrib import admin

from undersigned.core.models import AuditEntry, OutgoingMail


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "actor_label", "statement", "organization"]
    list_filter = ["action"]
    search_fields = ["action", "actor_label", "organization__name", "statement__slug"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """Every mail the site sent; with console mail, the only place to read it besides the log."""

    list_display = ["created_at", "to", "subject", "kind", "status", "attempts"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["to", "subject", "topic"]
    date_hierarchy = "created_at"
    fields = [
        "created_at",
        "sent_at",
        "status",
        "attempts",
        "last_error",
        "kind",
        "topic",
        "language",
        "to",
        "subject",
        "message_id",
        "headers",
        "body_text",
        "body_html",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
