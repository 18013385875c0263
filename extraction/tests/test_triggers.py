"""Trigger words only skip work: every gated or anchored pattern finds exactly what the plain regex finds."""

import re
from pathlib import Path

import pytest

from extraction import companies, dates, document, events, figures, numbers, people, stakes, triggers
from extraction.document import Document
from extraction.pipeline import DEFAULT_STEPS
from extraction.results import Extraction
from extraction.tests.helpers import ARTICLES, load_article, registry

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Texts no article may contain, but that probe the edges of the rules.
ODD = [
    "mid-2025", "in   2025", "by\t2024,", "the end of  2026", "FY25 and fy2026", "Q3 2024", "H1 2025",
    "$ 5", "US$4.5bn", "¥250 billion", "€3bn", "a dozen plants", "twenty-one", "⟨3⟩ 12 ⟨14⟩", "12,000.5%",
    "İstanbul FİSCAL YEAR 2024 ended", "ſales of 3 million", "ınvestment", "On Monday, 3 May 2025", "May may",
    "CHIEF EXECUTIVE Koji Sato", "co-founder Lei Jun", "the first-quarter of 2025", "last year ago",
    "rose 5% to a 12.5 per cent share of the market", "the pair", "while; — but", "",
]


def _corpus() -> list[str]:
    texts = list(ODD)
    bodies = [load_article(p.name)[1] for p in sorted(ARTICLES.glob("*.txt"))]
    bodies += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for body in bodies:
        doc = Document(title="", body=body, published=None, registry=registry(),
                       result=Extraction(title="", published=None, body_chars=len(body)))
        for step in DEFAULT_STEPS[:2]:  # sentences, then companies: masked sentences
            step.run(doc)
        for s in doc.sentences:
            texts += [s.text, s.masked.text]
    return texts


CORPUS = _corpus()


def _gated():
    found = {
        "role hint": people._ROLE_HINT.gate,
        "clause breaks": document.CLAUSE_BREAKS,
        "group subjects": figures.GROUP_SUBJECTS,
        "future": dates._FUTURE,
        "number word": figures._NUMBER_WORD.gate,
        "stake percentage": stakes._ANCHOR_GATE,
    }
    found.update({f"money cue {k}": v for k, v in figures.MONEY_CUES.items()})
    found.update({f"blocker {k}": v for k, v in figures.COUNT_BLOCKERS.items()})
    found.update({f"market share {i}": v for i, v in enumerate(figures.MARKET_SHARE)})
    found.update({f"stakes core {i}": v.gate for i, v in enumerate(stakes.CORE)})
    found.update({f"stakes change {i}": v.gate for i, v in enumerate(stakes.CHANGE)})
    found.update({f"stakes traded {i}": v.gate for i, v in enumerate(stakes.TRADED)})
    found.update({f"stakes explicit {i}": v for i, v in enumerate(stakes.EXPLICIT)})
    found.update({f"hypothetical {i}": v for i, v in enumerate(events.ANCHORED_HYPOTHETICAL)})
    found.update({f"date {name} {i}": f.gate for i, ((name, _), f) in enumerate(zip(dates.PATTERNS, dates._FINDERS))})
    return found


@pytest.mark.parametrize("name", sorted(_gated()))
def test_a_gate_never_skips_a_text_its_pattern_matches(name):
    gate = _gated()[name]
    for text in CORPUS:
        if gate.regex.search(text):
            assert gate.possible(triggers.fold(text)), text
            assert gate.possible(triggers.Scan(text)), text


