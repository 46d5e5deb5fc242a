"""The command line as a user runs it: ``legation ARGS`` in a subprocess, from the repository root, with an
isolated environment (no LEGATION_* from the developer's shell; config and default store under a temporary
directory; the venv's ``bin`` first on PATH, as after ``. .venv/bin/activate``).

Where things are, relative to the repository root, as in CI: the shared folder beside the clone
(``../shared``), the team's samples (``samples/``) and dev gold (``tests/gold/dev``).
"""
from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from cli_run import BIN, ROOT, Run, cli_env  # noqa: F401 (re-exported for the CLI tests)

SHARED = ROOT.parent / "shared"                          # ../shared, never an absolute path of one machine
SEED = SHARED / "corpus" / "seed-ar-ru-pk-2021-09-29.txt"
SEED_GOLD_DIR = SHARED / "eval" / "dev"
SCORER = SHARED / "eval" / "score.py"
TEAM_GOLD = ROOT / "tests" / "gold" / "dev"
SAMPLES = ROOT / "samples"
# Two reports of the Joint Military Consultative Committee meeting in Islamabad, 2023-11-14 (samples/README.md).
PAIR = [SAMPLES / "ar" / "2023-11-14-jmcc-islamabad.txt", SAMPLES / "ru" / "2023-11-14-jmcc-islamabad.txt"]

REQUIRE_SHARED = "LEGATION_REQUIRE_SHARED"


def require_shared(*paths: Path) -> None:
    """Skip the test when the shared folder (or one of ``paths`` in it) is missing — or fail, when
    LEGATION_REQUIRE_SHARED=1 (CI), so that a missing ../shared cannot silently turn the spine tests off."""
    missing = [p for p in (SHARED, *paths) if not p.exists()]
    if not missing:
        return
    reason = (f"the shared folder is not where CI puts it (beside the clone, ../shared): "
              f"{', '.join(str(p) for p in missing)} missing")
    if os.environ.get(REQUIRE_SHARED) == "1":
        pytest.fail(f"{REQUIRE_SHARED}=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def legation_command() -> list[str]:
    """The installed ``legation`` script of this venv, else ``python -m legation``."""
    script = BIN / "legation"
    return [str(script)] if script.exists() else [sys.executable, "-m", "legation"]


def run(argv: list[str], env: dict[str, str], cwd: Path = ROOT, timeout: float = 900) -> Run:
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    result = Run([str(a) for a in argv], done.returncode, done.stdout.decode("utf-8", "replace"),
                 done.stderr.decode("utf-8", "replace"))
    text = result.out + result.err
    assert "Traceback (most recent call last)" not in text, f"a stack trace instead of an error line\n{result}"
    return result


def run_legation(*args, env: dict[str, str], cwd: Path = ROOT, timeout: float = 900) -> Run:
    result = run(legation_command() + [str(a) for a in args], env=env, cwd=cwd, timeout=timeout)
    result.args = ["legation", *map(str, args)]
    return result


def rel(path: Path) -> str:
    """``path`` relative to the repository root when it lies under the root's parent (``../shared/...``,
    ``samples/...``): what a user in the clone types."""
    return os.path.relpath(path, ROOT)


def parse_score_table(text: str) -> dict[str, dict[str, dict[str, float]]]:
    """The table that ``legation eval`` and ``score.py`` print — ``scope kind P R F1 tp/gold/pred`` after a header
    line — as {scope: {kind: {precision, recall, f1, tp, gold, pred}}}. Other lines (the header, score.py's
    closing ``F1: ...`` summary) are left out; a line that looks like a row but does not parse fails."""
    table: dict[str, dict[str, dict[str, float]]] = {}
    lines = text.splitlines()
    assert lines and lines[0].split()[:5] == ["scope", "kind", "P", "R", "F1"], f"no table header in:\n{text}"
    for line in lines[1:]:
        parts = line.split()
        if not parts or parts[0].endswith(":"):
            continue
        assert len(parts) == 6, f"not a table row: {line!r}"
        scope, kind, p, r, f, counts = parts
        tp, gold, pred = (int(x) for x in counts.split("/"))
        table.setdefault(scope, {})[kind] = {"precision": float(p), "recall": float(r), "f1": float(f),
                                             "tp": tp, "gold": gold, "pred": pred}
    assert table, f"no rows in:\n{text}"
    return table


def scorer_argv(gold_dir: Path, *extra: str) -> list[str]:
    """``python ../shared/eval/score.py GOLD_DIR``, as the shared README runs it from the repository root. The
    scorer runs its default extractor, ``legation extract --format jsonl``, from PATH (the venv's bin is put
    first on PATH by cli_env); without an installed script, it is told to run the module instead."""
    argv = [sys.executable, rel(SCORER), rel(gold_dir), *extra]
    if not (BIN / "legation").exists():
        argv += ["--cmd", f"{shlex.quote(sys.executable)} -m legation extract --format jsonl"]
    return argv
