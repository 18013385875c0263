"""Companies and the facts about them: stakes, events, figures, people.

Every fact carries a review state; only approved facts are public. Every fact
links to the articles that support it through Evidence.
"""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords


class ReviewState(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class FactStatus(models.TextChoices):
    RUMORED = "rumored", "Rumored"
    REPORTED = "reported", "Reported"
    CONFIRMED = "confirmed", "Confirmed"
    DENIED = "denied", "Denied"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class ApprovedQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(review_state=ReviewState.APPROVED)


class Company(models.Model):
    class Kind(models.TextChoices):
        AUTOMAKER = "automaker", "Automaker"
        SUPPLIER = "supplier", "Supplier"
        INVESTOR = "investor", "Investor"
        TECHNOLOGY = "technology", "Technology"
        GOVERNMENT = "government", "Government"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, help_text="Canonical display name.")
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code of the headquarters."
    )
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    # Companies found by extraction wait for an editor; the registry is approved.
    review_state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.PROPOSED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ApprovedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "companies"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="company_name_unique_ci"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("company_detail", args=[self.slug])


class CompanyAlias(models.Model):
    """Another name for a company. An alias resolves to exactly one company."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "company aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="company_alias_unique_ci"),
        ]

    def __str__(self):
        return self.name


class Person(models.Model):
    name = models.CharField(max_length=200)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    role = models.CharField(max_length=120, blank=True)
    review_state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.PROPOSED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = ApprovedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "people"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "company", name="person_unique_per_company_ci"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name


class Stake(models.Model):
    """`owner` holds `percent` of `target` from `valid_from` until `valid_to`."""

    owner = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="stakes_held")
    target = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="stakes_in")
    percent = models.DecimalField(max_digits=7, decimal_places=4)
    valid_from = models.DateField(null=True, blank=True)
    valid_from_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, blank=True
    )
    valid_to = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=FactStatus.choices, default=FactStatus.REPORTED
    )
    review_state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.PROPOSED
    )
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ApprovedQuerySet.as_manager()

    class Meta:
        ordering = ["owner__name", "target__name", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__gt=0) & Q(percent__lte=100),
                name="stake_percent_in_range",
                violation_error_message="A stake is more than 0% and at most 100%.",
            ),
            models.CheckConstraint(
                condition=~Q(owner=F("target")),
                name="stake_owner_is_not_target",
                violation_error_message="A company cannot hold a stake in itself.",
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="stake_valid_to_after_valid_from",
                violation_error_message="A stake cannot end before it starts.",
            ),
            # The same holding re-reported is one stake with more evidence.
            models.UniqueConstraint(
                fields=["owner", "target", "percent"],
                condition=Q(valid_from__isnull=True),
                name="stake_unique_undated",
            ),
            models.UniqueConstraint(
                fields=["owner", "target", "percent", "valid_from"],
                condition=Q(valid_from__isnull=False),
                name="stake_unique_dated",
            ),
        ]

    def __str__(self):
        return f"{self.owner} holds {self.percent.normalize():f}% of {self.target}"


class Event(models.Model):
    class Kind(models.TextChoices):
        MERGER_TALKS = "merger_talks", "Merger talks"
        MERGER_TALKS_ENDED = "merger_talks_ended", "Merger talks ended"
        APPROACH = "approach", "Approach"
        PARTNERSHIP = "partnership", "Partnership"
        STAKE_CHANGE = "stake_change", "Stake change"
        RESTRUCTURING = "restructuring", "Restructuring"
        FINANCIAL_RESULT = "financial_result", "Financial result"
        LEADERSHIP_CHANGE = "leadership_change", "Leadership change"
        PRODUCT_LAUNCH = "product_launch", "Product launch"
        POLICY = "policy", "Policy"

    kind = models.CharField(max_length=24, choices=Kind.choices)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=FactStatus.choices, default=FactStatus.REPORTED
    )
    review_state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.PROPOSED
    )
    companies = models.ManyToManyField(
        Company, through="EventParticipant", related_name="events"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ApprovedQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["review_state", "-date"])]
        constraints = [
            # A date always says how precise it is; no date, no precision.
            models.CheckConstraint(
                condition=(Q(date__isnull=True) & Q(date_precision=""))
                | (Q(date__isnull=False) & Q(date_precision__in=DatePrecision.values)),
                name="event_date_has_precision",
                violation_error_message="Give a date precision (day, month or year) "
                "with a date, and none without one.",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def date_display(self) -> str:
        if self.date is None:
            return "date unknown"
        if self.date_precision == DatePrecision.YEAR:
            return f"{self.date:%Y}"
        if self.date_precision == DatePrecision.MONTH:
            return f"{self.date:%B %Y}"
        return f"{self.date:%-d %B %Y}"


class EventParticipant(models.Model):
    class Role(models.TextChoices):
        PARTICIPANT = "participant", "Participant"
        INITIATOR = "initiator", "Initiator"
        TARGET = "target", "Target"
        PARTNER = "partner", "Partner"
        SUBJECT = "subject", "Subject"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTICIPANT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "company"], name="participant_unique"),
        ]

    def __str__(self):
        return f"{self.company} ({self.get_role_display()})"


class Figure(models.Model):
    class Metric(models.TextChoices):
        SALES_UNITS = "sales_units", "Sales (units)"
        EV_SALES_UNITS = "ev_sales_units", "EV sales (units)"
        NET_INCOME = "net_income", "Net income"
        REVENUE = "revenue", "Revenue"
        COST_SAVINGS = "cost_savings", "Cost savings"
        JOBS_CUT = "jobs_cut", "Jobs cut"
        PLANTS_CLOSED = "plants_closed", "Plants closed"
        MARKET_SHARE = "market_share", "Market share"
        TARIFF_COST = "tariff_cost", "Tariff cost"

    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="figures"
    )
    metric = models.CharField(max_length=16, choices=Metric.choices)
    value = models.DecimalField(max_digits=24, decimal_places=4)
    unit = models.CharField(max_length=16, help_text="USD, JPY, EUR, %, vehicles, jobs, plants…")
    period = models.CharField(max_length=32, blank=True, help_text="FY2024, 2023, 2025-Q1…")
    review_state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.PROPOSED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ApprovedQuerySet.as_manager()

    class Meta:
        ordering = ["company__name", "metric", "period"]

    def __str__(self):
        who = self.company.name if self.company_id else "Industry"
        return f"{who}: {self.get_metric_display()} {self.value.normalize():f} {self.unit}"


class Evidence(models.Model):
    """The sentence of an article that supports one stake, event or figure."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="evidence"
    )
    stake = models.ForeignKey(
        Stake, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    figure = models.ForeignKey(
        Figure, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    quote = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the quote in the article body.")
    end = models.PositiveIntegerField()
    extractor = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(stake__isnull=False, event__isnull=True, figure__isnull=True)
                    | Q(stake__isnull=True, event__isnull=False, figure__isnull=True)
                    | Q(stake__isnull=True, event__isnull=True, figure__isnull=False)
                ),
                name="evidence_supports_exactly_one_fact",
                violation_error_message="Evidence supports exactly one stake, event or figure.",
            ),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="evidence_span_not_empty",
            ),
            models.UniqueConstraint(
                fields=["article", "stake", "start"], name="evidence_unique_stake_span"
            ),
            models.UniqueConstraint(
                fields=["article", "event", "start"], name="evidence_unique_event_span"
            ),
            models.UniqueConstraint(
                fields=["article", "figure", "start"], name="evidence_unique_figure_span"
            ),
        ]

    def __str__(self):
        return f"“{self.quote[:80]}”"


class CompanyMention(models.Model):
    """How often an article names a company; found by extraction."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="mentions"
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="mentions")
    count = models.PositiveIntegerField(default=1)
    first_start = models.PositiveIntegerField(default=0)
    first_end = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "company"], name="mention_unique"),
            models.CheckConstraint(condition=Q(count__gte=1), name="mention_count_positive"),
        ]

    def __str__(self):
        return f"{self.company} in {self.article} ×{self.count}"
