import pytest

import datetime as dt

from extraction.tests.helpers import run_text


def events(body, published=dt.date(2025, 5, 20)):
    return [(e.kind, sorted(c.split()[0] for c in e.companies), e.status, e.date)
            for e in run_text(body, published=published).events]


def kinds(body):
    return [(k, c) for k, c, _, _ in events(body)]


def test_it_reads_merger_talks_and_their_end():
    assert kinds("Honda and Nissan began talks on a business integration.") == [("merger_talks", ["Honda", "Nissan"])]
    assert kinds("Honda and Nissan called off their merger talks.") == [("merger_talks_ended", ["Honda", "Nissan"])]


def test_a_memorandum_is_merger_talks_only_when_a_merger_is_discussed():
    assert kinds("Geely signed a memorandum of understanding with Renault on engines.") == [
        ("partnership", ["Renault", "Zhejiang"])]
    assert kinds("Honda and Nissan signed a memorandum of understanding. "
                 "The two companies expect the merger talks to last months.") == [("merger_talks", ["Honda", "Nissan"])]


def test_it_reads_an_approach_with_actor_and_target():
    assert kinds("Sources say Foxconn approached Nissan about a stake.") == [("approach", ["Hon", "Nissan"])]


def test_it_reads_partnerships_restructuring_results_leadership_launches_policy():
    assert kinds("Stellantis and Leapmotor formed a joint venture to sell cars abroad.") == [
        ("partnership", ["Stellantis", "Zhejiang"])]
    assert kinds("Volkswagen will cut 35,000 jobs and close two factories.") == [("restructuring", ["Volkswagen"])]
    assert kinds("Mazda cut its full-year forecast on Monday.") == [("financial_result", ["Mazda"])]
    assert kinds("Hyundai Motor named Jose Munoz as its next chief executive.") == [
        ("leadership_change", ["Hyundai"])]
    assert kinds("Volvo Cars unveiled the EX30, a small electric SUV.") == [("product_launch", ["Volvo"])]
    assert kinds("Washington imposed a 25% tariff on imported cars.") == [("policy", [])]


def test_status_comes_from_the_wording():
    assert events("Honda denied a Nikkei report that it restarted merger talks with Nissan.")[0][2] == "denied"
    assert events("The Nikkei reported that Mitsubishi Motors will join the alliance with Honda and Nissan.")[0][2] == "reported"
    assert events("People familiar with the matter say Toyota reached out to Nissan.")[0][2] == "rumored"
    assert events("Honda and Nissan announced a cooperation agreement.")[0][2] == "confirmed"


def test_dates_are_resolved_against_the_publication_date():
    (event,) = events("Honda and Nissan called off their merger talks in February.")
    assert event[3] == "2025-02"
    (event,) = events("Honda and Nissan called off their merger talks in February.", published=None)
    assert event[3] is None


def test_hypotheticals_and_passing_mentions_are_not_events():
    assert kinds("If Nissan were to merge with Honda, the group could save billions.") == []
    assert kinds("A partnership on that scale could change the market.") == []
    assert kinds("Any formal alliance between Toyota and Nissan would need approval.") == []
    assert kinds("Nissan has long valued its partnership with Renault.") == []
    assert kinds("Toyota plans to launch 30 new models by 2030.") == []
    assert kinds("Toyota employs 380,000 people and builds cars in 27 countries.") == []


def test_references_resolve_to_the_companies_named_before():
    assert kinds("Honda and Nissan have long been rivals. Now both companies will jointly develop software.") == [
        ("partnership", ["Honda", "Nissan"])]
    assert kinds("Nissan reported weak sales. The automaker said it would cut 9,000 jobs.") == [
        ("restructuring", ["Nissan"])]


def test_the_same_happening_twice_is_one_event_with_two_pieces_of_evidence():
    result = run_text("Honda and Nissan ended merger talks in February. The collapse of the merger talks "
                      "between Honda and Nissan surprised investors.")
    (event,) = result.events
    assert event.kind == "merger_talks_ended"
    assert len(event.evidence) == 2
    assert event.date == "2025-02"


