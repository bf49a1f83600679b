"""Later fast paths of event extraction give what their plain definitions give (see also
test_events_fastpaths.py and test_events_shortcuts.py): each is checked against the plain form on
tricky pieces and random text."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
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


# ---- labels: the words' keys computed once per content, no per-word caches ----------------------
KEY_WORDS = ("the", "The", "THE", "US", "us", "WHO", "who", "I", "i", "A", "also", "ALSO", "Also", "recently",
             "RECENTLY", "Recently", "quickly", "family", "FAMILY", "only", "NOW", "to", "need", "willingness",
             "is", "was", "said", "talks", "Russia's", "Ukraine", "troops", "focused", "on", "we", "our", "must",
             "İs", "ſtill", "\u212aills", "ǅa", "ß", "x2", "2X", "ly", "holy", "unholy", "shortly", "SHORTLY", "badly", "madly",
             "and", "or", "that", "which", "but", "running", "signed", "fled", "sing")
key_lists = st.lists(st.one_of(st.sampled_from(KEY_WORDS), st.text(min_size=1, max_size=5).map(
    lambda w: "".join(w.split()) or "x")), max_size=14)


def plain_cut_ok(words: list[str], i: int) -> bool:
    """labels._cut_ok as first written: every key by _key, the filler test by _is_filler."""
    keys = [lb._key(w) for w in words[: i + 1]]
    last, low = words[i - 1], keys[i - 1]
    nxt = keys[i] if i < len(words) else None
    if low in lb.BAD_END or low.endswith(lb.POSSESSIVE_ENDS) or lb._is_filler(last):
        return False
    if next((k for k, key in enumerate(keys[:i]) if key in lb.FIRST_PERSON), i) < i:
        return False
    if nxt is None:
        return True
    boundary = nxt in lb.PREPOSITIONS or nxt in lb.CONJUNCTIONS or nxt in lb.RELATIVES or (
        len(nxt) > 4 and nxt.endswith(("ing", "ed")) and low not in lb.AUXILIARIES)
    if not boundary:
        return False
    if nxt in lb.WAITING_PREPOSITIONS and i >= 2 and keys[i - 2] in lb.COPULAS:
        return False
    if nxt == "to" and low in lb.TO_VERBS:
        return False
    return not (nxt in lb.WAITING_PREPOSITIONS and len(low) > 4 and low.endswith(("ing", "ed")))


def plain_strong(words: list[str], i: int, clause: bool) -> bool:
    key = lb._key
    has_verb = not lb.AUXILIARIES.isdisjoint(map(key, words[:i])) or any(
        w.islower() and (w.endswith("ed") or w.endswith("s") and not w.endswith(("ss", "ness", "us", "is", "ics")))
        for w in words[1:i])
    if clause and not has_verb:
        return False
    content = [w for w in words[:i] if key(w) not in lb.FUNCTION_WORDS]
    if i < len(words) and key(words[i]) == "to" and key(words[i - 1]) in lb.TO_NOUNS:
        return False
    if len(content) >= 2:
        return True
    whole_clause = i == len(words) and not lb.AUXILIARIES.isdisjoint(map(key, words[:i]))
    return len(content) == 1 and (whole_clause or key(words[0]) == "to")


def plain_fit(words: list[str], budget: int) -> str | None:
    text = " ".join(words)
    if len(text) <= budget:
        return text
    text = " ".join(w for w in words if lb._key(w) not in lb.ARTICLES)
    return text if len(text) <= budget else None


@settings(max_examples=500, deadline=None)
@given(key_lists)
def test_keys_of_are_the_keys(words):
    assert lb._keys_of(words) == [lb._key(w) for w in words]


@settings(max_examples=500, deadline=None)
@given(key_lists.filter(bool), st.integers(1, 14), st.integers(0, 70), st.booleans())
def test_cut_ok_strong_and_fit_are_the_plain_ones(words, i, budget, clause):
    i = min(i, len(words))
    keys = lb._keys_of(words[: i + 1])
    assert lb._cut_ok(words, i) == lb._cut_ok(words, i, keys) == plain_cut_ok(words, i)
    assert lb._strong(words, i, clause) == lb._strong(words, i, clause, keys) == plain_strong(words, i, clause)
    assert lb._fit(words[:i], budget) == lb._fit(words[:i], budget, keys) == plain_fit(words[:i], budget)


def test_cut_ok_stops_before_each_kind_of_filler():
    for filler in ("recently", "ALSO", "also", "Also"):
        words = ["Russia", "wants", "talks", filler, "with", "NATO"]
        assert not lb._cut_ok(words, 4) and not plain_cut_ok(words, 4), filler
    assert lb._cut_ok(["Russia", "wants", "family", "with"], 3) and lb._cut_ok(["Russia", "acted", "badly", "in"], 3)
    assert lb._cut_ok(["Russia", "acted", "Quickly"], 3) and plain_cut_ok(["Russia", "acted", "Quickly"], 3)


def plain_phrase_of(parts: list[str], words: int, budget: int, clause: bool) -> tuple[str, str]:
    """labels._phrase_of as first written: every cut tried under both limits, by the plain tests."""
    if parts and lb._key(parts[0]) in lb.AUXILIARIES:
        return "", ""
    weak = ""
    for limit in (words, max(words, lb.WORDS_AT_MOST)):
        for i in range(min(limit, len(parts)), 0, -1):
            fitted = plain_fit(parts[:i], budget) if plain_cut_ok(parts, i) else None
            if fitted is not None and plain_strong(parts, i, clause):
                return fitted, weak or fitted
            weak = weak or (fitted or "")
    return "", weak


@settings(max_examples=400, deadline=None)
@given(key_lists, st.integers(1, 6), st.integers(0, 70), st.booleans())
def test_phrase_of_is_the_plain_phrase(parts, words, budget, clause):
    assert lb._phrase_of(parts, words, budget, clause) == plain_phrase_of(parts, words, budget, clause)


@pytest.mark.parametrize("nxt", ["with", "and", "that", "acted", "going", "running", "signed"])
def test_phrase_of_cuts_before_each_kind_of_boundary(nxt):
    """_phrase_of reads _cut_ok's first tests inline: each kind of next word still allows the cut."""
    parts = ["Russia", "wants", "talks", nxt, "the", "old", "treaty", "on", "arms", "and", "more"]
    expected = plain_phrase_of(parts, 5, 60, False)
    assert lb._phrase_of(parts, 5, 60, False) == expected
    assert expected[0] == "Russia wants talks"


