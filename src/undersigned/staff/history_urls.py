from django.urls import path

from undersigned.staff import history

app_name = "staff_history"

urlpatterns = [
    path("", history.history_page, name="list"),
    path("history.csv", history.history_csv, name="csv"),
]
