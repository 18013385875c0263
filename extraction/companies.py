"""Company mentions: registry names, resolved in context, plus organisations the registry lacks.

Registry aliases are found in one Aho-Corasick pass (see registry.py). A family
name several companies share ("Mitsubishi") resolves to the family member the
article names in full, else to the automaker. Organisations not yet in the
registry are found by their shape - a capitalised name ending in Motor, Group,
Holdings, Industries, Corp, Inc, Ltd... ("Hon Hai Precision Industry"), or a
proper name introduced as "Taiwan's Foxconn" or "Chinese automaker Chery" - and
proposed to editors as new companies. News outlets are sources, never companies.
"""

from __future__ import annotations

import re
from collections import Counter

from . import triggers, vocab
from .document import Document, Mention
from .registry import Company
from .results import CompanyFound
from .sentences import Masked

_SUFFIXES = [s for s in vocab.lines("org_suffixes.txt")]
_SUFFIX_SET = {s.lower().rstrip(".") for s in _SUFFIXES}
_NOT_ORG = {w.lower() for w in vocab.lines("not_org_words.txt")}
_COUNTRIES = sorted(vocab.lines("countries.txt"), key=len, reverse=True)
_COUNTRY_SET = {c.lower() for c in _COUNTRIES}
_MEDIA = {m.lower() for m in vocab.lines("media_outlets.txt")}
_BRANDS = {b.lower() for b in vocab.data("brands.json")["brands"]}

_CAP = r"(?:[A-Z][A-Za-z0-9’'&.-]*[A-Za-z0-9]|[A-Z])"
_SUFFIX_RE = "|".join(re.escape(s) for s in sorted(_SUFFIXES, key=len, reverse=True))
SUFFIXED = re.compile(
    r"\b(?P<name>" + _CAP + r"(?:\s+(?:" + _CAP + r"|&))*?)"
    r"(?P<suffix>(?:\s+(?:" + _SUFFIX_RE + r")(?![\w-]))+(?:,?\s+(?:Ltd\.?|Inc\.?|Limited|Co\.,?\s+Ltd\.?))?)"
)
_COUNTRY_RE = "|".join(re.escape(c) for c in _COUNTRIES)
INTRODUCED = re.compile(
    r"\b(?:(?:" + _COUNTRY_RE + r")(?:’s|'s)"
    r"|(?:automaker|carmaker|car\s+maker|auto\s+maker|EV\s+maker|electric[- ]vehicle\s+maker|electric[- ]car\s+maker"
    r"|battery\s+maker|chipmaker|chip\s+maker|parts\s+maker|supplier|start-?up|conglomerate|trading\s+house"
    r"|electronics\s+(?:giant|maker)|tech(?:nology)?\s+(?:giant|company|firm)|contract\s+manufacturer)"
    r")\s+(?P<name>" + _CAP + r"(?:\s+" + _CAP + r"){0,2})"
)


# Tried only where a country or one of the nouns begins: the alternation is too long to try everywhere.
_INTRODUCED = triggers.Anchored(INTRODUCED)
_SUFFIX_HINT = re.compile(r"\s(?:" + _SUFFIX_RE + r")(?![\w-])")


def _suffixed(text: str):
    """SUFFIXED matches, tried only in windows that end at a suffix word (fast on long texts)."""
    last_end = 0
    for hint in _SUFFIX_HINT.finditer(text):
        lo = max(last_end, hint.start() - 80)
        for m in SUFFIXED.finditer(text, lo, min(len(text), hint.end() + 30)):
            if m.start() >= last_end and m.start("suffix") <= hint.start() <= m.end():
                last_end = m.end()
                yield m
                break


class FindCompanies:
    name = "companies"

    def run(self, doc: Document) -> None:
        registry = doc.registry
        body_raw = registry.scan(doc.body)
        title_raw = registry.scan(doc.title)
        # Unambiguous mentions anywhere in the article decide what ambiguous ones mean.
        context = Counter()
        for raw in (*body_raw, *title_raw):
            if len(raw.companies) == 1:
                context[registry.companies[raw.companies[0]].key] += 1

        def to_mention(raw, text):
            keys = [registry.companies[i].key for i in raw.companies]
            key = _resolve(keys, context, registry)
            doc.companies.setdefault(key, registry.get(key))
            return Mention(raw.start, raw.end, key, text[raw.start:raw.end], tuple(k for k in keys if k != key))

        body_mentions = [to_mention(r, doc.body) for r in body_raw]
        title_mentions = [to_mention(r, doc.title) for r in title_raw]

        # Organisations the registry does not know, from the body only (titles are all capitals).
        found = _unknown_organisations(doc, body_mentions)
        body_mentions = _apply_new(doc, body_mentions, found, doc.body, discover=True)
        title_mentions = _apply_new(doc, title_mentions, found, doc.title, discover=False)

        doc.mentions = sorted(body_mentions, key=lambda m: m.start)
        doc.title_mentions = title_mentions
        _attach_to_sentences(doc)
        doc.result.companies = _summarise(doc)


def _resolve(keys: list[str], context: Counter, registry) -> str:
    if len(keys) == 1:
        return keys[0]
    named = [k for k in keys if context[k]]
    if named:
        return max(named, key=lambda k: context[k])
    makers = [k for k in keys if registry.get(k).kind == "automaker"]
    return (makers or keys)[0]


