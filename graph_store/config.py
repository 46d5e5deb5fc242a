"""Where the graph lives: the store configuration and how it is resolved.

Resolution (``StoreConfig.resolve``), highest precedence first:

1. the arguments (the CLI's ``--store`` / ``--endpoint`` / ``--in-memory``),
2. the environment: ``LEGATION_ENDPOINT``, ``LEGATION_STORE``, ``LEGATION_UPDATE_ENDPOINT``,
   ``LEGATION_GSP_ENDPOINT``, ``LEGATION_USER``, ``LEGATION_PASSWORD``, ``LEGATION_AUTH``,
3. the ``[store]`` section of a TOML file: ``config_file``, else ``$LEGATION_CONFIG``, else
   ``$XDG_CONFIG_HOME/legation/config.toml`` (``~/.config/legation/config.toml``). Keys: ``endpoint``,
   ``path``, ``update_endpoint``, ``gsp_endpoint``, ``user``, ``password``, ``auth``, ``verify_tls``,
   ``timeout``, ``retries``, ``read_only``, ``load_threads``.

The first level that names a store location decides the back-end: an endpoint selects ``sparql``, a path
selects ``oxigraph``; naming both at the same level is an error. With none, the embedded store lives in
``$XDG_DATA_HOME/legation/store`` (``~/.local/share/legation/store``).

Credentials may also be written into the endpoint URL (``https://user:pw@host/sparql``); they are moved
out of the URL at once. They never appear in ``repr``/``str`` of the configuration, nor in error messages.

Deriving the update and Graph Store Protocol URLs from the query URL, when they are not given:

=====================================  =====================  ==================================  =======
query URL ends with                    update URL             GSP URL                             auth
=====================================  =====================  ==================================  =======
``/query`` (Oxigraph server)           ``…/update``           ``…/store``                         basic
``/sparql`` (Virtuoso)                 the same URL           ``…/sparql-graph-crud``             basic
``/sparql-auth`` (Virtuoso, secured)   the same URL           ``…/sparql-graph-crud-auth``        digest
``/repositories/<id>`` (GraphDB,       ``…/statements``       ``…/rdf-graphs/service``            basic
RDF4J)
anything else                          the same URL           none: writes use SPARQL Update
=====================================  =====================  ==================================  =======

"…" is the query URL without its last path segment (for GraphDB: the query URL itself). Oxigraph server's
query URL also gets the ``union-default-graph`` parameter, so that the default graph is the union of the
named graphs even when the server was started without ``--union-default-graph``.
"""
from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from legation.errors import ConfigError

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

AUTH_SCHEMES = ("basic", "digest")


@dataclass(frozen=True)
class EndpointRule:
    """How to find a server's update and GSP URLs from its query URL (one row of the table above)."""

    suffix: str                 # the query URL's path ends with this
    update: str | None          # path that replaces ``suffix`` for updates (None: the query URL itself)
    gsp: str | None             # path that replaces ``suffix`` for the Graph Store Protocol (None: no GSP)
    auth: str = "basic"
    query_params: tuple[tuple[str, str], ...] = ()


ENDPOINT_RULES: tuple[EndpointRule, ...] = (
    EndpointRule("/query", "/update", "/store", query_params=(("union-default-graph", ""),)),
    EndpointRule("/sparql", None, "/sparql-graph-crud"),
    EndpointRule("/sparql-auth", None, "/sparql-graph-crud-auth", auth="digest"),
)


def endpoint_rule(query_url: str) -> EndpointRule | None:
    """The rule that fits ``query_url`` (see the module docstring), or None for an unknown server."""
    path = urllib.parse.urlsplit(query_url).path.rstrip("/")
    for rule in ENDPOINT_RULES:
        if path.endswith(rule.suffix):
            return rule
    parts = path.split("/")
    if len(parts) >= 2 and parts[-2] == "repositories":   # GraphDB / RDF4J: keeps the last segment
        return EndpointRule("", "/statements", "/rdf-graphs/service")
    return None


