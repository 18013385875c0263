from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article
from companies import services
from companies.models import (
    Company,
    CompanyAlias,
    CompanyMention,
    DatePrecision,
    Event,
    EventParticipant,
    Evidence,
    Figure,
    Person,
    ReviewState,
    Stake,
)

pytestmark = pytest.mark.django_db


def make_article(body: str, title: str = "An article", **extra) -> Article:
    return Article.objects.create(
        title=title,
        body=body,
        content_hash=f"hash-{Article.objects.count()}-{len(body)}",
        fetched_at=timezone.now(),
        **extra,
    )


def span(article: Article, quote: str) -> dict:
    start = article.body.index(quote)
    return {"article": article, "quote": quote, "start": start, "end": start + len(quote)}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(username="ed", password="pw", is_staff=True)


@pytest.fixture
def renault(db):
    return Company.objects.get(slug="renault")


@pytest.fixture
def subaru(db):
    return Company.objects.get(slug="subaru")


@pytest.fixture
def mitsubishi_motors(db):
    return Company.objects.get(slug="mitsubishi-motors")


TALKS = "Honda and Nissan opened merger talks on Monday."


def propose_talks(article, honda, nissan, **changes):
    values = dict(
        kind=Event.Kind.MERGER_TALKS,
        companies=[honda, nissan],
        title="Honda and Nissan open talks",
        date=date(2024, 12, 23),
        date_precision=DatePrecision.DAY,
        status="confirmed",
        **span(article, TALKS),
    )
    values.update(changes)
    return services.event_propose(**values)


# Proposing ------------------------------------------------------------------------


def test_a_stake_reported_by_two_articles_is_one_stake_with_two_pieces_of_evidence(toyota, subaru):
    first = make_article("Toyota holds 20% of Subaru.")
    second = make_article("Subaru, in which Toyota holds 20%, said nothing.")
    a = services.stake_propose(
        owner=toyota, target=subaru, percent=20.0, **span(first, "Toyota holds 20% of Subaru.")
    )
    b = services.stake_propose(
        owner=toyota, target=subaru, percent="20", **span(second, "Subaru, in which Toyota holds 20%")
    )
    assert a.pk == b.pk
    assert a.review_state == ReviewState.PROPOSED
    assert set(a.evidence.values_list("article", flat=True)) == {first.pk, second.pk}


def test_proposing_the_same_sentence_twice_adds_no_evidence(toyota, subaru):
    article = make_article("Toyota holds 20% of Subaru.")
    for _ in range(2):
        stake = services.stake_propose(
            owner=toyota, target=subaru, percent=20, **span(article, "Toyota holds 20%")
        )
    assert stake.evidence.count() == 1


def test_a_stake_outside_zero_to_a_hundred_percent_is_refused_with_a_reason(toyota, subaru):
    article = make_article("Toyota holds 120% of Subaru.")
    with pytest.raises(ValidationError, match="at most 100%"):
        services.stake_propose(owner=toyota, target=subaru, percent=120, **span(article, "Toyota holds 120%"))
    assert not Stake.objects.filter(owner=toyota, target=subaru).exists()


def test_the_same_happening_from_a_second_article_adds_evidence_to_one_event(honda, nissan):
    first = make_article(TALKS)
    second = make_article("Nissan and Honda began integration talks in December.")
    event = propose_talks(first, honda, nissan, date=date(2024, 12, 23))
    again = services.event_propose(
        kind=Event.Kind.MERGER_TALKS,
        companies=[nissan, honda],
        title="Nissan, Honda in talks",
        date=date(2024, 12, 1),
        date_precision=DatePrecision.MONTH,
        **span(second, "Nissan and Honda began integration talks in December."),
    )
    assert again.pk == event.pk
    assert Event.objects.count() == 1
    assert event.evidence.count() == 2


