"""Turn an uploaded file, a fetched page or pasted text into one article:
title, publication date and the article text without page furniture.

Pure functions: no database, no network. Everything that cannot be turned
into an article raises `CleaningError` with a message that says what is wrong
and how to fix it, before anything is stored.

The body keeps the source's own characters (extraction stores character
offsets into it); cleaning only drops whole lines, strips a leading dateline
or byline, trims each line, removes invisible control characters and puts one
paragraph on each line.
"""

from __future__ import annotations

import codecs
import datetime
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import trafilatura

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MAX_BYTES = 5_000_000

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm")

# An HTML page with less text than this after cleaning is an index, error or
# login page, not an article. Pasted text has no minimum: editors paste briefs.
MIN_HTML_ARTICLE_WORDS = 20


class CleaningError(ValueError):
    """Input refused. The message says what is wrong and how to fix it."""


@dataclass(frozen=True)
class CleanedArticle:
    # never empty: the headline, else the first sentence shortened to ~100 characters
    title: str
    # the story only, one paragraph a line ("\n"), in the source's own characters
    body: str
    published: datetime.date | None
    canonical_url: str = ""  # what the page declares (<link rel=canonical>, og:url)
    byline: str = ""


# --------------------------------------------------------------------------
# Page furniture, as data. Lines are compared by their "key": lower case,
# curly apostrophes straightened, bullets and trailing punctuation removed,
# spaces collapsed ("Related Articles:" -> "related articles").

# A line that is exactly one of these is dropped.
FURNITURE_LINES = (
    "advertisement", "advertisements", "sponsored", "sponsored content", "ad",
    "skip to content", "skip to main content", "skip to navigation", "menu", "search",
    "home", "close", "open menu", "toggle navigation",
    "share", "share this", "share this article", "share this story", "share this post",
    "share article", "share story", "share on facebook", "share on twitter", "share on x",
    "share on linkedin", "share via email", "share via whatsapp", "copy link", "link copied",
    "print", "email", "e-mail", "tweet", "facebook", "twitter", "x", "linkedin", "whatsapp",
    "reddit", "pinterest", "telegram", "like this", "loading", "thoughts",
    "sign in", "log in", "login", "sign up", "register", "subscribe", "subscribe now",
    "continue reading", "read more", "show more", "load more", "back to top", "view comments",
    "show comments", "accept", "accept all", "accept cookies", "accept all cookies",
    "reject all", "cookie settings", "cookie preferences", "manage cookies",
    "manage preferences", "got it", "i agree", "sign in to join the conversation",
    "sign in to comment", "log in to comment", "cancel reply", "post comment",
)

# A short line (up to FURNITURE_PREFIX_MAX_CHARS) starting with one of these is dropped.
FURNITURE_LINE_PREFIXES = (
    # sharing and following
    "share your thoughts", "share this article", "share this story", "share on ",
    "click to share", "follow us on", "follow us:", "like us on facebook",
    # newsletters and paywalls
    "sign up for our", "sign up to our", "sign up for the", "subscribe to our",
    "subscribe to the", "get our newsletter", "our newsletter", "newsletter:",
    "get the latest news delivered", "delivered to your inbox", "enter your email",
    "by signing up", "by subscribing", "already a subscriber", "already have an account",
    "to continue reading", "subscribe to continue", "this article is for subscribers",
    # cookie banners
    "we use cookies", "this website uses cookies", "this site uses cookies",
    "our website uses cookies", "by continuing to use this", "by clicking accept",
    "by clicking \"accept", "we and our partners", "we value your privacy",
    # inline promotions of other articles
    "read more:", "read also:", "also read:", "see also:", "related:", "recommended:",
    "more:", "watch:", "listen:", "story continues below", "article continues below",
    "continue reading below", "scroll to continue",
    # wire-service sign-offs: "Reporting by ...; Editing by ...", "Our Standards: The Thomson Reuters Trust Principles."
    "our standards:", "reporting by ", "additional reporting by ", "writing by ", "editing by ",
    # research-note boilerplate
    "analyst certification:", "disclosures:", "important disclosures", "this report is not investment advice",
    # AI and affiliate disclaimers
    "this content is ai-generated", "this content was ai-generated",
    "this content was generated", "this article was generated", "this article is ai-generated",
    "this article was written with the help of ai", "this article was written with ai",
    "this article was created with", "this article was produced with", "ai-generated content",
    "generated by ai", "disclaimer:", "affiliate disclosure", "this post may contain affiliate",
    "this article may contain affiliate", "this article contains affiliate",
    "this page may contain affiliate", "we may earn a commission", "we may receive a commission",
    "as an amazon associate",
    # comment forms
    "your email address will not be published", "required fields are marked",
    "save my name, email", "you must be logged in to post", "comments are closed",
    "be the first to comment", "sign in to join the conversation",
    # advertising, tags and the legal footer
    "advertisement - ", "advertisement:", "sponsored:", "tags:", "topics:", "filed under:",
    "categories:", "copyright ©", "copyright (c)", "©", "(c) 20",
)
FURNITURE_PREFIX_MAX_CHARS = 400

# A line of up to FURNITURE_PREFIX_MAX_CHARS containing one of the words and
# matching the pattern (searched in the lower-cased line) is dropped. The
# words are a cheap first test, so most lines never reach the pattern.
FURNITURE_LINE_PATTERNS = (
    (("comment",), r"^\d+\s+comments?$|^comments?\s*\(\d+\)$"),
    (("rights reserved",), r"all rights reserved"),
    # AI disclaimers: "This content is AI-generated ... errors may occur ... verify"
    (
        ("ai-", "ai "),
        (
            r"\bai[- ](?:generated|assisted|written|created)\b"
            r".*\b(?:accuracy|accurate|errors?|verify|verifying|original sources?|fact-check)"
        ),
    ),
    # breadcrumbs: "Home > Autos > Nissan"
    (("home", "news"), r"^(?:home|news)\s*[»›>/|]\s*\w"),
    # a label pointing at other stories, in any wording: "Read next: ...", "See more from Autos: ...",
    # "Also read -", "Must read: ..."; a story's own labels ("Points to note:") name no such action
    (
        ("read", "see", "watch", "listen", "related", "recommended", "next", "more", "also"),
        r"^(?:(?:also|must|now|then|and)\s+)?(?:read|see|watch|listen|related|recommended|up\s+next|next|more|also)"
        r"(?:\s+(?:next|more|also|too|this|these|on|from|in|about|related|here|now|stories|story|articles?|coverage|reading))*"
        r"\s*(?::|[-–—|»›>]\s)",
    ),
)

