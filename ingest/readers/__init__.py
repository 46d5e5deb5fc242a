"""Readers: files, directories, HTML pages, RSS/Atom feeds and JSON Lines → Articles.

    for item in read_path("news/"):
        if isinstance(item, InputError):
            ...            # a bad file, feed entry or JSON line: reported, and the batch goes on
        else:
            ...            # an Article

The format is decided by content (extension as a hint) and read by one module per format, found by name
in ``registry.READERS`` (``text``, ``html``, ``feed``, ``jsonl``).
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator

from ingest.model import Article
from ingest.readers.decode import decode
from ingest.readers.lang import detect_lang
from ingest.readers.registry import choose_reader, get_reader, reader_names
from legation.errors import InputError

__all__ = ["read_path", "read_paths", "list_files", "read_bytes", "detect_lang", "decode", "reader_names", "MAX_BYTES"]

MAX_BYTES = 20_000_000


def _limit_problem(max_bytes: int) -> str:
    size = f"{max_bytes / 1_000_000:g} MB" if max_bytes >= 1_000_000 else f"{max_bytes:,} bytes"
    return f"larger than the {size} limit"


def read_bytes(data: bytes, path: str, *, format: str | None = None,
               max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles from the content of one file; ``path`` names it (and its extension hints at the format).

    ``format`` forces a reader by name (see ``reader_names()``).
    """
    if len(data) > max_bytes:
        yield InputError(path, _limit_problem(max_bytes))
        return
    if not data.strip():
        yield InputError(path, "empty file")
        return
    reader = get_reader(format or choose_reader(data, path))
    yield from reader.read(data, path)


def _read_file(path: str, max_bytes: int, format: str | None) -> Iterator[Article | InputError]:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            yield InputError(path, "not a regular file")
            return
        if info.st_size > max_bytes:
            yield InputError(path, _limit_problem(max_bytes))
            return
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:
        yield InputError(path, f"cannot read ({err.strerror or err})")
        return
    yield from read_bytes(data, path, format=format, max_bytes=max_bytes)


def _skipped(name: str) -> bool:
    """In a directory walk: hidden entries, and a folder's own documentation (README*, LICENSE*)."""
    return name.startswith(".") or name.upper().startswith(("README", "LICENSE", "LICENCE"))


def _walk(directory: str, max_bytes: int, format: str | None) -> Iterator[Article | InputError]:
    """Every file under ``directory``, depth first in sorted order; hidden files and folders skipped."""
    for item in _walk_names(directory):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_file(item, max_bytes, format)


def read_path(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES,
              format: str | None = None) -> Iterator[Article | InputError]:
    """Articles from a file or, recursively, a directory; an InputError (yielded, not raised) for each bad
    file, feed entry or JSON line, so that a batch goes on.

    ``format`` forces one reader (``text``, ``html``, ``feed``, ``jsonl``) instead of sniffing.
    """
    path = os.fspath(path)
    if format is not None:
        get_reader(format)                                # unknown name: ConfigError before any work
    if not os.path.lexists(path) or (os.path.islink(path) and not os.path.exists(path)):
        yield InputError(path, "no such file or directory")
    elif os.path.isdir(path):
        yield from _walk(path, max_bytes, format)
    else:
        yield from _read_file(path, max_bytes, format)


def list_files(paths: Iterable[str | os.PathLike]) -> Iterator[str | InputError]:
    """The files ``read_paths`` would read, in the same order (directories walked, hidden entries skipped); an
    InputError for a path that does not exist or a directory that cannot be listed. For parallel readers."""
    for path in map(os.fspath, paths):
        if not os.path.lexists(path) or (os.path.islink(path) and not os.path.exists(path)):
            yield InputError(path, "no such file or directory")
        elif os.path.isdir(path):
            yield from _walk_names(path)
        else:
            yield path


def _walk_names(directory: str) -> Iterator[str | InputError]:
    try:
        names = sorted(os.listdir(directory))
    except OSError as err:
        yield InputError(directory, f"cannot list the directory ({err.strerror or err})")
        return
    for name in names:
        if _skipped(name):
            continue
        path = os.path.join(directory, name)
        if os.path.isdir(path) and not os.path.islink(path):
            yield from _walk_names(path)
        else:
            yield path


def read_paths(paths: Iterable[str | os.PathLike], *, max_bytes: int = MAX_BYTES,
               format: str | None = None) -> Iterator[Article | InputError]:
    """``read_path`` over several paths, one after another."""
    for path in paths:
        yield from read_path(path, max_bytes=max_bytes, format=format)
