"""Statements and organisations as plain public records: the API, the dump and the embeds
all print these, so that no format shows a field another does not (and none shows contact data).

Only public fields are read here: names, slugs, texts, dates and the public list of
signatories (signatures.selectors.ExportLine, which holds no contact data at all).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from undersigned.api import selectors
from undersigned.core.text import footnotes
from undersigned.organizations.models import Organization
from undersigned.statements.models import Category, Statement


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def page_url(statement: Statement, language: str | None = None) -> str:
    """Return the statement's public page in a language (its original one by default)."""
    with translation.override(language or statement.original_language):
        return absolute(statement.get_absolute_url())


def organization_record(organization: Organization, names: dict[int, dict]) -> dict:
    with translation.override(settings.LANGUAGE_CODE):
        url = absolute(organization.get_absolute_url())
    return {
        "slug": organization.slug,
        "name": organization.name,
        "names": names.get(organization.pk) or {"en": organization.name, "hy": None, "ru": None},
        "kind": organization.kind,
        "url": url,
        "api_url": absolute(reverse("api-v1:organization", kwargs={"slug": organization.slug})),
    }


def category_record(category: Category) -> dict:
    record = {
        "slug": category.slug,
        "names": {
            "en": category.name_en,
            "hy": category.name_hy or None,
            "ru": category.name_ru or None,
        },
    }
    if hasattr(category, "statement_count"):
        record["statement_count"] = category.statement_count
    return record


def _titles(statement: Statement) -> dict[str, str]:
    return {t.language: t.title for t in statement.translations.all()}


def statement_summaries(statements: list[Statement]) -> list[dict]:
    """Return the listing records of statements loaded by the API's selectors."""
    publishers = {o.pk: o for s in statements for o in s.publishers.all()}
    names = selectors.organization_names(list(publishers.values()))
    open_ids = set(
        Statement.objects.open_for_signature()
        .filter(pk__in=[s.pk for s in statements])
        .values_list("pk", flat=True)
    )
    return [_summary(statement, names, statement.pk in open_ids) for statement in statements]


def _summary(statement: Statement, names: dict[int, dict], is_open: bool) -> dict:
    return {
        "slug": statement.slug,
        "status": statement.status,
        "title": _titles(statement),
        "languages": statement.available_languages(),
        "original_language": statement.original_language,
        "published_at": statement.published_at,
        "updated_at": statement.updated_at,
        "categories": [c.slug for c in statement.categories.all()],
        "publishers": [organization_record(o, names) for o in statement.publishers.all()],
        "signatory_count": statement.signatory_count,  # type: ignore[attr-defined]
        "open_for_signature": is_open,
        "signature_deadline": statement.signature_deadline,
        "url": page_url(statement),
        "api_url": absolute(reverse("api-v1:statement", kwargs={"slug": statement.slug})),
    }


def statement_record(statement: Statement) -> dict:
    """Return everything public about one statement: texts, footnotes, versions, signatories."""
    if not hasattr(statement, "signatory_count"):
        statement.signatory_count = statement.signatories.count()  # type: ignore[attr-defined]
    lines = selectors.statement_signatories(statement=statement)
    organizations = {o.pk: o for o in statement.publishers.all()}
    organizations.update({line.organization.pk: line.organization for line in lines})
    names = selectors.organization_names(list(organizations.values()))
    is_open = Statement.objects.open_for_signature().filter(pk=statement.pk).exists()
    record = _summary(statement, names, is_open)
    record["events_start"] = statement.events_start
    record["events_end"] = statement.events_end
    record["signatory_order"] = statement.signatory_order
    record["translations"] = [
        {
            "language": t.language,
            "title": t.title,
            "summary": t.summary,
            "body": t.body,
            "body_html": t.body_html,
            "adoption_note": t.adoption_note,
            "footnotes": [{"label": label, "text": text} for label, text in footnotes(t.body)],
            "url": page_url(statement, t.language),
        }
        for t in statement.translations.all()
    ]
    record["versions"] = [
        {
            "number": summary.version.number,
            "created_at": summary.version.created_at,
            "change_note": summary.version.change_note,
            "requires_reconfirmation": summary.version.requires_reconfirmation,
            "is_current": summary.is_current,
            "signatory_count": summary.line_count,
        }
        for summary in selectors.statement_versions(statement=statement)
    ]
    record["signatories"] = [
        {
            "position": line.number,
            "organization": organization_record(line.organization, names),
            "signed_on": line.signed_on,
            "version": line.version,
            "public_note": line.public_note,
        }
        for line in lines
    ]
    with translation.override(statement.original_language):
        record["embed_url"] = absolute(reverse("embeds:statement", kwargs={"slug": statement.slug}))
        record["markdown_url"] = absolute(
            reverse("embeds:markdown", kwargs={"slug": statement.slug})
        )
    return record


def organization_detail_record(organization: Organization) -> dict:
    memberships = selectors.organization_memberships(organization=organization)
    members = selectors.organization_members(organization=organization)
    related = [organization, *(m.network for m in memberships), *(m.member for m in members)]
    names = selectors.organization_names(related)
    record = organization_record(organization, names)
    record.update(
        {
            "city": organization.city,
            "country": organization.country,
            "website": organization.website,
            "description": organization.description,
            "aliases": [
                {"name": a.name, "language": a.language or None, "is_acronym": a.is_acronym}
                for a in organization.aliases.all()
            ],
            "memberships": [
                {
                    "organization": organization_record(m.network, names),
                    "role": m.role,
                    "since": m.since,
                }
                for m in memberships
            ],
            "members": [
                {
                    "organization": organization_record(m.member, names),
                    "role": m.role,
                    "since": m.since,
                }
                for m in members
            ],
            "statements_signed": [
                _statement_link(s) for s in selectors.organization_signed(organization=organization)
            ],
            "statements_published": [
                _statement_link(s)
                for s in selectors.organization_published(organization=organization)
            ],
        }
    )
    return record


def _statement_link(statement: Statement) -> dict:
    return {
        "slug": statement.slug,
        "status": statement.status,
        "title": _titles(statement),
        "published_at": statement.published_at,
        "url": page_url(statement),
        "api_url": absolute(reverse("api-v1:statement", kwargs={"slug": statement.slug})),
    }
