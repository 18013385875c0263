"""Cleaning: titles, datelines, page furniture and refused input.

Pure functions, no database: runs with `-p no:django` as well as under pytest-django.
"""

import dataclasses
import datetime
from pathlib import Path

import pytest

from articles.cleaning import (
    FURNITURE_BLOCK_HEADINGS,
    FURNITURE_LINE_PREFIXES,
    MAX_BYTES,
    CleanedArticle,
    CleaningError,
    clean_bytes,
    clean_file,
    clean_html,
    clean_text,
    decode_text,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "cleaning"

LEAD = (
    "Nissan said on Tuesday it would close seven plants and cut 20,000 jobs by 2027, "
    "as it tries to return to profit after a year of losses."
)
SECOND = (
    "The carmaker's new chief executive said the plan would save about 500 billion yen "
    "a year and that talks with other companies remained open."
)


def seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def body_lines(article: CleanedArticle) -> list[str]:
    return article.body.split("\n")


# --- datelines ------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        pytest.param("May 20 2025 – ", datetime.date(2025, 5, 20), id="month-day-year-en-dash"),
        pytest.param("May 20, 2025 - ", datetime.date(2025, 5, 20), id="comma-and-hyphen"),
        pytest.param("TOKYO, Feb 13, 2025 -- ", datetime.date(2025, 2, 13), id="wire-form"),
        pytest.param("Tokyo, Japan, Feb. 13th, 2025 — ", datetime.date(2025, 2, 13), id="wire-city"),
        pytest.param("Tuesday, May 20, 2025 10:30 AM JST | ", datetime.date(2025, 5, 20), id="weekday-time"),
        pytest.param("2025-05-20 – ", datetime.date(2025, 5, 20), id="iso"),
    ],
)
def test_it_finds_the_dateline_at_the_start_of_the_story_and_keeps_the_rest_of_the_line(dateline, expected):
    article = clean_text(f"Nissan to close seven plants\n\n{dateline}{LEAD}\n\n{SECOND}\n")

    assert article.published == expected
    assert body_lines(article) == [LEAD, SECOND]


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        pytest.param("Published: 4 August 2017", datetime.date(2017, 8, 4), id="published-label"),
        pytest.param("Updated 7 November 2024", datetime.date(2024, 11, 7), id="updated-label"),
        pytest.param("7 November 2024", datetime.date(2024, 11, 7), id="day-month-year"),
        pytest.param("2025-05-20", datetime.date(2025, 5, 20), id="iso"),
        pytest.param("Posted on 2025-05-20T09:30:00+09:00", datetime.date(2025, 5, 20), id="iso-timestamp"),
        pytest.param("Thursday 13 February 2025, 14:05 GMT", datetime.date(2025, 2, 13), id="weekday-time"),
        pytest.param("Updated 6:41 AM UTC, November 6, 2025", datetime.date(2025, 11, 6), id="time-before-date"),
        pytest.param("February 13, 2025 6:41 PM GMT+9 Updated 2 hours ago", datetime.date(2025, 2, 13),
                     id="relative-update-stamp"),
    ],
)
def test_it_finds_a_dateline_on_its_own_line_and_drops_that_line(dateline, expected):
    article = clean_text(f"Nissan to close seven plants\n{dateline}\n\n{LEAD}\n{SECOND}")

    assert article.published == expected
    assert article.title == "Nissan to close seven plants"
    assert body_lines(article) == [LEAD, SECOND]


def test_it_finds_a_dateline_when_the_text_has_no_title_line():
    article = clean_text(f"May 20 2025 – {LEAD}\n{SECOND}")

    assert article.published == datetime.date(2025, 5, 20)
    assert article.body.startswith("Nissan said on Tuesday")
    assert article.title.startswith("Nissan said on Tuesday it would close seven plants")


def test_it_prefers_the_publication_date_over_the_update_date():
    article = clean_text(
        f"Nissan to close seven plants\nUpdated: 5 August 2017 | Published: 4 August 2017\n{LEAD}"
    )

    assert article.published == datetime.date(2017, 8, 4)
    assert body_lines(article) == [LEAD]


def test_it_does_not_take_dates_mentioned_inside_the_story_as_the_publication_date():
    article = clean_text(
        f"Nissan to close seven plants\n\n{LEAD}\n"
        "In March, the company warned of a loss for the fiscal year ending March 2025.\n"
        "On May 20, 2025 - a Tuesday - it confirmed the figures.\n"
    )

    assert article.published is None


