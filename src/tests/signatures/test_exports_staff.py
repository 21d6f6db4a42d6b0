"""The coordinators' CSV with contact details: staff only, linked from the dashboard."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from undersigned.signatures import services

EMAIL = "anahit@private-mail.example.am"
PHONE = "+374 99 765432"


pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


@pytest.fixture
def signed(
    statement_factory, sign_on_factory, signatory_factory, organization_factory, coordinator
):
    statement = statement_factory(open_for_joining=True)
    signatory_factory(
        statement=statement, organization=organization_factory(name="Added By Hand"), position=1
    )
    organization = organization_factory(name="Goris Press Club")
    for email in (EMAIL, "second@gorispress.example.am"):
        sign_on = sign_on_factory(
            statement=statement, organization=organization, contact_email=email, contact_phone=PHONE
        )
        services.sign_on_approve(sign_on=sign_on, by=coordinator)
    return statement


def test_the_staff_csv_has_every_contact_of_every_line(client, signed, coordinator):
    client.force_login(coordinator)
    response = client.get(f"/en/staff/statements/{signed.slug}/signatories.csv")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "contacts" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["position"], r["organisation"], r["contact_email"]) for r in rows] == [
        ("1", "Added By Hand", ""),
        ("2", "Goris Press Club", EMAIL),
        ("2", "Goris Press Club", "second@gorispress.example.am"),
    ]
    # Spreadsheets read a leading "+" as a formula: the quote keeps the number text.
    assert rows[1]["contact_phone"] == f"'{PHONE}"
    assert rows[1]["contact_name"] == "Anahit Petrosyan"
    assert rows[1]["confirmed_at"]


def test_erased_contact_data_stays_erased_in_the_staff_csv(client, signed, coordinator):
    sign_on = signed.sign_on_requests.get(contact_email=EMAIL)
    services.sign_on_erase_contact(sign_on=sign_on, by=coordinator)
    client.force_login(coordinator)
    content = client.get(f"/en/staff/statements/{signed.slug}/signatories.csv").content.decode()
    assert EMAIL not in content
    assert PHONE in content  # the other signer's
    rows = list(csv.DictReader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows[1]["contact_erased_at"]


def test_the_staff_csv_is_for_staff_only(client, signed):
    url = f"/en/staff/statements/{signed.slug}/signatories.csv"
    response = client.get(url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    client.force_login(get_user_model().objects.create_user("reader"))
    assert client.get(url).status_code == 302


def test_the_dashboard_links_the_staff_csv_and_the_public_exports(client, signed, coordinator):
    client.force_login(coordinator)
    page = client.get(f"/en/staff/statements/{signed.slug}/signatures/").content.decode()
    assert f'href="/en/staff/statements/{signed.slug}/signatories.csv"' in page
    assert f'href="/en/statements/{signed.slug}/letter.pdf"' in page
