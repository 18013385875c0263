"""/api/v1/ingestions/: submit a URL or text (202 and a job), then poll the job."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from articles.models import Article, IngestionJob

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingestion"
pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(username="kaori", password="pw-for-tests")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def api(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


def test_submitted_text_is_accepted_with_a_job_to_poll(api, django_capture_on_commit_callbacks):
    text = (FIXTURES / "texts" / "nissan-jobs.txt").read_text()

    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/api/v1/ingestions/",
            {"text": text, "title": "Nissan's cuts", "published_on": "2026-03-10"},
            format="json",
        )

    assert response.status_code == 202, response.content
    body = response.json()
    assert body["kind"] == "text" and response["Location"] == body["url"]
    polled = api.get(body["url"]).json()
    assert polled["status"] == "done" and polled["outcome"] == "new"
    assert polled["article"]["title"] == "Nissan's cuts"
    assert Article.objects.get().published_on.isoformat() == "2026-03-10"


def test_a_submitted_url_is_fetched_by_the_job(
    api, allow_private_hosts, fixture_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/api/v1/ingestions/", {"url": fixture_server.url("/pages/toyota-stake.html")}, format="json"
        )

    assert response.status_code == 202
    job = api.get(response.json()["url"]).json()
    assert job["status"] == "done"
    assert job["article"]["title"] == "Toyota raises its holding in a supplier as group ties tighten"


def test_a_submitted_feed_reports_how_its_items_went(
    api, allow_private_hosts, fixture_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/ingestions/", {"url": fixture_server.url("/feed.xml")}, format="json")

    job = api.get(response.json()["url"]).json()
    assert job["kind"] == "feed"
    assert job["items"] == {
        "found": 3,
        "new": 3,
        "duplicate": 0,
        "near_duplicate": 0,
        "failed": 0,
        "pending": 0,
    }


def test_the_same_url_while_pending_answers_with_the_same_job(api):
    # No on-commit execution here: the first job stays queued.
    first = api.post("/api/v1/ingestions/", {"url": "https://news.example.com/a?utm_source=x"}, format="json")
    second = api.post("/api/v1/ingestions/", {"url": "https://news.example.com/a"}, format="json")

    assert first.status_code == second.status_code == 202
    assert first.json()["id"] == second.json()["id"]
    assert IngestionJob.objects.count() == 1


@pytest.mark.parametrize(
    "payload, message",
    [
        ({}, "either 'url'"),
        ({"url": "https://example.com/a", "text": "Some text"}, "not both"),
        ({"url": "ftp://example.com/story.txt"}, ""),
        ({"url": "https://example.com/a", "title": "Mine"}, "'title' and 'published_on' go with 'text'"),
        ({"text": "Some text", "published_on": "yesterday"}, ""),
    ],
)
def test_a_bad_submission_is_refused_with_a_reason(api, payload, message):
    response = api.post("/api/v1/ingestions/", payload, format="json")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not IngestionJob.objects.exists()


def test_anonymous_clients_cannot_submit():
    response = APIClient().post("/api/v1/ingestions/", {"text": "Nissan cuts jobs."}, format="json")

    assert response.status_code in (401, 403)
    assert not IngestionJob.objects.exists()


def test_a_user_without_the_add_article_permission_cannot_submit(django_user_model):
    client = APIClient()
    client.force_authenticate(
        django_user_model.objects.create_user(username="reader", password="pw-for-tests")
    )

    response = client.post("/api/v1/ingestions/", {"text": "Nissan cuts jobs."}, format="json")

    assert response.status_code == 403
    assert "Can add article" in response.content.decode()


def test_a_submitter_sees_their_own_jobs_and_editors_see_all(django_user_model):
    from django.contrib.auth.models import Permission

    contributor = django_user_model.objects.create_user(username="stringer")
    contributor.user_permissions.add(Permission.objects.get(codename="add_article"))
    client = APIClient()
    client.force_authenticate(contributor)
    other = IngestionJob.objects.create(kind="text", title="Someone else's")
    mine = client.post("/api/v1/ingestions/", {"text": "Nissan cuts jobs."}, format="json").json()

    listed = client.get("/api/v1/ingestions/").json()["results"]

    assert [job["id"] for job in listed] == [mine["id"]]
    assert client.get(f"/api/v1/ingestions/{other.pk}/").status_code == 404
    editor = django_user_model.objects.create_user(username="desk-editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_authenticate(editor)
    assert {job["id"] for job in client.get("/api/v1/ingestions/").json()["results"]} == {
        mine["id"],
        other.pk,
    }
