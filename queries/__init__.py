"""The library of named SPARQL queries (``queries/*.rq``) and how they are run.

Each file carries its own documentation in a grlc-style comment header (YAML after ``#+``)::

    #+ summary: Meetings between two states in a period
    #+ tags: [dyad, meetings]
    #+ params:
    #+   - a: {type: state, example: RU, description: one state (ISO 3166-1 code)}
    #+   - since: {type: date, example: 2020-01-01, default: 1900-01-01}

Parameters appear in the query as ``?_name``. A value is turned into a typed RDF term (a state's IRI from its ISO
code, an xsd:date, an integer ...) and that term's serialisation replaces the variable — never the raw text the
user typed — so no value can change the query's shape: an IRI is checked against the IRIREF grammar, a string is
written as one double-quoted literal with every quote, backslash and line break escaped, an integer as its digits
(so that ``LIMIT ?_limit`` works too). Comments and string literals in the query text are left alone.

Parameter types: ``state`` (ISO 3166-1 alpha-2 code → ``id/state/XX``), ``date`` (YYYY-MM-DD → xsd:date),
``int``, ``lang`` (ar, ru or en), ``type`` (a PLOVER code → ``id/plover/CODE``), ``topic``, ``place``, ``org`` (ids
of the reference data), ``event`` (an event id or IRI), ``polarity`` (cooperation, neutral or friction), ``name``
(a non-empty piece of a name), ``string`` and ``iri``.

Writing a query that gives the same answers on pyoxigraph, Oxigraph server and Virtuoso 7 (each rule is there
because one of them answered differently without it; ``tests/queries`` checks every query on all three):

- The default graph is the union of the article graphs, and none of the three removes duplicates: a fact that k
  articles attest matches k times, and a join of n such patterns k^n times. Find things once with
  ``SELECT DISTINCT`` sub-selects, count with ``COUNT(DISTINCT ...)``, and filter on IRI namespaces
  (``STRSTARTS(STR(?x), ".../id/person/")``) rather than joining on ``rdf:type`` (repeated in every graph).
- Oxigraph makes an aggregate unbound when any of its rows has an unbound or erroneous value; Virtuoso skips
  those rows (and treats an unbound value in CONCAT as ""). So every aggregated expression must be bound on every
  row: ``IF(BOUND(?x), ..., "")``, sentinels ("~" sorts after dates, "" before), lists built as "; a; b" with
  the leading "; " cut off by the outer query.
- Several lists in one row: one UNION branch per list inside one sub-select (rows add up instead of
  multiplying), each branch starting from the events asked for (the same ``SELECT DISTINCT ?event`` repeated):
  Oxigraph evaluates a UNION before joining it, so a branch that does not start from them is computed for every
  event of the store (meetings-between: 8.4 s → 1.5 s at 3.4M triples). Virtuoso 7.2 loses the correlation between many sibling sub-selects and sometimes drops a
  FILTER that sits next to an OPTIONAL over the same variable, or a second FILTER EXISTS: keep sub-selects few
  and shallow, and put a FILTER in a group ``{ pattern FILTER(...) }`` with the pattern it filters.
- Oxigraph joins a triple pattern that follows a sub-select by one index look-up per row (of every article's
  copy of the fact); two sub-selects are hash-joined. So over many rows, join facts as sub-selects
  (``OPTIONAL { SELECT DISTINCT ?event ?d WHERE { ?event sem:hasTimeStamp ?d } }``), find a pair's events as
  the join of each one's ``SELECT DISTINCT ?event``, and choose a person's name once per person (over the
  distinct people, then their labels), not once per event: active-pairs 6.4 s → 1.8 s, events-at-place
  5 s → 0.4 s at 3.4M triples.
- Read an event's facts from the digest in the derived graph (``legation/derived.py``): ``lg:digestType``,
  ``lg:digestDate`` (a plain string), ``lg:digestState``, ``lg:digestPerson``, ``lg:digestLanguage``,
  ``lg:digestSources``, ``lg:digestDyad`` (a pair of states as one IRI, with ``lg:pairFirst``/``lg:pairSecond``),
  ``lg:digestMeetingPair``, and a person's names from ``lg:digestName``: each stated once, so that a query needs
  no DISTINCT over every article's copy (active-pairs 5.0 s → 0.4 s of CPU at 10M triples). Over many events,
  join them as sub-selects (``{ SELECT ?event ?type WHERE { ?event lg:digestType ?type } }``): a pattern after a
  sub-select costs an index look-up per row (~20 µs on a 10M-triple store). Find a pair's events as the join of
  the two states' ``{ SELECT ?event WHERE { ?event lg:digestState ?_a } }``: Oxigraph plans a UNION or a
  variable IRI there badly. Compare digest dates as ``STR(?d)``: Virtuoso compares a stored plain literal wrongly
  with ``>=``. Every digest-reading query has a digest-free form in ``tests/queries/reference/`` that must give
  the same rows.
- A look-up is about twice as cheap when the graph is named. The derived graph's facts are the digest's alone:
  look them up inside ``GRAPH lgg:derived { ... }`` (``PREFIX lgg: <https://w3id.org/legation/id/graph/>``),
  and match a chain of facts that one article states (statement, mention, article) inside one ``GRAPH ?g``:
  each look-up then stays in that graph's part of Oxigraph's index, close to the last one, instead of going
  through every graph's (topic-events 0.74 s → 0.59 s, official-statements 0.61 s → 0.43 s at 10M triples).
  Scans cost the same either way.
- Oxigraph builds a hash join's table on the side it estimates smaller — by the shape of the patterns, not by
  their sizes — and joins the members of one group together: so put the sub-select of the fewest rows (the dates
  of the period, one state's events) in the same group as the facts joined to it, not behind a UNION or a group
  of its own, or the table is built on the big side (event-types 1.3 s → 0.7 s at 10M triples). A branch that
  only some parameters need (undated events, when the period is left open) can sit behind a one-row guard,
  ``{ VALUES ?open { true } FILTER(...) } { ... }``: when the guard is empty the other side is not evaluated.
  No DISTINCT under ``COUNT(DISTINCT ...)``, MIN or MAX (source-coverage 0.9 s → 0.5 s), and no GROUP BY
  ?event over every event when the counts can be taken by type directly (a group costs ~3 µs).
- No COALESCE around an aggregate in the same SELECT (Virtuoso's compiler fails): wrap it in an outer SELECT.
- Dates are compared and sorted as strings (STR): events may be dated to a day, a month or a year.
- Labels: ``skos:prefLabel`` (one per language) in the chosen language, else English, else the IRI's last
  segment; people by MIN over "rank + label" (their rdfs:labels come from the articles, several per language).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from legation.errors import ParameterError, QueryError
from ontology import ID_BASE, refdata
from ontology.iris import concept_iri, org_iri, place_iri, state_iri
from ontology.vocab import PREFIXES

HERE = Path(__file__).resolve().parent
PARAM_RE = re.compile(r"[?$]_([A-Za-z][A-Za-z0-9_]*)\b")


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"
    required: bool = True
    default: str | None = None
    example: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    params: tuple[Param, ...] = field(default_factory=tuple)
    path: str | None = None

    @property
    def form(self) -> str:
        body = _strip_comments(self.text)
        m = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.I)
        return m.group(1).upper() if m else "SELECT"


def parse(text: str, name: str, path: str | None = None) -> Query:
    """A query file's text → Query (header parsed, parameters checked against the body)."""
    header = "\n".join(line[3:] if line.startswith("#+ ") else line[2:]
                       for line in text.splitlines() if line.startswith("#+"))
    try:
        meta = yaml.safe_load(header) or {} if header.strip() else {}
    except yaml.YAMLError as err:
        raise QueryError(f"query {name}: malformed header: {str(err).splitlines()[0]}") from None
    params = []
    for item in meta.get("params") or []:
        if isinstance(item, dict) and len(item) == 1:
            pname, spec = next(iter(item.items()))
        else:
            raise QueryError(f"query {name}: each parameter is a one-key mapping, got {item!r}")
        spec = spec or {}
        if not isinstance(spec, dict):
            raise QueryError(f"query {name}: parameter {pname}: expected a mapping of type, example, default, "
                             f"description, got {spec!r}")
        unknown = set(map(str, spec)) - {"type", "example", "default", "description"}
        if unknown:
            raise QueryError(f"query {name}: parameter {pname}: unknown key(s) {', '.join(sorted(unknown))} "
                             "(quote a description that contains a comma)")
        default = spec.get("default")
        params.append(Param(name=str(pname), type=str(spec.get("type", "string")), required=default is None,
                            default=None if default is None else str(default),
                            example=None if spec.get("example") is None else str(spec.get("example")),
                            description=str(spec.get("description", ""))))
    used = set(PARAM_RE.findall(_strip_comments(text)))
    declared = {p.name for p in params}
    if used - declared:
        raise QueryError(f"query {name}: parameter(s) {', '.join(sorted(used - declared))} used but not declared")
    tags = meta.get("tags") or ()
    return Query(name=name, text=text, summary=str(meta.get("summary", "")),
                 description=str(meta.get("description", "")).strip(),
                 tags=tuple(tags if isinstance(tags, list) else [tags]), params=tuple(params), path=path)


