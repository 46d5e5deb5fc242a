"""The CLI as a user runs it: ``legation ARGS`` in a subprocess with an isolated environment."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cli_run import ROOT, Run, cli_env  # noqa: F401 (re-exported for the robustness tests)


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "legation", *map(str, args)]


def run_cli(*args: str, env: dict[str, str], timeout: float = 300, cwd: Path | None = None) -> Run:
    """Run ``legation ARGS`` to the end (standard input closed)."""
    done = subprocess.run(cli_command(*args), env=env, capture_output=True, timeout=timeout, cwd=cwd or ROOT,
                          stdin=subprocess.DEVNULL)
    return Run(list(map(str, args)), done.returncode, done.stdout.decode("utf-8", "replace"),
               done.stderr.decode("utf-8", "replace"))


def assert_no_traceback(run: Run) -> None:
    text = run.out + run.err
    assert "Traceback" not in text and 'File "' not in text, f"legation {' '.join(run.args)} printed a stack " \
                                                            f"trace:\n{run.err[-3000:]}"


def invoke_cli(*args: str, env: dict[str, str]) -> Run:
    """``legation ARGS`` in this process (click's test runner): the same code path as the command line, without
    starting Python again. An exception that escapes the CLI is reported as a stack trace in ``err``."""
    import traceback

    from click.testing import CliRunner

    from legation.cli import cli

    overrides: dict[str, str | None] = {k: None for k in os.environ if k.startswith("LEGATION_")}
    overrides.update({k: v for k, v in env.items() if k.startswith(("LEGATION_", "XDG_"))})
    result = CliRunner(env=overrides).invoke(cli, list(map(str, args)), prog_name="legation")
    err = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        err += "".join(traceback.format_exception(result.exception))
    return Run(list(map(str, args)), result.exit_code, result.stdout, err)
