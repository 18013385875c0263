"""`manage.py extract`: the preview command, against the registry in the database."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("extract", *args, stdout=out)
    return out.getvalue()


def test_it_prints_one_json_object_per_input_in_order(tmp_path):
    broken = tmp_path / "empty.txt"
    broken.write_text("")
    seed = str(SEEDS / "000_6e5db4c890828707.txt")
    items = json.loads(run(seed, str(broken), "--json"))
    assert [i["source"] for i in items] == [seed, str(broken)]
    first, second = items
    assert first["published"] == "2025-05-20"
    assert {"slug": "toyota", "name": "Toyota Motor Corporation"}.items() <= first["companies"][1].items()
    assert ("Toyota Motor Corporation", "Subaru Corporation", 20.0) in [
        (s["owner"], s["target"], s["percent"]) for s in first["stakes"]]
    assert "approach" in {e["kind"] for e in first["events"]}
    assert set(second) == {"source", "error"}


def test_new_companies_have_no_slug(tmp_path):
    article = tmp_path / "new.txt"
    article.write_text("Hyperion Motors signs deal\n\nHyperion Motors and Toyota formed a joint venture on Monday.\n")
    (item,) = json.loads(run(str(article), "--json"))
    assert {"name": "Hyperion Motors", "slug": None, "mentions": 2, "new": True} in item["companies"]


def test_it_saves_nothing():
    from companies.models import Company, Event

    before = (Company.objects.count(), Event.objects.count())
    run(str(SEEDS / "000_6e5db4c890828707.txt"), "--json")
    assert (Company.objects.count(), Event.objects.count()) == before


def test_it_fails_only_when_every_input_failed(tmp_path):
    with pytest.raises(CommandError, match="No input could be read"):
        run(str(tmp_path / "missing.txt"), "--json")


def test_without_json_it_prints_a_readable_summary():
    text = run(str(SEEDS / "003_dc00a51996d5641a.txt"))
    assert "stake:   Nissan Motor Co., Ltd. holds 34% of Mitsubishi Motors Corporation" in text


def test_an_article_the_extractor_breaks_on_gets_an_error_and_the_rest_still_print(tmp_path, monkeypatch):
    from extraction.management.commands import extract as command

    real = command.extract

    def breaks_on_one(**kwargs):
        if kwargs["title"].startswith("Poison"):
            raise IndexError("no such group")
        return real(**kwargs)

    monkeypatch.setattr(command, "extract", breaks_on_one)
    poison = tmp_path / "poison.txt"
    poison.write_text("Poison pill\n\nToyota and Honda formed a joint venture on Monday.\n")
    seed = str(SEEDS / "000_6e5db4c890828707.txt")

    first, second = json.loads(run(str(poison), seed, "--json"))

    assert first["error"].startswith("Extraction failed: IndexError: no such group")
    assert second["stakes"]
