from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from undersigned.signatures import services, supporters
from undersigned.signatures.models import Signatory, SignOnRequest, Supporter


class SignatoryInline(admin.TabularInline):
    model = Signatory
    autocomplete_fields = ["organization"]
    fields = ["position", "organization", "signed_on", "public_note"]
    extra = 1


@admin.register(Signatory)
class SignatoryAdmin(admin.ModelAdmin):
    list_display = ["organization", "statement", "position", "signed_on", "version"]
    list_select_related = ["organization", "statement", "version"]
    search_fields = ["organization__name", "statement__slug"]
    autocomplete_fields = ["organization", "statement"]
    list_filter = ["signed_on"]
    readonly_fields = ["version"]


@admin.register(SignOnRequest)
class SignOnRequestAdmin(admin.ModelAdmin):
    list_display = ["display_name", "statement", "status", "created_at", "confirmed_at"]
    list_filter = ["status", "language", "joined_existing"]
    list_select_related = ["organization", "statement"]
    search_fields = ["organization_name", "organization__name", "contact_email", "statement__slug"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["organization"]
    actions = ["approve_selected"]
    # State changes go through the services (and the dashboard), so that each is logged.
    readonly_fields = [f.name for f in SignOnRequest._meta.fields if f.name not in {"organization"}]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Approve the selected pending requests"), permissions=["change"])
    def approve_selected(self, request, queryset):
        count = services.sign_on_bulk_approve(sign_ons=list(queryset), by=request.user)
        self.message_user(
            request,
            ngettext("Approved %(count)d request.", "Approved %(count)d requests.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Supporter)
class SupporterAdmin(admin.ModelAdmin):
    """Supporters, for moderation: a name can be taken off the public list; the count stays."""

    list_display = ["name", "place", "statement", "show_name", "confirmed_at", "counted_at"]
    list_filter = ["show_name", "language"]
    list_select_related = ["statement"]
    search_fields = ["name", "place", "email", "statement__slug"]
    date_hierarchy = "created_at"
    actions = ["hide_names"]
    readonly_fields = [f.name for f in Supporter._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # The count is kept by batches that only add: deleting a row would leave it wrong.
        return False

    @admin.action(
        description=_("Take the selected names off the public list"), permissions=["change"]
    )
    def hide_names(self, request, queryset):
        count = supporters.supporters_hide(supporters=list(queryset), by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d name is no longer shown.", "%(count)d names are no longer shown.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
