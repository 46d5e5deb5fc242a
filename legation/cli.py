"""The legation command line: ingest news into a knowledge graph, query it, explore it.

Each command lives in its own module under legation/commands/ (its docstring is its --help, ending with an
example). Library errors (legation.errors) become one line on standard error with a hint; a batch goes on past
bad files and the exit status says whether anything failed.
"""
from __future__ import annotations

import importlib

import click

from . import __version__
from .errors import Error
from .options import fail

COMMANDS = ["extract", "eval", "ingest", "remove", "stats", "validate", "export", "queries", "query", "serve", "graph", "report"]


class Group(click.Group):
    """Turns library errors into one clear line (no stack trace) and exit status 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Error as err:
            fail(err)
            ctx.exit(1)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="legation")
def cli():
    """legation: a knowledge graph of diplomatic and military relations, built from news in Arabic, Russian and
    English, every fact traced to the sentence it came from.

    \b
    Example:
        legation ingest samples/ && legation query meetings-between --param a=RU --param b=PK
    """


for _name in COMMANDS:
    cli.add_command(importlib.import_module(f"{__name__.rsplit('.', 1)[0]}.commands.{_name}").command)


def main() -> None:
    cli(prog_name="legation")


if __name__ == "__main__":
    main()
