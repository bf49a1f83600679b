"""The one exception the ingest stage raises for bad input."""

from __future__ import annotations

from pathlib import Path

from timeline.ingest.safe import display_path, writable
from timeline.model import LoadError


class IngestError(Exception):
    """A file (or one record in it) that cannot be loaded.

    ``path`` names the file, ``problem`` is one line for the user; ``str()`` is
    ``"path: problem"`` so a CLI can print it as it is.
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = display_path(path)
        self.problem = writable(problem)
        super().__init__(f"{self.path}: {problem}")

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"

    def to_load_error(self) -> LoadError:
        return LoadError(path=self.path, problem=self.problem)
