"""`legation query`: see the command's docstring (its --help)."""
from __future__ import annotations


import click

from ..options import open_store, store_options


@click.command("query")
@click.argument("query")
@store_options
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="a parameter value (repeatable); see `legation queries`")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "markdown"]), default="table",
              show_default=True, help="json is the SPARQL 1.1 Query Results JSON format")
def command(query, store_dir, endpoint, params, fmt):
    """Run a named query (see `legation queries`) or a .rq file against the store.

    Parameter values are bound as typed RDF terms (a state's IRI from its ISO code, xsd:date for dates), never
    pasted into the query text.

    \b
    Example:
        legation query meetings-between --param a=RU --param b=PK --param since=2020-01-01
    """
    import queries as lib
    from queries.output import render
    q = lib.get(query)
    values = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        values[name.strip()] = value
    text = lib.bind(q, values)
    store = open_store(store_dir, endpoint, read_only=True)
    try:
        result = store.ask(text) if q.form == "ASK" else store.select(text)
    finally:
        store.close()
    click.echo(render(result, fmt))
