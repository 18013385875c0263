from datetime import date
from decimal import Decimal

import pytest

from companies.models import ReviewState, Stake


@pytest.mark.django_db
def test_the_timeline_shows_approved_events_newest_first(client, toyota, nissan, make_event):
    make_event(title="Older alliance", companies=[toyota, nissan], day=date(2024, 3, 1))
    make_event(title="Newer alliance", companies=[toyota, nissan], day=date(2025, 5, 20))
    make_event(title="Secret proposal", companies=[toyota], review_state=ReviewState.PROPOSED)

    html = client.get("/").content.decode()

    assert html.index("Newer alliance") < html.index("Older alliance")
    assert "Secret proposal" not in html


@pytest.mark.django_db
def test_the_timeline_says_so_when_nothing_is_approved(client):
    assert "No approved events yet" in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_company_page_shows_stakes_both_ways(client, toyota, nissan):
    subaru_stake = Stake.objects.create(owner=toyota, target=nissan, percent=Decimal("20"),
                                        review_state=ReviewState.APPROVED)
    Stake.objects.create(owner=nissan, target=toyota, percent=Decimal("3"))  # not approved

    toyota_page = client.get("/companies/toyota/").content.decode()
    nissan_page = client.get("/companies/nissan/").content.decode()

    assert subaru_stake.target.name in toyota_page and "20%" in toyota_page
    assert "3%" not in toyota_page
    assert "Toyota Motor Corporation" in nissan_page and "holds 20%" in nissan_page


@pytest.mark.django_db
def test_an_unknown_company_is_not_found(client):
    assert client.get("/companies/no-such-maker/").status_code == 404


@pytest.mark.django_db
def test_event_text_is_escaped(client, toyota, make_event):
    make_event(title="<script>alert(1)</script>", companies=[toyota])

    html = client.get("/").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
