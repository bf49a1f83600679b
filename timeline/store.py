"""An embedded store of earlier results, so a second build redoes no unchanged work.

One SQLite file keeps three things:

- ``analyses``: each article's analysis (dates, events, actors found in it), keyed by a hash of
  the article's content and metadata;
- ``files``: each input file's loaded articles, keyed by its path and the load options, valid
  while the file's size, modification time and inode are unchanged (as ``make`` decides);
- ``builds``: the merged events, actors and links of the last few builds, keyed by every
  article of the build.

Every entry also carries a code version: a hash of the source of the modules that shaped it, so
any change of rules invalidates old entries without anyone remembering to bump a number. Writes
happen in transactions (a killed run leaves the store readable) and a store that cannot be read
is set aside, never trusted.
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

# Packages and modules whose code determines each kind of entry.
ANALYSIS_CODE = ("model.py", "timex", "events", "actors", "api.py")
INGEST_CODE = ("model.py", "ingest")
BUILD_CODE = (*ANALYSIS_CODE, "merge.py", "links.py", "syndication.py")
BUILDS_KEPT = 3
SCHEMA = """
create table if not exists analyses (
    key text primary key,
    version text not null,
    doc text not null,
    payload blob not null
);
create table if not exists files (
    name text primary key,
    stamp text not null,
    version text not null,
    payload blob not null
);
create table if not exists builds (
    key text primary key,
    version text not null,
    payload blob not null
);
"""


@cache
def pipeline_version() -> str:
    """The version of the per-article analysis code."""
    return code_version(ANALYSIS_CODE)


@cache
def code_version(names: tuple[str, ...]) -> str:
    """A hash of the package version and the source of the named modules and packages."""
    root = Path(timeline.__file__).parent
    digest = hashlib.sha256(timeline.__version__.encode())
    for name in names:
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


def build_key(articles: Sequence[Article]) -> str:
    """A hash of every article of a build, in order, with all its fields (paths and outlets too)."""
    digest = hashlib.sha256(code_version(BUILD_CODE).encode())
    for article in articles:
        digest.update(hashlib.sha256(repr(article).encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()


class Store:
    """``with Store(path) as store:`` -- get/put analyses by article."""

    def __init__(self, path: str | Path, timeout: float = 10.0):
        self.path = Path(path)
        self.timeout = timeout  # seconds to wait for another build that is writing
        self.version = pipeline_version()
        self.hits = 0
        self.misses = 0
        self.files_recalled = 0
        self.files_read = 0
        self.build_reused = False
        self.trouble: str | None = None  # why something could not be read or kept this run
        self._pending_files: list[tuple] = []
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = None
        try:
            db = sqlite3.connect(self.path, timeout=self.timeout)
            db.execute("pragma journal_mode=wal")
            db.executescript(SCHEMA)
            if db.execute("pragma quick_check").fetchone() != ("ok",):
                raise sqlite3.DatabaseError("damaged pages")
            return db
        except sqlite3.OperationalError:  # busy (another build holds it), or the disk: not damage
            if db is not None:
                db.close()
            raise
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
        db = sqlite3.connect(self.path, timeout=self.timeout)
        db.executescript(SCHEMA)
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
            except sqlite3.OperationalError as exc:  # busy or unreadable now: analyse again, keep the store
                self.trouble = str(exc)
                found.clear()
                break
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
        self._guarded(self._write, rows)

    def _write(self, rows: list[tuple]) -> None:
        with self._db:  # one transaction
            self._db.executemany("insert or replace into analyses values (?, ?, ?, ?)", rows)
            self._db.execute("delete from analyses where version != ?", (self.version,))

    # --- loaded files (timeline.ingest.load_paths's memo) ------------------------------------

    def recall(self, name: str, stamp: str) -> tuple[Article, ...] | None:
        """The articles loaded from the file ``name`` when its ``stamp`` is unchanged."""
        try:
            row = self._db.execute("select payload from files where name = ? and stamp = ? and version = ?",
                                   (name, stamp, code_version(INGEST_CODE))).fetchone()
            found = pickle.loads(row[0]) if row else None
        except Exception:  # damaged or incompatible: load the file again
            found = None
        self.files_recalled += found is not None
        self.files_read += found is None
        return found

    def remember(self, name: str, stamp: str, articles: Sequence[Article]) -> None:
        self._pending_files.append((name, stamp, code_version(INGEST_CODE),
                                    pickle.dumps(tuple(articles), protocol=pickle.HIGHEST_PROTOCOL)))

    def flush(self) -> None:
        """Write the files remembered since the last flush, in one transaction, and forget files that
        no longer exist (entries are named "<path as given>\0<real path>\0<options>")."""
        rows, self._pending_files = self._pending_files, []
        try:
            names = [name for (name,) in self._db.execute("select name from files")]
        except sqlite3.Error:
            names = []
        gone = [(n,) for n in names if n.count("\0") >= 2 and not Path(n.split("\0")[1]).exists()]
        if rows or gone:
            self._guarded(self._write_files, (rows, gone))

    def _write_files(self, changes: tuple[list[tuple], list[tuple]]) -> None:
        rows, gone = changes
        with self._db:
            self._db.executemany("insert or replace into files values (?, ?, ?, ?)", rows)
            self._db.executemany("delete from files where name = ?", gone)
            self._db.execute("delete from files where version != ?", (code_version(INGEST_CODE),))

    # --- whole builds ---------------------------------------------------------------------

    def get_build(self, key: str) -> object | None:
        try:
            row = self._db.execute("select payload from builds where key = ? and version = ?",
                                   (key, code_version(BUILD_CODE))).fetchone()
            found = pickle.loads(row[0]) if row else None
        except Exception:  # damaged or incompatible: build again
            found = None
        self.build_reused = found is not None
        return found

    def put_build(self, key: str, payload: object) -> None:
        row = (key, code_version(BUILD_CODE), pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
        self._guarded(self._write_build, row)

    def _write_build(self, row: tuple) -> None:
        with self._db:
            self._db.execute("insert or replace into builds values (?, ?, ?)", row)
            self._db.execute("delete from builds where rowid not in "
                             "(select rowid from builds order by rowid desc limit ?)", (BUILDS_KEPT,))

    def _guarded(self, write, rows) -> None:
        try:
            write(rows)
        except sqlite3.OperationalError as exc:  # busy (another build), disk full: skip, keep the store
            self.trouble = str(exc)
        except sqlite3.DatabaseError:  # damage found while writing: start a new store
            self._db.close()
            self._db = self._set_aside()
            write(rows)

    def summary(self) -> str:
        """What this store saved in the current run, in one line."""
        merged = "merge reused" if self.build_reused else "merge redone"
        analysed = (f"{self.misses} articles analysed, {self.hits} reused" if not self.build_reused
                    else "no article analysed")
        note = f" (not all kept: {self.trouble})" if self.trouble else ""
        return f"{self.files_recalled} files unchanged, {self.files_read} read; {analysed}; {merged}{note}"

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
