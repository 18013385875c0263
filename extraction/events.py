"""Events: what happened, to whom, when, and how sure the article is.

Each sentence is searched for trigger phrases from vocab/events.json. A trigger
is an event predicate ("formed an alliance", "reached out to Nissan", "cut
20,000 jobs"), never a topic noun, and one inside a hypothetical ("could",
"if", "one possibility") is skipped. Companies come from the trigger's clause;
"the company", "both companies" and "it" are resolved to the companies named
just before. Status comes from the sentence's wording, the date from its date
expressions read against the publication date. Within one article, the same
kind with the same companies is one event with several pieces of evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import dates, triggers, vocab
from .document import AFTER_PREPOSITION, COUNTS, FIRST_PERSON, GROUP_REFERENCE, SINGLE_REFERENCE, Document
from .results import EventFound, Evidence
from .sentences import TOKEN

_V = vocab.data("events.json")
_S = vocab.data("status.json")


@dataclass
class Kind:
    name: str
    parties: str
    # One alternation per kind, tried in one pass; patterns whose trigger words are absent are left out.
    patterns: list[triggers.Alternation]
    anchors: tuple[str, ...]
    suppresses: tuple[str, ...] = ()


KINDS = [
    Kind(
        name,
        spec["parties"],
        [triggers.Alternation([vocab.expand(p) for p in spec["patterns"]], re.IGNORECASE)],
        tuple(spec["anchors"]),
        tuple(spec.get("suppresses", ())),
    )
    for name, spec in _V["kinds"].items()
]
_KINDS_BY_NAME = {k.name: k for k in KINDS}
KIND_ANCHORS = vocab.Anchors({k.name: list(k.anchors) for k in KINDS})
_ANY_KIND_ANCHOR = triggers.Literals([a for k in KINDS for a in k.anchors])  # a cheap first test
STATUS_ANCHORS = vocab.Anchors(_S["anchors"])
ANCHORED_HYPOTHETICAL = [triggers.Gated(p) for p in vocab.compile_all(_V["hypothetical"]) if p.pattern.endswith("$")]
SENTENCE_HYPOTHETICAL = triggers.Alternation(
    [vocab.expand(p) for p in _V["hypothetical"] if not p.endswith("$")], re.IGNORECASE
)
REPORTED_SPEECH = triggers.quick_start(vocab.expand(_V["reported_speech"]), re.IGNORECASE)
FUTURE_LAUNCH = triggers.quick_start(_V["future_launch"], re.IGNORECASE)
FUTURE_RESULT = triggers.quick_start(vocab.expand(_V["future_result"]), re.IGNORECASE)
STATUS_CUES = {
    status: triggers.Alternation([vocab.expand(c) for c in cues], re.IGNORECASE)
    for status, cues in _S["cues"].items()
}
STATUS_ORDER = _S["order"]
STATUS_RANK = _S["rank"]
DEFAULT_STATUS = _S["default"]
TITLES = _V["titles"]
MULTI_PARTY = {"merger_talks", "merger_talks_ended", "partnership", "approach", "stake_change", "_agreement", "_talks_ended"}
_POSSESSOR = re.compile(r"(⟨\d+⟩)(?:’s|')s?\s+(?:[\w“”\"’:-]+\s+){0,3}$")
_REFERENCE_POSSESSIVE = triggers.quick_start(
    r"\b(?:the|its)\s+(?:company|automaker|carmaker|firm|group|manufacturer)(?:’s|'s)\s+(?:[\w-]+\s+){0,3}$|\bits\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


_POSSESSIVE_AFTER = re.compile(r"(?:’s|'s|’|')\s")


def _token_end(text: str, pos: int) -> int:
    """The end of the company token that starts at pos."""
    return text.index("⟩", pos) + 1


_COMPARISON = re.compile(
    r"(?:\b(?:behind|than|ahead\s+of|trailing|like|unlike|such\s+as)"
    # "after" ranks only after a ranking word: "the third-largest group after Toyota and Volkswagen"
    r"|\b(?:largest|biggest|second|third|fourth|fifth|top)\b[^,;⟨]{0,50}?\bafter)"
    r"\s+(?:only\s+)?(?P<list>⟨\d+⟩(?:(?:\s*,\s*|,?\s+and\s+|,?\s+or\s+)⟨\d+⟩)*)",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?between\s+⟨\d+⟩(?:(?:,\s*|,?\s+and\s+)⟨\d+⟩)+")


# "the company", "the automaker": a definite description, stronger than a bare "it".
DEFINITE_REFERENCE = triggers.quick_start(
    r"\b(?:the|this)\s+(?:[\w’'-]+\s+){0,3}?(?:company|automaker|carmaker|firm|group|maker|manufacturer|latter|former)\b", re.IGNORECASE
)


@dataclass(slots=True)
class Candidate:
    kind: str
    companies: list[str]
    status: str
    date: str | None
    start: int
    end: int
    quote: str
    sentence: int
    explicit: int = 0  # how many companies were named rather than inferred


@dataclass
class Group:
    kind: str
    companies: list[str]  # not changed once the group is made
    items: list[Candidate] = field(default_factory=list)
    members: frozenset[str] = frozenset()  # set(companies), compared with every candidate

    def __post_init__(self):
        self.members = frozenset(self.companies)


class FindEvents:
    name = "events"

    def run(self, doc: Document) -> None:
        candidates: list[Candidate] = []
        first_sentence = next((i for i, s in enumerate(doc.sentences) if not s.heading), None)
        for si, sentence in enumerate(doc.sentences):
            if sentence.heading or sentence.masked is None or sentence.text.rstrip().endswith("?"):
                continue
            candidates.extend(self._sentence(doc, si, lead=si == first_sentence))
        candidates.extend(self._stake_changes(doc))
        _resolve_agreements(candidates)
        doc.result.events = _merge(doc, candidates)

    # ---- one sentence ------------------------------------------------------------
    def _sentence(self, doc: Document, si: int, *, lead: bool) -> list[Candidate]:
        sentence = doc.sentences[si]
        text = sentence.masked.text
        scan = sentence.masked.scan
        hits: list[tuple[str, int, int]] = []
        if scan.size > _EVENT_MAX:
            folded = scan.folded
            for kind, anchors, finders in _event_plan(scan.found & _EVENT_IDS):
                if not _starts_a_word(folded, anchors):
                    continue
                for finder in finders:
                    for m in finder.finditer(text, scan):
                        hits.append((kind.name, m.start(), m.end()))
        else:  # a Scan older than some gate (see triggers.Scan): every kind tests its own
            if not _ANY_KIND_ANCHOR.possible(scan):
                return []
            present = KIND_ANCHORS.tags(scan.folded)  # lower-cased once, shared with the gates
            for kind in _kinds_in(present):
                for pattern in kind.patterns:
                    for m in pattern.finditer(text, scan):
                        hits.append((kind.name, m.start(), m.end()))
        if not hits:
            return []
        hits = _drop_suppressed(hits)
        if SENTENCE_HYPOTHETICAL.search(text, scan):
            return []
        clauses = doc.clauses(si)
        status = None  # the sentence's status and dates, read once a hit is kept
        out = []
        for kind, a, b in hits:
            lo = max(0, a - 120)
            if _hypothetical(text[lo:a], sentence.masked.folded[lo:a], scan):
                continue
            if kind == "product_launch" and FUTURE_LAUNCH.search(text[:a]):
                continue
            if kind == "financial_result" and FUTURE_RESULT.search(text[lo:a]):
                continue
            if kind == "restructuring" and _BACKED.search(text, max(0, a - 40), a):
                continue  # "Geely has backed the turnaround plan": another company's plan
            ca, cb = next(((x, y) for x, y in clauses if x <= a < y), (0, len(text)))
            companies, explicit = _attribute(doc, si, kind, text, a, b, ca, cb)
            if not companies and kind != "policy":
                continue
            if kind == "policy":
                companies = [] if not explicit else companies
            start, _ = sentence.masked.span(a, b)
            if status is None:
                status = _status(text, scan)
            date = _date_for(doc.dates(si), sentence, start, doc, lead)
            out.append(Candidate(kind, companies, status, date, sentence.start, sentence.end,
                                 sentence.text, si, explicit))
        return out

    def _stake_changes(self, doc: Document) -> list[Candidate]:
        out = []
        for si, owner, target, start, end, *others in getattr(doc, "stake_changes", []):
            sentence = doc.sentences[si]
            date_exprs = doc.dates(si)
            out.append(Candidate("stake_change", [*others, owner, target], _status(sentence.masked.text, sentence.masked.scan),
                                 _date_for(date_exprs, sentence, start, doc, False),
                                 sentence.start, sentence.end, sentence.text, si, 2))
        return out


# Which kinds a sentence may hold follows, for the most part, from which literals its Scan found: a kind
# whose alternations' trigger words are all absent cannot match, and one whose anchors occur nowhere,
# not even inside a word, is not tried. What is left is found once per combination of literals:
# (kind, its anchors that occur, its anchored alternations). The anchors must then also start a word
# (KIND_ANCHORS.tags), which _starts_a_word tests for those few.
_ANCHOR_IDS = {a: triggers._IDS[triggers.fold(a)] for k in KINDS for a in k.anchors}
_EVENT_IDS = frozenset(_ANCHOR_IDS.values()).union(*(p._all for k in KINDS for p in k.patterns))
_EVENT_MAX = max(_EVENT_IDS)
_PLANS: dict[frozenset[int], tuple] = {}


def _event_plan(key: frozenset[int]) -> tuple:
    plan = _PLANS.get(key)
    if plan is None:
        plan = []
        for kind in KINDS:
            anchors = tuple(a for a in kind.anchors if _ANCHOR_IDS[a] in key)
            finders = tuple(f for f in (p.anchored_for_found(key) for p in kind.patterns) if f is not None)
            if anchors and finders:
                plan.append((kind, anchors, finders))
        if len(_PLANS) > 4096:
            _PLANS.clear()
        plan = _PLANS[key] = tuple(plan)
    return plan


def _starts_a_word(folded: str, words) -> bool:
    """Whether one of words occurs in folded at the start of a word (as vocab.Anchors.tags reads it)."""
    for word in words:
        i = folded.find(word)
        while i != -1:
            if i == 0 or not folded[i - 1].isalnum():
                return True
            i = folded.find(word, i + 1)
    return False


_KINDS_FOR: dict[frozenset[str], tuple[Kind, ...]] = {}


def _kinds_in(present: set[str]) -> tuple[Kind, ...]:
    """The kinds named in present, in the order of KINDS (found once per combination)."""
    key = frozenset(present)
    kinds = _KINDS_FOR.get(key)
    if kinds is None:
        if len(_KINDS_FOR) > 4096:
            _KINDS_FOR.clear()
        kinds = _KINDS_FOR[key] = tuple(k for k in KINDS if k.name in key)
    return kinds


def _drop_suppressed(hits):
    """An ended-talks trigger overrides a talks trigger on the same words; one kind keeps one hit per span."""
    by_kind = _KINDS_BY_NAME
    kept = []
    for kind, a, b in sorted(hits, key=lambda h: (h[1], -(h[2] - h[1]))):
        suppressed = any(
            kind in by_kind[k2].suppresses and a2 < b + 3 and a < b2 + 3
            for k2, a2, b2 in hits
        )
        if suppressed:
            continue
        if any(k2 == kind and a2 < b and a < b2 for k2, a2, b2 in kept):
            continue
        kept.append((kind, a, b))
    return kept


def _hypothetical(prefix: str, folded: str | None = None, scan: triggers.Scan | None = None) -> bool:
    """Whether the text before a trigger makes it hypothetical; `scan` is of the sentence around it."""
    if folded is None:
        folded = triggers.fold(prefix)
    for p in ANCHORED_HYPOTHETICAL:
        if scan is not None and not p.possible(scan):
            continue
        m = p.search(prefix, folded)
        if m and not REPORTED_SPEECH.search(prefix[max(0, m.start() - 60):m.end() + 10]):
            return True
    return False


_CAPITALISED = re.compile(r"\b[A-Z][\w-]*")
_BACKED = re.compile(
    r"\b(?:backed|backs|back|supported|supports|support|endorsed|endorses|welcomed|welcomes|critici[sz]ed|critici[sz]es|"
    r"opposed|opposes|questioned|questions|approved\s+of)\s+(?:the|its|their|a|an|this)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_MEDIA_FIRST_WORDS = vocab.media_first_words()
_MEDIA_TRIGGER = triggers.Literals(_MEDIA_FIRST_WORDS)


# The outlets' first words each literal of _MEDIA_TRIGGER stands for ("the": "The").
_MEDIA_WORDS = {}
for _w in sorted(_MEDIA_FIRST_WORDS):
    _MEDIA_WORDS.setdefault(triggers._IDS[triggers.fold(_w)], []).append(_w)


def _names_outlet(text: str, folded: triggers.Scan | str) -> bool:
    """Whether a capitalised word of text (a token of _CAPITALISED.findall) is the first word of a news outlet's name."""
    if not _MEDIA_TRIGGER.possible(folded):
        return False  # cheap: no outlet's first word occurs anywhere, in any case
    if type(folded) is triggers.Scan and _MEDIA_TRIGGER._max < folded.size:
        words = [w for i in _MEDIA_TRIGGER._ids & folded.found for w in _MEDIA_WORDS[i]]
    else:
        words = _MEDIA_FIRST_WORDS
    # Rather than every capitalised word, the words around where an outlet's first word occurs: tokens
    # never span a character outside [\w-], so the run of such characters around an occurrence
    # is tokenised as findall over the whole text would.
    for word in words:
        i = text.find(word)
        while i != -1:
            a, b = i, i + len(word)
            while a > 0 and ((c := text[a - 1]).isalnum() or c in "_-"):
                a -= 1
            while b < len(text) and ((c := text[b]).isalnum() or c in "_-"):
                b += 1
            if word in _CAPITALISED.findall(text, a, b):
                return True
            i = text.find(word, i + 1)
    return False


