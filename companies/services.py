"""Writes for companies and facts.

Two kinds of writer meet here:

- extraction proposes facts (`stake_propose`, `event_propose`, `figure_propose`,
  `company_propose`) and clears its own proposals before re-running over an
  article (`article_proposals_clear`);
- editors decide (`event_approve`, `stake_reject`, ...), merge duplicates
  (`company_merge`, `event_merge`), add aliases and supersede stakes.

The rule between them: an editor's decision is final. Extraction only ever adds
evidence to a fact an editor approved or rejected; it never changes its fields
or its review state, and a sentence whose fact an editor corrected is attached
to the corrected fact instead of being proposed again.

Every write that an editor makes records the editor in the history
(`instance._history_user`), so the same functions serve the admin, the demo
loader and scripts alike.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model, Q
from django.utils.text import slugify

from .models import (
    Company,
    CompanyAlias,
    CompanyMention,
    DatePrecision,
    Event,
    EventParticipant,
    Evidence,
    FactStatus,
    Figure,
    Person,
    ReviewState,
    Stake,
)

logger = logging.getLogger(__name__)

Fact = Stake | Event | Figure

PERCENT_PLACES = Decimal("0.0001")
FIGURE_PLACES = Decimal("0.0001")
# A second source may report with more certainty; a proposal takes the strongest.
STATUS_STRENGTH = {FactStatus.RUMORED: 0, FactStatus.REPORTED: 1, FactStatus.CONFIRMED: 2}
PRECISION_RANK = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}


# Proposing: what extraction calls ---------------------------------------------


def _decimal(value, places: Decimal, what: str) -> Decimal:
    try:
        return Decimal(str(value)).quantize(places)
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError(f"{what} {value!r} is not a number.") from None


def _with_actor(instance: Model, actor, reason: str = "") -> Model:
    """Make the next save of `instance` record `actor` (and why) in its history."""
    if actor is not None:
        instance._history_user = actor
    if reason:
        instance._change_reason = reason[:100]
    return instance


def _evidence_add(*, fact: Fact, article, quote: str, start: int, end: int, extractor: str) -> Evidence:
    if end <= start:
        raise ValidationError(f"Evidence needs a non-empty span; got start={start}, end={end}.")
    field = type(fact).__name__.lower()
    evidence, _ = Evidence.objects.get_or_create(
        article=article,
        start=start,
        **{field: fact},
        defaults={"quote": quote, "end": end, "extractor": extractor[:40]},
    )
    return evidence


def _originally_proposed_as(
    model: type[Fact], *, article, span: tuple[int, int] | None = None, **values
) -> Fact | None:
    """The reviewed fact that extraction first proposed with `values` from `article`
    (from a sentence overlapping `span`, when given).

    An editor who corrects a proposal (20% → 25%, merger talks → partnership)
    changes the fact's fields; the first history record keeps what was proposed.
    Finding that record lets a re-run attach its sentence to the corrected fact
    instead of proposing the uncorrected one again.
    """
    ids = model.history.filter(history_type="+", **values).values_list("id", flat=True)
    evidence = Evidence.objects.filter(article=article)
    if span is not None:
        # Overlap rather than equality: a later extractor may cut the sentence differently.
        evidence = evidence.filter(start__lt=span[1], end__gt=span[0])
    field = model.__name__.lower()
    return (
        model.objects.filter(pk__in=list(ids))
        .filter(pk__in=evidence.values(field))
        .exclude(review_state=ReviewState.PROPOSED)
        .order_by("pk")
        .first()
    )


def stake_propose(
    *,
    owner: Company,
    target: Company,
    percent,
    valid_from: date | None = None,
    valid_from_precision: str = "",
    status: str = FactStatus.REPORTED,
    article,
    quote: str,
    start: int,
    end: int,
    extractor: str = "",
) -> Stake:
    """Propose that `owner` holds `percent` of `target`, supported by `quote` in `article`.

    The same holding already known (in any review state) gains evidence; nothing
    about it changes.
    """
    percent = _decimal(percent, PERCENT_PLACES, "A stake's percent")
    if not Decimal(0) < percent <= Decimal(100):
        raise ValidationError(f"A stake is more than 0% and at most 100%; got {percent}.")
    if owner.pk == target.pk:
        raise ValidationError(f"{owner} cannot hold a stake in itself.")
    if valid_from is not None and not valid_from_precision:
        valid_from_precision = DatePrecision.DAY
    with transaction.atomic():
        stake = _originally_proposed_as(
            Stake,
            article=article,
            owner_id=owner.pk,
            target_id=target.pk,
            percent=percent,
            valid_from=valid_from,
        )
        if stake is None:
            # get_or_create retries the read when a concurrent insert wins the
            # unique constraint, so two workers end up with one stake.
            stake, _ = Stake.objects.get_or_create(
                owner=owner,
                target=target,
                percent=percent,
                valid_from=valid_from,
                defaults={"valid_from_precision": valid_from_precision, "status": status},
            )
        _evidence_add(fact=stake, article=article, quote=quote, start=start, end=end, extractor=extractor)
    return stake


def _dates_compatible(a: date | None, a_precision: str, b: date | None, b_precision: str) -> bool:
    """Do two reported dates allow the same happening? Compare at the coarser precision."""
    if a is None or b is None:
        return True
    coarser = min(PRECISION_RANK.get(a_precision, 2), PRECISION_RANK.get(b_precision, 2))
    if coarser == 0:
        return a.year == b.year
    if coarser == 1:
        return (a.year, a.month) == (b.year, b.month)
    return a == b


def _same_happening(
    *,
    kind: str,
    companies: Sequence[Company],
    day: date | None,
    precision: str,
    article,
    start: int,
    end: int,
) -> Event | None:
    ids = {company.pk for company in companies}
    # A sentence an editor already reviewed keeps pointing at the reviewed event,
    # whatever the editor changed about it.
    corrected = _originally_proposed_as(Event, article=article, span=(start, end), kind=kind)
    if corrected is not None:
        return corrected
    # Two findings in one article are two events: the extractor already told them
    # apart, so an event this article supports elsewhere is not a candidate.
    candidates = (
        Event.objects.filter(kind=kind).exclude(evidence__article=article).prefetch_related("participants")
    )
    if ids:
        candidates = candidates.filter(participants__company__in=ids).distinct()
    else:
        candidates = candidates.filter(participants__isnull=True)
        if day is None:
            # Nothing ties two company-less, undated reports together but the text.
            return None
    # The same companies, not merely overlapping ones: "Mitsubishi Motors joins
    # Honda and Nissan's alliance" is news beside "Honda and Nissan ally".
    for event in candidates.order_by("pk"):
        if not _dates_compatible(day, precision, event.date, event.date_precision):
            continue
        if ids == {participant.company_id for participant in event.participants.all()}:
            return event
    return None


def _event_refine(event: Event, *, day: date | None, precision: str, status: str) -> None:
    """Let a later source sharpen a still-proposed event's date and certainty."""
    changed = []
    if day is not None and (
        event.date is None or PRECISION_RANK.get(precision, 2) > PRECISION_RANK.get(event.date_precision, 2)
    ):
        event.date, event.date_precision = day, precision
        changed += ["date", "date_precision"]
    if STATUS_STRENGTH.get(status, -1) > STATUS_STRENGTH.get(event.status, 99):
        event.status = status
        changed.append("status")
    if changed:
        event.save(update_fields=[*changed, "updated_at"])


