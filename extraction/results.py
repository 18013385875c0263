"""What extraction proposes: plain dataclasses, each finding with its quote and offsets into the body."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass
class Evidence:
    quote: str
    start: int
    end: int


@dataclass
class CompanyFound:
    name: str
    slug: str | None
    mentions: int
    new: bool = False
    quote: str = ""  # the first mention's surface text in the body ("" if only in the title)
    start: int | None = None
    end: int | None = None
    kind: str = ""


@dataclass
class PersonFound:
    name: str
    role: str
    company: str | None
    quote: str
    start: int
    end: int


@dataclass
class StakeFound:
    owner: str
    target: str
    percent: float
    quote: str
    start: int
    end: int


@dataclass
class EventFound:
    kind: str
    date: str | None
    status: str
    companies: list[str]
    title: str
    quote: str
    start: int
    end: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class FigureFound:
    company: str | None
    metric: str
    value: float
    unit: str
    period: str | None
    quote: str
    start: int
    end: int


@dataclass
class Extraction:
    title: str
    published: dt.date | None
    body_chars: int
    extractor: str = ""
    companies: list[CompanyFound] = field(default_factory=list)
    people: list[PersonFound] = field(default_factory=list)
    stakes: list[StakeFound] = field(default_factory=list)
    events: list[EventFound] = field(default_factory=list)
    figures: list[FigureFound] = field(default_factory=list)
    # steps that failed on this article ("stakes: IndexError: ..."): what the others found still stands
    failed_steps: list[str] = field(default_factory=list)

    def to_json(self, source: str | None = None) -> dict:
        """The object `manage.py extract --json` prints for one article, as the spec describes it."""
        out = {}
        if source is not None:
            out["source"] = source
        out["title"] = self.title
        out["published"] = self.published.isoformat() if self.published else None
        out["body_chars"] = self.body_chars
        out["companies"] = [
            {"name": c.name, "slug": c.slug, "mentions": c.mentions, **({"new": True} if c.new else {})}
            for c in self.companies
        ]
        out["people"] = [{"name": p.name, "role": p.role, "company": p.company} for p in self.people]
        out["stakes"] = [
            {"owner": s.owner, "target": s.target, "percent": s.percent, "quote": s.quote} for s in self.stakes
        ]
        out["events"] = [
            {"kind": e.kind, "date": e.date, "status": e.status, "companies": e.companies, "title": e.title,
             "quote": e.quote}
            for e in self.events
        ]
        out["figures"] = [
            {"company": f.company, "metric": f.metric, "value": _plain(f.value), "unit": f.unit,
             "period": f.period, "quote": f.quote}
            for f in self.figures
        ]
        if self.failed_steps:
            out["failed_steps"] = list(self.failed_steps)
        return out

    def as_dict(self) -> dict:
        return asdict(self)


def _plain(value: float):
    """4.5e9 prints as 4500000000, 2.4 as 2.4."""
    return int(value) if float(value).is_integer() else value