# A heading introducing a list of other articles. When it comes in the second
# half of the text it and everything after it go; earlier (a box inside the
# story) only the heading and the short lines listed under it go.
FURNITURE_BLOCK_HEADINGS = (
    "related", "related articles", "related stories", "related news", "related posts",
    "related content", "related coverage", "related reading", "related links", "related topics",
    "more on this story", "more on this topic", "most read", "most popular", "most viewed",
    "most shared", "most commented", "popular", "popular now", "popular posts",
    "popular stories", "popular articles", "trending", "trending now", "trending stories",
    "trending articles", "you may also like", "you might also like",
    "you may also be interested in", "you might be interested in", "you may have missed",
    "we recommend", "recommended", "recommended for you", "recommended stories",
    "recommended articles", "recommended reading", "read next", "up next", "what to read next",
    "more stories", "more news", "more articles", "latest news", "latest stories",
    "latest articles", "top stories", "editor's picks", "editors' picks", "don't miss",
    "in case you missed it", "further reading", "other stories",
    "read more", "read also", "also read", "see also", "more reading", "keep reading",
)
FURNITURE_BLOCK_PREFIXES = ("more from ", "more in ", "more on ", "more about ", "also on ")

# Comment and author sections always come after the story: cut to the end.
FURNITURE_TAIL_HEADINGS = (
    "leave a reply", "leave a comment", "comments", "join the conversation", "discussion",
    "what do you think", "about the author", "about the authors", "reader comments",
)
# A short line starting like one of these opens the comment section too: the count of
# comments ("Comments (3)", "12 comments") and the prompts that invite them.
FURNITURE_TAIL_PATTERNS = (
    r"^\d+\s+(?:reader\s+)?comments?$|^(?:reader\s+)?comments?\s*[(\[]\d+[)\]]$|^comments?\s*:\s*\d+$",
    # an interview's question ("What do you think of ...?") is no prompt: the prompt asks for comments
    r"^(?:what\s+do\s+you\s+think|tell\s+us\s+what\s+you\s+think)\b.*\b(?:comments?|below|let\s+us\s+know)\b",
    r"^(?:have\s+your\s+say|join\s+the\s+(?:discussion|conversation|debate)"
    r"|share\s+your\s+comments|leave\s+(?:a|your)\s+comments?|post\s+a\s+comment|add\s+a\s+comment"
    r"|show\s+comments|view\s+comments|read\s+(?:all\s+)?(?:the\s+)?comments)\b",
)

_FURNITURE_LINES = frozenset(FURNITURE_LINES)
_FURNITURE_PATTERNS = tuple((words, re.compile(pattern)) for words, pattern in FURNITURE_LINE_PATTERNS)
# every phrase above fits in this many characters of a line's key
_KEY_CHARS = 80
_BLOCK_HEADINGS = frozenset(FURNITURE_BLOCK_HEADINGS)
_TAIL_HEADINGS = frozenset(FURNITURE_TAIL_HEADINGS)
_TAIL_PATTERN = re.compile("|".join(FURNITURE_TAIL_PATTERNS))
# anywhere in a short line: "What's your take? Tell us in the comments below."
_TAIL_PROMPT = re.compile(r"\b(?:in\s+the\s+)?comments?(?:\s+section)?\s+below\b|\bleave\s+(?:a|your)\s+comments?\b")
_BLOCK_PREFIX_MAX_CHARS = 60

# A trailing list of other stories' headlines: at least this many lines in a row.
_HEADLINE_RUN_MIN = 3


# --------------------------------------------------------------------------
# Datelines and bylines

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?,?\s+)?"
_DATE = (
    rf"{_WEEKDAY}(?:"
    rf"(?P<m1>{_MONTH})\.?\s+(?P<d1>[0-3]?\d)(?i:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>[0-3]?\d)(?i:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]?\d)-(?P<d3>[0-3]?\d)"
    # European numeric form, day first: "20.12.2024"
    rf"|(?P<d4>[0-3]?\d)\.(?P<m4>[01]?\d)\.(?P<y4>(?:19|20)\d\d)"
    # with slashes: "31/07/2025" (day first, as outside the US) or "7/31/2025" when the day comes second
    rf"|(?P<a5>[0-3]?\d)/(?P<b5>[0-3]?\d)/(?P<y5>(?:19|20)\d\d)"
    rf")(?!\d)"
)
_TIME = (
    r"(?:(?:\s*,|\s+at|\s*[|·•/])?\s*"
    r"(?:[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:\s*(?i:[ap]\.?m\.?))?|[01]?\d\s*(?i:[ap]\.?m\.?))"
    r"(?:\s*\(?(?:UTC|GMT|[A-Z]{1,4}T)(?:\s*[+-]\d{1,2}(?::?\d\d)?)?\)?)?(?!\w)"
    r"|T[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?"
)
_DATE_LABEL = (
    r"(?P<label>(?i:(?:first\s+)?published|posted|updated|last\s+updated|last\s+modified"
    r"|modified|date|dated)(?:\s+(?i:on|at))?)\s*:?\s*"
)
# "TOKYO, " or "Tokyo, Japan, " or "TOKYO (Reuters), "
_PLACE_NAME = r"[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3}"
_PLACE = rf"(?:{_PLACE_NAME}(?:,\s*{_PLACE_NAME})?(?:\s*\([^()\n]{{1,30}}\))?\s*(?:[,|]|[—–]|\s-)\s*)"
# "Updated 6:41 AM UTC, November 6, 2025": a time before the date
_TIME_FIRST = (
    r"(?:(?:[0-2]?\d[:.][0-5]\d(?:\s*(?i:[ap]\.?m\.?))?|[01]?\d\s*(?i:[ap]\.?m\.?))"
    r"(?:\s*\(?(?:UTC|GMT|[A-Z]{1,4}T)(?:\s*[+-]\d{1,2}(?::?\d\d)?)?\)?)?\s*[,|·]?\s*)"
)
_DATELINE = re.compile(
    # "Press Trust | New Delhi, 31 October 2025": an agency, then the place
    rf"(?:{_PLACE}){{0,2}}(?:{_DATE_LABEL}{_TIME_FIRST}?)?{_DATE}{_TIME}"
    # what may follow: a separator, the end, the story after a label, or a note that it was
    # updated since ("February 13, 2025 6:41 PM GMT+9 Updated 2 hours ago")
    r"(?:\s*(?:[-–—―]{1,2}|[|:·•])\s*|\s*$|(?(label)\s+|(?!))|\s+(?=(?i:updated|modified|last\s+updated)\b))"
)
_DATE_ANYWHERE = re.compile(_DATE + _TIME)
_ISO_DATE = re.compile(r"\s*((?:19|20)\d\d)-([01]?\d)-([0-3]?\d)(?!\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|$|[-_])")
_UPDATED_LABEL = re.compile(r"(?i)updated|modified")