def test_it_does_not_take_a_date_that_opens_a_sentence_as_a_dateline():
    sentence = "20 May 2025 was the day Nissan confirmed that 20,000 jobs would go."
    article = clean_text(f"Nissan to close seven plants\n{sentence}\n{LEAD}")

    assert article.published is None
    assert body_lines(article)[0] == sentence


def test_it_ignores_an_impossible_date():
    article = clean_text(f"Nissan to close seven plants\nFebruary 30, 2025 – {LEAD}")

    assert article.published is None
    assert article.body.startswith("February 30, 2025")


def test_it_reads_a_byline_and_the_date_beside_it():
    article = clean_text(
        f"Nissan to close seven plants\nBy Jane Doe and John Roe | Reuters\nMay 20, 2025\n\n{LEAD}"
    )

    assert article.byline == "Jane Doe and John Roe"
    assert article.published == datetime.date(2025, 5, 20)
    assert body_lines(article) == [LEAD]


def test_it_does_not_take_a_sentence_starting_with_by_for_a_byline():
    sentence = "By March, Nissan had cut its forecast twice"
    article = clean_text(f"Nissan to close seven plants\n{sentence}\n{LEAD}")

    assert article.byline == ""
    assert body_lines(article) == [sentence, LEAD]


# --- titles ---------------------------------------------------------------


def test_it_takes_a_headline_first_line_as_the_title_and_leaves_it_out_of_the_body():
    article = clean_text(f"Toyota Eyes Bigger Role in Nissan Rescue\n{LEAD}\n{SECOND}")

    assert article.title == "Toyota Eyes Bigger Role in Nissan Rescue"
    assert body_lines(article) == [LEAD, SECOND]


def test_it_takes_a_question_headline_followed_by_a_blank_line():
    article = clean_text(f"Can Toyota save Nissan?\n\n{LEAD}")

    assert article.title == "Can Toyota save Nissan?"
    assert body_lines(article) == [LEAD]


def test_it_keeps_a_first_sentence_in_the_body_and_shortens_it_into_the_title():
    article = clean_text(f"{LEAD}\n{SECOND}")

    assert body_lines(article) == [LEAD, SECOND]
    assert article.title == (
        "Nissan said on Tuesday it would close seven plants and cut 20,000 jobs by 2027, as it tries to…"
    )
    assert len(article.title) <= 101


def test_it_does_not_take_a_short_one_sentence_first_paragraph_as_the_title():
    article = clean_text(f"Nissan will close seven plants.\n\n{SECOND}")

    assert body_lines(article) == ["Nissan will close seven plants.", SECOND]
    assert article.title == "Nissan will close seven plants"


def test_it_does_not_cut_the_title_sentence_at_an_abbreviation():
    article = clean_text("Nissan Motor Co. said on Friday it would cut jobs. Shares rose.")

    assert article.title == "Nissan Motor Co. said on Friday it would cut jobs"


# --- the seeds ------------------------------------------------------------


SEED_EXPECTATIONS = [
    pytest.param(
        "000",
        "Toyota Execs Swiftly Approach Nissan for Alliance Talks After Failed Honda-Nissan Merger",
        datetime.date(2025, 5, 20),
        "Rumors have surfaced indicating that a senior executive from Toyota",
        "including electric and autonomous vehicle development.",
        ["Leave a Reply", "May 20 2025"],
        id="000",
    ),
    pytest.param(
        "001",
        "The Japanese automotive landscape stands at a crucial crossroads, with industry giant",
        None,
        "The Japanese automotive landscape stands at a crucial crossroads",
        "harm consumer interests in the long term.",
        [],
        id="001",
    ),
    pytest.param(
        "002",
        "Why Japan's Auto Giants Are Suddenly Best Friends",
        None,
        "Toyota, Honda, and Nissan are embracing collaboration",
        "nimbler competitors can move faster and take bigger risks.",
        [
            "This content is AI-generated",
            "Related Articles",
            "World's largest nuclear plant restarts",
            "Apollo Global Management",
            "Chief Industry Officer",
            "Thoughts",
            "Share your thoughts",
            "Sign in to join the conversation",
        ],
        id="002",
    ),
    pytest.param(
        "003",
        "In a bid to counter declining market shares, Honda, Nissan, and Mitsubishi Motors",
        None,
        "In a bid to counter declining market shares",
        "won customers over with affordable, software-loaded automobiles.",
        ["Uber Ordered to Pay", "TSMC Eyes 3nm", "Surprise CEO Change", "Amazon Stock Rebounds", "SpaceX"],
        id="003",
    ),
    pytest.param(
        "004",
        "Faced with increasingly severe competition in many markets, Japanese automakers",
        None,
        "Faced with increasingly severe competition in many markets",
        "the share of Japanese cars in the new energy market is now almost negligible.",
        [],
        id="004",
    ),
]


