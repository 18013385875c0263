"""Event pages (/events/<id>/): the stable link feeds and the API point at."""

from datetime import date

import pytest

from companies.models import ReviewState

from .builders import article, cite


@pytest.mark.django_db
def test_an_event_page_shows_the_event_with_its_sources(client, toyota, nissan, make_event):
    event = make_event(title="Toyota approaches Nissan", companies=[toyota, nissan], day=date(2025, 5, 20),
                       status="rumored")
    source = article(title="Rumours of talks", body="Rumors have surfaced that Toyota reached out to Nissan.")
    cite(event, source, "Rumors have surfaced that Toyota reached out to Nissan.")

    html = client.get(f"/events/{event.pk}/").content.decode()

    assert "Toyota approaches Nissan" in html and "20 May 2025" in html and "Rumour" in html
    assert "Rumours of talks" in html


@pytest.mark.django_db
def test_an_unapproved_event_has_no_page(client, toyota, make_event):
    event = make_event(title="Draft", companies=[toyota], review_state=ReviewState.PROPOSED)

    assert client.get(f"/events/{event.pk}/").status_code == 404
