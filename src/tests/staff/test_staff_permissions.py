"""Every staff page answers by permission: anonymous to the login, staff without it 403,
coordinators in. The pages are read from the URL resolver, so a new one cannot be missed."""

import re
from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from tests.factories import coordinator_create
from undersigned.importer.models import ImportBatch
from undersigned.review.models import ReviewComment, ReviewLink
from undersigned.review.services import review_draft_current
from undersigned.staff.roles import COORDINATOR_GROUP, COORDINATOR_PERMISSIONS
from undersigned.statements.models import StatementUpdate
from undersigned.statements.versions import statement_version_current

PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def routes() -> list[tuple[str, URLPattern]]:
    """Every URL pattern of the site with its full route, in English."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern

    with translation.override("en"):
        return list(walk(get_resolver().url_patterns, "/"))


def is_admin(route: str) -> bool:
    return route.startswith("/en/admin/")


def is_staff_route(route: str) -> bool:
    return route.startswith("/en/staff/")


STAFF_ROUTES = [(route, pattern) for route, pattern in routes() if is_staff_route(route)]
PUBLIC_ROUTES = [
    (route, pattern)
    for route, pattern in routes()
    if not is_staff_route(route) and not is_admin(route)
]


@pytest.fixture
def objects(open_statement, sign_on_factory, signatory_factory):
    """One of each thing a staff URL may name, for the coordinator's walk."""
    version = statement_version_current(statement=open_statement)
    link = ReviewLink.objects.create(
        statement=open_statement, label="Members", expires_at=timezone.now() + timedelta(days=1)
    )
    comment = ReviewComment.objects.create(
        statement=open_statement,
        link=link,
        draft=review_draft_current(statement=open_statement),
        language="en",
        name="Anna",
        text="A comment.",
    )
    return {
        "slug": open_statement.slug,
        "number": version.number,
        "signatures": sign_on_factory(statement=open_statement).pk,
        "signatories": signatory_factory(statement=open_statement).pk,
        "links": link.pk,  # review links (review)
        "comments": comment.pk,  # reviewers' comments (review)
        "updates": StatementUpdate.objects.create(
            statement=open_statement,
            happened_on=open_statement.created_at.date(),
            text_en="Delivered.",
            submission="sample-update-form-key",
        ).pk,
        "batches": ImportBatch.objects.create(source="export.xml").pk,  # an import batch
        "chart": "per-year",  # a chart's CSV (insights)
        "rest": "no-such-endpoint",  # the API's catch-all answer
    }


def url_for(route: str, objects: dict) -> str:
    """Fill the route's parameters with the objects' values; fail on an unknown one."""

    def value(match: re.Match) -> str:
        name = match["name"]
        if name == "pk":
            # The segment before <int:pk> says what it is: signatures/ or signatories/.
            owner = route[: match.start()].rstrip("/").rpartition("/")[2]
            assert owner in objects, f"{route}: add a sample object for {owner}/<pk>"
            return str(objects[owner])
        if name in objects:
            return str(objects[name])
        if match["converter"] in (None, "str") and name in {"token", "key"}:
            return "not-a-valid-token"
        if match["converter"] == "int":
            return "1"
        raise AssertionError(f"{route}: add a sample value for <{name}>")

    return PARAMETER.sub(value, route).replace("^", "").replace("$", "")


def test_the_walk_finds_every_known_staff_page():
    """The resolver walk sees the staff pages (if it saw none, the tests below would pass)."""
    names = {pattern.name for _route, pattern in STAFF_ROUTES}
    assert {
        "dashboard_index",
        "dashboard",
        "dashboard_erase",
        "dashboard_contacts_csv",
        "newsletter_export",
        "comments_setting",
        "import",
    } <= names
    assert len(STAFF_ROUTES) >= 14


@pytest.mark.parametrize(("route", "pattern"), STAFF_ROUTES, ids=[r for r, _ in STAFF_ROUTES])
def test_every_staff_page_declares_permissions_the_coordinator_holds(route, pattern):
    declared = getattr(pattern.callback, "staff_permissions", None)
    assert declared, f"{route} must be wrapped in core.permissions.staff_permission_required"
    assert set(declared) <= set(COORDINATOR_PERMISSIONS)


