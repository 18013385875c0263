"""The demo loader's stand-in editor: `manage.py approve_seed_proposals`."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from articles.services import article_ingest_file
from companies import services
from companies.models import Event, ReviewState

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "seeds"


@pytest.fixture
def seed_proposals(honda, nissan, django_user_model):
    article = article_ingest_file(path=SEEDS / "003_dc00a51996d5641a.txt").article
    quote = "Mitsubishi Motors of Japan is going to become a member of an alliance"
    start = article.body.index(quote)
    alliance = services.event_propose(
        kind="partnership",
        companies=[honda, nissan],
        title="Alliance",
        article=article,
        quote=quote,
        start=start,
        end=start + len(quote),
    )
    quote = "Heavy U.S. discounts"
    start = article.body.index(quote)
    rejected = services.event_propose(
        kind="financial_result",
        companies=[nissan],
        title="Forecast cut",
        article=article,
        quote=quote,
        start=start,
        end=start + len(quote),
    )
    services.event_reject(event=rejected, actor=django_user_model.objects.create_user(username="ed"))
    return alliance, rejected


@override_settings(DEBUG=True)
def test_it_approves_the_seed_proposals_as_the_named_demo_account(seed_proposals):
    alliance, rejected = seed_proposals
    out = StringIO()
    call_command("approve_seed_proposals", stdout=out)
    alliance.refresh_from_db()
    rejected.refresh_from_db()
    assert alliance.review_state == ReviewState.APPROVED
    assert rejected.review_state == ReviewState.REJECTED
    demo = get_user_model().objects.get(username="autotracker-demo")
    assert alliance.history.latest().history_user == demo
    assert not demo.is_staff and not demo.has_usable_password()
    assert "Approved 1 proposal" in out.getvalue()


@override_settings(DEBUG=True)
def test_running_it_again_approves_nothing_new(seed_proposals):
    call_command("approve_seed_proposals", stdout=StringIO())
    out = StringIO()
    call_command("approve_seed_proposals", stdout=out)
    assert "Approved 0 proposal" in out.getvalue()


def test_it_refuses_to_run_outside_development(seed_proposals):
    with pytest.raises(CommandError, match="outside development"):
        call_command("approve_seed_proposals")
    assert not Event.objects.filter(review_state=ReviewState.APPROVED).exists()
