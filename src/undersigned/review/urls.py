from django.urls import path

from undersigned.review import views

app_name = "review"

urlpatterns = [
    path("review/<str:token>/", views.read, name="read"),
    path("review/<str:token>/thanks/", views.thanks, name="thanks"),
    path("staff/statements/<slug:slug>/review/", views.links, name="links"),
    path(
        "staff/statements/<slug:slug>/review/links/<int:pk>/revoke/",
        views.link_revoke,
        name="link_revoke",
    ),
    path("staff/statements/<slug:slug>/review/comments/", views.comments, name="comments"),
    path(
        "staff/statements/<slug:slug>/review/comments/<int:pk>/resolve/",
        views.comment_resolve,
        name="comment_resolve",
    ),
    path("staff/statements/<slug:slug>/review/changes/", views.changes, name="changes"),
]
