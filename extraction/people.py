"""People who run companies: "Toyota Chairman Akio Toyoda", "Ivan Espinosa, Nissan's chief executive"."""

from __future__ import annotations

import re

from . import triggers, vocab
from .document import Document
from .results import PersonFound
from .sentences import TOKEN

_ROLES = vocab.data("roles.json")
_ROLE_NAMES = {k.lower(): v for k, v in _ROLES["roles"].items()}
_ROLE = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(_ROLE_NAMES, key=len, reverse=True))
_MOD = "|".join(re.escape(m) for m in _ROLES["modifiers"])
_NAME = (
    r"(?-i:(?P<name>[A-Z][a-zA-Z’'-]+(?:\s+(?:(?:de|da|van|von|der|le|la|di|du)\s+)?[A-Z][a-zA-Z’'-]+){1,2}))"
)
_C = r"⟨\d+⟩"

PATTERNS = [
    # Toyota Chairman Akio Toyoda / Nissan's former CEO Carlos Ghosn
    re.compile(r"(?P<c>" + _C + r")(?:’s|'s)?\s+(?:(?P<mod>" + _MOD + r")\s+)?(?P<role>" + _ROLE + r"),?\s+" + _NAME, re.IGNORECASE),
    # Ivan Espinosa, Nissan's chief executive / Luca de Meo, chief executive of Renault
    re.compile(
        _NAME + r",\s+(?:the\s+|a\s+)?(?:(?P<mod>" + _MOD + r")\s+)?(?:(?P<c>" + _C + r")(?:’s|'s)?\s+)?"
        r"(?P<role>" + _ROLE + r")(?:\s+(?:of|at)\s+(?P<c2>" + _C + r"))?", re.IGNORECASE,
    ),
    # former Chairman Carlos Ghosn / chief executive Koji Sato
    re.compile(r"(?:(?P<mod>" + _MOD + r")\s+)?(?P<role>" + _ROLE + r")\s+" + _NAME, re.IGNORECASE),
]
# Tried only where a role's first word begins (see triggers.Anchored). Those first words are made Scan
# literals too: then the sentence's Scan says which occur, and str.find locates them, instead of a pass
# of the pattern's own automaton over every sentence holding some role word ("industry", "financial").
_ROLE_RE = re.compile(r"\b(?:" + _ROLE + r")\b", re.IGNORECASE)
_ROLE_FIRST_WORDS = triggers.Literals(triggers.leading_literals(_ROLE_RE))
_ROLE_HINT = triggers.Anchored(_ROLE_RE)
_NOT_NAME = {w.lower() for w in vocab.lines("not_org_words.txt")}
_AMBIGUOUS_ALONE = {"president", "chair", "founder", "head of", "spokesperson", "spokesman", "spokeswoman"}


# Each also tried only where one of its first words begins (the role or its modifier), when it has them.
_FINDERS = [triggers.Anchored(p, gate=False) for p in PATTERNS]


def _around(finder, text, scan, hints):
    """Matches of a finder's pattern near the role words only: the patterns are costly to try everywhere."""
    seen = set()
    for a, b in hints:
        lo, hi = max(0, a - 70), min(len(text), b + 60)
        for m in finder.finditer(text, scan, lo, hi):
            if m.start() <= b and m.end() >= a and m.span() not in seen:
                seen.add(m.span())
                yield m


class FindPeople:
    name = "people"

    def run(self, doc: Document) -> None:
        seen: dict[str, PersonFound] = {}
        for si, sentence in enumerate(doc.sentences):
            masked = sentence.masked
            if masked is None:
                continue
            hints = [h.span() for h in _ROLE_HINT.finditer(masked.text, masked.scan)]
            if not hints:
                continue
            taken: list[tuple[int, int]] = []
            for finder in _FINDERS:
                for m in _around(finder, masked.text, masked.scan, hints):
                    if any(m.start() < b and a < m.end() for a, b in taken):
                        continue
                    name = m.group("name")
                    words = name.split()
                    if any(w.lower().strip("’'") in _NOT_NAME for w in words):
                        continue
                    role_key = re.sub(r"\s+", " ", m.group("role").lower())
                    role = _ROLE_NAMES.get(role_key, m.group("role"))
                    mod = (m.groupdict().get("mod") or "").lower()
                    token = m.groupdict().get("c") or m.groupdict().get("c2")
                    company = None
                    if token:
                        company = doc.mention_company(int(TOKEN.match(token).group(1)))
                    else:
                        keys = {doc.mentions[i].key for i in sentence.mentions}
                        if role_key in _AMBIGUOUS_ALONE or len(keys) != 1:
                            continue
                        company = keys.pop()
                    if mod in ("former", "ex-", "outgoing", "then"):
                        role = "Former " + role
                    taken.append(m.span())
                    start, end = masked.span(*m.span())
                    person = PersonFound(
                        name=name, role=role, company=doc.name(company) if company else None,
                        quote=doc.body[start:end], start=start, end=end,
                    )
                    seen.setdefault(name, person)
        doc.result.people = list(seen.values())
