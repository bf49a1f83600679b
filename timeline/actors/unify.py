"""Cross-article unification: one Actor per real entity, whatever each article called it.

Each article's actors already carry canonical names (countries through metonymy and aliases,
public figures through the table).  Across articles, people are merged when their surnames match
closely (rapidfuzz ratio >= 85 on accent-folded text: Niinisto = Niinistö = Niinsto) and their first
names, when both are written, do too (Sergey = Sergei); other actors merge on their canonical name.
The canonical name of a merged person is the table's, else the form most articles use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from timeline.actors.gazetteer import actor_id, fold
from timeline.actors.names import match_known
from timeline.model import Actor, ActorMention, DocumentAnalysis, EventMention

SURNAME_MIN = 85
FIRST_NAME_MIN = 75


def _same_person(a: str, b: str) -> bool:
    return _same_folded(fold(a).split(), fold(b).split())


def _same_folded(pa: list[str], pb: list[str]) -> bool:
    if not pa or not pb or fuzz.ratio(pa[-1], pb[-1]) < SURNAME_MIN:
        return False
    if len(pa) > 1 and len(pb) > 1:
        return fuzz.ratio(pa[0], pb[0]) >= FIRST_NAME_MIN
    return True


def _compatible(a: Actor, b: Actor) -> bool:
    return a.affiliation is None or b.affiliation is None or a.affiliation == b.affiliation


def _clusters(actors: list[Actor]) -> list[list[Actor]]:
    """People by close names, every other actor by id.

    A person is compared only with clusters whose surname shares its first letter or its last two
    ("Hubarak" still meets "Mubarak", "al-Bashir" meets "Bashir"), so the cost grows with the corpus,
    not with its square."""
    clusters: list[list[Actor]] = []
    clusters_index: dict[int, int] = {}  # id(cluster) -> creation order, to try clusters in that order
    by_id: dict[tuple[str, str], list[Actor]] = {}
    blocks: dict[str, list[tuple[list[str], list[Actor]]]] = defaultdict(list)
    for actor in sorted(actors, key=lambda a: (-len(a.name.split()), a.id)):
        if actor.category != "person":
            key = (actor.category, actor.id)
            if key in by_id:
                by_id[key].append(actor)
            else:
                by_id[key] = [actor]
                clusters.append(by_id[key])
            continue
        parts = fold(actor.name).split()
        surname = parts[-1] if parts else ""
        keys = ("^" + surname[:1], surname[-2:] + "$")
        candidates: dict[int, tuple[int, list[str], list[Actor]]] = {}
        for key in keys:
            for head, c in blocks[key]:
                candidates.setdefault(id(c), (clusters_index[id(c)], head, c))
        for _, head, cluster in sorted(candidates.values(), key=lambda t: t[0]):
            if _same_folded(head, parts) and all(_compatible(c, actor) for c in cluster):
                cluster.append(actor)
                break
        else:
            cluster = [actor]
            clusters_index[id(cluster)] = len(clusters)
            clusters.append(cluster)
            for key in keys:
                blocks[key].append((parts, cluster))
    return clusters


def _canonical(cluster: list[Actor], votes: Counter) -> str:
    if cluster[0].category == "person":
        for actor in cluster:
            known = match_known(actor.name)
            if known:
                return known
    names = sorted({a.name for a in cluster}, key=lambda n: (-votes[n], -len(n.split()), n))
    return names[0]


def _merge(cluster: list[Actor], votes: Counter) -> Actor:
    name = _canonical(cluster, votes)
    aliases = sorted({alias for a in cluster for alias in (*a.aliases, a.name)})
    return Actor(
        id=actor_id(name),
        name=name,
        category=cluster[0].category,
        affiliation=next((a.affiliation for a in cluster if a.affiliation), None),
        aliases=tuple(aliases),
        title=next((a.title for a in cluster if a.title), None),
    )


def _remap_mention(m: ActorMention, mapping: dict[str, str]) -> ActorMention:
    return replace(m, actor=mapping.get(m.actor, m.actor))


def _remap_event(ev: EventMention, mapping: dict[str, str]) -> EventMention:
    return replace(ev, actors=tuple(_remap_mention(m, mapping) for m in ev.actors))


def unify(analyses: Sequence[DocumentAnalysis]) -> tuple[list[DocumentAnalysis], dict[str, Actor]]:
    """Analyses with actor ids remapped to one id per real entity, and the actor table by id."""
    seen: dict[str, list[Actor]] = {}
    votes: Counter = Counter()
    for analysis in analyses:
        for actor in analysis.actors:
            seen.setdefault(actor.id, []).append(actor)
            votes[actor.name] += 1
    representatives = [_merge_same_id(group) for group in seen.values()]
    mapping: dict[str, str] = {}
    table: dict[str, Actor] = {}
    for cluster in _clusters(representatives):
        merged = _merge(cluster, votes)
        if merged.id in table:  # two clusters settling on one name: keep one actor
            old = table[merged.id]
            merged = replace(old, aliases=tuple(sorted(set(old.aliases) | set(merged.aliases))))
        table[merged.id] = merged
        for actor in cluster:
            mapping[actor.id] = merged.id
    for actor_id_, actor in list(table.items()):
        if actor.affiliation:
            table[actor_id_] = replace(actor, affiliation=mapping.get(actor.affiliation, actor.affiliation))
    out = []
    for analysis in analyses:
        ids = sorted({mapping.get(a.id, a.id) for a in analysis.actors})
        out.append(
            replace(
                analysis,
                mentions=tuple(_remap_event(ev, mapping) for ev in analysis.mentions),
                actor_mentions=tuple(_remap_mention(m, mapping) for m in analysis.actor_mentions),
                actors=tuple(table[i] for i in ids if i in table),
            )
        )
    return out, dict(sorted(table.items()))


def _merge_same_id(group: list[Actor]) -> Actor:
    first = group[0]
    return replace(
        first,
        aliases=tuple(sorted({alias for a in group for alias in a.aliases})),
        affiliation=next((a.affiliation for a in group if a.affiliation), None),
        title=next((a.title for a in group if a.title), None),
    )
