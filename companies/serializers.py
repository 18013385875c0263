from rest_framework import serializers

from .models import Company, Event, EventParticipant, Evidence, Figure, Stake


class CompanyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Company
        fields = ["slug", "name"]


class CompanySerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = Company
        fields = ["slug", "name", "kind", "country", "website", "description", "aliases", "review_state"]


class EvidenceSerializer(serializers.ModelSerializer):
    article_title = serializers.CharField(source="article.title", read_only=True)
    article_url = serializers.CharField(source="article.url", read_only=True)

    class Meta:
        model = Evidence
        fields = ["article", "article_title", "article_url", "quote", "start", "end"]


class StakeSerializer(serializers.ModelSerializer):
    owner = CompanyRefSerializer(read_only=True)
    target = CompanyRefSerializer(read_only=True)
    percent = serializers.DecimalField(max_digits=7, decimal_places=4, coerce_to_string=False)
    evidence = EvidenceSerializer(many=True, read_only=True)

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


class EventSerializer(serializers.ModelSerializer):
    participants = ParticipantSerializer(many=True, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id", "kind", "date", "date_precision", "title", "summary", "status",
            "review_state", "participants", "evidence",
        ]


class FigureSerializer(serializers.ModelSerializer):
    company = CompanyRefSerializer(read_only=True)
    value = serializers.DecimalField(max_digits=24, decimal_places=4, coerce_to_string=False)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Figure
        fields = ["id", "company", "metric", "value", "unit", "period", "review_state", "evidence"]