@pytest.mark.parametrize(("prefix", "title", "published", "first", "last", "gone"), SEED_EXPECTATIONS)
def test_each_seed_gets_its_title_date_and_story_without_the_furniture_tail(
    prefix, title, published, first, last, gone
):
    article = clean_file(seed(prefix))

    assert article.title.startswith(title)
    assert len(article.title) <= 101
    assert article.published == published
    assert article.body.startswith(first)
    assert article.body.endswith(last)
    for text in gone:
        assert text not in article.body


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_each_seed_body_is_the_source_text_line_for_line(prefix):
    path = seed(prefix)
    source_lines = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    article = clean_file(path)

    for line in body_lines(article):
        assert line and (line in source_lines or any(s.endswith(line) for s in source_lines))
    assert "\n\n" not in article.body
    assert article.title not in body_lines(article)


def test_seed_subheadings_questions_and_captions_stay_in_the_body():
    assert "The Perfect Storm Behind Nissan’s Financial Crisis" in body_lines(clean_file(seed("001")))
    assert "Frequently Asked Questions" in body_lines(clean_file(seed("001")))
    assert "Q: Why would Toyota help its longtime rival Nissan?" in body_lines(clean_file(seed("001")))
    assert "Mitsubishi to Join Alliance" in body_lines(clean_file(seed("003")))
    assert "Japanese Industry Boost" in body_lines(clean_file(seed("003")))
    assert "When Rivals Become Allies" in body_lines(clean_file(seed("002")))
    assert "Mitsubishi Motors headquarters, Tokyo, Japan." in body_lines(clean_file(seed("004")))


# --- furniture in plain text ------------------------------------------------


STORY = [
    LEAD,
    SECOND,
    (
        "Analysts said the closures would take at least two years and would cost the company "
        "more than it had first estimated, because several of the plants are still running."
    ),
    "Union leaders said they had asked for talks with management as soon as possible.",
]


def story(*extra: str) -> str:
    return "\n\n".join(["Nissan to close seven plants", *STORY, *extra]) + "\n"


def test_it_cuts_a_related_articles_block_and_everything_listed_under_it():
    article = clean_text(
        story(
            "You May Also Like:",
            "A ferry operator orders three new ships for its island routes, and fares may rise.",
            "Department store sales rise on tourist spending, while locals stay cautious.",
        )
    )

    assert body_lines(article) == STORY


def test_it_cuts_a_trailing_run_of_unrelated_headlines():
    article = clean_text(
        story()
        + "\n\nPort Operator Orders Three New Cranes\nRegional Bank Raises Deposit Rates Again"
        "\nChipmaker Lifts Forecast on Data Centre Demand\n\n"
    )

    assert body_lines(article) == STORY


def test_it_keeps_a_single_subheading_between_paragraphs():
    text = "\n".join([STORY[0], "What the cuts mean for suppliers", STORY[1], STORY[2]])

    assert body_lines(clean_text(text)) == [STORY[0], "What the cuts mean for suppliers", STORY[1], STORY[2]]


def test_it_keeps_a_closing_list_the_story_introduces_with_a_colon():
    items = [
        "Seven plants closed in Japan and abroad",
        "Twenty thousand jobs cut over three years",
        "Six vehicle platforms phased out by 2030",
    ]
    article = clean_text("\n".join([*STORY, "The plan in numbers:", *items]))

    assert body_lines(article)[-3:] == items


def test_it_drops_share_newsletter_cookie_and_advertisement_prompts():
    text = "\n".join(
        [
            "Nissan to close seven plants",
            "Share this article",
            "Share on Facebook",
            STORY[0],
            "ADVERTISEMENT",
            "We use cookies to improve your experience. By continuing to browse you agree.",
            STORY[1],
            "Sign up for our newsletter to get the latest car industry news.",
            "Follow us on X and LinkedIn",
            STORY[2],
            "Read more: Honda and Nissan end merger talks",
            STORY[3],
        ]
    )

    assert body_lines(clean_text(text)) == STORY