def event_propose(
    *,
    kind: str,
    companies: Sequence[Company],
    title: str,
    article,
    quote: str,
    start: int,
    end: int,
    date: date | None = None,
    date_precision: str = "",
    status: str = FactStatus.REPORTED,
    summary: str = "",
    roles: Mapping[int, str] | None = None,
    extractor: str = "",
) -> Event:
    """Propose an event, or add evidence to the known event for the same happening.

    The same happening is an event of the same kind with the same participants
    whose date is compatible at the coarser of the two precisions. `roles` maps a company's pk to its EventParticipant role.
    """
    if kind not in Event.Kind.values:
        raise ValidationError(f"Unknown event kind {kind!r}; use one of {', '.join(Event.Kind.values)}.")
    if date is not None and not date_precision:
        date_precision = DatePrecision.DAY
    if date is None:
        date_precision = ""
    roles = roles or {}
    companies = list({company.pk: company for company in companies}.values())
    with transaction.atomic():
        # There is no unique key for "the same happening"; locking the participants
        # serialises proposals about the same companies, so two workers cannot both
        # decide the event is new (PostgreSQL; SQLite serialises all writes anyway).
        list(Company.objects.select_for_update().filter(pk__in=[c.pk for c in companies]).order_by("pk"))
        event = _same_happening(
            kind=kind,
            companies=companies,
            day=date,
            precision=date_precision,
            article=article,
            start=start,
            end=end,
        )
        if event is None:
            event = Event.objects.create(
                kind=kind,
                title=title[:300],
                summary=summary,
                date=date,
                date_precision=date_precision,
                status=status,
            )
            for company in companies:
                EventParticipant.objects.create(
                    event=event,
                    company=company,
                    role=roles.get(company.pk, EventParticipant.Role.PARTICIPANT),
                )
        elif event.review_state == ReviewState.PROPOSED:
            _event_refine(event, day=date, precision=date_precision, status=status)
        _evidence_add(fact=event, article=article, quote=quote, start=start, end=end, extractor=extractor)
    return event


