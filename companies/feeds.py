"""Atom feeds of approved events: the whole site, and one company's."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from articles.highlight import plain_text

from . import selectors


class EventsFeed(Feed):
    feed_type = Atom1Feed
    title = "Autotracker: approved events"
    subtitle = "Mergers, alliances, stakes and restructuring in the car industry, each with its sources."

    def link(self):
        return reverse("timeline")

    def items(self):
        return selectors.feed_events()

    def item_title(self, event):
        return f"{plain_text(event.title)} ({event.get_status_display().lower()})"

    def item_description(self, event):
        # Atom summaries are HTML: every piece of text is escaped before it is joined.
        parts = [f"{event.get_kind_display()} · {event.date_display} · {event.get_status_display()}"]
        if event.summary:
            parts.append(event.summary)
        names = ", ".join(p.company.name for p in event.participant_list)
        if names:
            parts.append(f"Companies: {names}")
        for evidence in event.evidence_list:
            parts.append(f"“{evidence.quote}” — {evidence.article.title}")
        return "".join(f"<p>{escape(part)}</p>" for part in parts)

    def item_link(self, event):
        return reverse("event_detail", args=[event.pk])

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_categories(self, event):
        return [event.get_kind_display(), event.get_status_display()]


class CompanyEventsFeed(EventsFeed):
    def get_object(self, request, slug):
        company = selectors.company_page(slug=slug)
        if company is None:
            raise Http404("No such company.")
        return company

    def title(self, company):
        return f"Autotracker: {company.name}"

    def subtitle(self, company):
        return f"Approved events involving {company.name}, each with its sources."

    def link(self, company):
        return company.get_absolute_url()

    def items(self, company):
        return selectors.feed_events(company=company)
