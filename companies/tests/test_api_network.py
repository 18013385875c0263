"""/api/v1/network/: the ownership network as of a date."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from companies.models import Company, Event

from .builders import stake


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def subaru_history(toyota):
    subaru = Company.objects.get(slug="subaru")
    stake(toyota, subaru, "16.83", since=date(2008, 4, 10))
    stake(toyota, subaru, "20", since=date(2019, 9, 27))


def toyota_in_subaru(body):
    return [s["percent"] for s in body["stakes"] if s["owner"]["slug"] == "toyota" and s["target"]["slug"] == "subaru"]


@pytest.mark.django_db
def test_the_network_shows_the_stake_held_on_the_date_asked(api, subaru_history):
    assert toyota_in_subaru(api.get("/api/v1/network/?as_of=2019-01-01").json()) == [16.83]
    assert toyota_in_subaru(api.get("/api/v1/network/?as_of=2021-01-01").json()) == [20.0]
    assert toyota_in_subaru(api.get("/api/v1/network/").json()) == [20.0]


@pytest.mark.django_db
def test_the_network_lists_companies_and_alliances(api, subaru_history, honda, nissan, make_event):
    alliance = make_event(title="Software alliance", companies=[honda, nissan], kind=Event.Kind.PARTNERSHIP,
                          day=date(2024, 8, 1))

    body = api.get("/api/v1/network/?as_of=2025-01-01").json()

    assert {c["slug"] for c in body["companies"]} == {"toyota", "subaru", "honda", "nissan"}
    assert body["alliances"] == [{
        "name": "Software alliance", "since": "2024-08-01", "event": alliance.pk,
        "members": [{"slug": "honda", "name": "Honda Motor Co., Ltd."},
                    {"slug": "nissan", "name": "Nissan Motor Co., Ltd."}],
    }]


@pytest.mark.django_db
def test_a_company_narrows_the_network(api, subaru_history, nissan):
    stake(Company.objects.get(slug="renault"), nissan, "35.7")

    body = api.get("/api/v1/network/?company=nissan").json()

    assert [(s["owner"]["slug"], s["target"]["slug"]) for s in body["stakes"]] == [("renault", "nissan")]


@pytest.mark.django_db
@pytest.mark.parametrize("query, status, field", [("as_of=2019-13-01", 400, "as_of"), ("company=no-such", 404, None)])
def test_bad_parameters_are_explained(api, subaru_history, query, status, field):
    response = api.get(f"/api/v1/network/?{query}")

    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and (field is None or field in error["fields"])
