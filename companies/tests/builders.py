"""Small builders for reader and API tests: articles, stakes, figures and the
evidence that ties them together, approved unless a test says otherwise."""

import hashlib
from datetime import date
from decimal import Decimal

from django.utils import timezone

from articles.models import Article
from companies.models import CompanyMention, DatePrecision, Evidence, Figure, ReviewState, Stake

APPROVED = ReviewState.APPROVED


def article(*, title="Automakers regroup", body="Toyota holds 20% of Subaru.", published_on=None, url=""):
    return Article.objects.create(
        title=title,
        body=body,
        published_on=published_on,
        url=url,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        fetched_at=timezone.now(),
    )


def stake(owner, target, percent, *, since: date | None = None, until: date | None = None,
          review_state=APPROVED, status="reported"):
    return Stake.objects.create(
        owner=owner,
        target=target,
        percent=Decimal(str(percent)),
        valid_from=since,
        valid_from_precision=DatePrecision.DAY if since else "",
        valid_to=until,
        review_state=review_state,
        status=status,
    )


def figure(company, metric, value, *, unit="vehicles", period="", review_state=APPROVED):
    return Figure.objects.create(
        company=company, metric=metric, value=Decimal(str(value)), unit=unit, period=period,
        review_state=review_state,
    )


def cite(fact, source: Article, quote: str) -> Evidence:
    """Evidence that `quote`, found in the article's body, supports `fact`."""
    start = source.body.index(quote)
    kind = type(fact).__name__.lower()
    return Evidence.objects.create(article=source, quote=quote, start=start, end=start + len(quote), **{kind: fact})


def mention(source: Article, company, count=1) -> CompanyMention:
    return CompanyMention.objects.create(article=source, company=company, count=count)
