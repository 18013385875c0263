"""Where articles come from (sources) and the articles themselves."""

from datetime import timedelta

from django.db import models
from django.db.models import Q
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
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["body"])

    class Meta:
        ordering = ["-published_on", "-fetched_at"]
        indexes = [models.Index(fields=["-published_on", "-fetched_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["canonical_url"],
                condition=~Q(canonical_url=""),
                name="article_canonical_url_unique",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article_detail", args=[self.pk])
