"""The forms of a statement's moves: what each one needs to know, checked before it is made."""

from django import forms
from django.utils.translation import gettext_lazy as _

# The browser's own date and time picker; Django reads its ISO value in the site's time zone.
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def _datetime_field(**kwargs) -> forms.DateTimeField:
    return forms.DateTimeField(
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        **kwargs,
    )


class ConfirmForm(forms.Form):
    """A move that needs nothing but the click (and the CSRF token)."""


class OpenForm(forms.Form):
    deadline = _datetime_field(
        label=_("Signature deadline"),
        help_text=_("Signing ends at this date and time; it must be still to come."),
        error_messages={"required": _("Give the date and time signing ends.")},
    )


class PublishForm(forms.Form):
    at = _datetime_field(
        label=_("Publication time"),
        required=False,
        help_text=_(
            "Empty: now. A time still to come schedules the publication: the statement is not "
            "public (page, lists, feeds, search, API) until then. An earlier time dates it."
        ),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the withdrawal"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit log with your name."),
        error_messages={"required": _("Say why the statement is withdrawn.")},
    )
