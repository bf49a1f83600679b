"""The data that flows from stage to stage.

Every stage is a pure function from frozen dataclasses to frozen dataclasses::

    paths -> Article -> Timex -> EventMention -> Event -> networkx graph

All ``start``/``end`` pairs are character offsets (Python ``str`` indices, end
exclusive) into ``Article.text`` exactly as loaded, so ``article.text[start:end]``
is always the surface form of a mention (see ``CONTRACT.md``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# How an article's publication date was established (CONTRACT.md).
PUBLISHED_FROM = ("metadata", "text", "option", "inferred", "missing")

# TIMEX3 types, grains, anchors (CONTRACT.md).
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
GRAINS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century")
ANCHORS = ("absolute", "publication", "timex", "event")

# Event modality and coarse types.
MODALITIES = ("asserted", "planned", "conditional", "denied")


@dataclass(frozen=True)
class Span:
    """A region of an article's text, by offsets."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One loaded document. ``text`` is the coordinate system of every mention."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    published: dt.date | None = None
    published_from: str = "missing"  # one of PUBLISHED_FROM
    published_time: str | None = None  # "22:55" when the source gives a time of day
    url: str | None = None
    source: str | None = None  # the outlet ("DW", "AFP", ...) when known
    format: str = "txt"  # txt | html | json | jsonl | timeml
    # Regions the analysis reads: the story without its boilerplate. Offsets into ``text``.
    # Empty tuple means "the whole text".
    body: tuple[Span, ...] = ()
    # Offsets of the title inside ``text`` when the title is part of it.
    title_span: Span | None = None

    def regions(self) -> tuple[Span, ...]:
        """The spans to analyse: ``body`` or, when none was marked, the whole text."""
        return self.body or (Span(0, len(self.text)),)


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in an article and resolved (TIMEX3)."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TimeML value; None when it could not be resolved (see ``reason``)
    grain: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    mod: str | None = None  # START, MID, END, APPROX, BEFORE, AFTER, ON_OR_AFTER, ...
    anchor: str = "absolute"  # absolute | publication | timex | event
    rule: str = ""
    reason: str | None = None  # why a value is missing or uncertain

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "grain": self.grain,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "mod": self.mod,
            "anchor": self.anchor,
            "rule": self.rule,
            **({"reason": self.reason} if self.reason else {}),
        }


@dataclass(frozen=True)
class Actor:
    """One real-world entity, unified across spellings and articles."""

    id: str  # "actor:vladimir-putin"
    name: str  # canonical name
    category: str  # person | country | organisation | city | group | other
    affiliation: str | None = None  # actor id of the state/organisation it belongs to
    aliases: tuple[str, ...] = ()
    title: str | None = None  # "President", "Deputy Foreign Minister"


@dataclass(frozen=True)
class ActorMention:
    """A surface mention of an actor in one article."""

    doc: str
    start: int
    end: int
    text: str
    actor: str  # Actor.id
    role: str = "agent"  # agent | patient | recipient | participant | source


@dataclass(frozen=True)
class EventDate:
    """The date an event mention is placed at, and how it was found."""

    value: str | None
    earliest: dt.date | None
    latest: dt.date | None
    grain: str | None
    mod: str | None = None
    # timex (a date expression governs the clause) | publication (a reporting verb
    # with nothing else: flagged) | event (anchored to another event) | none
    source: str = "none"
    timex: Timex | None = None
    anchor_event: str | None = None  # EventMention.id the date was derived from


@dataclass(frozen=True)
class EventMention:
    """One event as one article reports it."""

    id: str  # "<doc>:<start>" unique within a run
    doc: str
    start: int  # the trigger (predicate) offsets
    end: int
    predicate: str  # lemma of the trigger: call, warn, annex, talks, poll
    type: str  # statement | appeal | warning | meeting | accusation | military | sanctions | agreement | ...
    modality: str  # asserted | planned | conditional | denied
    date: EventDate
    actors: tuple[ActorMention, ...] = ()
    sentence_start: int = 0
    sentence_end: int = 0
    sentence: str = ""
    content: str | None = None  # what was said, for reporting events
    label: str = ""  # short readable label: "Putin and Niinisto hold phone call"


@dataclass(frozen=True)
class Event:
    """A real-world event, merged from one or more mentions across articles."""

    id: str  # "event:..."
    label: str
    type: str
    modality: str
    value: str | None
    earliest: dt.date | None
    latest: dt.date | None
    grain: str | None
    mentions: tuple[EventMention, ...]
    actors: tuple[tuple[str, str], ...] = ()  # (actor id, role)
    sources: tuple[str, ...] = ()  # document ids, each once
    independent_sources: int = 0  # sources that are not syndicated copies
    conflicts: tuple[EventDate, ...] = ()  # other readings of the date when outlets disagree
    mod: str | None = None


@dataclass(frozen=True)
class Link:
    """An edge between two events: causes, before, after, same_time."""

    source: str
    target: str
    kind: str
    cue: str | None = None
    doc: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class LoadError:
    """A file that could not be used, and why: one line for the user."""

    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@dataclass(frozen=True)
class DocumentAnalysis:
    """What the per-article stages produce for one article."""

    article: Article
    timexes: tuple[Timex, ...] = ()
    mentions: tuple[EventMention, ...] = ()
    actor_mentions: tuple[ActorMention, ...] = ()
    actors: tuple[Actor, ...] = field(default=())
