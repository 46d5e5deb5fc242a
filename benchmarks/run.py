"""Benchmarks of legation at one corpus size, each figure beside a baseline measured in the same run.

    python -m benchmarks.run --size 1000 --jobs 2
    python -m benchmarks.run --size 10000 --jobs 2 --scales 1000000,10000000
    python -m benchmarks.run --quick                       # 200 articles, small enough for CI

Steps (each measurement in a child process, whose peak RSS — children included — is sampled with psutil):

1. generate the corpus (``benchmarks.generate``; reused when already there);
2. ingest it end to end (read, extract, resolve, map, write) into the embedded store, with ``--jobs 1`` and with
   ``--jobs N``; baseline: the same pipeline writing to an rdflib ``Memory`` store (on the first
   ``--baseline-articles`` articles: rdflib's SPARQL engine makes identity lookups slow as the store grows);
3. export the article graphs as N-Quads and load them into a fresh embedded store through the bulk path
   (``put_graphs``); baselines: SPARQL ``INSERT DATA`` batches of 1,000 triples into the same kind of store, and
   rdflib's parser into a ``Memory`` store;
4. run every named query (``queries.library()``, example parameters) on the ingested store: the first run, and
   the median of 5 more; baseline: the same queries on rdflib;
5. for each ``--scales`` target (e.g. 1M and 10M triples): copy the exported graphs with renamed article, event,
   statement and mention IRIs until the target is reached, bulk-load, query; baselines as in 3 and 4 up to
   ``--rdflib-max`` / ``--insert-max`` triples.

Prints a table per step and writes every figure to ``--out`` (JSON).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from legation.allocator import loaded as allocator_loaded  # noqa: E402  (after the path is set)

ID_BASE = "https://w3id.org/legation/id/"
RENAMED = ("article/", "graph/article/", "event/", "statement/")   # IRI paths made distinct in each copy
INSERT_BATCH = 1_000
INSERT_SAMPLE = 1_000_000      # the INSERT DATA baseline loads at most this many triples (its rate is flat)
LOAD_BATCH = 250_000


# --- measuring ----------------------------------------------------------------------------------------------

class PeakRSS:
    """Samples the resident memory of a process and all its descendants; ``peak`` in bytes."""

    def __init__(self, pid: int, interval: float = 0.05):
        import psutil
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil
        while not self._stop.is_set():
            total = 0
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
            except psutil.Error:
                break
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def child(*args: str, timeout: float | None = None) -> dict:
    """Run ``python -m benchmarks.run <args>`` and return the JSON it prints, with ``peak_rss`` and ``wall``."""
    cmd = [sys.executable, "-m", "benchmarks.run", *args]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakRSS(proc.pid) as rss:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return {"timeout": timeout, "peak_rss": rss.peak, "wall": time.perf_counter() - started}
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss"] = rss.peak
    result["wall"] = time.perf_counter() - started
    return result


def du(path: str | Path) -> int:
    total = 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            try:
                total += os.path.getsize(os.path.join(dirpath, n))
            except OSError:
                pass
    return total


def cpu_seconds(children: bool = True) -> float:
    import resource
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + (kids.ru_utime + kids.ru_stime if children else 0.0)


# --- children: one measurement each ---------------------------------------------------------------------------

def _open(kind: str, path: str | None, load_threads: int | None = None):
    if kind == "rdflib":
        from benchmarks.rdflib_store import RdflibMemoryStore
        return RdflibMemoryStore()
    from graph_store import StoreConfig
    from graph_store.oxigraph_store import OxigraphStore
    return OxigraphStore(StoreConfig(path=path, load_threads=load_threads))


def do_ingest(args) -> dict:
    from legation.ingesting import ingest
    store = _open(args.backend, args.store)
    executor = cluster = None
    if args.dask:
        from distributed import Client, LocalCluster
        from legation.distributed import DaskExecutor
        cluster = LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        executor = DaskExecutor(Client(cluster, set_as_default=False), own=True)
    c0, m0, t0 = cpu_seconds(), cpu_seconds(children=False), time.perf_counter()
    report = ingest(store, [args.corpus], jobs=args.jobs, executor=executor)
    took, cpu, cpu_main = time.perf_counter() - t0, cpu_seconds() - c0, cpu_seconds(children=False) - m0
    triples = store.count_triples()
    store.close()
    if executor is not None:
        executor.close()
        cluster.close()
    return {"articles": report.articles, "added": report.added, "failed": len(report.failed), "seconds": took,
            "cpu": cpu, "cpu_main": cpu_main, "triples_written": report.triples, "store_triples": triples,
            "stages": report.stages, "disk": du(args.store) if args.store else 0}


def do_export(args) -> dict:
    """The article graphs of a store as N-Quads, graph after graph (contiguous), to ``args.out``."""
    import pyoxigraph as ox
    store = _open("oxigraph", args.store)
    n = graphs = 0
    with open(args.out, "wb") as out:
        for g in store.graphs():
            if not g.startswith(ID_BASE + "graph/article/"):
                continue
            quads = list(store.store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
            out.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
            n += len(quads)
            graphs += 1
    store.close()
    return {"triples": n, "graphs": graphs, "bytes": os.path.getsize(args.out)}


def _graph_batches(path: str, limit: int):
    """(graph IRI → N-Triples text) batches of about ``limit`` triples from a graph-contiguous N-Quads file."""
    batch: dict[str, list[str]] = {}
    size = 0
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            head, graph, _ = line.rstrip("\n").rsplit(" ", 2)
            if graph != current:
                if size >= limit:
                    yield {g[1:-1]: "".join(lines) for g, lines in batch.items()}
                    batch, size = {}, 0
                current = graph
            batch.setdefault(graph, []).append(head + " .\n")
            size += 1
    if batch:
        yield {g[1:-1]: "".join(lines) for g, lines in batch.items()}


def _read_ahead(batches):
    """The items of ``batches``, the next one read on another thread while the caller works on this one (the
    bulk loader releases the GIL: reading the file then costs the load no time)."""
    import queue
    ready: queue.Queue = queue.Queue(maxsize=1)
    end = object()

    def read() -> None:
        try:
            for item in batches:
                ready.put(item)
        finally:
            ready.put(end)
    threading.Thread(target=read, daemon=True).start()
    while (item := ready.get()) is not end:
        yield item


def do_load(args) -> dict:
    """Load an N-Quads file: ``bulk`` (legation's put_graphs), ``insert`` (SPARQL INSERT DATA batches) or
    ``rdflib`` (rdflib's N-Quads parser into a Memory store)."""
    c0, t0 = cpu_seconds(), time.perf_counter()
    n = 0
    optimize = 0.0
    if args.method == "rdflib":
        from rdflib import Dataset
        ds = Dataset(store="Memory")
        ds.parse(args.nq, format="nquads")
        n = len(ds)
    else:
        store = _open("oxigraph", args.store, args.load_threads)
        batches = _graph_batches(args.nq, LOAD_BATCH if args.method == "bulk" else INSERT_BATCH)
        for graphs in (_read_ahead(batches) if args.method == "bulk" else batches):
            if args.method == "bulk":
                store.put_graphs(graphs)
                n += sum(t.count("\n") for t in graphs.values())
            else:
                body = "".join(f"GRAPH <{g}> {{\n{text}}}\n" for g, text in graphs.items())
                store.update(f"INSERT DATA {{\n{body}}}")
                n += sum(t.count("\n") for t in graphs.values())
                if n >= INSERT_SAMPLE:
                    break
        store.store.flush()
        if args.optimize:
            t = time.perf_counter()
            store.store.optimize()
            optimize = time.perf_counter() - t
        store.close()
    took = time.perf_counter() - t0
    return {"method": args.method, "triples": n, "seconds": took, "cpu": cpu_seconds() - c0,
            "rate": n / took if took else 0, "disk": du(args.store) if args.store else 0,
            "optimize_seconds": optimize, "load_threads": args.load_threads, "load_average": os.getloadavg()}


def query_values(q) -> dict[str, str]:
    return {p.name: p.example for p in q.params if p.example is not None}


class _Timeout(Exception):
    pass


def do_queries(args) -> dict:
    """Named queries: all of them on rdflib (each run cut at ``--max-seconds`` by an alarm: rdflib's engine is
    Python), or the one named by ``--only`` on the embedded store (the parent kills a run that takes too long)."""
    import signal

    import queries as lib
    if args.backend == "rdflib":
        from benchmarks.rdflib_store import RdflibMemoryStore
        store = RdflibMemoryStore()
        t = time.perf_counter()
        store.ds.parse(args.nq, format="nquads")
        load = time.perf_counter() - t

        def on_alarm(*_):
            raise _Timeout()
        signal.signal(signal.SIGALRM, on_alarm)
    else:
        from graph_store import StoreConfig
        from graph_store.oxigraph_store import OxigraphStore
        store = OxigraphStore(StoreConfig(path=args.store, read_only=True))
        load = 0.0
    out = {}
    names = [args.only] if args.only else sorted(lib.library())
    for name in names:
        q = lib.library()[name]
        text = lib.bind(q, query_values(q))
        run = store.ask if q.form == "ASK" else store.select
        times, cpus, rows = [], [], None
        for k in range(args.repeat + 1):
            t, c = time.perf_counter(), time.process_time()
            try:
                if args.backend == "rdflib":
                    signal.alarm(int(args.max_seconds))
                result = run(text)
                rows = len(result.rows) if hasattr(result, "rows") else int(bool(result))
            except _Timeout:
                out[name] = {"timeout": args.max_seconds}
                break
            except Exception as e:                    # a broken query is a finding, not a crash
                out[name] = {"error": f"{type(e).__name__}: {str(e)[:200]}"}
                break
            finally:
                if args.backend == "rdflib":
                    signal.alarm(0)
            times.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
            if times[0] > args.slow:                  # too slow to repeat: report the one run
                break
        if name not in out:
            rest, rest_cpu = times[1:] or times, cpus[1:] or cpus
            out[name] = {"first": times[0], "median": statistics.median(rest), "runs": len(rest), "rows": rows,
                         "cpu_median": statistics.median(rest_cpu)}
    store.close()
    return {"queries": out, "load": load}


def do_derive(args) -> dict:
    """What an ingest adds to loaded article graphs: the reference graph, then the derived graph recomputed
    from scratch (``refresh_derived(store, full=True)``), each timed (wall and CPU)."""
    from legation.ingesting import ensure_reference, refresh_derived
    store = _open("oxigraph", args.store)
    c0, t0 = cpu_seconds(), time.perf_counter()
    ensure_reference(store)
    c1, t1 = cpu_seconds(), time.perf_counter()
    refresh_derived(store, full=True)
    c2, t2 = cpu_seconds(), time.perf_counter()
    store.store.flush()
    derived = sum(1 for _ in store.store.quads_for_pattern(None, None, None, _derived_node()))
    store.close()
    return {"reference": {"seconds": t1 - t0, "cpu": c1 - c0},
            "derived": {"seconds": t2 - t1, "cpu": c2 - c1, "triples": derived}}


def _derived_node():
    import pyoxigraph as ox
    from legation.ingesting import DERIVED_GRAPH
    return ox.NamedNode(DERIVED_GRAPH)


def do_small(args) -> dict:
    """A small ingest into a large store (``args.target`` new articles of the corpus of ``args.seed`` from
    article ``args.start`` on: some retell stories the store holds), ingested again, then one of them removed:
    the derived graph's refresh timed in each (wall and CPU), besides the whole ingest and removal."""
    import legation.ingesting as ingesting
    from benchmarks.generate import articles
    timed: list[dict] = []
    refresh = ingesting.refresh_derived

    def timed_refresh(store, *a, **kw):
        c, t = cpu_seconds(), time.perf_counter()
        out = refresh(store, *a, **kw)
        timed.append({"seconds": time.perf_counter() - t, "cpu": cpu_seconds() - c})
        return out

    ingesting.refresh_derived = timed_refresh
    corpus = Path(args.out)
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    for i, art in enumerate(articles(args.target, seed=args.seed, start=args.start)):
        (corpus / f"{args.start + i:07d}-{art['lang']}.txt").write_text(art["text"], encoding="utf-8")
    store = _open("oxigraph", args.store)
    out: dict = {}
    for step in ("ingest", "again"):
        timed.clear()
        c, t = cpu_seconds(), time.perf_counter()
        report = ingesting.ingest(store, [str(corpus)])
        out[step] = {"seconds": time.perf_counter() - t, "cpu": cpu_seconds() - c, "added": report.added,
                     "derived": timed[0] if timed else None, "stages": dict(report.stages)}
    from ontology.iris import is_article_graph
    graphs = set(g for g in store.graphs() if is_article_graph(g))
    from ingest.readers import read_path
    first = next(iter(read_path(str(sorted(corpus.iterdir())[0]))))
    timed.clear()
    c, t = cpu_seconds(), time.perf_counter()
    found = ingesting.remove(store, first.id)
    out["remove"] = {"seconds": time.perf_counter() - t, "cpu": cpu_seconds() - c, "found": found,
                     "derived": timed[0] if timed else None}
    store.close()
    ingesting.refresh_derived = refresh
    shutil.rmtree(corpus, ignore_errors=True)
    out["graphs"] = len(graphs)
    return out


def _rename_line(line: str, k: int) -> str:
    for part in RENAMED:
        line = line.replace(ID_BASE + part, f"{ID_BASE}{part}x{k}-")
    return line


def do_amplify(args) -> dict:
    """Copies of a graph-contiguous N-Quads file with renamed IRIs until ``target`` triples."""
    with open(args.nq, encoding="utf-8") as f:
        base = f.readlines()
    n = 0
    copies = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while n < args.target:
            k = copies
            take = base if n + len(base) <= args.target else base[: args.target - n]
            # cut at a graph boundary so that every graph is whole
            if take is not base:
                last = take[-1].rsplit(" ", 2)[1]
                while take and take[-1].rsplit(" ", 2)[1] == last:
                    take = take[:-1]
                if not take:
                    break
            out.writelines(take if k == 0 else (_rename_line(line, k) for line in take))
            n += len(take)
            copies += 1
            if take is not base:
                break
    return {"triples": n, "copies": copies, "bytes": os.path.getsize(args.out)}


CHILDREN = {"child-ingest": do_ingest, "child-export": do_export, "child-load": do_load,
            "child-queries": do_queries, "child-amplify": do_amplify, "child-derive": do_derive,
            "child-small": do_small}


def child_main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=list(CHILDREN))
    ap.add_argument("--backend", default="oxigraph")
    ap.add_argument("--store")
    ap.add_argument("--corpus")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--dask", action="store_true")
    ap.add_argument("--nq")
    ap.add_argument("--out")
    ap.add_argument("--method")
    ap.add_argument("--optimize", action="store_true")
    ap.add_argument("--load-threads", type=int)
    ap.add_argument("--target", type=int)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--max-seconds", type=float, default=60.0)
    ap.add_argument("--slow", type=float, default=10.0)
    ap.add_argument("--only")
    args = ap.parse_args(argv)
    print(json.dumps(CHILDREN[args.what](args)))
    return 0


# --- the run ---------------------------------------------------------------------------------------------------

def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def _fmt_q(r: dict | None) -> str:
    if not r:
        return "—"
    if "error" in r:
        return "error"
    if "timeout" in r:
        return f"> {r['timeout']:.0f} s"
    return f"{r['median'] * 1000:,.0f} ms"


def machine() -> dict:
    import psutil
    return {"python": platform.python_version(), "cpus": os.cpu_count(), "ram": psutil.virtual_memory().total,
            "platform": platform.platform(), "load_before": os.getloadavg(),
            "allocator": "mimalloc" if allocator_loaded() else "glibc"}


def run(args) -> dict:
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    res: dict = {"size": args.size, "jobs": args.jobs, "machine": machine(), "commands": " ".join(sys.argv)}
    log = print
    if args.from_nq:
        base = Path(args.from_nq)
        res["load"], res["queries"] = {}, {}
        _scales(work, base, args, res, log)
        return res

    # 1. corpus
    corpus = work / f"corpus-{args.size}-s{args.seed}"
    marker = corpus / ".complete"
    if not marker.exists():
        from benchmarks.generate import write
        shutil.rmtree(corpus, ignore_errors=True)
        t = time.perf_counter()
        stats = write(args.size, corpus, seed=args.seed)
        stats["seconds"] = time.perf_counter() - t
        marker.write_text(json.dumps(stats))
    res["corpus"] = json.loads(marker.read_text())
    c = res["corpus"]
    log(f"corpus: {c['articles']} articles {c['by_lang']}, mean {c['bytes'] / c['articles']:.0f} bytes")

    # 2. ingest
    ingest = {}
    configs = [("oxigraph-j1", ["--jobs", "1"]), (f"oxigraph-j{args.jobs}", ["--jobs", str(args.jobs)])]
    if args.no_single:
        configs = configs[1:]
    if args.dask:
        configs.append((f"oxigraph-dask{args.jobs}", ["--jobs", str(args.jobs), "--dask"]))
    for name, extra in configs:
        store = work / f"store-{args.size}-{name}"
        shutil.rmtree(store, ignore_errors=True)
        r = child("child-ingest", "--store", str(store), "--corpus", str(corpus), *extra)
        ingest[name] = r
        log(f"ingest {name}: {r['articles'] / r['seconds']:.1f} articles/s ({r['seconds']:.0f} s, cpu "
            f"{r['cpu']:.0f} s, of which the ingesting process {r.get('cpu_main', 0):.0f} s), "
            f"{r['store_triples']:,} triples, peak {_mb(r['peak_rss'])}, disk {_mb(r['disk'])}")
    k = min(args.size, args.baseline_articles)
    if k:
        sub = work / f"corpus-{k}-s{args.seed}"
        if not (sub / ".complete").exists():
            from benchmarks.generate import write
            shutil.rmtree(sub, ignore_errors=True)
            (sub / ".complete").parent.mkdir(parents=True, exist_ok=True)
            (sub / ".complete").write_text(json.dumps(write(k, sub, seed=args.seed)))
        r = child("child-ingest", "--backend", "rdflib", "--corpus", str(sub), "--jobs", "1")
        ingest["rdflib-j1"] = r
        log(f"ingest rdflib-j1 ({k} articles): {r['articles'] / r['seconds']:.1f} articles/s, peak "
            f"{_mb(r['peak_rss'])}")
        if k < args.size:
            store = work / f"store-{k}-oxigraph-j1"
            shutil.rmtree(store, ignore_errors=True)
            r = child("child-ingest", "--store", str(store), "--corpus", str(sub), "--jobs", "1")
            ingest[f"oxigraph-j1-first{k}"] = r
            log(f"ingest oxigraph-j1 ({k} articles): {r['articles'] / r['seconds']:.1f} articles/s")
            shutil.rmtree(store, ignore_errors=True)
    res["ingest"] = ingest

    # 3. export + load
    base = work / f"base-{args.size}.nq"
    first = next(iter(ingest))
    main_store = work / f"store-{args.size}-{first}"
    res["export"] = child("child-export", "--store", str(main_store), "--out", str(base))
    res["load"] = {}
    res["load"][res["export"]["triples"]] = _loads(work, base, res["export"]["triples"], args, log)

    # 4. queries on the ingested store
    res["queries"] = {}
    n = res["ingest"][first]["store_triples"]
    res["queries"][n] = _queries(main_store, base, args, log, rdflib=n <= args.rdflib_max)

    _scales(work, base, args, res, log)
    if not args.keep:
        for p in work.glob(f"store-{args.size}-*"):
            shutil.rmtree(p, ignore_errors=True)
    return res


def _scales(work: Path, base: Path, args, res: dict, log) -> None:
    """5. copies of the exported graphs with renamed IRIs up to each target size: load, query."""
    for target in args.scales:
        amp = work / f"amp-{target}.nq"
        a = child("child-amplify", "--nq", str(base), "--out", str(amp), "--target", str(target))
        log(f"scale {a['triples']:,} triples ({a['copies']} copies of the graphs in {base.name})")
        res["load"][a["triples"]] = loads = _loads(work, amp, a["triples"], args, log, keep=True)
        store = Path(loads["bulk"]["store"])
        # what an ingest adds after writing the article graphs: the reference graph and the derived graph
        d = res.setdefault("derive", {})[a["triples"]] = child("child-derive", "--store", str(store))
        log(f"  reference graph {d['reference']['seconds']:.1f} s; derived graph, whole: "
            f"{d['derived']['seconds']:.1f} s ({d['derived']['cpu']:.1f} CPU-s, {d['derived']['triples']:,} triples)")
        res["queries"][a["triples"]] = _queries(store, amp, args, log, rdflib=a["triples"] <= args.rdflib_max)
        if args.small:
            sm = res.setdefault("small", {})[a["triples"]] = child(
                "child-small", "--store", str(store), "--out", str(work / "small-corpus"), "--target",
                str(args.small), "--start", str(args.size), "--seed", str(args.seed))
            log(f"  ingest of {args.small} articles: {sm['ingest']['seconds']:.1f} s (identities "
                f"{sm['ingest']['stages'].get('resolve', 0):.1f} s), derived graph "
                f"{_fmt_refresh(sm['ingest']['derived'])}; again: {sm['again']['seconds']:.1f} s; "
                f"remove one: {sm['remove']['seconds']:.1f} s, derived graph {_fmt_refresh(sm['remove']['derived'])}")
        if not args.keep:
            shutil.rmtree(store, ignore_errors=True)
        amp.unlink()


def _loads(work: Path, nq: Path, triples: int, args, log, keep: bool = False) -> dict:
    out = {}
    methods = ["bulk"]
    if triples <= args.insert_max:
        methods.append("insert")
    if triples <= args.rdflib_max:
        methods.append("rdflib")
    for m in methods:
        store = work / f"load-{m}-{triples}"
        shutil.rmtree(store, ignore_errors=True)
        extra = ["--store", str(store)] if m != "rdflib" else []
        if m == "bulk" and args.load_threads:
            extra += ["--load-threads", str(args.load_threads)]
        r = child("child-load", "--nq", str(nq), "--method", m, *extra)
        out[m] = r
        log(f"load {triples:,} triples, {m}: {r['rate']:,.0f} triples/s ({r['seconds']:.1f} s), peak "
            f"{_mb(r['peak_rss'])}" + (f", disk {_mb(r['disk'])}" if r.get("disk") else ""))
        if m == "bulk" and keep:
            r["store"] = str(store)
        else:
            shutil.rmtree(store, ignore_errors=True)
    return out


def _queries(store: Path, nq: Path, args, log, rdflib: bool) -> dict:
    import queries as lib
    ox_q: dict = {}
    peak = 0
    for name in sorted(lib.library()):
        r = child("child-queries", "--store", str(store), "--only", name, "--repeat", str(args.repeat),
                  timeout=args.query_timeout)
        peak = max(peak, r["peak_rss"])
        ox_q[name] = r["queries"][name] if "queries" in r else {"timeout": args.query_timeout}
    out = {"oxigraph": {"queries": ox_q, "peak_rss": peak}}
    if rdflib:
        out["rdflib"] = child("child-queries", "--backend", "rdflib", "--nq", str(nq), "--repeat", str(args.repeat),
                              "--max-seconds", str(args.query_timeout), "--slow", "5")
    rd_q = out.get("rdflib", {}).get("queries", {})
    log(f"  queries (median of {args.repeat} after a first run), peak {_mb(peak)}:")
    for name in sorted(ox_q):
        log(f"    {name:28} {_fmt_q(ox_q[name]):>10}  (first {_fmt_first(ox_q[name])})   rdflib "
            f"{_fmt_q(rd_q.get(name)):>10}")
    return out


def _fmt_refresh(r: dict | None) -> str:
    return f"{r['seconds']:.2f} s ({r['cpu']:.2f} CPU-s)" if r else "not refreshed"


def _fmt_first(r: dict) -> str:
    return f"{r['first'] * 1000:,.0f} ms" if r and "first" in r else "—"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in CHILDREN:
        return child_main(argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, help="articles in the corpus (default 1000; 200 with --quick)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the parallel ingest")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scales", default="", help="comma-separated triple counts to amplify to (1000000,10000000)")
    ap.add_argument("--baseline-articles", type=int, default=300,
                    help="articles ingested into the rdflib baseline (0: none)")
    ap.add_argument("--rdflib-max", type=int, default=1_100_000, help="largest load/query baseline on rdflib")
    ap.add_argument("--insert-max", type=int, default=11_000_000, help="largest INSERT DATA baseline")
    ap.add_argument("--repeat", type=int, default=5, help="query runs after the first (median reported)")
    ap.add_argument("--query-timeout", type=float, default=120.0, help="seconds before a query run is given up")
    ap.add_argument("--dask", action="store_true", help="also ingest on a local Dask cluster of --jobs workers")
    ap.add_argument("--no-single", action="store_true", help="skip the --jobs 1 ingest")
    ap.add_argument("--from-nq", help="skip the corpus and the ingest: amplify this N-Quads file (graph after graph, "
                                      "as step 3 writes it) to --scales")
    ap.add_argument("--work", help="working directory (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the stores (the scaled ones too)")
    ap.add_argument("--small", type=int, default=3,
                    help="at each scale, after the queries: ingest this many new articles, again, and remove one "
                         "(the derived graph's incremental refresh; 0: skip)")
    ap.add_argument("--load-threads", type=int,
                    help="threads of the embedded store's bulk loads (default: one per CPU)")
    ap.add_argument("--out", help="write every figure here (JSON)")
    ap.add_argument("--quick", action="store_true", help="200 articles (or --size), no scales, 3 query runs: for CI")
    args = ap.parse_args(argv)
    if args.quick:
        args.size, args.scales, args.repeat = args.size or 200, "", min(args.repeat, 3)
        args.baseline_articles = min(args.baseline_articles, 100)
        args.query_timeout = min(args.query_timeout, 30.0)
    args.size = args.size or 1000
    args.scales = [int(float(x)) for x in args.scales.split(",") if x]
    tmp = None
    if not args.work:
        tmp = tempfile.mkdtemp(prefix="legation-bench-")
        args.work = tmp
    try:
        res = run(args)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.out:
        Path(args.out).write_text(json.dumps(res, indent=1, default=str))
    return 0


if __name__ == "__main__":
    # the allocator the legation program runs with (legation/allocator.py: mimalloc, unless
    # LEGATION_MALLOC=system); the child processes inherit it
    from legation.allocator import use_mimalloc
    use_mimalloc()
    sys.exit(main())
