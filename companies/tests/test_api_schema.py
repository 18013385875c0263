"""Schemathesis against our own OpenAPI schema: generated requests to every
read endpoint find no server error and no response that breaks the schema
(status codes, content types, headers and bodies)."""

from datetime import date

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from companies.models import Company, Event

from .builders import article, cite, figure, mention, stake

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(db, settings, toyota, nissan, make_event):
    settings.ALLOWED_HOSTS = ["*"]
    settings.API_THROTTLE_RATES = {"anon": "100000/minute", "user": "100000/minute"}
    subaru = Company.objects.get(slug="subaru")
    holding = stake(toyota, subaru, "20", since=date(2019, 9, 27))
    stake(toyota, subaru, "16.83", since=date(2008, 4, 10), until=date(2019, 9, 26))
    event = make_event(title="Toyota approaches Nissan", companies=[toyota, nissan], kind=Event.Kind.APPROACH,
                       day=date(2025, 5, 20), status="rumored")
    make_event(title="Alliance", companies=[toyota, subaru], day=date(2020, 1, 1))
    make_event(title="Undated", companies=[nissan])
    jobs = figure(nissan, "jobs_cut", 20000, unit="jobs", period="FY2025")
    source = article(title="Toyota and Nissan", body="Toyota holds 20% of Subaru and approached Nissan, "
                     "which will cut 20,000 jobs.", published_on=date(2025, 5, 20), url="https://example.com/a")
    cite(holding, source, "Toyota holds 20% of Subaru")
    cite(event, source, "approached Nissan")
    cite(jobs, source, "cut 20,000 jobs")
    mention(source, toyota, 2)
    # Requests go through the real WSGI handler, which closes the database
    # connection when a request ends; inside a test's transaction it must not
    # (Django's test client disconnects the same signal handlers).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# The ingestion endpoints write (their own tests cover them); this run covers
# everything readers and integrations read.
schema = schemathesis.pytest.from_fixture("api_schema").include(method="GET")


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.filter_too_much],
)
def test_the_api_keeps_its_schema(case):
    case.call_and_validate(checks=CHECKS)
