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

import bisect
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
# The nouns that introduce a company's name: "Chinese automaker Chery".
_INTRODUCER = (
    r"automaker|carmaker|car\s+maker|auto\s+maker|EV\s+maker|electric[- ]vehicle\s+maker|electric[- ]car\s+maker"
    r"|battery\s+maker|chipmaker|chip\s+maker|parts\s+maker|supplier|start-?up|conglomerate|trading\s+house"
    r"|electronics\s+(?:giant|maker)|tech(?:nology)?\s+(?:giant|company|firm)|contract\s+manufacturer"
)
INTRODUCED = re.compile(
    r"\b(?:(?:" + _COUNTRY_RE + r")(?:’s|'s)"
    r"|(?:" + _INTRODUCER + r")"
    r")\s+(?P<name>" + _CAP + r"(?:\s+" + _CAP + r"){0,2})"
    # "Italy's Agnelli family", "Aichi's Toyota City": a family or a place is not a company
    r"(?!\s+(?:family|families|clan|dynasty|heirs|government|ministry|prefecture|province|state|region|city)\b)"
)


# Tried only where a country or one of the nouns begins: the alternation is too long to try everywhere.
# A country is always followed by "’s" or "'s", so it is looked for only before those; the nouns' first
# words by str.find, cheaper than a pass of an automaton of the two hundred countries over the whole
# article. The pattern does not ignore case: both are looked for as it writes them.
_INTRODUCER_FIRST = triggers.leading_literals(_INTRODUCER, exact=True)
_COUNTRY_TUPLE = tuple(_COUNTRIES)


def _introduced_starts(text: str, folded: str) -> list[int]:
    """Where INTRODUCED may begin (with some places it cannot)."""
    out = []
    for mark in ("’s", "'s"):
        q = text.find(mark)
        while q != -1:
            if text.endswith(_COUNTRY_TUPLE, 0, q):
                out.extend(q - len(c) for c in _COUNTRIES if text.endswith(c, 0, q))
            q = text.find(mark, q + 1)
    for word in _INTRODUCER_FIRST:
        p = text.find(word)
        while p != -1:
            out.append(p)
            p = text.find(word, p + 1)
    return out


_INTRODUCED = triggers.Anchored(INTRODUCED, starts=_introduced_starts)

# A name in the place of a company in a holding: "a 10% stake in Horse Powertrain", "65.7 per cent
# of Zeekr", "Saudi Aramco completed its purchase of a 10% stake". Only a company holds or is held.
_NAME = _CAP + r"(?:\s+" + _CAP + r"){0,3}"
HELD = re.compile(r"\b(?:stake|holding|shareholding)\s+in\s+(?P<name>" + _NAME + r")")
# "Leapmotor International is 51% owned by Stellantis"
HELD_BEFORE_PERCENT = re.compile(
    r"(?<![\w’'-])(?P<name>" + _NAME + r")(?:,\s+which)?\s+(?:is|was|are|were|remains|became)\s+"
    r"(?:(?:about|around|roughly|nearly|some|still|now|currently|a|an)\s+)*$"
)
HELD_AFTER_PERCENT = re.compile(r"\s+(?:of|stake\s+in)\s+(?P<name>" + _NAME + r")")
# "Saudi Aramco completed its purchase of a 10% stake": the words between a holder and the percentage.
_HOLDER_VERBS = (
    "holds", "owns", "bought", "buys", "acquired", "acquires", "took", "takes", "take",
    "completed its purchase of", "completed its acquisition of", "agreed to buy", "agreed to acquire", "agreed to take",
)
_HOLDER_BY_LAST_WORD: dict[str, list[list[str]]] = {}
for _verb in _HOLDER_VERBS:
    _HOLDER_BY_LAST_WORD.setdefault(_verb.split()[-1], []).append(_verb.split())
_HOLDER_AUX = {"has", "had", "have", "will"}
_QUANTITY_WORDS = {"a", "an", "about", "around", "roughly", "nearly", "some", "just", "over", "under", "more", "than",
                   "further", "additional"}