def test_the_month_of_may_is_not_the_modal_may():
    found = events("Mazda has been cutting costs. In May it announced 3,000 job cuts in Japan.",
                   published=dt.date(2025, 7, 17))
    assert ("restructuring", ["Mazda"], "confirmed", "2025-05") in found


def test_a_described_subject_wins_over_the_owner_named_in_its_relative_clause():
    found = kinds("Volvo Cars swung to a loss in the second quarter. The Swedish carmaker, which is controlled "
                  "by Geely, booked an impairment charge of SEK 11.4 billion.")
    assert found == [("financial_result", ["Volvo"])]


def test_talks_to_combine_that_are_abandoned_have_ended():
    assert kinds("Nissan and Honda on Thursday formally abandoned talks to combine under a holding company.") == [
        ("merger_talks_ended", ["Honda", "Nissan"])]


def test_a_date_inside_the_phrase_does_not_hide_the_collapse():
    found = kinds("Nissan was reeling from the collapse in February of its merger talks with Honda.")
    assert found == [("merger_talks_ended", ["Honda", "Nissan"])]


def test_replacing_the_chief_named_before_is_a_leadership_change():
    found = events("Uchida, who has led Nissan since 2019, is under pressure. People familiar with the matter "
                   "said directors were considering replacing him before the end of the year.")
    assert [(k, c, s) for k, c, s, _ in found] == [("leadership_change", ["Nissan"], "rumored")]


def test_a_final_relative_clause_does_not_take_the_leadership_change_from_the_articles_company():
    found = kinds("Nissan is shaking up its board. Ivan Espinosa became chief executive in April, replacing "
                  "Makoto Uchida, who quit after the alliance talks with Honda fell apart.")
    assert found == [("leadership_change", ["Nissan"])]


def test_an_event_naming_no_company_in_an_article_about_one_company_is_that_companys():
    result = run_text("Nissan held a press conference in Yokohama on Thursday. Nissan said demand in China had "
                      "slumped. Nissan's chief executive spoke for an hour. Analysts were unimpressed. Dealers "
                      "remain cautious. The outlook is uncertain. Two assembly plants will be closed.")
    assert [(e.kind, e.companies, e.quote) for e in result.events] == [
        ("restructuring", ["Nissan Motor Co., Ltd."], "Two assembly plants will be closed.")]


def test_an_event_naming_no_company_is_nobodys_when_no_company_dominates_the_article():
    found = kinds("Nissan held a press conference in Yokohama on Thursday. Nissan said demand in China had "
                  "slumped. Honda said demand held up. Nissan's chief executive spoke for an hour. Honda's did "
                  "not. Analysts were unimpressed. Dealers remain cautious. The outlook is uncertain. "
                  "Two assembly plants will be closed.")
    assert found == []


def test_a_nationality_in_the_description_picks_the_company_of_that_country():
    found = kinds("Toyota and Foxconn both spoke at the fair. The Taiwanese electronics group named a new "
                  "chief executive.")
    assert found == [("leadership_change", ["Hon"])]


def test_the_taiwanese_group_courting_a_carmaker_is_the_actor_of_the_approach():
    result = run_text("Mitsubishi Motors has been courted by Foxconn. The Taiwanese electronics group made "
                      "overtures to Mitsubishi Motors in the autumn.")
    assert [(e.kind, e.companies) for e in result.events] == [
        ("approach", ["Hon Hai Precision Industry Co., Ltd.", "Mitsubishi Motors Corporation"])]


def test_a_memorandum_to_study_combining_under_a_holding_company_is_merger_talks():
    assert kinds("Mazda and Subaru signed a memorandum of understanding to study combining under a joint "
                 "holding company.") == [("merger_talks", ["Mazda", "Subaru"])]


def test_talks_that_collapsed_after_merger_talks_were_mentioned_have_ended():
    assert kinds("Mazda and Subaru signed a memorandum of understanding in March to study combining their "
                 "businesses. The talks collapsed in May after Subaru proposed making Mazda a subsidiary.") == [
        ("merger_talks", ["Mazda", "Subaru"]), ("merger_talks_ended", ["Mazda", "Subaru"])]


def test_talks_that_collapsed_after_a_mere_cooperation_are_not_merger_talks_ended():
    found = kinds("Mazda and Subaru agreed to cooperate on engines. The talks collapsed in May after Subaru "
                  "proposed making Mazda a subsidiary.")
    assert "merger_talks_ended" not in [k for k, _ in found]


