"""Shared test inputs: the test registry and our own test articles."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from extraction.pipeline import extract
from extraction.registry import registry_from_json

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"


@cache
def registry():
    return registry_from_json(HERE / "registry.json")


def load_article(name: str) -> tuple[str, str, dt.date | None]:
    """Our test articles: a title line, a 'Published: YYYY-MM-DD' line, a blank line, the body."""
    text = (ARTICLES / name).read_text(encoding="utf-8")
    title, published, _, body = text.split("\n", 3)
    day = dt.date.fromisoformat(published.split(":", 1)[1].strip())
    return title, body.strip(), day


def run(name: str):
    title, body, published = load_article(name)
    return extract(title=title, body=body, published=published, registry=registry())


def run_text(body: str, *, title: str = "", published: dt.date | None = dt.date(2025, 5, 20)):
    return extract(title=title, body=body, published=published, registry=registry())
