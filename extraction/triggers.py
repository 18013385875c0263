"""Trigger words: skip a costly regular expression on text that cannot match it.

Python's regex engine tries a pattern such as ``\\b(?:cut|slash|eliminate)...``
at every position of a sentence, which is slow when a pattern is a long
alternation. Nearly every pattern, though, needs some literal text to match:
one of "cut", "slash", "eliminat" must occur. `required_literals` reads those
words off the compiled pattern itself, so the vocabularies stay the only place
where rules are written, and the result is the same as running the pattern
everywhere: a pattern whose words are absent cannot match.

- `Scan`: a sentence lower-cased once, and which of all the gates' literals it
  holds, found in one Aho-Corasick pass shared by every step.
- `Gated`: a pattern tried only when one of its literals occurs.
- `Alternation`: a vocabulary's patterns as one alternation, leaving out the
  alternatives whose literals are absent, and tried only where one of the
  remaining alternatives' first words begins (an `Anchored` of it).
- `Anchored`: a pattern tried only where one of its possible first words
  begins (`leading_literals`), instead of at every position.

The literals are derived from the parse tree of Python's own regex parser
(``re._parser``). Should that private module change shape, derivation gives up
(no literals) and the pattern simply always runs. tests/test_triggers.py checks
on our articles that every gated or anchored pattern finds what the plain one does.
"""

from __future__ import annotations

import re
from operator import itemgetter

try:  # Python 3.11+
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    _parse = None
    _sre = None

# Characters the regex engine folds to ASCII letters under IGNORECASE but str.lower() keeps apart
# (checked over all of Unicode). "İ" is also the one character whose lower case is two characters
# long, so after this table fold() keeps offsets: fold(text)[a:b] is the folded text[a:b].
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


# What walking a parse tree of an unexpected shape can raise: then there are no literals.
_PARSE_ERRORS = (re.error, AttributeError, IndexError, KeyError, TypeError, ValueError)


def fold(text: str) -> str:
    """Lower-case text for trigger tests, offset for offset; literals are folded the same way."""
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_FOLD)
    return text.lower()


def required_literals(pattern: str | re.Pattern, flags: int = 0) -> tuple[str, ...] | None:
    """Folded strings one of which every match of pattern contains, or None when there are none.

    Case is ignored throughout (a case-sensitive pattern only matches a subset
    of what its folded literals find), so the test is safe for any flags.
    """
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if _parse is None:
        return None
    try:
        tree = _parse.parse(pattern, flags)
        found = _sequence(list(tree))
    except _PARSE_ERRORS:  # an unexpected parse tree: run the pattern unconditionally
        return None
    if not found or any(not s for s in found):
        return None
    return tuple(sorted({fold(s) for s in found}, key=lambda s: (-len(s), s)))


def _score(options: frozenset[str] | None) -> tuple:
    if not options:
        return (-1, 0)
    return (min(len(s) for s in options), -len(options))