# The status anchors are Scan literals too: which of them a sentence holds is then a set test on its Scan,
# and only those found are looked for at the start of a word, instead of a pass of STATUS_ANCHORS.
_STATUS_LITERALS = triggers.Literals([w for words in _S["anchors"].values() for w in words])
_STATUS_TAGS_BY_ID: dict[int, tuple[str, frozenset[str]]] = {}
for _status_name, _words in _S["anchors"].items():
    for _w in _words:
        _i = triggers._IDS[triggers.fold(_w)]
        _word, _tags = _STATUS_TAGS_BY_ID.get(_i, (triggers.fold(_w), frozenset()))
        _STATUS_TAGS_BY_ID[_i] = (_word, _tags | {_status_name})


def _status_tags(text: str, folded: triggers.Scan | str) -> set[str]:
    """STATUS_ANCHORS.tags(text.lower()), from the sentence's Scan when it has one."""
    # fold() and str.lower() differ only on "İ", "ı" and "ſ": the Scan's folded text is text.lower() without them.
    if (type(folded) is not triggers.Scan or _STATUS_LITERALS._max >= folded.size
            or "İ" in text or "ı" in text or "ſ" in text):
        return STATUS_ANCHORS.tags(text.lower())
    present: set[str] = set()
    lowered = folded.folded
    for i in _STATUS_LITERALS._ids & folded.found:
        word, tags = _STATUS_TAGS_BY_ID[i]
        if not tags <= present and _starts_a_word(lowered, (word,)):
            present |= tags
    return present


