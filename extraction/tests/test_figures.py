import pytest
import datetime as dt

from extraction.tests.helpers import run_text


def figures(body, published=dt.date(2025, 5, 20)):
    return [((f.company or "").split(" ")[0] or None, f.metric, f.value, f.unit, f.period)
            for f in run_text(body, published=published).figures]


def test_a_loss_is_negative_with_its_currency_and_period():
    assert figures("Nissan posted a net loss of $4.5 billion for the fiscal year ending March 2025.") == [
        ("Nissan", "net_income", -4_500_000_000, "USD", "FY2024")]


def test_it_reads_savings_jobs_plants_and_market_share():
    assert figures("Nissan targets cost savings of 250 billion yen.") == [
        ("Nissan", "cost_savings", 250_000_000_000, "JPY", None)]
    assert figures("Nissan will eliminate 20,000 jobs and close seven plants.") == [
        ("Nissan", "jobs_cut", 20_000, "jobs", None), ("Nissan", "plants_closed", 7, "plants", None)]
    assert figures("Nissan holds just 2.4% of the U.S. EV market.") == [("Nissan", "market_share", 2.4, "%", None)]


def test_it_pairs_lists_respectively():
    assert figures("In 2023 Nissan and Honda sold 140,000 and 19,000 electric vehicles respectively, "
                   "while Tesla and BYD sold 1.8 million and 1.57 million respectively.") == [
        ("Nissan", "ev_sales_units", 140_000, "vehicles", "2023"),
        ("Honda", "ev_sales_units", 19_000, "vehicles", "2023"),
        ("Tesla,", "ev_sales_units", 1_800_000, "vehicles", "2023"),
        ("BYD", "ev_sales_units", 1_570_000, "vehicles", "2023"),
    ]


def test_tariff_costs_are_tariff_costs_not_profits():
    assert figures("Toyota said U.S. tariffs cut its operating profit by 180 billion yen.") == [
        ("Toyota", "tariff_cost", 180_000_000_000, "JPY", None)]


def test_numbers_without_a_cue_are_not_figures():
    assert figures("Toyota employs 380,000 people and has a plant that can produce 440,000 vehicles a year, "
                   "and its shares rose 3% in 2024.") == []


def test_a_group_is_not_a_company():
    assert figures("The total sales of these five automakers reached 16 million vehicles.") == [
        (None, "sales_units", 16_000_000, "vehicles", None)]
    assert figures("If Mitsubishi's 810,000 vehicles are added, the alliance's total sales will reach "
                   "8.35 million vehicles.") == [
        ("Mitsubishi", "sales_units", 810_000, "vehicles", None), (None, "sales_units", 8_350_000, "vehicles", None)]


def test_a_description_of_the_subject_wins_over_the_owner_in_its_relative_clause():
    body = ("Mazda reported a drop in quarterly profit on Tuesday. "
            "The Hiroshima carmaker, in which Toyota holds a 5.1% stake, booked a net loss of 42 billion yen. "
            "Revenue fell 9% to 1.1 trillion yen.")

    assert [(company, metric) for company, metric, *_ in figures(body)] == [
        ("Mazda", "net_income"), ("Mazda", "revenue")]


def test_a_handful_of_models_is_not_a_sales_figure():
    found = figures("Volvo Cars wrote down the EX90 and ES90, two large electric cars whose sales disappointed.")
    assert [f for f in found if f[1] in ("sales_units", "ev_sales_units")] == []


def test_job_cuts_written_as_a_noun_are_jobs_cut():
    found = figures("Volvo Cars is slashing spending. In May it announced 3,000 job cuts in Sweden.")
    assert ("Volvo", "jobs_cut", 3000, "jobs", None) in found


def test_a_price_is_not_revenue():
    found = figures("Ford's revenue fell. But sales of the Explorer, priced from £39,875 in the UK, have lagged.")
    assert [f for f in found if f[2] == 39875] == []


def test_an_amount_set_against_the_one_before_is_the_same_measure():
    found = figures("BYD's third-quarter revenue rose 24% to 201.1 billion yuan. "
                    "That beat Tesla's $25.2 billion for the same quarter.")
    assert [f[:4] for f in found if f[2] == 25_200_000_000] == [("Tesla,", "revenue", 25_200_000_000, "USD")]


def test_the_company_referred_to_may_be_named_earlier_in_the_same_sentence():
    found = figures("Shares in Nissan fell 5% after the company said it expected a net loss of $4.5 billion.")
    assert ("Nissan", "net_income", -4_500_000_000, "USD", None) in found