def _sequence(items) -> frozenset[str] | None:
    """Requirement of a concatenation: the best of its literal runs and required parts."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def flush():
        nonlocal best, run
        if run:
            candidate = frozenset({"".join(run)})
            if _score(candidate) > _score(best):
                best = candidate
            run = []

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is _sre.SUBPATTERN:
            sub = _sequence(list(av[-1]))
        elif op is _sre.BRANCH:
            subs = [_sequence(list(alt)) for alt in av[1]]
            sub = None if any(not s for s in subs) else frozenset().union(*subs)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, body = av
            sub = _sequence(list(body)) if low >= 1 else None
        elif op is _sre.ATOMIC_GROUP:
            sub = _sequence(list(av))
        elif op is _sre.IN and av and all(o is _sre.LITERAL for o, _ in av):
            sub = frozenset(chr(v) for _, v in av)  # "[—–]": one of a few characters
        else:
            # Anchors, character classes, look-arounds, back-references: no literal required.
            sub = None
        if sub and _score(sub) > _score(best):
            best = sub
    flush()
    return best


# Every literal any gate needs, numbered, in one Aho-Corasick automaton: a `Scan` finds which
# of them occur in a text in one pass, and each gate is then a set test.
_IDS: dict[str, int] = {}
_automaton = None


def _register(literals: tuple[str, ...] | None) -> frozenset[int] | None:
    global _automaton
    if literals is None:
        return None
    for s in literals:
        if s not in _IDS:
            _IDS[s] = len(_IDS)
            _automaton = None  # rebuilt on next use
    return frozenset(_IDS[s] for s in literals)


def _find(folded: str) -> frozenset[int]:
    global _automaton
    if _automaton is None:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for s, i in _IDS.items():
            automaton.add_word(s, i)
        if _IDS:
            automaton.make_automaton()
        _automaton = automaton
    if not _IDS:
        return frozenset()
    return frozenset(map(itemgetter(1), _automaton.iter(folded)))


class Scan:
    """A text folded once, with the set of registered literals it contains."""

    __slots__ = ("folded", "found", "size")

    def __init__(self, text: str | None = None, *, folded: str | None = None):
        self.folded = fold(text) if folded is None else folded
        self.size = len(_IDS)  # gates registered later fall back to substring tests
        self.found = _find(self.folded)


def partial_scan(ids: frozenset[int]):
    """A function text -> Scan that finds only the literals numbered `ids`, in one pass of their own.

    Cheaper than Scan(text), and right for a gate whose literals are all among them, or an
    Anchored whose first words are (Anchored._lead): the others it reports absent. Meant for a
    module's own gates and finders, never to be shared.
    """
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for s, i in _IDS.items():
        if i in ids:
            automaton.add_word(s, i)
    if not ids:
        return lambda text: Scan(text)
    automaton.make_automaton()

    def scan(text: str) -> Scan:
        out = Scan.__new__(Scan)
        out.folded = folded = fold(text)
        out.size = len(_IDS)
        out.found = frozenset(map(itemgetter(1), automaton.iter(folded)))
        return out

    return scan


def _folded_text(folded) -> str:
    return folded.folded if type(folded) is Scan else folded


class Gated:
    """A compiled pattern that is tried only when one of its required literals occurs in the text.

    Every method takes, besides the text, its folded form: a `Scan` of it
    (shared among all the patterns tried on the same text) or `fold(text)`.
    """

    __slots__ = ("_ids", "_max", "_words", "literals", "pattern", "regex")

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.pattern = regex.pattern
        self.literals = required_literals(regex)
        self._ids = _register(self.literals)
        self._max = max(self._ids) if self._ids else -1
        self._words = {_IDS[s]: s for s in self.literals} if self.literals else {}

    def possible_in(self, part: str, scan: Scan) -> bool:
        """possible(part) for a slice `part` of scan.folded: only the literals the whole text holds
        can occur in it, so only those are looked for."""
        ids = self._ids
        if ids is None:
            return True
        if self._max < scan.size:
            words = self._words
            return any(words[i] in part for i in ids & scan.found)
        return any(s in part for s in self.literals)

    def possible(self, folded: str | Scan) -> bool:
        ids = self._ids
        if ids is None:
            return True
        if type(folded) is Scan and self._max < folded.size:
            return not ids.isdisjoint(folded.found)
        text = _folded_text(folded)
        return any(s in text for s in self.literals)

    def search(self, text: str, folded: str | Scan, *args):
        return self.regex.search(text, *args) if self.possible(folded) else None

    def finditer(self, text: str, folded: str | Scan, *args):
        return self.regex.finditer(text, *args) if self.possible(folded) else iter(())

    def __repr__(self):
        return f"Gated({self.pattern[:40]!r}, literals={self.literals})"


def gated(pattern: str | re.Pattern, flags: int = 0) -> Gated:
    return Gated(pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags))


class Literals:
    """A plain any-of-these-strings test on folded text (case is ignored)."""

    def __init__(self, words):
        self.literals = tuple(sorted({fold(w) for w in words if w}))
        self._ids = _register(self.literals) if self.literals else frozenset()
        self._max = max(self._ids) if self._ids else -1

    def possible(self, folded: str | Scan) -> bool:
        if type(folded) is Scan and self._max < folded.size:
            return not self._ids.isdisjoint(folded.found)
        text = _folded_text(folded)
        return any(s in text for s in self.literals)


class Alternation:
    """Patterns tried as one alternation ``(?:p1)|(?:p2)|...``, leaving out those whose literals are absent.

    A left-out alternative cannot match anywhere in the text, so the matches are
    exactly those of the full alternation; the smaller one is compiled once per
    combination of alternatives that occurs.
    """

    def __init__(self, patterns: list[str], flags: int = 0):
        self.patterns = list(patterns)
        self.flags = flags
        self.gates = [required_literals(p, flags) for p in self.patterns]
        self._ids = [_register(g) for g in self.gates]
        self._all = frozenset().union(*(ids for ids in self._ids if ids))
        self._max = max(self._all) if self._all else -1
        self._by_found: dict[frozenset[int], re.Pattern | None] = {}
        self._anchored: dict[re.Pattern, Anchored] = {}
        self._anchored_by_found: dict[frozenset[int], Anchored | None] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern] = {}
        self.full = self._compile(tuple(range(len(self.patterns))))

    def _compile(self, indices: tuple[int, ...]) -> re.Pattern:
        regex = self._compiled.get(indices)
        if regex is None:
            regex = re.compile("|".join(f"(?:{self.patterns[i]})" for i in indices), self.flags)
            self._compiled[indices] = regex
        return regex

    def regex_for(self, folded: str | Scan) -> re.Pattern | None:
        if type(folded) is Scan and self._max < folded.size:
            key = self._all & folded.found
            try:
                return self._by_found[key]
            except KeyError:
                pass
            indices = tuple(i for i, ids in enumerate(self._ids) if ids is None or not ids.isdisjoint(key))
            if len(self._by_found) > 4096:
                self._by_found.clear()
            regex = self._by_found[key] = self._compile(indices) if indices else None
            return regex
        text = _folded_text(folded)
        indices = tuple(i for i, (ids, literals) in enumerate(zip(self._ids, self.gates))
                        if ids is None or any(s in text for s in literals))
        return self._compile(indices) if indices else None

    def anchored_for_found(self, found: frozenset[int]) -> Anchored | None:
        """The anchored alternation of the alternatives a text holding the literals `found` can match
        (None: none can), for a `Scan` taken after this alternation was made (see Scan.size)."""
        key = self._all & found
        anchored = self._anchored_by_found.get(key, False)
        if anchored is False:
            indices = tuple(i for i, ids in enumerate(self._ids) if ids is None or not ids.isdisjoint(key))
            anchored = self._dispatched_for(indices) if indices else None
            if len(self._anchored_by_found) > 4096:
                self._anchored_by_found.clear()
            self._anchored_by_found[key] = anchored
        return anchored

    def finditer(self, text: str, folded: str | Scan):
        if type(folded) is Scan and self._max < folded.size:
            # The common case, looked up in one step: the found literals' anchored alternation.
            anchored = self.anchored_for_found(folded.found)
            return iter(()) if anchored is None else iter(anchored.finditer(text, folded))
        regex = self.regex_for(folded)
        if regex is None:
            return iter(())
        return iter(self._anchored_for(regex).finditer(text, folded))

    def _dispatched_for(self, indices: tuple[int, ...]) -> Anchored | Dispatched:
        anchored = self._anchored_for(self._compile(indices))
        if anchored._automaton is None or anchored._digits or anchored._starts is not None:
            return anchored
        per = [leading_literals(self.patterns[i], self.flags) for i in indices]
        if any(literals is None for literals in per):
            return anchored
        return Dispatched(self, indices, per, anchored)

    def _anchored_for(self, regex: re.Pattern) -> Anchored:
        # Tried only where one of the alternatives' first words begins, when they all have one.
        anchored = self._anchored.get(regex)
        if anchored is None:
            anchored = self._anchored[regex] = Anchored(regex, gate=False)
        return anchored

    def search(self, text: str, folded: str | Scan, *args):
        # Tried only where one of the alternatives' first words begins, as finditer is.
        if type(folded) is Scan and self._max < folded.size:
            anchored = self.anchored_for_found(folded.found)
        else:
            regex = self.regex_for(folded)
            anchored = None if regex is None else self._anchored_for(regex)
        return anchored.search(text, folded, *args) if anchored is not None else None


class Dispatched:
    """An alternation tried where one of its alternatives' first words begins (as `Anchored` does), and
    there as the smaller alternation of just the alternatives that can begin with that word.

    At a place where the first word W begins, an alternative none of whose first words is W,
    a prefix of W or an extension of W cannot match; the others keep their order, so the
    first of them to match there is the alternative the whole alternation would match.
    """

    def __init__(self, alternation: Alternation, indices: tuple[int, ...], per: list[tuple[str, ...]], anchored: Anchored):
        import ahocorasick

        self.regex = anchored.regex
        self.pattern = anchored.pattern
        self._compile = alternation._compile
        self._word_start = anchored._word_start
        automaton = ahocorasick.Automaton()
        for word in anchored.literals:  # no one of them a prefix of another
            subset = tuple(i for i, literals in zip(indices, per)
                           if any(w.startswith(word) or word.startswith(w) for w in literals))
            automaton.add_word(word, (len(word), subset))
        automaton.make_automaton()
        self._automaton = automaton

    def _starts(self, text: str, folded) -> list[tuple[int, tuple[int, ...]]]:
        if folded is None:
            folded = fold(text)
        elif type(folded) is Scan:
            folded = folded.folded
        if self._word_start:
            return sorted([
                (end - length + 1, subset) for end, (length, subset) in self._automaton.iter(folded)
                if end < length or not ((c := text[end - length]).isalnum() or c == "_")
            ])
        return sorted([(end - length + 1, subset) for end, (length, subset) in self._automaton.iter(folded)])

    def finditer(self, text: str, folded: str | Scan | None = None, pos: int = 0, endpos: int | None = None):
        """The alternation's matches in text[pos:endpos], as a list."""
        end = len(text) if endpos is None else endpos
        out = []
        last_end = pos
        compile_ = self._compile
        for start, subset in self._starts(text, folded):
            if start < last_end:
                continue
            if start >= end:
                break
            m = compile_(subset).match(text, start, end)
            if m is not None and m.end() > start:
                last_end = m.end()
                out.append(m)
        return out

    def search(self, text: str, folded: str | Scan | None = None, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        compile_ = self._compile
        for start, subset in self._starts(text, folded):
            if start < pos:
                continue
            if start >= end:
                break
            m = compile_(subset).match(text, start, end)
            if m is not None and m.end() > start:
                return m
        return None


def begins_with(pattern: str, flags: int = 0, *, chars: str = "", space: bool = False) -> bool:
    """Whether every match of pattern begins with one of chars, or (space=True) a whitespace character.

    Read off the parse tree, as leading_literals is; False when unsure. Such a pattern can be written
    "(?=[...])(?:pattern)" with the same matches: the look-ahead rejects at once the places where none of
    its alternatives can begin, which the engine would otherwise try one by one.
    """
    if _parse is None:
        return False
    try:
        return _begins(list(_parse.parse(pattern, flags)), chars, space) is True
    except _PARSE_ERRORS:
        return False


def _begins(items, chars: str, space: bool) -> bool | None:
    """True: every match of the sequence begins with an allowed character; False: not, or unknown;
    None: the sequence can match the empty string (what follows it decides)."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op is _sre.LITERAL:
            return chr(av) in chars
        if op is _sre.IN:
            return bool(av) and all(
                (o is _sre.LITERAL and chr(v) in chars) or (space and o is _sre.CATEGORY and v is _sre.CATEGORY_SPACE)
                for o, v in av
            )
        if op is _sre.SUBPATTERN:
            return _begins(list(av[-1]) + rest, chars, space)
        if op is _sre.BRANCH:
            found = [_begins(list(alt) + rest, chars, space) for alt in av[1]]
            return None if all(f is None for f in found) else all(f is True for f in found)
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, body = av
            first = _begins(list(body), chars, space)
            if first is not True:
                return False
            if low >= 1:
                return True
            after = _begins(rest, chars, space)  # or no repetition at all
            return True if after is True else False if after is False else None
        return False  # anchors, look-arounds, anything else: unsure
    return None


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """The characters, as pattern writes them, one of which every match of pattern begins with; None
    when unknown (a class such as \\w, a look-around, a part that turns case-insensitivity on)."""
    if _parse is None:
        return None
    try:
        found = _firsts(list(_parse.parse(pattern, flags)), bool(flags & re.IGNORECASE))
    except _PARSE_ERRORS:
        return None
    return "".join(sorted(found)) if found else None


def _firsts(items, ignorecase: bool) -> frozenset[str] | None:
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op is _sre.AT:
            continue  # "\b", "^": they match no character
        if op is _sre.LITERAL:
            return frozenset(chr(av))
        if op is _sre.IN:
            if av and all(o is _sre.LITERAL for o, _ in av):
                return frozenset(chr(v) for _, v in av)
            return None
        if op is _sre.SUBPATTERN:
            if not ignorecase and av[1] & re.IGNORECASE:
                return None  # "(?i:...)" in a pattern that keeps case: a look-ahead would keep it too
            return _firsts(list(av[-1]) + rest, ignorecase)
        if op is _sre.BRANCH:
            subs = [_firsts(list(alt) + rest, ignorecase) for alt in av[1]]
            return None if any(s is None for s in subs) else frozenset().union(*subs)
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, body = av
            first = _firsts(list(body), ignorecase)
            if first is None or low >= 1:
                return first
            skipped = _firsts(rest, ignorecase)
            return None if skipped is None else first | skipped
        return None
    return None  # the pattern may match the empty string


def _begins_with_literal(pattern: str, flags: int) -> bool:
    try:
        items = list(_parse.parse(pattern, flags))
        while items and items[0][0] is _sre.SUBPATTERN:
            items = list(items[0][1][-1])
        return bool(items) and items[0][0] is _sre.LITERAL
    except _PARSE_ERRORS:
        return False


def quick_start(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), with a look-ahead for the characters a match can begin with when those
    are known (first_chars): the same matches, but at other places the engine gives up at once instead
    of trying each alternative of a long alternation (which Python's engine does at every position when a
    pattern begins with "\\b")."""
    chars = first_chars(pattern, flags)
    if chars is None or _begins_with_literal(pattern, flags):  # then the engine looks for it quickly itself
        return re.compile(pattern, flags)
    return re.compile("(?=[" + "".join(re.escape(c) for c in chars) + "])(?:" + pattern + ")", flags)


# In leading_literals(..., digits=True): "or a digit", where a match may begin with \d.
DIGIT_START = "\ufdd0"  # a noncharacter: no text or literal holds it


def leading_literals(pattern: str | re.Pattern, flags: int = 0, *, digits: bool = False,
                     exact: bool = False) -> tuple[str, ...] | None:
    """Folded strings one of which every match of pattern starts with, or None when unknown.

    With digits=True a match may also begin with a digit ("\d"), which DIGIT_START among them stands for.
    With exact=True the strings keep the pattern's case: for a pattern that does not ignore case, a
    match starts with one of them as written (to look for in the text itself, not its folded form).
    """
    if exact and (flags | (pattern.flags if isinstance(pattern, re.Pattern) else 0)) & re.IGNORECASE:
        raise ValueError("exact leading literals of a pattern that ignores case")
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if _parse is None:
        return None
    try:
        found = _leading(list(_parse.parse(pattern, flags)), "", digits)
    except _PARSE_ERRORS:
        return None
    if not found or any(not s for s in found):
        return None
    folded = sorted(set(found) if exact else {fold(s) for s in found})
    # "by" already finds every place "byapril" would: keep the shortest of each family.
    return tuple(s for s in folded if not any(s != t and s.startswith(t) for t in folded))


_PREFIX_CAP = 12  # a prefix of a prefix is still a prefix: keep them short and few


def _leading(items, run: str = "", digits: bool = False) -> frozenset[str] | None:
    """Prefixes of every match of the sequence `items`, after the literal text `run` already matched."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if len(run) >= _PREFIX_CAP:
            return frozenset({run})
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            if run:
                return frozenset({run})
            continue  # zero-width before the first character: "\b", "(?<!\w)"
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if op is _sre.SUBPATTERN:
            return _leading(list(av[-1]) + rest, run, digits)
        if op is _sre.ATOMIC_GROUP:
            return _leading(list(av) + rest, run, digits)
        if op is _sre.BRANCH:
            subs = [_leading(list(alt) + rest, run, digits) for alt in av[1]]
            return None if any(s is None for s in subs) else frozenset().union(*subs)
        if op is _sre.IN and av and all(o is _sre.LITERAL for o, _ in av):
            return frozenset(run + chr(v) for _, v in av)
        if digits and not run and op is _sre.IN and av == [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)]:
            return frozenset({DIGIT_START})  # "\d" first: any digit
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, body = av
            if body.getwidth()[0] == 0:
                return frozenset({run}) if run else None
            first = _leading(list(body), run, digits)  # the first repetition, whatever follows it
            if first is None:
                return None
            if low >= 1:
                return first
            skipped = _leading(rest, run, digits)  # or none at all
            return None if skipped is None else first | skipped
        return frozenset({run}) if run else None
    return frozenset({run}) if run else None


_DIGIT = re.compile(r"\d")


def _occurrences(text: str, folded: str, words, word_start: bool) -> list[int]:
    """Sorted positions where one of words (none a prefix of another) begins in folded, as the
    automaton of an Anchored finds them; at the start of a word only, if word_start."""
    out = []
    for word in words:
        i = folded.find(word)
        while i != -1:
            if not word_start or i == 0 or not ((c := text[i - 1]).isalnum() or c == "_"):
                out.append(i)
            i = folded.find(word, i + 1)
    out.sort()
    return out


def _is_word(c: str) -> bool:
    """The regex engine's \\w for one character of a str pattern."""
    return c.isalnum() or c == "_"


def _starts_at_boundary(regex: re.Pattern) -> bool:
    try:
        tree = _parse.parse(regex.pattern, regex.flags)
        op, av = tree[0]
        return op is _sre.AT and av is _sre.AT_BOUNDARY
    except _PARSE_ERRORS:
        return False


def anchored(pattern: str | re.Pattern, flags: int = 0) -> Anchored:
    return Anchored(pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags))


