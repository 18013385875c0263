"""Reads of articles."""

from django.db import connection
from django.db.models import Exists, FloatField, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Cast

from companies.models import CompanyAlias, CompanyMention, Evidence, ReviewState

from .models import Article

# Search markers that never occur in text: the headline is escaped first, then
# the markers become <mark> tags, so article text never reaches a page raw.
HEADLINE_START = "\u2063\u2063"
HEADLINE_STOP = "\u2064\u2064"


def article_list(*, include_duplicates: bool = False) -> QuerySet:
    """Articles newest first, without their text, with the approved companies
    they name. Near-duplicates (a republished wire story) are listed once, as
    their first copy, unless asked for."""
    named = CompanyMention.objects.filter(company__review_state=ReviewState.APPROVED).select_related("company")
    articles = Article.objects.all() if include_duplicates else Article.objects.filter(duplicate_of__isnull=True)
    return (
        articles.select_related("source")
        .defer("body")
        .prefetch_related(Prefetch("mentions", queryset=named.order_by("-count", "company__name")))
    )


def article_page(*, pk: int) -> Article | None:
    return Article.objects.select_related("source").filter(pk=pk).first()


def article_mentions(*, article: Article) -> list[CompanyMention]:
    """Approved companies the article names, with their aliases, most-named first."""
    return list(
        CompanyMention.objects.filter(article=article, company__review_state=ReviewState.APPROVED)
        .select_related("company")
        .prefetch_related(Prefetch("company__aliases", queryset=CompanyAlias.objects.order_by("name")))
        .order_by("-count", "company__name")
    )


def article_evidence(*, article: Article) -> list[Evidence]:
    """The approved facts drawn from the article, in reading order."""
    approved = ReviewState.APPROVED
    return list(
        Evidence.objects.filter(article=article)
        .filter(Q(stake__review_state=approved) | Q(event__review_state=approved) | Q(figure__review_state=approved))
        .select_related("stake__owner", "stake__target", "event", "figure__company")
        .order_by("start")
    )


def filter_articles(
    queryset: QuerySet, *, company: str = "", published_after=None, published_before=None
) -> QuerySet:
    """Narrow articles to those naming `company` (a slug) and published in a range."""
    if company:
        queryset = queryset.filter(
            Exists(CompanyMention.objects.filter(article=OuterRef("pk"), company__slug=company))
        )
    if published_after:
        queryset = queryset.filter(published_on__gte=published_after)
    if published_before:
        queryset = queryset.filter(published_on__lte=published_before)
    return queryset


def article_search_document():
    """The stored, weighted tsvector of title and body (PostgreSQL; migration 0003)."""
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models.expressions import RawSQL

    return RawSQL('"articles_article"."search_document"', [], output_field=SearchVectorField())


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def search_articles(queryset: QuerySet, query: str, *, ranked: bool = True, full_text: bool | None = None) -> QuerySet:
    """Articles matching `query`: full-text with ranking on PostgreSQL, every
    word as a substring of the title or body elsewhere (SQLite)."""
    query = query.strip()
    if not query:
        return queryset
    if full_text is None:
        full_text = uses_full_text_search()
    if full_text:
        from django.contrib.postgres.search import SearchQuery, SearchRank

        terms = SearchQuery(query, search_type="websearch", config="english")
        document = article_search_document()
        queryset = queryset.alias(document=document).filter(document=terms)
        if ranked:
            # ts_rank is a float4; as a float8 it survives the trip through a
            # cursor (text) exactly, so the next page starts where this one ended.
            queryset = queryset.annotate(rank=Cast(SearchRank(document, terms), FloatField())).order_by(
                "-rank", "-published_on", "-id"
            )
        return queryset
    for word in query.split():
        queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return queryset


def article_search_page(query: str, *, limit: int = 20, full_text: bool | None = None) -> list[Article]:
    """The best articles for the search page, each with a `headline` excerpt."""
    query = query.strip()
    if not query:
        return []
    if full_text is None:
        full_text = uses_full_text_search()
    articles = search_articles(
        Article.objects.filter(duplicate_of__isnull=True).only("id", "title", "published_on", "body"),
        query,
        full_text=full_text,
    )
    if full_text:
        from django.contrib.postgres.search import SearchHeadline, SearchQuery

        articles = articles.annotate(
            headline=SearchHeadline(
                "body",
                SearchQuery(query, search_type="websearch", config="english"),
                config="english",
                start_sel=HEADLINE_START,
                stop_sel=HEADLINE_STOP,
                max_words=30,
                min_words=12,
            )
        ).defer("body")
        return list(articles[:limit])
    found = list(articles.order_by("-published_on", "-id")[:limit])
    first_word = query.split()[0].lower()
    for article in found:
        at = max(article.body.lower().find(first_word), 0)
        start = max(at - 80, 0)
        article.headline = (
            ("…" if start else "")
            + article.body[start:at]
            + HEADLINE_START
            + article.body[at : at + len(first_word)]
            + HEADLINE_STOP
            + article.body[at + len(first_word) : at + 160]
            + "…"
        )
    return found


# Ingestion jobs -------------------------------------------------------------


def job_list(*, user) -> QuerySet:
    """The jobs a user may see: their own, or all of them with the view permission."""
    from .models import IngestionJob

    jobs = IngestionJob.objects.select_related("article").defer("payload")
    if user.has_perm("articles.view_ingestionjob"):
        return jobs
    return jobs.filter(requested_by=user)


def job_item_counts(*, job) -> dict[str, int]:
    """How a feed job's items went: new, duplicate, near_duplicate, failed, pending."""
    from django.db.models import Count

    from .models import IngestionJob

    counts = {"found": job.items_found, "new": 0, "duplicate": 0, "near_duplicate": 0, "failed": 0, "pending": 0}
    rows = job.children.values("status", "outcome").annotate(n=Count("pk"))
    for row in rows:
        if row["status"] == IngestionJob.Status.FAILED:
            counts["failed"] += row["n"]
        elif row["status"] != IngestionJob.Status.DONE:
            counts["pending"] += row["n"]
        elif row["outcome"] in counts:
            counts[row["outcome"]] += row["n"]
    # Items whose article was stored before this feed was read.
    counts["duplicate"] += max(0, job.items_found - sum(counts[k] for k in ("new", "duplicate", "near_duplicate", "failed", "pending")))
    return counts
