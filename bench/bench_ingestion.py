#!/usr/bin/env python3
"""Benchmark ingestion on PostgreSQL against the issue's targets.

    .venv/bin/python bench/bench_ingestion.py             # a throwaway PostgreSQL cluster, like `make test`
    DATABASE_URL=postgres://... bench/bench_ingestion.py  # an empty database you provide (migrated, then filled)
    make bench                                            # every bench/bench_*.py

1. Plain text, clean and store: ~600-word articles, each new (on top of
   10,000 stored ones), through `clean_text` and
   `articles.services.article_ingest` (hashing, the MinHash
   sketch, the near-duplicate look-up, the article, its history row, its
   bands), one transaction each, in this one process pinned to one core.
   Extraction is excluded: the hook that queues it is switched off here.
   Target: at least 200 articles a second.
2. The duplicate check for one new article (`near_duplicate_of`: candidates
   from the band index, then their signatures) with 1,000 and then 100,000
   stored articles, for articles that are new and for edited copies of stored
   ones. The bulk of the stored articles get random signatures written with
   COPY, which is what a sketch of an unrelated text looks like to the index.
   Target: the time at 100,000 within 1.5 times the time at 1,000.

Options: --articles (part 1, default 2000), --stored (default 100000), --queries (default 300).
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from throwaway_postgres import throwaway_postgres  # noqa: E402


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "autotracker.test_settings"
    import django

    django.setup()


# Synthetic articles ------------------------------------------------------------

COMPANIES = [
    "Toyota",
    "Nissan",
    "Honda",
    "Mitsubishi Motors",
    "Subaru",
    "Mazda",
    "Suzuki",
    "Isuzu",
    "Daihatsu",
    "Hino",
    "Renault",
    "Denso",
    "Aisin",
    "Foxconn",
    "BYD",
]
VERBS = ["said", "confirmed", "denied", "announced", "told analysts", "signalled", "reported", "expected"]
THINGS = [
    "a holding company",
    "a software alliance",
    "a capital tie-up",
    "a restructuring plan",
    "plant closures",
    "a battery venture",
    "job cuts",
    "a stake increase",
    "a platform-sharing deal",
    "new electric models",
    "quarterly results",
    "a leadership change",
    "a chip supply agreement",
    "price cuts for suppliers",
]
TAILS = [
    "as sales in China fell",
    "after a weak quarter",
    "amid tariff worries",
    "despite investor doubts",
    "before the fiscal year ends",
    "following months of talks",
    "while the yen weakened",
    "as rivals spent heavily on software",
    "to the surprise of analysts",
    "after a board meeting",
]
WORDS = (
    "market share output margin dealers suppliers factory workers union shareholders board analysts investors "
    "forecast profit revenue loss demand exports imports platform battery hybrid software chips steel "
    "capacity subsidy regulators ministry agreement partnership negotiations proposal deadline region"
).split()


# News prose: a few words are everywhere, most are rare (Zipf), so unrelated
# stories share the odd phrase ("said on Tuesday") and little else.
VOCABULARY = WORDS + [
    f"{stem}{suffix}"
    for stem in (
        "acc ban cor del eng fin gov hyb ind jud lab man neg opt pla reg sal tec veh yen bat chi con dea eur "
        "exp fac gro inv mar pol pro rec sup tra uni war bud cap col dis ele for int loc mod ord pri ret str"
    ).split()
    for suffix in (
        "ord",
        "ance",
        "ator",
        "ment",
        "ing",
        "ed",
        "ity",
        "ure",
        "ist",
        "ive",
        "al",
        "ous",
        "ics",
        "ent",
        "ism",
        "ary",
        "ile",
        "age",
        "ion",
        "ery",
    )
]
FUNCTION_WORDS = "the of to and a in that for on with as by at from its it was said will is be has".split()
_LEXICON = FUNCTION_WORDS + COMPANIES + VOCABULARY
_CUMULATIVE = []
for rank, _ in enumerate(_LEXICON, start=1):
    _CUMULATIVE.append((_CUMULATIVE[-1] if _CUMULATIVE else 0) + 1 / rank)


def sentence(rng: random.Random) -> str:
    words = rng.choices(_LEXICON, cum_weights=_CUMULATIVE, k=rng.randint(12, 26))
    return f"{rng.choice(COMPANIES)} {rng.choice(VERBS)} " + " ".join(words) + f" {rng.choice(TAILS)}."


def article_text(rng: random.Random, words: int = 600) -> str:
    title = f"{rng.choice(COMPANIES)} weighs {rng.choice(THINGS)} {rng.choice(TAILS)}"
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return (
        f"{title}\n\nTOKYO, {rng.randint(2015, 2025)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} -- "
        + "\n\n".join(paragraphs)
    )


def edited(text: str, rng: random.Random) -> str:
    """A wire story as another outlet runs it: a few words changed, a line added."""
    words = text.split(" ")
    for _ in range(8):
        words[rng.randrange(20, len(words))] = rng.choice(WORDS)
    return " ".join(words) + "\n\nThe company is due to give details with its results."


# Part 1: clean and store ---------------------------------------------------------


def bench_clean_and_store(count: int) -> float:
    from articles import services
    from articles.cleaning import clean_text

    rng = random.Random(11)
    texts = [article_text(rng) for _ in range(count)]
    mean_words = statistics.mean(len(t.split()) for t in texts)
    # A newsroom's database is not empty: store 10,000 articles first and let
    # PostgreSQL know (on an empty, never analysed table it would scan, not use the indexes).
    copy_random_articles(10_000, 1)
    warmup = [article_text(rng) for _ in range(50)]
    for text in warmup:
        services.article_ingest(cleaned=clean_text(text), origin="bench")

    backend = backend_cpu_reader()
    clean_seconds = 0.0
    start, cpu_start, backend_start = time.perf_counter(), time.process_time(), backend()
    for text in texts:
        t0 = time.perf_counter()
        cleaned = clean_text(text)
        clean_seconds += time.perf_counter() - t0
        result = services.article_ingest(cleaned=cleaned, origin="bench")
        assert result.created, "every benchmark article is new"
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    backend_cpu = backend() - backend_start
    rate = count / elapsed
    print(
        f"Plain text, clean and store: {count} articles of ~{mean_words:.0f} words in {elapsed:.2f} s "
        f"= {rate:.0f} articles/s ({elapsed / count * 1000:.2f} ms each: cleaning "
        f"{clean_seconds / count * 1000:.2f} ms, storing with duplicate checks "
        f"{(elapsed - clean_seconds) / count * 1000:.2f} ms)  target >= 200/s: "
        f"{'PASS' if rate >= 200 else 'FAIL'}",
        flush=True,
    )
    print(
        f"  CPU time: this process {cpu / count * 1000:.2f} ms an article ({count / cpu:.0f} articles per "
        f"CPU-second), its PostgreSQL backend {backend_cpu / count * 1000:.2f} ms an article"
        + ("" if backend_cpu else " (not readable here)")
        + "; wall time above CPU time is waiting for a busy machine",
        flush=True,
    )
    return rate


def backend_cpu_reader():
    """CPU seconds used so far by this connection's PostgreSQL backend (0 when /proc is not readable)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    ticks = os.sysconf("SC_CLK_TCK")

    def read() -> float:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / ticks

    return read


