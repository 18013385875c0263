"""The timeline page (/)."""

from datetime import date
from decimal import Decimal

import pytest

from companies.models import Event, ReviewState, Stake

from .builders import article, cite


@pytest.mark.django_db
def test_the_timeline_shows_approved_events_newest_first(client, toyota, nissan, make_event):
    make_event(title="Older alliance", companies=[toyota, nissan], day=date(2024, 3, 1))
    make_event(title="Newer alliance", companies=[toyota, nissan], day=date(2025, 5, 20))
    make_event(title="Secret proposal", companies=[toyota], review_state=ReviewState.PROPOSED)

    html = client.get("/").content.decode()

    assert html.index("Newer alliance") < html.index("Older alliance")
    assert "Secret proposal" not in html


@pytest.mark.django_db
def test_the_timeline_says_so_when_nothing_is_approved(client):
    assert "No approved events yet" in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_company_page_shows_stakes_both_ways(client, toyota, nissan):
    subaru_stake = Stake.objects.create(owner=toyota, target=nissan, percent=Decimal("20"),
                                        review_state=ReviewState.APPROVED)
    Stake.objects.create(owner=nissan, target=toyota, percent=Decimal("3"))  # not approved

    toyota_page = client.get("/companies/toyota/").content.decode()
    nissan_page = client.get("/companies/nissan/").content.decode()

    assert subaru_stake.target.name in toyota_page and "20%" in toyota_page
    assert "3%" not in toyota_page
    assert "Toyota Motor Corporation" in nissan_page and "holds 20%" in nissan_page


@pytest.mark.django_db
def test_an_unknown_company_is_not_found(client):
    assert client.get("/companies/no-such-maker/").status_code == 404


@pytest.mark.django_db
def test_event_text_is_escaped(client, toyota, make_event):
    make_event(title="<script>alert(1)</script>", companies=[toyota])

    html = client.get("/").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
def test_events_are_grouped_under_their_month(client, toyota, make_event):
    make_event(title="May news", companies=[toyota], day=date(2025, 5, 20))
    make_event(title="Also May", companies=[toyota], day=date(2025, 5, 2))
    make_event(title="March news", companies=[toyota], day=date(2025, 3, 1))

    html = client.get("/").content.decode()

    assert html.count(">May 2025</h2>") == 1 and html.count(">March 2025</h2>") == 1
    assert html.index("May 2025") < html.index("Also May") < html.index("March 2025") < html.index("March news")


@pytest.mark.django_db
def test_undated_events_come_last_under_their_own_heading(client, toyota, make_event):
    make_event(title="Undated rumour", companies=[toyota])
    make_event(title="Dated news", companies=[toyota], day=date(2020, 1, 1))

    html = client.get("/").content.decode()

    assert html.index("Dated news") < html.index("Undated</h2>") < html.index("Undated rumour")


@pytest.mark.django_db
def test_a_rumour_is_marked_differently_from_a_confirmed_fact(client, toyota, make_event):
    make_event(title="Whispered approach", companies=[toyota], status="rumored", day=date(2025, 5, 1))
    make_event(title="Signed deal", companies=[toyota], status="confirmed", day=date(2025, 4, 1))

    html = client.get("/").content.decode()

    rumour = html[html.index('class="event status-rumored"'):html.index("Whispered approach")]
    confirmed = html[html.index('class="event status-confirmed"'):html.index("Signed deal")]
    assert "Rumour" in rumour and "Confirmed" in confirmed


@pytest.mark.django_db
def test_each_event_lists_its_participants_and_the_articles_that_report_it(client, toyota, nissan, make_event):
    event = make_event(title="Talks", companies=[toyota, nissan], day=date(2025, 5, 20))
    source = article(title="Toyota courts Nissan", body="Toyota approached Nissan about talks.")
    cite(event, source, "Toyota approached Nissan about talks.")

    html = client.get("/").content.decode()

    assert 'href="/companies/toyota/"' in html and 'href="/companies/nissan/"' in html
    assert f'href="/articles/{source.pk}/' in html and "Toyota courts Nissan" in html
    assert "Toyota approached Nissan about talks." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, shown",
    [
        ("company=honda", {"Honda restructures"}),
        ("kind=partnership", {"Toyota and Nissan ally"}),
        ("status=rumored", {"Honda restructures"}),
        ("date_from=2025-01-01", {"Honda restructures"}),
        ("date_to=2024-12-31", {"Toyota and Nissan ally"}),
        ("company=toyota&kind=restructuring", set()),
    ],
)
def test_filters_narrow_the_timeline_and_live_in_the_url(client, toyota, nissan, honda, make_event, query, shown):
    make_event(title="Toyota and Nissan ally", companies=[toyota, nissan], day=date(2024, 6, 1), status="confirmed")
    make_event(title="Honda restructures", companies=[honda], kind=Event.Kind.RESTRUCTURING,
               day=date(2025, 2, 1), status="rumored")

    html = client.get(f"/?{query}").content.decode()

    assert {t for t in ["Toyota and Nissan ally", "Honda restructures"] if t in html} == shown


@pytest.mark.django_db
def test_a_filter_matching_nothing_says_so(client, toyota, make_event):
    make_event(title="Toyota news", companies=[toyota], day=date(2024, 6, 1))

    html = client.get("/?kind=policy").content.decode()

    assert "No approved events match these filters" in html


@pytest.mark.django_db
def test_a_bad_filter_value_is_explained(client, toyota, make_event):
    make_event(title="Toyota news", companies=[toyota], day=date(2024, 6, 1))

    response = client.get("/?date_from=last-tuesday")

    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()


@pytest.mark.django_db
def test_pages_keep_the_filters_in_their_links(client, toyota, make_event):
    for i in range(55):
        make_event(title=f"Toyota item {i}", companies=[toyota], day=date(2024, 1, 1 + i % 28))

    html = client.get("/?company=toyota").content.decode()
    second = client.get("/?company=toyota&page=2").content.decode()

    assert "?company=toyota&amp;page=2" in html
    assert "Page 2 of 2" in second and second.count('class="event ') == 5


@pytest.mark.django_db
def test_the_timeline_costs_the_same_queries_whatever_the_page_holds(
    client, toyota, nissan, make_event, django_assert_max_num_queries
):
    def build(first, last):
        for i in range(first, last):
            event = make_event(title=f"E{i}", companies=[toyota, nissan], day=date(2024, 1, 1 + i % 28))
            cite(event, article(title=f"A{i}", body=f"Story number {i} about Toyota."), f"Story number {i}")

    build(0, 2)
    with django_assert_max_num_queries(8) as few:
        client.get("/")
    build(2, 50)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/")


@pytest.mark.django_db
def test_an_edit_to_an_event_or_its_sources_shows_at_once(client, toyota, nissan, make_event):
    event = make_event(title="Talks", companies=[toyota], day=date(2025, 5, 20))
    client.get("/")  # renders and caches the card
    source = article(title="New report", body="Toyota and Nissan held talks.")
    cite(event, source, "Toyota and Nissan held talks.")
    from companies.models import EventParticipant

    EventParticipant.objects.create(event=event, company=nissan, role="target")
    toyota.name = "Toyota Motor Corp. (renamed)"
    toyota.save()

    html = client.get("/").content.decode()

    assert "New report" in html and "Nissan Motor Co., Ltd." in html and "(target)" in html
    assert "Toyota Motor Corp. (renamed)" in html
