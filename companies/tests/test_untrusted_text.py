"""Article text, titles and quotes are untrusted: pushed through ingestion and
onto every reader page and feed, no script, event handler or `javascript:`
link survives."""

from datetime import date
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest

from articles.services import article_ingest_text
from companies.models import Company, Event, ReviewState

from .builders import cite, mention, stake

SCRIPT = '<script>alert("owned")</script>'
HANDLER = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(2)">click</a>'
BREAKOUT = '"><svg onload=alert(3)>'
HOSTILE = f"{SCRIPT} {HANDLER} {LINK} {BREAKOUT}"


class DangerFinder(HTMLParser):
    """Collect every executable thing a browser would find in a document."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.found.append("<script>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in {"href", "src", "action", "formaction", "xlink:href"} and value and (
                value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
            ):
                self.found.append(f"{tag}[{name}={value}]")


def dangers(html: str) -> list[str]:
    finder = DangerFinder()
    finder.feed(html)
    return finder.found


@pytest.fixture
def hostile(toyota, nissan, make_event):
    """Hostile text everywhere ingestion and extraction can put it."""
    ingested = article_ingest_text(
        text=f"Toyota holds 20% of Nissan. {HOSTILE}\n\nNissan said {HOSTILE} nothing.",
        title=f"Toyota {HOSTILE}",
        published=date(2025, 5, 20),
    ).article
    # What a looser cleaner or a hand edit could store, kept verbatim.
    ingested.title = f"Toyota {HOSTILE}"
    ingested.body = f"Toyota holds 20% of Nissan. {HOSTILE}\n\nNissan said {HOSTILE} nothing."
    ingested.url = "javascript:alert(4)"
    ingested.save()
    evil = Company.objects.create(name=f"Evil {HANDLER} Motors", slug="evil-motors",
                                  website="javascript:alert(5)", description=HOSTILE,
                                  review_state=ReviewState.APPROVED)
    for company in (toyota, nissan, evil):
        mention(ingested, company)
    holding = stake(toyota, nissan, "20", since=date(2025, 1, 1))
    cite(holding, ingested, f"Toyota holds 20% of Nissan. {HOSTILE}")
    event = make_event(title=f"Talks {HOSTILE}", companies=[toyota, nissan, evil], kind=Event.Kind.PARTNERSHIP,
                       day=date(2025, 5, 20), status="rumored")
    event.summary = HOSTILE
    event.save()
    cite(event, ingested, f"Nissan said {HOSTILE} nothing.")
    return ingested, event


@pytest.mark.django_db
def test_no_page_lets_hostile_text_run(client, hostile):
    article, event = hostile
    pages = [
        "/",
        "/?company=evil-motors&status=rumored",
        f"/events/{event.pk}/",
        "/companies/",
        "/companies/toyota/",
        "/companies/nissan/",
        "/companies/evil-motors/",
        "/network/?as_of=2025-06-01",
        "/network/?company=evil-motors&as_of=2025-06-01",
        "/search/?q=Toyota",
        "/search/?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        f"/articles/{article.pk}/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert dangers(html) == [], url
    # The hostile text is shown, as text.
    assert "&lt;script&gt;" in client.get(f"/articles/{article.pk}/").content.decode()


@pytest.mark.django_db
def test_highlighted_article_text_stays_inert(client, hostile):
    article, _ = hostile

    html = client.get(f"/articles/{article.pk}/").content.decode()

    assert 'class="mention"' in html and 'class="evidence"' in html
    assert dangers(html) == []
    assert "&lt;img src=x onerror=" in html and "&lt;a href=" in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/feeds/events/", "/companies/toyota/feed/", "/companies/evil-motors/feed/"])
def test_no_feed_lets_hostile_text_run(client, hostile, url):
    root = ElementTree.fromstring(client.get(url).content)
    atom = "{http://www.w3.org/2005/Atom}"

    entries = root.findall(f"{atom}entry")
    assert entries
    for entry in entries:
        assert "<" not in entry.findtext(f"{atom}title")
        summary = entry.find(f"{atom}summary")
        assert summary.get("type") == "html"
        assert dangers(summary.text) == []
        assert "&lt;script&gt;" in summary.text  # shown as text by feed readers