def figure_propose(
    *,
    company: Company | None,
    metric: str,
    value,
    unit: str,
    period: str = "",
    article,
    quote: str,
    start: int,
    end: int,
    extractor: str = "",
) -> Figure:
    """Propose a key figure, or add evidence to the same figure already known."""
    if metric not in Figure.Metric.values:
        raise ValidationError(f"Unknown metric {metric!r}; use one of {', '.join(Figure.Metric.values)}.")
    value = _decimal(value, FIGURE_PLACES, "A figure's value")
    values = {
        "company_id": company.pk if company else None,
        "metric": metric,
        "value": value,
        "unit": unit,
        "period": period,
    }
    with transaction.atomic():
        if company is not None:
            # No unique constraint fits a figure (the same number may be reported for
            # several periods); the company's row lock serialises proposals instead.
            Company.objects.select_for_update().filter(pk=company.pk).first()
        figure = _originally_proposed_as(Figure, article=article, **values)
        if figure is None:
            figure = Figure.objects.filter(**values).order_by("pk").first()
        if figure is None:
            figure = Figure.objects.create(**values)
        _evidence_add(fact=figure, article=article, quote=quote, start=start, end=end, extractor=extractor)
    return figure


def _company_resolve(name: str) -> Company | None:
    alias = CompanyAlias.objects.select_related("company").filter(name__iexact=name).first()
    if alias is not None:
        return alias.company
    return Company.objects.filter(name__iexact=name).first()


def company_propose(*, name: str) -> Company:
    """Return the company `name` names, proposing a new one if no alias matches.

    A company an editor rejected is returned as it is, still rejected: finding
    the name again does not bring it back.
    """
    name = " ".join(name.split())[:200]
    if not name:
        raise ValidationError("A company needs a name.")
    existing = _company_resolve(name)
    if existing is not None:
        return existing
    base = slugify(name)[:70] or "company"
    for attempt in range(1, 100):
        slug = base if attempt == 1 else f"{base}-{attempt}"
        if Company.objects.filter(slug=slug).exists():
            continue
        try:
            with transaction.atomic():
                company = Company.objects.create(name=name, slug=slug, review_state=ReviewState.PROPOSED)
                CompanyAlias.objects.create(company=company, name=name)
            return company
        except IntegrityError:
            # Another worker proposed the same name, or took the slug, first.
            existing = _company_resolve(name)
            if existing is not None:
                return existing
    raise ValidationError(f"Could not find a free slug for {name!r}; rename the company.")


