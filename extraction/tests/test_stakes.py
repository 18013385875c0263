import pytest

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


def test_rows_under_a_line_naming_whose_holdings_they_are_belong_to_that_company():
    found, _ = stakes("Mazda's holdings in partner companies are listed below:\n"
                      "  Isuzu ......... 3.2 per cent\n"
                      "  Denso ......... 1.4 per cent\n")
    assert found == [("Mazda", "Isuzu", 3.2), ("Mazda", "Denso", 1.4)]


def test_a_bulleted_list_of_holdings_belongs_to_the_company_its_heading_names():
    found, _ = stakes("Toyota's stakes in other carmakers:\n- Subaru: 20%\n- Suzuki: 4.9%\n")
    assert found == [("Toyota", "Subaru", 20.0), ("Toyota", "Suzuki", 4.9)]


def test_rows_under_a_list_of_shareholders_are_the_owners():
    found, _ = stakes("Subaru's top shareholders are as follows:\n"
                      "  Toyota ........ 20.0 per cent\n"
                      "  Mazda ......... 1.1 per cent\n")
    assert found == [("Toyota", "Subaru", 20.0), ("Mazda", "Subaru", 1.1)]


def test_percentage_rows_without_a_line_about_stakes_are_not_stakes():
    found, _ = stakes("Sales by brand last month:\n- Subaru: 20%\n- Mazda: 5.1%\n")
    assert found == []
    found, _ = stakes("Dealers were busy in April.\n  Subaru ........ 20.0 per cent\n")
    assert found == []


def test_a_change_in_a_holding_named_earlier_in_the_sentence_is_held_by_the_company_before():
    found, result = stakes("Nissan said on Thursday it was restructuring. The carmaker sold part of its holding in "
                           "Mitsubishi Motors, lowering its stake to 24% from 34%.")
    assert found == [("Nissan", "Mitsubishi", 24.0)]
    assert [e.companies for e in result.events if e.kind == "stake_change"] == [
        ["Nissan Motor Co., Ltd.", "Mitsubishi Motors Corporation"]]


def test_the_seller_of_shares_named_before_shares_is_the_owner_not_the_company_whose_shares_they_are():
    found, result = stakes("Toyota placed 30 million Denso shares with institutional investors, "
                           "reducing its stake in the parts maker to 20.1%.")
    assert found == [("Toyota", "Denso", 20.1)]
    assert [e.companies for e in result.events if e.kind == "stake_change"] == [
        ["Toyota Motor Corporation", "Denso Corporation"]]


def test_the_company_described_owns_what_its_relative_clause_says_not_the_company_in_the_description():
    _, result = stakes("Toyota Tsusho, the trading arm of the Toyota group, which owns 4.5% of Denso, "
                       "raised its outlook.")
    assert [(s.owner, s.target, s.percent) for s in result.stakes] == [
        ("Toyota Tsusho Corporation", "Denso Corporation", 4.5)]


def test_a_holder_in_which_clause_after_a_description_owns_the_company_described():
    found, _ = stakes("Mazda, the Hiroshima-based automaker, in which Toyota owns 5.1 percent, raised its forecast.")
    assert found == [("Toyota", "Mazda", 5.1)]


def test_it_as_the_largest_shareholder_and_a_further_holding_are_both_the_previous_subjects():
    found, _ = stakes("Honda keeps a small portfolio. It is Hino's largest shareholder with 12%, holds 3% of Isuzu.")
    assert sorted(found) == [("Honda", "Hino", 12.0), ("Honda", "Isuzu", 3.0)]


def test_a_percent_shareholder_of_which_owns_the_company_before():
    found, _ = stakes("Isuzu, a 5.9 per cent shareholder of which is Toyota, cut prices.")
    assert found == [("Toyota", "Isuzu", 5.9)]


def test_a_percent_shareholder_in_a_company_owns_that_percentage():
    _, result = stakes("Mitsubishi Corp. is a 20% shareholder in Mitsubishi Motors.")
    assert [(s.owner, s.target, s.percent) for s in result.stakes] == [
        ("Mitsubishi Corporation", "Mitsubishi Motors Corporation", 20.0)]


def test_a_company_another_controls_with_a_stake_is_held_by_it():
    found, _ = stakes("Hino, which Toyota controls with a 50.1% stake, will merge with Mitsubishi Fuso.")
    assert found == [("Toyota", "Hino", 50.1)]


def test_control_without_a_percentage_is_not_a_stake():
    found, _ = stakes("Hino, which Toyota controls, will merge with Mitsubishi Fuso.")
    assert found == []


