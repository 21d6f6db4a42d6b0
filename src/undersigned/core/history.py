"""The audit log read by people: each entry as a sentence in the reader's language, with links.

The entries stay as recorded (a code and its details); they are put in words here, at the
edge, in the active language. Pages above core give the links: where a statement, an
organisation or a version of a text is looked at depends on the page.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from undersigned.core import history_sentences as words
from undersigned.core.models import AuditEntry

# The labels services recorded in actor_label before the log was read in words.
_SIGNER_LABEL = re.compile(r"^signer \(request #(\d+)\)$")
_AUTOMATIC_LABELS = {"auto-approval (registered email domain)"}
_SYSTEM_LABELS = {"text edited"}


@dataclass(frozen=True)
class HistoryLinks:
    """Where the names in a sentence lead; None leaves a name without a link."""

    statement: Callable[[Any], str | None] = lambda statement: statement.get_absolute_url()
    organization: Callable[[Any], str | None] = lambda org: org.get_absolute_url()
    version: Callable[[Any, int], str | None] = lambda statement, number: None


@dataclass(frozen=True)
class HistoryLine:
    """One entry in words: the sentence as HTML with links and as plain text, and who."""

    entry: AuditEntry
    person: str
    html: SafeString
    text: str
    links: dict[str, str] = field(default_factory=dict)


def audit_entries(
    *, statement_id: int | None = None, organization_id: int | None = None, person: str = ""
) -> QuerySet[AuditEntry]:
    """Return the log, newest first, of a statement, an organisation and a person if given.

    person is a staff account's id, "signers" (sign-on requests' signers) or "site" (the
    site itself: automatic steps, commands).
    """
    entries = AuditEntry.objects.select_related("actor", "organization", "statement")
    entries = entries.prefetch_related("statement__translations")
    if statement_id is not None:
        entries = entries.filter(statement_id=statement_id)
    if organization_id is not None:
        entries = entries.filter(organization_id=organization_id)
    if person == "signers":
        entries = entries.filter(actor__isnull=True, actor_label__startswith="signer (")
    elif person == "site":
        entries = entries.filter(actor__isnull=True).exclude(actor_label__startswith="signer (")
    elif person.isdigit():
        entries = entries.filter(actor_id=int(person))
    return entries


def audit_actors() -> QuerySet:
    """Return the staff accounts that appear in the log, by name."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return User.objects.filter(
        pk__in=AuditEntry.objects.filter(actor__isnull=False).values("actor_id")
    ).order_by("first_name", "last_name", "username")


def person_name(user) -> str:
    """Return how a staff account is named to readers: the full name, else the username."""
    return user.get_full_name() or user.get_username()


def _person(entry: AuditEntry) -> str:
    if entry.actor is not None:
        return person_name(entry.actor)
    label = entry.actor_label
    if match := _SIGNER_LABEL.match(label):
        return str(words.A_SIGNER % {"number": match.group(1)})
    if label in _AUTOMATIC_LABELS:
        return str(words.A_SIGNER_AUTOMATIC)
    if not label or label in _SYSTEM_LABELS:
        return str(words.THE_SITE)
    return label  # another process that named itself


def _variant(entry: AuditEntry) -> str:
    """Return the key of the sentence that tells the entry, its variant included."""
    action, details = entry.action, entry.details or {}
    variants = {
        "signon.submit": "new" if entry.organization_id is None and details.get("new") else "",
        "signon.approve": (
            "automatic"
            if details.get("automatic")
            else "joined"
            if details.get("joined_existing")
            else ""
        ),
        "signon.reject": "notified" if details.get("notified") else "",
        "statement.signon_auto_approve": "on" if details.get("enabled") else "off",
        "statement.version_decide": "ask" if details.get("asked_now") else "",
    }
    variant = variants.get(action, "")
    return f"{action}:{variant}" if variant else action


def _value(value: Any) -> str:
    """Return a detail's value in words: yes or no, a list joined, never a record's repr."""
    if isinstance(value, bool):
        return str(words.YES if value else words.NO)
    if value is None or value == "":
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(_value(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key.replace('_', ' ')}: {_value(item)}" for key, item in value.items())
    return str(value)


def _count(value: Any) -> str:
    return str(len(value)) if isinstance(value, list | tuple) else _value(value)


def history_line(entry: AuditEntry, links: HistoryLinks | None = None) -> HistoryLine:
    """Return the entry as a sentence in the active language, its names linked."""
    links = links or HistoryLinks()
    details = entry.details or {}
    person = _person(entry)
    texts: dict[str, str] = {"person": person}
    hrefs: dict[str, str] = {}

    statement = entry.statement
    if statement is not None:
        texts["statement"] = str(statement)
        if href := links.statement(statement):
            hrefs["statement"] = href
    else:
        texts["statement"] = str(words.A_DELETED_STATEMENT)
    organization = entry.organization
    if organization is not None:
        texts["organization"] = organization.local_name
        if href := links.organization(organization):
            hrefs["organization"] = href
    else:
        texts["organization"] = str(words.A_NO_ORGANIZATION)
    version = details.get("version")
    if version is not None:
        texts["version"] = _value(version)
        href = links.version(statement, version) if statement and isinstance(version, int) else None
        if href:
            hrefs["version"] = href
    for key in (
        "reason",
        "name_given",
        "merged_name",
        "created",
        "updated",
        "label",
        "batch",
        "category",
        "line",
    ):
        texts[key] = _value(details.get(key))
    texts["count"] = _count(details.get("supporters", details.get("signatories")))
    texts["status"] = str(words.STATUSES.get(str(details.get("to")), _value(details.get("to"))))

    sentence = words.SENTENCES.get(_variant(entry)) or words.SENTENCES.get(entry.action)
    if sentence is None:
        # An action without its sentence yet: its code in words, then its subject and details.
        texts["action"] = entry.action.replace(".", " ").replace("_", " ")
        about = [
            texts[name]
            for name, present in (("statement", statement), ("organization", organization))
            if present is not None
        ]
        about += [
            f"{key.replace('_', ' ')}: {_value(value)}"
            for key, value in sorted(details.items())  # one order on every database
            if key not in ("request", "signatory")
        ]
        texts["about"] = "; ".join(about)
        sentence = words.FALLBACK_ABOUT if about else words.FALLBACK

    template = str(sentence)
    text = template % texts
    html_values = {
        key: format_html('<a href="{}">{}</a>', hrefs[key], value)
        if key in hrefs
        else conditional_escape(value)
        for key, value in texts.items()
    }
    # The sentence is ours (translated), the values are escaped or built by format_html.
    html = mark_safe(conditional_escape(template) % html_values)
    return HistoryLine(entry=entry, person=person, html=html, text=text, links=hrefs)


def history_lines(entries, links: HistoryLinks | None = None) -> list[HistoryLine]:
    """Return the entries in words, in their order."""
    return [history_line(entry, links) for entry in entries]
