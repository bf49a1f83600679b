"""The fast paths of event and actor extraction give what the plain definitions give.

find_triggers tries the trigger table only at word starts (and inside words after a non-letter)
where a lead can begin; tokenize builds parallel lists from one findall (and tokenize_spans from one
tokenize of a document's sentences); a capitalised word's bits and match_known skip tables that cannot apply; modality and topic_of
skip their ordered tables when no row can match.  Each is checked here against the plain form
(the full scanner's finditer, TOKEN.finditer, the ordered tables) on tricky words and random text.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from timeline.actors import names
from timeline.actors.gazetteer import demonyms, first_words, fold, known_people
from timeline.actors.names import TOKEN, tokenize, tokenize_spans
from timeline.events import modality as modality_module
from timeline.events.labels import _TOPICS, label, topic_of
from timeline.events.modality import modality
from timeline.events.triggers import Hit, _compiled, _LeadOffsets, _scanner, find_triggers

WORDS = (
    "said says told met meets phone call calls with talks is expected to arrive visit co-signed re-attack "
    "didn't 3said _said ésaid Said SAID ſaid \u212aills as\u212a İs ıs sİgned warned the Russia’s Putin's annexing "
    "fires missiles launched attacks demands sanctions imposed on pulled out of withdrew from U.S. A.B.C "
    "was met were meeting be met isn't treaty signed agreed will not never if could planned set scheduled "
    "retaliation talks drones de-escalation president according spokesman issue IS Is WAS Were fighting "
    "fought spoke with to press conference news annual video link telephone conversation imposed new "
    "sanctions “ ” ' \" - — . , ; : ?"
).split()
GAPS = (" ", " ", "", "\n", "  ", "-", "'", "\u00a0")
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), min_size=1, max_size=30).map(
    lambda parts: "".join(w + g for w, g in parts))


def full_scanner(text: str, start: int, end: int) -> list[Hit]:
    rows = _compiled()[1]
    return [Hit(rows[m.lastgroup], m.start(), m.end()) for m in _scanner().finditer(text, start, end)]


SENTENCES = (
    "Russian President Vladimir Putin said on Tuesday that he wants immediate talks.",
    "The two leaders co-signed a treaty; Moscow re-attacked Kiev, officials didn't say.",
    "Talks to de-escalate tensions are set to take place in Geneva next year.",
    "ſaid \u212aills İs sİgned ésaid 3said _said",
    "He met Macron.The U.S.said it was 'deeply concerned'.",
)


@pytest.mark.parametrize("text", SENTENCES)
def test_triggers_match_the_full_scanner(text):
    for start in range(0, len(text), 7):
        assert find_triggers(text, start, len(text)) == full_scanner(text, start, len(text))


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 6), st.integers(0, 6))
def test_triggers_match_the_full_scanner_on_random_text(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert find_triggers(text, start, end) == full_scanner(text, start, end)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 6))
def test_tokens_are_the_token_pattern_matches(text, cut):
    start = min(cut, len(text))
    toks = tokenize(text, start, len(text))
    plain = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, len(text))]
    assert list(zip(toks.words, toks.starts, toks.ends)) == plain


def plain_modality(text: str, sentence_start: int, start: int, end: int, sentence_end: int) -> str:
    """modality() without its any-cue guard: the ordered table alone."""
    m = modality_module
    before = text[max(sentence_start, start - m.BEFORE_WINDOW) : start]
    clause = m.CLAUSE_START.match(before)
    if clause:
        before = before[clause.end() :]
    windows = {"before": before, "after": text[end : min(sentence_end, end + m.AFTER_WINDOW)],
               "self": text[start:end]}
    conditional_sentence = m.CONDITIONAL_SENTENCE.match(text, sentence_start)
    for mod, where, pattern in m._CUES:
        if conditional_sentence and mod != "denied":
            return "conditional"
        if pattern.search(windows[where]):
            return mod
    return "asserted"


@settings(max_examples=300, deadline=None)
@given(texts)
def test_modality_guard_changes_nothing(text):
    for hit in find_triggers(text, 0, len(text)):
        assert modality(text, 0, hit.start, hit.end, len(text)) == plain_modality(
            text, 0, hit.start, hit.end, len(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_topic_guard_changes_nothing(text):
    plain = next(((t, topic) for pattern, t, topic in _TOPICS if pattern.search(text)), (None, None))
    assert topic_of(text) == plain


# (pattern, its heads: the literal text a match begins with, whether the alternative is all literal)
HEADS = (
    ("said|says|say", [("said", True), ("says", True), ("say", True)]),
    ("(?:is|are) expected", [("is expected", True), ("are expected", True)]),
    ("call(?:s|ed)? (?:on|upon|for)", [("call", False)]),
    ("(?<!was\\x20)met|meets", [("met", True), ("meets", True)]),
    ("\\w+ing", [("", False)]),
)


@pytest.mark.parametrize("pattern,expected", HEADS, ids=[r[0] for r in HEADS])
def test_heads(pattern, expected):
    from timeline.events.triggers import heads

    assert heads(pattern) == expected


def test_no_lead_of_one_letter_is_missed():
    """find_triggers looks for leads of one to three letters: a longer literal start is cut to three."""
    from timeline.events.triggers import _leads

    assert all(1 <= len(lead) <= 3 and re.fullmatch("[a-z]+", lead) for lead in _leads())


# (pattern, words one of which every match contains, or None: no guard)
REQUIRED = (
    ("de-?escalat", ("escalat",)),
    ("security guarantees|legal guarantees", ("security guarantees", "legal guarantees")),
    ("(?:deploy|station)\\w*[^.]{0,40}missiles", ("missiles",)),
    ("Sanctions", ("sanctions",)),
    ("talks|\\w+ing", ("talks", "ing")),
    ("talks|\\w+", None),
)


@pytest.mark.parametrize("pattern,words", REQUIRED, ids=[r[0] for r in REQUIRED])
def test_required_words(pattern, words):
    from timeline.events.labels import required_words

    assert required_words(pattern) == words


def test_every_topic_row_has_a_guard():
    from timeline.events.labels import TOPICS, required_words

    assert all(required_words(p) for p, _t, _topic in TOPICS)


def test_the_ascii_lookalikes_are_all_of_them():
    """topic_of's guard compares lower case: exact unless a character matches an ASCII letter under
    re.IGNORECASE without being one; ASCII_LOOKALIKES must list every such character."""
    import string

    from timeline.events.labels import ASCII_LOOKALIKES

    letters = re.compile(f"[{string.ascii_lowercase}]", re.IGNORECASE)
    found = {chr(cp) for cp in range(128, 0x30000) if letters.fullmatch(chr(cp))}
    assert found == {c for c in map(chr, range(128, 0x30000)) if ASCII_LOOKALIKES.fullmatch(c)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("when", "because", "who", "which", "as", "saying", ";", ",", " ", "  ", "\n", "—",
                                  "–", "x", "said", "asks")), max_size=25).map("".join), st.integers(0, 5))
def test_content_stop_finds_what_the_plain_pattern_finds(text, start):
    from timeline.events.speech import _CONTENT_STOP, CONTENT_STOP

    plain, fast = CONTENT_STOP.search(text, start), _CONTENT_STOP.search(text, start)
    assert (plain and plain.span()) == (fast and fast.span())


@settings(max_examples=300, deadline=None)
@given(texts, st.lists(st.integers(0, 200), max_size=8))
def test_tokens_of_spans_are_each_spans_tokens(text, cuts):
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    spans = [(a, b) for a, b in pairwise(bounds)]  # cut anywhere: inside words, on spaces, at ends
    spans = spans[1::2] + spans[::2] if len(spans) > 2 and cuts and cuts[0] % 3 == 0 else spans  # also unordered
    assert tokenize_spans(text, spans) == [tokenize(text, s, e) for s, e in spans]


def test_tokens_of_sentence_spans():
    text = "  He met Macron.The U.S.said it was 'deeply concerned'. Putin's aides  ... talked\nto Kiev’s\u00a0envoy. "
    spans = [(2, 16), (16, 55), (56, 93), (93, 100)]
    assert tokenize_spans(text, spans) == [tokenize(text, s, e) for s, e in spans]


def plain_bits(word: str) -> int:
    """What a word's bits were defined as before the fast path for capitalised words."""
    if word[0].isupper():
        bits = names.UPPER
    else:
        bits = names.LOWER_START if word.lower() in names._lower_starts() else 0
    if bits:
        bits |= names.HONORIFIC if word.rstrip(".") in names._HONORIFICS else 0
        bits |= names.NATIONALITY if word in demonyms() else 0
        bits |= names.TITLE if word.lower() in names._TITLE_ROWS else 0
        bits |= names.GAZETTEER if word in first_words() else 0
        bits |= names.GAZETTEER_ONE if 1 in first_words().get(word, ()) else 0
        bits |= names.NAME if names.is_name_token(word) else 0
        bits |= names.ORG_HEAD if word in names.ORG_HEADS else 0
    return bits


