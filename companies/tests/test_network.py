"""The ownership network: which stakes hold on a date, alliances, and its page (/network/)."""

import re
from datetime import date

import pytest

from companies.models import Company, Event, ReviewState
from companies.network import layout, short_name
from companies.selectors import network_as_of

from .builders import stake


@pytest.fixture
def subaru(db):
    return Company.objects.get(slug="subaru")


@pytest.fixture
def toyota_in_subaru(toyota, subaru):
    # The 2019 raise: the old row ends the day before the new one starts.
    stake(toyota, subaru, "16.83", since=date(2008, 4, 10), until=date(2019, 9, 26))
    stake(toyota, subaru, "20", since=date(2019, 9, 27))


def held(network):
    return {(s.owner.slug, s.target.slug): f"{s.percent.normalize():f}" for s in network.stakes}


@pytest.mark.django_db
def test_a_date_before_the_raise_shows_the_old_stake_and_a_later_one_the_new(toyota_in_subaru):
    assert held(network_as_of(as_of=date(2019, 1, 1)))[("toyota", "subaru")] == "16.83"
    assert held(network_as_of(as_of=date(2020, 1, 1)))[("toyota", "subaru")] == "20"
    assert ("toyota", "subaru") not in held(network_as_of(as_of=date(2000, 1, 1)))


@pytest.mark.django_db
def test_when_an_old_stake_was_never_closed_the_latest_start_wins(toyota, subaru):
    stake(toyota, subaru, "16.83", since=date(2008, 4, 10))
    stake(toyota, subaru, "20", since=date(2019, 9, 27))

    assert held(network_as_of(as_of=date(2019, 1, 1)))[("toyota", "subaru")] == "16.83"
    assert held(network_as_of(as_of=date(2024, 1, 1)))[("toyota", "subaru")] == "20"


@pytest.mark.django_db
def test_an_undated_stake_counts_on_any_date(toyota):
    mazda = Company.objects.get(slug="mazda")
    stake(toyota, mazda, "5.1")

    assert held(network_as_of(as_of=date(1990, 1, 1)))[("toyota", "mazda")] == "5.1"


@pytest.mark.django_db
def test_unapproved_stakes_stay_out_of_the_network(toyota, subaru):
    stake(toyota, subaru, "20", review_state=ReviewState.PROPOSED)

    assert held(network_as_of(as_of=date(2024, 1, 1))) == {}


@pytest.mark.django_db
def test_alliances_formed_by_the_date_group_their_members(honda, nissan, make_event):
    mitsubishi = Company.objects.get(slug="mitsubishi-motors")
    make_event(title="Software alliance", companies=[honda, nissan, mitsubishi], kind=Event.Kind.PARTNERSHIP,
               day=date(2024, 8, 1))
    make_event(title="Talks", companies=[honda, nissan], kind=Event.Kind.MERGER_TALKS, day=date(2024, 12, 23))

    before = network_as_of(as_of=date(2024, 1, 1))
    after = network_as_of(as_of=date(2025, 1, 1))

    assert before.alliances == []
    assert [(a.name, {m.slug for m in a.members}) for a in after.alliances] == [
        ("Software alliance", {"honda", "nissan", "mitsubishi-motors"})
    ]


@pytest.mark.django_db
def test_a_company_narrows_the_network_to_its_neighbours(toyota, nissan, subaru, toyota_in_subaru):
    renault = Company.objects.get(slug="renault")
    stake(renault, nissan, "35.7", since=date(2023, 11, 8))

    network = network_as_of(as_of=date(2024, 1, 1), company=subaru)

    assert held(network) == {("toyota", "subaru"): "20"}
    assert {c.slug for c in network.companies} == {"toyota", "subaru"}


@pytest.mark.django_db
def test_cross_holdings_are_drawn_as_two_separate_arrows(nissan):
    renault = Company.objects.get(slug="renault")
    stake(renault, nissan, "15", since=date(2023, 11, 8))
    stake(nissan, renault, "15", since=date(2002, 3, 1))

    drawing = layout(network_as_of(as_of=date(2024, 1, 1)))

    first, second = (edge for edge in drawing.edges)
    assert first.path != second.path
    assert abs(first.label_x - second.label_x) + abs(first.label_y - second.label_y) > 20


def test_labels_drop_corporate_suffixes():
    assert short_name("Toyota Motor Corporation") == "Toyota"
    assert short_name("Nissan Motor Co., Ltd.") == "Nissan"
    assert short_name("Mitsubishi Motors Corporation") == "Mitsubishi Motors"


@pytest.mark.django_db
def test_the_page_draws_labelled_arrows_for_the_date_asked(client, toyota_in_subaru):
    early = client.get("/network/?as_of=2019-01-01").content.decode()
    late = client.get("/network/?as_of=2020-01-01").content.decode()

    assert "<svg" in early and "marker-end" in early
    assert ">16.83%</text>" in early and ">20%</text>" not in early
    assert ">20%</text>" in late and ">16.83%</text>" not in late


@pytest.mark.django_db
def test_the_network_makes_no_external_requests(client, toyota_in_subaru):
    html = client.get("/network/").content.decode()

    assert "<script" not in html
    external = [u for u in re.findall(r'(?:src|href)="(https?:[^"]+)"', html)]
    assert external == []


@pytest.mark.django_db
def test_a_bad_date_is_explained_and_today_is_shown(client, toyota_in_subaru):
    html = client.get("/network/?as_of=yesterday").content.decode()

    assert "Give the date as YYYY-MM-DD" in html and ">20%</text>" in html


@pytest.mark.django_db
def test_alliances_are_listed_with_their_members(client, honda, nissan, make_event):
    make_event(title="Software alliance", companies=[honda, nissan], kind=Event.Kind.PARTNERSHIP,
               day=date(2024, 8, 1))

    html = client.get("/network/?as_of=2025-01-01").content.decode()

    assert "Software alliance" in html and 'class="arcs"><path' in html


@pytest.mark.django_db
def test_the_network_page_costs_the_same_queries_however_many_stakes(
    client, toyota, django_assert_max_num_queries
):
    others = list(Company.objects.approved().exclude(pk=toyota.pk)[:20])
    stake(toyota, others[0], "1")
    with django_assert_max_num_queries(12) as few:
        client.get("/network/")
    for i, other in enumerate(others[1:], start=2):
        stake(toyota, other, str(i))

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/network/")


@pytest.mark.django_db
def test_a_crowded_network_draws_the_most_connected_and_says_so(client, toyota, nissan):
    from companies.network import MAX_DRAWN

    others = list(Company.objects.approved().exclude(pk__in=[toyota.pk, nissan.pk])[: MAX_DRAWN + 5])
    for i, other in enumerate(others):
        stake(toyota, other, "1")
        if i < 10:
            stake(nissan, other, "2")

    html = client.get("/network/").content.decode()

    assert f"Showing the {MAX_DRAWN} most connected of {len(others) + 2} companies" in html
    assert html.count('<circle class="node') == MAX_DRAWN
    assert ">Nissan</text>" in html and ">Toyota</text>" in html


@pytest.mark.django_db
def test_an_undated_alliance_stands_today_but_not_in_the_past(honda, nissan, make_event):
    make_event(title="Undated alliance", companies=[honda, nissan], kind=Event.Kind.PARTNERSHIP)

    assert [a.name for a in network_as_of(as_of=date.today()).alliances] == ["Undated alliance"]
    assert network_as_of(as_of=date(2020, 1, 1)).alliances == []
