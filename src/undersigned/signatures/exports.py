"""A statement's list of signatories as files: CSV and JSON (public fields only) and a PDF letter.

The public formats are built from selectors.ExportLine, which holds no contact data at all, so
nothing private can slip into them; the staff CSV is built from ContactLine on its own.
"""

import csv
import io
import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from undersigned.core.spreadsheet import csv_cell
from undersigned.core.text import footnotes, markdown_to_text_with_references
from undersigned.signatures.selectors import ContactLine, ExportLine
from undersigned.statements.models import Statement, StatementTranslation, StatementVersion

# fpdf2 subsets fonts with fontTools, which logs every step at INFO: one letter, a page of log.
logging.getLogger("fontTools").setLevel(logging.WARNING)

PUBLIC_FIELDS = [
    "position",
    "organisation",
    "name_en",
    "name_hy",
    "name_ru",
    "slug",
    "kind",
    "city",
    "country",
    "signed_on",
    "version",
    "public_note",
]
CONTACT_FIELDS = [
    *PUBLIC_FIELDS,
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "contact_language",
    "request",
    "confirmed_at",
    "contact_erased_at",
]


def _public_record(line: ExportLine) -> dict:
    organization = line.organization
    signed_on = line.signed_on
    # "organisation", the city and the country in the file's language (the page's); the name
    # in each language beside it, empty where the registry has none.
    return {
        "position": line.number,
        "organisation": organization.local_name,
        "name_en": organization.name_en or organization.name,
        "name_hy": organization.name_hy,
        "name_ru": organization.name_ru,
        "slug": organization.slug,
        "kind": organization.kind,
        "city": organization.local_city if organization.city else "",
        "country": organization.local_country if organization.country else "",
        "signed_on": signed_on.isoformat() if isinstance(signed_on, date) else None,
        "version": line.version,
        "public_note": line.public_note,
    }


def _csv(fields: list[str], records: list[dict]) -> str:
    out = io.StringIO()
    # The byte-order mark makes spreadsheets read the file as UTF-8 (Armenian, Cyrillic).
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: csv_cell(value) for key, value in record.items()})
    return out.getvalue()


def signatories_csv(*, lines: list[ExportLine]) -> str:
    """Return the list as CSV, one line per organisation, public fields only."""
    return _csv(PUBLIC_FIELDS, [_public_record(line) for line in lines])