_BYLINE_START = re.compile(
    r"(?i:(?:posted|written|words|story|reporting)\s+)?(?i:by)\s+(?=[A-Z])"
    r"|(?i:reporter|correspondent|staff\s+writer)\s+(?=[A-Z])"
)
_BYLINE_CONNECTORS = frozenset(
    {"and", "&", "de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "bin", "al", "in"}
)
_SEGMENT_SPLIT = re.compile(r"\s*(?:[|·•–—]|\s-\s)\s*")


# --------------------------------------------------------------------------
# Text helpers

_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# invisible control characters, and halves of surrogate pairs that no
# encoder (nor the database) accepts
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_KEY_STRIP = " \t-–—•*·»›>|:.!…,;"
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = ".!?"
_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_WORD_CHAR = re.compile(r"[^\W_]")  # a line of only "___" or "* * *" is decoration
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# a full stop after these does not end the sentence
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "co", "corp", "inc", "ltd", "plc", "llc",
        "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "gov", "sen", "rep", "gen", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m",
        "approx", "dept", "est",
    }
)
_TITLE_MAX_CHARS = 100
_BULLET = re.compile(r"^[-–—•*·]\s+")


def _key(line: str) -> str:
    key = line.lower().replace("’", "'").replace("‘", "'")
    if " " in key or "\t" in key:
        key = _SPACES.sub(" ", key)
    return key.strip(_KEY_STRIP)


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _word_count(line: str) -> int:
    return len(line.split())


def _is_title_case(line: str) -> bool:
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    if not words:
        return False
    return sum(w[0].isupper() for w in words) * 10 >= len(words) * 6


def _split_lines(text: str) -> list[str]:
    """Split into stripped lines; blank lines stay as "" (they separate blocks)."""
    text = _LINE_BREAKS.sub("\n", text)
    return [line.strip() for line in text.split("\n")]


def _refuse_control_characters(text: str, what: str) -> str:
    """Refuse binary data posing as text; drop the odd stray control character."""
    strays = _STRAY_CONTROLS.findall(text)
    if not strays:
        return text
    if (len(strays) > 8 and len(strays) * 100 > len(text)) or "\x00" * 4 in text:
        raise CleaningError(
            f"The {what} looks like binary data, not text (it is full of control characters). "
            "Upload the article as a .txt or .html file."
        )
    # PostgreSQL cannot store NUL and the others are invisible: they are not text.
    return _STRAY_CONTROLS.sub("", text)


def _check_str_size(text: str, what: str) -> None:
    # a character takes at most four bytes: only encode when it could matter
    if len(text) * 4 <= MAX_BYTES:
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise _too_big(size, what)


def _too_big(size: int, what: str) -> CleaningError:
    return CleaningError(
        f"The {what} is {size:,} bytes, over the limit of {MAX_BYTES:,} bytes for one article. "
        "Save just the article's page or text and try again."
    )


