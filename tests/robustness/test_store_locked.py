"""A store already opened by another process (issue 8): a command that writes gives one clear line naming the
store and what to do, not a stack trace; a command that only reads opens it read-only and works."""
from __future__ import annotations

import subprocess
import sys

import pytest

from robust_cli import ROOT, cli_env, invoke_cli
from robust_corpus import article

HOLDER = """
import sys
from graph_store import StoreConfig, open_store
store = open_store(StoreConfig(path=sys.argv[1]))
print("open", flush=True)
sys.stdin.read()
store.close()
"""


@pytest.fixture(scope="module")
def held_store(tmp_path_factory):
    """A store with one article, held open read-write by another process (as `legation serve` would)."""
    tmp = tmp_path_factory.mktemp("locked")
    corpus = tmp / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(article("en", 5), encoding="utf-8")
    store = tmp / "store"
    run = invoke_cli("ingest", corpus, "--store", store, "-q", env=cli_env(tmp))
    assert run.code == 0, run.err
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert holder.stdout.readline().strip() == b"open", holder.stderr.read().decode()
    yield store, corpus
    holder.stdin.close()
    holder.wait(30)


def one_clear_line(run, store) -> str:
    lines = run.err.strip().splitlines()
    assert run.code == 1, (run.code, run.err)
    assert len(lines) == 1, run.err
    assert lines[0].startswith(f"Error: {store}: the store is in use by another process"), lines[0]
    assert "(hint: " in lines[0]
    return lines[0]


def test_ingest_into_a_store_in_use_is_one_line(held_store, cli_here):
    store, corpus = held_store
    one_clear_line(cli_here("ingest", corpus, "--store", store, "-q"), store)


def test_remove_from_a_store_in_use_is_one_line(held_store, cli_here):
    store, _ = held_store
    one_clear_line(cli_here("remove", "0" * 32, "--store", store), store)


@pytest.mark.parametrize("args", [
    ("stats", "--format", "json"),
    ("query", "meetings-between", "--param", "a=RU", "--param", "b=PK"),
    ("export", "--format", "nq"),
    ("validate",),
    ("report", "RU", "PK", "--format", "md"),
    ("graph", "--out", "{tmp}/g.html"),
], ids=lambda a: a[0])
def test_reading_a_store_in_use_reads_it(args, held_store, cli_here, tmp_path):
    """Read-only commands open the store read-only, which works beside a writer (RocksDB's read-only mode)."""
    store, _ = held_store
    args = [a.format(tmp=tmp_path) for a in args]
    run = cli_here(*args, "--store", store)
    assert run.code == 0, run.err
    if args[0] == "stats":
        assert run.json()["articles"] == 1


def test_the_library_names_the_store_and_the_holder(held_store):
    from graph_store import StoreConfig, open_store
    from legation.errors import StoreLockedError

    store, _ = held_store
    with pytest.raises(StoreLockedError, match="in use by another process") as info:
        open_store(StoreConfig(path=str(store)))
    assert str(store) in str(info.value) and "serve" in info.value.hint
