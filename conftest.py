"""Fixtures shared by every app's tests."""

from datetime import date

import pytest

from companies.models import Company, DatePrecision, Event, EventParticipant, ReviewState


@pytest.fixture
def toyota(db):
    return Company.objects.get(slug="toyota")


@pytest.fixture
def nissan(db):
    return Company.objects.get(slug="nissan")


@pytest.fixture
def honda(db):
    return Company.objects.get(slug="honda")


@pytest.fixture
def staff_user(db, django_user_model):
    return django_user_model.objects.create_user(username="desk", password="pw-for-tests", is_staff=True)


@pytest.fixture
def make_event(db):
    def make(*, title, companies, kind=Event.Kind.PARTNERSHIP, review_state=ReviewState.APPROVED,
             day=None, status="reported"):
        event = Event.objects.create(
            kind=kind,
            title=title,
            status=status,
            review_state=review_state,
            date=day,
            date_precision=DatePrecision.DAY if day else "",
        )
        for company in companies:
            EventParticipant.objects.create(event=event, company=company)
        return event

    return make


@pytest.fixture
def day():
    return date
