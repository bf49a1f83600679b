"""Time every stage of the pipeline on te3-silver at 1x, 2x and 4x the corpus, with peak memory.

    python benchmarks/bench_pipeline.py                  # 1x, 2x, 4x; serial per-article stages
    python benchmarks/bench_pipeline.py --scales 1 --workers 2
    python benchmarks/bench_pipeline.py --limit 300      # a quick look on the first 300 articles

Each scale runs in a fresh process (so peak memory is that scale's own); the corpus is duplicated
with new document ids (``<id>~2``) to reach 2x and 4x. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "te3-silver"
sys.path.insert(0, str(ROOT))


def run_one(scale: int, workers: int, limit: int | None) -> dict:
    from timeline.actors import unify
    from timeline.api import Timeline, _default_title, analyse_all
    from timeline.graph import build_graph
    from timeline.ingest import load_paths
    from timeline.links import link_events
    from timeline.merge import merge
    from timeline.syndication import syndication_groups

    times: dict[str, float] = {}

    def timed(name, fn, *args, **kw):
        t0 = time.perf_counter()
        out = fn(*args, **kw)
        times[name] = times.get(name, 0.0) + time.perf_counter() - t0
        return out

    files = sorted(p for p in DATA.rglob("*") if p.is_file())[:limit]
    loaded = timed("ingest", load_paths, files)
    base = list(loaded.articles)
    articles = [dataclasses.replace(a, id=a.id if k == 0 else f"{a.id}~{k + 1}")
                for k in range(scale) for a in base]
    if workers <= 1:  # time the two per-article stages apart
        from timeline.events import extract
        from timeline.timex import resolve

        timexes = timed("dates", lambda: [resolve(a) for a in articles])
        analyses = timed("events", lambda: [dataclasses.replace(extract(a, t), article=a, timexes=tuple(t))
                                            for a, t in zip(articles, timexes)])
    else:
        analyses = timed("dates+events", analyse_all, articles, workers=workers)
    analyses, actors = timed("unify", unify, analyses)
    groups = timed("syndication", syndication_groups, articles)
    events = timed("merge", merge, analyses, syndication=groups)
    links = timed("links", link_events, analyses, events)
    graph = timed("graph", build_graph, events, actors, links, articles)
    tl = Timeline(tuple(events), actors, tuple(links), tuple(articles), title=_default_title(articles))
    with tempfile.TemporaryDirectory() as out:
        timed("render+export", tl.save, out, formats=("png", "svg", "json"))
    times["total"] = sum(times.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"scale": scale, "articles": len(articles), "mentions": sum(len(a.mentions) for a in analyses),
            "events": len(events), "links": len(links), "nodes": graph.number_of_nodes(),
            "times": times, "peak_mb": peak_mb}


def table(rows: list[dict]) -> str:
    stages = list(rows[0]["times"])
    head = "| scale | articles | mentions | events | " + " | ".join(f"{s} s" for s in stages) + \
        " | ms/article (dates+events) | peak MB |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        t = r["times"]
        per = 1000 * t.get("dates+events", t.get("dates", 0) + t.get("events", 0)) / max(1, r["articles"])
        lines.append(f"| {r['scale']}x | {r['articles']} | {r['mentions']} | {r['events']} | "
                     + " | ".join(f"{t[s]:.2f}" for s in stages) + f" | {per:.2f} | {r['peak_mb']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA}: not found (the shared data folder sits beside the repository)")
    if args.one:
        print(json.dumps(run_one(args.one, args.workers, args.limit)))
        return
    rows = []
    for scale in args.scales:
        cmd = [sys.executable, __file__, "--one", str(scale), "--workers", str(args.workers)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(f"scale {scale}x done: total {rows[-1]['times']['total']:.1f} s", file=sys.stderr)
    print(f"workers={args.workers}")
    print(table(rows))


if __name__ == "__main__":
    main()
