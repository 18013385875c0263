"""Save what extraction finds in a stored article as proposals for editors.

The pipeline (`extraction.pipeline`) reads; this module writes, through the
companies services that keep an editor's decisions final.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from articles.models import Article
from companies import services as facts
from companies.models import Company, CompanyMention, DatePrecision, Figure, Person

from .pipeline import extract
from .registry import Registry, registry_from_db
from .results import Extraction

logger = logging.getLogger(__name__)


@dataclass
class ExtractReport:
    article_id: int
    companies: int = 0
    new_companies: list[str] = field(default_factory=list)
    stakes: int = 0
    events: int = 0
    figures: int = 0
    skipped: list[str] = field(default_factory=list)


def parse_date(value: str | None) -> tuple[date | None, str]:
    """'2025-05-20' → day, '2025-05' → month, '2025' → year precision."""
    if not value:
        return None, ""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        return date(*parts), DatePrecision.DAY
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), DatePrecision.MONTH
    return date(parts[0], 1, 1), DatePrecision.YEAR


def article_extract(*, article_id: int, registry: Registry | None = None) -> ExtractReport | None:
    """Extract one stored article again, replacing its earlier proposals.

    Facts an editor approved or rejected are never changed; they only gain
    evidence. Returns None when the article is gone or is a near-duplicate
    (its original carries the facts).
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None or getattr(article, "duplicate_of_id", None):
        return None
    registry = registry or registry_from_db()
    found = extract(title=article.title, body=article.body, published=article.published_on, registry=registry)
    try:
        with transaction.atomic():
            report = _save(article, found)
            article.status = Article.Status.EXTRACTED
            article.error = ""
            article.save(update_fields=["status", "error"])
    except Exception as exc:
        Article.objects.filter(pk=article.pk).update(status=Article.Status.FAILED, error=str(exc)[:2000])
        raise
    return report


def _save(article: Article, found: Extraction) -> ExtractReport:
    report = ExtractReport(article_id=article.pk)
    facts.article_proposals_clear(article=article)

    by_name: dict[str, Company] = {}
    slugs = [c.slug for c in found.companies if c.slug]
    known = {company.slug: company for company in Company.objects.filter(slug__in=slugs)}
    for company in found.companies:
        resolved = known.get(company.slug) if company.slug else None
        if resolved is None:
            resolved = facts.company_propose(name=company.name)
            report.new_companies.append(resolved.name)
        by_name[company.name] = resolved

    CompanyMention.objects.filter(article=article).delete()
    CompanyMention.objects.bulk_create(
        [
            CompanyMention(
                article=article,
                company=by_name[c.name],
                count=max(c.mentions, 1),
                first_start=c.start or 0,
                first_end=c.end or 0,
            )
            for c in found.companies
        ],
        ignore_conflicts=True,  # two names found may resolve to one company
    )
    report.companies = len(found.companies)

    extractor = found.extractor or "rules"
    for person in found.people:
        company = by_name.get(person.company) if person.company else None
        Person.objects.update_or_create(
            name=person.name, company=company, defaults={"role": person.role[:120]}
        )

    for stake in found.stakes:
        owner, target = by_name.get(stake.owner), by_name.get(stake.target)
        if owner is None or target is None or owner == target:
            report.skipped.append(f"stake {stake.owner} → {stake.target}")
            continue
        facts.stake_propose(
            owner=owner, target=target, percent=stake.percent, article=article,
            quote=stake.quote, start=stake.start, end=stake.end, extractor=extractor,
        )
        report.stakes += 1

    for event in found.events:
        day, precision = parse_date(event.date)
        facts.event_propose(
            kind=event.kind,
            companies=[by_name[name] for name in event.companies if name in by_name],
            title=event.title,
            article=article,
            quote=event.quote,
            start=event.start,
            end=event.end,
            date=day,
            date_precision=precision,
            status=event.status,
            extractor=extractor,
        )
        report.events += 1

    for figure in found.figures:
        if figure.metric not in Figure.Metric.values:
            report.skipped.append(f"figure metric {figure.metric}")
            continue
        facts.figure_propose(
            company=by_name.get(figure.company) if figure.company else None,
            metric=figure.metric,
            value=figure.value,
            unit=figure.unit,
            period=figure.period or "",
            article=article,
            quote=figure.quote,
            start=figure.start,
            end=figure.end,
            extractor=extractor,
        )
        report.figures += 1
    return report