def test_a_possessive_with_its_noun_left_out_repeats_the_measure():
    found = figures("Toyota's net profit rose 20% to 4.8 trillion yen, while Honda's fell 10% to 1.1 trillion yen.")
    assert [(f[0], f[1], f[2]) for f in found] == [("Toyota", "net_income", 4_800_000_000_000),
                                                   ("Honda", "net_income", 1_100_000_000_000)]


def test_a_figure_of_a_company_whose_brands_are_listed_in_a_relative_clause_is_that_companys():
    found = figures("Volvo Group, whose brands include Mack, Renault Trucks and Volvo Trucks, sold 230,000 "
                    "trucks in 2024.")
    assert found == [("AB", "sales_units", 230_000, "vehicles", "2024")]


def test_a_figure_naming_no_company_in_an_article_about_one_company_is_that_companys():
    found = figures("Nissan published its recovery plan on Thursday. Nissan said demand in China had slumped. "
                    "Nissan also replaced several senior executives last year. Analysts were unimpressed. "
                    "Dealers remain cautious. The outlook is uncertain. Suppliers have been told. "
                    "Annual cost savings of 400 billion yen are targeted by 2027.")
    assert found == [("Nissan", "cost_savings", 400_000_000_000, "JPY", None)]


def test_a_figure_naming_no_company_is_nobodys_when_no_company_dominates_the_article():
    found = figures("Nissan published its recovery plan on Thursday. Nissan said demand in China had slumped. "
                    "Honda said demand held up. Nissan also replaced several senior executives. Honda did not. "
                    "Analysts were unimpressed. Dealers remain cautious. The outlook is uncertain. "
                    "Annual cost savings of 400 billion yen are targeted by 2027.")
    assert found == [(None, "cost_savings", 400_000_000_000, "JPY", None)]


def test_a_key_numbers_table_row_belongs_to_the_company_the_article_is_about():
    found = figures("Nissan released its annual report on Tuesday. Nissan said demand in China weakened. "
                    "Nissan also cut its dividend.\n\nKey numbers\n"
                    "  Revenue .......... $82.1bn\n"
                    "  Operating profit .......... $0.5bn\n")
    assert found == [("Nissan", "revenue", 82_100_000_000, "USD", None),
                     ("Nissan", "operating_income", 500_000_000, "USD", None)]


def test_a_company_named_only_in_an_aside_after_the_number_does_not_own_it():
    found = figures("Mazda released its results on Monday. Net profit fell 45 per cent to 48 billion yen, "
                    "hurt by a recall at Ford.")
    assert found == [("Mazda", "net_income", 48_000_000_000, "JPY", None)]


def test_a_company_named_after_the_number_without_an_aside_owns_it():
    found = figures("Isuzu reported results. Revenue rose 8 per cent to 3.2 trillion yen at Hino.")
    assert found == [("Hino", "revenue", 3_200_000_000_000, "JPY", None)]


def test_it_is_the_previous_sentences_subject_not_the_company_after_a_preposition():
    found = figures("Subaru said the negotiations with Toyota had stalled. It reported an operating profit "
                    "of 120 billion yen.")
    assert found == [("Subaru", "operating_income", 120_000_000_000, "JPY", None)]


def test_a_factory_network_shrunk_from_one_count_to_another_is_plants_closed():
    assert figures("Nissan will shrink its global factory network from 17 plants to 10.") == [
        ("Nissan", "plants_closed", 7, "plants", None)]
    assert figures("Mazda plans to cut the number of its vehicle plants from 12 to 9.") == [
        ("Mazda", "plants_closed", 3, "plants", None)]


def test_a_workforce_cut_from_one_count_to_another_is_jobs_cut():
    assert figures("Honda will cut its workforce from 200,000 to 185,000.") == [
        ("Honda", "jobs_cut", 15_000, "jobs", None)]


def test_a_count_that_rises_from_one_number_to_another_is_not_a_cut():
    assert figures("Subaru will expand its factory network from 10 plants to 17.") == []
    assert figures("Subaru will grow its workforce from 33,000 to 38,000.") == []


def test_the_company_long_after_the_last_name_in_an_article_about_one_company_is_that_company():
    found = figures("Nissan unveiled a recovery plan on Tuesday. Nissan said it will simplify its model line-up. "
                    "Nissan also plans to share platforms with partners. The plan covers three years. "
                    "Engineering work will be moved to lower-cost countries. Suppliers have been informed. "
                    "Dealers were briefed last week. The company expects annual savings of 500 billion yen "
                    "by fiscal 2026.")
    assert found == [("Nissan", "cost_savings", 500_000_000_000, "JPY", "FY2026")]


