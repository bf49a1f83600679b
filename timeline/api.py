"""The library API: ``timeline.build(paths)`` gives the same timeline as ``timeline build`` on the shell.

Stages (each a pure function of frozen dataclasses):

    ingest.load_paths -> timex.resolve -> events.extract -> actors.unify -> merge -> links -> graph
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import networkx as nx

from timeline.model import Actor, Article, DocumentAnalysis, Event, Link, LoadError
from timeline.outputs import FIGURE_FORMATS  # re-exported: the CLI checks --format against it

log = logging.getLogger("timeline")  # stage messages at INFO; the CLI shows them at a terminal
DEFAULT_FORMATS = ("png", "svg", "json")
MAX_DRAWN = 300  # a figure shows at most this many events (the most reported); the graph keeps all


def analyse(article: Article) -> DocumentAnalysis:
    """The per-article stages: dates, then events and actors."""
    from timeline.events import extract
    from timeline.timex import resolve

    timexes = resolve(article)
    analysis = extract(article, timexes)
    return replace(analysis, article=article, timexes=tuple(timexes))


@contextlib.contextmanager
def _opened(cache) -> Iterator:
    """The store for ``cache``: None, a path (opened here and closed after) or an open Store."""
    if cache is None or not isinstance(cache, (str, Path)):
        yield cache
        return
    from timeline.store import Store

    with Store(cache) as store:
        yield store


def analyse_all(articles: Sequence[Article], workers: int = 1, cache=None,
                engine: str = "local", scheduler: str | None = None) -> list[DocumentAnalysis]:
    """Analyse every article, in input order.

    ``workers > 1`` uses that many local processes, ``engine="dask"`` a Dask cluster at ``scheduler``
    (timeline.engine); the output is the same as a serial run. ``cache`` is the path of a store
    (timeline.store), or an open one, from which unchanged articles are taken instead of being
    analysed again.
    """
    from timeline.engine import run

    with _opened(cache) as store:
        if store is None:
            log.info("analysing %d articles (%s)", len(articles), _where(engine, workers))
            return run(analyse, list(articles), engine=engine, workers=workers, scheduler=scheduler)
        found = store.get_many(articles)
        todo = [a for a in articles if a.id not in found]
        log.info("analysing %d articles (%s); %d from the store", len(todo), _where(engine, workers), len(found))
        fresh = run(analyse, todo, engine=engine, workers=workers, scheduler=scheduler)
        store.put_many(fresh)
    found.update((a.article.id, a) for a in fresh)
    # a stored analysis may come from the same text at another path: it gets this article
    return [x if (x := found[a.id]).article is a else replace(x, article=a) for a in articles]


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@dataclass(frozen=True)
class Timeline:
    """Events, actors and links from a set of articles, with the graph, filters and exports."""

    events: tuple[Event, ...]
    actors: Mapping[str, Actor]
    links: tuple[Link, ...]
    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...] = ()
    analyses: tuple[DocumentAnalysis, ...] = field(default=(), repr=False)
    title: str = "timeline"
    # What this timeline was built from (inputs, code version and filters); None when unknown.
    # Saving with ``reuse`` keeps output files already written for the same key.
    key: str | None = field(default=None, repr=False, compare=False)

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        from timeline.graph import build_graph

        return build_graph(self.events, self.actors, self.links, self.articles, title=self.title)

    # --- queries ---------------------------------------------------------------------------

    def find_actor(self, query: str) -> str | None:
        """The id of the actor named ``query`` (id, name or alias; close spellings accepted)."""
        from rapidfuzz import fuzz, process, utils

        wanted = query.strip().casefold()
        names: dict[str, str] = {}
        for actor in self.actors.values():
            for name in (actor.id, actor.name, *actor.aliases):
                names.setdefault(name.casefold(), actor.id)
        if wanted in names:
            return names[wanted]
        best = process.extractOne(wanted, list(names), scorer=fuzz.WRatio, processor=utils.default_process,
                                  score_cutoff=88)
        return names[best[0]] if best else None

    def filter(
        self,
        actor: str | Iterable[str] | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        min_sources: int | None = None,
        type: str | Iterable[str] | None = None,
        modality: str | Iterable[str] | None = None,
    ) -> Timeline:
        """A new timeline with only the events that match every given condition."""
        since, until = _as_date(since), _as_date(until)
        actor_ids: set[str] | None = None
        if actor is not None:
            queries = [actor] if isinstance(actor, str) else list(actor)
            actor_ids = {found for q in queries if (found := self.find_actor(q))}
        types = {type} if isinstance(type, str) else (set(type) if type else None)
        modalities = {modality} if isinstance(modality, str) else (set(modality) if modality else None)

        def keep(e: Event) -> bool:
            if actor_ids is not None and not actor_ids & {a for a, _ in e.actors}:
                return False
            if since and (e.latest is None or e.latest < since):
                return False
            if until and (e.earliest is None or e.earliest > until):
                return False
            if min_sources and len(e.sources) < min_sources:
                return False
            if types and e.type not in types:
                return False
            return not (modalities and e.modality not in modalities)

        events = tuple(e for e in self.events if keep(e))
        kept = {e.id for e in events}
        links = tuple(link for link in self.links if link.source in kept and link.target in kept)
        used = {a for e in events for a, _ in e.actors}
        actors = {k: v for k, v in self.actors.items() if k in used}
        key = None
        if self.key is not None:
            wanted = (sorted(actor_ids) if actor_ids is not None else None, since, until, min_sources,
                      sorted(types) if types else None, sorted(modalities) if modalities else None)
            key = hashlib.sha256(repr((self.key, wanted)).encode()).hexdigest()
        return replace(self, events=events, links=links, actors=actors, key=key)

    # --- outputs ---------------------------------------------------------------------------

    def to_dict(self) -> dict:
        from timeline.export import node_link

        return node_link(self.graph)

    def to_json(self) -> str:
        from timeline.export import to_json

        return to_json(self.graph)

    def render(self, ax=None, **options):
        """Draw the timeline figure (into ``ax`` when given); returns the matplotlib Figure."""
        from timeline.render import draw_timeline

        return draw_timeline(self.drawn_events(), ax=ax, **self._figure_options(options))

    def drawn_events(self, limit: int = MAX_DRAWN) -> tuple[Event, ...]:
        """The events a figure shows: all of them, or the ``limit`` most reported, in time order."""
        if len(self.events) <= limit:
            return self.events
        ranked = sorted(self.events, key=lambda e: (-e.independent_sources, -len(e.sources),
                                                    e.earliest is None, e.id))
        keep = {e.id for e in ranked[:limit]}
        return tuple(e for e in self.events if e.id in keep)

    def _figure_options(self, options: dict) -> dict:
        drawn = self.drawn_events()
        docs = {d for e in drawn for d in e.sources}
        sources = [(a.id, a.source or a.title or a.id) for a in self.articles if a.id in docs]
        title = self.title
        if len(drawn) < len(self.events):
            title += f" ({len(drawn)} of {len(self.events)} events: the most reported)"
        ids = {e.id for e in drawn}
        links = tuple(link for link in self.links if link.source in ids and link.target in ids)
        return {"actors": self.actors, "links": links, "title": title, "sources": sources, **options}

    def svg(self, **options) -> str:
        from timeline.render import svg_string

        return svg_string(self.drawn_events(), **self._figure_options(options))

    def html(self, **options) -> str:
        from timeline.render import html_report

        documents = [{"id": a.id, "title": a.title, "published": a.published.isoformat() if a.published else None,
                      "source": a.source, "path": a.path} for a in self.articles]
        return html_report(self.events, self.actors, self.links, title=self.title, documents=documents,
                           svg=self.svg(**options))

    def _repr_svg_(self) -> str:
        return self.svg()

    def _repr_html_(self) -> str:
        return self.html()

    def save(self, out_dir: str | Path = "output", formats: Sequence[str] = DEFAULT_FORMATS, dpi: int = 150,
             reuse: bool = False, **options) -> list[Path]:
        """Write the requested formats (png, svg, html, network, json, graphml, gexf, cyjs, csv).

        ``reuse``: keep a file written earlier for this same timeline and options (timeline.outputs).
        """
        from timeline.outputs import save_outputs

        return save_outputs(self, out_dir, formats, dpi=dpi, reuse=reuse, **options).paths

    def __len__(self) -> int:
        return len(self.events)


_LEFTOVER = re.compile(r"^\.(?:(?:timeline|network|report)\.[a-z]+|\.timeline-outputs\.json)\.[0-9a-f]{32}\.tmp$")


def sweep_leftovers(out: Path) -> None:
    """Remove temporary files that a killed run left behind (only ours: timeline.atomic's names)."""
    if out.is_dir():
        for path in out.iterdir():
            if _LEFTOVER.match(path.name):
                path.unlink(missing_ok=True)


def from_articles(articles: Sequence[Article], errors: Sequence[LoadError] = (), workers: int = 1,
                  title: str | None = None, cache=None, engine: str = "local",
                  scheduler: str | None = None) -> Timeline:
    """Build a timeline from articles already loaded (options as in :func:`analyse_all`).

    With a store, the merged result of the same articles under the same code is taken from it.
    """
    from timeline.store import build_key

    articles = tuple(articles)
    with _opened(cache) as store:
        key = build_key(articles) if store is not None else None
        built = store.get_build(key) if store is not None else None
        if built is not None:
            log.info("merged events of the same %d articles taken from the store", len(articles))
            events, actors, links, stored = built
            analyses = [replace(x, article=a) for x, a in zip(stored, articles, strict=True)]
        else:
            analyses, actors, events, links = _combine(articles, analyse_all(
                articles, workers=workers, cache=store, engine=engine, scheduler=scheduler))
            if store is not None:
                store.put_build(key, (events, actors, links, tuple(replace(x, article=None) for x in analyses)))
    return Timeline(
        events=events, actors=actors, links=links, articles=articles, errors=tuple(errors),
        analyses=tuple(analyses), title=title or _default_title(articles), key=key,
    )


def _where(engine: str, workers: int) -> str:
    return "on Dask" if engine == "dask" else f"{workers} processes" if workers > 1 else "in this process"


def _combine(articles: Sequence[Article], analysed: list[DocumentAnalysis]):
    """The stages across articles: one actor per entity, events merged, links between them."""
    from timeline.actors import unify
    from timeline.links import link_events
    from timeline.merge import merge
    from timeline.syndication import syndication_groups

    log.info("merging %d event mentions", sum(len(a.mentions) for a in analysed))
    analyses, actors = unify(analysed)
    events = merge(analyses, syndication=syndication_groups(articles))
    links = link_events(analyses, events)
    return analyses, dict(actors), tuple(events), tuple(links)


def _default_title(articles: Sequence[Article]) -> str:
    dates = sorted(a.published for a in articles if a.published)
    span = f", {dates[0].isoformat()} to {dates[-1].isoformat()}" if dates else ""
    return f"Timeline of {len(articles)} article{'s' if len(articles) != 1 else ''}{span}"


def load(paths: Sequence[str | Path], published: dt.date | None = None, max_bytes: int | None = None, store=None):
    """``timeline.ingest.load_paths`` with the store's memo of unchanged files, written back after."""
    from timeline.ingest import load_paths

    log.info("loading %s", ", ".join(str(p) for p in paths))
    loaded = load_paths(paths, published=published, max_bytes=max_bytes, memo=store)
    if store is not None:
        store.flush()
    return loaded


def build(paths: str | Path | Iterable[str | Path], *, published: dt.date | str | None = None, workers: int = 1,
          title: str | None = None, cache=None, engine: str = "local",
          scheduler: str | None = None) -> Timeline:
    """Load files or folders and build their timeline. Unusable files are listed in ``.errors``.

    ``cache``: path of a store (see timeline.store), or an open one, that keeps loaded files,
    per-article results and merged builds; None loads and analyses everything.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    with _opened(cache) as store:
        loaded = load(list(paths), published=_as_date(published), store=store)
        return from_articles(loaded.articles, loaded.errors, workers=workers, title=title, cache=store,
                             engine=engine, scheduler=scheduler)
