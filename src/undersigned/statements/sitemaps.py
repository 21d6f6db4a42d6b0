from django.contrib.sitemaps import Sitemap

from undersigned.organizations.models import Organization
from undersigned.statements.models import Category, Statement


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
        return Category.objects.order_by("pk")


class OrganizationSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Organization.objects.order_by("pk")

    def lastmod(self, item: Organization):
        return item.updated_at


sitemaps = {
    "statements": StatementSitemap,
    "categories": CategorySitemap,
    "organizations": OrganizationSitemap,
}