# Part 2: the duplicate check at 1,000 and 100,000 articles -------------------------


def reset_articles() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE articles_articleband, articles_articlesketch, articles_ingestionjob, "
            "articles_historicalarticle, articles_article RESTART IDENTITY CASCADE"
        )


def copy_random_articles(count: int, start_id: int) -> None:
    """Stored articles with random signatures, written with COPY: 20 bands each, as real ones have."""
    import numpy as np
    from django.db import connection
    from django.utils import timezone

    from articles import dedup

    rng = np.random.default_rng(start_id)
    now = timezone.now().isoformat()
    connection.ensure_connection()
    raw = connection.connection
    batch = 20_000
    for offset in range(0, count, batch):
        ids = range(start_id + offset, start_id + min(count, offset + batch))
        articles, sketches, bands = io.StringIO(), io.StringIO(), io.StringIO()
        for article_id in ids:
            signature = rng.integers(0, 2**32, size=dedup.NUM_PERM, dtype=np.uint32)
            sketch = dedup.Sketch(signature)
            articles.write(
                f"{article_id}\tbench\t\t\tStored article {article_id}\tbody {article_id}\t\\N\t{now}\t"
                f"{article_id:064x}\tstored\t\t{now}\n"
            )
            sketches.write(f"{article_id}\t\\\\x{sketch.to_bytes().hex()}\n")
            for key in set(sketch.band_keys):
                bands.write(f"{article_id}\t{key}\n")
        with raw.cursor() as cursor:
            with cursor.copy(
                "COPY articles_article (id, origin, url, canonical_url, title, body, published_on, "
                "fetched_at, content_hash, status, error, created_at) FROM STDIN"
            ) as copy:
                copy.write(articles.getvalue())
            with cursor.copy("COPY articles_articlesketch (article_id, signature) FROM STDIN") as copy:
                copy.write(sketches.getvalue())
            with cursor.copy("COPY articles_articleband (article_id, key) FROM STDIN") as copy:
                copy.write(bands.getvalue())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('articles_article', 'id'), "
            "(SELECT max(id) FROM articles_article))"
        )
        cursor.execute("ANALYZE articles_article, articles_articlesketch, articles_articleband")


