from django import forms
from django.utils.translation import gettext_lazy as _

from undersigned.core.languages import LANGUAGE_CHOICES
from undersigned.importer.wordpress import looks_like_wxr
from undersigned.organizations.models import Organization

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# A WordPress export is streamed, never held in memory whole: it may be much larger.
MAX_WORDPRESS_BYTES = 200 * 1024 * 1024


class ImportForm(forms.Form):
    text = forms.CharField(
        label=_("Page text or HTML"),
        widget=forms.Textarea(attrs={"rows": 16}),
        required=False,
        help_text=_("Paste the whole page as copied from the browser, or its HTML source."),
    )
    upload = forms.FileField(
        label=_("…or a file"),
        required=False,
        help_text=_(
            "A saved page (.txt or .html, UTF-8, at most 2 MB) or a WordPress export (.xml)."
        ),
    )
    language = forms.ChoiceField(label=_("Language of the page"), choices=LANGUAGE_CHOICES)
    publisher = forms.ModelChoiceField(
        label=_("Publishing organisation"),
        queryset=Organization.objects.none(),
        required=False,
        help_text=_("Leave empty to use the publisher named on the page, when it is known."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Networks publish; listing every NGO would make the choice unusable.
        self.fields["publisher"].queryset = Organization.objects.networks().order_by("name")

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if upload and looks_like_wxr(upload.read(8192)):
            upload.seek(0)
            if upload.size > MAX_WORDPRESS_BYTES:
                raise forms.ValidationError(_("The export is larger than 200 MB."))
            data["wordpress"] = upload
            return data
        if upload:
            upload.seek(0)
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("The file is larger than 2 MB."))
            try:
                data["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    _("The file is not UTF-8 text. Save the page as text or HTML and try again.")
                ) from error
        if not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Paste the page or choose a file."))
        return data


class RegistryLoadForm(forms.Form):
    """A registry spreadsheet: uploaded first, then carried in the form to apply it."""

    upload = forms.FileField(
        label=_("Registry spreadsheet"),
        required=False,
        help_text=_(
            "CSV, UTF-8, at most 2 MB, with the columns slug,name,name_hy,name_ru,aliases,"
            "website,kind (aliases separated by |), and optionally email_domains, city, parent."
        ),
    )
    text = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if upload := data.get("upload"):
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("The file is larger than 2 MB."))
            try:
                data["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    _("The file is not UTF-8 text. Save the spreadsheet as CSV UTF-8.")
                ) from error
        if not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Choose a CSV file."))
        return data