def test_a_key_numbers_row_with_a_minus_sign_is_a_loss():
    result = run_text("Nissan released its annual report on Tuesday. Nissan said demand in China weakened. "
                      "Nissan also cut its dividend.\n\nKey numbers\n  Net income .......... -$4.5bn\n")

    assert [(f.company, f.metric, f.value, f.unit) for f in result.figures] == [
        ("Nissan Motor Co., Ltd.", "net_income", -4_500_000_000, "USD")]


def test_a_loss_written_with_a_minus_sign_is_not_made_positive_by_the_word_loss():
    result = run_text("Nissan posted a net loss of -$8.2bn. Honda's range of 2-$3 billion in savings was unchanged.")

    assert [(f.metric, f.value) for f in result.figures if f.metric == "net_income"] == [("net_income", -8_200_000_000)]


def test_a_second_cut_joined_by_and_is_read_too():
    result = run_text("Mazda will cut its plants from 12 to 9 and its workforce from 48,000 to 45,500.")

    assert sorted((f.metric, f.value) for f in result.figures) == [("jobs_cut", 2500), ("plants_closed", 3)]


def test_the_group_is_not_a_company_that_only_qualified_a_noun_before():
    result = run_text("Renault swung to a loss this year. Excluding the Nissan charge, which stems from how Renault "
                      "accounts for its holding, the group would have been profitable. "
                      "Revenue rose 2.5 per cent to €27.6bn, and the group sold 1.13 million vehicles.")

    assert {(f.company, f.metric) for f in result.figures} == {
        ("Renault Group", "revenue"), ("Renault Group", "sales_units")}


def test_a_charge_is_not_a_result():
    result = run_text("Renault reported a first-half net loss of €11.2bn after booking a €9.3bn non-cash charge. "
                      "The loss was driven by roughly 500 billion yen of impairment charges at Nissan.")

    assert [(f.metric, f.value) for f in result.figures] == [("net_income", -11_200_000_000)]


def test_last_years_result_given_for_comparison_is_not_a_figure():
    result = run_text("Mazda said it made a net profit of 30 billion yen in the first half, "
                      "compared with a loss of 2.2 billion yen a year earlier.")

    assert [(f.metric, f.value) for f in result.figures] == [("net_income", 30_000_000_000)]


def test_plants_cut_to_one_count_from_another_are_closed():
    result = run_text("Nissan said it would reduce its number of car plants to 10 from 17.")

    assert [(f.metric, f.value) for f in result.figures] == [("plants_closed", 7)]


def test_a_hit_after_a_sentence_about_tariff_costs_is_a_tariff_cost():
    result = run_text("Honda expects tariffs to cost it 450 billion yen. Subaru said it expected a 180 billion yen hit.")

    assert [(f.company.split()[0], f.metric, f.value) for f in result.figures] == [
        ("Honda", "tariff_cost", 450_000_000_000), ("Subaru", "tariff_cost", 180_000_000_000)]


def test_a_second_sales_count_without_its_unit_is_sales_too():
    result = run_text("Nissan sold 3.44 million vehicles in the year through March, while Mazda sold 815,000.")

    assert [(f.company.split()[0], f.metric, f.value) for f in result.figures] == [
        ("Nissan", "sales_units", 3_440_000), ("Mazda", "sales_units", 815_000)]


def test_a_results_table_gives_each_company_its_figures():
    result = run_text("Results for the year\nCompany | Net income (¥bn) | Global sales\n"
                      "Toyota | ¥4.8tn | 10.8 million\nHonda | ¥835bn | 3.7 million")

    assert [(f.company.split()[0], f.metric, f.value) for f in result.figures] == [
        ("Toyota", "net_income", 4.8e12), ("Toyota", "sales_units", 10_800_000),
        ("Honda", "net_income", 835e9), ("Honda", "sales_units", 3_700_000)]


def test_rows_under_a_line_naming_the_metric_belong_to_their_companies():
    result = run_text("Net profit for the year:\nToyota: ¥4.8 trillion\nHonda: ¥835 billion")

    assert [(f.company.split()[0], f.metric, f.value) for f in result.figures] == [
        ("Toyota", "net_income", 4.8e12), ("Honda", "net_income", 835e9)]


