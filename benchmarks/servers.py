"""Loading a SPARQL server: the Graph Store Protocol in batches (the ``sparql`` back-end's ``put_graphs``) against
SPARQL ``INSERT DATA`` (the same back-end without a GSP URL), on Oxigraph server and Virtuoso 7 started here
(``tests/servers.py``), then the reference graph and the derived graph (as an ingest leaves a store: the named
queries read them) and every named query on each (median of ``--repeat``).

    python -m benchmarks.servers --nq base-1000.nq          # an N-Quads file, graph after graph (benchmarks.run
                                                             # writes one: base-<size>.nq in its --work dir)
A server that cannot be started is reported and skipped.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "tests"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from benchmarks.run import LOAD_BATCH, _graph_batches, query_values  # noqa: E402


def _load(store, nq: str, batch: int) -> tuple[int, float]:
    n = 0
    t = time.perf_counter()
    for graphs in _graph_batches(nq, batch):
        store.put_graphs(graphs)
        n += sum(text.count("\n") for text in graphs.values())
    return n, time.perf_counter() - t


def _queries(store, repeat: int) -> dict:
    import queries as lib
    out = {}
    for name, q in sorted(lib.library().items()):
        text = lib.bind(q, query_values(q))
        times = []
        try:
            for _ in range(repeat + 1):
                t = time.perf_counter()
                store.ask(text) if q.form == "ASK" else store.select(text)
                times.append(time.perf_counter() - t)
                if times[0] > 10:
                    break
        except Exception as e:
            out[name] = {"error": f"{type(e).__name__}: {str(e)[:160]}"}
            continue
        out[name] = {"first": times[0], "median": statistics.median(times[1:] or times)}
    return out


def bench(server, nq: str, repeat: int, insert: bool) -> dict:
    from servers import server_store
    res: dict = {"server": server.name}
    store = server_store(server.url, timeout=300, retries=1)
    store.clear() if hasattr(store, "clear") else None
    n, took = _load(store, nq, LOAD_BATCH)
    res["gsp"] = {"triples": n, "seconds": took, "rate": n / took}
    print(f"{server.name}: GSP put_graphs {n:,} triples in {took:.1f} s = {n / took:,.0f} triples/s", flush=True)
    # what an ingest adds to the article graphs, and the named queries read: the reference and derived graphs
    from legation.ingesting import ensure_reference, refresh_derived
    t = time.perf_counter()
    ensure_reference(store)
    refresh_derived(store, full=True)
    res["derived"] = {"seconds": time.perf_counter() - t}
    print(f"{server.name}: reference and derived graphs in {res['derived']['seconds']:.1f} s", flush=True)
    res["queries"] = _queries(store, repeat)
    for name, r in res["queries"].items():
        shown = f"{r['median'] * 1000:,.0f} ms" if "median" in r else r["error"]
        print(f"    {name:28} {shown}", flush=True)
    if insert:
        store.clear() if hasattr(store, "clear") else None
        store.gsp_endpoint = None                    # the back-end's SPARQL Update fallback: INSERT DATA chunks
        n, took = _load(store, nq, LOAD_BATCH)
        res["insert"] = {"triples": n, "seconds": took, "rate": n / took}
        print(f"{server.name}: INSERT DATA {n:,} triples in {took:.1f} s = {n / took:,.0f} triples/s", flush=True)
    return res


def main(argv: list[str] | None = None) -> int:
    from servers import ServerUnavailable, start_oxigraph, start_virtuoso
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nq", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-insert", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args(argv)
    results = []
    for start in (start_oxigraph, start_virtuoso):
        with tempfile.TemporaryDirectory(prefix="legation-bench-server-") as d:
            try:
                server = start(Path(d))
            except ServerUnavailable as e:
                print(f"{start.__name__}: unavailable: {str(e).splitlines()[0]}")
                continue
            try:
                results.append(bench(server, args.nq, args.repeat, not args.no_insert))
            finally:
                server.stop()
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