def _anchored():
    found = {
        "amounts": numbers._AMOUNT,
        "role hint": people._ROLE_HINT,
        "introduced organisations": companies._INTRODUCED,
        "date hint words": dates._HINT_WORDS,
        "months": dates._MONTH_FINDER,
        "number word": figures._NUMBER_WORD,
    }
    found.update({f"people pattern {i}": f for i, f in enumerate(people._FINDERS)})
    found.update({f"stakes {kind} {i}": f for kind in ("core", "change", "traded")
                  for i, f in enumerate(getattr(stakes, kind.upper()))})
    cues = {**figures.MONEY_CUES, **{f"{u} {m}": p for u, c in figures.COUNT_CUES.items() for m, p in c.items()},
            **{f"{u} blocker": p for u, p in figures.COUNT_BLOCKERS.items()}}
    found.update({f"figure cue {k}": figures._anchored(p.regex) for k, p in cues.items()})
    found.update({f"date {name} {i}": f for i, ((name, _), f) in enumerate(zip(dates.PATTERNS, dates._FINDERS))})
    return found


def _not_in_token(text, m):
    return not (m.start() and text[m.start() - 1] == "⟨")


@pytest.mark.parametrize("name", sorted(_anchored()))
def test_an_anchored_pattern_finds_exactly_what_the_regex_finds(name):
    finder = _anchored()[name]
    # Amounts leave out the digits of company tokens ("⟨12⟩"), which are mention numbers.
    keep = _not_in_token if name == "amounts" else (lambda text, m: True)
    for text in CORPUS:
        expected = [(m.span(), m.groupdict()) for m in finder.regex.finditer(text) if keep(text, m)]
        assert [(m.span(), m.groupdict()) for m in finder.finditer(text)] == expected, text
        assert [(m.span(), m.groupdict()) for m in finder.finditer(text, triggers.Scan(text))] == expected, text
        first = next((m for m in finder.regex.finditer(text, 3) if keep(text, m)), None)
        got = finder.search(text, triggers.fold(text), 3)
        assert (got and got.span()) == (first and first.span()), text


def _alternations():
    found = {f"kind {k.name}": k.patterns[0] for k in events.KINDS}
    found.update({f"status {k}": v for k, v in events.STATUS_CUES.items()})
    found["hypothetical"] = events.SENTENCE_HYPOTHETICAL
    return found


@pytest.mark.parametrize("name", sorted(_alternations()))
def test_an_alternation_left_partial_finds_what_the_whole_one_finds(name):
    alternation = _alternations()[name]
    for text in CORPUS:
        expected = [m.span() for m in alternation.full.finditer(text)]
        assert [m.span() for m in alternation.finditer(text, triggers.Scan(text))] == expected, text
        assert [m.span() for m in alternation.finditer(text, triggers.fold(text))] == expected, text
        first = alternation.full.search(text)
        got = alternation.search(text, triggers.Scan(text))
        assert (got and got.span()) == (first and first.span()), text


@pytest.mark.parametrize(
    ("pattern", "flags", "literals"),
    [
        (r"\b(?:cut|slash)\s+\d+\s+jobs", re.IGNORECASE, ("jobs",)),  # the longest required piece
        (r"(?:merger|tie-up)\s+talks", 0, ("merger", "tie-up")),
        (r"[a-c]x", 0, ("x",)),
        (r"(?:ab|)c", 0, ("c",)),
        (r"\s+[—–]\s+", 0, ("–", "—")),
        (r"(?:ab)?", 0, None),  # may match nothing at all
        (r"\d+", 0, None),
        (r"(?-i:CEO) said", re.IGNORECASE, (" said",)),
    ],
)
def test_required_literals_are_read_off_the_pattern(pattern, flags, literals):
    assert triggers.required_literals(pattern, flags) == literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\b(?:ab)+c", ("ab",)),  # a repeated group cannot run on into what follows
        (r"x(?:ab)?c", ("xab", "xc")),
        (r"a*b", ("a", "b")),
        (r"(?:the\s+)?year", ("the", "year")),
        (r"\s?x", None),
        (r"by\s*April", ("by",)),  # "byapril" is found wherever "by" is
    ],
)
def test_leading_literals_are_the_ways_a_match_can_begin(pattern, literals):
    assert triggers.leading_literals(pattern) == literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\d+%", (triggers.DIGIT_START,)),
        (r"(?:about\s+)?\d{1,3}%", ("about", triggers.DIGIT_START)),
        (r"a\d", ("a",)),  # a digit after a literal adds nothing
        (r"[0-3]?\d", None),
    ],
)
def test_leading_literals_can_say_a_match_begins_with_a_digit(pattern, literals):
    assert triggers.leading_literals(pattern, digits=True) == literals


