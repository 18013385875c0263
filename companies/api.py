"""Read-only API over companies and approved facts."""

import django_filters
from rest_framework import viewsets

from . import selectors
from .models import Event, Figure, Stake
from .serializers import CompanySerializer, EventSerializer, FigureSerializer, StakeSerializer


class StakeFilter(django_filters.FilterSet):
    owner = django_filters.CharFilter(field_name="owner__slug")
    target = django_filters.CharFilter(field_name="target__slug")

    class Meta:
        model = Stake
        fields = ["owner", "target", "status"]


class EventFilter(django_filters.FilterSet):
    company = django_filters.CharFilter(field_name="participants__company__slug", distinct=True)
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Event
        fields = ["company", "kind", "status", "date_from", "date_to"]


class FigureFilter(django_filters.FilterSet):
    company = django_filters.CharFilter(field_name="company__slug")

    class Meta:
        model = Figure
        fields = ["company", "metric"]


class CompanyViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CompanySerializer
    lookup_field = "slug"
    filterset_fields = ["kind", "country"]

    def get_queryset(self):
        return selectors.company_list(user=self.request.user)


class StakeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = StakeSerializer
    filterset_class = StakeFilter

    def get_queryset(self):
        return selectors.stake_list(user=self.request.user)


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EventSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        return selectors.event_list(user=self.request.user)


class FigureViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = FigureSerializer
    filterset_class = FigureFilter

    def get_queryset(self):
        return selectors.figure_list(user=self.request.user)
