"""Snapshot of event and actor extraction, and the diff of the current code against a snapshot.

Usage: python benchmarks/events_snapshot.py write [--out /tmp/events_before] [--every 10] [--data ...]
       python benchmarks/events_snapshot.py diff  [--out /tmp/events_before] [--show 5]

``write`` runs ``timeline.events.extract`` over the fixed te3-silver sample (every 10th document by
default, see ``_sample.py``) and the five seeds, and writes one JSON file per article: its event
mentions (predicate, span, agents and others by canonical name, date, modality, type, label) and
its actors (canonical name, category, affiliation, aliases, mention offsets).  The timexes given to
``extract`` are stored too, so ``diff`` re-runs extraction on exactly the same input: a change
in the date resolver (``timeline.timex``) does not show up as a change in events.

``diff`` recomputes every stored article and prints the articles whose output differs (with the
first differing lines of the first few); exit status 1 when any differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _sample import add_sample_options, sample_files  # noqa: E402

from timeline.events import extract  # noqa: E402
from timeline.model import Article, DocumentAnalysis, Timex  # noqa: E402

SEEDS = ROOT / "seeds"
DEFAULT_OUT = Path("/tmp/events_before")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def timex_from_dict(d: dict) -> Timex:
    return Timex(d["start"], d["end"], d["text"], d["type"], d["value"], d["grain"], _date(d["earliest"]),
                 _date(d["latest"]), d["mod"], d["anchor"], d["rule"], d.get("reason"))


def article_to_dict(a: Article) -> dict:
    return {"id": a.id, "text": a.text, "published": a.published.isoformat() if a.published else None,
            "body": [[s.start, s.end] for s in a.body]}


def article_from_dict(d: dict) -> Article:
    from timeline.model import Span

    return Article(id=d["id"], text=d["text"], published=_date(d["published"]),
                   body=tuple(Span(s, e) for s, e in d["body"]))


def output(analysis: DocumentAnalysis) -> dict:
    """What the snapshot compares: events and actors, by canonical names and offsets."""
    names = {a.id: a.name for a in analysis.actors}
    events = []
    for m in analysis.mentions:
        d = m.date
        events.append({
            "id": m.id, "predicate": m.predicate, "span": [m.start, m.end], "type": m.type,
            "modality": m.modality, "label": m.label, "content": m.content,
            "agents": [names.get(a.actor, a.actor) for a in m.actors if a.role == "agent"],
            "others": [[names.get(a.actor, a.actor), a.role, a.start, a.end] for a in m.actors if a.role != "agent"],
            "agent_spans": [[a.start, a.end, a.text] for a in m.actors if a.role == "agent"],
            "date": [d.value, str(d.earliest), str(d.latest), d.grain, d.mod, d.source,
                     [d.timex.start, d.timex.end] if d.timex else None, d.anchor_event],
        })
    actors = []
    for a in analysis.actors:
        actors.append({
            "canonical": a.name, "id": a.id, "category": a.category, "affiliation": a.affiliation,
            "aliases": list(a.aliases), "title": a.title,
            "mentions": [[am.start, am.end, am.role] for am in analysis.actor_mentions if am.actor == a.id],
        })
    return {"events": events, "actors": actors}


def _inputs(args: argparse.Namespace) -> list[tuple[Article, list[Timex]]]:
    from timeline.ingest import load_paths
    from timeline.timeml import parse_timeml
    from timeline.timex import resolve, resolve_text

    out = []
    for article in load_paths([SEEDS]).articles:
        out.append((article, list(resolve(article))))
    for path in sample_files(args):
        doc = parse_timeml(path.read_text(encoding="utf-8"))
        out.append((Article(id=path.stem, text=doc.text, published=doc.dct), list(resolve_text(doc.text, doc.dct))))
    return out


def write(args: argparse.Namespace) -> None:
    args.out.mkdir(parents=True, exist_ok=True)
    inputs = _inputs(args)
    for article, timexes in inputs:
        record = {"article": article_to_dict(article), "timexes": [t.to_dict() for t in timexes],
                  "output": output(extract(article, timexes))}
        (args.out / f"{article.id}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                                     encoding="utf-8")
    print(f"wrote {len(inputs)} articles to {args.out}")


def _lines(d: dict) -> list[str]:
    return json.dumps(d, ensure_ascii=False, indent=1, sort_keys=True).splitlines()


def diff(args: argparse.Namespace) -> int:
    files = sorted(args.out.glob("*.json"))
    if not files:
        raise SystemExit(f"no snapshot in {args.out}: run 'write' first")
    changed, spent = [], 0.0
    extract(Article(id="warm-up", text="Moscow denies it."), [])  # build the gazetteer outside the timing
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        article = article_from_dict(record["article"])
        timexes = [timex_from_dict(t) for t in record["timexes"]]
        t0 = time.perf_counter()
        analysis = extract(article, timexes)
        spent += time.perf_counter() - t0
        now = output(analysis)
        if now != record["output"]:
            changed.append((path.stem, record["output"], now))
    print(f"{len(files)} articles, {len(changed)} differ (extract {1000 * spent / len(files):.2f} ms/article mean)")
    for doc, old, new in changed[: args.show]:
        print(f"--- {doc}")
        lines = list(difflib.unified_diff(_lines(old), _lines(new), "before", "now", n=2, lineterm=""))
        print("\n".join(lines[:60]))
    if len(changed) > args.show:
        print("others:", " ".join(doc for doc, _, _ in changed[args.show :]))
    return 1 if changed else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("write", "diff"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="snapshot folder")
    ap.add_argument("--show", type=int, default=5, help="articles whose diff is printed")
    add_sample_options(ap)
    args = ap.parse_args()
    if args.command == "write":
        write(args)
    else:
        sys.exit(diff(args))


if __name__ == "__main__":
    main()
