import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from undersigned.core.forms import NameField
from undersigned.core.languages import LANGUAGE_CHOICES
from undersigned.core.params import NumberField
from undersigned.statements.models import Category

# Names never carry links or addresses: nobody can use our mail to advertise.
_LINK_LIKE = re.compile(r"(https?:|www\.|://|@|\b[\w-]+\.(com|net|org|ru|am|io|info|biz|xyz)\b)")


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by the stylesheet); software that fills it is ignored."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))


def _plain_name(value: str) -> str:
    value = " ".join(value.split())
    if _LINK_LIKE.search(value.lower()):
        raise ValidationError(_("Give a name only, without web or email addresses."))
    return value


class CommentForm(HoneypotMixin):
    name = NameField(
        label=_("Name"),
        max_length=80,
        help_text=_("Shown with your comment."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("Never shown. We may send you one link to confirm it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label=_("Comment"),
        max_length=settings.COMMENTS_MAX_LENGTH,
        help_text=_("Plain text. Web addresses become links."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    parent = NumberField(required=False, widget=forms.HiddenInput)

    def clean_name(self) -> str:
        return _plain_name(self.cleaned_data["name"])


class NewsletterForm(HoneypotMixin):
    email = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the mail"),
        choices=LANGUAGE_CHOICES,
        help_text=_("Statements come in this language when they have been translated into it."),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Only these subjects (optional)"),
        queryset=Category.objects.public(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to receive every statement."),
    )


class FriendForm(HoneypotMixin):
    sender_name = NameField(
        label=_("Your name"),
        max_length=60,
        help_text=_("Your friend sees it in the message. A name only, no addresses."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    recipient = forms.EmailField(
        label=_("Your friend's email"),
        help_text=_("One address. We send it one message and then forget it."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def clean_sender_name(self) -> str:
        return _plain_name(self.cleaned_data["sender_name"])