def test_a_different_kind_or_an_incompatible_date_is_a_different_event(honda, nissan):
    talks = propose_talks(make_article(TALKS), honda, nissan)
    ended_article = make_article("The talks ended in February.")
    ended = services.event_propose(
        kind=Event.Kind.MERGER_TALKS_ENDED,
        companies=[honda, nissan],
        title="Talks end",
        **span(ended_article, "The talks ended in February."),
    )
    older_article = make_article("Honda and Nissan also talked in 2019.")
    older = services.event_propose(
        kind=Event.Kind.MERGER_TALKS,
        companies=[honda, nissan],
        title="Talks in 2019",
        date=date(2019, 1, 1),
        date_precision=DatePrecision.YEAR,
        **span(older_article, "Honda and Nissan also talked in 2019."),
    )
    assert len({talks.pk, ended.pk, older.pk}) == 3


def test_events_match_only_when_their_participants_are_the_same(honda, nissan, toyota, subaru):
    talks = propose_talks(make_article(TALKS), honda, nissan)
    article = make_article("Toyota and Subaru opened merger talks.")
    other = services.event_propose(
        kind=Event.Kind.MERGER_TALKS,
        companies=[toyota, subaru, honda],
        title="Others talk",
        date=date(2024, 12, 23),
        **span(article, "Toyota and Subaru opened merger talks."),
    )
    assert other.pk != talks.pk


def test_a_third_company_joining_an_alliance_is_its_own_event(honda, nissan, mitsubishi_motors):
    pair = services.event_propose(
        kind=Event.Kind.PARTNERSHIP,
        companies=[honda, nissan],
        title="Honda and Nissan ally",
        **span(make_article("Honda and Nissan formed an alliance."), "Honda and Nissan formed an alliance."),
    )
    trio = services.event_propose(
        kind=Event.Kind.PARTNERSHIP,
        companies=[honda, nissan, mitsubishi_motors],
        title="Mitsubishi Motors joins",
        **span(make_article("Mitsubishi Motors joined the alliance of Honda and Nissan."),
               "Mitsubishi Motors joined the alliance of Honda and Nissan."),
    )
    assert trio.pk != pair.pk
    assert set(trio.companies.values_list("slug", flat=True)) == {"honda", "nissan", "mitsubishi-motors"}


def test_two_findings_of_one_article_stay_two_events(honda, nissan):
    article = make_article(
        "Honda and Nissan formed an alliance. In March, Honda and Nissan agreed to work on EVs."
    )
    alliance = services.event_propose(
        kind=Event.Kind.PARTNERSHIP,
        companies=[honda, nissan],
        title="Alliance",
        **span(article, "Honda and Nissan formed an alliance."),
    )
    evs = services.event_propose(
        kind=Event.Kind.PARTNERSHIP,
        companies=[honda, nissan],
        title="EV work",
        **span(article, "In March, Honda and Nissan agreed to work on EVs."),
    )
    assert alliance.pk != evs.pk


def test_participants_keep_the_roles_extraction_gives_them(toyota, nissan):
    article = make_article("Toyota approached Nissan.")
    event = services.event_propose(
        kind=Event.Kind.APPROACH,
        companies=[toyota, nissan],
        title="Toyota approaches",
        roles={toyota.pk: "initiator", nissan.pk: "target"},
        **span(article, "Toyota approached Nissan."),
    )
    roles = dict(event.participants.values_list("company__slug", "role"))
    assert roles == {"toyota": "initiator", "nissan": "target"}


def test_a_later_source_sharpens_a_proposed_events_date_and_certainty(honda, nissan):
    first = make_article("Honda and Nissan are rumoured to be in talks this year.")
    second = make_article(TALKS)
    event = services.event_propose(
        kind=Event.Kind.MERGER_TALKS,
        companies=[honda, nissan],
        title="Talks",
        date=date(2024, 1, 1),
        date_precision=DatePrecision.YEAR,
        status="rumored",
        **span(first, "Honda and Nissan are rumoured to be in talks"),
    )
    propose_talks(second, honda, nissan)
    event.refresh_from_db()
    assert (event.date, event.date_precision, event.status) == (date(2024, 12, 23), "day", "confirmed")


