"""Ingest articles into a store: read → extract → resolve identities → map to RDF → write, one named graph per
article, each written atomically. Extraction can run in several processes (``jobs``) or on a Dask cluster
(``scheduler``); identity resolution and writing stay in this process, in input order, so that each article sees
the ones before it.

Two ways of writing, chosen by size:

- the first ``BULK_AFTER`` articles of a run go one by one: events are looked up in the store (people in the
  resolver's table of the store's people, read at the first look-up and given each article written), each graph
  is written with ``put_graph`` (one transaction);
- after that the run switches to the bulk path, if it is long enough to repay reading the store into tables (a
  cost that grows with the store: ~28 s at 34k articles, 10M triples, where the bulk path saves ~10 ms per
  article), that is if it has at least 1/``BULK_SHARE`` as many articles as the store holds: the resolver reads
  the store's people and dated events once into tables (``ingest.resolve.Resolver(tables=True)``), and the
  facts the post-holder look-up reads into a small in-memory index (``HolderIndex``); both take each new
  article's facts as soon as it is mapped. Graphs are written in batches with ``put_graphs`` (each graph still
  atomic: the embedded store journals a bulk load, see graph_store) — on a thread of their own when the store
  allows it, while this one resolves and maps the next articles — so an interruption loses at most the batches
  not yet written: a re-run adds them, and changes nothing else.

Either way an article sees every article before it, and the same input gives the same graph.

Also: loading the reference graph (ontology, schemes, states, organisations, places), removing an article, and
refreshing the derived graph (``legation.derived``: one copy of each event's facts for the named queries, and the
tenure intervals of posts) — after an ingest or a removal, only for what the articles added or removed name.
"""
from __future__ import annotations

import gc
import hashlib
import os
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from ingest.extract import extract
from ingest.model import Article, Extraction
from ingest.readers import list_files, read_path
from ingest.resolve import HOLDER_PREDICATES, Resolver
from ingest.to_rdf import ntriples as article_ntriples
from ontology import ID_BASE
from ontology.iris import REFERENCE_GRAPH, graph_iri, is_article_graph
from ontology.vocab import GAF, LG, OWL

from . import derived
from .errors import Error, InputError, StoreError

DERIVED_GRAPH = derived.DERIVED_GRAPH
BULK_AFTER = 200                 # articles written one by one before the run switches to the bulk path …
BULK_SHARE = 10                  # … if it has at least 1/BULK_SHARE as many articles as the store holds already
COMPACT_TRIPLES = 1_000_000      # a run that wrote at least this many triples compacts the embedded store
BATCH_TRIPLES = 1_000_000        # the bulk path writes when this many triples are waiting …
BATCH_ARTICLES = 8_000           # … or this many articles. Each load is a set of files RocksDB then compacts
                                 # into what the store holds (its keys are hashes: every file overlaps all of
                                 # it): fewer, larger loads rewrite far less (BENCHMARKS, "fifth pass")
CHUNK = 8                        # articles (or files) per task sent to a worker
MULTI_ARTICLE_SUFFIXES = (".jsonl", ".ndjson", ".json")   # read here and split over the workers article by article


@dataclass
class IngestReport:
    articles: int = 0          # articles read
    added: int = 0             # new articles written
    unchanged: int = 0         # already in the store (same content hash)
    failed: list[Error] = field(default_factory=list)
    seconds: float = 0.0
    triples: int = 0           # triples written (article graphs)
    stages: dict[str, float] = field(default_factory=dict)   # seconds spent in this process, by stage

    @property
    def ok(self) -> bool:
        return not self.failed


Progress = Callable[[int, int, str], None]     # (done, total, current path)


# --- reference data ----------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _reference_files():
    from ontology.graphs import ONTOLOGY_TTL, REFERENCE_TTL, SCHEMES_TTL
    return (ONTOLOGY_TTL, SCHEMES_TTL, REFERENCE_TTL)


