"""Many ways of writing the same kind of fact: each family of phrasings is read, and what only
sounds like a fact is not.

Written from how business journalists write (wire copy, British papers, briefs, interviews),
not from the articles the rules were tuned on: a phrasing is here because it is common, so a
rule that reads only one sentence of a family fails this module.
"""

import pytest

from extraction.tests.helpers import run_text

PHRASINGS = {
    'merger_talks': [
        'Honda and Nissan are said to be in talks to merge.',
        'Honda and Nissan held discussions about combining their businesses.',
        "Nissan and Honda are exploring a tie-up that would create the world's third-largest carmaker.",
        'Honda has opened merger negotiations with Nissan.',
        'Honda is in talks to merge with Nissan.',
        'Nissan is in advanced talks with Honda over a merger.',
        'Honda and Nissan signed a memorandum of understanding to explore a merger.',
        'Nissan and Honda are in merger talks, people familiar with the matter said.',
        'Honda and Nissan agreed to begin formal negotiations on a business combination.',
        'Honda and Nissan are discussing a possible merger under a joint holding company.',
        'Honda and Nissan are weighing a merger.',
        'Honda and Nissan announced plans to combine under a holding company.',
        'Honda and Nissan resumed merger talks.',
    ],
    'merger_talks_ended': [
        'Honda and Nissan abandoned their merger talks.',
        'Honda walked away from the proposed merger with Nissan.',
        'Nissan scrapped plans to merge with Honda.',
        'Honda and Nissan have terminated their memorandum of understanding on a merger.',
        'Merger talks between Honda and Nissan collapsed on Thursday.',
        'Nissan pulled out of merger talks with Honda.',
        'Honda and Nissan ended their integration talks.',
        "Nissan rejected Honda's proposal to become a subsidiary, ending the merger talks.",
        'The planned merger of Honda and Nissan has been called off.',
        'Honda and Nissan officially dropped their plan to merge.',
    ],
    'approach': [
        'Foxconn approached Nissan about taking a stake.',
        'Foxconn made an approach to Nissan.',
        'Toyota has been courting Nissan.',
        'Foxconn sounded out Nissan about an investment.',
        'Foxconn offered to invest in Nissan.',
        'Foxconn expressed interest in acquiring Nissan.',
        'Foxconn made overtures to Nissan.',
        'Foxconn made a takeover bid for Nissan.',
        'Foxconn reached out to Nissan.',
        'Foxconn contacted Nissan about a possible investment.',
        'Foxconn proposed an investment in Nissan.',
    ],
    'partnership': [
        'Honda and Nissan formed a strategic partnership on software.',
        'Mitsubishi Motors joined the alliance of Honda and Nissan.',
        'Toyota and BMW agreed to jointly develop fuel-cell vehicles.',
        'Toyota teamed up with BMW on hydrogen cars.',
        'Honda and Sony set up a joint venture to build electric cars.',
        'Nissan and Renault signed an agreement to cooperate on batteries.',
        'Stellantis and Leapmotor struck a deal to sell electric cars in Europe.',
        'Honda will partner with Nissan on electric vehicle components.',
        'Toyota and Suzuki agreed to a capital and business alliance.',
        'Geely and Renault launched a joint venture to make engines.',
        'Hyundai and GM signed a deal to co-develop five vehicles.',
        'Honda and Nissan agreed to collaborate on software for electric cars.',
        'Toyota will supply hybrid systems to Mazda under an agreement.',
        'Honda and Nissan agreed to share components.',
        'Nissan and Honda entered a strategic partnership.',
        'Toyota and BYD established a joint venture.',
        'Renault and Geely are joining forces on hybrid engines.',
    ],
    'stake_change': [
        'Toyota took a 5% stake in Mazda.',
        'Toyota upped its holding in Subaru to 20%.',
        'Renault offloaded its shares in Nissan.',
        'Toyota acquired a stake in Suzuki.',
        'Renault sold part of its Nissan stake.',
        'Toyota raised its stake in Subaru.',
        'Renault will reduce its stake in Nissan to 15%.',
        'Toyota bought shares in Mazda.',
        'Renault trimmed its Nissan holding to 15%.',
        'Toyota increased its shareholding in Suzuki to 5%.',
        'Geely acquired a 9.7% stake in Mercedes-Benz.',
        'Toyota invested $500 million in Nissan in exchange for a 5% stake.',
        'Renault sold 5% of Nissan to a trust.',
    ],
    'restructuring': [
        'Nissan will shed 9,000 jobs.',
        'Nissan will axe 20,000 jobs worldwide.',
        'Nissan will mothball a plant in Thailand.',
        'Ford will cut 4,000 jobs in Europe.',
        'Volkswagen announced plans to close three factories in Germany.',
        'Nissan launched a turnaround plan.',
        'Nissan unveiled a restructuring plan.',
        'Ford plans to lay off 4,000 workers.',
        'Nissan said it would reduce its global production capacity by 20%.',
        'Nissan will slash 20,000 positions.',
        'Nissan will shut seven plants.',
        'Ford will eliminate 4,000 positions in Germany and Britain.',
        'Stellantis said it would idle its Windsor plant.',
        'Volkswagen will cut 35,000 jobs in Germany by 2030.',
        'Nissan is cutting 9,000 jobs.',
        'Ford will reduce its workforce in Europe by 4,000.',
        'Ford announced 4,000 job cuts.',
        'Nissan will close its Oppama factory.',
        "Nissan's Oppama plant will be closed.",
        'Honda will cut costs by $1 billion.',
    ],
    'financial_result': [
        'Nissan swung to a loss in the first quarter.',
        'Toyota posted a record profit.',
        'Nissan booked a net loss of 670 billion yen.',
        'Nissan reported a net loss of $4.5 billion.',
        'Mazda cut its profit forecast.',
        'Nissan issued a profit warning.',
        "Volvo Cars' operating profit plunged 60%.",
        "Toyota's net profit fell 20% in the quarter.",
        'Nissan slumped to a loss.',
        "Nissan's quarterly loss widened.",
        "Kia's sales hit a record 3.1 million vehicles.",
        "Toyota's revenue rose 8% to ¥48tn.",
        'Toyota sold a record 10.8 million vehicles last year.',
        'Nissan lost $4.5 billion in the year.',
        'Volvo Cars made a loss of SEK 1.1 billion.',
        "Nissan's operating profit dropped 88%.",
        'Honda lowered its annual profit outlook.',
        "Tesla's earnings beat expectations.",
        'Nissan returned to profit.',
        'Toyota turned in a record operating profit of ¥5.3tn.',
        'Volvo Cars fell to a net loss in the second quarter.',
        "Mazda's net income rose 5 per cent.",
    ],
    'leadership_change': [
        'Nissan named Ivan Espinosa as chief executive.',
        "Makoto Uchida will step down as Nissan's chief executive.",
        'Stellantis appointed Antonio Filosa as its new CEO.',
        'Renault chief executive Luca de Meo resigned.',
        'Ivan Espinosa will replace Makoto Uchida at the helm of Nissan.',
        "Nissan's chief executive Makoto Uchida is stepping down.",
        'Renault said Francois Provost would become chief executive.',
        'Nissan said Uchida would be succeeded by Ivan Espinosa.',
        'Antonio Filosa was named chief executive of Stellantis.',
        "Renault's board picked Francois Provost to lead the company.",
        'Carlos Tavares quit as Stellantis chief executive.',
        'Volvo Cars brought back Hakan Samuelsson as CEO.',
        'Ford appointed a new chief financial officer.',
        'Uchida will hand over to Espinosa at Nissan in April.',
    ],
    'product_launch': [
        'Toyota unveiled a new electric SUV.',
        'Honda rolled out its new Prelude.',
        'BYD debuted the Seal 06 at the Shanghai show.',
        'Nissan launched the new Leaf.',
        'Toyota introduced a new hybrid system.',
        'Sony Honda Mobility began taking orders for the Afeela 1.',
        'Hyundai showed off its new Ioniq 9 electric SUV.',
        'Kia launched the EV3 in Europe.',
        'Toyota released a new Corolla.',
        'BYD began deliveries of the Atto 2 in Europe.',
    ],
    'policy': [
        'Washington slapped tariffs of 25% on imported cars.',
        'The EU imposed duties on Chinese electric vehicles.',
        'China announced an export ban on rare earths.',
        'The government offered subsidies for electric cars.',
        'The US banned Chinese software in connected vehicles.',
        'Beijing restricted exports of rare earth magnets.',
        'The EU slapped anti-subsidy duties on Chinese-made EVs.',
        'Germany ended its EV subsidy programme.',
        'The United States will levy a 25% tariff on auto imports.',
        'Trump announced 25 per cent tariffs on imported vehicles.',
        'The EU agreed to provisional duties of up to 38% on Chinese electric cars.',
        'Japan will grant subsidies of up to 900,000 yen for EV purchases.',
        'Mexico raised tariffs on Chinese cars to 50%.',
    ],
}

