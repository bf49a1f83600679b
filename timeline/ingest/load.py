"""The ingest API: paths -> articles, one error per bad input, nothing silently dropped."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from timeline.ingest.errors import IngestError
from timeline.ingest.formats import FORMATS, load_any, loader_for
from timeline.ingest.result import LoadResult
from timeline.ingest.safe import display_path
from timeline.model import Article, LoadError

DUPLICATE_MARK = "~"


class FileMemo(Protocol):
    """Where :func:`load_paths` keeps what it loaded, to skip unchanged files next time
    (:class:`timeline.store.Store` is one)."""

    def recall(self, name: str, stamp: str) -> Sequence[Article] | None: ...

    def remember(self, name: str, stamp: str, articles: Sequence[Article]) -> None: ...


def file_stamp(path: Path) -> str | None:
    """What tells a changed file from an unchanged one without reading it: size, modification and
    change times, inode (as ``make`` decides). None when the file cannot be examined."""
    try:
        info = path.stat()
    except OSError:
        return None
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_dev}:{info.st_ino}"


def _as_date(published: dt.date | None) -> dt.date | None:
    return published.date() if isinstance(published, dt.datetime) else published


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _folder_key(path: Path | os.DirEntry) -> tuple[int, int] | None:
    """(device, inode) of a folder, None when it cannot be reached (a dangling link, a loop)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _above(link: Path, real_root: Path) -> bool:
    """Whether ``link`` leads to ``real_root`` or a folder containing it."""
    try:
        return real_root.is_relative_to(link.resolve(strict=True))
    except (OSError, RuntimeError):
        return True


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows symbolic links
    except OSError:
        return False


def walk_folder(folder: Path) -> tuple[list[Path], list[Path], list[LoadError]]:
    """Files under ``folder``, recursive and sorted, hidden entries skipped: (known type, unknown
    type, folders that could not be read).

    Symbolic links to folders are followed, but a folder is entered once however many ways lead
    to it, and a link to the folder itself or to a folder above it is not entered: a symlink
    loop ends the descent instead of hanging it.  Links among the files are passed on as they
    are; one that leads nowhere becomes that file's error when it is loaded.  The walk keeps its
    own stack (``os.walk`` recurses once per level: a few thousand nested folders raised
    RecursionError), and a folder it cannot list is one error, not a silent gap.
    """
    found: list[Path] = []
    unknown: list[Path] = []
    unreadable: list[LoadError] = []
    visited = {_folder_key(folder)}
    real_root = folder.resolve()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as err:
            unreadable.append(LoadError(display_path(current), f"cannot read folder ({err.strerror or err})"))
            continue
        for entry in entries:
            if _hidden(entry.name):
                continue
            path = current / entry.name
            if not _is_folder(entry):
                (unknown if loader_for(path) is None else found).append(path)
                continue
            key = _folder_key(entry)
            if key is None or key in visited or (entry.is_symlink() and _above(path, real_root)):
                continue
            visited.add(key)
            stack.append(path)
    order = lambda p: p.relative_to(folder).parts  # noqa: E731
    return sorted(found, key=order), sorted(unknown, key=order), unreadable


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | LoadError]:
    """Each input as the files to load, or a LoadError for a missing path or an empty folder.

    A file of unknown type inside a folder is passed on too, so it gets its own
    "unknown file type" error rather than vanishing.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files, unknown, unreadable = walk_folder(path)
            yield from unreadable
            if not files:
                known = ", ".join(sorted(FORMATS))
                yield LoadError(display_path(path), f"no articles in this folder (no {known} files)")
            yield from sorted(files + unknown, key=lambda p: p.relative_to(path).parts)
        elif path.exists() or path.is_symlink():
            yield path  # a dangling link or a loop gets its own error when it is read
        else:
            yield LoadError(display_path(path), "no such file or folder")


def _identity(path: Path) -> Path | LoadError:
    """The real path of a file (to load each file once), or an error when it cannot be resolved."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError) as err:  # RuntimeError: a symlink loop before Python 3.13
        reason = getattr(err, "strerror", None) or "symbolic link loop"
        if isinstance(err, FileNotFoundError) and path.is_symlink():
            reason = "broken symbolic link"
        return LoadError(display_path(path), f"cannot read file ({reason})")


