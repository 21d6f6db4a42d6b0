"""Country names in the reader's language, for organisations whose country has no translation.

The registry writes a country in English ("Armenia"); most organisations are in a handful of
countries, so their names are translated once here rather than on every organisation.
"""

from django.utils import translation
from django.utils.translation import pgettext_lazy

COUNTRIES = {
    "Armenia": pgettext_lazy("country", "Armenia"),
    "Nagorno-Karabakh": pgettext_lazy("country", "Nagorno-Karabakh"),
    "Georgia": pgettext_lazy("country", "Georgia"),
    "Azerbaijan": pgettext_lazy("country", "Azerbaijan"),
    "Iran": pgettext_lazy("country", "Iran"),
    "Turkey": pgettext_lazy("country", "Turkey"),
    "Russia": pgettext_lazy("country", "Russia"),
    "Ukraine": pgettext_lazy("country", "Ukraine"),
    "Belarus": pgettext_lazy("country", "Belarus"),
    "Moldova": pgettext_lazy("country", "Moldova"),
    "Kazakhstan": pgettext_lazy("country", "Kazakhstan"),
    "France": pgettext_lazy("country", "France"),
    "Germany": pgettext_lazy("country", "Germany"),
    "Belgium": pgettext_lazy("country", "Belgium"),
    "Netherlands": pgettext_lazy("country", "Netherlands"),
    "Switzerland": pgettext_lazy("country", "Switzerland"),
    "United Kingdom": pgettext_lazy("country", "United Kingdom"),
    "United States": pgettext_lazy("country", "United States"),
    "Canada": pgettext_lazy("country", "Canada"),
    "Lebanon": pgettext_lazy("country", "Lebanon"),
}


def country_name(country: str, language: str) -> str:
    """Return the country's name in the language where it is known, else as written."""
    known = COUNTRIES.get(country.strip())
    if known is None:
        return country
    with translation.override(language):
        return str(known)