def article_proposals_clear(*, article) -> int:
    """Forget what extraction proposed from `article`, before extracting it again.

    Removes this article's evidence on still-proposed facts and deletes the
    proposed facts it leaves without evidence. Approved and rejected facts keep
    all their evidence, so a re-run can only add to them. Returns how many facts
    were deleted.
    """
    deleted = 0
    with transaction.atomic():
        for model in (Stake, Event, Figure):
            field = model.__name__.lower()
            proposed = {f"{field}__review_state": ReviewState.PROPOSED}
            fact_ids = set(
                Evidence.objects.filter(article=article, **proposed).values_list(f"{field}_id", flat=True)
            )
            if not fact_ids:
                continue
            Evidence.objects.filter(article=article, **{f"{field}__in": fact_ids}, **proposed).delete()
            orphans = model.objects.filter(
                pk__in=fact_ids, review_state=ReviewState.PROPOSED, evidence__isnull=True
            )
            # One by one, so each deletion is recorded in the history.
            for fact in orphans:
                fact.delete()
                deleted += 1
    return deleted


# Deciding: what editors do ------------------------------------------------------


def _fact_companies(fact: Fact | Company) -> list[Company]:
    if isinstance(fact, Stake):
        return [fact.owner, fact.target]
    if isinstance(fact, Event):
        return [participant.company for participant in fact.participants.select_related("company")]
    if isinstance(fact, Figure):
        return [fact.company] if fact.company_id else []
    return []


def _review(fact: Fact | Company, *, state: str, actor) -> Fact | Company:
    model = type(fact)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=fact.pk)
        if state == ReviewState.APPROVED:
            # Readers cannot follow a fact to a company page that is not public:
            # approving the fact vouches for the companies it names.
            for company in _fact_companies(locked):
                if company.review_state == ReviewState.REJECTED:
                    raise ValidationError(
                        f"“{locked}” names {company}, which was rejected as a company. "
                        f"Approve {company} first, or correct the fact to name another company."
                    )
                if company.review_state == ReviewState.PROPOSED:
                    _review(company, state=ReviewState.APPROVED, actor=actor)
        if locked.review_state != state:
            locked.review_state = state
            _with_actor(locked, actor)
            locked.save(update_fields=["review_state", "updated_at"])
    fact.review_state = locked.review_state
    return locked


def stake_approve(*, stake: Stake, actor) -> Stake:
    """Publish a stake, and the proposed companies it names."""
    return _review(stake, state=ReviewState.APPROVED, actor=actor)


def stake_reject(*, stake: Stake, actor) -> Stake:
    """Keep a stake from readers; extraction finding it again will not revive it."""
    return _review(stake, state=ReviewState.REJECTED, actor=actor)


def event_approve(*, event: Event, actor) -> Event:
    """Publish an event on the timeline, and the proposed companies taking part."""
    return _review(event, state=ReviewState.APPROVED, actor=actor)


def event_reject(*, event: Event, actor) -> Event:
    """Keep an event off the timeline; extraction finding it again will not revive it."""
    return _review(event, state=ReviewState.REJECTED, actor=actor)


def figure_approve(*, figure: Figure, actor) -> Figure:
    return _review(figure, state=ReviewState.APPROVED, actor=actor)


def figure_reject(*, figure: Figure, actor) -> Figure:
    return _review(figure, state=ReviewState.REJECTED, actor=actor)


def company_approve(*, company: Company, actor) -> Company:
    """Give a company found by extraction its public page."""
    return _review(company, state=ReviewState.APPROVED, actor=actor)


def company_reject(*, company: Company, actor) -> Company:
    return _review(company, state=ReviewState.REJECTED, actor=actor)


def proposal_approve(*, proposal: Fact | Company, actor):
    """Approve a stake, event, figure or company."""
    return _review(proposal, state=ReviewState.APPROVED, actor=actor)


def proposal_reject(*, proposal: Fact | Company, actor):
    """Reject a stake, event, figure or company."""
    return _review(proposal, state=ReviewState.REJECTED, actor=actor)


@dataclass
class ApprovalReport:
    approved: int = 0
    failed: list[str] | None = None


