"""Extraction as a pipeline of named steps behind one interface.

An `Extractor` turns an article (title, body, publication date) and a registry
into an `Extraction`. `RuleExtractor` is one: the rule steps below, run in
order over a shared `Document`. A statistical or language-model extractor can
stand beside it by implementing the same `extract` signature, and both are
scored on the same gold file.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol, Sequence, runtime_checkable

from . import companies, events, figures, people, sentences, stakes
from .document import Document
from .registry import Registry
from .results import Extraction

logger = logging.getLogger(__name__)


@runtime_checkable
class Step(Protocol):
    name: str

    def run(self, doc: Document) -> None: ...


@runtime_checkable
class Extractor(Protocol):
    name: str

    def extract(self, *, title: str, body: str, published: dt.date | None, registry: Registry) -> Extraction: ...


class SplitSentences:
    name = "sentences"

    def run(self, doc: Document) -> None:
        doc.sentences = sentences.split(doc.body)


DEFAULT_STEPS: tuple[Step, ...] = (
    SplitSentences(),
    companies.FindCompanies(),
    people.FindPeople(),
    stakes.FindStakes(),
    events.FindEvents(),
    figures.FindFigures(),
)


class RuleExtractor:
    name = "rules"

    def __init__(self, steps: Sequence[Step] = DEFAULT_STEPS):
        self.steps = tuple(steps)

    def extract(self, *, title: str, body: str, published: dt.date | None, registry: Registry) -> Extraction:
        doc = Document(
            title=title or "",
            body=body or "",
            published=published,
            registry=registry,
            result=Extraction(title=title or "", published=published, body_chars=len(body or ""),
                              extractor=self.name),
        )
        for step in self.steps:
            try:
                step.run(doc)
            except Exception as exc:
                if step.name in ("sentences", "companies"):
                    raise  # every later step reads what these give
                # A rule that breaks on one odd article loses that step's findings, not the article's:
                # the other steps still run, and the failure is logged and reported with the result.
                logger.exception("Extraction step %r failed on %r", step.name, title[:80])
                doc.result.failed_steps.append(f"{step.name}: {type(exc).__name__}: {exc}")
        return doc.result


_default = RuleExtractor()


def extract(*, title: str, body: str, published: dt.date | None, registry: Registry) -> Extraction:
    """Extract companies, people, stakes, events and figures from one article with the rule extractor."""
    return _default.extract(title=title, body=body, published=published, registry=registry)