# A second round, written after the first passed: headline verbs, passives, 'sell down', guidance.
MORE_PHRASINGS = {
    'merger_talks': [
        'Nissan and Honda confirmed they are in talks about a merger.',
        'Honda is considering a merger with Nissan, the Nikkei reported.',
        'Honda and Nissan will study a merger under a joint holding company.',
        'Nissan and Honda have agreed to merge by 2026.',
        'The proposed combination of Honda and Nissan would create the third-largest carmaker.',
        'Honda and Nissan kicked off merger negotiations in December.',
    ],
    'merger_talks_ended': [
        'Honda and Nissan ended talks on a merger.',
        'Nissan broke off merger negotiations with Honda.',
        'Honda and Nissan called off their planned merger.',
        'The Honda-Nissan merger has collapsed.',
        'Nissan withdrew from the merger talks with Honda.',
    ],
    'approach': [
        'Foxconn has made an offer to buy a stake in Nissan.',
        'Foxconn is looking to acquire Nissan.',
        'Toyota has offered to help Nissan.',
        'Foxconn pitched a capital tie-up to Nissan.',
    ],
    'partnership': [
        'Honda and Nissan signed a deal to jointly develop software.',
        'Toyota and Mazda agreed to deepen their alliance.',
        'Renault and Geely formed a joint venture called Horse.',
        'Nissan will supply electric vehicles to Mitsubishi Motors.',
        'Hyundai and GM will co-develop five vehicles.',
        'Volkswagen agreed to invest $5 billion in a joint venture with Rivian.',
        'Toyota and Nissan are working together on solid-state batteries.',
        'Honda signed a memorandum of understanding with Sony.',
    ],
    'stake_change': [
        'Toyota bought a 4.9% stake in Suzuki.',
        'Renault will sell down its stake in Nissan.',
        'Toyota became the largest shareholder of Subaru.',
        'Geely acquired 9.7% of Mercedes-Benz.',
        "Renault transferred 28.4% of Nissan's shares to a French trust.",
    ],
    'restructuring': [
        'Toyota will cut 1,000 jobs.',
        'Ford is laying off 1,000 workers.',
        'Nissan is closing its Sunderland plant.',
        'Volkswagen confirmed plant closures in Germany.',
        'Stellantis announced a voluntary redundancy scheme.',
        'Nissan plans to reduce its global production capacity by 20%.',
        'Nissan will halve its workforce in Thailand.',
    ],
    'financial_result': [
        'Nissan slashed its annual profit forecast.',
        "Toyota's quarterly profit slumped 37%.",
        "Honda's operating income fell 20% to ¥1.2tn.",
        'Nissan posted an operating loss.',
        'Mazda warned of a sharp drop in profit.',
        'Nissan plunged into the red.',
        'Kia posted record first-half sales.',
        "Nissan's losses widened to ¥100bn.",
        "Tesla's net income halved.",
        'Nissan withdrew its full-year guidance.',
        'Stellantis suspended its financial guidance.',
        'Toyota reported record annual revenue.',
    ],
    'leadership_change': [
        'Nissan appointed Ivan Espinosa chief executive.',
        'Stellantis named Antonio Filosa CEO.',
        'Carlos Tavares resigned as chief executive of Stellantis.',
        'Nissan replaced its chief executive.',
        "Ivan Espinosa took over as Nissan's CEO in April.",
        'Hyundai promoted Jose Munoz to chief executive.',
    ],
    'product_launch': [
        'Toyota launched a new Camry.',
        'Honda unveiled the 0 Series SUV.',
        'BYD introduced a new plug-in hybrid system.',
        'Nissan brought the new Leaf to market.',
    ],
    'policy': [
        'The EU imposed tariffs of up to 35.3% on Chinese EVs.',
        'The US raised tariffs on imported cars to 25%.',
        'Japan and the US agreed a trade deal cutting auto tariffs to 15%.',
        'Washington lifted its ban on Chinese connected-car software.',
        'China tightened export controls on rare earth magnets.',
        'Britain delayed its ban on new petrol car sales to 2035.',
        'The US ended the $7,500 EV tax credit.',
    ],
}

