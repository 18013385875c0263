"""Writes for articles: every way in (file, pasted text, fetched page, feed
item) ends in `article_ingest`, so duplicates are caught in one place."""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from .cleaning import CleanedArticle, clean_file, clean_text
from .models import Article, Source

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool

    @property
    def outcome(self) -> str:
        return "new" if self.created else "duplicate"


def content_hash(body: str) -> str:
    """Hash the text as a reader sees it: case and spacing do not make it new."""
    normalised = _WHITESPACE.sub(" ", body).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def article_ingest(
    *,
    cleaned: CleanedArticle,
    origin: str = "",
    url: str = "",
    source: Source | None = None,
) -> IngestResult:
    """Store a cleaned article once. The same text or canonical URL again is a no-op."""
    canonical_url = cleaned.canonical_url or ""
    if canonical_url:
        existing = Article.objects.filter(canonical_url=canonical_url).first()
        if existing is not None:
            return IngestResult(existing, created=False)
    digest = content_hash(cleaned.body)
    try:
        with transaction.atomic():
            article, created = Article.objects.get_or_create(
                content_hash=digest,
                defaults={
                    "title": cleaned.title[:500],
                    "body": cleaned.body,
                    "published_on": cleaned.published,
                    "canonical_url": canonical_url,
                    "url": url,
                    "origin": origin[:2000],
                    "source": source,
                    "fetched_at": timezone.now(),
                },
            )
    except IntegrityError:
        # Another worker stored the same canonical URL between our look-up and insert.
        article = Article.objects.get(canonical_url=canonical_url)
        created = False
    return IngestResult(article, created)


def article_ingest_file(*, path: str | Path) -> IngestResult:
    """Clean and store one .txt or .html file. Raises CleaningError on bad input."""
    path = Path(path)
    return article_ingest(cleaned=clean_file(path), origin=path.name)


def article_ingest_text(
    *, text: str, title: str = "", published: date | None = None, origin: str = "pasted"
) -> IngestResult:
    """Clean and store pasted text; an explicit title or date wins over the text's own."""
    cleaned = clean_text(text)
    if title or published:
        cleaned = CleanedArticle(
            title=title or cleaned.title,
            body=cleaned.body,
            published=published or cleaned.published,
            canonical_url=cleaned.canonical_url,
        )
    return article_ingest(cleaned=cleaned, origin=origin)
