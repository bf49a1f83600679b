"""Bad input never crashes extraction nor produces garbage actors; boilerplate regions are skipped."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import extract
from timeline.events.sentences import split_sentences
from timeline.model import Article, Span, Timex

PUB = dt.date(2021, 12, 14)
GARBAGE = {"The Russian", "She", "He", "Is Russian", "Dec", "Tuesday", "Monday", "December", "The", "It", "They"}


def run(text: str, timexes=(), body=()) -> object:
    return extract(Article(id="doc", text=text, published=PUB, body=tuple(body)), list(timexes))


BAD_INPUT = (
    ("no-verb", "Russia. Ukraine. NATO. The West."),
    ("all-caps", "PUTIN WARNS WEST OF 'MILITARY RESPONSE' AS RUSSIA MASSES TROOPS ON UKRAINE BORDER."),
    ("list", "  1. Inhalt\n  2. Navigation\n  3. Weitere Inhalte\n  • Access 10 free stories every month\n"),
    ("quotes-in-quotes", "“He said ‘we will “respond” militarily’ and left,” Ryabkov told RIA Novosti."),
    ("unbalanced-quotes", "Putin said \"talks must begin. Moscow denies it“ and ‘more."),
    ("diacritics", "Président Sauli Niinistö a parlé avec Emmanuel Macron. Zelenskyy said Kyiv’s forces held."),
    ("non-latin", "Президент Владимир Путин заявил во вторник. 普京周二表示. بوتين قال"),
    ("very-long", "Putin said that " + ", and ".join(["Russia warned Ukraine"] * 400) + "."),
    ("only-punctuation", "... !!! ??? — – “” ‘’ \"\" ((( )))"),
    ("empty", ""),
    ("whitespace", " \n\n \t \n"),
    ("pronoun-first", "He said it was over. She denied it. They warned us."),
    ("month-names", "In December, May met June in April and said March was over."),
    ("dangling-title", "Russian President said. The Finnish president told reporters."),
)


@pytest.mark.parametrize("name,text", BAD_INPUT, ids=[r[0] for r in BAD_INPUT])
def test_bad_input(name, text):
    a = run(text)
    names = {actor.name for actor in a.actors} | {alias for actor in a.actors for alias in actor.aliases}
    assert not names & GARBAGE
    for m in a.mentions:
        assert text[m.start : m.end] and m.sentence == text[m.sentence_start : m.sentence_end]
        assert all(actor.actor.startswith("actor:") for actor in m.actors)


def test_pronouns_without_antecedent_are_no_actors():
    a = run("He said it was over. She denied it.")
    assert a.mentions == ()


def test_boilerplate_outside_regions_is_skipped():
    story = "Moscow denies planning an invasion."
    text = "Sign in. Russia accused Ukraine of lying.\n\n" + story
    start = text.index(story)
    a = run(text, body=[Span(start, len(text))])
    assert [m.type for m in a.mentions] == ["denial"]
    assert all(m.start >= start for m in a.mentions)


def test_timex_outside_the_clause_is_not_taken():
    text = ("Putin has accused the West of provoking tensions — a region Russia controls after annexing it in "
            "2014.")
    at = text.index("2014")
    t = Timex(at, at + 4, "2014", "DATE", "2014", "year", dt.date(2014, 1, 1), dt.date(2014, 12, 31))
    ev = run(text, [t]).mentions[0]
    assert ev.type == "accusation" and ev.date.value != "2014"


def test_sentences_keep_wrapped_lines_together():
    text = ("Russian president Vladimir Putin said Tuesday in a phone call with the Finnish president that he\n"
            "wants talks. Moscow denies it.\nShort line\nAnother short line")
    spans = [text[s.start : s.end] for s in split_sentences(Article(id="d", text=text))]
    assert spans[0].startswith("Russian president") and spans[0].endswith("wants talks.")
    assert spans[1:] == ["Moscow denies it.", "Short line", "Another short line"]


WORDS = st.sampled_from(
    ["Putin", "said", "told", "Mr.", "President", "Russian", "the", "Kremlin", "warned", "of", "sanctions",
     "“", "”", "‘", "’", '"', ",", ".", "\n", "\n\n", "on", "Tuesday", "that", "he", "She", "accused", "Kiev",
     "’s", "talks", "with", "phone", "call", "a", "day", "after", "NATO", "U.S.", "denies", "—", "(", ")",
     "Niinistö", "Зеленский", "if", "will", "not", "met", "between", "and", "poll", "by", "use", "of", "drones"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=60), st.text(max_size=40))
def test_extract_never_raises(words, noise):
    text = " ".join(words) + noise
    tx = []
    if "Tuesday" in text:
        at = text.index("Tuesday")
        tx = [Timex(at, at + 7, "Tuesday", "DATE", "2021-12-14", "day", PUB, PUB)]
    a = run(text, tx)
    for m in a.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.modality in ("asserted", "planned", "conditional", "denied")
        assert m.date.source in ("timex", "publication", "event", "none")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_extract_never_raises_on_any_text(text):
    run(text)
