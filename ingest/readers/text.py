"""Plain-text articles: the whole file is the article's text; ``layout.py`` finds its parts."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ingest.model import Article
from ingest.readers.decode import decode
from ingest.readers.lang import detect_lang
from ingest.readers.layout import parse_layout
from legation.errors import InputError


def sniff(head: str) -> bool:
    """Plain text is the fallback: it never claims a file by content."""
    return False


def read_text(text: str, path: str) -> Article:
    """The article in an already decoded plain text (offsets refer to its NFC form)."""
    text = unicodedata.normalize("NFC", text)
    lang = detect_lang(text)
    layout = parse_layout(text, lang)
    return Article.make(text, lang, title=layout.title, published=layout.published, source=layout.source,
                        publisher=layout.publisher, path=path, body_start=layout.body_start,
                        body_end=layout.body_end)


def read(data: bytes, path: str) -> Iterator[Article | InputError]:
    """One article from a plain-text file, or one InputError when it is not text."""
    try:
        text = decode(data, path)
    except InputError as err:
        yield err
        return
    yield read_text(text, path)
