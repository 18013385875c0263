import datetime

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.highlight import headline_html
from articles.selectors import article_search_page

from . import selectors
from .charts import line_chart
from .filters import EventFilter
from .fragments import event_cards
from .models import Event, FactStatus
from .network import layout, most_connected

TIMELINE_PAGE_SIZE = 50


def timeline(request):
    """The front page: approved events by month, newest first, filterable by URL."""
    filters = EventFilter(request.GET, queryset=selectors.timeline_events())
    page = Paginator(filters.qs, TIMELINE_PAGE_SIZE).get_page(request.GET.get("page"))
    filtered = any(request.GET.get(name) for name in filters.filters)
    context = {
        "page": page,
        "cards": event_cards(page.object_list),
        "filters": filters,
        "filtered": filtered,
        "company_options": _company_options(filters.form["company"].value()),
        "kind_choices": [("", "Any kind"), *Event.Kind.choices],
        "status_choices": [("", "Any status"), *FactStatus.choices],
        "selected_kind": request.GET.get("kind", ""),
        "selected_status": request.GET.get("status", ""),
    }
    return render(request, "companies/timeline.html", context)


def _company_options(selected) -> str:
    # A thousand <option>s: built once a minute (selectors.company_options_html),
    # the chosen one marked here.
    options = selectors.company_options_html()
    if selected:
        options = options.replace(f'<option value="{escape(selected)}">', f'<option value="{escape(selected)}" selected>', 1)
    return mark_safe(options)


def event_detail(request, pk):
    event = selectors.event_page(pk=pk)
    if event is None:
        raise Http404("No such event.")
    return render(request, "companies/event_detail.html", {"event": event})


def company_list(request):
    companies = selectors.company_list(user=None).order_by("name")
    return render(request, "companies/company_list.html", {"companies": companies})


def company_detail(request, slug):
    company = selectors.company_page(slug=slug)
    if company is None:
        raise Http404("No such company.")
    stakes = selectors.company_stakes(company=company)
    figures = list(selectors.company_figures(company=company))
    series = selectors.figure_series(figures)
    context = {
        "company": company,
        "stakes_held": stakes["held"],
        "stakes_held_in": stakes["held_in"],
        "cards": event_cards(selectors.timeline_events(company=company)[:50]),
        "figures": figures,
        "charts": [line_chart(one) for one in series if len(one.points) >= 2],
        "articles": selectors.company_articles(company=company),
    }
    return render(request, "companies/company_detail.html", context)


def network(request):
    """Who holds what in whom on a date, and which alliances stand by then."""
    error = ""
    as_of = datetime.date.today()
    if request.GET.get("as_of"):
        try:
            as_of = datetime.date.fromisoformat(request.GET["as_of"])
        except ValueError:
            error = "Give the date as YYYY-MM-DD, e.g. 2019-01-01. Showing today instead."
    focus = None
    if request.GET.get("company"):
        focus = selectors.company_page(slug=request.GET["company"])
        if focus is None:
            error = "No company has that name here; showing every company."
    whole = selectors.network_as_of(as_of=as_of, company=focus)
    graph = most_connected(whole)
    selectors.with_evidence(graph.stakes)
    context = {
        "network": graph,
        "whole": whole,
        "drawing": layout(graph),
        "as_of": as_of,
        "focus": focus,
        "error": error,
        "company_options": _company_options(focus.slug if focus else None),
    }
    return render(request, "companies/network.html", context)


def search(request):
    """Articles, companies and events matching the query, best first."""
    query = request.GET.get("q", "").strip()[:200]
    articles = article_search_page(query)
    for article in articles:
        article.headline_html = headline_html(article.headline)
    context = {
        "query": query,
        "companies": selectors.search_companies(query),
        "events": selectors.search_events(query),
        "articles": articles,
        "full_text": selectors.uses_full_text_search(),
    }
    return render(request, "companies/search.html", context)
