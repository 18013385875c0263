from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from . import selectors


def timeline(request):
    """The front page: approved events, newest first."""
    page = Paginator(selectors.timeline_events(), 50).get_page(request.GET.get("page"))
    return render(request, "companies/timeline.html", {"page": page, "events": page.object_list})


def company_list(request):
    companies = selectors.company_list(user=None).order_by("name")
    return render(request, "companies/company_list.html", {"companies": companies})


def company_detail(request, slug):
    company = selectors.company_page(slug=slug)
    if company is None:
        raise Http404("No such company.")
    stakes = selectors.company_stakes(company=company)
    context = {
        "company": company,
        "stakes_held": stakes["held"],
        "stakes_held_in": stakes["held_in"],
        "events": selectors.timeline_events(company=company)[:50],
        "figures": selectors.company_figures(company=company),
        "articles": selectors.company_articles(company=company),
    }
    return render(request, "companies/company_detail.html", context)
