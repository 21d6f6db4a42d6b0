"""Numbers and text from the address or a form: parsed by one helper, refused with a 400."""

import pytest
from django.test import Client

from undersigned.core.params import ID_MAX, BadParameter, parse_number
from undersigned.engagement.models import Comment, Commenter
from undersigned.statements.models import Statement

pytestmark = pytest.mark.usefixtures("english")

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.mark.parametrize(
    "value",
    ["²", "٣", "１", "-1", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "0", "abc", "1\x00", "9" * 40],
)
def test_anything_but_ascii_digits_in_range_is_refused(value):
    with pytest.raises(BadParameter) as error:
        parse_number(value, name="page", maximum=1000)
    assert "“page”" in str(error.value.message())


@pytest.mark.parametrize(
    ("value", "expected"), [(None, 7), ("", 7), ("1", 1), ("0042", 42), ("1000", 1000)]
)
def test_digits_in_range_and_absent_values_are_read(value, expected):
    assert parse_number(value, name="page", maximum=1000, default=7) == expected


def test_ids_go_up_to_the_databases_largest_key():
    assert parse_number(str(ID_MAX), name="id") == ID_MAX
    with pytest.raises(BadParameter):
        parse_number(str(ID_MAX + 1), name="id")


@pytest.fixture
def statement(statement_factory):
    return statement_factory(
        status=Statement.Status.OPEN, translation__title="On the freedom of assembly"
    )


@pytest.mark.parametrize(
    "query",
    [
        "page=%C2%B2",
        "page=%D9%A3",
        "page=-1",
        "page=99999999999999999999999999",
        "year=0",
        "year=10000",
        "year=99999999999999999999999999",
        "year=%C2%B2",
    ],
)
@pytest.mark.parametrize("path", ["/en/statements/", "/en/search/"])
def test_bad_numbers_in_the_archive_and_search_are_a_400_that_says_why(
    client, statement, path, query
):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    page = response.content.decode()
    name = query.split("=")[0]
    assert f"The address has an unusable value for “{name}”" in page
    assert 'class="site-header"' in page  # the site's own page, not a bare error


@pytest.mark.parametrize(
    "path_of",
    [
        lambda s: f"/en/statements/{s.slug}/supporters/?page=%C2%B2",
        lambda s: "/en/organisations/?page=%C2%B2",
        lambda s: f"/en/statements/{s.slug}/comment/?reply_to=%C2%B2",
        lambda s: f"/en/statements/{s.slug}/comment/?reply_to=99999999999999999999999",
    ],
    ids=["supporters", "directory", "reply_to", "huge reply_to"],
)
def test_bad_numbers_elsewhere_are_a_400(client, statement, path_of):
    assert client.get(path_of(statement)).status_code == 400


def test_a_year_the_archive_has_no_statements_for_is_a_clean_empty_page(client, statement):
    response = client.get("/en/statements/?year=1999")
    assert response.status_code == 200
    assert "No statements match these filters." in response.content.decode()
    assert client.get("/en/search/?q=freedom&year=9999").status_code == 200
    assert client.get("/en/search/?q=freedom&year=1000").status_code == 200


def test_the_refusal_speaks_the_readers_language(client, statement):
    english = client.get("/en/statements/?page=%C2%B2").content.decode()
    armenian = client.get("/hy/statements/?page=%C2%B2").content.decode()
    russian = client.get("/ru/statements/?page=%C2%B2").content.decode()
    assert "The address has an unusable value" in english
    assert "The address has an unusable value" not in armenian
    assert "The address has an unusable value" not in russian
    assert "«page»" in armenian  # the parameter's name as it stands in the address
    assert "«page»" in russian


def test_a_comment_whose_parent_is_not_a_number_is_refused_and_nothing_is_stored(client, statement):
    for parent in ("²", "٣", "99999999999999999999999"):
        response = client.post(
            f"/en/statements/{statement.slug}/comment/",
            {"name": "Anahit", "email": "anahit@example.am", "body": "Hi.", "parent": parent},
            HTTP_USER_AGENT=FIREFOX,
        )
        assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_reply_names_its_parent_in_ascii_digits(client, statement):
    parent = Comment.objects.create(
        statement=statement,
        commenter=Commenter.objects.create(email="first@example.am"),
        name="First",
        body="Top.",
        language="en",
        status=Comment.Status.APPROVED,
    )
    page = client.get(f"/en/statements/{statement.slug}/comment/?reply_to={parent.pk}")
    assert page.status_code == 200
    assert "First wrote:" in page.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "q=a%00b",
        "category=a%00b",
        "organization=a%00b",
        "year=2024%00",
        "q=%ff%fe",
        "q=%ed%a0%80",  # a lone surrogate, as UTF-8 bytes
        "a%00=1",
    ],
)
@pytest.mark.parametrize("path", ["/en/statements/", "/en/search/", "/en/organisations/"])
def test_nul_bytes_and_broken_utf8_in_the_query_are_a_400(client, statement, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert "characters that are not text" in response.content.decode()


def test_a_nul_byte_in_a_link_token_is_a_400(client, statement):
    for path in ("/en/sign-on/confirm/a%00b/", "/en/support/confirm/a%00b/"):
        assert client.get(path).status_code == 400


def test_nul_bytes_in_a_posted_form_are_refused_before_the_database(client, statement):
    response = client.post(
        f"/en/statements/{statement.slug}/comment/",
        "name=Anahit&email=anahit%40example.am&body=Hi%00there",
        content_type="application/x-www-form-urlencoded",
        HTTP_USER_AGENT=FIREFOX,
    )
    assert response.status_code == 400
    response = client.post(
        f"/en/statements/{statement.slug}/comment/",
        {"name": "Anahit\x00", "email": "anahit@example.am", "body": "Hi."},
        HTTP_USER_AGENT=FIREFOX,
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_cookie_with_a_nul_byte_is_ignored(statement):
    client = Client()
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/en/statements/").status_code == 200


@pytest.mark.parametrize(
    "path_of",
    [
        lambda s: f"/en/statements/{s.slug}/support/",
        lambda s: f"/en/statements/{s.slug}/sign/",
        lambda s: "/en/sign-on/confirm/unknown-token/",
        lambda s: "/en/support/confirm/unknown-token/",
        lambda s: "/en/sign-on/withdraw/unknown-token/",
        lambda s: "/en/sign-on/reconfirm/unknown-token/",
        lambda s: "/en/sign-on/new-link/",
    ],
    ids=["support", "sign", "confirm", "support confirm", "withdraw", "reconfirm", "new link"],
)
def test_head_answers_like_get_without_a_body(statement, path_of):
    path = path_of(statement)
    get = Client().get(path)
    head = Client().head(path)
    assert head.status_code == get.status_code != 405
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert int(head["Content-Length"]) > 0
