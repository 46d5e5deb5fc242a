"""The derived graph (legation/derived.py): what it holds for the hand-written fixture, and that it stays what a
computation from scratch gives after every ingest, re-ingest and removal — on the embedded store, where a whole
refresh is constructed and diffed, and on the servers, where it is SPARQL updates; incremental or whole.
"""
from __future__ import annotations

import hashlib

import pyoxigraph as ox
import pytest

from benchmarks import generate
from graph_store import StoreConfig, open_store
from graph_store.terms import from_oxigraph, to_oxigraph
from legation import derived, ingesting
from legation.ingesting import DERIVED_GRAPH, refresh_derived
from queries_data import DERIVED, article_graphs, fixture_graphs, load_fixture

ID = "https://w3id.org/legation/id/"
LG = "https://w3id.org/legation/ontology#"
E1 = ID + "event/CONSULT-PK-RU-2023-11-14"
E3 = ID + "event/CONSULT-AF-PK-RU-2025-02"
E7 = ID + "event/CONSULT-CN-RU-2023-05-10"
E8 = ID + "event/CONSULT-IN-RU"


def derived_triples(store) -> set[tuple[str, str, str]]:
    """The derived graph's triples (terms as N-Triples), the version marker left out."""
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ ?s ?p ?o }} }}").rows
    return {(s.n3(), p.n3(), o.n3()) for s, p, o in rows if str(s) != DERIVED_GRAPH}


def from_scratch(store) -> set[tuple[str, str, str]]:
    """The derived graph a whole refresh computes from the store's article graphs now, in a fresh in-memory
    store holding a copy of them (the store itself is left as it is)."""
    copy = open_store(StoreConfig(path=None))
    rows = store.select(f"""SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(STRSTARTS(STR(?g), "{ID}graph/") && ?g != <{DERIVED_GRAPH}>) }}""").rows
    copy.store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.NamedNode(str(g)))
                      for g, s, p, o in rows)
    assert refresh_derived(copy, full=True) == "whole"
    out = derived_triples(copy)
    copy.close()
    return out


class Plain:
    """A store without its pyoxigraph handle: the derived graph takes the generic path (SPARQL updates), as on a
    server."""

    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):
        if name == "store":
            raise AttributeError(name)
        return getattr(self.inner, name)


def md5_4(iri: str) -> str:
    """The first four hexadecimal digits of the MD5 of an IRI: the tie-break in lg:digestSingleLanguage."""
    return hashlib.md5(iri.encode("utf-8")).hexdigest()[:4]


def digest_of(store, subject: str) -> dict[str, set[str]]:
    rows = store.select(f"SELECT ?p ?o WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ <{subject}> ?p ?o }} }}").rows
    out: dict[str, set[str]] = {}
    for p, o in rows:
        out.setdefault(str(p).replace(LG, "lg:"), set()).add(str(o))
    return out


# --- the fixture -------------------------------------------------------------------------------------------------

@pytest.fixture
def fixture_store():
    store = open_store(StoreConfig(path=None))
    load_fixture(store)
    yield store
    store.close()


def test_tenures_are_those_worked_out_by_hand(fixture_store):
    """The fixture's derived graph, written by hand, holds the tenures: refresh_derived computes the same."""
    hand = {tuple(from_oxigraph(t).n3() for t in (q.subject, q.predicate, q.object))
            for q in ox.parse(fixture_graphs()[DERIVED].encode(), ox.RdfFormat.N_TRIPLES)}
    got = {t for t in derived_triples(fixture_store) if not t[1].startswith(f"<{LG}")}
    assert got == hand


def test_each_event_once(fixture_store):
    """E1 is reported by two articles (en, ru), each repeating its type, date and actors: the digest states each
    fact once; E8 has no date and is reported in English only."""
    e1 = digest_of(fixture_store, E1)
    assert e1 == {
        "lg:digestType": {ID + "plover/CONSULT"}, "lg:digestDate": {"2023-11-14"},
        "lg:digestState": {ID + "state/PK", ID + "state/RU"},
        "lg:digestPerson": {ID + "person/RU-a.fmn", ID + "person/PK-a.mnr"},
        "lg:digestLanguage": {"en", "ru"}, "lg:digestSources": {"2"}, "lg:digestDyad": {ID + "dyad/PK/RU"},
        "lg:digestMeetingPair": {ID + "pair/PK-a.mnr/RU-a.fmn"}, "lg:digestStateSet": {ID + "states/PK/RU"},
    }
    e3 = digest_of(fixture_store, E3)
    assert e3["lg:digestDyad"] == {ID + "dyad/AF/PK", ID + "dyad/AF/RU", ID + "dyad/PK/RU"}
    # a set of states: its keys in order, its members; the only language of an event reported in one (E8)
    assert e3["lg:digestStateSet"] == {ID + "states/AF/PK/RU"} and "lg:digestSingleLanguage" not in e3
    assert digest_of(fixture_store, ID + "states/AF/PK/RU") == {
        "lg:setMember": {ID + "state/AF", ID + "state/PK", ID + "state/RU"}}
    # E8 in English only, undated: its key " HASH" and summary LANGUAGE|TYPE|SOURCES|STATES; E7 in Russian only
    e8, e7 = digest_of(fixture_store, E8), digest_of(fixture_store, E7)
    assert e8["lg:digestSingleLanguage"] == {" " + md5_4(E8)} and e8["lg:digestSummary"] == {"en|CONSULT|1|IN/RU"}
    assert e7["lg:digestSingleLanguage"] == {"2023-05-10 " + md5_4(E7)}
    assert e7["lg:digestSummary"] == {"ru|CONSULT|1|CN/RU"}
    assert "lg:digestSummary" not in e3
    assert "lg:digestDate" not in digest_of(fixture_store, E8)
    assert digest_of(fixture_store, ID + "dyad/AF/RU") == {"lg:pairFirst": {ID + "state/AF"},
                                                           "lg:pairSecond": {ID + "state/RU"}}
    names = digest_of(fixture_store, ID + "person/RU-a.fmn")["lg:digestName"]
    assert names == {"Alexander Fomin", "Aleksandr Fomin", "Александр Фомин", "Alksndr Fwmyn",
                     "ألكسندر فومين"}
    dates = fixture_store.select(f"SELECT ?d WHERE {{ <{E3}> <{LG}digestDate> ?d }}").rows
    assert [d.datatype for (d,) in dates] == [None]          # a plain string: dates compare as strings


