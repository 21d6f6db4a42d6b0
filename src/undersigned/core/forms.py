"""Form fields shared by every app's public forms."""

from django import forms

from undersigned.core.safetext import plain_name


class NameField(forms.CharField):
    """A one-line name: bidi controls, control characters and repeated spaces are removed.

    Names reach other people's screens and inboxes; a right-to-left override in one would
    make the text around it read backwards (core/safetext.py).
    """

    def to_python(self, value):
        value = super().to_python(value)
        return plain_name(value) if isinstance(value, str) else value
