from django.urls import path

from undersigned.embeds import views

urlpatterns = [path("", views.oembed, name="oembed")]
