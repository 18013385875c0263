"""`manage.py load_seeds`: the demo articles, once, through the ingestion services."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_running_it_twice_stores_each_seed_once():
    first, second = StringIO(), StringIO()

    call_command("load_seeds", stdout=first)
    count = Article.objects.count()
    call_command("load_seeds", stdout=second)

    assert count == 5 and Article.objects.count() == 5
    assert "Seeds: 5 new, 0 already there" in first.getvalue()
    assert "Seeds: 0 new, 5 already there" in second.getvalue()
