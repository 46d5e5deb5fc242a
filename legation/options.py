"""Options and helpers shared by the commands: the store options and one-line error reports."""
from __future__ import annotations

import re

import click

from .errors import Error

# Line breaks and other control characters, and the bidi controls that reorder what a terminal shows
# (a file name can hold any of them): written as escapes, so that one error is one honest line.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r"}


def one_line(text: str) -> str:
    """``text`` with line breaks, control characters and bidi overrides escaped (``\\n``, ``\\x1b``, ``\\u202e``)."""
    def escape(m: re.Match) -> str:
        ch = m.group(0)
        return _ESCAPES.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
    return _UNPRINTABLE.sub(escape, text)


def fail(err: Error) -> None:
    """Report a library error as one line on standard error (with its hint)."""
    msg = f"Error: {err}"
    if err.hint:
        msg += f" (hint: {err.hint})"
    click.echo(one_line(msg), err=True)


def store_options(f):
    """--store DIR / --endpoint URL on every command that reads or writes the store."""
    f = click.option("--endpoint", metavar="URL",
                     help="a SPARQL 1.1 query URL to use as the store (update and Graph Store URLs are derived "
                          "for Oxigraph server and Virtuoso; see README). Env: LEGATION_ENDPOINT")(f)
    f = click.option("--store", "store_dir", metavar="DIR", type=click.Path(file_okay=False),
                     help="the embedded store's directory (default: $LEGATION_STORE, else "
                          "~/.local/share/legation/store)")(f)
    return f


def open_store(store_dir, endpoint, read_only: bool = False, load_threads: int | None = None):
    """The store the options name; ``read_only`` and ``load_threads`` apply to the embedded store only."""
    from graph_store import StoreConfig, open_store as _open
    config = StoreConfig.resolve(store=store_dir, endpoint=endpoint)
    if config.backend == "oxigraph":
        if read_only:
            config = config.with_(read_only=True)
        if load_threads:
            config = config.with_(load_threads=load_threads)
    return _open(config)
