from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from undersigned.core import views as core_views
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
]

urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("statements/", include("undersigned.statements.urls")),
    path("search/", statement_views.search, name="search"),
    path("organisations/", include("undersigned.organizations.urls")),
    path("insights/", include("undersigned.insights.urls")),
    path("", include("undersigned.signatures.urls")),
    path("", include("undersigned.engagement.urls")),
    path("", include("undersigned.importer.urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    prefix_default_language=True,
)

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME
