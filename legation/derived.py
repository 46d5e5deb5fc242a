"""The derived graph (``id/graph/derived``): facts computed from the article graphs, kept current by every
ingest and removal (``refresh``), and read by the named queries.

Every article graph states what *it* says about an event: its type, date, actors, place, its own article. In the
union default graph an event reported by k articles has k copies of each fact, and a query that ranks the whole
store first has to take the distinct ones — a cost that grows with the mentions, not with the events. The
derived graph keeps **one copy of each event's facts** (the *digest*), under predicates of its own (declared in
``ontology/legation.ttl``), so that the queries read each event once:

- ``lg:digestType`` (its PLOVER type), ``lg:digestDate`` (the lexical form of each date given to it, a plain
  string: dates are compared and sorted as strings), ``lg:digestState`` and ``lg:digestPerson`` (the states and
  the people taking part), ``lg:digestLanguage`` (the language of each article reporting it),
  ``lg:digestSources`` (how many articles report it);
- ``lg:digestDyad``: one IRI per pair of states taking part, ``id/dyad/A/B`` with A and B the keys of the two
  states' IRIs (``id/state/A``), A's IRI sorting before B's, and the pair's ``lg:pairFirst`` and
  ``lg:pairSecond`` — so that a ranking of pairs groups by one term;
- for an event all of whose articles are in one language (and which has a type and sources), two kinds of plain
  string, both computed from the digest's own facts (below), so that single-language-events reads the few facts
  it needs and sorts its rows by short strings:

  - ``lg:digestSingleLanguage``: one per date of the event (one when it has none), ``DATE HASH`` — the date's
    lexical form (empty when undated), a space and the first four hexadecimal digits of the MD5 of the event's
    IRI. Up to 15 bytes, which Oxigraph keeps inside the term (a longer string is read from its dictionary,
    ~3.5 µs each time): the query filters the period, picks each event's earliest date (the space sorts before
    the "-" of a date, so "2024" before "2024-01") and sorts newest first by this one string, the hash keeping
    events of the same day in a fixed order;
  - ``lg:digestSummary``: one per type, ``LANGUAGE|TYPE|SOURCES|STATES`` — the language, the type's last IRI
    segment, the number of articles and the key of its set of states (``A/B/…``, see the next item; empty
    without states);
- ``lg:digestStateSet``: the set of states taking part, one IRI per set, ``id/states/A/B/…`` with A, B … the keys
  of the states' IRIs in order, and its members (``lg:setMember``) — so that a list of the states' names is made
  once per set, not once per event;
- ``lg:digestMeetingPair``: for CONSULT events (meetings), one IRI per pair of people taking part,
  ``id/pair/P/Q`` with P and Q the keys of the two people's IRIs (``id/person/P``), P's IRI first (and its
  ``lg:pairFirst``/``lg:pairSecond``);
- ``lg:digestName``: each distinct name (rdfs:label) of each person, once;
- and, as before, the tenure of each post holder (``org:memberDuring``): an interval from the earliest to the
  latest publication date of the articles that attest the membership.

All of it is computed by the store, in SPARQL: on a server with updates (``INSERT { GRAPH <derived> {…} }
WHERE {…}``); on the embedded store a whole refresh constructs the same facts and writes only what differs from
the graph's (an incremental one is an update there too) — except the pairs, the sets of states and the
single-language rows, functions of each event's digest alone, which it works out in Python from the constructed
digest (the same facts: tested), at a fraction of what their SPARQL costs over every article graph.

The graph records what it was computed from (``owl:versionInfo``: the format of the digest, the number of article
graphs, and a hash of their IRIs). A refresh after adding or removing a few articles recomputes only the events,
people and memberships those articles name (``refresh(store, changed, touched)``): their derived facts are
deleted and computed again from every article graph that still names them. It recomputes the whole graph when
asked, when the graph is missing or was computed for another set of articles (an older store, an ingest killed
before its refresh, a graph removed by hand), or when the change is large.
"""
from __future__ import annotations

import hashlib
import itertools
import re
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Iterable

from ontology import ID_BASE
from ontology.iris import is_article_graph
from ontology.vocab import GAF, LG, ORG, OWL, PROV, RDFS, SCHEMA, SEM, TIME, XSD

