"""Links between events: causal (from cue words, with evidence) and temporal (from dates and anchors)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.dates import is_dated
from timeline.model import ActorMention, DocumentAnalysis, Event, EventDate, EventMention, Link

# (name, pattern, direction). "effect-cue-cause": what follows the cue is the cause ("X in response
# to Y"); "cause-cue-effect": what follows the cue is the effect ("X prompted Y").
CAUSAL_CUES: tuple[tuple[str, str, str], ...] = (
    ("in response to", r"\bin (?:response|reaction|retaliation) to\b", "effect-cue-cause"),
    ("responded to", r"\b(?:responded|responding|reacted|reacting|replied|replying) to\b", "effect-cue-cause"),
    ("because", r"\bbecause(?: of)?\b", "effect-cue-cause"),
    ("as a result of", r"\bas a (?:result|consequence) of\b", "effect-cue-cause"),
    ("due to", r"\b(?:due|owing) to\b", "effect-cue-cause"),
    ("prompted by", r"\b(?:prompted|triggered|sparked|caused) by\b", "effect-cue-cause"),
    ("amid", r"\bamid(?:st)?\b", "effect-cue-cause"),
    ("following", r"\bfollowing\b", "effect-cue-cause"),
    ("after", r"\bafter\b", "effect-cue-cause"),
    ("led to", r"\b(?:led|leads|leading) to\b", "cause-cue-effect"),
    ("prompted", r"\b(?:prompted|prompting|sparked|sparking|triggered|triggering)\b(?! by)", "cause-cue-effect"),
    ("resulted in", r"\bresult(?:ed|s|ing)? in\b", "cause-cue-effect"),
    ("as a result", r"\bas a (?:result|consequence)\b(?! of)", "cause-cue-effect"),
)
_CUES = tuple((name, re.compile(pattern, re.I), direction) for name, pattern, direction in CAUSAL_CUES)
# Cues whose object may name the cause only by its actor ("responded to the comments made by Putin").
OBJECT_CUES = frozenset({"in response to", "responded to"})
# "a day after", "shortly after", "weeks following": a measured time, so an order, not a cause.
_MEASURED = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|seven|few|several|\d+) )?"
                       r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|shortly|soon|"
                       r"just|immediately|right|long|moments?)\s*$", re.I)
_TEMPORAL_CUES = frozenset({"after", "following"})
# A clause ends at a comma, semicolon, dash or the next cue.
_BOUNDARY = re.compile(r"[,;\u2013\u2014]| - ")
# Per-document caps on temporal edges, so a long article does not yield a quadratic edge list.
MAX_GROUP = 6


# Cues that open a sentence and point back at the one before: "In response, Moscow expelled ...".
SENTENCE_CUES: tuple[tuple[str, str], ...] = (
    ("in response", r"(?:in (?:response|reaction|retaliation)|in turn)\s*,"),
    ("as a result", r"(?:as a (?:result|consequence)|consequently|because of (?:this|that)|therefore|hence)\b"),
    ("this prompted", r"(?:this|that|the move|the decision) (?:prompted|triggered|sparked|led to|caused)\b"),
)
_SENTENCE_CUES = tuple((name, re.compile(r"\s*" + pattern, re.I)) for name, pattern in SENTENCE_CUES)


@dataclass(frozen=True)
class _Doc:
    mentions: tuple[EventMention, ...]
    actor_mentions: tuple[ActorMention, ...]
    text: str = ""


def _date(e: Event) -> EventDate:
    return EventDate(e.value, e.earliest, e.latest, e.grain)


def _cause_by_actor(
    doc: _Doc, effect: EventMention, lo: int, hi: int, event_of: dict[str, str]
) -> EventMention | None:
    """The cause named after the cue only by its actor ("responded to the comments made by Putin").

    Only events the article dates itself qualify, on or before the effect.
    """
    actors = {a.actor for a in doc.actor_mentions if lo <= a.start < hi}
    candidates = [
        m for m in doc.mentions
        if m.id != effect.id and event_of[m.id] != event_of[effect.id]
        and m.date.source in ("timex", "event")
        and not (m.date.earliest and effect.date.latest and m.date.earliest > effect.date.latest)
        and any(a.actor in actors and a.role == "agent" for a in m.actors)
    ]
    if not candidates:
        return None
    # Prefer what happened on the effect's day, then what the article told first.
    return min(candidates, key=lambda m: (not _same_day(m.date, effect.date), m.start))


def _same_day(a: EventDate, b: EventDate) -> bool:
    return is_dated(a) and is_dated(b) and a.earliest == b.earliest and a.latest == b.latest


def _by_sentence(mentions: Sequence[EventMention]) -> list[tuple[tuple[int, int], list[EventMention]]]:
    """Mentions grouped by sentence span, sentences in text order, mentions by position."""
    groups: dict[tuple[int, int], list[EventMention]] = defaultdict(list)
    for m in mentions:
        groups[(m.sentence_start, m.sentence_end)].append(m)
    return [(span, sorted(ms, key=lambda m: m.start)) for span, ms in sorted(groups.items())]


def _clause_end(sentence: str, s_start: int, pos: int, cue_starts: list[int]) -> int:
    """Offset where the clause that begins at ``pos`` ends (comma, dash, semicolon, next cue)."""
    boundary = _BOUNDARY.search(sentence, pos - s_start)
    ends = [s_start + len(sentence)] + [c for c in cue_starts if c > pos]
    if boundary:
        ends.append(s_start + boundary.start())
    return min(ends)


def causal_links(doc: _Doc, event_of: dict[str, str]) -> list[Link]:
    """Links from cue words: causes, or ``before`` where the cue measures time ("a day after")."""
    links = []
    for (s_start, s_end), ms in _by_sentence(doc.mentions):
        sentence = ms[0].sentence
        found = [(name, match, direction) for name, pattern, direction in _CUES
                 for match in pattern.finditer(sentence)]
        cue_starts = sorted(s_start + match.start() for _, match, _ in found)
        for name, match, direction in found:
            c_start, c_end = s_start + match.start(), s_start + match.end()
            clause_end = _clause_end(sentence, s_start, c_end, cue_starts)
            before = [m for m in ms if m.start < c_end]
            after = [m for m in ms if c_end <= m.start < clause_end]
            if direction == "cause-cue-effect":
                pair = (before[-1], after[0]) if before and after else None
            elif before:
                cause = after[0] if after else None
                if cause is None and name in OBJECT_CUES:
                    cause = _cause_by_actor(doc, before[-1], c_end, clause_end, event_of)
                pair = (cause, before[-1]) if cause else None
            else:  # "Following the call with Niinisto, Putin spoke with Macron"
                rest = [m for m in ms if m.start >= clause_end]
                pair = (after[0], rest[0]) if after and rest else None
            if not pair or event_of[pair[0].id] == event_of[pair[1].id]:
                continue
            measured = _MEASURED.search(sentence[:match.start()]) if name in _TEMPORAL_CUES else None
            kind, cue = ("before", f"{measured.group(0).strip()} {name}") if measured else ("causes", name)
            links.append(Link(event_of[pair[0].id], event_of[pair[1].id], kind, cue=cue, doc=ms[0].doc,
                              start=c_start, end=c_end))
    return links


def cross_sentence_links(doc: _Doc, event_of: dict[str, str]) -> list[Link]:
    """A sentence opening with "In response," or "As a result," is caused by the sentence before it."""
    ordered = _by_sentence(doc.mentions)
    links = []
    for (prev_span, prev), ((start, _), current) in itertools.pairwise(ordered):
        if doc.text[prev_span[1]:start].strip():  # a sentence without events lies between
            continue
        sentence = current[0].sentence
        for name, pattern in _SENTENCE_CUES:
            match = pattern.match(sentence)
            if not match:
                continue
            cause = prev[0]
            effects = [m for m in current if m.start >= start + match.end()]
            if effects and event_of[cause.id] != event_of[effects[0].id]:
                links.append(Link(event_of[cause.id], event_of[effects[0].id], "causes", cue=name,
                                  doc=cause.doc, start=start + match.start(), end=start + match.end()))
            break
    return links


def _order(a: Event, b: Event) -> str | None:
    da, db = _date(a), _date(b)
    if not (is_dated(da) and is_dated(db)) or None in (da.earliest, da.latest, db.earliest, db.latest):
        return None
    if da.latest < db.earliest:  # type: ignore[operator]
        return "before"
    if db.latest < da.earliest:  # type: ignore[operator]
        return "after"
    if da.earliest == db.earliest and da.latest == db.latest and da.grain == "day":
        return "same_time"
    return None


def anchor_links(doc: _Doc, event_of: dict[str, str], events: dict[str, Event]) -> list[Link]:
    """Explicit anchors: "a day after Ryabkov warned" orders the warning before the comments."""
    by_id = {m.id: m for m in doc.mentions}
    links = []
    for m in doc.mentions:
        anchor = by_id.get(m.date.anchor_event or "")
        if m.date.source != "event" or anchor is None:
            continue
        src, dst = event_of[m.id], event_of[anchor.id]
        relation = _order(events[src], events[dst])
        if src != dst and relation in ("before", "same_time"):
            links.append(Link(src, dst, relation, cue="anchor", doc=m.doc, start=m.start, end=m.end))
        elif src != dst and relation == "after":
            links.append(Link(dst, src, "before", cue="anchor", doc=m.doc, start=m.start, end=m.end))
    return links


def chain_links(doc_events: Sequence[Event], doc: str) -> list[Link]:
    """Within one article, each date group is before the next one; same-day events share a time."""
    groups: dict[tuple, list[Event]] = defaultdict(list)
    for e in doc_events:
        d = _date(e)
        if is_dated(d) and d.earliest and d.latest:
            groups[(d.earliest, d.latest)].append(e)
    ordered = [sorted(groups[k], key=lambda e: e.id)[:MAX_GROUP] for k in sorted(groups)]
    links = []
    for group in ordered:
        day = group[0].grain == "day"
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if day:
                    links.append(Link(a.id, b.id, "same_time", doc=doc))
    for earlier, later in itertools.pairwise(ordered):
        if earlier[0].latest and later[0].earliest and earlier[0].latest < later[0].earliest:
            for a in earlier:
                for b in later:
                    links.append(Link(a.id, b.id, "before", doc=doc))
    return links


def link_events(analyses: Sequence[DocumentAnalysis], events: Sequence[Event]) -> list[Link]:
    """Every event-to-event link, deduplicated, in a stable order."""
    event_of = {m.id: e.id for e in events for m in e.mentions}
    by_id = {e.id: e for e in events}
    links: list[Link] = []
    for analysis in analyses:
        doc = _Doc(analysis.mentions, analysis.actor_mentions, analysis.article.text)
        links += causal_links(doc, event_of)
        links += cross_sentence_links(doc, event_of)
        links += anchor_links(doc, event_of, by_id)
        doc_events = [by_id[i] for i in dict.fromkeys(event_of[m.id] for m in analysis.mentions)]
        links += chain_links(doc_events, analysis.article.id)
    unique: dict[tuple[str, str, str], Link] = {}
    for link in links:
        key = (link.source, link.target, link.kind)
        if key not in unique or (unique[key].cue is None and link.cue is not None):
            unique[key] = link
    return sorted(unique.values(), key=lambda link: (link.kind, link.source, link.target))
