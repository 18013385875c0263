"""The review queue at /admin/review/."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Source
from companies import services
from companies.models import Company, CompanyMention, Event, ReviewState, Stake

pytestmark = pytest.mark.django_db

QUEUE = "/admin/review/"


@pytest.fixture
def article(db):
    source = Source.objects.create(name="Nikkei Asia", url="https://asia.nikkei.com/rss")
    return Article.objects.create(
        title="Honda and Nissan talk",
        url="https://example.com/honda-nissan",
        body="Tokyo <b>news</b>. Honda and Nissan opened merger talks on Monday. More later.",
        content_hash="a1",
        fetched_at=timezone.now(),
        published_on=date(2024, 12, 23),
        source=source,
    )


def propose(article, quote, **values):
    start = article.body.index(quote)
    return services.event_propose(article=article, quote=quote, start=start, end=start + len(quote), **values)


@pytest.fixture
def talks(article, honda, nissan):
    return propose(
        article,
        "Honda and Nissan opened merger talks on Monday.",
        kind="merger_talks",
        companies=[honda, nissan],
        title="Honda and Nissan open merger talks",
    )


def test_the_queue_shows_a_proposal_with_its_quote_marked_in_the_escaped_article_text(editor_client, talks):
    page = editor_client.get(QUEUE).content.decode()
    assert "Honda and Nissan open merger talks" in page
    assert "<mark>Honda and Nissan opened merger talks on Monday.</mark>" in page
    assert "&lt;b&gt;news&lt;/b&gt;" in page and "<b>news</b>" not in page
    assert 'href="https://example.com/honda-nissan"' in page


def test_the_queue_lists_every_kind_newest_first_with_counts(editor_client, talks, article, toyota, nissan):
    newcomer = services.company_propose(name="Zephyr Drive Systems")
    CompanyMention.objects.create(article=article, company=newcomer)
    services.stake_propose(
        owner=toyota, target=nissan, percent=5, article=article, quote="Tokyo", start=0, end=5
    )
    response = editor_client.get(QUEUE)
    rows = [row.kind for row in response.context["queue"].rows]
    assert rows == ["stake", "company", "event"]
    assert response.context["queue"].waiting == 3


def test_the_queue_filters_by_kind_company_source_and_state(
    editor_client, talks, article, toyota, subaru_article
):
    by_kind = editor_client.get(QUEUE, {"kind": "stake"}).context["queue"]
    assert [row.kind for row in by_kind.rows] == ["stake"]
    by_company = editor_client.get(QUEUE, {"company": Company.objects.get(slug="honda").pk}).context["queue"]
    assert [row.obj for row in by_company.rows] == [talks]
    by_source = editor_client.get(QUEUE, {"source": article.source_id}).context["queue"]
    assert [row.obj for row in by_source.rows] == [talks]
    assert editor_client.get(QUEUE, {"state": "approved", "kind": "event"}).context["queue"].rows == []


@pytest.fixture
def subaru_article(db, toyota):
    other = Article.objects.create(
        title="Subaru", body="Toyota holds 20% of Subaru.", content_hash="s1", fetched_at=timezone.now()
    )
    services.stake_propose(
        owner=toyota,
        target=Company.objects.get(slug="subaru"),
        percent=20,
        article=other,
        quote="Toyota holds 20%",
        start=0,
        end=16,
    )
    return other


def test_approving_from_the_queue_publishes_the_event_and_records_the_editor(editor_client, editor, talks):
    response = editor_client.post(QUEUE, {"decide": f"approve:event:{talks.pk}"})
    assert response.status_code == 302
    talks.refresh_from_db()
    assert talks.review_state == ReviewState.APPROVED
    assert talks.history.latest().history_user == editor


def test_bulk_reject_from_the_queue(editor_client, talks, subaru_article):
    stake = subaru_article.evidence.get().stake
    editor_client.post(QUEUE, {"action": "reject", "selected": [f"event:{talks.pk}", f"stake:{stake.pk}"]})
    talks.refresh_from_db()
    stake.refresh_from_db()
    assert (talks.review_state, stake.review_state) == (ReviewState.REJECTED, ReviewState.REJECTED)


def test_staff_outside_the_editors_group_cannot_decide_even_by_posting(client, django_user_model, talks):
    clerk = django_user_model.objects.create_user(username="clerk", password="pw", is_staff=True)
    clerk.user_permissions.add(
        *Group.objects.get(name="Editors").permissions.filter(codename__startswith="view_")
    )
    client.force_login(clerk)
    assert client.get(QUEUE).status_code == 200
    assert client.post(QUEUE, {"decide": f"approve:event:{talks.pk}"}).status_code == 403
    talks.refresh_from_db()
    assert talks.review_state == ReviewState.PROPOSED


def test_the_queue_needs_a_logged_in_staff_member(client, talks):
    response = client.get(QUEUE)
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_the_admin_index_links_to_the_queue_with_what_waits(editor_client, talks):
    page = editor_client.get("/admin/").content.decode()
    assert QUEUE in page and '<strong class="waiting-total">1</strong> waiting' in page


def test_a_rejected_event_stays_off_the_public_timeline(editor_client, talks, article, honda, toyota):
    approach = propose(
        article, "Tokyo", kind=Event.Kind.APPROACH, companies=[honda, toyota], title="Honda approaches Toyota"
    )
    editor_client.post(QUEUE, {"decide": f"approve:event:{talks.pk}"})
    editor_client.post(QUEUE, {"decide": f"reject:event:{approach.pk}"})
    timeline = editor_client.get("/").content.decode()
    assert "Honda and Nissan open merger talks" in timeline
    assert "Honda approaches Toyota" not in timeline


def test_approving_a_stake_from_the_queue_warns_about_an_open_holding_it_may_replace(
    editor_client, article, nissan
):
    renault = Company.objects.get(slug="renault")
    Stake.objects.create(
        owner=renault, target=nissan, percent=Decimal("43.4"), review_state=ReviewState.APPROVED
    )
    new = services.stake_propose(
        owner=renault, target=nissan, percent=15, article=article, quote="Tokyo", start=0, end=5
    )
    response = editor_client.post(QUEUE, {"decide": f"approve:stake:{new.pk}"}, follow=True)
    assert "is still open" in response.content.decode()
