"""The API over articles: read stored articles; submit a URL or text for
ingestion (202 and a job to poll)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.response import Response

from autotracker.rest import RankedCursorPagination

from . import selectors, services
from .filters import ArticleFilter
from .models import IngestionJob
from .serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    IngestionJobSerializer,
    IngestionSubmitSerializer,
)


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """Stored articles, newest first; `q` searches them, best match first."""

    filterset_class = ArticleFilter
    pagination_class = RankedCursorPagination
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.article_list(include_duplicates=True).defer(None)
        return selectors.article_list()

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer


class CanSubmitArticles(permissions.BasePermission):
    message = (
        "Submitting articles needs a signed-in account with the 'Can add article' permission "
        "(the Editors group has it)."
    )

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("articles.add_article"))


class IngestionJobViewSet(
    mixins.CreateModelMixin, mixins.RetrieveModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    """Submit a URL (page or feed) or pasted text; poll the job it returns."""

    serializer_class = IngestionJobSerializer
    permission_classes = [CanSubmitArticles]
    filterset_fields = ["status", "kind"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular reading the types
            return IngestionJob.objects.none()
        return selectors.job_list(user=self.request.user)

    @extend_schema(request=IngestionSubmitSerializer, responses={202: IngestionJobSerializer})
    def create(self, request, *args, **kwargs):
        """Queue an ingestion. The same URL while it is still pending answers with its job."""
        submitted = IngestionSubmitSerializer(data=request.data)
        submitted.is_valid(raise_exception=True)
        data = submitted.validated_data
        if data.get("url"):
            job, _ = services.job_create_url(url=data["url"], requested_by=request.user)
        else:
            job = services.job_create_text(
                text=data["text"],
                title=data.get("title", ""),
                published_on=data.get("published_on"),
                requested_by=request.user,
            )
        job.refresh_from_db()
        body = self.get_serializer(job).data
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})
