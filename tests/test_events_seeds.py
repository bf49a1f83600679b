"""The seed articles as the specification of event extraction: one row per expected event.

Timexes are built by hand here (``SEED_TIMEXES``) so these rows test event extraction alone,
whatever the date resolver does; ``test_events_pipeline.py`` runs the real resolver.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from timeline.events import extract
from timeline.model import Article, DocumentAnalysis, EventMention, Timex

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PUBLISHED = {
    "000": dt.date(2021, 12, 14),
    "001": dt.date(2021, 12, 17),
    "002": dt.date(2021, 12, 14),
    "003": dt.date(2021, 12, 14),
    "004": dt.date(2021, 12, 23),
}
D = dt.date
# doc -> (surface, value, grain, earliest, latest, mod): every occurrence of the surface gets it.
SEED_TIMEXES: dict[str, tuple[tuple[str, str, str, dt.date, dt.date, str | None], ...]] = {
    "000": (
        ("Tuesday", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("last week", "2021-W49", "week", D(2021, 12, 6), D(2021, 12, 12), None),
        ("Monday", "2021-12-13", "day", D(2021, 12, 13), D(2021, 12, 13), None),
        ("2014", "2014", "year", D(2014, 1, 1), D(2014, 12, 31), None),
    ),
    "001": (
        ("Tuesday", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("14 December", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("Monday", "2021-12-13", "day", D(2021, 12, 13), D(2021, 12, 13), None),
        ("13 December", "2021-12-13", "day", D(2021, 12, 13), D(2021, 12, 13), None),
        ("1987", "1987", "year", D(1987, 1, 1), D(1987, 12, 31), None),
        ("2019", "2019", "year", D(2019, 1, 1), D(2019, 12, 31), None),
    ),
    "002": (
        ("Tuesday", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("last week", "2021-W49", "week", D(2021, 12, 6), D(2021, 12, 12), None),
        ("Monday", "2021-12-13", "day", D(2021, 12, 13), D(2021, 12, 13), None),
        ("Wednesday", "2021-12-15", "day", D(2021, 12, 15), D(2021, 12, 15), None),
        ("this week", "2021-W50", "week", D(2021, 12, 13), D(2021, 12, 19), None),
        ("October", "2021-10", "month", D(2021, 10, 1), D(2021, 10, 31), None),
        ("2014", "2014", "year", D(2014, 1, 1), D(2014, 12, 31), None),
    ),
    "003": (
        ("Tuesday", "2021-12-14", "day", D(2021, 12, 14), D(2021, 12, 14), None),
        ("2014", "2014", "year", D(2014, 1, 1), D(2014, 12, 31), None),
    ),
    "004": (
        ("Thursday", "2021-12-23", "day", D(2021, 12, 23), D(2021, 12, 23), None),
        ("Dec. 23, 2021", "2021-12-23", "day", D(2021, 12, 23), D(2021, 12, 23), None),
        ("next year", "2022", "year", D(2022, 1, 1), D(2022, 12, 31), None),
        ("last week", "2021-W50", "week", D(2021, 12, 13), D(2021, 12, 19), None),
        ("this week", "2021-W51", "week", D(2021, 12, 20), D(2021, 12, 26), None),
        ("mid-November", "2021-11", "month", D(2021, 11, 1), D(2021, 11, 30), "MID"),
        ("2014", "2014", "year", D(2014, 1, 1), D(2014, 12, 31), None),
    ),
}


def seed_path(key: str) -> Path:
    return next(SEEDS.glob(f"{key}_*.txt"))


def seed_article(key: str) -> Article:
    path = seed_path(key)
    return Article(id=path.stem, text=path.read_text(encoding="utf-8"), path=str(path), published=PUBLISHED[key])


def seed_timexes(key: str, text: str) -> list[Timex]:
    out = []
    for surface, value, grain, earliest, latest, mod in SEED_TIMEXES[key]:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            out.append(Timex(m.start(), m.end(), surface, "DATE", value, grain, earliest, latest, mod,
                             anchor="publication", rule="test-table"))
    return sorted(out, key=lambda t: t.start)


_CACHE: dict[str, DocumentAnalysis] = {}


def analysis(key: str) -> DocumentAnalysis:
    if key not in _CACHE:
        article = seed_article(key)
        _CACHE[key] = extract(article, seed_timexes(key, article.text))
    return _CACHE[key]


# (row id, doc, a piece of the sentence, type, agent ids, other actor ids, date value, modality, date source)
# agent ids "" means the event has no agent (talks nobody is named as holding).
ROWS = (
    ("putin-calls-on-west", "000", "on Tuesday stepped up", "appeal", "vladimir-putin", ("the-west",),
     "2021-12-14", "asserted", "timex"),
    ("putin-niinisto-call-000", "000", "In phone conversations", "meeting", "vladimir-putin", ("sauli-niinisto",),
     "2021-12-14", "asserted", "timex"),
    ("putin-macron-call-000", "000", "In phone conversations", "meeting", "vladimir-putin", ("emmanuel-macron",),
     "2021-12-14", "asserted", "timex"),
    ("kremlin-statement", "000", "read a Kremlin statement", "statement", "russia", (), "2021-12-14", "asserted",
     "timex"),
    ("moscow-denies", "000", "Moscow denies such accusations", "denial", "russia", (), "2021-12-14", "asserted",
     "publication"),
    ("biden-warns-putin-000", "000", "Joe Biden warned Putin", "warning", "joe-biden", ("vladimir-putin",),
     "2021-W49", "asserted", "timex"),
    ("eu-g7-meet", "000", "The EU and G7 have also met", "meeting", "european-union g7", (), None, "asserted",
     "none"),
    ("ryabkov-tells-ria", "000", "he told the RIA Novosti", "warning", "sergey-ryabkov", (), "2021-12-13",
     "asserted", "timex"),
    ("putin-accuses-kyiv", "000", "also accused Kyiv", "accusation", "vladimir-putin", ("ukraine",),
     "2021-12-14", "asserted", "publication"),
    ("russia-annexed-crimea", "000", "Russia annexed Ukraine", "military", "russia", (), "2014", "asserted",
     "timex"),
    ("putin-said-001", "001", "said Tuesday (14 December)", "statement", "vladimir-putin", (), "2021-12-14",
     "asserted", "timex"),
    ("putin-niinisto-call-001", "001", "said Tuesday (14 December)", "meeting", "vladimir-putin",
     ("sauli-niinisto",), "2021-12-14", "asserted", "timex"),
    ("us-accuses-russia-001", "001", "have for weeks accused Russia", "accusation", "united-states", ("russia",),
     "2021-12-17", "asserted", "publication"),
    ("putin-spoke-macron", "001", "Putin also spoke with", "meeting", "vladimir-putin", ("emmanuel-macron",),
     "2021-12-14", "asserted", "timex"),
    ("ryabkov-missiles", "001", "said in an interview on Monday", "warning", "sergei-ryabkov", (), "2021-12-13",
     "asserted", "timex"),
    ("ryabkov-denied", "001", "Ryabkov again denied", "denial", "sergei-ryabkov", (), "2021-12-13", "asserted",
     "timex"),
    ("inf-treaty", "001", "1987 treaty", "agreement", "", ("mikhail-gorbachev", "ronald-reagan"), "1987",
     "asserted", "timex"),
    ("washington-quit", "001", "Washington quit the pact", "withdrawal", "united-states", (), "2019", "asserted",
     "timex"),
    ("putin-said-002", "002", "Putin said on Tuesday", "statement", "vladimir-putin", (), "2021-12-14",
     "asserted", "timex"),
    ("putin-tells-niinisto", "002", "He told President Sauli Niinsto", "statement", "vladimir-putin",
     ("sauli-niinisto",), "2021-12-14", "asserted", "timex"),
    ("putin-macron-call-002", "002", "later on Tuesday", "meeting", "vladimir-putin", ("emmanuel-macron",),
     "2021-12-14", "asserted", "timex"),
    ("russian-leader-denies", "002", "The Russian leader denies", "denial", "vladimir-putin", (), "2021-12-14",
     "asserted", "publication"),
    ("biden-warns-putin-002", "002", "Joe Biden last week warned", "warning", "joe-biden", ("vladimir-putin",),
     "2021-W49", "asserted", "timex"),
    ("ryabkov-day-after", "002", "a day after", "warning", "sergei-ryabkov", (), "2021-12-13", "asserted", "event"),
    ("ryabkov-told-ria-002", "002", "Ryabkov told the RIA Novosti", "warning", "sergei-ryabkov", (), "2021-12-13",
     "asserted", "event"),
    ("zelensky-warns-losses", "002", "Zelensky warned of", "warning", "volodymyr-zelensky", (), "2021-12-14",
     "asserted", "timex"),
    ("lavrov-baerbock", "002", "Lavrov also told", "statement", "sergei-lavrov", ("annalena-baerbock",),
     "2021-12-14", "asserted", "timex"),
    ("us-sends-donfried", "002", "The US sent its top diplomat", "visit", "united-states", ("karen-donfried",),
     "2021-W50", "asserted", "timex"),
    ("donfried-in-kiev", "002", "Donfried said in Kiev", "statement", "karen-donfried", (), "2021-12-14",
     "asserted", "timex"),
    ("donfried-expected-moscow", "002", "She is expected in Moscow", "visit", "karen-donfried", (), "2021-12-15",
     "planned", "timex"),
    ("zelensky-accuses-germany", "002", "accused Kiev’s ally Germany", "accusation", "volodymyr-zelensky",
     ("germany",), "2021-12-14", "asserted", "publication"),
    ("german-ministry-no-comment", "002", "A spokesperson for the German foreign ministry", "statement",
     "foreign-ministry-of-germany", (), "2021-12-13", "asserted", "timex"),
    ("kiev-bayraktar", "002", "Bayraktar drones", "military", "ukraine", (), "2021-10", "asserted", "timex"),
    ("levada-poll", "002", "A new poll", "poll", "levada-center", (), "2021-12-14", "asserted", "timex"),
    ("putin-macron-call-003", "003", "Mr. Putin reiterated", "meeting", "vladimir-putin", ("emmanuel-macron",),
     "2021-12-14", "asserted", "timex"),
    ("putin-news-conference", "004", "attends his annual news conference", "meeting", "vladimir-putin", (),
     "2021-12-23", "asserted", "timex"),
    ("putin-positive", "004", "Putin said on Thursday", "statement", "vladimir-putin", (), "2021-12-23",
     "asserted", "timex"),
    ("moscow-demands", "004", "Moscow presented the West", "demand", "russia", ("the-west",), "2021-W50",
     "asserted", "timex"),
    ("putin-urges-west", "004", "Putin urged the West", "appeal", "vladimir-putin", ("the-west",), "2021-12-23",
     "asserted", "timex"),
    ("psaki-responds", "004", "Psaki responded to the comments", "statement", "jen-psaki", (), "2021-12-23",
     "asserted", "timex"),
    ("putin-vows", "004", "Putin vowed", "warning", "vladimir-putin", (), "2021-W51", "asserted", "timex"),
    ("washington-alarm", "004", "sounded the alarm", "warning", "united-states", (), "2021-11", "asserted",
     "timex"),
    ("borrell-calls-on-moscow", "004", "Borrell called on Moscow", "appeal", "josep-borrell", ("russia",),
     "2021-12-23", "asserted", "timex"),
    ("geneva-talks-headline", "004", "Talks to de-escalate tensions are set", "meeting", "", (), "2022",
     "planned", "timex"),
    ("geneva-talks-us-russia", "004", "between the US and Russia next year", "meeting", "",
     ("united-states", "russia"), "2022", "planned", "timex"),
)


def _ids(ev: EventMention, roles: tuple[str, ...]) -> set[str]:
    return {a.actor.removeprefix("actor:") for a in ev.actors if a.role in roles}


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_seed_event(row):
    _, doc, anchor, type_, agents, others, value, modality, source = row
    events = [m for m in analysis(doc).mentions if anchor in m.sentence]
    assert events, f"no event in the sentence with {anchor!r}"
    typed = [m for m in events if m.type == type_]
    assert typed, f"no {type_} event there; found {[(m.type, m.label) for m in events]}"
    want_agents = set(agents.split())
    found = [m for m in typed if _ids(m, ("agent",)) == want_agents and set(others) <= _ids(m, ("recipient",
             "patient", "participant"))]
    assert found, f"no {type_} by {want_agents} with {others}; found {[(m.label, m.actors) for m in typed]}"
    ev = found[0]
    assert ev.date.value == value, f"{ev.label}: dated {ev.date.value}, expected {value}"
    assert ev.date.source == source, f"{ev.label}: date from {ev.date.source}, expected {source}"
    assert ev.modality == modality, f"{ev.label}: {ev.modality}, expected {modality}"
    assert ev.label and len(ev.label) <= 80 and ev.label[0].isupper()


LABELS = (
    ("000", "In phone conversations", "Putin and Niinistö hold phone call"),
    ("000", "Joe Biden warned Putin", "Biden warns Putin of sanctions"),
    ("002", "Putin said on Tuesday", "Putin says he wants immediate talks"),
    ("004", "Putin vowed", "Putin vows retaliation"),
    ("000", "Russia annexed", "Russia annexes Crimea"),
    ("004", "Moscow annexed Crimea", "Russia annexes Crimea"),
    ("001", "1987 treaty", "Gorbachev and Reagan agree treaty"),
    ("002", "She is expected in Moscow", "Donfried is expected in Moscow"),
    # Cut at a phrase boundary, not mid-phrase or on a word a removed date left behind (labels.py).
    ("002", "He told President Sauli", "Putin tells Niinistö Moscow wants to launch negotiations"),
    ("003", "backing pro-Moscow separatists", "The West accuses Russia of backing pro-Moscow separatists"),
    ("000", "also concerned about", "Russia says it is concerned about NATO members"),
    ("002", "necessity to provide", "Lavrov tells Baerbock about security guarantees"),
    ("002", "Our aim is to support", "Donfried aims to support Ukraine"),
    ("004", "I would like to stress", "Putin comments on talks"),
    ("004", "de-escalate\" and respect", "Borrell calls on Russia to de-escalate"),
    ("001", "Ryabkov again denied", "Ryabkov issues denial"),
)


@pytest.mark.parametrize("doc,anchor,expected", LABELS, ids=[r[2] for r in LABELS])
def test_seed_label(doc, anchor, expected):
    labels = [m.label for m in analysis(doc).mentions if anchor in m.sentence]
    assert expected in labels, f"labels there: {labels}"


# Sentences that must yield no event of the type (reported content, passives, boilerplate).
NEGATIVE = (
    ("talks-inside-speech", "002", "Putin said on Tuesday that he wants", "meeting"),
    ("attack-inside-warning", "000", "should Russia attack its neighbor", "military"),
    ("was-met-with-criticism", "002", "was met with criticism", "meeting"),
    ("demands-are-a-noun", "004", "sweeping security demands", "appeal"),
    ("boilerplate-visit", "000", "Visit the new DW website", None),
    ("boilerplate-sign-in", "003", "Sign in to unlock", None),
    ("relative-that", "004", "He also announced a new arsenal", "warning"),
    ("quoted-question", "002", "Is Russian society ready", "military"),
    ("question-headline", "000", "Will Russia attack Ukraine?", None),
    ("participle-warning", "002", "warning of a massive coordinated sanctions response", "military"),
    ("participle-warning-003", "003", "warning of a massive coordinated sanctions", "military"),
)


@pytest.mark.parametrize("row", NEGATIVE, ids=[r[0] for r in NEGATIVE])
def test_seed_negative(row):
    _, doc, anchor, type_ = row
    events = [m for m in analysis(doc).mentions if anchor in m.sentence and (type_ is None or m.type == type_)]
    assert not events, f"spurious: {[(m.type, m.label) for m in events]}"


def test_reported_speech_carries_content():
    ev = next(m for m in analysis("002").mentions if "Putin said on Tuesday" in m.sentence)
    assert ev.type == "statement" and ev.content and ev.content.startswith("he wants")


def test_event_anchor_points_at_a_mention():
    mentions = analysis("002").mentions
    ev = next(m for m in mentions if m.date.source == "event")
    ids = {m.id for m in mentions}
    assert ev.date.anchor_event in ids and ev.date.anchor_event != ev.id


@pytest.mark.parametrize("key", sorted(PUBLISHED))
def test_offsets_and_ids(key):
    a = analysis(key)
    ids = [m.id for m in a.mentions]
    assert len(ids) == len(set(ids))
    for m in a.mentions:
        assert m.id == f"{m.doc}:{m.id.split(':')[-1]}" and m.doc == a.article.id
        assert a.article.text[m.sentence_start : m.sentence_end] == m.sentence
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
        for am in m.actors:
            assert a.article.text[am.start : am.end] == am.text


BAD_NAMES = {"The Russian", "She", "He", "Is Russian", "Dec", "It", "They", "Tuesday", "Monday", "Thursday",
             "December", "October", "Russian", "The", "Watch", "Share"}


@pytest.mark.parametrize("key", sorted(PUBLISHED))
def test_no_garbage_actors(key):
    a = analysis(key)
    names = {a.name for a in a.actors} | {alias for actor in a.actors for alias in actor.aliases}
    assert not names & BAD_NAMES
    people = {actor.id for actor in a.actors if actor.category == "person"}
    for m in a.actor_mentions:  # a pronoun is a mention of the person it stands for, never an actor
        assert m.text not in BAD_NAMES or m.actor in people, m
