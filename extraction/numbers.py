"""The number grammar: amounts with scale words and currencies, percentages and counts.

"$4.5 billion", "4.5 billion dollars", "¥250 billion", "250 billion yen",
"€3bn", "810,000", "1.57 million", "seven", "2.4%", "34 per cent".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import triggers, vocab

_NUMBERS = vocab.data("numbers.json")
SCALES = {k.lower(): v for k, v in _NUMBERS["scales"].items()}
WORDS = _NUMBERS["number_words"]
PREFIXES = _NUMBERS["currency_prefixes"]
CURRENCY_WORDS = _NUMBERS["currency_words"]

_prefix = "|".join(re.escape(p) for p in sorted(PREFIXES, key=len, reverse=True))
_curword = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
_scale_long = r"hundred|thousand|millions?|billions?|trillion|lakhs?|crores?"
_scale_short = r"bn|mn|mln|bln|tn|trn|[mbk](?![\w])"
# "5,50,874" and "1,04,407": Indian grouping, by hundreds and then by twos (lakh, crore)
_digits = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_words = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))

AMOUNT = re.compile(
    r"(?<![\w.,])(?P<cur_pre>" + _prefix + r")?\s?"
    r"(?:(?P<digits>" + _digits + r")|(?P<word>" + _words + r"))"
    r"(?:(?:\s|-)?(?P<scale>" + _scale_long + r")|(?P<short>" + _scale_short + r"))?"
    r"(?:\s(?P<cur_post>" + _curword + r")\b)?"
    r"(?P<pct>\s?(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b))?",
    re.IGNORECASE,
)


_COUNTED = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:vehicles|cars|units|deliveries|EVs|trucks|jobs|workers|employees|people|staff|customers|shares)\b",
    re.IGNORECASE,
)
_DIGIT_RUN = re.compile(r"\d+")
_MINUS = re.compile(r"(?:^|[\s(:])[-−–]$")
_WORD_STARTS = None
_WORD_LITERALS = triggers.Literals((*WORDS, *PREFIXES))
_WORD_BY_ID = {triggers._IDS[w]: w for w in _WORD_LITERALS.literals}


def _starts(text: str, folded: str | triggers.Scan):
    """Where an amount may begin: a currency prefix, a digit run or a number word, or the space before one."""
    global _WORD_STARTS
    if _WORD_STARTS is None:
        import ahocorasick

        _WORD_STARTS = ahocorasick.Automaton()
        for w in {triggers.fold(w) for w in (*WORDS, *PREFIXES)}:
            _WORD_STARTS.add_word(w, len(w))
        _WORD_STARTS.make_automaton()
    # Digits in a company token ("⟨12⟩", see sentences.Masked) are a mention's index, not a number.
    firsts = [m.start() for m in _DIGIT_RUN.finditer(text) if not (m.start() and text[m.start() - 1] == "⟨")]
    if type(folded) is triggers.Scan and _WORD_LITERALS._max < folded.size:
        # The Scan says which words and prefixes occur: find just those (all their occurrences).
        lowered = folded.folded
        for i in _WORD_LITERALS._ids & folded.found:
            word = _WORD_BY_ID[i]
            p = lowered.find(word)
            while p != -1:
                firsts.append(p)
                p = lowered.find(word, p + 1)
    elif _WORD_LITERALS.possible(folded):
        folded = folded.folded if type(folded) is triggers.Scan else folded
        firsts += [end - length + 1 for end, length in _WORD_STARTS.iter(folded)]
    out = []
    for p in firsts:
        # AMOUNT's look-behind: no word character, full stop or comma just before the start.
        if p and text[p - 1].isspace():
            out.append(p)  # a space before is no word character
            p -= 1  # and "\s?" lets a match start on it
        if not p or not ((c := text[p - 1]).isalnum() or c in "_.,"):
            out.append(p)
    return out


# The pattern starts with optional parts, so the engine would try it at every position.
_AMOUNT = triggers.Anchored(AMOUNT, starts=_starts)


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

    def __init__(self, start, end, value, kind, unit, text, scaled, is_word):
        # The generated __init__ of a frozen dataclass sets each field through object.__setattr__;
        # filling the instance's dict at once gives the same object, faster (one is made per amount).
        self.__dict__.update(start=start, end=end, value=value, kind=kind, unit=unit, text=text,
                             scaled=scaled, is_word=is_word)


# Scales that are powers of ten, and their exponents: "4.7" with 1e6 is float("4.7e6").
_POWERS_OF_TEN = {scale: e for scale in set(SCALES.values()) for e in range(0, 30) if scale == 10.0 ** e}


def _scaled(value: float, scale: float) -> float:
    """value * scale in decimal arithmetic, so that 4.1 million is 4100000, not 4099999.999..."""
    e = _POWERS_OF_TEN.get(scale)
    digits = repr(value)
    if e is not None and "e" not in digits and "n" not in digits:  # plain notation, not inf or nan
        # The decimal number digits × 10^e, rounded once to the nearest float: what float(Decimal(...)
        # * Decimal(...)) gives, since that product is exact (a power of ten only adds zeros).
        return float(f"{digits}e{e}")
    return float(Decimal(str(value)) * Decimal(str(scale)))


def find(text: str, scan: triggers.Scan | None = None) -> list[Amount]:
    """The amounts in text; `scan`, if given, is triggers.Scan(text).

    In a masked sentence the digits of a company token ("⟨12⟩") are a mention's number, not an amount.
    """
    out = []
    for m in _AMOUNT.finditer(text, scan):
        # The groups read at once (one call, not a dict of them all per match).
        word, digits, cur_pre, scale_long, short, cur_post, pct = m.group(
            "word", "digits", "cur_pre", "scale", "short", "cur_post", "pct")
        if word:
            if not word[0].isalpha():
                continue
            value = float(WORDS[word.lower()])
        else:
            value = float(digits.replace(",", ""))
        scale_word = (scale_long or short or "").lower()
        scale = SCALES.get(scale_word, 1.0)
        cur = PREFIXES.get(cur_pre) if cur_pre else None
        if cur_post:
            # "won" after a bare number is still the currency: "5,000 won"
            cur = CURRENCY_WORDS[cur_post.lower()]
        if short and not cur and scale_word in ("m", "b", "k") and not _COUNTED.match(text, m.end()):
            # "3m" only means millions with a currency ("$3m") or before what is counted ("3.1m vehicles");
            # otherwise it is metres etc.
            continue
        if word and not (scale_word or cur or pct):
            kind = "count"
        elif pct:
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
        # Decimal arithmetic keeps 4.1 million at 4100000, not 4099999.999...; unscaled, value is exact.
        total = value if scale == 1.0 else _scaled(value, scale)
        if kind == "money" and _MINUS.search(text, max(0, start - 2), start):
            total = -total  # "Net income .... -$8.2bn": a loss written with a sign
        out.append(
            Amount(start, end, total, kind, unit, text[start:end], bool(scale_word), bool(word))
        )
    return out