def _status(text: str, folded: triggers.Scan | str | None = None) -> str:
    if folded is None:
        folded = triggers.fold(text)
    present = _status_tags(text, folded)
    if _names_outlet(text, folded):
        present.add("reported")
    for status in STATUS_ORDER:
        if status not in present:
            continue
        if STATUS_CUES[status].search(text, folded):
            return status
    return DEFAULT_STATUS


def _tokens(doc: Document, text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(position, mention index) of company tokens in text[a:b]."""
    # Tokens cannot overlap, so those inside text[a:b] are those of the whole text that lie there.
    return [(s, i) for s, e, i in doc.tokens(text) if s >= a and e <= b]


def _attribute(doc, si, kind, text, a, b, ca, cb) -> tuple[list[str], int]:
    """The companies an event is about, and how many of them the clause names itself."""
    key = doc.mention_company
    in_clause = list(dict.fromkeys(key(i) for _, i in _tokens(doc, text, ca, cb)))
    before = [key(i) for _, i in _tokens(doc, text, ca, a)]
    after = [key(i) for _, i in _tokens(doc, text, a, cb)]
    prefix = text[ca:a]

    if kind == "approach":
        target = next(iter([key(i) for _, i in _tokens(doc, text, a, b)] or after), None)
        # the subject: not a company after a preposition ("best known for assembling iPhones for Apple")
        actor = next((key(i) for p, i in reversed(_tokens(doc, text, ca, a))
                      if key(i) != target and not AFTER_PREPOSITION.search(text, max(0, p - 40), p)
                      and not _POSSESSIVE_AFTER.match(text, _token_end(text, p))), None)
        first = min((p for p, _ in _tokens(doc, text, ca, a)), default=a)
        description = SINGLE_REFERENCE.search(text, ca, first)
        if actor is None and description is not None:
            # "The Taiwanese contract manufacturer, best known for assembling consoles for Sony, has
            # approached Mazda": the company described, not the one inside the description
            actor = doc.salient(si, before=doc.sentences[si].start + description.start(), exclude={target},
                                phrase=description.group(0))
        actor = actor or next((k for k in reversed(before) if k != target), None)
        if actor is None and SINGLE_REFERENCE.search(prefix):
            actor = doc.salient(si, before=doc.sentences[si].start + a, exclude={target},
                                phrase=SINGLE_REFERENCE.search(prefix).group(0))
        if target is None or actor is None:
            return [], 0
        if re.search(r"\sby\s", text[a:b]):
            actor, target = target, actor  # "Nissan has been courted by Foxconn"
        return [actor, target], 2

    if kind in MULTI_PARTY:
        between = _BETWEEN.match(text, b)
        if between:
            # "a memorandum between Nissan and Honda": exactly the companies listed
            return list(dict.fromkeys(key(int(t.group(1))) for t in TOKEN.finditer(between.group(0)))), 2
        companies = list(in_clause)
        # "... the third-largest group after Toyota and Volkswagen": companies set beside the deal, not in it
        compared = {key(int(t.group(1))) for m in _COMPARISON.finditer(text, ca, cb) for t in TOKEN.finditer(m.group("list"))}
        if compared and len([k for k in companies if k not in compared]) >= 2:
            companies = [k for k in companies if k not in compared]
        explicit = len(companies)
        group = GROUP_REFERENCE.search(text, ca, cb)
        if group:
            n = COUNTS.get((group.group("n") or group.group("m") or group.group("pair") or group.group("two") or "").lower(), 2)
            if len(companies) < n:
                for k in doc.recent_group(si, n, before=doc.sentences[si].start + group.start()):
                    if k not in companies:
                        companies.append(k)
        elif len(companies) == 1 and FIRST_PERSON.search(text, ca, cb):
            # "reports that we held merger talks with Toyota": the company speaking is the other side
            k = doc.main_company()
            if k and k not in companies:
                companies.insert(0, k)
        elif len(companies) == 1 and DEFINITE_REFERENCE.search(prefix):
            k = doc.salient(si, before=doc.sentences[si].start + ca, exclude=set(companies),
                            phrase=DEFINITE_REFERENCE.search(prefix).group(0))
            if k:
                companies.insert(0, k)
        if explicit == 0 and len(companies) < 2:
            return [], 0  # one side, and only guessed: not enough to propose
        return companies, explicit

    if kind == "policy":
        # the companies a measure hits, not the ministry that takes it
        in_clause = [k for k in in_clause if doc.company(k).kind != "government"]
        if in_clause:
            return in_clause, len(in_clause)
        # The companies a measure hits, when the sentence names them outside the measure's clause
        # ("GM cut jobs after the government ended its tax credit"), or the company speaking ("a burden for us").
        in_sentence = list(dict.fromkeys(
            key(i) for _, i in _tokens(doc, text, 0, len(text)) if doc.company(key(i)).kind != "government"))
        if in_sentence:
            return in_sentence, len(in_sentence)
        if FIRST_PERSON.search(text):
            main = doc.main_company()
            return ([main], 1) if main else ([], 0)
        return [], 0

    # One company the event is about: its possessor, the clause's subject, or the company referred to.
    m = _POSSESSOR.search(prefix)
    if m:
        return [key(int(TOKEN.match(m.group(1)).group(1)))], 1
    start = doc.sentences[si].start + ca
    if _REFERENCE_POSSESSIVE.search(prefix) and not before:
        k = doc.salient(si, before=start, phrase=prefix)
        return ([k], 0) if k else ([], 0)
    # The subject, not a company inside a relative clause ("X, which owns 5% of Y, said it ...").
    hidden = doc.hidden(text)
    # not a company after a preposition: "Renault, after a charge on its stake in Nissan, named ..."
    main = [key(i) for p, i in _tokens(doc, hidden, ca, a) if not AFTER_PREPOSITION.search(text, max(0, p - 40), p)] \
        or [key(i) for _, i in _tokens(doc, hidden, ca, a)]
    if not main and before:
        # "The Swedish carmaker, which is controlled by Geely, booked a charge": the subject is the
        # description, not the company inside the relative clause.
        first = min(p for p, _ in _tokens(doc, text, ca, a))
        reference = SINGLE_REFERENCE.search(hidden, ca, first)
        if reference:
            k = doc.salient(si, before=start, phrase=reference.group(0))
            if k:
                return [k], 0
    main = main or before
    if main:
        return [main[-1]], 1
    reference = SINGLE_REFERENCE.search(prefix) or GROUP_REFERENCE.search(prefix)
    if reference:
        k = doc.salient(si, before=start, phrase=reference.group(0))
        return ([k], 0) if k else ([], 0)
    # after the trigger, a company outside any relative clause: "... was taken over by Geely"
    after = [key(i) for _, i in _tokens(doc, hidden, a, cb)]
    if after:
        return [after[0]], 1
    reference = SINGLE_REFERENCE.search(text, a, cb)
    if reference:
        k = doc.salient(si, before=start, phrase=reference.group(0))
        return ([k], 0) if k else ([], 0)
    # the trigger names it itself: "Uchida, who has led Nissan since 2019, will step down"
    inside = [key(i) for _, i in _tokens(doc, text, a, b)]
    if inside:
        return [inside[0]], 1
    if not doc.tokens(hidden):
        if FIRST_PERSON.search(text):
            # "we sold", "our profit": the company speaking - the article's company, or in a
            # round-up of several, the one the passage is about
            k = doc.dominant_company() or (_paragraph_names_company(doc, si) and doc.salient(si, before=start)) \
                or doc.main_company()
            return ([k], 0) if k else ([], 0)
        # "Espinosa, who replaced Uchida as chief executive", "Two plants will be closed":
        # the company the passage, or the whole article, is about
        k = doc.salient(si, before=start, or_dominant=True)
        return ([k], 0) if k else ([], 0)
    return [], 0


def _paragraph_names_company(doc: Document, si: int) -> bool:
    """Whether a sentence before this one in its paragraph names a company."""
    paragraph = doc.sentences[si].paragraph
    j = si - 1
    while j >= 0 and doc.sentences[j].paragraph == paragraph:
        if doc.sentences[j].mentions:
            return True
        j -= 1
    return False


def _date_for(exprs, sentence, start, doc, lead) -> str | None:
    value = dates.best_point(exprs, near=start - sentence.start)
    if value is None and lead and doc.published:
        # The lead of a news story tells what just happened: the month it was published.
        value = doc.published.strftime("%Y-%m")
    return value


def _resolve_agreements(candidates: list[Candidate]) -> None:
    """A memorandum or collapsed talks without a stated purpose are about a merger when the article discusses one of the same companies."""
    merger_sets = [set(c.companies) for c in candidates if c.kind in ("merger_talks", "merger_talks_ended")]
    for c in candidates:
        if c.kind in ("_agreement", "_talks_ended"):
            mine = set(c.companies)
            merger = any(len(mine & s) >= 2 or (mine and mine <= s) for s in merger_sets)
            if c.kind == "_agreement":
                c.kind = "merger_talks" if merger else "partnership"
            else:
                # "talks between A and B collapsed": the merger talks the article is about, or nothing to propose
                c.kind = "merger_talks_ended" if merger else ""
    candidates[:] = [c for c in candidates if c.kind]


def _merge(doc: Document, candidates: list[Candidate]) -> list[EventFound]:
    groups: list[Group] = []
    # A group is made only when none has the candidate's kind and companies, so (kind, members) names at
    # most one group: looked up at once. The groups of each kind, in the order made, for the other tests.
    exact: dict[tuple[str, frozenset[str]], Group] = {}
    of_kind: dict[str, list[Group]] = {}
    for c in sorted(candidates, key=lambda c: (-len(set(c.companies)), c.start)):
        mine = frozenset(c.companies)
        group = exact.get((c.kind, mine))
        if group is None and c.kind in MULTI_PARTY and len(mine) == 1:
            # One side only ("the Honda merger failure"): the same event as a fuller one that includes it.
            group = next((g for g in of_kind.get(c.kind, ()) if mine <= g.members), None)
        if group is None and c.kind in MULTI_PARTY:
            # Two triggers of one sentence, one naming fewer of the parties: the same happening.
            group = next((g for g in of_kind.get(c.kind, ()) if mine <= g.members
                          and any(i.sentence == c.sentence for i in g.items)), None)
        if group is None:
            group = Group(c.kind, list(dict.fromkeys(c.companies)))
            groups.append(group)
            exact[(c.kind, mine)] = group
            of_kind.setdefault(c.kind, []).append(group)
        group.items.append(c)
    out = []
    for g in sorted(groups, key=lambda g: min(i.start for i in g.items)):
        items = sorted(g.items, key=lambda i: i.start)
        status = max((i.status for i in items), key=lambda s: STATUS_RANK[s])
        dated = [i.date for i in items if i.date]
        date = max(dated, key=len) if dated else None
        best = max(items, key=lambda i: (i.explicit, i.status == status, -i.start))
        evidence = []
        seen = set()
        for i in items:
            if i.start not in seen:
                seen.add(i.start)
                evidence.append(Evidence(i.quote, i.start, i.end))
        names = [doc.name(k) for k in g.companies]
        out.append(EventFound(
            kind=g.kind, date=date, status=status, companies=names,
            title=_title(doc, g.kind, g.companies), quote=best.quote, start=best.start, end=best.end,
            evidence=evidence,
        ))
    return out


def _title(doc: Document, kind: str, keys: list[str]) -> str:
    shorts = [doc.company(k).short for k in keys]
    if kind == "policy" and shorts:
        template = TITLES["policy_with_companies"]
    else:
        template = TITLES[kind]
    return template.format(all=_join(shorts), first=shorts[0] if shorts else "", rest=_join(shorts[1:]))


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