# Taking a company private, buying out the rest, impairments and building with a partner.
MORE_PHRASINGS["stake_change"] += [
    "Toyota will take Toyota Industries private in a $33 billion deal.",
    "Toyota agreed to buy out minority shareholders in Toyota Industries.",
    "Toyota will acquire all the remaining shares of Toyota Industries.",
]
MORE_PHRASINGS["financial_result"] += [
    "Volvo Cars took a SEK 11.4 billion impairment charge.",
    "Volvo Cars booked a writedown of SEK 11.4bn.",
    "Ford recorded an impairment of $1.9 billion.",
]
MORE_PHRASINGS["partnership"] += [
    "Mitsubishi Motors will build EVs with Foxconn.",
    "Foxconn will supply electric vehicles to Mitsubishi Motors.",
]

# Hypotheticals, questions, conditionals, forecasts by others and background: no event.
NOT_EVENTS = [
    "Toyota is looking to buy more batteries from Panasonic.",
    "Investors want Nissan to sell assets.",
    'Honda and Nissan could merge one day, analysts say.',
    'Analysts speculate that Toyota might take a stake in Nissan.',
    'Will Honda and Nissan merge?',
    'If Honda and Nissan merged, they would create a giant.',
    'A merger between Honda and Nissan would create the third-largest group.',
    'Nissan has a long history of alliances.',
    "Toyota, which holds stakes in Subaru and Mazda, is the world's largest carmaker.",
    'Honda was founded in 1948.',
    'Nissan employs 130,000 people.',
    'Toyota plans to launch 10 new electric models by 2026.',
    'Experts believe Honda could approach Nissan again.',
    'Should the talks resume, Nissan would need a partner.',
    'It is unclear whether Honda will raise its stake.',
    'Nissan has struggled with weak sales in China.',
    'The merger talks were once seen as a lifeline.',
    "Nissan's sales fell sharply in China last year.",
    'Toyota showed little interest in the deal.',
    'Toyota said it has no interest in acquiring Nissan.',
    'Investors want Nissan to cut costs.',
    'The plant employs 2,000 workers.',
    "Toyota's factory in Kentucky is its largest.",
    'Honda built the plant in 1982.',
    'The new Leaf is expected next year.',
    "Ford's chief executive Jim Farley spoke at the event.",
    'Nissan chief executive Ivan Espinosa said the company would focus on costs.',
    'Toyota chairman Akio Toyoda visited the plant.',
    'Analysts expect Nissan to post a loss.',
    'Toyota is expected to report record profits next week.',
    'Hyundai is the third-largest carmaker by sales.',
    "Nissan's shares fell 5% in Tokyo trading.",
    'Shares of Toyota rose 3%.',
    'Honda and Nissan would each own shares in the holding company.',
    'Toyota is a long-time partner of Mazda.',
    'Nissan hopes to return to profit by 2026.',
    'Nissan aims to return to profitability next year.',
    "Renault has been Nissan's biggest shareholder for decades.",
    'The talks between Honda and Nissan continued into the night.',
    'Uchida, who became chief executive in 2019, faces pressure.',
    'Nissan could lose $1 billion if tariffs stay.',
    'The new Prelude will go on sale next year.',
    'Toyota may unveil a new Corolla later this year.',
    "Volkswagen's plants in Germany are running below capacity.",
]


