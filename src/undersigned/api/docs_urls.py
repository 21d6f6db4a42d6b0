from django.urls import path

from undersigned.api import docs

app_name = "api-docs"

urlpatterns = [path("", docs.documentation, name="index")]
