"""Time timeline.events.extract on TempEval-3 silver texts, next to the date resolver's own cost.

Usage: python benchmarks/bench_events.py [--data ../shared/data/te3-silver] [--every 10 | --all] [--limit N]
       [--tbaq ../shared/data/tbaq]

Texts are the TimeML <TEXT> with tags stripped, the DCT as publication date; timexes come from
timeline.timex.resolve_text (timed separately).  Prints ms/article (median and mean) for extract and
for the resolver, events per article, and the share of events with an agent and with a date.
With --tbaq, also the share of our triggers that fall on a gold TimeBank/AQUAINT <EVENT> (trigger
precision against the gold annotation; gold EVENTs cover far more than timeline-worthy events, so
recall is not meaningful there).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.events import extract  # noqa: E402
from timeline.model import Article  # noqa: E402
from timeline.timeml import parse_timeml  # noqa: E402
from timeline.timex import resolve_text  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "te3-silver"
EVENT = re.compile(r"<EVENT\b[^>]*>(.*?)</EVENT>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def gold_events(xml: str) -> tuple[str, list[tuple[int, int]]]:
    """<TEXT> with tags stripped and the offsets of every gold <EVENT>."""
    body = xml[xml.index("<TEXT>") + 6 : xml.index("</TEXT>")]
    out, spans, at, pos = [], [], 0, 0
    for m in TAG.finditer(body):
        out.append(body[pos : m.start()])
        at += m.start() - pos
        if m.group().startswith("<EVENT"):
            close = body.index("</EVENT>", m.end())
            inner = TAG.sub("", body[m.end() : close])
            spans.append((at, at + len(inner)))
        pos = m.end()
    out.append(body[pos:])
    return "".join(out), spans


def run(files: list[Path]) -> None:
    t_extract, t_resolve, events, agents, dated = [], [], 0, 0, 0
    for path in files:
        doc = parse_timeml(path.read_text(encoding="utf-8"))
        article = Article(id=path.stem, text=doc.text, published=doc.dct)
        t0 = time.perf_counter()
        timexes = resolve_text(doc.text, doc.dct)
        t1 = time.perf_counter()
        analysis = extract(article, timexes)
        t2 = time.perf_counter()
        t_resolve.append(t1 - t0)
        t_extract.append(t2 - t1)
        events += len(analysis.mentions)
        agents += sum(1 for m in analysis.mentions if any(a.role == "agent" for a in m.actors))
        dated += sum(1 for m in analysis.mentions if m.date.earliest or m.date.latest)
    n = len(files)
    ms = lambda xs: f"median {1000 * statistics.median(xs):.2f} ms, mean {1000 * statistics.mean(xs):.2f} ms"  # noqa: E731
    print(f"documents: {n}")
    print(f"extract:   {ms(t_extract)} per article")
    print(f"resolver:  {ms(t_resolve)} per article")
    print(f"events:    {events / n:.2f} per article; with agent {agents / max(events, 1):.0%}; "
          f"dated {dated / max(events, 1):.0%}")


def trigger_precision(folder: Path) -> None:
    hits = total = 0
    for path in sorted(folder.rglob("*.tml")):
        xml = path.read_text(encoding="utf-8")
        doc = parse_timeml(xml)
        text, gold = gold_events(xml)
        if text != doc.text:
            continue
        analysis = extract(Article(id=path.stem, text=text, published=doc.dct), resolve_text(text, doc.dct))
        for m in analysis.mentions:
            total += 1
            hits += any(s < m.end and m.start < e for s, e in gold)
    print(f"tbaq: {total} triggers, {hits / max(total, 1):.1%} on a gold <EVENT>")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--every", type=int, default=10, help="take every Nth document (fixed sample)")
    ap.add_argument("--all", action="store_true", help="every document")
    ap.add_argument("--limit", type=int, default=0, help="stop after N documents")
    ap.add_argument("--tbaq", type=Path, default=None, help="gold TimeML folder for trigger precision")
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no TimeML data at {args.data}")
    files = sorted(args.data.rglob("*.tml"))
    if not args.all:
        files = files[:: args.every]
    if args.limit:
        files = files[: args.limit]
    extract(Article(id="warm-up", text="Moscow denies it."), [])  # build the gazetteer outside the timing
    run(files)
    if args.tbaq:
        trigger_precision(args.tbaq)


if __name__ == "__main__":
    main()
