"""What makes two articles the same: address, text, or nearly the text."""

import pytest

from articles import dedup


@pytest.mark.parametrize(
    "given, canonical",
    [
        (
            "https://News.Example.com/a/story?utm_source=rss&utm_medium=feed",
            "https://news.example.com/a/story",
        ),
        ("https://news.example.com/a/story#comments", "https://news.example.com/a/story"),
        ("https://news.example.com:443/a/story?fbclid=abc&gclid=def", "https://news.example.com/a/story"),
        ("http://news.example.com:80/a/story?page=2&id=7", "http://news.example.com/a/story?id=7&page=2"),
        ("https://news.example.com", "https://news.example.com/"),
        ("https://news.example.com:8443/a?ref=home", "https://news.example.com:8443/a"),
    ],
)
def test_it_spells_an_address_one_way(given, canonical):
    assert dedup.canonical_url(given) == canonical


def test_it_keeps_parameters_that_choose_the_article():
    assert (
        dedup.canonical_url("https://example.com/view?article=123") == "https://example.com/view?article=123"
    )


def test_case_and_spacing_do_not_change_the_content_hash():
    assert dedup.content_hash("Nissan  cuts\njobs") == dedup.content_hash("nissan cuts jobs ")
    assert dedup.content_hash("Nissan cuts jobs") != dedup.content_hash("Nissan adds jobs")


STORY = (
    "Nissan Motor announced a restructuring plan that will close several factories and eliminate about twenty "
    "thousand jobs worldwide, as the carmaker tries to return to profit after a sharp fall in earnings. The chief "
    "executive told investors that the company would reduce its global production capacity by roughly a fifth "
    "and cut the number of vehicle platforms it builds to simplify engineering. The plan follows the collapse of "
    "merger talks with Honda earlier in the year."
)


def test_an_edited_copy_shares_a_band_and_scores_as_a_near_duplicate():
    copy = STORY.replace("announced", "on Monday unveiled") + " Details will follow with quarterly results."
    a, b = dedup.sketch(STORY), dedup.sketch(copy)

    assert a.similarity(b) >= dedup.NEAR_DUPLICATE_SIMILARITY
    assert set(a.band_keys) & set(b.band_keys)


def test_a_different_story_scores_low():
    other = (
        "Toyota Motor said it had increased its shareholding in a major parts supplier, continuing a long effort "
        "to reorganise the web of cross-shareholdings that binds companies in the Toyota group. The carmaker bought "
        "additional shares from two group companies that had been asked by investors to sell holdings."
    )
    assert dedup.sketch(STORY).similarity(dedup.sketch(other)) < 0.2


def test_a_sketch_survives_storage():
    sketch = dedup.sketch(STORY)
    assert dedup.Sketch.from_bytes(sketch.to_bytes()).similarity(sketch) == 1.0
    assert len(sketch.band_keys) == dedup.BANDS


def test_too_short_a_text_has_no_sketch():
    assert dedup.sketch("Nissan cuts jobs.") is None
