"""`legation ingest`: see the command's docstring (its --help)."""
from __future__ import annotations

import sys

import click

from ..options import fail, open_store, store_options


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_options
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="extract in this many processes (identities and writes stay in input order; each article's graph "
                   "is written all or nothing)")
@click.option("--scheduler", metavar="ADDRESS",
              help="extract on the Dask cluster of this scheduler (tcp://HOST:PORT) instead of local processes; "
                   "needs the `dask` extra. Env: LEGATION_SCHEDULER")
@click.option("--load-threads", type=click.IntRange(1, 256), metavar="N",
              help="embedded store: threads of the last bulk load of an ingest (default: one per CPU; "
                   "config file: load_threads)")
@click.option("--compact/--no-compact", default=None,
              help="embedded store: merge its files at the end (default: when the run wrote 1M triples or more; "
                   "queries on a freshly bulk-loaded store can take twice as long)")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar")
def command(paths, store_dir, endpoint, jobs, scheduler, load_threads, compact, quiet):
    """Read articles (files, directories, HTML, RSS/Atom, JSON Lines) into the knowledge graph.

    Each article becomes one named graph, written atomically; an article already in the store (same content)
    is left as it is. A file that cannot be read is reported in one line and the others are still ingested;
    the exit status is 1 if anything failed. Extraction runs in --jobs processes, or on a Dask cluster with
    --scheduler; identities are resolved and graphs written here, in input order. Large ingests are written
    in batches (bulk loads), each article's graph still all or nothing, and end by compacting the embedded
    store (--no-compact: not now).

    \b
    Example:
        legation ingest samples/ --store ./kg --jobs 2
        legation ingest corpus.jsonl --store ./kg --scheduler tcp://10.0.0.5:8786
    """
    import os

    from ..errors import Error
    from ..ingesting import COMPACT_TRIPLES
    from ..ingesting import ingest as run

    scheduler = scheduler or os.environ.get("LEGATION_SCHEDULER") or None
    executor = None
    if scheduler:
        from ..distributed import DaskExecutor
        try:
            executor = DaskExecutor.connect(scheduler)
        except Error as e:
            fail(e)
            sys.exit(2)
    store = open_store(store_dir, endpoint, load_threads=load_threads)
    bar = None
    try:
        def progress(done, total, path):
            nonlocal bar
            if quiet or total < 2:
                return
            if bar is None:
                bar = click.progressbar(length=total, label="ingesting", file=sys.stderr)
                bar.__enter__()
            bar.update(1)

        compact_after = COMPACT_TRIPLES if compact is None else (0 if compact else None)
        report = run(store, paths, jobs=jobs, progress=progress, executor=executor, compact_after=compact_after,
                     on_error=lambda e: (fail(e) if bar is None else None))
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        store.close()
        if executor is not None:
            executor.close()
    if bar is not None:
        for e in report.failed:
            fail(e)
    rate = report.articles / report.seconds if report.seconds else 0
    click.echo(f"{report.added} articles added, {report.unchanged} unchanged, {len(report.failed)} failed "
               f"({report.articles} read in {report.seconds:.1f} s, {rate:.1f} articles/s)", err=True)
    sys.exit(0 if report.ok else 1)
