"""Reads for the review desk: the queue of proposals and evidence in context.

The public selectors decide what readers see; this module serves editors
only, so it may show every review state.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .models import (
    Company,
    CompanyMention,
    Event,
    EventParticipant,
    Evidence,
    FactStatus,
    Figure,
    ReviewState,
    Stake,
)

CONTEXT_CHARS = 280

KINDS = {
    "event": Event,
    "stake": Stake,
    "figure": Figure,
    "company": Company,
}
KIND_LABELS = {"event": "Events", "stake": "Stakes", "figure": "Figures", "company": "New companies"}
ROW_LABELS = {"event": "Event", "stake": "Stake", "figure": "Figure", "company": "New company"}
CREATED_WITHIN = {
    "today": ("Today", timedelta(days=1)),
    "week": ("Past 7 days", timedelta(days=7)),
    "month": ("Past 30 days", timedelta(days=30)),
}


def in_context(body: str, start: int, end: int, quote: str = "", radius: int = CONTEXT_CHARS) -> SafeString:
    """The quoted span inside the text around it, escaped, the span in <mark>.

    Article text is untrusted: every piece goes through format_html's escaping.
    If the offsets no longer point at the quote (the body was re-cleaned), the
    quote is looked up again; failing that, the quote is shown alone.
    """
    if quote and body[start:end] != quote:
        found = body.find(quote)
        if found < 0:
            return format_html("<mark>{}</mark>", quote)
        start, end = found, found + len(quote)
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    before_start = max(0, start - radius)
    after_end = min(len(body), end + radius)
    # Cut at word boundaries so the context does not begin mid-word.
    if before_start > 0:
        space = body.find(" ", before_start, start)
        before_start = space + 1 if space >= 0 else before_start
    if after_end < len(body):
        space = body.rfind(" ", end, after_end)
        after_end = space if space >= 0 else after_end
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "… " if before_start > 0 else "",
        body[before_start:start],
        body[start:end],
        body[end:after_end],
        " …" if after_end < len(body) else "",
    )


@dataclass
class Support:
    """One article's support for a proposal."""

    article: object
    context: SafeString
    extractor: str = ""


@dataclass
class QueueRow:
    kind: str
    obj: object
    support: list[Support] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.obj.pk}"

    @property
    def created_at(self):
        return self.obj.created_at

    @property
    def label(self) -> str:
        return ROW_LABELS[self.kind]

    @property
    def change_url(self) -> str:
        return reverse(f"admin:companies_{self.kind}_change", args=[self.obj.pk])

    @property
    def history_url(self) -> str:
        return reverse(f"admin:companies_{self.kind}_history", args=[self.obj.pk])


@dataclass
class QueueFilters:
    kind: str = ""
    state: str = ReviewState.PROPOSED
    company: int | None = None
    source: int | None = None
    created: str = ""
    status: str = ""

    @classmethod
    def from_query(cls, query) -> QueueFilters:
        def number(name):
            value = query.get(name, "")
            return int(value) if value.isdigit() else None

        state = query.get("state", ReviewState.PROPOSED)
        return cls(
            kind=query.get("kind", "") if query.get("kind", "") in KINDS else "",
            state=state if state in [*ReviewState.values, "all"] else ReviewState.PROPOSED,
            company=number("company"),
            source=number("source"),
            created=query.get("created", "") if query.get("created", "") in CREATED_WITHIN else "",
            status=query.get("status", "") if query.get("status", "") in FactStatus.values else "",
        )


def _evidence_prefetch() -> Prefetch:
    return Prefetch(
        "evidence",
        queryset=Evidence.objects.select_related("article__source").order_by("article__published_on", "pk"),
    )


def _base_querysets() -> dict[str, QuerySet]:
    return {
        "event": Event.objects.prefetch_related(
            Prefetch("participants", queryset=EventParticipant.objects.select_related("company")),
            _evidence_prefetch(),
        ),
        "stake": Stake.objects.select_related("owner", "target").prefetch_related(_evidence_prefetch()),
        "figure": Figure.objects.select_related("company").prefetch_related(_evidence_prefetch()),
        "company": Company.objects.prefetch_related(
            "aliases",
            Prefetch(
                "mentions",
                queryset=CompanyMention.objects.select_related("article__source").order_by(
                    "article__published_on"
                ),
            ),
        ),
    }


