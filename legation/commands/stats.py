"""`legation stats`: see the command's docstring (its --help)."""
from __future__ import annotations

import json

import click

from ..options import open_store, store_options


@click.command("stats")
@store_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def command(store_dir, endpoint, fmt):
    """Count what the store holds: articles, triples, mentions, distinct events, people, states, organisations.

    \b
    Example:
        legation stats --format json
    """
    from ..stats import stats as run
    store = open_store(store_dir, endpoint, read_only=True)
    try:
        counts = run(store)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(counts, indent=1))
    else:
        width = max(map(len, counts))
        for k, v in counts.items():
            click.echo(f"{k:<{width}}  {v:>10,}")
