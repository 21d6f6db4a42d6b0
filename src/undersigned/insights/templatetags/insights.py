"""The insight sections other apps' pages include: one tag each, so their views stay as they are.

insights sits above organizations, statements and signatures; their templates load this
library by name instead of their views importing the app (Django finds template tags of every
installed app), which keeps the apps in a line.
"""

from datetime import date

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html

from undersigned.insights import presenters, selectors, services

register = template.Library()


@register.inclusion_tag("insights/_organization.html")
def organization_insights(organization):
    data = selectors.organization_insights(organization=organization)
    network = data["network"]
    if network is not None and not network["graph_requested"]:
        # Never asked for (a network with no change since the app came): ask once.
        services.network_graphs_request(network_ids=[organization.pk])
    return {
        "organization": organization,
        "data": data,
        "charts": presenters.organization_charts(organization=organization, data=data),
        "map": presenters.network_map(organization=organization, data=network) if network else None,
    }


@register.inclusion_tag("insights/_statement.html", takes_context=True)
def statement_insights(context, statement):
    request = context.get("request")
    user = getattr(request, "user", None)
    # Coordinators' part: staff are signed in, so their pages never come from the page cache.
    staff = bool(user and user.is_authenticated and user.is_staff)
    data = selectors.statement_insights(statement=statement, staff=staff)
    return {
        "statement": statement,
        "charts": presenters.statement_charts(statement=statement, data=data),
        "missing": data["missing"],
        "staff": staff,
    }


@register.filter
def insight_cell(value):
    """Show one cell of a chart's table: a link, a date or a figure."""
    if isinstance(value, dict):
        if value.get("url"):
            return format_html('<a href="{}">{}</a>', value["url"], value["text"])
        return value["text"]
    if isinstance(value, date):
        return date_format(value)
    return "—" if value is None else value
