from django.urls import path

from undersigned.statements import feeds, views

app_name = "statements"

urlpatterns = [
    path("", views.archive, name="archive"),
    path("page/<int:page>/", views.archive, name="archive_page"),
    path("feed.rss", feeds.StatementFeed(), name="feed_rss"),
    path("feed.atom", feeds.StatementAtomFeed(), name="feed_atom"),
    path("categories/", views.category_list, name="categories"),
    path("categories/<slug:slug>/", views.category_detail, name="category"),
    path("categories/<slug:slug>/page/<int:page>/", views.category_detail, name="category_page"),
    path("categories/<slug:slug>/feed.rss", feeds.CategoryFeed(), name="category_feed_rss"),
    path("categories/<slug:slug>/feed.atom", feeds.CategoryAtomFeed(), name="category_feed_atom"),
    path("<slug:slug>/versions/", views.version_list, name="versions"),
    path("<slug:slug>/versions/<int:number>/", views.version_detail, name="version"),
    path("<slug:slug>/", views.statement_detail, name="detail"),
]
