"""/api/v1/events/: approved events with participants and evidence links."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from companies.models import Event, ReviewState

from .builders import article, cite


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def story(toyota, nissan, honda, make_event):
    talks = make_event(title="Merger talks", companies=[honda, nissan], kind=Event.Kind.MERGER_TALKS,
                       day=date(2024, 12, 23), status="confirmed")
    approach = make_event(title="Toyota approaches Nissan", companies=[toyota, nissan], kind=Event.Kind.APPROACH,
                          day=date(2025, 5, 20), status="rumored")
    make_event(title="Undated partnership", companies=[toyota])
    make_event(title="Unreviewed", companies=[toyota], review_state=ReviewState.PROPOSED, day=date(2025, 6, 1))
    return {"talks": talks, "approach": approach}


def titles(response):
    assert response.status_code == 200, response.content
    return [e["title"] for e in response.json()["results"]]


@pytest.mark.django_db
def test_events_come_newest_first_with_undated_ones_last(api, story):
    assert titles(api.get("/api/v1/events/")) == ["Toyota approaches Nissan", "Merger talks", "Undated partnership"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("company=nissan", ["Toyota approaches Nissan", "Merger talks"]),
        ("company=honda", ["Merger talks"]),
        ("kind=approach", ["Toyota approaches Nissan"]),
        ("status=confirmed", ["Merger talks"]),
        ("date_from=2025-01-01", ["Toyota approaches Nissan"]),
        ("date_to=2024-12-31", ["Merger talks"]),
        ("date_from=2024-12-01&date_to=2025-12-31&company=nissan&status=rumored", ["Toyota approaches Nissan"]),
        ("company=no-such-company", []),
    ],
)
def test_events_filter_by_company_kind_status_and_dates(api, story, query, expected):
    assert titles(api.get(f"/api/v1/events/?{query}")) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("query, field", [("kind=gossip", "kind"), ("status=maybe", "status"),
                                           ("date_from=May", "date_from")])
def test_a_bad_filter_is_a_400_naming_the_parameter(api, story, query, field):
    response = api.get(f"/api/v1/events/?{query}")

    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


@pytest.mark.django_db
def test_an_event_carries_participants_and_evidence_links(api, story):
    source = article(title="Rumours", body="Rumors have surfaced that Toyota reached out to Nissan.",
                     url="https://example.com/rumours")
    evidence = cite(story["approach"], source, "Toyota reached out to Nissan")

    event = api.get(f"/api/v1/events/{story['approach'].pk}/").json()

    assert {(p["company"]["slug"], p["role"]) for p in event["participants"]} == {
        ("toyota", "participant"), ("nissan", "participant")
    }
    assert event["evidence"] == [{
        "article": source.pk,
        "article_title": "Rumours",
        "article_url": "https://example.com/rumours",
        "article_published_on": None,
        "article_page_url": f"http://testserver/articles/{source.pk}/#evidence-{evidence.pk}",
        "quote": "Toyota reached out to Nissan",
        "start": evidence.start,
        "end": evidence.end,
    }]
    assert event["page_url"] == f"http://testserver/events/{story['approach'].pk}/"


@pytest.mark.django_db
def test_an_unapproved_event_is_not_found_anonymously(api, toyota, make_event):
    draft = make_event(title="Draft", companies=[toyota], review_state=ReviewState.PROPOSED)

    response = api.get(f"/api/v1/events/{draft.pk}/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.django_db
def test_the_cursor_walks_every_event_once(api, toyota, make_event):
    for i in range(7):
        make_event(title=f"E{i}", companies=[toyota], day=date(2025, 1, 1 + i % 3))
    make_event(title="Undated", companies=[toyota])

    seen, url = [], "/api/v1/events/?page_size=3"
    while url:
        body = api.get(url).json()
        seen += [e["title"] for e in body["results"]]
        url = body["next"]

    assert len(seen) == 8 and len(set(seen)) == 8 and seen[-1] == "Undated"


@pytest.mark.django_db
def test_a_forged_cursor_is_a_404_in_the_error_shape(api, story):
    response = api.get("/api/v1/events/?cursor=not-a-cursor")

    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Invalid cursor"


@pytest.mark.django_db
def test_the_events_endpoint_costs_the_same_queries_whatever_the_page_size(
    api, toyota, nissan, make_event, django_assert_max_num_queries
):
    for i in range(30):
        event = make_event(title=f"E{i}", companies=[toyota, nissan], day=date(2025, 1, 1 + i % 28))
        cite(event, article(title=f"A{i}", body=f"Story {i} about Toyota and Nissan."), f"Story {i}")

    with django_assert_max_num_queries(4) as small:  # company, events, participants, evidence
        api.get("/api/v1/events/?page_size=2&company=toyota")
    with django_assert_max_num_queries(len(small.captured_queries)):
        api.get("/api/v1/events/?page_size=30&company=toyota")


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["99999999999999999999999", "abc", "-1"])
def test_an_impossible_id_is_a_404(api, key):
    response = api.get(f"/api/v1/events/{key}/")

    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
