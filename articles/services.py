"""Writes for articles: every way in (file, pasted text, fetched page, feed
item) ends in `article_ingest`, so duplicates are caught in one place.

Ingestion jobs (`IngestionJob`) carry a request from the API, the `ingest`
command or a feed poll to a worker: created here, queued on commit, claimed
with a conditional UPDATE and a lease, run by `job_run`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone
from pathlib import Path

import feedparser
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import dedup
from extraction.tasks import article_extract

from .cleaning import CleanedArticle, CleaningError, clean_bytes, clean_file, clean_text
from .fetching import FetchError, FetchResult, fetch
from .models import Article, ArticleBand, ArticleSketch, IngestionJob, Source

logger = logging.getLogger(__name__)

# Kept here too: callers know it by this name.
content_hash = dedup.content_hash


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool

    @property
    def outcome(self) -> str:
        """new, duplicate (the same URL or text) or near_duplicate (stored, linked)."""
        if not self.created:
            return "duplicate"
        return "near_duplicate" if self.article.duplicate_of_id else "new"


# --------------------------------------------------------------------------
# Storing one article


def near_duplicate_of(sketch: dedup.Sketch | None, band_keys: list[int] | None = None) -> Article | None:
    """The stored article this text is nearly the same as, if any: one indexed query for
    candidates sharing an LSH band, then their signatures decide."""
    if sketch is None:
        return None
    candidate_ids = _articles_sharing_a_band(band_keys or sorted(set(sketch.band_keys)))
    if not candidate_ids:
        return None  # the common case: one indexed query and done
    candidates = ArticleSketch.objects.filter(article_id__in=set(candidate_ids)).values_list(
        "article_id", "signature"
    )
    best, best_score = None, dedup.NEAR_DUPLICATE_SIMILARITY
    for article_id, signature in candidates:
        score = sketch.similarity(dedup.Sketch.from_bytes(signature))
        if score >= best_score:
            best, best_score = article_id, score
    if best is None:
        return None
    article = Article.objects.get(pk=best)
    # Link to the first copy, so a story republished many times forms one star, not a chain.
    return article.duplicate_of if article.duplicate_of_id else article


def _articles_sharing_a_band(keys: list[int], limit: int = 50) -> list[int]:
    if connection.vendor == "postgresql":
        # Runs for every article stored; plain SQL saves the ORM's query building.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT article_id FROM articles_articleband WHERE key = ANY(%s) LIMIT %s", [keys, limit]
            )
            return [row[0] for row in cursor.fetchall()]
    return list(ArticleBand.objects.filter(key__in=keys).values_list("article_id", flat=True)[:limit])


def _stored_article(digest: str, canonical: str) -> Article | None:
    """The article already stored with this text or canonical URL (one indexed query)."""
    match = Q(content_hash=digest)
    if canonical:
        match |= Q(canonical_url=canonical)
    # The canonical URL decides first: the same address with edited text is the same article.
    # No ORDER BY: with the default ordering and a LIMIT, PostgreSQL walks the date index.
    found = list(Article.objects.filter(match).order_by().values_list("pk", "canonical_url")[:2])
    if not found:
        return None
    pk = next((pk for pk, url in found if canonical and url == canonical), found[0][0])
    return Article.objects.get(pk=pk)


def article_ingest(
    *,
    cleaned: CleanedArticle,
    origin: str = "",
    url: str = "",
    source: Source | None = None,
) -> IngestResult:
    """Store a cleaned article once. The same text or canonical URL again is a no-op;
    nearly the same text is stored as a near-duplicate linked to the first copy."""
    canonical = dedup.canonical_url(cleaned.canonical_url) or dedup.canonical_url(url)
    digest = dedup.content_hash(cleaned.body)
    # No look-up first: the unique constraints on the text's hash and the canonical
    # URL refuse a duplicate (below), which also settles two workers racing.
    sketch = dedup.sketch(cleaned.body)
    band_keys = sorted(set(sketch.band_keys)) if sketch else []
    original = near_duplicate_of(sketch, band_keys)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                content_hash=digest,
                title=cleaned.title[:500],
                body=cleaned.body,
                published_on=cleaned.published,
                canonical_url=canonical,
                url=url[:2000],
                origin=origin[:2000],
                source=source,
                fetched_at=timezone.now(),
                duplicate_of=original,
                status=Article.Status.DUPLICATE if original else Article.Status.STORED,
            )
            if sketch is not None:
                _store_sketch(article, sketch, band_keys)
    except IntegrityError:
        # The same text or canonical URL is stored already (perhaps a moment ago by another worker).
        existing = _stored_article(digest, canonical)
        if existing is None:
            raise
        return IngestResult(existing, created=False)
    if original is None:
        article_stored_hook(article)
    return IngestResult(article, created=True)


def _store_sketch(article: Article, sketch: dedup.Sketch, keys: list[int]) -> None:
    if connection.vendor == "postgresql":
        # One round trip instead of two: this runs for every article stored.
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH sketch AS (INSERT INTO articles_articlesketch (article_id, signature) VALUES (%s, %s)) "
                "INSERT INTO articles_articleband (article_id, key) SELECT %s, unnest(%s::bigint[])",
                [article.pk, sketch.to_bytes(), article.pk, keys],
            )
        return
    ArticleSketch.objects.create(article=article, signature=sketch.to_bytes())
    ArticleBand.objects.bulk_create([ArticleBand(article=article, key=key) for key in keys])


def article_stored_hook(article: Article) -> None:
    """Hand a newly stored article to extraction once the transaction commits.
    Near-duplicates never come here: their original carries the facts."""
    transaction.on_commit(lambda: article_extract.delay(article.pk))


def article_ingest_file(*, path: str | Path) -> IngestResult:
    """Clean and store one .txt or .html file. Raises CleaningError on bad input."""
    path = Path(path)
    return article_ingest(cleaned=clean_file(path), origin=path.name)


def article_ingest_text(
    *, text: str, title: str = "", published: date | None = None, origin: str = "pasted"
) -> IngestResult:
    """Clean and store pasted text; an explicit title or date wins over the text's own."""
    return article_ingest(
        cleaned=_with_overrides(clean_text(text), title=title, published=published), origin=origin
    )


