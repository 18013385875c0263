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
