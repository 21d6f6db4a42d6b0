"""Exports of the list: CSV and JSON with public fields only, and the PDF letter."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import require
from undersigned.signatures import services

EMAIL = "anahit@private-mail.example.am"
PHONE = "+374 99 765432"
CONTACT = "Anahit Petrosyan"
FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSansArmenian-Regular.ttf"),
]


pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


@pytest.fixture
def signed(
    statement_factory,
    statement_translation_factory,
    sign_on_factory,
    signatory_factory,
    organization_factory,
    coordinator,
):
    """A statement with three lines: two through sign-on (with contact data), one by hand."""
    statement = statement_factory(
        open_for_joining=True,
        translation__title="On the right to peaceful assembly",
        translation__body="We call on the authorities.\n\nSecond paragraph [1].\n\n[1] A source.",
    )
    statement_translation_factory(
        statement=statement,
        language="hy",
        title="Խաղաղ հավաքների իրավունքի մասին",
        body="Մենք կոչ ենք անում իշխանություններին։",
    )
    statement_translation_factory(
        statement=statement,
        language="ru",
        title="О праве на мирные собрания",
        body="Мы призываем власти.",
    )
    signatory_factory(
        statement=statement,
        organization=organization_factory(name="Helsinki Citizens' Assembly Vanadzor"),
        position=1,
        public_note="also for its regional offices",
    )
    for name, city in (("Բաց հասարակության հիմնադրամ", "Երևան"), ("=HYPERLINK(evil)", "Gyumri")):
        sign_on = sign_on_factory(
            statement=statement,
            organization=organization_factory(name=name, city=city),
            contact_name=CONTACT,
            contact_email=EMAIL,
            contact_phone=PHONE,
        )
        services.sign_on_approve(sign_on=sign_on, by=coordinator)
    return statement


def read_csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_lists_public_fields_in_the_published_order(client, signed):
    response = client.get(f"/en/statements/{signed.slug}/signatories.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    rows = read_csv(response)
    assert list(rows[0]) == [
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
    assert [r["position"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["organisation"] == "Helsinki Citizens' Assembly Vanadzor"
    assert rows[0]["public_note"] == "also for its regional offices"
    assert rows[0]["version"] == ""  # added by hand: no text version recorded
    assert rows[1]["organisation"] == "Բաց հասարակության հիմնադրամ"
    assert (rows[1]["city"], rows[1]["country"], rows[1]["kind"]) == ("Երևան", "Armenia", "ngo")
    assert rows[1]["version"] == "1"
    # A spreadsheet would run this as a formula; the export keeps it text.
    assert rows[2]["organisation"] == "'=HYPERLINK(evil)"


def test_the_json_holds_the_same_lines_and_the_statement(client, signed):
    response = client.get(f"/ru/statements/{signed.slug}/signatories.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(response.content)
    assert document["statement"]["title"] == "О праве на мирные собрания"
    assert document["statement"]["version"] == 1
    assert document["signatory_count"] == 3
    first, second = document["signatories"][:2]
    assert first["position"] == 1
    assert first["organisation"] == "Helsinki Citizens' Assembly Vanadzor"
    assert second["version"] == 1
    assert second["url"].endswith(f"/organisations/{second['slug']}/")
    assert set(first) == {
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
        "url",
    }


def test_the_exports_follow_the_list_at_once(
    client, signed, signatory_factory, organization_factory, transactional_db
):
    url = f"/en/statements/{signed.slug}/signatories.csv"
    assert len(read_csv(client.get(url))) == 3
    signatory_factory(statement=signed, organization=organization_factory(name="Late Signer"))
    assert "Late Signer" in {r["organisation"] for r in read_csv(client.get(url))}


def pdf_text(pdf: bytes) -> str:
    """Return the text a PDF reader would show, page after page (read by pypdf)."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def fonts_installed():
    for font in FONTS:
        require(
            font.is_file(), f"{font} is absent (apt-get install fonts-dejavu-core fonts-noto-core)"
        )