def _with_overrides(
    cleaned: CleanedArticle, *, title: str = "", published: date | None = None
) -> CleanedArticle:
    if not title and not published:
        return cleaned
    return CleanedArticle(
        title=title or cleaned.title,
        body=cleaned.body,
        published=published or cleaned.published,
        canonical_url=cleaned.canonical_url,
        byline=cleaned.byline,
    )


# --------------------------------------------------------------------------
# Feeds

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.I)


def looks_like_feed(result: FetchResult) -> bool:
    mime = result.content_type.split(";")[0].strip().lower()
    if mime in _FEED_TYPES:
        return True
    head = result.content[:2048]
    return bool(_FEED_START.search(head)) and not _HTML_START.search(head)


@dataclass
class FeedItem:
    link: str
    title: str
    published: date | None
    content_html: str  # the feed's own copy of the story, used when an item has no link


def feed_items(result: FetchResult) -> list[FeedItem]:
    """The items of a fetched feed. Raises FetchError for a feed that cannot be read."""
    parsed = feedparser.parse(
        result.content, response_headers={"content-type": result.content_type or "application/xml"}
    )
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime(*when[:6], tzinfo=dt_timezone.utc).date() if when else None
        content = ""
        if entry.get("content"):
            content = entry.content[0].get("value", "")
        content = content or entry.get("summary", "")
        if link or content:
            items.append(
                FeedItem(link=link, title=entry.get("title", ""), published=published, content_html=content)
            )
    if parsed.bozo and not items:
        # A broken feed that still yields items is used; one that yields none is an error to see.
        reason = getattr(parsed, "bozo_exception", "unknown error")
        raise FetchError(
            f"{result.url} is not a readable RSS or Atom feed ({reason}). Check the feed address."
        )
    return items


@dataclass
class FeedFanOut:
    items: int = 0
    queued: list[IngestionJob] = field(default_factory=list)
    already_stored: int = 0
    already_queued: int = 0


def feed_fan_out(
    *,
    result: FetchResult,
    source: Source | None = None,
    parent: IngestionJob | None = None,
    requested_by=None,
) -> FeedFanOut:
    """Turn each item of a fetched feed into a job, unless its article is stored or queued."""
    fan_out = FeedFanOut()
    for item in feed_items(result):
        fan_out.items += 1
        if item.link:
            url = dedup.canonical_url(item.link)
            if _stored_article_for_url(url) is not None:
                fan_out.already_stored += 1
                continue
            job, created = job_create_url(
                url=url,
                source=source,
                parent=parent,
                requested_by=requested_by,
                published_on=item.published,
                queue=False,
            )
        else:
            job, created = _job_create(
                kind=IngestionJob.Kind.TEXT,
                payload=item.content_html.encode("utf-8"),
                content_type="text/html",
                title=item.title,
                published_on=item.published,
                source=source,
                parent=parent,
                requested_by=requested_by,
                queue=False,
            )
        if created:
            fan_out.queued.append(job)
        else:
            fan_out.already_queued += 1
    return fan_out