DERIVED_GRAPH = ID_BASE + "graph/derived"
FORMAT = "digest-4"          # bump when what the derived graph holds changes: older graphs are then recomputed
INCREMENTAL_MAX = 0.05       # recompute the whole graph when more than this share of the article graphs changed
VALUES_BATCH = 200           # IRIs per VALUES block of an incremental refresh
BULK_MIN = 20_000            # new facts from which a whole refresh uses the embedded store's bulk loader …
WRITE_BATCH = 1_000_000      # … in batches of this many (few loads: fewer files for RocksDB to compact)
CONSTRUCT_THREADS = 2        # kinds of fact constructed at once in a whole refresh of the embedded store
LOAD_THREADS = 2             # chunks of new facts it loads at once
STATE = ID_BASE + "state/"
PERSON = ID_BASE + "person/"
CONSULT = ID_BASE + "plover/CONSULT"

_D = f"<{DERIVED_GRAPH}>"
_PREFIXES = (f"PREFIX lg: <{LG}>\nPREFIX sem: <{SEM}>\nPREFIX prov: <{PROV}>\nPREFIX schema: <{SCHEMA}>\n"
             f"PREFIX org: <{ORG}>\nPREFIX gaf: <{GAF}>\nPREFIX time: <{TIME}>\nPREFIX rdfs: <{RDFS}>\n"
             f"PREFIX xsd: <{XSD}>\n")


# --- what the derived graph holds: one INSERT … WHERE per kind of fact -------------------------------------------
# Each WHERE reads the article graphs with GRAPH ?g (the default graph of an update is the store's own, not the
# union) and starts with {values}: empty for the whole graph, a VALUES block of the events, people or memberships
# to recompute otherwise. Each is a SELECT DISTINCT, so that the facts are found once each.

_EVENT_FACTS = [
    ("?e lg:digestType ?t", """SELECT DISTINCT ?e ?t WHERE { {values} GRAPH ?g { ?e lg:eventType ?t } }"""),
    # its dates as plain strings (their lexical form)
    ("?e lg:digestDate ?day", """SELECT DISTINCT ?e ?day WHERE {
    {values} GRAPH ?g { ?e sem:hasTimeStamp ?d } BIND(STR(?d) AS ?day) }"""),
    # the states and the people taking part
    ("?e lg:digestState ?s", """SELECT DISTINCT ?e ?s WHERE {
    {values} GRAPH ?g { ?e sem:hasActor ?s } FILTER(STRSTARTS(STR(?s), "{STATE}")) }"""),
    ("?e lg:digestPerson ?p", """SELECT DISTINCT ?e ?p WHERE {
    {values} GRAPH ?g { ?e sem:hasActor ?p } FILTER(STRSTARTS(STR(?p), "{PERSON}")) }"""),
    # the languages of its articles (two sub-selects: one hash join), and how many articles report it
    ("?e lg:digestLanguage ?l", """SELECT DISTINCT ?e ?l WHERE {
    { SELECT DISTINCT ?e ?a WHERE { {values} GRAPH ?g { ?e prov:wasDerivedFrom ?a } } }
    { SELECT DISTINCT ?a ?l WHERE { GRAPH ?h { ?a schema:inLanguage ?l0 } BIND(STR(?l0) AS ?l) } } }"""),
    ("?e lg:digestSources ?n", """SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE {
    {values} GRAPH ?g { ?e prov:wasDerivedFrom ?a } } GROUP BY ?e"""),
    # each pair of states taking part: id/dyad/A/B, A's IRI sorting first (and the pair's two states)
    ("?e lg:digestDyad ?dyad . ?dyad lg:pairFirst ?a ; lg:pairSecond ?b", """{ SELECT DISTINCT ?e ?a ?b WHERE {
      { SELECT DISTINCT ?e ?a WHERE { {values} GRAPH ?g { ?e sem:hasActor ?a } FILTER(STRSTARTS(STR(?a), "{STATE}")) } }
      { SELECT DISTINCT ?e ?b WHERE { {values} GRAPH ?h { ?e sem:hasActor ?b } FILTER(STRSTARTS(STR(?b), "{STATE}")) } }
      FILTER(STR(?a) < STR(?b)) } }
    BIND(IRI(CONCAT("{ID}dyad/", STRAFTER(STR(?a), "{STATE}"), "/", STRAFTER(STR(?b), "{STATE}"))) AS ?dyad)"""),
    # the set of states taking part: id/states/A/B/…, the keys of their IRIs (id/state/A) in order — one term
    # per set, shared by the events with the same states (and the set's members). The keys are sorted before
    # they are grouped (each event's keys are then concatenated in order), by the keys alone: sorting by the
    # event too would read every event's IRI from disk at each comparison
    ("?e lg:digestStateSet ?set . ?set lg:setMember ?s", """{ SELECT ?e (GROUP_CONCAT(?k; separator="/") AS ?keys) WHERE {
      { SELECT DISTINCT ?e ?k WHERE { {values} GRAPH ?g { ?e sem:hasActor ?a }
          FILTER(STRSTARTS(STR(?a), "{STATE}")) BIND(STRAFTER(STR(?a), "{STATE}") AS ?k) } ORDER BY ?k }
    } GROUP BY ?e }
    { SELECT DISTINCT ?e ?s WHERE { {values} GRAPH ?h { ?e sem:hasActor ?s } FILTER(STRSTARTS(STR(?s), "{STATE}")) } }
    BIND(IRI(CONCAT("{ID}states/", ?keys)) AS ?set)"""),
    # for meetings (PLOVER CONSULT), each pair of people taking part: id/pair/P/Q, P's IRI sorting first
    ("?e lg:digestMeetingPair ?pair . ?pair lg:pairFirst ?a ; lg:pairSecond ?b", """{ SELECT DISTINCT ?e ?a ?b WHERE {
      { SELECT DISTINCT ?e WHERE { {values} GRAPH ?g { ?e lg:eventType <{CONSULT}> } } }
      { SELECT DISTINCT ?e ?a WHERE {
          {values} GRAPH ?h { ?e sem:hasActor ?a } FILTER(STRSTARTS(STR(?a), "{PERSON}")) } }
      { SELECT DISTINCT ?e ?b WHERE {
          {values} GRAPH ?i { ?e sem:hasActor ?b } FILTER(STRSTARTS(STR(?b), "{PERSON}")) } }
      FILTER(STR(?a) < STR(?b)) } }
    BIND(IRI(CONCAT("{ID}pair/", STRAFTER(STR(?a), "{PERSON}"), "/", STRAFTER(STR(?b), "{PERSON}"))) AS ?pair)"""),
]