def reference_digest() -> str:
    """A digest of the files the reference graph is made of (cheap: no parsing)."""
    h = hashlib.sha256()
    for path in _reference_files():
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def reference_nquads() -> str:
    """The reference graph (ontology, schemes, reference data) as sorted N-Quads. Parsed with pyoxigraph — the
    same triples rdflib gives (``ontology.graphs.reference_data``), about a hundred times faster."""
    import pyoxigraph as ox
    gi = f"<{REFERENCE_GRAPH}>"
    lines: set[str] = set()
    for path in _reference_files():
        triples = list(ox.parse(path.read_bytes(), ox.RdfFormat.TURTLE, rename_blank_nodes=True))
        text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        lines.update(line for line in text.splitlines() if line.strip())
    return "".join(f"{line[:-1].rstrip()} {gi} .\n" for line in sorted(lines))


def ensure_reference(store) -> bool:
    """Load (or refresh) the reference graph when it is missing or differs from this version. True if written.
    The version is a digest of the source files, so that checking costs no parsing."""
    digest = reference_digest()
    q = f"ASK {{ GRAPH <{REFERENCE_GRAPH}> {{ <{REFERENCE_GRAPH}> <{OWL.versionInfo}> \"{digest}\" }} }}"
    try:
        if store.ask(q):
            return False
    except Error:
        pass
    marker = f"<{REFERENCE_GRAPH}> <{OWL.versionInfo}> \"{digest}\" <{REFERENCE_GRAPH}> .\n"
    store.put_graph(str(REFERENCE_GRAPH), reference_nquads() + marker)
    return True


# --- extraction (may run in worker processes) ------------------------------------------------------------------

def _extract_file(path: str) -> list[Extraction | InputError]:
    out: list[Extraction | InputError] = []
    for item in read_path(path):
        if isinstance(item, InputError):
            out.append(item)
            continue
        out.append(_extract_article(item, path))
    return out


def _extract_article(article: Article, path: str) -> Extraction | InputError:
    try:
        return extract(article)
    except Exception as err:          # a bug must not stop a batch: report it against the article
        return InputError(article.path or path, f"extraction failed: {type(err).__name__}: {err}")


def extract_units(units: list) -> list[list[Extraction | InputError]]:
    """The work of one task: each unit is a file path (read and extract every article in it) or an Article."""
    out = [_extract_file(u) if isinstance(u, str) else [_extract_article(u, u.path or "")] for u in units]
    _freeze_once()
    return out


_frozen_in: int | None = None     # the process whose objects were frozen after its first task


def _freeze_once() -> None:
    """After a process's first task (language models, lexicons and gazetteers loaded: ~400k objects), move every
    object into the garbage collector's permanent generation, so that full collections stop scanning them again
    and again (~2 % of extraction CPU). Once per process: what later tasks leave behind is collected as usual."""
    global _frozen_in
    if _frozen_in != os.getpid():
        _frozen_in = os.getpid()
        gc.freeze()


@dataclass
class Known:
    """An article read here whose graph the store already holds: not extracted again."""

    article: Article


def _units(files: list[str], known: Callable[[Article], bool] | None = None) -> Iterator[tuple[int, object]]:
    """(file index, unit): a file to read in a worker, or — for files that hold many articles — each article,
    read here, so that one large JSON Lines file still spreads over every worker (and an article the store
    already holds is not extracted again)."""
    for n, f in enumerate(files):
        if f.lower().endswith(MULTI_ARTICLE_SUFFIXES):
            empty = True
            for item in read_path(f):             # streamed: a large file is never all in memory
                empty = False
                if known is not None and isinstance(item, Article) and known(item):
                    item = Known(item)
                yield n, item
            if empty:
                yield n, []
        else:
            yield n, f


def _chunks(units: Iterator[tuple[int, object]], size: int) -> Iterator[list[tuple[int, object]]]:
    chunk: list[tuple[int, object]] = []
    for u in units:
        chunk.append(u)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(chunk: list[tuple[int, object]], results: list) -> Iterator[tuple[int, list]]:
    for (n, unit), result in zip(chunk, results):
        yield n, result


def _local(chunk: list[tuple[int, object]]) -> list:
    out = []
    for _, unit in chunk:
        if isinstance(unit, (InputError, Known)):
            out.append([unit])
        elif isinstance(unit, list):
            out.append([])
        else:
            out.extend(extract_units([unit]))
    return out


def extractions(files: list[str], jobs: int = 1, executor=None, window: int | None = None,
                known: Callable[[Article], bool] | None = None
                ) -> Iterator[tuple[int, list[Extraction | InputError | Known]]]:
    """(file index, results) for every unit of ``files``, in input order. Extraction runs here (``jobs`` 1),
    in ``jobs`` processes, or on ``executor`` (anything with ``submit(fn, arg)`` returning a future with
    ``result()``: a Dask client, say); at most ``window`` tasks are in flight, so memory stays bounded."""
    units = _units(files, known)
    if executor is None and (jobs <= 1 or len(files) < 2 and not files[0].lower().endswith(MULTI_ARTICLE_SUFFIXES)):
        for chunk in _chunks(units, CHUNK):
            yield from _results(chunk, _local(chunk))
        return
    own = executor is None
    if own:
        executor = ProcessPoolExecutor(max_workers=jobs)
    window = window or max(2, getattr(executor, "workers", jobs), jobs) * 4
    pending: deque = deque()
    try:
        for chunk in _chunks(units, CHUNK):
            remote = [u for _, u in chunk if not isinstance(u, (InputError, Known, list))]
            pending.append((chunk, executor.submit(extract_units, remote) if remote else None))
            while len(pending) >= window:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        for _, future in pending:
            if future is not None:
                future.cancel()
        if own:
            executor.shutdown(wait=True, cancel_futures=True)


def _collect(chunk: list[tuple[int, object]], future) -> Iterator[tuple[int, list]]:
    remote = iter(future.result()) if future is not None else iter(())
    for n, unit in chunk:
        if isinstance(unit, (InputError, Known)):
            yield n, [unit]
        elif isinstance(unit, list):
            yield n, []
        else:
            yield n, next(remote)


# --- identity lookups on the bulk path ---------------------------------------------------------------------------

class HolderIndex:
    """What the post-holder look-up reads (``ingest.resolve.HOLDER_PREDICATES``: memberships, their posts, members
    and the dates of the articles that attest them, people's name keys and labels), in a small in-memory store that
    answers its SELECT as the store plus the articles not yet written would. Loaded once from the store, then
    given each article's N-Triples as it is mapped: the few lines it reads are kept, and taken in when the next
    look-up comes (posts named without their holder are rare: a few per hundred articles). People and events are
    looked up in the resolver's own tables."""

    PAGE = 5_000

    def __init__(self, store) -> None:
        import pyoxigraph as ox
        self._ox = ox
        self.index = ox.Store()
        self.lines: list[str] = []            # lines of the articles since the last look-up, kept for it
        self._load(store)

    def _load(self, store) -> None:
        ox = self._ox
        inner = getattr(store, "store", None)
        default = ox.DefaultGraph()
        if isinstance(inner, ox.Store):                  # the embedded store: read its quads directly
            def quads(s, p):
                return (q for q in inner.quads_for_pattern(s, ox.NamedNode(p) if p else None, None, None)
                        if not isinstance(q.graph_name, ox.DefaultGraph))
            found = [q for p in HOLDER_PREDICATES for q in quads(None, p)]
            memberships = {q.subject for q in found if q.predicate.value == _LG_POST}
            mentions = [q for mem in memberships for q in quads(mem, _DENOTED_BY)]
            found += mentions
            found += [q for m in {q.object for q in mentions} for q in quads(m, _IN_ARTICLE)]
            self.index.extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in found)
            return
        from graph_store.terms import to_oxigraph     # a server: page through SELECTs
        mine = f'FILTER(STRSTARTS(STR(?g), "{ID_BASE}"))'
        listed = ", ".join(f"<{p}>" for p in HOLDER_PREDICATES)
        memberships = f"SELECT DISTINCT ?mem WHERE {{ GRAPH ?g {{ ?mem <{_LG_POST}> ?post }} {mine} }}"
        mentions = (f"SELECT DISTINCT ?m WHERE {{ {{ {memberships} }} GRAPH ?g {{ ?mem <{_DENOTED_BY}> ?m }} "
                    f"{mine} }}")
        for q in (f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?p IN ({listed})) {mine} }}",
                  f"SELECT DISTINCT ?s ?p ?o WHERE {{ {{ {memberships} }} GRAPH ?g {{ ?mem ?p ?o }} {mine} "
                  f"FILTER(?p = <{_DENOTED_BY}>) BIND(?mem AS ?s) }}",
                  f"SELECT DISTINCT ?s ?p ?o WHERE {{ {{ {mentions} }} GRAPH ?g {{ ?m ?p ?o }} {mine} "
                  f"FILTER(?p = <{_IN_ARTICLE}>) BIND(?m AS ?s) }}"):
            offset = 0
            while True:
                rows = store.select(f"{q} ORDER BY ?s ?p ?o LIMIT {self.PAGE} OFFSET {offset}").rows
                self.index.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), default)
                                  for s, p, o in rows)
                if len(rows) < self.PAGE:
                    break
                offset += self.PAGE

    def add(self, lines: list[str]) -> None:
        """Take an article's N-Triples lines: those the look-up reads are kept, and taken in at the next one."""
        keep = self.lines
        mentions: set[str] = set()          # the mentions of memberships: their lg:inArticle is kept too
        for line in lines:
            s, p, rest = line.split(" ", 2)
            if p in _HOLDER_PREDICATES_T:
                keep.append(line)
            elif p == _DENOTED_BY_T and s.startswith(_MEMBERSHIP):
                keep.append(line)
                mentions.add(rest.split(" ", 1)[0])
        if mentions:
            keep += [line for line in lines if line.split(" ", 1)[0] in mentions
                     and line.split(" ", 2)[1] == _IN_ARTICLE_T]
        if len(keep) > 50_000:
            self._take()

    def _take(self) -> None:
        if self.lines:
            self.index.load("".join(self.lines), self._ox.RdfFormat.N_TRIPLES)
            self.lines = []

    def select(self, query: str):
        from graph_store.base import SelectResult
        from graph_store.terms import from_oxigraph
        self._take()
        result = self.index.query(query)
        names = [v.value for v in result.variables]
        return SelectResult(names, [tuple(from_oxigraph(t) for t in row) for row in result])


_LG_POST, _DENOTED_BY, _IN_ARTICLE = str(LG.post), str(GAF.denotedBy), str(LG.inArticle)
_DENOTED_BY_T, _IN_ARTICLE_T = f"<{_DENOTED_BY}>", f"<{_IN_ARTICLE}>"
_HOLDER_PREDICATES_T = frozenset(f"<{p}>" for p in HOLDER_PREDICATES)
_MEMBERSHIP = f"<{ID_BASE}membership/"


# --- writing ------------------------------------------------------------------------------------------------

