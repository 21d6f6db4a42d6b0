from django.contrib import admin

from undersigned.signatures.models import Signatory


class SignatoryInline(admin.TabularInline):
    model = Signatory
    autocomplete_fields = ["organization"]
    fields = ["position", "organization", "signed_on", "public_note"]
    extra = 1


@admin.register(Signatory)
class SignatoryAdmin(admin.ModelAdmin):
    list_display = ["organization", "statement", "position", "signed_on"]
    list_select_related = ["organization", "statement"]
    search_fields = ["organization__name", "statement__slug"]
    autocomplete_fields = ["organization", "statement"]
    list_filter = ["signed_on"]
