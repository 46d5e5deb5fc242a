"""`legation validate`: see the command's docstring (its --help)."""
from __future__ import annotations

import json
import sys

import click

from ..options import open_store, store_options


@click.command("validate")
@store_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--limit", default=50, show_default=True, help="violations to print")
def command(store_dir, endpoint, fmt, limit):
    """Check the stored graph against the SHACL shapes of the ontology; exit status 1 when it does not conform.

    \b
    Example:
        legation validate --store ./kg
    """
    import io

    from rdflib import Dataset
    from ontology.validate import validate as run
    store = open_store(store_dir, endpoint, read_only=True)
    try:
        buf = io.BytesIO()
        store.dump(buf, "nq")
    finally:
        store.close()
    ds = Dataset()
    ds.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
    report = run(ds)
    if fmt == "json":
        click.echo(json.dumps({"conforms": report.conforms, "violations": [
            {"focus": str(v.focus), "path": str(v.path), "message": str(v.message)} for v in report.violations]},
            indent=1))
    else:
        for v in report.violations[:limit]:
            click.echo(f"{v.focus}  {v.path}  {v.message}")
        n = len(report.violations)
        click.echo(f"{'conforms' if report.conforms else 'does not conform'}: {n} violation(s), "
                   f"{len(ds)} triples checked", err=True)
    sys.exit(0 if report.conforms else 1)
