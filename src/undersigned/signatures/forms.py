from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from undersigned.core.forms import NameField
from undersigned.core.params import ID_MAX, BadParameter, NumberField, parse_number
from undersigned.organizations import selectors as org_selectors
from undersigned.organizations.models import Organization
from undersigned.signatures.models import SignOnRequest
from undersigned.signatures.services import NewOrganization
from undersigned.statements.models import StatementUpdate

NEW = "new"


class SignOnForm(forms.Form):
    """Sign a statement for an organisation; works without JavaScript, in one or two steps.

    A name picked from the type-ahead arrives as `organization` (an id). A name typed without
    it is matched against the registry: one exact match is taken, near ones are offered as
    `organization_choice` on a second step, and no match proposes a new organisation.
    """

    organization_name = NameField(
        label=_("Organisation"),
        max_length=300,
        help_text=_(
            "Type the name, an acronym or another name it is known by: we look it up in the "
            "registry. If it is not there, give its full name."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    organization = NumberField(required=False, widget=forms.HiddenInput)
    organization_choice = forms.RegexField(
        regex=rf"\A({NEW}|[0-9]{{1,{len(str(ID_MAX))}}})\Z",
        required=False,
        widget=forms.HiddenInput,
    )
    new_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=Organization.Kind.choices,
        initial=Organization.Kind.NGO,
        required=False,
    )
    new_website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("It helps the coordinators recognise the organisation."),
    )
    new_city = NameField(label=_("City"), max_length=120, required=False)
    contact_name = NameField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_role = NameField(
        label=_("Your role in the organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    contact_email = forms.EmailField(
        label=_("Email"),
        help_text=_(
            "We send a link to this address to confirm the signature. "
            "An address at the organisation's own domain is approved fastest."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.RegexField(
        label=_("Phone (optional)"),
        regex=r"^[0-9+()\-.\s]{5,40}$",
        required=False,
        error_messages={"invalid": _("Enter a phone number: digits, spaces, + - ( ) only.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    declaration = forms.BooleanField(
        label=_("I may sign on behalf of this organisation."),
        error_messages={
            "required": _("Please confirm that you may sign on behalf of the organisation.")
        },
    )
    version = forms.CharField(required=False, widget=forms.HiddenInput)
    # A field people never see: software that fills in every field gives itself away.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    NEW_FIELDS = ("new_kind", "new_website", "new_city")
    CONTACT_FIELDS = ("contact_name", "contact_role", "contact_email", "contact_phone")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization_found: Organization | None = None
        self.is_new = False
        self.candidates: list[org_selectors.RegistryCandidate] = []

    def clean(self):
        data = super().clean()
        if data.get("homepage"):
            raise ValidationError(
                _(
                    "The form came back with the hidden field “Leave this field empty” filled "
                    "in, as automatic software does. Please empty it and send the form again."
                ),
                code="honeypot",
            )
        name = data.get("organization_name", "").strip()
        if not name:
            return data
        choice = data.get("organization_choice") or ""
        if choice:
            # Offer the same choice again should another field need correcting.
            self.candidates = org_selectors.organization_resolve(name=name).candidates
        if choice == NEW:
            self.is_new = True
        elif choice or data.get("organization"):
            try:
                pk = parse_number(choice, name="organization_choice") or data["organization"]
            except BadParameter:  # digits, but beyond any id
                pk = None
            self.organization_found = (
                Organization.objects.public().filter(pk=pk).first() if pk else None
            )
            if self.organization_found is None:
                self._offer_candidates(name, _("That organisation is no longer in the registry."))
        else:
            resolution = org_selectors.organization_resolve(name=name)
            if resolution.organization is not None:
                self.organization_found = resolution.organization
            elif resolution.candidates:
                self.candidates = resolution.candidates
                self.add_error(
                    "organization_choice",
                    _(
                        "The registry has organisations with names like this one. "
                        "Choose yours, or register a new organisation."
                    ),
                )
            else:
                self.is_new = True
        if self.is_new and not data.get("new_kind"):
            self.add_error("new_kind", _("Choose the kind of organisation."))
        return data

    def _offer_candidates(self, name: str, message) -> None:
        self.candidates = org_selectors.organization_resolve(name=name).candidates
        self.add_error("organization_choice", message)

    def submission(self) -> dict:
        """Return the arguments of services.sign_on_submit, less the statement and language."""
        data = self.cleaned_data
        return {
            "version_hash": data.get("version") or "",
            "organization": self.organization_found,
            "organization_name": data["organization_name"],
            "new_organization": NewOrganization(
                kind=data["new_kind"], website=data["new_website"], city=data["new_city"]
            )
            if self.is_new
            else None,
            **{name: data[name] for name in self.CONTACT_FIELDS},
        }


class ResendForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("The address you gave when you signed."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit log; sent to the signer only if you tick the box."),
    )
    notify = forms.BooleanField(label=_("Email the reason to the signer"), required=False)


class RemoveForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the audit log."),
    )


class AttachForm(forms.Form):
    """Name the registry organisation a request stands for: by id, or by an exact name."""

    organization = forms.IntegerField(required=False, widget=forms.HiddenInput)
    organization_name = NameField(
        label=_("Organisation in the registry"),
        required=False,
        max_length=300,
        help_text=_("Its name or another name it is known by, exactly."),
    )

    def clean(self):
        data = super().clean()
        organization = None
        if data.get("organization"):
            organization = Organization.objects.public().filter(pk=data["organization"]).first()
        elif name := (data.get("organization_name") or "").strip():
            exact = {
                c.organization.pk: c.organization
                for c in org_selectors.organization_search(query=name)
                if c.exact
            }
            if len(exact) == 1:
                organization = next(iter(exact.values()))
            elif exact:
                raise ValidationError(_("Several organisations have this name: pick one below."))
        if organization is None:
            raise ValidationError(_("No organisation in the registry has this name."))
        data["organization_found"] = organization
        return data


class BulkApproveForm(forms.Form):
    requests = forms.ModelMultipleChoiceField(
        queryset=SignOnRequest.objects.none(), label=_("Requests")
    )

    def __init__(self, *args, statement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requests"].queryset = SignOnRequest.objects.filter(
            statement=statement, status=SignOnRequest.Status.PENDING
        )


class AutoApproveForm(forms.Form):
    enabled = forms.BooleanField(
        label=_("Approve confirmed requests from a registered email domain automatically"),
        required=False,
    )


class EraseForm(forms.Form):
    everywhere = forms.BooleanField(
        label=_("Also every other request made with this address"), required=False
    )


class SupportForm(forms.Form):
    """Support a published statement as a member of the public."""

    name = NameField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    place = NameField(
        label=_("City or country"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("We send a link to confirm your support. Your address is never published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    show_name = forms.BooleanField(
        label=_("Show my name and place on the public list of supporters"),
        required=False,
    )
    # A field people never see: software that fills in every field gives itself away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise ValidationError(
                _(
                    "The form came back with the hidden field “Leave this field empty” filled "
                    "in, as automatic software does. Please empty it and send the form again."
                ),
                code="honeypot",
            )
        return data


class VersionDecisionForm(forms.Form):
    change_note = forms.CharField(
        label=_("What changed"),
        max_length=500,
        required=False,
        help_text=_("Shown in the public version history."),
    )
    requires_reconfirmation = forms.BooleanField(
        label=_("Earlier signers must re-confirm this text"),
        required=False,
        help_text=_(
            "Each approved signer of an earlier version whose organisation is on the list is "
            "emailed a link to re-confirm this text; pending signers are not asked. Until they "
            "re-confirm, their line shows that they signed an earlier version. Ticked before the "
            "notice of the change has gone out, this request replaces it; ticked later, they get "
            "both. This cannot be undone."
        ),
    )


class StatementUpdateForm(forms.Form):
    """A dated update on what became of a statement, and whom to mail it to."""

    kind = forms.ChoiceField(label=_("What happened"), choices=StatementUpdate.Kind.choices)
    happened_on = forms.DateField(
        label=_("Date"),
        help_text=_("The day it happened, such as 2026-03-27."),
        # An <input type="date"> takes the ISO date whatever the page's language.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    text_en = forms.CharField(
        label=_("Text in English"), max_length=3000, required=False, widget=forms.Textarea
    )
    text_hy = forms.CharField(
        label=_("Text in Armenian"), max_length=3000, required=False, widget=forms.Textarea
    )
    text_ru = forms.CharField(
        label=_("Text in Russian"), max_length=3000, required=False, widget=forms.Textarea
    )
    mail_signatories = forms.BooleanField(
        label=_("Email it to the signatories"),
        required=False,
        help_text=_(
            "Each contact of an organisation on the list whose signature was approved, unless "
            "they unsubscribed from this statement's updates."
        ),
    )
    mail_supporters = forms.BooleanField(
        label=_("Email it to the supporters"),
        required=False,
        help_text=_(
            "Each individual supporter who confirmed their address, unless they unsubscribed "
            "from this statement's updates."
        ),
    )
    # The form's one-time key, made when the page was shown: sending it twice posts one update.
    submission = forms.RegexField(regex=r"\A[A-Za-z0-9_-]{16,64}\Z", widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not any(data.get(f"text_{code}", "").strip() for code in ("en", "hy", "ru")):
            raise ValidationError(_("Write the update in at least one language."), code="empty")
        return data