# --------------------------------------------------------------------------
# Sources


def _source_update(source: Source, **fields) -> None:
    # .update(): polling bookkeeping is not an editor's change and stays out of history.
    Source.objects.filter(pk=source.pk).update(**fields)
    for name, value in fields.items():
        setattr(source, name, value)


def source_backoff(*, poll_interval: timedelta, error_count: int) -> timedelta:
    """How long a source that failed `error_count` times in a row waits: doubling, capped."""
    cap = max(timedelta(seconds=settings.FETCH_BACKOFF_MAX), poll_interval)
    return min(poll_interval * (2 ** min(error_count, 20)), cap)


def source_record_error(*, source: Source, error: str, retry_after: float | None = None) -> None:
    """Note a failed poll on the source and push its next try back."""
    now = timezone.now()
    count = source.error_count + 1
    wait = source_backoff(poll_interval=source.poll_interval, error_count=count)
    if retry_after:
        wait = max(wait, timedelta(seconds=retry_after))
    _source_update(
        source, last_error=error[:5000], last_error_at=now, error_count=count, next_poll_at=now + wait
    )
    logger.warning("Source %s failed (%d in a row), next try %s: %s", source.pk, count, now + wait, error)


def sources_claim_due(*, now: datetime | None = None) -> list[int]:
    """Ids of active sources due for a poll, each claimed for this dispatcher only
    (a conditional UPDATE moves its next poll forward before it is queued)."""
    now = now or timezone.now()
    lease = now + timedelta(seconds=settings.INGESTION_TASK_TIME_LIMIT * 2)
    due = Source.objects.filter(is_active=True).filter(
        Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
    )
    claimed = []
    for source_id, next_poll_at in due.values_list("pk", "next_poll_at")[:500]:
        if Source.objects.filter(pk=source_id, next_poll_at=next_poll_at).update(next_poll_at=lease):
            claimed.append(source_id)
    return claimed


def source_poll_now(*, source: Source) -> None:
    """Poll a source at once (the admin's "Poll now"), whatever its schedule."""
    from . import tasks

    _source_update(source, next_poll_at=timezone.now())
    transaction.on_commit(lambda: tasks.source_poll.delay(source.pk))


@dataclass
class PollResult:
    not_modified: bool = False
    fan_out: FeedFanOut | None = None
    ingest: IngestResult | None = None
    error: str = ""


def source_poll(*, source: Source, queue: bool = True) -> PollResult:
    """Fetch a source with a conditional GET; queue a job per new feed item (a page
    source is stored directly). Failures are recorded on the source, never raised."""
    now = timezone.now()
    try:
        result = fetch(source.url, etag=source.etag, last_modified=source.last_modified)
        if result.not_modified:
            _source_update(
                source,
                last_fetched_at=now,
                error_count=0,
                last_error="",
                next_poll_at=now + source.poll_interval,
            )
            return PollResult(not_modified=True)
        outcome = PollResult()
        with transaction.atomic():
            if source.kind == Source.Kind.FEED or looks_like_feed(result):
                outcome.fan_out = feed_fan_out(result=result, source=source)
                if queue:
                    for job in outcome.fan_out.queued:
                        job_queue(job)
            else:
                cleaned = clean_bytes(result.content, content_type=result.content_type, url=result.url)
                outcome.ingest = article_ingest(
                    cleaned=cleaned, origin=result.url, url=result.url, source=source
                )
            _source_update(
                source,
                etag=result.etag[:500],
                last_modified=result.last_modified[:100],
                last_fetched_at=now,
                error_count=0,
                last_error="",
                next_poll_at=now + source.poll_interval,
            )
        return outcome
    except (FetchError, CleaningError) as error:
        source_record_error(source=source, error=str(error), retry_after=getattr(error, "retry_after", None))
        return PollResult(error=str(error))


# --------------------------------------------------------------------------
# Jobs


def _stored_article_for_url(url: str) -> Article | None:
    if not url:
        return None
    # Unordered on purpose: .first() would order by id, and PostgreSQL might walk that index.
    return next(iter(Article.objects.filter(Q(canonical_url=url) | Q(url=url)).order_by()[:1]), None)


def job_queue(job: IngestionJob) -> None:
    """Send the job to a worker once the transaction that made it commits."""
    from . import tasks

    transaction.on_commit(lambda: tasks.ingestion_job_run.delay(job.pk))