def derive_endpoints(query_url: str) -> tuple[str, str | None]:
    """(update URL, GSP URL or None) for a query URL, by the rules in the module docstring."""
    rule = endpoint_rule(query_url)
    if rule is None:
        return query_url, None
    parts = urllib.parse.urlsplit(query_url)
    path = parts.path.rstrip("/")
    stem = path[: len(path) - len(rule.suffix)]

    def with_path(tail: str | None) -> str:
        return urllib.parse.urlunsplit(parts._replace(path=stem + tail, query="")) if tail is not None else query_url

    return with_path(rule.update), (with_path(rule.gsp) if rule.gsp is not None else None)


def strip_credentials(url: str) -> tuple[str, str | None, str | None]:
    """Split ``scheme://user:pw@host/...`` into (URL without user info, user, password)."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, None, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    clean = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    user = urllib.parse.unquote(parts.username) if parts.username else None
    password = urllib.parse.unquote(parts.password) if parts.password else None
    return clean, user, password


def default_store_dir(env: Mapping[str, str]) -> Path:
    """``$XDG_DATA_HOME/legation/store``, or ``~/.local/share/legation/store``."""
    data_home = env.get("XDG_DATA_HOME")
    if data_home:
        return Path(data_home) / "legation" / "store"
    home = env.get("HOME")
    return (Path(home) if home else Path.home()) / ".local" / "share" / "legation" / "store"


def default_config_file(env: Mapping[str, str]) -> Path:
    """``$LEGATION_CONFIG``, else ``$XDG_CONFIG_HOME/legation/config.toml`` (``~/.config/...``)."""
    if env.get("LEGATION_CONFIG"):
        return Path(env["LEGATION_CONFIG"])
    config_home = env.get("XDG_CONFIG_HOME")
    if config_home:
        return Path(config_home) / "legation" / "config.toml"
    home = env.get("HOME")
    return (Path(home) if home else Path.home()) / ".config" / "legation" / "config.toml"


_ENV_KEYS = {
    "endpoint": "LEGATION_ENDPOINT",
    "path": "LEGATION_STORE",
    "update_endpoint": "LEGATION_UPDATE_ENDPOINT",
    "gsp_endpoint": "LEGATION_GSP_ENDPOINT",
    "user": "LEGATION_USER",
    "password": "LEGATION_PASSWORD",
    "auth": "LEGATION_AUTH",
}
_FILE_KEYS: dict[str, type | tuple[type, ...]] = {
    "endpoint": str, "path": str, "update_endpoint": str, "gsp_endpoint": str, "user": str, "password": str,
    "auth": str, "verify_tls": bool, "timeout": (int, float), "retries": int, "read_only": bool, "backend": str,
    "load_threads": int,
}


@dataclass
class StoreConfig:
    """Everything needed to open a store. ``path=None`` with ``backend="oxigraph"`` means in memory."""

    backend: str = "oxigraph"
    path: str | None = None
    endpoint: str | None = None
    update_endpoint: str | None = None
    gsp_endpoint: str | None = None
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    auth: str | None = None             # "basic" or "digest"; None: by the endpoint rule, else basic
    verify_tls: bool = True
    timeout: float = 60.0
    retries: int = 4                    # 0.5 + 1 + 2 + 4 s: a server restart on a busy machine is ridden out
    backoff: float = 0.5                # first retry delay in seconds; doubles at each retry
    read_only: bool = False
    load_threads: int | None = None     # the embedded store's bulk loads run on this many threads (None: one per CPU)

    def __post_init__(self) -> None:
        for name in ("endpoint", "update_endpoint", "gsp_endpoint"):
            url = getattr(self, name)
            if url:
                clean, user, password = strip_credentials(url)
                setattr(self, name, clean)
                self.user = self.user or user
                self.password = self.password or password
        if self.backend == "sparql":
            if not self.endpoint:
                raise ConfigError("the sparql back-end needs an endpoint (--endpoint or LEGATION_ENDPOINT)")
            if self.endpoint.split(":", 1)[0].lower() not in ("http", "https"):
                raise ConfigError(f"endpoint {self.endpoint} is not an http(s) URL")
            update, gsp = derive_endpoints(self.endpoint)
            self.update_endpoint = self.update_endpoint or update
            self.gsp_endpoint = self.gsp_endpoint or gsp
            if self.auth is None:
                rule = endpoint_rule(self.endpoint)
                self.auth = rule.auth if rule else "basic"
        if self.auth is not None and self.auth not in AUTH_SCHEMES:
            raise ConfigError(f"auth must be one of {', '.join(AUTH_SCHEMES)}, not {self.auth!r}")
        if self.retries < 0 or self.timeout <= 0:
            raise ConfigError("retries must be >= 0 and timeout > 0")
        if self.load_threads is not None and self.load_threads < 1:
            raise ConfigError(f"load_threads must be >= 1, not {self.load_threads}")

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
        secret = ", user='***', password='***'" if (self.user or self.password) else ""
        return f"StoreConfig({shown}{secret})"

    __str__ = __repr__

    @property
    def location(self) -> str:
        """A human-readable name of the store, safe for messages: a URL without credentials or a path."""
        if self.backend == "sparql":
            return str(self.endpoint)
        return self.path if self.path else "in-memory store"

    @classmethod
    def resolve(
        cls,
        store: str | os.PathLike[str] | None = None,
        endpoint: str | None = None,
        env: Mapping[str, str] = os.environ,
        config_file: str | os.PathLike[str] | None = None,
        in_memory: bool = False,
    ) -> "StoreConfig":
        """Build the configuration from arguments, environment and config file (see the module docstring)."""
        args: dict[str, Any] = {}
        if store is not None:
            args["path"] = os.fspath(store)
        if endpoint:
            args["endpoint"] = endpoint
        from_env = {key: env[var] for key, var in _ENV_KEYS.items() if env.get(var)}
        from_file = _read_config_file(config_file, env)
        if in_memory and "endpoint" in args:
            raise ConfigError("give either --endpoint or --in-memory, not both")

        backend, location = "oxigraph", {"path": str(default_store_dir(env))}
        if in_memory:
            location = {"path": None}
        else:
            for level in (args, from_env, from_file):
                if "endpoint" in level and "path" in level:
                    raise ConfigError("give either a store directory or an endpoint, not both")
                if "endpoint" in level or "path" in level:
                    key = "endpoint" if "endpoint" in level else "path"
                    backend = "sparql" if key == "endpoint" else "oxigraph"
                    location = {key: level[key]}
                    if level is from_file and from_file.get("backend"):
                        backend = from_file["backend"]     # a back-end registered by a plug-in
                    break

        merged: dict[str, Any] = {}
        for level in (from_file, from_env, args):      # later levels override earlier ones
            merged.update({k: v for k, v in level.items() if k not in ("endpoint", "path", "backend")})
        return cls(backend=backend, **location, **merged)

    def with_(self, **changes: Any) -> "StoreConfig":
        """A copy with some fields changed."""
        return replace(self, **changes)


def _read_config_file(config_file: str | os.PathLike[str] | None, env: Mapping[str, str]) -> dict[str, Any]:
    """The ``[store]`` table of the config file; {} when the default file does not exist."""
    explicit = config_file is not None or bool(env.get("LEGATION_CONFIG"))
    path = Path(config_file) if config_file is not None else default_config_file(env)
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        if explicit:
            raise ConfigError(f"{path}: config file not found") from None
        return {}
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot read config file: {e}") from None
    section = data.get("store", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [store] must be a table")
    unknown = set(section) - set(_FILE_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [store]: {', '.join(sorted(unknown))}")
    for key, value in section.items():
        expected = _FILE_KEYS[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"{path}: [store] {key} has the wrong type")
    return dict(section)
