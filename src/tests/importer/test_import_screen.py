from django.core.files.uploadedfile import SimpleUploadedFile

from undersigned.importer.models import ImportRecord
from undersigned.statements.models import Statement

URL = "/en/staff/import/"
PAGE = """Lori Civic Forum

Residents of Alaverdi demand clean air

12 March 2024

Environment | Announcements

The smelter has again exceeded the limits set by law [1].

We call on the ministry to publish its measurements.

Lori Civic Forum
Alaverdi Green Initiative NGO
Lori Civic Forum

[1] https://example.org/report
"""


def test_the_import_screen_is_for_staff_only(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_preview_shows_what_was_read_and_saves_nothing(admin_client, organization_factory):
    organization_factory(name="Lori Civic Forum")
    response = admin_client.post(URL, {"text": PAGE, "language": "en", "preview": "1"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Residents of Alaverdi demand clean air" in content
    assert "listed twice (line 1)" in content
    assert "new — check" in content
    assert not Statement.objects.exists()
    # The text travels with the form, ready to create the draft.
    assert "The smelter has again exceeded" in content


def test_create_makes_a_draft_and_leads_to_the_review_of_its_batch(
    admin_client, organization_factory
):
    forum = organization_factory(name="Lori Civic Forum")
    response = admin_client.post(URL, {"text": PAGE, "language": "en", "create": "1"})
    statement = Statement.objects.get()
    assert response.status_code == 302
    batch = statement.import_record.batch
    assert response["Location"] == f"/en/staff/import/batches/{batch.pk}/"
    # The new organisation waits, unseen, until the batch is accepted.
    assert list(batch.new_organizations.values_list("name", "is_public")) == [
        ("Alaverdi Green Initiative NGO", False)
    ]
    assert statement.status == Statement.Status.DRAFT
    assert statement.signatories.order_by("position").first().organization == forum
    assert statement.signatories.count() == 2
    assert ImportRecord.objects.get().created_by.username == "admin"
    assert "[^1]" not in statement.translations.get().body_html
    assert 'href="#fn1"' in statement.translations.get().body_html


def test_an_uploaded_file_is_read_like_pasted_text(admin_client, db):
    upload = SimpleUploadedFile("page.txt", PAGE.encode(), content_type="text/plain")
    response = admin_client.post(URL, {"upload": upload, "language": "en", "preview": "1"})
    assert "Residents of Alaverdi demand clean air" in response.content.decode()


def test_empty_or_non_utf8_input_gets_a_clear_message_and_keeps_the_form(admin_client, db):
    response = admin_client.post(URL, {"text": "  ", "language": "en", "preview": "1"})
    assert "Paste the page or choose a file." in response.content.decode()
    upload = SimpleUploadedFile("page.txt", "Заявление".encode("cp1251"))
    response = admin_client.post(URL, {"upload": upload, "language": "ru", "preview": "1"})
    assert "not UTF-8 text" in response.content.decode()
    assert not Statement.objects.exists()


def test_a_page_that_cannot_be_read_is_explained_in_the_coordinators_language(admin_client, db):
    text = "Share via\nviews: 12\nLeave a Reply"
    response = admin_client.post("/ru/staff/import/", {"text": text, "language": "en"})
    assert "На странице не найден текст заявления — только заголовок или меню." in (
        response.content.decode()
    )
    response = admin_client.post(URL, {"text": text, "language": "en", "preview": "1"})
    assert "No statement text was found on the page, only a title or menus." in (
        response.content.decode()
    )
