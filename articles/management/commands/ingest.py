"""Ingest feeds, pages, files and folders from the command line."""

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles import services
from articles.cleaning import SUPPORTED_SUFFIXES
from articles.fetching import FetchError
from articles.models import IngestionJob

OUTCOMES = ("new", "duplicate", "near_duplicate")


class Command(BaseCommand):
    help = (
        "Ingest each URL_OR_PATH: a feed (its items), a web page, a .txt or .html file, or a folder of them. "
        "The work goes to the Celery workers and the command waits for it; --sync does it here, without a broker."
    )

    def add_arguments(self, parser):
        parser.add_argument("targets", nargs="+", metavar="URL_OR_PATH")
        parser.add_argument("--sync", action="store_true", help="Work in this process, without Celery.")
        parser.add_argument("--no-wait", action="store_true", help="Queue the jobs and return at once.")
        parser.add_argument(
            "--timeout", type=float, default=600, help="Seconds to wait for the workers (default 600)."
        )

    def handle(self, *args, targets, sync, no_wait, timeout, **options):
        queue = not sync
        jobs, failures = [], []
        for target in targets:
            try:
                jobs.extend(self.jobs_for(target, queue=queue))
            except CommandError as error:
                failures.append((target, str(error)))
        if not jobs and not failures:
            raise CommandError("Nothing to ingest: the folders hold no .txt or .html files.")
        if queue and no_wait:
            for job in jobs:
                self.stdout.write(f"Queued job {job.pk}: {job}")
            return
        bar = tqdm(
            total=len(jobs), unit="item", file=sys.stderr, disable=len(jobs) < 5 or not sys.stderr.isatty()
        )
        finished = self.run_here(jobs, bar) if sync else self.wait_for(jobs, bar, timeout)
        bar.close()
        self.summarise(finished, failures)

    # -- what each argument is ---------------------------------------------

    def jobs_for(self, target: str, *, queue: bool) -> list[IngestionJob]:
        if urlsplit(target).scheme in ("http", "https"):
            job, _ = services.job_create_url(url=target, queue=queue)
            return [job]
        path = Path(target)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
            )
            return [self.file_job(p, queue=queue) for p in files]
        if path.is_file():
            return [self.file_job(path, queue=queue)]
        raise CommandError(f"not a file, a folder or an http(s) URL. Check the spelling of {target!r}.")

    def file_job(self, path: Path, *, queue: bool) -> IngestionJob:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"could not be read ({error.strerror or error}).") from None
        # The bytes travel with the job, so a worker on another machine can store them.
        return services.job_create_file(name=path.name, data=data, queue=queue)

    # -- doing or waiting ----------------------------------------------------

    def run_here(self, jobs, bar) -> list[IngestionJob]:
        finished, todo = [], list(jobs)
        while todo:
            job = todo.pop(0)
            claim = services.job_claim(job_id=job.pk)
            if claim.claimed:
                try:
                    children = services.job_run(job=claim.job, queue_children=False)
                except FetchError as error:
                    services.job_fail(job=claim.job, error=str(error))
                    children = []
                todo.extend(children)
                bar.total += len(children)
            job.refresh_from_db()
            finished.append(job)
            self.report(job, bar)
        return finished

    def wait_for(self, jobs, bar, timeout) -> list[IngestionJob]:
        pending = {job.pk for job in jobs}
        finished = []
        deadline = time.monotonic() + timeout
        while pending and time.monotonic() < deadline:
            for job in IngestionJob.objects.filter(pk__in=pending).select_related("article").defer("payload"):
                if not job.is_finished:
                    continue
                pending.discard(job.pk)
                finished.append(job)
                self.report(job, bar)
                children = list(job.children.values_list("pk", flat=True))
                pending.update(children)
                bar.total += len(children)
            if pending:
                time.sleep(0.5)
        if pending:
            self.stderr.write(
                f"{len(pending)} job(s) still queued or running after {timeout:.0f} s: is a worker running "
                "(celery -A autotracker worker)? Look them up in the admin under Ingestion jobs, or use --sync."
            )
        return finished

    def report(self, job: IngestionJob, bar) -> None:
        bar.update(1)
        what = job.url or job.file_name or "text"
        if job.status == IngestionJob.Status.FAILED:
            line = f"{what}: failed: {job.error}"
        elif job.outcome == IngestionJob.Outcome.FEED:
            line = f"{what}: feed with {job.items_found} item(s)"
        else:
            title = job.article.title[:70] if job.article_id else ""
            line = f"{what}: {job.outcome.replace('_', '-')}: {title}"
        if bar.disable:
            self.stdout.write(line)
        else:
            bar.write(line, file=sys.stdout)

    def summarise(self, finished, failures) -> None:
        counts = dict.fromkeys(OUTCOMES, 0)
        counts["failed"] = len(failures)
        reasons = list(failures)
        for job in finished:
            if job.status == IngestionJob.Status.FAILED:
                counts["failed"] += 1
                reasons.append((job.url or job.file_name or "text", job.error))
            elif job.outcome in counts:
                counts[job.outcome] += 1
        self.stdout.write(
            f"Ingested: {counts['new']} new, {counts['duplicate']} duplicate, "
            f"{counts['near_duplicate']} near-duplicate (stored, linked), {counts['failed']} failed."
        )
        for what, reason in reasons:
            self.stderr.write(f"  failed: {what}: {reason}")
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} item(s) failed; the reasons are listed above.")