def _pending_job(url: str) -> IngestionJob | None:
    # At most one row, found through the partial unique index; no ORDER BY needed.
    pending = IngestionJob.objects.filter(
        url=url, status__in=[IngestionJob.Status.QUEUED, IngestionJob.Status.RUNNING]
    ).order_by()[:1]
    return next(iter(pending), None)


def _job_create(*, queue: bool = True, **fields) -> tuple[IngestionJob, bool]:
    url = fields.get("url", "")
    if url:
        pending = _pending_job(url)
        if pending is not None:
            return pending, False
    try:
        with transaction.atomic():
            job = IngestionJob.objects.create(**fields)
    except IntegrityError:
        # The same URL was queued a moment ago by someone else: that job answers for both.
        pending = _pending_job(url)
        if pending is None:
            raise
        return pending, False
    if queue:
        job_queue(job)
    return job, True


def job_create_url(
    *,
    url: str,
    requested_by=None,
    source: Source | None = None,
    parent: IngestionJob | None = None,
    published_on: date | None = None,
    queue: bool = True,
) -> tuple[IngestionJob, bool]:
    """Queue fetching a page or feed. A URL already waiting answers with its pending job."""
    return _job_create(
        kind=IngestionJob.Kind.URL,
        url=dedup.canonical_url(url),
        requested_by=requested_by,
        source=source,
        parent=parent,
        published_on=published_on,
        queue=queue,
    )


def job_create_text(
    *, text: str, title: str = "", published_on: date | None = None, requested_by=None, queue: bool = True
) -> IngestionJob:
    """Queue storing pasted text; the given title and date win over the text's own."""
    job, _ = _job_create(
        kind=IngestionJob.Kind.TEXT,
        payload=text.encode("utf-8", "surrogatepass"),
        content_type="text/plain",
        title=title[:500],
        published_on=published_on,
        requested_by=requested_by,
        queue=queue,
    )
    return job


def job_create_file(*, name: str, data: bytes, requested_by=None, queue: bool = True) -> IngestionJob:
    """Queue storing an uploaded .txt or .html file (its bytes travel with the job)."""
    job, _ = _job_create(
        kind=IngestionJob.Kind.FILE,
        payload=data,
        file_name=name[:500],
        requested_by=requested_by,
        queue=queue,
    )
    return job


def job_lease() -> timedelta:
    """How long a claimed job belongs to its worker: past the task's hard time limit,
    so a lease only runs out when the worker is gone."""
    return timedelta(seconds=settings.INGESTION_TASK_TIME_LIMIT + 5)


@dataclass
class Claim:
    job: IngestionJob | None
    claimed: bool
    wait: float = 0.0  # seconds until a live lease held by another worker runs out


def job_claim(*, job_id: int) -> Claim:
    """Take a queued job, or one whose worker's lease ran out, with one conditional UPDATE."""
    now = timezone.now()
    taken = (
        IngestionJob.objects.filter(pk=job_id)
        .filter(
            Q(status=IngestionJob.Status.QUEUED)
            | Q(status=IngestionJob.Status.RUNNING, lease_expires_at__lt=now)
        )
        .update(
            status=IngestionJob.Status.RUNNING,
            lease_expires_at=now + job_lease(),
            started_at=Coalesce(F("started_at"), now),
            attempts=F("attempts") + 1,
        )
    )
    job = IngestionJob.objects.filter(pk=job_id).first()
    if taken:
        return Claim(job, claimed=True)
    if job is not None and job.status == IngestionJob.Status.RUNNING and job.lease_expires_at:
        return Claim(job, claimed=False, wait=max(1.0, (job.lease_expires_at - now).total_seconds()))
    return Claim(job, claimed=False)


def job_release(*, job: IngestionJob, error: str) -> None:
    """Give a job back to the queue after a transient failure (a retry is on its way)."""
    IngestionJob.objects.filter(pk=job.pk, status=IngestionJob.Status.RUNNING).update(
        status=IngestionJob.Status.QUEUED, lease_expires_at=None, error=error[:5000]
    )


def job_fail(*, job: IngestionJob, error: str) -> None:
    IngestionJob.objects.filter(
        pk=job.pk, status__in=[IngestionJob.Status.RUNNING, IngestionJob.Status.QUEUED]
    ).update(
        status=IngestionJob.Status.FAILED,
        error=error[:5000] or "Failed.",
        finished_at=timezone.now(),
        lease_expires_at=None,
    )
    job.refresh_from_db()


