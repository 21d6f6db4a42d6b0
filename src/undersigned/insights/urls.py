from django.urls import path

from undersigned.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("<slug:chart>.csv", views.overview_csv, name="overview_csv"),
    path(
        "organisations/<slug:slug>/<slug:chart>.csv",
        views.organization_csv,
        name="organization_csv",
    ),
    path("statements/<slug:slug>/<slug:chart>.csv", views.statement_csv, name="statement_csv"),
]