def proposals_approve_all(*, articles: Iterable, actor) -> ApprovalReport:
    """Approve every proposal the given articles support (the demo's stand-in editor).

    Rejected facts stay rejected. A fact that cannot be approved (it names a
    rejected company) is reported, not approved.
    """
    article_ids = [getattr(article, "pk", article) for article in articles]
    report = ApprovalReport(failed=[])
    proposed = Q(review_state=ReviewState.PROPOSED, evidence__article__in=article_ids)
    companies = Company.objects.filter(
        review_state=ReviewState.PROPOSED, mentions__article__in=article_ids
    ).distinct()
    for queryset in (
        companies,
        Stake.objects.filter(proposed).distinct(),
        Event.objects.filter(proposed).distinct(),
        Figure.objects.filter(proposed).distinct(),
    ):
        for proposal in queryset.order_by("pk"):
            try:
                proposal_approve(proposal=proposal, actor=actor)
                report.approved += 1
            except ValidationError as exc:
                report.failed.append(" ".join(exc.messages))
    return report


# Keeping the data clean ---------------------------------------------------------


def stake_supersede(*, earlier: Stake, later: Stake, actor, on: date | None = None) -> Stake:
    """Close `earlier` because `later` replaced it (Renault's 43.4% of Nissan became 15%).

    The earlier stake is kept, valid until `on` (default: the day `later` starts),
    so who owned what stays queryable.
    """
    if earlier.pk == later.pk:
        raise ValidationError("Pick two different stakes: the earlier holding and the one replacing it.")
    if (earlier.owner_id, earlier.target_id) != (later.owner_id, later.target_id):
        raise ValidationError(
            f"“{later}” cannot supersede “{earlier}”: a stake only replaces a holding of the "
            "same owner in the same company."
        )
    if later.review_state == ReviewState.REJECTED:
        raise ValidationError(f"“{later}” was rejected; approve it before it can replace “{earlier}”.")
    end = on or later.valid_from
    if end is None:
        raise ValidationError(
            f"Give “{later}” a valid-from date (when the new holding started) first: "
            f"the earlier stake ends then."
        )
    if earlier.valid_from is not None and end < earlier.valid_from:
        raise ValidationError(
            f"“{earlier}” started on {earlier.valid_from}, after {end}: it cannot end before it starts. "
            "Check which of the two is the earlier holding."
        )
    with transaction.atomic():
        locked = Stake.objects.select_for_update().get(pk=earlier.pk)
        locked.valid_to = end
        locked.superseded_by = later
        _with_actor(locked, actor, f"Superseded by stake #{later.pk}")
        locked.save(update_fields=["valid_to", "superseded_by", "updated_at"])
    return locked


def stake_open_rivals(*, stake: Stake):
    """Approved, still-open holdings of the same owner in the same company at another percent."""
    return (
        Stake.objects.approved()
        .filter(owner=stake.owner_id, target=stake.target_id, valid_to__isnull=True)
        .exclude(pk=stake.pk)
        .exclude(percent=stake.percent)
    )


@dataclass
class CompanyMergePlan:
    """What merging `other` into `survivor` moves, combines or drops."""

    survivor: Company
    other: Company
    aliases: int
    stakes_moved: int
    stakes_combined: int
    stakes_dropped: int
    participations_moved: int
    participations_combined: int
    figures: int
    mentions: int
    people: int


def _stake_after_merge(stake: Stake, survivor: Company, other: Company) -> tuple[int, int]:
    owner = survivor.pk if stake.owner_id == other.pk else stake.owner_id
    target = survivor.pk if stake.target_id == other.pk else stake.target_id
    return owner, target


def _stake_twin(stake: Stake, owner: int, target: int) -> Stake | None:
    return (
        Stake.objects.filter(owner=owner, target=target, percent=stake.percent, valid_from=stake.valid_from)
        .exclude(pk=stake.pk)
        .first()
    )