def test_status_and_versions(fixture_store):
    assert derived.status(fixture_store) == "current"
    assert refresh_derived(fixture_store) == "current"
    # an article graph removed by hand: the recorded set no longer matches
    fixture_store.remove_graph(ID + "graph/article/a7")
    assert derived.status(fixture_store) == "stale"
    assert derived.status(fixture_store, thorough=False) == "current"     # the format alone is current
    assert refresh_derived(fixture_store) == "whole"
    assert digest_of(fixture_store, ID + "event/SANCTION-RU-US-2022-03-01") == {}
    assert derived_triples(fixture_store) == from_scratch(fixture_store)
    # a derived graph of an older version (tenures only, the article count as its version)
    fixture_store.update(f"""DELETE WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ <{DERIVED_GRAPH}> ?p ?v }} }} ;
        INSERT DATA {{ GRAPH <{DERIVED_GRAPH}> {{
          <{DERIVED_GRAPH}> <http://www.w3.org/2002/07/owl#versionInfo> "8" }} }}""")
    assert derived.status(fixture_store) == "stale" and derived.status(fixture_store, thorough=False) == "stale"
    fixture_store.remove_graph(DERIVED_GRAPH)
    assert derived.status(fixture_store) == "missing"
    assert refresh_derived(fixture_store, [ID + "graph/article/a8"]) == "whole"    # no graph to update: whole
    assert derived.status(fixture_store) == "current"


def test_the_update_path_computes_what_the_embedded_path_does(fixture_store):
    """A whole refresh through SPARQL updates (what a server gets) gives the same graph as the embedded store's
    construct-and-diff."""
    before = derived_triples(fixture_store)
    derived.recompute_all(Plain(fixture_store))
    assert derived_triples(fixture_store) == before
    assert derived.status(fixture_store) == "current"


@pytest.mark.parametrize("graph", sorted(g for g in article_graphs() if "/article/" in g))
def test_incremental_removal_and_addition_of_each_fixture_article(fixture_store, graph):
    """Remove one article (incremental refresh), then put it back (incremental): each time the derived graph is
    what a computation from scratch gives."""
    whole = derived_triples(fixture_store)
    aid = graph.rsplit("/", 1)[1]
    assert ingesting.remove(fixture_store, aid)
    assert derived.status(fixture_store) == "current"
    assert derived_triples(fixture_store) == from_scratch(fixture_store)
    fixture_store.put_graph(graph, article_graphs()[graph])
    assert refresh_derived(fixture_store, [graph]) == "incremental"
    assert derived_triples(fixture_store) == whole