# Facts computed from the facts above, in the derived graph ({D}): each event's once, which is cheaper than from
# every article's copy. An update computes them after the facts above (the operations of a request run in order);
# a whole refresh of the embedded store writes the facts above first.
_DIGEST_FACTS = [
    # for an event all of whose articles are in one language, with a type and a number of sources: "DATE HASH" for
    # each of its dates (" HASH" when it has none), HASH the first four hexadecimal digits of the MD5 of its IRI;
    # and "LANGUAGE|TYPE|SOURCES|STATES" for each of its types
    ("?e lg:digestSingleLanguage ?key", """SELECT DISTINCT ?e ?key WHERE {
      { SELECT ?e WHERE { {values} GRAPH {D} { ?e lg:digestLanguage ?l } } GROUP BY ?e HAVING (COUNT(?l) = 1) }
      { SELECT DISTINCT ?e WHERE { {values} GRAPH {D} { ?e lg:digestType ?t ; lg:digestSources ?n } } }
      OPTIONAL { SELECT ?e ?day WHERE { {values} GRAPH {D} { ?e lg:digestDate ?day } } }
      BIND(CONCAT(COALESCE(?day, ""), " ", SUBSTR(MD5(STR(?e)), 1, 4)) AS ?key) }"""),
    ("?e lg:digestSummary ?row", """SELECT ?e ?row WHERE {
      { SELECT ?e (MIN(?l) AS ?only) WHERE { {values} GRAPH {D} { ?e lg:digestLanguage ?l } }
        GROUP BY ?e HAVING (COUNT(?l) = 1) }
      { SELECT ?e ?t WHERE { {values} GRAPH {D} { ?e lg:digestType ?t } } }
      { SELECT ?e ?n WHERE { {values} GRAPH {D} { ?e lg:digestSources ?n } } }
      OPTIONAL { SELECT ?e ?set WHERE { {values} GRAPH {D} { ?e lg:digestStateSet ?set } } }
      BIND(CONCAT(STR(?only), "|", REPLACE(STR(?t), "^.*/", ""), "|", STR(?n), "|",
                  COALESCE(STRAFTER(STR(?set), "{ID}states/"), "")) AS ?row) }"""),
]

