"""Where articles come from (sources) and the articles themselves."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Source(models.Model):
    """A feed or site that ingestion polls."""

    class Kind(models.TextChoices):
        FEED = "feed", "RSS or Atom feed"
        PAGE = "page", "Web page"

    name = models.CharField(max_length=200)
    url = models.URLField(max_length=2000, unique=True)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.FEED)
    poll_interval = models.DurationField(default=timedelta(minutes=30))
    is_active = models.BooleanField(default=True)
    # HTTP validators from the last successful fetch, sent back as a conditional GET.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    next_poll_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(poll_interval__gte=timedelta(minutes=1)),
                name="source_poll_interval_at_least_a_minute",
                violation_error_message="Poll a source at most once a minute.",
            ),
        ]

    def __str__(self):
        return self.name


class Article(models.Model):
    class Status(models.TextChoices):
        STORED = "stored", "Stored, awaiting extraction"
        EXTRACTED = "extracted", "Extracted"
        FAILED = "failed", "Extraction failed"
        DUPLICATE = "duplicate", "Near-duplicate of another article (not extracted)"

    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    origin = models.CharField(
        max_length=2000, blank=True, help_text="Where it came from: a URL, a file name, 'pasted'."
    )
    url = models.URLField(max_length=2000, blank=True)
    canonical_url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=500)
    body = models.TextField()
    published_on = models.DateField(null=True, blank=True)
    fetched_at = models.DateTimeField()
    # sha256 of the normalised body: the same text is the same article.
    content_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.STORED)
    # The same wire story republished with small edits: kept for the record,
    # linked to the first copy, and neither extracted nor listed twice.
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="near_duplicates"
    )
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["body"])

    class Meta:
        ordering = ["-published_on", "-fetched_at"]
        indexes = [
            models.Index(fields=["-published_on", "-fetched_at"]),
            models.Index(fields=["url"], name="article_url_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["canonical_url"],
                condition=~Q(canonical_url=""),
                name="article_canonical_url_unique",
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=F("pk")),
                name="article_not_duplicate_of_itself",
                violation_error_message="An article cannot be a near-duplicate of itself.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article_detail", args=[self.pk])


class ArticleSketch(models.Model):
    """An article's MinHash signature, compared with candidates found by its bands."""

    article = models.OneToOneField(Article, primary_key=True, on_delete=models.CASCADE, related_name="sketch")
    signature = models.BinaryField()

    def __str__(self):
        return f"sketch of article {self.article_id}"


class ArticleBand(models.Model):
    """One LSH band of an article's signature. Articles sharing a band are
    near-duplicate candidates; the index on `key` keeps the look-up the same
    cost however many articles are stored."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["key"], name="articleband_key_idx")]
        constraints = [
            models.UniqueConstraint(fields=["article", "key"], name="articleband_once_per_article"),
        ]

    def __str__(self):
        return f"band {self.key} of article {self.article_id}"


class IngestionJob(models.Model):
    """One request to bring articles in: a URL (page or feed), a file or pasted
    text. Workers claim a job with a conditional UPDATE and a lease, so two
    workers never run it at once and a dead worker's job is taken over."""

    class Kind(models.TextChoices):
        URL = "url", "Web page or feed URL"
        FEED = "feed", "Feed"
        FILE = "file", "File"
        TEXT = "text", "Pasted text"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Outcome(models.TextChoices):
        NEW = "new", "New article"
        DUPLICATE = "duplicate", "Already stored"
        NEAR_DUPLICATE = "near_duplicate", "Near-duplicate, linked"
        FEED = "feed", "Feed: items queued"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED, db_index=True)
    url = models.URLField(max_length=2000, blank=True)
    file_name = models.CharField(max_length=500, blank=True)
    title = models.CharField(max_length=500, blank=True, help_text="Given title; wins over the text's own.")
    published_on = models.DateField(null=True, blank=True, help_text="Given date; wins over the text's own.")
    # Pasted text, an uploaded file or a fetched page, kept until it is stored.
    payload = models.BinaryField(blank=True, default=b"", editable=False)
    content_type = models.CharField(max_length=200, blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children",
        help_text="The feed job that found this item.",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs")
    items_found = models.PositiveIntegerField(default=0, help_text="Feed jobs: items in the feed.")
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A URL already waiting or running is not queued a second time.
            models.UniqueConstraint(
                fields=["url"],
                condition=Q(status__in=["queued", "running"]) & ~Q(url=""),
                name="ingestionjob_one_pending_job_per_url",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running"]) | Q(finished_at__isnull=False),
                name="ingestionjob_finished_jobs_have_a_finish_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="failed") | ~Q(error=""),
                name="ingestionjob_failed_jobs_say_why",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["url", "feed"]) | ~Q(url=""),
                name="ingestionjob_url_jobs_have_a_url",
            ),
        ]

    def __str__(self):
        what = self.url or self.file_name or self.title or "pasted text"
        return f"{self.get_kind_display()} job {self.pk}: {what[:80]}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
