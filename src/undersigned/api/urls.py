from django.urls import path, re_path

from undersigned.api import docs, views

urlpatterns = [
    path("v1/", views.api.urls),
    path(f"dump/{docs.DUMP_NAME}", docs.dump_download, name="api-dump"),
    # Anything else under the API answers in JSON too, never with the site's HTML 404 page.
    re_path(r"^(?P<rest>.*)$", views.not_found),
]