def test_a_figure_found_again_is_one_figure(nissan):
    first = make_article("Nissan lost $4.5 billion in FY2024.")
    second = make_article("A $4.5 billion loss for Nissan.")
    a = services.figure_propose(
        company=nissan,
        metric="net_income",
        value=-4.5e9,
        unit="USD",
        period="FY2024",
        **span(first, "Nissan lost $4.5 billion"),
    )
    b = services.figure_propose(
        company=nissan,
        metric="net_income",
        value=Decimal("-4500000000"),
        unit="USD",
        period="FY2024",
        **span(second, "A $4.5 billion loss for Nissan."),
    )
    assert a.pk == b.pk and a.evidence.count() == 2


def test_a_new_company_is_proposed_once_with_its_name_as_an_alias():
    foxconn = services.company_propose(name="  Zephyr   Drive Systems ")
    assert foxconn.review_state == ReviewState.PROPOSED
    assert foxconn.name == "Zephyr Drive Systems"
    assert services.company_propose(name="ZEPHYR DRIVE SYSTEMS").pk == foxconn.pk
    assert CompanyAlias.objects.filter(company=foxconn, name="Zephyr Drive Systems").exists()


def test_proposing_a_known_alias_returns_the_registry_company(nissan):
    assert services.company_propose(name="nissan").pk == nissan.pk


def test_a_rejected_company_found_again_stays_rejected(editor):
    company = services.company_propose(name="Vaporware Motors")
    services.company_reject(company=company, actor=editor)
    again = services.company_propose(name="Vaporware Motors")
    assert again.pk == company.pk and again.review_state == ReviewState.REJECTED


def test_a_company_name_clashing_with_a_slug_gets_a_free_slug(toyota):
    company = services.company_propose(name="Toyota!")  # slugifies to "toyota", which is taken
    assert company.slug != "toyota" and company.slug.startswith("toyota")


# Re-running extraction never overrides an editor ---------------------------------


def test_clearing_an_article_removes_only_its_still_proposed_facts(toyota, subaru, honda, nissan, editor):
    article = make_article("Toyota holds 20% of Subaru. " + TALKS)
    other = make_article("Toyota has 20% of Subaru.")
    stake = services.stake_propose(
        owner=toyota, target=subaru, percent=20, **span(article, "Toyota holds 20%")
    )
    services.stake_propose(
        owner=toyota, target=subaru, percent=20, **span(other, "Toyota has 20% of Subaru.")
    )
    talks = propose_talks(article, honda, nissan)
    approved = services.event_approve(event=talks, actor=editor)

    deleted = services.article_proposals_clear(article=article)

    assert deleted == 0  # the stake survives on the other article's evidence
    assert list(stake.evidence.values_list("article", flat=True)) == [other.pk]
    assert Event.objects.get(pk=approved.pk).evidence.filter(article=article).exists()


def test_clearing_deletes_proposed_facts_left_without_evidence(toyota, subaru):
    article = make_article("Toyota holds 20% of Subaru.")
    stake = services.stake_propose(
        owner=toyota, target=subaru, percent=20, **span(article, "Toyota holds 20%")
    )
    assert services.article_proposals_clear(article=article) == 1
    assert not Stake.objects.filter(pk=stake.pk).exists()


def test_re_extraction_never_brings_back_a_rejected_event(honda, nissan, editor):
    article = make_article(TALKS)
    event = propose_talks(article, honda, nissan)
    services.event_reject(event=event, actor=editor)

    services.article_proposals_clear(article=article)
    again = propose_talks(article, honda, nissan)

    assert again.pk == event.pk
    assert Event.objects.get(pk=event.pk).review_state == ReviewState.REJECTED
    assert Event.objects.count() == 1