# the name just before such a verb
HOLDER_NAME = re.compile(r"(?<![\w’'-])(?P<name>" + _NAME + r")\s+$")
_PERCENT = re.compile(r"%|per\s?cent|percent")
# A list of companies: "Lucid Group, Inc., Nuro and Uber Technologies, Inc." - an unknown name
# listed beside two known companies is one too, unless the list is of brands or models.
_ITEM = _CAP + r"(?:\s+" + _CAP + r"){0,3}(?:,?\s+(?:Inc|Ltd|Co|Corp|LLC|plc|AG|SE|Limited)\.?){0,2}"
# The same pattern with the look-behind moved after the list's first capital: a pattern that begins with
# a character class is passed over quickly where it cannot start (the engine skips to the next capital).
assert _ITEM.startswith(_CAP) and _CAP == r"(?:[A-Z][A-Za-z0-9’'&.-]*[A-Za-z0-9]|[A-Z])"
_FIRST_ITEM = r"[A-Z](?<![\w,] [A-Z])(?:[A-Za-z0-9’'&.-]*[A-Za-z0-9])?" + _ITEM[len(_CAP):]
LIST = re.compile(
    r"(?P<list>" + _FIRST_ITEM + r"(?:,\s+" + _ITEM + r")*,?\s+(?:and|&)\s+" + _ITEM + r")"
    r"(?!\s+(?:brands?|models?|marques?|cars|vehicles|SUVs|plants|factories|cities|countries|dealers))"
)
# Every suffix begins with one of these characters: the look-ahead for them lets the engine pass the
# space before an ordinary word without trying the whole alternation there (same matches).
_SUFFIX_FIRST = "".join(sorted({s[0] for s in _SUFFIXES}))
_SUFFIX_HINT = re.compile(r"\s(?=[" + re.escape(_SUFFIX_FIRST) + r"])(?:" + _SUFFIX_RE + r")(?![\w-])")


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
        body_mentions = _first_word_mentions(doc, body_mentions)
        title_mentions = [to_mention(r, doc.title) for r in title_raw]

        # Organisations the registry does not know, from the body only (titles are all capitals).
        found = _unknown_organisations(doc, body_mentions)
        body_mentions = _apply_new(doc, body_mentions, found, doc.body, discover=True)
        title_mentions = _apply_new(doc, title_mentions, found, doc.title, discover=False)

        doc.mentions = sorted(body_mentions, key=lambda m: m.start)
        doc.title_mentions = title_mentions
        _attach_to_sentences(doc)
        doc.result.companies = _summarise(doc)


# First words that are ordinary words in names of several kinds: "General", "Public", "United".
_GENERIC_FIRST = {"general", "public", "united", "great", "first", "royal", "american", "china", "japan", "state"}