def test_a_definitive_agreement_to_combine_is_merger_talks():
    assert kinds("Hino and Mitsubishi Fuso signed a definitive agreement on Friday to combine under a new "
                 "holding company.") == [("merger_talks", ["Hino", "Mitsubishi"])]


def test_a_definitive_agreement_about_something_else_is_not_merger_talks():
    found = kinds("Hino and Mitsubishi Fuso signed a definitive agreement on Friday to supply each other with parts.")
    assert "merger_talks" not in [k for k, _ in found]


def test_naming_someone_as_the_first_chief_executive_is_a_leadership_change():
    assert kinds("Mazda named Erika Sato, currently chief executive of Subaru, as the first chief executive "
                 "of the new holding company.") == [("leadership_change", ["Mazda"])]


def test_a_person_described_as_a_current_chief_executive_is_not_a_leadership_change():
    assert kinds("Erika Sato, currently chief executive of Subaru, spoke at the event.") == []


def test_a_company_after_a_preposition_in_the_actors_description_is_not_the_actor_of_an_approach():
    result = run_text("Foxconn, best known for assembling game consoles for Sony, has approached Mitsubishi Motors "
                      "about a capital tie-up.")
    assert [(e.kind, e.companies) for e in result.events] == [
        ("approach", ["Hon Hai Precision Industry Co., Ltd.", "Mitsubishi Motors Corporation"])]


def test_the_taiwanese_group_is_not_the_japanese_carmaker_named_before():
    def approaches(body):
        return [(e.kind, e.companies) for e in run_text(body).events]

    assert approaches("Toyota wants to build cars. The Taiwanese electronics group approached Mazda in March.") == []
    assert approaches("Toyota and Foxconn both looked at Mazda. "
                      "The Taiwanese electronics group approached Mazda in March.") == [
        ("approach", ["Hon Hai Precision Industry Co., Ltd.", "Mazda Motor Corporation"])]


def test_a_described_actor_is_not_the_company_after_a_preposition_in_its_description():
    result = run_text("Foxconn wants to build cars. The Taiwanese contract manufacturer, best known for assembling game "
                      "consoles for Sony, has approached Mazda about buying shares.")

    assert [(e.kind, e.companies) for e in result.events] == [
        ("approach", ["Hon Hai Precision Industry Co., Ltd.", "Mazda Motor Corporation"])]


def test_us_in_capitals_is_the_united_states_not_the_company_speaking():
    result = run_text("Subaru sold 900,000 cars in America. Toyota makes many of its cars there. "
                      "The US-Japan trade agreement cut the US tariff on Japanese cars to 15% from 27.5%.")

    assert [(e.kind, e.companies) for e in result.events if e.kind == "policy"] == [("policy", [])]


def test_we_in_a_quote_is_the_company_its_paragraph_is_about():
    result = run_text("Volkswagen said it would sell Scania shares. Volkswagen expects more.\n\n"
                      "Nissan confirms its plan for Japan. Chief executive Ivan Espinosa, who took over from Makoto Uchida, "
                      "said: \"We have to become faster.\"")

    assert [(e.kind, e.companies) for e in result.events if e.kind == "leadership_change"] == [
        ("leadership_change", ["Nissan Motor Co., Ltd."])]


def test_a_supply_deal_between_two_makers_is_a_partnership():
    result = run_text("Suzuki will also supply a version of the car to Toyota, which will sell it in Europe.")

    assert [(e.kind, e.companies) for e in result.events] == [
        ("partnership", ["Suzuki Motor Corporation", "Toyota Motor Corporation"])]


def test_an_agreement_to_explore_a_collaboration_is_a_partnership():
    result = run_text("Toyota and Honda have reached a preliminary agreement to explore a collaboration on software.")

    assert [(e.kind, e.companies) for e in result.events] == [
        ("partnership", ["Toyota Motor Corporation", "Honda Motor Co., Ltd."])]


def test_a_company_after_a_preposition_is_not_who_appointed_the_chief():
    result = run_text("Renault on Wednesday booked a charge on its stake in Nissan, and named "
                      "François Provost as chief executive.")

    assert [(e.kind, e.companies) for e in result.events if e.kind == "leadership_change"] == [
        ("leadership_change", ["Renault Group"])]


