"""Fixtures shared by every app's tests."""

from datetime import date

import pytest

# Models are imported inside fixtures: pure tests (cleaning, extraction steps)
# run without Django with `-p no:django`.


def _company(slug):
    from companies.models import Company

    return Company.objects.get(slug=slug)


@pytest.fixture
def toyota(db):
    return _company("toyota")


@pytest.fixture
def nissan(db):
    return _company("nissan")


@pytest.fixture
def honda(db):
    return _company("honda")


@pytest.fixture
def staff_user(db, django_user_model):
    return django_user_model.objects.create_user(username="desk", password="pw-for-tests", is_staff=True)


@pytest.fixture
def make_event(db):
    from companies.models import DatePrecision, Event, EventParticipant, ReviewState

    def make(*, title, companies, kind=Event.Kind.PARTNERSHIP, review_state=ReviewState.APPROVED,
             day=None, status="reported"):
        event = Event.objects.create(
            kind=kind,
            title=title,
            status=status,
            review_state=review_state,
            date=day,
            date_precision=DatePrecision.DAY if day else "",
        )
        for company in companies:
            EventParticipant.objects.create(event=event, company=company)
        return event

    return make


@pytest.fixture
def day():
    return date


@pytest.fixture(autouse=True)
def _fresh_cache():
    """API throttles count requests in the cache: each test starts with none counted."""
    from django.conf import settings

    if settings.configured:  # pure tests run with `-p no:django`
        from django.core.cache import cache

        cache.clear()
    yield


# Browser tests -------------------------------------------------------------
#
# Debian's chromium driven by Playwright's Python package; browsers are never
# downloaded. Tests that use `browser_page` also get `live_server`, which runs
# on a transactional database: mark them
# `@pytest.mark.django_db(transaction=True, serialized_rollback=True)` so the
# registry loaded by migrations is back for the tests that follow.

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def artifacts_dir():
    """Screenshots and traces of browser tests, kept for people to look at."""
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def chromium_browser():
    import os
    import shutil

    from autotracker.testing import debian_tool

    debian_tool(CHROMIUM, package="chromium", purpose="Browser tests")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make around it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from django.db import connections

    serialized = {
        c.alias: c._test_serialized_contents for c in connections.all() if hasattr(c, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        # Playwright's event loop makes this thread "async" to Django, which then
        # hands out other connection objects: give them the serialized registry
        # that `serialized_rollback` restores, or later tests find it gone.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
    shutil.rmtree("/tmp/playwright-artifacts", ignore_errors=True)


@pytest.fixture
def browser_page(chromium_browser, live_server):
    """A fresh browser tab; `page.goto(live_server.url + '/')` to start."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