NAME_WORDS = ("Putin Mr Mr. Mr.. Dr Lady President PRESIDENT Russian Russia Moscow The Tuesday December Center "
              "O'Brien Jean-Claude X Xi ÉLYSÉE Élysée Kyiv’s US EU NATO Bank Minister Foreign Deputy Sir Hague "
              "Ab3 A_b Ab- Ab’ Ab'c Ab² Ǆemal ǅemal Ⅻ".split())


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.sampled_from(NAME_WORDS), st.text(min_size=1, max_size=8),
                 st.text(alphabet="AaBbÉéß-’'.²3_ ǅ", min_size=1, max_size=6)))
def test_word_bits_are_the_plain_ones(word):
    names._BITS.pop(word, None)
    assert names._BITS[word] == plain_bits(word)


def plain_match_known(name: str) -> str | None:
    parts = name.split()
    for canonical in known_people():
        cparts = canonical.split()
        if fuzz.ratio(fold(parts[-1]), fold(cparts[-1])) < 85:
            continue
        if len(parts) == 1 or fuzz.ratio(fold(parts[0]), fold(cparts[0])) >= 75:
            return canonical
    return None


KNOWN_PARTS = sorted({p for n in ("Vladimir Putin", "Joe Biden", "Sauli Niinistö") for p in n.split()}
                     | {p for n in known_people() for p in n.split()})


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(KNOWN_PARTS), st.text(alphabet="aeinorstuvöPBNS", min_size=1, max_size=9)),
                min_size=1, max_size=3))