def _first_word_mentions(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """"Lucid Group, Inc. ... Lucid separately reported": once the article names a company in full,
    its distinctive first word written alone is the same company, even where the registry lacks it."""
    text = doc.body
    lowered_words = None
    starts = [x.start for x in mentions]
    extra: list[Mention] = []
    seen: set[str] = set()
    for m in mentions:
        if m.key in seen or " " not in m.surface:
            continue
        seen.add(m.key)
        first = m.surface.split(None, 1)[0].rstrip(",")
        if len(first) < 4 or not first[0].isupper() or not first.isalpha() or first.lower() in _GENERIC_FIRST:
            continue
        pos = text.find(first)
        while pos != -1:
            s, e = pos, pos + len(first)
            pos = text.find(first, e)
            if (s and (text[s - 1].isalnum() or text[s - 1] in "-_")) or (e < len(text) and (text[e].isalnum() or text[e] in "-_")):
                continue
            i = bisect.bisect_right(starts, s) - 1
            if i >= 0 and mentions[i].end > s:
                continue  # inside a mention already
            # part of another name ("Lucid Gravity", "Attorney General"): not the company alone
            if re.match(r"\s+[A-Z]", text[e:e + 2]) or re.search(r"[A-Z][\w-]*\s+$", text[max(0, s - 30):s]):
                continue
            if lowered_words is None:
                if not _is_name_word(first) or first.lower() in _MEDIA or first.lower() in _BRANDS:
                    break
                lowered_words = _LoweredWords(text)
            if first.lower() in lowered_words:
                break  # an ordinary word in this text
            extra.append(Mention(s, e, m.key, first))
    return sorted([*mentions, *extra], key=lambda x: x.start) if extra else mentions


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


_GOVERNMENT_OF = triggers.quick_start(
    r"\b(?:state|government|province|prefecture|city|ministry|republic|kingdom|region|municipality|people)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


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
    for a, b, held in _in_company_places(doc, mentions):
        if in_heading(a):
            continue
        hits = overlapping(a, b)
        if hits:
            # "Leapmotor International": a registry name extended by words of its own is another company
            first = hits[0]
            extra = text[first.end:b].split()
            if not (held and len(hits) == 1 and first.start == a and extra
                    and all(w[0].isupper() and _is_name_word(w) for w in extra)):
                continue
        words = text[a:b].split()
        if words and words[-1].endswith(("’s", "'s")):
            words[-1] = words[-1][:-2]  # "a stake in Kestrel's parent"
        while words and not _is_name_word(words[0]):
            words.pop(0)  # "Saudi Aramco": the country is not the name
        while words and not _is_name_word(words[-1]):
            words.pop()
        if not words:
            continue
        name = " ".join(words)
        a = text.index(name, a)
        if name.lower() in _MEDIA or name.lower() in _COUNTRY_SET:
            continue
        if name.lower() in _BRANDS and not held:
            continue  # a brand is held only when it is a listed company of its own ("65.7% of Zeekr")
        if any(w.lower() in lowered_words for w in words):
            continue  # a common word capitalised
        if any(name in other or other in name for other in found if other != name):
            continue  # the same company found by its suffix: "65.7% of Zeekr" and "Zeekr Intelligent Technology"
        found.setdefault(name, (a, a + len(name), name))
    # "the state of Lower Saxony", "the government of Aichi": a government, not a company
    found = {name: span for name, span in found.items()
             if not _GOVERNMENT_OF.search(text, max(0, span[0] - 30), span[0])}
    return _shorten_to_first_word(text, found, mentions)


def _percents(text: str):
    """(start, end) of each percentage's unit: "10%", "65.7 per cent" (the digit before is checked)."""
    # _PERCENT.finditer(text), tried only where "%" or "per" occurs (found with str.find): its matches
    # begin there, and cannot overlap (none holds a "%" or a second "per").
    starts = []
    for mark in ("%", "per"):
        i = text.find(mark)
        while i != -1:
            starts.append(i)
            i = text.find(mark, i + 1)
    starts.sort()
    for start in starts:
        m = _PERCENT.match(text, start)
        if m is None:
            continue
        a = m.start()
        if a and text[a - 1] == " ":
            a -= 1
        if a and text[a - 1].isdigit():
            yield a, m.end()


def _holder_before(text: str, a: int) -> tuple[int, int] | None:
    """The span of the name holding or buying the percentage whose unit starts at `a`, if one is written there."""
    d = a  # where the number begins
    while d > 0 and text[d - 1] in "0123456789.,":
        d -= 1
    words = text[max(0, d - 90):d].split()
    while words and words[-1].lower() in _QUANTITY_WORDS:
        words.pop()
    if not words:
        return None
    for verb in _HOLDER_BY_LAST_WORD.get(words[-1].lower(), ()):
        n = len(verb)
        if [w.lower() for w in words[-n:]] == verb:
            rest = words[:-n]
            if rest and rest[-1].lower() in _HOLDER_AUX:
                rest.pop()
            if not rest:
                return None
            # where those words end in the text: the name is read just before
            end = text.rfind(rest[-1], 0, d) + len(rest[-1])
            m = HOLDER_NAME.search(text, max(0, end - 60), end + 1)
            return m.span("name") if m else None
    return None


def _in_company_places(doc: Document, mentions: list[Mention]):
    """Spans of unknown names standing where only a company can: a holding's parties, a list of companies."""
    text = doc.body
    windows: list[list[int]] = []
    for a, b in _percents(text):
        m = HELD_AFTER_PERCENT.match(text, b)
        if m:
            yield (*m.span("name"), True)
        if text.startswith("-owned", b) or text.startswith(" owned", b):
            d = a
            while d > 0 and text[d - 1] in "0123456789.":
                d -= 1
            m = HELD_BEFORE_PERCENT.search(text, max(0, a - 80), d)
            if m:
                yield (*m.span("name"), True)
        holder = _holder_before(text, a)
        if holder:
            yield (*holder, True)
        # a holding is written around its percentage: look only there
        lo, hi = max(0, a - 100), min(len(text), b + 80)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        window = text[lo:hi]
        if "stake in" in window or "holding in" in window:
            for m in HELD.finditer(text, lo, hi):
                yield (*m.span("name"), True)
    if len(mentions) < 2:
        return
    # a list of companies holds two known ones, one of them followed by ", " or " and ":
    # only the sentences holding such a mention are worth reading
    starts = [x.start for x in doc.sentences]
    mention_starts = [x.start for x in mentions]
    listed = sorted({
        bisect.bisect_right(starts, x.start) - 1
        for x in mentions
        if _LIST_JOIN.match(text, x.end, x.end + 16)
    })
    for si in listed:
        sentence = doc.sentences[si]
        j = bisect.bisect_left(mention_starts, sentence.start)
        k = bisect.bisect_left(mention_starts, sentence.end)
        if k - j < 2:
            continue
        for m in LIST.finditer(text, sentence.start, sentence.end):
            items = [(x.start() + m.start("list"), x.end() + m.start("list"))
                     for x in re.finditer(r"(?:(?!,\s|\s+(?:and|&)\s).)+", m.group("list"))]
            items = [(a + len(text[a:b]) - len(text[a:b].lstrip(" ,")), b) for a, b in items]
            items = [(a, b) for a, b in items if text[a:b].strip(" ,.") not in _SUFFIX_ITEMS]
            known = [(a, b) for a, b in items if any(x.start < b and a < x.end for x in mentions[j:k])]
            if len(known) >= 2 and len(known) < len(items):
                for a, b in items:
                    if (a, b) not in known:
                        yield a, b, False


_LIST_JOIN = re.compile(r"(?:,?\s+(?:Inc|Ltd|Co|Corp|LLC|plc|AG|SE|Limited)\.?){0,2}(?:,\s|\s+(?:and|&)\s)")
_SUFFIX_ITEMS = {"Inc", "Ltd", "Co", "Corp", "LLC", "plc", "AG", "SE", "Limited"}


def _shorten_to_first_word(text: str, found: dict, mentions: list[Mention]) -> dict:
    """"Horse Powertrain ... Horse builds engines", "Zeekr Intelligent Technology ... 65.7% of Zeekr":
    a distinctive first word written alone elsewhere is the same company's short name."""
    lowered_words = _LoweredWords(text)
    for full, (a, b, short) in list(found.items()):
        words = full.split()
        first = words[0].rstrip("’'")
        if len(words) < 2 or short == first or len(first) < 4 or not first[0].isupper():
            continue
        if not _is_name_word(first) or first.lower() in lowered_words or first.lower() in _MEDIA:
            continue
        alone = re.compile(r"(?<![\w-])" + re.escape(first) + r"(?![\w-])(?!\s+" + re.escape(words[1]) + r")")
        hits = [m for m in alone.finditer(text) if not any(x.start < m.end() and m.start() < x.end for x in mentions)]
        if hits:
            found[full] = (a, b, first)
            found.pop(first, None)
    return found


class _LoweredWords:
    """The words the text writes in lower case ("motor", "prime"), collected on first use."""

    def __init__(self, text: str):
        self.text = text
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        # A word the text holds nowhere, in any form, is none of its words: the common answer for the
        # name words asked about ("kamira"), found without collecting every word of the article.
        if word not in self.text:
            return False
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
