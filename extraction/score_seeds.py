"""Score the rule extractor on the seed articles, without a database.

    python -m extraction.score_seeds [--gold ../shared/eval/seeds.gold.json] [--out /tmp/seeds.out.json] [--verbose]

Builds the registry from companies/migrations/data/0002_registry.json (or the
gold file's names table when that is missing), cleans each seed the way
ingestion does, writes what `manage.py extract --json` would print, and runs
the shared scorer on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from .pipeline import extract
from .registry import registry_from_json, registry_from_records

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REGISTRY_JSON = ROOT / "companies" / "migrations" / "data" / "0002_registry.json"


def build_registry(gold: dict):
    if REGISTRY_JSON.exists():
        return registry_from_json(REGISTRY_JSON)
    return registry_from_records(
        [{"name": names[-1], "slug": slug, "kind": "automaker", "aliases": names} for slug, names in gold["names"].items()]
    )


def run(paths: list[Path], registry) -> list[dict]:
    from articles.cleaning import clean_file

    out = []
    for path in paths:
        try:
            cleaned = clean_file(path)
        except ValueError as exc:
            out.append({"source": str(path), "error": str(exc)})
            continue
        result = extract(title=cleaned.title, body=cleaned.body, published=cleaned.published, registry=registry)
        out.append(result.to_json(source=str(path)))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(SHARED / "eval" / "seeds.gold.json"))
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    parser.add_argument("--out", default="/tmp/seeds.out.json")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    gold = json.loads(Path(args.gold).read_text())
    registry = build_registry(gold)
    paths = sorted(Path(args.seeds).glob("*.txt"))
    Path(args.out).write_text(json.dumps(run(paths, registry), indent=2, ensure_ascii=False))
    scorer = Path(args.gold).parent / "score_extraction.py"
    cmd = [sys.executable, str(scorer), args.gold, args.out] + (["--verbose"] if args.verbose else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())


def score_own_articles(verbose: bool = True) -> int:
    """Score the extractor on extraction/tests/articles with their gold.json."""
    from .tests.helpers import ARTICLES, run

    gold = ARTICLES / "gold.json"
    out = [run(a["file"]).to_json(source=a["file"]) for a in json.loads(gold.read_text())["articles"]]
    path = Path("/tmp/own.out.json")
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False))
    scorer = SHARED / "eval" / "score_extraction.py"
    return subprocess.call([sys.executable, str(scorer), str(gold), str(path)] + (["--verbose"] if verbose else []))
