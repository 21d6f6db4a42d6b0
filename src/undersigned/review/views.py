"""Review before opening: the reviewers' page behind a private link, and the drafters' pages."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from undersigned.core import ratelimit
from undersigned.core.languages import LANGUAGE_CODES
from undersigned.core.params import BadParameter, parse_number
from undersigned.core.permissions import staff_permission_required
from undersigned.review import selectors, services
from undersigned.review.forms import ResolveForm, ReviewCommentForm, ReviewLinkForm
from undersigned.review.models import ReviewLink
from undersigned.review.paragraphs import paragraphs
from undersigned.statements.diff import version_diff
from undersigned.statements.models import Statement
from undersigned.statements.selectors import statement_for_preview, statement_signatories


def _private(response: HttpResponse) -> HttpResponse:
    """Never cached (never_cache on every view), never indexed, the address kept on the site."""
    # "same-origin", not "no-referrer": browsers would then send "Origin: null", which CSRF refuses.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _link_problem(request: HttpRequest, state: str, *, unsent: str = "") -> HttpResponse:
    """Say why the link opens nothing; a comment sent through it is shown back, to be kept."""
    response = render(
        request,
        "review/link_problem.html",
        {"state": state, "unsent": unsent},
        status=404 if state == "unknown" else 410,
    )
    return _private(response)


def review_url(link: ReviewLink, language: str) -> str:
    """Return the review link's full address, opening in the language given."""
    with translation.override(language):
        return settings.SITE_URL + reverse("review:read", kwargs={"token": link.token})


# Reviewers' pages: no account, the link is the key.


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def read(request: HttpRequest, token: str) -> HttpResponse:
    """Show the draft as it will look, numbered by paragraph, with the form for a comment."""
    found = selectors.review_link_by_token(token=token)
    if found.link is None or found.state != ReviewLink.State.ACTIVE:
        return _link_problem(request, found.state, unsent=request.POST.get("text", "")[:20000])
    link = found.link
    statement = selectors.statement_for_review(pk=link.statement_id)
    language = get_language() or settings.LANGUAGE_CODE
    text = statement.translation(language)
    draft = services.review_draft_current(statement=statement)
    blocks = paragraphs(text.body_html) if text else []
    choices = [
        (block.number, f"¶ {block.number}: {Truncator(block.text).chars(60)}")
        for block in blocks
        if block.number is not None
    ]
    initial = {"draft": draft.number}
    if (chosen := request.GET.get("paragraph", "")).isdigit():
        initial["paragraph"] = chosen
    form = ReviewCommentForm(
        request.POST if request.method == "POST" else None,
        paragraph_choices=choices,
        initial=initial,
        auto_id="review_%s",
    )
    limited = None
    if request.method == "POST" and form.is_valid():
        limited = ratelimit.first_limited(
            ("review:ip", ratelimit.client_ip(request), settings.REVIEW_RATE_LIMIT_IP),
            ("review:link", link.key, settings.REVIEW_RATE_LIMIT_LINK),
        )
        if limited:
            form.add_error(None, ratelimit.limited_message(limited))
        else:
            data = form.cleaned_data
            seen = data["draft"] and selectors.statement_review_draft(
                statement=statement, number=data["draft"]
            )
            try:
                services.review_comment_submit(
                    link=link,
                    draft=seen or draft,
                    language=text.language if text else language,
                    name=data["name"],
                    organization_name=data["organization_name"],
                    text=data["text"],
                    paragraph=data["paragraph"],
                    quote=data["quote"],
                )
            except services.ReviewClosed as closed:
                return _link_problem(request, closed.state, unsent=data["text"])
            return redirect("review:thanks", token=token)
    response = render(
        request,
        "review/read.html",
        {
            "link": link,
            "statement": statement,
            "translation": text,
            "is_fallback": text is not None and text.language != language,
            "paragraphs": blocks,
            "signatories": statement_signatories(statement=statement),
            "language_links": [
                {"code": code, "url": translate_url(request.path, code)}
                for code in statement.available_languages()
            ],
            "form": form,
        },
        status=200 if request.method != "POST" or form.is_valid() else 400,
    )
    response = _private(response)
    return ratelimit.refused(response, limited) if limited else response


@never_cache
@require_GET
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    found = selectors.review_link_by_token(token=token)
    if found.link is None or found.state != ReviewLink.State.ACTIVE:
        return _link_problem(request, found.state)
    return _private(render(request, "review/thanks.html", {"token": token}))


# The drafters' pages.


