"""The review desk: editors approve, correct, reject and merge proposals here.

ModelAdmins stay declarative; every write goes through `companies.services`,
which records the editor in the history. Each action declares the permission
it needs, and the custom views check it again before changing anything.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from . import review, services
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

admin.site.index_template = "admin/companies/index.html"


class CompanyAliasInline(admin.TabularInline):
    model = CompanyAlias
    extra = 1


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 70})}}
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


class ReviewAdmin(SimpleHistoryAdmin):
    """Approve and reject, in bulk from the list or one by one from the form."""

    change_form_template = "admin/companies/review_change_form.html"
    actions = ["approve_selected", "reject_selected"]
    review_readonly_fields = ["review_state"]

    class Media:
        css = {"all": ["companies/admin/review.css"]}

    def has_review_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # The review state changes only through approve and reject, which also
        # check the companies a fact names and record who decided.
        return [*super().get_readonly_fields(request, obj), *self.review_readonly_fields]

    def _decide(self, request, proposals, decide, verb: str) -> int:
        done = 0
        for proposal in proposals:
            try:
                decide(proposal=proposal, actor=request.user)
                done += 1
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.ERROR)
        if done:
            self.message_user(
                request,
                f"{verb} {done} {self.opts.verbose_name_plural if done > 1 else self.opts.verbose_name}.",
                messages.SUCCESS,
            )
        return done

    @admin.action(permissions=["review"], description="Approve selected %(verbose_name_plural)s")
    def approve_selected(self, request, queryset):
        self._decide(request, queryset.order_by("pk"), services.proposal_approve, "Approved")

    @admin.action(permissions=["review"], description="Reject selected %(verbose_name_plural)s")
    def reject_selected(self, request, queryset):
        self._decide(request, queryset.order_by("pk"), services.proposal_reject, "Rejected")

    def _after_decision(self, request, obj, response):
        for button, decide, verb in (
            ("_approve", services.proposal_approve, "Approved"),
            ("_reject", services.proposal_reject, "Rejected"),
        ):
            if button in request.POST:
                if not self.has_review_permission(request, obj):
                    raise PermissionDenied
                if self._decide(request, [obj], decide, verb):
                    # Back to the queue: the next proposal is what the editor wants.
                    return HttpResponseRedirect(reverse("review_queue"))
                return HttpResponseRedirect(request.path)
        return response

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Inline rows (participants, evidence, aliases) have no history of their
        # own; record what changed among them on the fact itself.
        notes = []
        for formset in formsets if change else []:
            parts = []
            if formset.new_objects:
                parts.append("added " + ", ".join(map(str, formset.new_objects)))
            if formset.changed_objects:
                parts.append("changed " + ", ".join(str(obj) for obj, _ in formset.changed_objects))
            if formset.deleted_objects:
                parts.append("removed " + ", ".join(map(str, formset.deleted_objects)))
            if parts:
                notes.append(f"{formset.model._meta.verbose_name_plural.capitalize()}: {'; '.join(parts)}")
        if notes:
            obj = form.instance
            obj._history_user = request.user
            obj._change_reason = " | ".join(notes)[:100]
            obj.save(update_fields=["updated_at"])

    def response_change(self, request, obj):
        return self._after_decision(request, obj, super().response_change(request, obj))

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_decision(request, obj, super().response_add(request, obj, post_url_continue))

    @admin.display(description="Evidence in context")
    def evidence_in_context(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        items = obj.evidence.select_related("article").order_by("article__published_on", "pk")
        if not items:
            return "No article supports this yet."
        return format_html(
            '<div class="evidence-in-context">{}</div>',
            format_html_join(
                "",
                '<blockquote>{}</blockquote><p><a href="{}">{}</a>{}</p>',
                (
                    (
                        review.in_context(item.article.body, item.start, item.end, item.quote),
                        reverse("admin:articles_article_change", args=[item.article_id]),
                        item.article.title,
                        format_html(
                            ' · <a href="{}" rel="noopener noreferrer" target="_blank">original</a>',
                            item.article.canonical_url or item.article.url,
                        )
                        if (item.article.canonical_url or item.article.url)
                        else "",
                    )
                    for item in items
                ),
            ),
        )


class CompanyMergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Company.objects.none(), widget=forms.RadioSelect, empty_label=None, label="Keep"
    )


class AliasAddForm(forms.Form):
    name = forms.CharField(max_length=200, label="Alias")
    reextract = forms.BooleanField(
        required=False, initial=True, label="Re-run extraction over the articles that use this name"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


@admin.register(Company)
class CompanyAdmin(ReviewAdmin):
    list_display = ["name", "slug", "kind", "country", "review_state", "updated_at"]
    list_filter = ["review_state", "kind", "country"]
    search_fields = ["name", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CompanyAliasInline]
    actions = ["approve_selected", "reject_selected", "merge_selected"]
    change_form_template = "admin/companies/company/change_form.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_merge_permission(self, request, obj=None):
        # The merged-away company is deleted.
        return self.has_change_permission(request, obj) and self.has_delete_permission(request, obj)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/alias/",
                self.admin_site.admin_view(self.alias_add_view),
                name="companies_company_alias_add",
            ),
            *super().get_urls(),
        ]

    @admin.action(permissions=["merge"], description="Merge the two selected companies…")
    def merge_selected(self, request, queryset):
        companies = list(queryset.order_by("pk"))
        if len(companies) != 2:
            self.message_user(request, "Select exactly two companies to merge.", messages.WARNING)
            return None
        form = CompanyMergeForm(request.POST if "confirm" in request.POST else None)
        form.fields["survivor"].queryset = queryset
        if form.is_bound and form.is_valid():
            survivor = form.cleaned_data["survivor"]
            other = next(company for company in companies if company.pk != survivor.pk)
            try:
                services.company_merge(survivor=survivor, other=other, actor=request.user)
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.ERROR)
                return None
            self.message_user(
                request,
                f"Merged {other.name} into {survivor.name}; “{other.name}” is now "
                f"an alias of {survivor.name}.",
                messages.SUCCESS,
            )
            return None
        first, second = companies
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge companies",
            "opts": self.opts,
            "form": form,
            "companies": companies,
            "plans": [
                services.company_merge_preview(survivor=first, other=second),
                services.company_merge_preview(survivor=second, other=first),
            ],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/companies/company/merge.html", context)

    def alias_add_view(self, request, object_id):
        """Add another name for the company; optionally re-extract articles that use it."""
        company = get_object_or_404(Company, pk=object_id)
        if not self.admin_site.has_permission(request) or not request.user.has_perm(
            "companies.add_companyalias"
        ):
            raise PermissionDenied
        form = AliasAddForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                alias, article_ids = services.company_alias_add(
                    company=company,
                    name=form.cleaned_data["name"],
                    actor=request.user,
                    reextract=form.cleaned_data["reextract"],
                )
            except ValidationError as exc:
                form.add_error("name", exc)
            else:
                note = (
                    f" Re-running extraction over {len(article_ids)} article(s) that use it."
                    if form.cleaned_data["reextract"]
                    else ""
                )
                self.message_user(
                    request, f"Added “{alias.name}” as an alias of {company.name}.{note}", messages.SUCCESS
                )
                return HttpResponseRedirect(reverse("admin:companies_company_change", args=[company.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Add an alias to {company.name}",
            "opts": self.opts,
            "original": company,
            "form": form,
            "aliases": company.aliases.all(),
        }
        return TemplateResponse(request, "admin/companies/company/alias_add.html", context)


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
class StakeAdmin(ReviewAdmin):
    list_display = ["__str__", "percent", "valid_from", "valid_to", "status", "review_state", "created_at"]
    list_filter = ["review_state", "status"]
    search_fields = ["owner__name", "target__name", "owner__aliases__name", "target__aliases__name"]
    autocomplete_fields = ["owner", "target"]
    review_readonly_fields = ["review_state", "superseded_by", "evidence_in_context"]
    inlines = [StakeEvidenceInline]
    actions = ["approve_selected", "reject_selected", "supersede_selected"]
    list_select_related = ["owner", "target"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("owner", "target")

    def _decide(self, request, proposals, decide, verb):
        done = super()._decide(request, proposals, decide, verb)
        if decide is services.proposal_approve:
            for stake in proposals:
                for rival in services.stake_open_rivals(stake=stake):
                    self.message_user(
                        request,
                        f"{rival} is still open. If “{stake}” replaced it, select both and choose "
                        "“Supersede the earlier of two stakes”.",
                        messages.WARNING,
                    )
        return done

    @admin.action(permissions=["review"], description="Supersede the earlier of two stakes")
    def supersede_selected(self, request, queryset):
        stakes = list(queryset)
        if len(stakes) != 2:
            self.message_user(
                request,
                "Select exactly two stakes: the earlier holding and the one that replaced it.",
                messages.WARNING,
            )
            return
        if all(stake.valid_from is None for stake in stakes):
            self.message_user(
                request,
                "Neither stake says when it started. Give the newer one a valid-from date, then supersede.",
                messages.WARNING,
            )
            return
        earlier, later = sorted(stakes, key=lambda stake: (stake.valid_from is not None, stake.valid_from))
        try:
            services.stake_supersede(earlier=earlier, later=later, actor=request.user)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return
        self.message_user(
            request, f"“{earlier}” now ends on {later.valid_from}, superseded by “{later}”.", messages.SUCCESS
        )


@admin.register(Event)
class EventAdmin(ReviewAdmin):
    list_display = ["title", "kind", "date", "date_precision", "status", "review_state", "created_at"]
    list_filter = ["review_state", "kind", "status", "date_precision"]
    search_fields = ["title", "summary", "participants__company__name"]
    date_hierarchy = "date"
    review_readonly_fields = ["review_state", "evidence_in_context"]
    inlines = [EventParticipantInline, EventEvidenceInline]
    actions = ["approve_selected", "reject_selected", "merge_selected"]

    def has_merge_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and self.has_delete_permission(request, obj)

    @admin.action(permissions=["merge"], description="Merge the selected events (the same happening)…")
    def merge_selected(self, request, queryset):
        events = list(queryset.order_by("date", "pk"))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        survivor_pk = request.POST.get("survivor", "")
        if "confirm" in request.POST and survivor_pk.isdigit():
            survivor = next((event for event in events if event.pk == int(survivor_pk)), None)
            if survivor is None:
                self.message_user(
                    request, "Choose the event to keep among the selected ones.", messages.ERROR
                )
                return None
            merged = 0
            for other in events:
                if other.pk == survivor.pk:
                    continue
                try:
                    survivor = services.event_merge(survivor=survivor, other=other, actor=request.user)
                    merged += 1
                except ValidationError as exc:
                    self.message_user(request, " ".join(exc.messages), messages.ERROR)
            self.message_user(
                request,
                f"Merged {merged} event{'s' if merged != 1 else ''} into “{survivor}”; "
                "their evidence now supports it.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge events",
            "opts": self.opts,
            "events": events,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/companies/event/merge.html", context)


@admin.register(Figure)
class FigureAdmin(ReviewAdmin):
    list_display = ["__str__", "metric", "value", "unit", "period", "review_state", "created_at"]
    list_filter = ["review_state", "metric", "unit"]
    search_fields = ["company__name", "period"]
    autocomplete_fields = ["company"]
    review_readonly_fields = ["review_state", "evidence_in_context"]
    inlines = [FigureEvidenceInline]
    list_select_related = ["company"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "stake", "event", "figure", "extractor"]
    list_filter = ["extractor"]
    search_fields = ["quote", "article__title"]
    raw_id_fields = ["article", "stake", "event", "figure"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("article", "stake__owner", "stake__target", "event", "figure__company")
        )


@admin.register(CompanyMention)
class CompanyMentionAdmin(admin.ModelAdmin):
    list_display = ["company", "article", "count"]
    search_fields = ["company__name", "article__title"]
    raw_id_fields = ["article", "company"]
