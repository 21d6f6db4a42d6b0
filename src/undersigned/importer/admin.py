from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from undersigned.importer.models import ImportedName, ImportRecord
from undersigned.organizations.explanations import explanation_display


class ImportedNameInline(admin.TabularInline):
    model = ImportedName
    fields = [
        "position",
        "printed_name",
        "organization",
        "resolution",
        "score",
        "explanation_shown",
        "reviewed",
    ]
    readonly_fields = ["position", "printed_name", "resolution", "score", "explanation_shown"]
    autocomplete_fields = ["organization"]
    extra = 0
    can_delete = False

    @admin.display(description=_("explanation"))
    def explanation_shown(self, name: ImportedName) -> str:
        # Stored as codes with parameters; shown in the coordinator's language.
        return explanation_display(name.reasons)


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    list_display = ["statement", "source", "created_at", "created_by"]
    readonly_fields = ["statement", "source", "created_at", "created_by", "parsed"]
    inlines = [ImportedNameInline]
    search_fields = ["source", "statement__slug"]

    def has_add_permission(self, request):
        return False
