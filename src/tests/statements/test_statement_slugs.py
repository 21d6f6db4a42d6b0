"""A statement's address is suggested from its title, in Latin letters, and stays editable."""

from tests.admin_forms import admin_form_data
from undersigned.statements.models import Statement
from undersigned.statements.slugs import statement_slug_suggest


def test_armenian_and_russian_titles_become_latin_slugs(db):
    assert statement_slug_suggest(title="Հայտարարություն Երևանում") == ("haytararutyun-erevanum")
    assert statement_slug_suggest(title="Заявление о свободе собраний") == (
        "zaiavlenie-o-svobode-sobranii"
    )


def test_a_taken_slug_gets_a_number_and_a_title_without_letters_a_default(
    statement_factory,
):
    first = statement_factory(slug="on-clean-air")
    statement_factory(slug="on-clean-air-2")
    assert statement_slug_suggest(title="On clean air!") == "on-clean-air-3"
    # A statement's own slug is free for it (an edit keeps its address).
    assert statement_slug_suggest(title="On clean air", exclude_pk=first.pk) == "on-clean-air"
    assert statement_slug_suggest(title="«…»") == "statement"


def test_the_admin_makes_the_slug_from_the_title_when_left_empty_and_keeps_a_given_one(
    admin_client, statement_factory
):
    statement_factory(slug="zaiavlenie-o-vyborakh")
    form = admin_form_data(admin_client.get("/en/admin/statements/statement/add/").content.decode())
    form.update(
        {
            "slug": "",
            "status": "draft",
            "original_language": "ru",
            "translations-TOTAL_FORMS": "1",
            "translations-0-language": "ru",
            "translations-0-title": "Заявление о выборах",
            "translations-0-body": "Текст.",
        }
    )
    assert admin_client.post("/en/admin/statements/statement/add/", form).status_code == 302
    assert Statement.objects.filter(slug="zaiavlenie-o-vyborakh-2").exists()

    form["slug"] = "on-elections"
    assert admin_client.post("/en/admin/statements/statement/add/", form).status_code == 302
    assert Statement.objects.filter(slug="on-elections").exists()
