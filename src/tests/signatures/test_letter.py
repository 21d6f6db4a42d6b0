"""The letter: publisher and logo, place and date, addressee, text with notes, numbered list.

Read back with pypdf and python-docx, as a reader's program would.
"""

import io
from datetime import datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.formats import date_format
from docx import Document
from PIL import Image
from pypdf import PdfReader

from tests.conftest import require

pytestmark = pytest.mark.usefixtures("tasks_do_nothing")

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BODY_EN = (
    "We call on the Council of Europe to act [1].\n\n"
    "The second paragraph cites a report [2].\n\n"
    "[1] Article 11 of the Convention.\n"
    "[2] Annual report, 2026."
)
BODY_HY = "Կոչ ենք անում Եվրոպայի խորհրդին գործել [1]։\n\n[1] Կոնվենցիայի 11-րդ հոդված։"


@pytest.fixture
def letter(
    settings,
    tmp_path,
    statement_factory,
    statement_translation_factory,
    signatory_factory,
    organization_factory,
):
    """A published statement by a network with a logo, in English and Armenian, three lines."""
    settings.MEDIA_ROOT = tmp_path
    network = organization_factory(
        name="Civic Solidarity Network", name_hy="Քաղաքացիական համերաշխության ցանց"
    )
    logo = io.BytesIO()
    Image.new("RGB", (60, 30), "#336699").save(logo, format="PNG")
    network.logo.save("network.png", ContentFile(logo.getvalue()))
    statement = statement_factory(
        published_at=timezone.make_aware(datetime(2026, 3, 14, 12)),
        translation__title="On freedom of assembly",
        translation__body=BODY_EN,
        translation__letter_addressee="Secretary General\nCouncil of Europe\nStrasbourg",
        translation__letter_place="Yerevan",
    )
    statement.publishers.add(network)
    statement_translation_factory(
        statement=statement,
        language="hy",
        title="Հավաքների ազատության մասին",
        body=BODY_HY,
        letter_addressee="Գլխավոր քարտուղար\nԵվրոպայի խորհուրդ",
        letter_place="Երևան",
    )
    names = [
        ("Zartonk Media", "Զարթոնք մեդիա"),
        ("Armenian Lawyers' Union", "Հայ իրավաբանների միություն"),
        ("Gyumri Women's Centre", "Գյումրու կանանց կենտրոն"),
    ]
    for position, (name, name_hy) in enumerate(names, start=1):
        signatory_factory(
            statement=statement,
            organization=organization_factory(name=name, name_hy=name_hy, city="", country=""),
            position=position,
        )
    return statement


def _date(statement, language: str) -> str:
    with translation.override(language):
        return date_format(timezone.localtime(statement.published_at), "DATE_FORMAT")


def _pdf(client, statement, language: str) -> tuple[str, PdfReader]:
    require(DEJAVU.is_file(), f"{DEJAVU} is absent (apt-get install fonts-dejavu-core)")
    response = client.get(f"/en/statements/{statement.slug}/letter.pdf?language={language}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), reader


def _in_order(text: str, parts: list[str]) -> None:
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions), parts


def test_the_pdf_letter_has_letterhead_addressee_text_notes_and_numbered_list(client, letter):
    text, reader = _pdf(client, letter, "en")
    assert reader.pages[0].images, "the network's logo is on the first page"
    assert reader.metadata.author == "Civic Solidarity Network"
    _in_order(
        text,
        [
            "Civic Solidarity Network",
            f"Yerevan, {_date(letter, 'en')}",
            "Secretary General Council of Europe Strasbourg",
            "On freedom of assembly",
            "We call on the Council of Europe to act",
            "The second paragraph cites a report",
            "Sources",
            "Article 11 of the Convention.",
            "Annual report, 2026.",
            "Signatories (3)",
            "1. Zartonk Media",
            "2. Armenian Lawyers' Union",
            "3. Gyumri Women's Centre",
        ],
    )
    assert "[1]" not in text  # a note is a raised number, not a bracket


