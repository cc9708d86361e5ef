"""Schemathesis against the OpenAPI schema of a real ``marsad serve``, on SQLite and on PostgreSQL:
no input it generates makes a server error, and every response conforms to the schema.
(``benchmarks/reliability.py --only schemathesis --examples 200`` is the long run.)"""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

EXAMPLES = 30  # per operation; enough to reach every parameter's edge cases in a few seconds


def test_api_never_fails_and_conforms(served_on):
    served = served_on
    schema = schemathesis.openapi.from_url(served.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:
        # writes carry a real token so that generated bodies reach the code behind the token check
        headers = served.auth() if operation.method.upper() in ("POST", "PATCH") else {}

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.call_and_validate(base_url=served.url, headers=headers, timeout=60,
                                   checks=[not_a_server_error, status_code_conformance, response_schema_conformance])

        check()
