"""Organisation names, cities and countries in the reader's language, wherever they appear."""

import csv
import io
import json
import re

import pytest
from django.core import mail  # noqa: F401 (the locmem outbox is not used: see the mail tests)
from selectolax.lexbor import LexborHTMLParser

from undersigned.organizations.models import Organization
from undersigned.statements.search import search_index_statement

NAMES = {
    "en": "Gyumri Media Laboratory",
    "hy": "Գյումրու մեդիա լաբորատորիա",
    "ru": "Гюмрийская медиалаборатория",
}


def parse(response) -> LexborHTMLParser:
    assert response.status_code == 200
    return LexborHTMLParser(response.content.decode())


@pytest.fixture(autouse=True)
def _tasks_now(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def lab(organization_factory):
    return organization_factory(
        slug="gyumri-media-lab",
        name=NAMES["en"],
        name_hy=NAMES["hy"],
        name_ru=NAMES["ru"],
        city="Gyumri",
        city_hy="Գյումրի",
        city_ru="Гюмри",
        description="Trains local journalists.",
        description_ru="Обучает местных журналистов.",
    )


@pytest.fixture
def english_only(organization_factory):
    return organization_factory(slug="aarhus", name="Aarhus Centre", city="Vanadzor")


@pytest.fixture
def statement(statement_factory, signatory_factory, lab, english_only, organization_factory):
    statement = statement_factory(
        slug="media-freedom", translation__title="On media freedom", open_for_joining=True
    )
    signatory_factory(statement=statement, organization=lab, position=1)
    signatory_factory(statement=statement, organization=english_only, position=2)
    network = organization_factory(
        slug="media-network", name="Media Network", name_hy="Մեդիա ցանց", kind="network"
    )
    statement.publishers.add(network)
    search_index_statement(statement_id=statement.pk)  # as the commit of these rows would
    return statement


@pytest.mark.parametrize("language", ["en", "hy", "ru"])
def test_the_organisation_page_names_it_in_the_readers_language(client, lab, language):
    page = parse(client.get(f"/{language}/organisations/gyumri-media-lab/"))
    assert page.css_first("h1").text() == NAMES[language]
    assert page.css_first("title").text().startswith(NAMES[language])
    og_title = page.css_first('meta[property="og:title"]').attributes["content"]
    assert og_title == NAMES[language]


def test_city_country_and_description_follow_the_language_where_translated(client, lab):
    armenian = parse(client.get("/hy/organisations/gyumri-media-lab/"))
    assert "Գյումրի, Հայաստան" in armenian.css_first("p.meta").text()
    # No Armenian description: the English one, marked as English.
    description = armenian.css_first("p.description")
    assert description.text() == "Trains local journalists."
    assert description.attributes["lang"] == "en"
    russian = parse(client.get("/ru/organisations/gyumri-media-lab/"))
    assert "Гюмри, Армения" in russian.css_first("p.meta").text()
    assert russian.css_first("p.description").text() == "Обучает местных журналистов."
    assert "lang" not in russian.css_first("p.description").attributes


def test_the_registry_lists_names_in_the_readers_language_in_its_order(
    client, lab, english_only, organization_factory
):
    organization_factory(slug="armavir", name="Armavir Forum", name_hy="Արմավիրի ֆորում")
    page = parse(client.get("/hy/organisations/"))
    names = [a.text() for a in page.css("main li > a")]
    assert names.index("Աarhus Centre".replace("Ա", "A")) < names.index("Արմավիրի ֆորում")
    assert names.index("Արմավիրի ֆորում") < names.index(NAMES["hy"])  # Ա before Գ
    assert "Gyumri Media Laboratory" not in names


@pytest.mark.parametrize("language", ["hy", "ru"])
def test_signatory_list_and_publishers_use_the_readers_language(client, statement, language):
    page = parse(client.get(f"/{language}/statements/media-freedom/"))
    listed = [a.text() for a in page.css("article.statement ol a, article.statement ul a")]
    assert NAMES[language] in listed
    assert "Aarhus Centre" in listed  # no name in the language: its own
    publishers = page.css_first("p.publishers").text()
    assert ("Մեդիա ցանց" if language == "hy" else "Media Network") in publishers


def test_exports_give_the_name_in_the_files_language_and_every_name_beside_it(client, statement):
    response = client.get("/hy/statements/media-freedom/signatories.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["organisation"] == NAMES["hy"]
    assert (rows[0]["name_en"], rows[0]["name_hy"], rows[0]["name_ru"]) == (
        NAMES["en"],
        NAMES["hy"],
        NAMES["ru"],
    )
    assert (rows[0]["city"], rows[0]["country"]) == ("Գյումրի", "Հայաստան")
    assert rows[1]["organisation"] == "Aarhus Centre"
    assert rows[1]["name_hy"] == ""
    document = json.loads(client.get("/ru/statements/media-freedom/signatories.json").content)
    assert document["language"] == "ru"
    assert document["signatories"][0]["organisation"] == NAMES["ru"]


def test_the_type_ahead_offers_names_in_the_readers_language(client, lab):
    response = client.get("/hy/sign-on/organisations.json", {"q": "Gyumri Media"})
    assert response.status_code == 200
    names = [result["name"] for result in response.json()["results"]]
    assert NAMES["hy"] in names


@pytest.mark.parametrize("language", ["en", "hy", "ru"])
def test_search_finds_a_statement_by_any_name_of_a_signatory_or_publisher(
    client, statement, language, django_capture_on_commit_callbacks
):
    for query in [*NAMES.values(), "Մեդիա ցանց"]:
        page = parse(client.get(f"/{language}/search/", {"q": query}))
        links = [a.attributes.get("href", "") for a in page.css("main a")]
        assert f"/{language}/statements/media-freedom/" in links, query


@pytest.mark.django_db(transaction=True)
def test_a_renamed_organisation_is_found_by_its_new_name(client, statement, lab):
    lab.name_ru = "Медиашкола Гюмри"
    lab.save()  # commits: the statement is indexed anew
    page = parse(client.get("/ru/search/", {"q": "Медиашкола"}))
    links = [a.attributes.get("href", "") for a in page.css("main a")]
    assert "/ru/statements/media-freedom/" in links


def test_the_organisation_feed_title_is_in_the_feeds_language(client, statement, lab):
    response = client.get("/ru/organisations/gyumri-media-lab/feed.atom")
    assert NAMES["ru"] in response.content.decode()


def test_coordinators_can_list_organisations_lacking_a_name_in_a_language(
    admin_client, lab, english_only
):
    response = admin_client.get("/en/admin/organizations/organization/", {"missing_name": "hy"})
    assert response.status_code == 200
    listed = {organization.slug for organization in response.context["cl"].result_list}
    assert listed == {"aarhus"}


def test_the_migration_takes_the_names_the_aliases_already_hold(db, alias_factory):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("undersigned.organizations.migrations.0004_names_in_languages")
    organization = Organization.objects.create(name="Civic Forum", slug="civic-forum")
    alias_factory(organization=organization, name="CF", language="hy", is_acronym=True)
    alias_factory(organization=organization, name="Քաղաքացիական ֆորում", language="hy")
    alias_factory(organization=organization, name="Гражданский форум", language="ru")
    migration.names_from_aliases(apps, None)
    organization.refresh_from_db()
    assert (organization.name_hy, organization.name_ru) == (
        "Քաղաքացիական ֆորում",
        "Гражданский форум",
    )


ARMENIAN_WORDS = ["Գյումրի", "Վանաձոր", "Կապան", "Իջևան", "Գորիս", "Դիլիջան", "Սևան", "Աշտարակ"]


def test_a_letter_of_150_signatories_names_every_one_in_armenian_script(
    client,
    statement_factory,
    statement_translation_factory,
    signatory_factory,
    organization_factory,
):
    from tests.conftest import require
    from tests.signatures.test_exports_public import FONTS, pdf_text

    for font in FONTS:
        require(font.is_file(), f"{font} is absent (apt-get install fonts-noto-core)")
    statement = statement_factory(
        slug="long-list",
        translation__title="On a long list",
        translation__body="We call on the authorities [1].\n\n[1] The report of 3 March.",
    )
    statement_translation_factory(
        statement=statement,
        language="hy",
        title="Երկար ցանկի մասին",
        body="Կոչ ենք անում իշխանություններին [1]։\n\n[1] Մարտի 3-ի զեկույցը։",
    )
    names = []
    for number in range(1, 151):
        word = ARMENIAN_WORDS[number % len(ARMENIAN_WORDS)]
        armenian = f"«{word}ի քաղաքացիական նախաձեռնություն {number}» ՀԿ"
        names.append(armenian)
        organization = organization_factory(
            name=f"Civic Initiative {number}", name_hy=armenian, city="Gyumri", city_hy="Գյումրի"
        )
        signatory_factory(statement=statement, organization=organization, position=number)
    response = client.get("/hy/statements/long-list/letter.pdf?language=hy")
    assert response.status_code == 200
    text = " ".join(pdf_text(response.content).split())
    for number, name in enumerate(names, start=1):
        assert f"{number}. {name} (Գյումրի, Հայաստան)" in text
    assert "Civic Initiative" not in text
    assert re.search(r"\d{1,2} [ա-և]+ի \d{4} թ\.", text)  # the date, as Armenian writes it
    assert not re.search(r"\b(a\.m\.|p\.m\.|January|December)\b", text)
    assert "Աղբյուրներ" in text  # the sources, under their Armenian heading
    assert "1 Մարտի 3-ի զեկույցը։" in text  # the note, its number raised