def _staff_page(request: HttpRequest, template: str, statement, **context) -> HttpResponse:
    return _private(render(request, template, {"statement": statement, **context}))


@staff_permission_required("statements.change_statement")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def links(request: HttpRequest, slug: str) -> HttpResponse:
    """Create review links for a statement, see who has which, revoke them."""
    statement = statement_for_preview(slug=slug)
    form = ReviewLinkForm(request.POST if request.method == "POST" else None, auto_id="link_%s")
    if request.method == "POST" and form.is_valid():
        link = services.review_link_create(
            statement=statement,
            by=request.user,
            label=form.cleaned_data["label"],
            expires_at=timezone.now() + timedelta(days=form.cleaned_data["days"]),
        )
        messages.success(
            request,
            _("The review link for “%(label)s” is ready: copy it from the list.")
            % {"label": link.label},
        )
        return redirect("review:links", slug=statement.slug)
    language = statement.original_language
    rows = [
        (link, review_url(link, language) if link.is_active else "")
        for link in selectors.statement_review_links(statement=statement)
    ]
    return _staff_page(
        request,
        "review/links.html",
        statement,
        form=form,
        rows=rows,
        is_public=Statement.objects.visible().filter(pk=statement.pk).exists(),
    )


@staff_permission_required("statements.change_statement")
@require_POST
def link_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    statement = statement_for_preview(slug=slug)
    link = services.review_link_revoke(
        link=selectors.statement_review_link(statement=statement, pk=pk), by=request.user
    )
    messages.success(
        request, _("The review link for “%(label)s” no longer works.") % {"label": link.label}
    )
    return redirect("review:links", slug=statement.slug)


@staff_permission_required("statements.view_statement")
@never_cache
@require_GET
def comments(request: HttpRequest, slug: str) -> HttpResponse:
    """The text in one language with the reviewers' comments beside its paragraphs."""
    statement = statement_for_preview(slug=slug)
    available = statement.available_languages()
    language = request.GET.get("language", "")
    if language not in available:
        current = get_language() or settings.LANGUAGE_CODE
        language = next(
            (code for code in (current, statement.original_language) if code in available),
            available[0] if available else current,
        )
    text = next((t for t in statement.translations.all() if t.language == language), None)
    blocks = paragraphs(text.body_html) if text else []
    current_draft = services.review_draft_current(statement=statement) if text else None
    return _staff_page(
        request,
        "review/comments.html",
        statement,
        language=language,
        languages=[code for code in LANGUAGE_CODES if code in available],
        translation=text,
        beside=selectors.review_comments_beside(
            statement=statement, language=language, paragraphs=blocks
        ),
        current_draft=current_draft,
    )


@staff_permission_required("statements.change_statement")
@require_POST
def comment_resolve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    statement = statement_for_preview(slug=slug)
    comment = selectors.statement_review_comment(statement=statement, pk=pk)
    form = ResolveForm(request.POST)
    resolved = form.is_valid() and form.cleaned_data["resolved"]
    services.review_comment_resolve(comment=comment, by=request.user, resolved=resolved)
    url = reverse("review:comments", kwargs={"slug": statement.slug})
    return redirect(f"{url}?language={comment.language}#comment-{comment.pk}")


def _draft_number(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    if not value:
        return None
    try:
        return parse_number(value, name=name, minimum=1, maximum=1_000_000)
    except BadParameter:
        return None


@staff_permission_required("statements.view_statement")
@never_cache
@require_GET
def changes(request: HttpRequest, slug: str) -> HttpResponse:
    """The changes between any two drafts reviewers read (by default, the last two)."""
    statement = statement_for_preview(slug=slug)
    if statement.translations.exists():
        services.review_draft_current(statement=statement)
    drafts = list(selectors.statement_review_drafts(statement=statement))
    numbers = [draft.number for draft in drafts]
    by_number = {draft.number: draft for draft in drafts}
    new = by_number.get(_draft_number(request, "to") or 0) or (drafts[-1] if drafts else None)
    old = by_number.get(_draft_number(request, "from") or 0)
    if old is None and new is not None:
        old = next((d for d in reversed(drafts) if d.number < new.number), None)
    diffs = (
        version_diff(old.texts, new.texts, get_language() or settings.LANGUAGE_CODE)
        if old is not None and new is not None and old.pk != new.pk
        else []
    )
    return _staff_page(
        request,
        "review/changes.html",
        statement,
        drafts=drafts,
        numbers=numbers,
        old=old,
        new=new,
        diffs=diffs,
    )
