"""The coordinators' history: the audit log in words, filtered, on pages and as CSV."""

import csv
import io

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from undersigned.core import history
from undersigned.core.models import AuditEntry
from undersigned.core.params import query_page
from undersigned.core.permissions import staff_permission_required
from undersigned.core.spreadsheet import csv_cell
from undersigned.organizations.models import Organization
from undersigned.statements.models import Statement

PER_PAGE = 50


def _statement_url(statement: Statement) -> str:
    return reverse("signatures:dashboard", kwargs={"slug": statement.slug})


def _version_url(statement: Statement, number: int) -> str | None:
    if not statement.is_listed:
        return None
    return reverse("statements:version", kwargs={"slug": statement.slug, "number": number})


LINKS = history.HistoryLinks(statement=_statement_url, version=_version_url)


class HistoryFilterForm(forms.Form):
    """Narrow the history to a statement, an organisation, a person; each is optional."""

    statement = forms.ModelChoiceField(
        label=gettext_lazy("Statement"),
        queryset=Statement.objects.none(),
        required=False,
        empty_label=gettext_lazy("All statements"),
    )
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=gettext_lazy("All organisations"),
    )
    person = forms.ChoiceField(label=gettext_lazy("Person"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        logged = AuditEntry.objects.all()
        self.fields["statement"].queryset = Statement.objects.filter(  # type: ignore[attr-defined]
            pk__in=logged.filter(statement__isnull=False).values("statement_id")
        ).prefetch_related("translations")
        self.fields["organization"].queryset = (  # type: ignore[attr-defined]
            Organization.objects.filter(
                pk__in=logged.filter(organization__isnull=False).values("organization_id")
            ).order_by_local_name()
        )
        self.fields["person"].choices = [  # type: ignore[attr-defined]
            ("", _("Everyone")),
            *[(str(user.pk), history.person_name(user)) for user in history.audit_actors()],
            ("signers", _("Signers (through their private links)")),
            ("site", _("The site (automatic steps, commands)")),
        ]


def _filtered(request: HttpRequest) -> tuple[HistoryFilterForm, QuerySet[AuditEntry]]:
    """Return the filter form and the entries it selects; a filter that is not valid is left out."""
    form = HistoryFilterForm(request.GET or None)
    chosen: dict = {}
    if form.is_bound:
        form.is_valid()  # the form shows its errors; cleaned_data keeps the valid filters
        chosen = form.cleaned_data
    statement = chosen.get("statement")
    organization = chosen.get("organization")
    entries = history.audit_entries(
        statement_id=statement.pk if statement else None,
        organization_id=organization.pk if organization else None,
        person=chosen.get("person") or "",
    )
    return form, entries


@staff_permission_required("core.view_auditentry")
@require_GET
def history_page(request: HttpRequest) -> HttpResponse:
    """The history in words, newest first, 50 a page, with the filters and the CSV link."""
    form, entries = _filtered(request)
    page = Paginator(entries, PER_PAGE).get_page(query_page(request))
    query = request.GET.copy()
    query.pop("page", None)
    response = render(
        request,
        "staff/history.html",
        {
            "form": form,
            "page_obj": page,
            "lines": history.history_lines(page.object_list, LINKS),
            "query": query.urlencode(),
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@staff_permission_required("core.view_auditentry")
@require_GET
def history_csv(request: HttpRequest) -> HttpResponse:
    """The filtered history as CSV, one entry a line, in the reader's language."""
    _form, entries = _filtered(request)
    out = io.StringIO()
    out.write("\ufeff")  # spreadsheets read the file as UTF-8 (Armenian, Cyrillic)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [_("When"), _("Who"), _("What happened"), _("Statement"), _("Organisation"), _("Action")]
    )
    for line in history.history_lines(entries.iterator(chunk_size=500), LINKS):
        entry = line.entry
        writer.writerow(
            [
                csv_cell(value)
                for value in (
                    timezone.localtime(entry.created_at).isoformat(timespec="seconds"),
                    line.person,
                    line.text,
                    entry.statement.slug if entry.statement else "",
                    entry.organization.slug if entry.organization else "",
                    entry.action,
                )
            ]
        )
    response = HttpResponse(out.getvalue().encode(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="history.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
