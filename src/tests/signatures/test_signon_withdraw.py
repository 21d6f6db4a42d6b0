"""Withdrawal by the signer's private link, removal by a coordinator, and the audit log."""

import pytest

from undersigned.core.models import AuditEntry
from undersigned.organizations.services import organizations_merge
from undersigned.signatures import services
from undersigned.signatures.models import Signatory, SignOnRequest, SignOnToken

pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


@pytest.fixture
def approved(sign_on_factory, open_statement, coordinator):
    sign_on = sign_on_factory(statement=open_statement)
    services.sign_on_approve(sign_on=sign_on, by=coordinator)
    sign_on.refresh_from_db()
    return sign_on


def withdraw_url(sign_on):
    token = services.token_issue(sign_on=sign_on, purpose=SignOnToken.Purpose.WITHDRAW)
    return f"/en/sign-on/withdraw/{token}/"


def test_the_withdraw_link_shows_a_page_and_only_its_button_withdraws(client, approved):
    url = withdraw_url(approved)
    page = client.get(url)
    assert page.status_code == 200
    assert "Withdraw the signature" in page.content.decode()
    assert Signatory.objects.filter(pk=approved.signatory_id).exists()

    done = client.post(url)
    assert done.status_code == 200
    assert not Signatory.objects.filter(statement=approved.statement).exists()
    approved.refresh_from_db()
    assert approved.status == SignOnRequest.Status.WITHDRAWN
    entry = AuditEntry.objects.get(action="signon.withdraw")
    assert entry.actor_label == f"signer (request #{approved.pk})"
    assert entry.organization == approved.organization
    assert entry.statement == approved.statement


def test_a_withdraw_link_works_once(client, approved):
    url = withdraw_url(approved)
    client.post(url)
    again = client.post(url)
    assert again.status_code == 410
    assert "withdrawn" in again.content.decode()


def test_a_pending_request_can_be_withdrawn_before_it_reaches_the_list(
    client, sign_on_factory, open_statement
):
    sign_on = sign_on_factory(statement=open_statement)
    client.post(withdraw_url(sign_on))
    sign_on.refresh_from_db()
    assert sign_on.status == SignOnRequest.Status.WITHDRAWN
    assert not Signatory.objects.exists()


def test_withdrawal_takes_the_organisation_off_with_every_contact_on_its_line(
    client, approved, sign_on_factory, coordinator
):
    colleague = sign_on_factory(statement=approved.statement, organization=approved.organization)
    services.sign_on_approve(sign_on=colleague, by=coordinator)
    client.post(withdraw_url(colleague))
    assert not Signatory.objects.exists()
    assert set(SignOnRequest.objects.values_list("status", flat=True)) == {"withdrawn"}


def test_a_coordinator_removes_a_signatory_with_a_reason_logged(approved, coordinator):
    services.signatory_remove(signatory=approved.signatory, by=coordinator, reason="Asked by phone")
    assert not Signatory.objects.exists()
    approved.refresh_from_db()
    assert (approved.status, approved.reason) == ("withdrawn", "Asked by phone")
    entry = AuditEntry.objects.get(action="signatory.remove")
    assert entry.actor == coordinator
    assert entry.details["reason"] == "Asked by phone"


def test_removal_without_a_reason_is_refused(approved, coordinator):
    with pytest.raises(services.InvalidTransition):
        services.signatory_remove(signatory=approved.signatory, by=coordinator, reason="  ")
    assert Signatory.objects.exists()


def test_every_state_change_leaves_an_audit_entry(
    client, open_statement, organization_factory, coordinator, sign_on_factory
):
    sign_on = sign_on_factory(
        statement=open_statement, status="unconfirmed", confirmed_at=None, organization=None
    )
    token = services.token_issue(sign_on=sign_on, purpose=SignOnToken.Purpose.CONFIRM)
    services.sign_on_confirm(token=token)
    services.sign_on_attach(sign_on=sign_on, organization=organization_factory(), by=coordinator)
    services.sign_on_approve(sign_on=sign_on, by=coordinator)
    client.post(withdraw_url(sign_on))
    rejected = sign_on_factory(statement=open_statement)
    services.sign_on_reject(sign_on=rejected, by=coordinator, reason="Not an organisation")
    services.sign_on_erase_contact(sign_on=rejected, by=coordinator)
    actions = list(
        AuditEntry.objects.filter(statement=open_statement)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "signon.confirm",
        "signon.attach",
        "signon.approve",
        "signon.withdraw",
        "signon.reject",
        "signon.erase",
    ]
    assert not any(
        "@" in str(details) for details in AuditEntry.objects.values_list("details", flat=True)
    )


def test_a_merge_in_the_registry_carries_the_requests_to_the_surviving_record(
    approved, organization_factory, sign_on_factory
):
    duplicate = approved.organization
    survivor = organization_factory()
    pending = sign_on_factory(statement=approved.statement, organization=duplicate)
    organizations_merge(survivor=survivor, duplicate=duplicate)
    approved.refresh_from_db()
    pending.refresh_from_db()
    assert approved.organization == survivor
    assert approved.signatory.organization == survivor
    assert pending.organization == survivor
