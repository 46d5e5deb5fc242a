"""Fixtures of the command-line tests: ``legation`` run as a user runs it (see user_cli.py), and a store holding
two of the team's sample articles that report the same meeting in two languages (read-only for the tests that
share it; tests that change a store make their own)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.append(str(HERE))

from user_cli import (  # noqa: E402
    PAIR, SCORER, cli_env, parse_score_table, rel, require_shared, run, run_legation, scorer_argv,
)



@pytest.fixture(scope="session")
def env(tmp_path_factory) -> dict[str, str]:
    return cli_env(tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="session")
def cli(env):
    """``cli(*args)`` runs ``legation ARGS`` in a subprocess from the repository root; never a stack trace."""
    def call(*args, **kw):
        kw.setdefault("env", env)
        return run_legation(*args, **kw)
    return call


@pytest.fixture(scope="session")
def pair(tmp_path_factory, cli) -> SimpleNamespace:
    """A store with the two sample reports of one meeting, the contract records of both (legation extract) and
    the ingest run."""
    store = tmp_path_factory.mktemp("pair") / "store"
    paths = [rel(p) for p in PAIR]
    ingest = cli("ingest", *paths, "--store", store, "--quiet").ok()
    records = [json.loads(line) for line in cli("extract", *paths, "--format", "jsonl").ok().lines]
    return SimpleNamespace(store=store, paths=paths, records=records, ingest=ingest)


@pytest.fixture(scope="session")
def shared_scorer(tmp_path_factory, env):
    """``shared_scorer(gold_dir)`` → (run, printed table, --json scores) of ``python ../shared/eval/score.py``
    from the repository root, once per gold folder."""
    done: dict[Path, tuple] = {}

    def score(gold_dir: Path):
        require_shared(SCORER, gold_dir)
        if gold_dir not in done:
            out = tmp_path_factory.mktemp("scores") / "scores.json"
            result = run(scorer_argv(gold_dir, "--json", str(out)), env=env)
            assert result.code == 0, f"score.py failed\n{result}"
            done[gold_dir] = (result, parse_score_table(result.out), json.loads(out.read_text())["scores"])
        return done[gold_dir]
    return score
