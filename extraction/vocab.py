"""Load the vocabularies in vocab/: the data the rules apply, kept apart from the code.

Text lists hold one entry a line; '#' starts a comment. JSON files carry an
'_about' key saying what they are for.
"""

import json
import re
from functools import cache
from pathlib import Path

VOCAB_DIR = Path(__file__).resolve().parent / "vocab"

# A company mention inside a masked sentence: see sentences.Masked.
COMPANY_TOKEN = r"⟨\d+⟩"
WORD = r"[\w⟨⟩’'.-]+"
DET = r"(?:a|an|the|its|their|his|her|this|that)"
NUMBER_WORDS = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(?:hundred|thousand|million|billion|lakhs?|crores?|m|k)\b)?"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?:[\s-]+(?:hundred|thousand))?"
    r"|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of"
)


@cache
def lines(name: str) -> tuple[str, ...]:
    out = []
    for raw in (VOCAB_DIR / name).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)


@cache
def data(name: str) -> dict:
    return json.loads((VOCAB_DIR / name).read_text(encoding="utf-8"))


@cache
def media_pattern() -> str:
    names = sorted(lines("media_outlets.txt"), key=len, reverse=True)
    return r"(?:the\s+)?(?-i:" + "|".join(re.escape(n) for n in names) + r")\b"


@cache
def media_first_words() -> frozenset[str]:
    """First words of the outlets' names: a cheap test for whether a sentence names one."""
    return frozenset(n.split()[0] for n in lines("media_outlets.txt"))


def expand(pattern: str) -> str:
    """Replace the vocabularies' placeholders with the regular expressions they stand for."""
    return (
        pattern.replace("{C}", COMPANY_TOKEN)
        .replace("{W}", WORD)
        .replace("{DET}", DET)
        .replace("{NUM}", "(?:" + NUMBER_WORDS + ")")
        .replace("{MEDIA}", media_pattern())
    )


def compile_all(patterns, flags=re.IGNORECASE) -> list[re.Pattern]:
    return [re.compile(expand(p), flags) for p in patterns]


class Anchors:
    """Which tags (event kinds, statuses) a text may concern, from word-start keywords, in one pass.

    A cheap filter in front of costly regular expressions: a tag's patterns are
    tried only when one of its keywords starts a word of the text.
    """

    def __init__(self, keywords: dict[str, list[str]]):
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        table: dict[str, set[str]] = {}
        for tag, words in keywords.items():
            for word in words:
                table.setdefault(word.lower(), set()).add(tag)
        for word, tags in table.items():
            self._automaton.add_word(word, (len(word), frozenset(tags)))
        self._automaton.make_automaton()

    def tags(self, lowered: str) -> set[str]:
        found: set[str] = set()
        for end, (length, tags) in self._automaton.iter(lowered):
            start = end - length + 1
            if start == 0 or not lowered[start - 1].isalnum():
                found |= tags
        return found
