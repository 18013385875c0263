"""The review queue: every proposal kind on one admin page, newest first.

Served at /admin/review/ inside the admin (login, staff check and CSRF come
from `admin.site.admin_view`); each decision is checked against the editor's
permissions on the model it changes.
"""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from . import review, services
from .models import FactStatus, ReviewState, Stake

DECISIONS = {"approve": services.proposal_approve, "reject": services.proposal_reject}
PAST_TENSE = {"approve": "Approved", "reject": "Rejected"}


def _permitted_kinds(user, action: str) -> list[str]:
    return [
        kind
        for kind, model in review.KINDS.items()
        if user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
    ]


def _decide(request, decision: str, keys: list[str]) -> None:
    """Apply `decision` to the proposals named by `keys` ("event:12"), all or nothing
    on permissions: an editor lacking one permission changes nothing."""
    allowed = set(_permitted_kinds(request.user, "change"))
    proposals = []
    for key in keys:
        kind, _, pk = key.partition(":")
        if kind not in review.KINDS or not pk.isdigit():
            continue
        if kind not in allowed:
            raise PermissionDenied(f"You may not change {review.KIND_LABELS[kind].lower()}.")
        proposal = review.proposal_lookup(kind, int(pk))
        if proposal is not None:
            proposals.append(proposal)
    if not proposals:
        messages.warning(
            request, "Nothing was selected: tick the proposals to decide, then choose an action."
        )
        return
    done = 0
    for proposal in proposals:
        try:
            DECISIONS[decision](proposal=proposal, actor=request.user)
            done += 1
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            continue
        if decision == "approve" and isinstance(proposal, Stake):
            for rival in services.stake_open_rivals(stake=proposal):
                messages.warning(
                    request,
                    f"{rival} is still open. If “{proposal}” replaced it, supersede it from the stakes list.",
                )
    if done:
        titles = ", ".join(f"“{proposal}”" for proposal in proposals[:3])
        more = f" and {len(proposals) - 3} more" if len(proposals) > 3 else ""
        messages.success(
            request,
            f"{PAST_TENSE[decision]} {titles}{more}."
            if done == len(proposals)
            else f"{PAST_TENSE[decision]} {done} of {len(proposals)}.",
        )


def review_queue(request):
    """List proposals with their evidence; approve or reject them one by one or in bulk."""
    kinds = _permitted_kinds(request.user, "view")
    if not kinds:
        raise PermissionDenied("You may not view proposals.")
    if request.method == "POST":
        if "decide" in request.POST:
            decision, _, key = request.POST["decide"].partition(":")
            keys = [key]
        else:
            decision, keys = request.POST.get("action", ""), request.POST.getlist("selected")
        if decision not in DECISIONS:
            messages.warning(request, "Choose an action: approve or reject.")
        else:
            _decide(request, decision, keys)
        query = request.POST.get("query", "")
        return HttpResponseRedirect(reverse("review_queue") + (f"?{query}" if query else ""))

    filters = review.QueueFilters.from_query(request.GET)
    page = request.GET.get("page", "1")
    queue = review.review_queue(filters=filters, kinds=kinds, page=int(page) if page.isdigit() else 1)
    query = {key: value for key, value in request.GET.items() if key != "page" and value}

    def link(**changes) -> str:
        merged = {**query, **changes}
        return "?" + urlencode({key: value for key, value in merged.items() if value})

    context = {
        **admin.site.each_context(request),
        "title": "Review queue",
        "queue": queue,
        "filters": filters,
        "query": urlencode(query),
        "may_change": set(_permitted_kinds(request.user, "change")),
        "kind_choices": [("", "All kinds", link(kind=""), not filters.kind, sum(queue.counts.values()))]
        + [
            (kind, review.KIND_LABELS[kind], link(kind=kind), filters.kind == kind, queue.counts[kind])
            for kind in kinds
        ],
        "state_choices": [
            (value, label, link(state=value), filters.state == value)
            for value, label in [*ReviewState.choices, ("all", "All")]
        ],
        "status_choices": [("", "Any", link(status=""), not filters.status)]
        + [
            (value, label, link(status=value), filters.status == value) for value, label in FactStatus.choices
        ],
        "created_choices": [("", "Any date", link(created=""), not filters.created)]
        + [
            (value, label, link(created=value), filters.created == value)
            for value, (label, _) in review.CREATED_WITHIN.items()
        ],
        "companies": review.queue_companies(),
        "sources": review.queue_sources(),
        "previous_link": link(page=str(queue.page - 1)) if queue.page > 1 else "",
        "next_link": link(page=str(queue.page + 1)) if queue.page < queue.pages else "",
        "clear_link": reverse("review_queue"),
    }
    return TemplateResponse(request, "admin/companies/review_queue.html", context)
