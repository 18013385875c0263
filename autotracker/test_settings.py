"""Settings for the test suite: production settings with test-only defaults.

The environment is still read in one place, settings.py; this module only
supplies values a test run would otherwise have to export by hand.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-a-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Tests log in with `client.login()`, which django-axes refuses (it needs the
# request); the tests of login throttling switch it back on.
os.environ.setdefault("AXES_ENABLED", "false")

from .settings import *  # noqa: E402,F403

# Hashing passwords slowly is a defence for production, not a test.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
