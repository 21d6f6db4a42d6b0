"""Signing again for an organisation on the list is answered in words, its known contact is
offered the withdrawal link by mail; supporters withdraw by their mail link; every withdrawal
sends a receipt and is listed on the coordinators' dashboard."""

import re

import pytest

from tests.conftest import mail_text, supporter_link
from undersigned.core.models import AuditEntry, OutgoingMail
from undersigned.signatures import services, supporters
from undersigned.signatures.models import SignOnRequest, SignOnToken, Supporter, SupporterTally
from undersigned.statements.versions import statement_text_hash


@pytest.fixture
def on_the_list(open_statement, sign_on_factory, organization_factory, coordinator):
    sign_on = sign_on_factory(
        statement=open_statement,
        organization=organization_factory(name="Goris Press Club"),
        contact_name="Lusine Hakobyan",
        contact_email="lusine@gorispress.example.am",
    )
    services.sign_on_approve(sign_on=sign_on, by=coordinator)
    sign_on.refresh_from_db()
    OutgoingMail.objects.all().delete()
    return sign_on


def sign_again(client, statement, organization, email):
    return client.post(
        f"/en/statements/{statement.slug}/sign/",
        {
            "organization_name": organization.name,
            "organization": organization.pk,
            "contact_name": "Someone Else",
            "contact_role": "Member",
            "contact_email": email,
            "declaration": "on",
            "version": statement_text_hash(statement=statement),
        },
    )


def test_a_repeat_sign_on_is_told_and_only_the_known_contact_gets_the_withdrawal_link(
    client, open_statement, on_the_list, mail, settings
):
    organization = on_the_list.organization
    with mail.commit():
        response = sign_again(client, open_statement, organization, "stranger@example.am")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Goris Press Club has signed this statement already" in page
    assert "lusine" not in page.lower()
    assert "/sign-on/withdraw/" not in page
    messages = {m["To"]: m for m in mail.wait_for(2)}
    notice = mail_text(messages["lusine@gorispress.example.am"])
    assert "on the list of signatories already" in notice
    withdraw = re.search(r"https?://\S+/sign-on/withdraw/[\w-]+/", notice).group(0)
    # The address typed gets only the confirmation of its own, new request.
    assert OutgoingMail.objects.get(to="stranger@example.am").kind == "confirm"
    assert AuditEntry.objects.filter(action="signon.repeat").count() == 1

    # Again the same day, and by the contact's own address: no second notice, no new request.
    with mail.commit():
        sign_again(client, open_statement, organization, "stranger@example.am")
        sign_again(client, open_statement, organization, "Lusine@GorisPress.example.am")
    assert OutgoingMail.objects.filter(kind="repeat").count() == 1
    assert SignOnRequest.objects.filter(contact_email="lusine@gorispress.example.am").count() == 1

    # The link withdraws, and the withdrawal is acknowledged by mail.
    with mail.commit():
        client.post(withdraw.removeprefix(settings.SITE_URL))
    on_the_list.refresh_from_db()
    assert on_the_list.status == SignOnRequest.Status.WITHDRAWN
    receipt = OutgoingMail.objects.get(kind="withdrawn")
    assert receipt.to == "lusine@gorispress.example.am"
    assert "is no longer on the list of signatories" in receipt.body_text


def test_a_withdrawal_sends_receipts_and_is_listed_for_the_coordinator(
    client, staff_client, on_the_list, sign_on_factory, coordinator, mail, settings
):
    colleague = sign_on_factory(
        statement=on_the_list.statement,
        organization=on_the_list.organization,
        contact_email="aram@gorispress.example.am",
    )
    services.sign_on_approve(sign_on=colleague, by=coordinator)
    token = services.token_issue(sign_on=on_the_list, purpose=SignOnToken.Purpose.WITHDRAW)
    with mail.commit():
        client.post(f"/en/sign-on/withdraw/{token}/")
    messages = {m["To"]: mail_text(m) for m in mail.wait_for(2)}
    assert "As you asked on" in messages["lusine@gorispress.example.am"]
    assert "another contact of Goris Press Club withdrew" in messages["aram@gorispress.example.am"]

    dashboard = staff_client.get(f"/en/staff/statements/{on_the_list.statement.slug}/signatures/")
    html = dashboard.content.decode()
    withdrawals = html.split('id="withdrawals-heading"')[1].split("</section>")[0]
    assert "Goris Press Club" in withdrawals
    assert "Withdrawn by the signer with the link from their email" in withdrawals
    # The version help says exactly when mail goes out.
    assert "10 minutes after the edit" in html
    assert "Signatories added by hand or imported have no address and get no mail." in html


def test_a_supporter_withdraws_with_the_link_from_their_mail(
    client, staff_client, statement_factory, mail, settings
):
    statement = statement_factory(translation__title="On the right to protest")
    with mail.commit():
        supporters.supporter_sign_up(
            statement=statement,
            name="Ani Sargsyan",
            place="Gyumri",
            email="ani@example.am",
            show_name=True,
            language="en",
        )
    text = mail_text(mail.wait_for(1)[0])
    confirm = supporter_link(text)
    withdraw = re.search(r"https?://\S+/support/withdraw/\S+/", text).group(0)
    supporters.supporter_confirm(token=confirm.rsplit("?token=", 1)[1])
    supporters.supporter_tally_update(statement_id=statement.pk)
    assert SupporterTally.objects.get(statement=statement).count == 1

    path = withdraw.removeprefix(settings.SITE_URL)
    page = client.get(path)
    assert page.status_code == 200
    assert "Withdraw my support" in page.content.decode()
    assert Supporter.objects.filter(statement=statement).exists()
    with mail.commit():
        done = client.post(path)
    assert "Your support is withdrawn" in done.content.decode()
    assert not Supporter.objects.filter(statement=statement).exists()
    assert SupporterTally.objects.get(statement=statement).count == 0
    receipt = mail.wait_for(2)[1]
    assert receipt["To"] == "ani@example.am"
    assert "your support of “On the right to protest” is withdrawn" in mail_text(receipt)
    # The address is forgotten: the receipt keeps none, earlier mail is deleted.
    assert not OutgoingMail.objects.filter(to="ani@example.am").exists()
    entry = AuditEntry.objects.get(action="supporter.withdraw")
    assert entry.details["counted"] is True
    assert client.post(path).status_code == 404

    html = staff_client.get(f"/en/staff/statements/{statement.slug}/signatures/").content.decode()
    assert "Withdrew their support with the link from their email" in html