def test_match_known_is_the_plain_loop(parts):
    name = " ".join(parts)
    assert names.match_known.__wrapped__(name) == plain_match_known(name)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".!?…:\"”’')] ]\n\t\u00a0ab", max_size=12), st.integers(0, 4), st.integers(0, 4))
def test_terminal_is_the_terminal_pattern(text, cut_start, cut_end):
    from timeline.events.sentences import TERMINAL, _terminal

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert _terminal(text, start, end) == bool(TERMINAL.search(text, start, end))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(WORDS), st.text(alphabet="saidtelphonISmeɪſ", min_size=1, max_size=9)))
def test_may_begin_is_the_plain_head_test(word):
    """_may_begin reads the heads of one word by their first three letters: the same answer as
    asking every head."""
    from timeline.events.triggers import TRIGGERS, _may_begin, heads

    if not word.isascii():
        assert _may_begin(word)
        return
    low, exact, prefixes = word.lower(), set(), []
    for row in TRIGGERS:
        for head, _whole in heads(row.pattern):
            (exact.add(head.split(" ")[0].lower()) if " " in head else prefixes.append(head.lower()))
    assert _may_begin(word) == (low in exact or any(low.startswith(p) for p in prefixes))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from([w for w in WORDS if w.isascii() and w.isalpha()]),
                 st.text(alphabet="saidtelphonISmewrkcvAT", min_size=1, max_size=9)))
def test_word_start_is_the_lead_and_head_test(word):
    """A new word's trigger offsets come from one match: a lead at its start and a head."""
    from timeline.events.triggers import _lead_at, _may_begin, _word_start

    assert bool(_word_start().match(word)) == bool(_lead_at(word, 0) and _may_begin(word))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab’' \n\t.,-_3é", max_size=14), st.integers(0, 4), st.integers(0, 4))
def test_last_word_is_the_last_word_pattern(text, cut_start, cut_end):
    from timeline.events.extract import _last_word

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    m = LAST_WORD.search(text[start:end])
    assert _last_word(text, start, end) == (m.group(1) if m else None)


def plain_phrase(text: str, words: int, budget: int, clause: bool) -> tuple[str, str]:
    """phrase() as first written: every cut tried under both limits, _cut_ok from the words alone."""
    from timeline.events import labels as lb

    parts = lb._words(text)[0] if text else []
    if not text or (parts and lb._key(parts[0]) in lb.AUXILIARIES):
        return "", ""
    weak = ""
    for limit in (words, max(words, lb.WORDS_AT_MOST)):
        for i in range(min(limit, len(parts)), 0, -1):
            if not lb._cut_ok(parts, i):
                continue
            fitted = lb._fit(parts[:i], budget)
            if fitted is None:
                continue
            if lb._strong(parts, i, clause):
                return fitted, weak or fitted
            weak = weak or fitted
        if limit >= lb.WORDS_AT_MOST:
            break
    return "", weak


PHRASE_WORDS = ("the a it is was we us our Russia said talks on to for of with, that. 's also recently "
                "willing need to discussion focused I NATO troops in eastern Ukraine and must “ ”").split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_WORDS), max_size=14).map(" ".join), st.integers(1, 6),
       st.integers(0, 70), st.booleans())
def test_phrase_is_the_plain_phrase(text, words, budget, clause):
    from timeline.events.labels import phrase

    assert phrase(text, words, budget, clause) == plain_phrase(text, words, budget, clause)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(NAME_WORDS), st.text(min_size=1, max_size=12),
                 st.text(alphabet="AaéÉö- 'ﬁ²Kſ.", min_size=1, max_size=8)))
def test_slug_and_fold_are_the_plain_ones(name):
    """slug and fold skip the normalisation for ASCII text: the same keys."""
    import unicodedata

    from timeline.actors.gazetteer import slug

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    assert slug(name) == (re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "unnamed")
    assert fold.__wrapped__(name) == plain.lower()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_WORDS + ["’", "'", "“", "\n", "‘x’", "don’t", "In", ","]), max_size=14)
       .map(" ".join), st.integers(0, 30))
def test_clean_words_of_the_normal_text_are_the_words(text, cut):
    """_speech_label reads the words of its content (or of a piece of its normal form) from the normal
    form it made already: the same words as _words."""
    from timeline.events.labels import QUOTES, _clean_words, _normal, _words

    assert _clean_words(_normal(text), text.lstrip()[:1] in QUOTES) == _words(text)[0]
    piece = _normal(text)[cut:]
    assert _clean_words(_normal(piece), False) == _words(piece)[0]


