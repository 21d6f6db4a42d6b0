from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from undersigned.core import views as core_views
from undersigned.organizations import views as organization_views
from undersigned.statements import feeds
from undersigned.statements import views as statement_views
from undersigned.statements.sitemaps import sitemaps

urlpatterns = [
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    # Health checks and metrics: outside the language prefix, never cached.
    path("", include("undersigned.operations.urls")),
    path("oembed/", include("undersigned.embeds.oembed_urls")),
    path("api/", include("undersigned.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", statement_views.home, name="home"),
    path("statements/", include("undersigned.statements.urls")),
    path("search/", statement_views.search, name="search"),
    path(
        "staff/statements/<slug:slug>/preview/",
        statement_views.statement_preview,
        name="statement_preview",
    ),
    # The registry's directory is organizations'; an organisation's page and feeds list its
    # statements, so they are statements' views (organizations sits below statements).
    path(
        "organisations/",
        include(
            (
                [
                    path("", organization_views.directory, name="directory"),
                    path("<slug:slug>/", statement_views.organization_detail, name="detail"),
                    path("<slug:slug>/feed.rss", feeds.OrganizationFeed(), name="feed_rss"),
                    path("<slug:slug>/feed.atom", feeds.OrganizationAtomFeed(), name="feed_atom"),
                ],
                "organizations",
            )
        ),
    ),
    path("staff/history/", include("undersigned.staff.history_urls")),
    path("insights/", include("undersigned.insights.urls")),
    path("", include("undersigned.staff.urls")),
    path("", include("undersigned.signatures.urls")),
    path("", include("undersigned.engagement.urls")),
    path("", include("undersigned.importer.urls")),
    path("", include("undersigned.review.urls")),
    path("", include("undersigned.embeds.urls")),
    path("api/", include("undersigned.api.docs_urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    prefix_default_language=True,
)

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME
