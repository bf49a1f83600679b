"""The fixed te3-silver sample the per-stage benchmarks share: options and file selection."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "te3-silver"


def add_sample_options(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--every", type=int, default=10, help="take every Nth document (fixed sample)")
    ap.add_argument("--all", action="store_true", help="every document")
    ap.add_argument("--limit", type=int, default=0, help="stop after N documents")


def sample_files(args: argparse.Namespace) -> list[Path]:
    """The TimeML files the options select; exits with a message when the data is absent."""
    if not args.data.is_dir():
        raise SystemExit(f"no TimeML data at {args.data}")
    files = sorted(args.data.rglob("*.tml"))
    if not args.all:
        files = files[:: args.every]
    if args.limit:
        files = files[: args.limit]
    return files
