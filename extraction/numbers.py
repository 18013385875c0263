"""The number grammar: amounts with scale words and currencies, percentages and counts.

"$4.5 billion", "4.5 billion dollars", "¥250 billion", "250 billion yen",
"€3bn", "810,000", "1.57 million", "seven", "2.4%", "34 per cent".
"""

from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass

from . import vocab

_NUMBERS = vocab.data("numbers.json")
SCALES = {k.lower(): v for k, v in _NUMBERS["scales"].items()}
WORDS = _NUMBERS["number_words"]
PREFIXES = _NUMBERS["currency_prefixes"]
CURRENCY_WORDS = _NUMBERS["currency_words"]

_prefix = "|".join(re.escape(p) for p in sorted(PREFIXES, key=len, reverse=True))
_curword = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
_scale_long = r"thousand|millions?|billions?|trillion"
_scale_short = r"bn|mn|mln|bln|tn|trn|[mbk](?![\w])"
_digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_words = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))

AMOUNT = re.compile(
    r"(?<![\w.,])(?P<cur_pre>" + _prefix + r")?\s?"
    r"(?:(?P<digits>" + _digits + r")|(?P<word>" + _words + r"))"
    r"(?:(?:\s|-)?(?P<scale>" + _scale_long + r")|(?P<short>" + _scale_short + r"))?"
    r"(?:\s(?P<cur_post>" + _curword + r")\b)?"
    r"(?P<pct>\s?(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float
    kind: str  # "money", "percent" or "count"
    unit: str | None  # currency code for money, "%" for percent
    text: str
    scaled: bool  # a scale word was given ("million")
    is_word: bool  # written as a word ("seven")


def find(text: str) -> list[Amount]:
    out = []
    for m in AMOUNT.finditer(text):
        g = m.groupdict()
        if g["word"]:
            word = g["word"].lower()
            if not g["word"][0].isalpha():
                continue
            value = float(WORDS[word])
        else:
            value = float(g["digits"].replace(",", ""))
        scale_word = (g["scale"] or g["short"] or "").lower()
        scale = SCALES.get(scale_word, 1.0)
        if g["word"] and g["word"].lower() in ("a dozen", "dozen") and not scale_word:
            pass
        cur = PREFIXES.get(g["cur_pre"]) if g["cur_pre"] else None
        if g["cur_post"]:
            if g["cur_post"].lower() == "won" and not (scale_word or cur):
                pass  # "won" after a bare number is still the currency: "5,000 won"
            cur = CURRENCY_WORDS[g["cur_post"].lower()]
        if g["short"] and not cur and scale_word in ("m", "b", "k"):
            # "3m" only means millions with a currency: "$3m"; otherwise it is metres etc.
            continue
        if g["word"] and not (scale_word or cur or g["pct"]):
            kind = "count"
        elif g["pct"]:
            kind = "percent"
        elif cur:
            kind = "money"
        else:
            kind = "count"
        unit = cur if kind == "money" else "%" if kind == "percent" else None
        end = m.end()
        # Trailing whitespace captured before an absent group is not part of the amount.
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        start = m.start()
        while start < end and text[start].isspace():
            start += 1
        total = float(Decimal(str(value)) * Decimal(str(scale)))
        out.append(
            Amount(start, end, total, kind, unit, text[start:end], bool(scale_word), bool(g["word"]))
        )
    return out
