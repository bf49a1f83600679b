"""The ``timeline`` command: a thin layer over the library API (timeline.api, ingest, timex, events)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from timeline.model import LoadError

app = typer.Typer(
    help="Turn a pile of news articles into a dated, sourced timeline of events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Paths = Annotated[list[Path], typer.Argument(help="Article files or folders (searched recursively).",
                                             show_default=False)]
Published = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for articles whose own date is unknown."),
]
Strict = Annotated[bool, typer.Option("--strict", help="Exit non-zero when any file could not be used.")]
MaxFileSize = Annotated[
    float | None,
    typer.Option("--max-file-size", help="Largest file to read, in MB [default: 8 for text, HTML and TimeML; "
                 "256 for JSON and JSONL].", show_default=False),
]


class DatesFormat(str, Enum):
    table = "table"
    json = "json"
    timeml = "timeml"


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Lanes(str, Enum):
    actor = "actor"
    type = "type"


def _published(value: str | None, option: str = "--published") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint=option)


def _load(paths: list[Path], published: str | None, max_file_size: float | None = None, store=None):
    from timeline.api import load

    max_bytes = int(max_file_size * 2**20) if max_file_size else None
    return load(paths, published=_published(published), max_bytes=max_bytes, store=store)


def _report_errors(errors: tuple[LoadError, ...] | list[LoadError]) -> None:
    for error in errors:
        typer.echo(f"error: {error}", err=True)


def _output_folder(output: Path) -> None:
    """Make the output folder, or stop with one line saying why it cannot be."""
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        typer.echo(f"error: {output}: cannot write the outputs here ({exc.strerror or exc})", err=True)
        raise typer.Exit(1)


@contextlib.contextmanager
def _interruptible():
    """Ctrl-C raises as usual and is also remembered: Python drops a KeyboardInterrupt that lands
    in an object's finalizer, so the build checks the flag again before it writes anything."""
    hit = {"sigint": False}

    def handler(signum, frame):
        hit["sigint"] = True
        raise KeyboardInterrupt

    try:
        old = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield hit
        return
    try:
        yield hit
    finally:
        signal.signal(signal.SIGINT, old)


def _finish(processed: int, errors, strict: bool) -> None:
    """Exit code: 1 when nothing could be processed, or with --strict when anything failed."""
    if processed == 0:
        typer.echo("error: no article could be processed", err=True)
        raise typer.Exit(1)
    if strict and errors:
        raise typer.Exit(1)


@app.command()
def build(
    paths: Paths,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the outputs.")] = Path("output"),
    format: Annotated[str, typer.Option(
        "--format", "-f",
        help="Comma-separated outputs: png,svg,json,html,network,graphml,gexf,cyjs,csv.")] = "png,svg,json",
    actor: Annotated[list[str] | None, typer.Option("--actor", help="Keep events with this actor (repeatable).")]
    = None,
    since: Annotated[str | None, typer.Option("--since", help="Keep events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Keep events on or before YYYY-MM-DD.")] = None,
    min_sources: Annotated[int, typer.Option("--min-sources", help="Keep events reported by at least N articles.")]
    = 1,
    event_type: Annotated[list[str] | None, typer.Option(
        "--type", help="Keep events of this type: meeting, statement, warning, ... (repeatable).")] = None,
    modality: Annotated[list[str] | None, typer.Option(
        "--modality", help="Keep events of this modality: asserted, planned, conditional, denied.")] = None,
    lanes: Annotated[Lanes, typer.Option("--lanes", help="One lane per actor or per event type.")] = Lanes.actor,
    max_lanes: Annotated[int, typer.Option("--max-lanes", help="Lanes for the top actors or types; the rest "
                                           "share an 'Other' lane.")] = 6,
    collapse: Annotated[bool, typer.Option("--collapse/--no-collapse",
                                           help="Stack a lane's same-day events into one group.")] = True,
    dpi: Annotated[int, typer.Option("--dpi", help="Resolution of the PNG.")] = 150,
    title: Annotated[str | None, typer.Option("--title", help="Title of the figure.")] = None,
    workers: Annotated[int, typer.Option("--workers", help="Processes for the per-article stages.")] = 1,
    engine: Annotated[Engine, typer.Option("--engine", help="local processes, or a Dask cluster.")]
    = Engine.local,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (--engine dask).")]
    = None,
    cache: Annotated[Path | None, typer.Option(
        "--cache", help="Store of earlier results: loaded files, per-article analyses, merged builds "
        "[default: OUTPUT/.timeline-cache.sqlite].")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache",
                                           help="Load, analyse and draw everything again; use no store.")]
    = False,
    published: Published = None,
    strict: Strict = False,
    max_file_size: MaxFileSize = None,
) -> None:
    """Build the timeline: a PNG and SVG figure and the graph as JSON in the output folder.

    Example: timeline build seeds/ -o output --format png,svg,json,html --min-sources 2
    """
    from timeline.api import FIGURE_FORMATS, from_articles
    from timeline.export import FORMATS
    from timeline.outputs import save_outputs

    since_day, until_day = _published(since, "--since"), _published(until, "--until")
    formats = tuple(f.strip() for f in format.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS + FIGURE_FORMATS]
    if unknown or not formats:
        typer.echo(f"error: --format: unknown format(s) {', '.join(unknown) or '(none given)'}; choose from "
                   f"{', '.join(FIGURE_FORMATS + FORMATS)}", err=True)
        raise typer.Exit(1)
    _output_folder(output)
    _show_progress()
    store = None if no_cache else _usable_store(cache or output / ".timeline-cache.sqlite")
    with contextlib.closing(store) if store is not None else contextlib.nullcontext():
        loaded = _load(paths, published, max_file_size, store)
        _report_errors(loaded.errors)
        _finish(len(loaded.articles), loaded.errors, strict)
        with _interruptible() as interrupted:
            tl = from_articles(loaded.articles, loaded.errors, workers=workers, title=title, cache=store,
                               engine=engine.value, scheduler=scheduler)
            if interrupted["sigint"]:
                raise KeyboardInterrupt
        if store is not None:
            typer.echo(f"store {store.path}: {store.summary()}")
    tl = tl.filter(actor=actor or None, since=since_day, until=until_day, min_sources=min_sources,
                   type=event_type or None, modality=modality or None)
    try:
        saved = save_outputs(tl, output, formats, reuse=True, dpi=dpi, lanes=lanes.value, max_lanes=max_lanes,
                             collapse_same_day=collapse)
    except OSError as exc:
        typer.echo(f"error: {output}: cannot write the outputs here ({exc.strerror or exc})", err=True)
        raise typer.Exit(1)
    typer.echo(f"{len(loaded.articles)} articles, {len(tl.events)} events, {len(tl.actors)} actors")
    for path in saved.written:
        typer.echo(f"wrote {path}")
    for path in saved.kept:
        typer.echo(f"kept {path} (unchanged since the last build)")


