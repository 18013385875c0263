"""Celery tasks of extraction. They take primary keys and call the service."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def article_extract(article_id: int) -> dict | None:
    """Extract a stored article into proposals; quietly nothing if it is gone."""
    report = services.article_extract(article_id=article_id)
    return None if report is None else {"article": report.article_id, "events": report.events,
                                        "stakes": report.stakes, "figures": report.figures}
