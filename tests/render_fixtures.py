"""Synthetic events for the render tests: a seed-like set (the December 2021 articles) and a
generator of N random events for scale. Built from the model's dataclasses, never from a run."""

from __future__ import annotations

import datetime as dt
import random

from timeline.model import Actor, Event, EventDate, EventMention, Link

D = dt.date

DOCS = {
    "000_18216e440626299e": "DW: Putin makes repeated calls for 'immediate' NATO talks",
    "001_7833a452b3925789": "Ukraine's Red Lines: Putin Reiterates Call For 'Immediate' NATO Talks",
    "002_a857d38673279e34": "Putin wants 'immediate' talks with NATO on Russia's security",
    "003_a25414dbe8528380": "AFP: Putin wants 'immediate' talks with NATO on Russia's security",
    "004_c9e6ca7e77c2894c": "Putin set to talk with US amid desire to stop NATO expansion in Europe",
}
SOURCES = [(doc, title) for doc, title in DOCS.items()]

ACTORS = {
    a.id: a
    for a in (
        Actor("actor:vladimir-putin", "Vladimir Putin", "person", "actor:russia", ("Putin",), "President"),
        Actor("actor:sauli-niinisto", "Sauli Niinisto", "person", "actor:finland", ("Niinisto",), "President"),
        Actor("actor:joe-biden", "Joe Biden", "person", "actor:united-states", ("Biden",), "President"),
        Actor("actor:sergei-ryabkov", "Sergei Ryabkov", "person", "actor:russia", ("Ryabkov",)),
        Actor("actor:jen-psaki", "Jen Psaki", "person", "actor:united-states", ("Psaki",), "Press Secretary"),
        Actor("actor:russia", "Russia", "country"),
        Actor("actor:united-states", "United States", "country", aliases=("Washington", "US")),
        Actor("actor:nato", "NATO", "organisation"),
        Actor("actor:ukraine", "Ukraine", "country"),
    )
}


def mention(doc: str, sentence: str, predicate: str, etype: str, modality: str = "asserted") -> EventMention:
    date = EventDate(None, None, None, None)
    return EventMention(
        f"{doc}:0",
        doc,
        0,
        len(predicate),
        predicate,
        etype,
        modality,
        date,
        sentence_start=0,
        sentence_end=len(sentence),
        sentence=sentence,
    )


def event(
    eid,
    label,
    etype,
    earliest,
    latest,
    grain,
    docs,
    actors,
    *,
    modality="asserted",
    value=None,
    mod=None,
    conflicts=(),
    sentence=None,
) -> Event:
    sentence = sentence or f"{label}, the report said."
    return Event(
        id=eid,
        label=label,
        type=etype,
        modality=modality,
        value=value or (earliest.isoformat() if earliest else None),
        earliest=earliest,
        latest=latest,
        grain=grain,
        mentions=tuple(mention(d, sentence, etype, etype, modality) for d in docs),
        actors=tuple(actors),
        sources=tuple(docs),
        independent_sources=len(docs),
        conflicts=tuple(conflicts),
        mod=mod,
    )


def seed_events() -> list[Event]:
    """The seed-like set: what the five December 2021 articles report."""
    docs = list(DOCS)
    putin, niin, biden = "actor:vladimir-putin", "actor:sauli-niinisto", "actor:joe-biden"
    return [
        event(
            "event:putin-niinisto-call",
            "Putin and Niinisto hold phone call",
            "meeting",
            D(2021, 12, 14),
            D(2021, 12, 14),
            "day",
            docs[:4],
            [(putin, "agent"), (niin, "participant")],
            sentence="In phone conversations with Finnish President Sauli Niinisto and then later with "
            'French President Emmanuel Macron, Putin called for "immediate" negotiations.',
        ),
        event(
            "event:putin-calls-talks",
            "Putin calls for immediate NATO talks",
            "appeal",
            D(2021, 12, 14),
            D(2021, 12, 14),
            "day",
            docs[:3],
            [(putin, "agent"), ("actor:nato", "recipient")],
        ),
        event(
            "event:ryabkov-warning",
            "Ryabkov warns of military response",
            "warning",
            D(2021, 12, 13),
            D(2021, 12, 13),
            "day",
            docs[2:4],
            [("actor:sergei-ryabkov", "agent")],
            sentence="On Monday, Russian Deputy Foreign Minister Sergey Ryabkov was matter of fact about "
            "Moscow's course of action.",
        ),
        event(
            "event:biden-warning",
            "Biden warns Putin of sanctions",
            "warning",
            D(2021, 12, 6),
            D(2021, 12, 12),
            "week",
            docs[2:3],
            [(biden, "agent"), (putin, "recipient")],
            value="2021-W49",
            sentence='In a video conference last week, US President Joe Biden warned Putin of "sanctions '
            "like he's never seen\" should Russia attack its neighbor.",
        ),
        event(
            "event:crimea-annexation",
            "Russia annexes Crimea",
            "military",
            D(2014, 1, 1),
            D(2014, 12, 31),
            "year",
            docs[2:4],
            [("actor:russia", "agent"), ("actor:ukraine", "patient")],
            value="2014",
            sentence="Russia annexed Ukraine's Crimean peninsula on the Black Sea in 2014.",
        ),
        event(
            "event:inf-treaty",
            "US and USSR sign INF treaty",
            "agreement",
            D(1987, 1, 1),
            D(1987, 12, 31),
            "year",
            docs[4:5],
            [("actor:united-states", "agent"), ("actor:russia", "participant")],
            value="1987",
        ),
        event(
            "event:us-exit-inf",
            "US withdraws from INF treaty",
            "agreement",
            D(2019, 1, 1),
            D(2019, 12, 31),
            "year",
            docs[4:5],
            [("actor:united-states", "agent")],
            value="2019",
        ),
        event(
            "event:washington-alarm",
            "Washington sounds alarm over troop build-up",
            "warning",
            D(2021, 11, 1),
            D(2021, 11, 30),
            "month",
            docs[4:5],
            [("actor:united-states", "agent")],
            value="2021-11",
            mod="MID",
            sentence="Tensions have been slowly building since mid-November when Washington sounded the alarm "
            "over a massive Russian troop build-up around Ukraine.",
        ),
        event(
            "event:geneva-talks",
            "US-Russia talks in Geneva",
            "meeting",
            D(2022, 1, 1),
            D(2022, 12, 31),
            "year",
            docs[3:5],
            [("actor:united-states", "participant"), ("actor:russia", "participant")],
            modality="planned",
            value="2022",
            sentence="Talks to de-escalate tensions are set to take place in Geneva next year.",
        ),
        event(
            "event:putin-press-conference",
            "Putin holds annual news conference",
            "statement",
            D(2021, 12, 23),
            D(2021, 12, 23),
            "day",
            docs[4:5],
            [(putin, "agent")],
        ),
        event(
            "event:psaki-response",
            "Psaki responds to Putin's comments",
            "statement",
            D(2021, 12, 23),
            D(2021, 12, 23),
            "day",
            docs[4:5],
            [("actor:jen-psaki", "agent"), (putin, "patient")],
            sentence="At a White House press conference on Thursday, Press Secretary Jen Psaki responded to the "
            'comments made by Putin <and> "escaped" & more.',
        ),
        event(
            "event:putin-macron-call",
            "Putin speaks with Macron",
            "meeting",
            D(2021, 12, 14),
            D(2021, 12, 14),
            "day",
            docs[1:2],
            [(putin, "agent")],
            conflicts=(EventDate("2021-12-13", D(2021, 12, 13), D(2021, 12, 13), "day", source="timex"),),
        ),
        event(
            "event:russia-denies-invasion",
            "Russia denies planning an invasion",
            "statement",
            D(2021, 12, 17),
            D(2021, 12, 17),
            "day",
            docs[1:2],
            [("actor:russia", "agent")],
            modality="denied",
        ),
    ]