class Anchored:
    """A pattern tried only where one of its possible first words begins.

    `finditer` and `search` give exactly what the regex's own would (leftmost
    first, not overlapping): a match can only start where one of its leading
    literals occurs, so trying `regex.match` at those places in order skips
    nothing. Worth it for a long alternation that the engine would otherwise
    try at every position of the text.
    """

    def __init__(self, regex: re.Pattern, starts=None, *, gate: bool = True):
        import ahocorasick

        self.regex = regex
        self.pattern = regex.pattern
        # with a Scan of the text, a set test first; left out where the caller has tested already
        self.gate = Gated(regex) if gate else None
        self.literals = leading_literals(regex)
        # A match that may also begin with a digit ("\d{1,3}%"): tried at the digits as well.
        self._digits = False
        if self.literals is None and starts is None:
            with_digits = leading_literals(regex, digits=True)
            if with_digits is not None:
                self._digits = True
                self.literals = tuple(s for s in with_digits if s != DIGIT_START)
        self._automaton = None
        self._starts = starts  # a function (text, folded) -> iterable of positions, instead of literals
        # "\b" then a word character: a match cannot start right after another word character.
        self._word_start = bool(self.literals or self._digits) and _starts_at_boundary(regex) and all(
            _is_word(s[0]) for s in self.literals
        )
        if self.literals and starts is None:
            automaton = ahocorasick.Automaton()
            for s in self.literals:
                automaton.add_word(s, len(s))
            automaton.make_automaton()
            self._automaton = automaton
        # When every first word is a registered literal, a Scan already says which of them occur: with
        # none, nothing can match; with a few, str.find locates them faster than a pass of the automaton.
        self._lead = None
        if self.literals and starts is None and not self._digits and all(s in _IDS for s in self.literals):
            ids = {_IDS[s]: s for s in self.literals}
            self._lead = (frozenset(ids), ids, max(ids))

    def starts(self, text: str, folded: str | Scan | None = None) -> list[int] | None:
        """Sorted positions where a match may begin; None when any position may."""
        scan = None
        if folded is None:
            folded = fold(text)
        elif type(folded) is Scan:
            scan, folded = folded, folded.folded
        if self._starts is not None:
            return sorted(set(self._starts(text, scan if scan is not None else folded)))
        lead = self._lead
        if lead is not None and scan is not None and lead[2] < scan.size:
            words = lead[1]
            return _occurrences(text, folded, [words[i] for i in lead[0] & scan.found], self._word_start)
        if self._digits:
            found = [m.start() for m in _DIGIT.finditer(text)]
            if self._automaton is not None:
                found += [end - length + 1 for end, length in self._automaton.iter(folded)]
            if self._word_start:
                found = [p for p in found if p == 0 or not ((c := text[p - 1]).isalnum() or c == "_")]
            return sorted(set(found))  # a literal may begin with a digit too
        if self._automaton is None:
            return None
        # No literal is a prefix of another (see leading_literals), so no position comes twice; and a
        # repeated one would only be tried again to the same effect.
        if self._word_start:
            return sorted([
                end - length + 1 for end, length in self._automaton.iter(folded)
                if end < length or not ((c := text[end - length]).isalnum() or c == "_")
            ])
        return sorted([end - length + 1 for end, length in self._automaton.iter(folded)])

    def finditer(self, text: str, folded: str | Scan | None = None, pos: int = 0, endpos: int | None = None):
        """The regex's matches in text[pos:endpos], as a list."""
        if type(folded) is Scan:
            gate = self.gate
            if gate is not None and gate._ids is not None and not gate.possible(folded):
                return []
            automaton = self._automaton
            lead = self._lead
            if lead is not None and lead[2] < folded.size:
                present = lead[0] & folded.found
                if not present:
                    return []  # none of its first words occurs
                words = lead[1]
                starts = _occurrences(text, folded.folded, [words[i] for i in present], self._word_start)
            elif automaton is not None and not self._digits:
                # starts(), inlined: the commonest case, called for every pattern of every sentence
                if self._word_start:
                    starts = sorted([
                        end - length + 1 for end, length in automaton.iter(folded.folded)
                        if end < length or not ((c := text[end - length]).isalnum() or c == "_")
                    ])
                else:
                    starts = sorted([end - length + 1 for end, length in automaton.iter(folded.folded)])
            else:
                starts = self.starts(text, folded)
        else:
            starts = self.starts(text, folded)
        end = len(text) if endpos is None else endpos
        if starts is None:
            return list(self.regex.finditer(text, pos, end))
        out = []
        last_end = pos
        match = self.regex.match
        for start in starts:
            if start < last_end:
                continue
            if start >= end:
                break
            m = match(text, start, end)
            if m is not None and m.end() > start:
                last_end = m.end()
                out.append(m)
        return out

    def search(self, text: str, folded: str | Scan | None = None, pos: int = 0, endpos: int | None = None):
        if type(folded) is Scan and self.gate is not None and self.gate._ids is not None and not self.gate.possible(folded):
            return None
        starts = self.starts(text, folded)
        end = len(text) if endpos is None else endpos
        if starts is None:
            return self.regex.search(text, pos, end)
        match = self.regex.match
        for start in starts:
            if start < pos:
                continue
            if start >= end:
                break
            m = match(text, start, end)
            if m is not None and m.end() > start:
                return m
        return None

