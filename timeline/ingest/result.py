"""What loading returns: per file (:class:`Loaded`) and per run (:class:`LoadResult`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.ingest.errors import IngestError
from timeline.model import Article, LoadError


@dataclass(frozen=True)
class Loaded:
    """One file's articles, and the records in it that could not be used."""

    articles: tuple[Article, ...]
    problems: tuple[IngestError, ...] = field(default=())


@dataclass(frozen=True)
class LoadResult:
    """Everything :func:`timeline.ingest.load_paths` read: the articles and one error per bad input."""

    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...] = ()
