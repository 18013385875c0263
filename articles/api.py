"""Read-only API over stored articles."""

from rest_framework import viewsets

from . import selectors
from .serializers import ArticleDetailSerializer, ArticleSerializer


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_fields = ["status", "published_on"]

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.article_list().defer(None)
        return selectors.article_list()

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer
