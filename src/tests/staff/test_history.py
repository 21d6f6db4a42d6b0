"""The coordinators' history: the audit log in words, translated, filtered, exported as CSV."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape

from tests.factories import coordinator_create
from undersigned.core.audit import audit_record
from undersigned.core.history_sentences import SENTENCES
from undersigned.signatures import services

PACKAGE = Path(__file__).resolve().parents[2] / "undersigned"
HISTORY = "/en/staff/history/"

pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


def test_every_action_the_apps_record_has_a_sentence():
    """Make sure a new action code is put in words (core/history_sentences.py) when added."""
    codes = set()
    for source in PACKAGE.rglob("*.py"):
        text = source.read_text()
        if "audit_record(" not in text:
            continue
        codes |= set(re.findall(r'action="([a-z_.]+)"', text))
        # publishing names its actions in a table by status; engagement builds one of two.
        codes |= set(re.findall(r'Status\.\w+: "([a-z_.]+)"', text))
        if 'f"comment_{status}"' in text:
            codes |= {"comment_approved", "comment_spam"}
    codes.discard("")
    assert {"signon.approve", "statement.version", "organization.merge"} <= codes
    told = {key.split(":")[0] for key in SENTENCES}  # with their variants (…:on, …:off)
    assert sorted(codes - told) == []


@pytest.fixture
def logged(open_statement, sign_on_factory, organization_factory, coordinator):
    """A coordinator's approval, a signer's withdrawal elsewhere, and an unknown new action."""
    coordinator.first_name, coordinator.last_name = "Anna", "Petrosyan"
    coordinator.save()
    sign_on = sign_on_factory(
        statement=open_statement, organization=organization_factory(name="Zartonk Media")
    )
    services.sign_on_approve(sign_on=sign_on, by=coordinator)
    other = organization_factory(name="Gyumri Women's Centre")
    audit_record(
        action="signon.withdraw",
        actor_label="signer (request #77)",
        statement=open_statement,
        organization=other,
        details={"request": 77},
    )
    audit_record(action="organization.review", actor_label="=HYPERLINK(evil)", organization=other)
    audit_record(
        action="statement.outcome_update",
        actor=coordinator,
        statement=open_statement,
        details={"outcome": "adopted", "mailed": True},
    )
    return sign_on


def test_the_history_tells_each_entry_in_words_with_links(staff_client, logged, open_statement):
    html = staff_client.get(HISTORY).content.decode()
    organization = logged.organization
    statement_link = f'<a href="/en/staff/statements/{open_statement.slug}/signatures/">'
    assert (
        f'Anna Petrosyan approved the sign-on of <a href="{organization.get_absolute_url()}">'
        f"Zartonk Media</a> to {statement_link}{open_statement}</a>."
    ) in html
    assert "The signer of request 77 withdrew the signature of" in html
    # An action without its sentence yet still reads as words, its details too.
    assert "Anna Petrosyan: statement outcome update (" in html
    assert "mailed: yes; outcome: adopted" in html
    for raw in ("signon.approve", "joined_existing", "{'", "True"):
        assert raw not in html


def test_the_history_speaks_the_readers_language_and_time_format(staff_client, logged):
    html = staff_client.get("/hy/staff/history/").content.decode()
    entry = logged.statement.audit_entries.get(action="signon.approve")
    with translation.override("hy"):
        when = date_format(timezone.localtime(entry.created_at), "DATETIME_FORMAT")
        sentence = str(SENTENCES["signon.approve"])
    assert when in html
    assert "approved the sign-on" not in html
    pieces = [piece for piece in re.split(r"%\(\w+\)s", sentence) if piece.strip()]
    assert pieces
    assert all(escape(piece) in html for piece in pieces)
    assert "Anna Petrosyan" in html


def test_the_history_filters_by_statement_organisation_and_person(
    staff_client, logged, open_statement, statement_factory, coordinator
):
    elsewhere = statement_factory()
    audit_record(action="statement.publish", actor=coordinator, statement=elsewhere)
    html = staff_client.get(HISTORY, {"statement": elsewhere.pk}).content.decode()
    assert "published" in html
    assert "approved the sign-on" not in html
    html = staff_client.get(HISTORY, {"organization": logged.organization_id}).content.decode()
    assert "approved the sign-on" in html
    assert "withdrew" not in html
    html = staff_client.get(HISTORY, {"person": "signers"}).content.decode()
    assert "withdrew" in html
    assert "approved the sign-on" not in html
    html = staff_client.get(HISTORY, {"person": str(coordinator.pk)}).content.decode()
    assert "approved the sign-on" in html
    assert "withdrew" not in html


def test_a_filter_that_is_not_valid_is_said_and_left_out(staff_client, logged):
    response = staff_client.get(HISTORY, {"statement": "x'; drop", "person": "nobody"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select a valid choice." in html
    assert "approved the sign-on" in html
    assert "withdrew" in html


def test_the_csv_holds_the_filtered_entries_in_words(staff_client, logged, open_statement):
    response = staff_client.get("/en/staff/history/history.csv", {"statement": open_statement.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["When", "Who", "What happened", "Statement", "Organisation", "Action"]
    by_action = {row[5]: row for row in rows[1:]}
    approved = by_action["signon.approve"]
    assert approved[1] == "Anna Petrosyan"
    assert (
        approved[2] == f"Anna Petrosyan approved the sign-on of Zartonk Media to {open_statement}."
    )
    assert by_action["signon.withdraw"][2].startswith("The signer of request 77 withdrew")
    assert "organization.review" not in by_action  # of no statement
    rows = list(
        csv.reader(io.StringIO(staff_client.get("/en/staff/history/history.csv").content.decode()))
    )
    by_action = {row[5]: row for row in rows[1:]}
    # A cell a spreadsheet would run as a formula is kept as text.
    assert by_action["organization.review"][1] == "'=HYPERLINK(evil)"


def test_the_history_is_for_staff_with_the_permission(client, logged, db):
    assert client.get(HISTORY).status_code == 302
    coordinator_create("reader")  # a coordinator holds the permission
    outsider = coordinator_create("outsider")
    outsider.groups.clear()
    client.force_login(outsider)
    assert client.get(HISTORY).status_code == 403
    assert client.get("/en/staff/history/history.csv").status_code == 403


def test_the_history_is_linked_from_the_back_office_and_the_dashboard(
    staff_client, logged, open_statement
):
    assert 'href="/en/staff/history/"' in staff_client.get("/en/admin/").content.decode()
    assert 'href="/en/staff/history/"' in staff_client.get("/en/staff/statements/").content.decode()
    dashboard = staff_client.get(f"/en/staff/statements/{open_statement.slug}/signatures/")
    assert f'href="/en/staff/history/?statement={open_statement.pk}"' in dashboard.content.decode()
