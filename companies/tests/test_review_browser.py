"""An editor works the review desk in a real browser; readers see the result."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from articles.services import article_ingest_file
from companies.models import Company, Event, Figure, ReviewState, Stake

SEED = Path(settings.BASE_DIR) / "seeds" / "003_dc00a51996d5641a.txt"


def waiting() -> int:
    return sum(
        model.objects.filter(review_state=ReviewState.PROPOSED).count()
        for model in (Event, Stake, Figure, Company)
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_approves_one_event_and_rejects_another_and_only_the_approved_one_is_public(
    browser_page, live_server, artifacts_dir, django_user_model
):
    from extraction.services import article_extract

    article = article_ingest_file(path=SEED).article
    # Ingestion queues extraction after commit; run it here too so the test does
    # not depend on how the job is queued (extracting again replaces proposals).
    article_extract(article_id=article.pk)
    proposed = Event.objects.filter(evidence__article=article, review_state=ReviewState.PROPOSED).distinct()
    alliance = proposed.get(kind=Event.Kind.PARTNERSHIP, participants__company__slug="mitsubishi-motors")
    results = proposed.get(kind=Event.Kind.FINANCIAL_RESULT)
    editor = django_user_model.objects.create_user(
        username="desk-editor", password="a-long-test-password", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    before = waiting()

    page = browser_page
    page.goto(f"{live_server.url}/admin/login/?next=/admin/review/")
    page.fill("#id_username", "desk-editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_selector(".review-queue")
    assert page.locator(".waiting-count").inner_text() == str(before)
    # The evidence shows the quoted sentence marked inside the article text.
    quote = alliance.evidence.get().quote
    assert page.locator(f"#proposal-event-{alliance.pk} mark").first.inner_text() == quote
    page.screenshot(path=str(artifacts_dir / "review-queue.png"), full_page=True)

    page.click(f"#proposal-event-{alliance.pk} button.approve")
    page.wait_for_selector(".messagelist .success")
    page.click(f"#proposal-event-{results.pk} button.reject")
    page.wait_for_selector(".messagelist .success")
    page.screenshot(path=str(artifacts_dir / "review-queue-after-decisions.png"), full_page=True)
    assert page.locator(".waiting-count").inner_text() == str(before - 2)

    alliance.refresh_from_db()
    results.refresh_from_db()
    assert (alliance.review_state, results.review_state) == (ReviewState.APPROVED, ReviewState.REJECTED)
    assert alliance.history.latest().history_user == editor

    reader = page.context.browser.new_context()
    timeline = reader.new_page()
    timeline.goto(f"{live_server.url}/")
    text = timeline.locator("main").inner_text()
    timeline.screenshot(path=str(artifacts_dir / "timeline-after-review.png"), full_page=True)
    reader.close()
    assert alliance.title in text
    assert results.title not in text
