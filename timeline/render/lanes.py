"""Which lane each event goes in, which events share a mark, and which row each mark takes.

Lanes are the top actors by number of events (or the event types), the rest in "Other".
A *mark* is what gets one place on the figure: an event, or several events of one lane on
the same day collapsed into a stack. Rows keep marks of one lane from covering each other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from timeline.model import Actor, Event

OTHER = "Other"
UNDATED = "undated"
# Which of an event's actors decides its lane, best first.
ROLE_ORDER = ("agent", "source", "participant", "recipient", "patient")


def date_interval(earliest, latest) -> tuple[float, float] | None:
    """Days ``[start, end)`` as ordinals for an (earliest, latest) pair; open sides become one day."""
    if earliest is None and latest is None:
        return None
    first = (earliest or latest).toordinal()
    last = (latest or earliest).toordinal()
    return float(min(first, last)), float(max(first, last) + 1)


def event_interval(event: Event) -> tuple[float, float] | None:
    return date_interval(event.earliest, event.latest)


def is_point(interval: tuple[float, float] | None) -> bool:
    return interval is None or interval[1] - interval[0] <= 1


def actor_name(actor_id: str, actors: Mapping[str, Actor] | None) -> str:
    """The display name of an actor id, from the actor table or from the id itself."""
    if actors and actor_id in actors:
        return actors[actor_id].name
    tail = actor_id.split(":", 1)[-1]
    return tail.replace("-", " ").replace("_", " ").title()


def _actor_ids(event: Event) -> list[str]:
    rank = {r: i for i, r in enumerate(ROLE_ORDER)}
    ordered = sorted(enumerate(event.actors), key=lambda p: (rank.get(p[1][1], len(ROLE_ORDER)), p[0]))
    seen: list[str] = []
    for _, (aid, _) in ordered:
        if aid not in seen:
            seen.append(aid)
    return seen


@dataclass(frozen=True)
class Lanes:
    titles: tuple[str, ...]
    of: Mapping[str, int]  # event id -> lane index


def assign_lanes(
    events: Sequence[Event], actors: Mapping[str, Actor] | None = None, by: str = "actor", max_lanes: int = 6
) -> Lanes:
    """Put each event in one lane: its first-ranked actor among the top ``max_lanes`` (or its type)."""
    if by not in ("actor", "type"):
        raise ValueError(f"lanes must be 'actor' or 'type', not {by!r}")
    keys_of = {e.id: (_actor_ids(e) if by == "actor" else [e.type or OTHER]) for e in events}
    counts = Counter(k for keys in keys_of.values() for k in keys)
    names = {k: (actor_name(k, actors) if by == "actor" else k) for k in counts}
    ranking = [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]]))]
    dropped: set[str] = set()
    while True:  # an actor whose events all went to busier lanes gives its lane to the next one
        top = [k for k in ranking if k not in dropped][: max(0, max_lanes)]
        index = {k: i for i, k in enumerate(top)}
        of: dict[str, int] = {}
        need_other = False
        for e in events:
            lane = next((index[k] for k in keys_of[e.id] if k in index), None)
            if lane is None:
                need_other = True
                lane = len(top)
            of[e.id] = lane
        empty = {k for k, i in index.items() if i not in set(of.values())}
        if not empty:
            break
        dropped |= empty
    titles = [names[k] if by == "actor" else k.capitalize() for k in top]
    if need_other:
        titles.append(OTHER)
    return Lanes(tuple(titles), of)


@dataclass(frozen=True)
class Mark:
    """One place on the figure: an event, or a same-day stack of events in one lane."""

    events: tuple[Event, ...]
    lane: int
    interval: tuple[float, float] | None  # None: undated

    @property
    def point(self) -> bool:
        return is_point(self.interval)

    @property
    def key(self) -> str:
        return self.events[0].id


def _priority(e: Event) -> tuple:
    return (-len(e.sources), e.label or e.id, e.id)


def make_marks(events: Sequence[Event], lanes: Lanes, collapse_same_day: bool = True) -> list[Mark]:
    """Marks in time order; same-lane same-day point events share one mark when collapsing."""
    marks: list[Mark] = []
    groups: dict[tuple, list[Event]] = {}
    for e in events:
        interval = event_interval(e)
        if collapse_same_day and is_point(interval):
            groups.setdefault((lanes.of[e.id], interval), []).append(e)
        else:
            marks.append(Mark((e,), lanes.of[e.id], interval))
    for (lane, interval), members in groups.items():
        marks.append(Mark(tuple(sorted(members, key=_priority)), lane, interval))
    return sorted(marks, key=lambda m: (m.interval is None, m.interval or (0, 0), m.lane, m.key))


def pack_rows(extents: Sequence[tuple[float, float, int]], pad: float = 0.0) -> list[int]:
    """First-fit rows for ``(x0, x1, height in rows)`` items given in x order; returns each item's first row.

    An item of height ``k`` takes rows ``r .. r+k-1``, all of which must be free at its x.
    """
    right: list[float] = []  # right edge of the last item in each row
    out: list[int] = []
    for x0, x1, k in extents:
        r = 0
        while any(r + j < len(right) and right[r + j] + pad > x0 for j in range(k)):
            r += 1
        while len(right) < r + k:
            right.append(float("-inf"))
        for j in range(k):
            right[r + j] = x1
        out.append(r)
    return out
