"""Typed errors of the library.

Library code raises these and never prints or exits; the CLI (``legation.cli``) turns each into one clear
line with a hint. Every error names what it is about (a file, a query, an endpoint) in its message.
"""
from __future__ import annotations


class Error(Exception):
    """Base of every error legation raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class InputError(Error):
    """An input file cannot be read as an article: missing, empty, binary, undecodable, malformed."""

    hint = "fix or remove the file; the other files were still processed"

    def __init__(self, path: str, problem: str, *, hint: str | None = None):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}", hint=hint)


class StoreError(Error):
    """The store cannot be opened, read or written."""

    hint = "check --store / --endpoint"


class StoreLockedError(StoreError):
    """The embedded store directory is in use by another process."""

    hint = "stop the other process (e.g. `legation serve`) or query it through --endpoint"


class EndpointError(StoreError):
    """A remote SPARQL endpoint refused or failed a request."""

    hint = "check that the server is running and the URL is right"


class QueryError(Error):
    """A named query is unknown, malformed, or given a bad parameter."""

    hint = "`legation queries` lists the named queries and their parameters"


class ParameterError(QueryError):
    """A query parameter is missing or its value does not fit its type."""


class ValidationError(Error):
    """The graph does not satisfy the SHACL shapes."""

    hint = "`legation validate --format text` lists every violation"


class ConfigError(Error):
    """Configuration (environment, config file, options) is inconsistent."""


class OutputError(Error):
    """An output file cannot be written (its directory is missing or not writable)."""

    hint = "give a file in an existing, writable directory"
