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
