from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Company,
    CompanyAlias,
    CompanyMention,
    Event,
    EventParticipant,
    Evidence,
    Figure,
    Person,
    Stake,
)


class CompanyAliasInline(admin.TabularInline):
    model = CompanyAlias
    extra = 1


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["article", "quote", "start", "end", "extractor"]
    readonly_fields = ["extractor"]
    raw_id_fields = ["article"]


class StakeEvidenceInline(EvidenceInline):
    fk_name = "stake"


class EventEvidenceInline(EvidenceInline):
    fk_name = "event"


class FigureEvidenceInline(EvidenceInline):
    fk_name = "figure"


class EventParticipantInline(admin.TabularInline):
    model = EventParticipant
    extra = 1
    autocomplete_fields = ["company"]


@admin.register(Company)
class CompanyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "kind", "country", "review_state", "updated_at"]
    list_filter = ["review_state", "kind", "country"]
    search_fields = ["name", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CompanyAliasInline]


@admin.register(CompanyAlias)
class CompanyAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "company"]
    search_fields = ["name", "company__name"]
    autocomplete_fields = ["company"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "role", "company", "review_state"]
    list_filter = ["review_state"]
    search_fields = ["name", "role", "company__name"]
    autocomplete_fields = ["company"]


@admin.register(Stake)
class StakeAdmin(SimpleHistoryAdmin):
    list_display = ["owner", "target", "percent", "valid_from", "valid_to", "status", "review_state"]
    list_filter = ["review_state", "status"]
    search_fields = ["owner__name", "target__name", "owner__aliases__name", "target__aliases__name"]
    autocomplete_fields = ["owner", "target", "superseded_by"]
    inlines = [StakeEvidenceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("owner", "target")


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "date", "date_precision", "status", "review_state"]
    list_filter = ["review_state", "kind", "status", "date_precision"]
    search_fields = ["title", "summary", "participants__company__name"]
    date_hierarchy = "date"
    inlines = [EventParticipantInline, EventEvidenceInline]


@admin.register(Figure)
class FigureAdmin(SimpleHistoryAdmin):
    list_display = ["company", "metric", "value", "unit", "period", "review_state"]
    list_filter = ["review_state", "metric", "unit"]
    search_fields = ["company__name", "period"]
    autocomplete_fields = ["company"]
    inlines = [FigureEvidenceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("company")


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "stake", "event", "figure", "extractor"]
    list_filter = ["extractor"]
    search_fields = ["quote", "article__title"]
    raw_id_fields = ["article", "stake", "event", "figure"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(
            "article", "stake__owner", "stake__target", "event", "figure__company"
        )


@admin.register(CompanyMention)
class CompanyMentionAdmin(admin.ModelAdmin):
    list_display = ["company", "article", "count"]
    search_fields = ["company__name", "article__title"]
    raw_id_fields = ["article", "company"]
