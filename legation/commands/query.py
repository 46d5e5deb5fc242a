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
@click.option("--refresh-derived", "refresh", is_flag=True,
              help="recompute the derived graph the named queries read first (after tools other than legation "
                   "changed the store's articles); done anyway when it is missing or of an older version")
def command(query, store_dir, endpoint, params, fmt, refresh):
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
        store = _with_derived_graph(store, store_dir, endpoint, refresh)
        result = store.ask(text) if q.form == "ASK" else store.select(text)
    finally:
        store.close()
    click.echo(render(result, fmt))


def _with_derived_graph(store, store_dir, endpoint, refresh: bool = False):
    """The store, its derived graph computed first when it has none or one of an older format (an older store,
    or one a SPARQL server was loaded with by other means), or when asked: the named queries read it. Opens the
    store for writing to do so; says so on standard error."""
    import time

    from ..derived import status
    from ..errors import Error, StoreError
    from ..ingesting import refresh_derived
    state = status(store, thorough=False)
    if state == "current" and not refresh:
        return store
    store.close()
    if state != "current":
        click.echo(f"note: the store's derived graph is {state}: computing it (once) ...", err=True)
    started = time.perf_counter()
    try:
        store = open_store(store_dir, endpoint)
        refresh_derived(store, full=True)
    except Error as err:
        raise StoreError(f"the named queries read the derived graph, which is {state} in this store and could "
                         f"not be computed: {err}",
                         hint="run `legation ingest` once on the store (or give this process write access "
                              "to it); see README, 'Asking questions'") from None
    click.echo(f"note: derived graph computed in {time.perf_counter() - started:.1f} s", err=True)
    return store