@lru_cache(maxsize=1)
def library() -> dict[str, Query]:
    """Every named query shipped in queries/, by name (the file name without .rq)."""
    return {p.stem: parse(p.read_text(encoding="utf-8"), p.stem, str(p)) for p in sorted(HERE.glob("*.rq"))}


def get(name_or_path: str) -> Query:
    """A named query, or a .rq file given by path."""
    lib = library()
    if name_or_path in lib:
        return lib[name_or_path]
    p = Path(name_or_path)
    if p.suffix == ".rq" or p.exists():
        if not p.is_file():
            raise QueryError(f"{name_or_path}: no such query file")
        return parse(p.read_text(encoding="utf-8"), p.stem, str(p))
    close = [n for n in lib if name_or_path.lower() in n]
    hint = f"; did you mean {', '.join(close[:3])}?" if close else ""
    raise QueryError(f"no named query {name_or_path!r}{hint}")


# --- parameter values as RDF terms -------------------------------------------------------------------------

def _state(v: str) -> URIRef:
    code = v.strip().upper()
    if code not in refdata.states():
        raise ValueError(f"{v!r} is not an ISO 3166-1 alpha-2 code of a known state")
    return state_iri(code)


def _date(v: str) -> Literal:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.strip()):
        raise ValueError(f"{v!r} is not a date (YYYY-MM-DD)")
    import datetime as dt
    try:
        dt.date.fromisoformat(v.strip())
    except ValueError as err:
        raise ValueError(f"{v!r} is not a valid date ({err})") from None
    return Literal(v.strip(), datatype=XSD.date)


