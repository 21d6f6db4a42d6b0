from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from undersigned.core.forms import NameField
from undersigned.core.params import NumberField


class ReviewLinkForm(forms.Form):
    label = NameField(
        label=_("For whom"),
        max_length=200,
        help_text=_(
            "For example: members of the Coalition for Clean Water. Reviewers do not see it."
        ),
    )
    days = NumberField(
        label=_("Valid for (days)"),
        minimum=1,
        maximum=settings.REVIEW_LINK_MAX_DAYS,
        initial=settings.REVIEW_LINK_DAYS,
        help_text=_("The link stops working after this many days; you can revoke it sooner."),
    )


class ReviewCommentForm(forms.Form):
    name = NameField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organization_name = NameField(
        label=_("Your organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    paragraph = forms.TypedChoiceField(
        label=_("Paragraph"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("The paragraph you comment on, if it is one."),
    )
    quote = forms.CharField(
        label=_("Passage you comment on (optional)"),
        max_length=500,
        required=False,
        help_text=_("Copy the words from the text, so that the drafters find them."),
    )
    text = forms.CharField(
        label=_("Your comment for the drafters"),
        max_length=settings.REVIEW_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("Plain text. Only the coordinators of this statement read it."),
    )
    draft = NumberField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, paragraph_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = [("", _("The whole text")), *paragraph_choices]

    def clean_quote(self) -> str:
        return " ".join(self.cleaned_data["quote"].split())


class ResolveForm(forms.Form):
    resolved = forms.BooleanField(required=False)
