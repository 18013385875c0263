import os
import subprocess
import sys

import pytest
from django.conf import settings


@pytest.mark.django_db
def test_it_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_it_answers_503_when_the_database_is_unreachable():
    # A real process pointed at a port where no database listens.
    probe = (
        "import django; django.setup();"
        "from django.test import Client;"
        "print(Client().get('/healthz').status_code)"
    )
    env = dict(os.environ, DATABASE_URL="postgres://nobody@127.0.0.1:9/nowhere", ALLOWED_HOSTS="testserver",
               DJANGO_SETTINGS_MODULE="autotracker.test_settings")
    result = subprocess.run([sys.executable, "-c", probe], env=env, cwd=settings.BASE_DIR,
                            capture_output=True, text=True, timeout=60)

    assert result.stdout.strip().splitlines()[-1] == "503", result.stderr
