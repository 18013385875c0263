"""Read-only API over companies and approved facts.

Anonymous clients and tokens without staff rights see approved facts only
(`selectors.visible`); staff see proposals too. Long lists (events) use cursor
pagination, short ones page numbers.
"""

import datetime

from django.urls import Resolver404, resolve
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.decorators import action, api_view, permission_classes, schema
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from autotracker.rest import NewestFirstCursorPagination, PagePagination

from . import selectors
from .filters import EventFilter, FigureFilter, StakeFilter
from .serializers import (
    CompanySerializer,
    EventSerializer,
    FigureSerializer,
    NetworkQuerySerializer,
    NetworkSerializer,
    StakeSerializer,
)

# Ids in URLs: digits that fit a bigint; anything else is a 404, not a database error.
ID_PATTERN = r"[0-9]{1,18}"


class EventCursorPagination(NewestFirstCursorPagination):
    # `sort_date` is the event date with undated events last (selectors.event_list).
    ordering = ("-sort_date", "-id")


class CompanyViewSet(viewsets.ReadOnlyModelViewSet):
    """Companies in the registry, with every name they go by."""

    serializer_class = CompanySerializer
    pagination_class = PagePagination
    lookup_field = "slug"
    filterset_fields = ["kind", "country"]
    filterset_class = None  # set by the timeline action

    def get_queryset(self):
        if self.action == "timeline":
            return selectors.event_list(user=self.request.user)
        return selectors.company_list(user=self.request.user).order_by("name")

    @extend_schema(
        summary="A company's events",
        description="The company's approved events, newest first, filtered like /events/.",
        parameters=[
            OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The company's slug."),
            OpenApiParameter("company", exclude=True),
        ],
        responses=EventSerializer(many=True),
        filters=True,
    )
    @action(
        detail=True,
        serializer_class=EventSerializer,
        pagination_class=EventCursorPagination,
        filterset_class=EventFilter,
    )
    def timeline(self, request, slug=None):
        company = get_object_or_404(selectors.company_list(user=request.user), slug=slug)
        # The company comes from the path; the query string filters by kind, status and date.
        params = request.query_params.copy()
        params.pop("company", None)
        events = self.get_queryset().filter(participants__company=company)
        filters = EventFilter(params, queryset=events, request=request)
        if not filters.is_valid():
            raise exceptions.ValidationError(filters.errors)
        page = self.paginate_queryset(filters.qs)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class StakeViewSet(viewsets.ReadOnlyModelViewSet):
    """Equity stakes: `owner` holds `percent` of `target` from `valid_from` to `valid_to`."""

    serializer_class = StakeSerializer
    pagination_class = PagePagination
    lookup_value_regex = ID_PATTERN
    filterset_class = StakeFilter

    def get_queryset(self):
        return selectors.stake_list(user=self.request.user).order_by("owner__name", "target__name", "-valid_from", "id")


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """Events with participants and the sentences that report them, newest first."""

    serializer_class = EventSerializer
    pagination_class = EventCursorPagination
    filterset_class = EventFilter
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        return selectors.event_list(user=self.request.user)


class FigureViewSet(viewsets.ReadOnlyModelViewSet):
    """Key figures: a metric's value and unit for a period, for a company or the industry."""

    serializer_class = FigureSerializer
    pagination_class = PagePagination
    lookup_value_regex = ID_PATTERN
    filterset_class = FigureFilter

    def get_queryset(self):
        return selectors.figure_list(user=self.request.user).order_by("company__name", "metric", "period", "id")


class NetworkView(APIView):
    """The ownership network on a date: companies, the stakes held then, and alliances formed by then."""

    permission_classes = [AllowAny]

    @extend_schema(parameters=[NetworkQuerySerializer], responses=NetworkSerializer)
    def get(self, request):
        query = NetworkQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        company = None
        if query.validated_data.get("company"):
            company = selectors.company_page(slug=query.validated_data["company"])
            if company is None:
                raise exceptions.NotFound("No approved company has that slug.")
        as_of = query.validated_data.get("as_of") or datetime.date.today()
        network = selectors.network_as_of(as_of=as_of, company=company)
        selectors.with_evidence(network.stakes)
        return Response(NetworkSerializer(network, context={"request": request}).data)


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
@schema(None)
def api_not_found(request, *args, **kwargs):
    path = request.path
    if not path.endswith("/"):
        try:
            match = resolve(path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            raise exceptions.NotFound(f"No such endpoint. Did you mean {path}/ (with the slash)?")
    raise exceptions.NotFound("No such endpoint. The API's endpoints are listed at /api/v1/ and /api/docs/.")