class _Sink:
    """Resolves, maps and writes articles in order; one by one at first, then in batches (module docstring). A
    store that takes writes from another thread (``concurrent_writes``) writes each batch there, while this one
    goes on with the next articles; one batch at a time."""

    def __init__(self, store, report: IngestReport, bulk_after: int = BULK_AFTER):
        self.store = store
        self.report = report
        self.bulk_after = bulk_after
        self.resolver = Resolver(store.select)
        self.holders: HolderIndex | None = None
        self.pending: dict[str, str] = {}
        self.pending_paths: list[str] = []
        self.pending_triples = 0
        self.seen: set[str] = set()
        self.stage = report.stages
        for k in ("resolve", "map", "write", "index"):
            self.stage.setdefault(k, 0.0)
        self.writer: ThreadPoolExecutor | None = None
        self.writing: tuple[Future, list[str]] | None = None     # the batch being written, and its articles

    def _tick(self, name: str, since: float) -> float:
        now = time.perf_counter()
        self.stage[name] = self.stage.get(name, 0.0) + now - since
        return now

    def has(self, graph: str) -> bool:
        return graph in self.seen or self.store.has_graph(graph)

    def add(self, ex: Extraction) -> None:
        if self.holders is None and len(self.seen) >= self.bulk_after and hasattr(self.store, "put_graphs"):
            # the bulk path: the resolver's tables and the holder index, read from the store as it is now
            t = time.perf_counter()
            self.holders = HolderIndex(self.store)
            self.resolver = Resolver(self.store.select, tables=True, holder_select=self.holders.select)
            self._tick("index", t)
        graph = str(graph_iri(ex.article.id))
        t = time.perf_counter()
        ident = self.resolver.resolve(ex)
        t = self._tick("resolve", t)
        lines = article_ntriples(ex, ident)
        text = "".join(lines)
        t = self._tick("map", t)
        self.seen.add(graph)
        self.report.triples += len(lines)
        if self.holders is None:
            self.store.put_graph(graph, text)
            self.resolver.seen(ident)         # (its people table)
            self._tick("write", t)
            return
        self.resolver.seen(ident)
        self.holders.add(lines)
        t = self._tick("index", t)
        self.pending[graph] = text
        self.pending_paths.append(ex.article.path or graph)
        self.pending_triples += len(lines)
        if self.pending_triples >= BATCH_TRIPLES or len(self.pending) >= BATCH_ARTICLES:
            self.flush()

    def flush(self, last: bool = False) -> None:
        """Write the articles waiting (in the background when the store allows), after the batch before them.
        While articles are still coming, a batch is one bulk load (``threads=1``): the workers keep the cores
        busy, and each chunk loaded at once is another file to compact; the ``last`` batch, which nothing else
        runs beside, is loaded in the store's usual chunks, on parallel threads."""
        self.wait()
        if not self.pending:
            return
        batch, paths = self.pending, self.pending_paths
        self.pending, self.pending_paths, self.pending_triples = {}, [], 0
        if getattr(self.store, "concurrent_writes", False):
            if self.writer is None:
                self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="legation-writer")
            self.writing = (self.writer.submit(self._write, batch, last), paths)
        else:
            try:
                self._write(batch, last)
            except StoreError as err:
                raise _batch_not_stored(paths, err) from None

    def _write(self, batch: dict[str, str], last: bool = False) -> None:
        t = time.perf_counter()
        try:
            self.store.put_graphs(batch, validated=True, threads=None if last else 1)
        finally:
            self._tick("write", t)

    def wait(self) -> None:
        """Wait for the batch being written; StoreError naming its articles if it could not be."""
        if self.writing is None:
            return
        future, paths = self.writing
        self.writing = None
        t = time.perf_counter()
        try:
            future.result()
        except StoreError as err:
            raise _batch_not_stored(paths, err) from None
        finally:
            self._tick("write (wait)", t)

    def finish(self) -> None:
        """Write what is waiting and wait for it."""
        self.flush(last=True)
        self.wait()

    def close(self) -> None:
        """Let a write still running end (its batch is whole or, on error, not there at all)."""
        if self.writing is not None:
            try:
                self.writing[0].result()
            except Exception:
                pass
            self.writing = None
        if self.writer is not None:
            self.writer.shutdown(wait=True)
            self.writer = None


def _batch_not_stored(paths: list[str], err: StoreError) -> StoreError:
    batch = paths[0] + (f" and {len(paths) - 1} more article(s)" if len(paths) > 1 else "")
    named = _not_stored(batch, err)
    named.named = True
    return named


# --- the ingest ----------------------------------------------------------------------------------------------

def _not_stored(path: str, err: StoreError) -> StoreError:
    """The store failed while ``path`` was being stored: name it (once), and say how to pick up."""
    if str(err).startswith(f"{path}: ") or getattr(err, "named", False):
        return err
    return StoreError(f"{path}: not stored: {err}", hint="run the same ingest again: it picks up what was not stored")


def _switch_after(store, total: int, bulk_after: int) -> int:
    """After how many articles a run of ``total`` takes the bulk path: ``bulk_after``, or never (a number past
    ``total``) when the run has fewer than 1/``BULK_SHARE`` of the articles the store holds (as its derived graph
    records them: none when it records nothing)."""
    if total <= bulk_after:
        return bulk_after
    if total * BULK_SHARE < derived.recorded_articles(store):
        return total + 1
    return bulk_after


