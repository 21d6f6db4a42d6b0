from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from undersigned.core.permissions import staff_permission_required
from undersigned.importer.forms import ImportForm
from undersigned.importer.parsing import ParseError, parse_page
from undersigned.importer.services import import_entry, import_preview


@staff_permission_required("importer.use_import")
def import_page(request: HttpRequest) -> HttpResponse:
    """Paste or upload a page, preview what was read and matched, then create the draft."""
    form = ImportForm(request.POST or None, request.FILES or None)
    previews = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
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
            return redirect(reverse("admin:statements_statement_change", args=[created[0].pk]))
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
