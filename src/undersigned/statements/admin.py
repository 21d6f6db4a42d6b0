from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from undersigned.signatures.admin import SignatoryInline
from undersigned.statements.models import Category, Statement, StatementTranslation


class TranslationInline(admin.StackedInline):
    model = StatementTranslation
    extra = 0
    min_num = 1
    fields = ["language", "title", "summary", "body", "adoption_note"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "published_at", "open_for_joining", "signature_deadline"]
    list_filter = ["status", "categories", "open_for_joining"]
    search_fields = ["slug", "translations__title"]
    date_hierarchy = "published_at"
    filter_horizontal = ["categories"]
    autocomplete_fields = ["publishers"]
    inlines = [TranslationInline, SignatoryInline]
    readonly_fields = ["created_at", "updated_at"]
    view_on_site = True
    fieldsets = [
        (None, {"fields": ["slug", "status", "original_language", "publishers", "categories"]}),
        (
            _("Dates"),
            {"fields": ["published_at", "events_start", "events_end", "created_at", "updated_at"]},
        ),
        (
            _("Signatures"),
            {"fields": ["open_for_joining", "signature_deadline", "signatory_order"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_hy", "name_ru", "slug"]
    search_fields = ["name_en", "name_hy", "name_ru"]
    prepopulated_fields = {"slug": ["name_en"]}
