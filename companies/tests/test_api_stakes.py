"""/api/v1/stakes/: who holds what in whom, and when."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from companies.models import Company, ReviewState

from .builders import article, cite, stake


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def holdings(toyota, nissan):
    subaru = Company.objects.get(slug="subaru")
    renault = Company.objects.get(slug="renault")
    return {
        "old": stake(toyota, subaru, "16.83", since=date(2008, 4, 10), until=date(2019, 9, 26)),
        "new": stake(toyota, subaru, "20", since=date(2019, 9, 27), status="confirmed"),
        "renault": stake(renault, nissan, "35.7", since=date(2023, 11, 8)),
        "draft": stake(nissan, renault, "15", review_state=ReviewState.PROPOSED),
    }


def percents(response):
    assert response.status_code == 200, response.content
    return sorted((s["owner"]["slug"], s["target"]["slug"], s["percent"]) for s in response.json()["results"])


@pytest.mark.django_db
def test_anonymous_clients_see_approved_stakes_only(api, holdings):
    assert percents(api.get("/api/v1/stakes/")) == [
        ("renault", "nissan", 35.7), ("toyota", "subaru", 16.83), ("toyota", "subaru", 20.0)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("owner=toyota", [("toyota", "subaru", 16.83), ("toyota", "subaru", 20.0)]),
        ("target=nissan", [("renault", "nissan", 35.7)]),
        ("as_of=2019-01-01", [("toyota", "subaru", 16.83)]),
        ("as_of=2024-01-01", [("renault", "nissan", 35.7), ("toyota", "subaru", 20.0)]),
        ("owner=toyota&as_of=2019-09-27", [("toyota", "subaru", 20.0)]),
        ("status=confirmed", [("toyota", "subaru", 20.0)]),
    ],
)
def test_stakes_filter_by_owner_target_date_and_status(api, holdings, query, expected):
    assert percents(api.get(f"/api/v1/stakes/?{query}")) == expected


@pytest.mark.django_db
def test_a_stake_says_when_it_held_and_who_reported_it(api, holdings):
    source = article(title="Toyota lifts Subaru stake", body="Toyota raised its stake in Subaru to 20%.")
    cite(holdings["new"], source, "raised its stake in Subaru to 20%")

    body = api.get(f"/api/v1/stakes/{holdings['new'].pk}/").json()

    assert body["valid_from"] == "2019-09-27" and body["valid_to"] is None and body["status"] == "confirmed"
    assert body["evidence"][0]["article_title"] == "Toyota lifts Subaru stake"


@pytest.mark.django_db
def test_a_bad_as_of_date_is_a_400(api, holdings):
    response = api.get("/api/v1/stakes/?as_of=someday")

    assert response.status_code == 400 and "as_of" in response.json()["error"]["fields"]