def _int(v: str) -> Literal:
    if not re.fullmatch(r"\d{1,9}", v.strip()):
        raise ValueError(f"{v!r} is not a whole number (0 to 999999999)")
    return Literal(int(v), datatype=XSD.integer)


def _type(v: str) -> URIRef:
    code = v.strip().upper()
    if code not in refdata.plover_types():
        raise ValueError(f"{v!r} is not a PLOVER event type ({', '.join(refdata.plover_types())})")
    return concept_iri("plover", code)


def _topic(v: str) -> URIRef:
    tid = v.strip().lower().replace(" ", "-")
    if tid not in refdata.topics():
        raise ValueError(f"{v!r} is not a topic id")
    return concept_iri("topic", tid)


def _iri(v: str) -> URIRef:
    v = v.strip()
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", v):
        raise ValueError(f"{v!r} is not an absolute IRI")
    return URIRef(v)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _string(v: str) -> Literal:
    if _CONTROL.search(v):
        raise ValueError(f"{v!r} contains control characters")
    if len(v) > 1000:
        raise ValueError("is longer than 1000 characters")
    return Literal(v)


def _name(v: str) -> Literal:
    v = " ".join(v.split())
    if not v:
        raise ValueError("a name must not be empty")
    return _string(v)


def _lang(v: str) -> Literal:
    if v.strip().lower() not in ("ar", "ru", "en"):
        raise ValueError(f"{v!r} is not one of ar, ru, en")
    return Literal(v.strip().lower())


POLARITIES = ("cooperation", "neutral", "friction")


def _polarity(v: str) -> Literal:
    if v.strip().lower() not in POLARITIES:
        raise ValueError(f"{v!r} is not one of {', '.join(POLARITIES)}")
    return Literal(v.strip().lower())


