"""One organisation, one line: concurrent confirmations and approvals never make two."""

import pytest

from tests.conftest import run_at_once
from tests.factories import coordinator_create
from undersigned.signatures import services
from undersigned.signatures.models import Signatory, SignOnRequest, SignOnToken

CONCURRENCY = 50


pytestmark = pytest.mark.usefixtures("tasks_do_nothing")


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_confirmations_for_one_organisation_make_exactly_one_signatory(
    open_statement, organization_factory, sign_on_factory
):
    open_statement.signon_auto_approve = True
    open_statement.save()
    organization = organization_factory(email_domains="pink.example.am")
    tokens = []
    for number in range(CONCURRENCY):
        sign_on = sign_on_factory(
            statement=open_statement,
            organization=organization,
            contact_email=f"person{number}@pink.example.am",
            status=SignOnRequest.Status.UNCONFIRMED,
            confirmed_at=None,
        )
        tokens.append(services.token_issue(sign_on=sign_on, purpose=SignOnToken.Purpose.CONFIRM))

    run_at_once(lambda token: services.sign_on_confirm(token=token), tokens)

    line = Signatory.objects.get(statement=open_statement)
    assert line.organization == organization
    requests = SignOnRequest.objects.filter(statement=open_statement)
    assert requests.filter(status=SignOnRequest.Status.APPROVED).count() == CONCURRENCY
    assert set(requests.values_list("signatory_id", flat=True)) == {line.pk}
    assert requests.filter(joined_existing=False).count() == 1
    assert line.version_id == requests.first().version_id


@pytest.mark.django_db(transaction=True)
def test_fifty_coordinators_approving_requests_of_one_organisation_make_one_signatory(
    open_statement, organization_factory, sign_on_factory
):
    organization = organization_factory()
    coordinator = coordinator_create("coordinator")
    sign_ons = [
        sign_on_factory(statement=open_statement, organization=organization)
        for _ in range(CONCURRENCY)
    ]

    run_at_once(lambda s: services.sign_on_approve(sign_on=s, by=coordinator), sign_ons)

    assert Signatory.objects.filter(statement=open_statement).count() == 1
    assert SignOnRequest.objects.filter(status=SignOnRequest.Status.APPROVED).count() == CONCURRENCY


@pytest.mark.django_db(transaction=True)
def test_two_requests_proposing_the_same_new_organisation_make_one_record_and_one_line(
    open_statement, sign_on_factory
):
    coordinator = coordinator_create("coordinator")
    first, second = (
        sign_on_factory(
            statement=open_statement, organization=None, organization_name=name, proposed_kind="ngo"
        )
        for name in ("Goris Press Club", "goris press club")
    )
    services.sign_on_approve(sign_on=first, by=coordinator)
    services.sign_on_approve(sign_on=second, by=coordinator)
    line = Signatory.objects.get(statement=open_statement)
    assert line.organization.name == "Goris Press Club"
    assert line.organization.needs_review
    second.refresh_from_db()
    assert second.joined_existing
