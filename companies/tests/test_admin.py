"""The ModelAdmins of the review desk: actions, change forms, merge and alias pages."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import Article
from companies import services
from companies.models import Company, CompanyAlias, Event, EventParticipant, ReviewState, Stake

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return Article.objects.create(
        title="Talks",
        body="Honda and Nissan opened merger talks. Toyota approached Nissan.",
        content_hash="x1",
        fetched_at=timezone.now(),
    )


def propose(article, quote, **values):
    start = article.body.index(quote)
    return services.event_propose(article=article, quote=quote, start=start, end=start + len(quote), **values)


@pytest.fixture
def talks(article, honda, nissan):
    return propose(
        article,
        "Honda and Nissan opened merger talks.",
        kind="merger_talks",
        companies=[honda, nissan],
        title="Honda and Nissan open talks",
    )


@pytest.fixture
def approach(article, toyota, nissan):
    return propose(
        article,
        "Toyota approached Nissan.",
        kind="approach",
        companies=[toyota, nissan],
        title="Toyota approaches Nissan",
    )


def run_action(client, model: str, action: str, objects, follow=False, **extra):
    return client.post(
        f"/admin/companies/{model}/",
        {
            "action": action,
            ACTION_CHECKBOX_NAME: [obj.pk for obj in objects],
            **extra,
        },
        follow=follow,
    )


def test_bulk_approve_action_publishes_the_selected_events(editor_client, editor, talks, approach):
    response = run_action(editor_client, "event", "approve_selected", [talks, approach])
    assert response.status_code == 302
    assert set(Event.objects.values_list("review_state", flat=True)) == {ReviewState.APPROVED}
    assert talks.history.latest().history_user == editor


def test_bulk_reject_action(editor_client, talks):
    run_action(editor_client, "event", "reject_selected", [talks])
    talks.refresh_from_db()
    assert talks.review_state == ReviewState.REJECTED


def test_review_actions_need_the_change_permission_not_just_a_hidden_button(client, django_user_model, talks):
    reader = django_user_model.objects.create_user(username="viewer", password="pw", is_staff=True)
    reader.user_permissions.add(*Group.objects.get(name="Editors").permissions.filter(codename="view_event"))
    client.force_login(reader)
    page = client.get("/admin/companies/event/").content.decode()
    assert "approve_selected" not in page
    run_action(client, "event", "approve_selected", [talks])
    talks.refresh_from_db()
    assert talks.review_state == ReviewState.PROPOSED


def test_the_change_form_saves_an_edit_and_approves_in_one_step(editor_client, talks, honda, nissan):
    participants = list(talks.participants.all())
    data = {
        "kind": "merger_talks",
        "date": "2024-12-23",
        "date_precision": "day",
        "title": "Honda, Nissan open talks",
        "summary": "",
        "status": "confirmed",
        "participants-TOTAL_FORMS": "2",
        "participants-INITIAL_FORMS": "2",
        "participants-0-id": participants[0].pk,
        "participants-0-event": talks.pk,
        "participants-0-company": participants[0].company_id,
        "participants-0-role": "initiator",
        "participants-1-id": participants[1].pk,
        "participants-1-event": talks.pk,
        "participants-1-company": participants[1].company_id,
        "participants-1-role": "target",
        "evidence-TOTAL_FORMS": "1",
        "evidence-INITIAL_FORMS": "1",
        "evidence-0-id": talks.evidence.get().pk,
        "evidence-0-event": talks.pk,
        "evidence-0-article": talks.evidence.get().article_id,
        "evidence-0-quote": talks.evidence.get().quote,
        "evidence-0-start": talks.evidence.get().start,
        "evidence-0-end": talks.evidence.get().end,
        "_approve": "Save and approve",
    }
    response = editor_client.post(f"/admin/companies/event/{talks.pk}/change/", data)
    assert response.status_code == 302 and response["Location"] == "/admin/review/"
    talks.refresh_from_db()
    assert (talks.title, talks.status, talks.date, talks.review_state) == (
        "Honda, Nissan open talks",
        "confirmed",
        date(2024, 12, 23),
        ReviewState.APPROVED,
    )
    assert dict(talks.participants.values_list("company__slug", "role")) == {
        "honda": "initiator",
        "nissan": "target",
    }
    reasons = list(talks.history.values_list("history_change_reason", flat=True))
    assert any(reason and reason.startswith("Event participants: changed") for reason in reasons)


def test_the_change_form_shows_the_evidence_in_context(editor_client, talks):
    page = editor_client.get(f"/admin/companies/event/{talks.pk}/change/").content.decode()
    assert "<mark>Honda and Nissan opened merger talks.</mark>" in page
    assert "Save and approve" in page


def test_the_review_state_cannot_be_set_by_editing_the_form(editor_client, talks):
    page = editor_client.get(f"/admin/companies/event/{talks.pk}/change/").content.decode()
    assert 'name="review_state"' not in page


def test_merging_companies_shows_a_preview_first_and_merges_on_confirmation(editor_client, nissan, article):
    duplicate = services.company_propose(name="Nissan Jidosha")
    services.stake_propose(
        owner=Company.objects.get(slug="renault"),
        target=duplicate,
        percent=15,
        article=article,
        quote="Honda",
        start=0,
        end=5,
    )
    preview = run_action(editor_client, "company", "merge_selected", [nissan, duplicate])
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "1 stake move" in page and "becomes an alias" in page
    assert Company.objects.filter(pk=duplicate.pk).exists()

    confirmed = run_action(
        editor_client, "company", "merge_selected", [nissan, duplicate], confirm="yes", survivor=nissan.pk
    )
    assert confirmed.status_code == 302
    assert not Company.objects.filter(pk=duplicate.pk).exists()
    assert CompanyAlias.objects.get(name="Nissan Jidosha").company == nissan
    assert Stake.objects.get(percent=15).target == nissan


def test_merging_needs_exactly_two_companies(editor_client, nissan):
    response = run_action(editor_client, "company", "merge_selected", [nissan], follow=True)
    assert "Select exactly two companies" in response.content.decode()


def test_merging_events_keeps_the_chosen_one_with_all_evidence(editor_client, article, honda, nissan, talks):
    second = Article.objects.create(
        title="More", body="Nissan and Honda in merger talks.", content_hash="x2", fetched_at=timezone.now()
    )
    duplicate = Event.objects.create(kind="partnership", title="Honda-Nissan tie-up")
    EventParticipant.objects.create(event=duplicate, company=honda)
    duplicate.evidence.create(article=second, quote="Nissan and Honda in merger talks.", start=0, end=33)

    assert run_action(editor_client, "event", "merge_selected", [talks, duplicate]).status_code == 200
    run_action(editor_client, "event", "merge_selected", [talks, duplicate], confirm="yes", survivor=talks.pk)

    assert list(Event.objects.all()) == [talks]
    assert talks.evidence.count() == 2


def test_adding_an_alias_from_the_company_page(editor_client, nissan):
    page = editor_client.get(f"/admin/companies/company/{nissan.pk}/change/").content.decode()
    assert f"/admin/companies/company/{nissan.pk}/alias/" in page
    response = editor_client.post(f"/admin/companies/company/{nissan.pk}/alias/", {"name": "Nissan Jidosha"})
    assert response.status_code == 302
    assert CompanyAlias.objects.get(name="Nissan Jidosha").company == nissan


def test_an_alias_already_used_by_another_company_is_refused_on_the_form(editor_client, nissan, honda):
    response = editor_client.post(f"/admin/companies/company/{honda.pk}/alias/", {"name": "nissan"})
    assert response.status_code == 200
    assert "already names" in response.content.decode()
    assert CompanyAlias.objects.get(name__iexact="nissan").company == nissan


def test_adding_an_alias_needs_the_permission(client, django_user_model, nissan):
    clerk = django_user_model.objects.create_user(username="clerk", password="pw", is_staff=True)
    client.force_login(clerk)
    assert client.post(f"/admin/companies/company/{nissan.pk}/alias/", {"name": "N"}).status_code == 403
    assert not CompanyAlias.objects.filter(name="N").exists()


def test_the_supersede_action_closes_the_earlier_stake(editor_client, nissan):
    renault = Company.objects.get(slug="renault")
    earlier = Stake.objects.create(
        owner=renault, target=nissan, percent=Decimal("43.4"), review_state=ReviewState.APPROVED
    )
    later = Stake.objects.create(
        owner=renault,
        target=nissan,
        percent=Decimal("15"),
        valid_from=date(2023, 11, 8),
        valid_from_precision="day",
        review_state=ReviewState.APPROVED,
    )
    run_action(editor_client, "stake", "supersede_selected", [later, earlier])
    earlier.refresh_from_db()
    assert earlier.valid_to == date(2023, 11, 8) and earlier.superseded_by == later


def test_approving_a_stake_warns_about_an_open_holding_it_may_replace(editor_client, nissan, article):
    renault = Company.objects.get(slug="renault")
    Stake.objects.create(
        owner=renault, target=nissan, percent=Decimal("43.4"), review_state=ReviewState.APPROVED
    )
    new = services.stake_propose(
        owner=renault, target=nissan, percent=15, article=article, quote="Honda", start=0, end=5
    )
    response = run_action(editor_client, "stake", "approve_selected", [new], follow=True)
    assert "is still open" in response.content.decode()


def test_history_shows_who_approved(editor_client, talks):
    run_action(editor_client, "event", "approve_selected", [talks])
    page = editor_client.get(f"/admin/companies/event/{talks.pk}/history/").content.decode()
    assert "editor" in page and "Approved" in page


def test_editors_cannot_manage_users_or_sources_but_administrators_can(client, editor, django_user_model):
    client.force_login(editor)
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/articles/source/add/").status_code == 403
    admin_user = django_user_model.objects.create_user(username="boss", password="pw", is_staff=True)
    admin_user.groups.add(Group.objects.get(name="Administrators"))
    client.force_login(admin_user)
    assert client.get("/admin/auth/user/").status_code == 200
    assert client.get("/admin/articles/source/add/").status_code == 200


@pytest.mark.parametrize(
    "model", ["company", "companyalias", "person", "stake", "event", "figure", "evidence", "companymention"]
)
def test_every_desk_list_and_add_page_opens_for_an_editor(editor_client, talks, model):
    assert editor_client.get(f"/admin/companies/{model}/").status_code == 200
    assert editor_client.get(f"/admin/companies/{model}/add/").status_code == 200


def test_every_proposal_change_page_opens_for_an_editor(editor_client, talks, article, toyota, nissan):
    stake = services.stake_propose(
        owner=toyota,
        target=nissan,
        percent=5,
        article=article,
        quote="Toyota",
        start=article.body.index("Toyota"),
        end=article.body.index("Toyota") + 6,
    )
    figure = services.figure_propose(
        company=nissan,
        metric="jobs_cut",
        value=20000,
        unit="jobs",
        article=article,
        quote="Nissan",
        start=article.body.index("Nissan"),
        end=article.body.index("Nissan") + 6,
    )
    for url in (
        f"/admin/companies/stake/{stake.pk}/change/",
        f"/admin/companies/figure/{figure.pk}/change/",
        f"/admin/companies/company/{nissan.pk}/change/",
        f"/admin/companies/event/{talks.pk}/history/",
    ):
        assert editor_client.get(url).status_code == 200, url
