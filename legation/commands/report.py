"""`legation report`: see the command's docstring (its --help)."""
from __future__ import annotations

import os
import sys

import click

from ..options import open_store, store_options

FORMATS = ("md", "html", "csv", "json")
EXTENSIONS = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "csv": "csv", "json": "json"}


@click.command("report")
@click.argument("states", nargs=-1, required=True, metavar="STATE [STATE]")
@store_options
@click.option("--out", "-o", type=click.Path(dir_okay=False), help="write here instead of standard output")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="default: from the --out extension, else md")
@click.option("--since", metavar="DATE", help="only events from this date on (YYYY, YYYY-MM or YYYY-MM-DD)")
@click.option("--until", metavar="DATE", help="only events up to this date")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="only events of this PLOVER type or polarity (cooperation, neutral, friction); repeatable")
@click.option("--lang", type=click.Choice(["en", "ar", "ru"]), default="en", show_default=True,
              help="language of the names (quotes always stay in their original language)")
@click.option("--screenshot", type=click.Path(dir_okay=False),
              help="also write a PNG screenshot of the HTML report's first screen, 1200×1500 (needs Chromium and "
                   "--out)")
def command(states, store_dir, endpoint, out, fmt, since, until, types, lang, screenshot):
    """Report on the relations between two states (or of one state with all others): summary counts, a timeline
    of events per month by type, meetings with date, place, participants and topics, agreements and cooperation,
    frictions, the people involved on each side with their posts, topics, statements quoted in the original
    language, and the sources behind every line. Markdown, HTML, CSV or JSON.

    \b
    Example:
        legation report RU PK --out ru-pk.html
        legation report RU --since 2023 --format csv > ru.csv
    """
    from explore import facts as explore_facts
    from explore import report as explore_report

    if len(states) > 2:
        raise click.BadParameter("give one state or a pair", param_hint="STATE [STATE]")
    if fmt is None:
        ext = os.path.splitext(out or "")[1].lower().lstrip(".")
        fmt = EXTENSIONS.get(ext, "md")
    if screenshot and (fmt != "html" or not out):
        raise click.BadParameter("a screenshot needs --out FILE.html", param_hint="--screenshot")
    selection = explore_facts.Selection.make(states, since, until, types)
    store = open_store(store_dir, endpoint, read_only=True)
    try:
        facts = explore_facts.load(store, selection)
    finally:
        store.close()
    report = explore_report.build(facts, lang=lang)
    renderer = {"md": "render_md", "html": "render_html", "csv": "render_csv", "json": "render_json"}[fmt]
    import importlib
    text = importlib.import_module(f"explore.{renderer}").render(report)
    if out:
        try:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as e:
            raise click.FileError(out, hint=e.strerror or str(e))
        click.echo(f"wrote {out} ({fmt}): {report.summary['events']:,} events, "
                   f"{report.summary['sources']:,} sources", err=True)
    else:
        sys.stdout.write(text)
    if not facts.events:
        click.echo(f"note: no event matches {selection.describe()}", err=True)
    if screenshot:
        from explore.screenshot import screenshot as shoot
        shoot(out, screenshot, width=1200, height=1500)
        click.echo(f"wrote {screenshot}", err=True)
