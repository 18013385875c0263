"""Find date expressions in a sentence and resolve them against the publication date.

Absolute dates ("May 20, 2025", "February 2025", "in 2023") need nothing else;
relative ones ("on Sunday", "in March", "last August", "last year") are read
against the article's publication date and are unknown (None) without it.
Fiscal years and quarters are periods, reported separately from points in time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import triggers

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_Y = r"(?P<year>(?:19|20)\d\d)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Order matters: the first pattern to claim a span keeps it.
PATTERNS = [
    ("fiscal_ending", re.compile(r"\b(?:the\s+)?(?:fiscal|financial|business)\s+year\s+(?:ending|ended|that\s+ended|to|through)\s+(?:in\s+)?" + _M + r"\s+(?:" + _D + r",?\s+)?" + _Y + r"\b", re.IGNORECASE)),
    ("fiscal_ended_month", re.compile(r"\b(?:the\s+)?(?:fiscal|financial|business)\s+year\s+(?:that\s+)?(?:ending|ended|ends|to|through)\s+(?:in\s+)?(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*,?\s*(?:19|20)\d\d)", re.IGNORECASE)),
    ("fiscal_year", re.compile(r"\b(?:fiscal|financial|business)\s+(?:year\s+)?" + _Y + r"\b", re.IGNORECASE)),
    ("fiscal_year", re.compile(r"\bFY\s?(?P<fy>(?:19|20)?\d\d)\b")),
    ("year_to_month", re.compile(r"\b(?:in\s+)?the\s+year\s+(?:to|ending|ended|leading\s+up\s+to|through)\s+" + _M + r"(?:\s+" + _Y + r")?\b", re.IGNORECASE)),
    ("quarter", re.compile(r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter(?:\s+of\s+(?:fiscal\s+|the\s+fiscal\s+year\s+)?" + _Y + r")?", re.IGNORECASE)),
    ("quarter", re.compile(r"\bQ(?P<qn>[1-4])\s+(?:FY\s?)?" + _Y)),
    ("half", re.compile(r"\b(?:the\s+)?(?P<h>first|second)[\s-]half\s+(?:of\s+)?(?:fiscal\s+)?" + _Y + r"\b", re.IGNORECASE)),
    ("half", re.compile(r"\bH(?P<hn>[12])\s+" + _Y)),
    ("iso", re.compile(r"\b" + _Y + r"-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)\b")),
    ("mdy", re.compile(r"\b" + _M + r"\s+" + _D + r",?\s+" + _Y + r"\b")),
    ("dmy", re.compile(r"\b" + _D + r"\s+" + _M + r",?\s+" + _Y + r"\b")),
    ("my", re.compile(r"\b" + _M + r",?\s+(?:of\s+)?" + _Y + r"\b")),
    ("md", re.compile(r"\b" + _M + r"\s+" + _D + r"\b(?!,?\s*(?:19|20)\d\d)")),
    ("dm", re.compile(r"\b" + _D + r"\s+" + _M + r"\b")),
    ("rel_month", re.compile(r"\b(?P<rel>(?i:last|this|next|early|late|mid|mid-|earlier\s+in|later\s+in|in|since|by|until|from|through|during|of|on))\s*(?i:the\s+end\s+of\s+|the\s+start\s+of\s+)?" + r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+(?:19|20)\d\d)")),
    ("bare_month", re.compile(r"(?:^|(?<=[.;:!?]\s))(?P<month>January|February|March|April|June|July|August|September|October|November|December)\s+(?=saw|was|brought|marked)")),
    ("weekday", re.compile(r"\b(?:(?P<rel>(?i:last|this|next|on|since|by|until|from))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("relative_day", re.compile(r"\b(?P<rd>yesterday|today|tomorrow|earlier\s+today|this\s+morning|tonight)\b", re.IGNORECASE)),
    ("relative_period", re.compile(r"\b(?P<rp>last|this|next|earlier\s+this|later\s+this|the\s+previous|the\s+past|a)\s+(?P<unit>week|month|year)(?P<ago>\s+ago)?\b", re.IGNORECASE)),
    ("years_ago", re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<unit>years|months)\s+ago\b", re.IGNORECASE)),
    ("year", re.compile(r"(?<![\d,.$€¥£])\b(?P<prep>in|since|by|until|from|through|during|of|for|before|after|early|late|mid|mid-|around|the\s+end\s+of)?\s*" + _Y + r"\b(?![\d,.]*\s?(?:%|percent|million|billion|vehicles|units|cars|jobs|yen|dollars|euros))")),
]
SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
FUTURE = triggers.quick_start(r"\b(?:will|plans?\s+to|planning\s+to|aims?\s+to|expects?\s+to|expected\s+to|is\s+set\s+to|are\s+set\s+to|scheduled|starting|from\s+next|upcoming|intends?\s+to|going\s+to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateExpr:
    start: int  # offsets inside the text searched
    end: int
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be resolved
    role: str  # "point": when something happened; "period": a fiscal year, quarter, half; "bound": since/by/until
    period: str | None = None  # for periods: FY2024, 2024-Q1, 2024-H1; for years: 2023

    def __init__(self, start, end, value, role, period=None):
        # As numbers.Amount: the same frozen object as the generated __init__ makes, made faster.
        self.__dict__.update(start=start, end=end, value=value, role=role, period=period)

    @property
    def precision(self) -> int:
        return 0 if self.value is None else {4: 1, 7: 2, 10: 3}[len(self.value)]


# A text with no digit and none of these words holds no date expression.
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")  # the same test on ASCII text (where \d is 0-9), and faster
_HINT_WORDS = triggers.anchored(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|yesterday|today|tomorrow|tonight|this\s+morning|last|this|next|earlier|later|previous|ago)", re.IGNORECASE
)
def _year_starts(text: str, folded: str):
    """Where the "year" pattern may begin: at the year, in the spaces before it, or at a preposition before those."""
    out = []
    for m in _YEAR_DIGITS.finditer(text):
        y = m.start()
        out.append(y)
        w = y
        while w > 0 and text[w - 1].isspace():
            w -= 1
            out.append(w)
        if text.endswith(_YEAR_PREPOSITIONS, 0, w):  # one test first: most years follow none
            for prep in _YEAR_PREPOSITIONS:
                if w >= len(prep) and text.startswith(prep, w - len(prep)):
                    out.append(w - len(prep))
        # "$" can only match at w (text[w - 1] is no line break), so the phrase must end in "of" there.
        if text.endswith("of", 0, w):
            the_end_of = _THE_END_OF.search(text, 0, w)
            if the_end_of:
                out.append(the_end_of.start())
    return out


_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_YEAR_PREPOSITIONS = ("in", "since", "by", "until", "from", "through", "during", "of", "for", "before", "after",
                      "early", "late", "mid", "mid-", "around")
_THE_END_OF = re.compile(r"the\s+end\s+of$")
assert PATTERNS[-1][0] == "year" and "(?P<prep>in|since|by|until|from|through|during|of|for|before|after|early|late|mid|mid-|around|the\\s+end\\s+of)?\\s*" in PATTERNS[-1][1].pattern

# Each pattern is tried only when its trigger words occur (on top of the cheap guards in find()),
# and only where its first words begin (see triggers.Anchored).
_FINDERS = [
    triggers.Anchored(pattern, starts=_year_starts if name == "year" else None) for name, pattern in PATTERNS
]
_MONTH_HINT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_MONTH_FINDER = triggers.Anchored(_MONTH_HINT)
_MONTH_GATE = triggers.Gated(_MONTH_HINT)
_FUTURE = triggers.Gated(FUTURE)
_NEEDS_DIGIT = {"fiscal_ending", "fiscal_year", "half", "iso", "mdy", "dmy", "my", "md", "dm", "year"}
# Patterns (by position in PATTERNS) that cannot match without a year "19xx"/"20xx" (_Y, not optional).
_NEEDS_YEAR = {0, 2, 6, 7, 8, 9, 10, 11, 12, 21}
assert all("(?P<year>" in PATTERNS[i][1].pattern for i in _NEEDS_YEAR)
_PLAN = [(name, finder, name in _NEEDS_DIGIT, i in _NEEDS_YEAR) for i, ((name, _), finder) in enumerate(zip(PATTERNS, _FINDERS))]


def _fiscal(text, lowered, has_month):
    return "fiscal" in lowered or "financial year" in lowered or "business year" in lowered


def _month(text, lowered, has_month):
    return has_month


def _bare_month(text, lowered, has_month):
    # its (case-sensitive) look-ahead needs one of these words after the month
    return has_month and ("saw" in text or "was" in text or "brought" in text or "marked" in text)


# Cheap tests of the text before a pattern is tried: without these words the pattern cannot match.
_GUARDS = {
    "fiscal_ended_month": _fiscal,
    "fiscal_ending": _fiscal,
    "fiscal_year": lambda text, lowered, has_month: _fiscal(text, lowered, has_month) or "FY" in text,
    "year_to_month": lambda text, lowered, has_month: "the year" in lowered,
    "quarter": lambda text, lowered, has_month: "quarter" in lowered or "Q" in text,
    "half": lambda text, lowered, has_month: "half" in lowered or "H1" in text or "H2" in text,
    "iso": lambda text, lowered, has_month: "-" in text,
    "mdy": _month, "dmy": _month, "my": _month, "md": _month, "dm": _month, "rel_month": _month, "bare_month": _bare_month,
    "weekday": lambda text, lowered, has_month: "day" in lowered,
    "relative_day": lambda text, lowered, has_month: (
        "day" in lowered or "tonight" in lowered or "morning" in lowered or "tomorrow" in lowered),
    "relative_period": lambda text, lowered, has_month: "week" in lowered or "month" in lowered or "year" in lowered,
    "years_ago": lambda text, lowered, has_month: "ago" in lowered,
}
_GATE_IDS = frozenset().union(*(f.gate._ids for f in _FINDERS if f.gate._ids))
# Every literal find() tests with its scan: the gates of _HINT_WORDS, of the finders (through _plan_for),
# of _MONTH_FINDER and _FUTURE, and the first words the anchored ones look up in a Scan (Anchored._lead).
_scan_for_dates = triggers.partial_scan(
    _GATE_IDS.union(*(g._ids for g in (_HINT_WORDS.gate, _MONTH_FINDER.gate, _FUTURE) if g._ids),
                    *(f._lead[0] for f in (_HINT_WORDS, _MONTH_FINDER, *_FINDERS) if f._lead))
)
_GATE_MAX = max(_GATE_IDS)
_PLANS: dict = {}


def _plan_for(scan: triggers.Scan, has_digit: bool, has_year: bool):
    """The (name, finder, guard) of the patterns whose digits, year and trigger words the text has, in order;
    and whether any of them needs to know if a month is named. Found once per combination."""
    if type(scan) is not triggers.Scan or scan.size <= _GATE_MAX:
        found = None  # gates registered after the scan: every finder tests its own
        key = None
    else:
        found = _GATE_IDS & scan.found
        key = (found, has_digit, has_year)
        cached = _PLANS.get(key)
        if cached is not None:
            return cached
    plan = tuple(
        (name, finder, _GUARDS.get(name), _STARTS_AT.get(name))
        for name, finder, needs_digit, needs_year in _PLAN
        if not (needs_digit and not has_digit) and not (needs_year and not has_year)
        and (found is None or finder.gate._ids is None or not finder.gate._ids.isdisjoint(found))
    )
    result = (plan, any(guard is _month or guard is _bare_month for _, _, guard, _ in plan))
    if key is not None:
        if len(_PLANS) > 4096:
            _PLANS.clear()
        _PLANS[key] = result
    return result


def find(text: str, published: dt.date | None, *, scan: triggers.Scan | None = None) -> list[DateExpr]:
    """The date expressions of text; `scan`, if given, is triggers.Scan(text)."""
    decimal = (_ASCII_DIGIT if text.isascii() else _DIGIT).search(text)
    if scan is None:
        # Only the gates below test it: a scan for their literals alone is enough, and cheaper.
        scan = _scan_for_dates(text)
    if not decimal and not _HINT_WORDS.search(text, scan):
        return []
    # str.isdigit also takes digits that are not decimal ("²"), which only non-ASCII text has.
    has_digit = bool(decimal) or (not text.isascii() and any(map(str.isdigit, text)))
    has_year = has_digit and _YEAR_DIGITS.search(text) is not None
    plan, month_needed = _plan_for(scan, has_digit, has_year)
    if not plan:
        return []
    lowered = text.lower()
    # Where a month's name begins ("\bJan", "\bFeb", ...): every pattern guarded by _month names one.
    months = [m.start() for m in _MONTH_FINDER.finditer(text, scan)] if month_needed else []
    has_month = bool(months)
    days = None
    taken: list[tuple[int, int]] = []
    out: list[DateExpr] = []
    for name, finder, guard, starts_at in plan:
        if guard is not None and not guard(text, lowered, has_month):
            continue
        # The plan has tested the finder's trigger words already: what is left of triggers.Anchored.finditer.
        if starts_at is None:
            starts = finder.starts(text, scan)
        elif starts_at == "month":
            starts = months
        else:
            if days is None:
                days = _days_before(text, months)
            starts = days
        if starts is None:
            matches = finder.regex.finditer(text)
        else:
            matches = []
            last_end = 0
            match = finder.regex.match
            for start in starts:
                if start < last_end:
                    continue
                m = match(text, start)
                if m is not None and m.end() > start:
                    last_end = m.end()
                    matches.append(m)
        for m in matches:
            a, b = m.span()
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            # Only a future verb just before the expression ("will decide in March") looks ahead;
            # only some patterns' readings depend on it.
            future = name in _READ_AHEAD and bool(_FUTURE.search(text, scan, max(0, a - 45), a))
            expr = _resolve(name, m, published, future)
            if expr is None:
                continue
            taken.append((a, b))
            out.append(DateExpr(a, b, *expr))
    out.sort(key=lambda d: d.start)
    return out


# Patterns that begin at a month's name ("\b" + _M), and those that begin at a day just before one.
_STARTS_AT = {"mdy": "month", "my": "month", "md": "month", "dmy": "day", "dm": "day"}
# The patterns whose reading _resolve makes depend on `future`.
_READ_AHEAD = {"md", "dm", "rel_month", "bare_month", "weekday"}


def _days_before(text: str, months: list[int]) -> list[int]:
    """Where "dm" and "dmy" may begin: a day ("[0-3]?\d", "st|nd|rd|th" perhaps) then spaces, then a month.

    The spaces before a month end where the day (and its suffix) does, so the day starts
    one to four characters before them.
    """
    out = []
    for p in months:
        w = p
        while w > 0 and text[w - 1].isspace():
            w -= 1
        if w < p:
            out.extend(q for q in (w - 4, w - 3, w - 2, w - 1) if q >= 0)
    return out


def _resolve(name, m, published, future):
    g = m.groupdict()
    # The names are tested one after another: the commonest expression first.
    if name == "year":
        prep = (g.get("prep") or "").lower()
        role = "bound" if prep in ("since", "by", "until", "from", "through", "before", "after") else "point"
        year = g["year"]
        return year, role, year
    if name == "fiscal_ending":
        month, year = MONTHS[g["month"].lower().rstrip(".")], int(g["year"])
        fy = year - 1 if month <= 6 else year  # Japanese practice: the year that ends in March is named for its start
        return None, "period", f"FY{fy}"
    if name == "fiscal_ended_month":
        if published is None:
            return None, "period", None
        month = MONTHS[g["month"].lower()]
        year = published.year if month <= published.month else published.year - 1
        return None, "period", f"FY{year - 1 if month <= 6 else year}"
    if name == "fiscal_year":
        y = g.get("year") or g.get("fy")
        y = int(y) if len(y) == 4 else 2000 + int(y)
        return None, "period", f"FY{y}"
    if name == "year_to_month":
        return None, "period", None
    if name == "quarter":
        q = ORDINAL[g["q"].lower()] if g.get("q") else int(g["qn"])
        return None, "period", f"{g['year']}-Q{q}" if g.get("year") else None
    if name == "half":
        h = 1 if (g.get("h") or "").lower() == "first" or g.get("hn") == "1" else 2
        return None, "period", f"{g['year']}-H{h}"
    if name == "iso":
        return _day(int(g["year"]), int(g["mnum"]), int(g["dnum"])), "point", None
    if name in ("mdy", "dmy"):
        return _day(int(g["year"]), MONTHS[g["month"].lower().rstrip(".")], int(g["day"])), "point", None
    if name == "my":
        return f"{int(g['year']):04d}-{MONTHS[g['month'].lower().rstrip('.')]:02d}", "point", None
    if name in ("md", "dm"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        if published is None:
            return None, "point", None
        year = _year_for_month(month, published, future, rel=None)
        return _day(year, month, day), "point", None
    if name in ("rel_month", "bare_month"):
        month = MONTHS[g["month"].lower()]
        rel = (g.get("rel") or "").lower().strip()
        if g["month"] == "May" and rel in ("", "in", "of", "on", "by"):
            # "may" is also a verb; only "in May", "last May"... count
            if rel not in ("in",):
                return None
        role = "bound" if rel in ("since", "by", "until", "from", "through") else "point"
        if published is None:
            return None, role, None
        year = _year_for_month(month, published, future, rel)
        return f"{year:04d}-{month:02d}", role, None
    if name == "weekday":
        rel = (g.get("rel") or "").lower()
        role = "bound" if rel in ("since", "by", "until", "from") else "point"
        if published is None:
            return None, role, None
        wd = WEEKDAYS[g["wd"].lower()]
        delta = (published.weekday() - wd) % 7
        day = published - dt.timedelta(days=delta)
        if rel == "next" or (future and rel != "last"):
            day = published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7)
        elif rel == "last" and delta == 0:
            day = published - dt.timedelta(days=7)
        return day.isoformat(), role, None
    if name == "relative_day":
        if published is None:
            return None, "point", None
        shift = {"yesterday": -1, "tomorrow": 1}.get(g["rd"].lower().split()[-1], 0)
        return (published + dt.timedelta(days=shift)).isoformat(), "point", None
    if name == "relative_period":
        rp, unit = g["rp"].lower(), g["unit"].lower()
        if rp == "a" and not g.get("ago"):
            return None
        if unit == "week":
            return None, "point", None  # a week is not a precision we store
        if published is None:
            return None, "point", None
        shift = -1 if rp in ("last", "the previous", "the past", "a") else 1 if rp == "next" else 0
        if rp == "the past":
            return None  # "the past year" is a span ending now, not a point
        if unit == "year":
            return f"{published.year + shift:04d}", "point", str(published.year + shift)
        y, mth = published.year, published.month + shift
        if mth == 0:
            y, mth = y - 1, 12
        elif mth == 13:
            y, mth = y + 1, 1
        return f"{y:04d}-{mth:02d}", "point", None
    if name == "years_ago":
        if published is None:
            return None, "point", None
        n = SMALL.get(g["n"].lower()) or int(g["n"])
        if g["unit"].lower() == "years":
            return f"{published.year - n:04d}", "point", None
        total = published.year * 12 + published.month - 1 - n
        return f"{total // 12:04d}-{total % 12 + 1:02d}", "point", None
    return None


def _day(year, month, day):
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


def _year_for_month(month, published, future, rel):
    """The year of a month named without one: the last such month, or the next when the text looks ahead."""
    if rel == "next" or (future and rel not in ("last", "earlier in")):
        return published.year if month >= published.month else published.year + 1
    if rel == "last":
        return published.year if month < published.month else published.year - 1
    if rel == "this":
        return published.year
    return published.year if month <= published.month else published.year - 1


def best_point(exprs: list[DateExpr], near: int | None = None) -> str | None:
    """The most precise point in time among exprs, the nearest to `near` on ties."""
    points = [d for d in exprs if d.role == "point" and d.value]
    if not points:
        return None
    best = max(points, key=lambda d: (d.precision, -abs((d.start - near) if near is not None else 0)))
    return best.value


def period_of(exprs: list[DateExpr], near: int | None = None) -> str | None:
    """The period a figure is for: a fiscal year, quarter or half, else a calendar year; the nearest to `near`."""
    def distance(d):
        return abs(d.start - near) if near is not None else 0

    periods = [d for d in exprs if d.role == "period" and d.period]
    if periods:
        return min(periods, key=distance).period
    years = [d for d in exprs if d.period and d.role == "point"]
    return min(years, key=distance).period if years else None