@pytest.mark.parametrize("kind,sentence", [(k, s) for table in (PHRASINGS, MORE_PHRASINGS) for k, ss in table.items() for s in ss])
def test_each_common_phrasing_of_an_event_is_read_as_its_kind(kind, sentence):
    assert kind in [e.kind for e in run_text(sentence).events]


@pytest.mark.parametrize("sentence", NOT_EVENTS)
def test_what_only_sounds_like_an_event_is_not_one(sentence):
    assert [(e.kind, e.companies) for e in run_text(sentence).events] == []


def test_talks_that_collapse_without_a_stated_purpose_end_the_merger_talks_of_the_same_companies():
    body = "Honda and Nissan began merger talks in December. Talks between Honda and Nissan broke down in February."
    assert [e.kind for e in run_text(body).events] == ["merger_talks", "merger_talks_ended"]
    assert run_text("Talks between Honda and Nissan broke down over pricing.").events == []


def test_a_passive_approach_keeps_the_actor_first():
    (event,) = run_text("Nissan has been courted by Foxconn.").events
    assert event.kind == "approach" and event.companies[0].startswith("Hon Hai")


STAKES = [
    ("Toyota holds a 20 per cent stake in Subaru.", ("Toyota", "Subaru", 20.0)),
    ("Nissan owns 34 per cent of Mitsubishi Motors.", ("Nissan", "Mitsubishi", 34.0)),
    ("Mitsubishi Motors is 24% owned by Nissan.", ("Nissan", "Mitsubishi", 24.0)),
    ("Nissan is Mitsubishi Motors' largest shareholder with 24%.", ("Nissan", "Mitsubishi", 24.0)),
    ("Toyota has stakes of 5.1% in Mazda.", ("Toyota", "Mazda", 5.1)),
    ("Toyota owns about a fifth of Subaru.", ("Toyota", "Subaru", 20.0)),
    ("Nissan owns roughly a third of Mitsubishi Motors.", ("Nissan", "Mitsubishi", 33.3)),
    ("Toyota holds 20% in Subaru.", ("Toyota", "Subaru", 20.0)),
    ("Renault trimmed its Nissan holding to 15 per cent.", ("Renault", "Nissan", 15.0)),
    ("Renault reduced its shareholding in Nissan to 15 per cent.", ("Renault", "Nissan", 15.0)),
    ("Toyota acquired a further 3% of Subaru, taking its holding to 20%.", ("Toyota", "Subaru", 20.0)),
    ("Mazda sold cars. Toyota, which holds 5.1 per cent in its Japanese partner, said nothing.", ("Toyota", "Mazda", 5.1)),
    ("Toyota's stake in Subaru stands at 20%.", ("Toyota", "Subaru", 20.0)),
    ("Toyota's holding in Subaru is 20 per cent.", ("Toyota", "Subaru", 20.0)),
    ("Subaru (20% owned by Toyota) said profits fell.", ("Toyota", "Subaru", 20.0)),
    ("Toyota has a 20 pct stake in Subaru.", ("Toyota", "Subaru", 20.0)),
    ("Renault's stake in Nissan was cut to 15% from 43%.", ("Renault", "Nissan", 15.0)),
    ("Mitsubishi Motors, in which Nissan has a 24% stake, rose.", ("Nissan", "Mitsubishi", 24.0)),
]


