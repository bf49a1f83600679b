"""An embedded store of per-article results, so a second build redoes no unchanged work.

Each article's analysis (dates, events, actors found in it) is kept in one SQLite file, keyed by
a hash of the article's content and metadata and by the pipeline version: a hash of the source
of every module that shapes the analysis, so any change of rules invalidates old entries without
anyone remembering to bump a number. Writes happen in transactions (a killed run leaves the
store readable) and a store that cannot be read is set aside, never trusted.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import timeline
from timeline.model import Article, DocumentAnalysis

# Packages and modules whose code determines an analysis.
ANALYSIS_CODE = ("model.py", "timex", "events", "actors", "api.py")
SCHEMA = """
create table if not exists analyses (
    key text primary key,
    version text not null,
    doc text not null,
    payload blob not null
)
"""


@cache
def pipeline_version() -> str:
    root = Path(timeline.__file__).parent
    digest = hashlib.sha256(timeline.__version__.encode())
    for name in ANALYSIS_CODE:
        path = root / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            digest.update(str(f.relative_to(root)).encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    """A hash of everything about the article that the analysis reads."""
    digest = hashlib.sha256()
    for part in (article.id, article.text, article.title or "", str(article.published),
                 article.published_from, repr(article.body), repr(article.title_span)):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class Store:
    """``with Store(path) as store:`` -- get/put analyses by article."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.version = pipeline_version()
        self.hits = 0
        self.misses = 0
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = None
        try:
            db = sqlite3.connect(self.path)
            db.execute("pragma journal_mode=wal")
            db.execute(SCHEMA)
            if db.execute("pragma quick_check").fetchone() != ("ok",):
                raise sqlite3.DatabaseError("damaged pages")
            return db
        except sqlite3.DatabaseError:
            if db is not None:
                db.close()
            return self._set_aside()

    def _set_aside(self) -> sqlite3.Connection:
        """Not a store we can read: keep it aside for inspection and start a new one."""
        for suffix in ("", "-wal", "-shm"):
            old = self.path.with_name(self.path.name + suffix)
            if old.exists():
                old.replace(self.path.with_name(self.path.name + suffix + ".corrupt"))
        db = sqlite3.connect(self.path)
        db.execute(SCHEMA)
        return db

    def get_many(self, articles: Sequence[Article]) -> dict[str, DocumentAnalysis]:
        """Cached analyses by article id, for those whose content and pipeline version match."""
        keys = {article_key(a): a for a in articles}
        found: dict[str, DocumentAnalysis] = {}
        key_list = list(keys)
        for i in range(0, len(key_list), 500):
            chunk = key_list[i:i + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(
                    f"select key, payload from analyses where version = ? and key in ({marks})",
                    [self.version, *chunk],
                ).fetchall()
            except sqlite3.DatabaseError:  # damage found while reading: recompute everything
                self._db.close()
                self._db = self._set_aside()
                found.clear()
                break
            for key, payload in rows:
                try:
                    analysis = pickle.loads(payload)
                except Exception:  # an entry from an incompatible build: recompute it
                    continue
                found[keys[key].id] = analysis
        self.hits += len(found)
        self.misses += len(articles) - len(found)
        return found

    def put_many(self, analyses: Iterable[DocumentAnalysis]) -> None:
        rows = [(article_key(a.article), self.version, a.article.id,
                 pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)) for a in analyses]
        try:
            self._write(rows)
        except sqlite3.DatabaseError:  # damage found while writing: start a new store
            self._db.close()
            self._db = self._set_aside()
            self._write(rows)

    def _write(self, rows: list[tuple]) -> None:
        with self._db:  # one transaction
            self._db.executemany("insert or replace into analyses values (?, ?, ?, ?)", rows)
            self._db.execute("delete from analyses where version != ?", (self.version,))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
