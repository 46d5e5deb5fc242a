"""The SPARQL back-end's HTTP behaviour: retries, authentication, TLS, Virtuoso's JSON, the update fallback.

Most tests talk to a small fake endpoint in a thread; the last ones need the real servers.
"""
from __future__ import annotations

import base64
import json
import shutil
import ssl
import subprocess
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

import pytest
from rdflib import BNode, Literal, Namespace, URIRef

from graph_store.config import StoreConfig
from graph_store.sparql_store import SparqlStore
from legation.errors import EndpointError
from ontology import ID_BASE
from servers import server_store

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")   # plain Namespace: rdflib's DefinedNamespace warns

G = f"{ID_BASE}article/http"
ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()


class FakeEndpoint:
    """An HTTP server on 127.0.0.1 whose answers come from ``reply(handler) -> (status, headers, body)``."""

    def __init__(self, reply: Callable, tls: ssl.SSLContext | None = None):
        self.requests: list[dict] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                endpoint.requests.append({"method": self.command, "path": self.path,
                                          "headers": dict(self.headers), "body": body})
                status, headers, payload = reply(self)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}/query"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake():
    servers = []

    def start(reply, tls=None) -> FakeEndpoint:
        server = FakeEndpoint(reply, tls)
        servers.append(server)
        return server
    yield start
    for server in servers:
        server.close()


def json_reply(payload: dict, status: int = 200, headers: dict | None = None):
    body = json.dumps(payload).encode()
    return lambda handler: (status, {"Content-Type": "application/sparql-results+json", **(headers or {})}, body)


def test_retries_on_503_then_succeeds(fake):
    answers = iter([(503, {}, b"busy"), (502, {}, b"gateway"), (200, {"Content-Type": "application/json"}, ASK_TRUE)])
    server = fake(lambda handler: next(answers))
    store = SparqlStore(StoreConfig(backend="sparql", endpoint=server.url, retries=3, backoff=0.01))
    assert store.ask("ASK {}") is True
    assert len(server.requests) == 3


def test_gives_up_after_retries_naming_the_endpoint(fake):
    server = fake(lambda handler: (503, {}, b"still busy"))
    store = SparqlStore(StoreConfig(backend="sparql", endpoint=server.url, retries=2, backoff=0.01))
    with pytest.raises(EndpointError, match="HTTP 503") as caught:
        store.select("SELECT * {}")
    assert server.url in str(caught.value)
    assert len(server.requests) == 3


def test_no_retry_on_400(fake):
    server = fake(lambda handler: (400, {"Content-Type": "text/plain"}, b"Parse error: line 1"))
    store = SparqlStore(StoreConfig(backend="sparql", endpoint=server.url, retries=3, backoff=0.01))
    with pytest.raises(EndpointError, match="Parse error"):
        store.update("INSERT DATA {")
    assert len(server.requests) == 1


def test_basic_auth_sent_and_never_shown(fake):
    good = "Basic " + base64.b64encode("analyst:pa55-word".encode()).decode()

    def reply(handler):
        if handler.headers.get("Authorization") != good:
            return 401, {"WWW-Authenticate": 'Basic realm="sparql"'}, b"who are you"
        return 200, {"Content-Type": "application/json"}, ASK_TRUE

    server = fake(reply)
    store = SparqlStore(StoreConfig(backend="sparql", endpoint=server.url, user="analyst", password="pa55-word"))
    assert store.ask("ASK {}") is True
    assert "pa55" not in server.requests[0]["path"]
    wrong = SparqlStore(StoreConfig(backend="sparql", endpoint=server.url, user="analyst", password="nope-nope",
                                    retries=0))
    with pytest.raises(EndpointError, match="HTTP 401") as caught:
        wrong.ask("ASK {}")
    assert "nope-nope" not in f"{caught.value} {caught.value.hint}" and "LEGATION_PASSWORD" in caught.value.hint


def test_virtuoso_style_json_is_normalised(fake):
    virtuoso = {"head": {"link": [], "vars": ["b", "s", "d", "n", "l", "u"]}, "results": {"bindings": [{
        "b": {"type": "typed-literal", "datatype": str(XSD.boolean), "value": "1"},
        "s": {"type": "typed-literal", "datatype": str(XSD.string), "value": "text"},
        "d": {"type": "typed-literal", "datatype": str(XSD.integer), "value": "007"},
        "n": {"type": "bnode", "value": "nodeID://b10007"},
        "l": {"type": "literal", "xml:lang": "AR", "value": "روسيا"},
    }]}}
    server = fake(json_reply(virtuoso))
    row = SparqlStore(StoreConfig(backend="sparql", endpoint=server.url)).select("SELECT * {}").rows[0]
    assert row == (Literal("true", datatype=XSD.boolean), Literal("text"), Literal("7", datatype=XSD.integer),
                   BNode("nodeID___b10007"), Literal("روسيا", lang="ar"), None)


