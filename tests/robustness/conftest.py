"""Fixtures of the robustness tests: the CLI in a subprocess (as a user runs it), clean and hostile corpora
written into temporary directories, a local HTTP server that counts what is fetched from it, headless Chromium.
"""
from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.append(str(HERE))

from robust_cli import assert_no_traceback, cli_env, invoke_cli, run_cli  # noqa: E402
from robust_corpus import write_clean_corpus, write_hostile_corpus  # noqa: E402


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return cli_env(tmp_path)


@pytest.fixture
def cli(env):
    """``cli(*args)`` runs legation with an isolated environment; ``cli(*args, env=...)`` with another one."""
    def run(*args, **kw):
        kw.setdefault("env", env)
        result = run_cli(*args, **kw)
        assert_no_traceback(result)
        return result
    return run


@pytest.fixture
def cli_here(env):
    """Like ``cli``, in this process (click's runner): for the many short runs of one test module."""
    def run(*args, **kw):
        result = invoke_cli(*args, env=kw.get("env", env))
        assert_no_traceback(result)
        return result
    return run


# -- corpora -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def clean_corpus(tmp_path_factory) -> Path:
    """60 small articles (English and Arabic), one per file."""
    directory = tmp_path_factory.mktemp("clean") / "corpus"
    write_clean_corpus(directory, 60)
    return directory


class CountingServer:
    """An HTTP server on 127.0.0.1 that answers every GET with a small body and counts the requests."""

    def __init__(self):
        self.requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append(self.path)
                body = b'<!ENTITY leaked "LEAKED-FROM-SERVER">' if self.path.endswith(".dtd") else b"LEAKED-FROM-SERVER"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def counting_server():
    server = CountingServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory, counting_server) -> Path:
    """Every hostile case except the big ones (see robust_corpus.CASES)."""
    directory = tmp_path_factory.mktemp("hostile") / "corpus"
    write_hostile_corpus(directory, big=False, url=counting_server.url)
    return directory
