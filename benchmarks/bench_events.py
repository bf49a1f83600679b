"""Time timeline.events.extract on TempEval-3 silver texts, next to the date resolver's own cost.

Usage: python benchmarks/bench_events.py [--data ../shared/data/te3-silver] [--every 10 | --all] [--limit N]
       [--repeat N] [--tbaq ../shared/data/tbaq]

Texts are the TimeML <TEXT> with tags stripped, the DCT as publication date; timexes come from
timeline.timex.resolve_text (timed separately).  Prints ms/article (median and mean) for extract and
for the resolver, their ratio (median extract / median resolver, both measured side by side in this
run: the target of issue #4 is at most 1.0), events per article, and the share of events with an
agent and with a date.  With --repeat N (N > 1), each article is also timed N times more, alternating
resolver and extract, keeping each one's minimum: a steadier figure on a shared machine (per-word
caches are warm then), printed after the single-run one.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from timeline.events import extract  # noqa: E402
from timeline.model import Article  # noqa: E402
from timeline.timeml import parse_timeml  # noqa: E402
from timeline.timex import resolve_text  # noqa: E402

from _sample import add_sample_options, sample_files  # noqa: E402

EVENT = re.compile(r"<EVENT\b[^>]*>(.*?)</EVENT>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


ATTR = re.compile(r'(\w+)="([^"]*)"')
ANCHORING = {"IS_INCLUDED", "INCLUDES", "DURING", "SIMULTANEOUS", "BEGUN_BY", "ENDED_BY", "BEGINS", "ENDS"}


def gold_events(xml: str) -> tuple[str, dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """<TEXT> with tags stripped, gold <EVENT> spans by eid and <TIMEX3> spans by tid."""
    body = xml[xml.index("<TEXT>") + 6 : xml.index("</TEXT>")]
    out, events, times, at, pos = [], {}, {}, 0, 0
    for m in TAG.finditer(body):
        out.append(body[pos : m.start()])
        at += m.start() - pos
        for name, table in (("EVENT", events), ("TIMEX3", times)):
            if m.group().startswith(f"<{name} "):
                close = body.index(f"</{name}>", m.end())
                inner = TAG.sub("", body[m.end() : close])
                table[dict(ATTR.findall(m.group())).get("eid" if name == "EVENT" else "tid", "")] = (
                    at, at + len(inner))
        pos = m.end()
    out.append(body[pos:])
    return "".join(out), events, times


def gold_anchors(xml: str) -> dict[str, str]:
    """eid -> tid of the time expression a TLINK says includes (or matches) the event."""
    instance = {a["eiid"]: a["eventID"] for a in (dict(ATTR.findall(m)) for m in
                re.findall(r"<MAKEINSTANCE[^>]*>", xml)) if "eiid" in a}
    anchors = {}
    for raw in re.findall(r"<TLINK[^>]*>", xml):
        a = dict(ATTR.findall(raw))
        if a.get("relType") not in ANCHORING:
            continue
        if "eventInstanceID" in a and "relatedToTime" in a:
            anchors[instance.get(a["eventInstanceID"], "")] = a["relatedToTime"]
        elif "timeID" in a and "relatedToEventInstance" in a:
            anchors[instance.get(a["relatedToEventInstance"], "")] = a["timeID"]
    return anchors


def run(files: list[Path], repeat: int = 1) -> None:
    t_extract, t_resolve, events, agents, dated = [], [], 0, 0, 0
    docs = []
    for path in files:
        doc = parse_timeml(path.read_text(encoding="utf-8"))
        article = Article(id=path.stem, text=doc.text, published=doc.dct)
        docs.append((doc, article))
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
    ratio = statistics.median(t_extract) / statistics.median(t_resolve)
    print(f"ratio:     events/dates {ratio:.2f} (median extract / median resolver; target <= 1.0: "
          f"{'met' if ratio <= 1.0 else 'not met'})")
    print(f"events:    {events / n:.2f} per article; with agent {agents / max(events, 1):.0%}; "
          f"dated {dated / max(events, 1):.0%}")
    if repeat > 1:
        best_extract, best_resolve = _best_of(docs, repeat)
        print(f"repeat {repeat}, per-article minimum: extract median {1000 * statistics.median(best_extract):.2f} ms, "
              f"resolver median {1000 * statistics.median(best_resolve):.2f} ms, ratio "
              f"{statistics.median(best_extract) / statistics.median(best_resolve):.2f}")


def _best_of(docs: list, repeat: int) -> tuple[list[float], list[float]]:
    """Per article, the minimum over ``repeat`` timings of the resolver and of extract (alternating)."""
    best_extract, best_resolve = [], []
    for doc, article in docs:
        be = br = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            timexes = resolve_text(doc.text, doc.dct)
            t1 = time.perf_counter()
            extract(article, timexes)
            t2 = time.perf_counter()
            br, be = min(br, t1 - t0), min(be, t2 - t1)
        best_extract.append(be)
        best_resolve.append(br)
    return best_extract, best_resolve


def trigger_precision(folder: Path) -> None:
    """Trigger precision against gold EVENTs, and dating against gold event-time TLINKs: for our
    events on a gold event that a TLINK anchors to a time expression in the text, how often our
    governing timex is that expression (the DCT, t0, counts as our publication date)."""
    hits = total = linked = dated = same = dct_linked = dct_same = 0
    for path in sorted(folder.rglob("*.tml")):
        xml = path.read_text(encoding="utf-8")
        doc = parse_timeml(xml)
        text, gold, times = gold_events(xml)
        if text != doc.text:
            continue
        anchors = gold_anchors(xml)
        analysis = extract(Article(id=path.stem, text=text, published=doc.dct), resolve_text(text, doc.dct))
        for m in analysis.mentions:
            total += 1
            eids = [eid for eid, (s, e) in gold.items() if s < m.end and m.start < e]
            hits += bool(eids)
            tid = next((anchors[eid] for eid in eids if eid in anchors), None)
            if tid == "t0":
                dct_linked += 1
                dct_same += m.date.source == "publication"
            elif tid in times:
                linked += 1
                if m.date.timex is not None:
                    dated += 1
                    s, e = times[tid]
                    same += m.date.timex.start < e and s < m.date.timex.end
    print(f"tbaq: {total} triggers, {hits / max(total, 1):.1%} on a gold <EVENT>")
    print(f"tbaq dating: {linked} of our events have a gold TLINK to a timex in the text; we date {dated} "
          f"of them by a timex, {same} ({same / max(dated, 1):.1%}) by the gold one; "
          f"{dct_linked} are linked to the DCT, {dct_same} of which we place at publication")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    add_sample_options(ap)
    ap.add_argument("--tbaq", type=Path, default=None, help="gold TimeML folder for trigger precision")
    ap.add_argument("--repeat", type=int, default=1, help="also time each article N times, keep the minimum")
    args = ap.parse_args()
    files = sample_files(args)
    extract(Article(id="warm-up", text="Moscow denies it."), [])  # build the gazetteer outside the timing
    run(files, args.repeat)
    if args.tbaq:
        trigger_precision(args.tbaq)


if __name__ == "__main__":
    main()