# ---- labels: patterns rewritten to begin with a literal character, per-word caches -----------------
LABEL_PIECES = ("that", "which", "who", "whole", "if", "in order", "in", "as", "after", "amid", "because", "but",
                "over", "should", "should Russia", "should the", "Should", "xthat", "_that", "3that", "that's",
                ",", "1,000", "1,", ",1", ";", ":", ".", "!", "?", "—", "(", "[", " ", "  ", "\n", "’", "'",
                "don’t", "it's", "a", "an", "the", "Russia", "said", "ß", "é")
label_texts = st.lists(st.sampled_from(LABEL_PIECES), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(label_texts, st.text(max_size=30)))
def test_label_patterns_find_what_the_plain_ones_find(text):
    """_STOP_TAIL (only where a match starts is read), _COMMA and _INNER_APOSTROPHE are the plain
    patterns written to begin with a literal character."""
    from timeline.events import labels as lb

    assert [m.start() for m in lb._STOP_TAIL.finditer(text)] == [m.start() for m in lb.STOP_TAIL.finditer(text)]
    assert [m.span() for m in lb._COMMA.finditer(text)] == [m.span() for m in lb.COMMA.finditer(text)]
    assert lb._INNER_APOSTROPHE.sub("'", text) == lb.INNER_APOSTROPHE.sub("'", text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(alphabet="sSſ'’xX\u212a", max_size=5), st.text(max_size=8)).map(lambda w: "".join(w.split())))
def test_possessive_ends_are_the_possessive_pattern(word):
    from timeline.events import labels as lb

    assert word.endswith(lb.POSSESSIVE_ENDS) == bool(lb.POSSESSIVE.search(word))
    assert lb._keys_of([word, word]) == [lb._key(word)] * 2  # (the caches of both are gone: see test_events_speedups)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("i", "we", "us", "our", "I", "WE", "the", "talks", "me", "Mine", "mine")), max_size=8))
def test_first_person_is_the_plain_search(keys):
    from timeline.events.labels import FIRST_PERSON, _first_person

    assert _first_person(keys) == next((k for k, key in enumerate(keys) if key in FIRST_PERSON), len(keys))


def test_alnum_pattern_is_str_isalnum():
    """_speech_label asks _ALNUM.search instead of any(c.isalnum() ...): the same characters, all of Unicode."""
    import sys

    from timeline.events.labels import _ALNUM

    assert all(bool(_ALNUM.fullmatch(c)) == c.isalnum() for c in map(chr, range(sys.maxunicode + 1)))


# ---- extract: a verb trigger's reading, and what a label reads ------------------------------------
LAST_WORD = re.compile(r"([\w’']+)\s*$")  # the last word of a window, as extract first read it


def plain_gerund_clause(text: str, sentence_start: int, position: int) -> bool:
    """extract._gerund_clause as first written: an -ing trigger after a GERUND_LEADS word."""
    from timeline.events.extract import GERUND_LEADS, WORD_AT

    trigger = WORD_AT.match(text, position)
    if not trigger or not trigger.group().lower().endswith("ing"):
        return False
    m = LAST_WORD.search(text[max(sentence_start, position - 20) : position])
    return bool(m) and m.group(1).lower() in GERUND_LEADS


def plain_noun_use(text: str, sentence_start: int, position: int) -> bool:
    """extract._noun_use as first written: a determiner or a possessive makes a verb form a noun."""
    from timeline.events.extract import AMBIGUOUS_S, BASE_AFTER, DETERMINERS, IRREGULAR_PAST, SUBJECT_LIKE, WORD_AT

    m = LAST_WORD.search(text[max(sentence_start, position - 20) : position])
    if not m:
        return False
    word = m.group(1).lower()
    if plain_gerund_clause(text, sentence_start, position):
        return False
    if word in DETERMINERS or word.endswith(("’s", "'s", "s’", "s'")):
        return True
    trigger = WORD_AT.match(text, position)
    first = trigger.group().lower() if trigger else ""
    if first in AMBIGUOUS_S and m.group(1)[0].islower():
        return word not in SUBJECT_LIKE and not word.endswith("ly")
    if first and not first.endswith(("s", "ed")) and first not in IRREGULAR_PAST:
        return not (word in BASE_AFTER or m.group(1)[0].isupper() or word.endswith("n't"))
    return False


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 40), st.integers(0, 40))
def test_reading_is_noun_use_and_gerund_clause(text, sentence_start, position):
    """_candidates asks _reading once per verb trigger: the pair of the plain _noun_use and _gerund_clause."""
    from timeline.events.extract import _reading

    sentence_start, position = min(sentence_start, len(text)), min(position, len(text))
    assert _reading(text, sentence_start, position) == (
        plain_noun_use(text, sentence_start, position), plain_gerund_clause(text, sentence_start, position))


LABEL_TYPES = ("meeting", "statement", "warning", "agreement", "visit", "military", "denial", "appeal")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(("meet", "talks", "phone call", "say", "warn", "agree", "visit", "attack", "deny")),
       st.sampled_from(LABEL_TYPES), st.lists(st.sampled_from(("Vladimir Putin", "Russia", "NATO")), max_size=2),
       st.lists(st.sampled_from(("Joe Biden", "Ukraine", "Geneva")), max_size=2),
       st.one_of(st.none(), st.sampled_from(PHRASE_WORDS).map(lambda w: f"{w} talks with the West")),
       st.sampled_from((None, "talks", "sanctions")), st.sampled_from(("Geneva", "Kiev")))
