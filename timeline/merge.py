"""Merge event mentions that denote the same real-world event, within and across articles.

Candidates are blocked by actor and date window (no all-pairs comparison), scored, and
united greedily from the best score down, with cluster-level checks so that a vague
mention ("Putin's calls") never glues two different events (the Niinisto call and the
Macron call) together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeline.dates import gap_days, grain_rank, is_dated, overlaps, sort_key, span_days
from timeline.model import DocumentAnalysis, Event, EventDate, EventMention

# How far apart two day-grain readings may be and still be one event whose outlets disagree.
CONFLICT_WINDOW_DAYS = 3
# Comparisons per mention inside one block, so a very common actor stays near-linear.
MAX_NEIGHBOURS = 60
MIN_SCORE = 1.0
# Wording overlap (Jaccard of content words) that makes two mentions one event without other evidence.
SAME_DOC_TEXT = 0.5
# Predicates too common to show that two mentions in one article tell the same event.
GENERIC_PREDICATES = frozenset({"say", "tell", "add", "state", "comment", "comments", "note", "claim", "statement"})
CROSS_DOC_TEXT = 0.3
# Undated mentions in different articles merge only when the articles appeared this close together.
UNDATED_WINDOW_DAYS = 3

# Types that outlets use for one and the same happening.
TYPE_FAMILY = {
    "statement": "say", "appeal": "say", "comment": "say",
    "meeting": "meet", "call": "meet", "talks": "meet",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_STOP = frozenset(
    "the and that with for from this was were has have had said says will would its his her their "
    "they them over into about after before also which who while been being than then there what".split()
)


def _family(kind: str) -> str:
    return TYPE_FAMILY.get(kind, kind)


# Words outlets use for one another when they report the same thing.
SAME_WORD = {
    "negotiations": "talks", "negotiation": "talks", "negotiate": "talks", "discussions": "talks",
    "discussion": "talks", "talk": "talks",
}


def _words(text: str) -> frozenset[str]:
    words = (w.lower() for w in _WORD.findall(text))
    return frozenset(SAME_WORD.get(w, w) for w in words if w not in _STOP)


def _agents(m: EventMention) -> frozenset[str]:
    return frozenset(a.actor for a in m.actors if a.role == "agent")


def _others(m: EventMention) -> frozenset[str]:
    return frozenset(a.actor for a in m.actors if a.role != "agent")


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(frozen=True)
class _Features:
    mention: EventMention
    agents: frozenset[str]
    others: frozenset[str]
    words: frozenset[str]
    published: dt.date | None = None
    story: str = ""  # the document, or its syndication group: copies of one text count as one article


def _features(m: EventMention, published: dt.date | None = None, story: str | None = None) -> _Features:
    words = _words(m.content or "")
    if len(words) < 3:  # no reported content, or too little to compare: the whole sentence
        words = _words(m.sentence)
    return _Features(m, _agents(m), _others(m), words, published, story or m.doc)


def _undated_score(a: _Features, b: _Features, text: float) -> float:
    """Undated mentions: the same predicate, the same actors, close wording, articles of the same days."""
    ma, mb = a.mention, b.mention
    actors = a.agents | a.others
    # Two or more named actors doing the same thing is distinctive enough without shared wording.
    if ma.predicate != mb.predicate or (text < 0.25 and len(actors) < 2):
        return 0.0
    if a.story != b.story:
        if actors != (b.agents | b.others):
            return 0.0
        if a.published is None or b.published is None:
            return 0.0
        if abs((a.published - b.published).days) > UNDATED_WINDOW_DAYS:
            return 0.0
    return 1.0 + text


def _before_publication(date: EventDate) -> bool:
    """Only "before the article appeared" ("has long accused")."""
    return date.source == "publication" and date.mod == "BEFORE" and date.earliest is None and date.latest is not None


def _distinctive(ma: EventMention, mb: EventMention, gap: int, speech: bool = False) -> bool:
    """The same kind of act by the same agent on the same day: one event (speech only if ``speech``)."""
    return (ma.type == mb.type and (speech or _family(ma.type) != "say")
            and ma.date.grain == mb.date.grain == "day" and gap == 0)


def score(a: _Features, b: _Features) -> float:
    """How likely two mentions are one event; 0 when they cannot be.

    Sharing an agent, a compatible type and a date is necessary, never enough: one agent does many
    things on one day. The mentions must also share the predicate, the other participants, or their
    wording; two mentions in one article must share more, since an article rarely tells one event twice.
    """
    ma, mb = a.mention, b.mention
    if _family(ma.type) != _family(mb.type):
        return 0.0
    if a.agents or b.agents:
        if not (a.agents & b.agents):
            return 0.0
    elif not (a.others and a.others == b.others) and not (a.story == b.story and ma.predicate == mb.predicate):
        return 0.0  # no agent on either side: the same participants, or one story telling one act
    if a.others and b.others and not (a.others & b.others):
        return 0.0
    gap = gap_days(ma.date, mb.date)
    text = _jaccard(a.words, b.words)
    if gap is None:
        return _undated_score(a, b, text) if not (is_dated(ma.date) or is_dated(mb.date)) else 0.0
    if gap > 0 and "publication" in (ma.date.source, mb.date.source) and gap <= CONFLICT_WINDOW_DAYS:
        gap = 0  # a day taken from an article's date says "by then", not "on that day"
    if gap > 0:
        fine = max(grain_rank(ma.date.grain), grain_rank(mb.date.grain)) <= grain_rank("week")
        if not (fine and gap <= CONFLICT_WINDOW_DAYS and text >= 0.35):
            return 0.0
    same_predicate = ma.predicate == mb.predicate
    shared_others = bool(a.others & b.others)
    if a.story == b.story:
        retold = same_predicate and a.others == b.others and (
            text >= SAME_DOC_TEXT / 2 or (ma.predicate not in GENERIC_PREDICATES and _distinctive(ma, mb, gap, True)))
        if not (retold or text >= SAME_DOC_TEXT):
            return 0.0
    elif not ((same_predicate and ma.predicate not in GENERIC_PREDICATES) or shared_others
              or text >= CROSS_DOC_TEXT or _distinctive(ma, mb, gap)):
        return 0.0
    total = 1.0
    total += 0.5 if same_predicate else 0.0
    total += 0.5 * _jaccard(a.agents | a.others, b.agents | b.others)
    total += text
    if gap > 0:
        total -= 0.5
    return total


def _candidate_pairs(feats: Sequence[_Features]) -> Iterable[tuple[int, int]]:
    """Pairs sharing an agent whose dates are within the conflict window (blocked, sorted).

    Mentions without an agent are blocked by their participants, and by story and predicate.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        keys = f.agents or {*f.others, f"story:{f.story}:{f.mention.predicate}"}
        for key in keys:
            blocks[key].append(i)
    seen: set[tuple[int, int]] = set()
    window = dt.timedelta(days=CONFLICT_WINDOW_DAYS)
    for actor in sorted(blocks):
        # Same date, then same kind of act next to each other, so that copies meet within the window.
        members = sorted(blocks[actor], key=lambda i: (sort_key(feats[i].mention.date), feats[i].mention.type,
                                                       feats[i].mention.predicate, feats[i].mention.sentence, i))
        for pos, i in enumerate(members):
            di = feats[i].mention.date
            hi = (di.latest or dt.date.max) if is_dated(di) else None
            for j in members[pos + 1: pos + 1 + MAX_NEIGHBOURS]:
                dj = feats[j].mention.date
                if hi is not None and is_dated(dj) and dj.earliest and hi < dt.date.max - window:
                    if dj.earliest > hi + window:
                        break
                pair = (min(i, j), max(i, j))
                if pair not in seen:
                    seen.add(pair)
                    yield pair


