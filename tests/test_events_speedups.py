"""Later fast paths of event extraction give what their plain definitions give (see also
test_events_fastpaths.py and test_events_shortcuts.py): each is checked against the plain form on
tricky pieces and random text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import labels as lb
from timeline.events import sentences as sn

# ---- labels._kept_words: the words _clean_words keeps ------------------------------------------
DROP_WORDS = ("also", "Also", "ALSO", "still", "now", "then", "yet", "very", "really", "Really", "quickly",
              "QUICKLY", "Quickly", "family", "only", "July", "ly", "fly", "early", "daily", "badly", "ably",
              "'", "'s", "'S", "s'", "’s", "Russia's", "talks", "the", "said", "ſtill", "ALSo", "ſo", "İly",
              "nowly", "lying", "ly.", "ly,", "", "x")


def plain_kept(parts: list[str]) -> list[str]:
    return [w for w in parts if not lb._dropped(w)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(DROP_WORDS), st.text(min_size=1, max_size=6)), max_size=12).map(
    lambda ws: " ".join(ws).split()))
def test_kept_words_is_the_plain_filter(parts):
    assert lb._kept_words(parts) == plain_kept(parts)


def test_kept_words_drops_each_kind_of_dropped_word():
    for word in ("also", "Already", "really", "quickly", "'", "'s"):
        parts = ["Russia", word, "talks"]
        assert lb._kept_words(parts) == plain_kept(parts) == ["Russia", "talks"], word
    assert lb._kept_words(["an", "only", "family"]) == ["an", "only", "family"]


# ---- sentences._end_pattern: the literal-dot pattern where it finds the same ends ---------------
END_PIECES = ("Mr.", "U.S.", ".", "..", "!", "?", "…", "?!", "!.", ".?", " ", "  ", "\n", "A", "b", "7", "\"",
              "”", "’", ")", "(", "“", "É", "Ж", "x.", " He", " the")


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(END_PIECES), max_size=20).map("".join), st.text(max_size=20)))
def test_end_pattern_finds_the_sentence_ends(text):
    pattern = sn._end_pattern(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in sn._SENTENCE_END.finditer(text)]
    for start in range(0, len(text), 3):
        found = pattern.search(text, start, len(text) - 1)
        plain = sn._SENTENCE_END.search(text, start, len(text) - 1)
        assert (found and found.span()) == (plain and plain.span())


def test_each_other_end_mark_keeps_the_full_pattern():
    for mark in "!?…":
        text = f"Talks end{mark} Putin said. Biden spoke."
        assert [m.span() for m in sn._end_pattern(text).finditer(text)] == [
            m.span() for m in sn._SENTENCE_END.finditer(text)]
        assert len(list(sn._SENTENCE_END.finditer(text))) == 2