def test_the_pdf_letter_in_armenian_has_the_text_the_version_and_the_numbered_list(
    client, signed, fonts_installed
):
    response = client.get(f"/en/statements/{signed.slug}/letter.pdf?language=hy")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    flat = " ".join(text.split())
    assert "Խաղաղ հավաքների իրավունքի մասին" in flat
    assert "Մենք կոչ ենք անում իշխանություններին։" in flat
    first = "1. Helsinki Citizens' Assembly Vanadzor (Yerevan, Հայաստան)"
    assert f"{first} — also for its regional offices" in flat
    assert "2. Բաց հասարակության հիմնադրամ (Երևան, Հայաստան)" in flat
    assert "3. =HYPERLINK(evil)" in flat


def test_the_pdf_letter_in_russian_and_english(client, signed, fonts_installed):
    russian = " ".join(
        pdf_text(client.get(f"/en/statements/{signed.slug}/letter.pdf?language=ru").content).split()
    )
    assert "О праве на мирные собрания" in russian
    assert "Мы призываем власти." in russian
    assert "2. Բաց հասարակության հիմնադրամ" in russian  # Armenian names in a Russian letter
    english = " ".join(
        pdf_text(client.get(f"/en/statements/{signed.slug}/letter.pdf").content).split()
    )
    assert "On the right to peaceful assembly" in english
    assert "Text version 1" in english
    assert "Signatories (3)" in english
    assert "Second paragraph" in english
    # The sources go with the text: a raised number in the paragraph, the source below it.
    assert "Sources" in english
    assert re.search(r"Second paragraph ?1\.", english)
    assert "1 A source" in english


def test_no_export_holds_contact_data(client, signed, fonts_installed):
    urls = [
        f"/en/statements/{signed.slug}/signatories.csv",
        f"/en/statements/{signed.slug}/signatories.json",
    ]
    contents = [client.get(url).content.decode("utf-8-sig") for url in urls]
    for language in ("en", "hy", "ru"):
        pdf = client.get(f"/en/statements/{signed.slug}/letter.pdf?language={language}").content
        text = pdf_text(pdf)
        assert (
            "Բաց հասարակության" in text
        )  # the reading works, so the absence below means something
        contents.append(text)
        contents.append(pdf.decode("latin-1"))  # the raw file too: metadata, anything
    for content in contents:
        assert EMAIL not in content
        assert PHONE not in content
        assert CONTACT not in content
        assert "private-mail" not in content


def test_without_its_fonts_the_letter_answers_with_a_clear_error(client, signed, settings):
    settings.SIGNON_LETTER_FONT = "/nonexistent/DejaVuSans.ttf"
    response = client.get(f"/en/statements/{signed.slug}/letter.pdf")
    assert response.status_code == 503
    page = response.content.decode()
    assert "The PDF letter cannot be made" in page
    assert "/nonexistent/DejaVuSans.ttf" in page
    assert "apt-get install fonts-dejavu-core fonts-noto-core" in page


def test_the_letter_of_a_draft_or_unknown_statement_is_not_found(client, statement_factory):
    draft = statement_factory(status="draft", published_at=None)
    for url in (
        f"/en/statements/{draft.slug}/letter.pdf",
        f"/en/statements/{draft.slug}/signatories.csv",
        "/en/statements/no-such-statement/signatories.json",
    ):
        assert client.get(url).status_code == 404, url


def test_the_statement_page_links_the_exports(client, signed):
    page = client.get(f"/en/statements/{signed.slug}/").content.decode()
    assert f'href="/en/statements/{signed.slug}/signatories.csv"' in page
    assert f'href="/en/statements/{signed.slug}/signatories.json"' in page
    for language in ("en", "hy", "ru"):
        assert f'href="/en/statements/{signed.slug}/letter.pdf?language={language}"' in page