def test_it_drops_ai_and_affiliate_disclaimers():
    text = story(
        "This article was generated with the help of AI tools; it may contain errors, so verify key facts.",
        "This post may contain affiliate links. We may earn a commission on purchases.",
    )

    assert body_lines(clean_text(text)) == STORY


def test_it_keeps_a_story_sentence_that_mentions_ai_generated_content():
    sentence = "Nissan showed an AI-generated design for its next electric sedan at the event."
    article = clean_text(story(sentence))

    assert body_lines(article)[-1] == sentence


def test_it_cuts_the_comment_section():
    article = clean_text(
        story(
            "12 Comments",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "I think Nissan should have merged with Honda when it had the chance, honestly speaking.",
        )
    )

    assert body_lines(article) == STORY


def test_it_removes_only_the_box_when_a_related_list_sits_early_in_the_story():
    text = "\n".join(
        [
            STORY[0],
            "Related",
            "Honda and Nissan end merger talks",
            "Toyota raises stake in Isuzu",
            STORY[1],
            STORY[2],
            STORY[3],
        ]
    )

    assert body_lines(clean_text(text)) == STORY


def test_it_drops_a_navigation_menu_at_the_top():
    text = "Home\nWorld\nBusiness\nAutos\nMarkets\nNissan to close seven plants\n\n" + "\n".join(STORY)
    article = clean_text(text)

    assert article.title == "Nissan to close seven plants"
    assert body_lines(article) == STORY


def test_the_furniture_phrases_are_kept_as_data():
    assert "related articles" in FURNITURE_BLOCK_HEADINGS
    assert "share your thoughts" in FURNITURE_LINE_PREFIXES


def test_it_normalises_whitespace_but_keeps_the_text_of_each_line():
    text = (
        "Nissan to close plants  \r\n\r\n\r\n\r\n"
        "  Nissan  said it would  close plants.   \r\nShares rose.\t\n\n\n\n"
    )

    article = clean_text(text)

    assert article.body == "Nissan  said it would  close plants.\nShares rose."


def test_it_drops_stray_control_characters_that_a_database_cannot_store():
    article = clean_text(f"Nissan to close plants\n{LEAD}\x00\n{SECOND}")

    assert "\x00" not in article.body
    assert body_lines(article) == [LEAD, SECOND]


def test_it_refuses_text_that_is_only_furniture():
    with pytest.raises(CleaningError, match="No article text found"):
        clean_text("Share this article\nLeave a Reply\nSign in to join the conversation\n")


# --- HTML -----------------------------------------------------------------


def test_html_news_page_keeps_the_story_and_drops_navigation_banners_and_lists():
    article = clean_file(FIXTURES / "news_page.html")

    assert body_lines(article)[0].startswith("Subaru and Mazda are studying whether to run")
    assert "Costs that no one wants to carry alone" in body_lines(article)
    assert article.body.endswith("would take years of work.")
    for furniture in [
        "Skip to content", "Markets", "We use cookies", "Accept all", "Share on Facebook",
        "Copy link", "Sign up for our morning briefing", "Share this article", "Related Articles",
        "Port congestion", "Most read", "rice harvest", "Leave a Reply", "Your email address",
        "Follow us", "All rights reserved",
    ]:
        assert furniture not in article.body


def test_html_news_page_reads_title_date_byline_and_canonical_from_the_page():
    article = clean_file(FIXTURES / "news_page.html")

    assert article.title == "Subaru and Mazda weigh deeper software ties with Toyota"
    assert article.published == datetime.date(2025, 6, 3)
    assert article.byline == "Keiko Arai"
    assert article.canonical_url == "https://motordesk.example.com/autos/2025/06/subaru-mazda-software-ties"
    assert article.title not in body_lines(article)


def test_html_relative_canonical_link_is_resolved_against_the_page_address():
    html = (FIXTURES / "news_page.html").read_text(encoding="utf-8")

    article = clean_html(html, url="https://www.motordesk.example.com/amp/story?id=7")

    assert article.canonical_url == (
        "https://www.motordesk.example.com/autos/2025/06/subaru-mazda-software-ties"
    )


def test_html_canonical_pointing_at_the_home_page_is_ignored():
    html = (FIXTURES / "meta_date_page.html").read_text(encoding="utf-8")
    html = html.replace("</head>", '<link rel="canonical" href="https://wire.example.com/"></head>')

    article = clean_html(html, url="https://wire.example.com/2024/08/mitsubishi-joins")

    assert article.canonical_url == ""


