from extraction.tests.helpers import run_text


def stakes(body):
    result = run_text(body)
    return [(s.owner.split()[0], s.target.split()[0], s.percent) for s in result.stakes], result


def test_it_reads_a_stake_list_sharing_one_owner():
    found, _ = stakes("Toyota holds stakes in several makers, including a 20% holding in Subaru, "
                      "5.1% in Mazda, 4.9% in Suzuki and 5.9% in Isuzu.")
    assert found == [("Toyota", "Subaru", 20.0), ("Toyota", "Mazda", 5.1), ("Toyota", "Suzuki", 4.9),
                     ("Toyota", "Isuzu", 5.9)]


def test_it_reads_a_parenthesised_stake_list():
    found, _ = stakes("Geely has stakes in Volvo Cars (78.7%) and Mercedes-Benz (9.7%).")
    assert found == [("Zhejiang", "Volvo", 78.7), ("Zhejiang", "Mercedes-Benz", 9.7)]


def test_it_reads_relative_and_passive_phrasings():
    found, _ = stakes("Mitsubishi Motors, which Nissan owns 34% of, will join. "
                      "Polestar is 48%-owned by Geely. Stellantis owns 24.66% of Leapmotor.")
    assert found == [("Nissan", "Mitsubishi", 34.0), ("Zhejiang", "Polestar", 48.0),
                     ("Stellantis", "Zhejiang", 24.66)]


def test_a_raised_stake_is_the_new_holding_and_a_stake_change():
    found, result = stakes("Toyota will raise its stake in Subaru from 16.83% to 20%, the company said.")
    assert found == [("Toyota", "Subaru", 20.0)]
    assert [(e.kind, len(e.companies)) for e in result.events] == [("stake_change", 2)]


def test_a_stake_sold_is_no_longer_held_but_is_a_change():
    found, result = stakes("Daimler sold its 3.1% stake in Renault last year.")
    assert found == []
    found, result = stakes("Mercedes-Benz sold its 3.1% stake in Renault last year.")
    assert found == []
    assert [e.kind for e in result.events] == ["stake_change"]


def test_cross_holdings_give_two_stakes():
    found, _ = stakes("Renault and Nissan will hold 15% stakes in each other.")
    assert sorted(found) == [("Nissan", "Renault", 15.0), ("Renault", "Nissan", 15.0)]


def test_percentages_of_markets_and_sales_are_not_stakes():
    found, _ = stakes("Nissan holds 2.4% of the U.S. market and 20% of Honda's sales came from China.")
    assert found == []


def test_quotes_are_the_words_of_the_body():
    body = "Porsche SE, which holds 31.9% of Volkswagen's share capital, expects a writedown."
    result = run_text(body)
    (stake,) = result.stakes
    assert body[stake.start:stake.end] == stake.quote
    assert (stake.owner, stake.target, stake.percent) == ("Porsche Automobil Holding SE", "Volkswagen AG", 31.9)


def test_a_change_may_describe_its_target_before_naming_it():
    found, _ = stakes("Hyundai Motor cut its holding in the Indian carmaker Tata Motors to 3%.")
    assert found == [("Hyundai", "Tata", 3.0)]


def test_the_sellers_stake_after_a_purchase_is_in_the_company_whose_shares_moved():
    found, _ = stakes("Renault raised its holding in Nissan from 10% to 15%, buying the shares from Mitsubishi Corporation. "
                      "Mitsubishi Corporation's stake fell to 5%.")
    assert ("Renault", "Nissan", 15.0) in found
    assert ("Mitsubishi", "Nissan", 5.0) in found


def test_a_stake_in_a_company_the_registry_lacks_keeps_its_new_name():
    found, result = stakes("Saudi Aramco completed its purchase of a 10% stake in Kestrel Powertrain last month.")
    assert found == [("Aramco", "Kestrel", 10.0)]
    assert [e.companies for e in result.events if e.kind == "stake_change"] == [["Aramco", "Kestrel Powertrain"]]


def test_two_owners_with_a_share_each_of_a_described_venture():
    found, _ = stakes("Aramco bought 10% of Kestrel Powertrain, leaving Renault and China's Geely "
                      "with 45% each in the engine maker they set up in 2024.")
    assert ("Renault", "Kestrel", 45.0) in found
    assert ("Zhejiang", "Kestrel", 45.0) in found


def test_a_holding_in_a_company_described_before_its_name():
    found, _ = stakes("Volvo Cars reduced its holding in the electric performance brand Polestar to 18% last year.")
    assert found == [("Volvo", "Polestar", 18.0)]


def test_a_company_the_registry_lacks_held_in_the_passive():
    found, _ = stakes("Aurora Mobility is 30% owned by Toyota.")
    assert found == [("Toyota", "Aurora", 30.0)]


def test_a_second_owner_with_only_a_percentage_shares_the_target_just_named():
    found, _ = stakes("Denso, which holds a 4.9% stake in Toyota Industries, and Mazda, with 2.2%, "
                      "have both agreed to tender.")
    assert found == [("Denso", "Toyota", 4.9), ("Mazda", "Toyota", 2.2)]


def test_it_reads_a_share_of_which_another_company_owns():
    found, result = stakes("Subaru, 20 per cent of which belongs to Toyota, cut its outlook. "
                           "Kia, a third of which is owned by Hyundai Motor, raised its forecast.")
    assert found == [("Toyota", "Subaru", 20.0), ("Hyundai", "Kia", 33.3)]
    assert [e.companies[0].split()[0] for e in result.events] == ["Subaru", "Kia"]