def test_a_rejected_event_stays_rejected_when_a_new_extractor_cuts_the_sentence_differently(
    honda, nissan, editor
):
    article = make_article("Reports say: " + TALKS)
    event = propose_talks(article, honda, nissan)
    services.event_reject(event=event, actor=editor)

    services.article_proposals_clear(article=article)
    again = services.event_propose(
        kind=Event.Kind.MERGER_TALKS,
        companies=[honda, nissan],
        title="Talks",
        **span(article, "Reports say: Honda and Nissan opened merger talks"),
    )

    assert again.pk == event.pk
    assert list(Event.objects.values_list("review_state", flat=True)) == [ReviewState.REJECTED]


def test_re_extraction_keeps_an_editors_correction_of_an_approved_stake(toyota, subaru, editor):
    article = make_article("Toyota holds 20% of Subaru.")
    stake = services.stake_propose(
        owner=toyota, target=subaru, percent=20, **span(article, "Toyota holds 20%")
    )
    stake.percent = Decimal("20.02")
    stake.save()
    services.stake_approve(stake=stake, actor=editor)

    services.article_proposals_clear(article=article)
    again = services.stake_propose(
        owner=toyota, target=subaru, percent=20, **span(article, "Toyota holds 20%")
    )

    assert again.pk == stake.pk
    assert Stake.objects.get().percent == Decimal("20.02")
    assert Stake.objects.get().review_state == ReviewState.APPROVED


def test_re_extraction_keeps_an_editors_change_of_event_kind(toyota, nissan, editor):
    article = make_article("Toyota reached out to Nissan.")
    values = dict(
        kind=Event.Kind.MERGER_TALKS,
        companies=[toyota, nissan],
        title="Talks",
        **span(article, "Toyota reached out to Nissan."),
    )
    event = services.event_propose(**values)
    event.kind = Event.Kind.APPROACH
    event.save()
    services.event_approve(event=event, actor=editor)

    services.article_proposals_clear(article=article)
    assert services.event_propose(**values).pk == event.pk
    assert list(Event.objects.values_list("kind", flat=True)) == ["approach"]


def test_new_evidence_never_changes_an_approved_event(honda, nissan, editor):
    first = make_article(TALKS)
    event = propose_talks(first, honda, nissan, status="rumored", date=None, date_precision="")
    services.event_approve(event=event, actor=editor)
    propose_talks(make_article("They confirmed it. " + TALKS), honda, nissan)
    event.refresh_from_db()
    assert (event.status, event.date) == ("rumored", None)
    assert event.evidence.count() == 2


# Deciding --------------------------------------------------------------------------


def test_approving_an_event_records_the_editor_in_its_history(honda, nissan, editor):
    event = propose_talks(make_article(TALKS), honda, nissan)
    services.event_approve(event=event, actor=editor)
    latest = Event.history.filter(id=event.pk).latest("history_date")
    assert latest.review_state == ReviewState.APPROVED
    assert latest.history_user == editor


def test_approving_a_fact_approves_the_proposed_companies_it_names(nissan, editor):
    foxconn = services.company_propose(name="Zephyr Drive")
    article = make_article("Zephyr Drive holds 10% of Nissan.")
    stake = services.stake_propose(
        owner=foxconn, target=nissan, percent=10, **span(article, "Zephyr Drive holds 10%")
    )
    services.stake_approve(stake=stake, actor=editor)
    foxconn.refresh_from_db()
    assert foxconn.review_state == ReviewState.APPROVED


def test_a_fact_naming_a_rejected_company_cannot_be_approved(nissan, editor):
    foxconn = services.company_propose(name="Zephyr Drive")
    services.company_reject(company=foxconn, actor=editor)
    article = make_article("Zephyr Drive holds 10% of Nissan.")
    stake = services.stake_propose(
        owner=foxconn, target=nissan, percent=10, **span(article, "Zephyr Drive holds 10%")
    )
    with pytest.raises(ValidationError, match="Approve Zephyr Drive first"):
        services.stake_approve(stake=stake, actor=editor)
    stake.refresh_from_db()
    assert stake.review_state == ReviewState.PROPOSED


