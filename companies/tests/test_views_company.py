"""Company pages (/companies/<slug>/) and the company list."""

from datetime import date

import pytest

from companies.models import ReviewState

from .builders import article, cite, figure, mention, stake


@pytest.mark.django_db
def test_a_stake_shows_its_percent_its_start_and_its_sources(client, toyota):
    from companies.models import Company

    subaru = Company.objects.get(slug="subaru")
    holding = stake(toyota, subaru, "20", since=date(2019, 9, 27), status="confirmed")
    source = article(title="Toyota lifts Subaru stake", body="Toyota raised its stake in Subaru to 20%.")
    cite(holding, source, "Toyota raised its stake in Subaru to 20%.")

    html = client.get("/companies/toyota/").content.decode()

    assert "20% of" in html and "since 2019-09-27" in html
    assert "Toyota lifts Subaru stake" in html and f"/articles/{source.pk}/" in html


@pytest.mark.django_db
def test_an_ended_stake_says_until_when(client, toyota):
    from companies.models import Company

    subaru = Company.objects.get(slug="subaru")
    stake(toyota, subaru, "16.83", since=date(2008, 4, 10), until=date(2019, 9, 26))

    html = client.get("/companies/subaru/").content.decode()

    assert "holds 16.83% since 2008-04-10 until 2019-09-26" in html
    assert 'class="ended"' in html


@pytest.mark.django_db
def test_figures_over_time_are_drawn_as_a_small_chart(client, nissan):
    figure(nissan, "sales_units", 4_000_000, period="FY2023")
    figure(nissan, "sales_units", 3_300_000, period="FY2024")
    figure(nissan, "jobs_cut", 20_000, unit="jobs", period="FY2025")  # one point: table only
    figure(nissan, "revenue", 1, unit="JPY", period="FY2020", review_state=ReviewState.PROPOSED)

    html = client.get("/companies/nissan/").content.decode()

    assert html.count("<polyline") == 1
    assert "Sales (units) (vehicles)" in html and "FY2023: 4,000,000 vehicles" in html
    assert "Jobs cut" in html and "Revenue" not in html


@pytest.mark.django_db
def test_the_page_lists_its_events_and_recent_articles(client, nissan, honda, make_event):
    make_event(title="Merger talks end", companies=[nissan, honda], day=date(2025, 2, 13))
    make_event(title="Unapproved gossip", companies=[nissan], review_state=ReviewState.PROPOSED)
    story = article(title="Nissan cuts 20,000 jobs", body="Nissan will cut 20,000 jobs.")
    mention(story, nissan, 3)

    html = client.get("/companies/nissan/").content.decode()

    assert "Merger talks end" in html and "Unapproved gossip" not in html
    assert "Nissan cuts 20,000 jobs" in html


@pytest.mark.django_db
def test_the_page_links_to_its_feed_network_and_filtered_timeline(client, nissan):
    html = client.get("/companies/nissan/").content.decode()

    assert 'href="/companies/nissan/feed/"' in html
    assert 'href="/network/?company=nissan"' in html
    assert 'href="/?company=nissan"' in html


@pytest.mark.django_db
def test_an_unapproved_company_has_no_page(client):
    from companies.models import Company

    Company.objects.create(name="Shadow Motors", slug="shadow-motors", review_state=ReviewState.PROPOSED)

    assert client.get("/companies/shadow-motors/").status_code == 404


@pytest.mark.django_db
def test_a_company_page_costs_the_same_queries_however_much_it_shows(
    client, toyota, make_event, django_assert_max_num_queries
):
    from companies.models import Company

    others = list(Company.objects.approved().exclude(pk=toyota.pk)[:12])
    first = stake(toyota, others[0], "5")
    source = article(title="S0", body="Toyota holds 5% of it.")
    cite(first, source, "Toyota holds 5%")
    mention(source, toyota)
    make_event(title="One", companies=[toyota, others[0]], day=date(2024, 1, 1))
    figure(toyota, "sales_units", 1000, period="FY2010")
    with django_assert_max_num_queries(30) as few:
        client.get("/companies/toyota/")
    for i, other in enumerate(others[1:], start=1):
        holding = stake(toyota, other, str(i + 1))
        source = article(title=f"S{i}", body=f"Toyota holds {i + 1}% of {other.name}.")
        cite(holding, source, f"Toyota holds {i + 1}%")
        mention(source, toyota)
        make_event(title=f"Event {i}", companies=[toyota, other], day=date(2024, 2, i))
        figure(toyota, "sales_units", 1000 + i, period=f"FY20{10 + i}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/companies/toyota/")


@pytest.mark.django_db
def test_the_company_list_shows_approved_companies_only(client):
    from companies.models import Company

    Company.objects.create(name="Shadow Motors", slug="shadow-motors", review_state=ReviewState.PROPOSED)

    html = client.get("/companies/").content.decode()

    assert "Toyota Motor Corporation" in html and "Shadow Motors" not in html


def test_periods_are_ordered_by_their_year():
    from companies.selectors import _period_order

    periods = ["FY2024", "2015", "2024-Q1", "FY2023", "2023"]

    assert sorted(periods, key=_period_order) == ["2015", "2023", "FY2023", "2024-Q1", "FY2024"]
