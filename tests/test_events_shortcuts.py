"""More fast paths of event extraction, each checked against the plain definition it skips.

(tests/test_events_fastpaths.py holds the earlier ones.)  _nothing_kept: a sentence that names no
actor is given no candidates when the plain _candidates + _keep would keep none; _actor_mention and
_event_mention build the same values as their constructors.  (split_sentences' one-line paragraphs are
checked in tests/test_events_fastpaths.py, next to the plain split they are compared with.)
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.actors.names import Found
from timeline.events.extract import _candidates, _keep, _nothing_kept
from timeline.events.sentences import Sentence
from timeline.events.speech import quote_spans
from timeline.events.triggers import find_triggers

PUTIN = Found(0, 5, "Putin", "vladimir-putin", "person")

WORDS = (
    "said says told warned denied met talks meeting phone call held in a with the He he She she they "
    "Talks Meeting Meetings The officials will not could after annexing “ ” \" , . ; : ? that it shed "
    "attacked signed agreed visit visited spoke news conference"
).split()
GAPS = (" ", " ", "  ", "\n", "")
sentences = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), min_size=1, max_size=20).map(
    lambda parts: "".join(w + g for w, g in parts))


def plain_kept(text: str, sent: Sentence, people_before: list[Found]) -> list:
    """What extract keeps of a sentence naming no actor: _candidates, then _keep."""
    hits = find_triggers(text, sent.start, sent.end)
    quotes = quote_spans(text, sent.start, sent.end) if hits else []
    return [c for c in _candidates(text, sent, [], people_before, quotes, hits) if _keep(text, c)]


def check(text: str, offset: int, people_before: list[Found]) -> None:
    sent = Sentence(offset, len(text), 0, True)
    hits = find_triggers(text, sent.start, sent.end)
    if hits and _nothing_kept(text, sent, hits, people_before):
        assert plain_kept(text, sent, people_before) == []


CASES = (
    ("Talks to de-escalate tensions are set to take place in Geneva next year.", True),
    ("Meeting in Geneva.", True),
    ("He said the talks would go on.", False),
    ("Officials said she met them in a meeting.", False),
    ("The ministry said on Tuesday that talks would resume.", True),
    ("Putin said it. He warned them.", True),
)


@pytest.mark.parametrize("text,people", CASES, ids=[c[0][:30] for c in CASES])
def test_nothing_kept_is_only_said_where_nothing_is_kept(text, people):
    people_before = [PUTIN] if people else []
    offset = text.index("He") if text.startswith("Putin") else 0
    check(text, offset, people_before)


@pytest.mark.parametrize("text,people", [("Talks to de-escalate tensions are set to take place.", False),
                                         ("He said the talks would go on.", True),
                                         ("In Paris, she met them.", True)])
def test_the_cases_that_keep_a_candidate_are_read(text, people):
    """These keep a candidate (a meeting opening the sentence, a he/she after a person): the fast path
    must not skip them (and the plain path does keep one: the examples test something)."""
    sent = Sentence(0, len(text), 0, True)
    people_before = [PUTIN._replace(start=-10, end=-5)] if people else []
    assert plain_kept(text, sent, people_before)
    assert not _nothing_kept(text, sent, find_triggers(text, 0, len(text)), people_before)


@settings(max_examples=400, deadline=None)
@given(sentences, st.booleans(), st.integers(0, 3))
def test_nothing_kept_is_the_plain_candidates_and_keep(text, people, cut):
    offset = min(cut, len(text))
    people_before = [PUTIN._replace(start=-10, end=-5)] if people else []
    check(text, offset, people_before)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=5), st.integers(0, 9), st.integers(0, 9), st.text(max_size=5), st.text(max_size=5),
       st.sampled_from(["agent", "patient", "participant"]))
def test_actor_mention_is_the_constructed_one(doc, start, end, text, actor, role):
    """_actor_mention sets the fields without the dataclass's __init__: the same value in every way
    (a field added to ActorMention, even with a default, would be missing here and fail this)."""
    import dataclasses

    from timeline.events.extract import _actor_mention
    from timeline.model import ActorMention

    fast, plain = _actor_mention(doc, start, end, text, actor, role), ActorMention(doc, start, end, text, actor, role)
    assert type(fast) is ActorMention
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert vars(fast) == vars(plain) and list(vars(fast)) == [f.name for f in dataclasses.fields(ActorMention)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.role = "x"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=5), st.integers(0, 9), st.text(max_size=5), st.one_of(st.none(), st.text(max_size=5)),
       st.sampled_from(["asserted", "planned"]))
def test_event_mention_is_the_constructed_one(doc, start, text, content, modality):
    """_event_mention sets the fields without the dataclass's __init__: the same value in every way."""
    import dataclasses

    from timeline.events.extract import NO_DATE, _actor_mention, _event_mention
    from timeline.model import EventMention

    actors = (_actor_mention(doc, start, start + 1, text, "x", "agent"),)
    values = (f"{doc}:{start}", doc, start, start + 3, "say", "statement", modality, NO_DATE, actors, 0, 40, text,
              content, text.upper())
    fast, plain = _event_mention(*values), EventMention(*values)
    assert type(fast) is EventMention
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert vars(fast) == vars(plain) and list(vars(fast)) == [f.name for f in dataclasses.fields(EventMention)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.label = "x"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab '’‘“”\"«»„\u2019\u2018 \n"), max_size=30))
def test_quotes_as_spaces_is_the_translate_table(text):
    """_quotes_as_spaces replaces the marks by str.replace, _normal skips INNER_APOSTROPHE without an
    apostrophe: the plain forms."""
    from timeline.events.labels import _QUOTES_TO_SPACES, INNER_APOSTROPHE, _normal, _quotes_as_spaces

    assert _quotes_as_spaces(text) == text.translate(_QUOTES_TO_SPACES)
    assert _normal(text) == " ".join(INNER_APOSTROPHE.sub("'", text).translate(_QUOTES_TO_SPACES).split())


def plain_content_span(text, sentence, trigger, after, quotes):
    """speech.content_span as it was: COLON_AFTER tried everywhere, the clause end searched twice."""
    from timeline.events.speech import _THAT, COLON_AFTER, WORD_BEFORE_SPACE, clause_end, inside

    s, e = sentence
    for qs, qe in quotes:
        if 0 <= trigger[0] - qe <= 40 and not inside(trigger[0], quotes) and (qs <= s + 2 or qe - qs > 25):
            return qs, qe
    colon = COLON_AFTER.match(text[after:e])
    if colon:
        cs = after + colon.end()
        return (cs, clause_end(text, cs, e)) if cs < e else None
    that = _THAT.search(text, after, min(clause_end(text, after, e), after + 120))
    if that and that.start() > after + 1:
        before = WORD_BEFORE_SPACE.search(text[after : that.start()])
        if before and before.group(1)[0].islower():
            that = None
    start = that.end() if that else after
    while start < e and text[start] in " ,":
        start += 1
    stop = clause_end(text, start, e)
    if stop <= start:
        return None
    return start, stop


SPEECH_WORDS = ("said", "that", "That", ",", ":", ".", ";", " — ", " – ", "when", "because", "who", "which", "as",
                "he", "missiles", "Putin", "x" * 30, "“", "”", " ", "  ", ", ", " ,")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SPEECH_WORDS), min_size=1, max_size=25).map(" ".join), st.integers(0, 60),
       st.integers(0, 40), st.booleans())
def test_content_span_is_the_plain_content_span(text, after, trigger, quoted):
    """content_span tries COLON_AFTER only with a colon in reach and reuses the first clause end."""
    from timeline.events.speech import content_span, quote_spans

    after = min(after, len(text))
    trigger = (min(trigger, after), min(trigger, after) + 1)
    quotes = quote_spans(text, 0, len(text)) if quoted else []
    assert content_span(text, (0, len(text)), trigger, after, quotes) == plain_content_span(
        text, (0, len(text)), trigger, after, quotes)


@pytest.mark.parametrize("reach", [79, 80, 81])
def test_content_span_finds_a_colon_at_the_edge_of_its_reach(reach):
    from timeline.events.speech import content_span

    text = "said " + "a" * reach + ": the talks failed"
    assert content_span(text, (0, len(text)), (0, 4), 5, []) == plain_content_span(text, (0, len(text)), (0, 4), 5, [])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SPEECH_WORDS + ("When", "whenever", "\n", "\u00a0", "saying", "while")), min_size=1,
                max_size=20).map(" ".join), st.integers(0, 30), st.integers(0, 30))
def test_clause_end_is_the_plain_search(text, cut_start, cut_end):
    """clause_end returns the end at once when the window has none of the characters and words every stop
    holds: where the plain pattern finds nothing."""
    from timeline.events.speech import CONTENT_STOP, clause_end

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    m = CONTENT_STOP.search(text, start, end)
    assert clause_end(text, start, end) == (m.start() if m else end)


@pytest.mark.parametrize("stop", [", as", ";", " — ", " – ", " when ", " because ", ", who ", ", which ", ", saying"])
def test_clause_end_finds_each_kind_of_stop(stop):
    from timeline.events.speech import CONTENT_STOP, clause_end

    text = f"he said{stop} it ended"
    m = CONTENT_STOP.search(text)
    assert m is not None and clause_end(text, 0, len(text)) == m.start()


CUE_WORDS = ("not", "never", "n't", "n’t", "no longer", "refused to", "failed to", "declined to", "if", "unless",
             "should", "could", "might", "may", "would", "will", "shall", "'ll", "’ll", "they’ll", "going to",
             "set to", "expected to", "plans to", "plan to", "planned to", "scheduled to", "due to", "is to",
             "are to", "to", "planned", "proposed", "upcoming", "expected", "scheduled", "future", "possible",
             "potential", "are", "is", "were", "was", "set", "due", "to be held", "take place", "be held", "begin",
             "start", "talks", "Putin", "NOT", "Will", "ſhould", "\u212aill", "İf", ",", ";", ".", "x", "toward",
             "itself", "ifs", "2", "_")
