"""The API's JSON shapes. Every fact carries `evidence`: the quoted sentence,
the article it comes from and links to that article here and at its source."""

import functools

from django.urls import reverse
from rest_framework import serializers

from .models import Company, Event, EventParticipant, Evidence, Figure, Stake


@functools.cache
def _path_pattern(url_name: str) -> str:
    """'/events/{}/' for 'event_detail': reverse once, format per object."""
    return reverse(url_name, args=[_PLACEHOLDER]).replace(str(_PLACEHOLDER), "{}")


_PLACEHOLDER = 9_876_543_210


def _link(serializer, url_name: str, key, fragment: str = "") -> str:
    """An absolute link to a reader page; the site's address is worked out once per response."""
    context = serializer.context
    if "site" not in context:
        request = context.get("request")
        context["site"] = request.build_absolute_uri("/")[:-1] if request is not None else ""
    return context["site"] + _path_pattern(url_name).format(key) + fragment


class CompanyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Company
        fields = ["slug", "name"]

    # The nested shapes below are written out by hand: a page of events holds
    # hundreds of them, and DRF's per-field machinery would cost more than the
    # queries. Their declared fields still describe them in the schema, and the
    # schemathesis run checks that the two agree.
    def to_representation(self, company):
        return {"slug": company.slug, "name": company.name}


class CompanySerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    page_url = serializers.SerializerMethodField(help_text="The company's page for readers.")
    timeline_url = serializers.SerializerMethodField(help_text="Its approved events, in the API.")

    class Meta:
        model = Company
        fields = [
            "slug", "name", "kind", "country", "website", "description", "aliases", "review_state",
            "page_url", "timeline_url",
        ]

    def get_page_url(self, company) -> str:
        return _link(self, "company_detail", company.slug)

    def get_timeline_url(self, company) -> str:
        return _link(self, "company-timeline", company.slug)


class EvidenceSerializer(serializers.ModelSerializer):
    article_title = serializers.CharField(source="article.title", read_only=True)
    article_url = serializers.CharField(
        source="article.url", read_only=True, help_text="Where the article was published, if known."
    )
    article_published_on = serializers.DateField(source="article.published_on", read_only=True, allow_null=True)
    article_page_url = serializers.SerializerMethodField(
        help_text="The article here, scrolled to the quoted sentence."
    )

    class Meta:
        model = Evidence
        fields = [
            "article", "article_title", "article_url", "article_published_on", "article_page_url",
            "quote", "start", "end",
        ]

    def to_representation(self, evidence):
        article = evidence.article
        return {
            "article": evidence.article_id,
            "article_title": article.title,
            "article_url": article.url,
            "article_published_on": article.published_on.isoformat() if article.published_on else None,
            "article_page_url": self.get_article_page_url(evidence),
            "quote": evidence.quote,
            "start": evidence.start,
            "end": evidence.end,
        }

    def get_article_page_url(self, evidence) -> str:
        return _link(self, "article_detail", evidence.article_id, f"#evidence-{evidence.pk}")


class StakeSerializer(serializers.ModelSerializer):
    owner = CompanyRefSerializer(read_only=True)
    target = CompanyRefSerializer(read_only=True)
    percent = serializers.DecimalField(max_digits=7, decimal_places=4, coerce_to_string=False)
    evidence = EvidenceSerializer(source="evidence_list", many=True, read_only=True)

    class Meta:
        model = Stake
        fields = [
            "id", "owner", "target", "percent", "valid_from", "valid_from_precision",
            "valid_to", "status", "review_state", "evidence",
        ]


class ParticipantSerializer(serializers.ModelSerializer):
    company = CompanyRefSerializer(read_only=True)

    class Meta:
        model = EventParticipant
        fields = ["company", "role"]

    def to_representation(self, participant):
        company = participant.company
        return {"company": {"slug": company.slug, "name": company.name}, "role": participant.role}


class EventSerializer(serializers.ModelSerializer):
    participants = ParticipantSerializer(source="participant_list", many=True, read_only=True)
    evidence = EvidenceSerializer(source="evidence_list", many=True, read_only=True)
    page_url = serializers.SerializerMethodField(help_text="The event's page for readers.")

    class Meta:
        model = Event
        fields = [
            "id", "kind", "date", "date_precision", "title", "summary", "status",
            "review_state", "participants", "evidence", "page_url",
        ]

    def get_page_url(self, event) -> str:
        return _link(self, "event_detail", event.pk)


class FigureSerializer(serializers.ModelSerializer):
    company = CompanyRefSerializer(read_only=True, allow_null=True)
    value = serializers.DecimalField(max_digits=24, decimal_places=4, coerce_to_string=False)
    evidence = EvidenceSerializer(source="evidence_list", many=True, read_only=True)

    class Meta:
        model = Figure
        fields = ["id", "company", "metric", "value", "unit", "period", "review_state", "evidence"]


class AllianceSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Title of the partnership event that formed it.")
    since = serializers.DateField(allow_null=True)
    event = serializers.IntegerField(source="event_id", help_text="Id of that event.")
    members = CompanyRefSerializer(many=True)


class NetworkSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    companies = CompanyRefSerializer(many=True)
    stakes = StakeSerializer(many=True, help_text="Stakes held on `as_of`: owner holds percent of target.")
    alliances = AllianceSerializer(many=True)


class NetworkQuerySerializer(serializers.Serializer):
    as_of = serializers.DateField(required=False, help_text="The date (YYYY-MM-DD); today if left out.")
    company = serializers.SlugField(required=False, help_text="Only this company's stakes and alliances.")
