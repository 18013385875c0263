"""The registry of known companies, held in memory and matched in one pass.

Every alias of every company goes into one Aho-Corasick automaton, so finding
all mentions costs one scan of the text however large the registry is. A
match counts only on word boundaries ("Nissan's" and "Honda-Nissan" count,
"Nissans" and "Hondas" do not), the longest match wins ("Mitsubishi Motors"
over "Mitsubishi", "Toyota Industries" over "Toyota"), and a family name that
several companies share but none owns as an alias ("Mitsubishi") is kept as
an ambiguous mention for the companies step to resolve from context.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import ahocorasick

from . import vocab


@dataclass(frozen=True)
class Company:
    """One company the tracker knows, or one proposed from an article (new=True)."""

    key: str
    name: str
    slug: str | None = None
    kind: str = "other"
    country: str = ""
    aliases: tuple[str, ...] = ()
    new: bool = False

    @cached_property
    def short(self) -> str:
        """The name a headline would use: the shortest alias made of the canonical name's first words."""
        words = self.name.replace(",", "").split()
        candidates = [a for a in (self.name, *self.aliases) if words[: len(a.replace(",", "").split())] == a.replace(",", "").split()]
        return min(candidates, key=len) if candidates else self.name


@dataclass(frozen=True)
class RawMatch:
    start: int
    end: int
    companies: tuple[int, ...]  # indices into Registry.companies; more than one when ambiguous
    family: bool  # matched a shared family name rather than an alias

    def __init__(self, start, end, companies, family):
        # The generated __init__ of a frozen dataclass sets each field through object.__setattr__;
        # filling the dict at once makes the same object, faster (one is made per mention).
        self.__dict__.update(start=start, end=end, companies=companies, family=family)


@dataclass
class Registry:
    companies: list[Company]
    _automaton: ahocorasick.Automaton = field(init=False, repr=False)
    _by_key: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self):
        self._by_key = {c.key: i for i, c in enumerate(self.companies)}
        brands = {b.lower() for b in vocab.data("brands.json")["brands"]}
        media = {m.lower() for m in vocab.lines("media_outlets.txt")}
        owners: dict[str, set[int]] = {}
        for i, company in enumerate(self.companies):
            if company.name.lower() in brands or company.name.lower() in media:
                continue  # brands belong to their maker; outlets are sources
            for alias in {company.name, *company.aliases}:
                alias = " ".join(alias.split())
                if len(alias) >= 2 and alias.lower() not in media:
                    owners.setdefault(alias.lower(), set()).add(i)
        # Family names: a first word several companies share ("Mitsubishi") that no
        # company claims as an alias. Context decides which company is meant.
        families: dict[str, set[int]] = {}
        for i, company in enumerate(self.companies):
            for name in {company.name, *company.aliases}:
                first = name.split()[0].rstrip(",.")
                if len(first) >= 4 and first[0].isupper() and first.lower() not in owners:
                    families.setdefault(first.lower(), set()).add(i)
        automaton = ahocorasick.Automaton()
        for alias, idx in owners.items():
            exact = _exact_case(alias, self.companies, idx)
            automaton.add_word(alias, (len(alias), tuple(sorted(idx)), False, exact))
        not_org = {w.lower() for w in vocab.lines("not_org_words.txt")}
        countries = {w.lower() for w in vocab.lines("countries.txt")}
        for family, idx in families.items():
            if len(idx) >= 2 and family not in not_org and family not in countries:
                automaton.add_word(family, (len(family), tuple(sorted(idx)), True, None))
        automaton.make_automaton()
        self._automaton = automaton

    def __len__(self):
        return len(self.companies)

    def get(self, key: str) -> Company | None:
        i = self._by_key.get(key)
        return None if i is None else self.companies[i]

    def index(self, key: str) -> int | None:
        return self._by_key.get(key)

    def scan(self, text: str) -> list[RawMatch]:
        """Every registry name in text, on word boundaries, longest and leftmost first."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lowered
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        found = []
        for end, (length, idx, family, exact) in self._automaton.iter(lowered):
            start = end - length + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            after = end + 1
            if after < len(text) and (text[after].isalnum() or text[after] == "_"):
                continue
            if not text[start].isupper() and not text[start].isdigit():
                continue  # "ford the river", "apple pie": names are capitalised
            if exact is not None and text[start:after] != exact:
                continue  # short all-caps aliases ("GM", "VW") must match exactly
            found.append((start, after, idx, family))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out: list[RawMatch] = []
        last_end = -1
        for start, end, idx, family in found:
            if start < last_end:
                continue
            out.append(RawMatch(start, end, idx, family))
            last_end = end
        return out


def _exact_case(alias: str, companies, idx) -> str | None:
    """Short all-capital aliases (GM, VW, KHI) are matched only as written; others in any case."""
    original = next(
        (a for i in idx for a in (companies[i].name, *companies[i].aliases) if a.lower() == alias), alias
    )
    letters = [c for c in original if c.isalpha()]
    return original if len(letters) <= 4 and all(c.isupper() for c in letters) else None


def registry_from_records(records: list[dict]) -> Registry:
    """Build a registry from dicts shaped like companies/migrations/data/0002_registry.json."""
    companies = []
    for r in records:
        if r.get("review_state") == "rejected":
            continue
        slug = r.get("slug")
        companies.append(
            Company(
                key=slug or r["name"],
                name=r["name"],
                slug=slug,
                kind=r.get("kind") or "other",
                country=r.get("country") or "",
                aliases=tuple(a for a in r.get("aliases", []) if a and a != r["name"]),
            )
        )
    return Registry(companies)


def registry_from_json(path: str | Path) -> Registry:
    return registry_from_records(json.loads(Path(path).read_text(encoding="utf-8")))


def registry_from_db() -> Registry:
    """Build the registry from the database: every company not rejected, with its aliases. Reads only."""
    from companies.models import Company as CompanyModel
    from companies.models import ReviewState

    records = []
    rows = CompanyModel._base_manager.exclude(review_state=ReviewState.REJECTED).prefetch_related("aliases")
    for company in rows.order_by("pk"):
        records.append(
            {
                "name": company.name,
                "slug": company.slug,
                "kind": company.kind,
                "country": company.country,
                "aliases": [a.name for a in company.aliases.all()],
            }
        )
    return registry_from_records(records)
