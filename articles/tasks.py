"""Celery tasks of ingestion: thin wrappers that take primary keys, refetch,
return quietly when the row is gone or the work is done, and call a service.

    beat -> sources_poll_due -> source_poll (conditional GET, one job per new item)
         -> ingestion_job_run (fetch, clean, store) -> extraction (articles.services.article_stored_hook)

All of them acknowledge their message only when finished (`acks_late`, and the
message goes back to the queue if the worker process dies), so a killed
worker's job is redelivered; the job's conditional claim and lease make sure
it still runs to the end once.
"""

import random

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.log import get_task_logger
from django.conf import settings

from . import services
from .fetching import FetchError
from .models import Source

logger = get_task_logger(__name__)

TIME_LIMIT = settings.INGESTION_TASK_TIME_LIMIT
SOFT_TIME_LIMIT = max(1, TIME_LIMIT - 10)
MAX_FETCH_RETRIES = 5

TASK_OPTIONS = dict(
    acks_late=True, reject_on_worker_lost=True, time_limit=TIME_LIMIT, soft_time_limit=SOFT_TIME_LIMIT
)


def _retry_countdown(retries: int, retry_after: float | None) -> float:
    """The server's Retry-After when it gave one, else 10 s, 20 s, 40 s... with jitter."""
    if retry_after is not None:
        return max(1.0, retry_after)
    return settings.INGESTION_RETRY_DELAY * 2**retries * random.uniform(0.8, 1.2)


@shared_task(**TASK_OPTIONS)
def sources_poll_due():
    """Queue a poll for every active source whose next poll time has come."""
    for source_id in services.sources_claim_due():
        source_poll.delay(source_id)


@shared_task(**TASK_OPTIONS)
def source_poll(source_id):
    """Poll one source. Its errors are recorded on the source and backed off there, not retried here."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None or not source.is_active:
        return
    services.source_poll(source=source)


@shared_task(bind=True, **TASK_OPTIONS)
def ingestion_job_run(self, job_id):
    """Fetch, clean and store one job's article (or fan a feed out into item jobs)."""
    claim = services.job_claim(job_id=job_id)
    if not claim.claimed:
        if claim.wait and not self.request.is_eager:
            # Another worker holds the job (or held it and died): look again when its lease ends.
            raise self.retry(countdown=claim.wait, max_retries=None)
        return  # gone, already finished, or (in-process) someone else's to finish
    job = claim.job
    try:
        services.job_run(job=job)
    except FetchError as error:
        # Count the job's own tries: waiting for another worker's lease is not a failure.
        if job.attempts > MAX_FETCH_RETRIES:
            services.job_fail(job=job, error=f"Gave up after {job.attempts} tries: {error}")
            return
        countdown = _retry_countdown(job.attempts - 1, error.retry_after)
        if countdown > settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] / 2:
            # Redis would hand a message waiting that long to another worker early.
            services.job_fail(job=job, error=f"{error} Submit it again later.")
            return
        services.job_release(job=job, error=f"Will try again: {error}")
        raise self.retry(countdown=countdown, max_retries=None) from None
    except SoftTimeLimitExceeded:
        services.job_fail(job=job, error=f"Took longer than {SOFT_TIME_LIMIT} s and was stopped.")
    except Exception as error:
        # A bug, not the input: fail visibly rather than leave the job "running".
        services.job_fail(
            job=job, error=f"Unexpected error ({type(error).__name__}: {error}). Tell the developers."
        )
        raise


@shared_task(**TASK_OPTIONS)
def jobs_requeue_stalled():
    """Queue again the jobs whose messages were lost before any worker saw them."""
    stalled = services.jobs_requeue_stalled()
    if stalled:
        logger.warning("Requeued %d stalled ingestion jobs", len(stalled))