def company_merge_preview(*, survivor: Company, other: Company) -> CompanyMergePlan:
    """Say what `company_merge` would do, without doing it."""
    if survivor.pk == other.pk:
        raise ValidationError("Pick two different companies to merge.")
    moved = combined = dropped = 0
    for stake in Stake.objects.filter(Q(owner=other) | Q(target=other)):
        owner, target = _stake_after_merge(stake, survivor, other)
        if owner == target:
            dropped += 1
        elif _stake_twin(stake, owner, target) is not None:
            combined += 1
        else:
            moved += 1
    survivor_events = EventParticipant.objects.filter(company=survivor).values("event")
    participations = EventParticipant.objects.filter(company=other)
    return CompanyMergePlan(
        survivor=survivor,
        other=other,
        aliases=CompanyAlias.objects.filter(company=other).count(),
        stakes_moved=moved,
        stakes_combined=combined,
        stakes_dropped=dropped,
        participations_moved=participations.exclude(event__in=survivor_events).count(),
        participations_combined=participations.filter(event__in=survivor_events).count(),
        figures=Figure.objects.filter(company=other).count(),
        mentions=CompanyMention.objects.filter(company=other).count(),
        people=Person.objects.filter(company=other).count(),
    )


def _evidence_move(evidence: Iterable[Evidence], *, to: Fact) -> None:
    field = type(to).__name__.lower()
    for item in evidence:
        if Evidence.objects.filter(article=item.article_id, start=item.start, **{field: to}).exists():
            item.delete()  # the survivor already quotes this sentence
        else:
            setattr(item, field, to)
            item.save(update_fields=[field])


_STATE_WEIGHT = {ReviewState.APPROVED: 2, ReviewState.PROPOSED: 1, ReviewState.REJECTED: 0}


def company_merge(*, survivor: Company, other: Company, actor) -> CompanyMergePlan:
    """Fold `other` into `survivor`: its aliases, stakes, events, figures, mentions
    and people move over, its name becomes an alias, and `other` is deleted.

    A stake between the two would become a holding in itself and is deleted; a
    stake or participation the survivor already has is combined with its twin.
    """
    with transaction.atomic():
        companies = {
            c.pk: c for c in Company.objects.select_for_update().filter(pk__in=[survivor.pk, other.pk])
        }
        if len(companies) != 2:
            raise ValidationError("Pick two different companies that still exist.")
        survivor, other = companies[survivor.pk], companies[other.pk]
        plan = company_merge_preview(survivor=survivor, other=other)
        reason = f"Merged {other.name} into {survivor.name}"

        for alias in CompanyAlias.objects.filter(company=other):
            alias.company = survivor
            _with_actor(alias, actor, reason).save()

        for stake in Stake.objects.filter(Q(owner=other) | Q(target=other)).order_by("pk"):
            owner, target = _stake_after_merge(stake, survivor, other)
            if owner == target:
                _with_actor(stake, actor, reason).delete()
                continue
            twin = _stake_twin(stake, owner, target)
            if twin is None:
                stake.owner_id, stake.target_id = owner, target
                _with_actor(stake, actor, reason).save()
                continue
            _evidence_move(stake.evidence.all(), to=twin)
            for replaced in Stake.objects.filter(superseded_by=stake):
                replaced.superseded_by = twin
                _with_actor(replaced, actor, reason).save()
            if _STATE_WEIGHT[stake.review_state] > _STATE_WEIGHT[twin.review_state]:
                twin.review_state = stake.review_state
                _with_actor(twin, actor, reason).save()
            _with_actor(stake, actor, reason).delete()

        for participant in EventParticipant.objects.filter(company=other).select_related("event"):
            if EventParticipant.objects.filter(event=participant.event_id, company=survivor).exists():
                participant.delete()
            else:
                participant.company = survivor
                participant.save(update_fields=["company"])
            _with_actor(participant.event, actor, reason).save(update_fields=["updated_at"])

        for figure in Figure.objects.filter(company=other):
            figure.company = survivor
            _with_actor(figure, actor, reason).save()

        for mention in CompanyMention.objects.filter(company=other):
            twin = CompanyMention.objects.filter(article=mention.article_id, company=survivor).first()
            if twin is None:
                mention.company = survivor
                mention.save(update_fields=["company"])
                continue
            twin.count += mention.count
            if mention.first_start < twin.first_start:
                twin.first_start, twin.first_end = mention.first_start, mention.first_end
            twin.save()
            mention.delete()

        for person in Person.objects.filter(company=other):
            if Person.objects.filter(company=survivor, name__iexact=person.name).exists():
                _with_actor(person, actor, reason).delete()
            else:
                person.company = survivor
                _with_actor(person, actor, reason).save()

        name = other.name
        _with_actor(other, actor, reason).delete()
        if not CompanyAlias.objects.filter(name__iexact=name).exists():
            _with_actor(CompanyAlias(company=survivor, name=name), actor, reason).save()
        _with_actor(survivor, actor, reason).save(update_fields=["updated_at"])
    return plan


