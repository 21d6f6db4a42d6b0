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
from typing import cast

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


# The letter's content, once for the PDF and the Word document.

_REFERENCE = re.compile(r"\[([^\]\s]+)\]")


@dataclass(frozen=True)
class LetterParagraph:
    """A paragraph as runs of text; a run with a note number is a reference to that note."""

    runs: list[tuple[str, str | None]]


@dataclass(frozen=True)
class LetterEntry:
    number: int
    text: str


@dataclass(frozen=True)
class Letter:
    """Everything the letter says, in its language, ready to lay out on paper or in Word."""

    language: str
    publisher: str
    logo_png: bytes | None
    place_and_date: str
    addressee: list[str]
    title: str
    meta: list[str]
    paragraphs: list[LetterParagraph]
    notes_heading: str
    notes: list[tuple[str, str]]
    adoption_note: str
    signatories_heading: str
    signatories: list[LetterEntry]
    nobody_yet: str
    footer: str


def _letter_paragraphs(body: str, note_numbers: set[str]) -> list[LetterParagraph]:
    """Return the body's paragraphs as plain text, each reference to a note ([1]) apart."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", body.replace("\r\n", "\n")):
        text = markdown_to_text_with_references(block)
        if not text:
            continue
        runs: list[tuple[str, str | None]] = []
        last = 0
        for match in _REFERENCE.finditer(text):
            if match.group(1) not in note_numbers:
                continue  # brackets of the text's own, not a note
            runs.append((text[last : match.start()].rstrip(" "), None))
            runs.append((match.group(1), match.group(1)))
            last = match.end()
        runs.append((text[last:], None))
        paragraphs.append(LetterParagraph(runs=[run for run in runs if run[0]]))
    return paragraphs


def _logo_png(statement: Statement) -> tuple[str, bytes | None]:
    """Return the publishing organisations' names and the first one's logo (as PNG), if any."""
    from PIL import Image, UnidentifiedImageError

    publishers = list(statement.publishers.order_by("pk"))
    names = ", ".join(organization.local_name for organization in publishers)
    for organization in publishers:
        if not organization.logo:
            continue
        try:
            with organization.logo.open("rb") as file, Image.open(file) as image:
                image.thumbnail((800, 800))
                out = io.BytesIO()
                image.convert("RGBA").save(out, format="PNG")
                return names, out.getvalue()
        except (OSError, UnidentifiedImageError, ValueError):
            # A missing or broken logo file must not stop the letter: it goes without one.
            logging.getLogger(__name__).warning(
                "The logo of organisation %s cannot be read.", organization.pk
            )
    return names, None


def letter_content(
    *,
    statement: Statement,
    text: StatementTranslation,
    version: StatementVersion | None,
    lines: list[ExportLine],
) -> Letter:
    """Return what the letter says in the translation's language, labels included."""
    language = text.language
    with translation.override(language):
        publisher, logo = _logo_png(statement)
        published = statement.published_at or statement.created_at
        date_text = date_format(timezone.localtime(published), "DATE_FORMAT")
        place = text.letter_place.strip()
        meta = []
        if version is not None:
            meta.append(_("Text version %(number)s") % {"number": version.number})
        meta.append(settings.SITE_URL + statement.get_absolute_url())
        notes = footnotes(text.body)
        entries = []
        for line in lines:
            organization = line.organization
            where = ", ".join(
                p
                for p in (
                    organization.city and organization.in_language("city", language),
                    organization.country and organization.in_language("country", language),
                )
                if p
            )
            entry = organization.in_language("name", language) + (f" ({where})" if where else "")
            if line.public_note:
                entry += f" — {line.public_note}"
            entries.append(LetterEntry(number=line.number, text=entry))
        return Letter(
            language=language,
            publisher=publisher or settings.SITE_NAME,
            logo_png=logo,
            place_and_date=(
                _("%(place)s, %(date)s") % {"place": place, "date": date_text}
                if place
                else date_text
            ),
            addressee=[row.strip() for row in text.letter_addressee.splitlines() if row.strip()],
            title=text.title,
            meta=meta,
            paragraphs=_letter_paragraphs(text.body, {number for number, _note in notes}),
            notes_heading=_("Sources"),
            notes=notes,
            adoption_note=text.adoption_note,
            signatories_heading=_("Signatories (%(count)s)") % {"count": len(lines)},
            signatories=entries,
            nobody_yet=_("No organisation has signed yet."),
            footer=_("%(site)s · page %%(page)s") % {"site": settings.SITE_NAME},
        )


