"""``python ingest_runner.py STORE PATH...``: ingest like ``legation ingest`` does, but on the bulk path from the
fifth article on, in small batches that go through the embedded store's journaled bulk loader — so that the
SIGKILL test can interrupt bulk loads as well as single-graph transactions. Exit status 1 if anything failed.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import graph_store.oxigraph_store as oxigraph_store  # noqa: E402
import legation.ingesting as ingesting  # noqa: E402
from graph_store import StoreConfig, open_store  # noqa: E402

BULK_AFTER = 5


def main(argv: list[str]) -> int:
    oxigraph_store.BULK_MIN_TRIPLES = 1          # every batch through bulk_load and its journal
    ingesting.BATCH_ARTICLES = 7                 # several batches in a small corpus
    store = open_store(StoreConfig(path=argv[0]))
    try:
        report = ingesting.ingest(store, argv[1:], bulk_after=BULK_AFTER)
    finally:
        store.close()
    print(f"{report.added} articles added, {report.unchanged} unchanged, {len(report.failed)} failed", file=sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
