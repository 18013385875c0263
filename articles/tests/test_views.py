"""The article page (/articles/<id>/): cleaned text, companies highlighted,
the approved facts drawn from it."""

from datetime import date

import pytest

from companies.models import ReviewState
from companies.tests.builders import article, cite, mention, stake

BODY = (
    "Toyota Motor raised its holding in Subaru to 20% in 2019.\n\n"
    "Nissan, meanwhile, cut jobs. TOYOTA declined to comment."
)


@pytest.fixture
def story(toyota, nissan):
    from companies.models import Company

    subaru = Company.objects.get(slug="subaru")
    source = article(title="Toyota and Subaru", body=BODY, published_on=date(2019, 10, 1))
    for company in (toyota, nissan, subaru):
        mention(source, company)
    return source


@pytest.mark.django_db
def test_every_mention_of_a_company_links_to_its_page(client, story):
    html = client.get(f"/articles/{story.pk}/").content.decode()

    assert '<a class="mention" href="/companies/toyota/" title="Toyota Motor Corporation">Toyota Motor</a>' in html
    assert 'href="/companies/toyota/" title="Toyota Motor Corporation">TOYOTA</a>' in html
    assert 'href="/companies/nissan/"' in html and 'href="/companies/subaru/"' in html


@pytest.mark.django_db
def test_paragraphs_are_kept(client, story):
    html = client.get(f"/articles/{story.pk}/").content.decode()

    assert "in 2019.</p><p>" in html


@pytest.mark.django_db
def test_the_sentences_behind_approved_facts_are_marked_and_listed(client, story, toyota):
    from companies.models import Company

    subaru = Company.objects.get(slug="subaru")
    holding = stake(toyota, subaru, "20", since=date(2019, 9, 27))
    evidence = cite(holding, story, "raised its holding in Subaru to 20%")
    draft = stake(toyota, Company.objects.get(slug="mazda"), "5", review_state=ReviewState.PROPOSED)
    cite(draft, story, "Nissan, meanwhile, cut jobs.")

    html = client.get(f"/articles/{story.pk}/").content.decode()

    assert f'<mark class="evidence" id="evidence-{evidence.pk}">' in html
    assert "holds 20% of" in html and f'href="#evidence-{evidence.pk}"' in html
    assert html.count('class="evidence"') == 1  # the unapproved stake's sentence is not marked


@pytest.mark.django_db
def test_an_article_without_approved_facts_says_so(client, story):
    assert "No approved facts from this article yet" in client.get(f"/articles/{story.pk}/").content.decode()


@pytest.mark.django_db
def test_an_unknown_article_is_not_found(client):
    assert client.get("/articles/999999/").status_code == 404


@pytest.mark.django_db
def test_a_sentence_behind_two_facts_is_marked_once_and_reachable_from_both(client, story, toyota, make_event):
    from companies.models import Company

    holding = stake(toyota, Company.objects.get(slug="subaru"), "20", since=date(2019, 9, 27))
    event = make_event(title="Toyota raises Subaru stake", companies=[toyota], day=date(2019, 9, 27))
    first = cite(holding, story, "Toyota Motor raised its holding in Subaru to 20% in 2019.")
    second = cite(event, story, "raised its holding in Subaru to 20%")

    html = client.get(f"/articles/{story.pk}/").content.decode()

    assert html.count("<mark") == 1
    assert f'id="evidence-{first.pk}"' in html and f'id="evidence-{second.pk}"' in html


@pytest.mark.django_db
def test_each_line_of_the_cleaned_text_is_a_paragraph(client, toyota):
    source = article(title="Lines", body="First paragraph.\nSecond paragraph.")

    html = client.get(f"/articles/{source.pk}/").content.decode()

    assert "<p>First paragraph.</p><p>Second paragraph.</p>" in html
