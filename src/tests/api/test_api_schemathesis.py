"""Schemathesis, a client no one here wrote, tests every API operation against the OpenAPI
document: generated and edge-case inputs (its examples, coverage and fuzzing phases), valid and
invalid alike. It must find no server error, no answer that breaks the schema, no undocumented
status code or content type."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

EXAMPLES = 15


# The document needs no database: the app serves it from its code.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


@pytest.fixture
def in_test_transaction(open_data_archive, settings):
    """Let the app's requests run in this test's database transaction, with the archive."""
    settings.API_RATE_LIMIT = "100000/m"  # the 429 answer has its own test
    # As Django's test client does: a request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield open_data_archive
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_keeps_to_its_openapi_document(case, in_test_transaction):
    case.call_and_validate()


def test_every_real_record_keeps_to_its_openapi_document(in_test_transaction):
    """Generated slugs name nothing: check each real statement and organisation the same way,
    every page of every list, and the lists under each filter value the archive uses."""
    from undersigned.organizations.models import Organization
    from undersigned.statements.models import Statement

    cases = [
        schema["/api/v1/statements/{slug}/"]["GET"].Case(path_parameters={"slug": slug})
        for slug in Statement.objects.values_list("slug", flat=True)
    ]
    cases += [
        schema["/api/v1/organizations/{slug}/"]["GET"].Case(path_parameters={"slug": slug})
        for slug in Organization.objects.values_list("slug", flat=True)
    ]
    statements = schema["/api/v1/statements/"]["GET"]
    for query in [
        {"page_size": 1, "page": 2},
        {"organization": "helsinki-committee"},
        {"category": "human-rights", "language": "hy"},
        {"q": "elections", "status": "published"},
        {"status": "open"},
    ]:
        cases.append(statements.Case(query=query))
    cases.append(schema["/api/v1/organizations/"]["GET"].Case(query={"page_size": 1, "page": 3}))
    statuses = [case.call_and_validate().status_code for case in cases]

    # Drafts are no public record: 404, documented; everything else answers 200.
    assert statuses.count(404) == 1
    assert statuses.count(200) == len(cases) - 1
