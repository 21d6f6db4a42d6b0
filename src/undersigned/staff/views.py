"""Staff pages outside the admin: the coordinators' home, a statement's moves, the lockout."""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from axes.helpers import get_cool_off, get_failure_limit
from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache

from undersigned.core.permissions import staff_permission_required
from undersigned.publishing import services
from undersigned.staff import forms as staff_forms
from undersigned.staff.selectors import coordinator_home
from undersigned.statements.models import Statement

Status = Statement.Status


def lockout(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """Say, in the visitor's language, that signing in is locked and for how long (429)."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else 0
    response = render(
        request,
        "staff/lockout.html",
        {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    response["Cache-Control"] = "private, no-store"
    return response


@dataclass(frozen=True)
class Transition:
    """One move of a statement: the status it leads to, what it asks, the service that does it."""

    status: str
    form: type[forms.Form]
    act: Callable[..., Statement]
    label: Promise  # the button, and the link from the statement's row
    explanation: Promise
    done: Promise


TRANSITIONS: dict[str, Transition] = {
    "review": Transition(
        Status.IN_REVIEW,
        staff_forms.ConfirmForm,
        lambda statement, by, data: services.statement_submit_for_review(
            statement=statement, by=by
        ),
        _("Submit for review"),
        _("The draft is ready for a second reading. It stays private: staff see its preview."),
        _("Submitted for review."),
    ),
    "open": Transition(
        Status.OPEN,
        staff_forms.OpenForm,
        lambda statement, by, data: services.statement_open(
            statement=statement, by=by, deadline=data["deadline"]
        ),
        pgettext_lazy("a move", "Open for signature"),
        _("Its page becomes public and organisations may sign until the deadline."),
        _("Opened for signature."),
    ),
    "publish": Transition(
        Status.PUBLISHED,
        staff_forms.PublishForm,
        lambda statement, by, data: services.statement_publish(
            statement=statement, by=by, at=data["at"]
        ),
        _("Publish"),
        _("It enters the archive, the feeds and the newsletter, now or at the time you set."),
        _("Published."),
    ),
    "close": Transition(
        Status.CLOSED,
        staff_forms.ConfirmForm,
        lambda statement, by, data: services.statement_close(statement=statement, by=by),
        _("Close"),
        _("It stays in the archive and takes no more signatures."),
        _("Closed."),
    ),
    "withdraw": Transition(
        Status.WITHDRAWN,
        staff_forms.WithdrawForm,
        lambda statement, by, data: services.statement_withdraw(
            statement=statement, by=by, reason=data["reason"]
        ),
        _("Withdraw"),
        _("Its page stays, marked withdrawn; it leaves the archive's lists."),
        _("Withdrawn."),
    ),
    "draft": Transition(
        Status.DRAFT,
        staff_forms.ConfirmForm,
        lambda statement, by, data: services.statement_return_to_draft(statement=statement, by=by),
        _("Back to draft"),
        _("It becomes private again; a scheduled publication is called off."),
        _("Back to draft."),
    ),
}
ACTION_OF_STATUS = {transition.status: action for action, transition in TRANSITIONS.items()}


@staff_permission_required("statements.view_statement")
@never_cache
def home(request: HttpRequest) -> HttpResponse:
    """The coordinators' home: their statements by stage, and what waits for them."""
    overview = coordinator_home()
    for stage in overview.stages:
        for row in stage.rows:
            row.links = [  # type: ignore[attr-defined]
                (
                    reverse(
                        f"staff:statement_{ACTION_OF_STATUS[status]}",
                        kwargs={"slug": row.statement.slug},
                    ),
                    TRANSITIONS[ACTION_OF_STATUS[status]].label,
                )
                for status in row.transitions
            ]
    return render(request, "staff/home.html", {"home": overview})


@staff_permission_required("statements.change_statement")
@never_cache
def statement_transition(request: HttpRequest, slug: str, action: str) -> HttpResponse:
    """Show a move's form; on a valid POST make it through its service, or say why not."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise Http404
    statement = get_object_or_404(Statement.objects.prefetch_related("translations"), slug=slug)
    initial = {"deadline": statement.signature_deadline} if action == "open" else {}
    form = transition.form(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            transition.act(statement, request.user, form.cleaned_data)
        except services.StatementActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"{statement}: {transition.done}")
            return redirect("staff:home")
    # Said before the form is sent, whatever the form's answers (a deadline, a reason) will be.
    refusal = services.statement_transition_refusal(
        statement=statement,
        to=transition.status,
        deadline=timezone.now() + timedelta(days=365),
        reason="-",
    )
    return render(
        request,
        "staff/transition.html",
        {"statement": statement, "transition": transition, "form": form, "refusal": refusal},
        status=400 if request.method == "POST" else 200,
    )
