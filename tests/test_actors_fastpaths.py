"""The fast paths of actor recognition give what their plain definitions give.

Each fast path in :mod:`timeline.actors.names` is checked here against the plain loop it replaced,
on random sentences made of the words the tables care about (titles, heads, names, initials,
gazetteer forms, reporting verbs) and of words no table knows.
"""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

import timeline.actors.recognise  # noqa: F401  (the module: the package exports a function of that name)
from timeline.actors import names
from timeline.actors.gazetteer import first_words, fold, gazetteer, known_people, second_words

TITLE_WORDS = sorted({w for rows in names._TITLE_ROWS.values() for row in rows for w in row[0]})
HEAD_WORDS = sorted({w for rows in names._HEAD_ROWS.values() for row in rows for w in row[0]})
OTHER_WORDS = (
    "Vladimir Putin Sauli Niinistö George W . Bush Mr Mr. Jean-Claude O'Brien said told warned added The the "
    "Kremlin Moscow Russia Russian German Hong Kong South Korea New York Bank of England United States U.S. "
    "Foreign FOREIGN Minister MINISTER ministry talks on Tuesday , ” ’s X Xi A a"
).split()
WORDS = st.sampled_from(TITLE_WORDS + HEAD_WORDS + OTHER_WORDS + [w.capitalize() for w in TITLE_WORDS])
# whole phrases of the tables (and names with initials), whole or cut short, in any case
PHRASES = sorted({" ".join(row[0]) for rows in (names._TITLE_ROWS, names._HEAD_ROWS) for rs in rows.values()
                  for row in rs} | {"George W . Bush", "W . Bush said", "J . R . R . Tolkien", "Hong Kong",
                                    "South Korea", "New York", "Bank of England", "United States"})


@st.composite
def chunks(draw) -> list[str]:
    words = draw(st.sampled_from(PHRASES)).split()
    words = words[: draw(st.integers(1, len(words)))]
    case = draw(st.sampled_from((str, str.capitalize, str.upper, str.lower)))
    return [case(w) if case is not str or k else w for k, w in enumerate(words)]


SENTENCES = st.lists(st.one_of(WORDS.map(lambda w: [w]), chunks()), min_size=1, max_size=8).map(
    lambda parts: [w for part in parts for w in part])


def plain_phrase_at(words: list[str], i: int, rows):
    """_phrase_at as first written: every row compared word by word."""
    if i >= len(words):
        return None
    for phrase, *payload in rows.get(words[i].lower(), ()):
        n = len(phrase)
        if i + n <= len(words) and all(words[i + k].lower() == phrase[k] for k in range(1, n)):
            return i + n, payload
    return None


@settings(max_examples=500, deadline=None)
@given(SENTENCES)
def test_phrase_at_is_the_plain_loop(words):
    for i in range(len(words) + 1):
        for rows in (names._TITLE_ROWS, names._HEAD_ROWS):
            assert names._phrase_at(words, i, rows) == plain_phrase_at(words, i, rows), (words, i)


def plain_gazetteer_at(words: list[str], i: int):
    """gazetteer_at as first written: every form length the first word begins, longest first."""
    first = words[i]
    counts = first_words().get(first)
    if not counts:
        return None
    several = i + 1 < len(words) and words[i + 1] in second_words().get(first, ())
    for n in counts:
        if i + n > len(words) or (n > 1 and not several):
            continue
        entry = gazetteer().get(first if n == 1 else " ".join(words[i : i + n]))
        if entry is not None:
            return i + n, entry
    return None


@settings(max_examples=500, deadline=None)
@given(SENTENCES)
def test_gazetteer_at_is_the_plain_loop(words):
    for i in range(len(words)):
        assert names.gazetteer_at(words, i) == plain_gazetteer_at(words, i), (words, i)


def plain_names_at(words: list[str], i: int, limit: int = 3) -> int:
    """_names_at as first written: is_name_token and _initial_at asked of every word."""
    j = i
    while j < len(words) and j - i < limit + 2 and (
            names.is_name_token(words[j]) or (j > i and names._initial_at(words, j))):
        if names._initial_at(words, j):
            j += 2
            continue
        if j == i:
            hit = names.gazetteer_at(words, j)
            if hit and hit[1].category != "person":
                break
        j += 1
    return j


