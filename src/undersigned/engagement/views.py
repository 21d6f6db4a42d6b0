"""Readers' forms and private links: parse, call a service, render. None of these is cached."""

import base64
import csv

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from undersigned.core import outbox
from undersigned.core.addresses import mailbox
from undersigned.core.origin import same_origin_post
from undersigned.core.params import BadParameter, parse_number, query_number
from undersigned.core.permissions import staff_permission_required
from undersigned.core.ratelimit import client_ip, first_limited, limited_message, refused
from undersigned.core.spreadsheet import csv_cell
from undersigned.engagement import selectors, services, viewcount
from undersigned.engagement.forms import CommentForm, FriendForm, NewsletterForm
from undersigned.engagement.models import Comment, Subscriber, digest_of
from undersigned.statements.models import Statement
from undersigned.statements.selectors import statement_for_page

COMMENTER_COOKIE_SALT = "undersigned.engagement.commenter"


def _language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


# View counts.


# The smallest transparent GIF: what the statement page's view image shows.
_PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@require_GET
def statement_seen(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """Count a reader's view of a statement page, from the image the page carries."""
    if not viewcount.beacon_key_valid(slug, key):
        raise Http404
    if not _is_staff(request):  # editors checking their own page are not readers
        viewcount.view_record(request=request, slug=slug)
    response = HttpResponse(_PIXEL, content_type="image/gif")
    return _no_store(response)


def _is_staff(request: HttpRequest) -> bool:
    # Only signed-in visitors have a session: the others cost no query.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_staff)


# Comments.


def _proven_commenter_id(request: HttpRequest) -> int | None:
    value = request.get_signed_cookie(
        settings.COMMENTS_COOKIE_NAME,
        default=None,
        salt=COMMENTER_COOKIE_SALT,
        max_age=settings.COMMENTS_COOKIE_DAYS * 86400,
    )
    try:
        return parse_number(value, name=settings.COMMENTS_COOKIE_NAME)
    except BadParameter:  # signed by us, so never; but a number is read one way only
        return None


@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
def comment_create(request: HttpRequest, slug: str) -> HttpResponse:
    statement = statement_for_page(slug=slug)
    translation = statement.translation(_language())
    is_open = selectors.comments_open(statement=statement)
    reply_to = None
    if request.method == "POST":
        parent_id = parse_number(request.POST.get("parent"), name="parent")
    else:
        parent_id = query_number(request, "reply_to")
    if parent_id is not None:
        reply_to = Comment.objects.published().filter(pk=parent_id, statement=statement).first()
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        auto_id="comment_%s",
        initial={"parent": reply_to.pk if reply_to else None},
    )
    status = 200
    limited = None
    if request.method == "POST" and is_open and form.is_valid():
        if form.is_bot():
            messages.success(request, _("Thank you. Your comment awaits moderation."))
            return redirect(statement.get_absolute_url() + "#comments")
        email = form.cleaned_data["email"]
        limited = first_limited(
            ("comment:ip", client_ip(request), settings.COMMENTS_RATE_LIMIT_IP),
            ("comment:email", mailbox(email), settings.COMMENTS_RATE_LIMIT_EMAIL),
        )
        if limited:
            form.add_error(None, limited_message(limited))
        else:
            comment = services.comment_submit(
                statement=statement,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                body=form.cleaned_data["body"],
                language=_language(),
                parent_id=form.cleaned_data["parent"],
                proven_commenter_id=_proven_commenter_id(request),
            )
            messages.success(request, _comment_outcome(comment))
            if held := outbox.recipient_capped(email):
                messages.warning(request, outbox.held_message(held))
            anchor = f"#comment-{comment.pk}" if comment.status == "approved" else "#comments"
            return redirect(statement.get_absolute_url() + anchor)
    elif request.method == "POST":
        status = 400 if is_open else 403
    response = render(
        request,
        "engagement/comment_form.html",
        {
            "statement": statement,
            "translation": translation,
            "form": form,
            "reply_to": reply_to,
            "comments_open": is_open,
        },
        status=status,
    )
    return _no_store(refused(response, limited) if limited else response)


