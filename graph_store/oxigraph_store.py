"""The embedded store: pyoxigraph (RocksDB) in a directory on disk, or in memory.

Every query sees the default graph as the union of the named graphs. Writes are atomic per named graph:

- ``put_graph`` of a graph the store does not hold yet is one transactional ``Store.load`` (a SIGKILL leaves
  no trace of it, or all of it); replacing a graph is one SPARQL update, which pyoxigraph also applies as a
  single transaction: ``DELETE DATA`` of the triples that go + ``INSERT DATA`` of those that come (so an
  unchanged graph costs a read), or ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }`` when blank
  nodes make the difference unknowable. (``remove_graph`` then ``load`` would be two transactions: an
  interruption in between would leave the graph empty.)
- ``put_graphs`` replaces the graphs the store already holds one by one as above. New graphs go, when they
  are many (``BULK_MIN_TRIPLES``) and the store is on disk, through pyoxigraph's bulk loader — about twice as
  fast as transactional loads, but *not* transactional: an interruption can leave some of its quads in the
  store. So before the bulk load the store writes the list of graphs being loaded to a journal file in the
  store directory (``legation-pending-graphs``, written atomically), and deletes it only after the bulk
  load has finished and been flushed. When the store is opened read-write and a journal is there, the load
  was interrupted: every graph it names is dropped (they were all new, so this restores the state before
  the call) and listed in ``recovered`` so that the caller can load them again. A failure inside the
  process (bad syntax in the middle of the data, say) is recovered the same way at once. Texts the caller
  declares ``validated`` (legation's own N-Triples, IRIs and language tags checked when written) are parsed
  leniently (parsing ~1 µs less CPU per triple, of ~10). ``bulk_load`` does its work on one thread per
  call (below a million quads) and releases the GIL, so a large bulk load is cut into chunks of
  consecutive graphs loaded concurrently by ``load_threads`` threads (StoreConfig; default one per CPU):
  if one chunk fails, the others are let finish and then every graph of the call is dropped, as above.
  Writes may come from another thread than reads (``concurrent_writes``).
- In memory, transactions are cheap and there is no crash to survive: every graph gets its own
  transactional load.

Opening a directory that another process holds (RocksDB's LOCK) raises ``StoreLockedError``; a path that is
a file, or cannot be created, raises ``StoreError``. pyoxigraph has no ``close``: the lock is released when
the last reference to the pyoxigraph store goes away, which ``close`` arranges.
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import IO

import pyoxigraph as ox
import rdflib

from legation.errors import StoreError, StoreLockedError
from ontology import ID_BASE

from .base import SelectResult
from .config import StoreConfig
from .terms import (converter, dump_store, from_oxigraph, graph_node, no_cycle_collection, our_graphs,
                    parse_graph)

JOURNAL_NAME = "legation-pending-graphs"
BULK_MIN_TRIPLES = 20_000      # below this many new triples, per-graph transactions are as fast as a bulk load
CHUNK_MIN_TRIPLES = 10_000     # a bulk load is cut in chunks of at least this many triples, one per thread


def cpu_count() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:       # not on Linux
        return os.cpu_count() or 1


def _first_line(error: BaseException, limit: int = 300) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= limit else text[:limit] + "…"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class OxigraphStore:
    """A legation store on pyoxigraph. ``OxigraphStore()`` is an empty in-memory store."""

    concurrent_writes = True     # put_graphs may run on another thread while this one reads (ingest does)

    def __init__(self, config: StoreConfig | None = None):
        config = config or StoreConfig(path=None)
        self.read_only = config.read_only
        self.path: Path | None = Path(config.path) if config.path else None
        self.name = f"oxigraph:{self.path}" if self.path else "oxigraph:memory"
        self.location = str(self.path) if self.path else "in-memory store"
        self.recovered: list[str] = []   # graphs dropped at open because a bulk load had been interrupted
        self.load_threads = config.load_threads or cpu_count()
        self._lock = threading.RLock()
        self._store: ox.Store | None = self._open()
        if self.path is not None:
            self._recover()

    # -- opening and closing ------------------------------------------------------------------------------

    def _open(self) -> ox.Store:
        if self.path is None:
            if self.read_only:
                raise StoreError("a read-only store needs a directory")
            return ox.Store()
        path = self.path
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store directory")
        if self.read_only:
            if not path.is_dir():
                raise StoreError(f"{path}: no store there")
            opener = ox.Store.read_only
        else:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"{path}: cannot create the store directory: {e.strerror or e}") from None
            if not os.access(path, os.W_OK | os.X_OK):
                raise StoreError(f"{path}: the store directory is not writable")
            opener = ox.Store
        try:
            return opener(str(path))
        except OSError as e:
            message = str(e)
            if "lock hold by current process" in message:
                raise StoreLockedError(f"{path}: the store is already open in this process") from None
            if "LOCK" in message or "lock" in message.lower():
                raise StoreLockedError(f"{path}: the store is in use by another process") from None
            raise StoreError(f"{path}: cannot open the store: {_first_line(e)}") from None

    def close(self) -> None:
        """Flush and release the store (and its directory lock). Idempotent."""
        with self._lock:
            if self._store is not None and self.path is not None and not self.read_only:
                try:
                    self._store.flush()
                except OSError:
                    pass
            self._store = None

    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"OxigraphStore({self.location!r})"

    @property
    def store(self) -> ox.Store:
        """The underlying pyoxigraph store (StoreError once closed)."""
        if self._store is None:
            raise StoreError(f"{self.location}: the store is closed")
        return self._store

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"{self.location}: the store is open read-only")
        return self.store

    # -- the bulk-load journal ----------------------------------------------------------------------------

    @property
    def _journal(self) -> Path:
        assert self.path is not None
        return self.path / JOURNAL_NAME

    def pending_graphs(self) -> list[str]:
        """Graphs of an interrupted bulk load not yet recovered (empty unless a journal is present)."""
        if self.path is None or not self._journal.exists():
            return []
        return [line for line in self._journal.read_text("utf-8").splitlines() if line]

    def _write_journal(self, graphs: list[str]) -> None:
        tmp = self._journal.with_name(JOURNAL_NAME + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("".join(g + "\n" for g in graphs))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self._journal)
        _fsync_dir(self._journal.parent)

    def _recover(self) -> None:
        pending = self.pending_graphs()
        if not pending:
            return
        if self.read_only:
            raise StoreError(f"{self.location}: a bulk load was interrupted; open the store read-write once "
                             "to recover it")
        self._drop_graphs(pending)
        self.store.flush()
        self._journal.unlink()
        _fsync_dir(self._journal.parent)
        self.recovered = pending

    def _drop_graphs(self, graphs: list[str], batch: int = 200) -> None:
        for i in range(0, len(graphs), batch):
            self.store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i:i + batch]))

    # -- writing ------------------------------------------------------------------------------------------

    def _has(self, node: ox.NamedNode) -> bool:
        return next(iter(self.store.quads_for_pattern(None, None, None, node)), None) is not None

    def put_graph(self, graph: str, nquads: str) -> None:
        """Replace named graph ``graph`` with the triples in ``nquads``, atomically (see module docstring)."""
        node = graph_node(graph)
        with self._lock:
            self._writable()
            if self._has(node):
                self._replace(graph, nquads)
            else:
                self._put_new(graph, node, nquads)

    def _put_new(self, graph: str, node: ox.NamedNode, text: str, lenient: bool = False) -> None:
        try:
            self.store.load(text, ox.RdfFormat.N_TRIPLES, to_graph=node, lenient=lenient)
            return
        except SyntaxError:
            pass                                    # N-Quads, or bad: parse_graph tells which
        except OSError as e:
            raise StoreError(f"{self.location}: cannot write graph <{graph}>: {_first_line(e)}") from None
        quads = parse_graph(text, graph)
        try:
            self.store.extend(quads)
        except OSError as e:
            raise StoreError(f"{self.location}: cannot write graph <{graph}>: {_first_line(e)}") from None

    def _replace(self, graph: str, text: str) -> None:
        """One update: only the difference when neither version has blank nodes (re-ingesting an unchanged
        article then writes nothing — deleting is the slow part on disk), else drop and insert all."""
        node = graph_node(graph)
        new = set(parse_graph(text, graph))
        old = set(self.store.quads_for_pattern(None, None, None, node))
        gone, added = old - new, new - old
        if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in old | new) \
                or len(gone) > len(old) // 2:
            update = (f"DROP SILENT GRAPH <{graph}> ;\n"
                      f"INSERT DATA {{ GRAPH <{graph}> {{\n{_ntriples(new)}}} }}")
        elif gone or added:
            update = (f"DELETE DATA {{ GRAPH <{graph}> {{\n{_ntriples(gone)}}} }} ;\n"
                      f"INSERT DATA {{ GRAPH <{graph}> {{\n{_ntriples(added)}}} }}")
        else:
            return
        try:
            self.store.update(update)
        except (SyntaxError, OSError) as e:
            raise StoreError(f"{self.location}: cannot replace graph <{graph}>: {_first_line(e)}") from None

    def put_graphs(self, graphs: dict[str, str], validated: bool = False, threads: int | None = None) -> None:
        """Replace many named graphs, each atomically; new graphs in bulk on disk (see module docstring).
        ``validated``: the texts are N-Triples whose IRIs and language tags were checked when they were written
        (``ingest.to_rdf``), so that new graphs are parsed leniently (pyoxigraph skips checking them again).
        ``threads``: the bulk load's chunks (default ``load_threads``)."""
        nodes = {graph: graph_node(graph) for graph in graphs}
        with self._lock:
            self._writable()
            new: dict[str, str] = {}
            for graph, text in graphs.items():
                if self._has(nodes[graph]):
                    self._replace(graph, text)
                else:
                    new[graph] = text
            size = sum(text.count("\n") for text in new.values())
            if self.path is None or size < BULK_MIN_TRIPLES:
                for graph, text in new.items():
                    self._put_new(graph, nodes[graph], text, lenient=validated)
            else:
                self._bulk_load(new, lenient=validated, threads=threads)

    def _bulk_load(self, graphs: dict[str, str], lenient: bool = False, threads: int | None = None) -> None:
        """Bulk-load graphs the store does not hold, under the protection of the journal: in up to
        ``load_threads`` chunks loaded concurrently, all of them or (after a failure) none."""
        names = list(graphs)
        self._write_journal(names)
        chunks = _chunks(graphs, threads or self.load_threads)
        futures: list[Future] = []
        try:
            if len(chunks) == 1:
                self._load_chunk(chunks[0], lenient)
            else:
                with ThreadPoolExecutor(max_workers=len(chunks), thread_name_prefix="legation-load") as pool:
                    futures = [pool.submit(self._load_chunk, chunk, lenient) for chunk in chunks]
                    wait(futures, return_when=FIRST_EXCEPTION)
                for future in futures:             # all done: the first failure, in the order of the graphs
                    if future.exception() is not None:
                        raise future.exception()
            self.store.flush()
        except BaseException as e:
            if not all(future.done() for future in futures):
                raise      # a load is still running (a second interrupt): the journal stays, for the next open
            self._drop_graphs(names)
            self.store.flush()
            self._journal.unlink()
            if isinstance(e, StoreError):
                raise
            if isinstance(e, (SyntaxError, OSError)):
                raise StoreError(f"{self.location}: bulk load failed: {_first_line(e)}") from None
            raise
        self._journal.unlink()
        _fsync_dir(self._journal.parent)

    def _load_chunk(self, graphs: dict[str, str], lenient: bool) -> None:
        """One ``bulk_load`` (it releases the GIL: chunks load in parallel). A text that is not plain N-Triples
        (N-Quads, say) fails the first try: the chunk is then normalised and loaded again; a bad text raises
        StoreError naming its graph."""
        try:
            self.store.bulk_load(_trig(graphs, normalise=False), ox.RdfFormat.TRIG, lenient=lenient)
        except SyntaxError:
            self._drop_graphs(list(graphs))        # pyoxigraph 0.5 writes nothing then; older ones could
            self.store.bulk_load(_trig(graphs, normalise=True), ox.RdfFormat.TRIG)

    def remove_graph(self, graph: str) -> None:
        """Remove named graph ``graph`` (nothing happens if there is none)."""
        graph_node(graph)
        with self._lock:
            self._writable()
            self._drop_graphs([graph])

    def clear(self) -> None:
        """Remove all our graphs (those under ``ontology.ID_BASE``); other graphs stay."""
        with self._lock:
            self._writable()
            self._drop_graphs(our_graphs(self.store))

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 update, as one transaction. Name graphs explicitly: the default graph of an update
        is the store's own (empty) default graph, not the union."""
        with self._lock:
            self._writable()
            try:
                self.store.update(update)
            except SyntaxError as e:
                raise StoreError(f"{self.location}: invalid SPARQL update: {_first_line(e)}") from None
            except OSError as e:
                raise StoreError(f"{self.location}: update failed: {_first_line(e)}") from None

    # -- reading ------------------------------------------------------------------------------------------

    def has_graph(self, graph: str) -> bool:
        """Whether named graph ``graph`` holds at least one triple."""
        return self._has(graph_node(graph))

    def graphs(self) -> list[str]:
        """Our named graphs (IRI under ``ontology.ID_BASE``) holding at least one triple, sorted."""
        return [g for g in our_graphs(self.store) if self._has(ox.NamedNode(g))]

    def count_triples(self) -> int:
        """The number of quads in our named graphs."""
        result = self._query(
            f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ID_BASE}")) }}')
        return int(next(iter(result))[0].value)

    def _query(self, query: str):
        try:
            return self.store.query(query, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise StoreError(f"{self.location}: invalid SPARQL query: {_first_line(e)}") from None
        except OSError as e:
            raise StoreError(f"{self.location}: query failed: {_first_line(e)}") from None

    def select(self, query: str) -> SelectResult:
        """Run a SELECT query over the union of the named graphs."""
        result = self._query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError(f"{self.location}: not a SELECT query")
        names = [v.value for v in result.variables]
        convert = converter()
        try:
            with no_cycle_collection():
                rows = [tuple(map(convert, solution)) for solution in result]
        except OSError as e:
            raise StoreError(f"{self.location}: query failed: {_first_line(e)}") from None
        return SelectResult(names, rows)

    def ask(self, query: str) -> bool:
        """Run an ASK query over the union of the named graphs."""
        result = self._query(query)
        if not isinstance(result, ox.QueryBoolean):
            raise StoreError(f"{self.location}: not an ASK query")
        return bool(result)

    def construct(self, query: str) -> rdflib.Graph:
        """Run a CONSTRUCT (or DESCRIBE) query; the answer as an rdflib graph."""
        result = self._query(query)
        if not isinstance(result, ox.QueryTriples):
            raise StoreError(f"{self.location}: not a CONSTRUCT or DESCRIBE query")
        graph = rdflib.Graph()
        try:
            with no_cycle_collection():
                for t in result:
                    graph.add((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)))
        except OSError as e:
            raise StoreError(f"{self.location}: query failed: {_first_line(e)}") from None
        return graph

    def compact(self) -> None:
        """Merge the store's files (RocksDB's full compaction, ``Store.optimize``). Bulk loads leave many files
        whose key ranges overlap; queries then read several files for one key: on a store freshly ingested from
        34k articles (10.1M triples, 96 files) the named queries took up to twice as long as after compacting
        (64 files; 24 s). The content does not change."""
        if self.read_only:
            raise StoreError(f"{self.location}: the store is open read-only")
        try:
            self.store.optimize()
            self.store.flush()
        except OSError as e:
            raise StoreError(f"{self.location}: compaction failed: {_first_line(e)}") from None

    def dump(self, out: IO[bytes], fmt: str) -> None:
        """Write our graphs to ``out``: fmt "nq" or "trig" (quads), "nt", "ttl" or "jsonld" (their union)."""
        try:
            dump_store(self.store, out, fmt)
        except OSError as e:
            raise StoreError(f"{self.location}: dump failed: {_first_line(e)}") from None


