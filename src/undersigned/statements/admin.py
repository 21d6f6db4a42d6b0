from django.contrib import admin

from undersigned.statements.models import Category

# The statement's own screen is in publishing.admin: saving it reaches signatures and the
# newsletter, which sit above statements.


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_hy", "name_ru", "slug"]
    search_fields = ["name_en", "name_hy", "name_ru"]
    prepopulated_fields = {"slug": ["name_en"]}
