"""Ingest: files and folders of articles -> :class:`timeline.model.Article` values.

Formats: ``.txt`` (like the seeds), ``.html``/``.htm`` (trafilatura, offline), ``.json`` (a
record or a list), ``.jsonl`` (a record per line), TimeML (``.tml``, ``.TE3input``).

- :func:`load_paths` -- lenient, for many inputs: articles plus one :class:`LoadError` per bad input.
- :func:`load_file` -- strict, for one file: articles or :class:`IngestError`.

Modules: ``textfile`` (bytes -> text, lines), ``dateline`` (publication date in the text),
``boilerplate`` (rule table, body spans, title), ``outlets`` (source table), ``article``
(text + metadata -> Article), ``records`` (JSON), ``html``, ``formats`` (suffix table),
``load`` (walking folders, ids).
"""

from timeline.ingest.errors import IngestError
from timeline.ingest.load import load_file, load_paths
from timeline.ingest.result import LoadResult

__all__ = ["IngestError", "LoadResult", "load_file", "load_paths"]
