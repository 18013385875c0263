from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "url", "is_active", "last_fetched_at", "error_count", "next_poll_at"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "url"]
    readonly_fields = ["etag", "last_modified", "last_fetched_at", "last_error", "last_error_at", "error_count"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "source", "published_on", "fetched_at", "status"]
    list_filter = ["status", "source"]
    search_fields = ["title", "url", "canonical_url"]
    date_hierarchy = "fetched_at"
    readonly_fields = ["content_hash", "fetched_at", "created_at"]
    list_select_related = ["source"]
