"""Versioned text: edits of a signed statement record versions, with a public, readable diff."""

import pytest
from django.contrib.auth import get_user_model
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from tests.admin_forms import admin_form_data
from tests.factories import coordinator_create
from undersigned.core.models import AuditEntry
from undersigned.publishing.services import statement_save
from undersigned.signatures import reconfirmation, services
from undersigned.statements.diff import text_diff, version_diff
from undersigned.statements.models import StatementVersion

pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


@pytest.fixture
def signed(statement_factory, sign_on_factory):
    """A published statement an organisation signed through the site (version 1)."""
    statement = statement_factory(
        open_for_joining=True,
        translation__title="On the right to protest",
        translation__body="We call on the government to respect peaceful assembly.",
    )
    coordinator = coordinator_create("coordinator")
    sign_on = sign_on_factory(statement=statement)
    services.sign_on_approve(sign_on=sign_on, by=coordinator)
    return statement


def edit(statement, language="en", **fields):
    translation = statement.translations.get(language=language)
    for name, value in fields.items():
        setattr(translation, name, value)
    statement_save(statement=statement, save_related=translation.save)


def test_editing_the_text_of_a_signed_statement_records_a_new_version(
    signed, django_capture_on_commit_callbacks
):
    assert [v.number for v in StatementVersion.objects.filter(statement=signed)] == [1]
    with django_capture_on_commit_callbacks(execute=True):
        edit(signed, body="We urge the government to respect peaceful assembly.")
    latest = StatementVersion.objects.filter(statement=signed).latest()
    assert latest.number == 2
    assert latest.texts["en"]["body"] == "We urge the government to respect peaceful assembly."
    assert AuditEntry.objects.filter(action="statement.version", statement=signed).exists()
    # Saving the same text again records nothing.
    with django_capture_on_commit_callbacks(execute=True):
        edit(signed, body="We urge the government to respect peaceful assembly.")
    assert StatementVersion.objects.filter(statement=signed).count() == 2


def test_editing_a_statement_nobody_signed_records_no_version(
    statement_factory, django_capture_on_commit_callbacks
):
    statement = statement_factory()
    with django_capture_on_commit_callbacks(execute=True):
        edit(statement, body="Another text.")
    assert not StatementVersion.objects.filter(statement=statement).exists()


def test_the_first_edit_keeps_the_text_that_signatories_added_by_hand_signed(
    statement_factory, signatory_factory, django_capture_on_commit_callbacks
):
    statement = statement_factory(translation__body="The text as it was signed.")
    signatory_factory(statement=statement)
    with django_capture_on_commit_callbacks(execute=True):
        edit(statement, body="The text after the edit.")
    versions = list(StatementVersion.objects.filter(statement=statement).order_by("number"))
    assert [v.texts["en"]["body"] for v in versions] == [
        "The text as it was signed.",
        "The text after the edit.",
    ]


@pytest.mark.django_db(transaction=True)
def test_an_admin_edit_of_two_languages_records_one_version(
    client, signed, statement_translation_factory
):
    statement_translation_factory(statement=signed, language="ru", title="О праве на протест")
    reconfirmation.statement_text_changed(statement_id=signed.pk)  # the Russian text is version 2
    admin = get_user_model().objects.create_superuser("admin", password="x")
    client.force_login(admin)
    url = f"/en/admin/statements/statement/{signed.pk}/change/"
    data = admin_form_data(client.get(url).content.decode())
    languages = {data[f"translations-{i}-language"]: i for i in range(2)}
    data[f"translations-{languages['en']}-body"] = "We urge the government to stop."
    data[f"translations-{languages['ru']}-body"] = "Мы призываем правительство."
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    versions = list(StatementVersion.objects.filter(statement=signed).order_by("number"))
    assert [v.number for v in versions] == [1, 2, 3]
    assert versions[-1].texts["en"]["body"] == "We urge the government to stop."
    assert versions[-1].texts["ru"]["body"] == "Мы призываем правительство."


def test_the_diff_marks_removed_and_added_words_with_text_labels():
    html, changes = text_diff(
        "Мы призываем <b>власти</b> уважать свободу.\nВторой абзац.\n",
        "Мы требуем от <b>властей</b> уважать свободу.\nВторой абзац.\nՆոր պարբերություն։",
    )
    assert changes == 3
    assert '<del><span class="visually-hidden">[removed: </span>призываем' in html
    assert '<ins><span class="visually-hidden">[added: </span>требуем от' in html
    assert '<span class="visually-hidden">[added: </span>Նոր պարբերություն։' in html
    assert "&lt;b&gt;" in html  # the text is escaped, never markup
    assert "<b>" not in html
    assert "Второй абзац." in html
    assert text_diff("Same.", "Same.") == ("Same.", 0)


def test_the_diff_compares_every_language_the_readers_first():
    old = {"en": {"title": "T", "body": "One."}, "ru": {"title": "Т", "body": "Один."}}
    new = {"en": {"title": "T", "body": "Two."}, "hy": {"title": "Թ", "body": "Մեկ."}}
    diffs = version_diff(old, new, first="hy")
    assert [(d.language, d.status) for d in diffs] == [
        ("hy", "added"),
        ("en", "changed"),
        ("ru", "removed"),
    ]
    assert [f.name for f in diffs[1].fields] == ["body"]


def test_the_version_history_is_public(client, signed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        edit(signed, body="We urge the government to respect peaceful assembly.")
    listing = client.get(f"/en/statements/{signed.slug}/versions/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert f'href="/en/statements/{signed.slug}/versions/2/"' in page
    assert "current text" in page

    detail = client.get(f"/en/statements/{signed.slug}/versions/2/").content.decode()
    assert "Changes since version 1" in detail
    assert '<span class="visually-hidden">[removed: </span>call on' in detail
    assert '<span class="visually-hidden">[added: </span>urge' in detail
    assert "Removed text is struck through" in detail
    assert "We urge the government" in detail  # the text of the version itself
    first = client.get(f"/en/statements/{signed.slug}/versions/1/").content.decode()
    assert "This is the first recorded version of the text." in first
    assert "A later version replaced this text." in first
    assert client.get(f"/en/statements/{signed.slug}/versions/9/").status_code == 404


def test_the_version_history_speaks_armenian(client, signed):
    page = client.get(f"/hy/statements/{signed.slug}/versions/").content.decode()
    assert 'lang="hy"' in page


def test_a_draft_has_no_public_version_history(client, statement_factory):
    draft = statement_factory(status="draft", published_at=None)
    assert client.get(f"/en/statements/{draft.slug}/versions/").status_code == 404


def test_the_public_list_shows_who_signed_an_earlier_version(
    client, signed, organization_factory, sign_on_factory, django_capture_on_commit_callbacks
):
    first_line = signed.signatories.get()
    with django_capture_on_commit_callbacks(execute=True):
        edit(signed, body="A second text.")
    coordinator = get_user_model().objects.get(username="coordinator")
    later = sign_on_factory(
        statement=signed, organization=organization_factory(name="Later Signer")
    )
    services.sign_on_approve(sign_on=later, by=coordinator)

    page = client.get(f"/en/statements/{signed.slug}/").content.decode()
    tree = HTMLParser(page)
    items = {li.css_first("a").text(): li.text() for li in tree.css(".signatory-list li")}
    assert "signed an earlier version (version 1)" in items[first_line.organization.name]
    assert "earlier version" not in items["Later Signer"]
    assert f'href="/en/statements/{signed.slug}/versions/1/"' in page
    assert f'href="/en/statements/{signed.slug}/versions/"' in page