def test_an_anchored_pattern_may_begin_at_a_digit():
    finder = triggers.Anchored(re.compile(r"(?:about\s+)?\d{1,3}(?:\.\d+)?%"))
    for text in ["about 5% and 12.5% of 1234% ⟨3⟩ 7%", "x5% ab9%", "", "about about 3 %"]:
        expected = [m.span() for m in finder.regex.finditer(text)]
        assert [m.span() for m in finder.finditer(text)] == expected
        assert [m.span() for m in finder.finditer(text, triggers.Scan(text))] == expected


def test_folding_keeps_offsets_and_what_ignorecase_treats_as_equal():
    text = "İSTANBUL ſales ınvestment"
    folded = triggers.fold(text)
    assert len(folded) == len(text)
    assert folded == "istanbul sales investment"
    for word in ("istanbul", "sales", "investment"):
        assert re.search(word, text, re.IGNORECASE)
        assert word in folded


@pytest.mark.parametrize("name", sorted(_gated()))
def test_a_gate_tests_a_part_of_a_text_as_it_tests_that_part_alone(name):
    gate = _gated()[name]
    for text in CORPUS[::7]:
        scan = triggers.Scan(text)
        for lo, hi in ((0, len(text)), (len(text) // 3, len(text) // 3 + 40), (5, 25)):
            part = scan.folded[lo:hi]
            assert gate.possible_in(part, scan) == gate.possible(part), (text, lo, hi)


QUICK_STARTS = {
    "change verbs": stakes.CHANGE_VERBS, "completed sale": stakes.COMPLETED_SALE, "increment": stakes.INCREMENT,
    "bought": stakes._BOUGHT, "future result": events.FUTURE_RESULT, "future launch": events.FUTURE_LAUNCH,
    "reported speech": events.REPORTED_SPEECH, "definite reference": events.DEFINITE_REFERENCE,
    "reference possessive": events._REFERENCE_POSSESSIVE, "date future": dates.FUTURE,
    "group reference": document.GROUP_REFERENCE, "first person": document.FIRST_PERSON,
    "after preposition": document.AFTER_PREPOSITION, "government of": companies._GOVERNMENT_OF,
    "compared with": figures._COMPARED_WITH, "sold before": figures._SOLD_BEFORE, "modal": figures._MODAL,
    "clause breaks": document.CLAUSE_BREAKS.regex,
}


@pytest.mark.parametrize("name", sorted(QUICK_STARTS))
def test_a_quick_start_finds_exactly_what_the_pattern_finds(name):
    quick = QUICK_STARTS[name]
    plain = re.compile(quick.pattern[quick.pattern.index("(?:") + 3:-1], quick.flags) \
        if quick.pattern.startswith("(?=[") else quick
    for text in CORPUS + [t.upper() for t in ODD] + [t.lower() for t in ODD]:
        assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        for end in range(0, len(text), 17):  # windows ending inside the text, as the steps search them
            a, b = quick.search(text, max(0, end - 60), end), plain.search(text, max(0, end - 60), end)
            assert (a and a.span()) == (b and b.span()), text


@pytest.mark.parametrize("pattern, flags, chars", [
    (r"\b(?:the|its)\s+", re.IGNORECASE, "it"),
    (r",?\s+while", 0, None),  # "\s" is a class: unknown
    (r"\b(?:[Ww]e|us)\b", 0, "Wuw"),
    (r"(?:a\s+)?b", 0, "ab"),
    (r"(?i:last|next)\s+Monday", 0, None),  # case turned on inside a pattern that keeps it
    (r"x*", 0, None),  # may match nothing
])
def test_first_chars_are_read_off_the_pattern(pattern, flags, chars):
    assert triggers.first_chars(pattern, flags) == chars
