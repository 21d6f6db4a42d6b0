"""Individual supporters: sign up, confirm by email (a POST behind a page), one per address."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.test import Client

from tests.conftest import mail_parts as parts
from tests.conftest import supporter_link
from undersigned.core.models import OutgoingMail
from undersigned.signatures import supporters
from undersigned.signatures.models import Supporter

EMAIL = "ani.sargsyan@mail.example.am"


@pytest.fixture
def published(statement_factory):
    return statement_factory(translation__title="On the right to protest")


def support(client, statement, language="en", **overrides):
    data = {
        "name": "Ani Sargsyan",
        "place": "Gyumri",
        "email": EMAIL,
        "show_name": "on",
        **overrides,
    }
    return client.post(f"/{language}/statements/{statement.slug}/support/", data)


def confirm_path(text, settings):
    path = supporter_link(text)
    assert settings.SITE_URL + path in text
    return path


def without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_the_statement_page_shows_the_count_and_the_way_to_support(client, published):
    page = client.get(f"/en/statements/{published.slug}/").content.decode()
    assert "0 people support this statement." in page
    assert f'href="/en/statements/{published.slug}/support/"' in page
    response = client.get(f"/en/statements/{published.slug}/support/")
    form = response.content.decode()
    # One copy for every visitor (page cache, nginx): no token in it, no cookie set.
    assert "csrfmiddlewaretoken" not in form
    assert "csrftoken" not in response.cookies
    for label in ("Your name", "City or country", "Email", "Show my name and place"):
        assert label in form


@pytest.mark.django_db(transaction=True)
def test_a_supporter_confirms_over_smtp_with_a_button_not_a_link(
    client, published, mail_over_smtp, settings
):
    response = support(client, published)
    assert response.status_code == 302
    assert response["Location"] == f"/en/statements/{published.slug}/support/sent/"
    assert "Check your email" in client.get(response["Location"]).content.decode()

    [message] = mail_over_smtp.wait_for(1)
    assert message["To"] == EMAIL
    assert message["Subject"] == "Confirm your support: On the right to protest"
    text, html = parts(message)
    path = confirm_path(text, settings)
    assert path in html
    supporter = Supporter.objects.get()
    assert (supporter.name, supporter.place, supporter.show_name) == (
        "Ani Sargsyan",
        "Gyumri",
        True,
    )

    page = client.get(path)
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "same-origin"
    assert 'method="post"' in page.content.decode()
    client.get(path)  # link scanners open it again and again
    supporter.refresh_from_db()
    assert supporter.confirmed_at is None

    confirmed = client.post(path)
    assert confirmed.status_code == 200
    assert "your support is confirmed" in confirmed.content.decode()
    supporter.refresh_from_db()
    assert supporter.confirmed_at is not None
    again = client.post(path)
    assert again.status_code == 410
    assert "your support is confirmed and counts" in again.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_second_sign_up_with_the_address_sends_the_link_again_and_looks_the_same(
    client, published, mail_over_smtp, settings
):
    first = support(client, published)
    # Someone else types the waiting supporter's address, in capitals and with a +tag.
    second = support(client, published, name="Mallory", email=EMAIL.upper().replace("@", "+x@"))
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    messages = mail_over_smtp.wait_for(2)
    # Both mails go to the address first given, and carry the same link.
    assert [m["To"] for m in messages] == [EMAIL, EMAIL]
    supporter = Supporter.objects.get()
    assert supporter.name == "Ani Sargsyan"  # never replaced by another's submission

    first_path = confirm_path(parts(messages[0])[0], settings)
    assert confirm_path(parts(messages[1])[0], settings) == first_path
    assert client.post(first_path).status_code == 200

    # Once confirmed, another sign-up changes nothing and mails a reminder, not a link.
    third = support(client, published, name="Someone Else", show_name="")
    assert third.status_code == 302
    assert third["Location"] == first["Location"]
    reminder = mail_over_smtp.wait_for(3)[2]
    assert reminder["Subject"] == "You already support: On the right to protest"
    assert "/support/confirm/" not in parts(reminder)[0]
    supporter.refresh_from_db()
    assert (supporter.name, supporter.show_name) == ("Ani Sargsyan", True)
    assert Supporter.objects.count() == 1


def test_the_database_holds_one_support_per_address_and_statement(published):
    Supporter.objects.create(statement=published, name="A", place="B", email=EMAIL, language="en")
    with pytest.raises(IntegrityError), transaction.atomic():
        Supporter.objects.create(
            statement=published, name="C", place="D", email=EMAIL, language="en"
        )


def test_the_answer_never_tells_whether_the_address_supported_before(client, published, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    Supporter.objects.create(
        statement=published,
        name="Known",
        place="Vanadzor",
        email="known@example.am",
        language="en",
        confirmed_at="2026-01-01T00:00:00Z",
    )
    known = support(client, published, email="known@example.am")
    unknown = support(client, published, email="new@example.am")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert without_csrf(client.get(known["Location"])) == without_csrf(
        client.get(unknown["Location"])
    )


def test_the_honeypot_is_refused_with_a_clear_message(client, published):
    response = support(client, published, website="http://spam.example")
    assert response.status_code == 400
    assert "Leave this field empty" in response.content.decode()
    assert not Supporter.objects.exists()


def test_over_the_rate_limit_the_person_is_told_and_nothing_is_recorded(
    client, published, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    settings.SUPPORTERS_RATE_LIMIT_IP = "100/h"
    settings.SUPPORTERS_RATE_LIMIT_EMAIL = "2/h"
    assert support(client, published).status_code == 302
    assert support(client, published).status_code == 302
    limited = support(client, published)
    assert limited.status_code == 429
    page = limited.content.decode()
    assert "Too many requests have been made with this email address." in page
    assert 'value="Ani Sargsyan"' in page  # what was typed is kept

    settings.SUPPORTERS_RATE_LIMIT_IP = "3/h"
    by_address = support(client, published, email="other@example.am")
    assert by_address.status_code == 429
    assert "Too many requests have come from your connection." in by_address.content.decode()
    assert Supporter.objects.count() == 1


def test_a_sign_up_posted_from_another_site_is_refused(published):
    strict = Client(enforce_csrf_checks=True)
    url = f"/en/statements/{published.slug}/support/"
    data = {"name": "A", "place": "B", "email": EMAIL, "show_name": "on"}
    assert strict.post(url, data, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert strict.post(url, data, headers={"Origin": "https://evil.example"}).status_code == 403
    assert not Supporter.objects.exists()
    # This site's own page, as a browser says it: taken without a token.
    assert strict.post(url, data, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 302


@pytest.mark.parametrize("mailed", ["now", "before"])
def test_a_confirmation_posted_from_another_site_is_refused(published, settings, mailed):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    supporters.supporter_sign_up(
        statement=published, name="A", place="B", email=EMAIL, show_name=False, language="en"
    )
    supporter = Supporter.objects.get()
    token = supporters._supporter_confirm_token(supporter)
    path = {
        "now": f"/en/statements/{published.slug}/support/confirm/?token={token}",
        "before": f"/en/support/confirm/{token}/",
    }[mailed]
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(path, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert strict.post(path, headers={"Origin": "https://evil.example"}).status_code == 403
    supporter.refresh_from_db()
    assert supporter.confirmed_at is None
    assert strict.post(path, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200
    supporter.refresh_from_db()
    assert supporter.confirmed_at is not None


def test_only_published_statements_take_supporters(client, statement_factory):
    open_only = statement_factory(status="open", published_at=None)
    assert (
        "Support this statement"
        not in client.get(f"/en/statements/{open_only.slug}/").content.decode()
    )
    assert support(client, open_only).status_code == 409
    draft = statement_factory(status="draft", published_at=None)
    assert support(client, draft).status_code == 404
    with pytest.raises(supporters.SupportClosed):
        supporters.supporter_sign_up(
            statement=open_only, name="A", place="B", email=EMAIL, show_name=False, language="en"
        )
    assert not Supporter.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_expired_or_unknown_link_explains_itself(client, published, mail_over_smtp, settings):
    support(client, published)
    path = confirm_path(parts(mail_over_smtp.wait_for(1)[0])[0], settings)
    Supporter.objects.update(confirm_expires_at="2000-01-01T00:00:00Z")
    # The page is the same for every link (nginx keeps one copy): its Confirm tells.
    assert client.get(path).status_code == 200
    expired = client.post(path)
    assert expired.status_code == 410
    assert "This link has expired" in expired.content.decode()
    assert Supporter.objects.get().confirmed_at is None

    unknown_path = f"/en/statements/{published.slug}/support/confirm/?token=not-a-real-token"
    unknown = client.post(unknown_path)
    assert unknown.status_code == 404
    assert "This link is not valid" in unknown.content.decode()
    # Links mailed before, with the token in the path, say so on their page.
    unknown = client.get("/en/support/confirm/not-a-real-token/")
    assert unknown.status_code == 404
    assert "This link is not valid" in unknown.content.decode()
    # The page opened without its token (a language chosen on it drops the query) says what
    # to do instead of confirming nothing.
    missing = client.post(f"/ru/statements/{published.slug}/support/confirm/")
    assert missing.status_code == 400
    assert "Откройте ссылку из письма" in missing.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_mail_is_in_the_language_of_the_page(
    client, published, mail_over_smtp, statement_translation_factory
):
    statement_translation_factory(statement=published, language="ru", title="О праве на протест")
    support(client, published, language="ru")
    [message] = mail_over_smtp.wait_for(1)
    assert message["Content-Language"] == "ru"
    assert supporter_link(parts(message)[0]).startswith(f"/ru/statements/{published.slug}/")
    assert message["Subject"] == "Подтвердите поддержку: О праве на протест"
    text, html = parts(message)
    assert "Здравствуйте, Ani Sargsyan!" in text
    assert "Вы попросили поддержать «О праве на протест»." in text
    assert "Открыть страницу подтверждения" in html
    assert OutgoingMail.objects.get().topic == f"supporter:{Supporter.objects.get().pk}"


def test_the_support_pages_speak_armenian(client, published):
    form = client.get(f"/hy/statements/{published.slug}/support/").content.decode()
    assert "Աջակցել այս հայտարարությանը" in form
    assert "Քաղաք կամ երկիր" in form
    page = client.get(f"/hy/statements/{published.slug}/").content.decode()
    assert "0 մարդ աջակցում է այս հայտարարությանը։" in page


def _supporter(statement, number, *, shown=True, confirmed=True):
    return Supporter.objects.create(
        statement=statement,
        name=f"Supporter {number:02d}",
        place="Yerevan",
        email=f"person{number}@example.am",
        show_name=shown,
        language="en",
        confirmed_at="2026-01-01T00:00:00Z" if confirmed else None,
    )


def test_supporters_who_chose_so_are_listed_on_pages_of_their_own(client, published, settings):
    settings.SUPPORTERS_PAGE_SIZE = 2
    for number in range(3):
        _supporter(published, number)
    _supporter(published, 10, shown=False)
    _supporter(published, 11, confirmed=False)
    supporters.supporter_tally_update(statement_id=published.pk)

    first = client.get(f"/en/statements/{published.slug}/supporters/").content.decode()
    assert "4 people support this statement." in first
    assert "Supporter 00, Yerevan" in first
    assert "Supporter 01" in first
    assert "Supporter 02" not in first
    assert "Page 1 of 2" in first
    second = client.get(f"/en/statements/{published.slug}/supporters/?page=2").content.decode()
    assert "Supporter 02" in second
    for page in (first, second):
        assert "Supporter 10" not in page  # counted, not named
        assert "Supporter 11" not in page  # not confirmed
        assert "@example.am" not in page
    assert client.get(f"/en/statements/{published.slug}/supporters/?page=3").status_code == 404


def test_supporters_email_addresses_appear_on_no_public_page(client, published):
    _supporter(published, 1)
    supporters.supporter_tally_update(statement_id=published.pk)
    for url in (
        f"/en/statements/{published.slug}/",
        f"/en/statements/{published.slug}/supporters/",
        f"/en/statements/{published.slug}/support/",
        f"/en/statements/{published.slug}/signatories.csv",
        f"/en/statements/{published.slug}/signatories.json",
        "/en/statements/feed.atom",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "person1@example.am" not in response.content.decode(), url


@pytest.mark.django_db(transaction=True)
def test_staff_take_a_name_off_the_public_list_and_the_count_stays(client, published):
    spam = _supporter(published, 1)
    spam.name = "Spam Name"
    spam.save()
    _supporter(published, 2)
    supporters.supporter_tally_update(statement_id=published.pk)
    url = f"/en/statements/{published.slug}/supporters/"
    assert "Spam Name" in client.get(url).content.decode()

    admin = get_user_model().objects.create_superuser("admin", password="x")
    staff = Client()
    staff.force_login(admin)
    assert staff.get("/en/admin/signatures/supporter/").status_code == 200
    response = staff.post(
        "/en/admin/signatures/supporter/",
        {"action": "hide_names", "_selected_action": [spam.pk]},
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Spam Name" not in page
    assert "Supporter 02" in page
    assert "2 people support this statement." in page


@pytest.mark.django_db(transaction=True)
def test_a_long_armenian_subject_arrives_with_its_spaces(
    client, published, mail_over_smtp, statement_translation_factory
):
    title = "Խաղաղ հավաքների իրավունքի և արտահայտվելու ազատության պաշտպանության մասին"
    statement_translation_factory(statement=published, language="hy", title=title)
    support(client, published, language="hy")
    [message] = mail_over_smtp.wait_for(1)
    assert message["Subject"] == f"Հաստատեք Ձեր աջակցությունը՝ {title}"