def ingest(store, paths: Iterable[str], *, jobs: int = 1, progress: Progress | None = None,
           on_error: Callable[[Error], None] | None = None, executor=None,
           bulk_after: int = BULK_AFTER, compact_after: int | None = COMPACT_TRIPLES) -> IngestReport:
    """Ingest every article under ``paths``. Bad input is reported (``on_error``) and skipped; what is already
    stored is never half-written: each article's graph is written in one transaction (or one journaled bulk
    load). ``executor`` (a Dask client, say) runs extraction instead of ``jobs`` local processes. A run that
    wrote at least ``compact_after`` triples (None: never) ends by compacting a store that can
    (``Store.compact``, the embedded store: queries on a freshly bulk-loaded store read more files)."""
    started = time.perf_counter()
    report = IngestReport()
    ensure_reference(store)
    files: list[str] = []
    for f in list_files(paths):
        if isinstance(f, InputError):
            report.failed.append(f)
            if on_error:
                on_error(f)
        else:
            files.append(f)
    sink = _Sink(store, report, _switch_after(store, len(files), bulk_after))
    total = len(files)

    def failed(e: Error) -> None:
        report.failed.append(e)
        if on_error:
            on_error(e)

    done = -1
    waited = 0.0
    t = time.perf_counter()
    try:
        def known(article: Article) -> bool:
            try:
                return sink.has(str(graph_iri(article.id)))
            except StoreError as err:
                raise _not_stored(article.path or "an article", err) from None

        for n, results in (extractions(files, jobs, executor, known=known) if files else ()):
            waited += time.perf_counter() - t
            if n != done:
                if progress and done >= 0:
                    for k in range(done, n):
                        progress(k + 1, total, files[k])
                done = n
            for item in results:
                if isinstance(item, Error):
                    failed(item)
                    continue
                report.articles += 1
                try:
                    if isinstance(item, Known) or sink.has(str(graph_iri(item.article.id))):
                        report.unchanged += 1
                        continue
                    sink.add(item)
                    report.added += 1
                except StoreError as err:
                    raise _not_stored(item.article.path or files[n], err) from None
                except Exception as err:
                    failed(InputError(item.article.path or files[n],
                                      f"could not be mapped to RDF: {type(err).__name__}: {err}"))
            t = time.perf_counter()
        sink.finish()
    finally:
        sink.close()
        report.stages["extract (wait)"] = waited
    if progress and done >= 0:
        for k in range(done, total):
            progress(k + 1, total, files[k])
    if report.added or _derived_stale(store):
        t = time.perf_counter()
        refresh_derived(store, sink.seen)
        report.stages["derived"] = time.perf_counter() - t
    if compact_after is not None and report.triples >= compact_after and hasattr(store, "compact"):
        t = time.perf_counter()
        store.compact()
        report.stages["compact"] = time.perf_counter() - t
    report.seconds = time.perf_counter() - started
    return report


def remove(store, article: str) -> bool:
    """Remove one article (by id, article IRI or graph IRI) and what only it attested. True if it was there."""
    aid = article.rsplit("/", 1)[-1]
    graph = str(graph_iri(aid))
    if not store.has_graph(graph):
        return False
    touched = derived.touched_by(store, [graph])      # what it names, read before it goes
    store.remove_graph(graph)
    refresh_derived(store, [graph], touched=touched)
    return True


def _derived_stale(store) -> bool:
    """Whether the derived graph is missing, or was computed for another set of articles (an ingest killed
    between its last write and the refresh, a graph removed by hand) or by an older version."""
    return derived.status(store) != "current"


def refresh_derived(store, changed: Iterable[str] = (), touched: derived.Touched | None = None,
                    full: bool = False) -> str:
    """Bring the derived graph up to date after the article graphs ``changed`` were added or removed: only what
    they name is recomputed when the graph was current before, else (or with ``full``) all of it — see
    ``legation.derived.refresh``. Returns "whole", "incremental" or "current"."""
    return derived.refresh(store, changed, touched=touched, full=full)


def default_jobs() -> int:
    """A sensible ``--jobs`` for this machine: its CPU count."""
    return os.cpu_count() or 1
