from extraction.tests.helpers import run_text


def people(body):
    return [(p.name, p.role, p.company) for p in run_text(body).people]


def test_it_reads_company_role_name():
    assert people("Toyota Chairman Akio Toyoda criticised it. Nissan CEO Ivan Espinosa disagreed.") == [
        ("Akio Toyoda", "Chairman", "Toyota Motor Corporation"),
        ("Ivan Espinosa", "CEO", "Nissan Motor Co., Ltd."),
    ]


def test_it_reads_name_then_role_of_company():
    assert people("Luca de Meo, chief executive of Renault, spoke first.") == [("Luca de Meo", "CEO", "Renault Group")]
    assert people("Toshihiro Mibe, Honda's president, agreed.") == [
        ("Toshihiro Mibe", "President", "Honda Motor Co., Ltd.")]


def test_a_former_officer_is_marked_former():
    assert people("Nissan's troubles began when former Chairman Carlos Ghosn expanded.") == [
        ("Carlos Ghosn", "Former Chairman", "Nissan Motor Co., Ltd.")]


def test_it_does_not_guess_a_company_for_an_ambiguous_title():
    assert people("President Donald Trump spoke as Toyota and Honda listened.") == []
