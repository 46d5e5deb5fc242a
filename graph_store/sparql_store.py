"""Any SPARQL 1.1 server as a store: Oxigraph server, Virtuoso 7, Fuseki, GraphDB …

- Queries (SELECT, ASK, CONSTRUCT) go through SPARQLWrapper, by POST, results as SPARQL JSON (Turtle for
  CONSTRUCT) turned into rdflib terms by ``terms.from_sparql_json`` — Virtuoso's ``typed-literal``, its
  boolean ``"1"``, its ``xsd:string`` datatypes and ``nodeID://`` blank nodes are normalised there, so that
  one SELECT gives equal terms on every back-end. SPARQLWrapper's own transport is replaced by ours
  (``_Wrapper._query``): its digest support installs a process-wide urllib opener, and it cannot switch TLS
  verification off.
- Updates are SPARQL 1.1 Update by POST (form-encoded) to the update URL.
- ``put_graph``/``put_graphs`` use the Graph Store Protocol (N-Triples; PUT replaces a graph, POST adds to a
  new one — on Oxigraph server POST of a new graph is ~2.5× faster than PUT). How atomic a PUT is depends on
  the server. Without a GSP URL, writes fall back to SPARQL Update: ``DROP SILENT GRAPH`` + ``INSERT DATA``
  in one request while a graph has at most ``INSERT_CHUNK`` triples (Virtuoso's SPARQL compiler fails on
  INSERT DATA of a few thousand triples: "SP030 … memory exhausted"), in several requests — not atomic —
  beyond.
- Every request is retried with exponential backoff (``config.backoff``, doubling, ``config.retries``
  times) on connection errors and HTTP 502/503/504; then ``EndpointError`` names the endpoint. Credentials
  go in headers only, never in URLs or messages. HTTPS certificates are verified unless ``verify_tls`` is
  false. Basic authentication is sent pre-emptively; digest answers the server's challenge.

Virtuoso 7 specifics (found with ``tests/servers.py``):

- The ``SPARQL`` user needs ``GRANT SPARQL_UPDATE TO "SPARQL"`` for updates and for ``/sparql-graph-crud``;
  an authenticated user needs the same grant and uses ``/sparql-auth`` / ``/sparql-graph-crud-auth``
  (digest).
- Its default graph is already the union of all graphs — including its built-in ones (``virtrdf#``,
  ``ldp#``, ``localuriqaserver``: ~2,500 triples, some ``rdf:type``). So a query should name our classes
  and predicates, or restrict ``?g`` with ``GRAPH ?g``; ``graphs()`` and ``count_triples()`` only look at
  graphs under ``ontology.ID_BASE``. (Virtuoso's ``define input:default-graph-exclude`` pragma would hide
  them, but 7.2 then answers wrongly when a ``GRAPH <iri>`` pattern is present: ASK true and COUNT 1 for
  an empty graph.)
- It silently truncates results at ``ResultSetMaxRows`` (10,000 in Debian's virtuoso.ini). ``graphs()`` and
  ``dump()`` page and compare with counts, and raise when they still come up short; plain ``select`` cannot
  tell — raise the limit on the server.
- Time-limited ("anytime") queries return partial results with an ``X-SQL-State`` header: that raises.
"""
from __future__ import annotations

import base64
import http.client
import json
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import IO, Iterable

import pyoxigraph as ox
import rdflib
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from legation.errors import EndpointError, StoreError
from ontology import ID_BASE

from .base import SelectResult
from .config import StoreConfig, endpoint_rule
from .terms import dump_store, from_sparql_json, graph_node, literal, no_cycle_collection, to_ntriples, to_oxigraph

RETRY_STATUS = (502, 503, 504)
INSERT_CHUNK = 500          # triples per INSERT DATA request (Virtuoso cannot take a few thousand)
PAGE = 5_000                # rows per page when listing graphs or dumping (below Virtuoso's default 10,000)
VALUES_BATCH = 200          # graph IRIs per VALUES block
_RDF_FORMATS = {      # response content type → rdflib parser
    "text/turtle": "turtle", "application/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "nt", "text/plain": "nt", "application/rdf+xml": "xml",
    "application/ld+json": "json-ld", "text/rdf+n3": "n3", "text/n3": "n3",
}


