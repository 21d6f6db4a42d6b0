from django.urls import path

from undersigned.organizations import views
from undersigned.statements import feeds

app_name = "organizations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<slug:slug>/", views.organization_detail, name="detail"),
    path("<slug:slug>/feed.rss", feeds.OrganizationFeed(), name="feed_rss"),
    path("<slug:slug>/feed.atom", feeds.OrganizationAtomFeed(), name="feed_atom"),
]