def unique_ids(articles: Iterable[Article]) -> tuple[Article, ...]:
    """The articles with duplicate ids disambiguated.

    The first article (in load order) keeps its id; each later one with the same id becomes
    ``<id>~2``, ``<id>~3``, ... (skipping ids already taken), so two ``report.txt`` in different
    folders, or two JSON records with the same ``id``, stay two documents.  ``Article.path``
    still tells which file each came from.
    """
    taken: set[str] = set()
    out: list[Article] = []
    for article in articles:
        new_id, n = article.id, 1
        while new_id in taken:
            n += 1
            new_id = f"{article.id}{DUPLICATE_MARK}{n}"
        taken.add(new_id)
        out.append(article if new_id == article.id else dataclasses.replace(article, id=new_id))
    return tuple(out)


def load_paths(
    paths: Iterable[str | Path], published: dt.date | None = None, *, max_bytes: int | None = None,
    memo: FileMemo | None = None,
) -> LoadResult:
    """Load every article under ``paths`` (files or folders), reporting each bad input once.

    Folders are read recursively in sorted order, skipping hidden files and folders.  A file
    of unknown type (named, or found in a folder) is an error; a folder without any article
    file is one more error naming the folder.  A file that cannot be used is one error (path and a
    one-line problem); a bad record in a JSON/JSON Lines file is one error naming the record
    or line while the file's other records still load.  The same file named twice is loaded
    once.  Duplicate document ids are disambiguated, see :func:`unique_ids`.

    ``published`` (the CLI's ``--published``) is used only for articles whose metadata and
    text give no publication date.  ``max_bytes`` replaces the per-format size limits
    (:data:`timeline.ingest.formats.SIZE_LIMITS`); a bigger file is one error.  With a ``memo``,
    a file whose :func:`file_stamp` is unchanged since it was last loaded with the same options is
    taken from the memo instead of being read (files with problems are always read again).

    Example: ``load_paths(["seeds/"]).articles[0].published == datetime.date(2021, 12, 14)``
    """
    published = _as_date(published)
    articles: list[Article] = []
    errors: list[LoadError] = []
    seen: set[Path] = set()
    for item in _expand(paths):
        if isinstance(item, LoadError):
            errors.append(item)
            continue
        key = _identity(item)
        if isinstance(key, LoadError):
            errors.append(key)
            continue
        if key in seen:
            continue
        seen.add(key)
        name = f"{item}\0{key}\0{published}\0{max_bytes}"
        stamp = file_stamp(key) if memo is not None else None
        if stamp is not None and (known := memo.recall(name, stamp)) is not None:
            articles.extend(known)
            continue
        try:
            loaded = load_any(item, published, max_bytes)
        except IngestError as err:
            errors.append(err.to_load_error())
            continue
        articles.extend(loaded.articles)
        errors.extend(problem.to_load_error() for problem in loaded.problems)
        if stamp is not None and not loaded.problems and stamp == file_stamp(key):
            memo.remember(name, stamp, loaded.articles)
    return LoadResult(unique_ids(articles), tuple(errors))


def load_file(
    path: str | Path, published: dt.date | None = None, *, max_bytes: int | None = None
) -> list[Article]:
    """The articles in one file; :class:`IngestError` for any problem.

    Strict, unlike :func:`load_paths`: a single malformed record in a JSON Lines file raises
    (naming its line) instead of being skipped.  ``max_bytes`` as in :func:`load_paths`.
    """
    path = Path(path)
    if path.is_dir():
        raise IngestError(path, "is a folder, not a file (use load_paths for folders)")
    if not path.exists() and not path.is_symlink():
        raise IngestError(path, "no such file")
    loaded = load_any(path, _as_date(published), max_bytes)
    if loaded.problems:
        raise loaded.problems[0]
    return list(loaded.articles)