def test_the_described_actor_is_not_a_company_in_a_possessive_inside_the_description():
    result = run_text("The company, formally known as Hon Hai Precision Industry and best known as Sony's main "
                      "console assembler, has made an overture to Renault about buying its shares in Nissan.")

    assert [(e.kind, e.companies[:2]) for e in result.events if e.kind == "approach"] == [
        ("approach", ["Hon Hai Precision Industry Co., Ltd.", "Renault Group"])]


def test_idle_plants_are_not_a_restructuring_but_idling_plants_is():
    spare = run_text("Foxconn wants to use idle Nissan plants to build cars for others.")
    idled = run_text("Nissan will idle two plants in Japan next year.")

    assert [e.kind for e in spare.events] == []
    assert [(e.kind, e.companies) for e in idled.events] == [("restructuring", ["Nissan Motor Co., Ltd."])]


def test_a_rise_in_profit_described_at_length_is_a_result():
    result = run_text("Toyota reported an 8 per cent rise in standalone net profit to 3 billion yen.")

    assert [(e.kind, e.companies) for e in result.events] == [("financial_result", ["Toyota Motor Corporation"])]


@pytest.mark.parametrize("text", [
    "Toyota Industries agreed on June 3 to be taken private by a consortium led by Denso.",
    "Toyota plans to take Hino Motors, the truck maker it has long controlled, private this year.",
    "Toyota on Wednesday announced an agreement to acquire Italian truck and bus maker Hino Motors.",
    "Honda completed its acquisition of Mazda last year.",
    "Denso will launch a tender offer for all Toyota Industries shares.",
])
def test_a_takeover_is_a_stake_change(text):
    assert [e.kind for e in run_text(text).events] == ["stake_change"]


def test_acquiring_something_from_a_company_is_not_a_stake_change():
    assert run_text("Toyota acquired technology from Denso.").events == []


def test_a_leader_described_by_the_company_they_led_steps_down():
    result = run_text("Uchida, who has led Nissan since 2019, will step down.")

    assert [(e.kind, e.companies) for e in result.events] == [("leadership_change", ["Nissan Motor Co., Ltd."])]


def test_interest_in_buying_into_a_company_is_an_approach():
    result = run_text("Foxconn has expressed interest in acquiring a stake in Nissan.")

    assert ("approach", ["Hon Hai Precision Industry Co., Ltd.", "Nissan Motor Co., Ltd."]) in [
        (e.kind, e.companies) for e in result.events]


def test_talks_on_integrating_that_were_called_off_have_ended():
    result = run_text("Talks on integrating Nissan and Honda under a holding company were called off on Feb. 13 "
                      "after Honda proposed making Nissan a subsidiary.")

    assert [(e.kind, e.companies) for e in result.events] == [
        ("merger_talks_ended", ["Nissan Motor Co., Ltd.", "Honda Motor Co., Ltd."])]


@pytest.mark.parametrize("text", [
    "\"Nissan needs a partner with capital, whether that's Honda, Foxconn or someone else.\"",
    "\"We need to bring products to market faster,\" Nissan said.",
])
def test_a_wish_is_not_an_event(text):
    assert run_text(text).events == []


def test_backing_another_companys_turnaround_plan_is_not_a_restructuring_of_ones_own():
    result = run_text("Volvo Cars announced 3,000 job cuts in May. Geely, its largest shareholder, has backed the turnaround plan.")

    assert [(e.kind, e.companies) for e in result.events] == [("restructuring", ["Volvo Car AB"])]


