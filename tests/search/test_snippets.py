"""Snippets under a hit are cut where words end and never show a passage twice."""

import html

from hypothesis import example, given, settings
from hypothesis import strategies as st

from search.snippets import (
    SNIPPET_SIZE,
    distinct_snippets,
    fragments,
    is_word_boundary,
    mark,
    plain,
    shorten,
)

STREAMS = (
    "The municipal streams had been buried under avenues since the 1970s. Streams that had "
    "been buried under avenues flooded regularly during the rainy season, and the culverts "
    "were expensive to maintain. Families living on the banks were affected every year, "
    "and the municipal sewage company could not keep the culverts clear."
)


def whole_words(fragment: str, text: str) -> bool:
    shown = html.unescape(fragment.replace("<mark>", "").replace("</mark>", ""))
    assert shown in text, f"{shown!r} is not a passage of the text"
    # The passage may occur more than once ("a" inside "aa" before the word "a" at the
    # end): it is whole words if one of its occurrences starts and ends at a boundary.
    starts = (i for i in range(len(text)) if text.startswith(shown, i))
    return any(
        (start == 0 or not (text[start - 1].isalnum() and text[start].isalnum()))
        and (
            start + len(shown) == len(text)
            or not (text[start + len(shown) - 1].isalnum() and text[start + len(shown)].isalnum())
        )
        for start in starts
    )


def test_a_fragment_begins_at_the_sentence_and_ends_after_a_whole_word():
    [first, second] = fragments(STREAMS, ["culverts"])
    assert first.startswith("Streams that had been buried")
    assert "<mark>culverts</mark>" in first
    assert whole_words(first, STREAMS) and whole_words(second, STREAMS)
    assert "… s flooded" not in first and not plain(first).startswith("s ")


def test_a_fragment_far_into_a_long_sentence_starts_at_a_word():
    text = "word " * 60 + "unsealed schoolyards " + "word " * 60
    [fragment] = fragments(text.replace("word", "pavement"), ["schoolyards"], limit=1)
    assert plain(fragment).startswith("pavement")
    assert len(plain(fragment)) <= SNIPPET_SIZE


def test_a_match_inside_a_longer_word_keeps_that_word_whole():
    text = "x" * 70 + " The stormwater basins hold the rain. " + "y" * 80
    [fragment] = fragments(text, ["water"])
    assert "<mark>stormwater</mark>" in fragment
    assert whole_words(fragment, text)


def test_the_whole_word_holding_a_term_is_marked():
    assert mark("Streets flooded; flood-prone", ["flood"]) == (
        "Streets <mark>flooded</mark>; <mark>flood</mark>-prone"
    )


def test_marking_escapes_the_text_and_marks_every_term():
    assert mark("Women's <b>cooperatives</b>", ["cooperatives"]) == (
        "Women&#x27;s &lt;b&gt;<mark>cooperatives</mark>&lt;/b&gt;"
    )
    assert mark("Nothing here", ["waste"]) == ""
    assert mark("Wastewater and waste", ["waste", "water"]) == (
        "<mark>Wastewater</mark> and <mark>waste</mark>"
    )


def test_a_passage_shown_once_is_not_shown_again():
    summary = "Nairobi ran its first innovation challenge on <mark>waste</mark>-to-value."
    text = "Nairobi ran its first innovation challenge on <mark>waste</mark>-to-value."
    other = "Surabaya linked its <mark>waste</mark> banks."
    assert distinct_snippets([summary, text, other]) == [summary, other]


def test_a_longer_passage_replaces_the_shorter_one_it_contains():
    short = "challenge on <mark>waste</mark>-to-value"
    longer = "Nairobi ran its first innovation challenge on <mark>waste</mark>-to-value."
    assert distinct_snippets([short, longer]) == [longer]


def test_a_summary_is_shortened_after_a_whole_word():
    assert shorten("Residents file applications online", 20) == "Residents file…"
    assert shorten("Short enough", 20) == "Short enough"


words = st.text(alphabet="abcdeÄäößéz", min_size=1, max_size=14)
separators = st.sampled_from([" ", ", ", ". ", "\n", " – ", "-", "'"])


@st.composite
def texts_with_a_term(draw):
    parts = draw(st.lists(st.tuples(words, separators), min_size=1, max_size=80))
    text = "".join(word + sep for word, sep in parts).strip()
    word = draw(st.sampled_from([w for w, _ in parts]))
    start = draw(st.integers(0, len(word) - 1))
    term = word[start : start + draw(st.integers(1, len(word) - start))]
    return text, term


@settings(max_examples=300, deadline=None)
@given(texts_with_a_term(), st.integers(min_value=20, max_value=200))
@example(("aa aaaaaaa a aaaaaa a", "a"), 20)
def test_every_fragment_is_a_passage_of_whole_words_holding_a_match(case, size):
    text, term = case
    found = fragments(text, [term], size=size)
    assert found
    for fragment in found:
        assert "<mark>" in fragment
        assert whole_words(fragment, text)
    shown = [plain(f) for f in distinct_snippets(found)]
    assert len(shown) == len(set(shown))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abc äö.-'", max_size=300), st.integers(min_value=2, max_value=120))
def test_shorten_cuts_at_a_word_boundary_within_the_limit(text, limit):
    short = shorten(text, limit)
    assert len(short) <= max(limit, 1)
    if short.endswith("…") and short != text.strip():
        cut = short[:-1]
        stripped = text.strip()
        assert stripped.startswith(cut)
        if cut:
            assert is_word_boundary(stripped, len(cut)) or not any(
                is_word_boundary(stripped, i) for i in range(1, limit)
            )