def signatories_json(
    *,
    statement: Statement,
    text: StatementTranslation | None,
    version: StatementVersion | None,
    lines: list[ExportLine],
) -> str:
    """Return the list as JSON with the statement it belongs to, public fields only."""
    document = {
        "statement": {
            "slug": statement.slug,
            "title": text.title if text else statement.slug,
            "language": text.language if text else None,
            "url": settings.SITE_URL + statement.get_absolute_url(),
            "status": statement.status,
            "published_at": statement.published_at.isoformat() if statement.published_at else None,
            "version": version.number if version else None,
        },
        "language": translation.get_language(),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "signatory_count": len(lines),
        "signatories": [
            {
                **_public_record(line),
                "url": settings.SITE_URL + line.organization.get_absolute_url(),
            }
            for line in lines
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def contacts_csv(*, rows: list[ContactLine]) -> str:
    """Return the list with the contacts who signed for each line: for coordinators only."""
    records = []
    for row in rows:
        sign_on = row.sign_on
        records.append(
            {
                **_public_record(row.line),
                "contact_name": sign_on.contact_name if sign_on else "",
                "contact_role": sign_on.contact_role if sign_on else "",
                "contact_email": sign_on.contact_email if sign_on else "",
                "contact_phone": sign_on.contact_phone if sign_on else "",
                "contact_language": sign_on.language if sign_on else "",
                "request": sign_on.pk if sign_on else "",
                "confirmed_at": _iso(sign_on.confirmed_at) if sign_on else "",
                "contact_erased_at": _iso(sign_on.contact_erased_at) if sign_on else "",
            }
        )
    return _csv(CONTACT_FIELDS, records)


# The PDF letter.


class LetterFontsMissing(Exception):
    """The letter's fonts are not installed; the message says which and how to install them."""


@dataclass(frozen=True)
class LetterFonts:
    regular: Path
    bold: Path
    armenian: Path | None
    armenian_bold: Path | None


def letter_fonts() -> LetterFonts:
    """Return the fonts the letter uses, or raise LetterFontsMissing naming the absent ones.

    DejaVu Sans (Latin, Cyrillic and Armenian) is required; Noto Sans Armenian, the better
    Armenian face, is used for Armenian letters when it is installed.
    """
    regular = Path(settings.SIGNON_LETTER_FONT)
    bold = Path(settings.SIGNON_LETTER_FONT_BOLD)
    missing = [str(path) for path in (regular, bold) if not path.is_file()]
    if missing:
        raise LetterFontsMissing(
            gettext_lazy(
                "The PDF letter cannot be made: its fonts are not installed (%(paths)s). "
                "On Debian or Ubuntu: apt-get install fonts-dejavu-core fonts-noto-core; "
                "or set SIGNON_LETTER_FONT and SIGNON_LETTER_FONT_BOLD."
            )
            % {"paths": ", ".join(missing)}
        )
    armenian = Path(settings.SIGNON_LETTER_FONT_ARMENIAN)
    armenian_bold = Path(settings.SIGNON_LETTER_FONT_ARMENIAN_BOLD)
    return LetterFonts(
        regular=regular,
        bold=bold,
        armenian=armenian if armenian.is_file() else None,
        armenian_bold=armenian_bold if armenian_bold.is_file() else None,
    )


def _paragraphs(body: str) -> list[str]:
    """Return the body's paragraphs as plain text, references kept ([1]), definitions apart."""
    blocks = re.split(r"\n\s*\n", body.replace("\r\n", "\n"))
    return [text for block in blocks if (text := markdown_to_text_with_references(block))]


def letter_pdf(
    *,
    statement: Statement,
    text: StatementTranslation,
    version: StatementVersion | None,
    lines: list[ExportLine],
) -> bytes:
    """Return the statement in one language with its numbered list of signatories, as PDF.

    Meant to be sent to addressees such as the UN or the Council of Europe: the text, its date
    and version, and who signed, numbered. Labels are in the letter's language.
    """
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    fonts = letter_fonts()
    language = text.language

    class Letter(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("body", size=8)
            self.set_text_color(90)
            self.cell(0, 10, self.footer_text % {"page": self.page_no()}, align="C")

    pdf = Letter(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    dejavu, dejavu_bold = str(fonts.regular), str(fonts.bold)
    if language == "hy" and fonts.armenian and fonts.armenian_bold:
        # Noto Sans Armenian has Armenian letters only: DejaVu fills in digits and Latin.
        pdf.add_font("body", "", str(fonts.armenian))
        pdf.add_font("body", "B", str(fonts.armenian_bold))
        pdf.add_font("fallback", "", dejavu)
        pdf.add_font("fallback", "B", dejavu_bold)
        pdf.set_fallback_fonts(["fallback"], exact_match=False)
    else:
        pdf.add_font("body", "", dejavu)
        pdf.add_font("body", "B", dejavu_bold)

    with translation.override(language):
        published = statement.published_at or statement.created_at
        date_text = date_format(timezone.localtime(published), "DATE_FORMAT")
        pdf.footer_text = _("%(site)s · page %%(page)s") % {"site": settings.SITE_NAME}
        pdf.set_title(text.title)
        pdf.set_lang(language)
        pdf.set_creator(settings.SITE_NAME)
        pdf.set_creation_date(timezone.now())
        pdf.add_page()

        pdf.set_font("body", "B", 16)
        pdf.multi_cell(0, 8, text.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        pdf.set_font("body", size=10)
        pdf.set_text_color(70)
        meta = [_("Date: %(date)s") % {"date": date_text}]
        if version is not None:
            meta.append(_("Text version %(number)s") % {"number": version.number})
        meta.append(settings.SITE_URL + statement.get_absolute_url())
        for item in meta:
            pdf.multi_cell(0, 5, item, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0)
        pdf.ln(4)

        pdf.set_font("body", size=11)
        for paragraph in _paragraphs(text.body):
            pdf.multi_cell(0, 6, paragraph, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        if sources := footnotes(text.body):
            pdf.set_font("body", "B", 11)
            pdf.multi_cell(0, 7, _("Sources"), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_font("body", size=9)
            for number, source in sources:
                pdf.multi_cell(
                    0, 5, f"[{number}] {source}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
                )
            pdf.ln(2)
        if text.adoption_note:
            pdf.set_font("body", size=10)
            pdf.multi_cell(0, 5, text.adoption_note, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(4)

        pdf.set_font("body", "B", 13)
        heading = _("Signatories (%(count)s)") % {"count": len(lines)}
        pdf.multi_cell(0, 8, heading, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("body", size=11)
        if not lines:
            pdf.multi_cell(
                0, 6, _("No organisation has signed yet."), new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        for line in lines:
            organization = line.organization
            place = ", ".join(
                p
                for p in (
                    organization.city and organization.in_language("city", language),
                    organization.country and organization.in_language("country", language),
                )
                if p
            )
            name = organization.in_language("name", language)
            entry = f"{line.number}. {name}" + (f" ({place})" if place else "")
            if line.public_note:
                entry += f" — {line.public_note}"
            pdf.multi_cell(0, 6, entry, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
