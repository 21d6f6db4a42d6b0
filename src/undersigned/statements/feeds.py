"""RSS and Atom feeds: all statements, per category, per organisation.

Every address in a feed is built on SITE_URL, as canonical links, hreflang, robots.txt and the
sitemap are, never on the host the request came in on; entry ids are stable (the statement's
number, not its slug) and distinct per language, since each language's feed carries its own text.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from undersigned.organizations.models import Organization
from undersigned.statements import selectors
from undersigned.statements.models import Category, Statement


class StatementFeed(Feed):
    """The newest published statements, in the reader's language."""

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = get_language()
        return response

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = settings.SITE_URL + request.path
        return feed

    # RFC 4287 wants an author for every entry: the site speaks for the feed as a whole, and
    # each entry names the organisations that published the statement.
    def author_name(self, obj=None):
        return settings.SITE_NAME

    def author_link(self, obj=None):
        return settings.SITE_URL + "/"

    def item_author_name(self, item: Statement) -> str | None:
        names = [str(publisher) for publisher in item.publishers.all()]
        return ", ".join(names) or None

    def item_link(self, item: Statement) -> str:
        return settings.SITE_URL + item.get_absolute_url()

    def title(self, obj=None):
        return _("%(site)s: statements") % {"site": settings.SITE_NAME}

    def link(self, obj=None):
        return settings.SITE_URL + reverse("statements:archive")

    def description(self, obj=None):
        return _("Joint statements of civil-society organisations.")

    def items(self, obj=None):
        return selectors.statements_for_feed()

    def item_title(self, item: Statement) -> str:
        return item.translation().title

    def item_description(self, item: Statement) -> str:
        excerpt = item.translation().excerpt(600)
        updates = list(item.updates.all())  # prefetched, newest first
        if not updates:
            return excerpt
        latest = updates[0]
        outcome = _("%(kind)s, %(date)s: %(text)s") % {
            "kind": latest.get_kind_display(),
            "date": date_format(latest.happened_on, "DATE_FORMAT"),
            "text": latest.text(),
        }
        return f"{outcome}\n\n{excerpt}"

    def item_pubdate(self, item: Statement):
        return item.published_at

    def item_updateddate(self, item: Statement):
        # A new update (delivered, answered, outcome) makes the entry new to feed readers.
        latest = max((update.created_at for update in item.updates.all()), default=None)
        return max(item.updated_at, latest) if latest else item.updated_at

    def item_categories(self, item: Statement):
        return [category.name for category in item.categories.all()]

    def item_guid(self, item: Statement) -> str:
        return f"{settings.SITE_URL}/{get_language()}/statements/{item.pk}"

    item_guid_is_permalink = False


class StatementAtomFeed(StatementFeed):
    feed_type = Atom1Feed
    subtitle = StatementFeed.description


class CategoryFeed(StatementFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category.objects.public(), slug=slug)

    def title(self, obj):
        return _("%(site)s: %(category)s") % {"site": settings.SITE_NAME, "category": obj.name}

    def link(self, obj):
        return settings.SITE_URL + obj.get_absolute_url()

    def items(self, obj):
        return selectors.statements_for_feed(category=obj)


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed
    subtitle = StatementFeed.description


class OrganizationFeed(StatementFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Organization.objects.public(), slug=slug)

    def title(self, obj):
        return _("%(site)s: statements signed by %(organization)s") % {
            "site": settings.SITE_NAME,
            "organization": obj.local_name,
        }

    def link(self, obj):
        return settings.SITE_URL + obj.get_absolute_url()

    def items(self, obj):
        return selectors.statements_for_feed(organization=obj)


class OrganizationAtomFeed(OrganizationFeed):
    feed_type = Atom1Feed
    subtitle = StatementFeed.description
