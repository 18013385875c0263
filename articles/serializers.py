from rest_framework import serializers

from .models import Article


class ArticleSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.name", read_only=True, default=None)

    class Meta:
        model = Article
        fields = ["id", "title", "url", "canonical_url", "source", "published_on", "fetched_at", "status"]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]
