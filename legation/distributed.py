"""Extraction on a Dask cluster: ``legation ingest --scheduler tcp://HOST:PORT``.

The workers run ``legation.ingesting.extract_units`` on chunks of files or articles; the results come back here in
input order (``ingesting.extractions`` keeps a bounded window of tasks in flight), and identity resolution and
writing stay in this process. Workers need legation installed (the same version) and read the input files
themselves when they are given paths — so the files must be at the same paths on every worker (a shared file
system), or be JSON Lines, whose articles are read here and sent over.

Dask is an optional extra: ``pip install 'legation[dask]'``.
"""
from __future__ import annotations

from .errors import ConfigError


class DaskExecutor:
    """The little of ``concurrent.futures.Executor`` that ingest uses, on a ``distributed.Client``."""

    def __init__(self, client, own: bool = False):
        self.client = client
        self._own = own

    @classmethod
    def connect(cls, address: str, timeout: float = 30.0) -> "DaskExecutor":
        """Connect to the scheduler at ``address`` (``tcp://host:8786``); ConfigError with a hint when Dask is
        missing or the scheduler does not answer."""
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("--scheduler needs Dask: pip install 'legation[dask]' "
                              "(or dask[distributed])") from None
        try:
            client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as e:
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {e}",
                              hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`") from None
        return cls(client, own=True)

    @property
    def workers(self) -> int:
        """Threads over all workers (at least 1)."""
        try:
            return max(1, sum(self.client.nthreads().values()))
        except Exception:
            return 1

    def submit(self, fn, *args):
        # pure=False: two chunks with equal content are still two tasks
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        if self._own:
            self.client.close()

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
