"""Identity across articles and languages, provenance, removal and re-ingest (issue: one node per real thing).

The fixture articles (tests/ingest/fixtures/identity) were written for these tests: one round of consultations
reported in English, Arabic and Russian, a later round, a namesake in another state, two rounds of a committee
in different years, and a post named without its holder. Each test runs on the embedded store and on Virtuoso.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_store import StoreConfig, open_store
from legation.ingesting import ingest, remove
from legation.stats import stats
from ontology import ID_BASE
from servers import server_store

FIX = Path(__file__).parent / "fixtures" / "identity"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
LG = "https://w3id.org/legation/ontology#"
GAF = "http://groundedannotationframework.org/gaf#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


@pytest.fixture(params=["embedded", pytest.param("virtuoso", marks=pytest.mark.server)])
def store(request):
    """An empty store: the embedded one, and Virtuoso — where identities are looked up by SPARQL queries to a
    server that evaluates fewer query shapes than Oxigraph (the session's server, emptied of our graphs)."""
    if request.param == "embedded":
        s = open_store(StoreConfig(path=None))
    else:
        s = server_store(request.getfixturevalue("virtuoso_server"))
        s.clear()
    yield s
    s.close()


def _ingest(store, *names):
    report = ingest(store, [str(FIX / n) for n in names])
    assert report.ok, report.failed
    return report


def rows(store, query):
    return [tuple(str(t) if t is not None else None for t in r) for r in store.select(query).rows]


def consultations(store):
    return rows(store, f"""
        SELECT ?e (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?m) AS ?mentions) WHERE {{
          ?e <{LG}eventType> <{ID_BASE}plover/CONSULT> ; <{SEM}hasActor> <{ID_BASE}state/RU>, <{ID_BASE}state/PK> ;
             <{SEM}hasTimeStamp> ?d ; <{GAF}denotedBy> ?m . ?m <{LG}inArticle> ?a .
          FILTER(STR(?d) = "2025-02-18")
        }} GROUP BY ?e""")


def person_labels(store, surname_key):
    return rows(store, f"""
        SELECT ?p ?label WHERE {{ ?p a <{LG}Person> ; <{RDFS}label> ?label ; <{LG}nameKey> ?k .
          FILTER(STRENDS(?k, "{surname_key}")) }} ORDER BY ?label""")


def test_one_event_reported_in_three_languages_is_one_node_with_three_articles(store):
    _ingest(store, "en.txt", "ar.txt", "ru.txt")
    found = consultations(store)
    assert len(found) == 1, found
    event, articles, mentions = found[0]
    assert int(articles) == 3
    assert int(mentions) >= 3


def test_one_person_node_with_arabic_cyrillic_and_latin_labels(store):
    _ingest(store, "en.txt", "ar.txt", "ru.txt")
    labels = person_labels(store, "krnlf")
    people = {p for p, _ in labels}
    assert people == {f"{ID_BASE}person/RU-a.krnlf"}, labels
    texts = [label for _, label in labels]
    assert any("كورنيلوف" in t for t in texts)          # Arabic script
    assert any("Корнилов" in t for t in texts)          # Cyrillic
    assert "Igor Kornilov" in texts                     # Latin, as the English article spells it


def test_namesake_in_another_state_stays_apart(store):
    _ingest(store, "en.txt", "namesake-en.txt")
    people = {p for p, _ in person_labels(store, "krnlf")}
    assert people == {f"{ID_BASE}person/RU-a.krnlf", f"{ID_BASE}person/UA-a.krnlf"}


def test_rounds_of_a_committee_in_different_years_stay_apart(store):
    _ingest(store, "round-2021-en.txt", "round-2023-en.txt")
    found = rows(store, f"""SELECT DISTINCT ?e ?d WHERE {{ ?e <{LG}eventType> <{ID_BASE}plover/CONSULT> ;
        <{SEM}hasActor> <{ID_BASE}state/RU> ; <{SEM}hasTimeStamp> ?d }} ORDER BY ?d""")
    assert [d for _, d in found] == ["2021-09-29", "2023-11-14"]
    assert found[0][0] != found[1][0]


def test_reingesting_changes_nothing(store):
    first = _ingest(store, "en.txt", "ar.txt", "ru.txt")
    before = stats(store)
    again = _ingest(store, "en.txt", "ar.txt", "ru.txt")
    assert first.added == 3 and again.added == 0 and again.unchanged == 3
    assert stats(store) == before


def test_remove_takes_away_exactly_what_only_that_article_attested(store):
    _ingest(store, "en.txt", "ar.txt", "ru.txt")
    before = stats(store)
    ar_id = rows(store, f"""SELECT ?a WHERE {{ ?a <https://schema.org/inLanguage> "ar" }}""")[0][0].rsplit("/", 1)[-1]
    assert remove(store, ar_id)
    after = stats(store)
    assert after["articles"] == before["articles"] - 1
    # the event is still there, now attested by two articles
    (event, articles, _), = consultations(store)
    assert int(articles) == 2
    # the person is still there, without the Arabic label only that article gave
    texts = [label for _, label in person_labels(store, "krnlf")]
    assert "Igor Kornilov" in texts and not any("كورنيلوف" in t for t in texts)
    assert not remove(store, ar_id)      # already gone


def test_membership_interval_grows_with_the_articles_that_attest_it(store):
    _ingest(store, "en.txt", "later-en.txt")
    found = rows(store, f"""SELECT DISTINCT ?start ?end WHERE {{
        ?m <http://www.w3.org/ns/org#member> <{ID_BASE}person/RU-a.krnlf> ;
           <http://www.w3.org/ns/org#memberDuring> ?i .
        ?i <http://www.w3.org/2006/time#hasBeginning>/<http://www.w3.org/2006/time#inXSDDate> ?start ;
           <http://www.w3.org/2006/time#hasEnd>/<http://www.w3.org/2006/time#inXSDDate> ?end }}""")
    assert found == [("2025-02-18", "2026-06-10")]


def test_a_post_named_without_its_holder_resolves_to_the_holder_at_that_date(store):
    _ingest(store, "en.txt", "later-en.txt", "unnamed-en.txt")
    found = rows(store, f"""SELECT ?m WHERE {{ <{ID_BASE}person/RU-a.krnlf> <{GAF}denotedBy> ?m .
        ?m <{LG}inArticle> ?a . ?a <https://schema.org/datePublished> ?d . FILTER(STR(?d) = "2026-03-03") }}""")
    assert found, "the deputy foreign minister of 3 March 2026 should be Igor Kornilov"


def test_stats_report_distinct_things(store):
    _ingest(store, "en.txt", "ar.txt", "ru.txt")
    s = stats(store)
    for key in ("articles", "triples", "mentions", "events", "people", "states", "organizations"):
        assert key in s
    assert s["articles"] == 3
    assert s["people"] == 2          # Kornilov and Baloch, each one node across three languages
    assert s["states"] >= 3          # RU, PK, AF


def test_a_deputy_post_named_without_its_holder_never_resolves_to_the_head_of_the_post():
    from ingest.model import Official
    from ingest.resolve import Resolver
    minister = Official(name="", state="RU", position="Minister of Defence", role="minister", portfolio="defence")
    deputy = Official(name="", state="RU", position="Deputy Minister of Defence", role="minister",
                      portfolio="defence")
    resolver = Resolver(None)                      # the table of well-known office-holders only
    assert resolver._holder(minister, "2021-09-29") is not None
    assert resolver._holder(deputy, "2021-09-29") is None


def test_a_post_that_refers_back_to_the_official_the_article_named_adds_nobody(store, tmp_path):
    text = ("Russian Deputy Minister of Defence Pavel Orlov held talks with Pakistani officials in Islamabad on "
            "Monday.\n\nThe Russian Deputy Minister of Defence said the two armies would hold a joint exercise.\n"
            "The Pakistani Foreign Minister did not comment.\n")
    path = tmp_path / "refers-back-en.txt"
    path.write_text("Russian and Pakistani officials meet\n3 March 2026\n\n" + text, encoding="utf-8")
    report = ingest(store, [str(path)])
    assert report.ok, report.failed
    people = rows(store, f"SELECT DISTINCT ?p WHERE {{ ?e <{SEM}hasActor> ?p . ?p a <{LG}Person> }}")
    assert [p.rsplit("/", 1)[-1] for (p,) in people] == ["RU-b.rlf"], people