def letter_pdf(
    *,
    statement: Statement,
    text: StatementTranslation,
    version: StatementVersion | None,
    lines: list[ExportLine],
) -> bytes:
    """Return the letter as PDF: the publisher, place and date, addressee, text, notes, list.

    Meant to be sent to addressees such as the UN or the Council of Europe. Labels are in the
    letter's language; notes are numbered in superscript and given after the text.
    """
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    fonts = letter_fonts()
    letter = letter_content(statement=statement, text=text, version=version, lines=lines)
    language = letter.language

    class LetterPDF(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("body", size=8)
            self.set_text_color(90)
            self.cell(0, 10, letter.footer % {"page": self.page_no()}, align="C")

    pdf = LetterPDF(format="A4")
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
    pdf.add_font("digits", "", dejavu)

    def block(height: float, content: str, **options) -> None:
        pdf.multi_cell(0, height, content, new_x=XPos.LMARGIN, new_y=YPos.NEXT, **options)

    def raised(height: float, number: str, size: float) -> None:
        """Write a note's number raised, in a face of its own.

        fpdf2 draws raised text inside a saved graphics state and, when the body's face
        needed its fallback there, does not set the face again after it: the text that
        followed was drawn in another face's glyphs. Switching faces by name around the
        number makes it set the body's face again.
        """
        pdf.set_font("digits", size=size)
        pdf.char_vpos = "SUP"
        pdf.write(height, number)
        pdf.char_vpos = "LINE"
        pdf.set_font("body", size=size)

    pdf.set_title(letter.title)
    pdf.set_author(letter.publisher)
    pdf.set_lang(language)
    pdf.set_creator(settings.SITE_NAME)
    pdf.set_creation_date(timezone.now())
    pdf.add_page()

    # The letterhead: the publisher's logo and name; then place and date, on the right.
    if letter.logo_png:
        pdf.image(io.BytesIO(letter.logo_png), h=18)
        pdf.ln(2)
    pdf.set_font("body", "B", 12)
    block(6, letter.publisher)
    pdf.ln(4)
    pdf.set_font("body", size=10)
    block(5, letter.place_and_date, align="R")
    pdf.ln(4)
    if letter.addressee:
        pdf.set_font("body", size=11)
        for row in letter.addressee:
            block(5.5, row)
        pdf.ln(6)

    pdf.set_font("body", "B", 16)
    block(8, letter.title)
    pdf.ln(1)
    pdf.set_font("body", size=9)
    pdf.set_text_color(70)
    for item in letter.meta:
        block(4.5, item)
    pdf.set_text_color(0)
    pdf.ln(4)

    pdf.set_font("body", size=11)
    for paragraph in letter.paragraphs:
        for content, note in paragraph.runs:
            if note is not None:
                raised(6, content, 11)
            else:
                pdf.write(6, content)
        pdf.ln(6)
        pdf.ln(2)
    if letter.adoption_note:
        pdf.set_font("body", size=10)
        block(5, letter.adoption_note)
        pdf.ln(2)
    if letter.notes:
        pdf.set_font("body", "B", 11)
        block(7, letter.notes_heading)
        pdf.set_font("body", size=9)
        for number, note in letter.notes:
            raised(5, number, 9)
            pdf.write(5, f" {note}")
            pdf.ln(5)
    pdf.ln(4)

    pdf.set_font("body", "B", 13)
    block(8, letter.signatories_heading)
    pdf.set_font("body", size=11)
    if not letter.signatories:
        block(6, letter.nobody_yet)
    for entry in letter.signatories:
        content = f"{entry.number}. {entry.text}"
        # A line of the list is never cut by a page break: it starts the next page instead.
        rows = len(cast(list[str], pdf.multi_cell(0, 6, content, dry_run=True, output="LINES")))
        if pdf.get_y() + rows * 6 > pdf.page_break_trigger:
            pdf.add_page()
        block(6, content)
    return bytes(pdf.output())


DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def letter_docx(
    *,
    statement: Statement,
    text: StatementTranslation,
    version: StatementVersion | None,
    lines: list[ExportLine],
) -> bytes:
    """Return the letter as a Word document, for networks that print it on their letterhead.

    The same content as the PDF, in Word's own styles (headings, a numbered list, superscript
    note numbers), so that it can be edited and restyled.
    """
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    letter = letter_content(statement=statement, text=text, version=version, lines=lines)
    document = Document()
    properties = document.core_properties
    properties.title = letter.title
    properties.author = letter.publisher
    properties.language = letter.language
    properties.created = timezone.now()

    if letter.logo_png:
        document.add_picture(io.BytesIO(letter.logo_png), height=Cm(1.8))
    head = document.add_paragraph()
    head.add_run(letter.publisher).bold = True
    dated = document.add_paragraph(letter.place_and_date)
    dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if letter.addressee:
        addressee = document.add_paragraph()
        for index, row in enumerate(letter.addressee):
            run = addressee.add_run(row)
            if index < len(letter.addressee) - 1:
                run.add_break()

    document.add_heading(letter.title, level=1)
    meta = document.add_paragraph()
    for index, item in enumerate(letter.meta):
        run = meta.add_run(item)
        run.font.size = Pt(9)
        if index < len(letter.meta) - 1:
            run.add_break()
    for paragraph in letter.paragraphs:
        written = document.add_paragraph()
        for content, note in paragraph.runs:
            run = written.add_run(content)
            if note is not None:
                run.font.superscript = True
    if letter.adoption_note:
        document.add_paragraph(letter.adoption_note)
    if letter.notes:
        document.add_heading(letter.notes_heading, level=2)
        for number, note in letter.notes:
            written = document.add_paragraph()
            written.add_run(number).font.superscript = True
            written.add_run(f" {note}")

    document.add_heading(letter.signatories_heading, level=2)
    if not letter.signatories:
        document.add_paragraph(letter.nobody_yet)
    # Word numbers the list itself: a line added or taken out by hand renumbers the rest.
    for entry in letter.signatories:
        document.add_paragraph(entry.text, style="List Number")

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