def test_a_total_interest_cut_is_the_new_stake_and_a_change():
    found, result = stakes("Renault sold shares in Nissan, cutting its total interest to 28 per cent from 36 per cent.")
    assert found == [("Renault", "Nissan", 28.0)]
    assert [e.kind for e in result.events] == ["stake_change"]


def test_an_economic_interest_is_a_stake():
    found, _ = stakes("Geely has a 9.7% economic interest in Mercedes-Benz.")
    assert found == [("Zhejiang", "Mercedes-Benz", 9.7)]


def test_an_interest_that_is_not_a_holding_is_not_a_stake():
    found, _ = stakes("Nissan has a strong interest in Mitsubishi Motors, 34 per cent of its sales are in Asia. "
                      "Toyota has an interest in Subaru. Interest rates rose 5 per cent.")
    assert found == []


def test_shares_of_a_company_it_holds_are_a_stake_when_sold_back():
    found, result = stakes("Honda will sell back the roughly 4% of Hino shares it holds.")
    assert found == [("Honda", "Hino", 4.0)]
    assert [e.companies for e in result.events if e.kind == "stake_change"] == [
        ["Honda Motor Co., Ltd.", "Hino Motors, Ltd."]]


def test_a_second_relative_clause_after_and_keeps_its_company_as_the_owner():
    found, _ = stakes("Honda, which owns 50.1% of Hino, and Toyota, which holds 24.2% of Denso, "
                      "would each gain from the deal.")
    assert found == [("Honda", "Hino", 50.1), ("Toyota", "Denso", 24.2)]


def test_it_is_the_largest_shareholder_of_a_company_ending_in_s():
    result = run_text("Nissan is looking for partners. It is Mitsubishi Motors' largest shareholder with 34%, "
                      "holds 2% of Renault.")

    assert [(s.owner, s.target, s.percent) for s in result.stakes] == [
        ("Nissan Motor Co., Ltd.", "Mitsubishi Motors Corporation", 34.0),
        ("Nissan Motor Co., Ltd.", "Renault Group", 2.0)]


def test_a_holding_controlled_through_a_stake_is_held():
    found, _ = stakes("Daihatsu, which Toyota controls through a 100% stake, recalled cars.")
    assert found == [("Toyota", "Daihatsu", 100.0)]


def test_rows_under_a_line_about_investments_are_holdings():
    found, _ = stakes("Below are Honda's investments in suppliers:\n- Denso: 2.5%\n- Mazda: 1.1%")
    assert found == [("Honda", "Denso", 2.5), ("Honda", "Mazda", 1.1)]


def test_a_fifty_fifty_joint_venture_is_two_equal_holdings():
    found, _ = stakes("Sony Honda Mobility is a 50-50 joint venture that Sony Group and Honda Motor set up in 2022.")
    assert found == [("Sony", "Sony", 50.0), ("Honda", "Sony", 50.0)]


def test_a_holding_followed_by_its_size_in_an_aside_is_a_stake():
    found, _ = stakes("Renault's holding in Nissan, now 35.7%, includes shares held in a French trust.")
    assert found == [("Renault", "Nissan", 35.7)]


def test_the_remaining_percentage_held_by_a_second_owner_is_in_the_company_just_named():
    found, _ = stakes("Toyota holds 52.82 percent of Subaru, while Mazda owns the remaining 13.16 percent.")
    assert found == [("Toyota", "Subaru", 52.82), ("Mazda", "Subaru", 13.16)]


def test_a_joint_venture_owned_in_two_parts_gives_both_owners_their_holding():
    found, _ = stakes("Toyota and Isuzu set up Hino Motors, a joint venture 51% owned by Toyota and 49% by Isuzu.")
    assert found == [("Toyota", "Hino", 51.0), ("Isuzu", "Hino", 49.0)]


def test_a_described_unit_in_which_an_owner_holds_a_stake():
    found, _ = stakes("The car is built at the plant of Daihatsu, the Indian unit in which Suzuki holds a 58.3% stake.")
    assert found == [("Suzuki", "Daihatsu", 58.3)]


