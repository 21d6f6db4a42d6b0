from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap

from undersigned.organizations.models import Organization
from undersigned.statements.models import Category, Statement


class Sitemap(DjangoSitemap):
    """A sitemap on SITE_URL's scheme and host, whatever host the request came in on."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class StatementSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return Statement.objects.visible().order_by("pk")

    def lastmod(self, item: Statement):
        return item.updated_at


class CategorySitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return Category.objects.public().order_by("pk")


class OrganizationSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Organization.objects.public().order_by("pk")

    def lastmod(self, item: Organization):
        return item.updated_at


sitemaps = {
    "statements": StatementSitemap,
    "categories": CategorySitemap,
    "organizations": OrganizationSitemap,
}
