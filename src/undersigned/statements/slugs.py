"""A statement's address from its title: in Latin letters, whatever the title's script."""

from django.utils.text import slugify
from unidecode import unidecode

from undersigned.statements.models import Statement

SLUG_LENGTH = 120  # room for a "-2" suffix within the field's 160

# Unidecode reads Armenian letter by letter; these are written with two letters (ու) or
# one ligature (և) but read as one sound: "Հայաստանում" is "hayastanum", not "hayastanowm".
ARMENIAN_DIGRAPHS = {"ՈՒ": "U", "Ու": "U", "ու": "u", "և": "ev"}


def transliterate(text: str) -> str:
    """Return the text in Latin letters (Armenian and Russian by Unidecode's tables)."""
    for armenian, latin in ARMENIAN_DIGRAPHS.items():
        text = text.replace(armenian, latin)
    return unidecode(text)


def statement_slug_suggest(*, title: str, exclude_pk: int | None = None) -> str:
    """Return a free slug made from the title; a taken one gets -2, -3, … appended."""
    base = slugify(transliterate(title))[:SLUG_LENGTH].strip("-") or "statement"
    taken = set(
        Statement.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug
