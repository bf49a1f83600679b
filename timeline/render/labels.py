"""Label placement without overlaps, in display coordinates.

Greedy: labels are placed one by one (most-sourced first); for each, candidate boxes around
its anchor are tried in order of distance and the first that stays inside the bounds and
touches neither an obstacle (markers, bars) nor an already placed label wins. A label that
finds no room tries its short text, then is left out. Boxes are ``(x0, y0, x1, y1)`` pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class LabelRequest:
    key: str
    anchor: tuple[float, float]
    sizes: tuple  # (w, h) of the full text, then of fallbacks (or callables returning them)
    rx: float = 0.0  # half the width of what sits at the anchor (marker, stack)
    ry: float = 0.0  # half its height
    region: Box | None = None  # where the label belongs (its lane); leaving it costs more


@dataclass(frozen=True)
class Placement:
    key: str
    box: Box
    choice: int  # which of the request's sizes was used
    adjacent: bool  # right next to the anchor (no leader line needed)


def candidates(req: LabelRequest, w: float, h: float, gap: float, max_steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Candidate boxes around the anchor and their costs, closest first."""
    ax, ay = req.anchor
    r, q = req.rx + gap, req.ry + gap
    rows: list[tuple[float, float, float]] = []  # (x0, y0, cost)
    rows.append((ax + r, ay - h / 2, 0.0))  # right
    rows.append((ax - r - w, ay - h / 2, 0.4 * h))  # left
    rows.append((ax - w / 2, ay + q, 0.6 * h))  # above
    rows.append((ax - w / 2, ay - q - h, 0.7 * h))  # below
    rows.append((ax + r * 0.5, ay + q * 0.5, 0.5 * h))  # above right
    rows.append((ax + r * 0.5, ay - q * 0.5 - h, 0.55 * h))  # below right
    rows.append((ax - r * 0.5 - w, ay + q * 0.5, 0.8 * h))  # above left
    rows.append((ax - r * 0.5 - w, ay - q * 0.5 - h, 0.85 * h))  # below left
    step = h + 2.0
    for k in range(1, max_steps + 1):
        for sign in (1, -1):
            y0 = ay - h / 2 + sign * k * step
            base = k * step * 1.2
            rows.append((ax + r, y0, base))
            rows.append((ax - w / 2, y0, base + 0.3 * h))
            rows.append((ax - r - w, y0, base + 0.5 * h))
            rows.append((ax + r + w * 0.5, y0, base + 0.8 * h))
            rows.append((ax - r - w * 1.5, y0, base + 1.0 * h))
    arr = np.array(rows, dtype=float)
    boxes = np.column_stack([arr[:, 0], arr[:, 1], arr[:, 0] + w, arr[:, 1] + h])
    return boxes, arr[:, 2]


def _free(boxes: np.ndarray, taken: np.ndarray, pad: float) -> np.ndarray:
    """For each candidate box, whether it overlaps none of the taken boxes (with padding)."""
    if len(taken) == 0:
        return np.ones(len(boxes), dtype=bool)
    b = boxes[:, None, :]
    t = taken[None, :, :]
    overlap = (
        (b[..., 0] < t[..., 2] + pad)
        & (b[..., 2] + pad > t[..., 0])
        & (b[..., 1] < t[..., 3] + pad)
        & (b[..., 3] + pad > t[..., 1])
    )
    return ~overlap.any(axis=1)


def place_labels(
    requests: Sequence[LabelRequest],
    bounds: Box,
    obstacles: Sequence[Box] = (),
    *,
    gap: float = 3.0,
    pad: float = 1.5,
    max_steps: int = 8,
) -> dict[str, Placement]:
    """Place labels in the given order; returns the placement of each label that found room.

    A request's sizes may be callables returning ``(w, h)``: fallbacks are measured only
    when the full text found no room.
    """
    bx0, by0, bx1, by1 = bounds
    taken = np.empty((len(obstacles) + len(requests), 4), dtype=float)
    n = len(obstacles)
    taken[:n] = np.array(obstacles, dtype=float).reshape(-1, 4)
    placed: dict[str, Placement] = {}
    for req in requests:
        for choice, size in enumerate(req.sizes):
            w, h = size() if callable(size) else size
            boxes, cost = candidates(req, w, h, gap, max_steps)
            inside = (boxes[:, 0] >= bx0) & (boxes[:, 2] <= bx1) & (boxes[:, 1] >= by0) & (boxes[:, 3] <= by1)
            if req.region is not None:
                _rx0, ry0, _rx1, ry1 = req.region
                out = (boxes[:, 1] < ry0) | (boxes[:, 3] > ry1)
                cost = cost + out * 4.0 * h
            lo, hi = boxes.min(axis=0), boxes.max(axis=0)
            cur = taken[:n]
            near = cur[
                (cur[:, 0] < hi[2] + pad)
                & (cur[:, 2] + pad > lo[0])
                & (cur[:, 1] < hi[3] + pad)
                & (cur[:, 3] + pad > lo[1])
            ]
            ok = inside & _free(boxes, near, pad)
            if ok.any():
                i = int(np.argmin(np.where(ok, cost, np.inf)))
                box = tuple(float(v) for v in boxes[i])
                placed[req.key] = Placement(req.key, box, choice, adjacent=i < 8)  # type: ignore[arg-type]
                taken[n] = boxes[i]
                n += 1
                break
    return placed


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes share any area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def nearest_point(box: Box, x: float, y: float) -> tuple[float, float]:
    """The point of ``box`` nearest to ``(x, y)``: where a leader line meets the label."""
    return min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