def _comment_outcome(comment: Comment) -> str:
    # Published only when this browser proved it is the address's trusted owner (its cookie).
    if comment.status == Comment.Status.APPROVED:
        return _("Thank you. Your comment is published.")
    # Unconfirmed, pending and spam alike: whoever typed an address must not learn from the
    # answer whether it belongs to a trusted commenter, nor whether it is banned.
    return _(
        "Thank you. Your comment will appear once it is confirmed or approved. If your address "
        "needs confirming, we sent it an email with a link: follow it, and your later comments "
        "from this browser appear at once."
    )


@require_http_methods(["GET", "HEAD", "POST"])
def comment_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Show a button on GET (mail scanners follow links); confirm only on POST."""
    if request.method == "POST":
        try:
            comment = services.comment_confirm(token=token)
        except services.TokenError as error:
            return _no_store(
                render(
                    request,
                    "engagement/comment_confirm.html",
                    {"state": error.state},
                    status=410 if error.state == "expired" else 404,
                )
            )
        if comment.status == Comment.Status.APPROVED:
            messages.success(request, _("Thank you. Your comment is published."))
            anchor = f"#comment-{comment.pk}"
        else:
            messages.success(
                request,
                _(
                    "Thank you: your address is confirmed. Your comment will appear once a "
                    "moderator has approved it; after that, your comments from this browser "
                    "appear at once."
                ),
            )
            anchor = "#comments"
        response = redirect(comment.statement.get_absolute_url() + anchor)
        response.set_signed_cookie(
            settings.COMMENTS_COOKIE_NAME,
            str(comment.commenter_id),
            salt=COMMENTER_COOKIE_SALT,
            max_age=settings.COMMENTS_COOKIE_DAYS * 86400,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response
    comment = (
        Comment.objects.select_related("statement").filter(confirm_digest=digest_of(token)).first()
    )
    state = "valid"
    if comment is None:
        state = "unknown"
    elif comment.confirm_expires_at and comment.confirm_expires_at < timezone.now():
        state = "expired"
    return _no_store(
        render(
            request,
            "engagement/comment_confirm.html",
            {"state": state, "comment": comment if state == "valid" else None},
        )
    )


# Sending to a friend.


@require_http_methods(["GET", "HEAD", "POST"])
def friend_send(request: HttpRequest, slug: str) -> HttpResponse:
    statement = statement_for_page(slug=slug)
    translation = statement.translation(_language())
    form = FriendForm(request.POST if request.method == "POST" else None, auto_id="friend_%s")
    status = 200
    limited = None
    if request.method == "POST" and form.is_valid():
        recipient = form.cleaned_data["recipient"]
        held = None
        if not form.is_bot():
            limited = first_limited(
                ("friend:ip", client_ip(request), settings.FRIEND_RATE_LIMIT_IP),
                ("friend:email", mailbox(recipient), settings.FRIEND_RATE_LIMIT_RECIPIENT),
            )
            if limited:
                form.add_error(None, limited_message(limited))
            else:
                services.friend_message_create(
                    statement=statement,
                    sender_name=form.cleaned_data["sender_name"],
                    recipient=recipient,
                    language=_language(),
                )
                held = outbox.recipient_capped(recipient)
        if held:
            messages.warning(request, outbox.held_message(held))
            return redirect(statement.get_absolute_url() + "#share")
        if limited is None:
            messages.success(request, _("Thank you. We are sending the statement to your friend."))
            return redirect(statement.get_absolute_url() + "#share")
    elif request.method == "POST":
        status = 400
    response = render(
        request,
        "engagement/friend_form.html",
        {"statement": statement, "translation": translation, "form": form},
        status=status,
    )
    return _no_store(refused(response, limited) if limited else response)


# Newsletter.


@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
def newsletter_subscribe(request: HttpRequest) -> HttpResponse:
    form = NewsletterForm(
        request.POST if request.method == "POST" else None,
        auto_id="newsletter_%s",
        initial={"language": _language()},
    )
    status = 200
    limited = None
    if request.method == "POST" and form.is_valid():
        if form.is_bot():
            return redirect("engagement:newsletter_sent")
        email = form.cleaned_data["email"]
        limited = first_limited(
            ("newsletter:ip", client_ip(request), settings.NEWSLETTER_RATE_LIMIT_IP),
            ("newsletter:email", mailbox(email), settings.NEWSLETTER_RATE_LIMIT_EMAIL),
        )
        if limited:
            form.add_error(None, limited_message(limited))
        else:
            services.newsletter_subscribe(
                email=email,
                language=form.cleaned_data["language"],
                categories=list(form.cleaned_data["categories"]),
            )
            if held := outbox.recipient_capped(email):
                messages.warning(request, outbox.held_message(held))
            return redirect("engagement:newsletter_sent")
    elif request.method == "POST":
        status = 400
    response = render(request, "engagement/newsletter.html", {"form": form}, status=status)
    return _no_store(refused(response, limited) if limited else response)


def newsletter_sent(request: HttpRequest) -> HttpResponse:
    return _no_store(render(request, "engagement/newsletter_sent.html"))


@require_http_methods(["GET", "HEAD", "POST"])
def newsletter_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Show a button on GET (mail scanners follow links); confirm only on POST."""
    context: dict = {}
    status = 200
    if request.method == "POST":
        try:
            context["subscriber"] = services.newsletter_confirm(token=token)
            context["state"] = "confirmed"
        except services.TokenError as error:
            context["state"] = error.state
            status = 410 if error.state == "expired" else 404
    else:
        subscriber = Subscriber.objects.filter(confirm_digest=digest_of(token)).first()
        if subscriber is None:
            context["state"] = "unknown"
        elif subscriber.confirm_expires_at and subscriber.confirm_expires_at < timezone.now():
            context["state"] = "expired"
        else:
            context["state"] = "valid"
    return _no_store(render(request, "engagement/newsletter_confirm.html", context, status=status))