def seed_links() -> list[Link]:
    return [
        Link(
            "event:putin-press-conference",
            "event:psaki-response",
            "causes",
            cue="responded to",
            doc="004_c9e6ca7e77c2894c",
            start=0,
            end=0,
        ),
        Link("event:ryabkov-warning", "event:putin-calls-talks", "before"),
    ]


TYPES = ("meeting", "statement", "warning", "appeal", "accusation", "military", "sanctions", "agreement")
GRAINS = (("day", 0.7), ("week", 0.1), ("month", 0.1), ("year", 0.1))


def random_events(n: int, seed: int = 0, *, actors: int = 12) -> tuple[list[Event], dict[str, Actor], list[Link]]:
    """``n`` random events over 2019-2022 (mostly December 2021), with actors and causal links."""
    rng = random.Random(seed)
    people = {f"actor:person-{i}": Actor(f"actor:person-{i}", f"Person {i:02d}", "person") for i in range(actors)}
    ids = list(people)
    docs = [f"doc{i:03d}" for i in range(40)]
    out: list[Event] = []
    for i in range(n):
        grain = rng.choices([g for g, _ in GRAINS], [w for _, w in GRAINS])[0]
        if rng.random() < 0.6:
            day = D(2021, 11, 15) + dt.timedelta(days=rng.randrange(50))
        else:
            day = D(2019, 1, 1) + dt.timedelta(days=rng.randrange(1400))
        earliest, latest = _grain_span(day, grain)
        words = rng.sample(
            [
                "talks",
                "sanctions",
                "troops",
                "border",
                "call",
                "summit",
                "warning",
                "pipeline",
                "envoy",
                "drills",
                "gas",
                "treaty",
                "ceasefire",
                "vote",
            ],
            3,
        )
        modality = rng.choices(["asserted", "planned", "conditional", "denied"], [0.8, 0.1, 0.05, 0.05])[0]
        out.append(
            event(
                f"event:r{i:04d}",
                f"Event {i}: {' '.join(words)}",
                rng.choice(TYPES),
                earliest,
                latest,
                grain,
                rng.sample(docs, rng.choice([1, 1, 1, 2, 3, 5])),
                [(rng.choice(ids), "agent")] + ([(rng.choice(ids), "participant")] if rng.random() < 0.4 else []),
                modality=modality,
                mod=rng.choice([None, None, None, "MID", "START", "END"]) if grain != "day" else None,
                conflicts=(
                    (EventDate(None, earliest - dt.timedelta(days=3), latest - dt.timedelta(days=3), grain),)
                    if rng.random() < 0.03
                    else ()
                ),
            )
        )
    links = [Link(out[i].id, out[i + 1].id, "causes") for i in range(0, n - 1, 17)]
    return out, people, links


def _grain_span(day: dt.date, grain: str) -> tuple[dt.date, dt.date]:
    if grain == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if grain == "month":
        nxt = D(day.year + day.month // 12, day.month % 12 + 1, 1)
        return D(day.year, day.month, 1), nxt - dt.timedelta(days=1)
    if grain == "year":
        return D(day.year, 1, 1), D(day.year, 12, 31)
    return day, day