def test_the_pdf_letter_in_armenian(client, letter):
    text, _reader = _pdf(client, letter, "hy")
    _in_order(
        text,
        [
            "Քաղաքացիական համերաշխության ցանց",
            f"Երևան, {_date(letter, 'hy')}",
            "Գլխավոր քարտուղար Եվրոպայի խորհուրդ",
            "Հավաքների ազատության մասին",
            "Կոչ ենք անում Եվրոպայի խորհրդին գործել",
            "Կոնվենցիայի 11-րդ հոդված։",
            "1. Զարթոնք մեդիա",
            "2. Հայ իրավաբանների միություն",
            "3. Գյումրու կանանց կենտրոն",
        ],
    )


def _docx(client, statement, language: str):
    response = client.get(f"/en/statements/{statement.slug}/letter.docx?language={language}")
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="{statement.slug}-letter.{language}.docx"'
    )
    return Document(io.BytesIO(response.content))


def test_the_word_letter_has_the_same_content_in_word_styles(client, letter):
    document = _docx(client, letter, "en")
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    texts = [text for _style, text in paragraphs]
    assert len(document.inline_shapes) == 1  # the logo
    assert texts[0] == "Civic Solidarity Network"
    assert texts[1] == f"Yerevan, {_date(letter, 'en')}"
    assert texts[2] == "Secretary General\nCouncil of Europe\nStrasbourg"
    assert ("Heading 1", "On freedom of assembly") in paragraphs
    assert ("Heading 2", "Sources") in paragraphs
    assert ("Heading 2", "Signatories (3)") in paragraphs
    # The reference is a raised 1 in the paragraph; the note keeps its number too.
    body = next(p for p in document.paragraphs if p.text.startswith("We call on"))
    assert [(run.text, bool(run.font.superscript)) for run in body.runs] == [
        ("We call on the Council of Europe to act", False),
        ("1", True),
        (".", False),
    ]
    assert "1 Article 11 of the Convention." in texts
    assert "2 Annual report, 2026." in texts
    # Word numbers the list: editing it renumbers the lines.
    assert [text for style, text in paragraphs if style == "List Number"] == [
        "Zartonk Media",
        "Armenian Lawyers' Union",
        "Gyumri Women's Centre",
    ]
    assert document.core_properties.title == "On freedom of assembly"
    assert document.core_properties.language == "en"


def test_the_word_letter_in_armenian(client, letter):
    document = _docx(client, letter, "hy")
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    texts = [text for _style, text in paragraphs]
    assert texts[:3] == [
        "Քաղաքացիական համերաշխության ցանց",
        f"Երևան, {_date(letter, 'hy')}",
        "Գլխավոր քարտուղար\nԵվրոպայի խորհուրդ",
    ]
    assert "1 Կոնվենցիայի 11-րդ հոդված։" in texts
    assert [text for style, text in paragraphs if style == "List Number"] == [
        "Զարթոնք մեդիա",
        "Հայ իրավաբանների միություն",
        "Գյումրու կանանց կենտրոն",
    ]


def test_a_letter_without_addressee_publisher_or_signatories_still_reads(client, statement_factory):
    statement = statement_factory(translation__title="A short statement")
    document = _docx(client, statement, "en")
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "Undersigned"  # the site's name stands for a missing publisher
    assert "No organisation has signed yet." in texts
    assert len(document.inline_shapes) == 0


def test_the_statement_page_and_the_dashboard_link_the_word_letter(client, staff_client, letter):
    page = client.get(f"/en/statements/{letter.slug}/").content.decode()
    for language in ("en", "hy"):
        assert f'href="/en/statements/{letter.slug}/letter.docx?language={language}"' in page
    dashboard = staff_client.get(f"/en/staff/statements/{letter.slug}/signatures/")
    assert f'href="/en/statements/{letter.slug}/letter.docx"' in dashboard.content.decode()
