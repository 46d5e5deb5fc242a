"""The spine, end to end as a user runs it (issue 2's done-when): the seed article (Arabic) is ingested into a
fresh store; the named queries then show the Russia–Pakistan meeting in Islamabad on 2021-09-29 with Alexander
Fomin, Deputy Minister of Defence of Russia, and its topics; ``legation validate`` says the store conforms.

What is expected comes from the seed's gold file (../shared/eval/dev), not from the extractor's output. Without
../shared these tests skip — or fail, when LEGATION_REQUIRE_SHARED=1.
"""
from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest
import yaml

from user_cli import REQUIRE_SHARED, SEED, SEED_GOLD_DIR, rel, require_shared

STATE_NAMES = {"RU": "Russia", "PK": "Pakistan"}


def _rows(run) -> list[dict[str, str]]:
    """The bindings of a ``--format json`` query result as plain strings."""
    data = run.ok().json()
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def _split(value: str) -> list[str]:
    return [x for x in (value or "").split("; ") if x]


@pytest.fixture(scope="module")
def gold() -> dict:
    require_shared(SEED, SEED_GOLD_DIR)
    for path in sorted(SEED_GOLD_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if (path.parent / data["text_file"]).resolve() == SEED.resolve():
            return data
    pytest.fail(f"no gold file in {SEED_GOLD_DIR} annotates {SEED.name}")


@pytest.fixture(scope="module")
def consult(gold) -> dict:
    """The gold meeting (the CONSULT event) of the seed."""
    meetings = [e for e in gold["events"] if e["type"] == "CONSULT"]
    assert len(meetings) == 1, meetings
    return meetings[0]


@pytest.fixture(scope="module")
def seed(tmp_path_factory, cli, gold) -> SimpleNamespace:
    """A fresh store holding the seed article only, ingested by path relative to the repository root."""
    store = tmp_path_factory.mktemp("spine") / "store"
    ingest = cli("ingest", rel(SEED), "--store", store)
    record = json.loads(cli("extract", rel(SEED), "--format", "jsonl").ok().lines[0])
    return SimpleNamespace(store=store, ingest=ingest, record=record, text=SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def meeting(seed, consult, cli) -> dict[str, str]:
    """The meetings-between row of the gold meeting's date."""
    a, b = consult["states"]
    rows = _rows(cli("query", "meetings-between", "--param", f"a={a}", "--param", f"b={b}",
                     "--store", seed.store, "--format", "json"))
    on_the_day = [r for r in rows if r["date"] == str(consult["date"])]
    assert len(on_the_day) == 1, f"expected one meeting of {a} and {b} on {consult['date']}, got {rows}"
    return on_the_day[0]


def test_ingest_adds_the_seed_article_to_a_fresh_store(seed, cli):
    assert seed.ingest.code == 0, str(seed.ingest)
    assert "1 articles added, 0 unchanged, 0 failed" in seed.ingest.err
    assert seed.ingest.error_lines == []
    counts = cli("stats", "--store", seed.store, "--format", "json").ok().json()
    assert counts["articles"] == 1
    assert counts["states"] == len(set(seed.record["states"])) > 0


def test_meetings_between_shows_the_meeting_in_islamabad_with_fomin(meeting, consult):
    assert meeting["place"] == consult["place"]
    people = _split(meeting["people"])
    assert sorted(people) == sorted(consult["people"])   # and nobody the article does not name
    assert meeting["sources"] == "1"                      # one article reports it


def test_the_meeting_is_about_what_the_article_says_was_discussed(meeting, consult):
    """The situation in Afghanistan is discussed in sentences of their own, which name no party."""
    assert set(consult["topics"]) <= set(_split(meeting["topics"]))


def test_the_meetings_topics_are_topics_of_the_article(meeting, consult, gold):
    topics = _split(meeting["topics"])
    assert topics, "the meeting shows no topics"
    assert set(topics) & set(consult["topics"]), f"none of the gold meeting topics {consult['topics']} in {topics}"
    unexpected = set(topics) - set(gold["topics"]) - set(consult["topics"])
    assert not unexpected, f"topics the article does not discuss: {unexpected}"


def test_meetings_between_takes_the_states_in_either_order_and_filters_by_period(seed, consult, meeting, cli):
    a, b = consult["states"]
    day = dt.date.fromisoformat(str(consult["date"]))

    def events(*params):
        args = [x for p in params for x in ("--param", p)]
        rows = _rows(cli("query", "meetings-between", *args, "--store", seed.store, "--format", "json"))
        return {r["event"] for r in rows}

    assert meeting["event"] in events(f"a={b}", f"b={a}")
    assert meeting["event"] in events(f"a={a}", f"b={b}", f"since={day}", f"until={day}")
    assert meeting["event"] not in events(f"a={a}", f"b={b}", f"until={day - dt.timedelta(days=1)}")
    assert meeting["event"] not in events(f"a={a}", f"b={b}", f"since={day + dt.timedelta(days=1)}")


def test_the_dyad_timeline_lists_every_gold_event_of_the_pair(seed, gold, consult, cli):
    a, b = consult["states"]
    rows = _rows(cli("query", "dyad-timeline", "--param", f"a={a}", "--param", f"b={b}",
                     "--store", seed.store, "--format", "json"))
    shown = {(r["eventType"], r["date"], r["place"]) for r in rows}
    for event in gold["events"]:
        if {a, b} <= set(event["states"]):
            assert (event["type"], str(event["date"]), event["place"]) in shown


def test_state_officials_show_fomin_as_deputy_minister_of_defence_of_russia(seed, gold, cli):
    official = next(o for o in gold["officials"] if o["state"] == "RU")
    rows = _rows(cli("query", "state-officials", "--param", f"state={official['state']}",
                     "--store", seed.store, "--format", "json"))
    his = [r for r in rows if r["name"] == official["name"]]
    assert his, f"{official['name']} not among the officials of {official['state']}: {rows}"
    posts = {r["postName"] for r in his}
    assert f"{official['position']} of {STATE_NAMES[official['state']]}" in posts
    assert {(r["from"], r["to"]) for r in his} == {(str(gold["published"]), str(gold["published"]))}


@pytest.mark.parametrize("spelling", ["latin", "native"])
def test_person_events_find_fomin_at_the_meeting_by_his_name(seed, meeting, cli, spelling):
    official = seed.record["officials"][0]
    surname = (official["name"] if spelling == "latin" else official["native"]).split()[-1]
    rows = _rows(cli("query", "person-events", "--param", f"name={surname}", "--store", seed.store,
                     "--format", "json"))
    assert meeting["event"] in {r["event"] for r in rows}, f"name={surname}: {rows}"
    assert {r["personName"] for r in rows} == {official["name"]}


def test_event_sources_trace_the_meeting_to_sentences_of_the_seed(seed, meeting, gold, cli):
    event_id = meeting["event"].rsplit("/", 1)[-1]
    rows = _rows(cli("query", "event-sources", "--param", f"event={event_id}", "--store", seed.store,
                     "--format", "json"))
    assert rows, "the meeting has no sources"
    for row in rows:
        assert row["article"].endswith("/" + seed.record["id"])
        assert row["published"] == str(gold["published"])
        assert row["language"] == gold["lang"]
        assert row["headline"] == seed.record["title"]
        begin, end = int(row["begin"]), int(row["end"])
        assert seed.text[begin:end] == row["passage"], "offsets do not point at the passage in the article"
        assert row["passage"] in row["sentence"]
        assert row["sentence"] in seed.text


def test_validate_says_the_store_conforms(seed, cli):
    text = cli("validate", "--store", seed.store)
    assert text.code == 0, str(text)
    assert "conforms: 0 violation(s)" in text.err
    report = cli("validate", "--store", seed.store, "--format", "json").ok().json()
    assert report == {"conforms": True, "violations": []}


def test_validate_exits_1_on_a_store_that_does_not_conform(tmp_path, cli):
    """The contrast that gives the test above its meaning: an event without type, date, actors or source."""
    from graph_store import StoreConfig, open_store

    store_dir = tmp_path / "store"
    event = "https://w3id.org/legation/id/event/broken"
    store = open_store(StoreConfig(path=str(store_dir)))
    try:
        store.put_graph("https://w3id.org/legation/id/graph/article/broken",
                        f"<{event}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                        f"<https://w3id.org/legation/ontology#Event> .\n")
    finally:
        store.close()
    text = cli("validate", "--store", store_dir)
    assert text.code == 1, str(text)
    assert "does not conform" in text.err
    report = cli("validate", "--store", store_dir, "--format", "json")
    assert report.code == 1
    data = report.json()
    assert data["conforms"] is False
    assert event in {v["focus"] for v in data["violations"]}


def test_a_missing_shared_file_skips_unless_ci_requires_it(monkeypatch, tmp_path):
    missing = tmp_path / "shared" / "corpus" / "gone.txt"
    monkeypatch.delenv(REQUIRE_SHARED, raising=False)
    with pytest.raises(pytest.skip.Exception, match="gone.txt"):
        require_shared(missing)
    monkeypatch.setenv(REQUIRE_SHARED, "1")
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE_SHARED}=1 .*gone.txt"):
        require_shared(missing)
