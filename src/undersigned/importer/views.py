import csv

from django.contrib import messages
from django.db.models import Case, Count, Q, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from undersigned.core.permissions import staff_permission_required
from undersigned.importer.forms import ImportForm, RegistryLoadForm
from undersigned.importer.models import ImportBatch, ImportedName
from undersigned.importer.parsing import ParseError, parse_page
from undersigned.importer.services import (
    BatchClosed,
    import_batch_accept,
    import_batch_discard,
    import_category_rename,
    import_entry,
    import_name_change,
    import_preview,
    import_wordpress,
)
from undersigned.importer.wordpress import WordpressError
from undersigned.organizations.loading import RegistryFileError, registry_load
from undersigned.organizations.models import Organization


@staff_permission_required("importer.use_import")
def import_page(request: HttpRequest) -> HttpResponse:
    """Paste or upload a page, preview what was read and matched, then create the draft."""
    form = ImportForm(request.POST or None, request.FILES or None)
    previews = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.get("wordpress") is not None:
            return _import_wordpress(request, form)
        try:
            entries = parse_page(data["text"])
        except ParseError as error:
            # Shown in the coordinator's language; the form keeps the text to correct it.
            form.add_error("text", str(error))
            return render(request, "importer/import.html", {"form": form, "previews": []})
        statements_found = [entry for entry in entries if entry.kind == "statement"]
        if entries and not statements_found:
            form.add_error(
                "text",
                _("This looks like a listing of excerpts: open each statement and import it."),
            )
        elif statements_found and "create" in request.POST:
            created = [
                import_entry(
                    entry=entry,
                    language=data["language"],
                    publisher=data["publisher"],
                    source=_("pasted by %(user)s") % {"user": request.user.get_username()},
                    by=request.user,
                )
                for entry in statements_found
            ]
            messages.success(
                request,
                ngettext(
                    "Created %(count)d draft statement. Check the flagged names.",
                    "Created %(count)d draft statements. Check the flagged names.",
                    len(created),
                )
                % {"count": len(created)},
            )
            batch = created[0].import_record.batch
            return redirect(reverse("importer:batch", args=[batch.pk]))
        else:
            previews = import_preview(entries=statements_found)
            # The preview step re-posts the text, so an uploaded file need not be kept anywhere.
            form = ImportForm(
                initial={
                    "text": data["text"],
                    "language": data["language"],
                    "publisher": data["publisher"],
                }
            )
    return render(request, "importer/import.html", {"form": form, "previews": previews})


def _import_wordpress(request: HttpRequest, form: ImportForm) -> HttpResponse:
    upload = form.cleaned_data["wordpress"]
    try:
        result = import_wordpress(
            source=upload,
            name=upload.name,
            language=form.cleaned_data["language"],
            by=request.user,
        )
    except WordpressError as error:
        form.add_error("upload", str(error))
        return render(request, "importer/import.html", {"form": form, "previews": []})
    if result.batch is None:
        messages.info(request, _("Nothing new in this export: every post was imported before."))
        return redirect("importer:batches")
    messages.success(
        request,
        ngettext(
            "Read %(count)d statement into a batch: review it, then accept it.",
            "Read %(count)d statements into a batch: review them, then accept them.",
            len(result.created),
        )
        % {"count": len(result.created)},
    )
    return redirect("importer:batch", pk=result.batch.pk)


# Import batches: nothing they bring is public until a coordinator accepts them.


@staff_permission_required("importer.use_import")
def batch_list(request: HttpRequest) -> HttpResponse:
    """List the import batches, those waiting for review first."""
    batches = ImportBatch.objects.annotate(statement_count=Count("records")).order_by(
        Case(When(status=ImportBatch.Status.PENDING, then=0), default=1), "-created_at", "-pk"
    )[:100]
    return render(request, "importer/batches.html", {"batches": batches})


@staff_permission_required("importer.use_import")
def batch_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Show each signatory line with its proposed match; change lines; accept or discard."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    pending = batch.status == ImportBatch.Status.PENDING
    if request.method == "POST" and pending:
        try:
            response = _batch_action(request, batch)
        except BatchClosed:
            messages.error(request, _("This batch was accepted or discarded meanwhile."))
            response = None
        if response is not None:
            return response
        return redirect("importer:batch", pk=batch.pk)
    records = batch.records.select_related("statement").prefetch_related(
        "statement__translations", "names__organization"
    )
    new_organizations = list(batch.new_organizations.order_by("name"))
    return render(
        request,
        "importer/batch.html",
        {
            "batch": batch,
            "pending": pending,
            "records": records,
            "categories": batch.new_categories.order_by("name_en"),
            "new_organizations": new_organizations,
        },
    )


def _batch_action(request: HttpRequest, batch: ImportBatch) -> HttpResponse | None:
    if "accept" in request.POST:
        import_batch_accept(batch=batch, by=request.user)
        messages.success(request, _("The batch is accepted: what it brought is now public."))
        return redirect("importer:batches")
    if "discard" in request.POST:
        import_batch_discard(batch=batch, by=request.user)
        messages.success(request, _("The batch is discarded: nothing of it was kept."))
        return redirect("importer:batches")
    if "categories" in request.POST:
        for category in batch.new_categories.all():
            import_category_rename(
                category=category,
                name_hy=request.POST.get(f"category-{category.pk}-hy", ""),
                name_ru=request.POST.get(f"category-{category.pk}-ru", ""),
                by=request.user,
            )
        messages.success(request, _("The category names are saved."))
        return None
    if (line := request.POST.get("line", "")).isdigit():
        name = ImportedName.objects.filter(pk=int(line), record__batch=batch).first()
        choice = request.POST.get(f"choice-{line}", "")
        if name is None:
            messages.error(request, _("That line is not in this batch."))
            return None
        if choice == "new":
            import_name_change(name=name, organization=None, new=True, by=request.user)
        elif choice == "none":
            import_name_change(name=name, organization=None, by=request.user)
        else:
            slug = choice.removeprefix("org:") or request.POST.get(f"slug-{line}", "").strip()
            organization = (
                Organization.objects.filter(
                    Q(is_public=True) | Q(pk__in=batch.new_organizations.values("pk")),
                    slug=slug,
                ).first()
                if slug
                else None
            )
            if organization is None:
                messages.error(
                    request, _("No organisation has the slug “%(slug)s”.") % {"slug": slug}
                )
                return None
            import_name_change(name=name, organization=organization, by=request.user)
        messages.success(request, _("Line “%(line)s” is changed.") % {"line": name.printed_name})
    return None


@staff_permission_required("organizations.add_organization", "organizations.change_organization")
def registry_load_page(request: HttpRequest) -> HttpResponse:
    """Upload a registry spreadsheet, read the dry run's report, then apply it."""
    form = RegistryLoadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        apply = "apply" in request.POST and not request.FILES
        try:
            report = registry_load(text=text, dry_run=not apply, by=request.user)
        except (RegistryFileError, csv.Error) as error:
            form.add_error(None, str(error))
            return render(request, "importer/registry.html", {"form": form, "report": None})
        if apply and not report.errors:
            messages.success(
                request,
                _("The registry is loaded: %(created)d created, %(updated)d updated.")
                % {"created": len(report.created), "updated": len(report.updated)},
            )
            return redirect("importer:registry")
        form = RegistryLoadForm(initial={"text": text})
    return render(request, "importer/registry.html", {"form": form, "report": report})
