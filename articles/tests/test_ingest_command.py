"""`manage.py ingest URL_OR_PATH...`: what each argument is, a summary at the end."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, IngestionJob

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingestion"
pytestmark = pytest.mark.django_db


def ingest(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error)
    return out.getvalue(), err.getvalue()


def test_a_folder_is_ingested_file_by_file_with_a_summary(tmp_path):
    folder = tmp_path / "desk"
    shutil.copytree(FIXTURES / "texts", folder)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7")  # not an article file: not taken

    out, err = ingest("--sync", str(folder))

    assert "Ingested: 4 new, 0 duplicate, 0 near-duplicate (stored, linked), 0 failed." in out
    assert "toyota-stake.txt: new: Toyota raises its holding" in out
    assert Article.objects.count() == 4


def test_ingesting_again_adds_nothing_and_says_so(tmp_path):
    ingest("--sync", str(FIXTURES / "texts"))

    out, _ = ingest("--sync", str(FIXTURES / "texts"))

    assert "Ingested: 0 new, 4 duplicate" in out
    assert Article.objects.count() == 4


def test_a_feed_url_is_detected_and_its_items_ingested(allow_private_hosts, fixture_server):
    out, _ = ingest("--sync", fixture_server.url("/feed.xml"))

    assert "feed.xml: feed with 3 item(s)" in out
    assert "Ingested: 3 new" in out
    assert IngestionJob.objects.get(url=fixture_server.url("/feed.xml")).kind == "feed"


def test_a_page_url_and_a_file_in_one_run(allow_private_hosts, fixture_server):
    out, _ = ingest(
        "--sync",
        fixture_server.url("/pages/nissan-jobs.html"),
        str(FIXTURES / "pages" / "nissan-jobs-wire-copy.html"),
    )

    assert "Ingested: 1 new, 0 duplicate, 1 near-duplicate (stored, linked), 0 failed." in out


def test_failures_are_listed_with_their_reasons(allow_private_hosts, fixture_server, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing_page = fixture_server.serve("/gone.html", status=404, body=b"")

    out, err = ingest("--sync", str(empty), missing_page, str(tmp_path / "nowhere.txt"))

    assert "0 new, 0 duplicate, 0 near-duplicate (stored, linked), 3 failed." in out
    assert "empty.txt: The file is empty" in err
    assert "gone.html: " in err and "404" in err
    assert "nowhere.txt: not a file, a folder or an http(s) URL" in err
    assert "3 item(s) failed" in err


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_sync_the_work_goes_through_celery():
    # No broker in this test: Celery runs the task queued on commit in-process, as on a laptop.
    out, _ = ingest("--timeout", "20", str(FIXTURES / "texts" / "mitsubishi-software.txt"))

    assert "Ingested: 1 new" in out
    assert IngestionJob.objects.get().status == "done"
