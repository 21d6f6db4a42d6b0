from django.urls import path

from undersigned.staff import views

app_name = "staff"

urlpatterns = [
    path("staff/", views.home, name="home"),
    *(
        path(
            f"staff/statements/<slug:slug>/move/{action}/",
            views.statement_transition,
            {"action": action},
            name=f"statement_{action}",
        )
        for action in views.TRANSITIONS
    ),
]