@csrf_exempt  # mail programs POST here without a form (RFC 8058); the key is the secret
@require_http_methods(["GET", "HEAD", "POST"])
def newsletter_unsubscribe(request: HttpRequest, key: str) -> HttpResponse:
    """Show a button on GET; unsubscribe on POST, from this page or a mail program's button."""
    if request.method == "POST":
        existed = services.newsletter_unsubscribe(key=key)
        state = "done" if existed else "unknown"
        subscriber = None
    else:
        subscriber = Subscriber.objects.filter(unsubscribe_key=key).first()
        state = "valid" if subscriber else "unknown"
    return _no_store(
        render(
            request,
            "engagement/newsletter_unsubscribe.html",
            {"state": state, "subscriber": subscriber},
        )
    )


def subscribers_csv(subscribers) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="subscribers-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow(["email", "language", "status", "categories", "subscribed", "confirmed"])
    for subscriber in subscribers:
        writer.writerow(
            [
                csv_cell(subscriber.email),
                subscriber.language,
                subscriber.status,
                " ".join(category.slug for category in subscriber.categories.all()),
                subscriber.created_at.isoformat(),
                subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
            ]
        )
    return _no_store(response)


@staff_permission_required("engagement.export_subscribers")
@require_GET
def newsletter_export(request: HttpRequest) -> HttpResponse:
    """Every subscriber as CSV, for staff."""
    return subscribers_csv(selectors.subscribers_for_export())


@staff_permission_required("engagement.change_statementengagement")
@require_http_methods(["POST"])
def comments_setting(request: HttpRequest, slug: str) -> HttpResponse:
    """Close or reopen a statement's comments from the coordinators' dashboard."""
    statement = get_object_or_404(Statement, slug=slug)
    closed = request.POST.get("closed") == "on"
    services.comments_close(statement=statement, closed=closed, by=request.user)
    messages.success(
        request,
        _("Comments on this statement are closed.")
        if closed
        else _("Comments on this statement are open."),
    )
    return redirect("signatures:dashboard", slug=slug)
