"""The legation command line: ingest news into a knowledge graph, query it, explore it.

Library errors (legation.errors) become one line on standard error naming the file or endpoint, with a hint;
a batch goes on past bad files and the exit status says whether anything failed.
"""
from __future__ import annotations

import json
import sys

import click

from . import __version__
from .errors import Error, InputError


def fail(err: Error) -> None:
    msg = f"Error: {err}"
    if err.hint:
        msg += f" (hint: {err.hint})"
    click.echo(msg, err=True)


class Group(click.Group):
    """Turns library errors into one clear line (no stack trace) and exit status 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Error as err:
            fail(err)
            ctx.exit(1)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="legation")
def cli():
    """legation: a knowledge graph of diplomatic and military relations, built from news in Arabic, Russian and
    English, every fact traced to the sentence it came from.

    \b
    Example:
        legation ingest samples/ && legation query meetings-between --param a=RU --param b=PK
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "ttl", "jsonld", "trig"]), default="jsonl",
              show_default=True, help="jsonl: the extraction contract; ttl/jsonld/trig: the RDF of each article")
def extract(paths, fmt):
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


def main() -> None:
    cli(prog_name="legation")


if __name__ == "__main__":
    main()