def test_html_page_with_only_a_meta_date():
    article = clean_file(FIXTURES / "meta_date_page.html")

    assert article.published == datetime.date(2024, 8, 1)
    assert article.title == "Mitsubishi Motors signs up to the Honda-Nissan software project"
    assert article.canonical_url == ""
    assert len(body_lines(article)) == 3
    assert "Share this article" not in article.body
    assert "Front page" not in article.body


def test_html_page_with_a_time_element_ignores_the_dates_of_sidebar_stories():
    article = clean_file(FIXTURES / "time_page.html")

    assert article.published == datetime.date(2025, 5, 13)
    assert article.title == "Nissan lays out plan to shut seven plants"
    assert "Weekend traffic forecast" not in article.body


def test_html_page_with_only_a_visible_dateline_gets_its_date_and_loses_the_prefix():
    article = clean_file(FIXTURES / "dateline_page.html")

    assert article.published == datetime.date(2025, 2, 13)
    assert body_lines(article)[0].startswith("Honda and Nissan said they had ended talks")


def test_html_page_takes_the_date_from_its_address_when_the_page_has_none():
    html = (FIXTURES / "meta_date_page.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="article:published_time" content="2024-08-01T06:00:00Z">', "")

    article = clean_html(html, url="https://wire.example.com/2024/07/30/mitsubishi-joins")

    assert article.published == datetime.date(2024, 7, 30)


def test_html_cuts_furniture_that_extraction_leaves_inside_the_story():
    article = clean_file(FIXTURES / "furniture_inside_story.html")

    assert body_lines(article)[0].startswith("While its larger neighbours hold merger talks")
    assert body_lines(article)[-1].startswith("Some investors nonetheless want Isuzu")
    for furniture in ["Share this article", "AI-generated", "Related Articles", "ferry operator",
                      "Thoughts", "Share your thoughts", "Sign in"]:
        assert furniture not in article.body
    assert article.byline == "Daniel Okafor"
    assert article.published == datetime.date(2025, 3, 2)


def test_html_page_without_an_article_is_refused():
    with pytest.raises(CleaningError, match="No article text found"):
        clean_file(FIXTURES / "no_article.html")


def test_html_that_is_not_a_page_at_all_is_refused():
    with pytest.raises(CleaningError, match="No article text found|could not be read as HTML"):
        clean_html("<html><body><script>var a = 1;</script></body></html>")


# --- files, bytes and refused input ---------------------------------------


def test_a_txt_file_holding_a_saved_page_is_cleaned_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes((FIXTURES / "meta_date_page.html").read_bytes())

    article = clean_file(path)

    assert article.published == datetime.date(2024, 8, 1)
    assert "<p>" not in article.body


def test_clean_bytes_dispatches_on_content_type_and_its_charset():
    html = (
        "<html><head><title>Toyota raises its stake in Isuzu</title></head><body><article>"
        "<h1>Toyota raises its stake in Isuzu</h1>"
        "<p>Toyota said it would raise its holding in the truck maker Isuzu, a move that the café "
        "owners’ association in the factory town welcomed as a sign of stable employment.</p>"
        "<p>The companies already share work on light commercial vehicles and plan to develop "
        "engines together, according to a statement from both carmakers.</p>"
        "</article></body></html>"
    ).encode("cp1252")

    article = clean_bytes(html, content_type="text/html; charset=windows-1252", url="https://x.example/a")

    assert article.title == "Toyota raises its stake in Isuzu"
    assert "the café owners’ association" in article.body


def test_clean_bytes_reads_the_charset_the_page_declares():
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Résumé of the Nissan plan</title></head><body>'
        "<h1>Résumé of the Nissan plan</h1><p>Nissan’s plan closes seven plants, including a site "
        "near Zürich that makes parts, and cuts twenty thousand jobs across the world.</p>"
        "<p>The company said the cuts would be finished within three years and that its brands "
        "would stay.</p></body></html>"
    ).encode("cp1252")

    article = clean_bytes(html, filename="page.html")

    assert article.title == "Résumé of the Nissan plan"
    assert "Nissan’s plan" in article.body and "Zürich" in article.body


def test_decode_text_strips_a_utf8_byte_order_mark():
    assert decode_text("\ufeffNissan said".encode("utf-8")) == "Nissan said"


def test_decode_text_reads_windows_1252_text():
    data = "Toyota’s offer was “serious”, the café owner said.".encode("cp1252")

    assert decode_text(data) == "Toyota’s offer was “serious”, the café owner said."