def _shorten(sentence: str, limit: int = _TITLE_MAX_CHARS) -> str:
    sentence = _SPACES.sub(" ", sentence).strip()
    if len(sentence) <= limit:
        return sentence.rstrip(" .;:,")
    cut = sentence[: limit + 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    else:
        cut = cut[:limit]
    return cut.rstrip(" ,;:–—-") + "…"


def _first_sentence(body: str) -> str:
    paragraph = body.split("\n", 1)[0]
    for match in _SENTENCE_BREAK.finditer(paragraph):
        before = paragraph[: match.start()].rsplit(None, 1)
        word = before[-1].lower() if before else ""
        if word.rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        return paragraph[: match.start() + 1]
    return paragraph


def _make_date(year: str, month: str | int, day: str) -> datetime.date | None:
    try:
        if isinstance(month, str) and not month.isdigit():
            month = _MONTHS[month[:3].lower()]
        found = datetime.date(int(year), int(month), int(day))
    except (ValueError, KeyError):
        return None
    # A publication date in the future is a template or a typo, not this article's date.
    if found > datetime.datetime.now(datetime.UTC).date() + datetime.timedelta(days=2):
        return None
    return found


def _date_from_match(match: re.Match) -> datetime.date | None:
    if match["y5"]:
        first, second = int(match["a5"]), int(match["b5"])
        day, month = (second, first) if second > 12 >= first else (first, second)
        return _make_date(match["y5"], month, day)
    if match["y1"]:
        return _make_date(match["y1"], match["m1"], match["d1"])
    if match["y2"]:
        return _make_date(match["y2"], match["m2"], match["d2"])
    if match["y3"]:
        return _make_date(match["y3"], match["m3"], match["d3"])
    return _make_date(match["y4"], match["m4"], match["d4"])


def _parse_date_value(value: str) -> datetime.date | None:
    """A date from a meta tag, JSON-LD or <time>: ISO first, then written forms."""
    if not value:
        return None
    iso = _ISO_DATE.match(value)
    if iso:
        return _make_date(*iso.groups())
    match = _DATE_ANYWHERE.search(value)
    return _date_from_match(match) if match else None


# --------------------------------------------------------------------------
# Header: title, byline, dateline


def _parse_byline(line: str) -> tuple[str, datetime.date | None] | None:
    """Parse a whole line like "By Jane Doe | Reuters | May 20, 2025"."""
    start = _BYLINE_START.match(line)
    if not start or len(line) > 150 or line.rstrip(_CLOSERS).endswith(("!", "?")):
        return None
    rest = line[start.end():]
    published = None
    after = ""
    date_match = _DATE_ANYWHERE.search(rest)
    if date_match:
        published = _date_from_match(date_match)
        after = rest[date_match.end():].strip(" |·•–—-,")
        rest = rest[: date_match.start()]
        rest = re.sub(r"(?i)[\s,|·•–—-]*(?:on|published|updated|posted)?[\s:]*$", "", rest)
    segments = [s.strip(" ,") for s in _SEGMENT_SPLIT.split(rest.strip()) if s.strip(" ,")]
    if not segments:
        return None
    name, extras = segments[0], segments[1:]
    if "," in name and not re.search(r",\s*(?:Jr|Sr)\.?$", name):
        # "Hiroko Tanaka, Nikkei staff writer": the author, then a role
        name, role = (part.strip() for part in name.split(",", 1))
        extras = [role, *extras]
    words = name.replace(",", " ").split()
    if not 1 <= len(words) <= 8:
        return None
    for word in words:
        if word.lower() in _BYLINE_CONNECTORS:
            continue
        if not word[0].isupper():
            return None
    # the rest may name the outlet or the author's role, nothing longer
    for extra in [*extras, after] if after else extras:
        if _word_count(extra) > 5 or _ends_sentence(extra):
            return None
    if name.endswith(".") and not re.search(r"\b(?:Jr|Sr|[A-Z])\.$", name):
        return None
    return name, published


def _strip_dateline(line: str) -> tuple[str, datetime.date | None, bool] | None:
    """If the line starts with a dateline return (rest, date, is_update_date)."""
    match = _DATELINE.match(line)
    if not match:
        return None
    found = _date_from_match(match)
    if found is None:
        return None
    label = match["label"] or ""
    return line[match.end():], found, bool(_UPDATED_LABEL.search(label))


def _is_meta_line(line: str) -> bool:
    return _strip_dateline(line) is not None or _parse_byline(line) is not None


def _looks_like_headline(line: str, *, followed_by_blank: bool, followed_by_meta: bool) -> bool:
    if len(line) > 200 or not _HAS_LETTER.search(line) or _BULLET.match(line):
        return False
    if _strip_dateline(line) is not None or _parse_byline(line) is not None:
        return False
    if _word_count(line) > 30:
        return False
    last = line.rstrip(_CLOSERS)[-1:]
    if last in ".;,:":
        # a sentence, unless a dateline or byline right after shows it heads the story
        return last == "." and followed_by_meta
    if last in "?!":
        return followed_by_blank or followed_by_meta or _is_title_case(line)
    return True


@dataclass
class _Header:
    title: str = ""
    published: datetime.date | None = None
    updated: datetime.date | None = None
    byline: str = ""
    month_day: tuple[int, int] | None = None  # a wire dateline without a year: "TOKYO, Feb 13 (Reuters) -"

    def take_date(self, found: datetime.date, is_update: bool) -> None:
        if is_update:
            self.updated = self.updated or found
        else:
            self.published = self.published or found


# "Updated 2 hours ago": a page's relative time stamp, which says nothing once the page is saved
_RELATIVE_STAMP = re.compile(
    r"(?i)(?:(?:last\s+)?updated|modified|posted|published)\s*:?\s*(?:\d+|an?|one)\s+"
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?)\s+ago\.?\s*$"
)


# "TOKYO, Feb 13 (Reuters) -", "SEOUL, Oct. 2 (Yonhap) --": the wires leave the year out
_WIRE_DATELINE = re.compile(
    rf"{_PLACE_NAME}(?:,\s*{_PLACE_NAME})?,\s+(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)"
    r"\s+\([A-Z][\w&.' -]{1,30}\)\s*(?:-{1,2}|[—–])\s*"
    # or with no agency after a place in capitals: "SEOUL, July 24 - "
    rf"|(?-i:[A-Z][A-Z.'’ -]+)(?:,\s*{_PLACE_NAME})?,\s+(?P<month2>{_MONTH})\.?\s+(?P<day2>[0-3]?\d)\s*(?:-{{1,2}}|[—–])\s+"
)
_COPYRIGHT_YEAR = re.compile(r"(?i)(?:©|\(c\)|copyright)\s*(?:\(c\)\s*|©\s*)?((?:19|20)\d\d)\b")
_YEAR_IN_TEXT = re.compile(r"\b((?:19|20)\d\d)\b")
_WEEKDAY_NUMBERS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_WEEKDAY_WORD = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _year_for(month: int, day: int, body: str, copyright_year: int | None) -> datetime.date | None:
    """The date of a dateline without a year: the copyright's year, else the latest year that the
    story mentions (and whose calendar puts the day on the weekday the lead names), never the future."""
    today = datetime.datetime.now(datetime.UTC).date()

    def date_in(year):
        try:
            found = datetime.date(year, month, day)
        except ValueError:
            return None
        return found if found <= today + datetime.timedelta(days=2) else None

    if copyright_year is not None and date_in(copyright_year):
        return date_in(copyright_year)
    lead = body[:400]
    weekday = _WEEKDAY_WORD.search(lead)
    wanted = _WEEKDAY_NUMBERS[weekday.group(1).lower()] if weekday else None
    years = range(today.year, today.year - 12, -1)
    fits = [y for y in years if date_in(y) and (wanted is None or date_in(y).weekday() == wanted)]
    mentioned = {int(y) for y in _YEAR_IN_TEXT.findall(body)}
    for year in fits:
        if year in mentioned or year + 1 in mentioned and date_in(year).month >= 10:
            return date_in(year)
    return date_in(fits[0]) if fits and wanted is not None else None