def time_checks(sketches) -> tuple[float, float, int]:
    from articles.services import near_duplicate_of

    timings, found = [], 0
    for sketch in sketches:
        start = time.perf_counter()
        if near_duplicate_of(sketch) is not None:
            found += 1
        timings.append(time.perf_counter() - start)
    timings.sort()
    return statistics.median(timings) * 1000, timings[int(len(timings) * 0.95)] * 1000, found


def bench_duplicate_check(stored: int, queries: int) -> float:
    from django.db.models import Max

    from articles import dedup, services
    from articles.cleaning import clean_text
    from articles.models import Article

    rng = random.Random(23)
    reset_articles()
    originals = [article_text(rng) for _ in range(100)]
    for text in originals:
        services.article_ingest(cleaned=clean_text(text), origin="bench")
    copies = [dedup.sketch(clean_text(edited(rng.choice(originals), rng)).body) for _ in range(queries // 2)]
    new = [dedup.sketch(clean_text(article_text(rng)).body) for _ in range(queries - queries // 2)]

    def next_id():
        return (Article.objects.aggregate(m=Max("id"))["m"] or 0) + 1

    copy_random_articles(1_000 - Article.objects.count(), next_id())
    results = {}
    for size in (1_000, stored):
        if size > Article.objects.count():
            print(f"  writing {size - Article.objects.count():,} more stored articles...", flush=True)
            copy_random_articles(size - Article.objects.count(), next_id())
        assert Article.objects.count() == size
        time_checks(copies[:20] + new[:20])  # warm the caches
        copy_median, copy_p95, copy_found = time_checks(copies)
        new_median, new_p95, new_found = time_checks(new)
        results[size] = (copy_median + new_median) / 2
        print(
            f"Duplicate check with {size:>7,} stored: new article median {new_median:.2f} ms (p95 {new_p95:.2f}), "
            f"edited copy median {copy_median:.2f} ms (p95 {copy_p95:.2f}); "
            f"copies found {copy_found}/{len(copies)}, false matches {new_found}/{len(new)}",
            flush=True,
        )
    ratio = results[stored] / results[1_000]
    print(
        f"Duplicate check, {stored:,} vs 1,000 stored: {ratio:.2f}x  target <= 1.5x: "
        f"{'PASS' if ratio <= 1.5 else 'FAIL'}",
        flush=True,
    )
    return ratio


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args(argv)
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return run(os.environ["DATABASE_URL"], args)
    with throwaway_postgres(shared_buffers="256MB", maintenance_work_mem="256MB") as url:
        return run(url, args)


def run(database_url: str, args) -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core for this process
    setup_django(database_url)
    from django.core.management import call_command

    from articles import services

    # Extraction is not part of this measurement.
    services.article_stored_hook = lambda article: None
    call_command("migrate", verbosity=0)
    reset_articles()
    rate = bench_clean_and_store(args.articles)
    ratio = bench_duplicate_check(args.stored, args.queries)
    return 0 if rate >= 200 and ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
