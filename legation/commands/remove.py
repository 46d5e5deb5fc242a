"""`legation remove`: see the command's docstring (its --help)."""
from __future__ import annotations


import click

from ..options import open_store, store_options


@click.command("remove")
@click.argument("article")
@store_options
def command(article, store_dir, endpoint):
    """Remove an article and every fact only it attested (facts other articles also report stay).

    ARTICLE is the article's id (its content hash, as `legation extract` prints it) or its IRI.

    \b
    Example:
        legation remove c4f12ae3fc73137bc89332d28807328d
    """
    from ..ingesting import remove as run
    store = open_store(store_dir, endpoint)
    try:
        found = run(store, article)
    finally:
        store.close()
    if not found:
        raise click.ClickException(f"no article {article} in the store")
    click.echo(f"removed {article}", err=True)