# ---- modality._clause_start: CLAUSE_START asked only when a clause start could be there ----------
CLAUSE_PIECES = ("; ", ":", "—", ", and ", ", but ", ", while ", ", as ", ",\tas\n", ",  and ", "that ", "who ",
                 "which ", "That ", "thats", "whoever", " ", "Russia", "said", "has", "was", ",", "and", "as",
                 "talks", "\u00a0", "\n")


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(CLAUSE_PIECES), max_size=10).map("".join), st.text(max_size=20)))
def test_clause_start_is_the_clause_pattern(window):
    from timeline.events import modality as md

    found, plain = md._clause_start(window), md.CLAUSE_START.match(window)
    assert (found and found.span()) == (plain and plain.span())


@pytest.mark.parametrize("start", ["; ", ": ", " — ", ", and ", ", but ", ", while ", ", as ", " that ", " who ",
                                   " which "])
def test_each_clause_start_passes_the_guard(start):
    from timeline.events import modality as md

    window = f"Russia{start}Moscow "
    assert md._clause_start(window) is not None and md._clause_start(window).end() == md.CLAUSE_START.match(
        window).end()


# ---- speech._double_quotes: the double quotes of a window, by str.find when none is curly ---------
@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab "“”\'‘’«»„\n.'), max_size=30), st.integers(0, 8), st.integers(0, 8))
@example('He said ""x" b"', 0, 0)
@example('“a" ""”', 1, 0)
def test_double_quotes_are_the_double_quote_pattern(text, cut_start, cut_end):
    from timeline.events import speech as sp

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert sp._double_quotes(text, start, end) == [m.start() for m in sp.DOUBLE_QUOTE.finditer(text, start, end)]


# ---- sentences._is_abbreviation: the word before a dot, read from the end -----------------------
@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from("Mr.U.Sa_3é ,\n-’Ж"), max_size=20), st.integers(0, 20))
@example("The U.S. said", 7)
@example("talks with Mr. Putin", 13)
@example("M\n", 2)
@example("approx.......", 12)
def test_is_abbreviation_reads_the_word_before_the_dot(text, dot):
    dot = min(dot, len(text))
    word = sn.WORD_BEFORE_DOT.search(text[max(0, dot - 12) : dot])
    w = word.group(1).lower().rstrip(".") if word else None
    plain = w is not None and (w in sn.ABBREVIATIONS or (len(w) == 1 and w.isalpha()))
    assert sn._is_abbreviation(text, dot) == plain
