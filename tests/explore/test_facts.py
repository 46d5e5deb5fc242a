"""explore.facts: the selection, and what is read from the store (on the hand-written fixture graph)."""
from __future__ import annotations

import pytest

from explore.facts import Selection, date_interval
from explore.labels import Labels
from explore_data import E1, E2, E3, E4, E5, E6, FOMIN, ID, MUNIR, SCRIPT
from legation.errors import ParameterError


def test_selection_normalises_and_expands():
    sel = Selection.make(states=["ru", "PK", "RU"], types=["consult", "friction"], since="2023", until="2024-02")
    assert sel.states == ("RU", "PK")
    assert sel.types[0] == "CONSULT"
    assert {"ACCUSE", "ASSAULT", "MOBILIZE", "SANCTION"} <= set(sel.types)
    assert "AGREE" not in sel.types
    assert sel.period() == ("2023-01-01", "2024-02-29")
    assert sel.describe() == "RU–PK, 2023 … 2024-02, " + "/".join(sel.types)


@pytest.mark.parametrize("kwargs", [
    {"states": ["XX"]}, {"states": ["Russia"]}, {"since": "2023-13"}, {"until": "2023-02-30"},
    {"since": "yesterday"}, {"types": ["HUG"]}, {"since": "2024", "until": "2023"},
])
def test_bad_selection_is_a_parameter_error(kwargs):
    with pytest.raises(ParameterError) as err:
        Selection.make(**kwargs)
    assert err.value.hint


def test_partial_dates_are_intervals():
    assert date_interval("2024") == ("2024-01-01", "2024-12-31")
    assert date_interval("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_interval("2023-11-13") == ("2023-11-13", "2023-11-13")
    assert date_interval(None) is None and date_interval("circa 2020") is None


def test_load_everything(load):
    facts = load()
    assert set(facts.events) == {E1, E2, E3, E4, E5, E6}
    e1 = facts.events[E1]
    assert e1.type == "CONSULT" and e1.polarity == "cooperation" and e1.meeting
    assert e1.date == "2023-11-13" and e1.place == ID + "place/islamabad"
    assert e1.states == ["PK", "RU"]
    assert e1.people == [MUNIR, FOMIN]
    assert e1.organizations == [ID + "org/sco"]
    assert e1.topics == [ID + "topic/military-cooperation"]
    assert [ev.sentence for ev in e1.evidence] == [
        f"Fomin met Munir {SCRIPT} in Islamabad for <b>bold</b> talks."]
    assert e1.evidence[0].lang == "en"
    assert facts.events[E3].date == "2024-02" and facts.events[E3].polarity == "friction"
    assert facts.events[E6].date is None and not facts.events[E2].meeting


def test_sources_people_statements(load):
    facts = load()
    a1 = facts.sources[ID + "article/a1"]
    assert (a1.headline, a1.publisher, a1.agency, a1.url, a1.published, a1.lang) == (
        f"Fomin <b>meets</b> Munir {SCRIPT}", "Wire & Co", "NGP", "https://news.example.org/a1", "2023-11-14", "en")
    assert facts.people[FOMIN].state == "RU"
    assert [p.label for p in facts.people[FOMIN].posts] == ["Deputy Minister of Defence of Russia"]
    assert facts.people[MUNIR].state == "PK"
    [st] = facts.statements
    assert (st.quote, st.lang, st.speaker, st.event) == ("Мы готовы к сотрудничеству", "ru", FOMIN, E1)
    sco = ID + "org/sco"
    assert {(link.org, link.state) for link in facts.org_links} == {(sco, c) for c in ("RU", "PK", "CN", "IN")}


@pytest.mark.parametrize("selection, expected", [
    ({"states": ["RU"]}, {E1, E2, E3, E4, E6}),
    ({"states": ["RU", "PK"]}, {E1, E2, E3}),
    ({"states": ["PK", "IN"]}, {E5}),
    ({"since": "2024"}, {E3, E4, E5}),
    ({"until": "2023-12"}, {E1, E2}),
    ({"since": "2024-02-15", "until": "2024-02-20"}, {E3}),   # "2024-02" covers the whole month
    ({"types": ["friction"]}, {E3, E5, E6}),
    ({"types": ["CONSULT", "AGREE"], "states": ["RU"]}, {E1, E2}),
    ({"states": ["CN", "IN"]}, set()),
])
def test_selection_filters(load, selection, expected):
    assert set(load(**selection).events) == expected


def test_labels_by_language(load):
    facts = load()
    ru = ID + "state/RU"
    assert [facts.label(ru, lang) for lang in ("en", "ar", "ru")] == ["Russia", "روسيا", "Россия"]
    assert [facts.label(FOMIN, lang) for lang in ("en", "ar", "ru")] == [
        "Alexander Fomin", "Alexander Fomin", "Александр Фомин"]
    # no label in the store: the reference tables, then the IRI's key
    assert facts.label(ID + "topic/counter-terrorism", "en") == "counter-terrorism"
    assert facts.label(ID + "state/IN", "ru") == "Индия"
    assert facts.label(ID + "place/nowhere-town", "en") == "Nowhere town"


def test_label_preferences():
    labels = Labels()
    x = ID + "person/X"
    labels.add(x, "Mohammad Ishaq Dar", "en")
    labels.add(x, "Ishaq Dar", "en")
    labels.add(x, "Ishak Dar", "ru-latn")
    labels.add(x, "Исхак Дар", "ru")
    assert labels.get(x, "en") == "Ishaq Dar"          # shortest of the same rank
    assert labels.get(x, "ru") == "Исхак Дар"
    assert labels.get(x, "ar") == "Ishaq Dar"          # English before a transliteration
    labels.add(x, "Dar", "en", rank=0)                 # a prefLabel wins within its language
    assert labels.get(x, "en") == "Dar"
