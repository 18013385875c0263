"""The admin's view of ingestion: sources' health and next try, jobs, "Poll now"."""

from datetime import timedelta

import pytest
from django.utils import formats, timezone

from articles import services
from articles.models import Article, IngestionJob, Source

pytestmark = pytest.mark.django_db


def test_a_failing_source_shows_its_last_error_and_next_try(admin_client, settings):
    source = Source.objects.create(name="Gearbox", url="https://gearbox.example/feed")
    services.source_record_error(
        source=source, error="https://gearbox.example/feed answered 503 Service Unavailable."
    )

    listing = admin_client.get("/admin/articles/source/").content.decode()
    page = admin_client.get(f"/admin/articles/source/{source.pk}/change/").content.decode()

    assert "1 error(s) in a row: https://gearbox.example/feed answered 503" in listing
    assert "answered 503 Service Unavailable" in page
    source.refresh_from_db()
    # As the admin renders it ("Nov. 21, 2026, noon" at 12:00, so not strftime).
    assert formats.localize(timezone.template_localtime(source.next_poll_at)) in page


def test_poll_now_polls_the_selected_sources(
    admin_client, allow_private_hosts, fixture_server, django_capture_on_commit_callbacks
):
    source = Source.objects.create(
        name="Motor Ledger",
        url=fixture_server.url("/feed.xml"),
        next_poll_at=timezone.now() + timedelta(hours=6),
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/articles/source/", {"action": "poll_now", "_selected_action": [source.pk]}, follow=True
        )

    assert "Polling 1 source(s) now." in response.content.decode()
    assert fixture_server.hits["/feed.xml"] == 1
    assert Article.objects.filter(source=source).count() == 3


def test_jobs_are_listed_with_their_outcome(admin_client):
    job = services.job_create_text(text="Nissan cuts jobs\n\nNissan said it would cut jobs.", queue=False)
    services.job_run(job=services.job_claim(job_id=job.pk).job)
    failed = services.job_create_file(name="empty.txt", data=b"", queue=False)
    services.job_run(job=services.job_claim(job_id=failed.pk).job)

    listing = admin_client.get("/admin/articles/ingestionjob/").content.decode()
    detail = admin_client.get(f"/admin/articles/ingestionjob/{failed.pk}/change/").content.decode()

    assert "New article" in listing and "empty.txt" in listing
    assert "The file is empty" in detail
    assert IngestionJob.objects.filter(status="failed").count() == 1


def test_failed_url_jobs_can_be_run_again(admin_client, settings, fixture_server,
                                          django_capture_on_commit_callbacks):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    job, _ = services.job_create_url(url=fixture_server.url("/pages/toyota-stake.html"), queue=False)
    services.job_run(job=services.job_claim(job_id=job.pk).job)
    settings.FETCH_ALLOW_PRIVATE_HOSTS = True
    settings.FETCH_HOST_MIN_DELAY = 0
    settings.CELERY_BROKER_URL = ""

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/articles/ingestionjob/", {"action": "run_again", "_selected_action": [job.pk]}, follow=True
        )

    assert "Queued 1 URL(s) again." in response.content.decode()
    assert IngestionJob.objects.filter(url=job.url, status="done", outcome="new").count() == 1
    assert Article.objects.filter(title__startswith="Toyota raises").exists()
