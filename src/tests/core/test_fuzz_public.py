"""Every public address and form, driven with odd values: the site never answers 500.

The addresses come from the URL resolver (every public route, its slugs taken from a small
site built here, its tokens and numbers made up) and from the sitemap; the forms from the
pages themselves. Hypothesis picks the values: digits of other scripts, NUL bytes, numbers far
beyond any column, negative ones, empty ones, very long ones, lone surrogates. The examples are
derandomized, so a failure found in CI is found again on a developer's machine.
"""

import re
from urllib.parse import quote, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from undersigned.engagement.models import Comment, Commenter
from undersigned.statements.models import Statement

pytestmark = pytest.mark.usefixtures("english")

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
# Back office and coordinators' screens are not public: their own tests walk them.
PRIVATE = re.compile(r"(^|/)(admin|staff)/")
CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")
KNOWN_PARAMETERS = [
    "page",
    "year",
    "q",
    "category",
    "organization",
    "language",
    "kind",
    "reply_to",
    "parent",
    "status",
    "next",
]

# The pages that read query parameters: drawn more often than the others.
READING_PARAMETERS = [
    "/en/statements/",
    "/hy/statements/",
    "/en/search/",
    "/ru/search/",
    "/en/organisations/",
    "/en/statements/on-assembly/supporters/",
    "/en/statements/open-call/comment/",
    "/en/statements/on-assembly/letter.pdf",
    "/en/sign-on/organisations.json",
]

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def odd_text() -> st.SearchStrategy[str]:
    """Values a form or an address should never choke on."""
    numbers = ["²", "٣", "１２", "-1", "0", "10000", "99999999999999999999", "1e9", " 7 ", "2024"]
    return st.one_of(
        st.just(""),
        st.sampled_from(numbers),
        st.sampled_from([*numbers, "null", "../", "a\x00b"]),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=30).map(lambda t: f"a\x00{t}"),
        st.text(max_size=40),  # any code point, lone surrogates included
        st.text(alphabet="0123456789", min_size=19, max_size=60),
        st.integers(min_value=1000, max_value=20000).map(lambda n: "x" * n),
    )


def encode(value: str) -> str:
    """Percent-encode as a browser would, lone surrogates as the bytes no decoder accepts."""
    return quote(value.encode("utf-8", errors="surrogatepass"), safe="")


def form_body(fields: dict[str, str]) -> str:
    return "&".join(f"{encode(name)}={encode(value)}" for name, value in fields.items())


def public_routes() -> list[str]:
    """Return every public route of the resolver, as templates such as `statements/<slug:slug>/`."""

    def walk(patterns, prefix: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    routes = sorted(set(walk(get_resolver().url_patterns, "")))
    return [route for route in routes if not PRIVATE.search(route)]


@pytest.fixture
def site(
    statement_factory,
    statement_translation_factory,
    category_factory,
    organization_factory,
    alias_factory,
    signatory_factory,
):
    """A small site: open and published statements, signatories, a category, a comment."""
    category = category_factory(slug="elections")
    published = statement_factory(slug="on-assembly", translation__title="On assembly")
    published.categories.add(category)
    statement_translation_factory(statement=published, language="hy", title="Հավաքների մասին")
    open_statement = statement_factory(
        slug="open-call", status=Statement.Status.OPEN, translation__title="An open call"
    )
    organization = organization_factory(slug="lori-youth", name="Lori Youth Initiative")
    alias_factory(organization=organization, name="Լոռու երիտասարդներ", language="hy")
    signatory_factory(statement=published, organization=organization)
    Comment.objects.create(
        statement=open_statement,
        commenter=Commenter.objects.create(email="first@example.am"),
        name="First",
        body="A first comment.",
        language="en",
        status=Comment.Status.APPROVED,
    )
    return {
        "slug": ["on-assembly", "open-call", "elections", "lori-youth"],
        "int": [1, 2],
    }


def sitemap_paths(client: Client) -> list[str]:
    xml = client.get("/sitemap.xml").content.decode()
    return sorted({urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)})


