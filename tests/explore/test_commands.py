"""`legation graph` and `legation report` as a person runs them (click's runner, an embedded store on disk)."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from explore.page import remote_resources
from explore_data import SCRIPT, state
from legation.cli import cli
from legation.commands import graph as graph_command
from legation.commands import report as report_command


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result


def test_graph_html(store_dir, tmp_path):
    out = tmp_path / "net.html"
    result = run("graph", "--store", store_dir, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "15 nodes, 22 edges from 6 events" in result.output
    page = out.read_text(encoding="utf-8")
    assert remote_resources(page) == [] and SCRIPT not in page


def test_graph_states_filters_and_formats(store_dir, tmp_path):
    out = tmp_path / "ru.gexf"
    result = run("graph", "--store", store_dir, "--view", "states", "--state", "ru", "--since", "2023",
                 "--type", "cooperation", "--type", "ACCUSE", "--out", str(out), "--lang", "ru")
    assert result.exit_code == 0, result.output
    g = nx.read_gexf(out)
    assert {d["label"] for _, d in g.nodes(data=True)} == {"Россия", "Пакистан", "Китай"}
    assert int(g.edges[state("RU"), state("PK")]["weight"]) == 3
    out = tmp_path / "pair.graphml"
    result = run("graph", "--store", store_dir, "--view", "states", "--min-weight", "2", "--out", str(out))
    assert result.exit_code == 0 and nx.read_graphml(out).number_of_edges() == 1


def test_graph_reports_no_match(store_dir, tmp_path):
    result = run("graph", "--store", store_dir, "--state", "CN", "--state", "IN", "--out", str(tmp_path / "x.html"))
    assert result.exit_code == 0 and "note: no event matches CN–IN" in result.output


@pytest.mark.parametrize("args, message", [
    (["--state", "XX"], "'XX' is not the ISO 3166-1 code of a known state"),
    (["--since", "2024-13"], "--since '2024-13' is not a date"),
    (["--type", "HUG"], "'HUG' is not a PLOVER event type"),
])
def test_graph_bad_values_are_one_line(store_dir, tmp_path, args, message):
    result = run("graph", "--store", store_dir, "--out", str(tmp_path / "x.html"), *args)
    assert result.exit_code == 1
    assert result.output.strip().startswith(f"Error: {message}") and "(hint:" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("ext, check", [
    ("md", lambda text: text.startswith("# Russia – Pakistan: relations")),
    ("html", lambda text: text.startswith("<!DOCTYPE html>") and "<svg" in text),
    ("csv", lambda text: text.startswith("section,date,type")),
    ("json", lambda text: json.loads(text)["summary"]["events"] == 3),
])
def test_report_formats_from_extension(store_dir, tmp_path, ext, check):
    out = tmp_path / f"ru-pk.{ext}"
    result = run("report", "RU", "PK", "--store", store_dir, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert check(out.read_text(encoding="utf-8"))


def test_report_to_stdout_and_options(store_dir):
    result = run("report", "PK", "--store", store_dir, "--since", "2024", "--lang", "ar", "--format", "md")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# باكستان: relations with other states")
    assert "Period: from 2024" in result.output and "## Frictions (2)" in result.output


def test_report_rejects_three_states(store_dir):
    result = run("report", "RU", "PK", "CN", "--store", store_dir)
    assert result.exit_code == 2 and "give one state or a pair" in result.output


@pytest.mark.parametrize("module", [graph_command, report_command])
def test_help_ends_with_an_example(module):
    doc = module.command.help.rstrip()
    assert "Example:" in doc and doc.splitlines()[-1].strip().startswith("legation ")
    assert module.command.name in ("graph", "report")
    assert module.command.name in cli.commands
