"""Identity resolution looks people and events up in tables (and posts' holders in a small index) on the bulk path,
by SPARQL queries on the store otherwise: both must give the same graph — whether the articles are written in
batches (in the background) or not, in one run or in two; on the embedded store and on Virtuoso."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import graph_store.oxigraph_store as oxigraph_store
from graph_store import StoreConfig
from graph_store.oxigraph_store import OxigraphStore
from graph_store.terms import to_oxigraph
from ingest.model import Article, Event, Extraction, Official
from ingest.resolve import Resolver
from ingest.to_rdf import ntriples
from legation import ingesting
from ontology import ID_BASE
from ontology.iris import REFERENCE_GRAPH, event_iri, graph_iri
from ontology.vocab import LG
from servers import server_store

FIX = Path(__file__).parent / "fixtures" / "identity"
ORDER = ["en.txt", "ar.txt", "ru.txt", "later-en.txt", "namesake-en.txt", "round-2021-en.txt", "round-2023-en.txt",
         "unnamed-en.txt"]


def _quads(store) -> set:
    ref = ox.NamedNode(str(REFERENCE_GRAPH))
    return {q for q in store.store.quads_for_pattern(None, None, None, None) if q.graph_name != ref}


def _run(store, names, **kw):
    report = None
    for name in names:                              # one file at a time: the order is the resolution order
        report = ingesting.ingest(store, [str(FIX / name)], **kw)
        assert report.ok, report.failed
    return store


@pytest.fixture(scope="module")
def by_queries():
    return _quads(_run(OxigraphStore(), ORDER, bulk_after=10**9))


def test_tables_give_what_queries_give(by_queries):
    assert _quads(_run(OxigraphStore(), ORDER, bulk_after=0)) == by_queries


def test_one_run_article_by_article_gives_what_runs_of_one_article_give(by_queries, monkeypatch, tmp_path):
    """One run written article by article reads the store's people once and keeps its table current with each
    article written: it resolves as runs of one article each (which read the people anew every time) do."""
    asked = []
    read = Resolver._read_people
    monkeypatch.setattr(Resolver, "_read_people", lambda self: asked.append(1) or read(self))
    folder = tmp_path / "in"
    folder.mkdir()
    for n, name in enumerate(ORDER):                   # one run, in this order
        (folder / f"{n:02d}-{name}").write_bytes((FIX / name).read_bytes())
    store = OxigraphStore()
    report = ingesting.ingest(store, [str(folder)], bulk_after=10**9)
    assert report.ok and report.added == len(ORDER)
    assert _quads(store) == by_queries
    assert asked == [1]                                            # the people were read once


def test_one_run_on_the_bulk_path_gives_what_queries_give(by_queries, tmp_path, monkeypatch):
    monkeypatch.setattr(oxigraph_store, "BULK_MIN_TRIPLES", 1)     # through bulk_load and its journal
    monkeypatch.setattr(ingesting, "BATCH_ARTICLES", 2)            # several batches, written in the background
    store = OxigraphStore(StoreConfig(path=str(tmp_path / "kg")))
    files = [tmp_path / "in" / f"{n:02d}-{name}" for n, name in enumerate(ORDER)]
    files[0].parent.mkdir()
    for f, name in zip(files, ORDER):
        f.write_bytes((FIX / name).read_bytes())
    report = ingesting.ingest(store, [str(files[0].parent)], bulk_after=0)
    assert report.ok and report.added == len(ORDER)
    assert "write (wait)" in report.stages
    assert _quads(store) == by_queries
    store.close()


def test_a_second_run_reads_the_tables_from_the_store(by_queries, tmp_path):
    store = OxigraphStore(StoreConfig(path=str(tmp_path / "kg")))
    _run(store, ORDER[:4], bulk_after=10**9)
    _run(store, ORDER[4:], bulk_after=0)
    assert _quads(store) == by_queries
    store.close()


@pytest.mark.server
def test_tables_and_holder_index_read_from_virtuoso_give_what_queries_give(by_queries, virtuoso_server):
    """On a SPARQL server the tables and the holder index are read by queries (paged): on Virtuoso, the one
    that evaluates the fewest query shapes, a run on the bulk path gives the graph the embedded store's look-ups
    by query give."""
    store = server_store(virtuoso_server)
    store.clear()
    try:
        _run(store, ORDER[:2], bulk_after=10**9)            # the tables then hold what the server holds
        _run(store, ORDER[2:], bulk_after=0)
        rows = store.select(f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                            f"FILTER(STRSTARTS(STR(?g), \"{ID_BASE}\") && ?g != <{REFERENCE_GRAPH}>) }}").rows
        assert {ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.NamedNode(str(g)))
                for g, s, p, o in rows} == by_queries
    finally:
        store.close()


def _extraction(n: int, *events: Event) -> Extraction:
    return Extraction(Article(id=f"{n:032x}", text="", lang="en", published="2017-05-18"), events=list(events))


def _aid(date: str, place: str | None = None) -> Event:
    return Event("AID", states=["IQ", "AR"], date=date, place=place)


@pytest.mark.parametrize("tables", [False, True], ids=["queries", "tables"])
def test_events_within_a_day_are_one_in_the_store_and_in_one_article(tables):
    """The same rule by query and by table: a report within a day of a known event of the same type and states
    is that event, unless it names another place — whether the event is in the store or was named earlier in
    the same article (not yet written)."""
    store = OxigraphStore()

    def ingest(resolver, n, *events):          # resolve and write, as ingesting does
        ex = _extraction(n, *events)
        ident = resolver.resolve(ex)
        store.put_graph(str(graph_iri(ex.article.id)), "".join(ntriples(ex, ident)))
        return ident

    ingest(Resolver(store.select), 1, _aid("2017-05-17", "baghdad"))
    resolver = Resolver(store.select, tables=tables)
    known, new = event_iri("AID-AR-IQ-2017-05-17"), event_iri("AID-AR-IQ-2017-05-16")
    got = ingest(resolver, 2, _aid("2017-05-16"), _aid("2017-05-18", "baghdad"), _aid("2017-05-16", "basra"))
    assert got.events == [known, known, new]
    assert got.event_dates == ["2017-05-17", "2017-05-17", "2017-05-16"]
    got = ingest(resolver, 3, _aid("2017-05-15", "basra"), _aid("2017-05-14"), _aid("2017-05-19", "mosul"),
                 _aid("2017-05-20"))
    later = event_iri("AID-AR-IQ-2017-05-19")
    assert got.events == [new, event_iri("AID-AR-IQ-2017-05-14"), later, later]
    store.close()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_events_on_the_calendars_first_and_last_day(day):
    """The look-up of a day's neighbours skips the days the calendar does not have: a second report of an event on
    its first or last day is still that event."""
    store = OxigraphStore()
    for n in (1, 2):
        ex = _extraction(n, _aid(day))
        ident = Resolver(store.select).resolve(ex)
        assert ident.events == [event_iri(f"AID-AR-IQ-{day}")]
        store.put_graph(str(graph_iri(ex.article.id)), "".join(ntriples(ex, ident)))
    assert len(store.select(f"SELECT DISTINCT ?e WHERE {{ ?e <{LG.eventType}> ?t }}").rows) == 1
    store.close()


def test_a_bare_surname_finds_a_person_written_after_the_people_were_read():
    """Once a resolver has read the store's people, each article it is given as written (``seen``) is in its
    table: a later bare surname finds the person that article named."""
    store = OxigraphStore()
    resolver = Resolver(store.select)

    def ingest(n, official):
        ex = Extraction(Article(id=f"{n:032x}", text="", lang="en", published="2017-05-18"), officials=[official])
        ident = resolver.resolve(ex)
        store.put_graph(str(graph_iri(ex.article.id)), "".join(ntriples(ex, ident)))
        resolver.seen(ident)
        return ident

    first = ingest(1, Official("Alexander Fomin", state="RU", key="a.fmn"))
    assert ingest(2, Official("Fomin", state="RU", key="fmn")).persons == first.persons
    store.close()


def test_one_run_article_by_article_keeps_the_people_table_current(tmp_path):
    """In a run written article by article, an article's people are in the resolver's people table once it is
    written: the next article's bare surname is the same person."""
    (tmp_path / "01-talks.txt").write_text(
        "Talks in Moscow\n2024-03-02\n\nMOSCOW, March 2 - Russian Deputy Defence Minister Alexander Fomin met "
        "Pakistani officials in Moscow on Saturday.\n", encoding="utf-8")
    (tmp_path / "02-later.txt").write_text(
        "Fomin speaks\n2024-03-05\n\nMOSCOW, March 5 - Russian Deputy Defence Minister Fomin said on Tuesday that "
        "the talks in Moscow had been useful.\n", encoding="utf-8")
    store = OxigraphStore()
    report = ingesting.ingest(store, [str(tmp_path)], bulk_after=10**9)
    assert report.ok and report.added == 2
    people = store.select(f"SELECT DISTINCT ?p WHERE {{ ?p a <{LG.Person}> }}").rows
    assert [str(p) for p, in people] == [f"{ID_BASE}person/RU-a.fmn"]
    store.close()


def test_a_run_short_for_its_store_stays_article_by_article(tmp_path, monkeypatch):
    """The bulk path reads the store into tables, a cost that grows with the store: a run with fewer than
    1/BULK_SHARE of the articles the store holds stays on the article-by-article path; a longer one switches."""
    monkeypatch.setattr(ingesting, "BULK_SHARE", 2)
    store = OxigraphStore(StoreConfig(path=str(tmp_path / "kg")))
    runs = []
    for k, names in enumerate((ORDER[:4], ORDER[4:5], ORDER[5:])):
        folder = tmp_path / f"run{k}"
        folder.mkdir()
        for n, name in enumerate(names):
            (folder / f"{n:02d}-{name}").write_bytes((FIX / name).read_bytes())
        report = ingesting.ingest(store, [str(folder)], bulk_after=0)
        assert report.ok and report.added == len(names)
        runs.append(report.stages["index"])
    assert runs[0] > 0            # 4 articles into an empty store: the bulk path
    assert runs[1] == 0           # 1 into a store of 4: article by article
    assert runs[2] > 0            # 3 into a store of 5: the bulk path
    store.close()