N, H, T, M, S, F, R, MM = "Nissan", "Honda", "Toyota", "Mazda", "Subaru", "Hon", "Renault", "Mitsubishi"
# One event written the many ways reporters write it (sentences written for these tests).
EVENT_PHRASINGS = [
 ("Honda and Nissan began talks on a merger in December.", "merger_talks", {H,N}),
 ("Honda and Nissan are in talks to merge, people familiar with the matter said.", "merger_talks", {H,N}),
 ("Honda and Nissan announced plans to integrate their businesses under a holding company.", "merger_talks", {H,N}),
 ("Nissan and Honda have agreed to begin discussions about a business integration.", "merger_talks", {H,N}),
 ("Honda is exploring a merger with Nissan, the Nikkei reported.", "merger_talks", {H,N}),
 ("Honda and Nissan called off their merger talks on Thursday.", "merger_talks_ended", {H,N}),
 ("Honda and Nissan ended merger negotiations after a disagreement.", "merger_talks_ended", {H,N}),
 ("Nissan walked away from merger talks with Honda.", "merger_talks_ended", {H,N}),
 ("The planned merger between Honda and Nissan collapsed in February.", "merger_talks_ended", {H,N}),
 ("Honda and Nissan scrapped plans to merge.", "merger_talks_ended", {H,N}),
 ("Honda and Nissan terminated the memorandum of understanding on their integration.", "merger_talks_ended", {H,N}),
 ("Toyota approached Nissan about a possible investment.", "approach", {T,N}),
 ("Foxconn reached out to Nissan about buying a stake.", "approach", {F,N}),
 ("Foxconn has sounded out Renault about its Nissan shares.", "approach", {F,R}),
 ("Toyota is courting Nissan, according to people briefed on the matter.", "approach", {T,N}),
 ("Foxconn made an overture to Nissan last year.", "approach", {F,N}),
 ("Mitsubishi Motors joined the alliance between Honda and Nissan.", "partnership", {MM,H,N}),
 ("Toyota and Mazda formed a joint venture to build cars in Alabama.", "partnership", {T,M}),
 ("Toyota and Subaru will jointly develop electric vehicles.", "partnership", {T,S}),
 ("Nissan and Renault signed a new alliance agreement.", "partnership", {N,R}),
 ("Honda and Nissan agreed to cooperate on software and batteries.", "partnership", {H,N}),
 ("Toyota teamed up with Mazda on EV technology.", "partnership", {T,M}),
 ("Mazda deepened its partnership with Toyota.", "partnership", {M,T}),
 ("Toyota raised its stake in Subaru to 20%.", "stake_change", {T,S}),
 ("Nissan sold part of its stake in Mitsubishi Motors.", "stake_change", {N,MM}),
 ("Renault cut its holding in Nissan to 15%.", "stake_change", {R,N}),
 ("Toyota bought a 5% stake in Mazda.", "stake_change", {T,M}),
 ("Nissan will cut 20,000 jobs and close seven plants.", "restructuring", {N}),
 ("Nissan announced a restructuring plan on Tuesday.", "restructuring", {N}),
 ("Nissan plans to shut its Oppama plant in 2027.", "restructuring", {N}),
 ("Nissan will lay off 9,000 workers.", "restructuring", {N}),
 ("Honda is slashing costs by 20%.", "restructuring", {H}),
 ("Nissan reported a net loss of 670 billion yen.", "financial_result", {N}),
 ("Toyota posted record operating profit for the year.", "financial_result", {T}),
 ("Mazda cut its full-year profit forecast.", "financial_result", {M}),
 ("Honda's quarterly profit fell 50%.", "financial_result", {H}),
 ("Subaru lowered its earnings guidance because of tariffs.", "financial_result", {S}),
 ("Nissan swung to a loss in the first half.", "financial_result", {N}),
 ("Nissan named Ivan Espinosa as chief executive.", "leadership_change", {N}),
 ("Makoto Uchida will step down as CEO of Nissan.", "leadership_change", {N}),
 ("Espinosa replaced Uchida as Nissan's chief executive in April.", "leadership_change", {N}),
 ("Honda appointed a new chief financial officer.", "leadership_change", {H}),
 ("Toyota's chairman Akio Toyoda will retire next year, Toyota said.", "leadership_change", {T}),
 ("Nissan launched the new Leaf in Japan.", "product_launch", {N}),
 ("Honda unveiled a new electric SUV at the show.", "product_launch", {H}),
 ("Toyota began selling the bZ3X in China.", "product_launch", {T}),
 ("Mazda rolled out its first EV for Europe.", "product_launch", {M}),
 ("The United States imposed a 25% tariff on imported cars.", "policy", set()),
 ("Japan raised subsidies for electric vehicles.", "policy", set()),
 ("Washington cut tariffs on Japanese cars to 15%.", "policy", set()),
 ("Nissan said on Monday it would cut 9,000 jobs. The carmaker will also close a plant in Thailand.", "restructuring", {N}),
 ("Nissan's new boss, Ivan Espinosa, takes over on April 1.", "leadership_change", {N}),
 ("Ivan Espinosa will become Nissan's chief executive on April 1.", "leadership_change", {N}),
 ("Uchida, who has led Nissan since 2019, will step down.", "leadership_change", {N}),
 ("Nissan said Makoto Uchida would be replaced by Ivan Espinosa.", "leadership_change", {N}),
 ("Mitsubishi Motors said it would join the partnership between Honda and Nissan.", "partnership", {MM,H,N}),
 ("Honda, Nissan and Mitsubishi Motors signed a memorandum of understanding on software.", "partnership", {MM,H,N}),
 ("Foxconn has expressed interest in acquiring a stake in Nissan.", "approach", {F,N}),
 ("Foxconn approached Nissan late last year about taking a controlling stake.", "approach", {F,N}),
 ("Foxconn's overtures to Nissan were rebuffed.", "approach", {F,N}),
 ("Renault is considering selling its remaining Nissan shares.", "stake_change", {R,N}),
 ("Nissan unveiled its new Leaf on Tuesday, the third generation of the EV.", "product_launch", {N}),
 ("Mazda's operating profit plunged 51% in the quarter.", "financial_result", {M}),
 ("Subaru slashed its annual profit outlook by 40%.", "financial_result", {S}),
 ("Nissan expects to post a net loss of up to 750 billion yen.", "financial_result", {N}),
 ("Japan and the United States agreed a trade deal that cuts tariffs on cars to 15%.", "policy", set()),
 ("Nissan will shut down its Oppama factory by March 2028.", "restructuring", {N}),
 ("Nissan is reducing its global production capacity by 20%.", "restructuring", {N}),
 ("Nissan's board approved a restructuring plan called Re:Nissan.", "restructuring", {N}),
]


