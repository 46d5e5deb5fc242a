"""HTML pages through trafilatura: title, main text, date, site name; nothing fetched, nothing crashes."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest.model import Article
from ingest.readers import read_bytes, read_path
from legation.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("name, lang, title, published, publisher, source, first_words, url", [
    ("ar-page.html", "ar", "الجزائر وروسيا توقعان مذكرة تفاهم في مجال الطاقة", "2021-12-07", "شبكة الخبر", None,
     "وقّعت الجزائر وروسيا", "https://news.example.org/ar/2021/12/07/algeria-russia-energy"),
    ("ru-page.html", "ru", "Россия и Индия провели переговоры по военно-техническому сотрудничеству",
     "2021-12-06", "Вестник", "ТАСС", "НЬЮ-ДЕЛИ, 6 декабря. /ТАСС/.", None),
    ("en-page.html", "en", "Turkey and Azerbaijan hold joint military drills near the Caspian", "2021-09-06",
     "Daily Monitor", "Reuters", "BAKU, Sept 6 (Reuters) -",
     "https://monitor.example.com/world/turkey-azerbaijan-drills"),
], ids=["ar", "ru", "en"])
def test_html_fixtures(name, lang, title, published, publisher, source, first_words, url):
    art = only(read_path(FIXTURES / name))
    assert isinstance(art, Article)
    assert (art.lang, art.title, art.published, art.publisher, art.source, art.url) == (
        lang, title, published, publisher, source, url)
    assert art.text.startswith(title + "\n\n")
    assert art.text[art.body_start:].startswith(first_words)
    assert art.text.count(title) == 1                    # the <h1> is not repeated in the body
    assert "window.analytics" not in art.text and "الأكثر قراءة" not in art.text


def test_legacy_encoded_page_with_meta_charset(tmp_path):
    page = (FIXTURES / "ru-page.html").read_text(encoding="utf-8").replace('charset="utf-8"',
                                                                           'charset="windows-1251"')
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("windows-1251"))
    art = only(read_path(path))
    assert art.title == "Россия и Индия провели переговоры по военно-техническому сотрудничеству"
    assert "военно-технического сотрудничества до 2031 года" in art.text


def test_page_without_article_text():
    err = only(read_bytes(b"<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>",
                          "empty.html"))
    assert isinstance(err, InputError)
    assert err.problem == "no article text found in the HTML"


@pytest.mark.parametrize("markup", [
    b"<html><body><p>Unclosed <div><p>Moscow and Ankara <b>agreed <i>to talk</p></html",
    b"<html><body><<<>>>&&&;;<p>\xd0\x9f\xd1\x80\xd0\xb8</p></body>",
    b"<!DOCTYPE html><html><body><table><tr><td>" + b"<div>" * 3000 + b"text",
    b"<!doctype html><html><head><script>while(1){}</script></head></html>",
    b"<html>" + b"\xff\xfe\xfa" * 10,
])
def test_malformed_html_does_not_crash(markup):
    for item in read_bytes(markup, "broken.html"):
        assert isinstance(item, (Article, InputError))


def test_no_network_access(tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = (FIXTURES / "en-page.html").read_bytes().replace(
        b"</head>", b'<link rel="stylesheet" href="https://cdn.example.com/x.css"><img src="http://x.example/a.png">'
                    b"</head>")
    assert isinstance(only(read_bytes(page, "remote.html")), Article)


def test_a_50_kb_page_is_fast():
    page = (FIXTURES / "en-page.html").read_text(encoding="utf-8")
    body = page.split("<article>")[1].split("</article>")[0]
    big = page.replace("</article>", body * 110 + "</article>").encode("utf-8")
    assert len(big) > 50_000
    list(read_bytes(page.encode(), "warm-up.html"))      # trafilatura's first call loads its data
    start = time.perf_counter()
    art = only(read_bytes(big, "big.html"))
    assert isinstance(art, Article) and len(art.text) > 20_000
    assert time.perf_counter() - start < 2.0