def _is_name_word(word: str) -> bool:
    w = word.lower().strip("’'.,")
    return bool(w) and w not in _NOT_ORG and w not in _COUNTRY_SET and w not in _SUFFIX_SET


def _unknown_organisations(doc: Document, mentions: list[Mention]) -> dict[str, tuple[int, int, str]]:
    """Candidates: name -> (start, end, short form)."""
    text = doc.body
    lowered_words = _LoweredWords(text)
    headings = [(s.start, s.end) for s in doc.sentences if s.heading]
    found: dict[str, tuple[int, int, str]] = {}

    def in_heading(pos):
        return any(a <= pos < b for a, b in headings)

    def overlapping(a, b):
        return [m for m in mentions if m.start < b and a < m.end]

    for m in _suffixed(text):
        a, b = m.span()
        if in_heading(a):
            continue
        words = m.group("name").split()
        # Drop leading words that cannot start a name: "The", "Japanese", "Rival".
        while words and not _is_name_word(words[0]):
            words.pop(0)
        if not words:
            continue
        name_start = a + m.group("name").index(words[0]) if words[0] in m.group("name") else a
        core = " ".join(words)
        if core.lower() in _MEDIA or core.lower() in _BRANDS:
            continue
        hits = overlapping(name_start, b)
        if hits:
            first = hits[0]
            # "Toyota Tsusho Corp" extends the registry's "Toyota" with words of its own: a
            # different company. "Nissan Motor Co." only adds suffixes: the same one.
            extra = text[first.end:m.start("suffix")].split()
            if not (len(hits) == 1 and first.start == name_start and extra and _is_name_word(extra[0])):
                continue
        if all(w.lower() in lowered_words for w in words if w.isalpha()):
            continue  # "Motor" after ordinary words written in capitals elsewhere
        full = text[name_start:b].rstrip(",")
        short = core if len(words) >= 1 and _is_name_word(words[-1]) else full
        found.setdefault(full, (name_start, name_start + len(full), short))
    for m in _INTRODUCED.finditer(text):
        a, b = m.span("name")
        if in_heading(a) or overlapping(a, b):
            continue
        words = m.group("name").split()
        while words and not _is_name_word(words[-1]):
            words.pop()
        if not words or not _is_name_word(words[0]):
            continue
        name = " ".join(words)
        if name.lower() in _MEDIA or name.lower() in _BRANDS:
            continue
        if any(w.lower() in lowered_words for w in words):
            continue  # a common word capitalised: "Japan's Prime ...", "China's Auto ..."
        if any(name in other for other in found):
            continue
        found.setdefault(name, (a, a + len(name), name))
    return found


class _LoweredWords:
    """The words the text writes in lower case ("motor", "prime"), collected on first use."""

    def __init__(self, text: str):
        self.text = text
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = set(re.findall(r"\b[a-z][a-z-]+\b", self.text))
        return word in self.words


def _apply_new(doc: Document, mentions: list[Mention], found, text: str, *, discover: bool) -> list[Mention]:
    """Add the new organisations' mentions (full name and short form) and register them in doc.companies."""
    if not found:
        return mentions
    keep = list(mentions)
    for full, (a, b, short) in found.items():
        key = "new:" + full
        if key not in doc.companies:
            doc.companies[key] = Company(key=key, name=full, slug=None, kind="other", aliases=(short,), new=True)
        forms = sorted({full, short}, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
        for m in pattern.finditer(text):
            s, e = m.span()
            overlapping = [x for x in keep if x.start < e and s < x.end]
            if overlapping:
                # a new name that swallows a registry alias ("Toyota Tsusho Corp") replaces it
                if all(x.start >= s and x.end <= e and not x.key.startswith("new:") for x in overlapping) and e - s > max(x.end - x.start for x in overlapping):
                    keep = [x for x in keep if x not in overlapping]
                else:
                    continue
            keep.append(Mention(s, e, key, m.group(0)))
    return sorted(keep, key=lambda m: m.start)


def _attach_to_sentences(doc: Document) -> None:
    si = 0
    for i, m in enumerate(doc.mentions):
        while si < len(doc.sentences) and doc.sentences[si].end <= m.start:
            si += 1
        if si < len(doc.sentences) and doc.sentences[si].start <= m.start:
            doc.sentences[si].mentions.append(i)
    for s in doc.sentences:
        s.masked = Masked.build(s, doc.mentions)


def _summarise(doc: Document) -> list[CompanyFound]:
    counts = Counter(m.key for m in doc.mentions) + Counter(m.key for m in doc.title_mentions)
    first = {}
    for m in doc.mentions:
        first.setdefault(m.key, m)
    order = {k: i for i, k in enumerate(dict.fromkeys([*(m.key for m in doc.title_mentions), *(m.key for m in doc.mentions)]))}
    out = []
    for key in sorted(counts, key=lambda k: (-counts[k], order[k])):
        company = doc.companies[key]
        m = first.get(key)
        out.append(
            CompanyFound(
                name=company.name, slug=company.slug, mentions=counts[key], new=company.new,
                quote=m.surface if m else "", start=m.start if m else None, end=m.end if m else None,
                kind=company.kind,
            )
        )
    return out
