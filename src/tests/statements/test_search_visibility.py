"""Whether a statement may be found is kept in its search documents: it follows every move."""

from datetime import timedelta

import pytest
from django.utils import timezone

from undersigned.publishing.services import (
    statement_open,
    statement_publish,
    statement_return_to_draft,
    statement_submit_for_review,
    statement_withdraw,
)
from undersigned.statements import search
from undersigned.statements.models import SearchDocument, Statement
from undersigned.statements.search import search_statement_ids, search_statements


def found(query="mining") -> int:
    results = search_statements(query=query, reader_language="en")
    assert len(results.hits) == results.total  # the page and the count agree
    assert search_statement_ids(query=query) == [hit.statement.pk for hit in results.hits]
    return results.total


@pytest.mark.django_db(transaction=True)
def test_a_statement_is_found_only_while_public_and_each_move_reindexes_it(statement_factory):
    statement = statement_factory(
        status=Statement.Status.DRAFT, published_at=None, translation__title="Mining waste"
    )
    assert found() == 0
    statement_submit_for_review(statement=statement)
    assert found() == 0
    later = timezone.now() + timedelta(hours=1)
    statement_publish(statement=statement, at=later)
    assert found() == 0  # scheduled: not yet
    statement_return_to_draft(statement=statement)
    assert found() == 0
    statement_publish(statement=statement)
    assert found() == 1
    statement_withdraw(statement=statement, reason="Superseded.")
    assert found() == 0
    opened = statement_factory(
        status=Statement.Status.DRAFT, published_at=None, translation__title="Mining pits"
    )
    statement_open(statement=opened, deadline=timezone.now() + timedelta(days=3))
    assert found() == 1


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_statement_is_found_from_its_time_without_reindexing(
    statement_factory, monkeypatch
):
    statement = statement_factory(
        status=Statement.Status.DRAFT, published_at=None, translation__title="Mining waste"
    )
    at = timezone.now() + timedelta(hours=1)
    statement_publish(statement=statement, at=at)
    assert found() == 0
    # An hour later nothing has touched the documents: the search compares with its own time.
    now = timezone.now
    monkeypatch.setattr(search.timezone, "now", lambda: now() + timedelta(hours=1, seconds=1))
    assert found() == 1
    assert set(SearchDocument.objects.values_list("searchable_from", flat=True)) == {at}
