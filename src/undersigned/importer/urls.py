from django.urls import path

from undersigned.importer import views

app_name = "importer"

urlpatterns = [
    path("staff/import/", views.import_page, name="import"),
    path("staff/import/batches/", views.batch_list, name="batches"),
    path("staff/import/registry/", views.registry_load_page, name="registry"),
    path("staff/import/batches/<int:pk>/", views.batch_review, name="batch"),
]
