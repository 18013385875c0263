"""The review desk's defences: throttled log-ins, same-origin only, secure cookies."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", password="the-right-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_wrong_passwords_lock_the_login_even_for_the_right_one(client, editor):
    for _ in range(3):
        client.post(LOGIN, {"username": "editor", "password": "wrong"})
    response = client.post(LOGIN, {"username": "editor", "password": "the-right-password"})
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_right_password_before_the_limit_logs_in(client, editor):
    client.post(LOGIN, {"username": "editor", "password": "wrong"})
    response = client.post(LOGIN, {"username": "editor", "password": "the-right-password", "next": "/admin/"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_decision_posted_without_the_csrf_token_is_refused(editor, make_event, honda, nissan):
    event = make_event(title="Talks", companies=[honda, nissan], review_state="proposed")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post("/admin/review/", {"decide": f"approve:event:{event.pk}"})
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.review_state == "proposed"


def test_a_decision_from_another_origin_is_refused(editor, make_event, honda, nissan):
    event = make_event(title="Talks", companies=[honda, nissan], review_state="proposed")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    token = client.get("/admin/review/").context["csrf_token"]
    response = client.post(
        "/admin/review/",
        {"decide": f"approve:event:{event.pk}", "csrfmiddlewaretoken": str(token)},
        HTTP_ORIGIN="https://evil.example",
        HTTP_HOST="testserver",
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.review_state == "proposed"


def test_the_admin_cannot_be_framed_by_another_site(admin_client):
    assert admin_client.get("/admin/")["X-Frame-Options"] == "DENY"


def test_production_settings_send_cookies_over_https_only():
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 50,
        "DJANGO_SETTINGS_MODULE": "autotracker.settings",
    }
    for name in ("AXES_ENABLED", "SECURE_SSL_REDIRECT"):
        env.pop(name, None)
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SESSION_COOKIE_SAMESITE, s.AXES_ENABLED, s.SECURE_SSL_REDIRECT]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [True, True, True, "Lax", True, True]
