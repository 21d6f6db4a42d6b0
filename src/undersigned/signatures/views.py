"""Sign-on pages for signers, and the coordinators' dashboard. Parse, call a service, render."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from undersigned.core import outbox, ratelimit
from undersigned.core.addresses import mailbox
from undersigned.core.history import HistoryLinks, history_lines
from undersigned.core.languages import LANGUAGE_CODES
from undersigned.core.origin import same_origin_post
from undersigned.core.pagecache import cached_page, generations
from undersigned.core.params import query_page
from undersigned.core.permissions import staff_permission_required
from undersigned.organizations import selectors as org_selectors
from undersigned.signatures import (
    exports,
    reconfirmation,
    rush,
    selectors,
    services,
    supporters,
    updates,
)
from undersigned.signatures.forms import (
    AttachForm,
    AutoApproveForm,
    BulkApproveForm,
    EraseForm,
    RejectForm,
    RemoveForm,
    ResendForm,
    SignOnForm,
    StatementUpdateForm,
    SupportForm,
    VersionDecisionForm,
)
from undersigned.signatures.models import Signatory, SignOnRequest, SignOnToken
from undersigned.statements import versions
from undersigned.statements.models import Statement, StatementTranslation, StatementUpdate

# Signers' pages.


def _rate_limited(
    request: HttpRequest,
    *,
    scope: str,
    email: str = "",
    ip_rate: str = "",
    email_rate: str = "",
) -> ratelimit.Limited | None:
    """Count this attempt by client address and by mailbox; return the limit reached, if any."""
    checks = [
        (f"{scope}:ip", ratelimit.client_ip(request), ip_rate or settings.SIGNON_RATE_LIMIT_IP)
    ]
    if email:
        checks.append(
            (f"{scope}:email", mailbox(email), email_rate or settings.SIGNON_RATE_LIMIT_EMAIL)
        )
    return ratelimit.first_limited(*checks)


def _private(response: HttpResponse) -> HttpResponse:
    # Pages behind private links: their address never leaves the site in a Referer header
    # ("no-referrer" would also make browsers send "Origin: null", which CSRF rightly refuses).
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


@same_origin_post  # the form sits on the shared statement page: see core/origin.py
@require_http_methods(["GET", "HEAD", "POST"])
def sign_on(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.statement_for_sign_on(slug=slug)
    is_open = selectors.statement_sign_on_open(statement=statement)
    form = SignOnForm(request.POST or None, auto_id="signon_%s")
    status = 200
    limited = None
    if request.method == "POST" and is_open and form.is_valid():
        email = form.cleaned_data["contact_email"]
        if limited := _rate_limited(request, scope="signon", email=email):
            form.add_error(None, ratelimit.limited_message(limited))
        else:
            try:
                services.sign_on_submit(
                    statement=statement,
                    language=get_language() or settings.LANGUAGE_CODE,
                    **form.submission(),
                )
            except services.SignOnError as error:
                form.add_error(None, str(error.message))
                is_open = selectors.statement_sign_on_open(statement=statement)
            else:
                if held := outbox.recipient_capped(email):
                    return _mail_held(request, "signatures/sent.html", statement, held)
                organization = form.organization_found
                if organization is not None and selectors.organization_has_signed(
                    statement=statement, organization=organization
                ):
                    # Said on this page, never in an address: whether an organisation's
                    # signature awaits approval is not public.
                    return _private(
                        render(
                            request,
                            "signatures/sent.html",
                            {
                                "statement": statement,
                                "token_days": settings.SIGNON_TOKEN_DAYS,
                                "already": organization,
                            },
                        )
                    )
                return redirect("signatures:sent", slug=statement.slug)
    elif request.method == "POST" and not is_open:
        status = 409
    response = render(
        request,
        "signatures/sign.html",
        {
            "statement": statement,
            "translation": statement.translation(),
            "form": form,
            "is_open": is_open,
            "version_hash": versions.statement_text_hash(statement=statement),
        },
        status=status,
    )
    return ratelimit.refused(response, limited) if limited else response


def _mail_held(request: HttpRequest, template: str, statement, held) -> HttpResponse:
    """The page after a form whose data is recorded but whose mail the cap held back."""
    context = {
        "statement": statement,
        "token_days": settings.SIGNON_TOKEN_DAYS,
        "mail_held": outbox.held_message(held),
    }
    return _private(render(request, template, context))


@require_GET
def sign_on_sent(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.statement_for_sign_on(slug=slug)
    return render(
        request,
        "signatures/sent.html",
        {"statement": statement, "token_days": settings.SIGNON_TOKEN_DAYS},
    )


@require_GET
def organization_lookup(request: HttpRequest) -> JsonResponse:
    """Suggest registry organisations for the type-ahead, by any name or alias."""
    query = request.GET.get("q", "").strip()[:200]
    limited = ratelimit.hit(
        scope="lookup",
        identity=ratelimit.client_ip(request),
        rate=settings.SIGNON_RATE_LIMIT_SEARCH,
    )
    if limited:
        return ratelimit.refused(
            JsonResponse({"results": [], "error": _("Too many look-ups.")}), limited
        )
    results = org_selectors.organization_search(query=query, limit=10) if len(query) >= 2 else []
    return JsonResponse(
        {
            "results": [
                {
                    "id": c.organization.pk,
                    "name": c.organization.local_name,
                    "also": c.matched_name if c.matched_name != c.organization.local_name else "",
                    "city": c.organization.local_city,
                    "kind": c.organization.get_kind_display(),
                }
                for c in results
            ]
        }
    )


def _link_problem(request: HttpRequest, *, state: str, sign_on, purpose: str) -> HttpResponse:
    status = 404 if state == "unknown" else 410
    response = render(
        request,
        "signatures/link_problem.html",
        {
            "state": state,
            "sign_on": sign_on,
            "purpose": purpose,
            "resend_form": ResendForm(),
            "token_days": settings.SIGNON_TOKEN_DAYS,
        },
        status=status,
    )
    return _private(response)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Show the Confirm button; only its POST confirms, as link scanners open every GET."""
    purpose = SignOnToken.Purpose.CONFIRM
    if request.method == "POST":
        try:
            sign_on = services.sign_on_confirm(token=token)
        except services.TokenError as error:
            return _link_problem(request, state=error.state, sign_on=error.sign_on, purpose=purpose)
        return _private(render(request, "signatures/confirmed.html", {"sign_on": sign_on}))
    found = selectors.token_state(token=token, purpose=purpose)
    if found.state != "valid":
        return _link_problem(request, state=found.state, sign_on=found.sign_on, purpose=purpose)
    return _private(render(request, "signatures/confirm.html", {"sign_on": found.sign_on}))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    """Show the signer's Withdraw button; only its POST withdraws."""
    purpose = SignOnToken.Purpose.WITHDRAW
    if request.method == "POST":
        try:
            sign_on = services.sign_on_withdraw(token=token)
        except services.TokenError as error:
            return _link_problem(request, state=error.state, sign_on=error.sign_on, purpose=purpose)
        return _private(render(request, "signatures/withdrawn.html", {"sign_on": sign_on}))
    found = selectors.token_state(token=token, purpose=purpose)
    if found.state != "valid":
        return _link_problem(request, state=found.state, sign_on=found.sign_on, purpose=purpose)
    return _private(render(request, "signatures/withdraw.html", {"sign_on": found.sign_on}))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def resend(request: HttpRequest) -> HttpResponse:
    """Ask for a new confirmation link by email address; the answer never tells who signed."""
    form = ResendForm(request.POST or None)
    limited = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if limited := _rate_limited(request, scope="resend", email=email):
            form.add_error(None, ratelimit.limited_message(limited))
        else:
            services.sign_on_resend(email=email)
            context: dict = {"token_days": settings.SIGNON_TOKEN_DAYS}
            # Told whether or not a request exists, so the answer tells nobody who signed.
            if held := outbox.recipient_capped(email):
                context["mail_held"] = outbox.held_message(held)
            return render(request, "signatures/resent.html", context)
    response = render(request, "signatures/resend.html", {"form": form})
    return ratelimit.refused(response, limited) if limited else response


