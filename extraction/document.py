"""The working state of one article as it passes through the steps."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from . import triggers, vocab
from .registry import Company, Registry
from .results import Extraction
from .sentences import TOKEN, Sentence

# Phrases that stand for a company named earlier ("the automaker", "its").
SINGLE_REFERENCE = re.compile(
    r"\b(?:the|this)\s+(?:[\w’'.-]+\s+){0,3}?"
    r"(?:company|automaker|carmaker|auto\s+maker|car\s+maker|firm|group|manufacturer|maker|latter|former)(?:’s|'s)?(?![\w-])"
    r"|\b(?:it|its)\b",
    re.IGNORECASE,
)
# "the Swedish EV maker": the nationality narrows down which company is meant.
NATIONALITIES = {
    "japanese": "JP", "chinese": "CN", "taiwanese": "TW", "korean": "KR", "south korean": "KR",
    "german": "DE", "french": "FR", "italian": "IT", "american": "US", "u.s.": "US", "us": "US",
    "swedish": "SE", "british": "GB", "dutch": "NL", "indian": "IN", "vietnamese": "VN", "spanish": "ES",
}
_NATIONALITY = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(NATIONALITIES, key=len, reverse=True)) + r")\b", re.IGNORECASE)
# Relative clauses and appositives name companies that are not the sentence's subject:
# "Porsche SE, which holds 31.9% of Volkswagen, said it ..." - the "it" is Porsche SE.
_RELATIVE_START = (
    r",\s+(?:which|who|whose|in\s+which|of\s+which|from\s+which|to\s+which|with\s+which|where|bought|acquired|founded|owned|based|led|headed|controlled|"
    r"formerly|once|now\s+part)\b[^,;]*"
)
RELATIVE_CLAUSE = re.compile(
    # "Traton, whose brands include Scania, MAN and VW Truck & Bus, sold ...": a list inside the clause
    _RELATIVE_START + r"(?:,\s+(?:and\s+)?(?-i:[A-Z⟨])[^,;]*)+?,(?=\s+(?!which|who|whose|where)(?-i:[a-z]))"
    # "Toyota Industries, which makes forklifts, compressors and engines, and assembles the RAV4 for
    # Toyota, reported ...": a clause that runs on to the main verb
    r"|" + _RELATIVE_START + r"(?:,[^;]{0,160}?)?,(?=\s+(?-i:reported|posted|said|says|booked|announced|confirmed|sold|made|cut|lost|earned|expects|expected|forecast|plans|will|has|had|is|was)\b)"
    r"|" + _RELATIVE_START + r","
    r"|,\s+(?:a\s+|about\s+)?\d[\d.]*\s?(?:%|percent|per\s+cent)[\s-]*owned\b[^,;]*,"
    # "Subaru, 20 per cent of which belongs to Toyota, ...": the owner is not the subject
    r"|,\s+(?:a\s+|about\s+|roughly\s+|nearly\s+)?(?:\d[\d.]*\s?(?:%|percent|per\s+cent)|third|quarter|fifth|half)\s+of\s+which\b[^,;]*,"
    # "Polestar, the electric-car brand majority owned by Geely, ...": a description of the subject
    r"|,\s+(?:the|a|an)\s+(?:[^,;⟨]{0,60}?\s)?(?:owned|controlled|backed|chaired|led|run|headed|unit|subsidiary|arm|affiliate|brand|venture)\b[^,;]*,",
    re.IGNORECASE,
)


# "Espinosa took over from Uchida, who stepped down after talks with Honda collapsed.": a relative
# clause that ends the sentence.
FINAL_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*$")


def hide_relative_clauses(text: str) -> str:
    """The same text with relative clauses and participial appositives blanked out (same length)."""
    # Both patterns begin with a comma, and the engine looks for it quickly by itself: testing their
    # trigger words on the folded text first cost more than it saved.
    if "," not in text:
        return text
    text = RELATIVE_CLAUSE.sub(lambda m: "," + " " * (len(m.group(0)) - 2) + ",", text)
    return FINAL_RELATIVE_CLAUSE.sub(lambda m: "," + " " * (len(m.group(0)) - 1), text)


# Where one clause of a sentence ends and the next begins: "; ", " - ", ", while ", ", but ".
# Every break begins with a space, a comma or a semicolon: said up front, the engine passes over other
# characters at once instead of trying each alternative there (same matches).
_BREAKS = vocab.data("events.json")["clause_breaks"]
if triggers.begins_with(_BREAKS, re.IGNORECASE, chars=",;", space=True):
    _BREAKS = r"(?=[\s,;])(?:" + _BREAKS + ")"
CLAUSE_BREAKS = triggers.gated(_BREAKS, re.IGNORECASE)


def clause_spans(text: str, folded: str | triggers.Scan | None = None) -> list[tuple[int, int]]:
    """The clauses of a (masked) sentence as (start, end) offsets."""
    spans = []
    start = 0
    for m in CLAUSE_BREAKS.finditer(text, triggers.fold(text) if folded is None else folded):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def nationality(phrase: str) -> str | None:
    m = _NATIONALITY.search(phrase or "")
    return NATIONALITIES[m.group(1).lower()] if m else None


# The object of a preposition ("talks with Nissan", "of Italy's Agnelli family"), not a subject.
AFTER_PREPOSITION = triggers.quick_start(
    r"\b(?:of|in|with|from|to|for|at|into|on|over|against|than|like|including|between)\s+"
    r"(?:the\s+|its\s+|their\s+|[A-Z][\w-]*(?:’s|'s)\s+)?$"
)

_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|this|that)\s+$", re.IGNORECASE)
_LOWERCASE_WORD = re.compile(r"\s+[a-z]")

# "we", "our": in an interview or a press release, the company speaking, which the article is about.
# Case matters: "US" is the United States.
FIRST_PERSON = triggers.quick_start(r"\b(?:[Ww]e|WE|[Oo]urs?|OURS?|us)\b")
GROUP_REFERENCE = triggers.quick_start(
    r"\b(?:(?P<n>both|two|three|four|five)|the\s+(?P<m>two|three|four|five))\s+"
    r"(?:(?:japanese|chinese|major)\s+)?(?:companies|automakers|carmakers|firms|manufacturers|groups|partners|sides)\b"
    r"|\bthe\s+(?P<pair>pair|trio|duo)\b|\bthe\s+(?P<two>two|three)\b(?!\s+\w+s\b)",
    re.IGNORECASE,
)
COUNTS = {"both": 2, "two": 2, "pair": 2, "duo": 2, "three": 3, "trio": 3, "four": 4, "five": 5}


@dataclass
class Mention:
    start: int
    end: int
    key: str  # Company.key
    surface: str
    candidates: tuple[str, ...] = ()  # other companies an ambiguous name could be


@dataclass
class Document:
    title: str
    body: str
    published: dt.date | None
    registry: Registry
    result: Extraction
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # in the body, in order
    title_mentions: list[Mention] = field(default_factory=list)
    companies: dict[str, Company] = field(default_factory=dict)  # every company seen, registry or new
    _starts: list[int] = field(default_factory=list)
    _dates: dict = field(default_factory=dict)
    _clauses: dict = field(default_factory=dict)
    _hidden: dict = field(default_factory=dict)
    _tokens: dict = field(default_factory=dict)
    _counts: tuple = (None, 0, None)

    # ---- lookups the steps share -------------------------------------------------
    def company(self, key: str) -> Company:
        return self.companies[key]

    def name(self, key: str) -> str:
        return self.companies[key].name

    def mention_company(self, index: int) -> str:
        return self.mentions[index].key

    def sentence_at(self, pos: int) -> int:
        if not self._starts:
            self._starts = [s.start for s in self.sentences]
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def dates(self, sentence_index: int):
        """The date expressions of a sentence, read against the publication date (computed once)."""
        if sentence_index not in self._dates:
            from . import dates

            sentence = self.sentences[sentence_index]
            # The sentence's own Scan when it is at hand (see Sentence.scan); else dates makes a smaller one.
            scan = sentence._scan
            if scan is None and sentence.masked is not None and sentence.masked.text == sentence.text:
                scan = sentence.masked.scan
            self._dates[sentence_index] = dates.find(sentence.text, self.published, scan=scan)
        return self._dates[sentence_index]

    def clauses(self, sentence_index: int) -> list[tuple[int, int]]:
        """The clause spans of a sentence's masked text (computed once)."""
        spans = self._clauses.get(sentence_index)
        if spans is None:
            masked = self.sentences[sentence_index].masked
            spans = self._clauses[sentence_index] = clause_spans(masked.text, masked.scan)
        return spans

    def hidden(self, text: str) -> str:
        """hide_relative_clauses(text) for a sentence of this article, computed once."""
        out = self._hidden.get(text)
        if out is None:
            out = self._hidden[text] = hide_relative_clauses(text)
        return out

    def tokens(self, text: str) -> tuple[tuple[int, int, int], ...]:
        """(start, end, mention index) of the company tokens in a masked text of this article, found once."""
        out = self._tokens.get(text)
        if out is None:
            out = self._tokens[text] = tuple((m.start(), m.end(), int(m.group(1))) for m in TOKEN.finditer(text))
        return out

    def counts(self) -> Counter:
        # Counted once the companies step has set the mentions; recounted if they are replaced.
        counted, size, counts = self._counts
        if counts is None or counted is not self.mentions or size != len(self.mentions):
            counts = Counter(m.key for m in self.mentions)
            self._counts = (self.mentions, len(self.mentions), counts)
        return counts

    def main_company(self) -> str | None:
        """The company the article is most about: the one named most often."""
        counts = self.counts()
        return counts.most_common(1)[0][0] if counts else None

    def dominant_company(self) -> str | None:
        """The company the whole article is about, when one clearly is: named at least three
        times and at least twice as often as any other (a press release, a results story)."""
        ranked = self.counts().most_common(2)
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
            return None
        return ranked[0][0]

    def salient(self, sentence_index: int, *, before: int | None = None, exclude=(), phrase: str = "",
                or_dominant: bool = False) -> str | None:
        """The company a phrase like "the company" or "it" most likely means.

        Candidates are the companies named in this sentence before the phrase and
        in the three sentences before; the article's main subject wins among them,
        then the nearest. A company named only inside a relative clause counts
        for less, and a nationality in the phrase ("the Swedish EV maker") must fit.
        """
        counts = self.counts()
        country = nationality(phrase)
        best = None
        best_score = 0.0
        best_in_clause = False
        for distance in range(4):
            i = sentence_index - distance
            if i < 0:
                break
            sentence = self.sentences[i]
            hidden = self.hidden(sentence.text)
            for mi in sentence.mentions:
                m = self.mentions[mi]
                if distance == 0 and (before is None or m.start >= before):
                    continue
                if m.key in exclude:
                    continue
                company = self.companies[m.key]
                if country and company.country and company.country != country:
                    continue
                score = counts[m.key] / (1 + distance)
                if country and company.country == country:
                    score *= 3  # "the Taiwanese electronics group": a Taiwanese company it names
                offset = m.start - sentence.start
                # A company inside a relative clause, or after a preposition ("talks with Honda broke
                # down"), is rarely what the next sentence is about.
                in_clause = hidden[offset] == " " or (
                    not sentence.text.startswith(("’s", "'s"), m.end - sentence.start)  # "half of Nissan's sales"
                    and bool(AFTER_PREPOSITION.search(sentence.text, max(0, offset - 40), offset))
                ) or (
                    # a company qualifying a noun: "Excluding the Nissan charge, ..."
                    bool(_DETERMINER_BEFORE.search(sentence.text, max(0, offset - 6), offset))
                    and bool(_LOWERCASE_WORD.match(sentence.text, m.end - sentence.start)))
                if in_clause:
                    score /= 3
                elif distance and mi == sentence.mentions[0] and offset < 40 and not _DETERMINER_BEFORE.search(
                        sentence.text, max(0, offset - 6), offset):
                    # the sentence's subject (not "the Nissan charge"): what "it" in the next one most likely means
                    score *= 2
                if score > best_score:
                    best, best_score, best_in_clause = m.key, score, in_clause
            # A company named only inside a relative clause ("The Swedish carmaker, which
            # is controlled by Geely, ...") is rarely what the next sentence is about: look further.
            if best is not None and distance >= 1 and not best_in_clause:
                break
        if (best is None and or_dominant) or (best is not None and best_in_clause):
            # Nothing named nearby, or only in a relative clause or after a preposition: in an
            # article about one company, that company.
            dominant = self.dominant_company()
            if dominant is not None and dominant not in exclude and (
                    not country or self.companies[dominant].country in ("", country)):
                return dominant
        return best

    def recent_group(self, sentence_index: int, size: int, *, before: int | None = None) -> list[str]:
        """The last `size` distinct companies named up to this point: "the two companies", "the three automakers"."""
        seen: list[str] = []
        i = sentence_index
        while i >= 0 and i >= sentence_index - 4:
            sentence = self.sentences[i]
            keys = [
                self.mentions[mi].key
                for mi in sentence.mentions
                if i != sentence_index or before is None or self.mentions[mi].start < before
            ]
            for key in reversed(keys):
                if key not in seen:
                    seen.append(key)
            if len(seen) >= size:
                break
            i -= 1
        return list(reversed(seen[:size])) if len(seen) >= size else []
