"""Reads of companies and facts. Public pages and the API go through here so
that "only approved facts are public" is decided in one place."""

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Company, CompanyAlias, Event, EventParticipant, Evidence, Figure, ReviewState, Stake


def can_see_unapproved(user) -> bool:
    return bool(user and user.is_authenticated and user.is_staff)


def visible(queryset: QuerySet, *, user=None) -> QuerySet:
    """Narrow a fact queryset to what `user` may see: approved only, unless staff."""
    if can_see_unapproved(user):
        return queryset
    return queryset.filter(review_state=ReviewState.APPROVED)


def _approved_evidence() -> Prefetch:
    return Prefetch("evidence", queryset=Evidence.objects.select_related("article").order_by("start"))


def company_resolve(name: str) -> Company | None:
    """Return the company that `name` (canonical or alias) names, if any."""
    alias = CompanyAlias.objects.select_related("company").filter(name__iexact=name.strip()).first()
    if alias is not None:
        return alias.company
    return Company.objects.filter(name__iexact=name.strip()).first()


def company_list(*, user=None) -> QuerySet:
    return visible(Company.objects.all(), user=user).prefetch_related("aliases")


def stake_list(*, user=None) -> QuerySet:
    return visible(Stake.objects.all(), user=user).select_related("owner", "target").prefetch_related(
        _approved_evidence()
    )


def event_list(*, user=None) -> QuerySet:
    return (
        visible(Event.objects.all(), user=user)
        .prefetch_related(
            Prefetch("participants", queryset=EventParticipant.objects.select_related("company")),
            _approved_evidence(),
        )
        .order_by("-date", "-created_at", "-pk")
    )


def figure_list(*, user=None) -> QuerySet:
    return visible(Figure.objects.all(), user=user).select_related("company").prefetch_related(
        _approved_evidence()
    )


def timeline_events(*, user=None, company: Company | None = None) -> QuerySet:
    """Approved events, newest first, ready to render with participants and sources."""
    events = event_list(user=None)
    if company is not None:
        events = events.filter(participants__company=company)
    return events


def company_page(*, slug: str) -> Company | None:
    """The approved company behind a public company page, with what the page shows."""
    return (
        Company.objects.approved()
        .filter(slug=slug)
        .prefetch_related("aliases")
        .annotate(article_count=Count("mentions", distinct=True))
        .first()
    )


def company_stakes(*, company: Company) -> dict[str, QuerySet]:
    approved = stake_list(user=None)
    return {
        "held": approved.filter(owner=company).order_by("-percent"),
        "held_in": approved.filter(target=company).order_by("-percent"),
    }


def company_figures(*, company: Company) -> QuerySet:
    return figure_list(user=None).filter(company=company).order_by("metric", "period")


def company_articles(*, company: Company, limit: int = 20):
    from articles.models import Article

    return Article.objects.filter(mentions__company=company).order_by("-published_on", "-fetched_at")[:limit]


def proposals_waiting() -> dict[str, int]:
    proposed = Q(review_state=ReviewState.PROPOSED)
    return {
        "stakes": Stake.objects.filter(proposed).count(),
        "events": Event.objects.filter(proposed).count(),
        "figures": Figure.objects.filter(proposed).count(),
        "companies": Company.objects.filter(proposed).count(),
    }
