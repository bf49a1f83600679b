"""Time rendering N synthetic events to PNG and SVG; prints medians (target: 300 events under 5 s).

Usage: python benchmarks/bench_render.py [N] [repeats]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.render_fixtures import random_events
from timeline.render import draw_timeline, save_timeline, svg_string


def median_time(fn, repeats: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``fn`` (CPU time is steadier on a shared machine)."""
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main(n: int = 300, repeats: int = 3) -> None:
    events, actors, links = random_events(n, seed=1)
    opts = {"actors": actors, "links": links, "title": f"{n} synthetic events"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        results = {
            "layout+draw (no file)": median_time(lambda: draw_timeline(events, **opts), repeats),
            "PNG (150 dpi)": median_time(lambda: save_timeline(events, [out / "t.png"], **opts), repeats),
            "SVG": median_time(lambda: save_timeline(events, [out / "t.svg"], **opts), repeats),
            "PNG + SVG (one draw)": median_time(
                lambda: save_timeline(events, [out / "t.png", out / "t.svg"], **opts), repeats
            ),
            "svg_string": median_time(lambda: svg_string(events, **opts), repeats),
        }
    print(f"{n} events, median of {repeats} runs (target: PNG + SVG under 5 s):")
    print(f"  {'':<24} {'wall':>7} {'cpu':>7}")
    for name, (wall, cpu) in results.items():
        print(f"  {name:<24} {wall:6.2f}s {cpu:6.2f}s")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