# One fact written the many ways reporters write it (sentences written for these tests).
STAKE_PHRASINGS = [
 ("Toyota's 5.1%-owned Mazda said it would cut prices.", ("Toyota","Mazda",5.1)),
 ("The 20 percent of Subaru that Toyota owns is worth $3 billion.", ("Toyota","Subaru",20)),
 ("Toyota increased its ownership of Subaru to 20 percent.", ("Toyota","Subaru",20)),
 ("Toyota owns stakes of 20% in Subaru and 5.1% in Mazda.", ("Toyota","Mazda",5.1)),
 ("Subaru (20%), Mazda (5.1%) and Suzuki (4.9%) are all partly owned by Toyota.", ("Toyota","Mazda",5.1)),
 ("Nissan controls Mitsubishi Motors through a 34% stake.", ("Nissan","Mitsubishi",34)),
 ("Mitsubishi Motors counts Nissan as its largest shareholder, with 34%.", ("Nissan","Mitsubishi",34)),
 ("Nissan holds 34 per cent of the voting rights of Mitsubishi Motors.", ("Nissan","Mitsubishi",34)),
 ("Renault still has a 35.7% economic interest in Nissan.", ("Renault","Nissan",35.7)),
 ("Honda has a 5% shareholding in Nissan, the filing showed.", ("Honda","Nissan",5)),
 ("Nissan sold a 10% stake in Renault, leaving it with 5%.", ("Nissan","Renault",5)),
 ("Toyota now owns 100% of Daihatsu after the buyout.", ("Toyota","Daihatsu",100)),
 ("Daihatsu is a wholly owned subsidiary of Toyota.", ("Toyota","Daihatsu",100)),
 ("Hino Motors is 50.1% owned by Toyota.", ("Toyota","Hino",50.1)),
 ("Toyota, which controls 50.1 percent of Hino Motors, said...", ("Toyota","Hino",50.1)),
 ("Mazda is roughly 5% owned by Toyota.", ("Toyota","Mazda",5)),
 ("Toyota holds just under 5% of Mazda.", ("Toyota","Mazda",5)),
 ("Toyota owns a little over a fifth of Subaru.", ("Toyota","Subaru",20)),
 ("Toyota has a one-fifth stake in Subaru.", ("Toyota","Subaru",20)),
 ("Toyota owns about 20% of Subaru.", ("Toyota","Subaru",20)),
 ("Toyota is Subaru's largest shareholder, with a 20% stake.", ("Toyota","Subaru",20)),
 ("Subaru, 20%-owned by Toyota, makes the Solterra.", ("Toyota","Subaru",20)),
 ("Toyota, which has a 20 percent stake in Subaru, said...", ("Toyota","Subaru",20)),
 ("Toyota holds a stake of about 20% in Subaru.", ("Toyota","Subaru",20)),
 ("Toyota's 20% stake in Subaru", ("Toyota","Subaru",20)),
 ("Toyota's 20 per cent holding in Subaru is worth $3bn.", ("Toyota","Subaru",20)),
 ("Toyota, Subaru's top shareholder at 20%, said...", ("Toyota","Subaru",20)),
 ("Subaru's biggest shareholder, Toyota, owns 20%.", ("Toyota","Subaru",20)),
 ("Subaru's largest shareholder is Toyota, with 20%.", ("Toyota","Subaru",20)),
 ("Toyota raised its stake in Subaru to 20%.", ("Toyota","Subaru",20)),
 ("Toyota increased its shareholding in Subaru to 20 percent from 16.8 percent.", ("Toyota","Subaru",20)),
 ("Toyota bought a 20% stake in Subaru.", ("Toyota","Subaru",20)),
 ("Toyota acquired 20% of Subaru in 2019.", ("Toyota","Subaru",20)),
 ("Toyota will take a 20% stake in Subaru.", ("Toyota","Subaru",20)),
 ("Toyota has a 20% equity stake in Subaru.", ("Toyota","Subaru",20)),
 ("Toyota controls 20% of Subaru's voting rights.", ("Toyota","Subaru",20)),
 ("Toyota, which owns 20% of Subaru and 5.1% of Mazda, said...", ("Toyota","Mazda",5.1)),
 ("Subaru, in which Toyota owns a 20 per cent stake, said...", ("Toyota","Subaru",20)),
 ("Subaru, of which Toyota owns 20%, said", ("Toyota","Subaru",20)),
 ("Subaru is 20 percent owned by Toyota.", ("Toyota","Subaru",20)),
 ("Subaru is a 20%-owned affiliate of Toyota.", ("Toyota","Subaru",20)),
 ("Subaru (20% owned by Toyota) said", ("Toyota","Subaru",20)),
 ("Toyota (which owns 20% of Subaru) said", ("Toyota","Subaru",20)),
 ("Toyota has held 20% of Subaru since 2019.", ("Toyota","Subaru",20)),
 ("Toyota now owns roughly a fifth of Subaru.", ("Toyota","Subaru",20)),
 ("Toyota cut its Subaru stake to 20%.", ("Toyota","Subaru",20)),
 ("Toyota trimmed its holding in Subaru to 20% from 25%.", ("Toyota","Subaru",20)),
 ("Toyota sold part of its Subaru shares, lowering its stake to 20%.", ("Toyota","Subaru",20)),
 ("Toyota, Subaru's biggest shareholder with about 20%, ...", ("Toyota","Subaru",20)),
 ("Toyota has a 20% shareholding in Subaru.", ("Toyota","Subaru",20)),
 ("Toyota is the top shareholder in Subaru with 20 percent.", ("Toyota","Subaru",20)),
 ("Toyota owns 20 per cent of the shares in Subaru.", ("Toyota","Subaru",20)),
 ("Toyota owns 20 percent of Subaru's shares.", ("Toyota","Subaru",20)),
 ("Toyota's stake in Subaru stands at 20%.", ("Toyota","Subaru",20)),
 ("Toyota's ownership of Subaru is 20%.", ("Toyota","Subaru",20)),
 ("Toyota holds 20.0% of the voting rights in Subaru.", ("Toyota","Subaru",20)),
 ("Toyota became Subaru's largest shareholder in 2005, and now owns 20%.", ("Toyota","Subaru",20)),
 ("Toyota owns a 20% interest in Subaru.", ("Toyota","Subaru",20)),
 ("Renault holds a 15% stake in Nissan, and Nissan holds 15% in Renault.", ("Nissan","Renault",15)),
 ("Nissan and Renault each own 15% of the other.", ("Nissan","Renault",15)),
 ("Nissan and Renault hold 15% stakes in each other.", ("Nissan","Renault",15)),
 ("Nissan owns 34% of Mitsubishi Motors, making it the largest shareholder.", ("Nissan","Mitsubishi",34)),
 ("Mitsubishi Motors' largest shareholder, Nissan, holds 34%.", ("Nissan","Mitsubishi",34)),
 ("Nissan remains Mitsubishi Motors' top shareholder with a 26.7% stake.", ("Nissan","Mitsubishi",26.7)),
 ("Nissan will reduce its stake in Mitsubishi Motors to 26.7%.", ("Nissan","Mitsubishi",26.7)),
 ("After the sale, Nissan's stake in Mitsubishi Motors will fall to 26.7%.", ("Nissan","Mitsubishi",26.7)),
 ("Nissan's stake in Mitsubishi Motors falls to 26.7% from 34%.", ("Nissan","Mitsubishi",26.7)),
 ("Nissan, with 34% of Mitsubishi Motors, said", ("Nissan","Mitsubishi",34)),
 ("Honda owns 100% of its Chinese unit.", None),
 ("The deal would give Honda a 20% stake in Nissan.", ("Honda","Nissan",20)),
 ("Honda took a 5% stake in Nissan in March.", ("Honda","Nissan",5)),
 ("Honda holds about 5 per cent of Nissan through a trust.", ("Honda","Nissan",5)),
]


