from django.urls import path

from undersigned.embeds import views

app_name = "embeds"

urlpatterns = [
    path("embed/<slug:slug>/", views.embed, name="statement"),
    path("statements/<slug:slug>.md", views.markdown, name="markdown"),
]