def _job_finish(
    job: IngestionJob,
    *,
    outcome: str,
    article: Article | None = None,
    items_found: int = 0,
    kind: str | None = None,
) -> None:
    fields = dict(
        status=IngestionJob.Status.DONE,
        outcome=outcome,
        article=article,
        items_found=items_found,
        error="",
        finished_at=timezone.now(),
        lease_expires_at=None,
        payload=b"",
    )
    if kind:
        fields["kind"] = kind
    IngestionJob.objects.filter(pk=job.pk, status=IngestionJob.Status.RUNNING).update(**fields)


def job_run(*, job: IngestionJob, queue_children: bool = True) -> list[IngestionJob]:
    """Run a claimed job: fetch (URL jobs), clean and store. Returns the jobs a feed
    queued. Raises FetchError for the caller to retry (transient) or fail; cleaning
    refusals and permanent fetch errors fail the job here."""
    if job.article_id:
        # The article was stored by an earlier attempt that died before finishing.
        _job_finish(job, outcome=job.outcome or IngestionJob.Outcome.NEW, article=job.article)
        return []
    try:
        if job.kind in (IngestionJob.Kind.URL, IngestionJob.Kind.FEED):
            return _job_run_url(job, queue_children=queue_children)
        if job.kind == IngestionJob.Kind.TEXT:
            if job.content_type == "text/html":  # a feed item's own copy of the story
                cleaned = clean_bytes(bytes(job.payload), content_type="text/html")
            else:
                cleaned = clean_text(bytes(job.payload).decode("utf-8", "surrogatepass"))
            cleaned = _with_overrides(cleaned, title=job.title, published=job.published_on)
            _job_store(
                job, cleaned=cleaned, origin="pasted" if not job.source_id else f"feed item of {job.source}"
            )
        else:
            cleaned = clean_bytes(bytes(job.payload), filename=job.file_name)
            _job_store(job, cleaned=cleaned, origin=job.file_name)
    except CleaningError as error:
        job_fail(job=job, error=str(error))
    except FetchError as error:
        if error.transient:
            raise
        job_fail(job=job, error=str(error))
    return []


def _job_run_url(job: IngestionJob, *, queue_children: bool) -> list[IngestionJob]:
    existing = _stored_article_for_url(job.url)
    if existing is not None:
        _job_finish(job, outcome=IngestionJob.Outcome.DUPLICATE, article=existing)
        return []
    result = fetch(job.url)
    if looks_like_feed(result):
        with transaction.atomic():
            fan_out = feed_fan_out(
                result=result, source=job.source, parent=job, requested_by=job.requested_by
            )
            if queue_children:
                for child in fan_out.queued:
                    job_queue(child)
            _job_finish(
                job, outcome=IngestionJob.Outcome.FEED, items_found=fan_out.items, kind=IngestionJob.Kind.FEED
            )
        return fan_out.queued
    cleaned = clean_bytes(result.content, content_type=result.content_type, url=result.url)
    if not cleaned.published and job.published_on:
        cleaned = _with_overrides(cleaned, published=job.published_on)
    _job_store(job, cleaned=cleaned, origin=result.url, url=result.url)
    return []


def _job_store(job: IngestionJob, *, cleaned: CleanedArticle, origin: str, url: str = "") -> None:
    # The article and the job's record of it commit together: a worker dying
    # in between cannot leave an article its job does not know about.
    with transaction.atomic():
        result = article_ingest(cleaned=cleaned, origin=origin, url=url, source=job.source)
        _job_finish(job, outcome=result.outcome, article=result.article)


def jobs_requeue_stalled(*, older_than: timedelta = timedelta(minutes=15)) -> list[int]:
    """Ids of jobs whose message was lost, queued again: queued jobs no worker has
    picked up for a while (e.g. Redis restarted without persistence), and running
    jobs whose worker's lease ran out long ago with no redelivery (e.g. the task
    died on a database outage after its message was acknowledged)."""
    cutoff = timezone.now() - older_than
    # Queued jobs already started were given back after a failure: a retry is on its way.
    stalled = list(
        IngestionJob.objects.filter(
            Q(status=IngestionJob.Status.QUEUED, created_at__lt=cutoff, started_at__isnull=True)
            | Q(status=IngestionJob.Status.RUNNING, lease_expires_at__lt=cutoff)
        ).values_list("pk", flat=True)[:1000]
    )
    for job_id in stalled:
        job_queue(IngestionJob(pk=job_id))
    return stalled
