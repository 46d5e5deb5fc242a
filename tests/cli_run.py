"""What the command-line tests share: the environment of a ``legation`` run and its result.

A run gets no LEGATION_* variable from the developer's shell, keeps its config and default store under a
temporary directory, and finds this venv's ``bin`` first on PATH (as after ``. .venv/bin/activate``).
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent                          # the venv's bin (pytest runs with the venv's python)


def cli_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a CLI run: no LEGATION_* from the developer's shell, config and data under ``tmp``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEGATION_")}
    env.update({"XDG_CONFIG_HOME": str(tmp / "xdg-config"), "XDG_DATA_HOME": str(tmp / "xdg-data"),
                "PATH": str(BIN) + os.pathsep + env.get("PATH", ""),
                "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
                "PYTHONIOENCODING": "utf-8"})
    env.update(extra)
    return env


@dataclass
class Run:
    """A finished ``legation`` run."""

    args: list[str]
    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("Error:")]

    @property
    def lines(self) -> list[str]:
        return [line for line in self.out.splitlines() if line.strip()]

    def json(self):
        return json.loads(self.out)

    def ok(self) -> "Run":
        assert self.code == 0, f"expected exit 0\n{self}"
        return self

    def __str__(self) -> str:
        return (f"$ {' '.join(self.args)}\nexit {self.code}\n--- stdout (end)\n{self.out[-2000:]}\n"
                f"--- stderr (end)\n{self.err[-3000:]}")