def _consume_meta(line: str, header: _Header) -> tuple[str, bool]:
    """Strip datelines and bylines from the start of a line: (rest, consumed anything)."""
    rest, consumed = line, False
    if _RELATIVE_STAMP.fullmatch(rest):
        return "", True
    wire = _WIRE_DATELINE.match(rest)
    if wire is not None:
        month, day = (wire["month"], wire["day"]) if wire["month"] else (wire["month2"], wire["day2"])
        header.month_day = header.month_day or (_MONTHS[month[:3].lower()], int(day))
        return rest[wire.end():].strip(), True
    for _ in range(4):
        if consumed and _RELATIVE_STAMP.fullmatch(rest):
            return "", True
        stripped = _strip_dateline(rest)
        if stripped is not None:
            rest, found, is_update = stripped
            header.take_date(found, is_update)
            consumed = True
            continue
        byline = _parse_byline(rest)
        if byline is not None:
            name, found = byline
            header.byline = header.byline or name
            if found:
                header.take_date(found, False)
            rest, consumed = "", True
        break
    return rest.strip(), consumed


def _next_filled(lines: list[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index]:
            return index
    return None


def _take_header(lines: list[str], header: _Header, *, detect_title: bool) -> None:
    """Find the title, byline and dateline at the top; remove them from `lines`."""
    index = _next_filled(lines, 0)
    if index is None:
        return
    # a dateline or byline line before the title
    for _ in range(2):
        if index is None:
            return
        rest, consumed = _consume_meta(lines[index], header)
        if not consumed or rest:
            break
        lines[index] = ""
        index = _next_filled(lines, index + 1)
    if index is None:
        return

    if detect_title:
        following = _next_filled(lines, index + 1)
        followed_by_blank = index + 1 < len(lines) and lines[index + 1] == ""
        followed_by_meta = following is not None and _is_meta_line(lines[following])
        if _looks_like_headline(
            lines[index], followed_by_blank=followed_by_blank, followed_by_meta=followed_by_meta
        ) and following is not None:
            header.title = lines[index]
            lines[index] = ""
            index = following

    # datelines and bylines in the first lines of the story
    for _ in range(3):
        if index is None:
            return
        rest, consumed = _consume_meta(lines[index], header)
        if not consumed:
            _take_date_after_standfirst(lines, index, header)
            return
        lines[index] = rest
        if rest:
            return
        index = _next_filled(lines, index + 1)


def _take_date_after_standfirst(lines: list[str], index: int, header: _Header) -> None:
    """Magazine layouts put a standfirst between the title and a date on a line of its own."""
    if header.published is not None or _word_count(lines[index]) > 60:
        return
    # the date may come on its own line after a byline: "By Kenji Morimoto, Senior Editor" / "12 June 2025"
    probe = _Header()
    meta_lines = []
    following = _next_filled(lines, index + 1)
    while following is not None and len(meta_lines) < 2:
        rest, consumed = _consume_meta(lines[following], probe)
        if not consumed or rest:
            break
        meta_lines.append(following)
        following = _next_filled(lines, following + 1)
    if probe.published is not None:
        header.published = probe.published
        header.byline = header.byline or probe.byline
        for line_index in meta_lines:
            lines[line_index] = ""


# --------------------------------------------------------------------------
# Furniture


def _is_furniture_line(line: str, key: str) -> bool:
    if key in _FURNITURE_LINES and len(line) <= _KEY_CHARS:
        return True
    if key.startswith(FURNITURE_LINE_PREFIXES):
        return True
    lowered = line.lower()
    return any(
        any(word in lowered for word in words) and pattern.search(lowered)
        for words, pattern in _FURNITURE_PATTERNS
    )


def _is_block_heading(line: str, key: str) -> bool:
    if key in _BLOCK_HEADINGS:
        return True
    return (
        len(line) <= _BLOCK_PREFIX_MAX_CHARS
        and key.startswith(FURNITURE_BLOCK_PREFIXES)
        and not _ends_sentence(line)
    )


def _is_listed_headline(line: str) -> bool:
    """A line that reads like another story's headline in a list."""
    line = _BULLET.sub("", line)
    if len(line) > 200 or not _HAS_LETTER.search(line):
        return False
    if not 4 <= _word_count(line) <= 30:
        return False
    last = line.rstrip(_CLOSERS)[-1:]
    return last not in ".!?:;,"


def _cut_furniture(lines: list[str]) -> list[str]:
    """Drop furniture lines, lists of other stories and comment sections."""
    total = sum(len(line) for line in lines) or 1
    seen = 0
    prose_before = False
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            kept.append("")
            continue
        # furniture is short: long paragraphs are story text
        key = _key(line[:_KEY_CHARS]) if len(line) <= FURNITURE_PREFIX_MAX_CHARS else ""
        if key and len(line) <= _KEY_CHARS * 2 and (
            key in _TAIL_HEADINGS or _TAIL_PATTERN.match(key) or _TAIL_PROMPT.search(key)
        ):
            # the comment section: its count, heading or prompt, and the readers' comments after it
            if prose_before:
                break
            kept.append("")
            continue
        # before the single furniture lines: "Read more:" is both, and the list under it goes too
        if key and len(line) <= _KEY_CHARS and _is_block_heading(line, key):
            if seen * 2 >= total:
                break
            # a box inside the story: drop the heading and the headlines listed under it
            while index < len(lines) and lines[index] and _is_listed_headline(lines[index]):
                index += 1
            kept.append("")
            continue
        if not _HAS_WORD_CHAR.search(line) or (key and _is_furniture_line(line, key)):
            kept.append("")  # removed furniture separates blocks like a blank line
            continue
        seen += len(line)
        prose_before = prose_before or _word_count(line) >= 8
        kept.append(line)
    return _cut_trailing_headlines(kept)


def _cut_trailing_headlines(lines: list[str]) -> list[str]:
    """Cut a list of unrelated headlines at the end of the text."""
    run: list[int] = []
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line:
            continue
        if not _is_listed_headline(line):
            break
        run.append(index)
    if len(run) < _HEADLINE_RUN_MIN:
        return lines
    start = run[-1]
    before = start - 1
    while before >= 0 and not lines[before]:
        before -= 1
    if before >= 0 and lines[before].rstrip(_CLOSERS).endswith(":"):
        return lines  # a list the story itself introduces
    blank_before = start > 0 and lines[start - 1] == ""
    title_case = sum(_is_title_case(lines[i]) for i in run) * 2 > len(run)
    if blank_before or title_case or len(run) >= 5 or before < 0:
        return lines[:start]
    return lines


def _cut_leading_menu(lines: list[str]) -> None:
    """Blank out a navigation menu: four or more one- or two-word lines at the top."""
    run = []
    for index, line in enumerate(lines):
        if not line:
            continue
        if (
            _word_count(line) <= 2
            and len(line) <= 25
            and not _ends_sentence(line)
            and not _is_meta_line(line)
        ):
            run.append(index)
            continue
        break
    if len(run) >= 4:
        for index in run:
            lines[index] = ""


def _clean_lines(
    lines: list[str], header: _Header, *, detect_title: bool
) -> tuple[str, _Header]:
    _cut_leading_menu(lines)
    copyright_year = next((int(m.group(1)) for line in lines if (m := _COPYRIGHT_YEAR.search(line))), None)
    lines = _cut_furniture(lines)
    _take_header(lines, header, detect_title=detect_title)
    body = "\n".join(line for line in lines if line)
    if header.published is None and header.updated is None and header.month_day is not None:
        header.published = _year_for(*header.month_day, body, copyright_year)
    return body, header


def _finish(body: str, header: _Header, *, canonical_url: str = "") -> CleanedArticle:
    if not _HAS_LETTER.search(body):
        raise CleaningError(
            "No article text found: after removing navigation, prompts and link lists "
            "nothing of a story is left. Check that this is the article itself."
        )
    title = _SPACES.sub(" ", header.title).strip() or _shorten(_first_sentence(body))
    return CleanedArticle(
        title=title,
        body=body,
        published=header.published or header.updated,
        canonical_url=canonical_url,
        byline=_SPACES.sub(" ", header.byline).strip(),
    )


# --------------------------------------------------------------------------
# Plain text


def clean_text(text: str) -> CleanedArticle:
    """Clean a plain-text article: title line, dateline, body without furniture."""
    _check_str_size(text, "text")
    if not text.strip():
        raise CleaningError("The text is empty: paste or upload the article's text.")
    text = _refuse_control_characters(text, "text")
    text = text.removeprefix("\ufeff")
    body, header = _clean_lines(_split_lines(text), _Header(), detect_title=True)
    return _finish(body, header)


# --------------------------------------------------------------------------
# HTML

_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "published_time", "article:published", "datepublished", "publishdate", "publish-date",
    "publish_date", "published-date", "pubdate", "date", "dc.date", "dc.date.issued",
    "dc.date.created", "dcterms.created", "dcterms.issued", "dcterms.date", "sailthru.date",
    "parsely-pub-date", "article.published", "original-publish-date", "citation_publication_date",
    "citation_date", "release_date", "datecreated",
)
_PUBLISHED_META_RANK = {name: rank for rank, name in enumerate(_PUBLISHED_META)}
_TITLE_META = ("og:title", "twitter:title", "title", "dc.title", "headline", "sailthru.title")
_AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author")
_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
     "report", "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting"}
)
_OUTSIDE_STORY = re.compile(r"(?i)related|recommend|popular|trending|comment|sidebar|footer|teaser|promo")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—·•]|-|::)\s+")
_FEED_START = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[A-Za-z][^>]*>")
_HTML_TAGS = re.compile(
    r"</?(?:p|div|span|a|meta|title|article|section|br|h[1-6]|li|ul)\b[^>]*>", re.IGNORECASE
)


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for element in tree.iter("meta"):
        name = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if name and content and content.strip():
            values.setdefault(name.strip().lower(), content.strip())
    return values


