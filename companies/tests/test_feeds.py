"""Atom feeds of approved events: site-wide (/feeds/events/) and per company."""

from datetime import date
from xml.etree import ElementTree

import pytest

from companies.models import ReviewState

from .builders import article, cite

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    return root, root.findall(f"{ATOM}entry")


@pytest.mark.django_db
def test_the_site_feed_lists_approved_events_with_links_to_their_pages(client, toyota, nissan, make_event):
    event = make_event(title="Toyota approaches Nissan", companies=[toyota, nissan], day=date(2025, 5, 20),
                       status="rumored")
    make_event(title="Draft", companies=[toyota], review_state=ReviewState.PROPOSED)

    _, items = entries(client.get("/feeds/events/"))

    assert [i.findtext(f"{ATOM}title") for i in items] == ["Toyota approaches Nissan (rumored)"]
    assert items[0].find(f"{ATOM}link").get("href").endswith(f"/events/{event.pk}/")
    assert {c.get("term") for c in items[0].findall(f"{ATOM}category")} == {"Partnership", "Rumored"}


@pytest.mark.django_db
def test_an_entry_carries_the_companies_and_quoted_sources(client, toyota, nissan, make_event):
    event = make_event(title="Talks", companies=[toyota, nissan], day=date(2025, 5, 20))
    cite(event, article(title="Rumours of talks", body="Toyota reached out to Nissan."), "Toyota reached out to Nissan.")

    _, [item] = entries(client.get("/feeds/events/"))
    summary = item.findtext(f"{ATOM}summary")

    assert "Toyota Motor Corporation" in summary and "“Toyota reached out to Nissan.” — Rumours of talks" in summary


@pytest.mark.django_db
def test_a_company_feed_holds_only_its_events(client, toyota, nissan, honda, make_event):
    make_event(title="Honda news", companies=[honda], day=date(2025, 1, 1))
    make_event(title="Nissan news", companies=[nissan], day=date(2025, 1, 2))

    root, items = entries(client.get("/companies/honda/feed/"))

    assert [i.findtext(f"{ATOM}title") for i in items] == ["Honda news (reported)"]
    assert "Honda" in root.findtext(f"{ATOM}title")


@pytest.mark.django_db
def test_an_unknown_company_has_no_feed(client):
    assert client.get("/companies/no-such-maker/feed/").status_code == 404


@pytest.mark.django_db
def test_pages_advertise_their_feeds(client):
    assert 'type="application/atom+xml"' in client.get("/").content.decode()
    assert 'href="/companies/toyota/feed/"' in client.get("/companies/toyota/").content.decode()


@pytest.mark.django_db
def test_a_feed_costs_the_same_queries_however_many_events(client, toyota, nissan, make_event,
                                                           django_assert_max_num_queries):
    first = make_event(title="First", companies=[toyota, nissan], day=date(2025, 1, 1))
    cite(first, article(title="A", body="First report."), "First report.")
    with django_assert_max_num_queries(5) as few:
        client.get("/feeds/events/")
    for i in range(20):
        event = make_event(title=f"E{i}", companies=[toyota, nissan], day=date(2025, 2, 1 + i))
        cite(event, article(title=f"A{i}", body=f"Report {i}."), f"Report {i}.")

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/feeds/events/")
