"""The sign-on form: on the statement page, without JavaScript, with the registry, with limits."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from undersigned.core.models import AuditEntry
from undersigned.publishing.services import statement_save
from undersigned.signatures.models import SignOnRequest
from undersigned.statements.versions import statement_text_hash

pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


def form_data(statement, **overrides):
    data = {
        "organization_name": "Helsinki Citizens' Assembly Vanadzor",
        "contact_name": "Artur Sakunts",
        "contact_role": "Chair",
        "contact_email": "artur@hcav.example.am",
        "contact_phone": "+374 322 41268",
        "declaration": "on",
        "new_kind": "ngo",
        "version": statement_text_hash(statement=statement),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign_url(statement, language="en"):
    return f"/{language}/statements/{statement.slug}/sign/"


def test_statement_open_for_signature_shows_the_form_with_labelled_required_fields(
    client, open_statement
):
    html = client.get(f"/en/statements/{open_statement.slug}/").content.decode()
    assert 'action="/en/statements/' in html
    assert '<label for="signon_contact_email">' in html
    assert 'id="signon_contact_email"' in html
    assert 'aria-describedby="signon_contact_email_helptext"' in html
    assert 'name="declaration"' in html
    assert 'name="homepage"' in html
    assert html.count('class="required"') >= 5


def test_published_statement_closed_to_joining_shows_no_form(client, statement_factory):
    statement = statement_factory(open_for_joining=False)
    assert (
        "signon_contact_email"
        not in client.get(f"/en/statements/{statement.slug}/").content.decode()
    )


def test_published_statement_open_for_joining_shows_the_form(client, statement_factory):
    statement = statement_factory(open_for_joining=True)
    assert (
        "signon_contact_email" in client.get(f"/en/statements/{statement.slug}/").content.decode()
    )


def test_deadline_closes_sign_on_by_itself(client, open_statement):
    open_statement.signature_deadline = timezone.now() - timedelta(minutes=1)
    open_statement.save()
    response = client.post(sign_url(open_statement), form_data(open_statement))
    assert response.status_code == 409
    assert "no longer takes signatures" in response.content.decode()
    assert not SignOnRequest.objects.exists()


def test_the_statement_page_drops_its_form_when_the_deadline_passes(
    client, open_statement, django_capture_on_commit_callbacks
):
    from django.tasks import default_task_backend

    from undersigned.statements.models import Statement
    from undersigned.statements.tasks import statement_deadline_pass

    deadline = timezone.now() + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        open_statement.signature_deadline = deadline
        statement_save(statement=open_statement)
        statement_save(statement=open_statement)  # saved again, same deadline: nothing more booked
    [booked] = [
        r for r in default_task_backend.results if r.task.func is statement_deadline_pass.func
    ]
    assert booked.task.run_after == deadline
    assert booked.kwargs == {"statement_id": open_statement.pk}

    url = f"/en/statements/{open_statement.slug}/"
    assert 'class="signon-form' in client.get(url).content.decode()  # cached with its form
    Statement.objects.filter(pk=open_statement.pk).update(
        signature_deadline=timezone.now() - timedelta(seconds=1)
    )  # time passes: nothing is saved, the cached page still offers the form
    assert 'class="signon-form' in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        statement_deadline_pass.call(statement_id=open_statement.pk)  # the worker, at the time
    assert 'class="signon-form' not in client.get(url).content.decode()


def test_sign_on_for_a_registry_organisation_found_by_exact_name_is_recorded_unconfirmed(
    client, open_statement, organization_factory
):
    hcav = organization_factory(name="Helsinki Citizens' Assembly Vanadzor")
    response = client.post(sign_url(open_statement, "hy"), form_data(open_statement))
    assert response.status_code == 302
    assert response["Location"] == f"/hy/statements/{open_statement.slug}/sign/sent/"
    sign_on = SignOnRequest.objects.get()
    assert sign_on.organization == hcav
    assert sign_on.status == SignOnRequest.Status.UNCONFIRMED
    assert sign_on.language == "hy"
    assert sign_on.version.statement == open_statement
    assert sign_on.version.content_hash == statement_text_hash(statement=open_statement)
    assert AuditEntry.objects.filter(action="signon.submit", statement=open_statement).exists()


def test_a_name_matching_an_alias_in_any_case_finds_the_organisation(
    client, open_statement, organization_factory, alias_factory
):
    hcav = organization_factory(name="Helsinki Citizens' Assembly Vanadzor")
    alias_factory(organization=hcav, name="ՀՔԱ Վանաձոր", language="hy")
    client.post(
        sign_url(open_statement), form_data(open_statement, organization_name="հքա վանաձոր")
    )
    assert SignOnRequest.objects.get().organization == hcav


def test_an_ambiguous_name_offers_candidates_and_keeps_what_was_typed(
    client, open_statement, organization_factory
):
    organization_factory(name="Women's Resource Center Armenia")
    organization_factory(name="Women's Resource Center Gyumri")
    response = client.post(
        sign_url(open_statement), form_data(open_statement, organization_name="Women's Resource")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Which organisation do you mean?" in html
    assert "Women&#x27;s Resource Center Gyumri" in html
    assert 'value="new"' in html
    assert 'value="artur@hcav.example.am"' in html
    assert 'value="Chair"' in html
    assert not SignOnRequest.objects.exists()


def test_choosing_a_candidate_on_the_second_step_signs_for_it(
    client, open_statement, organization_factory
):
    organization_factory(name="Women's Resource Center Armenia")
    gyumri = organization_factory(name="Women's Resource Center Gyumri")
    data = form_data(
        open_statement, organization_name="Women's Resource", organization_choice=str(gyumri.pk)
    )
    assert client.post(sign_url(open_statement), data).status_code == 302
    sign_on = SignOnRequest.objects.get()
    assert sign_on.organization == gyumri
    assert sign_on.organization_name == "Women's Resource"


def test_choosing_none_of_the_candidates_proposes_a_new_organisation(
    client, open_statement, organization_factory
):
    organization_factory(name="Women's Resource Center Armenia")
    data = form_data(
        open_statement,
        organization_name="Women's Resource Network Syunik",
        organization_choice="new",
        new_kind="network",
        new_website="wrn-syunik.example.am",
        new_city="Kapan",
    )
    assert client.post(sign_url(open_statement), data).status_code == 302
    sign_on = SignOnRequest.objects.get()
    assert sign_on.organization is None
    assert sign_on.proposed_kind == "network"
    assert sign_on.proposed_website == "https://wrn-syunik.example.am"
    assert sign_on.proposed_city == "Kapan"


def test_a_name_the_registry_lacks_is_proposed_as_new_without_a_second_step(client, open_statement):
    data = form_data(open_statement, organization_name="Goris Press Club", new_city="Goris")
    assert client.post(sign_url(open_statement), data).status_code == 302
    sign_on = SignOnRequest.objects.get()
    assert (sign_on.organization, sign_on.organization_name) == (None, "Goris Press Club")


def test_the_type_ahead_pick_arrives_as_an_id(client, open_statement, organization_factory):
    picked = organization_factory(name="Protection of Rights without Borders")
    organization_factory(name="Protection of Rights without Borders Youth")
    data = form_data(open_statement, organization_name=picked.name, organization=str(picked.pk))
    assert client.post(sign_url(open_statement), data).status_code == 302
    assert SignOnRequest.objects.get().organization == picked


def test_declaration_is_required_and_its_error_is_tied_to_the_field(client, open_statement):
    response = client.post(sign_url(open_statement), form_data(open_statement, declaration=None))
    html = response.content.decode()
    assert 'id="signon_declaration_error"' in html
    assert 'aria-describedby="signon_declaration_error"' in html
    assert 'aria-invalid="true"' in html
    assert not SignOnRequest.objects.exists()


def test_a_filled_honeypot_is_refused_with_a_message_and_the_data_kept(client, open_statement):
    data = form_data(open_statement, homepage="http://spam.example")
    html = client.post(sign_url(open_statement), data).content.decode()
    assert "Leave this field empty" in html
    assert 'value="Artur Sakunts"' in html
    assert not SignOnRequest.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_FETCH_SITE": "cross-site"}, {"HTTP_ORIGIN": "https://evil.example"}],
    ids=["sec-fetch-site", "origin"],
)
def test_a_post_from_another_site_is_refused(open_statement, headers):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(sign_url(open_statement), form_data(open_statement), **headers)
    assert response.status_code == 403
    assert "can only be sent from this site" in response.content.decode()
    assert not SignOnRequest.objects.exists()


def test_the_statement_page_with_its_form_is_the_same_for_every_reader(open_statement):
    """No token and no cookie: nginx or a CDN can serve the page, and its form still works."""
    url = f"/en/statements/{open_statement.slug}/"
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    pages = [first.get(url), second.get(url)]
    assert 'class="signon-form' in pages[0].content.decode()
    assert pages[0].content == pages[1].content
    assert not first.cookies
    assert not second.cookies
    assert "csrfmiddlewaretoken" not in pages[0].content.decode()

    data = form_data(open_statement, organization_name="Goris Press Club")
    response = first.post(sign_url(open_statement), data, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 302
    assert SignOnRequest.objects.get().organization_name == "Goris Press Club"


def test_a_changed_text_asks_the_signer_to_read_it_again(client, open_statement):
    stale = statement_text_hash(statement=open_statement)
    translation = open_statement.translations.get()
    translation.body += "\n\nWe also call for an independent inquiry."
    translation.save()
    response = client.post(sign_url(open_statement), form_data(open_statement, version=stale))
    html = response.content.decode()
    assert "changed after you opened the page" in html
    assert statement_text_hash(statement=open_statement) in html
    assert not SignOnRequest.objects.exists()


def test_over_the_ip_limit_the_person_is_told_and_keeps_what_they_typed(
    client, open_statement, settings
):
    settings.SIGNON_RATE_LIMIT_IP = "2/h"
    for number in range(2):
        data = form_data(open_statement, contact_email=f"person{number}@example.am")
        assert client.post(sign_url(open_statement), data).status_code == 302
    data = form_data(open_statement, contact_email="third@example.am")
    response = client.post(sign_url(open_statement), data)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Too many requests have come from your connection" in html
    assert 'value="third@example.am"' in html
    assert 'value="Helsinki Citizens&#x27; Assembly Vanadzor"' in html
    assert SignOnRequest.objects.count() == 2


def test_over_the_email_limit_other_addresses_still_get_through(client, open_statement, settings):
    settings.SIGNON_RATE_LIMIT_EMAIL = "1/h"
    assert client.post(sign_url(open_statement), form_data(open_statement)).status_code == 302
    response = client.post(sign_url(open_statement), form_data(open_statement))
    assert response.status_code == 429
    assert "Too many requests have been made with this email address" in response.content.decode()
    other = form_data(open_statement, contact_email="someone.else@example.am")
    assert client.post(sign_url(open_statement), other).status_code == 302


def test_the_ip_limit_reads_the_proxy_header_when_configured(client, open_statement, settings):
    settings.SIGNON_RATE_LIMIT_IP = "1/h"
    settings.SIGNON_CLIENT_IP_HEADER = "X-Forwarded-For"
    first = form_data(open_statement, contact_email="a@example.am")
    second = form_data(open_statement, contact_email="b@example.am")
    headers = {"HTTP_X_FORWARDED_FOR": "198.51.100.7, 10.0.0.1"}
    assert client.post(sign_url(open_statement), first, **headers).status_code == 302
    other = {"HTTP_X_FORWARDED_FOR": "10.0.0.2"}
    assert client.post(sign_url(open_statement), second, **other).status_code == 302


def test_the_lookup_finds_names_and_aliases_and_tells_nothing_private(
    client, organization_factory, alias_factory, sign_on_factory
):
    transparency = organization_factory(
        name="Transparency International Anticorruption Center", email_domains="transparency.am"
    )
    alias_factory(organization=transparency, name="TIAC")
    sign_on_factory(organization=transparency, contact_email="secret@transparency.am")
    by_alias = client.get("/en/sign-on/organisations.json", {"q": "tiac"}).json()
    assert by_alias["results"][0]["id"] == transparency.pk
    assert by_alias["results"][0]["also"] == "TIAC"
    by_words = client.get("/en/sign-on/organisations.json", {"q": "anticorruption transp"})
    assert by_words.json()["results"][0]["name"] == transparency.name
    assert "transparency.am" not in by_words.content.decode()
    assert client.get("/en/sign-on/organisations.json", {"q": "t"}).json() == {"results": []}


def test_the_lookup_is_rate_limited(client, settings, db):
    settings.SIGNON_RATE_LIMIT_SEARCH = "3/m"
    for _ in range(3):
        assert client.get("/en/sign-on/organisations.json", {"q": "civic"}).status_code == 200
    limited = client.get("/en/sign-on/organisations.json", {"q": "civic"})
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