def test_decode_text_reads_utf16_with_and_without_a_byte_order_mark():
    text = "Nissan and Honda said they had ended their talks."

    assert decode_text(text.encode("utf-16")) == text
    assert decode_text(text.encode("utf-16-le")) == text


def test_it_refuses_an_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")

    with pytest.raises(CleaningError, match="empty"):
        clean_file(path)


def test_it_refuses_a_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n   \n")

    with pytest.raises(CleaningError, match="only whitespace"):
        clean_file(path)


def test_it_refuses_empty_or_whitespace_text_and_pages():
    for call in (lambda: clean_text(""), lambda: clean_text("  \n \t"), lambda: clean_html("   ")):
        with pytest.raises(CleaningError, match="empty"):
            call()


def test_it_refuses_binary_data(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)

    with pytest.raises(CleaningError, match="binary data"):
        clean_file(path)


def test_it_names_a_known_binary_format_posing_as_text(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n")

    with pytest.raises(CleaningError, match="PDF document"):
        clean_file(path)


def test_it_refuses_text_full_of_control_characters():
    with pytest.raises(CleaningError, match="binary data"):
        clean_text("Nissan" + "\x01\x02\x03\x04" * 50)


def test_it_refuses_undecodable_bytes():
    # not UTF-8; as Windows-1252 it is mostly accented capitals with no words or spaces
    data = bytes(range(0xC0, 0x100)) * 20

    with pytest.raises(CleaningError, match="could not be decoded.*UTF-8"):
        decode_text(data)


def test_it_refuses_an_oversized_file_before_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)

    with pytest.raises(CleaningError, match="over the limit of 5,000,000 bytes"):
        clean_file(path)


def test_it_refuses_oversized_bytes_text_and_pages():
    big = "Nissan said it would cut jobs. " * (MAX_BYTES // 30 + 1)

    for call in (
        lambda: clean_bytes(big.encode(), filename="a.txt"),
        lambda: clean_text(big),
        lambda: clean_html(f"<html><body><p>{big}</p></body></html>"),
    ):
        with pytest.raises(CleaningError, match="over the limit"):
            call()


def test_it_refuses_an_unsupported_file_type_and_names_the_supported_ones(tmp_path):
    path = tmp_path / "article.docx"
    path.write_bytes(b"PK\x03\x04")

    with pytest.raises(CleaningError, match=r"\.docx.*\.txt, \.html, \.htm"):
        clean_file(path)


def test_it_refuses_an_unsupported_content_type():
    with pytest.raises(CleaningError, match="image/png"):
        clean_bytes(b"\x89PNG\r\n", content_type="image/png")


def test_it_refuses_a_missing_file(tmp_path):
    with pytest.raises(CleaningError, match="does not exist"):
        clean_file(tmp_path / "gone.txt")


def test_it_refuses_a_feed_given_as_an_article():
    feed = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Autos</title>'
        b"<item><title>Nissan to cut jobs</title><link>https://x.example/1</link></item></channel></rss>"
    )

    with pytest.raises(CleaningError, match="feed"):
        clean_bytes(feed, content_type="application/rss+xml")
    with pytest.raises(CleaningError, match="feed"):
        clean_bytes(feed, content_type="text/xml")
    with pytest.raises(CleaningError, match="feed"):
        clean_bytes(feed, filename="feed.txt")


def test_it_refuses_a_broken_feed_given_as_an_article():
    broken = b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Nissan to'

    with pytest.raises(CleaningError, match="feed"):
        clean_bytes(broken, content_type="application/octet-stream")


def test_a_refusal_is_a_value_error_and_a_result_cannot_be_changed():
    assert issubclass(CleaningError, ValueError)
    article = clean_text(f"Nissan to close plants\n{LEAD}")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "changed"


def test_decode_text_keeps_a_download_cut_off_inside_a_character():
    assert decode_text("Nissan said café".encode()[:-1]) == "Nissan said caf"


def test_a_html_file_without_markup_is_cleaned_as_plain_text(tmp_path):
    path = tmp_path / "pasted.html"
    path.write_text(f"Nissan to close seven plants\n\n{LEAD}\n", encoding="utf-8")

    article = clean_file(path)

    assert article.title == "Nissan to close seven plants"
    assert article.body == LEAD


def test_it_drops_decoration_lines_between_sections():
    text = "\n".join([STORY[0], "* * *", STORY[1], "___", STORY[2]])

    assert body_lines(clean_text(text)) == STORY[:3]