@never_cache
@require_POST
def resend_for_token(request: HttpRequest, token: str) -> HttpResponse:
    """Send a new link for the request an expired link belonged to, to its stored address."""
    if limited := _rate_limited(request, scope="resend"):
        context = {"form": ResendForm(), "limit": ratelimit.limited_message(limited)}
        return _private(
            ratelimit.refused(render(request, "signatures/resend.html", context), limited)
        )
    sign_on = services.sign_on_resend_for_token(token=token)
    context = {"token_days": settings.SIGNON_TOKEN_DAYS}
    if sign_on is not None and (held := outbox.recipient_capped(sign_on.contact_email)):
        context["mail_held"] = outbox.held_message(held)
    return _private(render(request, "signatures/resent.html", context))


# The coordinators' dashboard.


@staff_permission_required("signatures.view_signonrequest")
@require_GET
def dashboard_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "signatures/dashboard/index.html",
        {"statements": selectors.dashboard_statements()},
    )


@staff_permission_required("signatures.view_signonrequest")
@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.dashboard_statement(slug=slug)
    status = request.GET.get("status", SignOnRequest.Status.PENDING)
    if status not in SignOnRequest.Status.values:
        status = SignOnRequest.Status.PENDING
    requests = selectors.dashboard_requests(statement=statement, status=status)
    signals = selectors.request_trust_signals(requests=requests)
    counts = selectors.dashboard_counts(statement=statement)
    return render(
        request,
        "signatures/dashboard/statement.html",
        {
            "statement": statement,
            "status": status,
            "tabs": [
                (tab, SignOnRequest.Status(tab).label, counts[tab])
                for tab in selectors.DASHBOARD_TABS
            ],
            "rows": [(sign_on, signals[sign_on.pk]) for sign_on in requests],
            "is_open": selectors.statement_sign_on_open(statement=statement),
            "unrequested_lines": selectors.signatories_without_request(statement=statement),
            "history": history_lines(
                selectors.statement_audit_entries(statement=statement), DASHBOARD_LINKS
            ),
            "auto_approve_form": AutoApproveForm(
                initial={"enabled": statement.signon_auto_approve}
            ),
            "reject_form": RejectForm(),
            "remove_form": RemoveForm(),
            "attach_form": AttachForm(),
            "erase_form": EraseForm(),
            "versions": versions.statement_versions(statement=statement),
            "supporters": selectors.supporter_dashboard_counts(statement=statement),
            "withdrawals": selectors.statement_withdrawals(statement=statement),
            "version_form": VersionDecisionForm(),
            "version_mail_delay": settings.SIGNON_VERSION_MAIL_DELAY_MINUTES,
        },
    )