def test_a_key_figures_box_with_colons_belongs_to_the_articles_company():
    result = run_text("Nissan reported results on Tuesday. Nissan said demand was weak. Nissan cut its dividend.\n\n"
                      "Key figures\nRevenue: ¥12.6 trillion (down 0.4%)\nNet income: -¥670.9bn")

    assert [(f.company.split()[0], f.metric, f.value) for f in result.figures] == [
        ("Nissan", "revenue", 12.6e12), ("Nissan", "net_income", -670.9e9)]


# One figure written the many ways reporters write it (sentences written for these tests).
FIGURE_PHRASINGS = [
 ("Nissan reported a net loss of 670.9 billion yen for the year.", "Nissan", "net_income", -670.9e9),
 ("Nissan's net loss widened to ¥670.9bn.", "Nissan", "net_income", -670.9e9),
 ("Nissan lost $4.5 billion last year.", "Nissan", "net_income", -4.5e9),
 ("Toyota's net profit rose 12% to ¥4.8 trillion.", "Toyota", "net_income", 4.8e12),
 ("Honda earned 835 billion yen in net income.", "Honda", "net_income", 835e9),
 ("Toyota booked net income of 4.77 trillion yen.", "Toyota", "net_income", 4.77e12),
 ("Mazda's revenue climbed to 5.1 trillion yen.", "Mazda", "revenue", 5.1e12),
 ("Toyota's sales revenue reached ¥48 trillion.", "Toyota", "revenue", 48e12),
 ("Nissan sold 3.35 million vehicles worldwide in fiscal 2024.", "Nissan", "sales_units", 3.35e6),
 ("Toyota's global sales hit a record 10.8 million vehicles.", "Toyota", "sales_units", 10.8e6),
 ("Honda delivered 3.8 million cars last year.", "Honda", "sales_units", 3.8e6),
 ("BYD sold 4.27 million electric vehicles in 2024.", "BYD", "ev_sales_units", 4.27e6),
 ("Toyota's EV sales rose to 140,000 units.", "Toyota", "ev_sales_units", 140000),
 ("Nissan will cut 20,000 jobs worldwide.", "Nissan", "jobs_cut", 20000),
 ("Nissan plans to eliminate 9,000 positions.", "Nissan", "jobs_cut", 9000),
 ("Nissan will reduce its workforce by 20,000.", "Nissan", "jobs_cut", 20000),
 ("Nissan will close seven plants by 2027.", "Nissan", "plants_closed", 7),
 ("Nissan aims for cost savings of 500 billion yen.", "Nissan", "cost_savings", 500e9),
 ("Honda expects to save ¥100bn a year from the merger.", "Honda", "cost_savings", 100e9),
 ("Toyota's market share in the US rose to 15.3%.", "Toyota", "market_share", 15.3),
 ("Suzuki holds a 41% share of India's car market.", "Suzuki", "market_share", 41),
 ("Honda expects tariffs to cost it 450 billion yen this year.", "Honda", "tariff_cost", 450e9),
 ("Toyota booked a ¥1.4 trillion hit from US tariffs.", "Toyota", "tariff_cost", 1.4e12),
 ("Mazda said the tariffs would cost ¥233.3 billion.", "Mazda", "tariff_cost", 233.3e9),
 ("Subaru expects a tariff impact of 210 billion yen.", "Subaru", "tariff_cost", 210e9),
 ("Nissan's first-half loss came to 221.9 billion yen.", "Nissan", "net_income", -221.9e9),
 ("Honda's net income fell 25% to ¥835.8bn.", "Honda", "net_income", 835.8e9),
 ("Maruti Suzuki's net profit rose to ₹3,650 crore.", "Suzuki", "net_income", 36.5e9),
 ("Nissan reported results on Tuesday. The carmaker posted a net loss of 670.9 billion yen.", "Nissan", "net_income", -670.9e9),
 ("Nissan reported results on Tuesday. It swung to a net loss of 670.9 billion yen.", "Nissan", "net_income", -670.9e9),
 ("Honda said its profit fell. Net income dropped 25% to 835.8 billion yen.", "Honda", "net_income", 835.8e9),
 ("Toyota sold 10.8 million vehicles in 2024, while Honda sold 3.8 million.", "Honda", "sales_units", 3.8e6),
 ("Mazda said the tariffs would cost it about ¥233 billion this year.", "Mazda", "tariff_cost", 233e9),
 ("Nissan aims to cut costs by 500 billion yen by fiscal 2026.", "Nissan", "cost_savings", 500e9),
 ("Nissan is targeting ¥500 billion in cost reductions.", "Nissan", "cost_savings", 500e9),
 ("Toyota's operating profit fell 10%, and revenue rose to 48 trillion yen.", "Toyota", "revenue", 48e12),
 ("BYD's share of the Japanese market remains below 1%.", "BYD", "market_share", 1),
 ("Suzuki's Indian unit commands about 41% of the market.", "Suzuki", "market_share", 41),
 ("Nissan will reduce its headcount by 20,000.", "Nissan", "jobs_cut", 20000),
 ("About 20,000 jobs will go at Nissan.", "Nissan", "jobs_cut", 20000),
 ("Nissan said 9,000 workers would lose their jobs.", "Nissan", "jobs_cut", 9000),
 ("Nissan plans to shutter seven factories.", "Nissan", "plants_closed", 7),
 ("Honda's global sales fell 5% to 3.7 million units.", "Honda", "sales_units", 3.7e6),
 ("Toyota delivered a record 10.8 million cars worldwide last year.", "Toyota", "sales_units", 10.8e6),
 ("Honda booked a ¥450 billion tariff charge.", "Honda", "tariff_cost", 450e9),
 ("The tariffs will shave ¥1.4 trillion off Toyota's operating profit.", "Toyota", "tariff_cost", 1.4e12),
 ("Toyota expects a hit of 1.4 trillion yen from U.S. tariffs.", "Toyota", "tariff_cost", 1.4e12),
 ("Nissan's revenue for the year was ¥12.6 trillion.", "Nissan", "revenue", 12.6e12),
 ("Nissan lost ¥670.9bn in the year to March.", "Nissan", "net_income", -670.9e9),
 ("Subaru's net profit was 339 billion yen.", "Subaru", "net_income", 339e9),
 ("Mitsubishi Motors earned 40.9 billion yen in the year.", "Mitsubishi", "net_income", 40.9e9),
]


