from django import template

from undersigned.signatures import selectors
from undersigned.signatures.forms import SignOnForm

register = template.Library()


@register.inclusion_tag("signatures/_signon_section.html", takes_context=True)
def signon_box(context, statement):
    """Render the sign-on form under a statement while it takes signatures."""
    is_open = selectors.statement_sign_on_open(statement=statement)
    return {
        "statement": statement,
        "is_open": is_open,
        "form": SignOnForm(auto_id="signon_%s") if is_open else None,
        "version_hash": selectors.statement_text_hash(statement=statement) if is_open else "",
        # The page cache renders a placeholder here and fills in each visitor's token.
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }
