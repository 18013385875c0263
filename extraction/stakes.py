"""Equity stakes: who holds what percent of whom, each with its quote.

A stake being bought, raised, cut or sold is also a `stake_change` event; the
events step picks those up from `doc.stake_changes`.
"""

from __future__ import annotations

import re

from . import triggers, vocab
from .document import AFTER_PREPOSITION, Document
from .results import StakeFound
from .sentences import TOKEN

_V = vocab.data("stakes.json")
_SUB = {
    "{OWNER}": r"(?P<owner>⟨\d+⟩)",
    "{TARGET}": r"(?P<target>⟨\d+⟩)",
    "{A}": r"(?P<a>⟨\d+⟩)",
    "{B}": r"(?P<b>⟨\d+⟩)",
    "{PCT}": r"(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b|pct\b)",
    # a share written as a fraction: "owns about a fifth of Subaru"
    "{FRAC}": r"(?P<frac>a\s+fifth|a\s+quarter|a\s+third|one[\s-]third|one[\s-]quarter|one[\s-]fifth|half|two[\s-]thirds|three[\s-]quarters|a\s+tenth)",
    "{Q}": r"(?:(?:about|around|roughly|approximately|nearly|almost|some|just\s+(?:under|over)|more\s+than|less\s+than|over|under|a\s+further|an\s+additional|(?:a\s+little|slightly)\s+(?:over|under|more\s+than|less\s+than)|a|an)\s+)*",
    "{STAKE}": r"(?:(?:total|overall|remaining|entire|economic|equity|minority|majority|controlling|direct|indirect|voting|combined|cross-)\s*)?(?:stake|holding|shareholding|interest|ownership|equity\s+stake)",
    # a description before the name: "a 21% stake in Chinese electric-car maker Leapmotor"
    # or any description the article gives the company between a determiner and its name:
    # "its holding in the electric performance brand Polestar"
    "{DESC}": r"(?:(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:maker|automaker|carmaker|truckmaker|start-?up|rival|supplier|"
              r"company|firm|unit|affiliate|partner|subsidiary|manufacturer|producer|giant|peer|developer)\s+"
              r"|(?:the|its|their)\s+(?:[\w-]+\s+){1,4}?(?=⟨))?",
    # a company referred to, not named: "cut its stake in the truckmaker to 15%"
    "{REF}": r"(?P<ref>the\s+(?:[\w-]+\s+)?(?:company|automaker|carmaker|truckmaker|maker|firm|group|manufacturer|supplier|business))",
}


def _compile(p):
    for k, v in _SUB.items():
        p = p.replace(k, v)
    return re.compile(p, re.IGNORECASE)


# Each tried only on sentences holding its trigger words (see triggers.py). Those that begin with a
# company token the engine finds quickly by itself; the others (a verb, "stake", a quantity) are also
# tried only where one of their first words begins (triggers.Anchored, gated the same way).
EXPLICIT = [triggers.Gated(_compile(p)) for p in _V["explicit"]]
CROSS = [triggers.Gated(_compile(p)) for p in _V["cross"]]


def _anchored(p):
    """triggers.Anchored(_compile(p)); when its first words are all words of two letters or more, they are
    made Scan literals first, so that it finds them with str.find where the Scan says they occur instead
    of with a pass of its own automaton. ("a" would add a match to nearly every sentence's Scan.)"""
    regex = _compile(p)
    first = triggers.leading_literals(regex)
    if first and all(len(w) >= 2 for w in first):
        triggers.Literals(first)
    return triggers.Anchored(regex)


CHANGE = [_anchored(p) for p in _V["change"]]
CORE = [_anchored(p) for p in _V["core"]]
CONTINUE = [_compile(p) for p in _V["continue"]]
EACH = [triggers.Gated(_compile(p)) for p in _V["each"]]
UNIT = [triggers.Gated(_compile(p)) for p in _V["unit"]]
TRADED = [_anchored(p) for p in _V["traded"]]
COMPLETED_SALE = triggers.quick_start(_V["completed_sale"], re.IGNORECASE)
TOTAL = _compile(_V["total"])
INCREMENT = triggers.quick_start(_V["increment"], re.IGNORECASE)
# Tried on every sentence with a percentage, so only where their first words begin (see triggers.Anchored).
SENTENCE_TOTAL = triggers.Anchored(_compile(_V["sentence_total"]))
OWNED_BY_LIST = _compile(_V["owned_by_list"])
HELD_AFTER = _compile(_V["held_after"])
LISTED_HOLDING = _compile(r"{TARGET}\s*\(\s*{Q}{PCT}\s*\)")
ROW = _compile(_V["row"])
PAIR_ROW = _compile(_V["pair_row"])
PAIR_HEADER_TARGET_FIRST = re.compile(_V["pair_header_target_first"], re.IGNORECASE)
INLINE_LIST = re.compile(_V["inline_list"], re.IGNORECASE)
INLINE_ITEM = _compile(_V["inline_item"])
ROW_INTRO = re.compile(_V["row_intro"], re.IGNORECASE)
ROW_OWNERS_INTRO = re.compile(_V["row_owners_intro"], re.IGNORECASE)
_POSSESSIVE_TOKEN = re.compile(r"(⟨\d+⟩)(?:’s|'s|’|')")
_WHICH_BEFORE = re.compile(r"(⟨\d+⟩),\s+which\s+(?:now\s+|still\s+|currently\s+|already\s+|also\s+)?$")
_BOUGHT = triggers.quick_start(r"\b(?:took\s+over|bought|acquired|purchased|has\s+bought|has\s+acquired)\s+$", re.IGNORECASE)
_POSSESSOR_BEFORE = re.compile(r"(⟨\d+⟩)(?:’s|'s|’|')\s+(?:own\s+|remaining\s+|entire\s+|whole\s+|existing\s+)?$")
FRACTIONS = {"fifth": 20.0, "quarter": 25.0, "third": 33.3, "half": 50.0, "thirds": 66.7, "quarters": 75.0, "tenth": 10.0}
CHANGE_VERBS = triggers.quick_start(_V["change_verbs"], re.IGNORECASE)
_ANCHOR = re.compile(r"\d\s?(?:%|percent|per\s+cent|pct\b)", re.IGNORECASE)
# A holding written as a fraction ("owns about a fifth of Subaru"), looked for only where such a word occurs.
_FRACTION_WORDS = triggers.Literals(["fifth", "quarter", "third", "half", "tenth"])
_FRACTION_ANCHOR = re.compile(
    r"\b(?:a|one|two|three)[\s-](?:fifth|quarter|third|thirds|quarters|tenth)[\s-]+(?:of|stake|holding|interest)\b"
    r"|\b(?:owns?|holds?|held|controls?|has|had|have|keeps?|kept|retains?)\s+(?:\w+\s+)?half\s+of\b",
    re.IGNORECASE,
)


# Most sentences hold no percentage: the Scan's literals rule them out without reading them again.
_ANCHOR_GATE = triggers.Gated(_ANCHOR)
# "a 50-50 joint venture": two equal holdings without a percent sign
_FIFTY_FIFTY = re.compile(r"\b50\s?(?:-|:|/|–|\s+to\s+)\s?50\b")


def _may_hold_stake(masked) -> bool:
    if _ANCHOR_GATE.search(masked.text, masked.scan) or ("50" in masked.text and _FIFTY_FIFTY.search(masked.text)):
        return True
    if "wholly" in masked.text:
        return True  # "a wholly owned subsidiary of Toyota": 100% without a percent sign
    return _FRACTION_WORDS.possible(masked.scan) and bool(_FRACTION_ANCHOR.search(masked.text))


def _pct(m) -> float:
    """The percentage a match gives, in digits or as a fraction ("a third" is 33.3)."""
    if m.groupdict().get("pct"):
        return float(m.group("pct"))
    if m.groupdict().get("whole"):
        return 100.0  # "a wholly owned subsidiary"
    return FRACTIONS[m.group("frac").replace("-", " ").split()[-1].lower()]


SHARED_TARGET = [triggers.Anchored(_compile(p)) for p in _V["shared_target"]]

# The pattern groups in the order FindStakes tries them. Which of their patterns can match a sentence follows
# from the literals its Scan found (each pattern's trigger words, see triggers.Gated): worked out once per
# combination of those literals, instead of testing some forty gates on every sentence with a percentage.
_GROUPS = (CHANGE, TRADED, UNIT, EXPLICIT, EACH, CROSS, CORE)
_GATES = [[p.gate if isinstance(p, triggers.Anchored) else p for p in group] for group in _GROUPS]
_GATE_IDS = frozenset().union(*(g._ids for gates in _GATES for g in gates if g is not None and g._ids))
_GATE_MAX = max(_GATE_IDS)
_PLANS: dict[frozenset[int], tuple] = {}


def _patterns_for(scan: triggers.Scan) -> tuple:
    """_GROUPS without the patterns whose trigger words the scanned sentence lacks (they cannot match)."""
    if scan.size <= _GATE_MAX:
        return _GROUPS  # a Scan older than some gate: every pattern tests its own
    key = _GATE_IDS & scan.found
    plan = _PLANS.get(key)
    if plan is None:
        plan = tuple(
            tuple(p for p, g in zip(group, gates) if g is None or g.possible(scan))
            for group, gates in zip(_GROUPS, _GATES)
        )
        if len(_PLANS) > 4096:
            _PLANS.clear()
        _PLANS[key] = plan
    return plan
_PRONOUN = re.compile(r"\b(?:its|it|their|they|the\s+(?:company|automaker|carmaker|group|firm))\b[^⟨]*$", re.IGNORECASE)


class FindStakes:
    name = "stakes"

    def run(self, doc: Document) -> None:
        found: dict[tuple[str, str, float], StakeFound] = {}
        doc.stake_changes = []
        for si, sentence in enumerate(doc.sentences):
            masked = sentence.masked
            if masked is None or sentence.heading or not _may_hold_stake(masked):
                continue
            text = masked.text
            taken: list[tuple[int, int]] = []
            targets: list[tuple[int, str]] = []  # (end in the masked text, target) of the holdings read here
            pairs: list[tuple[int, str, str]] = []  # (end, owner, target) of the same

            def free(a, b):
                return not any(a < tb and ta < b for ta, tb in taken)

            def add(owner_key, target_key, pct, a, b, *, change=False, held=True):
                if owner_key is None or owner_key == target_key or not 0 < pct <= 100:
                    return
                lead = re.match(r"[\s,;]*(?:(?:and|as\s+well\s+as|plus|in)\s+)?", text[a:b], re.IGNORECASE)
                a += lead.end()
                start, end = masked.span(a, b)
                before = text[max(0, a - 60):a]
                sold = bool(COMPLETED_SALE.search(before))
                if change or CHANGE_VERBS.search(before):
                    # "Renault took over Nissan's 51% stake": the buyer takes part in the change too
                    possessor = _POSSESSOR_BEFORE.search(text, 0, a)
                    buyer = None
                    if possessor is not None and company(possessor, 1) == owner_key:
                        buyer = _last(doc, text[:possessor.start()], {owner_key, target_key}, subject=True)
                        # once bought, the stake is no longer the seller's
                        sold = sold or (buyer is not None and bool(_BOUGHT.search(text, 0, possessor.start())))
                    doc.stake_changes.append((si, owner_key, target_key, start, end, *([buyer] if buyer else [])))
                targets.append((b, target_key))  # what a later "giving Renault 100% of the factory" means
                pairs.append((b, owner_key, target_key))
                if sold or not held:
                    return  # a stake sold is no longer held; a further 3% bought is not the holding
                key = (owner_key, target_key, round(pct, 2))
                if key not in found:
                    found[key] = StakeFound(doc.name(owner_key), doc.name(target_key), pct, doc.body[start:end], start, end)

            def company(m, group):
                return doc.mention_company(int(TOKEN.match(m.group(group)).group(1)))

            row = ROW.match(text)
            if row is not None:
                listed = company(row, "target")
                holder, owners_listed = _table_heading(doc, si, exclude={listed})
                if holder is not None:
                    owner, target = (listed, holder) if owners_listed else (holder, listed)
                    add(owner, target, _pct(row), row.start("target"), row.end())
                continue
            row = PAIR_ROW.match(text)
            if row is not None:
                owner, target = company(row, "a"), company(row, "b")
                if _table_lists_company_first(doc, si):
                    owner, target = target, owner
                add(owner, target, _pct(row), row.start("a"), row.end())
                continue
            # "Toyota's stakes in other carmakers: Subaru 20.0% | Mazda 5.1% | Suzuki 4.9%"
            for intro in INLINE_LIST.finditer(text):
                owner = doc.mention_company(int(TOKEN.match(intro.group(1)).group(1)))
                pos = intro.end()
                while (item := INLINE_ITEM.match(text, pos)) is not None and item.end() > pos:
                    taken.append(item.span())
                    add(owner, company(item, "target"), _pct(item), item.start("target"), item.end("pct") + 1)
                    pos = item.end()

            # A disclosure notice: "(3) Number of shares held after acquisition: equivalent to 10.0% of issued shares"
            held_after = HELD_AFTER.search(text) if "held after" in text or "held following" in text else None
            if held_after is not None:
                owner, target = doc.dominant_company() or doc.main_company(), _notice_subject(doc)
                if owner is not None and target is not None:
                    add(owner, target, _pct(held_after), held_after.start(), held_after.end(), change=True)
                continue

            # "Subaru (20%), Mazda (5.1%) and Suzuki (4.9%) are all partly owned by Toyota"
            owned_by = OWNED_BY_LIST.search(text) if "owned by" in text else None
            if owned_by is not None:
                owner = company(owned_by, "owner")
                for item in LISTED_HOLDING.finditer(text, 0, owned_by.start() + 1):
                    if free(*item.span()):
                        taken.append(item.span())
                        add(owner, company(item, "target"), _pct(item), item.start(), item.end())

            scan = masked.scan
            change, traded, unit, explicit, each, cross, core = _patterns_for(scan)
            for pattern in change:
                for m in pattern.finditer(text, scan):
                    if not free(*m.span()):
                        continue
                    if m.groupdict().get("target"):
                        target = company(m, "target")
                        owner = self._owner(doc, si, masked, m.start(), exclude={target})
                    else:  # "the truckmaker": the nearest other company named before it
                        owner = self._owner(doc, si, masked, m.start(), exclude=set())
                        target = _last(doc, text[:m.start("ref")], {owner})
                        if target is None:
                            continue
                    taken.append(m.span())
                    add(owner, target, _pct(m), m.start(), m.end(), change=True)
            for pattern in traded:
                for m in pattern.finditer(text, scan):
                    target = company(m, "target")
                    owner = self._owner(doc, si, masked, m.start(), exclude={target})
                    if owner is not None and owner != target:
                        start, end = masked.span(m.start(), m.end())
                        doc.stake_changes.append((si, owner, target, start, end))
            for pattern in unit:
                for m in pattern.finditer(text, scan):
                    if not free(*m.span()):
                        continue
                    owner = company(m, "owner")
                    # "Honda bought shares in Nissan from Renault. Renault's stake fell to 30%":
                    # the company whose shares just changed hands, else the one the passage is about.
                    target = next(
                        (t for s_i, o, t, *_ in reversed(doc.stake_changes) if t != owner and si - s_i <= 2),
                        None,
                    ) or doc.salient(si, before=sentence.start + m.start("ref"), exclude={owner})
                    if target is None:
                        continue
                    taken.append(m.span())
                    add(owner, target, _pct(m), m.start(), m.end())
            for pattern in explicit:
                for m in pattern.finditer(text, scan):
                    if free(*m.span()):
                        taken.append(m.span())
                        add(company(m, "owner"), company(m, "target"), _pct(m), m.start(), m.end())
                        if m.groupdict().get("owner2"):
                            # "a joint venture 51% owned by Stellantis and 49% by Leapmotor"
                            add(company(m, "owner2"), company(m, "target"), float(m.group("pct2")),
                                m.start(), m.end())
            for pattern in each:
                for m in pattern.finditer(text, scan):
                    if not free(*m.span()):
                        continue
                    a, b = company(m, "a"), company(m, "b")
                    if m.groupdict().get("target"):
                        target = company(m, "target")
                    else:  # "the company, a joint venture in which A and B each hold 50%"
                        target = self._owner(doc, si, masked, m.start(), exclude={a, b}, subject=False)
                    if target is None:
                        continue
                    taken.append(m.span())
                    add(a, target, _pct(m), m.start(), m.end())
                    add(b, target, _pct(m), m.start(), m.end())
            for pattern in cross:
                for m in pattern.finditer(text, scan):
                    if free(*m.span()):
                        taken.append(m.span())
                        a, b = company(m, "a"), company(m, "b")
                        add(a, b, _pct(m), m.start(), m.end())
                        add(b, a, _pct(m), m.start(), m.end())
            for pattern in core:
                for m in pattern.finditer(text, scan):
                    if not free(*m.span()):
                        continue
                    target = company(m, "target")
                    owner = self._owner(doc, si, masked, m.start(), exclude={target})
                    taken.append(m.span())
                    further = bool(m.groupdict().get("pct")) and INCREMENT.search(text, m.start(), m.start("pct"))
                    add(owner, target, _pct(m), m.start(), m.end(), held=not further)
                    # "sold a 10% stake in Renault, leaving it with 5%": what is left is the holding
                    sold_part = COMPLETED_SALE.search(text, max(0, m.start() - 60), m.start())
                    if further or sold_part:
                        # "bought a further 3% of Subaru, taking its holding to 20%": the holding is the total
                        total = TOTAL.search(text, m.end())
                        if total and free(*total.span()) and not TOKEN.search(text, m.end(), total.start()):
                            taken.append(total.span())
                            add(owner, target, _pct(total), total.start(), total.end(), change=True)
                    # A list sharing the owner: "..., 5.1% in Mazda, 4.9% in Suzuki and 5.9% in Isuzu"
                    pos = m.end()
                    while True:
                        nxt = next((c.match(text, pos) for c in CONTINUE if c.match(text, pos)), None)
                        if nxt is None or not free(*nxt.span()):
                            break
                        taken.append(nxt.span())
                        add(owner, company(nxt, "target"), _pct(nxt), nxt.start(), nxt.end())
                        pos = nxt.end()
            # "Denso, which holds a 4.9% stake in Toyota Industries, and Aisin, with 2.2%": the second
            # owner's holding is in the company just named
            for m in (m for pattern in SHARED_TARGET for m in pattern.finditer(text, scan)):
                if not free(*m.span()):
                    continue
                target = next((t for end, t in reversed(targets) if end <= m.start()), None)
                if target is not None:
                    taken.append(m.span())
                    add(company(m, "owner"), target, _pct(m), m.start(), m.end())
            # "... and a further 20.7% through a trust, for a total economic interest of 35.7%"
            for m in SENTENCE_TOTAL.finditer(text, scan):
                pair = next(((o, t) for end, o, t in reversed(pairs) if end <= m.start()), None)
                if pair is not None and free(*m.span()):
                    taken.append(m.span())
                    add(*pair, _pct(m), m.start(), m.end())
        doc.result.stakes = sorted(found.values(), key=lambda s: s.start)  # in the order the article gives them
        # A government is listed only as a holder: "the French state, which owns 15% of Renault".
        holders = {s.owner for s in doc.result.stakes} | {s.target for s in doc.result.stakes}
        doc.result.companies = [c for c in doc.result.companies if c.kind != "government" or c.name in holders]

    @staticmethod
    def _owner(doc: Document, si: int, masked, pos: int, exclude, *, subject: bool = True) -> str | None:
        """The holder of a stake named without one: the nearest company before it in the sentence,
        or the company "its"/"the company" stands for."""
        before = masked.text[:pos]
        # "... a tie-up with Toyota, which owns 5.9% of Isuzu": "which" is the company just before it
        antecedent = _WHICH_BEFORE.search(before)
        if antecedent is not None:
            key = doc.mention_company(int(TOKEN.match(antecedent.group(1)).group(1)))
            if key not in exclude:
                return key
        # "took over Nissan's 51% stake in the plant company": the possessive names the holder
        possessor = _POSSESSOR_BEFORE.search(before)
        if possessor is not None:
            key = doc.mention_company(int(TOKEN.match(possessor.group(1)).group(1)))
            if key not in exclude:
                return key
        # the subject, not a company inside a relative clause ("X, from which Y was spun off, cut ...")
        # nor one that only qualifies a noun or follows a preposition ("placed 10 million Traton shares")
        hidden = doc.hidden(masked.text)[:pos]
        if subject:
            last = _last(doc, hidden, exclude, subject=True) or _last(doc, before, exclude, subject=True)
            if last is not None:
                return last
            if _PRONOUN.search(before) or _SUBJECT_PRONOUN.search(before):
                # "The company sold part of its holding in Denso, cutting its stake to 20.1%",
                # "It is Subaru's largest shareholder with 20%, holds 5.1% of Mazda"
                referent = doc.salient(si, exclude=exclude)
                if referent is not None:
                    return referent
        last = _last(doc, hidden, exclude) or _last(doc, before, exclude)
        if last is not None:
            return last
        if _PRONOUN.search(before):
            return doc.salient(si, exclude=exclude)
        return None


