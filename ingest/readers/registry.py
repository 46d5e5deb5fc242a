"""The readers, registered by name, and the choice of one for a file.

Like rdflib's ``plugin.py``: a reader is named and found through a small table, loaded only when used.
Each reader module has ``read(data: bytes, path: str) -> Iterator[Article | InputError]`` and
``sniff(head: str) -> bool`` (does the start of the file look like this format?).
"""
from __future__ import annotations

import codecs
import importlib
import os
from dataclasses import dataclass
from types import MappingProxyType, ModuleType

from legation.errors import ConfigError


@dataclass(frozen=True)
class ReaderInfo:
    """A registered reader: its module and the file name extensions that hint at it."""

    name: str
    module: str
    extensions: tuple[str, ...]


# In sniffing order; "text" is the fallback and sniffs nothing.
READERS = MappingProxyType({info.name: info for info in (
    ReaderInfo("feed", "ingest.readers.feed", (".rss", ".atom", ".xml", ".rdf")),
    ReaderInfo("html", "ingest.readers.html", (".html", ".htm", ".xhtml", ".shtml")),
    ReaderInfo("jsonl", "ingest.readers.jsonl", (".jsonl", ".ndjson", ".json")),
    ReaderInfo("text", "ingest.readers.text", (".txt", ".text")),
)})
FALLBACK = "text"


def reader_names() -> list[str]:
    """The names of the registered readers."""
    return list(READERS)


def get_reader(name: str) -> ModuleType:
    """The reader module registered as ``name``; ConfigError for an unknown name."""
    try:
        info = READERS[name]
    except KeyError:
        raise ConfigError(f"unknown reader {name!r}; known readers: {', '.join(READERS)}") from None
    return importlib.import_module(info.module)


def sniff_head(data: bytes, size: int = 4096) -> str:
    """The start of ``data`` as lower-case text good enough for sniffing markup (BOM and NULs dropped)."""
    head = data[: size * 4]
    for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom):]
            break
    return head.replace(b"\x00", b"")[:size].decode("latin-1").lower().lstrip()


def choose_reader(data: bytes, path: str) -> str:
    """The reader for a file: by content when it is clear, else by extension, else plain text."""
    head = sniff_head(data)
    for name in READERS:
        if name != FALLBACK and get_reader(name).sniff(head):
            return name
    ext = os.path.splitext(path)[1].lower()
    for info in READERS.values():
        if ext in info.extensions:
            return info.name
    return FALLBACK