def _event(v: str) -> URIRef:
    v = v.strip()
    base = ID_BASE + "event/"
    key = v[len(base):] if v.startswith(base) else v
    if not re.fullmatch(r"[A-Za-z0-9._~%-]+", key):
        raise ValueError(f"{v!r} is not an event id (e.g. CONSULT-PK-RU-2024-11-19) or an event IRI ({base}...)")
    return URIRef(base + key)


def _org(v: str) -> URIRef:
    if v.strip() not in refdata.organizations():
        raise ValueError(f"{v!r} is not a known organisation id")
    return org_iri(v.strip())


def _place(v: str) -> URIRef:
    if v.strip() not in refdata.places():
        raise ValueError(f"{v!r} is not a known place id")
    return place_iri(v.strip())


TYPES: dict[str, Callable[[str], object]] = {
    "state": _state, "date": _date, "int": _int, "integer": _int, "type": _type, "topic": _topic, "iri": _iri,
    "string": _string, "name": _name, "lang": _lang, "org": _org, "place": _place, "event": _event,
    "polarity": _polarity,
}


def terms(q: Query, values: dict[str, str]) -> dict[str, object]:
    """Typed RDF terms for a query's parameters (defaults filled in); ParameterError on a bad or missing value."""
    unknown = set(values) - {p.name for p in q.params}
    if unknown:
        raise ParameterError(f"query {q.name}: unknown parameter(s) {', '.join(sorted(unknown))}; "
                             f"it takes {', '.join(p.name for p in q.params) or 'none'}")
    out = {}
    for p in q.params:
        raw = values.get(p.name, p.default)
        if raw is None:
            raise ParameterError(f"query {q.name}: parameter {p.name} ({p.type}) is required, e.g. "
                                 f"--param {p.name}={p.example or '...'}")
        conv = TYPES.get(p.type)
        if conv is None:
            raise QueryError(f"query {q.name}: parameter {p.name} has unknown type {p.type!r}")
        try:
            out[p.name] = conv(str(raw))
        except ValueError as err:
            raise ParameterError(f"query {q.name}: parameter {p.name}: {err}") from None
    return out


def bind(q: Query, values: dict[str, str]) -> str:
    """The query to send: every ``?_name`` replaced by its typed term, comments removed (string literals and
    IRIs left alone). Comments go because SPARQL clients guess a query's form from its text: SPARQLWrapper,
    whose comment pattern misses every other line of a comment block, sends a query whose comment says "add"
    or "drop" as an update."""
    bound = terms(q, values)
    text = _substitute(q.text, {k: sparql_term(v) for k, v in bound.items()})
    return _strip_comments(text)


_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_IRIREF = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
_LANGTAG = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*")


def sparql_term(term) -> str:
    """One RDF term as SPARQL text, on one line, that the SPARQL grammar reads as exactly that term.

    Raises ValueError for what cannot be written safely (an IRI with characters IRIREF excludes, a bad language
    tag) — the typed parameter converters never produce such terms.
    """
    if isinstance(term, URIRef):
        if not _IRIREF.fullmatch(str(term)):
            raise ValueError(f"{str(term)!r} cannot be written as an IRI")
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.datatype == XSD.integer and re.fullmatch(r"[+-]?\d+", str(term)):
            return str(int(str(term)))
        body = '"' + "".join(_ECHAR.get(c, c) for c in str(term)) + '"'
        if term.language:
            if not _LANGTAG.fullmatch(term.language):
                raise ValueError(f"{term.language!r} is not a language tag")
            return f"{body}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{body}^^{sparql_term(URIRef(term.datatype))}"
        return body
    raise ValueError(f"{term!r} is not an IRI or a literal")


_TOKEN = re.compile(r'#[^\n]*|"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|[?$]_[A-Za-z][A-Za-z0-9_]*\b', re.S)


def _substitute(text: str, repl: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        tok = m.group(0)
        if tok[0] in "?$" and tok[2:] in repl:
            return repl[tok[2:]]
        return tok
    return _TOKEN.sub(sub, text)


def _strip_comments(text: str) -> str:
    return _TOKEN.sub(lambda m: "" if m.group(0).startswith("#") else m.group(0), text)


def prologue() -> str:
    """PREFIX lines for the vocabularies legation uses (prepended when a query lacks them)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
