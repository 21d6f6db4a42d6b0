from django.urls import path

from undersigned.engagement import views

app_name = "engagement"

urlpatterns = [
    path("statements/<slug:slug>/comment/", views.comment_create, name="comment_create"),
    path(
        "statements/<slug:slug>/seen/<str:key>.gif",
        views.statement_seen,
        name="statement_seen",
    ),
    path("statements/<slug:slug>/send/", views.friend_send, name="friend_send"),
    path("comments/confirm/<str:token>/", views.comment_confirm, name="comment_confirm"),
    path("newsletter/", views.newsletter_subscribe, name="newsletter"),
    path("newsletter/sent/", views.newsletter_sent, name="newsletter_sent"),
    path("newsletter/confirm/<str:token>/", views.newsletter_confirm, name="newsletter_confirm"),
    path(
        "newsletter/unsubscribe/<str:key>/",
        views.newsletter_unsubscribe,
        name="newsletter_unsubscribe",
    ),
    path("staff/newsletter/subscribers.csv", views.newsletter_export, name="newsletter_export"),
    path(
        "staff/statements/<slug:slug>/comments/",
        views.comments_setting,
        name="comments_setting",
    ),
]