cue_windows = st.lists(st.tuples(st.sampled_from(CUE_WORDS), st.sampled_from((" ", " ", "  ", "\n", "", "-"))),
                       max_size=8).map(lambda parts: "".join(w + g for w, g in parts))


def _guarded():
    from timeline.events import dating
    from timeline.events.modality import _ANY_CUE_FOLDED

    return {"after": _ANY_CUE_FOLDED["after"], "earlier": dating.EARLIER_FOLDED, "perfect": dating.PERFECT_FOLDED}


@settings(max_examples=500, deadline=None)
@given(cue_windows)
def test_word_guarded_folded_search_is_the_plain_search(window):
    """A folded pattern with words (folding.search tries it only on text holding one of them) finds
    what the plain pattern finds."""
    from timeline.events.folding import search

    for f in _guarded().values():
        assert f.words
        plain, fast = f.plain.search(window), search(f, window)
        assert (plain and plain.span()) == (fast and fast.span())


GUARDED_EXAMPLES = (
    *(("after", f" {cue} in Geneva") for cue in ("is set", "are expected", "was scheduled", "were due", "is planned",
                                              "is to be held", "will take place", "will be held", "will begin",
                                              "will start")),
    *(("earlier", f"Putin {cue} said") for cue in ("earlier", "previously", "already", "had warned", "in the past",
                                                   "long", "EARLIER", "Had asked")),
    ("perfect", "Russia has "), ("perfect", "They have long "), ("perfect", "they HAVE repeatedly been "),
)


@pytest.mark.parametrize("name,text", GUARDED_EXAMPLES, ids=[f"{n}-{t.strip()}" for n, t in GUARDED_EXAMPLES])
def test_each_cue_passes_the_word_guard(name, text):
    from timeline.events.folding import search

    f = _guarded()[name]
    plain = f.plain.search(text)
    assert plain is not None and search(f, text) is not None and search(f, text).span() == plain.span()


def test_quote_mark_test_is_the_quote_pattern():
    """_has_quote_mark names each character of ANY_QUOTE's class (and nothing else finds one)."""
    import sys

    from timeline.events.speech import ANY_QUOTE, _has_quote_mark

    for c in map(chr, range(sys.maxunicode + 1)):
        assert _has_quote_mark(f"ab{c}d") == (ANY_QUOTE.search(f"ab{c}d") is not None), hex(ord(c))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Putin", "Biden", "NATO", "", "Putin "]), max_size=4))
def test_join_is_the_plain_join(names):
    """_join returns a single name (or none) at once: as the plain join of the deduplicated names."""
    from timeline.events.labels import _join

    unique = list(dict.fromkeys(names))
    plain = "".join(unique) if len(unique) <= 1 else ", ".join(unique[:-1]) + " and " + unique[-1]
    assert _join(list(names)) == plain


def plain_unpaired(text, start, end, spans):
    from timeline.events.speech import DOUBLE_QUOTE, inside

    marks = [m.start() for m in DOUBLE_QUOTE.finditer(text, start, end) if not inside(m.start(), spans)]
    if len(marks) != 1:
        return []
    q = marks[0]
    if q > start and text[q - 1] in ",.?!" and text[q] in "\"”":
        return [(start, q + 1)]
    if text[q] in "\"“" and q + 1 < end and not text[q + 1].isspace():
        return [(q, end)]
    return []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "‘", "’", ",", ".", " ", "He", "said", "x"]), max_size=12).map("".join),
       st.integers(0, 3))
def test_unpaired_is_the_plain_unpaired(text, cut):
    """_unpaired stops at a second double quote outside the spans: as the plain list of them does."""
    from timeline.events.speech import _unpaired, quote_spans

    start = min(cut, len(text))
    spans = [(s, e) for s, e in quote_spans(text, start, len(text)) if e - s < len(text) - start]
    assert _unpaired(text, start, len(text), spans) == plain_unpaired(text, start, len(text), spans)


def plain_breaks(between: str) -> bool:
    from timeline.events.dating import CLAUSE_BREAK, DASH

    dashes = len(DASH.findall(between))
    rest = DASH.sub(" ", between) if dashes % 2 == 0 else between
    return bool(CLAUSE_BREAK.search(rest))


BREAK_PIECES = ("on", "Tuesday", "—", "–", "-", ",", ";", "(", ")", "which", "who", "where", "whose", "whom", " ", "  ",
                "\n", "x")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BREAK_PIECES), max_size=12).map("".join))
def test_breaks_is_the_plain_breaks(between):
    """dating._breaks reads text without a dash by str.find first: as the plain pairing of dashes."""
    from timeline.events.dating import _breaks

    assert _breaks(between) == plain_breaks(between)


@pytest.mark.parametrize("between", [" ; ", ", which ", " (in ", " — ", " – ", " — x — ", " , who ", " , "])
def test_breaks_of_each_kind(between):
    from timeline.events.dating import _breaks

    assert _breaks(between) == plain_breaks(between)
