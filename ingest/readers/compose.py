"""Helpers the structured readers (HTML, feeds, JSON Lines) share: build an Article from a title and a body,
and strip HTML markup from a feed's text."""
from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

from ingest.model import Article
from ingest.readers.lang import detect_lang
from ingest.readers.layout import dateline_date, find_dateline


def compose(title: str | None, body: str, *, lang: object = None, published: str | None = None,
            source: str | None = None, **meta: str | None) -> Article:
    """An Article whose text is ``title + "\\n\\n" + body`` (just ``body`` without a title).

    The title's whitespace is collapsed to single spaces. Offsets are computed on the NFC form, which is what ``Article.make`` stores. ``lang`` is an explicit
    language tag (used when valid); otherwise the script decides. A dateline opening the body supplies
    ``source`` (and ``published``) when they are not given.
    """
    title = unicodedata.normalize("NFC", " ".join(title.split())) if title and title.strip() else None
    body = unicodedata.normalize("NFC", body.strip())
    text = f"{title}\n\n{body}" if title else body
    body_start = len(title) + 2 if title else 0
    dateline = find_dateline(body.split("\n", 1)[0])
    if dateline:
        source = source or dateline.source
        published = published or dateline_date(dateline, None)
    return Article.make(text, detect_lang(text, lang), title=title, published=published, source=source,
                        body_start=body_start, body_end=len(text), **meta)


_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                         "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "pre",
                         "hr", "dd", "dt"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment; block elements become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags removed, entities unescaped, one blank line between blocks."""
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