class _Clusters:
    """Union-find with the cluster-level facts the merge checks before uniting."""

    def __init__(self, feats: Sequence[_Features]):
        self.parent = list(range(len(feats)))
        self.others = [f.others for f in feats]
        self.dates = [[f.mention.date] for f in feats]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_unite(self, a: int, b: int) -> bool:
        if self.others[a] and self.others[b] and not (self.others[a] & self.others[b]):
            return False
        for da in self.dates[a]:
            for db in self.dates[b]:
                gap = gap_days(da, db)
                if gap is not None and gap > CONFLICT_WINDOW_DAYS:
                    return False
        return True

    def unite(self, a: int, b: int) -> None:
        ra, rb = sorted((a, b))
        self.parent[rb] = ra
        self.others[ra] = self.others[ra] | self.others[rb]
        self.dates[ra] = self.dates[ra] + self.dates[rb]


def cluster_mentions(mentions: Sequence[EventMention], published: Mapping[str, dt.date | None] | None = None,
                     syndication: Mapping[str, str] | None = None) -> list[list[EventMention]]:
    """Group mentions of the same event; each group in input order, groups by first member.

    ``published`` maps document ids to publication dates (used for undated mentions);
    ``syndication`` maps them to copy groups, whose members are held to one article's standard.
    """
    published, syndication = published or {}, syndication or {}
    feats = [_features(m, published.get(m.doc), syndication.get(m.doc)) for m in mentions]
    scored = []
    for i, j in _candidate_pairs(feats):
        s = score(feats[i], feats[j])
        if s >= MIN_SCORE:
            scored.append((-s, i, j))
    scored.sort()
    clusters = _Clusters(feats)
    for _, i, j in scored:
        ri, rj = clusters.find(i), clusters.find(j)
        if ri != rj and clusters.can_unite(ri, rj):
            clusters.unite(ri, rj)
    groups: dict[int, list[EventMention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[clusters.find(i)].append(m)
    return [groups[k] for k in sorted(groups)]


# --- building Event objects -------------------------------------------------------------

_DATE_SOURCE_RANK = {"timex": 0, "event": 1, "publication": 2, "none": 3}


def _best_date(mentions: Sequence[EventMention]) -> tuple[EventDate, tuple[EventDate, ...]]:
    """The reading most mentions support, finest grain first; readings that disagree are conflicts.

    Only dates the articles state (a date expression or an anchoring event) can disagree. A date
    taken from the publication day alone says "on or before"; with nothing better, the earliest wins.
    """
    dated = [m.date for m in mentions if is_dated(m.date) and m.date.source != "publication"]
    if not dated:
        fallback = [m.date for m in mentions if is_dated(m.date)]
        if any(_before_publication(d) for d in fallback):  # "has long accused" + "has accused" (14th): by the 14th
            latest = min(d.latest for d in fallback if d.latest)
            return EventDate(None, None, latest, None, mod="BEFORE", source="publication"), ()
        return (min(fallback, key=sort_key), ()) if fallback else (mentions[0].date, ())

    def support(d: EventDate) -> int:
        return sum(1 for o in dated if overlaps(d, o))

    best = min(dated, key=lambda d: (-support(d), _DATE_SOURCE_RANK.get(d.source, 9), span_days(d),
                                     sort_key(d)))
    conflicts: list[EventDate] = []
    for d in dated:
        if not overlaps(best, d) and all(not overlaps(d, c) for c in conflicts):
            conflicts.append(d)
    return best, tuple(conflicts)


def _slug(text: str, limit: int = 48) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].rstrip("-") or "event"


def _event_id(date: EventDate, label: str, mentions: Sequence[EventMention]) -> str:
    digest = hashlib.sha1("|".join(sorted(m.id for m in mentions)).encode()).hexdigest()[:6]
    return f"event:{date.value or 'undated'}:{_slug(label)}:{digest}"


def _majority(values: Iterable[str], prefer: str | None = None) -> str:
    counts = Counter(values)
    top = max(counts.values())
    winners = sorted(v for v, c in counts.items() if c == top)
    return prefer if prefer in winners else winners[0]


def _actors(mentions: Sequence[EventMention]) -> tuple[tuple[str, str], ...]:
    roles: dict[str, str] = {}
    rank = {"agent": 0, "patient": 1, "recipient": 2, "participant": 3, "source": 4}
    for m in mentions:
        for a in m.actors:
            if a.actor not in roles or rank.get(a.role, 9) < rank.get(roles[a.actor], 9):
                roles[a.actor] = a.role
    return tuple(sorted(roles.items(), key=lambda kv: (rank.get(kv[1], 9), kv[0])))


def make_event(mentions: Sequence[EventMention], syndication: dict[str, str] | None = None) -> Event:
    mentions = sorted(mentions, key=lambda m: (m.doc, m.start))
    date, conflicts = _best_date(mentions)
    representative = max(
        mentions,
        key=lambda m: (overlaps(m.date, date) or not is_dated(date), len(m.actors), len(m.label), -m.start),
    )
    label = representative.label or representative.predicate
    sources = tuple(dict.fromkeys(m.doc for m in mentions))
    groups = {(syndication or {}).get(doc, doc) for doc in sources}
    return Event(
        id=_event_id(date, label, mentions),
        label=label,
        type=_majority((m.type for m in mentions), prefer=representative.type),
        modality=_majority((m.modality for m in mentions), prefer="asserted"),
        value=date.value,
        earliest=date.earliest,
        latest=date.latest,
        grain=date.grain,
        mod=date.mod,
        mentions=tuple(mentions),
        actors=_actors(mentions),
        sources=sources,
        independent_sources=len(groups),
        conflicts=conflicts,
    )


def merge(analyses: Sequence[DocumentAnalysis], syndication: dict[str, str] | None = None) -> list[Event]:
    """All events of all articles, one per real-world event, in chronological order."""
    mentions = [m for a in analyses for m in a.mentions]
    published = {a.article.id: a.article.published for a in analyses}
    groups = cluster_mentions(mentions, published, syndication)
    events = [make_event(group, syndication) for group in groups]
    events.sort(key=lambda e: (sort_key(EventDate(e.value, e.earliest, e.latest, e.grain)), e.id))
    return events