@pytest.mark.parametrize(("text", "company", "metric", "value"), FIGURE_PHRASINGS,
                         ids=[t[:50] for t, *_ in FIGURE_PHRASINGS])
def test_it_reads_a_figure_however_it_is_phrased(text, company, metric, value):
    found = [(f.company and f.company.split()[0], f.metric, f.value) for f in run_text(text).figures]
    assert any(c == company and m == metric and abs(v - value) <= abs(value) * 0.01 for c, m, v in found), found


def test_a_hit_just_after_tariffs_are_mentioned_is_a_tariff_cost():
    result = run_text("Toyota declined to give a full-year tariff estimate. Subaru said it expected a 180 billion yen hit.")

    assert [(f.company.split()[0], f.metric, f.value) for f in result.figures] == [("Subaru", "tariff_cost", 180e9)]


def test_jobs_put_at_risk_are_jobs_cut():
    result = run_text("Stellantis will close its van factory in Luton, putting about 1,100 jobs at risk.")

    assert [(f.metric, f.value) for f in result.figures] == [("jobs_cut", 1100)]


def test_a_market_leaders_share_is_a_market_share():
    result = run_text("Toyota remains market leader with a share of 21.4 percent.")

    assert [(f.metric, f.value) for f in result.figures] == [("market_share", 21.4)]


def test_a_company_inside_a_long_relative_clause_is_not_whose_result_it_is():
    result = run_text("Toyota Industries, which makes forklifts, compressors and engines, and assembles the RAV4 for "
                      "Toyota, reported net income of ¥331.2 billion for the year ended March.")

    assert [(f.company.split()[0], f.metric) for f in result.figures] == [("Toyota", "net_income")]
    assert result.figures[0].company == "Toyota Industries Corporation"


def test_tariffs_on_a_group_of_cars_still_cost_the_company_named():
    result = run_text("Toyota cut its forecast, saying U.S. tariffs on Japanese cars would cost it ¥1.4 trillion this year.")

    assert [(f.company.split()[0], f.metric, f.value) for f in result.figures] == [("Toyota", "tariff_cost", 1.4e12)]


def test_a_share_after_a_market_share_is_one_too():
    result = run_text("Maruti Suzuki's share of the market was 41 per cent. Mazda lifted its share to 13.4 per cent, "
                      "edging past Honda, whose share fell to 13.1 per cent.")

    assert [(f.company.split()[0], f.value) for f in result.figures if f.metric == "market_share"][-2:] == [
        ("Mazda", 13.4), ("Honda", 13.1)]