def test_rejecting_a_figure_keeps_it_with_its_evidence(nissan, editor):
    article = make_article("Nissan cut 20,000 jobs.")
    figure = services.figure_propose(
        company=nissan,
        metric="jobs_cut",
        value=20000,
        unit="jobs",
        **span(article, "Nissan cut 20,000 jobs."),
    )
    services.figure_reject(figure=figure, actor=editor)
    figure.refresh_from_db()
    assert figure.review_state == ReviewState.REJECTED and figure.evidence.count() == 1


def test_approving_all_of_the_seed_proposals_skips_rejected_ones(honda, nissan, toyota, subaru, editor):
    article = make_article("Toyota holds 20% of Subaru. " + TALKS)
    stake = services.stake_propose(
        owner=toyota, target=subaru, percent=20, **span(article, "Toyota holds 20%")
    )
    talks = propose_talks(article, honda, nissan)
    services.event_reject(event=talks, actor=editor)
    newcomer = services.company_propose(name="Newco Mobility")
    CompanyMention.objects.create(article=article, company=newcomer)

    report = services.proposals_approve_all(articles=[article], actor=editor)

    assert report.approved == 2
    assert Stake.objects.get(pk=stake.pk).review_state == ReviewState.APPROVED
    assert Company.objects.get(pk=newcomer.pk).review_state == ReviewState.APPROVED
    assert Event.objects.get(pk=talks.pk).review_state == ReviewState.REJECTED


# Superseding -------------------------------------------------------------------


def test_a_superseding_stake_closes_the_earlier_one_and_keeps_it(renault, nissan, editor):
    earlier = Stake.objects.create(
        owner=renault,
        target=nissan,
        percent=Decimal("43.4"),
        valid_from=date(1999, 5, 28),
        valid_from_precision="day",
        review_state=ReviewState.APPROVED,
    )
    later = Stake.objects.create(
        owner=renault,
        target=nissan,
        percent=Decimal("15"),
        valid_from=date(2023, 11, 8),
        valid_from_precision="day",
        review_state=ReviewState.APPROVED,
    )
    services.stake_supersede(earlier=earlier, later=later, actor=editor)
    earlier.refresh_from_db()
    assert earlier.valid_to == date(2023, 11, 8)
    assert earlier.superseded_by == later
    # Who owned what on a given day stays answerable.
    on = date(2010, 1, 1)
    held_then = Stake.objects.filter(owner=renault, target=nissan, valid_from__lte=on).exclude(
        valid_to__lt=on
    )
    assert list(held_then) == [earlier]
    assert Stake.history.filter(id=earlier.pk).latest("history_date").history_user == editor


def test_a_stake_cannot_supersede_another_companys_holding(renault, nissan, toyota, editor):
    earlier = Stake.objects.create(owner=renault, target=nissan, percent=Decimal("43.4"))
    later = Stake.objects.create(
        owner=toyota, target=nissan, percent=Decimal("15"), valid_from=date(2023, 11, 8)
    )
    with pytest.raises(ValidationError, match="same owner"):
        services.stake_supersede(earlier=earlier, later=later, actor=editor)


def test_superseding_needs_to_know_when_the_new_holding_started(renault, nissan, editor):
    earlier = Stake.objects.create(owner=renault, target=nissan, percent=Decimal("43.4"))
    later = Stake.objects.create(owner=renault, target=nissan, percent=Decimal("15"))
    with pytest.raises(ValidationError, match="valid-from date"):
        services.stake_supersede(earlier=earlier, later=later, actor=editor)


# Merging -------------------------------------------------------------------------


