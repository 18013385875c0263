from django.contrib import admin, messages
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import Article, IngestionJob, Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "url", "is_active", "last_fetched_at", "health", "next_poll_at"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "url"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_fetched_at",
        "last_error",
        "last_error_at",
        "error_count",
        "next_poll_at",
    ]
    fieldsets = [
        (None, {"fields": ["name", "url", "kind", "poll_interval", "is_active"]}),
        (
            "Polling",
            {
                "description": "A failing source is tried again later and later (doubling, capped); "
                "it is never switched off by itself. 'Poll now' tries at once.",
                "fields": [
                    "last_fetched_at",
                    "next_poll_at",
                    "error_count",
                    "last_error_at",
                    "last_error",
                    "etag",
                    "last_modified",
                ],
            },
        ),
    ]
    actions = ["poll_now"]

    @admin.display(description="Health")
    def health(self, source):
        if not source.error_count:
            return "OK"
        return format_html(
            '<span title="{}">{} error(s) in a row: {}</span>',
            source.last_error,
            source.error_count,
            source.last_error[:80],
        )

    @admin.action(permissions=["change"], description="Poll now")
    def poll_now(self, request, queryset):
        """Poll the selected sources at once, whatever their schedule or back-off."""
        for source in queryset:
            services.source_poll_now(source=source)
        self.message_user(request, f"Polling {queryset.count()} source(s) now.", messages.SUCCESS)


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "source", "published_on", "fetched_at", "status", "duplicate_of"]
    list_filter = ["status", "source"]
    search_fields = ["title", "url", "canonical_url"]
    date_hierarchy = "fetched_at"
    readonly_fields = ["content_hash", "fetched_at", "created_at", "duplicate_of"]
    list_select_related = ["source", "duplicate_of"]


@admin.register(IngestionJob)
class IngestionJobAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "kind",
        "what",
        "status",
        "outcome",
        "article",
        "requested_by",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "kind", "outcome", "source"]
    search_fields = ["url", "file_name", "title", "error"]
    date_hierarchy = "created_at"
    list_select_related = ["article", "requested_by"]
    readonly_fields = [
        "kind",
        "status",
        "url",
        "file_name",
        "title",
        "published_on",
        "content_type",
        "source",
        "parent",
        "requested_by",
        "outcome",
        "article",
        "items_found",
        "error",
        "attempts",
        "lease_expires_at",
        "created_at",
        "started_at",
        "finished_at",
    ]
    actions = ["run_again"]

    @admin.display(description="Input")
    def what(self, job):
        return job.url or job.file_name or job.title or "pasted text"

    def has_add_permission(self, request):
        # Jobs come from the API, the ingest command and feed polls.
        return False

    @admin.action(permissions=["change"], description="Run again (failed jobs)")
    def run_again(self, request, queryset):
        """Queue the selected failed jobs again."""
        failed = list(queryset.filter(status=IngestionJob.Status.FAILED, kind__in=["url", "feed"]))
        for job in failed:
            services.job_create_url(url=job.url, requested_by=request.user, source=job.source)
        skipped = queryset.count() - len(failed)
        self.message_user(
            request,
            f"Queued {len(failed)} URL(s) again."
            + (f" {skipped} skipped: only failed URL jobs can be run again." if skipped else ""),
            messages.SUCCESS,
        )
