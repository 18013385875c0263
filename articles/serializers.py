from rest_framework import serializers

from .models import Article, IngestionJob


class MentionSerializer(serializers.Serializer):
    slug = serializers.CharField(source="company.slug")
    name = serializers.CharField(source="company.name")
    count = serializers.IntegerField(help_text="How often the article names it.")


class ArticleSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.name", read_only=True, default=None, allow_null=True)
    companies = MentionSerializer(source="mentions", many=True, read_only=True)
    page_url = serializers.SerializerMethodField(help_text="The article's page for readers.")

    class Meta:
        model = Article
        fields = [
            "id", "title", "url", "canonical_url", "source", "published_on", "fetched_at", "status",
            "companies", "page_url",
        ]

    def get_page_url(self, article) -> str:
        request = self.context.get("request")
        path = article.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]


class IngestionSubmitSerializer(serializers.Serializer):
    """Either a URL (a page or a feed) or pasted text, with an optional title and date."""

    url = serializers.URLField(required=False, max_length=2000)
    text = serializers.CharField(required=False, trim_whitespace=False, max_length=5_000_000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    published_on = serializers.DateField(required=False, allow_null=True)

    def validate_url(self, value):
        from .fetching import UnsafeURLError, check_url

        try:
            check_url(value)
        except UnsafeURLError as error:
            raise serializers.ValidationError(str(error)) from None
        return value

    def validate(self, data):
        if bool(data.get("url")) == bool(data.get("text", "").strip()):
            raise serializers.ValidationError(
                "Send either 'url' (a page or feed address) or 'text' (the article's text), not both or neither."
            )
        if data.get("url") and (data.get("title") or data.get("published_on")):
            raise serializers.ValidationError(
                "'title' and 'published_on' go with 'text'; a page's own title and date are read from it."
            )
        return data


class IngestionJobSerializer(serializers.ModelSerializer):
    """A submitted ingestion and how it went; poll `url` until `status` is done or failed."""

    url = serializers.HyperlinkedIdentityField(view_name="ingestion-detail")
    input = serializers.SerializerMethodField()
    article = serializers.SerializerMethodField()
    items = serializers.SerializerMethodField()

    class Meta:
        model = IngestionJob
        fields = [
            "id", "url", "kind", "status", "input", "outcome", "article", "items", "error",
            "created_at", "started_at", "finished_at",
        ]

    def get_input(self, job) -> str:
        return job.url or job.file_name or job.title or "pasted text"

    def get_article(self, job) -> dict | None:
        if job.article_id is None:
            return None
        request = self.context.get("request")
        path = job.article.get_absolute_url()
        return {
            "id": job.article_id,
            "title": job.article.title,
            "url": request.build_absolute_uri(path) if request else path,
            "duplicate_of": job.article.duplicate_of_id,
        }

    def get_items(self, job) -> dict | None:
        """For a feed: how its items went."""
        if job.kind != IngestionJob.Kind.FEED:
            return None
        from .selectors import job_item_counts

        return job_item_counts(job=job)