def _json_ld_objects(tree: HtmlElement) -> list[dict]:
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        raw = script.text.strip()
        if raw.startswith("<!--"):
            raw = raw.removeprefix("<!--").removesuffix("-->")
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other sources still count
        pending = [data]
        while pending and len(found) < 50:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    pending.extend(item["@graph"])
    return found


def _json_ld_type(item: dict) -> set[str]:
    kinds = item.get("@type") or ()
    if isinstance(kinds, str):
        kinds = (kinds,)
    return {str(kind).lower() for kind in kinds}


def _person_names(value) -> str:
    names = []
    for person in value if isinstance(value, list) else [value]:
        if isinstance(person, dict):
            person = person.get("name")
        if isinstance(person, str) and person.strip() and "://" not in person:
            names.append(person.strip())
    return ", ".join(names)


def _time_element_date(tree: HtmlElement) -> datetime.date | None:
    fallback = None
    for element in tree.iter("time"):
        value = element.get("datetime") or element.text_content()
        found = _parse_date_value(value.strip()) if value else None
        if found is None:
            continue
        marks = " ".join(filter(None, (element.get("itemprop"), element.get("class"))))
        if element.get("pubdate") is not None or re.search(r"(?i)datepublished|publish|posted", marks):
            return found
        if fallback is None and not re.search(r"(?i)modified|updated", marks) and not any(
            ancestor.tag in ("aside", "nav", "footer")
            or _OUTSIDE_STORY.search(ancestor.get("class") or "")
            or _OUTSIDE_STORY.search(ancestor.get("id") or "")
            for ancestor in element.iterancestors()
        ):
            fallback = found
    return fallback