def _filtered(kind: str, queryset: QuerySet, filters: QueueFilters) -> QuerySet:
    if filters.state != "all":
        queryset = queryset.filter(review_state=filters.state)
    if filters.status:
        # Only stakes and events say how certain they are.
        queryset = queryset.filter(status=filters.status) if kind in ("event", "stake") else queryset.none()
    if filters.created:
        queryset = queryset.filter(created_at__gte=timezone.now() - CREATED_WITHIN[filters.created][1])
    if filters.company:
        by_company = {
            "event": Q(participants__company=filters.company),
            "stake": Q(owner=filters.company) | Q(target=filters.company),
            "figure": Q(company=filters.company),
            "company": Q(pk=filters.company),
        }[kind]
        queryset = queryset.filter(by_company)
    if filters.source:
        by_source = (
            Q(mentions__article__source=filters.source)
            if kind == "company"
            else Q(evidence__article__source=filters.source)
        )
        queryset = queryset.filter(by_source)
    if filters.company or filters.source:
        queryset = queryset.distinct()
    return queryset


def _support(kind: str, obj) -> list[Support]:
    if kind == "company":
        return [
            Support(
                article=mention.article,
                context=in_context(mention.article.body, mention.first_start, mention.first_end)
                if mention.first_end > mention.first_start
                else format_html("{}", f"named {mention.count}×"),
            )
            for mention in obj.mentions.all()
        ]
    return [
        Support(
            article=item.article,
            context=in_context(item.article.body, item.start, item.end, item.quote),
            extractor=item.extractor,
        )
        for item in obj.evidence.all()
    ]


@dataclass
class Queue:
    rows: list[QueueRow]
    counts: dict[str, int]
    total: int
    waiting: int
    page: int
    pages: int


def review_queue(*, filters: QueueFilters, kinds: list[str], page: int = 1, per_page: int = 25) -> Queue:
    """Proposals of the given kinds, newest first, one page of them with their support.

    Each kind is its own table; each is read in order only as deep as the page
    needs, and the streams are merged by creation time.
    """
    querysets = {
        kind: _filtered(kind, queryset, filters)
        for kind, queryset in _base_querysets().items()
        if kind in kinds
    }
    counts = {kind: queryset.count() for kind, queryset in querysets.items()}
    shown = [kind for kind in querysets if not filters.kind or kind == filters.kind]
    total = sum(counts[kind] for kind in shown)
    pages = max(1, -(-total // per_page))
    page = max(1, min(page, pages))
    depth = page * per_page
    streams = [
        [QueueRow(kind, obj) for obj in querysets[kind].order_by("-created_at", "-pk")[:depth]]
        for kind in shown
    ]
    merged = heapq.merge(*streams, key=lambda row: (row.created_at, row.obj.pk), reverse=True)
    rows = list(merged)[(page - 1) * per_page : depth]
    for row in rows:
        row.support = _support(row.kind, row.obj)
    waiting = sum(KINDS[kind].objects.filter(review_state=ReviewState.PROPOSED).count() for kind in kinds)
    return Queue(rows=rows, counts=counts, total=total, waiting=waiting, page=page, pages=pages)


def queue_companies() -> QuerySet:
    """Companies an editor may filter the queue by: those named by any proposal."""
    proposed = ReviewState.PROPOSED
    return (
        Company.objects.filter(
            Q(participations__event__review_state=proposed)
            | Q(stakes_held__review_state=proposed)
            | Q(stakes_in__review_state=proposed)
            | Q(figures__review_state=proposed)
            | Q(review_state=proposed)
        )
        .distinct()
        .order_by("name")
    )


def queue_sources() -> QuerySet:
    from articles.models import Source

    return (
        Source.objects.annotate(article_count=Count("articles")).filter(article_count__gt=0).order_by("name")
    )


def proposal_lookup(kind: str, pk: int):
    model = KINDS.get(kind)
    if model is None:
        return None
    return model.objects.filter(pk=pk).first()
