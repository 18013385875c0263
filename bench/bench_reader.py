#!/usr/bin/env python3
"""Benchmark the reader pages and the API on a newsroom-sized PostgreSQL database.

    .venv/bin/python bench/bench_reader.py            # a throwaway PostgreSQL cluster, like `make test`
    DATABASE_URL=postgres://... bench/bench_reader.py  # an empty database you provide (it is migrated and filled)
    make bench                                         # every bench/bench_*.py

It bulk-creates 100,000 articles, 20,000 events and 1,000 companies, then
measures in-process with Django's test client (middleware, ETags and all):

- SQL queries per list page or endpoint at several page sizes (must not grow);
- the timeline page and /api/v1/events/?company=... (targets: median < 50 ms,
  p95 < 150 ms);
- the events endpoint beside a hand-written values() + JSON view returning the
  same rows, in the same run (target: at most 3 times its cost).

Options: --articles, --events, --companies, --requests (per measurement), --seed.
"""

import argparse
import os
import random
import statistics
import sys
import time
import types
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from throwaway_postgres import throwaway_postgres  # noqa: E402


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["API_THROTTLE_ANON"] = "100000000/second"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["AXES_ENABLED"] = "false"
    # Production settings with plain static files (no collectstatic manifest needed).
    os.environ["DJANGO_SETTINGS_MODULE"] = "autotracker.test_settings"
    import django
    from django.conf import settings

    django.setup()
    # The hand-written baseline is served beside the real URLs, through the same middleware.
    urls = types.ModuleType("bench_urls")
    from django.urls import include, path

    urls.urlpatterns = [path("bench/events-values/", events_values_view), path("", include("autotracker.urls"))]
    sys.modules["bench_urls"] = urls
    settings.ROOT_URLCONF = "bench_urls"
    settings.DEBUG = False


# The baseline: the same rows as /api/v1/events/?company=..., by hand ------------


def events_values_view(request):
    """Approved events of a company, newest first, with participants and
    evidence, built from values() queries and dumped as JSON."""
    from django.db.models import Exists, OuterRef, Value
    from django.db.models.functions import Coalesce
    from django.http import JsonResponse

    from companies.models import Company, Event, EventParticipant, Evidence

    company_id = Company.objects.filter(slug=request.GET["company"]).values_list("id", flat=True).first()
    events = list(
        Event.objects.filter(review_state="approved")
        .filter(Exists(EventParticipant.objects.filter(event=OuterRef("pk"), company_id=company_id)))
        .annotate(sort_date=Coalesce("date", Value(date(1, 1, 1))))
        .order_by("-sort_date", "-id")
        .values("id", "kind", "date", "date_precision", "title", "summary", "status", "review_state")[:50]
    )
    ids = [e["id"] for e in events]
    participants, evidence = {}, {}
    for row in EventParticipant.objects.filter(event_id__in=ids).order_by("company__name").values(
        "event_id", "role", "company__slug", "company__name"
    ):
        participants.setdefault(row["event_id"], []).append(
            {"company": {"slug": row["company__slug"], "name": row["company__name"]}, "role": row["role"]}
        )
    for row in Evidence.objects.filter(event_id__in=ids).order_by("article__published_on", "article_id", "start").values(
        "id", "event_id", "article_id", "article__title", "article__url", "article__published_on", "quote",
        "start", "end",
    ):
        evidence.setdefault(row["event_id"], []).append({
            "article": row["article_id"],
            "article_title": row["article__title"],
            "article_url": row["article__url"],
            "article_published_on": row["article__published_on"],
            "article_page_url": f"http://testserver/articles/{row['article_id']}/#evidence-{row['id']}",
            "quote": row["quote"], "start": row["start"], "end": row["end"],
        })
    for event in events:
        event["participants"] = participants.get(event["id"], [])
        event["evidence"] = evidence.get(event["id"], [])
        event["page_url"] = f"http://testserver/events/{event['id']}/"
    return JsonResponse({"next": None, "previous": None, "results": events})


