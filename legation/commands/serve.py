"""`legation serve`: see the command's docstring (its --help)."""
from __future__ import annotations

import signal

import click


@click.command("serve")
@click.option("--store", "store_dir", metavar="DIR", type=click.Path(file_okay=False),
              help="the store's directory (default: $LEGATION_STORE, else ~/.local/share/legation/store)")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535), help="the TCP port")
@click.option("--read-only", is_flag=True, help="refuse updates (and let other read-only processes share the store)")
def command(store_dir, port, read_only):
    """Serve the store as a SPARQL 1.1 endpoint on 127.0.0.1, until Ctrl-C.

    Runs the Oxigraph server (the `oxigraph` program, the same version as pyoxigraph) over the store
    directory, with the default graph as the union of the named graphs - the same answers as the embedded
    store. Prints the SPARQL query URL (for `legation query --endpoint URL`, or any SPARQL client) and the
    web page to write queries in. While it runs, the store is locked: other commands reach it through
    --endpoint URL.

    \b
    Example:
        legation serve --port 7878
    """
    from graph_store import StoreConfig
    from graph_store.server import start_server

    from ..errors import ConfigError, StoreError

    config = StoreConfig.resolve(store=store_dir)
    if config.backend != "oxigraph" or not config.path:
        raise ConfigError(f"the store is the endpoint {config.location}: `legation serve` serves a store "
                          "directory", hint="give --store DIR, or unset LEGATION_ENDPOINT")
    server = start_server(config.path, port=port, read_only=read_only)
    # Ctrl-C and SIGTERM stop the server, even when this process was started with SIGINT ignored (as a shell
    # starts background jobs)
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        click.echo(f"SPARQL endpoint:  {server.query_url}")
        if server.update_url:
            click.echo(f"SPARQL update:    {server.update_url}")
        click.echo(f"Query page:       {server.page_url}")
        click.echo(f"Store:            {server.store}{' (read-only)' if read_only else ''}")
        click.echo("Press Ctrl-C to stop.")
        status = server.wait()
        tail = server.error_output().strip().splitlines()
        raise StoreError(f"the Oxigraph server stopped on its own (exit status {status})"
                         + (f": {tail[-1]}" if tail else ""))
    except KeyboardInterrupt:
        click.echo("Stopping.", err=True)
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _interrupt(signum, frame):
    raise KeyboardInterrupt
