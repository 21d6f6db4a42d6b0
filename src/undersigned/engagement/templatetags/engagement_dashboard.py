"""The readers' part of a coordinator's statement dashboard (the dashboard is signatures')."""

from django import template

from undersigned.engagement import selectors

register = template.Library()


@register.inclusion_tag("engagement/dashboard/_comments.html", takes_context=True)
def comments_panel(context, statement):
    """Show how many comments each status holds, and the switch that closes comments."""
    return {
        "statement": statement,
        "comments": selectors.comments_overview(statement=statement),
        "csrf_token": context.get("csrf_token"),
    }
