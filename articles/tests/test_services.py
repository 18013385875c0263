"""Ingestion services in-process: storing once, near-duplicates, sources, jobs."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import IntegrityError
from django.utils import timezone

from articles import services
from articles.cleaning import CleanedArticle, clean_file, clean_text
from articles.models import Article, ArticleBand, IngestionJob, Source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingestion"
pytestmark = pytest.mark.django_db


def nissan_text():
    return (FIXTURES / "texts" / "nissan-jobs.txt").read_text()


def edited_copy(text: str) -> str:
    """The same wire story as another outlet runs it: a new intro word, a changed phrase, one more line."""
    return (
        text.replace("announced a restructuring plan", "on Monday unveiled a restructuring plan").replace(
            "Unions in Japan and the United Kingdom", "Labour unions in Japan and Britain"
        )
        + "\nThe company will give more details with its quarterly results next month.\n"
    )


# -- storing once -------------------------------------------------------------


def test_the_same_text_twice_is_one_article():
    first = services.article_ingest_text(text=nissan_text())
    again = services.article_ingest_text(text="  " + nissan_text().upper() + "\n\n")

    assert first.outcome == "new"
    assert again.outcome == "duplicate" and again.article == first.article
    assert Article.objects.count() == 1


def test_the_same_address_with_tracking_parameters_or_a_fragment_is_one_article():
    body = clean_text(nissan_text()).body
    first = services.article_ingest(
        cleaned=CleanedArticle(
            title="Nissan cuts",
            body=body,
            published=None,
            canonical_url="https://news.example.com/autos/nissan-cuts",
        )
    )
    again = services.article_ingest(
        cleaned=CleanedArticle(
            title="Nissan cuts (updated)",
            body=body + "\nUpdated with comment.",
            published=None,
            canonical_url="https://NEWS.example.com:443/autos/nissan-cuts?utm_source=x&fbclid=1#c",
        )
    )

    assert again.outcome == "duplicate" and again.article == first.article
    assert first.article.canonical_url == "https://news.example.com/autos/nissan-cuts"


def test_a_near_duplicate_is_stored_once_and_linked_to_the_first_copy():
    first = services.article_ingest_text(text=nissan_text())
    copy = services.article_ingest_text(text=edited_copy(nissan_text()))

    assert copy.outcome == "near_duplicate"
    assert copy.article.duplicate_of == first.article
    assert copy.article.status == Article.Status.DUPLICATE
    assert first.article.status == Article.Status.STORED


def test_a_copy_of_a_copy_links_to_the_first_copy():
    first = services.article_ingest_text(text=nissan_text())
    services.article_ingest_text(text=edited_copy(nissan_text()))
    third = services.article_ingest_text(
        text=edited_copy(nissan_text()).replace("Shares in Nissan rose", "Nissan shares rose")
    )

    assert third.outcome == "near_duplicate"
    assert third.article.duplicate_of == first.article


def test_another_story_about_the_same_company_is_not_a_near_duplicate():
    services.article_ingest_text(text=nissan_text())
    other = services.article_ingest_text(text=(FIXTURES / "texts" / "honda-nissan-talks.txt").read_text())

    assert other.outcome == "new" and other.article.duplicate_of is None


def test_a_short_brief_is_only_checked_for_exact_duplicates():
    brief = services.article_ingest_text(text="Nissan cuts jobs\n\nNissan said it would cut jobs.")
    other = services.article_ingest_text(text="Nissan cuts jobs\n\nNissan said it would cut more jobs.")

    assert brief.outcome == other.outcome == "new"
    assert not ArticleBand.objects.exists()


def test_an_article_cannot_be_its_own_near_duplicate():
    article = services.article_ingest_text(text=nissan_text()).article
    article.duplicate_of = article
    with pytest.raises(IntegrityError):
        article.save()


def test_pasted_text_keeps_the_given_title_and_date():
    result = services.article_ingest_text(
        text=nissan_text(), title="Our headline", published=date(2026, 3, 9)
    )

    assert result.article.title == "Our headline"
    assert result.article.published_on == date(2026, 3, 9)


def test_a_file_is_stored_with_its_own_title_and_dateline():
    result = services.article_ingest_file(path=FIXTURES / "texts" / "toyota-stake.txt")

    assert result.article.title == "Toyota raises its holding in a supplier as group ties tighten"
    assert result.article.published_on == date(2026, 2, 3)
    assert result.article.origin == "toyota-stake.txt"
    assert clean_file(FIXTURES / "texts" / "toyota-stake.txt").body == result.article.body


# -- sources ------------------------------------------------------------------


@pytest.fixture
def feed_source(fixture_server):
    return Source.objects.create(
        name="Motor Ledger", url=fixture_server.url("/feed.xml"), poll_interval=timedelta(minutes=15)
    )


def test_polling_a_feed_stores_each_item_once(
    allow_private_hosts, fixture_server, feed_source, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = services.source_poll(source=feed_source)

    assert result.fan_out.items == 3 and len(result.fan_out.queued) == 3
    assert Article.objects.filter(source=feed_source).count() == 3
    assert set(IngestionJob.objects.values_list("status", "outcome")) == {("done", "new")}
    feed_source.refresh_from_db()
    assert feed_source.etag and feed_source.last_fetched_at and feed_source.error_count == 0
    assert feed_source.next_poll_at == feed_source.last_fetched_at + timedelta(minutes=15)

    with django_capture_on_commit_callbacks(execute=True):
        again = services.source_poll(source=feed_source)
    assert again.not_modified
    assert IngestionJob.objects.count() == 3 and Article.objects.count() == 3


def test_a_changed_feed_queues_only_its_new_items(
    allow_private_hosts, fixture_server, feed_source, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.source_poll(source=feed_source)
    fixture_server.serve("/feed.xml", file="feed.xml", etag=False)  # a server without validators

    with django_capture_on_commit_callbacks(execute=True):
        again = services.source_poll(source=feed_source)

    assert again.fan_out.already_stored == 3 and again.fan_out.queued == []
    assert Article.objects.count() == 3


def test_a_failing_source_backs_off_longer_each_time_and_shows_why(
    allow_private_hosts, settings, fixture_server, feed_source
):
    settings.FETCH_BACKOFF_MAX = 3600
    fixture_server.serve("/feed.xml", status=500, body=b"oops")

    waits = []
    for _ in range(4):
        before = timezone.now()
        services.source_poll(source=feed_source)
        feed_source.refresh_from_db()
        waits.append(round((feed_source.next_poll_at - before).total_seconds() / 60))

    assert waits == [30, 60, 60, 60]  # 15 min doubled, then capped at an hour
    assert feed_source.error_count == 4
    assert "500" in feed_source.last_error
    assert feed_source.is_active  # never switched off by itself


def test_a_source_asked_to_wait_honours_retry_after(allow_private_hosts, fixture_server, feed_source):
    fixture_server.serve("/feed.xml", fail_first=1, fail_status=503, retry_after="7200")

    services.source_poll(source=feed_source)

    feed_source.refresh_from_db()
    assert feed_source.next_poll_at >= timezone.now() + timedelta(seconds=7150)
    assert "wait 7200" in feed_source.last_error


def test_a_working_poll_clears_the_last_error(
    allow_private_hosts, fixture_server, feed_source, django_capture_on_commit_callbacks
):
    fixture_server.serve("/feed.xml", fail_first=1, fail_status=502)
    services.source_poll(source=feed_source)

    with django_capture_on_commit_callbacks(execute=True):
        services.source_poll(source=feed_source)

    feed_source.refresh_from_db()
    assert feed_source.error_count == 0 and feed_source.last_error == ""


def test_a_malformed_feed_is_reported_on_its_source(allow_private_hosts, fixture_server, feed_source):
    fixture_server.serve("/feed.xml", file="broken-feed.xml")

    services.source_poll(source=feed_source)

    feed_source.refresh_from_db()
    assert "not a readable RSS or Atom feed" in feed_source.last_error
    assert not IngestionJob.objects.exists()


def test_a_private_address_is_refused_unless_the_setting_allows_it(settings, fixture_server, feed_source):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False

    services.source_poll(source=feed_source)

    feed_source.refresh_from_db()
    assert "non-public address" in feed_source.last_error
    assert fixture_server.hits["/feed.xml"] == 0


def test_only_due_sources_are_claimed_and_only_once(fixture_server):
    now = timezone.now()
    due = Source.objects.create(
        name="Due", url="https://a.example/feed", next_poll_at=now - timedelta(minutes=1)
    )
    new = Source.objects.create(name="Never polled", url="https://b.example/feed")
    Source.objects.create(name="Later", url="https://c.example/feed", next_poll_at=now + timedelta(minutes=5))
    Source.objects.create(name="Paused", url="https://d.example/feed", is_active=False)

    assert sorted(services.sources_claim_due(now=now)) == sorted([due.pk, new.pk])
    assert services.sources_claim_due(now=now) == []


# -- jobs -----------------------------------------------------------------------


def test_a_job_is_claimed_by_one_worker_only():
    job = services.job_create_text(text=nissan_text(), queue=False)

    first = services.job_claim(job_id=job.pk)
    second = services.job_claim(job_id=job.pk)

    assert first.claimed and not second.claimed
    assert second.wait > 0  # held: the second worker looks again when the lease ends


def test_a_job_whose_worker_died_is_taken_over_when_its_lease_ends():
    job = services.job_create_text(text=nissan_text(), queue=False)
    services.job_claim(job_id=job.pk)
    IngestionJob.objects.filter(pk=job.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))

    taken = services.job_claim(job_id=job.pk)

    assert taken.claimed and taken.job.attempts == 2


def test_a_finished_job_is_not_claimed_again():
    job = services.job_create_text(text=nissan_text(), queue=False)
    services.job_run(job=services.job_claim(job_id=job.pk).job)

    again = services.job_claim(job_id=job.pk)

    assert not again.claimed and again.wait == 0 and again.job.status == "done"


def test_a_job_for_a_deleted_row_is_not_claimed():
    assert services.job_claim(job_id=987654).job is None


def test_a_job_whose_article_was_stored_before_its_worker_died_finishes_without_storing_again():
    job = services.job_create_text(text=nissan_text(), queue=False)
    services.job_run(job=services.job_claim(job_id=job.pk).job)
    # The worker died after storing, before acknowledging: the job is redelivered.
    IngestionJob.objects.filter(pk=job.pk).update(
        status="running", lease_expires_at=timezone.now() - timedelta(1)
    )

    rerun = services.job_claim(job_id=job.pk)
    services.job_run(job=rerun.job)

    job.refresh_from_db()
    assert job.status == "done" and job.outcome == "new"
    assert Article.objects.count() == 1


def test_pasted_text_job_stores_the_article_with_the_given_title_and_date(staff_user):
    job = services.job_create_text(
        text=nissan_text(),
        title="Nissan's plan",
        published_on=date(2026, 3, 11),
        requested_by=staff_user,
        queue=False,
    )

    services.job_run(job=services.job_claim(job_id=job.pk).job)

    job.refresh_from_db()
    assert job.status == "done" and job.outcome == "new"
    assert (job.article.title, job.article.published_on) == ("Nissan's plan", date(2026, 3, 11))
    assert bytes(job.payload) == b""  # the text lives in the article now, not twice


def test_a_binary_file_fails_its_job_with_a_reason_and_stores_nothing():
    job = services.job_create_file(name="scan.txt", data=b"%PDF-1.7\n\x00\x01\x02binary", queue=False)

    services.job_run(job=services.job_claim(job_id=job.pk).job)

    job.refresh_from_db()
    assert job.status == "failed" and "PDF" in job.error
    assert not Article.objects.exists()


def test_the_same_url_submitted_while_pending_answers_with_the_pending_job():
    first, created = services.job_create_url(url="https://news.example.com/story?utm_campaign=x", queue=False)
    again, created_again = services.job_create_url(url="https://news.example.com/story#comments", queue=False)

    assert created and not created_again and again == first
    assert first.url == "https://news.example.com/story"


def test_a_url_already_stored_is_answered_without_fetching(allow_private_hosts, fixture_server):
    url = fixture_server.url("/pages/toyota-stake.html")
    first, _ = services.job_create_url(url=url, queue=False)
    services.job_run(job=services.job_claim(job_id=first.pk).job)
    second, _ = services.job_create_url(url=url + "?utm_source=newsletter", queue=False)

    services.job_run(job=services.job_claim(job_id=second.pk).job)

    second.refresh_from_db()
    assert (
        second.outcome == "duplicate"
        and second.article_id == IngestionJob.objects.get(pk=first.pk).article_id
    )
    assert fixture_server.hits["/pages/toyota-stake.html"] == 1


def test_a_url_job_refuses_a_private_address_unless_allowed(settings, fixture_server):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    job, _ = services.job_create_url(url=fixture_server.url("/pages/toyota-stake.html"), queue=False)

    services.job_run(job=services.job_claim(job_id=job.pk).job)

    job.refresh_from_db()
    assert job.status == "failed" and "non-public address" in job.error
    assert fixture_server.hits["/pages/toyota-stake.html"] == 0


def test_a_feed_url_becomes_a_feed_job_whose_items_arrive_and_wire_copies_are_linked(
    allow_private_hosts, fixture_server, django_capture_on_commit_callbacks
):
    services.article_ingest_file(path=FIXTURES / "pages" / "nissan-jobs.html")
    job, _ = services.job_create_url(url=fixture_server.url("/atom.xml"), queue=False)

    with django_capture_on_commit_callbacks(execute=True):
        services.job_run(job=services.job_claim(job_id=job.pk).job)

    job.refresh_from_db()
    assert job.kind == "feed" and job.outcome == "feed" and job.items_found == 2
    outcomes = dict(job.children.values_list("url", "outcome"))
    assert outcomes == {
        fixture_server.url("/pages/mitsubishi-software.html"): "new",
        fixture_server.url("/pages/nissan-jobs-wire-copy.html"): "near_duplicate",
    }
    wire_copy = Article.objects.get(url=fixture_server.url("/pages/nissan-jobs-wire-copy.html"))
    assert (
        wire_copy.duplicate_of.title == "Nissan to close plants and cut thousands of jobs in turnaround plan"
    )


def test_stalled_jobs_are_queued_again(django_capture_on_commit_callbacks):
    job = services.job_create_text(text=nissan_text(), queue=False)
    IngestionJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        requeued = services.jobs_requeue_stalled()

    assert requeued == [job.pk]
    job.refresh_from_db()
    assert job.status == "done"  # the task ran (in-process: no broker in this test)


def test_a_running_job_whose_worker_vanished_long_ago_is_queued_again(django_capture_on_commit_callbacks):
    job = services.job_create_text(text=nissan_text(), queue=False)
    services.job_claim(job_id=job.pk)
    IngestionJob.objects.filter(pk=job.pk).update(lease_expires_at=timezone.now() - timedelta(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        requeued = services.jobs_requeue_stalled()

    assert requeued == [job.pk]
    job.refresh_from_db()
    assert job.status == "done" and job.attempts == 2
