"""benchmarks/extract_cpu.py: extraction CPU per language beside the whole-text NER baseline, printed as the
BENCHMARKS.md command shows."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_extract_cpu_prints_each_language_and_the_baseline():
    run = subprocess.run([sys.executable, "-m", "benchmarks.extract_cpu", "--size", "12", "--repeat", "1"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("12 articles")
    for lang in ("ar", "ru", "en", "all"):
        row = next(line for line in lines if line.strip().startswith(f"extract {lang}"))
        assert float(row.split()[2]) > 0
    assert any("baseline: natasha NER" in line and float(line.split()[-2]) > 0 for line in lines)
