"""The per-word functions that timeline.words.PerWord caches give what their tables give.

``names.bits_of`` and ``triggers.lead_offsets`` answer most new words (lower-case words of ASCII
letters) without their module's table; each is checked here against that table on a fresh copy
(every word missing), on words the tables know, their case variants, and arbitrary text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.actors import names
from timeline.events import triggers
from timeline.words import PerWord

KNOWN = sorted(names._lower_starts() | set(names._TITLE_ROWS) | {
    "the", "said", "say", "talks", "talk", "is", "isn", "warned", "war", "warm", "meet", "meeting", "met",
    "metal", "visit", "visitor", "concern", "condemn", "sanction", "sanctions", "a", "i", "x", "urged", "urn",
    "Putin", "Moscow", "The", "SAID", "Said", "mr", "dr", "e-mail", "don't", "co-operate", "naïve", "é", "ß", "ǅ"})
WORDS = st.one_of(
    st.sampled_from(KNOWN),
    st.sampled_from(KNOWN).map(str.upper),
    st.sampled_from(KNOWN).map(str.capitalize),
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
