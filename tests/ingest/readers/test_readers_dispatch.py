"""read_path / read_paths: directories, dispatch by content, the reader registry, and robustness."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.model import Article
from ingest.readers import read_bytes, read_path, read_paths, reader_names
from ingest.readers.registry import choose_reader, get_reader
from legation.errors import ConfigError, InputError

FIXTURES = Path(__file__).parent / "fixtures"


def test_registry():
    assert sorted(reader_names()) == ["feed", "html", "jsonl", "text"]
    for name in reader_names():
        module = get_reader(name)
        assert callable(module.read) and callable(module.sniff)
    with pytest.raises(ConfigError):
        get_reader("pdf")


@pytest.mark.parametrize("data, path, expected", [
    (b"<?xml version='1.0'?>\n<rss version='2.0'>", "a.txt", "feed"),
    (b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>", "a.html", "feed"),
    (b"<?xml version='1.0'?><!-- c --><!DOCTYPE rss [ ]><rss>", "noext", "feed"),
    ("<?xml version='1.0'?><rss>".encode("utf-16"), "x", "feed"),
    (b"<!DOCTYPE html><html><body>", "page.xml", "html"),
    (b"  <html lang='ar'>", "page", "html"),
    (b'{"text": "x"}', "a.txt", "jsonl"),
    (b'[{"text": "x"}]', "a", "jsonl"),
    (b"<p>fragment</p>", "frag.htm", "html"),
    (b"<item>?</item>", "feed.rss", "feed"),
    (b"Plain headline\n\nBody.", "a.json", "jsonl"),       # nothing clear in the content: the extension
    (b"Plain headline\n\nBody.", "a.md", "text"),
    (b"Plain headline\n\nBody.", "a", "text"),
])
def test_choose_reader(data, path, expected):
    assert choose_reader(data, path) == expected


def test_directory_is_walked_in_sorted_order_and_hidden_files_are_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Второй\n\nТекст.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First\n\nBody.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Third"}\n{"text": "Fourth"}\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nBody.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = list(read_path(tmp_path))
    assert [i.title if isinstance(i, Article) else i.problem for i in items] == [
        "First", "Второй", None, None, "binary content, not text"]
    assert [i.text for i in items[2:4]] == ["Third", "Fourth"]
    assert items[1].path == str(tmp_path / "b" / "2.txt")


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    [err] = read_path(missing)
    assert isinstance(err, InputError)
    assert err.problem == "no such file or directory" and err.path == str(missing)


def test_broken_symlink(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    [err] = read_path(tmp_path / "link.txt")
    assert err.problem == "no such file or directory"


def test_read_paths_chains(tmp_path):
    items = list(read_paths([FIXTURES / "text" / "ru-tass.txt", tmp_path / "missing",
                             FIXTURES / "feed" / "en-rss.xml"]))
    assert [type(i) for i in items] == [Article, InputError, Article]


def test_format_can_be_forced(tmp_path):
    path = tmp_path / "looks-like.html"
    path.write_text("<html><body><p>Headline</p></body></html>", encoding="utf-8")
    [art] = read_path(path, format="text")
    assert art.text.startswith("<html>")
    with pytest.raises(ConfigError):
        list(read_path(path, format="docx"))


def test_not_a_regular_file(tmp_path):
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    [err] = read_path(fifo)
    assert err.problem == "not a regular file"


_SUFFIXES = st.sampled_from([".txt", ".html", ".xml", ".jsonl", ".json", ""])
_PREFIXES = st.sampled_from(["", "<rss version='2.0'><channel><item><title>", "<html><body><p>", '{"text": "',
                             "[", "Ru En\n\n", "الأربعاء ٢٩ أيلول ٢٠٢١\n", "МОСКВА, 29 сентября. /ТАСС/. "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), prefix=_PREFIXES, suffix=_SUFFIXES)
def test_any_text_never_raises(text, prefix, suffix):
    """Any Unicode text, as UTF-8 bytes, gives Articles or InputErrors and never an exception."""
    data = (prefix + text).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_path(path))
    assert items and all(isinstance(i, (Article, InputError)) for i in items)
    for item in items:
        if isinstance(item, Article):
            assert 0 <= item.body_start <= item.body_end <= len(item.text)
            assert item.lang in ("ar", "ru", "en")


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=400), suffix=_SUFFIXES)
def test_any_bytes_never_raise(data, suffix):
    items = list(read_bytes(data, f"input{suffix}"))
    assert items and all(isinstance(i, (Article, InputError)) for i in items)
