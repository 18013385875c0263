"""Rendered event cards, cached under a key made of everything they show.

An event card (companies/_event.html) costs about half a millisecond to render
and a timeline shows fifty. The key is a digest of the event's fields, its
participants and its evidence as loaded for the page, so an edit anywhere
yields a new key: a cached card is never stale, only unused until evicted.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

TEMPLATE = "companies/_event.html"
TIMEOUT = 24 * 3600
# Bump when companies/_event.html changes, so caches shared across deploys do not serve old markup.
VERSION = 1


def _key(event) -> str:
    shown = (
        VERSION, event.pk, event.updated_at, event.title, event.summary, event.kind, event.status,
        event.date, event.date_precision,
        [(p.company.slug, p.company.name, p.role) for p in event.participant_list],
        [(e.pk, e.quote, e.article_id, e.article.title, e.article.published_on) for e in event.evidence_list],
    )
    return "event-card:" + hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()


def event_cards(events) -> list[tuple[object, SafeString]]:
    """Each event with its rendered card, rendering only what the cache lacks."""
    events = list(events)
    keys = [_key(event) for event in events]
    found = cache.get_many(keys)
    rendered = {}
    cards = []
    for event, key in zip(events, keys):
        html = found.get(key)
        if html is None:
            html = rendered[key] = render_to_string(TEMPLATE, {"event": event})
        cards.append((event, mark_safe(html)))
    if rendered:
        cache.set_many(rendered, timeout=TIMEOUT)
    return cards
