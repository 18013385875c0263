from extraction.sentences import split


def test_it_keeps_abbreviations_initials_and_decimals_inside_sentences():
    body = ("Nissan Motor Co. said U.S. sales fell 2.4% in March. Sales at Tesla Inc. rose. "
            "John F. Kennedy was not involved.\nA heading line\nLast one!")
    texts = [s.text for s in split(body)]
    assert texts == [
        "Nissan Motor Co. said U.S. sales fell 2.4% in March.",
        "Sales at Tesla Inc. rose.",
        "John F. Kennedy was not involved.",
        "A heading line",
        "Last one!",
    ]


def test_offsets_point_into_the_body():
    body = "First one. Second one.\n\nThird paragraph here."
    for s in split(body):
        assert body[s.start:s.end] == s.text


def test_it_marks_short_capitalised_lines_as_headings():
    sentences = split("Failed Merger Attempts and Strategic Desperation\nThe talks collapsed in February.")
    assert [s.heading for s in sentences] == [True, False]


def test_a_table_row_with_dot_leaders_is_one_sentence_and_not_a_heading():
    sentences = split("Honda's holdings\nHino .......... 12.5 per cent\nIsuzu ......... 3.0 per cent\n"
                      "The list is short. It may grow.")
    assert [(s.text, s.heading) for s in sentences] == [
        ("Honda's holdings", True),
        ("Hino .......... 12.5 per cent", False),
        ("Isuzu ......... 3.0 per cent", False),
        ("The list is short.", False),
        ("It may grow.", False),
    ]
