"""Readers in a real browser (Debian's chromium): the timeline, a filter, a
company page and the network, on a desktop and a phone. Screenshots are kept
in test-artifacts/ for people to look at."""

from datetime import date

import pytest

from companies.models import Company, Event

from .builders import article, cite, figure, mention, stake

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def story():
    toyota, nissan, honda, subaru, mitsubishi, renault = (
        Company.objects.get(slug=slug)
        for slug in ["toyota", "nissan", "honda", "subaru", "mitsubishi-motors", "renault"]
    )
    from companies.models import DatePrecision, EventParticipant, ReviewState

    def event(title, companies, kind, day, status):
        made = Event.objects.create(title=title, kind=kind, date=day, date_precision=DatePrecision.DAY,
                                    status=status, review_state=ReviewState.APPROVED)
        for company in companies:
            EventParticipant.objects.create(event=made, company=company)
        return made

    source = article(
        title="Toyota execs approach Nissan after failed Honda merger",
        body="Rumors have surfaced that a Toyota executive reached out to Nissan. "
        "Toyota holds a 20% holding in Subaru. Nissan will cut 20,000 jobs.",
        published_on=date(2025, 5, 20),
    )
    for company in (toyota, nissan, subaru, honda):
        mention(source, company)
    approach = event("Toyota approaches Nissan about alliance talks", [toyota, nissan], Event.Kind.APPROACH,
                     date(2025, 5, 20), "rumored")
    cite(approach, source, "Rumors have surfaced that a Toyota executive reached out to Nissan.")
    event("Nissan announces Re:Nissan restructuring", [nissan], Event.Kind.RESTRUCTURING, date(2025, 5, 13),
          "confirmed")
    event("Honda and Nissan call off merger talks", [honda, nissan], Event.Kind.MERGER_TALKS_ENDED,
          date(2025, 2, 13), "confirmed")
    event("Honda and Nissan open merger talks", [honda, nissan], Event.Kind.MERGER_TALKS, date(2024, 12, 23),
          "confirmed")
    event("Honda, Nissan and Mitsubishi Motors partner on software", [honda, nissan, mitsubishi],
          Event.Kind.PARTNERSHIP, date(2024, 8, 1), "confirmed")
    event("Toyota said to weigh bigger Nissan role", [toyota, nissan], Event.Kind.APPROACH, date(2024, 3, 2),
          "rumored")
    holding = stake(toyota, subaru, "20", since=date(2019, 9, 27), status="confirmed")
    cite(holding, source, "Toyota holds a 20% holding in Subaru.")
    stake(toyota, subaru, "16.83", since=date(2008, 4, 10), until=date(2019, 9, 26))
    stake(renault, nissan, "35.7", since=date(2023, 11, 8))
    stake(nissan, renault, "15", since=date(2002, 3, 1))
    stake(nissan, mitsubishi, "34", since=date(2016, 10, 20))
    stake(toyota, Company.objects.get(slug="mazda"), "5.1")
    stake(toyota, Company.objects.get(slug="suzuki"), "4.9")
    stake(toyota, Company.objects.get(slug="isuzu"), "5.9")
    for period, value in [("FY2022", 3_300_000), ("FY2023", 3_400_000), ("FY2024", 3_350_000)]:
        figure(nissan, "sales_units", value, period=period)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reader_filters_the_timeline_and_follows_a_company(browser_page, live_server, story, artifacts_dir):
    page = browser_page
    page.goto(live_server.url + "/")
    assert page.locator("article.event").count() == 6
    assert page.locator("article.event.status-rumored .badge").first.inner_text() == "Rumour"
    page.screenshot(path=artifacts_dir / "reader-timeline.png", full_page=True)

    page.select_option("select[name=company]", "honda")
    page.select_option("select[name=status]", "confirmed")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?company=honda*")
    assert "status=confirmed" in page.url
    titles = page.locator("article.event h3").all_inner_texts()
    assert titles == [
        "Honda and Nissan call off merger talks",
        "Honda and Nissan open merger talks",
        "Honda, Nissan and Mitsubishi Motors partner on software",
    ]
    page.screenshot(path=artifacts_dir / "reader-timeline-filtered.png", full_page=True)

    page.click("article.event >> nth=0 >> a.chip:has-text('Nissan')")
    page.wait_for_url("**/companies/nissan/")
    assert page.locator("h1").inner_text() == "Nissan Motor Co., Ltd."
    assert page.locator("figure.chart svg polyline").count() == 1
    assert "Renault Group holds 35.7%" in page.locator("section").first.inner_text()
    page.screenshot(path=artifacts_dir / "reader-company.png", full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reader_sees_the_network_change_with_the_date(browser_page, live_server, story, artifacts_dir):
    page = browser_page
    page.goto(live_server.url + "/network/?as_of=2019-01-01")
    labels = page.locator("svg.network .edge text").all_text_contents()
    assert "16.83%" in labels and "20%" not in labels
    page.screenshot(path=artifacts_dir / "reader-network-2019.png", full_page=True)

    page.fill("input[name=as_of]", "2025-06-01")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**as_of=2025-06-01*")
    labels = page.locator("svg.network .edge text").all_text_contents()
    assert "20%" in labels and "16.83%" not in labels
    assert page.locator("svg.network .arcs path").count() >= 1  # the software alliance
    page.screenshot(path=artifacts_dir / "reader-network-2025.png", full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reader_pages_fit_a_phone(browser_page, live_server, story, artifacts_dir):
    page = browser_page
    page.set_viewport_size(PHONE)
    for name, path in [("timeline", "/"), ("company", "/companies/nissan/"), ("network", "/network/"),
                       ("article", f"/articles/{story_article_id()}/")]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
        page.screenshot(path=artifacts_dir / f"reader-phone-{name}.png", full_page=True)


def story_article_id():
    from articles.models import Article

    return Article.objects.order_by("pk").values_list("pk", flat=True).first()
