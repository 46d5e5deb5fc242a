"""`legation graph`: see the command's docstring (its --help)."""
from __future__ import annotations

import os

import click

from ..options import open_store, store_options

FORMATS = ("html", "graphml", "gexf")


def _format(fmt: str | None, out: str) -> str:
    if fmt:
        return fmt
    ext = os.path.splitext(out)[1].lower().lstrip(".")
    return {"htm": "html", "xml": "graphml"}.get(ext, ext) if ext in FORMATS + ("htm", "xml") else "html"


@click.command("graph")
@store_options
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False), help="the file to write")
@click.option("--view", type=click.Choice(["entities", "states"]), default="entities", show_default=True,
              help="entities: states, people, organisations, events, topics; states: state-to-state links "
                   "weighted by events, coloured from cooperation to friction")
@click.option("--state", "states", multiple=True, metavar="CODE",
              help="only events this state takes part in; give it twice for a pair (ISO codes: RU, PK …)")
@click.option("--since", metavar="DATE", help="only events from this date on (YYYY, YYYY-MM or YYYY-MM-DD)")
@click.option("--until", metavar="DATE", help="only events up to this date")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="only events of this PLOVER type (CONSULT, AGREE …) or polarity (cooperation, neutral, "
                   "friction); repeatable")
@click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
              help="states view: links with fewer events are left out; entities view: nodes in fewer events")
@click.option("--lang", type=click.Choice(["en", "ar", "ru"]), default="en", show_default=True,
              help="language of the labels")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="default: from the --out extension, else html")
@click.option("--title", help="the page's title")
@click.option("--physics/--no-physics", default=None,
              help="let the page relax the layout (default: for up to 1,000 nodes)")
@click.option("--screenshot", type=click.Path(dir_okay=False),
              help="also write a PNG screenshot of the page (needs Chromium; html only)")
def command(store_dir, endpoint, out, view, states, since, until, types, min_weight, lang, fmt, title, physics,
            screenshot):
    """Draw the network of states, people, organisations, events and topics as an interactive HTML page that
    works offline (no request leaves the machine), or write it as GraphML/GEXF for Gephi.

    The page shows a legend, sizes nodes by degree, and has tooltips with the evidence sentence (in its original
    language), its date and source; type a name in the search box to find a node.

    \b
    Example:
        legation graph --view states --since 2020 --out relations.html
        legation graph --state RU --state PK --lang ar --out ru-pk.html
        legation graph --view states --format gexf --out relations.gexf
    """
    from explore import facts as explore_facts
    from explore import network

    fmt = _format(fmt, out)
    if screenshot and fmt != "html":
        raise click.BadParameter("a screenshot needs the html format", param_hint="--screenshot")
    selection = explore_facts.Selection.make(states, since, until, types)
    store = open_store(store_dir, endpoint, read_only=True)
    try:
        facts = explore_facts.load(store, selection)
    finally:
        store.close()
    g = network.build(facts, view=view, lang=lang, min_weight=min_weight)
    if fmt == "html":
        from explore.page import write_page
        what = "state relations" if view == "states" else "entities"
        heading = title or f"legation — {what}: {selection.describe()}"
        subtitle = f"{len(facts.events)} events from {len(facts.sources)} articles"
        write_page(g, out, title=heading, subtitle=subtitle, lang=lang, physics=physics)
    else:
        from explore.formats import write
        write(g, out, fmt)
    click.echo(f"wrote {out} ({fmt}): {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges from "
               f"{len(facts.events):,} events", err=True)
    if not facts.events:
        click.echo(f"note: no event matches {selection.describe()}", err=True)
    if screenshot:
        from explore.screenshot import screenshot as shoot
        log = shoot(out, screenshot)
        click.echo(f"wrote {screenshot}", err=True)
        for problem in log.console_errors() + [f"blocked request: {u}" for u in log.blocked]:
            click.echo(f"warning: the page reported: {problem}", err=True)