@pytest.mark.parametrize(("text", "kind", "companies"), EVENT_PHRASINGS, ids=[t[:50] for t, *_ in EVENT_PHRASINGS])
def test_it_reads_an_event_however_it_is_phrased(text, kind, companies):
    found = [(e.kind, {c.split()[0] for c in e.companies}) for e in run_text(text).events]
    assert any(k == kind and ((not c and not companies) or len(c & companies) / len(c | companies) >= 0.5)
               for k, c in found), found


def test_companies_a_deal_is_ranked_against_are_not_its_parties():
    result = run_text("Honda and Nissan signed a memorandum of understanding to begin talks on integrating their "
                      "businesses, a move that would create the third-largest group after Toyota and Volkswagen.")

    assert [(e.kind, e.companies) for e in result.events] == [
        ("merger_talks", ["Honda Motor Co., Ltd.", "Nissan Motor Co., Ltd."])]


@pytest.mark.parametrize("text", ["Honda kept its full-year forecast of 700 billion yen.",
                                  "Toyota reaffirmed its annual operating profit guidance."])
def test_a_forecast_kept_is_a_result(text):
    assert [e.kind for e in run_text(text).events] == ["financial_result"]


@pytest.mark.parametrize("text", [
    "Nissan confirmed last week it will merge its two assembly plants in Samut Prakan into one by the end of March.",
    "Honda said it would cut its planned investment in electric vehicles to 7 trillion yen.",
    "Suzuki ended vehicle production at its Thai factory at the end of 2025.",
])
def test_consolidating_plants_ending_production_and_cutting_investment_are_restructuring(text):
    assert [e.kind for e in run_text(text).events] == ["restructuring"]


def test_a_production_halt_for_a_few_weeks_is_not_a_restructuring():
    assert run_text("Daihatsu halted all production in Japan for several weeks after a testing scandal.").events == []


@pytest.mark.parametrize("text", ["Honda has revived the Prelude nameplate after a 24-year absence.",
                                  "Toyota has given its first dedicated EV, the bZ4X, a major update with more range."])
def test_a_revived_nameplate_and_a_major_update_are_launches(text):
    assert [e.kind for e in run_text(text).events] == ["product_launch"]
