"""The named queries that read the derived graph's digest give the same rows as their digest-free formulations
(``tests/queries/reference/``: each query as it was before it read the digest, from the article graphs alone) on
a store of generated articles, with many parameter sets — the parameters chosen from the store so that most
answers have rows. (On the hand-written fixture, ``test_answers`` holds both to the same expected answers on
every back-end.)"""
from __future__ import annotations

from pathlib import Path

import pytest

import queries as lib
from benchmarks import generate
from graph_store import StoreConfig, open_store
from legation import ingesting
from queries_data import rows

REFERENCE = Path(__file__).resolve().parent / "reference"
NAMES = sorted(p.stem for p in REFERENCE.glob("*.rq"))
ID = "https://w3id.org/legation/id/"
OPEN = {"since": "0001-01-01", "until": "9999-12-31"}
PERIOD = {"since": "2023-03-01", "until": "2024-06-30"}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """120 generated articles (a quarter retell earlier stories) ingested into an in-memory store."""
    corpus = tmp_path_factory.mktemp("reference-corpus")
    generate.write(120, corpus, seed=11)
    store = open_store(StoreConfig(path=None))
    report = ingesting.ingest(store, [str(corpus)])
    assert report.added == 120 and not report.failed
    yield store
    store.close()


def _top(store, pattern: str, var: str, k: int = 2) -> list[str]:
    got = store.select(f"SELECT ?{var} (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {pattern} }} GROUP BY ?{var} "
                       f"ORDER BY DESC(?n) STR(?{var}) LIMIT {k}").rows
    return [str(row[0]) for row in got]


def cases(store) -> dict[str, list[dict]]:
    """Parameter sets for each query, from the store's most frequent states, pairs, people, places, topics."""
    sem, lg = "http://semanticweb.cs.vu.nl/2009/11/sem/", "https://w3id.org/legation/ontology#"
    states = [s.rsplit("/", 1)[1] for s in _top(
        store, f'?e <{sem}hasActor> ?s FILTER(STRSTARTS(STR(?s), "{ID}state/"))', "s", 3)]
    pair = store.select(f"""SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e <{sem}hasActor> ?a , ?b
        FILTER(STRSTARTS(STR(?a), "{ID}state/") && STRSTARTS(STR(?b), "{ID}state/") && STR(?a) < STR(?b)) }}
        GROUP BY ?a ?b ORDER BY DESC(?n) LIMIT 1""").rows[0]
    a, b = (str(x).rsplit("/", 1)[1] for x in pair[:2])
    people = _top(store, f'?e <{sem}hasActor> ?p FILTER(STRSTARTS(STR(?p), "{ID}person/"))', "p", 2)
    names = []
    for person in people:
        labels = store.select(f'SELECT ?n WHERE {{ <{person}> <http://www.w3.org/2000/01/rdf-schema#label> ?n }} '
                              f'ORDER BY ?n').rows
        names += [str(labels[0][0]).split()[-1], str(labels[-1][0]).split()[0]]
    place = _top(store, f"?e <{sem}hasPlace> ?p", "p", 1)[0].rsplit("/", 1)[1]
    topic = [t.rsplit("/", 1)[1] for t in _top(store, f"?e <{lg}topic> ?t FILTER(STRSTARTS(STR(?t), '{ID}topic/'))",
                                                 "t", 1)]
    dyad = [{"a": a, "b": b}, {"a": b, "b": a, **OPEN}, {"a": a, "b": b, **PERIOD, "lang": "ar"},
            {"a": states[2], "b": a, "lang": "ru", **OPEN}, {"a": a, "b": a, **OPEN}]
    state = [{"state": s} for s in states] + [{"state": states[0], **OPEN, "lang": "ru"},
                                              {"state": states[1], **PERIOD, "lang": "ar"}]
    periods = [{}, OPEN, {**PERIOD, "lang": "ru"}, {"since": "2024-01-01", "lang": "ar"}]
    person = [{"name": n} for n in names] + [{"name": names[0], **OPEN, "lang": "ar"},
                                             {"name": names[1], **PERIOD, "lang": "ru"}, {"name": "ов"}]
    return {
        "active-pairs": [{"polarity": p, **extra} for p in ("cooperation", "neutral", "friction")
                         for extra in ({}, OPEN, {**PERIOD, "limit": "5", "lang": "ru"})],
        "dyad-timeline": dyad, "dyad-topics": dyad, "meetings-between": dyad,
        "event-types": periods,
        "single-language-events": periods + [{"limit": "3"}, {**OPEN, "limit": "7", "lang": "ru"},
                                             {**PERIOD, "limit": "0"}],
        "events-at-place": [{"place": place}, {"place": place, **OPEN, "lang": "ar"}, {"place": "kabul", **OPEN}],
        "topic-events": [{"topic": topic[0]}, {"topic": topic[0], **OPEN, "lang": "ru"},
                         {"topic": "energy", **OPEN}],
        "official-statements": person, "person-events": person,
        "people-spellings": [{"min": m, "lang": lang} for m in ("0", "1", "2") for lang in ("en", "ar")],
        "state-officials": [{"state": s} for s in states] + [{"state": states[0], "lang": "ar"}],
        "state-partners": state, "state-relations": state,
        "who-met-whom": [{}, OPEN, {"min": "2", **OPEN}, {**PERIOD, "limit": "7", "lang": "ru"}],
    }


def run(store, q, extra: dict):
    values = {p.name: p.example for p in q.params if p.example is not None}
    values.update(extra)
    return store.select(lib.bind(q, values))


def test_every_query_that_reads_the_digest_has_a_reference():
    reading = {name for name, q in lib.library().items() if "lg:digest" in q.text}
    assert reading <= set(NAMES), reading - set(NAMES)
    assert set(NAMES) <= set(lib.library())


@pytest.mark.parametrize("name", NAMES)
def test_same_rows_as_the_digest_free_query(generated, name):
    reference, named = lib.get(str(REFERENCE / f"{name}.rq")), lib.get(name)
    assert [p.name for p in reference.params] == [p.name for p in named.params]
    answered = 0
    for extra in cases(generated)[name]:
        expected = rows(run(generated, reference, extra))
        got = rows(run(generated, named, extra))
        assert got == expected, f"{name} {extra}"
        answered += bool(expected)
    assert answered >= 2, f"{name}: too few parameter sets with an answer to compare"
