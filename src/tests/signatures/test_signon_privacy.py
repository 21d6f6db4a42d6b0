"""Contact data stays private and can be erased while the signature stays."""

import pytest

from undersigned.core.models import OutgoingMail
from undersigned.signatures import services
from undersigned.signatures.models import Signatory, SignOnRequest

EMAIL = "anahit@private-mail.example.am"
PHONE = "+374 99 765432"


pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


@pytest.fixture
def signed(sign_on_factory, statement_factory, coordinator):
    statement = statement_factory(open_for_joining=True)
    sign_on = sign_on_factory(statement=statement, contact_email=EMAIL, contact_phone=PHONE)
    services.sign_on_approve(sign_on=sign_on, by=coordinator)
    sign_on.refresh_from_db()
    return sign_on


def test_contact_data_appears_on_no_public_page_or_feed(client, signed):
    statement, organization = signed.statement, signed.organization
    assert organization.name in client.get(f"/en/statements/{statement.slug}/").content.decode()
    pages = [
        f"/en/statements/{statement.slug}/",
        f"/en/statements/{statement.slug}/sign/",
        "/en/statements/",
        "/en/statements/feed.rss",
        "/en/statements/feed.atom",
        f"/en/organisations/{organization.slug}/",
        f"/en/organisations/{organization.slug}/feed.atom",
        "/en/organisations/",
        f"/en/search/?q={organization.name.split()[0]}",
        f"/en/sign-on/organisations.json?q={organization.name.split()[0]}",
        "/sitemap.xml",
        "/en/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert EMAIL not in content, url
        assert PHONE not in content, url
        assert "Anahit Petrosyan" not in content, url


def test_erasing_contact_data_keeps_the_organisations_signature(signed, coordinator):
    OutgoingMail.objects.create(
        key="k",
        kind="approved",
        topic=f"signon:{signed.pk}",
        to=EMAIL,
        subject="s",
        body_text=EMAIL,
        body_html=EMAIL,
        language="en",
    )
    services.sign_on_erase_contact(sign_on=signed, by=coordinator)
    signed.refresh_from_db()
    assert (
        signed.contact_name,
        signed.contact_role,
        signed.contact_email,
        signed.contact_phone,
    ) == (
        "",
        "",
        "",
        "",
    )
    assert signed.contact_erased_at is not None
    assert signed.status == SignOnRequest.Status.APPROVED
    assert Signatory.objects.filter(pk=signed.signatory_id).exists()
    assert not OutgoingMail.objects.exists()


def test_erasing_by_address_covers_every_request_made_with_it(signed, sign_on_factory, coordinator):
    other = sign_on_factory(contact_email=EMAIL)
    kept = sign_on_factory(contact_email="someone@else.example.am")
    assert services.signer_erase(email=EMAIL.upper(), by=coordinator) == 2
    other.refresh_from_db()
    kept.refresh_from_db()
    assert other.contact_email == ""
    assert kept.contact_email == "someone@else.example.am"


def test_the_dashboard_erases_on_request(client, signed, coordinator):
    client.force_login(coordinator)
    url = f"/en/staff/statements/{signed.statement.slug}/signatures/{signed.pk}/erase/"
    response = client.post(url, {"everywhere": "on"})
    assert response.status_code == 302
    signed.refresh_from_db()
    assert signed.contact_email == ""
    page = client.get(f"/en/staff/statements/{signed.statement.slug}/signatures/?status=approved")
    assert EMAIL not in page.content.decode()
    assert "erased on" in page.content.decode()
