"""Credentials and TLS for remote endpoints (issue 8), end to end through the CLI.

Credentials come from the environment (LEGATION_USER / LEGATION_PASSWORD), from the config file, or from the
endpoint URL; they are sent (as an Authorization header), and never printed, logged, put in a URL or written
into the graph. https endpoints have their certificate verified unless the config file says
``verify_tls = false``.

The server tests put an authenticating proxy (ours, below; optionally TLS with a self-signed certificate) in
front of the session's Oxigraph server.
"""
from __future__ import annotations

import base64
import http.client
import json
import logging
import re
import shutil
import ssl
import subprocess
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from robust_cli import cli_env
from robust_corpus import write_clean_corpus

USER = "analyst-7"
SECRET = "s3cr3t-Pa55:wörd@/#?&%"
TOKEN = base64.b64encode(f"{USER}:{SECRET}".encode()).decode()


def secret_forms() -> list[str]:
    return [SECRET, urllib.parse.quote(SECRET, safe=""), urllib.parse.quote(SECRET), TOKEN, "Pa55:w"]


def assert_secret_absent(*texts: str) -> None:
    for text in texts:
        for form in secret_forms():
            assert form not in text, f"the password ({form!r}) appears in:\n{text[:2000]}"


class AuthProxy:
    """An HTTP(S) server on 127.0.0.1 that wants Basic ``USER:SECRET`` and forwards every request to ``upstream``
    (a SPARQL server); without ``upstream`` it answers 200 with an empty SPARQL result. Records each request."""

    def __init__(self, upstream: str | None, tls: ssl.SSLContext | None = None):
        self.requests: list[dict] = []
        target = urllib.parse.urlsplit(upstream) if upstream else None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                auth = self.headers.get("Authorization")
                outer.requests.append({"method": self.command, "path": self.path, "auth": auth, "body": body})
                if auth != f"Basic {TOKEN}":
                    return self._reply(401, {"WWW-Authenticate": 'Basic realm="legation-test"'}, b"unauthorized")
                if target is None:
                    return self._reply(200, {"Content-Type": "application/sparql-results+json"},
                                       b'{"head": {"vars": []}, "results": {"bindings": []}}')
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("authorization", "host", "connection", "content-length")}
                path = target.path.rsplit("/", 1)[0] + "/" + self.path.lstrip("/")
                connection.request(self.command, path, body=body or None, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                passed = {k: v for k, v in response.getheaders()
                          if k.lower() not in ("transfer-encoding", "connection", "content-length")}
                connection.close()
                self._reply(response.status, passed, payload)

            def _reply(self, status, headers, payload):
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.server.server_address[1]}/query"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory) -> ssl.SSLContext:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed (needed to make a self-signed certificate)")
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(folder / "key.pem"),
                    "-out", str(folder / "cert.pem")], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


@pytest.fixture
def proxies():
    started = []

    def start(upstream=None, tls=None) -> AuthProxy:
        proxy = AuthProxy(upstream, tls)
        started.append(proxy)
        return proxy
    yield start
    for proxy in started:
        proxy.close()


def write_config(path: Path, **store) -> Path:
    lines = ["[store]"]
    for k, v in store.items():
        lines.append(f"{k} = {json.dumps(v)}" if not isinstance(v, bool) else f"{k} = {str(v).lower()}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def server_leaks_secret(oxigraph_server: str) -> bool:
    """Whether any triple in any graph of the server (ours or not) mentions the user's password."""
    query = ("ASK { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } FILTER(CONTAINS(STR(?s), \"Pa55\") || "
             f"CONTAINS(STR(?o), \"Pa55\") || CONTAINS(STR(?o), \"{TOKEN[:12]}\")) }}")
    url = oxigraph_server + "?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"}),
                                timeout=30) as response:
        return json.loads(response.read())["boolean"]


def clear(oxigraph_server: str) -> None:
    from servers import server_store
    store = server_store(oxigraph_server)
    store.clear()
    store.close()