@settings(max_examples=500, deadline=None)
@given(SENTENCES, st.integers(1, 4))
def test_names_at_is_the_plain_loop(words, limit):
    bits = names.word_bits(words)
    for i in range(len(words) + 1):
        assert names._names_at(words, i, limit) == plain_names_at(words, i, limit), (words, i)
        assert names._names_at(words, i, limit, bits) == plain_names_at(words, i, limit), (words, i)


@settings(max_examples=300, deadline=None)
@given(SENTENCES)
def test_a_run_of_names_ends_within_six_words(words):
    # first_pass skips _names_at when no reporting verb is among the six words after a name: sound
    # only if a run from i (limit 3, initials counting two words) never ends further than i + 6
    for i in range(len(words)):
        assert names._names_at(words, i) <= i + 6, (words, i)


# few words, so that names meet their neighbours often
NAMEY = st.lists(st.sampled_from(
    "The Putin Vladimir Bush George W . Niinisto Niinsto Kremlin Mr. said President Russian U.S. the , ” ’s "
    "FOREIGN Minister talks Hague".split()), min_size=1, max_size=10)


@settings(max_examples=400, deadline=None)
@given(st.one_of(SENTENCES, NAMEY))
def test_passes_given_the_bits_find_what_they_find_alone(words):
    text = " ".join(words)
    toks = names.tokenize(text, 0, len(text))
    bits = names.word_bits(toks.words)
    starts = names.may_start(toks.words)
    assert starts == [k for k, b in enumerate(bits) if b]
    first = names.first_pass(toks, starts, bits)
    assert first == names.first_pass(toks)
    taken = {k for k, s in enumerate(toks.starts) if any(f.start <= s < f.end for f in first)}
    assert names.second_pass(toks, taken, PEOPLE, starts, bits_at=bits) == plain_second_pass(toks, taken, PEOPLE)
    assert names.second_pass(toks, taken, PEOPLE) == plain_second_pass(toks, taken, PEOPLE)
    name_words = [k for k, b in enumerate(bits) if b & names.NAME]  # what recognise passes as starts
    assert names.second_pass(toks, taken, PEOPLE, name_words, bits_at=bits) == plain_second_pass(toks, taken, PEOPLE)


PEOPLE = {"putin": "Vladimir Putin", "bush": "George W. Bush", "niinisto": "Sauli Niinistö", "kremlin": "K"}


def plain_second_pass(toks: names.Tokens, taken: set[int], people: dict[str, str]) -> list[names.Found]:
    """second_pass as first written: every word asked is_name_token, no bits, no start positions."""
    words = toks.words
    found = []
    for i, word in enumerate(words):
        if i in taken or not names.is_name_token(word):
            continue
        if i > 0 and names.is_name_token(words[i - 1]) and i - 1 not in taken:
            continue
        key = people.get(fold(word))
        if key is None and len(word) >= names.FUZZY_MIN_LENGTH:
            key = names.closest_surname(fold(word), people)
        if key is not None:
            found.append(names.Found(toks.starts[i], toks.ends[i], word, key, "person",
                                     possessive=names._possessive_after(words, i + 1)))
    return found


@settings(max_examples=500, deadline=None)
@given(st.one_of(WORDS, st.text(min_size=1, max_size=8),
                 st.text(alphabet="AaBbÉéß-’'.²3_ ǅ", min_size=1, max_size=6)))
def test_a_capitalised_words_name_bit_is_is_name_token(word):
    names._BITS.pop(word, None)
    bits = names._BITS[word]
    assert bool(bits & names.NAME) == names.is_name_token.__wrapped__(word)


def test_tokens_of_sentences_are_tokens():
    text = "He met Macron. The U.S. said so.  Putin's aides talked."
    spans = [(0, 14), (15, 32), (34, len(text))]
    tokens = names.tokenize_spans(text, spans)
    assert tokens == [names.tokenize(text, s, e) for s, e in spans]
    assert all(type(t) is names.Tokens for t in tokens)
    assert tokens[1].words == ["The", "U.S.", "said", "so", "."] and tokens[1].starts[1] == 19


