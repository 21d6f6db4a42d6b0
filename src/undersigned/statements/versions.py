"""The public version history of a statement's text: every version, and each one's changes."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from undersigned.core.pagecache import cached_page
from undersigned.core.text import render_markdown
from undersigned.signatures import selectors as signature_selectors
from undersigned.statements import selectors
from undersigned.statements.diff import version_diff


@cached_page(lambda slug: [f"statement:{slug}"])
def version_list(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.statement_for_page(slug=slug)
    return render(
        request,
        "statements/versions.html",
        {
            "statement": statement,
            "translation": statement.translation(),
            "versions": signature_selectors.statement_versions(statement=statement),
        },
    )


@cached_page(lambda slug, number: [f"statement:{slug}"])
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    statement = selectors.statement_for_page(slug=slug)
    version = signature_selectors.statement_version(statement=statement, number=number)
    previous = signature_selectors.statement_version_before(version=version)
    language = get_language() or settings.LANGUAGE_CODE
    shown_language = next(
        (code for code in (language, statement.original_language) if code in version.texts),
        next(iter(sorted(version.texts)), None),
    )
    shown = version.texts.get(shown_language) if shown_language else None
    later = (
        statement.versions.filter(number__gt=version.number).order_by("number").first()  # type: ignore[attr-defined]
    )
    current = signature_selectors.statement_version_of_text(statement=statement)
    return render(
        request,
        "statements/version_diff.html",
        {
            "statement": statement,
            "translation": statement.translation(),
            "version": version,
            "previous": previous,
            "later": later,
            "is_current": current is not None and current.pk == version.pk,
            "diffs": version_diff(previous.texts if previous else None, version.texts, language)
            if previous
            else [],
            "shown_language": shown_language,
            "shown": shown,
            "shown_body_html": render_markdown(shown.get("body", "")) if shown else "",
        },
    )