@pytest.mark.server
@pytest.mark.parametrize("source", ["environment", "config file"])
def test_credentials_are_sent_and_never_shown_or_stored(source, oxigraph_server, proxies, self_signed, tmp_path,
                                                        cli, cli_here, caplog):
    clear(oxigraph_server)
    proxy = proxies(oxigraph_server, tls=self_signed)
    corpus = tmp_path / "corpus"
    write_clean_corpus(corpus, 3)
    if source == "environment":
        config = write_config(tmp_path / "config.toml", verify_tls=False)
        env = cli_env(tmp_path, LEGATION_CONFIG=str(config), LEGATION_USER=USER, LEGATION_PASSWORD=SECRET)
    else:
        config = write_config(tmp_path / "config.toml", verify_tls=False, user=USER, password=SECRET)
        env = cli_env(tmp_path, LEGATION_CONFIG=str(config))

    outputs = []
    run = cli("ingest", corpus, "--endpoint", proxy.url, env=env)
    assert run.code == 0, run.err
    outputs += [run.out, run.err]
    for args in (("stats", "--format", "json"), ("query", "meetings-between", "-p", "a=RU", "-p", "b=PK"),
                 ("export", "--format", "nq"), ("report", "RU", "PK", "--format", "md")):
        run = cli(*args, "--endpoint", proxy.url, env=env)
        assert run.code == 0, (args, run.err)
        outputs += [run.out, run.err]
    assert json.loads(outputs[2])["articles"] == 3
    with caplog.at_level(logging.DEBUG):
        run = cli_here("stats", "--endpoint", proxy.url, env=env)
    assert run.code == 0, run.err
    outputs += [run.out, run.err, caplog.text]

    assert_secret_absent(*outputs)
    assert proxy.requests and all(r["auth"] == f"Basic {TOKEN}" for r in proxy.requests), \
        "a request went without the credentials"
    assert_secret_absent(*(r["path"] for r in proxy.requests), *(r["body"].decode("utf-8", "replace")
                                                                for r in proxy.requests))
    assert not server_leaks_secret(oxigraph_server), "the password was written into the graph"


@pytest.mark.server
def test_wrong_password_is_one_line_without_the_password(oxigraph_server, proxies, tmp_path, cli):
    proxy = proxies(oxigraph_server)
    corpus = tmp_path / "corpus"
    write_clean_corpus(corpus, 1)
    wrong = SECRET + "-wrong"
    env = cli_env(tmp_path, LEGATION_USER=USER, LEGATION_PASSWORD=wrong)
    run = cli("ingest", corpus, "--endpoint", proxy.url, env=env)
    assert run.code == 1
    [line] = run.err.strip().splitlines()
    assert "401" in line and proxy.url.rsplit("/", 1)[0] in line and "hint:" in line, line
    assert wrong not in line and SECRET not in line


def test_https_certificates_are_verified_unless_told_otherwise(proxies, self_signed, tmp_path, cli):
    proxy = proxies(None, tls=self_signed)
    corpus = tmp_path / "corpus"
    write_clean_corpus(corpus, 1)
    env = cli_env(tmp_path, LEGATION_USER=USER, LEGATION_PASSWORD=SECRET)
    run = cli("stats", "--endpoint", proxy.url, env=env)
    assert run.code == 1
    [line] = run.err.strip().splitlines()
    assert re.search(r"certificate verify failed|CERTIFICATE_VERIFY_FAILED", line), line
    assert not any(r["auth"] for r in proxy.requests), "credentials were sent to an unverified server"
    assert_secret_absent(run.out, run.err)

    config = write_config(tmp_path / "config.toml", verify_tls=False)
    run = cli("stats", "--endpoint", proxy.url, "--format", "json",
              env=cli_env(tmp_path, LEGATION_CONFIG=str(config), LEGATION_USER=USER, LEGATION_PASSWORD=SECRET))
    assert "certificate" not in run.err.lower()
    assert proxy.requests and proxy.requests[-1]["auth"] == f"Basic {TOKEN}"
    assert_secret_absent(run.out, run.err)


@pytest.mark.parametrize("where", ["unreachable", "refused"])
def test_credentials_in_the_endpoint_url_are_never_shown(where, proxies, tmp_path, cli):
    from servers import free_port
    if where == "unreachable":
        base = f"127.0.0.1:{free_port()}"
    else:
        base = proxies(None).url.split("//", 1)[1].rsplit("/", 1)[0]
    quoted = urllib.parse.quote(SECRET, safe="")
    url = f"http://{USER}:{quoted}@{base}/query"
    config = write_config(tmp_path / "config.toml", retries=0, timeout=5)
    env = cli_env(tmp_path, LEGATION_CONFIG=str(config))
    corpus = tmp_path / "corpus"
    write_clean_corpus(corpus, 1)
    for args in (("ingest", corpus, "--endpoint", url, "-q"), ("stats", "--endpoint", url)):
        run = cli(*args, env=env)
        if where == "unreachable":
            assert run.code == 1
            [line] = run.err.strip().splitlines()
            assert f"http://{base}/" in line and "cannot reach" in line, line
        assert_secret_absent(run.out, run.err)
        assert USER + ":" not in run.err

