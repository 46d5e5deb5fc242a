"""`legation queries`: see the command's docstring (its --help)."""
from __future__ import annotations

import json

import click



@click.command("queries")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(fmt):
    """List the named queries with their summaries and parameters.

    \b
    Example:
        legation queries
    """
    import queries as lib
    items = lib.library().values()
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "summary": q.summary, "tags": list(q.tags), "params": [
            {"name": p.name, "type": p.type, "required": p.required, "default": p.default, "example": p.example,
             "description": p.description} for p in q.params]} for q in items], indent=1, ensure_ascii=False))
        return
    for q in items:
        click.echo(click.style(q.name, bold=True) + f"  {q.summary}")
        for p in q.params:
            opt = f" (default {p.default})" if p.default is not None else ""
            ex = f", e.g. {p.example}" if p.example else ""
            click.echo(f"    --param {p.name}=<{p.type}>{opt}{ex}  {p.description}")
