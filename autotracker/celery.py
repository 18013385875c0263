"""The Celery application. Workers and beat start from here:

    celery -A autotracker worker
    celery -A autotracker beat
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "autotracker.settings")

app = Celery("autotracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
