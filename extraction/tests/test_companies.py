from extraction.pipeline import extract
from extraction.registry import registry_from_records
from extraction.tests.helpers import run_text


def companies(body, title=""):
    return {(c.slug or c.name, c.new): c.mentions for c in run_text(body, title=title).companies}


def test_it_counts_mentions_in_title_and_body_under_the_canonical_name():
    result = run_text("Nissan Motor Co. said Nissan's plan stands. Toyota declined.", title="Nissan in talks")
    found = {c.name: c.mentions for c in result.companies}
    assert found == {"Nissan Motor Co., Ltd.": 3, "Toyota Motor Corporation": 1}


def test_news_outlets_are_sources_not_companies():
    found = companies("The Nikkei reported, and Reuters confirmed, that Japan's Nikkei Asia and Mazda agreed.")
    assert found == {("mazda", False): 1}


def test_it_proposes_organisations_the_registry_lacks():
    found = companies(
        "Taiwan's Quanta joined the project with Hyperion Motors and Orbis Precision Industry Co., Ltd. "
        "Later, Quanta said Hyperion would supply parts."
    )
    assert found[("Quanta", True)] == 2
    assert found[("Hyperion Motors", True)] == 2
    assert ("Orbis Precision Industry Co., Ltd.", True) in found


def test_it_does_not_propose_ordinary_capitalised_phrases():
    found = companies(
        "The Group said Japan's Prime Minister met Chinese Industry leaders. The Japanese Automotive sector grew."
    )
    assert found == {}


def test_a_family_name_resolves_to_the_family_member_the_article_names():
    result = run_text("Mitsubishi Corp. raised its bet. Later, Mitsubishi said profits rose.")
    assert [(c.slug, c.mentions) for c in result.companies] == [("mitsubishi-corporation", 2)]
    result = run_text("Nissan and Mitsubishi will share software.")
    assert "mitsubishi-motors" in {c.slug for c in result.companies}


def test_a_name_extending_a_registry_alias_is_a_different_company():
    result = run_text("Mitsubishi UFJ Financial Group lent the money.")
    assert [(c.name, c.new) for c in result.companies] == [("Mitsubishi UFJ Financial Group", True)]


def test_a_name_holding_or_held_in_a_stake_is_a_new_company():
    found = companies(
        "Saudi Aramco completed its purchase of a 10% stake in Kestrel Powertrain last month. "
        "Separately, Toyota holds roughly 6.5 per cent of Brightwave."
    )
    assert ("Aramco", True) in found
    assert ("Kestrel Powertrain", True) in found
    assert ("Brightwave", True) in found


def test_a_share_move_in_a_city_is_not_a_company():
    found = companies("Shares of Nissan rose 2.3% in Milan, while Toyota gained 1.5% in Taipei.")
    assert found == {("nissan", False): 1, ("toyota", False): 1}


def test_an_unknown_name_listed_beside_known_companies_is_a_new_company():
    found = companies("Honda Motor Co., Ltd., Quorra and Tesla, Inc. today announced a robotaxi partnership.")
    assert ("Quorra", True) in found
    # a list of the makers' brands is not a list of companies
    assert companies("Renault builds engines for the Renault, Nissan and Veloce brands.") == {("renault", False): 2,
                                                                                             ("nissan", False): 1}


def test_a_new_companys_first_word_alone_is_the_same_company():
    found = companies("Honda took a 20% stake in Kestrel Powertrain. Kestrel builds engines for Honda.")
    assert found[("Kestrel Powertrain", True)] == 2


def test_a_known_companys_first_word_alone_counts_once_the_full_name_is_given():
    # the registry knows "Lucent Group", not "Lucent": a word that could be an ordinary adjective
    registry = registry_from_records([{"name": "Lucent Group, Inc.", "slug": "lucent", "aliases": ["Lucent Group"]}])
    result = extract(title="", body="Lucent Group, Inc. signed the deal. Lucent said it delivered 3,309 vehicles.",
                     published=None, registry=registry)
    assert [(c.slug, c.mentions) for c in result.companies] == [("lucent", 2)]
    assert [f.company for f in result.figures] == ["Lucent Group, Inc."]


def test_a_family_ministry_or_prefecture_after_a_countrys_name_is_not_a_new_company():
    found = companies("Germany's Quandt family controls BMW. France's Economy Ministry backed Renault, "
                      "and Japan's Aichi Prefecture offered subsidies to Toyota.")
    assert found == {("bmw", False): 1, ("renault", False): 1, ("toyota", False): 1}


def test_a_business_after_a_countrys_name_is_still_a_new_company():
    found = companies("Korea's Lotte family and Taiwan's Kestrel Dynamics met Honda. Kestrel Dynamics makes batteries.")
    assert found == {("Kestrel Dynamics", True): 2, ("honda", False): 1}


def test_a_government_is_not_proposed_as_a_new_company():
    result = run_text("The state of Lower Bavaria, which holds 20% of the votes, backed the deal. "
                      "India's Ministry of Heavy Industries said it would review it.")

    assert [c.name for c in result.companies if c.new] == []


def test_a_government_is_listed_only_where_it_holds_a_stake():
    praised = run_text("The French government praised Renault's new chief executive.")
    holding = run_text("The French government, which owns 15% of Renault, backed the plan.")

    assert [c.name for c in praised.companies] == ["Renault Group"]
    assert sorted(c.name for c in holding.companies) == ["French State", "Renault Group"]
    assert [(s.owner, s.target, s.percent) for s in holding.stakes] == [("French State", "Renault Group", 15.0)]
