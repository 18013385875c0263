"""Ingestion jobs on a real Redis broker and real Celery workers, fetching
from a local HTTP server that stands in for news sites."""

from datetime import timedelta

import pytest

from articles import services, tasks
from articles.models import Article, IngestionJob, Source

from .conftest import wait_until

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def jobs_finished(**filters):
    jobs = IngestionJob.objects.filter(**filters)
    return jobs.exists() and not jobs.filter(status__in=["queued", "running"]).exists()


@pytest.fixture
def feed_source(fixture_server):
    return Source.objects.create(
        name="Motor Ledger",
        url=fixture_server.url("/feed.xml"),
        kind=Source.Kind.FEED,
        poll_interval=timedelta(minutes=15),
    )


def test_a_feeds_items_all_arrive_once(live_celery, fixture_server, feed_source):
    # What beat runs every minute: the new source is due.
    tasks.sources_poll_due.delay()

    wait_until(
        lambda: IngestionJob.objects.filter(source=feed_source).count() == 3, message="three item jobs"
    )
    wait_until(lambda: jobs_finished(source=feed_source), message="the item jobs to finish")
    titles = sorted(Article.objects.values_list("title", flat=True))
    assert titles == [
        "Honda and Nissan set a deadline for their holding company plan",
        "Nissan to close plants and cut thousands of jobs in turnaround plan",
        "Toyota raises its holding in a supplier as group ties tighten",
    ]
    assert set(IngestionJob.objects.values_list("outcome", flat=True)) == {"new"}
    # Tracking parameters from the feed's links are not part of the stored address.
    assert all("utm_" not in url for url in Article.objects.values_list("url", flat=True))
    assert all(
        fixture_server.hits[f"/pages/{slug}.html"] == 1
        for slug in ("honda-nissan-talks", "toyota-stake", "nissan-jobs")
    )


def test_a_second_poll_gets_304_and_adds_nothing(live_celery, fixture_server, feed_source):
    tasks.source_poll.delay(feed_source.pk)
    wait_until(
        lambda: Article.objects.count() == 3 and jobs_finished(source=feed_source), message="first poll"
    )
    jobs_before = IngestionJob.objects.count()
    first_poll_at = Source.objects.get(pk=feed_source.pk).last_fetched_at

    tasks.source_poll.delay(feed_source.pk)
    wait_until(
        lambda: Source.objects.get(pk=feed_source.pk).last_fetched_at != first_poll_at,
        message="the second poll to be recorded",
    )

    feed_source.refresh_from_db()
    second_request_headers = [h for path, h in fixture_server.requests if path == "/feed.xml"][1]
    assert second_request_headers.get("If-None-Match") == feed_source.etag
    assert Article.objects.count() == 3
    assert IngestionJob.objects.count() == jobs_before
    assert feed_source.error_count == 0


def test_a_flaky_page_is_retried_until_it_arrives(live_celery, fixture_server):
    url = fixture_server.serve("/pages/toyota-stake.html", fail_first=2, fail_status=503, retry_after="1")

    job, _ = services.job_create_url(url=url)

    wait_until(lambda: IngestionJob.objects.get(pk=job.pk).is_finished, message="the flaky job")
    job.refresh_from_db()
    assert job.status == "done" and job.outcome == "new"
    assert job.article.title == "Toyota raises its holding in a supplier as group ties tighten"
    assert job.attempts == 3
    assert fixture_server.hits["/pages/toyota-stake.html"] == 3


def test_a_page_that_keeps_failing_fails_its_job_with_the_reason(live_celery, fixture_server):
    url = fixture_server.serve("/pages/gone.html", status=404, body=b"Not here")

    job, _ = services.job_create_url(url=url)

    wait_until(lambda: IngestionJob.objects.get(pk=job.pk).is_finished, message="the job to fail")
    job.refresh_from_db()
    assert job.status == "failed"
    assert "404" in job.error
    assert fixture_server.hits["/pages/gone.html"] == 1  # a 404 is not retried


def test_running_a_job_twice_stores_its_article_once(live_celery, fixture_server):
    url = fixture_server.url("/pages/nissan-jobs.html")
    job, _ = services.job_create_url(url=url)
    wait_until(lambda: IngestionJob.objects.get(pk=job.pk).is_finished, message="the job")

    tasks.ingestion_job_run.delay(job.pk)
    tasks.ingestion_job_run.delay(job.pk)
    again, _ = services.job_create_url(url=url)
    wait_until(lambda: IngestionJob.objects.get(pk=again.pk).is_finished, message="the second job")

    assert Article.objects.count() == 1
    again.refresh_from_db()
    assert again.outcome == "duplicate" and again.article_id == IngestionJob.objects.get(pk=job.pk).article_id
    assert fixture_server.hits["/pages/nissan-jobs.html"] == 1  # known addresses are not fetched again


def test_a_killed_workers_job_is_finished_by_another(start_worker, live_celery, fixture_server):
    # Its own queue, so only the workers of this test see the job.
    first = start_worker("doomed", queues="kill-test")
    url = fixture_server.serve("/pages/mitsubishi-software.html", delay_first=30)
    job, _ = services.job_create_url(url=url, queue=False)

    tasks.ingestion_job_run.apply_async((job.pk,), queue="kill-test")
    wait_until(
        lambda: fixture_server.hits["/pages/mitsubishi-software.html"] == 1, message="the fetch to start"
    )
    assert IngestionJob.objects.get(pk=job.pk).status == "running"
    first.kill()

    start_worker("rescuer", queues="kill-test")
    wait_until(
        lambda: IngestionJob.objects.get(pk=job.pk).is_finished,
        timeout=60,
        message="another worker to finish the job",
    )

    job.refresh_from_db()
    assert job.status == "done" and job.outcome == "new"
    assert Article.objects.filter(title__startswith="Mitsubishi Motors joins").count() == 1
    assert job.attempts == 2
