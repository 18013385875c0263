"""Saving extraction's findings as proposals (extraction.services.article_extract)."""

from pathlib import Path

import pytest
from django.conf import settings

from articles.services import article_ingest_file, article_ingest_text
from companies.models import Event, Evidence, Figure, ReviewState, Stake
from companies.services import event_approve, event_reject
from extraction.services import article_extract

SEEDS = Path(settings.BASE_DIR) / "seeds"
TOYOTA_SEED = SEEDS / "000_6e5db4c890828707.txt"


def _fact_counts():
    return Stake.objects.count(), Event.objects.count(), Figure.objects.count(), Evidence.objects.count()


@pytest.mark.django_db
def test_a_stored_article_becomes_proposals_with_evidence():
    article = article_ingest_file(path=TOYOTA_SEED).article  # extraction runs in-process on commit
    article_extract(article_id=article.pk)

    stake = Stake.objects.get(owner__slug="toyota", target__slug="subaru")
    assert stake.review_state == ReviewState.PROPOSED
    assert float(stake.percent) == 20.0
    evidence = stake.evidence.get()
    assert evidence.article == article
    assert article.body[evidence.start:evidence.end] == evidence.quote
    assert Event.objects.filter(kind="restructuring", participants__company__slug="nissan").exists()
    article.refresh_from_db()
    assert article.status == "extracted"
    assert article.mentions.filter(company__slug="isuzu").exists()


@pytest.mark.django_db
def test_extracting_again_creates_nothing_twice():
    article = article_ingest_file(path=TOYOTA_SEED).article
    article_extract(article_id=article.pk)
    before = _fact_counts()

    article_extract(article_id=article.pk)

    assert _fact_counts() == before


@pytest.mark.django_db
def test_a_rerun_keeps_an_editors_decisions(staff_user):
    article = article_ingest_file(path=TOYOTA_SEED).article
    article_extract(article_id=article.pk)
    approved = Event.objects.get(kind="restructuring")
    rejected = Event.objects.get(kind="approach")
    approved.title = "Nissan cuts 20,000 jobs and seven plants"
    approved.save()
    event_approve(event=approved, actor=staff_user)
    event_reject(event=rejected, actor=staff_user)

    article_extract(article_id=article.pk)

    approved.refresh_from_db()
    rejected.refresh_from_db()
    assert approved.review_state == ReviewState.APPROVED
    assert approved.title == "Nissan cuts 20,000 jobs and seven plants"
    assert rejected.review_state == ReviewState.REJECTED
    assert Event.objects.filter(kind="approach").count() == 1


@pytest.mark.django_db
def test_two_articles_about_one_happening_make_one_event_with_two_sources():
    first = article_ingest_text(
        text="Volkswagen and Stellantis said on Monday they had started talks about a merger of their "
        "European operations, in a statement released in Wolfsburg.",
        title="VW and Stellantis in merger talks",
    ).article
    second = article_ingest_text(
        text="Shares of Stellantis rose after the carmaker confirmed it is in merger talks with Volkswagen. "
        "Analysts said any deal would take years.",
        title="Stellantis confirms talks with VW",
    ).article
    article_extract(article_id=first.pk)
    article_extract(article_id=second.pk)

    talks = Event.objects.filter(kind="merger_talks")
    assert talks.count() == 1
    assert set(talks.get().evidence.values_list("article_id", flat=True)) == {first.pk, second.pk}


@pytest.mark.django_db
def test_it_returns_quietly_when_the_article_is_gone():
    assert article_extract(article_id=987654) is None
