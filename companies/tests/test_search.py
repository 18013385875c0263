"""Search across articles, companies and events (/search/): full-text with
ranking on PostgreSQL, word matching as the fallback elsewhere."""

from datetime import date

import pytest
from django.db import connection

from articles.models import Article
from articles.selectors import article_search_page, search_articles
from companies.models import ReviewState
from companies.selectors import search_events

from .builders import article


@pytest.fixture
def on_postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("full-text search runs on PostgreSQL (make test)")


@pytest.fixture
def stories(db):
    return {
        "talks": article(title="Honda and Nissan open merger talks",
                         body="The two automakers said they would study a merger by 2026."),
        "jobs": article(title="Nissan restructuring", body="Nissan will cut 20,000 jobs and close seven plants."),
        "body_only": article(title="Industry roundup", body="Elsewhere, merger talks between rivals stalled."),
    }


@pytest.mark.django_db
def test_it_finds_articles_companies_and_events(client, stories, honda, nissan, make_event):
    make_event(title="Merger talks begin", companies=[honda, nissan], day=date(2024, 12, 23))

    html = client.get("/search/?q=merger").content.decode()

    assert "Honda and Nissan open merger talks" in html and "Industry roundup" in html
    assert "Nissan restructuring" not in html
    assert "Merger talks begin" in html


@pytest.mark.django_db
def test_companies_are_found_by_any_of_their_names(client):
    html = client.get("/search/?q=Nissan Motor").content.decode()

    assert 'href="/companies/nissan/"' in html


@pytest.mark.django_db
def test_unapproved_events_are_not_found(client, toyota, make_event):
    make_event(title="Secret merger plan", companies=[toyota], review_state=ReviewState.PROPOSED)

    assert "Secret merger plan" not in client.get("/search/?q=merger").content.decode()


@pytest.mark.django_db
def test_an_empty_query_shows_how_to_search(client):
    html = client.get("/search/").content.decode()

    assert "Search articles, companies and events" in html


@pytest.mark.django_db
def test_nothing_found_says_so(client, stories):
    assert "Nothing matches" in client.get("/search/?q=zeppelin").content.decode()


@pytest.mark.django_db
def test_the_fallback_needs_every_word(stories):
    found = search_articles(Article.objects.all(), "Nissan plants", full_text=False)

    assert [a.title for a in found] == ["Nissan restructuring"]


@pytest.mark.django_db
def test_the_fallback_excerpt_marks_the_word(stories):
    [result] = article_search_page("plants", full_text=False)

    assert "\u2063\u2063plants\u2064\u2064" in result.headline


@pytest.mark.django_db
def test_full_text_search_finds_other_forms_of_a_word(on_postgresql, stories):
    assert {a.title for a in search_articles(Article.objects.all(), "closing plant", full_text=True)} == {
        "Nissan restructuring"
    }


@pytest.mark.django_db
def test_full_text_search_ranks_title_matches_first(on_postgresql, stories):
    ranked = [a.title for a in search_articles(Article.objects.all(), "merger talks", full_text=True)]

    assert ranked == ["Honda and Nissan open merger talks", "Industry roundup"]


@pytest.mark.django_db
def test_full_text_search_understands_phrases_and_exclusions(on_postgresql, stories):
    found = {a.title for a in search_articles(Article.objects.all(), '"merger talks" -Honda', full_text=True)}

    assert found == {"Industry roundup"}


@pytest.mark.django_db
def test_full_text_search_uses_the_index(on_postgresql, stories):
    query = search_articles(Article.objects.all(), "merger", full_text=True, ranked=False)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        # Unordered: with the date ordering, a tiny table may be walked by the date index instead.
        plan = query.order_by().explain()
        cursor.execute("RESET enable_seqscan")

    assert "article_search_idx" in plan


@pytest.mark.django_db
def test_full_text_search_of_events_ranks_them(on_postgresql, toyota, nissan, make_event):
    make_event(title="Toyota approaches Nissan", companies=[toyota, nissan], day=date(2025, 5, 20))
    make_event(title="Nissan restructures", companies=[nissan], day=date(2025, 5, 13))

    assert [e.title for e in search_events("approaching", full_text=True)] == ["Toyota approaches Nissan"]


@pytest.mark.django_db
def test_search_excerpts_mark_the_words_found(client, stories):
    html = client.get("/search/?q=plants").content.decode()

    assert "<mark>plants</mark>" in html