def test_partial_results_raise(fake):
    server = fake(json_reply({"head": {"vars": []}, "results": {"bindings": []}}, headers={"X-SQL-State": "S1TAT"}))
    with pytest.raises(EndpointError, match="partial results"):
        SparqlStore(StoreConfig(backend="sparql", endpoint=server.url)).select("SELECT * {}")


def test_requests_are_what_the_protocols_say(fake):
    server = fake(lambda handler: (200, {"Content-Type": "application/json"}, ASK_TRUE))
    store = SparqlStore(StoreConfig(backend="sparql", endpoint=server.url))
    store.ask("ASK {}")
    store.update("CLEAR SILENT GRAPH <http://x>")
    store.put_graph(G, f'<{ID_BASE}a> <{ID_BASE}p> "x" .\n')
    query, update, put = server.requests
    assert query["method"] == "POST" and query["path"].startswith("/query")
    assert "union-default-graph" in urllib.parse.unquote(query["body"].decode())   # Oxigraph server's option
    assert update["path"] == "/update" and update["body"].startswith(b"update=")
    assert put["method"] == "PUT" and put["path"] == "/store?" + urllib.parse.urlencode({"graph": G})
    assert put["headers"]["Content-Type"].startswith("application/n-triples")


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


def test_tls_verified_unless_disabled(fake, self_signed):
    server = fake(lambda handler: (200, {"Content-Type": "application/json"}, ASK_TRUE), tls=self_signed)
    strict = SparqlStore(StoreConfig(backend="sparql", endpoint=server.url, retries=0))
    with pytest.raises(EndpointError, match="CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        strict.ask("ASK {}")
    lax = SparqlStore(StoreConfig(backend="sparql", endpoint=server.url, verify_tls=False, retries=0))
    assert lax.ask("ASK {}") is True


# -- against the real servers ------------------------------------------------------------------------------

@pytest.mark.server
@pytest.mark.parametrize("server", ["oxigraph_server", "virtuoso_server"])
def test_update_fallback_without_gsp(request, server):
    store = server_store(request.getfixturevalue(server))
    store.clear()
    store.gsp_endpoint = None
    text = "".join(f'<{ID_BASE}s/{i}> <{ID_BASE}p> "{i}" .\n' for i in range(1_200))   # > one INSERT DATA
    store.put_graph(G, text)
    assert store.count_triples() == 1_200
    store.put_graph(G, text[: text.index("\n") + 1])
    assert store.count_triples() == 1
    store.put_graphs({f"{G}/{i}": f'<{ID_BASE}s/{i}> <{ID_BASE}p> "{i}" .\n' for i in range(20)})
    assert len(store.graphs()) == 21
    store.clear()


@pytest.mark.server
def test_virtuoso_digest_auth(virtuoso_server, virtuoso_credentials):
    user, password = virtuoso_credentials
    url = virtuoso_server.rsplit("/", 1)[0] + "/sparql-auth"
    config = StoreConfig(backend="sparql", endpoint=url, user=user, password=password, retries=0)
    assert config.auth == "digest" and config.gsp_endpoint.endswith("/sparql-graph-crud-auth")
    store = SparqlStore(config)
    store.put_graph(G, f'<{ID_BASE}a> <{ID_BASE}p> "digest" .\n')
    store.update(f'INSERT DATA {{ GRAPH <{G}> {{ <{ID_BASE}a> <{ID_BASE}p> "update" }} }}')
    assert store.count_triples() == 2
    store.remove_graph(G)
    wrong = SparqlStore(config.with_(password="not-" + password))
    with pytest.raises(EndpointError, match="401") as caught:
        wrong.ask("ASK {}")
    assert password not in str(caught.value)


@pytest.mark.server
def test_virtuoso_rejects_big_insert_data(virtuoso_server):
    """Why writes without GSP go in chunks: Virtuoso's SPARQL compiler fails on a few thousand triples."""
    store = server_store(virtuoso_server)
    text = " ".join(f'<{ID_BASE}s/{i}> <{ID_BASE}p> "{i}" .' for i in range(5_000))
    with pytest.raises(EndpointError, match="SP030|memory"):
        store.update(f"INSERT DATA {{ GRAPH <{G}> {{ {text} }} }}")
    assert URIRef(G) not in [URIRef(g) for g in store.graphs()]
