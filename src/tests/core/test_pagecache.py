import pytest
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.template import engines
from django.test import RequestFactory

from undersigned.core.pagecache import CSRF_PLACEHOLDER, cached_page


@pytest.fixture
def published(statement_factory):
    return statement_factory(translation__title="On the freedom of assembly")


def test_a_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, published, django_assert_num_queries
):
    url = f"/en/statements/{published.slug}/"
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    assert second["Content-Language"] == "en"


@pytest.mark.django_db(transaction=True)
def test_an_approved_signatory_shows_at_once_on_the_cached_page(
    client, published, signatory_factory, organization_factory
):
    url = f"/en/statements/{published.slug}/"
    assert "Lori Youth Initiative" not in client.get(url).content.decode()
    signatory_factory(
        statement=published, organization=organization_factory(name="Lori Youth Initiative")
    )
    assert "Lori Youth Initiative" in client.get(url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_an_edited_translation_shows_at_once_in_the_archive(client, published):
    assert "freedom of assembly" in client.get("/en/statements/").content.decode()
    translation = published.translations.get()
    translation.title = "On peaceful protest"
    translation.save()
    assert "On peaceful protest" in client.get("/en/statements/").content.decode()


def test_each_language_has_its_own_cached_page(client, published, statement_translation_factory):
    statement_translation_factory(statement=published, language="ru", title="О свободе собраний")
    url = f"/statements/{published.slug}/"
    assert "On the freedom of assembly" in client.get(f"/en{url}").content.decode()
    assert "О свободе собраний" in client.get(f"/ru{url}").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_conditional_get_with_the_etag_is_answered_not_modified(client, published):
    url = f"/en/statements/{published.slug}/"
    first = client.get(url)
    assert first["Cache-Control"].startswith("public")
    assert first["Last-Modified"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    translation = published.translations.get()
    translation.body = "A new paragraph."
    translation.save()
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_signed_in_staff_never_get_or_fill_the_shared_cache(admin_client, client, published):
    url = f"/en/statements/{published.slug}/"
    assert "ETag" not in admin_client.get(url)
    assert "ETag" in client.get(url)


def test_a_cached_form_gets_a_valid_csrf_token_for_each_visitor(db):
    template = engines["django"].from_string("<form>{% csrf_token %}</form>")

    @cached_page(lambda: ["test-form"])
    def view(request):
        return HttpResponse(template.render({}, request))

    factory = RequestFactory()
    tokens = []
    for _visitor in range(2):
        request = factory.get("/en/form/")
        content = view(request).content.decode()
        assert CSRF_PLACEHOLDER not in content
        token = content.split('value="')[1].split('"')[0]
        assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]
        tokens.append(token)
    assert tokens[0] != tokens[1]


@pytest.mark.django_db(transaction=True)
def test_a_weak_or_listed_or_star_etag_is_answered_not_modified_with_the_cache_headers(
    client, published
):
    url = f"/en/statements/{published.slug}/"
    first = client.get(url)
    for header in (f'"other", W/{first["ETag"]}', "*"):
        again = client.get(url, headers={"If-None-Match": header})
        assert again.status_code == 304
        assert again["ETag"] == first["ETag"]
        # nginx renews its cached copy from the 304's headers.
        assert again["Cache-Control"] == first["Cache-Control"]
        assert again["X-Accel-Expires"].startswith("@")
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_change_within_the_second_is_served_to_a_client_asking_if_modified_since(
    client, published
):
    url = f"/en/statements/{published.slug}/"
    first = client.get(url)
    translation = published.translations.get()
    translation.body = "A paragraph written in the same second."
    translation.save()
    # Last-Modified counts whole seconds: only the ETag can tell this change.
    changed = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert changed.status_code == 200
    assert "written in the same second" in changed.content.decode()
