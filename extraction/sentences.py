"""Split an article body into sentences with their character offsets.

A full stop ends a sentence unless it belongs to an abbreviation ("U.S.",
"Co.", "Inc.", "Mr."), an initial ("Carlos A. Tavares") or a number ("2.4").
A line break always ends a sentence, so headings and list lines stand alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .triggers import Scan

ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "co", "corp", "inc", "ltd", "mr", "mrs", "ms", "dr", "prof", "st",
    "jr", "sr", "no", "vs", "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "approx", "est", "dept", "gov", "sen", "rep", "gen", "lt",
    "col", "bros", "n.v", "s.a", "s.p.a", "a.g", "p.m", "a.m", "fig", "ave", "mt", "ft",
}

# A candidate end: terminal punctuation, optional closing quotes/brackets, then space.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    heading: bool = False
    # Filled by the companies step: mention indices inside this sentence and the masked text.
    mentions: list[int] = field(default_factory=list)
    masked: Masked | None = None
    _scan: Scan | None = field(default=None, repr=False, compare=False)

    @property
    def scan(self) -> Scan:
        """Trigger words in the (unmasked) text, found on first use."""
        if self._scan is None:
            if self.masked is not None and self.masked.text == self.text:
                self._scan = self.masked.scan  # no company named: the same text
            else:
                self._scan = Scan(self.text)
        return self._scan


def split(body: str) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for line in body.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            paragraph += 1
            continue
        pieces = list(_pieces(line))
        for a, b in pieces:
            text = line[a:b]
            out.append(Sentence(line_start + a, line_start + b, text, paragraph))
        if len(pieces) == 1:
            out[-1].heading = _looks_like_heading(line.strip())
        paragraph += 1
    return out


def _pieces(line: str):
    start = len(line) - len(line.lstrip())
    for m in _END.finditer(line):
        end = m.end()
        if not _is_boundary(line, m.start(), end):
            continue
        if line[start:end].strip():
            yield start, end
        start = end
        while start < len(line) and line[start].isspace():
            start += 1
    end = len(line.rstrip())
    if start < end:
        yield start, end


_LEADER_VALUE = re.compile(r"\s*[-+−]?[\d$€£¥₹(]")


def _is_boundary(line: str, dot: int, end: int) -> bool:
    if line[dot] != ".":
        return True  # ! ? and ellipses end sentences
    if line.startswith("..", dot) and _LEADER_VALUE.match(line, end):
        return False  # dot leaders in a table row: "Subaru ........ 20.0 per cent"
    # _WORD_BEFORE.search(line, max(0, dot - 24), dot), read backwards: the run of word characters
    # and full stops that ends at the dot (\w is isalnum() or "_"; a line holds no line break).
    lo = max(0, dot - 24)
    start = dot
    while start > lo and ((c := line[start - 1]).isalnum() or c == "_" or c == "."):
        start -= 1
    word = line[start:dot] if start < dot else None
    token = word.lower() if word else ""
    if token.rstrip(".") in ABBREVIATIONS:
        # "... the U.S. The next ..." still ends when a capitalised word follows an
        # abbreviation that is often final; keep it simple and trust the abbreviation
        # list except for "U.S."/"U.K." followed by a capitalised function word.
        following = line[end:].lstrip()[:6]
        if token.rstrip(".") in {"u.s", "u.k", "etc"} and re.match(r"(?:The|It|This|In|A|An|But|And)\b", following):
            return True
        return False
    if len(token) == 1 and token.isalpha() and word.isupper():
        return False  # an initial
    rest = line[end:].lstrip()
    if rest and rest[0].islower():
        return False  # "approx. ten", unknown abbreviation
    return True


_TABLE_ROW = re.compile(r"(?:\.{2,}|…|\||:|\t)\s*[-+−~]?\s?(?:US\$|Rs\.?\s?|[\d$€£¥₹(])|\d\s?(?:%|per\s?cent)$", re.IGNORECASE)


def _looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation, mostly capitalised: a section heading."""
    if not text or text[-1] in ".!?:;,”\"'’)":
        return False
    if re.match(r"[-–•*·]\s", text):
        return False  # a list item ("- NIO: 23,231 deliveries in May"), not a heading
    if _TABLE_ROW.search(text):
        return False  # a table row: "Subaru ........ 20.0 per cent", "Mazda | 5.1%"
    words = text.split()
    if len(words) > 14:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or not w[0].isalpha())
    return capitalised >= max(1, len(words) * 0.5)


@dataclass
class Masked:
    """A sentence with every company mention replaced by a token ⟨i⟩ (i = mention index).

    Patterns then speak of companies without spelling their names, and positions
    in the masked text map back to offsets in the body.
    """

    text: str
    # (masked_start, masked_end, body_start, body_end, mention index or None)
    segments: list[tuple[int, int, int, int, int | None]]
    _segment_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _scan: Scan | None = field(default=None, repr=False, compare=False)

    @property
    def folded(self) -> str:
        """The text lower-cased for trigger tests (triggers.fold), offset for offset."""
        return self.scan.folded

    @property
    def scan(self) -> Scan:
        """Which trigger words occur in the text: found once, on first use, for all the steps' patterns."""
        if self._scan is None:
            self._scan = Scan(self.text)
        return self._scan

    @classmethod
    def build(cls, sentence: Sentence, mentions) -> Masked:
        parts = []
        segments = []
        pos = sentence.start
        mpos = 0
        for i in sentence.mentions:
            m = mentions[i]
            if m.start < pos:
                continue
            plain = sentence.text[pos - sentence.start:m.start - sentence.start]
            parts.append(plain)
            segments.append((mpos, mpos + len(plain), pos, m.start, None))
            mpos += len(plain)
            token = f"⟨{i}⟩"
            parts.append(token)
            segments.append((mpos, mpos + len(token), m.start, m.end, i))
            mpos += len(token)
            pos = m.end
        plain = sentence.text[pos - sentence.start:]
        parts.append(plain)
        segments.append((mpos, mpos + len(plain), pos, sentence.end, None))
        return cls("".join(parts), segments)

    def to_body(self, mpos: int, *, is_end: bool = False) -> int:
        # The first segment holding mpos (or ending at it, for an end), found by bisection: a sentence
        # of thousands of segments (a table dumped on one line) must not cost a scan for every position.
        segments = self.segments
        if self._segment_starts is None:
            self._segment_starts = [segment[0] for segment in segments]
        i = bisect.bisect_right(self._segment_starts, mpos) - 1
        found = None
        while i >= 0:
            ms, me = segments[i][0], segments[i][1]
            if ms <= mpos < me or (is_end and mpos == me):
                found = i
            elif found is not None or me < mpos:
                break
            i -= 1
        if found is None:
            return segments[-1][3]
        ms, me, bs, be, idx = segments[found]
        if idx is not None:
            return be if (is_end or mpos > ms) else bs
        return bs + (mpos - ms)

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.to_body(a), self.to_body(b, is_end=True)

    def mentions_between(self, a: int, b: int) -> list[int]:
        return [idx for ms, me, _, _, idx in self.segments if idx is not None and ms >= a and me <= b]


TOKEN = re.compile(r"⟨(\d+)⟩")