@pytest.mark.parametrize(("route", "pattern"), STAFF_ROUTES, ids=[r for r, _ in STAFF_ROUTES])
def test_a_staff_page_sends_anonymous_visitors_to_the_login(client, objects, route, pattern):
    url = url_for(route, objects)
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(("route", "pattern"), STAFF_ROUTES, ids=[r for r, _ in STAFF_ROUTES])
def test_a_staff_page_refuses_staff_without_the_permission(
    client, django_user_model, objects, route, pattern
):
    client.force_login(django_user_model.objects.create_user("intern", is_staff=True))
    url = url_for(route, objects)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403


@pytest.mark.parametrize(("route", "pattern"), STAFF_ROUTES, ids=[r for r, _ in STAFF_ROUTES])
def test_a_staff_page_lets_a_coordinator_in(client, objects, route, pattern):
    client.force_login(coordinator_create())
    url = url_for(route, objects)
    response = client.get(url)
    if response.status_code == 405:  # an action: it answers a form, then goes back
        response = client.post(url)
        assert response.status_code == 302, response.content[:300]
        assert not response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == 200


@pytest.mark.parametrize(("route", "pattern"), PUBLIC_ROUTES, ids=[r for r, _ in PUBLIC_ROUTES])
def test_no_page_outside_staff_and_admin_asks_for_a_login(client, objects, route, pattern):
    """Staff-only pages live under /staff/, where the walks above find them."""
    response = client.get(url_for(route, objects))
    assert not (
        response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    ), f"{route} asks for a login: move it under staff/"
    assert response.status_code != 403


# The admin: Django checks model permissions itself; these make sure the group fits it.


def admin_changelists() -> list[tuple[str, str]]:
    return [
        (
            f"{model._meta.app_label}.view_{model._meta.model_name}",
            f"/en/admin/{model._meta.app_label}/{model._meta.model_name}/",
        )
        for model in admin.site._registry
    ]


@pytest.mark.parametrize(("permission", "url"), admin_changelists())
def test_the_admin_shows_each_list_only_to_those_allowed_to_view_it(
    client, django_user_model, db, permission, url
):
    assert client.get(url).status_code == 302  # anonymous: to the login
    client.force_login(django_user_model.objects.create_user("intern", is_staff=True))
    assert client.get(url).status_code == 403
    client.force_login(coordinator_create())
    expected = 200 if permission in COORDINATOR_PERMISSIONS else 403
    assert client.get(url).status_code == expected


@pytest.mark.parametrize("name", ["duplicates", "merge"])
def test_the_registry_tools_in_the_admin_need_the_change_permission(
    client, django_user_model, db, name
):
    url = reverse(f"admin:organizations_organization_{name}")
    client.force_login(django_user_model.objects.create_user("intern", is_staff=True))
    assert client.get(url).status_code == 403
    client.force_login(coordinator_create())
    assert client.get(url).status_code in (200, 302)


def test_the_coordinator_group_holds_exactly_the_listed_permissions(db):
    group = Group.objects.get(name=COORDINATOR_GROUP)
    held = {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert held == set(COORDINATOR_PERMISSIONS)


def test_migrate_puts_back_a_permission_taken_from_the_group(db):
    from django.core.management import call_command

    group = Group.objects.get(name=COORDINATOR_GROUP)
    group.permissions.remove(Permission.objects.get(codename="export_contacts"))
    group.permissions.add(Permission.objects.get(codename="delete_statement"))
    call_command("migrate", verbosity=0)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "export_contacts" in codenames
    assert "delete_statement" not in codenames


def test_an_admin_action_needing_a_permission_is_not_offered_without_it(rf, db):
    """Viewing subscribers does not let one download them all."""
    from undersigned.engagement.models import Subscriber

    subscribers = admin.site._registry[Subscriber]
    request = rf.get("/en/admin/engagement/subscriber/")
    request.user = coordinator_create("viewer")
    assert "export_csv" in subscribers.get_actions(request)
    request.user.groups.clear()
    request.user.user_permissions.add(Permission.objects.get(codename="view_subscriber"))
    request.user = type(request.user).objects.get(pk=request.user.pk)  # no cached permissions
    assert "export_csv" not in subscribers.get_actions(request)


def test_only_staff_who_may_moderate_hear_of_new_comments(django_user_model, db):
    from undersigned.engagement.selectors import coordinator_emails

    coordinator_create("moderator", "moderator@network.example.am")
    django_user_model.objects.create_user("intern", "intern@network.example.am", is_staff=True)
    django_user_model.objects.create_superuser("root", "root@network.example.am", "x")
    assert coordinator_emails() == ["moderator@network.example.am", "root@network.example.am"]
