"""Key figures: sales, EV sales, profits and losses, revenue, cost savings, jobs cut,
plants closed, market shares and tariff costs, with their company and period.

A number becomes a figure only when its unit and a cue agree: "cut 20,000 jobs"
is jobs_cut, "20,000 employees" alone is nothing; "$4.5 billion" is a figure
only beside a word like loss, revenue, savings or tariffs. Lists are read in
order ("4.1 million and 3.44 million vehicles, respectively").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates, numbers, triggers, vocab
from .document import FIRST_PERSON, SINGLE_REFERENCE, Document
from .results import FigureFound
from .sentences import TOKEN

_V = vocab.data("figures.json")
COUNT_UNITS = {k: re.compile(v, re.IGNORECASE) for k, v in _V["count_units"].items()}
EV_WORDS = re.compile(_V["ev_words"], re.IGNORECASE)
COUNT_CUES = {u: {m: triggers.gated(p, re.IGNORECASE) for m, p in cues.items()} for u, cues in _V["count_cues"].items()}
# The cues below are tried around every number: gated by their trigger words (see triggers.py).
COUNT_BLOCKERS = {u: triggers.gated(p, re.IGNORECASE) for u, p in _V["count_blockers"].items()}
MONEY_CUES = {m: triggers.gated(p, re.IGNORECASE) for m, p in _V["money_cues"].items()}
MARKET_SHARE = [triggers.gated(vocab.expand(p).replace("{PCT}", r"\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)"), re.IGNORECASE)
                for p in _V["market_share"]]
# "BYD came second with 17.2%": a market share only just after one (see figures.json).
MARKET_SHARE_RANKING = [
    triggers.gated(vocab.expand(p).replace("{PCT}", r"\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)"), re.IGNORECASE)
    for p in _V["market_share_ranking"]
]
# A company's results, savings and costs run to millions: less is a price or a per-car amount.
MIN_MONEY = 1_000_000
# "That beat Tesla's $25.2 billion", "compared with Ford's $3 billion": an amount set against the one before.
_COMPARED = re.compile(
    r"^\W*(?:that|this|it|which)\s+(?:\w+\s+)?(?:beat|beats|topped|tops|exceeded|exceeds|surpassed|surpasses|trailed|trails|"
    r"outstripped|outstrips|compares\s+with|compared\s+with|was\s+(?:above|below|ahead\s+of|behind))\b"
    r"|\b(?:compared\s+with|compared\s+to|versus|vs\.?|against)\s+(?:⟨\d+⟩(?:’s|'s)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A clause whose subject is a possessive with its noun left out: "..., while Honda's fell 10% to ..."
_ELIDED = re.compile(
    r"\s*(?:and\s+|but\s+|while\s+)?⟨\d+⟩(?:’s|'s)\s+(?:also\s+|only\s+)?(?:fell|rose|dropped|declined|climbed|jumped|slumped|slid|"
    r"increased|decreased|grew|shrank|surged|plunged|edged|doubled|halved|tripled|was|were|came|reached|totall?ed|stood|hit)\b",
    re.IGNORECASE,
)
# A maker's sales are counted in hundreds at least: fewer cars than this are models named, not sold.
MIN_SALES_UNITS = 100
CONDITIONAL = re.compile(r"\W*(?:if|should|unless|were|had|suppose|imagine)\b", re.IGNORECASE)
_MODAL = triggers.quick_start(r"\b(?:could|would|might)\b", re.IGNORECASE)
GROUP_SUBJECTS = triggers.gated(_V["group_subjects"], re.IGNORECASE)
_MONEY_ANY = r"(?P<money>(?:US\$|\$|¥|€|£)?\s?\d[\d,.]*(?:\s?(?:trillion|billion|million|bn|mn|tn))?(?:\s(?:dollars|yen|euros?|yuan|won|pounds))?)"
COST_OF_PROFIT = [re.compile(t.replace("{MONEY}", _MONEY_ANY), re.IGNORECASE) for t in _V["money_cost_of_profit"]]
UNIT_NAMES = {"vehicles": "vehicles", "jobs": "jobs", "plants": "plants"}
# Each tried only where one of its first words begins (a verb, "plants", "and"...), not at every position.
REDUCTIONS = [
    (metric, triggers.anchored(p, re.IGNORECASE)) for metric, patterns in _V["reductions"].items() for p in patterns
]
# Every REDUCTIONS pattern needs one of its trigger words: a sentence holding none of them, as most
# sentences with a number do, is ruled out by one set test instead of one per pattern.
_REDUCTION_IDS = frozenset().union(*(p.gate._ids for _, p in REDUCTIONS)) if all(p.gate._ids for _, p in REDUCTIONS) else None
_REDUCTION_MAX = max(_REDUCTION_IDS) if _REDUCTION_IDS else -1
# The unit of a counted metric, and the kind of amount each metric takes (a count unless listed)
_METRIC_UNITS = {"plants_closed": "plants", "jobs_cut": "jobs", "sales_units": "vehicles", "ev_sales_units": "vehicles"}
_METRIC_AMOUNTS = {"market_share": "percent", "net_income": "money", "revenue": "money", "tariff_cost": "money",
                   "cost_savings": "money"}
_UNIT_BEFORE = {
    "jobs": re.compile(
        r"\b(?:headcount|workforce|staff|payroll|jobs|positions|employees|workers)\s+(?:[\w-]+\s+){0,3}?by\s+"
        r"(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|up\s+to\s+|more\s+than\s+|another\s+|a\s+further\s+)?$",
        re.IGNORECASE,
    ),
    # the unit is its own cue: "deliveries fell to 1.79 million"
    "vehicles": re.compile(
        r"\b(?P<unit>sales|deliveries|shipments|registrations)\s+(?:[\w%.,-]+\s+){0,3}?"
        r"(?:to|of|at|reached|hit|totall?ed|were|was|came\s+to|stood\s+at)\s+"
        r"(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|almost\s+|just\s+(?:over|under)\s+|a\s+record\s+)?$",
        re.IGNORECASE,
    ),
}
_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|to\s+)$", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:by|up|down)\s*$|^\s*(?:drop|decline|fall|rise|increase|decrease|jump|gain|lower|higher|more|less)", re.IGNORECASE)
_POSSESSOR = re.compile(r"(⟨\d+⟩)(?:’s|'s|’|')\s+(?:[\w-]+\s+){0,4}$")
# A sentence is read for figures only if it has a digit or a number word.
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")  # the same test on ASCII text (where \d is 0-9), and faster
_NUMBER_WORD = triggers.anchored(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozen)\b",
    re.IGNORECASE,
)


def _has_number(sentence) -> bool:
    text = sentence.text
    if (_ASCII_DIGIT if text.isascii() else _DIGIT).search(text):
        return True
    # The sentence's scan when it is already at hand (found, or the masked text's when no company is named):
    # then a set test rules most sentences out without reading them again.
    masked = sentence.masked
    if sentence._scan is not None or (masked is not None and masked.text == text):
        return bool(_NUMBER_WORD.search(text, sentence.scan))
    return bool(_NUMBER_WORD.search(text, triggers.fold(text)))


COLUMN_METRICS = [(metric, re.compile(rf"(?:{p})", re.IGNORECASE)) for metric, p in _V["column_metrics"].items()]
_CELL_SEPARATOR = re.compile(r"\s*(?:\||\t)\s*")
_CELL_UNIT = re.compile(r"\s*\([^()]*\)\s*$|\s*,\s*(?:[¥$€£₹]|US\$|yen|dollars|euros)?\s*(?:bn|tn|mn|m|billions?|trillions?|millions?)\s*$")
# "Toyota: ¥4.8 trillion" under "Net profit for the year:"
_COMPANY_ROW = re.compile(r"^\s*(?:[-*•·–]\s*)?(⟨\d+⟩)\s*(?::|\||–|—|-|\.{2,})\s*(.+?)\s*\.?\s*$")


def _column_metric(cell: str) -> str | None:
    """The metric a table heading names: "Net income (¥bn)" is net_income."""
    cell = _CELL_UNIT.sub("", cell.strip().rstrip(":").strip())
    return next((metric for metric, pattern in COLUMN_METRICS if pattern.fullmatch(cell)), None)


class FindFigures:
    name = "figures"

    def run(self, doc: Document) -> None:
        out: list[FigureFound] = []
        seen = set()
        last_share = None  # the last sentence that gave a market share
        last_money = (None, None)  # the last sentence that gave an amount of money, and its metric
        last_tariffs = None  # the last sentence that spoke of tariffs
        tabled = _read_tables(doc, out)
        for fig in out:
            seen.add((fig.company, fig.metric, round(fig.value, 2)))
        for si, sentence in enumerate(doc.sentences):
            if sentence.masked is not None and _TARIFF_WORDS.possible(sentence.masked.scan):
                last_tariffs = si
            if sentence.heading or sentence.masked is None or si in tabled or not _has_number(sentence):
                continue
            ranked = last_share is not None and si - last_share <= 1
            compared = last_money[1] if last_money[0] is not None and si - last_money[0] <= 1 else None
            if compared is None and last_tariffs is not None and si - last_tariffs <= 1:
                compared = "tariff_cost"  # "... declined to give a tariff estimate. Subaru expected a ¥180bn hit."
            for fig in self._sentence(doc, si, ranked=ranked, compared=compared):
                if fig.metric == "market_share":
                    last_share = si
                if fig.unit not in ("%", "vehicles", "jobs", "plants"):
                    last_money = (si, fig.metric)
                key = (fig.company, fig.metric, round(fig.value, 2))
                if key not in seen:
                    seen.add(key)
                    out.append(fig)
        doc.result.figures = out

    def _sentence(self, doc: Document, si: int, *, ranked: bool = False, compared: str | None = None) -> list[FigureFound]:
        """The figures of one sentence; `ranked`: the sentence before gave a market share;
        `compared`: the metric of the amount of money the sentence before gave."""
        sentence = doc.sentences[si]
        masked = sentence.masked
        text = masked.text
        folded = masked.folded
        scan = masked.scan
        amounts = [a for a in numbers.find(text, masked.scan) if not _inside_token(text, a.start)]
        if CONDITIONAL.match(text) and "," in text:
            # "If they merged, they could sell seven million cars": what the condition would bring is not a figure
            consequent = text.index(",")
            amounts = [a for a in amounts if a.start < consequent or not _MODAL.search(text, consequent, a.start)]
        if not amounts:
            return self._reductions(doc, si, text, scan, clauses=None)
        if any(a.kind == "count" and not a.scaled for a in amounts):  # only such a number can be a date
            date_spans = [(d.start, d.end) for d in doc.dates(si)]
            amounts = [a for a in amounts if not _is_date(masked, sentence, a, date_spans)]
        clauses = doc.clauses(si)

        # Classify each amount.
        classified: list[tuple] = []  # (amount, metric, unit, sign)
        for i, amount in enumerate(amounts):
            ca, cb = next(((x, y) for x, y in clauses if x <= amount.start < y), (0, len(text)))
            metric = unit = None
            sign = 1
            if amount.kind == "money":
                metric, sign = _money_metric(text, folded, scan, amount, ca, cb)
                unit = amount.unit
                if metric is None and ca > 0 and _ELIDED.match(text, ca):
                    # "Toyota's net profit rose to 4.8 trillion yen, while Honda's fell to 1.1 trillion yen"
                    metric = next((c[1] for c in reversed(classified) if c[0].kind == "money" and c[1] and c[4] < ca), None)
                if metric is None and compared == "tariff_cost" and _HIT_AFTER.match(text, amount.end):
                    # after a sentence about tariff costs: "Subaru said it expected a 180 billion yen hit"
                    metric = compared
                if metric is None and compared and _COMPARED.search(text, ca, amount.start):
                    # "... rose to 201.1 billion yuan. That beat Tesla's $25.2 billion": the same measure
                    metric = compared
                if metric is not None and abs(amount.value) < MIN_MONEY and not _COMPARED.search(text, ca, amount.start):
                    metric = None  # "priced from £39,875": a price, not a company's result
            elif amount.kind == "percent":
                shares = ranked or any(c[1] == "market_share" for c in classified)
                if _is_market_share(text, folded, scan, amount, ca, cb, ranked=shares):
                    metric, unit = "market_share", "%"
            else:
                unit_class, unit_phrase = _count_unit(text, amounts, i)
                if unit_class:
                    metric = _count_metric(text, scan, amount, unit_class, unit_phrase, ca, cb)
                    unit = UNIT_NAMES[unit_class]
                    if metric in ("sales_units", "ev_sales_units") and amount.value < MIN_SALES_UNITS:
                        # "two large electric cars whose sales ...": a handful of models, not a sales figure
                        metric = None
                elif classified and classified[-1][1] in ("sales_units", "ev_sales_units") and (
                        amount.scaled or _SOLD_BEFORE.search(text, max(0, amount.start - 30), amount.start)):
                    # "... 140,000 and 19,000 EVs, while Tesla and BYD sold 1.8 million and 1.57 million"
                    metric, unit = classified[-1][1], classified[-1][2]
            classified.append((amount, metric, unit, sign, ca, cb))

        figures = self._reductions(doc, si, text, scan, clauses)
        respectively = "respectively" in text.lower()
        for amount, metric, unit, sign, ca, cb in classified:
            if metric is None:
                continue
            if amount.kind == "money" and metric != "tariff_cost" and (
                    _CHARGE_AFTER.match(text, amount.end)
                    or (_PRIOR_PERIOD.match(text, amount.end)
                        and _COMPARED_WITH.search(text, max(0, amount.start - 40), amount.start))):
                # "€9.3bn non-cash charge", "500 billion yen of impairment charges": what went into a result,
                # not the result; "compared with a loss of 2.2bn yuan a year earlier": last year's result
                continue
            company = None
            if respectively:
                company = _respective(doc, text, classified, amount, ca, cb)
            if company is None:
                company = _company_for(doc, si, text, scan, amount, ca, cb)
            value = amount.value if amount.value < 0 else amount.value * sign  # a signed amount keeps its sign
            start, end = sentence.start, sentence.end
            period = dates.period_of(doc.dates(si), near=masked.to_body(amount.start) - sentence.start)
            figures.append(FigureFound(
                company=doc.name(company) if company else None, metric=metric, value=value, unit=unit,
                period=period, quote=sentence.text, start=start, end=end,
            ))
        return figures


    @staticmethod
    def _reductions(doc: Document, si: int, text: str, scan, clauses) -> list[FigureFound]:
        """Cuts given as before and after: "from 17 plants to 10" closes 7."""
        if (_REDUCTION_IDS is not None and type(scan) is triggers.Scan and _REDUCTION_MAX < scan.size
                and _REDUCTION_IDS.isdisjoint(scan.found)):
            return []
        out = []
        sentence = doc.sentences[si]
        for metric, pattern in REDUCTIONS:
            for m in pattern.finditer(text, scan):
                value = int(m.group("from").replace(",", "")) - int(m.group("to").replace(",", ""))
                if value <= 0 or any(f.metric == metric for f in out):
                    continue
                if clauses is None:
                    clauses = doc.clauses(si)
                ca, cb = next(((x, y) for x, y in clauses if x <= m.start("from") < y), (0, len(text)))
                company = _company_for(doc, si, text, scan, _Span(m.start("from"), m.end("to")), ca, cb)
                out.append(FigureFound(
                    company=doc.name(company) if company else None, metric=metric, value=float(value),
                    unit=_METRIC_UNITS[metric], period=dates.period_of(doc.dates(si)), quote=sentence.text,
                    start=sentence.start, end=sentence.end,
                ))
        return out


def _read_tables(doc: Document, out: list[FigureFound]) -> set[int]:
    """Figures in tables of several companies; the indices of the table rows read.

    "Company | Net income | Sales" over "Toyota | ¥4.8tn | 10.8m": a column's heading names the
    metric of its cells, the row's first cell the company. "Net profit for the year:" over
    "Toyota: ¥4.8 trillion": the line before the rows names the metric.
    """
    read: set[int] = set()
    sentences = doc.sentences
    for hi, header in enumerate(sentences):
        masked = header.masked
        if masked is None or hi in read:
            continue
        text = masked.text
        if "|" in text or "\t" in text:
            cells = _CELL_SEPARATOR.split(text.strip().strip("|"))
            columns = [_column_metric(c) for c in cells]
            if len(cells) < 2 or not any(columns) or TOKEN.search(text) or _DIGIT.search(text):
                continue
            for ri in range(hi + 1, len(sentences)):
                row = sentences[ri].masked
                if row is None or not ("|" in row.text or "\t" in row.text):
                    break
                row_cells = _CELL_SEPARATOR.split(row.text.strip().strip("|"))
                company = TOKEN.match(row_cells[0].strip())
                if company is None or len(row_cells) != len(cells):
                    break
                read.add(ri)
                for cell, metric in zip(row_cells, columns):
                    if metric is not None:
                        _add_cell(doc, out, ri, company, cell, metric)
        elif text.rstrip().endswith(":") and not TOKEN.search(text):
            metric = _column_metric(_LEADING_WORDS.sub("", text))
            if metric is None:
                continue
            for ri in range(hi + 1, len(sentences)):
                row = sentences[ri].masked
                m = _COMPANY_ROW.match(row.text) if row is not None else None
                if m is None:
                    break
                read.add(ri)
                _add_cell(doc, out, ri, TOKEN.match(m.group(1)), m.group(2), metric)
    return read


# "Net profit for the year:", "Their global sales in 2024:": the metric is the heading's first words
_LEADING_WORDS = re.compile(r"^(?:the\s+|their\s+|its\s+)?|\s+(?:for|in|of|at|by|during)\b.*$|\s*:\s*$", re.IGNORECASE)


def _add_cell(doc: Document, out: list[FigureFound], si: int, company, cell: str, metric: str) -> None:
    amounts = numbers.find(cell)
    if not amounts:
        return
    amount = amounts[0]
    wanted = _METRIC_AMOUNTS.get(metric, "count")
    if amount.kind != wanted:
        return
    sentence = doc.sentences[si]
    key = doc.mention_company(int(company.group(1)))
    unit = {"money": amount.unit, "percent": "%"}.get(wanted) or _METRIC_UNITS[metric]
    out.append(FigureFound(
        company=doc.name(key), metric=metric, value=amount.value, unit=unit,
        period=dates.period_of(doc.dates(si)), quote=sentence.text, start=sentence.start, end=sentence.end,
    ))


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _inside_token(text, pos):
    return pos > 0 and text[pos - 1] == "⟨"


def _is_date(masked, sentence, amount, date_spans):
    if amount.kind != "count" or amount.scaled:
        return False
    a, b = masked.span(amount.start, amount.end)
    a -= sentence.start
    b -= sentence.start
    if any(x <= a < y for x, y in date_spans):
        return amount.kind == "count" and not amount.scaled
    # A bare year-like number ("in 2023") that the date finder skipped is still not a figure.
    return amount.kind == "count" and not amount.scaled and 1900 <= amount.value <= 2100 and amount.text.isdigit()


_ANCHORED: dict[re.Pattern, triggers.Anchored] = {}


def _anchored(regex: re.Pattern) -> triggers.Anchored:
    """The cue tried only where one of its first words begins (the same matches as regex.finditer)."""
    finder = _ANCHORED.get(regex)
    if finder is None:
        finder = _ANCHORED[regex] = triggers.Anchored(regex, gate=False)
    return finder


def _nearest(pattern, text, scan, pos, ca, cb, window=90):
    best = None
    lo, hi = max(ca, pos - window), min(cb, pos + window)
    if isinstance(pattern, triggers.Gated):
        # its trigger words must occur in the sentence, and then in the window
        if not pattern.possible(scan) or not pattern.possible_in(scan.folded[lo:hi], scan):
            return None
        matches = _anchored(pattern.regex).finditer(text, scan, lo, hi)
    else:
        matches = pattern.finditer(text, lo, hi)
    for m in matches:
        d = pos - m.end() if m.end() <= pos else m.start() - pos
        d = max(d, 0)
        if best is None or d < best:
            best = d
    return best


def _money_metric(text, folded, scan, amount, ca, cb):
    if MONEY_CUES["tariff_cost"].search(text, scan, ca, cb):
        for cost in COST_OF_PROFIT:
            for m in cost.finditer(text, max(0, amount.start - 90), min(len(text), amount.end + 20)):
                if m.start("money") <= amount.start < m.end("money") + 1:
                    return "tariff_cost", 1
    best = None
    for name, pattern in MONEY_CUES.items():
        d = _nearest(pattern, text, scan, amount.start, ca, cb)
        if d is None:
            continue
        if best is None or d < best[0]:
            best = (d, name)
    if best is None:
        return None, 1
    name = best[1]
    if name.endswith("_negative"):
        return name[: -len("_negative")], -1
    return name, 1


def _is_market_share(text, folded, scan, amount, ca, cb, *, ranked=False):
    before = text[max(ca, amount.start - 15):amount.start]
    after = text[amount.end:min(cb, amount.end + 15)]
    if _CHANGE.search(before) or _CHANGE.search(after):
        return False
    lo, hi = max(ca, amount.start - 80), min(cb, amount.end + 60)
    local, local_folded = text[lo:hi], folded[lo:hi]
    patterns = [*MARKET_SHARE, *MARKET_SHARE_RANKING] if ranked else MARKET_SHARE
    return any(p.possible(scan) and p.possible_in(local_folded, scan) and p.regex.search(local)
               for p in patterns) and bool(local)


def _count_unit(text, amounts, i):
    """The unit noun after a count, shared along a list ("140,000 and 19,000 electric vehicles")."""
    j = i
    while True:
        amount = amounts[j]
        for unit, pattern in COUNT_UNITS.items():
            m = pattern.match(text, _skip_space(text, amount.end))
            if m and not TOKEN.search(m.group(0)) and not re.search(r"\d", m.group(0)):
                return unit, m.group(0)
        if j + 1 < len(amounts) and _LIST_JOIN.match(text[amount.end:amounts[j + 1].start]):
            j += 1
            continue
        if j == i:
            # "cut its workforce by 4,000", "deliveries fell to 1.79 million": the unit comes before the number
            for unit, pattern in _UNIT_BEFORE.items():
                m = pattern.search(text, max(0, amount.start - 60), amount.start)
                if m:
                    return unit, m.group("unit") if unit == "vehicles" else ""
        return None, ""


def _skip_space(text, pos):
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _count_metric(text, scan, amount, unit_class, unit_phrase, ca, cb):
    for metric, pattern in COUNT_CUES[unit_class].items():
        if pattern.regex.search(unit_phrase):
            d = 0  # "3.3 million deliveries": the unit is its own cue
        else:
            d = _nearest(pattern, text, scan, amount.start, ca, cb, window=120)
            if d is None:
                continue
        blocker = _nearest(COUNT_BLOCKERS[unit_class], text, scan, amount.start, ca, cb, window=60)
        if blocker is not None and blocker < d:
            return None
        if metric == "sales_units":
            head = text[max(ca, amount.start - 40):amount.start]
            if EV_WORDS.search(unit_phrase) or re.search(r"\b(?:EV|electric[- ]vehicle|electric[- ]car|BEV)\s+sales\b", head, re.IGNORECASE):
                return "ev_sales_units"
        return metric
    return None


def _respective(doc, text, classified, amount, ca, cb):
    """"Honda and Nissan ... 4.1 million and 3.44 million vehicles, respectively": pair them in order."""
    same = [a for a, metric, *_ in classified if metric and ca <= a.start < cb]
    keys = list(dict.fromkeys(doc.mention_company(int(m.group(1))) for m in TOKEN.finditer(text, ca, cb)))
    if len(same) >= 2 and len(keys) == len(same):
        return keys[same.index(amount)]
    return None


def _first_token_start(text, start, end):
    token = TOKEN.search(text, start, end)
    return token.start() if token else end


def _body_pos(doc, si, pos):
    """The body offset of a position in a sentence's masked text."""
    return doc.sentences[si].masked.to_body(pos)