def _back(slug: str, status: str = "") -> HttpResponse:
    url = reverse("signatures:dashboard", kwargs={"slug": slug})
    return redirect(f"{url}?status={status}" if status else url)


def _form_errors(request: HttpRequest, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def _request_of(slug: str, pk: int) -> SignOnRequest:
    return get_object_or_404(
        SignOnRequest.objects.select_related("statement", "organization"),
        pk=pk,
        statement__slug=slug,
    )


@staff_permission_required("signatures.change_signonrequest")
@require_POST
def dashboard_approve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    sign_on = _request_of(slug, pk)
    try:
        line = services.sign_on_approve(sign_on=sign_on, by=request.user)
    except services.SignOnError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request, _("%(organization)s is on the list.") % {"organization": line.organization}
        )
    return _back(slug, sign_on.status)


@staff_permission_required("signatures.change_signonrequest")
@require_POST
def dashboard_bulk_approve(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.dashboard_statement(slug=slug)
    form = BulkApproveForm(request.POST, statement=statement)
    if form.is_valid():
        chosen = form.cleaned_data["requests"]
        count = services.sign_on_bulk_approve(sign_ons=chosen, by=request.user)
        messages.success(
            request,
            ngettext("Approved %(count)d request.", "Approved %(count)d requests.", count)
            % {"count": count},
        )
    else:
        messages.error(request, _("Tick the requests to approve."))
    return _back(slug, SignOnRequest.Status.PENDING)


@staff_permission_required("signatures.change_signonrequest")
@require_POST
def dashboard_reject(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    sign_on = _request_of(slug, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(slug, sign_on.status)
    try:
        services.sign_on_reject(
            sign_on=sign_on,
            by=request.user,
            reason=form.cleaned_data["reason"],
            notify=form.cleaned_data["notify"],
        )
    except services.SignOnError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The request was rejected."))
    return _back(slug, sign_on.status)


@staff_permission_required("signatures.change_signonrequest")
@require_POST
def dashboard_attach(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    sign_on = _request_of(slug, pk)
    form = AttachForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(slug, sign_on.status)
    try:
        services.sign_on_attach(
            sign_on=sign_on, organization=form.cleaned_data["organization_found"], by=request.user
        )
    except services.SignOnError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("The request now stands for %(organization)s.")
            % {"organization": form.cleaned_data["organization_found"]},
        )
    return _back(slug, sign_on.status)


@staff_permission_required("signatures.erase_contact")
@require_POST
def dashboard_erase(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    sign_on = _request_of(slug, pk)
    form = EraseForm(request.POST)
    form.is_valid()
    if form.cleaned_data.get("everywhere") and sign_on.contact_email:
        count = services.signer_erase(email=sign_on.contact_email, by=request.user)
    else:
        services.sign_on_erase_contact(sign_on=sign_on, by=request.user)
        count = 1
    messages.success(
        request,
        ngettext(
            "Contact data erased from %(count)d request; the signature stays.",
            "Contact data erased from %(count)d requests; the signatures stay.",
            count,
        )
        % {"count": count},
    )
    return _back(slug, sign_on.status)


@staff_permission_required("signatures.change_signatory")
@require_POST
def dashboard_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    line = get_object_or_404(
        Signatory.objects.select_related("organization", "statement"), pk=pk, statement__slug=slug
    )
    form = RemoveForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(slug, SignOnRequest.Status.APPROVED)
    services.signatory_remove(signatory=line, by=request.user, reason=form.cleaned_data["reason"])
    messages.success(
        request,
        _("%(organization)s was taken off the list.") % {"organization": line.organization},
    )
    return _back(slug, SignOnRequest.Status.WITHDRAWN)


@staff_permission_required("statements.change_statement")
@require_POST
def dashboard_auto_approve(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.dashboard_statement(slug=slug)
    form = AutoApproveForm(request.POST)
    form.is_valid()
    enabled = bool(form.cleaned_data.get("enabled"))
    services.statement_auto_approve_set(statement=statement, enabled=enabled, by=request.user)
    messages.success(
        request,
        _("Automatic approval of registered domains is on.")
        if enabled
        else _("Automatic approval of registered domains is off."),
    )
    return _back(slug)


# Versioned text: re-confirmation by earlier signers, and the coordinator's decision.


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reconfirm(request: HttpRequest, token: str) -> HttpResponse:
    """Show the signer the new text's changes and a button; only its POST re-confirms."""
    purpose = SignOnToken.Purpose.RECONFIRM
    if request.method == "POST":
        try:
            sign_on = reconfirmation.sign_on_reconfirm(token=token)
        except services.TokenError as error:
            return _link_problem(request, state=error.state, sign_on=error.sign_on, purpose=purpose)
        return _private(render(request, "signatures/reconfirmed.html", {"sign_on": sign_on}))
    found = selectors.token_state(token=token, purpose=purpose)
    if found.state != "valid" or found.token is None:
        return _link_problem(request, state=found.state, sign_on=found.sign_on, purpose=purpose)
    sign_on = found.token.sign_on
    return _private(
        render(
            request,
            "signatures/reconfirm.html",
            {
                "sign_on": sign_on,
                "version": found.token.version,
                "signed": selectors.sign_on_signed_version(sign_on=sign_on),
            },
        )
    )


@staff_permission_required("statements.change_statement")
@require_POST
def dashboard_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    statement = selectors.dashboard_statement(slug=slug)
    version = versions.statement_version(statement=statement, number=number)
    form = VersionDecisionForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(slug)
    try:
        reconfirmation.statement_version_decide(
            version=version,
            by=request.user,
            change_note=form.cleaned_data["change_note"],
            requires_reconfirmation=form.cleaned_data["requires_reconfirmation"],
        )
    except services.SignOnError as error:
        messages.error(request, str(error.message))
    else:
        if form.cleaned_data["requires_reconfirmation"]:
            messages.success(
                request,
                _(
                    "The approved signers of earlier versions are asked by email to re-confirm "
                    "version %(number)s."
                )
                % {"number": number},
            )
        else:
            messages.success(request, _("Version %(number)s is saved.") % {"number": number})
    return _back(slug)


# Individual supporters.


# The form is the first request of every sign-up: in a rush it comes from the page cache (and
# nginx's), like the statement's page, under the tags of the count it shows. It carries no CSRF
# token, so one copy serves every visitor and no cookie is set: the POST is checked by the
# browser's word on where it comes from instead (core/origin.py, same_origin_post), as the
# sign-on form on the statement page is. A token adds nothing here: the form acts for nobody
# signed in, and a forged POST can at most ask for a mail to an address, which counts against
# the same per-address and per-mailbox limits and needs the mailbox's owner to confirm.
@cached_page(lambda slug: [f"statement:{slug}", f"supporters:{slug}"])
@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
def support(request: HttpRequest, slug: str) -> HttpResponse:
    """The support form; its answer is the same whether or not the address supported before."""
    if request.method == "POST":
        # The POST reads only what it needs to decide; the page, when shown again, the rest.
        statement = selectors.statement_for_support(slug=slug)
    else:
        statement = selectors.statement_for_sign_on(slug=slug)
    # From the row just read, without asking the database again: in a rush every query counts.
    is_open = selectors.statement_takes_supporters(statement=statement)
    form = SupportForm(request.POST or None, auto_id="support_%s")
    status = 200
    limited = None
    if request.method == "POST" and is_open and form.is_valid():
        data = form.cleaned_data
        if limited := _rate_limited(
            request,
            scope="support",
            email=data["email"],
            ip_rate=settings.SUPPORTERS_RATE_LIMIT_IP,
            email_rate=settings.SUPPORTERS_RATE_LIMIT_EMAIL,
        ):
            form.add_error(None, ratelimit.limited_message(limited))
        else:
            try:
                held = supporters.supporter_sign_up(
                    statement=statement,
                    name=data["name"],
                    place=data["place"],
                    email=data["email"],
                    show_name=data["show_name"],
                    language=get_language() or settings.LANGUAGE_CODE,
                )
            except services.SignOnError as error:
                form.add_error(None, str(error.message))
                is_open = selectors.statement_support_open(statement=statement)
            else:
                if held:
                    return _mail_held(request, "signatures/support_sent.html", statement, held)
                return redirect("signatures:support_sent", slug=statement.slug)
    elif request.method == "POST" and not is_open:
        status = 409
    elif request.method == "POST":
        status = 400
    response = render(
        request,
        "signatures/support.html",
        {
            "statement": statement,
            "translation": statement.translation(),
            "form": form,
            "is_open": is_open,
            "supporter_count": selectors.supporter_count(statement=statement),
        },
        status=status,
    )
    return ratelimit.refused(response, limited) if limited else response


@require_GET
def support_sent(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.statement_for_sign_on(slug=slug)
    return render(
        request,
        "signatures/support_sent.html",
        {"statement": statement, "token_days": settings.SIGNON_TOKEN_DAYS},
    )


# No CSRF token either: the link's token is the secret, and the Confirm button's POST is
# checked by the browser's word on where it comes from (core/origin.py), so the page is the
# same for everyone but the supporter it names and sets no cookie.
@never_cache
@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
def support_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Show the supporter's Confirm button; only its POST confirms."""
    # The rush's lean path (rush.py) asks for a page with placeholders, or for the page of a
    # support it has just confirmed; no client can set this key.
    if (asked := request.META.get(rush.PAGE_ENVIRON_KEY)) is not None:
        template = {"confirm": "signatures/support_confirm.html"}.get(
            asked.kind, "signatures/support_confirmed.html"
        )
        return _private(render(request, template, {"supporter": asked.supporter}))
    if request.method == "POST":
        try:
            supporter = supporters.supporter_confirm(token=token)
        except supporters.SupportTokenError as error:
            return _support_link_problem(request, state=error.state, supporter=error.supporter)
        return _private(
            render(request, "signatures/support_confirmed.html", {"supporter": supporter})
        )
    found = selectors.supporter_token_state(token=token)
    if found.state != "valid":
        return _support_link_problem(request, state=found.state, supporter=found.supporter)
    return _private(
        render(request, "signatures/support_confirm.html", {"supporter": found.supporter})
    )


# The link a supporter is mailed: the statement's address, the token in the query string. Its
# page, with the Confirm button, is the same for every supporter of the statement: nginx and the
# page cache keep it once, without the token (deploy/nginx-page-cache.conf), so in a rush the
# app sees only the Confirm. The form has no action: the browser posts it to the page's own
# address, the token with it. The page cannot name the supporter or tell a used link from a
# waiting one; the Confirm's answer does. Older links (support_confirm) still work.
@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
def support_confirm_link(request: HttpRequest, slug: str) -> HttpResponse:
    """The mailed link's Confirm button (the same page for everyone); its POST confirms."""
    if request.method != "POST" and rush.PAGE_ENVIRON_KEY not in request.META:
        # Outside the cache: its copies keep only the page, and its 304s need these too.
        return _private(_support_confirm_page(request, slug))
    token = request.GET.get("token", "")
    if not token:
        # Opened without the mail's link (a language chosen on the page drops it, say).
        response = render(
            request,
            "signatures/support_link_problem.html",
            {"state": "missing", "token_days": settings.SIGNON_TOKEN_DAYS},
            status=400,
        )
        return _private(response)
    return support_confirm(request, token)


@cached_page(lambda slug: [f"statement:{slug}"])
def _support_confirm_page(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.statement_for_sign_on(slug=slug)
    return render(request, "signatures/support_confirm.html", {"statement": statement})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def support_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    """Show the supporter's Withdraw button; only its POST withdraws."""
    if request.method == "POST":
        try:
            supporter = supporters.supporter_withdraw(token=token)
        except supporters.SupportTokenError as error:
            return _support_withdraw_problem(request, state=error.state)
        return _private(render(request, "signatures/support_withdraw.html", {"done": supporter}))
    supporter = supporters.supporter_from_withdraw_token(token)
    if supporter is None:
        return _support_withdraw_problem(request, state="unknown")
    return _private(render(request, "signatures/support_withdraw.html", {"supporter": supporter}))


def _support_withdraw_problem(request: HttpRequest, *, state: str) -> HttpResponse:
    response = render(request, "signatures/support_withdraw.html", {"problem": state}, status=404)
    return _private(response)


def _support_link_problem(request: HttpRequest, *, state: str, supporter) -> HttpResponse:
    response = render(
        request,
        "signatures/support_link_problem.html",
        {"state": state, "supporter": supporter, "token_days": settings.SIGNON_TOKEN_DAYS},
        status=404 if state == "unknown" else 410,
    )
    return _private(response)


@cached_page(lambda slug: [f"statement:{slug}", f"supporters:{slug}"], query=("page",))
@require_GET
def supporter_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The supporters who chose to show their name, a page at a time."""
    statement = selectors.statement_for_sign_on(slug=slug)
    paginator = Paginator(
        selectors.supporters_shown(statement=statement), settings.SUPPORTERS_PAGE_SIZE
    )
    try:
        page = paginator.page(query_page(request))
    except EmptyPage as error:
        raise Http404("No such page") from error
    return render(
        request,
        "signatures/supporters.html",
        {
            "statement": statement,
            "translation": statement.translation(),
            "page_obj": page,
            "supporter_count": selectors.supporter_count(statement=statement),
        },
    )


# The statement's history in words: its name leads to this dashboard, a version to its page.
DASHBOARD_LINKS = HistoryLinks(
    statement=lambda statement: reverse("signatures:dashboard", kwargs={"slug": statement.slug}),
    version=lambda statement, number: (
        reverse("statements:version", kwargs={"slug": statement.slug, "number": number})
        if statement.is_listed
        else None
    ),
)


# Exports.


def _export(slug: str, name: str, content_type: str, disposition: str, build) -> HttpResponse:
    """Answer with an export, built once per change of the statement's page (same tags)."""
    tag = f"statement:{slug}"
    key = f"export:{slug}:{name}:{generations([tag])[tag]}"
    content = cache.get(key)
    if content is None:
        content = build()
        cache.set(key, content, settings.PAGE_CACHE_SECONDS)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{slug}-{name}"'
    return response


@require_GET
def export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.statement_for_sign_on(slug=slug)
    return _export(
        slug,
        "signatories.csv",
        "text/csv; charset=utf-8",
        "attachment",
        lambda: exports.signatories_csv(
            lines=selectors.statement_export_lines(statement=statement)
        ).encode(),
    )


@require_GET
def export_json(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.statement_for_sign_on(slug=slug)
    language = get_language() or settings.LANGUAGE_CODE
    return _export(
        slug,
        f"signatories.{language}.json",
        "application/json; charset=utf-8",
        "inline",
        lambda: exports.signatories_json(
            statement=statement,
            text=statement.translation(language),
            version=versions.statement_version_of_text(statement=statement),
            lines=selectors.statement_export_lines(statement=statement),
        ).encode(),
    )


def _letter_text(request: HttpRequest, statement: Statement) -> StatementTranslation:
    """The letter's text in the language asked for (?language=hy), else the page's language."""
    wanted = request.GET.get("language", "")
    if wanted not in LANGUAGE_CODES:
        wanted = get_language() or settings.LANGUAGE_CODE
    text = statement.translation(wanted)
    if text is None:
        raise Http404("The statement has no text yet.")
    return text


@require_GET
def export_letter(request: HttpRequest, slug: str) -> HttpResponse:
    """The PDF letter in the language asked for (?language=hy), else the page's language."""
    statement = selectors.statement_for_sign_on(slug=slug)
    text = _letter_text(request, statement)
    try:
        exports.letter_fonts()
    except exports.LetterFontsMissing as error:
        return render(request, "signatures/letter_unavailable.html", {"error": error}, status=503)
    return _export(
        slug,
        f"letter.{text.language}.pdf",
        "application/pdf",
        "inline",
        lambda: exports.letter_pdf(
            statement=statement,
            text=text,
            version=versions.statement_version_of_text(statement=statement),
            lines=selectors.statement_export_lines(statement=statement),
        ),
    )


@require_GET
def export_letter_docx(request: HttpRequest, slug: str) -> HttpResponse:
    """The letter as a Word document to edit or print on a letterhead, in the language asked for."""
    statement = selectors.statement_for_sign_on(slug=slug)
    text = _letter_text(request, statement)
    return _export(
        slug,
        f"letter.{text.language}.docx",
        exports.DOCX_CONTENT_TYPE,
        "attachment",
        lambda: exports.letter_docx(
            statement=statement,
            text=text,
            version=versions.statement_version_of_text(statement=statement),
            lines=selectors.statement_export_lines(statement=statement),
        ),
    )


@staff_permission_required("signatures.export_contacts")
@require_GET
def dashboard_contacts_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The list with the signers' contact data: staff only, never cached."""
    statement = selectors.dashboard_statement(slug=slug)
    content = exports.contacts_csv(rows=selectors.statement_contact_lines(statement=statement))
    response = HttpResponse(content.encode(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-signatories-contacts.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


# News of the outcome: the coordinators' updates, and the recipients' unsubscribe link.


def _updates_page(request: HttpRequest, statement, form, status: int = 200) -> HttpResponse:
    return render(
        request,
        "signatures/dashboard/updates.html",
        {
            "statement": statement,
            "form": form,
            "updates": selectors.statement_updates(statement=statement),
            "recipients": {
                "signatories": selectors.update_signer_recipients(statement=statement).count(),
                "supporters": selectors.update_supporter_recipients(statement=statement).count(),
            },
        },
        status=status,
    )


@staff_permission_required("statements.change_statement")
@require_http_methods(["GET", "HEAD", "POST"])
def dashboard_updates(request: HttpRequest, slug: str) -> HttpResponse:
    """The statement's dated updates, and the form to post one and mail it."""
    statement = selectors.dashboard_statement(slug=slug)
    if request.method != "POST":
        form = StatementUpdateForm(
            initial={"submission": secrets.token_urlsafe(24), "happened_on": timezone.localdate()}
        )
        return _updates_page(request, statement, form)
    form = StatementUpdateForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            update = updates.statement_update_post(
                statement=statement,
                kind=data["kind"],
                happened_on=data["happened_on"],
                texts={code: data[f"text_{code}"] for code in LANGUAGE_CODES},
                mail_signatories=data["mail_signatories"],
                mail_supporters=data["mail_supporters"],
                by=request.user,
                submission=data["submission"],
            )
        except services.SignOnError as error:
            form.add_error(None, str(error.message))
        else:
            if update.mail_signatories or update.mail_supporters:
                messages.success(
                    request, _("The update is posted; its mail is being sent in the background.")
                )
            else:
                messages.success(request, _("The update is posted on the statement's page."))
            return redirect("signatures:dashboard_updates", slug=slug)
    return _updates_page(request, statement, form, status=400)


@staff_permission_required("statements.change_statement")
@require_POST
def dashboard_update_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    update = get_object_or_404(
        StatementUpdate.objects.select_related("statement"), pk=pk, statement__slug=slug
    )
    updates.statement_update_delete(update=update, by=request.user)
    messages.success(request, _("The update is taken off the statement's page."))
    return redirect("signatures:dashboard_updates", slug=slug)


@csrf_exempt  # mail programs POST here without a form (RFC 8058); the signed token is the key
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def updates_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Show a button on GET; stop the statement's news on POST, from here or a mail program."""
    if request.method == "POST":
        recipient = updates.updates_unsubscribe(token=token)
        state = "done" if recipient is not None else "unknown"
    else:
        recipient = updates.unsubscribe_recipient(token)
        state = "valid" if recipient is not None else "unknown"
        if recipient is not None and recipient.updates_unsubscribed_at is not None:
            state = "done"
    return _private(
        render(
            request,
            "signatures/updates_unsubscribe.html",
            {"state": state, "statement": recipient.statement if recipient else None},
            status=404 if state == "unknown" else 200,
        )
    )
