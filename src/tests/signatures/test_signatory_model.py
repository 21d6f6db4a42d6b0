"""Signatory: an organisation on a statement's list, once per statement."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from undersigned.signatures.models import Signatory


def test_an_organisation_signs_a_statement_at_most_once(signatory_factory):
    first = signatory_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        signatory_factory(statement=first.statement, organization=first.organization)
    assert Signatory.objects.filter(statement=first.statement).count() == 1


def test_one_organisation_may_sign_many_statements(
    signatory_factory, organization_factory, statement_factory
):
    organization = organization_factory()
    for _ in range(2):
        signatory_factory(statement=statement_factory(), organization=organization)
    assert organization.signatures.count() == 2


def test_a_signatory_is_unplaced_and_signed_today_by_default(signatory_factory):
    signatory = signatory_factory()
    assert signatory.position == 0
    assert signatory.signed_on is not None


def test_deleting_a_statement_deletes_its_list_of_signatories(signatory_factory):
    signatory = signatory_factory()
    signatory.statement.delete()
    assert not Signatory.objects.filter(pk=signatory.pk).exists()


def test_an_organisation_on_a_list_cannot_be_deleted(signatory_factory):
    signatory = signatory_factory()
    with pytest.raises(ProtectedError), transaction.atomic():
        signatory.organization.delete()
    assert Signatory.objects.filter(pk=signatory.pk).exists()


def test_a_signatory_reads_as_its_organisation_and_statement(
    signatory_factory, organization_factory
):
    signatory = signatory_factory(organization=organization_factory(name="Lori Youth"))
    assert str(signatory) == f"Lori Youth — {signatory.statement_id}"
