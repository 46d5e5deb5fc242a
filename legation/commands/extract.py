"""`legation extract`: see the command's docstring (its --help)."""
from __future__ import annotations

import json
import sys

import click

from ..errors import InputError
from ..options import fail


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "ttl", "jsonld", "trig"]), default="jsonl",
              show_default=True, help="jsonl: the extraction contract; ttl/jsonld/trig: the RDF of each article")
def command(paths, fmt):
    """Extract states, officials, organisations, events and topics from articles, without a store.

    Prints one JSON object per input file, in input order (a file holding several articles — a feed, a JSON Lines
    file — prints one object per article). A file that cannot be read prints a JSON object with an "error" key
    and the problem goes to standard error; the exit status is 1 if any input failed.

    \b
    Example:
        legation extract ../shared/corpus/seed-ar-ru-pk-2021-09-29.txt --format jsonl
    """
    from ingest.contract import to_json
    from ingest.extract import extract as run
    from ingest.readers import read_path

    failed = False
    for path in paths:
        for item in read_path(path):
            if isinstance(item, InputError):
                fail(item)
                failed = True
                if fmt == "jsonl":
                    click.echo(json.dumps({"path": path, "error": item.problem}, ensure_ascii=False))
                continue
            ex = run(item)
            if fmt == "jsonl":
                click.echo(json.dumps(to_json(ex, path), ensure_ascii=False))
            else:
                from ingest.to_rdf import to_dataset
                ds = to_dataset(ex)
                click.echo(ds.serialize(format={"ttl": "trig", "trig": "trig", "jsonld": "json-ld"}[fmt]))
    sys.exit(1 if failed else 0)
