from extraction.registry import registry_from_records
from extraction.tests.helpers import registry


def names(text, reg=None):
    reg = reg or registry()
    return [(text[m.start:m.end], [reg.companies[i].key for i in m.companies]) for m in reg.scan(text)]


def test_it_prefers_the_longest_alias():
    found = names("Mitsubishi Motors and Mitsubishi Heavy Industries both rose, as did Toyota Industries.")
    assert found == [
        ("Mitsubishi Motors", ["mitsubishi-motors"]),
        ("Mitsubishi Heavy Industries", ["mitsubishi-heavy-industries"]),
        ("Toyota Industries", ["toyota-industries"]),
    ]


def test_it_matches_possessives_and_hyphen_compounds_but_not_inside_words():
    found = names("Nissan’s plan, Honda's reply and the Honda-Nissan talks; Nissans and Hondas are cars.")
    assert [n for n, _ in found] == ["Nissan", "Honda", "Honda", "Nissan"]


def test_it_matches_short_capital_aliases_only_as_written():
    assert names("GM and VW said so.") == [("GM", ["gm"]), ("VW", ["volkswagen"])]
    assert names("It weighs 500 gm and uses vw-style parts.") == []


def test_it_ignores_lower_case_words_that_equal_a_name():
    reg = registry_from_records([{"name": "Lear Corporation", "slug": "lear", "aliases": ["Lear"]}])
    assert names("They will lear the lesson; Lear said it would.", reg) == [("Lear", ["lear"])]


def test_a_shared_family_name_is_ambiguous_between_the_family():
    (surface, keys), = names("Mitsubishi said so.")
    assert surface == "Mitsubishi"
    assert {"mitsubishi-motors", "mitsubishi-corporation", "mitsubishi-heavy-industries"} <= set(keys)


def test_short_name_is_the_alias_a_headline_would_use():
    reg = registry()
    assert reg.get("nissan").short == "Nissan"
    assert reg.get("mitsubishi-motors").short == "Mitsubishi Motors"