def test_a_label_reads_the_place_only_for_a_meeting_and_the_rest_only_for_others(
        predicate, type_, agents, others, rest, topic, place):
    """_mention finds the place only for a meeting and the words after the trigger only for other
    events: label gives the same without them."""
    from timeline.model import Actor

    def actors(names):
        return [Actor(id="actor:" + n.lower().replace(" ", "-"), name=n,
                      category="person" if " " in n else "country") for n in names]

    full = label(predicate, type_, predicate + "s", actors(agents), actors(others), rest, topic, place)
    if type_ == "meeting":
        assert full == label(predicate, type_, predicate + "s", actors(agents), actors(others), None, topic, place)
    else:
        assert full == label(predicate, type_, predicate + "s", actors(agents), actors(others), rest, topic, None)


@settings(max_examples=50, deadline=None)
@given(st.one_of(st.none(), st.dates()), st.booleans())
def test_publication_dates_are_shared_values(published, before):
    from timeline.events.dating import publication

    assert publication(published, before) == publication.__wrapped__(published, before=before)


# ---- folding: case-insensitive patterns run on lower-cased text -----------------------------------
def _folded_patterns():
    from timeline.events import dating
    from timeline.events import modality as mod

    return [*mod._ANY_CUE_FOLDED.values(), dating.EARLIER_FOLDED, dating.PERFECT_FOLDED]


