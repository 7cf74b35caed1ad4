"""Property-based checks of the API against its own OpenAPI schema (schemathesis): no
server errors, every status code is one the schema describes, and every response matches
its schema. Requests run in process against the test database, as a facilitator with real
assessments and actions to find, so the checks reach past the 404s."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from mobilise.accounts.services import issue_token
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.config.wsgi import application
from mobilise.plans.services import plan as plans

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@pytest.fixture
def token(facilitator) -> str:
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    submit(assessment, 2)
    plans.add_custom_action(
        assessment, "Do", ["1.1"], plans.ActionFields(priority="high", given={"priority"})
    )
    _, raw = issue_token(facilitator.user, facilitator.organisation)
    return raw


@pytest.fixture
def wsgi_calls(db):
    # Calling the WSGI application directly would close the test's database connection at
    # the end of each request; Django's own test client unhooks this the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_schema(token, wsgi_calls):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    headers = {"Authorization": f"Bearer {token}"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=10,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()
