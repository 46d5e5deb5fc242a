"""`legation queries`: see the command's docstring (its --help)."""
from __future__ import annotations

import json
import textwrap

import click


@click.command("queries")
@click.argument("name", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(name, fmt):
    """List the named queries with their summaries and parameters, or show one query in full.

    Run one with `legation query NAME --param NAME=VALUE ...`; parameters left out take their defaults.

    \b
    Example:
        legation queries meetings-between
    """
    import queries as lib
    items = [lib.get(name)] if name else list(lib.library().values())
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "summary": q.summary, "description": q.description,
                                "tags": list(q.tags), "params": [
            {"name": p.name, "type": p.type, "required": p.required, "default": p.default, "example": p.example,
             "description": p.description} for p in q.params]} for q in items], indent=1, ensure_ascii=False))
        return
    for q in items:
        click.echo(click.style(q.name, bold=True) + f"  {q.summary}")
        if name:
            click.echo(textwrap.fill(q.description, width=100, initial_indent="    ", subsequent_indent="    "))
            click.echo(f"    tags: {', '.join(q.tags)}")
        for p in q.params:
            opt = f" (default {p.default})" if p.default is not None else ""
            ex = f", e.g. {p.example}" if p.example else ""
            click.echo(f"    --param {p.name}=<{p.type}>{opt}{ex}  {p.description}")
        if name:
            required = " ".join(f"--param {p.name}={p.example}" for p in q.params if p.required)
            click.echo(f"    example: legation query {q.name} {required}".rstrip())