def test_folded_patterns_have_only_lower_case_letters():
    """A folded pattern's ``lower`` runs on lower-cased text: its own letters must be lower case."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    def letters(items):
        for op, av in items:
            if op is _constants.LITERAL:
                yield chr(av)
            elif op is _constants.IN:
                for op2, av2 in av:
                    if op2 is _constants.LITERAL:
                        yield chr(av2)
                    elif op2 is _constants.RANGE:
                        yield from map(chr, av2)
            elif op is _constants.BRANCH:
                for alt in av[1]:
                    yield from letters(alt)
            elif op is _constants.SUBPATTERN:
                yield from letters(av[3])
            elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
                yield from letters(av[2])
            elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
                yield from letters(av[1])

    for f in _folded_patterns():
        found = set(letters(_parser.parse(f.lower.pattern)))
        assert found, f.lower.pattern
        assert all(c == c.lower() for c in found), f.lower.pattern


def test_lower_case_keeps_every_class_but_the_lookalikes():
    """Outside folding.LOOKALIKES, every character lower-cases to one character that is a word
    character, a space, a comma/semicolon exactly when it was, and matches an ASCII letter or an
    apostrophe under re.IGNORECASE exactly when its lower case is that character."""
    import sys

    from timeline.events.folding import LOOKALIKES

    word, space = re.compile(r"\w"), re.compile(r"\s")
    ascii_ = re.compile("[a-z’']", re.IGNORECASE)
    for c in map(chr, range(sys.maxunicode + 1)):
        if LOOKALIKES.match(c):
            continue
        low = c.lower()
        assert len(low) == 1, hex(ord(c))
        assert bool(word.match(c)) == bool(word.match(low)) and bool(space.match(c)) == bool(space.match(low))
        assert (c in ",;\n") == (low in ",;\n"), hex(ord(c))
        assert bool(ascii_.fullmatch(c)) == (low in "abcdefghijklmnopqrstuvwxyz’'"), hex(ord(c))


FOLD_WORDS = ("He", "has", "HAS", "Have", "been", "long", "Earlier", "earlier", "had", "HAD", "Warned", "planned",
              "not", "NEVER", "won’t", "didn't", "if", "If", "should", "will", "To", "is", "set", "expected", "are",
              "take place", "be held", "In the past", "previously", "ſet", "İs", "ıs", "\u212aill", "Ümit", "é")
fold_texts = st.lists(st.tuples(st.sampled_from(FOLD_WORDS), st.sampled_from((" ", ", ", "\n", " ; ", ""))),
                      max_size=10).map(lambda parts: "".join(w + g for w, g in parts))


@settings(max_examples=400, deadline=None)
@given(st.one_of(fold_texts, st.text(max_size=20)))
def test_folded_search_finds_what_the_plain_pattern_finds(text):
    from timeline.events.folding import search

    for f in _folded_patterns():
        plain, fast = f.plain.search(text), search(f, text)
        assert (plain and plain.span()) == (fast and fast.span())


# ---- patterns rewritten to begin with a character set; sentence pieces read in place --------------
PATTERN_PIECES = ("he", "He", "HE", "she", "She", "ſhe", "SHE", "the", "they", "_he", "3he", "he's", "shed",
                  "that", "That", "THAT", "thats", "that's", "xthat", ".", "...", "!", "?", "…", "”", "'", ")",
                  " ", "  ", "\n", "\t", "\u00a0", "A", "Moscow", "“", "é", "Ж", "3", ",", ";", ":")
pattern_texts = st.lists(st.sampled_from(PATTERN_PIECES), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(pattern_texts, st.text(max_size=20)), st.integers(0, 8), st.integers(0, 8))
def test_first_character_patterns_find_what_the_plain_ones_find(text, cut_start, cut_end):
    from timeline.events import roles, sentences, speech

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    for plain, fast in ((sentences.SENTENCE_END, sentences._SENTENCE_END), (roles.PRONOUN, roles._PRONOUN),
                        (speech.THAT, speech._THAT)):
        assert [m.span() for m in fast.finditer(text, start, end)] == [
            m.span() for m in plain.finditer(text, start, end)], plain.pattern


def plain_add_piece(out, text, s, e, term):
    """sentences._add_piece as it was: from stripped copies of the piece."""
    from timeline.events.sentences import MAX_SENTENCE, _ends_terminal

    right = text[s:e].rstrip()
    e2 = s + len(right)
    s2 = e2 - len(right.lstrip())
    if term is None:
        term = _ends_terminal(right)
    while e2 - s2 > MAX_SENTENCE:
        out.append((s2, s2 + MAX_SENTENCE, False))
        s2 += MAX_SENTENCE
    if e2 > s2:
        out.append((s2, e2, term))


@settings(max_examples=400, deadline=None)
@given(st.one_of(pattern_texts, st.text(max_size=20)), st.integers(0, 8), st.integers(0, 8),
       st.sampled_from((None, True)))
def test_a_piece_read_in_place_is_the_stripped_piece(text, cut_start, cut_end, term):
    from timeline.events import sentences

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    fast: list = []
    plain: list = []
    sentences._add_piece(fast, text, start, end, term, 7)
    plain_add_piece(plain, text, start, end, term)
    assert [(s.start, s.end, s.terminated) for s in fast] == plain and all(s.paragraph == 7 for s in fast)


def test_a_long_piece_is_cut_as_before():
    from timeline.events import sentences

    text = "  " + "word " * 600 + "end.  "
    fast: list = []
    plain: list = []
    sentences._add_piece(fast, text, 0, len(text), None)
    plain_add_piece(plain, text, 0, len(text), None)
    assert len(plain) == 3 and [(s.start, s.end, s.terminated) for s in fast] == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("said", ",", ".", ";", ":", " ", "  ", "\n", "Putin", "1,000", "...", " ,")),
                max_size=16).map("".join))
def test_space_before_punctuation_by_replace(text):
    """_without_dates drops the space before , . ; : of single-spaced text with str.replace."""
    from timeline.events.extract import SPACE_BEFORE_PUNCTUATION, _without_dates

    single = " ".join(text.split())
    assert _without_dates(text, (0, len(text)), []) == SPACE_BEFORE_PUNCTUATION.sub(r"\1", single).strip()


def plain_assign(timexes, triggers, text="", sentence_start=0):
    """dating.assign as it was: the sentence's opening read again for every timex and trigger."""
    from timeline.events.dating import INTRODUCTION, _breaks, distance, usable

    best = {}
    for timex in timexes:
        if not usable(timex):
            continue
        candidates = []
        for i, (start, end, _content) in enumerate(triggers):
            if any(c and c[0] <= timex.start < c[1] and not (c[0] <= start < c[1])
                   for j, (_s, _e, c) in enumerate(triggers) if j != i):
                continue
            own = triggers[i][2]
            if own and own[0] <= timex.start < own[1]:
                continue
            between = text[end : timex.start] if timex.start >= end else text[timex.end : start]
            if text and _breaks(between):
                continue
            opening = INTRODUCTION.match(text, sentence_start) and "," not in text[sentence_start : timex.start]
            if text and timex.end <= start and "," in between and not opening:
                continue
            candidates.append((distance(timex, start, end), i))
        if not candidates:
            continue
        d, i = min(candidates)
        if i not in best or d < best[i][0]:
            best[i] = (d, timex)
    return {i: timex for i, (_d, timex) in best.items()}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("On Monday", "In a call", "Putin", "said", ",", ";", " — ", " ", "met", "Biden",
                                 "on Tuesday", "(", "which")), min_size=1, max_size=14).map(" ".join),
       st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=3),
       st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8), st.booleans()), max_size=3), st.integers(0, 3))
def test_assign_is_the_plain_assign(text, timex_spans, trigger_spans, sentence_start):
    import datetime as dt

    from timeline.events.dating import assign
    from timeline.model import Timex

    day = dt.date(2021, 12, 7)
    timexes = [Timex(start=s, end=s + n, text=text[s : s + n], type="DATE", value=day.isoformat(),
                     earliest=day, latest=day, grain="day") for s, n in timex_spans]
    triggers = [(s, s + n, (s + n, s + n + 20) if content else None) for s, n, content in trigger_spans]
    assert assign(timexes, triggers, text, sentence_start) == plain_assign(timexes, triggers, text, sentence_start)


TRIE_WORDS = ("talks", "talk", "nato", " nato", "nato expansion", "de", "de-escalat", "a.b", "(x", "security ", "s")