def _notice_subject(doc: Document) -> str | None:
    """The company whose shares a notice is about: "Notice Concerning Acquisition of Shares of Suzuki"."""
    for mentions, text in ((doc.title_mentions, doc.title), (doc.mentions, doc.body)):
        for mention in mentions:
            if _SHARES_OF_BEFORE.search(text, max(0, mention.start - 25), mention.start):
                return mention.key
    return None


_SHARES_OF_BEFORE = re.compile(r"\b(?:shares|stock)\s+(?:of|in)\s+$", re.IGNORECASE)


def _table_lists_company_first(doc: Document, si: int) -> bool:
    """Whether the header line of the table a row belongs to puts the company before its holder."""
    for j in range(si - 1, max(-1, si - 12), -1):
        masked = doc.sentences[j].masked
        if masked is None:
            return False
        if PAIR_ROW.match(masked.text):
            continue
        return bool(PAIR_HEADER_TARGET_FIRST.search(masked.text))
    return False


def _table_heading(doc: Document, si: int, exclude) -> tuple[str | None, bool]:
    """The company a table of holdings is about, from the line that introduces it, and whether
    the rows are its owners ("Nissan's largest shareholders:") rather than its holdings."""
    for j in range(si - 1, max(-1, si - 12), -1):
        masked = doc.sentences[j].masked
        if masked is None:
            return None, False
        if ROW.match(masked.text):
            continue  # another row of the same table
        if not ROW_INTRO.search(masked.text):
            return None, False
        owners_listed = bool(ROW_OWNERS_INTRO.search(masked.text))
        possessive = _POSSESSIVE_TOKEN.search(masked.text)
        if possessive is not None:
            key = doc.mention_company(int(TOKEN.match(possessive.group(1)).group(1)))
            if key not in exclude:
                return key, owners_listed
        first = next(
            (doc.mention_company(int(m.group(1))) for m in TOKEN.finditer(doc.hidden(masked.text))),
            None,
        )
        if first is None or first in exclude:
            first = doc.salient(j, before=doc.sentences[j].end, exclude=exclude)
        return first, owners_listed
    return None, False


# "Subaru's largest shareholder", "Traton shares": a company qualifying a noun
_QUALIFIER = re.compile(r"(?:’s|'s|’|')|\s+(?:shares|stock|bonds|securities|shareholders|investors|dealers)\b")
_SUBJECT_PRONOUN = re.compile(r"\b(?:it|they|the\s+(?:company|automaker|carmaker|group|firm))\b", re.IGNORECASE)


def _last(doc: Document, before: str, exclude, *, subject: bool = False) -> str | None:
    for m in reversed(list(TOKEN.finditer(before))):
        key = doc.mention_company(int(m.group(1)))
        if key in exclude:
            continue
        if subject and (AFTER_PREPOSITION.search(before, max(0, m.start() - 40), m.start())
                        or _QUALIFIER.match(before, m.end())):
            continue
        return key
    return None