@pytest.fixture
def duplicate_nissan(nissan, toyota, honda, renault):
    """A company extraction proposed that is really Nissan, with facts of its own."""
    dup = services.company_propose(name="Nissan Jidosha")
    article = make_article(
        "Nissan Jidosha is 15% owned by Renault. Toyota holds 5% of Nissan Jidosha. " + TALKS
    )
    CompanyMention.objects.create(article=article, company=dup, count=2, first_start=0, first_end=14)
    CompanyMention.objects.create(article=article, company=nissan, count=1, first_start=100, first_end=106)
    services.stake_propose(
        owner=renault, target=dup, percent=15, **span(article, "Nissan Jidosha is 15% owned")
    )
    services.stake_propose(owner=toyota, target=dup, percent=5, **span(article, "Toyota holds 5%"))
    services.stake_propose(
        owner=toyota, target=nissan, percent=5, **span(make_article("Toyota 5% Nissan"), "Toyota 5%")
    )
    services.stake_propose(owner=nissan, target=dup, percent=1, **span(article, "Nissan Jidosha is"))
    services.event_propose(
        kind=Event.Kind.MERGER_TALKS, companies=[honda, dup, nissan], title="Talks", **span(article, TALKS)
    )
    services.figure_propose(
        company=dup, metric="jobs_cut", value=20000, unit="jobs", **span(article, "Nissan Jidosha")
    )
    Person.objects.create(name="Ivan Espinosa", company=dup, role="CEO")
    return dup


def test_merge_preview_says_what_will_move_without_moving_it(nissan, duplicate_nissan):
    plan = services.company_merge_preview(survivor=nissan, other=duplicate_nissan)
    assert (plan.aliases, plan.stakes_moved, plan.stakes_combined, plan.stakes_dropped) == (1, 1, 1, 1)
    assert (plan.participations_moved, plan.participations_combined) == (0, 1)
    assert (plan.figures, plan.mentions, plan.people) == (1, 1, 1)
    assert Stake.objects.filter(target=duplicate_nissan).count() == 3


def test_merging_companies_moves_everything_to_the_survivor(
    nissan, toyota, renault, duplicate_nissan, editor
):
    dup_pk = duplicate_nissan.pk
    services.company_merge(survivor=nissan, other=duplicate_nissan, actor=editor)

    assert not Company.objects.filter(pk=dup_pk).exists()
    assert CompanyAlias.objects.get(name__iexact="Nissan Jidosha").company == nissan
    assert Stake.objects.filter(owner=renault, target=nissan, percent=15).exists()
    combined = Stake.objects.get(owner=toyota, target=nissan, percent=5)
    assert combined.evidence.count() == 2
    assert not Stake.objects.filter(owner=nissan, target=nissan).exists()
    event = Event.objects.get(title="Talks")
    assert sorted(event.participants.values_list("company__slug", flat=True)) == ["honda", "nissan"]
    assert Figure.objects.get(metric="jobs_cut").company == nissan
    assert CompanyMention.objects.get(company=nissan).count == 3
    assert Person.objects.get(name="Ivan Espinosa").company == nissan
    assert Company.history.filter(id=dup_pk, history_type="-").get().history_user == editor


def test_a_company_cannot_be_merged_into_itself(nissan, editor):
    with pytest.raises(ValidationError):
        services.company_merge(survivor=nissan, other=nissan, actor=editor)


def test_merging_events_moves_evidence_and_participants_to_the_survivor(honda, nissan, toyota, editor):
    first = make_article(TALKS)
    second = make_article("Toyota watched as Honda and Nissan opened merger talks.")
    survivor = propose_talks(first, honda, nissan)
    other = Event.objects.create(
        kind=Event.Kind.PARTNERSHIP, title="Honda-Nissan tie-up", summary="A tie-up."
    )
    EventParticipant.objects.create(event=other, company=toyota)
    EventParticipant.objects.create(event=other, company=honda)
    Evidence.objects.create(event=other, **span(second, "Honda and Nissan opened merger talks."))
    Evidence.objects.create(event=other, **span(first, TALKS))  # the survivor quotes this already

    merged = services.event_merge(survivor=survivor, other=other, actor=editor)

    assert not Event.objects.filter(pk=other.pk).exists()
    assert set(merged.evidence.values_list("article", flat=True)) == {first.pk, second.pk}
    assert merged.evidence.count() == 2
    assert sorted(merged.participants.values_list("company__slug", flat=True)) == [
        "honda",
        "nissan",
        "toyota",
    ]
    assert merged.summary == "A tie-up." and merged.kind == Event.Kind.MERGER_TALKS
    assert Event.history.filter(id=survivor.pk).latest("history_date").history_user == editor