@settings(max_examples=300, deadline=None)
@given(st.sets(st.sampled_from(TRIE_WORDS), min_size=1),
       st.lists(st.sampled_from(TRIE_WORDS + ("x", " ", "-", "e", "ab", "nat")), max_size=10).map("".join))
def test_literal_trie_finds_where_the_words_are(words, text):
    """_ANY_GUARD is literal_trie of the guard words: matches start where one of the words starts."""
    from timeline.events.labels import literal_trie

    trie, plain = re.compile(literal_trie(words)), re.compile("|".join(map(re.escape, words)))
    for pos in range(len(text) + 1):
        t, p = trie.search(text, pos), plain.search(text, pos)
        assert (t and t.start()) == (p and p.start())


@settings(max_examples=300, deadline=None)
@given(st.integers(-2, 30), st.lists(st.tuples(st.integers(0, 25), st.integers(0, 25)), max_size=4))
def test_inside_is_any_span_holding_it(position, spans):
    from timeline.events.speech import inside

    assert inside(position, spans) == any(s <= position < e for s, e in spans)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.booleans(), st.booleans(), st.booleans()), min_size=1, max_size=4))
def test_date_sentence_without_timexes_changes_nothing(specs):
    """_date_sentence returns at once for a sentence without date expressions whose candidates have no
    date yet (the plain way changes nothing then); with a date already set it goes the plain way."""
    import copy
    import datetime as dt

    import importlib

    from timeline.events.sentences import Sentence
    from timeline.events.triggers import TRIGGERS
    from timeline.model import EventDate

    ex = importlib.import_module("timeline.events.extract")
    sent = Sentence(0, 60, 0, True)
    day = EventDate("2021-12-07", dt.date(2021, 12, 7), dt.date(2021, 12, 7), "day", source="timex")
    cands = [ex.Candidate(Hit(TRIGGERS[0], s, s + 4), sent, [], circumstance=circ, content=(s + 5, s + 9) if content
                          else None, date=day if dated else None) for s, circ, content, dated in specs]
    before = copy.deepcopy(cands)
    ex._date_sentence("x" * 60, cands, [])
    if all(c.date is None for c in before):
        assert [(c.date, c.content) for c in cands] == [(c.date, c.content) for c in before]
    else:  # the plain way: a date set is kept, settings share it
        assert all(c.date is not None for c, b in zip(cands, before) if b.date is not None)
        assert any(c.date is not None for c in cands)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_WORDS + ["’", "'", "“", "\n", "‘x’", "don’t", "«", "»", "„"]), max_size=14)
       .map(" ".join))
def test_normal_is_the_plain_normal_form(text):
    """_normal translates quote marks only when there is one: the plain form otherwise."""
    from timeline.events.labels import _QUOTES_TO_SPACES, INNER_APOSTROPHE, _normal

    assert _normal(text) == " ".join(INNER_APOSTROPHE.sub("'", text).translate(_QUOTES_TO_SPACES).split())


def plain_split(article):
    """split_sentences with every paragraph read through _blocks and _split_block."""
    from timeline.events.sentences import PARAGRAPH_BREAK, _blocks, _split_block

    text, out, paragraph = article.text, [], 0
    for region in article.regions():
        rs, re_ = max(0, region.start), min(len(text), region.end)
        at = rs
        for brk in [*PARAGRAPH_BREAK.finditer(text, rs, re_), None]:
            stop = re_ if brk is None else brk.start()
            for bs, be in _blocks(text, at, stop):
                out += _split_block(text, bs, be, paragraph)
            paragraph += 1
            at = re_ if brk is None else brk.end()
        paragraph += 1
    return out


SPLIT_PIECES = ("He said so.", "Mr. Putin met", "U.S. officials", " ", "\n", "\n\n", "  \n \n", "Talks", "J. Smith",
                "ended!", "“Yes.”", "(A", "x" * 75, "Dec. 7", "?", "…", "3.5", "\t")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPLIT_PIECES), max_size=14).map(" ".join))
def test_split_sentences_is_the_plain_split(text):
    """split_sentences reads a one-line paragraph without sentence ends as one piece: as the plain way does."""
    from timeline.events.sentences import split_sentences
    from timeline.model import Article

    article = Article(id="t", text=text)
    assert split_sentences(article) == plain_split(article)


LINES = ("He said so.", "He said “no.”", "(see above)", "Talks", "Talks.)", "“Yes”", "x" * 1199, "y" * 1200,
         "z" * 1201, "w " * 700 + "end.", " lead", "trail ", "\u2009thin", "a\u00a0", "!", "”", ":", "…", "Mr. X")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=5), st.sampled_from(("\n\n", "\n \n", "\n\t\n\n")))
def test_one_line_paragraphs_are_split_as_the_plain_split(lines, gap):
    """split_sentences reads a one-line paragraph with nothing to strip or cut at once (Sentence built
    without its __new__): the same sentences as the plain split, the same type."""
    from timeline.events.sentences import Sentence, split_sentences
    from timeline.model import Article

    article = Article(id="t", text=gap.join(lines))
    fast = split_sentences(article)
    assert fast == plain_split(article) and all(type(s) is Sentence for s in fast)