def _page_metadata(tree: HtmlElement, url: str) -> tuple[_Header, str]:
    """Title, dates, byline and canonical URL declared by the page itself."""
    meta = _meta_values(tree)
    header = _Header()
    ld_objects = _json_ld_objects(tree)
    ld_articles = [item for item in ld_objects if _json_ld_type(item) & _ARTICLE_TYPES] or ld_objects

    # date: meta tags, then JSON-LD, then <time>; the visible dateline and the
    # page address are tried later, on the extracted text
    for name in sorted((n for n in meta if n in _PUBLISHED_META_RANK), key=_PUBLISHED_META_RANK.get):
        header.published = _parse_date_value(meta[name])
        if header.published:
            break
    if header.published is None:
        for item in ld_articles:
            value = item.get("datePublished") or item.get("dateCreated") or ""
            header.published = _parse_date_value(str(value))
            if header.published:
                break
    if header.published is None:
        header.published = _time_element_date(tree)

    # title: social titles are written for readers; <title> carries the site name
    site_name = meta.get("og:site_name", "")
    for name in _TITLE_META:
        if meta.get(name):
            header.title = _strip_site_name(meta[name], site_name)
            break
    if not header.title:
        for item in ld_articles:
            if isinstance(item.get("headline"), str) and item["headline"].strip():
                header.title = item["headline"]
                break
    if not header.title:
        h1 = next(tree.iter("h1"), None)
        if h1 is not None and h1.text_content().strip():
            header.title = h1.text_content()
    if not header.title:
        title = next(tree.iter("title"), None)
        if title is not None and title.text_content().strip():
            header.title = _strip_site_name(title.text_content(), site_name)
    header.title = _SPACES.sub(" ", header.title).strip()

    # byline
    for name in _AUTHOR_META:
        value = meta.get(name, "")
        if value and "://" not in value:
            header.byline = value
            break
    if not header.byline:
        for item in ld_articles:
            header.byline = _person_names(item.get("author"))
            if header.byline:
                break

    return header, _canonical_url(tree, meta, url)


def _strip_site_name(title: str, site_name: str) -> str:
    """Drop a trailing " | Site Name" from a title."""
    title = _SPACES.sub(" ", title).strip()
    if site_name:
        for separator in (" | ", " - ", " – ", " — ", " · ", ": "):
            if title.lower().endswith((separator + site_name).lower()):
                return title[: -len(separator + site_name)].strip()
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if separators and _looks_like_site_name(title[separators[-1].end():]):
        return title[: separators[-1].start()]
    return title


def _looks_like_site_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 4:
        return False
    return "." in text or all(word[0].isupper() or not word[0].isalpha() for word in words)


def _canonical_url(tree: HtmlElement, meta: dict[str, str], url: str) -> str:
    """The page's own address: <link rel=canonical>, else og:url; "" if it declares none."""
    declared = []
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            declared.append(link.get("href").strip())
            break
    og_url = meta.get("og:url", "")
    declared.append(og_url)
    base = url or og_url
    for candidate in declared:
        if not candidate:
            continue
        resolved = urljoin(base, candidate) if base else candidate
        parts = urlsplit(resolved)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        # Some sites point every page's canonical link at their home page; that
        # would make every article from them look like a duplicate of the first.
        if parts.path in ("", "/") and url and urlsplit(url).path not in ("", "/"):
            continue
        return resolved
    return ""


def _refuse_feed(text: str) -> None:
    start = text[:2048]
    if _FEED_START.search(start) and not _HTML_START.search(start):
        raise CleaningError(
            "This is an RSS or Atom feed, not an article page: add it as a feed source "
            "and each of its items will be fetched as an article."
        )


def clean_html(html: str, *, url: str = "") -> CleanedArticle:
    """Clean an HTML page: trafilatura finds the story, we cut what furniture it left."""
    _check_str_size(html, "page")
    if not html.strip():
        raise CleaningError("The page is empty: there is no article to clean.")
    # Binary data shows at once; stray control characters further down are
    # left to the parser and removed from the extracted text below.
    _refuse_control_characters(html[:8192], "page")
    _refuse_feed(html)
    if not _HTML_START.search(html[:4096]):
        # a fragment, such as a feed item's content: give it the document
        # around it that the parser expects
        html = f"<html><body><div>{html}</div></body></html>"
    # Parse once: trafilatura works on its own copy of this tree, and the
    # page's metadata is read from it afterwards.
    try:
        tree = trafilatura.load_html(html)
    except (ValueError, TypeError):
        tree = None
    if tree is None:
        raise CleaningError("The page could not be read as HTML. Check that it is a web page.")
    document = trafilatura.bare_extraction(
        tree,
        url=url or None,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
    )
    text = getattr(document, "text", "") or ""
    if not _HAS_LETTER.search(text):
        raise CleaningError(
            "No article text found on this page: it looks like an index, error or login page. "
            "Link to the article's own page."
        )
    header, canonical_url = _page_metadata(tree, url)
    lines = _split_lines(_refuse_control_characters(text, "page"))
    # the headline often opens the extracted text; it is the title, not the story
    first = _next_filled(lines, 0)
    h1 = next(tree.iter("h1"), None)
    headlines = {_key(header.title), _key(h1.text_content()) if h1 is not None else ""} - {""}
    if first is not None and _key(lines[first]) in headlines:
        lines[first] = ""
    body, header = _clean_lines(lines, header, detect_title=not header.title)
    if header.published is None and header.updated is None:
        # last resort: news sites often put the date in the address
        address = _URL_DATE.search(urlsplit(url or canonical_url).path)
        if address:
            header.published = _make_date(*address.groups())
    words = len(body.split(None, MIN_HTML_ARTICLE_WORDS))  # counting further is wasted
    if words < MIN_HTML_ARTICLE_WORDS:
        raise CleaningError(
            f"No article text found on this page: only {words} words of text are left after "
            "removing navigation and prompts. Link to the article's own page."
        )
    return _finish(body, header, canonical_url=canonical_url)


# --------------------------------------------------------------------------
# Bytes and files

# Signatures no article text starts with. Other binary data is caught by its
# NUL bytes and control characters.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LEGACY_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252"}
)
_NON_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f\u20ac\u2122]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _binary_refusal(kind: str) -> CleaningError:
    return CleaningError(
        f"This looks like {kind}, not an article's text or HTML. "
        f"Save the article as one of {', '.join(SUPPORTED_SUFFIXES)} and try again."
    )


def _undecodable() -> CleaningError:
    return CleaningError(
        "The text could not be decoded: it is not UTF-8 and no other encoding fits it. "
        "Save it as UTF-8 text and try again."
    )


def _known_codec(label: str) -> str:
    label = label.strip().lower()
    if label in _LEGACY_LABELS:
        return "cp1252"  # what browsers do with these labels
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def _plausible_legacy(text: str) -> bool:
    """cp1252 decodes almost anything; accept it only for mostly-ASCII prose."""
    sample = text[:100_000]
    return len(_NON_ASCII.findall(sample)) * 4 <= len(sample) and not _STRAY_CONTROLS.search(sample)


def _has_text_structure(text: str) -> bool:
    """Prose in any script has spaces or punctuation between words; noise that
    a detector maps onto a CJK code page does not."""
    sample = text[:5000]
    separators = sum(1 for char in sample if unicodedata.category(char)[0] in "PZ" or char in "\n\t")
    return separators * 50 >= len(sample)


def _decode(data: bytes, *, declared: str = "", html: bool = False) -> str:
    if len(data) > MAX_BYTES:
        raise _too_big(len(data), "input")
    if not data:
        raise CleaningError("The file is empty: there is no article in it.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_decoded(data.decode(encoding))
            except UnicodeDecodeError:
                raise _undecodable() from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _binary_refusal(kind)
    head = data[:4096]
    if b"\x00" in head:
        # UTF-16 without a byte order mark has a NUL beside every ASCII letter
        encoding = ""
        if head[1::2].count(0) * 10 >= len(head[1::2]) * 9:
            encoding = "utf-16-le"
        elif head[0::2].count(0) * 10 >= len(head[0::2]) * 9:
            encoding = "utf-16-be"
        if not encoding:
            raise _binary_refusal("binary data")
        try:
            return _check_decoded(data.decode(encoding))
        except UnicodeDecodeError:
            raise _binary_refusal("binary data") from None
    try:
        return _check_decoded(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        # a download cut off in the middle of a character is still UTF-8
        if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
            return _check_decoded(data[: error.start].decode("utf-8"))
    labels = [declared]
    if html:
        found = _META_CHARSET.search(head)
        if found:
            labels.append(found.group(1).decode("ascii", "ignore"))
    for label in labels:
        codec = _known_codec(label) if label else ""
        if codec and codec not in ("utf-8",):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if codec != "cp1252" or _plausible_legacy(text):
                return _check_decoded(text)
    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None and guess.chaos <= 0.2:
        text = str(guess)
        # A guess of one Latin code page over another means little; only
        # trust the detector for scripts such as Japanese or Cyrillic.
        if _NON_LATIN.search(text) and _has_text_structure(text):
            return _check_decoded(text)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _undecodable() from None
    if not _plausible_legacy(text):
        raise _undecodable()
    return _check_decoded(text)


def _check_decoded(text: str) -> str:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise CleaningError("The file contains only whitespace: there is no article in it.")
    return _refuse_control_characters(text, "file")


def decode_text(data: bytes) -> str:
    """Decode bytes of text: UTF-8 (with or without BOM), else a plausible legacy encoding."""
    return _decode(data)


def _looks_like_html(text: str) -> bool:
    start = text[:4096]
    return bool(_HTML_START.search(start)) or (
        start.lstrip().startswith("<") and len(_HTML_TAGS.findall(start)) >= 3
    )


def _kind_from_suffix(name: str) -> str:
    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".txt":
        return "text"
    if suffix in (".html", ".htm"):
        return "html"
    return ""


_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_SNIFF_TYPES = ("application/octet-stream", "text/xml", "application/xml", "binary/octet-stream")


def _parse_content_type(content_type: str) -> tuple[str, str]:
    mime, _, params = content_type.partition(";")
    charset = ""
    found = re.search(r"""charset\s*=\s*["']?([^"';\s]+)""", params, re.IGNORECASE)
    if found:
        charset = found.group(1)
    return mime.strip().lower(), charset


def _unsupported(what: str) -> CleaningError:
    return CleaningError(
        f"Unsupported {what}: upload the article as one of {', '.join(SUPPORTED_SUFFIXES)} "
        "(plain text or an HTML page)."
    )


def clean_bytes(
    data: bytes, *, filename: str = "", content_type: str = "", url: str = ""
) -> CleanedArticle:
    """Clean a fetched page or an upload, dispatching on its name, type or content."""
    mime, charset = _parse_content_type(content_type)
    if mime in _FEED_TYPES:
        raise CleaningError(
            "This is an RSS or Atom feed, not an article page: add it as a feed source "
            "and each of its items will be fetched as an article."
        )
    labelled = _kind_from_suffix(filename) if filename else ""
    if not labelled:
        if mime in _HTML_TYPES:
            labelled = "html"
        elif mime in _TEXT_TYPES:
            labelled = "text"
        elif mime and mime not in _SNIFF_TYPES:
            raise _unsupported(f"content type {mime!r}")
        elif filename and os.path.splitext(filename)[1] and not mime:
            raise _unsupported(f"file type {os.path.splitext(filename)[1]!r} ({filename})")
    text = _decode(data, declared=charset, html=labelled != "text")
    # The content decides over the label: a .txt holding a saved page is
    # HTML, and a .html file without any markup is plain text.
    if _looks_like_html(text) or (labelled == "html" and _ANY_TAG.search(text[:4096])):
        return clean_html(text, url=url)
    _refuse_feed(text)
    return clean_text(text)


def clean_file(path: str | os.PathLike) -> CleanedArticle:
    """Clean a .txt or .html file (a .txt that holds HTML is treated as HTML)."""
    path = Path(path)
    if not _kind_from_suffix(path.name):
        raise _unsupported(f"file type {path.suffix or '(no suffix)'!r} ({path.name})")
    try:
        if not path.exists():
            raise CleaningError(f"{path} does not exist: check the path.")
        if not path.is_file():
            raise CleaningError(f"{path} is not a file: give the path of a .txt or .html file.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(size, f"file {path.name}")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CleaningError(f"{path} could not be read ({error.strerror or error}).") from None
    return clean_bytes(data, filename=path.name)