# Aliases -------------------------------------------------------------------------


def test_adding_an_alias_lets_the_name_resolve_to_the_company(nissan, editor):
    alias, article_ids = services.company_alias_add(company=nissan, name=" Nissan  Jidosha ", actor=editor)
    assert alias.name == "Nissan Jidosha"
    assert services.company_propose(name="nissan jidosha").pk == nissan.pk
    assert article_ids == []


def test_an_alias_of_another_company_is_refused_with_a_way_out(nissan, honda, editor):
    with pytest.raises(ValidationError, match="merge them"):
        services.company_alias_add(company=honda, name="Nissan", actor=editor)


def test_adding_an_alias_can_queue_the_articles_that_use_it_for_re_extraction(
    nissan, editor, django_capture_on_commit_callbacks
):
    uses = make_article("Nissan Jidosha reported a loss.")
    make_article("Nissan Jidoshaz is not a word here.")
    with django_capture_on_commit_callbacks() as callbacks:
        _, article_ids = services.company_alias_add(
            company=nissan, name="Nissan Jidosha", actor=editor, reextract=True
        )
    assert article_ids == [uses.pk]
    assert len(callbacks) == 1


# Permissions ---------------------------------------------------------------------


def test_administrators_hold_every_permission_even_of_later_apps():
    from django.contrib.auth.models import Group, Permission

    administrators = Group.objects.get(name="Administrators")
    assert administrators.permissions.count() == Permission.objects.count()
    assert administrators.permissions.filter(content_type__app_label="axes").exists()


# Races -----------------------------------------------------------------------------


def _at_once(count: int, propose):
    """Run `propose` in `count` threads released together; return what each got."""
    import threading

    from django.db import connection as main_connection
    from django.db import connections

    if main_connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (make test)")
    barrier = threading.Barrier(count)
    results, errors = [], []

    def work():
        try:
            barrier.wait()
            results.append(propose().pk)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_proposing_the_same_stake_at_once_make_one_stake(toyota, subaru):
    articles = [make_article(f"Toyota holds 20% of Subaru ({n}).") for n in range(6)]
    iterator = iter(articles)

    def propose():
        article = next(iterator)
        return services.stake_propose(
            owner=toyota, target=subaru, percent=20, **span(article, "Toyota holds 20%")
        )

    assert len(set(_at_once(6, propose))) == 1
    assert Stake.objects.filter(owner=toyota, target=subaru).count() == 1
    assert Evidence.objects.filter(stake__owner=toyota).count() == 6


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_proposing_the_same_event_at_once_make_one_event(honda, nissan):
    articles = [make_article(f"({n}) {TALKS}") for n in range(6)]
    iterator = iter(articles)

    assert len(set(_at_once(6, lambda: propose_talks(next(iterator), honda, nissan)))) == 1
    assert Event.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_proposing_the_same_new_company_at_once_make_one_company():
    assert len(set(_at_once(6, lambda: services.company_propose(name="Zephyr Drive Systems")))) == 1


def test_an_added_alias_is_found_when_extraction_runs_again(
    nissan, editor, django_capture_on_commit_callbacks
):
    article = make_article(
        "Big N said on Tuesday it would cut 20,000 jobs worldwide.", title="Big N cuts jobs"
    )
    assert not CompanyMention.objects.filter(article=article, company=nissan).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.company_alias_add(company=nissan, name="Big N", actor=editor, reextract=True)
    assert CompanyMention.objects.filter(article=article, company=nissan).exists()