@pytest.mark.parametrize("sentence,stake", STAKES)
def test_each_common_phrasing_of_a_stake_is_read(sentence, stake):
    found = [(s.owner.split()[0], s.target.split()[0], s.percent) for s in run_text(sentence).stakes]
    assert found == [stake]


@pytest.mark.parametrize("sentence", [
    "Toyota has a 10% share of the US market.",
    "Tariffs of 25% hit Toyota's exports to the United States.",
    "Nissan's shares rose 20% in Tokyo.",
    "Honda's profit fell 20%.",
])
def test_percentages_that_are_not_holdings_are_not_stakes(sentence):
    assert run_text(sentence).stakes == []


FIGURES = [
    ("Nissan reported a net loss of ¥670.9bn for the year.", ("Nissan", -670.9e9)),
    ("Toyota's operating profit rose to ¥5.3tn.", ("Toyota", 5.3e12)),
    ("Kia sold 3.1m vehicles last year.", ("Kia", 3.1e6)),
    ("Ford will axe 4,000 roles.", ("Ford", 4000)),
    ("Nissan will close two plants in Japan.", ("Nissan", 2)),
    ("Volvo Cars swung to an operating loss of SEK 1.2bn.", ("Volvo", -1.2e9)),
    ("Nissan lost $4.5 billion in the year.", ("Nissan", -4.5e9)),
    ("Nissan will reduce its headcount by 20,000.", ("Nissan", 20000)),
    ("Toyota holds a 33 per cent share of the Japanese market.", ("Toyota", 33)),
    ("Suzuki sold 17.95 lakh vehicles in India.", ("Suzuki", 1795000)),
    ("GM will lose twelve hundred hourly workers.", ("General", 1200)),
    ("- BYD: 23,231 deliveries in May, including its premium brands", ("BYD", 23231)),
    ("Nissan's net loss came to ¥670.9 billion.", ("Nissan", -670.9e9)),
    ("Nissan booked a loss of 670.9 billion yen ($4.5 billion).", ("Nissan", -670.9e9)),
    ("Volkswagen expects to save €15bn by 2030.", ("Volkswagen", 15e9)),
    ("Ford said tariffs would cost it about $2bn this year.", ("Ford", 2e9)),
    ("Around 4,000 jobs will go at Ford in Europe.", ("Ford", 4000)),
    ("Ford said some 4,000 posts would be eliminated.", ("Ford", 4000)),
    ("Tesla's deliveries fell to 1.79 million.", ("Tesla", 1.79e6)),
    ("Toyota sales fell 3% to 120,000.", ("Toyota", 120000)),
    ("Volkswagen will close at least three plants in Germany.", ("Volkswagen", 3)),
    ("Stellantis recorded a €2.3 billion loss in the first half.", ("Stellantis", -2.3e9)),
]