# --- a real ingest, on every back-end ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """24 generated articles, a quarter of which retell an earlier story (events and people shared), in two
    parts, and 4 more."""
    root = tmp_path_factory.mktemp("derived-corpus")
    first, second, third = root / "first", root / "second", root / "third"
    for out, start, n in ((first, 0, 12), (second, 12, 12), (third, 24, 4)):
        out.mkdir()
        for i, art in enumerate(generate.articles(n, seed=5, start=start)):
            (out / f"{start + i:07d}-{art['lang']}.txt").write_text(art["text"], encoding="utf-8")
    return first, second, third


def _spy_on_refresh(monkeypatch) -> list[str]:
    modes: list[str] = []
    refresh = ingesting.refresh_derived

    def spy(*a, **kw):
        modes.append(refresh(*a, **kw))
        return modes[-1]

    monkeypatch.setattr(ingesting, "refresh_derived", spy)
    monkeypatch.setattr(derived, "INCREMENTAL_MAX", 1.0)      # a small corpus: stay incremental
    return modes


def _shared_and_alone(store) -> list[str]:
    """Two articles that report an event another article also reports, and one that shares none."""
    prov = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
    shared = store.select(f"""SELECT DISTINCT ?a WHERE {{ ?e {prov} ?a , ?b FILTER(?a != ?b) }}
        ORDER BY ?a LIMIT 2""").rows
    alone = store.select(f"""SELECT ?a WHERE {{ ?a a <https://schema.org/NewsArticle>
        FILTER NOT EXISTS {{ ?e {prov} ?a , ?b FILTER(?a != ?b) }} }} ORDER BY ?a LIMIT 1""").rows
    assert len(shared) == 2 and alone, "the corpus must have events that two articles report"
    return [str(a) for (a,) in shared + alone]


def test_digest_follows_ingest_reingest_and_removal(store, corpus, monkeypatch):
    """Ingest, ingest more (incremental), ingest the same again (nothing to do), remove articles (incremental),
    some of whose events other articles also report: after each step the derived graph is what a computation
    from scratch gives."""
    first, second, third = corpus
    modes = _spy_on_refresh(monkeypatch)
    assert ingesting.ingest(store, [str(first)]).added == 12
    assert ingesting.ingest(store, [str(second)]).added == 12
    assert derived_triples(store) == from_scratch(store)
    assert ingesting.ingest(store, [str(first), str(second)]).added == 0
    assert ingesting.ingest(store, [str(third)]).added == 4
    assert derived_triples(store) == from_scratch(store)
    _remove_some_and_check(store, modes)


def _remove_some_and_check(store, modes: list[str]) -> None:
    """Remove some articles, each followed by the derived graph's check, then check how it was refreshed: whole
    once, then incrementally."""
    for article in _shared_and_alone(store):
        assert ingesting.remove(store, article)
        assert derived_triples(store) == from_scratch(store)
    assert modes == ["whole", "incremental", "incremental", "incremental", "incremental", "incremental"]
    assert derived.status(store) == "current"


@pytest.fixture(scope="module")
def ingested(corpus) -> list[dict[str, str]]:
    """The article graphs of the corpus's three parts, as an embedded ingest writes them (graph → N-Triples)."""
    store = open_store(StoreConfig(path=None))
    parts = []
    for part in corpus:
        before = set(store.graphs())
        ingesting.ingest(store, [str(part)])
        parts.append({g: "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in store.select(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}").rows)
            for g in sorted(set(store.graphs()) - before) if "/graph/article/" in g})
    store.close()
    return parts


def test_digest_follows_graphs_added_and_removed(store, ingested, monkeypatch):
    """On each back-end, Virtuoso included: the graphs an ingest writes, added in three steps and refreshed as
    ingest refreshes (incrementally), then some removed: the derived graph is what a computation from scratch
    gives (there, by SPARQL updates)."""
    from legation.ingesting import ensure_reference
    ensure_reference(store)
    modes = _spy_on_refresh(monkeypatch)
    for part in ingested:
        store.put_graphs(part)
        ingesting.refresh_derived(store, list(part))
        assert derived_triples(store) == from_scratch(store)
    _remove_some_and_check(store, modes)


def test_facts_worked_out_in_python_are_those_sparql_gives():
    """The embedded store's whole refresh works pairs, sets and single-language rows out in Python from the
    constructed digest (derived._from_digest): IRIs whose order differs from their N-Triples form's ("X" before
    "X-1" before "X>"... as strings, while "<…X-1>" sorts before "<…X>"), and a date whose string needs escapes,
    give what the SPARQL updates give."""
    e, a = ID + "event/CONSULT-odd", ID + "article/odd"
    actors = " ".join(f"<{ID}{k}>" for k in ("state/X", "state/X-1", "state/X1", "state/XA", "person/P",
                                             "person/P-1", "person/P.2"))
    trig = f"""<{ID}graph/article/odd> {{
      <{e}> <{LG}eventType> <{ID}plover/CONSULT> ; <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> {actors.replace(' ', ' , ')} ;
        <http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp> "2024-01-02" , "2024 \\"early\\"\\\\" ;
        <http://www.w3.org/ns/prov#wasDerivedFrom> <{a}> .
      <{a}> <https://schema.org/inLanguage> "ar" .
    }}"""
    store = open_store(StoreConfig(path=None))
    store.store.load(trig, ox.RdfFormat.TRIG)
    refresh_derived(store, full=True)
    embedded = derived_triples(store)

    store.remove_graph(DERIVED_GRAPH)
    derived.recompute_all(Plain(store))
    assert derived_triples(store) == embedded
    rows = digest_of(store, e)
    assert rows["lg:digestStateSet"] == {ID + "states/X/X-1/X1/XA"}
    assert ID + "pair/P/P-1" in rows["lg:digestMeetingPair"] and len(rows["lg:digestDyad"]) == 6
    assert rows["lg:digestSingleLanguage"] == {"2024-01-02 " + md5_4(e), '2024 "early"\\ ' + md5_4(e)}
    assert rows["lg:digestSummary"] == {"ar|CONSULT|1|X/X-1/X1/XA"}
    store.close()