_PERSON_FACTS = [
    ("?p lg:digestName ?n", """SELECT DISTINCT ?p ?n WHERE {
    {values} GRAPH ?g { ?p rdfs:label ?n } FILTER(STRSTARTS(STR(?p), "{PERSON}")) }"""),
]

# the tenure of each membership: from the earliest to the latest publication date (xsd:date) of the articles that
# attest it (each membership once: its rdf:type repeats in every article that attests it)
_MEMBERSHIP_FACTS = [
    ("""?mem org:memberDuring ?interval . ?interval a time:Interval ; time:hasBeginning ?b ; time:hasEnd ?end .
    ?b time:inXSDDate ?start . ?end time:inXSDDate ?last""",
     """{ SELECT ?mem (MIN(?d) AS ?start) (MAX(?d) AS ?last) WHERE {
      { SELECT DISTINCT ?mem WHERE { {values} GRAPH ?g { ?mem a org:Membership } } }
      GRAPH ?h { ?mem gaf:denotedBy ?m } GRAPH ?i { ?m lg:inArticle ?a } GRAPH ?j { ?a schema:datePublished ?d }
      FILTER(DATATYPE(?d) = xsd:date)
    } GROUP BY ?mem }
  BIND(IRI(CONCAT(STR(?mem), "/interval")) AS ?interval)
  BIND(IRI(CONCAT(STR(?mem), "/start")) AS ?b)
  BIND(IRI(CONCAT(STR(?mem), "/end")) AS ?end)"""),
]

_NAMES = {"{STATE}": STATE, "{PERSON}": PERSON, "{CONSULT}": CONSULT, "{ID}": ID_BASE, "{D}": f"<{DERIVED_GRAPH}>"}


def _where(where: str, var: str, iris: list[str] | None) -> str:
    for name, value in _NAMES.items():
        where = where.replace(name, value)
    values = f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in iris)} }}" if iris is not None else ""
    return where.replace("{values}", values)


def _insert(fact: tuple[str, str], var: str, iris: list[str] | None) -> str:
    template, where = fact
    return f"INSERT {{ GRAPH {_D} {{ {template} }} }} WHERE {{ {_where(where, var, iris)} }}"


def _construct(fact: tuple[str, str], var: str) -> str:
    template, where = fact
    return f"CONSTRUCT {{ {template} }} WHERE {{ {_where(where, var, None)} }}"


# --- the version: which article graphs the derived graph was computed from -------------------------------------

def _graph_hash(graphs: Iterable[str]) -> int:
    """An order-free hash of a set of graph IRIs (XOR of their hashes): it can be updated graph by graph."""
    h = 0
    for g in graphs:
        h ^= int.from_bytes(hashlib.sha256(g.encode("utf-8")).digest()[:8], "big")
    return h


def version(count: int, graph_hash: int) -> str:
    return f"{FORMAT} {count} {graph_hash:016x}"


def article_graphs(store) -> list[str]:
    """The IRIs of the store's article graphs (on the embedded store, from its list of named graphs: a graph is
    dropped whole, never left empty, so that the list holds only graphs with triples)."""
    inner = _embedded(store)
    if inner is not None:
        return [g.value for g in inner.named_graphs() if hasattr(g, "value") and is_article_graph(g.value)]
    return [g for g in store.graphs() if is_article_graph(g)]


def recorded(store) -> str | None:
    """The version the derived graph records, or None when it has none (missing, or unreadable)."""
    from .errors import Error
    q = f"SELECT ?v WHERE {{ GRAPH {_D} {{ {_D} <{OWL.versionInfo}> ?v }} }}"
    try:
        rows = store.select(q).rows
    except Error:
        return None
    return str(rows[0][0]) if rows and rows[0][0] is not None else None


def recorded_articles(store) -> int:
    """How many article graphs the derived graph records it was computed from (0 when it records nothing)."""
    parts = (recorded(store) or "").split()
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else 0