def _chunks(graphs: dict[str, str], count: int) -> list[dict[str, str]]:
    """``graphs`` cut into at most ``count`` runs of consecutive graphs of about the same number of triples, about
    ``CHUNK_MIN_TRIPLES`` or more each (each ``bulk_load`` call writes its own files, which RocksDB compacts later)."""
    sizes = [text.count("\n") for text in graphs.values()]
    total = sum(sizes)
    count = max(1, min(count, total // CHUNK_MIN_TRIPLES))
    chunks: list[dict[str, str]] = [{}]
    done = 0
    for (graph, text), size in zip(graphs.items(), sizes):
        if chunks[-1] and done >= total * len(chunks) / count:
            chunks.append({})
        chunks[-1][graph] = text
        done += size
    return chunks


def _trig(graphs: dict[str, str], normalise: bool) -> bytes:
    """One TriG document with a block per graph. N-Triples is Turtle, so most texts go in as they are;
    texts with blank nodes are re-serialised with fresh labels (TriG scopes labels to the whole document),
    and with ``normalise`` every text is (so that N-Quads input works too)."""
    parts: list[bytes] = []
    for graph, text in graphs.items():
        if normalise or "_:" in text:
            quads = parse_graph(text, graph)
            body = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                                format=ox.RdfFormat.N_TRIPLES)
        else:
            body = text.encode("utf-8")
        parts.append(b"<%s> {\n%s\n}\n" % (graph.encode("utf-8"), body))
    return b"".join(parts)


def _ntriples(quads: set[ox.Quad]) -> str:
    """The triples of ``quads`` as N-Triples (valid inside SPARQL's INSERT DATA / DELETE DATA)."""
    return ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
