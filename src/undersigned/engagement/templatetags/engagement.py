"""What the statement page shows readers below the text, and how a comment is printed."""

from dataclasses import dataclass
from urllib.parse import quote

import nh3
from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from undersigned.engagement import selectors, viewcount
from undersigned.engagement.forms import CommentForm
from undersigned.engagement.models import Comment
from undersigned.statements.models import Statement

register = template.Library()


@dataclass(frozen=True)
class ShareLink:
    key: str
    label: str
    url: str


@dataclass(frozen=True)
class RelatedLink:
    title: str
    language: str
    url: str
    statement: Statement


@dataclass(frozen=True)
class StatementAside:
    url: str
    title: str
    view_count: int
    view_beacon_url: str
    share_links: list[ShareLink]
    related: list[RelatedLink]
    comments: list[Comment]
    comment_count: int
    comments_open: bool
    comment_form: CommentForm | None


def share_links(*, url: str, title: str) -> list[ShareLink]:
    """Return plain links to share the page: nothing loads from these services until followed."""

    def q(value: str) -> str:
        return quote(value, safe="")

    return [
        ShareLink("email", _("Email"), f"mailto:?subject={q(title)}&body={q(f'{title}\n\n{url}')}"),
        ShareLink("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={q(url)}"),
        ShareLink("x", "X", f"https://x.com/intent/post?text={q(title)}&url={q(url)}"),
        ShareLink("telegram", "Telegram", f"https://t.me/share/url?url={q(url)}&text={q(title)}"),
        ShareLink("whatsapp", "WhatsApp", f"https://wa.me/?text={q(f'{title} {url}')}"),
        ShareLink(
            "linkedin", "LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={q(url)}"
        ),
    ]


@register.simple_tag
def statement_engagement(statement: Statement, translation=None) -> StatementAside:
    """Gather the view count, sharing links, related statements and comments of a statement."""
    language = get_language() or settings.LANGUAGE_CODE
    url = settings.SITE_URL + statement.get_absolute_url()
    title = translation.title if translation is not None else str(statement)
    related = []
    for item in selectors.related_statements(statement=statement, language=language):
        shown = item.statement.translation(language)
        if shown is not None:
            related.append(
                RelatedLink(
                    title=shown.title,
                    language=shown.language,
                    url=item.statement.get_absolute_url(),
                    statement=item.statement,
                )
            )
    comments = selectors.statement_comments(statement=statement)
    is_open = selectors.comments_open(statement=statement)
    return StatementAside(
        url=url,
        title=title,
        view_count=selectors.statement_view_count(statement=statement),
        view_beacon_url=reverse(
            "engagement:statement_seen",
            kwargs={"slug": statement.slug, "key": viewcount.beacon_key(statement.slug)},
        ),
        share_links=share_links(url=url, title=title),
        related=related,
        comments=comments,
        comment_count=selectors.comment_count(comments),
        comments_open=is_open,
        comment_form=CommentForm(auto_id="comment_%s") if is_open else None,
    )


_COMMENT_TAGS = {"p", "br", "a"}


@register.filter
def comment_html(body: str) -> SafeString:
    """Print a comment's plain text as paragraphs, its web addresses as links that pass no rank."""
    html = linebreaks(urlize(body, trim_url_limit=60, nofollow=True, autoescape=True))
    return mark_safe(
        nh3.clean(
            html,
            tags=_COMMENT_TAGS,
            attributes={"a": {"href"}},
            url_schemes={"http", "https"},
            link_rel="nofollow ugc noopener noreferrer",
        )
    )
