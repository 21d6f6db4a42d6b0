from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from undersigned.organizations.models import Membership, Organization, OrganizationAlias


class AliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 1


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "member"
    autocomplete_fields = ["network"]
    extra = 0
    verbose_name = _("membership in a network")
    verbose_name_plural = _("memberships in networks")


class MemberInline(admin.TabularInline):
    model = Membership
    fk_name = "network"
    autocomplete_fields = ["member"]
    extra = 0
    verbose_name = _("member")
    verbose_name_plural = _("members")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city", "needs_review", "updated_at"]
    list_filter = ["kind", "needs_review", "country"]
    search_fields = ["name", "aliases__name", "email_domains", "website"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, MembershipInline, MemberInline]
    readonly_fields = ["created_at", "updated_at"]
    view_on_site = True


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["member", "network", "role", "since"]
    list_filter = ["role"]
    autocomplete_fields = ["member", "network"]
    search_fields = ["member__name", "network__name"]
