"""Render an article body as HTML with company mentions and the sentences facts
were drawn from marked. The body is untrusted: every piece of it is escaped,
and the result is sanitised by nh3 to the few tags this module writes."""

import html
import itertools
import re

import nh3
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .selectors import HEADLINE_START, HEADLINE_STOP

ALLOWED_TAGS = {"p", "br", "mark", "a", "span"}
ALLOWED_ATTRIBUTES = {"mark": {"class", "id"}, "span": {"id"}, "a": {"href", "class", "title"}}
# Cleaned bodies hold one paragraph per line.
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def sanitise(html: str) -> SafeString:
    """Keep only the tags highlighting writes, with relative links only."""
    return mark_safe(
        nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=set(), link_rel=None)
    )


def mention_spans(body: str, mentions) -> list[tuple[int, int, object]]:
    """Every place the body names a mentioned company by any of its names."""
    names = {}
    for mention in mentions:
        company = mention.company
        for name in [company.name, *(alias.name for alias in company.aliases.all())]:
            if len(name) >= 2:
                names.setdefault(name.casefold(), company)
    if not names:
        return []
    # Longest names first, so "Nissan Motor" wins over "Nissan".
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)",
        re.IGNORECASE,
    )
    return [(m.start(), m.end(), names[m.group(0).casefold()]) for m in pattern.finditer(body)]


def evidence_groups(body: str, evidence) -> list[tuple[int, int, list[int]]]:
    """Quoted spans, overlapping ones merged: one sentence may support several facts."""
    groups: list[tuple[int, int, list[int]]] = []
    for item in sorted(evidence, key=lambda e: (e.start, e.end)):
        start, end = item.start, min(item.end, len(body))
        if start >= end:
            continue
        if groups and start < groups[-1][1]:
            first, last, ids = groups[-1]
            groups[-1] = (first, max(last, end), [*ids, item.pk])
        else:
            groups.append((start, end, [item.pk]))
    return groups


def highlight_body(body: str, *, mentions, evidence) -> SafeString:
    """The body as paragraphs, mentions linked to company pages, fact sentences marked."""
    spans = mention_spans(body, mentions)
    groups = evidence_groups(body, evidence)
    paragraph_breaks = {m.start(): m.end() for m in _PARAGRAPH_BREAK.finditer(body)}
    cuts = {0, len(body), *paragraph_breaks, *paragraph_breaks.values()}
    for start, end, _ in spans + groups:
        cuts.update((start, end))

    pieces = ["<p>"]
    open_group = None  # the evidence group whose <mark> is open
    anchored = set()  # groups whose ids were written
    points = sorted(cuts)
    skip_until = -1
    for start, end in itertools.pairwise(points):
        if start < skip_until:
            continue
        if start in paragraph_breaks:
            if open_group is not None:
                pieces.append("</mark>")
                open_group = None
            pieces.append("</p><p>")
            skip_until = paragraph_breaks[start]
            continue
        group = next((g for g in groups if g[0] <= start and end <= g[1]), None)
        if group is not open_group:
            if open_group is not None:
                pieces.append("</mark>")
            if group is not None:
                if id(group) in anchored:
                    pieces.append('<mark class="evidence">')
                else:
                    anchored.add(id(group))
                    first, *others = group[2]
                    pieces.append(f'<mark class="evidence" id="evidence-{first}">')
                    pieces.extend(f'<span id="evidence-{other}"></span>' for other in others)
            open_group = group
        text = escape(body[start:end]).replace("\n", "<br>")
        company = next((c for s, e, c in spans if s <= start and end <= e), None)
        if company is not None:
            text = (
                f'<a class="mention" href="{reverse("company_detail", args=[company.slug])}"'
                f' title="{escape(company.name)}">{text}</a>'
            )
        pieces.append(text)
    if open_group is not None:
        pieces.append("</mark>")
    pieces.append("</p>")
    return sanitise("".join(pieces))


def plain_text(text: str) -> str:
    """Text with any markup removed, for places that show no HTML (feed titles)."""
    return html.unescape(nh3.clean(text, tags=set()))


def headline_html(headline: str) -> SafeString:
    """A search excerpt with its matched words marked; everything else escaped."""
    text = escape(headline).replace(HEADLINE_START, "<mark>").replace(HEADLINE_STOP, "</mark>")
    return sanitise(text)