def test_html_headline_differing_from_the_social_title_is_not_repeated_in_the_body():
    html = (FIXTURES / "meta_date_page.html").read_text(encoding="utf-8")
    social_title = '<meta property="og:title" content="Mitsubishi joins rivals on software">'
    html = html.replace("</head>", social_title + "</head>")

    article = clean_html(html)

    assert article.title == "Mitsubishi joins rivals on software"
    assert not article.body.startswith("Mitsubishi Motors signs up")
    assert article.body.startswith("Mitsubishi Motors said it would take part")


def test_a_feed_item_fragment_labelled_html_is_cleaned_as_html():
    fragment = f"<p>{LEAD}</p>".encode()

    article = clean_bytes(fragment, content_type="text/html")

    assert article.body == LEAD


def test_it_drops_broken_surrogates_that_a_database_cannot_store():
    article = clean_text(f"Nissan to close plants\n{LEAD}\ud800")

    assert article.body == LEAD


def test_it_reads_a_dateline_whose_place_is_set_off_by_a_bar():
    cleaned = clean_text("Carmaker opens a plant\n\nDETROIT | 3 March 2025\n\nThe plant opened today with 900 workers.")

    assert cleaned.published == datetime.date(2025, 3, 3)
    assert cleaned.body.startswith("The plant opened today")


def test_it_reads_a_date_set_below_the_standfirst():
    text = (
        "A supplier's quiet comeback\n\n"
        "After two lean years the parts maker is hiring again, and rivals have noticed.\n\n"
        "14 February 2025\n\n"
        "Orders at the company rose for a third quarter in a row, its chief executive said."
    )

    cleaned = clean_text(text)

    assert cleaned.published == datetime.date(2025, 2, 14)
    assert cleaned.body.splitlines()[0].startswith("After two lean years")
    assert "14 February 2025" not in cleaned.body


def test_it_reads_a_byline_and_then_a_date_below_the_standfirst():
    text = (
        "A supplier's quiet comeback\n\n"
        "After two lean years the parts maker is hiring again, and rivals have noticed.\n\n"
        "By Aiko Sato, Senior Editor\n"
        "14 February 2025\n\n"
        "Orders at the company rose for a third quarter in a row, its chief executive said."
    )

    cleaned = clean_text(text)

    assert cleaned.published == datetime.date(2025, 2, 14)
    assert cleaned.byline == "Aiko Sato"
    assert "Aiko Sato" not in cleaned.body and "14 February 2025" not in cleaned.body


def test_it_reads_a_dateline_whose_place_is_set_off_by_a_dash():
    cleaned = clean_text("Ford books a loss\n\nDETROIT — Feb. 10, 2026 — Ford Motor swung to a net loss for the year.")

    assert cleaned.published == datetime.date(2026, 2, 10)
    assert cleaned.body.startswith("Ford Motor swung to a net loss")


@pytest.mark.parametrize(
    ("byline", "expected"),
    [("By Claire Dubois | 31/07/2025 07:45 CET", datetime.date(2025, 7, 31)),
     ("By Claire Dubois | 7/31/2025", datetime.date(2025, 7, 31)),
     ("By Claire Dubois | 05/03/2025", datetime.date(2025, 3, 5))],
    ids=["day-first", "month-first-when-the-day-comes-second", "day-first-when-either-could-be"],
)
def test_it_reads_a_date_written_with_slashes(byline, expected):
    cleaned = clean_text(f"Renault names a new chief\n\n{byline}\n\n{LEAD}")

    assert cleaned.published == expected


def test_a_wire_dateline_without_a_year_takes_the_copyright_year():
    cleaned = clean_text(
        f"Nissan to cut jobs\n\nYOKOHAMA, May 13 (Reuters) - {LEAD}\n{SECOND}\n\n© 2025 Reuters. All rights reserved."
    )

    assert cleaned.published == datetime.date(2025, 5, 13)
    assert cleaned.body.startswith(LEAD)


def test_a_wire_dateline_without_a_year_takes_the_year_whose_calendar_fits_the_weekday():
    cleaned = clean_text(
        "Honda and Nissan call off talks\n\n"
        "TOKYO, Feb 13 (Reuters) - Honda and Nissan on Thursday called off talks they began in December 2024. "
        "The two had hoped to combine by 2026."
    )

    # 13 February fell on a Thursday in 2025, the latest such year (2020 and 2014 were the others)
    assert cleaned.published == datetime.date(2025, 2, 13)


