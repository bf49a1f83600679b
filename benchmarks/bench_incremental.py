"""Time ``timeline build`` as a user runs it: a clean build, a second build on the unchanged folder,
and a build after 10 new articles were added, on a copy of te3-silver.

    python benchmarks/bench_incremental.py                 # 3 rounds, --workers 2
    python benchmarks/bench_incremental.py --rounds 1 --limit 300

Each round copies the corpus into a fresh temporary folder, then runs, each in a new process:

1. ``--no-cache``: the baseline, everything loaded, analysed, merged and drawn;
2. with the store, first time (the store is empty: same work plus writing it);
3. with the store again, nothing changed;
4. with the store after adding 10 articles (the first 10 documents of tbaq, new to the corpus).

Prints the median seconds of each step over the rounds, the ratio of each to the baseline, and the
store's own account of what it reused (the ``store ...`` line the build prints).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
STEPS = ("clean build (--no-cache)", "first build with the store", "second build, nothing changed",
         "after adding 10 articles")


def build(folder: Path, out: Path, workers: int, *options: str) -> tuple[float, str]:
    command = [sys.executable, "-m", "timeline", "build", str(folder), "-o", str(out), "--workers", str(workers),
               *options]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed ({done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
    store = next((line.split(": ", 1)[1] for line in done.stdout.splitlines() if line.startswith("store ")), "")
    return elapsed, store


def one_round(workers: int, limit: int | None) -> list[tuple[float, str]]:
    files = sorted(p for p in (SHARED / "te3-silver").rglob("*.tml"))[:limit]
    extra = sorted((SHARED / "tbaq").rglob("*.tml"))[:10]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        for path in files:
            shutil.copy2(path, corpus / path.name)
        rows = [build(corpus, Path(tmp) / "clean", workers, "--no-cache"),
                build(corpus, out, workers),
                build(corpus, out, workers)]
        for path in extra:
            shutil.copy2(path, corpus / f"added-{path.name}")
        rows.append(build(corpus, out, workers))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of te3-silver")
    args = parser.parse_args()
    if not (SHARED / "te3-silver").is_dir() or not (SHARED / "tbaq").is_dir():
        sys.exit(f"needs {SHARED}/te3-silver and {SHARED}/tbaq (see ../shared/data/README.md)")
    rounds = [one_round(args.workers, args.limit) for _ in range(args.rounds)]
    count = len(sorted((SHARED / "te3-silver").rglob("*.tml"))[:args.limit])
    print(f"te3-silver: {count} articles, --workers {args.workers}, {args.rounds} round(s); median seconds\n")
    print("| step | median s | runs (s) | of the clean build | store |")
    print("|---|---|---|---|---|")
    baseline = statistics.median(r[0][0] for r in rounds)
    for i, step in enumerate(STEPS):
        times = [r[i][0] for r in rounds]
        median = statistics.median(times)
        runs = ", ".join(f"{t:.1f}" for t in times)
        print(f"| {step} | {median:.2f} | {runs} | {median / baseline:.2f} | {rounds[-1][i][1] or '-'} |")


if __name__ == "__main__":
    main()
