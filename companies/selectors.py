"""Reads of companies and facts. Public pages and the API go through here so
that "only approved facts are public" is decided in one place."""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.utils.html import escape

from .filters import held_on
from .models import (
    Company,
    CompanyAlias,
    Event,
    EventParticipant,
    Evidence,
    Figure,
    ReviewState,
    Stake,
)

# Undated events sort after every dated one, newest first.
UNDATED = datetime.date(1, 1, 1)
# What a list shows of an article behind a fact: never its (long) body.
EVIDENCE_ARTICLE_FIELDS = ["article__id", "article__title", "article__url", "article__published_on"]


def can_see_unapproved(user) -> bool:
    return bool(user and user.is_authenticated and user.is_staff)


def visible(queryset: QuerySet, *, user=None) -> QuerySet:
    """Narrow a fact queryset to what `user` may see: approved only, unless staff."""
    if can_see_unapproved(user):
        return queryset
    return queryset.filter(review_state=ReviewState.APPROVED)


# Prefetched relations land in plain lists (`evidence_list`, `participant_list`):
# Django then skips building a related manager and queryset per row, which on
# a page of fifty events cost more than the queries themselves.


def _evidence() -> Prefetch:
    return Prefetch(
        "evidence",
        queryset=Evidence.objects.select_related("article")
        .only("id", "stake_id", "event_id", "figure_id", "quote", "start", "end", *EVIDENCE_ARTICLE_FIELDS)
        .order_by("article__published_on", "article_id", "start"),
        to_attr="evidence_list",
    )


def _participants() -> Prefetch:
    return Prefetch(
        "participants",
        queryset=EventParticipant.objects.select_related("company")
        .only("id", "event_id", "role", "company__id", "company__slug", "company__name")
        .order_by("company__name"),
        to_attr="participant_list",
    )


def company_resolve(name: str) -> Company | None:
    """Return the company that `name` (canonical or alias) names, if any."""
    alias = CompanyAlias.objects.select_related("company").filter(name__iexact=name.strip()).first()
    if alias is not None:
        return alias.company
    return Company.objects.filter(name__iexact=name.strip()).first()


def company_list(*, user=None) -> QuerySet:
    return visible(Company.objects.all(), user=user).prefetch_related(
        Prefetch("aliases", queryset=CompanyAlias.objects.order_by("name"))
    )


def company_choices() -> list[tuple[str, str]]:
    """(slug, name) of approved companies that appear in an approved event or
    stake, for filter menus. Cached for a minute: it scans every fact."""
    return cache.get_or_set("reader:company_choices", _company_choices, timeout=60)


def company_options_html() -> str:
    """The <option>s of `company_choices()`, escaped, cached as long as it is."""

    def build():
        return "\n".join(
            f'<option value="{escape(slug)}">{escape(name)}</option>' for slug, name in company_choices()
        )

    return cache.get_or_set("reader:company_options", build, timeout=60)


def _company_choices() -> list[tuple[str, str]]:
    approved = ReviewState.APPROVED
    in_event = EventParticipant.objects.filter(company=OuterRef("pk"), event__review_state=approved)
    holds = Stake.objects.filter(owner=OuterRef("pk"), review_state=approved)
    held = Stake.objects.filter(target=OuterRef("pk"), review_state=approved)
    return list(
        Company.objects.approved()
        .filter(Exists(in_event) | Exists(holds) | Exists(held))
        .order_by("name")
        .values_list("slug", "name")
    )


def stake_list(*, user=None) -> QuerySet:
    return (
        visible(Stake.objects.all(), user=user)
        .select_related("owner", "target")
        .prefetch_related(_evidence())
    )


def event_list(*, user=None) -> QuerySet:
    """Events newest first with participants and sources; `sort_date` puts undated ones last."""
    return (
        visible(Event.objects.all(), user=user)
        .annotate(sort_date=Coalesce("date", Value(UNDATED)))
        .prefetch_related(_participants(), _evidence())
        .order_by("-sort_date", "-id")
    )


def figure_list(*, user=None) -> QuerySet:
    return visible(Figure.objects.all(), user=user).select_related("company").prefetch_related(_evidence())


def timeline_events(*, user=None, company: Company | None = None) -> QuerySet:
    """Approved events, newest first, ready to render with participants and sources."""
    events = event_list(user=None)
    if company is not None:
        events = events.filter(participants__company=company)
    return events


def event_page(*, pk: int) -> Event | None:
    return timeline_events().filter(pk=pk).first()


def feed_events(*, company: Company | None = None, limit: int = 50) -> list[Event]:
    """The latest approved events by when they were published here, for Atom feeds."""
    return list(timeline_events(company=company).order_by("-updated_at", "-id")[:limit])


# Company pages ------------------------------------------------------------


def company_page(*, slug: str) -> Company | None:
    """The approved company behind a public company page, with what the page shows."""
    return (
        Company.objects.approved()
        .filter(slug=slug)
        .prefetch_related(Prefetch("aliases", queryset=CompanyAlias.objects.order_by("name")))
        .first()
    )


def company_stakes(*, company: Company) -> dict[str, QuerySet]:
    """Approved stakes the company holds and stakes held in it, current ones first."""
    approved = stake_list(user=None)
    today = datetime.date.today()
    order = ["-percent", "-valid_from"]
    return {
        "held": approved.filter(owner=company).annotate(ended=Q(valid_to__lt=today)).order_by("ended", *order),
        "held_in": approved.filter(target=company)
        .annotate(ended=Q(valid_to__lt=today))
        .order_by("ended", *order),
    }


def company_figures(*, company: Company) -> QuerySet:
    return figure_list(user=None).filter(company=company).order_by("metric", "period")


