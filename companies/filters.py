"""Filters shared by the reader pages and the API, so a timeline URL and an API
URL filter the same way (`?company=toyota&kind=partnership&date_from=2024-01-01`)."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from .models import Company, Event, EventParticipant, Figure, Stake


def _participates(queryset, name, value):
    if not value:
        return queryset
    # Look the company up first: with its id in the query, PostgreSQL knows from
    # its statistics whether the company is in ten events or ten thousand and
    # plans accordingly; with only the slug it guesses, badly for big names.
    company_id = Company.objects.filter(slug=value).values_list("id", flat=True).first()
    if company_id is None:
        return queryset.none()
    # A semi-join instead of a JOIN + DISTINCT: one row per event.
    return queryset.filter(Exists(EventParticipant.objects.filter(event=OuterRef("pk"), company_id=company_id)))


class EventFilter(django_filters.FilterSet):
    company = django_filters.CharFilter(
        method=_participates, label="Company", help_text="Slug of a participating company, e.g. `toyota`."
    )
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices, empty_label="Any kind")
    status = django_filters.ChoiceFilter(
        choices=Event._meta.get_field("status").choices, empty_label="Any status"
    )
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="From", help_text="Events on or after (YYYY-MM-DD)."
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="To", help_text="Events on or before (YYYY-MM-DD)."
    )

    class Meta:
        model = Event
        fields = ["company", "kind", "status", "date_from", "date_to"]


class StakeFilter(django_filters.FilterSet):
    owner = django_filters.CharFilter(field_name="owner__slug", help_text="Slug of the holder.")
    target = django_filters.CharFilter(field_name="target__slug", help_text="Slug of the company held.")
    as_of = django_filters.DateFilter(
        method="held_on", help_text="Only stakes held on this date (YYYY-MM-DD)."
    )

    class Meta:
        model = Stake
        fields = ["owner", "target", "status", "as_of"]

    def held_on(self, queryset, name, value):
        return queryset.filter(held_on(value))


def held_on(day) -> Q:
    """Stakes whose validity covers `day`; open ends are open."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


class FigureFilter(django_filters.FilterSet):
    company = django_filters.CharFilter(field_name="company__slug", help_text="Slug of the company.")

    class Meta:
        model = Figure
        fields = ["company", "metric"]