def status(store, graphs: list[str] | None = None, thorough: bool = True) -> str:
    """"current" when the derived graph was computed, in this format, from exactly the store's article graphs;
    "stale" when it was computed from others or in an older format; "missing" when there is none.

    With ``thorough`` False only the format is checked, not the set of article graphs (listing them costs
    ~0.2 s at 30,000 articles on the embedded store, and a full scan on a server): enough to tell an older
    store, or one loaded by other means, from one that legation keeps current."""
    seen = recorded(store)
    if seen is None:
        return "missing"
    if not thorough:
        return "current" if seen.split(" ")[0] == FORMAT else "stale"
    graphs = article_graphs(store) if graphs is None else graphs
    return "current" if seen == version(len(graphs), _graph_hash(graphs)) else "stale"


# --- what some article graphs name ---------------------------------------------------------------------------

@dataclass
class Touched:
    """The events, people and memberships some article graphs name: what a refresh recomputes after they were
    added or removed."""

    events: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    memberships: set[str] = field(default_factory=set)


def touched_by(store, graphs: Iterable[str]) -> Touched:
    """What the article graphs ``graphs`` name (read from those graphs only): the subjects of the facts the
    digest is made of (events: their type, dates, actors, articles), people with names, memberships."""
    out = Touched()
    graphs = list(graphs)
    kinds = {"e": out.events, "p": out.people, "m": out.memberships}
    for i in range(0, len(graphs), VALUES_BATCH):
        values = " ".join(f"<{g}>" for g in graphs[i:i + VALUES_BATCH])
        q = f"""SELECT DISTINCT ?kind ?x WHERE {{
  VALUES ?g {{ {values} }}
  {{ GRAPH ?g {{ ?x <{LG.eventType}> ?y }} BIND("e" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?x <{SEM.hasTimeStamp}> ?y }} BIND("e" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?x <{SEM.hasActor}> ?y }} BIND("e" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?x <{PROV.wasDerivedFrom}> ?y }} BIND("e" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?x <{RDFS.label}> ?y }} FILTER(STRSTARTS(STR(?x), "{PERSON}")) BIND("p" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?x a <{ORG.Membership}> }} BIND("m" AS ?kind) }}
}}"""
        for kind, x in store.select(q).rows:
            kinds[str(kind)].add(str(x))
    return out


# --- refreshing ----------------------------------------------------------------------------------------------

def _marker(text: str) -> str:
    return f'INSERT DATA {{ GRAPH {_D} {{ {_D} <{OWL.versionInfo}> "{text}" }} }}'


def _facts() -> list[tuple[tuple[str, str], str]]:
    return ([(f, "e") for f in _EVENT_FACTS] + [(f, "p") for f in _PERSON_FACTS]
            + [(f, "mem") for f in _MEMBERSHIP_FACTS])


def recompute_all(store, graphs: list[str] | None = None) -> None:
    """Compute the whole derived graph again, from every article graph. On a SPARQL server: one update request
    that drops the graph and inserts every fact. On the embedded store the facts are constructed, compared with
    the graph's (as N-Triples lines) and only the difference is written — most of a large graph is usually
    unchanged, and deleting and inserting are what cost: the version marker goes first and comes back last, so
    that an interruption leaves a graph without one, which the next refresh recomputes. There the facts that
    are functions of each event's digest alone (pairs and sets of states, pairs of people at a meeting, the
    single-language rows: ``_from_digest``) are worked out in Python from the constructed digest, once it is
    written: the same facts the SPARQL above gives (tested), for a fraction of the cost."""
    graphs = article_graphs(store) if graphs is None else graphs
    marker = version(len(graphs), _graph_hash(graphs))
    second = [(f, "e") for f in _DIGEST_FACTS]
    inner = _embedded(store)
    if inner is None:
        ops = [f"DROP SILENT GRAPH {_D}"] + [_insert(fact, var, None) for fact, var in _facts() + second]
        ops.append(_marker(marker))
        store.update(_PREFIXES + " ;\n".join(ops))
        return
    import pyoxigraph as ox
    graph = ox.NamedNode(DERIVED_GRAPH)
    suffix = f" {_D} ."
    old_text = ox.serialize(inner.quads_for_pattern(None, None, None, graph), format=ox.RdfFormat.N_QUADS)
    old = {line[:-len(suffix)] + " ." for line in old_text.decode("utf-8").splitlines() if line.endswith(suffix)}
    del old_text
    markers = {line for line in old if line.startswith(f"{_D} <{OWL.versionInfo}> ")}
    if markers:                       # first: the graph has no version until it is whole again
        store.update(f"DELETE DATA {{ GRAPH {_D} {{\n{chr(10).join(sorted(markers))}\n}} }}")
        old -= markers
    later = {f"<{LG}{name}>" for name in _FROM_DIGEST}
    old_later = {line for line in old if line.split(" ", 2)[1] in later}
    first = [(fact, var) for fact, var in _facts() if fact[0].split()[1].removeprefix("lg:") not in _FROM_DIGEST]
    digest: dict[str, bytes] = {}          # the constructed text of each kind of fact _from_digest reads
    with ThreadPoolExecutor(max_workers=LOAD_THREADS, thread_name_prefix="legation-derived") as loads:
        writes: list = []
        _settle(store, inner, _constructed(inner, first, digest), old - old_later, loads, writes)
        _settle(store, inner, [_from_digest(digest)], old_later, loads, writes)
        for w in writes:
            w.result()
    store.update(_marker(marker))


