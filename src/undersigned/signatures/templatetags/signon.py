from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from undersigned.signatures import selectors
from undersigned.signatures.forms import SignOnForm
from undersigned.statements import versions

register = template.Library()


@register.inclusion_tag("signatures/_signon_section.html", takes_context=True)
def signon_box(context, statement):
    """Render the sign-on form under a statement while it takes signatures."""
    is_open = selectors.statement_sign_on_open(statement=statement)
    return {
        "statement": statement,
        "is_open": is_open,
        "form": SignOnForm(auto_id="signon_%s") if is_open else None,
        "version_hash": versions.statement_text_hash(statement=statement) if is_open else "",
        # The page cache renders a placeholder here and fills in each visitor's token.
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.inclusion_tag("signatures/_support_section.html", takes_context=True)
def supporter_box(context, statement):
    """Render the supporter count and the way to the support form under a statement."""
    return {
        "statement": statement,
        "is_open": selectors.statement_support_open(statement=statement),
        "supporter_count": selectors.supporter_count(statement=statement),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.simple_tag
def statement_version_marks(statement):
    """Return what the list of signatories needs to say who signed which version."""
    return versions.statement_version_marks(statement=statement)


@register.simple_tag
def signatory_version_mark(signatory, marks):
    """Say on a line of the list that it signed another text than the current one."""
    signed = marks.for_line(signatory) if marks is not None else None
    if signed is None:
        return ""
    url = reverse("statements:version", kwargs={"slug": marks.slug, "number": signed.number})
    label = _("signed an earlier version (version %(number)s)") % {"number": signed.number}
    if signed.reconfirmation_asked:
        label = _("%(label)s; not yet re-confirmed") % {"label": label}
    return format_html(' <span class="signed-version">(<a href="{}">{}</a>)</span>', url, label)
