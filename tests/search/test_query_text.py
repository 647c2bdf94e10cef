"""The one step that makes typed text safe for every backend (search.query_text)."""

import pytest

from search.query_text import clean_text, distinct_terms, facet_integers, search_words


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("  water \t supply\n", "water supply"),
        ("a\x00b", "a b"),
        ("\ud800waste\udfff", "waste"),
        ("e\u0301", "\u00e9"),
        ("water\x1b[31m\x7f", "water [31m"),
        ("\u3000\u2028", ""),
    ],
)
def test_clean_text_keeps_what_every_backend_can_take(text, cleaned):
    assert clean_text(text, 200) == cleaned


def test_clean_text_cuts_at_the_limit_without_a_trailing_space():
    assert clean_text("ab cd ef", 3) == "ab"
    assert len(clean_text("w" * 10_000, 200)) == 200


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('water "quoted', ["water", "quoted"]),
        ('"water supply"', ["water", "supply"]),
        ("title:* AND OR NOT (", ["title", "AND", "OR", "NOT"]),
        ("start-ups women's e.V. one_stop", ["start-ups", "women's", "e.V", "one_stop"]),
        ("-leading trailing- 'quoted'", ["leading", "trailing", "quoted"]),
        ("Bürgerhaushalt हिन्दी 2025 ²", ["Bürgerhaushalt", "हिन्दी", "2025", "²"]),
        ("!?.,;:- * \\ %", []),
    ],
)
def test_search_words_are_plain_words_without_query_syntax(text, words):
    assert search_words(text) == words


def test_distinct_terms_drop_repeats_and_stop_at_the_limit():
    assert distinct_terms("Waste waste,WASTE-heat heat", 16) == "Waste heat"
    assert distinct_terms(" ".join(f"w{n}" for n in range(40)), 16).split() == [
        f"w{n}" for n in range(16)
    ]


def test_facet_integers_take_only_ascii_digits_of_a_sensible_length():
    assert facet_integers(["11", "abc", "²", "٢٠٢٥", "-1", "99999999999999999999", 6]) == [11, 6]


def test_search_query_cleans_its_text_and_filters_whoever_builds_it():
    from search.queries import MAX_QUERY_LENGTH, SearchQuery

    query = SearchQuery(
        text="\ud800 water\x00supply " + "w" * 500,
        filters={
            "country": ("GH\x00", "", " ", "GH", *[f"C{n}" for n in range(30)]),
            "tags": ("\x00",),
        },
        sort="random",
        page=-3,
        page_size=0,
    )
    assert query.text.startswith("water supply w") and len(query.text) == MAX_QUERY_LENGTH
    assert query.filters == {"country": ("GH", *[f"C{n}" for n in range(19)])}
    assert (query.sort, query.page, query.page_size, query.offset) == ("relevance", 1, 1, 0)
