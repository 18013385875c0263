"""Settings come from the environment and are safe for production."""

import os
import subprocess
import sys

from django.conf import settings


def _manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(env)
    environment["DJANGO_SETTINGS_MODULE"] = "autotracker.settings"
    return subprocess.run([sys.executable, "manage.py", *args], env=environment, cwd=settings.BASE_DIR,
                          capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deploy_check():
    result = _manage("check", "--deploy", "--fail-level", "WARNING",
                     SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
                     ALLOWED_HOSTS="autotracker.example.org")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_in_production():
    result = _manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_runs_get_a_development_key():
    result = _manage("check", DEBUG="true")

    assert result.returncode == 0, result.stderr


def test_the_api_settings_load_whichever_module_imports_first():
    # REST_FRAMEWORK names classes in autotracker.rest; importing that module
    # before DRF's views once made a circular import that broke `manage.py check`.
    probe = "import django; django.setup(); import autotracker.rest, rest_framework.views; print('ok')"
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(DJANGO_SETTINGS_MODULE="autotracker.settings", SECRET_KEY="s" * 50)
    result = subprocess.run([sys.executable, "-c", probe], env=environment, cwd=settings.BASE_DIR,
                            capture_output=True, text=True, timeout=120)

    assert result.stdout.strip().endswith("ok"), result.stderr