def plain_fallback(text, c, article, last, same_agent):
    """extract._fallback as it was: every cue read first."""
    from timeline.events import dating
    from timeline.model import EventDate

    before = text[c.sentence.start : c.hit.start]
    earlier = bool(dating.EARLIER.search(before))
    trigger = text[c.hit.start : c.hit.end]
    perfect = bool(dating.PERFECT.search(before))
    if c.modality == "asserted" and not earlier and not perfect and dating.is_past(trigger):
        if c.sentence.paragraph in last:
            return last[c.sentence.paragraph]
        if same_agent is not None:
            return same_agent
    if c.hit.row.reporting and c.modality == "asserted":
        return dating.publication(article.published, before=earlier)
    return EventDate(None, None, None, None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("Putin", "has", "have", "earlier", "long", "had", "warned", "already", "the", "He",
                                 "previously", "In the past", "ſo")), max_size=6).map(" ".join),
       st.sampled_from(("said", "met", "warns", "attacked", "visit")), st.sampled_from(("asserted", "planned", "denied")),
       st.booleans(), st.booleans(), st.booleans(), st.one_of(st.none(), st.dates()))
def test_fallback_is_the_plain_fallback(before, word, modality, reporting, in_last, agent_dated, published):
    import dataclasses
    import datetime as dt
    import importlib

    from timeline.events.sentences import Sentence
    from timeline.events.triggers import TRIGGERS
    from timeline.model import Article, EventDate

    ex = importlib.import_module("timeline.events.extract")
    text = f"{before} {word} Kiev."
    row = next(r for r in TRIGGERS if r.reporting == reporting)
    start = len(before) + 1
    c = ex.Candidate(Hit(row, start, start + len(word)), Sentence(0, len(text), 3, True), [], modality=modality)
    day = EventDate("2021-12-01", dt.date(2021, 12, 1), dt.date(2021, 12, 1), "day", source="timex")
    last = {3: dataclasses.replace(day, value="2021-12-02")} if in_last else {}
    same_agent = day if agent_dated else None
    article = Article(id="a", text=text, published=published)
    assert ex._fallback(text, c, article, last, same_agent) == plain_fallback(text, c, article, last, same_agent)


def plain_lead_offsets(word: str) -> tuple[int, ...]:
    """Where a trigger can start inside a word: an ASCII letter that no ASCII letter precedes in the
    word, where a lead starts and the rest of the word fits a head."""
    from timeline.events.triggers import ASCII_LETTERS, _lead_at, _may_begin

    return tuple(k for k, c in enumerate(word) if c in ASCII_LETTERS and (k == 0 or word[k - 1] not in ASCII_LETTERS)
                 and _lead_at(word, k) and _may_begin(word[k:]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS + list(NAME_WORDS)), st.text(min_size=1, max_size=8)), max_size=20))
def test_one_look_up_per_word_gives_both_stages_their_values(words):
    from timeline.events.extract import _WORDS
    from timeline.words import PerWord

    fresh = PerWord(names._WordBits().__getitem__, _LeadOffsets().__getitem__)
    for table in (fresh, _WORDS):  # a new table (every word missing) and the one extract uses
        bits, offsets = table.columns(words)
        assert bits == [plain_bits(w) for w in words]
        assert offsets == [plain_lead_offsets(w) for w in words]
        assert bits == names.word_bits(words)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 10), st.integers(0, 10))
def test_triggers_given_the_offsets_find_what_they_find_alone(text, cut_start, cut_end):
    from timeline.events.extract import _per_word

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    toks = tokenize(text, start, end)
    _, (offsets,) = _per_word([toks])
    assert find_triggers(text, start, end, toks, offsets) == find_triggers(text, start, end) == full_scanner(
        text, start, end)


@pytest.mark.parametrize("text", SENTENCES)
def test_recognise_given_tokens_and_bits_finds_what_it_finds_alone(text):
    from timeline.actors.recognise import recognise
    from timeline.events.extract import _per_word

    spans = [(0, len(text) // 2), (len(text) // 2, len(text))]
    tokens = tokenize_spans(text, spans)
    bits, _ = _per_word(tokens)
    assert recognise(text, spans, tokens, bits) == recognise(text, spans)


SPACES = (" ", "  ", "\n", "\t", "\u00a0", "\u2009 ", "")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(WORDS[:12] + [",", "'s", "’", "a", "b."]), st.sampled_from(SPACES)),
                         min_size=1, max_size=6), min_size=1, max_size=8))
def test_first_reading_is_the_plain_set_of_spaced_texts(sentences):
    from timeline.events.extract import _first_reading

    text, spans = "", []
    for parts in sentences:  # sentences that often repeat one another's words, spaced or joined differently
        start = len(text)
        text += "".join(w + g for w, g in parts)
        spans.append((start, len(text)))
        text += " "
    plain: set[str] = set()
    seen: dict = {}
    for (s, e), toks in zip(spans, tokenize_spans(text, spans)):
        key = " ".join(text[s:e].split())
        first = key not in plain
        plain.add(key)
        assert _first_reading(text, s, e, toks.words, seen) == first
