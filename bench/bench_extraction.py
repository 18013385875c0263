"""Benchmark: articles per second for extraction alone, on one core.

    python bench/bench_extraction.py [--articles 600] [--words 600] [--seed 7]

Builds a registry of the real companies (companies/migrations/data/0002_registry.json)
plus 1,000 synthetic companies with 5,000 aliases in all, generates plain-text
articles of about 600 words that mix registry names with stakes, events,
figures and ordinary prose, and times `extraction.pipeline.extract` over them
after one warm-up pass. Cleaning and the database are not part of the timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.pipeline import extract  # noqa: E402
from extraction.registry import registry_from_records  # noqa: E402

SYLLABLES = ["ka", "to", "mi", "ra", "shi", "no", "be", "lu", "ze", "vo", "ta", "ri", "ko", "sa", "ne", "dar",
             "vel", "quin", "mor", "tas", "fen", "gro", "hal", "jun", "lex", "pra", "sul", "tor", "van", "wil"]
SUFFIXES = ["Motors", "Motor", "Industries", "Holdings", "Group", "Corp.", "Technologies", "Electric"]
FILLER = (
    "The industry is changing faster than at any time in a century, and executives say software, batteries and "
    "scale now decide who survives. Dealers report that customers are waiting longer before they buy, while "
    "interest rates and prices weigh on demand in several regions. Analysts at several banks expect the "
    "transition to electric vehicles to slow in some markets and speed up in others. Suppliers are under "
    "pressure to cut prices, and many have moved production closer to their largest customers."
).split(". ")


def synthetic_registry(rng: random.Random, n_companies=1000, n_aliases=5000) -> list[dict]:
    records = []
    seen = set()
    while len(records) < n_companies:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if stem.lower() in seen:
            continue
        seen.add(stem.lower())
        suffix = rng.choice(SUFFIXES)
        records.append({"name": f"{stem} {suffix}", "slug": f"syn-{stem.lower()}", "kind": "automaker",
                        "country": "JP", "aliases": [stem]})
    total = sum(1 + len(r["aliases"]) for r in records)
    variants = ["{s} Corp", "{s} Co.", "{s} Group", "{s} Ltd.", "{s} Holdings", "{s} Auto", "{S}"]
    i = 0
    while total < n_aliases:
        r = records[i % len(records)]
        stem = r["aliases"][0]
        alias = rng.choice(variants).format(s=stem, S=stem[:3].upper() + str(i % 97))
        if alias not in r["aliases"] and alias != r["name"]:
            r["aliases"].append(alias)
            total += 1
        i += 1
    return records


def article(rng: random.Random, names: list[str], words: int) -> str:
    def n():
        return rng.choice(names)

    templates = [
        lambda: f"{n()} said on Monday it would cut {rng.randint(1, 30)},000 jobs and close {rng.choice(['two', 'three', 'seven'])} plants by 2027.",
        lambda: f"{n()} holds a {rng.randint(2, 49)}.{rng.randint(0, 9)}% stake in {n()}, according to a filing.",
        lambda: f"{n()} and {n()} signed a memorandum of understanding to explore a business integration, the Nikkei reported.",
        lambda: f"{n()} posted a net loss of ${rng.randint(1, 9)}.{rng.randint(1, 9)} billion for the fiscal year ending March 2025.",
        lambda: f"{n()} sold {rng.randint(1, 9)}.{rng.randint(1, 9)} million vehicles last year, while {n()} sold {rng.randint(100, 900)},000.",
        lambda: f"Sources said {n()} had approached {n()} about a possible investment in February.",
        lambda: f"{n()} raised its stake in {n()} from {rng.randint(5, 15)}% to {rng.randint(16, 40)}% in March.",
        lambda: f"{n()} Chief Executive Taro Yamada told reporters the alliance with {n()} would deepen.",
        lambda: f"Its market share in the United States fell to {rng.randint(1, 15)}.{rng.randint(0, 9)}% in the first half of 2024.",
        lambda: f"{n()} expects cost savings of {rng.randint(50, 500)} billion yen from the restructuring plan.",
    ]
    out = []
    count = 0
    while count < words:
        paragraph = []
        for _ in range(rng.randint(3, 5)):
            sentence = rng.choice(templates)() if rng.random() < 0.45 else rng.choice(FILLER).strip() + "."
            paragraph.append(sentence)
            count += len(sentence.split())
        out.append(" ".join(paragraph))
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    real = json.loads((ROOT / "companies" / "migrations" / "data" / "0002_registry.json").read_text())
    synthetic = synthetic_registry(rng)
    t0 = time.perf_counter()
    registry = registry_from_records(real + synthetic)
    build = time.perf_counter() - t0
    aliases = sum(1 + len(c.aliases) for c in registry.companies)
    names = [r["aliases"][0] for r in synthetic[:200]] + [r["aliases"][0] if r["aliases"] else r["name"] for r in real]
    articles = [article(rng, names, args.words) for _ in range(args.articles)]
    mean_words = sum(len(a.split()) for a in articles) / len(articles)
    published = dt.date(2025, 5, 20)
    for body in articles[:20]:  # warm-up: compile patterns, fill caches
        extract(title="Warm-up", body=body, published=published, registry=registry)
    t0 = time.perf_counter()
    found = 0
    for body in articles:
        result = extract(title="Benchmark article", body=body, published=published, registry=registry)
        found += len(result.events) + len(result.stakes) + len(result.figures)
    elapsed = time.perf_counter() - t0
    rate = len(articles) / elapsed
    print(f"registry: {len(registry.companies)} companies, {aliases} names, built in {build * 1000:.0f} ms")
    print(f"articles: {len(articles)} of {mean_words:.0f} words on average; {found} stakes+events+figures found")
    print(f"extraction: {elapsed:.2f} s, {rate:.0f} articles/second on one core (target: 300)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
