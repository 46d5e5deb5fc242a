"""``--help``: ``legation --help`` lists every command, and every command's help text (its description, which
click prints before the options) ends with an example of the command — one that the command's own options
accept."""
from __future__ import annotations

import shlex

import pytest

from user_cli import ROOT

# the commands the README documents (legation/cli.py registers them from legation/commands/)
COMMANDS = ["extract", "eval", "ingest", "remove", "stats", "validate", "export", "queries", "query", "serve",
            "graph", "report"]
SHELL = {"&&", "||", "|", ";", ">", ">>", "<"}


def description(help_text: str) -> list[str]:
    """The non-empty lines of a --help text before its option list."""
    head = help_text.split("\nOptions:")[0]
    return [line.strip() for line in head.splitlines() if line.strip()]


def examples(help_text: str) -> list[str]:
    """The lines after the last ``Example:`` heading of the description, which must be its last lines."""
    lines = description(help_text)
    headings = [i for i, line in enumerate(lines) if line in ("Example:", "Examples:")]
    assert headings, f"no Example: heading in\n{help_text}"
    return lines[headings[-1] + 1:]


def commands_of(example: str) -> list[list[str]]:
    """The legation command lines of an example, without shell operators and redirections."""
    out, current = [], []
    words = shlex.split(example)
    i = 0
    while i < len(words):
        word = words[i]
        if word in SHELL:
            if current:
                out.append(current)
            current = []
            i += 2 if word in (">", ">>", "<") else 1
            continue
        current.append(word)
        i += 1
    if current:
        out.append(current)
    return [c for c in out if c[0] == "legation"]


def test_legation_help_lists_every_command(cli):
    text = cli("--help").ok().out
    listed = text.split("\nCommands:\n", 1)[1].splitlines()
    names = [line.split()[0] for line in listed if line.startswith("  ") and line.strip()]
    assert sorted(names) == sorted(COMMANDS)
    modules = {p.stem for p in (ROOT / "legation" / "commands").glob("*.py") if p.stem != "__init__"}
    assert modules == set(COMMANDS), "a command module that the CLI does not list, or the other way round"


def test_legation_help_ends_with_an_example(cli):
    lines = examples(cli("--help").ok().out)
    assert lines and all(line.startswith("legation ") for line in lines), lines


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_ends_with_an_example_of_the_command(command, cli):
    result = cli(command, "--help").ok()
    assert result.out.startswith(f"Usage: legation {command} ")
    lines = examples(result.out)
    assert lines, f"legation {command} --help: nothing after Example:"
    for line in lines:
        assert line.startswith(f"legation {command} ") or line == f"legation {command}", line


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_the_examples_use_options_the_command_accepts(command, cli, monkeypatch):
    """Each example parses with the command's own options and arguments (run from the repository root, where
    the examples' relative paths lie); a named query's example names parameters the query takes."""
    import click

    import queries
    from legation.cli import cli as group

    monkeypatch.chdir(ROOT)
    text = cli(*([command] if command else []), "--help").ok().out
    for line in examples(text):
        for argv in commands_of(line):
            name, args = argv[1], argv[2:]
            sub = group.commands[name]
            try:
                ctx = sub.make_context(name, list(args))
            except click.ClickException as err:
                pytest.fail(f"example {line!r}: {err.format_message()}")
            if name == "query":
                values = dict(p.split("=", 1) for p in ctx.params["params"])
                queries.bind(queries.get(ctx.params["query"]), values)
            if name == "queries" and ctx.params["name"]:
                queries.get(ctx.params["name"])
