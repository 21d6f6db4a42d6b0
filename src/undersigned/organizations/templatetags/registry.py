from django import template

from undersigned.organizations.explanations import explanation_display

register = template.Library()


@register.filter
def match_explanation(reasons) -> str:
    """Show the matcher's reasons (as returned or stored in JSON) in the reader's language."""
    return explanation_display(reasons) if reasons else ""