@dataclass
class FigureSeries:
    """One metric in one unit over periods: what a small chart plots."""

    metric: str
    label: str
    unit: str
    points: list[tuple[str, Decimal]]


def figure_series(figures) -> list[FigureSeries]:
    """Group figures into series by metric and unit, periods in order."""
    series: dict[tuple[str, str], FigureSeries] = {}
    for figure in figures:
        key = (figure.metric, figure.unit)
        if key not in series:
            series[key] = FigureSeries(figure.metric, figure.get_metric_display(), figure.unit, [])
        series[key].points.append((figure.period or "", figure.value))
    for one in series.values():
        one.points.sort(key=lambda point: _period_order(point[0]))
    return list(series.values())


def _period_order(period: str) -> tuple:
    """'2015' < 'FY2023' < '2024-Q1' < 'FY2024': by the year in it, then as written."""
    year = re.search(r"(?:19|20)\d\d", period)
    return (int(year.group()) if year else 0, period)


def company_articles(*, company: Company, limit: int = 20):
    from articles.models import Article

    return (
        Article.objects.filter(mentions__company=company, duplicate_of__isnull=True)
        .only("id", "title", "published_on", "fetched_at")
        .order_by("-published_on", "-fetched_at")[:limit]
    )


# The ownership network ------------------------------------------------------


@dataclass
class Alliance:
    name: str
    members: list[Company]
    since: datetime.date | None
    event_id: int


@dataclass
class Network:
    as_of: datetime.date
    companies: list[Company]
    stakes: list[Stake]
    alliances: list[Alliance] = field(default_factory=list)


def network_as_of(*, as_of: datetime.date, company: Company | None = None) -> Network:
    """Approved stakes held on `as_of` and alliances formed by then.

    When several stakes of one owner in one target cover the date (a holding
    raised from 16.83% to 20% whose old row has no end), the latest start wins.
    `company` narrows the network to that company's neighbours. Stakes come
    without evidence: `with_evidence` loads it for the ones a page shows.
    """
    candidates = (
        Stake.objects.approved()
        .filter(held_on(as_of))
        .select_related("owner", "target")
        .order_by(Coalesce("valid_from", Value(UNDATED)), "id")
    )
    if company is not None:
        candidates = candidates.filter(Q(owner=company) | Q(target=company))
    current: dict[tuple[int, int], Stake] = {}
    for stake in candidates:
        current[(stake.owner_id, stake.target_id)] = stake
    in_effect = {stake.pk for stake in current.values()}
    stakes = [s for s in current.values() if s.superseded_by_id not in in_effect]

    # Alliances: approved partnerships of two or more, newest first, one per set
    # of members. An undated one is known to stand now, not since when.
    formed = Q(event__date__lte=as_of)
    if as_of >= datetime.date.today():
        formed |= Q(event__date__isnull=True)
    rows = (
        EventParticipant.objects.filter(
            formed, event__review_state=ReviewState.APPROVED, event__kind=Event.Kind.PARTNERSHIP,
            company__review_state=ReviewState.APPROVED,
        )
        .order_by("-event__date", "-event_id", "company__name")
        .values_list("event_id", "event__title", "event__date", "company_id", "company__slug", "company__name")
    )
    if company is not None:
        rows = rows.filter(event__participants__company=company)
    events: dict[int, Alliance] = {}
    for event_id, title, day, company_id, slug, name in rows:
        alliance = events.setdefault(event_id, Alliance(title, [], day, event_id))
        alliance.members.append(Company(id=company_id, slug=slug, name=name))
    alliances, seen_groups = [], set()
    for alliance in events.values():
        group = frozenset(m.pk for m in alliance.members)
        if len(group) >= 2 and group not in seen_groups:
            seen_groups.add(group)
            alliances.append(alliance)

    companies = {}
    for stake in stakes:
        companies[stake.owner_id] = stake.owner
        companies[stake.target_id] = stake.target
    for alliance in alliances:
        for member in alliance.members:
            companies.setdefault(member.pk, member)
    if company is not None:
        companies.setdefault(company.pk, company)
    stakes.sort(key=lambda s: (s.owner.name, -s.percent))
    return Network(as_of, sorted(companies.values(), key=lambda c: c.name), stakes, alliances)


def with_evidence(stakes: list[Stake]) -> list[Stake]:
    """Load the evidence of these stakes, in one query."""
    prefetch_related_objects(stakes, _evidence())
    return stakes


# Search ---------------------------------------------------------------------


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def search_companies(query: str, *, limit: int = 20) -> list[Company]:
    """Approved companies whose name or an alias contains `query`; exact names first."""
    query = query.strip()
    if not query:
        return []
    matches = (
        Company.objects.approved()
        .filter(Q(name__icontains=query) | Q(aliases__name__icontains=query))
        .annotate(exact=Count("aliases", filter=Q(aliases__name__iexact=query)))
        .order_by("-exact", "name")
        .distinct()
    )
    return list(matches[:limit])


def search_events(query: str, *, limit: int = 20, full_text: bool | None = None) -> list[Event]:
    """Approved events matching `query`, best first: full-text on PostgreSQL."""
    query = query.strip()
    if not query:
        return []
    events = timeline_events()
    if full_text is None:
        full_text = uses_full_text_search()
    if full_text:
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("title", weight="A", config="english") + SearchVector(
            "summary", weight="B", config="english"
        )
        terms = SearchQuery(query, search_type="websearch", config="english")
        events = (
            events.annotate(document=vector, rank=SearchRank(vector, terms))
            .filter(document=terms)
            .order_by("-rank", "-sort_date", "-id")
        )
    else:
        for word in query.split():
            events = events.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return list(events[:limit])
