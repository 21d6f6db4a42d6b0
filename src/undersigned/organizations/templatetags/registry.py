from django import template

from undersigned.organizations.explanations import explanation_display

register = template.Library()


@register.filter
def match_explanation(explanation: str) -> str:
    """Show the name matcher's explanation in the reader's language."""
    return explanation_display(explanation) if explanation else ""
