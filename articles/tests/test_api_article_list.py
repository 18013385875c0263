"""/api/v1/articles/ as readers use it: search, filter by company and date."""

from datetime import date

import pytest
from django.db import connection
from rest_framework.test import APIClient

from companies.tests.builders import article, mention


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def stories(toyota, nissan, honda):
    talks = article(title="Honda and Nissan open merger talks", body="A merger by 2026 is studied.",
                    published_on=date(2024, 12, 23))
    jobs = article(title="Nissan restructuring", body="Nissan will cut 20,000 jobs.", published_on=date(2025, 5, 13))
    toyota_story = article(title="Toyota approaches Nissan", body="Toyota reached out about a merger.",
                           published_on=date(2025, 5, 20))
    mention(talks, honda), mention(talks, nissan, 2), mention(jobs, nissan, 3), mention(toyota_story, toyota)
    return {"talks": talks, "jobs": jobs, "toyota": toyota_story}


def titles(response):
    assert response.status_code == 200, response.content
    return [a["title"] for a in response.json()["results"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("company=nissan", {"Honda and Nissan open merger talks", "Nissan restructuring"}),
        ("company=honda", {"Honda and Nissan open merger talks"}),
        ("published_after=2025-01-01", {"Nissan restructuring", "Toyota approaches Nissan"}),
        ("published_before=2025-05-13", {"Honda and Nissan open merger talks", "Nissan restructuring"}),
        ("q=merger", {"Honda and Nissan open merger talks", "Toyota approaches Nissan"}),
        ("q=merger&company=toyota", {"Toyota approaches Nissan"}),
    ],
)
def test_articles_filter_by_words_company_and_date(api, stories, query, expected):
    assert set(titles(api.get(f"/api/v1/articles/?{query}"))) == expected


@pytest.mark.django_db
def test_an_article_lists_the_companies_it_names(api, stories):
    [item] = api.get("/api/v1/articles/?company=honda").json()["results"]

    assert item["companies"] == [
        {"slug": "nissan", "name": "Nissan Motor Co., Ltd.", "count": 2},
        {"slug": "honda", "name": "Honda Motor Co., Ltd.", "count": 1},
    ]
    assert item["page_url"] == f"http://testserver/articles/{stories['talks'].pk}/"


@pytest.mark.django_db
def test_search_results_come_best_first_and_page_by_cursor(api, stories):
    if connection.vendor != "postgresql":
        pytest.skip("ranking is PostgreSQL's")
    first = api.get("/api/v1/articles/?q=merger&page_size=1").json()
    second = api.get(first["next"]).json()

    assert [a["title"] for a in first["results"]] == ["Honda and Nissan open merger talks"]
    assert [a["title"] for a in second["results"]] == ["Toyota approaches Nissan"]
    assert second["next"] is None


@pytest.mark.django_db
def test_the_article_list_costs_the_same_queries_whatever_the_page_size(api, stories, django_assert_max_num_queries):
    with django_assert_max_num_queries(2) as small:
        api.get("/api/v1/articles/?page_size=1")
    with django_assert_max_num_queries(len(small.captured_queries)):
        api.get("/api/v1/articles/?page_size=3")


@pytest.mark.django_db
def test_a_near_duplicate_is_listed_once_but_can_still_be_fetched(api, stories):
    copy = article(title="Honda and Nissan open merger talks (wire copy)", body="A merger by 2026 is studied!")
    copy.duplicate_of = stories["talks"]
    copy.save()

    listed = titles(api.get("/api/v1/articles/"))

    assert "Honda and Nissan open merger talks (wire copy)" not in listed
    assert api.get(f"/api/v1/articles/{copy.pk}/").status_code == 200
