from django.urls import path

from undersigned.importer import views

app_name = "importer"

urlpatterns = [
    path("staff/import/", views.import_page, name="import"),
]