# The data set ----------------------------------------------------------------------------

KINDS = ["merger_talks", "merger_talks_ended", "approach", "partnership", "stake_change", "restructuring",
         "financial_result", "leadership_change", "product_launch", "policy"]
SENTENCES = [
    "{a} and {b} said on {day} they would study closer ties in software and batteries.",
    "{a} holds a {pct}% stake in {b}, according to a regulatory filing.",
    "Analysts expect {a} to report weaker results as tariffs weigh on exports.",
    "{b} plans to cut {n} jobs and close {m} plants under its turnaround plan.",
    "People familiar with the matter said {a} had approached {b} about a tie-up.",
    "{a} declined to comment on reports of merger talks with {b}.",
    "The two companies have collaborated on electric and autonomous vehicles since {year}.",
    "{b} sold {n} vehicles worldwide in fiscal {year}, down from a year earlier.",
]


def build(*, articles: int, events: int, companies: int, seed: int) -> dict:
    from django.contrib.postgres.search import SearchVector  # noqa: F401  (PostgreSQL only)
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article
    from companies.models import (
        Company,
        CompanyAlias,
        CompanyMention,
        Event,
        EventParticipant,
        Evidence,
        Figure,
        Stake,
    )

    rng = random.Random(seed)
    now = timezone.now()
    started = time.perf_counter()

    existing = Company.objects.count()
    Company.objects.bulk_create(
        [Company(name=f"Bench Motor {i}", slug=f"bench-motor-{i}", kind="supplier", country="JP",
                 review_state="approved") for i in range(max(0, companies - existing))],
        batch_size=1000,
    )
    CompanyAlias.objects.bulk_create(
        [CompanyAlias(company=c, name=c.name) for c in Company.objects.filter(slug__startswith="bench-motor-")],
        batch_size=1000, ignore_conflicts=True,
    )
    everyone = list(Company.objects.order_by("id"))
    # A few companies are in most of the news, as in life: Zipf-like weights.
    weights = [1 / (rank + 1) for rank in range(len(everyone))]
    toyota = next(c for c in everyone if c.slug == "toyota")
    everyone.remove(toyota)
    everyone.insert(0, toyota)

    def pick(k):
        chosen = set()
        while len(chosen) < k:
            chosen.add(rng.choices(range(len(everyone)), weights)[0])
        return [everyone[i] for i in chosen]

    day0 = date(2015, 1, 1)
    batch, article_ids = [], []
    for i in range(articles):
        a, b = pick(2)
        body = " ".join(
            rng.choice(SENTENCES).format(a=a.name, b=b.name, day=f"{rng.randint(1, 28)} May", pct=rng.randint(1, 40),
                                         n=rng.randint(100, 20000), m=rng.randint(1, 9),
                                         year=rng.randint(2010, 2025))
            for _ in range(rng.randint(6, 12))
        )
        batch.append(Article(
            title=f"{a.name} and {b.name}: story {i}", body=body, published_on=day0 + timedelta(days=rng.randint(0, 3950)),
            fetched_at=now, content_hash=f"bench-{seed}-{i}", status="extracted",
        ))
        if len(batch) == 5000:
            article_ids += [x.pk for x in Article.objects.bulk_create(batch)]
            batch = []
    article_ids += [x.pk for x in Article.objects.bulk_create(batch)]
    mentions = []
    for pk in article_ids:
        for company in pick(rng.randint(2, 3)):
            mentions.append(CompanyMention(article_id=pk, company=company, count=rng.randint(1, 5)))
    CompanyMention.objects.bulk_create(mentions, batch_size=10000)
    print(f"  {articles} articles, {len(mentions)} mentions ({time.perf_counter() - started:.0f} s)", flush=True)

    made = Event.objects.bulk_create(
        [
            Event(
                kind=rng.choice(KINDS),
                title=f"Event {i}: {rng.choice(['talks', 'alliance', 'results', 'restructuring', 'stake raised'])}",
                summary="Reported by several outlets." if rng.random() < 0.5 else "",
                status=rng.choice(["rumored", "reported", "confirmed", "denied"]),
                review_state="approved" if rng.random() < 0.9 else "proposed",
                **({"date": day0 + timedelta(days=rng.randint(0, 3950)), "date_precision": "day"}
                   if rng.random() < 0.95 else {"date": None, "date_precision": ""}),
            )
            for i in range(events)
        ],
        batch_size=5000,
    )
    participants, evidence = [], []
    for event in made:
        for company in pick(rng.randint(1, 3)):
            participants.append(EventParticipant(event=event, company=company))
        for start in rng.sample(range(0, 200, 20), rng.randint(1, 2)):
            evidence.append(Evidence(event=event, article_id=rng.choice(article_ids), quote="A quoted sentence.",
                                     start=start, end=start + 18))
    EventParticipant.objects.bulk_create(participants, batch_size=10000)
    Evidence.objects.bulk_create(evidence, batch_size=10000)
    stakes = {}
    for _ in range(3000):
        owner, target = pick(2)
        stakes[(owner.pk, target.pk)] = Stake(
            owner=owner, target=target, percent=rng.randint(1, 60), review_state="approved",
            valid_from=day0 + timedelta(days=rng.randint(0, 3000)), valid_from_precision="day",
        )
    Stake.objects.bulk_create(stakes.values(), batch_size=5000)
    Figure.objects.bulk_create(
        [Figure(company=rng.choice(everyone[:200]), metric="sales_units", value=rng.randint(1000, 10_000_000),
                unit="vehicles", period=f"FY{rng.randint(2015, 2025)}", review_state="approved") for _ in range(5000)],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE") if not connection.in_atomic_block else cursor.execute("ANALYZE")
    print(f"  {events} events, {len(participants)} participants, {len(evidence)} evidence, {len(stakes)} stakes "
          f"({time.perf_counter() - started:.0f} s)", flush=True)
    return ranked_companies()


def ranked_companies() -> dict:
    """The company in the most approved events, and one in a middling number."""
    from django.db.models import Count

    from companies.models import EventParticipant

    counts = (
        EventParticipant.objects.filter(event__review_state="approved").values("company__slug")
        .annotate(n=Count("id")).order_by("-n", "company__slug")
    )
    ranked = [row["company__slug"] for row in counts]
    return {"busiest": ranked[0], "typical": ranked[len(ranked) // 2]}


# Measurements --------------------------------------------------------------------------------


def timed(client, url, requests, *, before=None):
    for _ in range(5):
        assert client.get(url).status_code == 200, url
    samples = []
    for _ in range(requests):
        if before is not None:
            before()
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def query_count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--companies", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)

    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return run(os.environ["DATABASE_URL"], args)
    with throwaway_postgres(shared_buffers="512MB", maintenance_work_mem="512MB", work_mem="16MB") as url:
        return run(url, args)


def run(database_url, args) -> int:
    setup_django(database_url)
    from django.core.management import call_command
    from django.test import Client

    print(f"Migrating and building the data set ({args.articles} articles, {args.events} events, "
          f"{args.companies} companies)...", flush=True)
    call_command("migrate", verbosity=0)
    from articles.models import Article

    if Article.objects.filter(content_hash__startswith="bench-").exists():
        print("  the database already holds a bench data set: reusing it", flush=True)
        slugs = ranked_companies()
    else:
        slugs = build(articles=args.articles, events=args.events, companies=args.companies, seed=args.seed)
    client = Client()
    busiest, typical = slugs["busiest"], slugs["typical"]

    print("\nSQL queries per request, by page size (must not grow):")
    sized = {
        "/api/v1/events/?company={c}&page_size={n}": "events API",
        "/api/v1/events/?page_size={n}": "events API, all",
        "/api/v1/companies/{c}/timeline/?page_size={n}": "company timeline API",
        "/api/v1/stakes/?page_size={n}": "stakes API",
        "/api/v1/figures/?page_size={n}": "figures API",
        "/api/v1/companies/?page_size={n}": "companies API",
        "/api/v1/articles/?company={c}&page_size={n}": "articles API",
        "/api/v1/articles/?q=merger&page_size={n}": "articles API, search",
    }
    failures = []
    for pattern, label in sized.items():
        counts = [query_count(client, pattern.format(c=busiest, n=n)) for n in (5, 50, 200)]
        flag = "" if len(set(counts)) == 1 else "   <-- grows"
        failures += [label] if flag else []
        print(f"  {label:28} page size 5/50/200: {counts[0]}/{counts[1]}/{counts[2]}{flag}")
    pages = {"timeline": "/", "timeline, company": f"/?company={busiest}",
             "timeline, page 40": "/?page=40", "network": "/network/", "company page": f"/companies/{busiest}/",
             "search": "/search/?q=merger", "events feed": "/feeds/events/"}
    for label, url in pages.items():
        print(f"  {label:28} {query_count(client, url)} queries")

    print(f"\nTimings over {args.requests} requests each, in-process (median / p95, ms):")
    rows = [
        ("timeline /", "/"),
        (f"timeline /?company={busiest}", f"/?company={busiest}"),
        (f"timeline /?company={typical}", f"/?company={typical}"),
        ("timeline filtered by kind+date", "/?kind=partnership&date_from=2020-01-01&status=confirmed"),
        (f"API events ?company={busiest}", f"/api/v1/events/?company={busiest}"),
        (f"hand-written values() ?company={busiest}", f"/bench/events-values/?company={busiest}"),
        (f"API events ?company={typical}", f"/api/v1/events/?company={typical}"),
        (f"hand-written values() ?company={typical}", f"/bench/events-values/?company={typical}"),
        ("API articles ?q=merger", "/api/v1/articles/?q=merger"),
        (f"company page /companies/{busiest}/", f"/companies/{busiest}/"),
        ("network /network/", "/network/"),
        ("search /search/?q=merger", "/search/?q=merger"),
    ]
    results = {}
    for label, url in rows:
        results[url] = timed(client, url, args.requests)
        print(f"  {label:52} {results[url][0]:7.1f} / {results[url][1]:7.1f}", flush=True)
    # Event cards are cached (companies/fragments.py): the cost with every card
    # rendered afresh, then with nothing cached at all (company menu included).
    from django.core.cache import cache

    from companies import fragments

    def new_cards():
        fragments.VERSION += 1

    for label, url, before in [
        ("timeline /, cards rendered afresh", "/", new_cards),
        (f"timeline /?company={busiest}, cards rendered afresh", f"/?company={busiest}", new_cards),
        ("timeline /, nothing cached", "/", cache.clear),
        (f"timeline /?company={busiest}, nothing cached", f"/?company={busiest}", cache.clear),
    ]:
        median, p95 = timed(client, url, args.requests, before=before)
        print(f"  {label:52} {median:7.1f} / {p95:7.1f}", flush=True)

    print("\nTargets:")
    for url in ["/", f"/?company={busiest}", f"/api/v1/events/?company={busiest}", f"/api/v1/events/?company={typical}"]:
        median, p95 = results[url]
        ok = median < 50 and p95 < 150
        failures += [] if ok else [url]
        print(f"  {url:44} median {median:5.1f} < 50, p95 {p95:5.1f} < 150: {'yes' if ok else 'NO'}")
    for slug in (busiest, typical):
        ratio = results[f"/api/v1/events/?company={slug}"][0] / results[f"/bench/events-values/?company={slug}"][0]
        failures += [] if ratio <= 3 else [f"ratio {slug}"]
        print(f"  events API / hand-written values() for {slug}: {ratio:.2f}x (target <= 3): "
              f"{'yes' if ratio <= 3 else 'NO'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