def _excerpt(body: bytes, limit: int = 300) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[:limit] + "…"


def _with_param(url: str, name: str, value: str) -> str:
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode({name: value})


class _Wrapper(SPARQLWrapper):
    """SPARQLWrapper whose requests go through the store's transport (auth, TLS, retries, errors)."""

    def __init__(self, store: "SparqlStore"):
        super().__init__(store.endpoint)
        self._store = store
        self.setMethod(POST)
        self.setOnlyConneg(True)
        for name, value in store.query_params:
            self.addParameter(name, value)

    def _query(self):  # noqa: D401 - SPARQLWrapper's hook
        response = self._store._send(self._createRequest(), self._store.endpoint)
        state = response.headers.get("X-SQL-State")
        if state:
            response.close()
            raise EndpointError(f"{self._store.endpoint}: the server returned partial results "
                                f"(X-SQL-State {state}); the query hit a time or size limit")
        return response, self.returnFormat


class SparqlStore:
    """A legation store on a SPARQL 1.1 endpoint (see the module docstring)."""

    def __init__(self, config: StoreConfig):
        if not config.endpoint:
            raise StoreError("the sparql back-end needs an endpoint URL")
        self.config = config
        self.endpoint = config.endpoint
        self.update_endpoint = config.update_endpoint or config.endpoint
        self.gsp_endpoint = config.gsp_endpoint
        self.read_only = config.read_only
        self.name = f"sparql:{self.endpoint}"
        self.location = self.endpoint
        rule = endpoint_rule(self.endpoint)
        self.query_params: tuple[tuple[str, str], ...] = rule.query_params if rule else ()
        self._opener, self._authorization = self._transport(config)

    @staticmethod
    def _transport(config: StoreConfig) -> tuple[urllib.request.OpenerDirector, str | None]:
        context = ssl.create_default_context()
        if not config.verify_tls:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        handlers: list[urllib.request.BaseHandler] = [urllib.request.HTTPSHandler(context=context)]
        authorization = None
        if config.user is not None and config.password is not None:
            if config.auth == "digest":
                passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                urls = [u for u in (config.endpoint, config.update_endpoint, config.gsp_endpoint) if u]
                passwords.add_password(None, urls, config.user, config.password)
                handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
            else:
                token = base64.b64encode(f"{config.user}:{config.password}".encode("utf-8")).decode("ascii")
                authorization = f"Basic {token}"
        return urllib.request.build_opener(*handlers), authorization

    def __repr__(self) -> str:
        return f"SparqlStore({self.endpoint!r})"

    def __enter__(self) -> "SparqlStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""

    # -- transport ----------------------------------------------------------------------------------------

    def _send(self, request: urllib.request.Request, where: str):
        """Open ``request`` with retries; EndpointError naming ``where`` (a URL without credentials)."""
        if self._authorization:
            request.add_unredirected_header("Authorization", self._authorization)
        delay = self.config.backoff
        attempts = self.config.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return self._opener.open(request, timeout=self.config.timeout)
            except urllib.error.HTTPError as e:
                body = e.read() if e.fp is not None else b""
                e.close()
                if e.code in RETRY_STATUS and attempt < attempts:
                    time.sleep(delay)
                    delay *= 2
                    continue
                raise self._http_error(where, e.code, e.reason, body) from None
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout,
                    TimeoutError) as e:
                if attempt < attempts:
                    time.sleep(delay)
                    delay *= 2
                    continue
                reason = getattr(e, "reason", None) or e
                raise EndpointError(f"{where}: cannot reach the server after {attempts} attempt(s): "
                                    f"{reason}") from None
        raise AssertionError("unreachable")

    def _http_error(self, where: str, code: int, reason: str, body: bytes) -> EndpointError:
        message = f"{where}: HTTP {code} {reason}"
        detail = _excerpt(body)
        if detail and not detail.lstrip().startswith("<"):
            message += f": {detail}"
        elif detail:
            message += f": {_excerpt(body, 160)}"
        if code in (401, 403):
            return EndpointError(message, hint="check the user and password (LEGATION_USER, LEGATION_PASSWORD)"
                                 " and that the user may write (Virtuoso: GRANT SPARQL_UPDATE)")
        if code == 400:
            return EndpointError(message, hint="the server rejected the request; check its syntax")
        return EndpointError(message)

    def _request(self, url: str, data: bytes | None, method: str, content_type: str | None,
                 accept: str | None = None) -> bytes:
        request = urllib.request.Request(url, data=data, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        if accept:
            request.add_header("Accept", accept)
        with self._send(request, url.split("?", 1)[0]) as response:
            return response.read()

    # -- queries ------------------------------------------------------------------------------------------

    def _wrapper(self, query: str, fmt: str, form: str = "SELECT") -> _Wrapper:
        wrapper = _Wrapper(self)
        wrapper.setQuery(query)
        # SPARQLWrapper guesses the query form from the text and can take a comment's words ("add", "drop")
        # for an update; the caller knows the form
        wrapper.queryType = form
        wrapper.setReturnFormat(fmt)
        return wrapper

    def _json(self, query: str, form: str = "SELECT") -> dict:
        result = self._wrapper(query, JSON, form).query()
        try:
            with result.response as response:
                return json.loads(response.read().decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            raise EndpointError(f"{self.endpoint}: the answer is not SPARQL JSON results: {e}") from None

    def select(self, query: str) -> SelectResult:
        """Run a SELECT query; the default graph is the union of the named graphs."""
        with no_cycle_collection():   # (parsing and converting a large answer: see no_cycle_collection)
            data = self._json(query)
            if "results" not in data:
                raise StoreError(f"{self.endpoint}: not a SELECT query")
            names = list(data.get("head", {}).get("vars", []))
            rows = [tuple(from_sparql_json(b.get(v)) for v in names) for b in data["results"].get("bindings", [])]
        return SelectResult(names, rows)

    def ask(self, query: str) -> bool:
        """Run an ASK query."""
        data = self._json(query, "ASK")
        if "boolean" not in data:
            raise StoreError(f"{self.endpoint}: not an ASK query")
        return bool(data["boolean"])

    def construct(self, query: str) -> rdflib.Graph:
        """Run a CONSTRUCT (or DESCRIBE) query; the answer as an rdflib graph with normalised terms."""
        result = self._wrapper(query, TURTLE, "CONSTRUCT").query()
        with result.response as response:
            content_type = response.headers.get("Content-Type", "text/turtle").split(";")[0].strip().lower()
            body = response.read()
        fmt = _RDF_FORMATS.get(content_type)
        if fmt is None:
            raise StoreError(f"{self.endpoint}: not a CONSTRUCT or DESCRIBE query (answer is {content_type})")
        parsed = rdflib.Graph()
        with no_cycle_collection():
            try:
                parsed.parse(data=body, format=fmt)
            except Exception as e:  # rdflib raises many kinds
                raise EndpointError(f"{self.endpoint}: cannot parse the CONSTRUCT answer: {e}") from None
            graph = rdflib.Graph()
            for s, p, o in parsed:
                if isinstance(o, rdflib.Literal):
                    o = literal(str(o), o.language, str(o.datatype) if o.datatype else None)
                graph.add((s, p, o))
        return graph

    # -- writing ------------------------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.endpoint}: the store is open read-only")

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 update (POST to the update URL)."""
        self._writable()
        data = urllib.parse.urlencode({"update": update}).encode("ascii")
        self._request(self.update_endpoint, data, "POST", "application/x-www-form-urlencoded")

    def _gsp_url(self, graph: str) -> str:
        assert self.gsp_endpoint
        return _with_param(self.gsp_endpoint, "graph", graph)

    def put_graph(self, graph: str, nquads: str) -> None:
        """Replace named graph ``graph`` with the triples in ``nquads`` (GSP PUT, or SPARQL Update)."""
        self._writable()
        graph_node(graph)
        body = to_ntriples(nquads, graph)
        self._put(graph, body, exists=True)

    def _put(self, graph: str, body: bytes, exists: bool) -> None:
        if not body.strip():
            if exists:
                self.remove_graph(graph)
            return
        if self.gsp_endpoint:
            self._request(self._gsp_url(graph), body, "PUT" if exists else "POST",
                          "application/n-triples; charset=utf-8")
            return
        lines = body.decode("utf-8").splitlines()
        drop = f"DROP SILENT GRAPH <{graph}> ;\n" if exists else ""
        for i in range(0, len(lines), INSERT_CHUNK):
            chunk = "\n".join(lines[i:i + INSERT_CHUNK])
            self.update(f"{drop if i == 0 else ''}INSERT DATA {{ GRAPH <{graph}> {{\n{chunk}\n}} }}")

    def put_graphs(self, graphs: dict[str, str], validated: bool = False, threads: int | None = None) -> None:
        """Replace many named graphs, each as ``put_graph`` does; new graphs are added (GSP POST)."""
        self._writable()
        bodies = {}
        for graph, text in graphs.items():
            graph_node(graph)
            bodies[graph] = to_ntriples(text, graph)
        existing = self._existing(list(graphs))
        for graph, body in bodies.items():
            self._put(graph, body, exists=graph in existing)

    def _existing(self, graphs: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(graphs), VALUES_BATCH):
            values = " ".join(f"<{g}>" for g in graphs[i:i + VALUES_BATCH])
            result = self.select(f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} "
                                 f"FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }}")
            found.update(str(row[0]) for row in result.rows)
        return found

    def remove_graph(self, graph: str) -> None:
        """Remove named graph ``graph`` (nothing happens if there is none)."""
        graph_node(graph)
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def clear(self) -> None:
        """Remove all our graphs (those under ``ontology.ID_BASE``); other graphs stay."""
        graphs = self.graphs()
        for i in range(0, len(graphs), VALUES_BATCH):
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i:i + VALUES_BATCH]))

    # -- reading ------------------------------------------------------------------------------------------

    _OURS = f'FILTER(STRSTARTS(STR(?g), "{ID_BASE}"))'

    def has_graph(self, graph: str) -> bool:
        """Whether named graph ``graph`` holds at least one triple."""
        graph_node(graph)
        return self.ask(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")

    def count_triples(self) -> int:
        """The number of quads in our named graphs."""
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._OURS} }}").rows
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def _graph_sizes(self) -> dict[str, int]:
        """Our graphs and their sizes, paged; EndpointError when the server truncates the list."""
        rows = self.select(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._OURS} }}").rows
        expected = int(rows[0][0]) if rows and rows[0][0] is not None else 0
        sizes: dict[str, int] = {}
        offset = 0
        while len(sizes) < expected:
            page = self.select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._OURS} }} "
                               f"GROUP BY ?g ORDER BY ?g LIMIT {PAGE} OFFSET {offset}").rows
            if not page:
                break
            sizes.update((str(g), int(n)) for g, n in page)
            offset += len(page)
        if len(sizes) < expected:
            raise EndpointError(f"{self.endpoint}: the server listed {len(sizes)} of {expected} graphs; it "
                                "truncates results (Virtuoso: raise ResultSetMaxRows)")
        return sizes

    def graphs(self) -> list[str]:
        """Our named graphs (IRI under ``ontology.ID_BASE``) holding at least one triple, sorted."""
        return sorted(self._graph_sizes())

    def dump(self, out: IO[bytes], fmt: str) -> None:
        """Write our graphs to ``out`` (see ``Store.dump``). Gathers them in memory first."""
        local = ox.Store()
        for batch in _batches(self._graph_sizes(), PAGE):
            values = " ".join(f"<{g}>" for g in batch)
            result = self.select(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
            expected = sum(batch.values())
            if len(result.rows) < expected:
                raise EndpointError(f"{self.endpoint}: the server returned {len(result.rows)} of {expected} "
                                    "triples; it truncates results (Virtuoso: raise ResultSetMaxRows)")
            local.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.NamedNode(str(g)))
                         for g, s, p, o in result.rows)
        dump_store(local, out, fmt)


def _batches(sizes: dict[str, int], limit: int) -> Iterable[dict[str, int]]:
    """Group graphs so that each group has at most ``limit`` triples (a bigger graph goes alone)."""
    batch: dict[str, int] = {}
    total = 0
    for graph, size in sizes.items():
        if batch and total + size > limit:
            yield batch
            batch, total = {}, 0
        batch[graph] = size
        total += size
    if batch:
        yield batch