class _Elapsed(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"[{record.relativeCreated / 1000:6.1f} s] {super().format(record)}"


def _show_progress() -> None:
    """At a terminal, the library's stage messages go to standard error with the time since start."""
    if not sys.stderr.isatty():
        return
    logger = logging.getLogger("timeline")
    if not any(getattr(h, "_timeline_progress", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_Elapsed("%(message)s"))
        handler._timeline_progress = True
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _usable_store(path: Path):
    """The open store when it can be opened; otherwise a warning, and the build goes on without it."""
    import sqlite3

    from timeline.store import Store

    try:
        return Store(path)
    except (OSError, sqlite3.Error) as exc:
        typer.echo(f"warning: {path}: cannot use the store ({exc}); analysing every article", err=True)
        return None


def _one_line(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _timex_table(documents) -> str:
    lines = []
    header = (f"  {'offset':>6}  {'expression':<38}  {'type':<8} {'value':<16} {'grain':<7} {'mod':<11} "
              f"{'earliest..latest':<23} {'anchor':<11} rule")
    for article, timexes in documents:
        published = article.published.isoformat() if article.published else "unknown"
        lines.append(f"{article.id}  published {published} ({article.published_from})  "
                     f"{_one_line(article.title or '', 80)}")
        lines.append(header)
        for t in timexes:
            span = f"{t.earliest or ''}..{t.latest or ''}" if (t.earliest or t.latest) else ""
            value = t.value or (f"- ({t.reason})" if t.reason else "-")
            lines.append(f"  {t.start:>6}  {_one_line(t.text, 38):<38}  {t.type:<8} {value:<16} "
                         f"{t.grain or '':<7} {t.mod or '':<11} {span:<23} {t.anchor:<11} {t.rule}")
        if not timexes:
            lines.append("  (no temporal expressions)")
        lines.append("")
    return "\n".join(lines)


def dates_document(article, timexes) -> dict:
    """One document of ``timeline dates --format json`` (CONTRACT.md)."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_from": article.published_from,
        "timexes": [t.to_dict() for t in timexes],
    }


@app.command()
def dates(
    paths: Paths,
    format: Annotated[DatesFormat, typer.Option("--format", "-f", help="table, json or timeml.")]
    = DatesFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Folder for --format timeml.")] = None,
    published: Published = None,
    strict: Strict = False,
    max_file_size: MaxFileSize = None,
) -> None:
    """List the temporal expressions found in each article, resolved against its publication date.

    Example: timeline dates seeds/ --format json
    """
    from timeline.atomic import write_text_atomic
    from timeline.timex import resolve

    folder = output or Path("output") / "timeml"
    if format is DatesFormat.timeml:
        _output_folder(folder)
    loaded = _load(paths, published, max_file_size)
    _report_errors(loaded.errors)
    _finish(len(loaded.articles), loaded.errors, strict)
    documents = [(a, resolve(a)) for a in loaded.articles]
    if format is DatesFormat.timeml:
        from timeline.timeml import write_timeml

        for article, timexes in documents:
            write_text_atomic(folder / f"{article.id}.tml", write_timeml(article, timexes))
        typer.echo(f"wrote {len(documents)} TimeML files to {folder}")
    elif format is DatesFormat.json:
        payload = {"documents": [dates_document(a, t) for a, t in documents],
                   "errors": [{"path": e.path, "problem": e.problem} for e in loaded.errors]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        typer.echo(_timex_table(documents))


def _mention_dict(m, actors) -> dict:
    return {
        "id": m.id, "doc": m.doc, "start": m.start, "end": m.end, "predicate": m.predicate, "type": m.type,
        "modality": m.modality, "label": m.label,
        "date": {"value": m.date.value, "earliest": m.date.earliest.isoformat() if m.date.earliest else None,
                 "latest": m.date.latest.isoformat() if m.date.latest else None, "grain": m.date.grain,
                 "mod": m.date.mod, "source": m.date.source, "anchor_event": m.date.anchor_event},
        "actors": [{"actor": a.actor, "name": actors[a.actor].name if a.actor in actors else a.text,
                    "role": a.role, "text": a.text, "start": a.start, "end": a.end} for a in m.actors],
        "sentence": m.sentence, "sentence_start": m.sentence_start, "sentence_end": m.sentence_end,
        "content": m.content,
    }


@app.command()
def events(
    paths: Paths,
    format: Annotated[EventsFormat, typer.Option("--format", "-f", help="table, json or csv.")]
    = EventsFormat.table,
    published: Published = None,
    strict: Strict = False,
    max_file_size: MaxFileSize = None,
) -> None:
    """List the event mentions found in each article: actors, date, modality, type and sentence.

    Example: timeline events seeds/004_c9e6ca7e77c2894c.txt --format json
    """
    from timeline.actors import unify
    from timeline.api import analyse_all

    loaded = _load(paths, published, max_file_size)
    _report_errors(loaded.errors)
    _finish(len(loaded.articles), loaded.errors, strict)
    analyses, actors = unify(analyse_all(loaded.articles))
    rows = [_mention_dict(m, actors) for a in analyses for m in a.mentions]
    if format is EventsFormat.json:
        typer.echo(json.dumps({"mentions": rows}, ensure_ascii=False, indent=1))
    elif format is EventsFormat.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["doc", "start", "end", "date", "earliest", "latest", "date_source", "type", "modality",
                         "label", "actors", "sentence"])
        for r in rows:
            writer.writerow([r["doc"], r["start"], r["end"], r["date"]["value"], r["date"]["earliest"],
                             r["date"]["latest"], r["date"]["source"], r["type"], r["modality"], r["label"],
                             "; ".join(f"{a['name']} ({a['role']})" for a in r["actors"]),
                             " ".join(r["sentence"].split())])
    else:
        typer.echo(f"{'document':<12} {'date':<12} {'dated by':<11} {'type':<11} {'modality':<11} "
                   f"{'event':<60} actors (role)")
        for r in rows:
            who = ", ".join(f"{a['name']} ({a['role']})" for a in r["actors"])
            d = r["date"]
            when = d["value"] or (f"≤{d['latest']}" if d["latest"] else f"≥{d['earliest']}" if d["earliest"] else "-")
            typer.echo(f"{r['doc'][:12]:<12} {when:<12} {d['source']:<11} {r['type']:<11} {r['modality']:<11} "
                       f"{_one_line(r['label'], 60):<60} {who}")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Folder (or file) of gold TimeML.")],
    system: Annotated[Path, typer.Argument(help="Folder (or file) of system TimeML, same file names.")],
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Score system TIMEX3 annotations against gold ones (TempEval-3 Task A figures).

    Example: timeline eval ../shared/data/tbaq/TimeBank output/timeml
    """
    from timeline.timex.evaluate import evaluate as run

    def files(p: Path) -> list[Path]:
        if p.is_dir():
            return sorted(f for f in p.rglob("*") if f.is_file() and (".tml" in f.name or f.suffix == ".TE3input"))
        return [p]

    for p in (gold, system):
        if not p.exists():
            typer.echo(f"error: {p}: no such file or folder", err=True)
            raise typer.Exit(1)
    result = run(files(gold), files(system))
    typer.echo(json.dumps(result.as_dict(), indent=1) if format == "json" else result.table())


def main() -> None:  # pragma: no cover
    app()
