"""Template helpers for the review desk's admin pages."""

from django import template

from companies.models import ReviewState
from companies.review import KIND_LABELS, KINDS

register = template.Library()


@register.simple_tag(takes_context=True)
def proposals_waiting(context):
    """[(kind, label, count)] of proposals the user may view, and their total."""
    user = context["request"].user
    counts = [
        (kind, KIND_LABELS[kind], model.objects.filter(review_state=ReviewState.PROPOSED).count())
        for kind, model in KINDS.items()
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]
    return {"kinds": counts, "total": sum(count for _, _, count in counts)}
