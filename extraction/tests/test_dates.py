import datetime as dt

from extraction.dates import best_point, find, period_of

PUBLISHED = dt.date(2025, 5, 20)  # a Tuesday


def values(text, published=PUBLISHED):
    return [d.value for d in find(text, published)]


def test_it_resolves_weekdays_to_the_past_week():
    assert values("The Nikkei reported on Sunday that") == ["2025-05-18"]
    assert values("Honda on Tuesday denied it, saying it has no plans to resume talks") == ["2025-05-20"]


def test_it_resolves_months_without_a_year_against_the_publication_date():
    assert values("the deal signed in March") == ["2025-03"]
    assert values("talks that began last August") == ["2024-08"]
    assert values("the plant will close in September") == ["2025-09"]


def test_it_reads_absolute_dates_at_their_precision():
    assert values("collapsed in February 2025") == ["2025-02"]
    assert values("on May 20, 2025, and on 3 June 2024") == ["2025-05-20", "2024-06-03"]
    assert values("sold in 2023") == ["2023"]


def test_relative_years_and_months():
    assert values("last year") == ["2024"]
    assert values("last month") == ["2025-04"]


def test_relative_dates_are_unknown_without_a_publication_date():
    assert values("on Sunday, in March", published=None) == [None, None]
    assert values("in February 2025", published=None) == ["2025-02"]


def test_fiscal_years_are_periods_not_points():
    exprs = find("a deficit for the fiscal year ending March 2025, after fiscal 2023", PUBLISHED)
    assert [d.period for d in exprs] == ["FY2024", "FY2023"]
    assert best_point(exprs) is None
    assert period_of(find("in the first half of 2024", PUBLISHED)) == "2024-H1"


def test_bounds_are_not_when_something_happened():
    assert best_point(find("targets to hit by 2030, unchanged since 2015", PUBLISHED)) is None


def test_it_reads_a_month_or_weekday_that_opens_the_sentence():
    assert values("In March Nissan sold part of its holding.") == ["2025-03"]
    assert values("Last August the two companies signed a memorandum.") == ["2024-08"]
    assert values("Last Friday the board approved the plan.") == ["2025-05-16"]
