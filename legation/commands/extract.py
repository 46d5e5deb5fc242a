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
              show_default=True, help="jsonl: the extraction contract; trig/jsonld: the RDF, one named graph per article; ttl: the same triples merged")
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
    rdf = None                  # the RDF of every article, printed as one document at the end
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
                rdf = _merge(rdf, to_dataset(ex))
    if rdf is not None:
        click.echo(_serialize(rdf, fmt))
    sys.exit(1 if failed else 0)


def _merge(into, ds):
    """The quads of ``ds`` added to ``into`` (each article keeps its named graph); ``ds`` when ``into`` is None."""
    if into is None:
        return ds
    for s, p, o, g in ds.quads((None, None, None, None)):
        into.graph(g).add((s, p, o))
    return into


def _serialize(ds, fmt: str) -> str:
    """trig and jsonld keep one named graph per article; ttl merges them into one graph of triples."""
    if fmt != "ttl":
        return ds.serialize(format={"trig": "trig", "jsonld": "json-ld"}[fmt])
    from rdflib import Graph
    merged = Graph(namespace_manager=ds.namespace_manager)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged.serialize(format="turtle")
