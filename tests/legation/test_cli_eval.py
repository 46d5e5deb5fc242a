"""``legation eval GOLD_DIR``: precision, recall and F1 per kind and per language, as a table or as JSON
(``--format json``, ``--per-article``), with ``--min KIND=F1`` gates; on the team's dev gold (tests/gold/dev,
36 articles) and on the shared seed gold, where its figures must be the shared scorer's."""
from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from user_cli import SEED_GOLD_DIR, TEAM_GOLD, parse_score_table, rel

BASE_KINDS = ("states", "officials", "organizations", "events", "topics")
DERIVED = {"officials": ("positions",), "events": ("event_links", "event_dates", "event_places")}
# kind -> the contract key whose length is the kind's gold (and predicted) count
COUNTED = {"states": "states", "officials": "officials", "positions": "officials", "organizations": "organizations",
           "events": "events", "event_links": "events", "topics": "topics"}


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    """The team's gold files, in the order eval reads them (sorted), each with its annotated kinds."""
    out = []
    for path in sorted(TEAM_GOLD.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        annotated = gold.get("scored") or [k for k in BASE_KINDS if k in gold]
        gold["_kinds"] = {k for kind in annotated for k in (kind, *DERIVED.get(kind, ()))}
        gold["_text"] = (path.parent / gold["text_file"]).resolve()
        out.append(gold)
    assert out, f"no gold in {TEAM_GOLD}"
    return out


@pytest.fixture(scope="module")
def table(cli):
    return parse_score_table(cli("eval", rel(TEAM_GOLD)).ok().out)


@pytest.fixture(scope="module")
def as_json(cli):
    return cli("eval", rel(TEAM_GOLD), "--format", "json").ok().json()


def _expected_counts(golds, records=None) -> dict[str, dict[str, int]]:
    """Gold counts per scope and kind from the gold files — or, given the contract records of the same articles,
    predicted counts."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for i, gold in enumerate(golds):
        source = gold if records is None else records[i]
        for kind, key in COUNTED.items():
            if kind in gold["_kinds"]:
                for scope in ("all", gold["lang"]):
                    counts[scope][kind] += len(source.get(key) or [])
    return counts


def test_help_names_the_json_option():
    """The option the tests below rely on is the one --help documents."""
    from click.testing import CliRunner

    from legation.cli import cli as group
    out = CliRunner().invoke(group, ["eval", "--help"]).output
    assert "--format [table|json]" in out


def test_the_table_has_every_kind_overall_and_per_language(table, golds):
    assert set(table) == {"all"} | {g["lang"] for g in golds} == {"all", "ar", "ru", "en"}
    for lang in ("all", "ar", "ru", "en"):
        expected = set().union(*(g["_kinds"] for g in golds if lang in ("all", g["lang"])))
        assert set(table[lang]) == expected, lang


def test_json_gives_the_same_figures_as_the_table(table, as_json, golds):
    assert as_json["articles"] == len(golds) == 36
    assert as_json["scores"] == table


def test_json_figures_are_precision_recall_and_f1_of_their_counts(as_json):
    for scope, kinds in as_json["scores"].items():
        for kind, v in kinds.items():
            tp, ng, npred = v["tp"], v["gold"], v["pred"]
            assert 0 <= tp <= min(ng, npred), (scope, kind, v)
            p = tp / npred if npred else (1.0 if not ng else 0.0)
            r = tp / ng if ng else 1.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            assert (v["precision"], v["recall"], v["f1"]) == (round(p, 3), round(r, 3), round(f, 3)), (scope, kind)


def test_overall_counts_are_the_sums_of_the_languages(as_json):
    scores = as_json["scores"]
    for kind, v in scores["all"].items():
        for field in ("tp", "gold", "pred"):
            assert v[field] == sum(scores[lang][kind][field] for lang in ("ar", "ru", "en") if kind in scores[lang])


def test_gold_counts_are_those_of_the_gold_files(as_json, golds):
    expected = _expected_counts(golds)
    for scope, kinds in expected.items():
        for kind, n in kinds.items():
            assert as_json["scores"][scope][kind]["gold"] == n, (scope, kind)


@pytest.fixture(scope="module")
def small_gold(tmp_path_factory, golds) -> Path:
    """A gold folder of three of the team's articles, one per language, copied with their texts (a gold folder
    of one's own, as a user would write)."""
    directory = tmp_path_factory.mktemp("gold") / "mine"
    (directory / "texts").mkdir(parents=True)
    for lang in ("ar", "ru", "en"):
        gold = next(g for g in golds if g["lang"] == lang)
        shutil.copy(gold["_text"], directory / "texts" / gold["_text"].name)
        data = {k: v for k, v in gold.items() if not k.startswith("_")}
        data["text_file"] = f"texts/{gold['_text'].name}"
        (directory / f"{gold['id']}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def small(small_gold, golds, cli) -> dict:
    return cli("eval", small_gold, "--format", "json", "--per-article").ok().json()


def _golds_of(directory: Path, golds: list[dict]) -> list[dict]:
    ids = {p.stem for p in directory.glob("*.yaml")}
    return sorted((g for g in golds if g["id"] in ids), key=lambda g: g["id"])


def test_predicted_counts_are_those_legation_extract_prints(small_gold, small, golds, cli):
    """eval scores what `legation extract --format jsonl` prints for the same articles."""
    mine = _golds_of(small_gold, golds)
    result = cli("extract", *(rel(g["_text"]) for g in mine), "--format", "jsonl").ok()
    records = [json.loads(line) for line in result.lines]
    assert len(records) == len(mine) == small["articles"] == 3
    expected = _expected_counts(mine, records)
    for scope, kinds in expected.items():
        for kind, n in kinds.items():
            assert small["scores"][scope][kind]["pred"] == n, (scope, kind)
    gold_counts = _expected_counts(mine)
    for scope, kinds in gold_counts.items():
        for kind, n in kinds.items():
            assert small["scores"][scope][kind]["gold"] == n, (scope, kind)


def test_per_article_counts_add_up_to_the_totals(small_gold, small, golds):
    per = small["per_article"]
    assert set(per) == {g["id"] for g in _golds_of(small_gold, golds)}
    for kind, v in small["scores"]["all"].items():
        assert [v["tp"], v["gold"], v["pred"]] == [sum(counts[kind][i] for counts in per.values() if kind in counts)
                                                   for i in range(3)], kind


def test_per_article_is_only_given_when_asked(as_json):
    assert set(as_json) == {"articles", "scores", "agreement"}


def test_min_gates_on_the_overall_f1(small_gold, small, cli):
    overall = small["scores"]["all"]
    states, events = overall["states"]["f1"], overall["events"]["f1"]
    passed = cli("eval", small_gold, "--min", f"states={states - 0.01:.3f}", "--min", f"events={events:.3f}")
    assert passed.code == 0, str(passed)
    failed = cli("eval", small_gold, "--min", f"states={states - 0.01:.3f}", "--min", f"events={events + 0.01:.3f}")
    assert failed.code == 1, str(failed)
    assert "below threshold: events F1" in failed.err and "states F1" not in failed.err
    assert parse_score_table(failed.out) == parse_score_table(passed.out)      # the figures are still printed


def test_figures_agree_with_the_shared_scorer_on_the_seed(shared_scorer, cli):
    _, scorer_table, scorer_json = shared_scorer(SEED_GOLD_DIR)
    assert cli("eval", rel(SEED_GOLD_DIR), "--format", "json").ok().json()["scores"] == scorer_json
    assert parse_score_table(cli("eval", rel(SEED_GOLD_DIR)).ok().out) == scorer_table


def test_figures_agree_with_the_shared_scorer_on_the_team_gold(shared_scorer, table, as_json):
    _, scorer_table, scorer_json = shared_scorer(TEAM_GOLD)
    assert as_json["scores"] == scorer_json
    assert table == scorer_table


def test_versions_of_one_story_are_compared_with_the_english_one(small_gold, cli, as_json):
    """Articles sharing a gold ``group`` are one story in several languages: eval gives, per language, the
    mean Jaccard index of the states and typed events extracted against the English version's."""
    directory = small_gold.parent / "grouped"
    directory.mkdir()
    story = {"en": "Russia and Pakistan held talks in Islamabad on Monday. Russia signed an agreement with Iran.",
             "ru": "Россия и Пакистан провели переговоры в Исламабаде в понедельник."}
    for lang, text in story.items():
        (directory / f"s-{lang}.txt").write_text(text + "\n", encoding="utf-8")
        (directory / f"s-{lang}.yaml").write_text(yaml.safe_dump(
            {"id": f"s-{lang}", "lang": lang, "text_file": f"s-{lang}.txt", "published": "2024-03-12",
             "group": "talks", "states": ["RU", "PK"]}, allow_unicode=True), encoding="utf-8")
    out = cli("eval", str(directory), "--format", "json").ok().json()
    # en: {RU, PK, IR}, CONSULT RU-PK and SUPPORT IR-RU; ru: {RU, PK}, CONSULT RU-PK
    assert out["agreement"] == {"ru": {"states": round(2 / 3, 3), "events": 0.5, "groups": 1}}
    lines = [line for line in cli("eval", str(directory)).ok().out.splitlines() if line.startswith("agreement:")]
    assert len(lines) == 1 and "ru" in lines[0] and "0.667" in lines[0] and "0.500" in lines[0], lines
    assert set(as_json["agreement"]) == {"ar", "ru"}      # the team's gold has stories told in three languages
