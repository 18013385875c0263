from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from companies.models import ReviewState, Stake


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.django_db
def test_anonymous_readers_see_approved_events_only(api, toyota, nissan, make_event):
    make_event(title="Approved alliance", companies=[toyota, nissan])
    make_event(title="Unreviewed rumour", companies=[toyota, nissan], review_state=ReviewState.PROPOSED)
    make_event(title="Rejected story", companies=[toyota, nissan], review_state=ReviewState.REJECTED)

    response = api.get("/api/v1/events/")

    assert response.status_code == 200
    assert [e["title"] for e in response.json()["results"]] == ["Approved alliance"]


@pytest.mark.django_db
def test_staff_see_proposals_too(api, staff_user, toyota, nissan, make_event):
    make_event(title="Unreviewed rumour", companies=[toyota, nissan], review_state=ReviewState.PROPOSED)
    api.force_authenticate(staff_user)

    titles = [e["title"] for e in api.get("/api/v1/events/").json()["results"]]

    assert titles == ["Unreviewed rumour"]


@pytest.mark.django_db
def test_events_filter_by_company_slug(api, toyota, nissan, honda, make_event):
    make_event(title="Toyota and Nissan", companies=[toyota, nissan])
    make_event(title="Honda alone", companies=[honda])

    titles = [e["title"] for e in api.get("/api/v1/events/?company=honda").json()["results"]]

    assert titles == ["Honda alone"]


@pytest.mark.django_db
def test_stakes_show_percent_as_a_number_with_both_companies(api, toyota, nissan):
    Stake.objects.create(owner=toyota, target=nissan, percent=Decimal("16.83"), review_state=ReviewState.APPROVED)
    Stake.objects.create(owner=nissan, target=toyota, percent=Decimal("1"))

    results = api.get("/api/v1/stakes/?owner=toyota").json()["results"]

    assert len(results) == 1
    assert results[0]["percent"] == 16.83
    assert results[0]["owner"]["slug"] == "toyota" and results[0]["target"]["slug"] == "nissan"


@pytest.mark.django_db
def test_companies_are_looked_up_by_slug_with_their_aliases(api):
    body = api.get("/api/v1/companies/nissan/").json()

    assert body["name"] == "Nissan Motor Co., Ltd."
    assert "Nissan" in body["aliases"]


@pytest.mark.django_db
def test_lists_are_paginated(api):
    body = api.get("/api/v1/companies/").json()

    assert body["count"] >= 60
    assert len(body["results"]) == 50
    assert body["next"]


@pytest.mark.django_db
def test_the_openapi_schema_describes_every_endpoint(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for name in ["companies", "stakes", "events", "figures", "articles"]:
        assert f"/api/v1/{name}/" in paths


@pytest.mark.django_db
def test_a_company_links_to_its_page_and_its_timeline(api):
    body = api.get("/api/v1/companies/toyota/").json()

    assert body["page_url"] == "http://testserver/companies/toyota/"
    assert body["timeline_url"] == "http://testserver/api/v1/companies/toyota/timeline/"


@pytest.mark.django_db
def test_a_company_timeline_lists_its_approved_events_and_filters_them(api, toyota, nissan, honda, make_event):
    from datetime import date

    make_event(title="Toyota approaches Nissan", companies=[toyota, nissan], kind="approach", day=date(2025, 5, 20))
    make_event(title="Toyota partners", companies=[toyota], day=date(2024, 1, 1))
    make_event(title="Honda alone", companies=[honda], day=date(2025, 1, 1))
    make_event(title="Toyota draft", companies=[toyota], review_state=ReviewState.PROPOSED)

    everything = api.get("/api/v1/companies/toyota/timeline/").json()["results"]
    approaches = api.get("/api/v1/companies/toyota/timeline/?kind=approach&company=honda").json()["results"]

    assert [e["title"] for e in everything] == ["Toyota approaches Nissan", "Toyota partners"]
    assert [e["title"] for e in approaches] == ["Toyota approaches Nissan"]


@pytest.mark.django_db
def test_an_unknown_company_has_no_timeline(api):
    response = api.get("/api/v1/companies/no-such/timeline/")

    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


@pytest.mark.django_db
def test_companies_filter_by_kind_and_country(api):
    body = api.get("/api/v1/companies/?kind=automaker&country=JP&page_size=200").json()

    slugs = {c["slug"] for c in body["results"]}
    assert {"toyota", "nissan", "honda"} <= slugs and "renault" not in slugs