# the facts _from_digest works out (and their predicates), and the digest's own facts it reads them from
_FROM_DIGEST = {"digestDyad", "pairFirst", "pairSecond", "digestStateSet", "setMember", "digestMeetingPair",
                "digestSingleLanguage", "digestSummary"}
_DIGEST_READ = {"digestType", "digestDate", "digestState", "digestPerson", "digestLanguage", "digestSources"}


def _constructed(inner, facts: list[tuple[tuple[str, str], str]], keep: dict[str, bytes]):
    """The N-Triples text of each kind of fact in ``facts``, constructed by the store: the next kind on another
    thread while this one is compared and written (pyoxigraph queries without holding the GIL). The texts of
    the kinds ``_from_digest`` reads are also kept in ``keep``, by predicate."""
    import pyoxigraph as ox

    def construct(fact: tuple[str, str], var: str) -> bytes:
        return ox.serialize(inner.query(_PREFIXES + _construct(fact, var)), format=ox.RdfFormat.N_TRIPLES)

    with ThreadPoolExecutor(max_workers=CONSTRUCT_THREADS) as pool:
        todo = iter(facts)
        pending = deque((f, pool.submit(construct, *f)) for f in itertools.islice(todo, CONSTRUCT_THREADS))
        while pending:
            (fact, _), future = pending.popleft()
            text = future.result()
            following = next(todo, None)
            if following is not None:
                pending.append((following, pool.submit(construct, *following)))
            name = fact[0].split()[1].removeprefix("lg:")
            if name in _DIGEST_READ:
                keep[name] = text
            yield text