def fill(route: str, draw, pools: dict) -> str:
    """Return a path for the route: real slugs and ids, made-up tokens and odd numbers."""

    def value(match: re.Match) -> str:
        kind = match["kind"] or "str"
        if kind == "slug":
            return draw(st.sampled_from(pools["slug"]))
        if kind == "int":
            number = draw(st.one_of(st.sampled_from(pools["int"]), st.integers(0, 2**80)))
            return str(number)
        return encode(draw(odd_text()) or "token")

    language = draw(st.sampled_from(["en", "hy", "ru"]))
    path = "/" + CONVERTER.sub(value, route)
    return re.sub(r"^/en/", f"/{language}/", path)


def client_for(draw) -> Client:
    address = f"203.0.113.{draw(st.integers(1, 254))}"
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=FIREFOX, HTTP_SEC_FETCH_SITE="same-origin")


def test_every_public_address_with_odd_parameters_answers_without_a_server_error(site, client):
    routes = public_routes()
    assert len(routes) > 30
    sitemap = sitemap_paths(client)
    assert "/en/statements/on-assembly/" in sitemap

    @FUZZ
    @given(data=st.data())
    def visit(data):
        draw = data.draw
        source = draw(st.sampled_from(["reads parameters"] * 2 + ["any route", "sitemap"]))
        if source == "reads parameters":
            path = draw(st.sampled_from(READING_PARAMETERS))
        elif source == "any route":
            path = fill(draw(st.sampled_from(routes)), draw, site)
        else:
            path = draw(st.sampled_from(sitemap))
        # Each parameter a view reads now and then, and a few nobody reads.
        query = {
            name: draw(odd_text()) for name in KNOWN_PARAMETERS if draw(st.integers(0, 3)) == 0
        }
        query.update(draw(st.dictionaries(st.text(max_size=12), odd_text(), max_size=2)))
        address = path + ("?" + form_body(query) if query else "")
        method = draw(st.sampled_from(["get", "head"]))
        response = getattr(client_for(draw), method)(address)
        assert response.status_code < 500, (method, address, response.status_code)

    visit()


def public_forms(client: Client, pages: list[str]) -> list[tuple[str, list[str]]]:
    """Return (action, field names) of every POST form on the pages."""
    forms = {}
    for page in pages:
        html = LexborHTMLParser(client.get(page).content.decode())
        for form in html.css("form"):
            if (form.attributes.get("method") or "").lower() != "post":
                continue
            action = form.attributes.get("action") or page
            if PRIVATE.search(action):
                continue
            names = {
                field.attributes["name"]
                for field in form.css("input, textarea, select")
                if field.attributes.get("name")
            }
            forms.setdefault(action, set()).update(names)
    return sorted((action, sorted(names)) for action, names in forms.items())


def test_every_public_form_with_odd_values_answers_without_a_server_error(site, client):
    pages = [
        "/en/",
        "/en/statements/open-call/",
        "/en/statements/open-call/sign/",
        "/en/statements/on-assembly/",
        "/en/statements/on-assembly/support/",
        "/en/statements/open-call/comment/",
        "/en/statements/open-call/send/",
        "/en/newsletter/",
        "/en/sign-on/new-link/",
    ]
    forms = public_forms(client, pages)
    actions = {action for action, _names in forms}
    for expected in ("/sign/", "/support/", "/comment/", "/send/", "/newsletter/", "/new-link/"):
        assert any(expected in action for action in actions), expected

    @FUZZ
    @given(data=st.data())
    def send(data):
        draw = data.draw
        action, names = draw(st.sampled_from(forms))
        fields = {name: draw(odd_text()) for name in names if draw(st.booleans())}
        if draw(st.booleans()):
            fields[draw(st.text(max_size=12))] = draw(odd_text())
        response = client_for(draw).post(
            action, form_body(fields), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code < 500, (action, fields, response.status_code)

    send()