_ASIDE = re.compile(r"[,;(—–]")
_TARIFF_WORDS = triggers.Literals(["tariff"])
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|for|of|to|from|against|at|in|into|with|by)\s+$", re.IGNORECASE)
_HIT_AFTER = re.compile(r"\s+(?:hit|impact|blow|headwind|drag)\b", re.IGNORECASE)
# "... 3.44 million vehicles, while Mitsubishi Motors sold 815,000": the same unit, left out
_SOLD_BEFORE = triggers.quick_start(r"\b(?:sold|delivered|shipped|sells|delivers)\s+(?:about\s+|around\s+|nearly\s+|just\s+)?$", re.IGNORECASE)
_CHARGE_AFTER = re.compile(
    r"\s+(?:of\s+|in\s+)?(?:[\w-]+\s+){0,2}?(?:impairments?|impairment\s+(?:charges?|losses)|write-?downs?|writedowns?|"
    r"charges?|provisions?|one-off\s+costs?|restructuring\s+costs?)\b(?!\s+(?:from|of)\s+tariffs?)",
    re.IGNORECASE,
)
_PRIOR_PERIOD = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:a\s+year\s+(?:earlier|ago|before)|in\s+the\s+same\s+period\s+(?:a\s+year\s+earlier|last\s+year)"
    r"|the\s+(?:previous|prior)\s+(?:year|period)|a\s+year\s+earlier)",
    re.IGNORECASE,
)
_COMPARED_WITH = triggers.quick_start(
    r"\b(?:compared\s+(?:with|to)|versus|against|up\s+from|down\s+from|from)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)
# "a rare bright spot among European volume makers": a group the company is set against, not the subject
_COMPARED_GROUP = re.compile(r"\b(?:among|than|of\s+all|versus|vs\.?|compared\s+with)\s+(?:the\s+|its\s+|other\s+)*(?:\w+\s+){0,2}?"
                             r"(?:automakers|carmakers|manufacturers|makers|companies|brands|players|rivals|firms|competitors|peers)\b")


def _company_for(doc, si, text, scan, amount, ca, cb):
    prefix = text[ca:amount.start]
    m = _POSSESSOR.search(prefix)
    if m:
        return doc.mention_company(int(TOKEN.match(m.group(1)).group(1)))
    tokens = list(TOKEN.finditer(doc.hidden(text), ca, amount.start))
    if not tokens:
        # "The Swedish carmaker, which is controlled by Geely, booked ...": the subject is
        # the description, not the company inside the relative clause.
        reference = SINGLE_REFERENCE.search(doc.hidden(text), ca, amount.start)
        if reference and reference.start() < _first_token_start(text, ca, amount.start):
            return doc.salient(si, before=_body_pos(doc, si, reference.start()), phrase=reference.group(0),
                               or_dominant=True)
        tokens = list(TOKEN.finditer(text, ca, amount.start))
    if tokens:
        last = tokens[-1]
        group = GROUP_SUBJECTS.search(text, scan, last.end(), amount.start)
        # "tariffs on Japanese cars would cost it ¥1.4 trillion": a group after a preposition is no subject
        if group and not _PREPOSITION_BEFORE.search(text, max(0, group.start() - 12), group.start()):
            return None
        return doc.mention_company(int(last.group(1)))
    if GROUP_SUBJECTS.search(text, scan, ca, cb) and not _COMPARED_GROUP.search(text, amount.end, cb):
        return None
    reference = SINGLE_REFERENCE.search(prefix)
    if reference:
        # "Shares in Nissan fell after the company said ...": a company named earlier in the sentence counts
        return doc.salient(si, before=_body_pos(doc, si, ca + reference.start()), phrase=reference.group(0),
                           or_dominant=True)
    after = list(TOKEN.finditer(text, amount.end, cb))
    if after and not _ASIDE.search(text, amount.end, after[0].start()):
        return doc.mention_company(int(after[0].group(1)))
    if FIRST_PERSON.search(prefix):
        return doc.main_company()  # "we sold 1.24 million vehicles": the company speaking
    # "Net profit fell to ₹3,924 crore, hurt by lower volumes at JLR": a company named only in an aside
    # after the number is not whose the number is; the company the passage is about is
    nearby = doc.salient(si, before=doc.sentences[si].start, or_dominant=True)
    if nearby is None and after:
        return doc.mention_company(int(after[0].group(1)))
    return nearby
