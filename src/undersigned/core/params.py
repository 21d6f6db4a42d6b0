"""One way to read a number or an id from a query string or a form: ASCII digits, in range.

`str.isdigit()` and `int()` accept far more than a reader types: "²" passes `isdigit()` and
fails `int()`, "٣" (Arabic-Indic three) passes both, and a twenty-digit number passes both and
then overflows the database's integer. Every view and form takes its numbers through here, so
that anything else is answered with a 400 naming the parameter, never a 500.
"""

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

# The largest primary key both databases store (BigAutoField: a signed 64-bit integer).
ID_MAX = 2**63 - 1
# Years as the archive and search filter them: four digits. Python's dates end at 9999, and
# the first year's start in the site's time zone (east of UTC) would fall before year 1 in UTC.
YEAR_MIN, YEAR_MAX = 1000, 9999
# Page numbers: far beyond any real list, small enough for any OFFSET arithmetic.
PAGE_MAX = 1_000_000


class BadParameter(Exception):
    """A query or form value that is not a whole number in the allowed range."""

    def __init__(self, name: str, *, minimum: int, maximum: int) -> None:
        super().__init__(f"{name} must be a whole number from {minimum} to {maximum}")
        self.name = name
        self.minimum = minimum
        self.maximum = maximum

    def message(self) -> str:
        """Say, in the reader's language, what the parameter must be."""
        return _(
            "The address has an unusable value for “%(name)s”: give a whole number "
            "from %(minimum)s to %(maximum)s, in the digits 0–9."
        ) % {"name": self.name, "minimum": self.minimum, "maximum": self.maximum}


def parse_number(
    value: str | None,
    *,
    name: str,
    minimum: int = 1,
    maximum: int = ID_MAX,
    default: int | None = None,
) -> int | None:
    """Return the value as a number, or the default when it is absent or empty.

    Raise BadParameter for anything but ASCII digits (no sign, no spaces) within the range.
    """
    if value is None or value == "":
        return default
    # Length first: int() on a megabyte of digits is slow, and no such number is in range.
    if len(value) > len(str(maximum)) or not (value.isascii() and value.isdigit()):
        raise BadParameter(name, minimum=minimum, maximum=maximum)
    number = int(value)
    if not minimum <= number <= maximum:
        raise BadParameter(name, minimum=minimum, maximum=maximum)
    return number


def query_number(
    request: HttpRequest,
    name: str,
    *,
    minimum: int = 1,
    maximum: int = ID_MAX,
    default: int | None = None,
) -> int | None:
    """Return a number from the query string (see parse_number)."""
    return parse_number(
        request.GET.get(name), name=name, minimum=minimum, maximum=maximum, default=default
    )


def query_page(request: HttpRequest) -> int:
    """Return the page number from `?page=`, 1 when absent."""
    return parse_number(request.GET.get("page"), name="page", maximum=PAGE_MAX, default=1) or 1


def query_year(request: HttpRequest) -> int | None:
    """Return the year from `?year=`, None when absent."""
    return query_number(request, "year", minimum=YEAR_MIN, maximum=YEAR_MAX)


class NumberField(forms.IntegerField):
    """A form's whole number or id, read by parse_number: ASCII digits within the range."""

    default_error_messages = {
        "invalid": _("Enter a whole number from %(minimum)s to %(maximum)s, in the digits 0–9."),
    }

    def __init__(self, *, minimum: int = 1, maximum: int = ID_MAX, **kwargs) -> None:
        self.minimum, self.maximum = minimum, maximum
        super().__init__(min_value=minimum, max_value=maximum, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_number(
                str(value), name=self.label or "", minimum=self.minimum, maximum=self.maximum
            )
        except BadParameter as error:
            raise forms.ValidationError(
                self.error_messages["invalid"],
                code="invalid",
                params={"minimum": self.minimum, "maximum": self.maximum},
            ) from error