SURNAME_LETTERS = "abceghijklmnoprstuvyzö"
recognise_module = sys.modules["timeline.actors.recognise"]
KNOWN_SURNAMES = recognise_module._known_surname_list()


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=SURNAME_LETTERS, min_size=1, max_size=14),
                 st.builds(lambda s, k, c: s[:k] + c + s[k + 1:], st.sampled_from(KNOWN_SURNAMES),
                           st.integers(0, 12), st.sampled_from(("", "a", "ii", "x")))))
def test_closest_known_is_the_whole_table_scored(folded):
    # _closest_known scores a word against the surnames of a length within reach only
    best = process.extractOne(folded, recognise_module._known_surname_list(), scorer=fuzz.ratio,
                              score_cutoff=names.FUZZY_SURNAME)
    assert recognise_module._closest_known.__wrapped__(folded) == ((best[0], best[1]) if best else None)


def plain_match_known(name: str) -> str | None:
    """match_known as defined: the first public figure whose surname scores 85 and first name 75."""
    parts = name.split()
    for canonical in known_people():
        cparts = canonical.split()
        if fuzz.ratio(fold(parts[-1]), fold(cparts[-1])) >= 85 and (
                len(parts) == 1 or fuzz.ratio(fold(parts[0]), fold(cparts[0])) >= 75):
            return canonical
    return None


KNOWN_NAME_PARTS = sorted({p for n in known_people() for p in n.split()})
TYPO = st.builds(lambda s, k, c: s[:k] + c + s[k + 1:], st.sampled_from(KNOWN_NAME_PARTS), st.integers(0, 12),
                 st.sampled_from(("", "a", "ii", "x", "ss")))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(TYPO, st.sampled_from(KNOWN_NAME_PARTS)), min_size=1, max_size=3))
def test_match_known_scores_the_surnames_within_reach_only(parts):
    name = " ".join(p for p in parts if p) or "X"
    assert names.match_known.__wrapped__(name) == plain_match_known(name)


def test_a_word_with_a_form_of_its_own_is_a_gazetteer_key():
    # first_pass takes a gazetteer word's own form from the table directly when no form of several
    # words can start there: GAZETTEER_ONE must mean that the word is a key
    for word in first_words():
        bits = names._BITS[word]
        assert bits & names.GAZETTEER, word
        assert bool(bits & names.GAZETTEER_ONE) == (word in gazetteer()), word


def test_an_actor_is_shared_only_by_equal_fields():
    from timeline.model import Actor

    make = recognise_module._actor
    fields = ("actor:russia", "Russia", "country", None, ("Moscow", "Russia"), None)
    assert make(*fields) == Actor(*fields) and make(*fields) is make(*fields)
    other = make("actor:russia", "Russia", "country", None, ("Russia",), None)
    assert other.aliases == ("Russia",) and other != make(*fields)


def word_before(words: list[str], i: int) -> str:
    """What first_pass reads before a gazetteer mention at i: the word before, "the" skipped, lower-cased."""
    before = words[i - 1].lower() if i > 0 else ""
    if before == "the":
        before = words[i - 2].lower() if i > 1 else ""
    return before


SPOKEN = st.lists(st.sampled_from("a the The A spokesman Spokesperson representative for For of in at to Russia "
                                  "Moscow German foreign ministry said , .".split()), min_size=1, max_size=9)


@settings(max_examples=500, deadline=None)
@given(SPOKEN)
def test_the_word_before_decides_locative_and_spokesperson(words):
    # first_pass asks _spokes only after "for"/"of" and reads _is_locative from that same word
    text = " ".join(words)
    toks = names.tokenize(text, 0, len(text))
    for i in range(len(toks.words)):
        mention = names.Found(toks.starts[i], toks.ends[i], toks.words[i], "Russia", "country")
        before = word_before(toks.words, i)
        assert names._is_locative(toks.words, i) == (before in names.LOCATIVE_PREPOSITIONS)
        if before not in ("for", "of"):
            assert names._spokes(toks, i, mention) is mention