def test_a_wire_dateline_without_any_hint_of_the_year_leaves_the_date_unknown():
    cleaned = clean_text("Honda and Nissan call off talks\n\nTOKYO, Feb 13 (Reuters) - Honda and Nissan called off talks.")

    assert cleaned.published is None
    assert cleaned.body.startswith("Honda and Nissan called off talks")


def test_it_reads_a_european_numeric_dateline():
    cleaned = clean_text("Union agrees pay deal\n\nSTUTTGART, 05.11.2024 - The union and the carmaker agreed a deal.")

    assert cleaned.published == datetime.date(2024, 11, 5)
    assert cleaned.body.startswith("The union and the carmaker")


def test_it_reads_a_place_then_a_labelled_date():
    cleaned = clean_text(
        "Sales hit a record\n\nPune | Updated: 02 Apr 2025, 10:41 IST\n\nThe carmaker sold more cars than ever."
    )

    assert cleaned.published == datetime.date(2025, 4, 2)
    assert cleaned.body.startswith("The carmaker sold")


def test_it_cuts_readers_comments_after_a_comment_count():
    article = clean_text(
        story(
            "Comments (2)",
            "carfan88: Toyota should just buy Mazda outright and be done with it.",
            "Kenji T.: Waiting for the Subaru launch here",
        )
    )

    assert body_lines(article) == STORY


def test_it_cuts_readers_comments_after_a_prompt_to_comment():
    article = clean_text(
        story(
            "What's your take? Tell us what you think in the comments below.",
            "Have your say",
            "mike_d: Honda made the right call walking away from Nissan.",
        )
    )

    assert body_lines(article) == STORY


def test_it_keeps_an_interview_question_that_asks_what_the_guest_thinks():
    question = "What do you think of the plan to merge with Honda?"
    answer = "It was the right decision for both companies, and we still work together on software."
    article = clean_text(story(question, answer))

    assert body_lines(article)[-2:] == [question, answer]


def test_it_drops_a_promoted_story_whatever_the_label_says():
    article = clean_text(
        "\n".join([STORY[0], "Read next: Can Mazda keep its Toyota ties?", STORY[1],
                   "Also read – Subaru recalls 100,000 cars", STORY[2], STORY[3]])
    )

    assert body_lines(article) == STORY


def test_it_keeps_a_label_the_story_itself_uses():
    text = "\n".join([*STORY, "Points to note:", "- Nissan will keep its plant in Sunderland."])

    assert body_lines(clean_text(text))[-2:] == ["Points to note:", "- Nissan will keep its plant in Sunderland."]


def test_it_drops_a_read_more_list_and_the_wire_sign_off():
    text = (
        f"Nissan to close seven plants\n\n{LEAD}\n{SECOND}\n\n"
        "Read more:\n"
        "Honda sticks to EV targets despite tariff hit\n"
        "Foxconn's chairman says no plan to buy Nissan shares for now\n\n"
        "Reporting by Daniel Leussink; Editing by Edwina Gibbs\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
    )

    cleaned = clean_text(text)

    assert body_lines(cleaned) == [LEAD, SECOND]


def test_it_reads_an_agency_then_a_place_then_the_date():
    cleaned = clean_text(f"Maruti profit rises\n\nPress Trust | New Delhi, 31 October 2025\n\n{LEAD}")

    assert cleaned.published == datetime.date(2025, 10, 31)
    assert body_lines(cleaned) == [LEAD]


def test_it_reads_a_reporter_line_and_a_wire_dateline_without_agency_or_year():
    cleaned = clean_text(
        "Hyundai profit slides\n\nReporter Kim Ji-hoon | Input 17:30\n"
        "SEOUL, July 24 - Hyundai Motor said on Thursday its profit fell.\n\n"
        "Copyright (c) 2025 Korea Auto Herald. All rights reserved."
    )

    assert cleaned.published == datetime.date(2025, 7, 24)
    assert cleaned.byline == "Kim Ji-hoon"
    assert cleaned.body.startswith("Hyundai Motor said on Thursday")


def test_a_byline_with_the_authors_role_after_a_comma_still_gives_the_date():
    cleaned = clean_text(f"Toyota cuts outlook\n\nBy Hiroko Tanaka, Nikkei staff writer | August 7, 2025\n\n{LEAD}")

    assert cleaned.published == datetime.date(2025, 8, 7)
    assert cleaned.byline == "Hiroko Tanaka"
