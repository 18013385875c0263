from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article
from companies.models import CompanyAlias, Event, Evidence, Stake


def _fails(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


@pytest.mark.django_db
def test_a_stake_must_be_more_than_zero_and_at_most_a_hundred_percent(toyota, nissan):
    _fails(lambda: Stake.objects.create(owner=toyota, target=nissan, percent=Decimal("0")))
    _fails(lambda: Stake.objects.create(owner=toyota, target=nissan, percent=Decimal("100.5")))
    assert Stake.objects.create(owner=toyota, target=nissan, percent=Decimal("100")).pk


@pytest.mark.django_db
def test_a_company_cannot_hold_a_stake_in_itself(toyota):
    _fails(lambda: Stake.objects.create(owner=toyota, target=toyota, percent=Decimal("10")))


@pytest.mark.django_db
def test_the_same_undated_holding_is_stored_once(toyota, nissan):
    Stake.objects.create(owner=toyota, target=nissan, percent=Decimal("5"))
    _fails(lambda: Stake.objects.create(owner=toyota, target=nissan, percent=Decimal("5")))


@pytest.mark.django_db
def test_an_alias_names_one_company_whatever_its_case(toyota, nissan):
    CompanyAlias.objects.create(company=toyota, name="Big T")
    _fails(lambda: CompanyAlias.objects.create(company=nissan, name="BIG t"))


@pytest.mark.django_db
def test_an_event_date_always_carries_its_precision():
    from datetime import date

    _fails(lambda: Event.objects.create(kind="policy", title="Tariffs", date=date(2025, 4, 1)))
    _fails(lambda: Event.objects.create(kind="policy", title="Tariffs", date_precision="day"))


@pytest.mark.django_db
def test_evidence_supports_exactly_one_fact(toyota, nissan, make_event):
    from django.utils import timezone

    article = Article.objects.create(title="t", body="Toyota holds 5% of Nissan.", content_hash="h",
                                     fetched_at=timezone.now())
    stake = Stake.objects.create(owner=toyota, target=nissan, percent=Decimal("5"))
    event = make_event(title="Talks", companies=[toyota, nissan])
    _fails(lambda: Evidence.objects.create(article=article, quote="q", start=0, end=5))
    _fails(lambda: Evidence.objects.create(article=article, stake=stake, event=event, quote="q", start=0, end=5))
    assert Evidence.objects.create(article=article, stake=stake, quote="q", start=0, end=5).pk
