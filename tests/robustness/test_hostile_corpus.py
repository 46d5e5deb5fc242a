"""Hostile and broken input (issue 8): each case gives a correct ingest or one clear line naming the file and
the problem; the rest of the batch is ingested; the exit status says whether anything failed.

The cases are in ``robust_corpus.CASES`` (written into a temporary directory; the big ones, over the size limit
and a 50 MB single line, only where they are needed).
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from ingest.extract import extract
from ingest.readers import MAX_BYTES, list_files, read_path
from legation.errors import InputError
from legation.options import one_line
from robust_checks import check_article, check_offsets
from robust_corpus import CASES, LIMIT_MB, article, write_hostile_corpus

BY_NAME = {case.name: case for case in CASES}
HINT = re.compile(r" \(hint: [^()]*\)$")


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 40
    assert MAX_BYTES == LIMIT_MB * 1_000_000, "robust_corpus.LIMIT_MB must follow ingest.readers.MAX_BYTES"


def read_case(directory: Path, name: str) -> tuple[list, list[str]]:
    """(articles, error messages as the CLI prints them, without "Error: " and hint) of one case."""
    articles, errors = [], []
    for item in read_path(directory / name):
        if isinstance(item, InputError):
            errors.append(one_line(str(item)))
        else:
            articles.append(item)
    return articles, errors


@pytest.mark.parametrize("name", [c.name for c in CASES if not c.big], ids=lambda n: one_line(n))
def test_each_case_reads_to_articles_or_clear_errors(hostile_corpus, name, counting_server):
    case = BY_NAME[name]
    started = time.monotonic()
    articles, errors = read_case(hostile_corpus, name)
    for message in errors:                                 # one line, naming the file, then the problem
        assert "\n" not in message
        assert message.startswith(one_line(str(hostile_corpus / name))), message
        assert len(message) < 600, message
    if case.articles is not None:
        assert len(articles) == case.articles, f"{case.what}: {len(articles)} articles, errors: {errors}"
    if case.errors is not None:
        assert len(errors) == len(case.errors), f"{case.what}: errors {errors}"
        for pattern, message in zip(case.errors, errors):
            assert re.search(pattern, message), f"{case.what}: {message!r} does not match {pattern!r}"
    assert articles or errors, f"{case.what}: neither an article nor an error"
    for a in articles:
        check_article(a)
        check_offsets(extract(a))
    if case.check:
        case.check(articles)
    assert time.monotonic() - started < 30, f"{case.what}: took {time.monotonic() - started:.0f} s"
    assert counting_server.requests == [], f"reading fetched {counting_server.requests}"


def test_big_files_are_refused_without_reading_them(tmp_path):
    cases = [c for c in CASES if c.big]
    for case in cases:
        case.make(tmp_path / case.name)
    for case in cases:
        started = time.monotonic()
        articles, errors = read_case(tmp_path, case.name)
        assert not articles and len(errors) == len(case.errors) == 1
        assert re.search(case.errors[0], errors[0]), errors
        assert time.monotonic() - started < 1, f"{case.what}: read instead of refused at once"


def _expected(directory: Path) -> tuple[set[str], list[str]]:
    """Article ids and error lines of a directory, read in this process file by file as ingest does (the CLI
    must give the same)."""
    ids, errors = set(), []
    for path in list_files([directory]):
        for item in [path] if isinstance(path, InputError) else read_path(path):
            if isinstance(item, InputError):
                errors.append(one_line(str(item)))
            else:
                ids.add(item.id)
    return ids, errors


def test_batch_goes_on_past_every_bad_file(tmp_path, cli, counting_server):
    """The whole corpus (big files too) in one `legation ingest`: every bad case one line, every good article
    stored, exit status 1; nothing fetched from the URLs the feeds name; a second run changes nothing."""
    corpus = tmp_path / "corpus"
    write_hostile_corpus(corpus, big=True, url=counting_server.url)
    ids, expected_errors = _expected(corpus)
    declared = sum(c.articles or 0 for c in CASES)
    assert len(ids) >= declared
    requests_before = len(counting_server.requests)

    store = tmp_path / "store"
    run = cli("ingest", corpus, "--store", store, "-q")
    assert run.code == 1
    printed = [HINT.sub("", line[len("Error: "):]) for line in run.error_lines]
    assert sorted(printed) == sorted(expected_errors), "\n".join(
        [f"unexpected: {p}" for p in printed if p not in expected_errors]
        + [f"missing: {e}" for e in expected_errors if e not in printed])
    other = [line for line in run.err.splitlines() if line and not line.startswith("Error:")]
    assert len(other) == 1 and re.match(rf"{len(ids)} articles added, 0 unchanged, {len(expected_errors)} failed",
                                        other[0]), run.err[-2000:]
    assert counting_server.requests[requests_before:] == [], "a feed made legation fetch a URL"

    stats = cli("stats", "--store", store, "--format", "json")
    assert stats.code == 0 and stats.json()["articles"] == len(ids)
    dump = cli("export", "--store", store, "--format", "nq")
    assert dump.code == 0
    assert "LEAKED-FROM-SERVER" not in dump.out and "root:x:0:0" not in dump.out
    assert not re.search(r"^<https://evil\.example/x>|<https://evil\.example/x> <[^>]*> \.$", dump.out, re.M), \
        "text that looks like N-Quads became a triple"
    assert "lol" * 10 not in dump.out

    again = cli("ingest", corpus, "--store", store, "-q")
    assert again.code == 1
    assert f"0 articles added, {len(ids)} unchanged, {len(expected_errors)} failed" in again.err
    assert cli("stats", "--store", store, "--format", "json").json() == stats.json()


def test_exit_status_zero_when_nothing_failed(tmp_path, cli):
    corpus = tmp_path / "good"
    corpus.mkdir()
    for name in ("utf16le-bom.txt", "ar-windows-1256.txt", "ru-koi8r.txt", "ru-windows-1251.txt", "bidi-marks.txt",
                 "zero-width.txt", "long-names.txt", "year-9999.jsonl", "feed-cdata-script.rss", "malformed.html"):
        (corpus / name).write_bytes(BY_NAME[name].data)
    run = cli("ingest", corpus, "--store", tmp_path / "store", "-q")
    assert run.code == 0, run.err
    assert run.error_lines == []
    assert "10 articles added, 0 unchanged, 0 failed" in run.err


def test_a_missing_path_is_one_line_and_the_others_are_ingested(tmp_path, cli):
    good = tmp_path / "good.txt"
    good.write_text(article("en", 1), encoding="utf-8")
    run = cli("ingest", tmp_path / "missing.txt", good, "--store", tmp_path / "store", "-q")
    assert run.code == 1
    assert len(run.error_lines) == 1 and "missing.txt: no such file or directory" in run.error_lines[0]
    assert "1 articles added" in run.err