@pytest.mark.parametrize(("text", "expected"), STAKE_PHRASINGS, ids=[t[:50] for t, _ in STAKE_PHRASINGS])
def test_it_reads_a_holding_however_it_is_phrased(text, expected):
    found, _ = stakes(text if text.endswith(".") else text + " on Monday, analysts noted.")
    if expected is None:
        assert found == []
    else:
        owner, target, percent = expected
        assert any(o == owner and t == target and abs(p - percent) < 0.06 for o, t, p in found), found


def test_a_stake_taken_over_names_its_seller_buyer_and_the_buyers_new_holding():
    result = run_text("As part of the package Renault took over Nissan's 51% stake in Hino Motors, "
                      "the plant company in Chennai, giving Renault 100% of the factory.")

    assert [(s.owner.split()[0], s.target.split()[0], s.percent) for s in result.stakes] == [
        ("Renault", "Hino", 100.0)]
    assert [(e.kind, e.companies) for e in result.events] == [
        ("stake_change", ["Renault Group", "Nissan Motor Co., Ltd.", "Hino Motors, Ltd."])]


def test_a_holding_summed_at_the_end_of_the_sentence_is_the_total():
    found, _ = stakes("Renault directly owns 15% of Nissan and holds a further 20.7% through a French trust, "
                      "for a total economic interest of 35.7%.")
    assert found == [("Renault", "Nissan", 15.0), ("Renault", "Nissan", 35.7)]


def test_a_second_owner_after_while_holds_the_company_just_named():
    found, _ = stakes("Nissan is Mitsubishi Motors' largest shareholder with a 26.7% interest, "
                      "while trading house Toyota owns about 20%.")
    assert found == [("Nissan", "Mitsubishi", 26.7), ("Toyota", "Mitsubishi", 20.0)]


