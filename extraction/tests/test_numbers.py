from extraction.numbers import find


def amounts(text):
    return [(a.value, a.kind, a.unit) for a in find(text)]


def test_it_reads_scale_words_and_currencies():
    assert amounts("a deficit of $4.5 billion") == [(4_500_000_000, "money", "USD")]
    assert amounts("savings of 250 billion yen") == [(250_000_000_000, "money", "JPY")]
    assert amounts("¥1.2tn and €3bn and 2 trillion won") == [
        (1_200_000_000_000, "money", "JPY"), (3_000_000_000, "money", "EUR"), (2_000_000_000_000, "money", "KRW")]


def test_it_reads_counts_words_and_percentages():
    assert amounts("810,000 cars, seven plants, 4.1 million units") == [
        (810_000, "count", None), (7, "count", None), (4_100_000, "count", None)]
    assert amounts("2.4% and 34 per cent") == [(2.4, "percent", "%"), (34, "percent", "%")]


def test_it_reads_indian_digit_grouping():
    found = [(a.text, a.value) for a in find("It sold 5,50,874 vehicles; revenue was Rs 1,04,407 crore.")]
    assert found == [("5,50,874", 550874.0), ("Rs 1,04,407 crore", 1_044_070_000_000.0)]
