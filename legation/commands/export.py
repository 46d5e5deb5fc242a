"""`legation export`: see the command's docstring (its --help)."""
from __future__ import annotations

import sys

import click

from ..errors import OutputError
from ..options import open_store, store_options


@click.command("export")
@store_options
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "nt", "jsonld"]), default="trig",
              show_default=True, help="trig/nq keep the named graphs (one per article); ttl/nt/jsonld merge them")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="write here instead of standard output")
def command(store_dir, endpoint, fmt, out):
    """Write the whole graph in an RDF format, to standard output or a file.

    \b
    Example:
        legation export --format trig --out graph.trig
    """
    import os
    import tempfile
    store = open_store(store_dir, endpoint, read_only=True)
    try:
        if out:
            directory = os.path.dirname(os.path.abspath(out))
            try:
                fd, tmp = tempfile.mkstemp(dir=directory, prefix=".legation-export-")
            except OSError as err:
                raise OutputError(f"{out}: cannot write there: {err.strerror or err}",
                                  hint="give --out a file in an existing, writable directory") from None
            try:
                with os.fdopen(fd, "wb") as fh:
                    store.dump(fh, fmt)
                os.replace(tmp, out)        # never a half-written file at OUT
            except BaseException:
                os.unlink(tmp)
                raise
        else:
            store.dump(sys.stdout.buffer, fmt)
    finally:
        store.close()