def _from_digest(digest: dict[str, bytes]) -> bytes:
    """What the SPARQL of ``lg:digestDyad``, ``lg:digestStateSet``, ``lg:digestMeetingPair``,
    ``lg:digestSingleLanguage`` and ``lg:digestSummary`` gives, worked out from the constructed digest
    (``digest``: the N-Triples text of each kind of fact, by predicate, as pyoxigraph writes it), as N-Triples
    lines written the same way (so that they compare equal to the graph's). Strings compare by code point, as
    SPARQL's do."""
    def facts(name: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for line in digest.get(name, b"").decode("utf-8").splitlines():
            if line:
                s, _, o = line.split(" ", 2)
                out.setdefault(s, []).append(o[:-2])       # (" ." ends the line)
        return out

    pred = {name: f"<{LG}{name}>" for name in _FROM_DIGEST}
    out: list[str] = []
    pairs: set[str] = set()       # pairs whose first and second are stated

    def pair(e: str, link: str, kind: str, prefix: str, a: str, b: str) -> None:
        p = f"<{ID_BASE}{kind}/{a[len(prefix) + 1:-1]}/{b[len(prefix) + 1:-1]}>"
        if p not in pairs:
            pairs.add(p)
            out.extend((f"{p} {pred['pairFirst']} {a} .", f"{p} {pred['pairSecond']} {b} ."))
        out.append(f"{e} {pred[link]} {p} .")

    states = facts("digestState")
    sets: dict[str, str] = {}
    for e, members in states.items():
        members = sorted(set(members), key=_inside)     # by the IRI (">" sorts after "-" and digits)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pair(e, "digestDyad", "dyad", STATE, a, b)
        key = sets[e] = "/".join(m[len(STATE) + 1:-1] for m in members)
        s = f"<{ID_BASE}states/{key}>"
        out.append(f"{e} {pred['digestStateSet']} {s} .")
        out.extend(f"{s} {pred['setMember']} {m} ." for m in members)
    types = facts("digestType")
    consult = f"<{CONSULT}>"
    for e, people in facts("digestPerson").items():
        if consult in types.get(e, ()):
            people = sorted(set(people), key=_inside)
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    pair(e, "digestMeetingPair", "pair", PERSON, a, b)
    sources, dates = facts("digestSources"), facts("digestDate")
    for e, languages in facts("digestLanguage").items():
        if len(languages) != 1 or e not in types or e not in sources:
            continue
        tie = hashlib.md5(e[1:-1].encode("utf-8")).hexdigest()[:4]
        for day in dates.get(e, [None]):
            key = f"{_lexical(day) if day is not None else ''} {tie}"
            out.append(f"{e} {pred['digestSingleLanguage']} {_string(key)} .")
        for t in types[e]:
            for n in sources[e]:
                row = f"{_lexical(languages[0])}|{t[1:-1].rsplit('/', 1)[-1]}|{_lexical(n)}|{sets.get(e, '')}"
                out.append(f"{e} {pred['digestSummary']} {_string(row)} .")
    return ("\n".join(out) + "\n").encode("utf-8")


def _inside(iri: str) -> str:
    return iri[1:-1]


_ESCAPED = re.compile(r'[\x00-\x1f"\\\x7f]')


def _lexical(term: str) -> str:
    """The lexical form of a literal as pyoxigraph writes it in N-Triples ("…", "…"@tag, "…"^^<…>)."""
    if "\\" not in term:
        return term[1:term.rindex('"')]
    import pyoxigraph as ox
    return next(iter(ox.parse(f"<x:s> <x:p> {term} .", ox.RdfFormat.N_TRIPLES))).object.value


def _string(value: str) -> str:
    """A plain string literal as pyoxigraph writes it in N-Triples."""
    if not _ESCAPED.search(value):
        return f'"{value}"'
    import pyoxigraph as ox
    return ox.serialize([ox.Triple(ox.NamedNode("x:s"), ox.NamedNode("x:p"), ox.Literal(value))],
                        format=ox.RdfFormat.N_TRIPLES).decode("utf-8").split(" ", 2)[2][:-3]


def _settle(store, inner, texts, old: set[str], loads: ThreadPoolExecutor, writes: list) -> None:
    """Write the facts of the N-Triples ``texts`` (each a kind of fact) that the derived graph's lines ``old``
    (of those kinds) lack, and delete the lines no fact supports any more. The new facts are loaded on the
    threads of ``loads`` (pyoxigraph's bulk loader releases the GIL, so this thread goes on meanwhile), in
    ``LOAD_THREADS`` chunks at once; ``writes`` gets their futures, for the caller to wait on."""
    import pyoxigraph as ox
    graph = ox.NamedNode(DERIVED_GRAPH)
    added: list[str] = []

    def load(lines: list[str], bulk: bool) -> None:
        data = "\n".join(lines) + "\n"
        if bulk:
            inner.bulk_load(data, ox.RdfFormat.N_TRIPLES, to_graph=graph)
        else:
            inner.load(data, ox.RdfFormat.N_TRIPLES, to_graph=graph)

    def write() -> None:
        # many new facts (a store without a digest, a large ingest): the bulk loader, about twice as fast; it is
        # not transactional, but the graph has no version marker until the end
        bulk = len(added) > BULK_MIN
        step = -(-len(added) // (LOAD_THREADS if bulk else 1))
        for i in range(0, len(added), step):
            writes.append(loads.submit(load, added[i:i + step], bulk))
        added.clear()

    # one kind of fact at a time (in memory: the graph's lines, one kind's new ones, and the new facts not yet
    # written, in batches of WRITE_BATCH)
    for text in texts:
        lines = set(text.decode("utf-8").splitlines())
        del text
        lines.discard("")
        added += sorted(lines - old)
        old -= lines
        if len(added) >= WRITE_BATCH:
            write()
    if added:
        write()
    gone = sorted(old)                # what no article supports any more
    for i in range(0, len(gone), 100_000):
        store.update(f"DELETE DATA {{ GRAPH {_D} {{\n{chr(10).join(gone[i:i + 100_000])}\n}} }}")


def _embedded(store):
    """The pyoxigraph store under ``store`` when it is the embedded one, else None."""
    inner = getattr(store, "store", None)
    try:
        import pyoxigraph as ox
    except ImportError:          # pragma: no cover - pyoxigraph is a dependency
        return None
    return inner if isinstance(inner, ox.Store) else None


def recompute(store, touched: Touched, new_version: str) -> None:
    """Compute the derived facts of the events, people and memberships in ``touched`` again: delete what the
    derived graph says of them, insert what the article graphs say now; then record ``new_version``."""
    ops = []
    for kind, var, templates, subjects in (
            ("events", "e", _EVENT_FACTS + _DIGEST_FACTS, sorted(touched.events)),
            ("people", "p", _PERSON_FACTS, sorted(touched.people)),
            ("memberships", "mem", _MEMBERSHIP_FACTS, sorted(touched.memberships))):
        for i in range(0, len(subjects), VALUES_BATCH):
            batch = subjects[i:i + VALUES_BATCH]
            nodes = batch if kind != "memberships" else [
                f"{m}{suffix}" for m in batch for suffix in ("", "/interval", "/start", "/end")]
            values = " ".join(f"<{x}>" for x in nodes)
            ops.append(f"DELETE {{ GRAPH {_D} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
                       f"GRAPH {_D} {{ ?s ?p ?o }} }}")
            ops += [_insert(f, var, batch) for f in templates]
    # pairs and sets of states no event links to any more (their events were recomputed without them)
    for link, kind in (("digestDyad", "dyad"), ("digestMeetingPair", "pair")):
        ops.append(f"""DELETE {{ GRAPH {_D} {{ ?pair lg:pairFirst ?a ; lg:pairSecond ?b }} }} WHERE {{
  GRAPH {_D} {{ ?pair lg:pairFirst ?a ; lg:pairSecond ?b }}
  FILTER(STRSTARTS(STR(?pair), "{ID_BASE}{kind}/"))
  FILTER NOT EXISTS {{ GRAPH {_D} {{ ?e lg:{link} ?pair }} }} }}""")
    ops.append(f"""DELETE {{ GRAPH {_D} {{ ?set lg:setMember ?s }} }} WHERE {{
  GRAPH {_D} {{ ?set lg:setMember ?s }} FILTER NOT EXISTS {{ GRAPH {_D} {{ ?e lg:digestStateSet ?set }} }} }}""")
    ops.append(f"DELETE WHERE {{ GRAPH {_D} {{ {_D} <{OWL.versionInfo}> ?v }} }}")
    ops.append(_marker(new_version))
    store.update(_PREFIXES + " ;\n".join(ops))


def refresh(store, changed: Iterable[str] = (), touched: Touched | None = None, full: bool = False) -> str:
    """Bring the derived graph up to date after the article graphs ``changed`` were added or removed.

    ``touched``: what those graphs name (``touched_by``), read while they were in the store — for a removal,
    before removing it; when None it is read now, from the graphs in ``changed`` the store holds. Only the
    events, people and memberships they name are recomputed, provided that the derived graph was current before
    the change; else (or with ``full``, or when many graphs changed) the whole graph is recomputed.
    Returns "whole", "incremental" or "current" (nothing to do)."""
    graphs = article_graphs(store)
    now = version(len(graphs), _graph_hash(graphs))
    changed = set(changed)
    seen = None if full else recorded(store)
    if seen == now:
        return "current"
    if seen is not None and changed and len(changed) <= max(1, INCREMENTAL_MAX * len(graphs)):
        held = set(graphs)
        before = set(graphs) ^ changed          # the set the derived graph should have been computed from
        if seen == version(len(before), _graph_hash(before)):
            if touched is None:
                touched = touched_by(store, sorted(changed & held))
            recompute(store, touched, now)
            return "incremental"
    recompute_all(store, graphs)
    return "whole"
