"""RSS/Atom feeds: one article per entry, and hostile XML neither fetched nor expanded."""
from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from ingest.model import Article
from ingest.readers import read_path
from legation.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "feed"


def test_arabic_rss():
    items = list(read_path(FIXTURES / "ar-rss.xml"))
    assert [type(i) for i in items] == [Article, Article]
    first = items[0]
    assert first.title == "قطر وتركيا تبحثان التعاون الدفاعي"
    assert first.lang == "ar"
    assert first.published == "2021-12-07T11:20:00+03:00"
    assert first.publisher == "وكالة الأنباء العربية - سياسة"
    assert first.url == "https://agency.example.net/ar/politics/1001"
    assert first.path == f"{FIXTURES / 'ar-rss.xml'}#entry-1"
    assert first.text[first.body_start:].startswith("بحث وزير الدولة القطري")
    assert "<p>" not in first.text and "الدفاعية & التبادل" in first.text      # tags gone, entities unescaped
    assert first.body_end == len(first.text)
    assert items[1].path.endswith("#entry-2")


def test_russian_atom_with_an_empty_entry():
    items = list(read_path(FIXTURES / "ru-atom.xml"))
    assert isinstance(items[0], Article)
    art = items[0]
    assert (art.title, art.lang, art.source, art.publisher, art.url) == (
        "Москва и Ташкент договорились о совместных учениях", "ru", "ТАСС", "Международная панорама",
        "https://panorama.example.ru/world/501")
    assert art.published == "2021-12-08T09:15:00+03:00"
    assert art.text[art.body_start:].startswith("ТАШКЕНТ, 8 декабря. /ТАСС/.")
    assert isinstance(items[1], InputError) and items[1].problem == "entry 2: no text"
    assert len(items) == 2


def test_english_rss_source_and_escaped_html():
    [art] = read_path(FIXTURES / "en-rss.xml")
    assert art.source == "Reuters" and art.publisher == "World Desk" and art.lang == "en"
    assert art.published == "2022-01-06T04:10:00+00:00"
    assert "each other’s territory" in art.text


@pytest.mark.parametrize("content, problem", [
    (b'<rss version="2.0"><channel><title>x', "malformed feed"),
    (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Empty</title></channel></rss>",
     "no entries in the feed"),
    (b"<?xml version='1.0'?><urlset><url><loc>https://example.com/</loc></url></urlset>",
     "not an RSS or Atom feed"),
], ids=["truncated", "no-entries", "sitemap"])
def test_malformed_or_empty_feed_gives_one_error(tmp_path, content, problem):
    path = tmp_path / "feed.xml"
    path.write_bytes(content)
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].path == str(path) and items[0].problem.startswith(problem)


def _feed_with_dtd(dtd: str, title: str, body: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{dtd}\n]>\n<rss version="2.0"><channel><title>Feed</title>'
            f"<item><title>{title}</title><description>{body}</description></item></channel></rss>\n").encode()


def _read_quickly(path):
    start = time.perf_counter()
    items = list(read_path(path))
    assert time.perf_counter() - start < 1.0
    return items


def test_xxe_local_file_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a9", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_bytes(_feed_with_dtd(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">', "Leak &xxe;", "Body &xxe; here"))
    items = _read_quickly(path)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "entities" in items[0].problem
    assert all("TOP-SECRET" not in str(i) for i in items)


def test_external_entities_and_dtds_are_not_fetched(tmp_path):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    port = server.getsockname()[1]
    try:
        entity = tmp_path / "entity.xml"
        entity.write_bytes(_feed_with_dtd(f'<!ENTITY remote SYSTEM "http://127.0.0.1:{port}/e.txt">',
                                          "Remote &remote;", "Body &remote;"))
        dtd = tmp_path / "dtd.xml"
        dtd.write_bytes(f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:{port}/rss.dtd">\n'
                        f'<rss version="2.0"><channel><title>Feed</title><item><title>Plain</title>'
                        f"<description>A harmless entry.</description></item></channel></rss>".encode())
        assert isinstance(_read_quickly(entity)[0], InputError)
        [art] = _read_quickly(dtd)                      # a DOCTYPE without entities is fine, and not fetched
        assert isinstance(art, Article) and art.text == "Plain\n\nA harmless entry."
        with pytest.raises(BlockingIOError):
            server.accept()                             # nobody connected
    finally:
        server.close()


def test_billion_laughs_is_not_expanded(tmp_path):
    decls = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    path = tmp_path / "bomb.xml"
    path.write_bytes(_feed_with_dtd("\n".join(decls), "Bomb &lol9;", "x &lol9;"))
    items = _read_quickly(path)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "lollol" not in str(items[0])


def test_quadratic_blowup_is_not_expanded(tmp_path):
    path = tmp_path / "quadratic.xml"
    path.write_bytes(_feed_with_dtd(f'<!ENTITY a "{"A" * 20_000}">', "Q", "&a;" * 5_000))
    items = _read_quickly(path)
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_utf16_feed_with_entities_is_refused(tmp_path):
    path = tmp_path / "bomb16.xml"
    path.write_bytes(_feed_with_dtd('<!ENTITY a "' + "B" * 1000 + '">', "Q", "&a;" * 100)
                     .decode().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>')
                     .encode("utf-16"))
    items = _read_quickly(path)
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_malformed_feed_with_entities_is_refused_too(tmp_path):
    path = tmp_path / "loose.xml"                       # not well-formed before the DTD: no XML parser gets far
    path.write_bytes(b"<?xml version='1.0'?>\n&junk; <!DOCTYPE rss [ <!ENTITY a '" + b"A" * 10_000 + b"'> ]>\n"
                     b"<rss version='2.0'><channel><title>T</title><item><title>Q</title><description>"
                     + b"&a;" * 10_000 + b"</description></item></channel></rss>")
    items = _read_quickly(path)
    assert len(items) == 1 and isinstance(items[0], InputError) and "entities" in items[0].problem


def test_entity_text_inside_an_entry_is_fine(tmp_path):
    path = tmp_path / "about-xml.xml"
    path.write_bytes(b"<?xml version='1.0'?><rss version='2.0'><channel><title>Tech</title><item><title>XML</title>"
                     b"<description><![CDATA[Never trust <!ENTITY declarations from strangers.]]></description>"
                     b"</item></channel></rss>")
    [art] = read_path(path)
    assert isinstance(art, Article) and "<!ENTITY declarations" in art.text
