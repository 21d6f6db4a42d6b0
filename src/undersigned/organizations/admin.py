from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from undersigned.core.params import parse_number
from undersigned.organizations import selectors
from undersigned.organizations.models import (
    Membership,
    MergedOrganization,
    Organization,
    OrganizationAlias,
)
from undersigned.organizations.services import (
    MergeConflict,
    organization_merge_conflicts,
    organizations_mark_reviewed,
    organizations_merge,
)

# Scanning every record against the registry costs about a millisecond each.
FULL_SCAN_LIMIT = 3000


class AliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 1


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "member"
    autocomplete_fields = ["network"]
    extra = 0
    verbose_name = gettext_lazy("membership in a network")
    verbose_name_plural = gettext_lazy("memberships in networks")


class MemberInline(admin.TabularInline):
    model = Membership
    fk_name = "network"
    autocomplete_fields = ["member"]
    extra = 0
    verbose_name = gettext_lazy("member")
    verbose_name_plural = gettext_lazy("members")


class MissingNameFilter(admin.SimpleListFilter):
    """Organisations that lack a name in a language, for coordinators to complete."""

    title = gettext_lazy("name missing in")
    parameter_name = "missing_name"

    def lookups(self, request, model_admin):
        return [("hy", gettext_lazy("Armenian")), ("ru", gettext_lazy("Russian"))]

    def queryset(self, request, queryset):
        if self.value() in ("hy", "ru"):
            return queryset.filter(**{f"name_{self.value()}": ""})
        return queryset


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "name_hy", "name_ru", "kind", "city", "needs_review", "updated_at"]
    list_filter = [MissingNameFilter, "kind", "needs_review", "country"]
    search_fields = [
        "name",
        "name_en",
        "name_hy",
        "name_ru",
        "aliases__name",
        "email_domains",
        "website",
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "website", "email_domains", "logo"]}),
        (
            gettext_lazy("Names in each language"),
            {
                "fields": ["name_en", "name_hy", "name_ru"],
                "description": gettext_lazy(
                    "Readers see the name in their language; where it is empty, the name above."
                ),
            },
        ),
        (
            gettext_lazy("Place and description"),
            {
                "fields": [
                    ("city", "city_hy", "city_ru"),
                    ("country", "country_hy", "country_ru"),
                    "description",
                    "description_hy",
                    "description_ru",
                ]
            },
        ),
        (None, {"fields": ["needs_review", "created_at", "updated_at"]}),
    ]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, MembershipInline, MemberInline]
    readonly_fields = ["created_at", "updated_at"]
    view_on_site = True
    actions = ["merge_selected", "mark_reviewed"]
    change_list_template = "admin/organizations/organization/change_list.html"

    def get_urls(self):
        own = [
            path(
                "duplicates/",
                self.admin_site.admin_view(self.duplicates_view),
                name="organizations_organization_duplicates",
            ),
            path(
                "merge/",
                self.admin_site.admin_view(self.merge_view),
                name="organizations_organization_merge",
            ),
        ]
        return own + super().get_urls()

    @admin.action(description=gettext_lazy("Mark as reviewed"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        updated = organizations_mark_reviewed(organizations=queryset, by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation marked as reviewed.",
                "%(count)d organisations marked as reviewed.",
                updated,
            )
            % {"count": updated},
        )

    @admin.action(
        description=gettext_lazy("Merge the selected organisations…"), permissions=["change"]
    )
    def merge_selected(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True)[:2])
        if queryset.count() != 2:
            self.message_user(
                request, _("Select exactly two organisations to merge."), messages.ERROR
            )
            return None
        return redirect(
            f"{reverse('admin:organizations_organization_merge')}?ids={ids[0]},{ids[1]}"
        )

    def duplicates_view(self, request):
        """List pairs of records that probably name one organisation, with scores."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        scope = request.GET.get("scope", "review")
        organizations = Organization.objects.all()
        too_large = scope == "all" and organizations.count() > FULL_SCAN_LIMIT
        if scope != "all" or too_large:
            organizations = organizations.filter(needs_review=True)
        candidates = selectors.registry_duplicate_candidates(organizations=organizations)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Probable duplicates"),
            "candidates": candidates,
            "scope": "review" if too_large else scope,
            "too_large": too_large,
            "full_scan_limit": FULL_SCAN_LIMIT,
        }
        return TemplateResponse(request, "admin/organizations/duplicates.html", context)

    def merge_view(self, request):
        """Merge one record into another after showing what moves and what conflicts."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        raw = request.POST.get("ids") or request.GET.get("ids", "")
        parsed = [parse_number(part.strip(), name="ids") for part in raw.split(",")[:2]]
        ids = [pk for pk in parsed if pk is not None]
        records = Organization.objects.in_bulk(ids)
        if len(records) != 2:
            self.message_user(request, _("Those organisations no longer exist."), messages.ERROR)
            return redirect("admin:organizations_organization_changelist")
        first, second = records[ids[0]], records[ids[1]]
        if request.method == "POST":
            survivor_id = parse_number(request.POST.get("survivor"), name="survivor") or first.pk
            survivor, duplicate = (first, second) if survivor_id == first.pk else (second, first)
            try:
                organizations_merge(
                    survivor=survivor,
                    duplicate=duplicate,
                    by=request.user,
                    confirm_conflicts=request.POST.get("confirm_conflicts") == "on",
                )
            except MergeConflict as conflict:
                self.message_user(
                    request,
                    _("Not merged: %(reason)s Tick the confirmation to merge anyway.")
                    % {"reason": conflict},
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request,
                    _("“%(duplicate)s” was merged into “%(survivor)s”; its name is now an alias.")
                    % {"duplicate": duplicate.name, "survivor": survivor.name},
                )
                return redirect("admin:organizations_organization_change", survivor.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Merge two organisations"),
            "first": first,
            "second": second,
            "ids": f"{first.pk},{second.pk}",
            "conflicts": organization_merge_conflicts(survivor=first, duplicate=second),
            "first_signatures": first.signatures.count(),
            "second_signatures": second.signatures.count(),
        }
        return TemplateResponse(request, "admin/organizations/merge.html", context)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["member", "network", "role", "since"]
    list_filter = ["role"]
    autocomplete_fields = ["member", "network"]
    search_fields = ["member__name", "network__name"]


@admin.register(MergedOrganization)
class MergedOrganizationAdmin(admin.ModelAdmin):
    """Merged records, whose old addresses redirect: written by the merge only."""

    list_display = ["name", "slug", "merged_into", "merged_at"]
    list_select_related = ["merged_into"]
    search_fields = ["name", "slug", "merged_into__name"]
    readonly_fields = ["name", "slug", "merged_into", "merged_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