def event_merge(*, survivor: Event, other: Event, actor) -> Event:
    """Fold `other` into `survivor` when both are the same happening.

    Evidence and participants move to the survivor; the survivor keeps its own
    kind, title and status and takes `other`'s date or summary only where it
    has none. `other` is deleted.
    """
    with transaction.atomic():
        events = {e.pk: e for e in Event.objects.select_for_update().filter(pk__in=[survivor.pk, other.pk])}
        if len(events) != 2:
            raise ValidationError("Pick two different events that still exist.")
        survivor, other = events[survivor.pk], events[other.pk]
        _evidence_move(other.evidence.all(), to=survivor)
        for participant in other.participants.all():
            if not survivor.participants.filter(company=participant.company_id).exists():
                participant.event = survivor
                participant.save(update_fields=["event"])
        if survivor.date is None and other.date is not None:
            survivor.date, survivor.date_precision = other.date, other.date_precision
        if not survivor.summary and other.summary:
            survivor.summary = other.summary
        if _STATE_WEIGHT[other.review_state] > _STATE_WEIGHT[survivor.review_state]:
            survivor.review_state = other.review_state
        title = other.title
        _with_actor(other, actor, f"Merged into event #{survivor.pk}").delete()
        _with_actor(survivor, actor, f"Merged “{title}” into this event").save()
    return survivor


def articles_naming(*, name: str) -> list[int]:
    """Primary keys of the articles whose text names `name` as a whole word."""
    from articles.models import Article

    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    candidates = Article.objects.filter(body__icontains=name).only("pk", "body").order_by("pk")
    return [article.pk for article in candidates.iterator() if pattern.search(article.body)]


def _articles_reextract(article_ids: Sequence[int]) -> None:
    """Queue extraction of each article (a worker runs it; without a broker it runs here)."""
    try:
        from extraction.tasks import article_extract
    except ImportError:
        logger.warning("Extraction is not available; %d article(s) were not re-extracted.", len(article_ids))
        return
    for article_id in article_ids:
        article_extract.delay(article_id)


def company_alias_add(
    *, company: Company, name: str, actor, reextract: bool = False
) -> tuple[CompanyAlias, list[int]]:
    """Add another name for `company`; optionally re-run extraction over the
    articles that use it (after the transaction commits).

    Returns the alias and the articles queued for re-extraction.
    """
    name = " ".join(name.split())[:200]
    if not name:
        raise ValidationError("Type the alias to add.")
    clash = CompanyAlias.objects.filter(name__iexact=name).select_related("company").first()
    if clash is not None and clash.company_id != company.pk:
        raise ValidationError(
            f"“{name}” already names {clash.company}. If both are the same company, merge them; "
            f"otherwise remove the alias from {clash.company} first."
        )
    alias = clash
    if alias is None:
        try:
            with transaction.atomic():
                alias = _with_actor(CompanyAlias(company=company, name=name), actor)
                alias.save()
        except IntegrityError:
            raise ValidationError(f"“{name}” was just added to another company; reload and check.") from None
    article_ids = articles_naming(name=name) if reextract else []
    if article_ids:
        transaction.on_commit(lambda: _articles_reextract(article_ids))
    return alias, article_ids


# Permissions --------------------------------------------------------------------


def administrators_grant_all(*, using: str = "default") -> None:
    """Give the Administrators group every permission, including those of apps
    installed after the group was created."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.using(using).filter(name="Administrators").first()
    if group is not None:
        group.permissions.set(Permission.objects.using(using).all())