@pytest.mark.parametrize("sentence,figure", FIGURES)
def test_each_common_way_of_writing_a_figure_is_read(sentence, figure):
    found = [(f.company.split()[0].rstrip(","), f.value) for f in run_text(sentence).figures]
    assert any(c == figure[0] and abs(v - figure[1]) <= abs(figure[1]) * 0.01 for c, v in found), found


@pytest.mark.parametrize("sentence", [
    "Toyota employs 380,000 people.",
    "Japan has a population of 124 million.",
    "Toyota plans to build 10 million vehicles in 2026.",
    "Nissan recalled 500,000 cars.",
    "If Honda and Nissan merged, they could sell more than seven million cars a year.",
    "Toyota lost $10 billion in market value on Monday.",
])
def test_numbers_that_are_not_the_story_s_figures_are_not_figures(sentence):
    assert run_text(sentence).figures == []


def test_we_in_an_interview_is_the_company_speaking():
    body = ("Mazda cut its forecast. Mazda's president spoke to us. Panasonic supplies its cells. "
            "We sold 1.24 million vehicles last year.")
    assert [(f.company.split()[0], f.value) for f in run_text(body).figures] == [("Mazda", 1240000.0)]

STATUSES = [
    ('Honda and Nissan are rumoured to be in merger talks.', 'rumored'),
    ('Honda is said to be in talks to merge with Nissan.', 'rumored'),
    ('Honda and Nissan are in merger talks, according to people familiar with the matter.', 'rumored'),
    ('Honda and Nissan are in merger talks, according to people with knowledge of the plans.', 'rumored'),
    ('Honda and Nissan are in merger talks, two people briefed on the discussions said.', 'rumored'),
    ('Honda and Nissan are in merger talks, the Nikkei reported. Nissan declined to comment.', 'reported'),
    ('Honda and Nissan are in merger talks, Bloomberg News reported.', 'reported'),
    ('Honda denied that it was in merger talks with Nissan.', 'denied'),
    ('Nissan dismissed reports that it had held merger talks with Honda.', 'denied'),
    ('Honda rejected reports of merger talks with Nissan as groundless.', 'denied'),
    ('Honda and Nissan confirmed they had begun merger talks.', 'confirmed'),
    ('Honda and Nissan said on Monday they had begun merger talks.', 'confirmed'),
    ('Honda and Nissan announced they would begin merger talks.', 'confirmed'),
    ('In a joint statement, Honda and Nissan said they had begun merger talks.', 'confirmed'),
    ('Honda and Nissan formally began merger talks.', 'confirmed'),
    ('Nissan said it would cut 9,000 jobs.', 'confirmed'),
]


@pytest.mark.parametrize("sentence,status", STATUSES)
def test_the_status_comes_from_how_the_article_attributes_the_fact(sentence, status):
    assert [e.status for e in run_text(sentence).events][:1] == [status]


ATTRIBUTIONS = [
    ("Volvo Cars was acquired by Geely in 2010. Geely and Volvo Cars later formed a joint venture.", "partnership",
     {"Zhejiang", "Volvo"}),
    ("Nissan's chief executive resigned on Tuesday.", "leadership_change", {"Nissan"}),
    ("The Japanese automaker, Nissan, will cut 9,000 jobs.", "restructuring", {"Nissan"}),
    ("Toyota said its partner Mazda would cut its forecast.", "financial_result", {"Mazda"}),
    ("Honda, which owns a stake in Sony Honda Mobility, posted a record profit.", "financial_result", {"Honda"}),
    ("Toyota has stakes in Mazda and Subaru. The company posted a record profit.", "financial_result", {"Toyota"}),
    ("Nissan struggled in China. The Yokohama-based carmaker swung to a loss.", "financial_result", {"Nissan"}),
    ("Under pressure from Honda, Nissan will cut 9,000 jobs.", "restructuring", {"Nissan"}),
]


@pytest.mark.parametrize("body,kind,companies", ATTRIBUTIONS)
def test_an_event_belongs_to_the_clause_s_subject_not_to_every_company_named(body, kind, companies):
    found = [(e.kind, {c.split()[0] for c in e.companies}) for e in run_text(body).events]
    assert (kind, companies) in found
