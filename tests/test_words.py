"""The per-word functions that timeline.words.PerWord caches give what their tables give.

``words.bits_and_leads`` answers most new words (words of ASCII letters in no table) without
``names.bits_of`` and ``triggers.lead_offsets``; it, and the two functions on a fresh copy of their
tables (every word missing), are checked here against the plain definitions, on words the tables
know, their case variants, and arbitrary text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.actors import names
from timeline.events import triggers
from timeline.words import PerWord, bits_and_leads

KNOWN = sorted(names._lower_starts() | set(names._TITLE_ROWS) | {
    "the", "said", "say", "talks", "talk", "is", "isn", "warned", "war", "warm", "meet", "meeting", "met",
    "metal", "visit", "visitor", "concern", "condemn", "sanction", "sanctions", "a", "i", "x", "urged", "urn",
    "monday", "december", "jan", "may", "Putin", "Moscow", "The", "SAID", "Said", "mr", "dr", "e-mail", "don't", "co-operate", "naïve", "é", "ß", "ǅ"})
WORDS = st.one_of(
    st.sampled_from(KNOWN),
    st.sampled_from(KNOWN).map(str.upper),
    st.sampled_from(KNOWN).map(str.capitalize),
    st.sampled_from(KNOWN).map(lambda w: w[:2].upper() + w[2:]),  # "MOnday": neither all upper nor a table word
    st.text(alphabet="abcdeilmnrstwAST-’'.é", min_size=1, max_size=9),
    st.text(min_size=1, max_size=6),
)


@settings(max_examples=600, deadline=None)
@given(WORDS)
def test_bits_of_is_the_tables_bits(word):
    assert names.bits_of(word) == names._WordBits()[word]


@settings(max_examples=600, deadline=None)
@given(WORDS)
def test_lead_offsets_are_the_tables_offsets(word):
    assert triggers.lead_offsets(word) == triggers._LeadOffsets()[word]


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=25))
def test_a_fresh_per_word_table_gives_both_columns(words):
    table = PerWord(names.bits_of, triggers.lead_offsets)
    bits, offsets = table.columns(words)
    assert bits == [names._WordBits()[w] for w in words]
    assert offsets == [triggers._LeadOffsets()[w] for w in words]
    assert table.columns(words) == (bits, offsets)  # and again, from the table


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=25))
def test_the_pair_of_both_stages_at_once_is_both_stages_pair(words):
    table = PerWord(names.bits_of, triggers.lead_offsets, bits_and_leads)
    bits, offsets = table.columns(words)
    assert bits == [names._WordBits()[w] for w in words]
    assert offsets == [plain_lead_offsets(w) for w in words]


def plain_lead_offsets(word: str) -> tuple[int, ...]:
    """The definition: every ASCII letter that no ASCII letter precedes in the word, where a lead
    starts and the rest of the word fits a head."""
    return tuple(k for k, c in enumerate(word) if c in triggers.ASCII_LETTERS and (
        k == 0 or word[k - 1] not in triggers.ASCII_LETTERS) and triggers._lead_at(word, k)
        and triggers._may_begin(word[k:]))


@settings(max_examples=800, deadline=None)
@given(st.one_of(
    st.lists(st.sampled_from(KNOWN + ["-", "’", "'", ".", "1", "9s", "é", "_", "ß"]), min_size=1, max_size=4).map("".join),
    st.text(alphabet="saidtlkmewrnoc-’'.1_éS", min_size=1, max_size=12),
))
def test_lead_offsets_of_any_word_are_the_plain_ones(word):
    assert triggers._LeadOffsets()[word] == plain_lead_offsets(word)
    assert triggers.lead_offsets(word) == plain_lead_offsets(word)
