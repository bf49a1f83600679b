"""Time timeline.timex.resolve_text against dateparser.search.search_dates on TempEval-3 silver texts.

Usage: python benchmarks/bench_dates.py [--data ../shared/data/te3-silver] [--every 10 | --all] [--limit N]
Both run on the same texts (tags stripped, DCT kept as the reference date), in one process; per-document
medians and totals are printed with the ratio ours / dateparser's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from dateparser.search import search_dates  # noqa: E402

from timeline.timeml import parse_timeml  # noqa: E402
from timeline.timex import resolve_text  # noqa: E402

from _results import write_section  # noqa: E402
from _sample import add_sample_options, sample_files  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    add_sample_options(ap)
    ap.add_argument("--write-results", action="store_true", help="update the speed section of RESULTS.md")
    args = ap.parse_args()
    files = sample_files(args)
    docs = [parse_timeml(f.read_text(encoding="utf-8")) for f in files]
    docs = [d for d in docs if d.dct is not None]
    resolve_text("warm up on Tuesday, Dec. 14, 2021 and last week", dt.date(2021, 12, 14))
    search_dates("warm up on Tuesday", languages=["en"], settings={"RELATIVE_BASE": dt.datetime(2021, 12, 14)})
    ours, theirs, n_ours, n_theirs = [], [], 0, 0
    for d in docs:
        base = dt.datetime.combine(d.dct, dt.time())
        t0 = time.perf_counter()
        n_ours += len(resolve_text(d.text, d.dct))
        t1 = time.perf_counter()
        n_theirs += len(search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base}) or [])
        t2 = time.perf_counter()
        ours.append(t1 - t0)
        theirs.append(t2 - t1)
    chars = sum(len(d.text) for d in docs)
    sample = "all documents" if args.all else f"every {args.every}th document"
    lines = [
        f"documents {len(docs)} ({chars:,} characters, {sample}) from {args.data.name}",
        "",
        "| | total s | median ms/doc | expressions |",
        "|---|---|---|---|",
        f"| timeline.timex.resolve_text | {sum(ours):.2f} | {statistics.median(ours) * 1000:.2f} | {n_ours} |",
        f"| dateparser search_dates | {sum(theirs):.2f} | {statistics.median(theirs) * 1000:.2f} | {n_theirs} |",
        "",
        f"ratio ours/dateparser: total {sum(ours) / sum(theirs):.3f}, "
        f"median {statistics.median(ours) / statistics.median(theirs):.3f}",
    ]
    print("\n".join(lines))
    if args.write_results:
        cmd = "python benchmarks/bench_dates.py" + (" --all" if args.all else f" --every {args.every}")
        out = write_section("speed", "## Speed against dateparser.search.search_dates\n\n"
                            f"`{cmd} --write-results` (same texts, same process, DCT as reference date):\n\n"
                            + "\n".join(lines) + "\n")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
