from django.contrib import admin

from undersigned.importer.models import ImportedName, ImportRecord


class ImportedNameInline(admin.TabularInline):
    model = ImportedName
    fields = [
        "position",
        "printed_name",
        "organization",
        "resolution",
        "score",
        "explanation",
        "reviewed",
    ]
    readonly_fields = ["position", "printed_name", "resolution", "score", "explanation"]
    autocomplete_fields = ["organization"]
    extra = 0
    can_delete = False


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    list_display = ["statement", "source", "created_at", "created_by"]
    readonly_fields = ["statement", "source", "created_at", "created_by", "parsed"]
    inlines = [ImportedNameInline]
    search_fields = ["source", "statement__slug"]

    def has_add_permission(self, request):
        return False
