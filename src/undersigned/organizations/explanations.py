"""Show the name matcher's reasons in the reader's language.

The matcher (the matching package) returns reasons as codes with parameters and keeps their
English messages, marked for translation; here they are formatted through gettext where a page
shows them. The command line and JSON output keep English (Match.explanation) and the codes.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.utils.translation import gettext, ngettext

from undersigned.organizations.matching import Reason, format_reasons, reasons_from_json


def reasons_of(value: Sequence[Reason] | Iterable[Mapping[str, Any]] | None) -> tuple[Reason, ...]:
    """Return reasons given as the matcher returns them or as stored in JSON."""
    items = list(value or ())
    if all(isinstance(item, Reason) for item in items):
        return tuple(items)  # type: ignore[arg-type]
    return reasons_from_json(item for item in items if isinstance(item, Mapping))


def explanation_display(value: Sequence[Reason] | Iterable[Mapping[str, Any]] | None) -> str:
    """Return a matcher's reasons as one sentence in the active language."""
    return format_reasons(reasons_of(value), translate=gettext, translate_plural=ngettext)


def _mark_plural_messages() -> None:
    """Mark the matcher's plural messages (matching.reasons.PLURAL_MESSAGES) for makemessages."""
    # Never called: makemessages finds a plural message only in an ngettext call.
    ngettext(
        "%(acronym)s could be an acronym, shared by %(count)d organisation",
        "%(acronym)s could be an acronym, shared by %(count)d organisations",
        2,
    )