def test_which_after_a_company_named_after_a_preposition_is_that_company():
    found, _ = stakes("Isuzu acquired Hino Motors from Daimler in 2021 and holds a capital tie-up with Toyota, "
                      "which owns 5.9 percent of Isuzu.")
    assert found == [("Toyota", "Isuzu", 5.9)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Toyota's stakes in other carmakers: Subaru 20.0% | Mazda 5.1% | Suzuki 4.9%.",
     [("Toyota", "Subaru", 20.0), ("Toyota", "Mazda", 5.1), ("Toyota", "Suzuki", 4.9)]),
    ("Toyota's holdings: Subaru, 20%; Mazda, 5.1%; Suzuki, 4.9%.",
     [("Toyota", "Subaru", 20.0), ("Toyota", "Mazda", 5.1), ("Toyota", "Suzuki", 4.9)]),
    ("Who owns whom:\nHolder | Company | Stake\nToyota | Subaru | 20.0%\nNissan | Mitsubishi Motors | 34%",
     [("Toyota", "Subaru", 20.0), ("Nissan", "Mitsubishi", 34.0)]),
    ("Cross-holdings\nHolder\tCompany\tStake\nToyota\tSubaru\t20.0%\nToyota\tMazda\t5.1%",
     [("Toyota", "Subaru", 20.0), ("Toyota", "Mazda", 5.1)]),
    ("Cross-holdings\nCompany | Held by | Stake\nSubaru | Toyota | 20.0%\nMazda | Toyota | 5.1%",
     [("Toyota", "Subaru", 20.0), ("Toyota", "Mazda", 5.1)]),
    ("The web of stakes:\nToyota → Subaru: 20%\nToyota → Mazda: 5.1%",
     [("Toyota", "Subaru", 20.0), ("Toyota", "Mazda", 5.1)]),
    ("Toyota's partners include Subaru (Toyota holds 20%) and others.", [("Toyota", "Subaru", 20.0)]),
    ("Major holdings:\n- Denso: 24.2% held by Toyota\n- Mazda: 5.1% held by Toyota",
     [("Toyota", "Denso", 24.2), ("Toyota", "Mazda", 5.1)]),
], ids=["pipes", "semicolons", "holder-first-table", "tabs", "company-first-table", "arrows", "parenthesis", "held-by"])
def test_it_reads_holdings_laid_out_as_tables_and_lists(text, expected):
    found, _ = stakes(text)
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Cross-holdings to be unwound (as of March 31):\nToyota in Denso: 24.7%\nDenso in Toyota: 9.1%",
     [("Toyota", "Denso", 24.7), ("Denso", "Toyota", 9.1)]),
    ("Other holdings:\n- Renault in Nissan: 35.7% (of which 18.7% sits in a French trust)\n"
     "- Nissan in Mitsubishi Motors: 26.7%, down from 34% after a buyback",
     [("Renault", "Nissan", 35.7), ("Nissan", "Mitsubishi", 26.7)]),
    ("In a mirror transaction, Toyota said it would buy back the entire 9.1% stake that Denso holds in it.",
     [("Denso", "Toyota", 9.1)]),
    ("It will compete with Hino Motors, the truck arm of Toyota, which holds about 89.7% of it.",
     [("Toyota", "Hino", 89.7)]),
], ids=["holder-in-company-rows", "rows-with-notes", "stake-that-it-holds-in-it", "which-holds-of-it"])
def test_it_reads_holdings_written_from_the_holders_side(text, expected):
    found, _ = stakes(text)
    assert found == expected


def test_a_disclosure_notice_gives_the_holding_after_the_acquisition():
    body = ("Toyota Motor Corporation hereby announces that it resolved to additionally acquire common shares of "
            "Suzuki Motor Corporation by way of third-party allotment. Toyota and Suzuki concluded an agreement.\n\n"
            "2. Details of the acquisition\n"
            "(1) Number of shares held before acquisition: equivalent to 4.9% of issued shares\n"
            "(2) Acquisition price: approximately 120 billion yen\n"
            "(3) Number of shares held after acquisition: equivalent to 10.0% of issued shares\n\n"
            "Toyota said Suzuki would not become an affiliate.")
    result = run_text(body, title="Notice Concerning Additional Acquisition of Shares of Suzuki Motor Corporation")

    assert [(s.owner.split()[0], s.target.split()[0], s.percent) for s in result.stakes] == [("Toyota", "Suzuki", 10.0)]
    assert [e.kind for e in result.events] == ["stake_change"]
