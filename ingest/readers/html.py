"""HTML pages: the main text, title, date and site name, found by trafilatura. Nothing is fetched."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.model import Article
from ingest.readers.compose import compose
from ingest.readers.decode import decode
from legation.errors import InputError

_MARKUP = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b|<head\b|<body\b)",
                     re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def sniff(head: str) -> bool:
    """An HTML document: a doctype or an html/head/body element first."""
    return bool(_MARKUP.match(head))


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _extract(html: str):
    """trafilatura's extraction (imported here: it takes a while to load)."""
    import trafilatura

    # fast: no second-opinion extractors; favor_precision: menus and footers are not taken for the article
    return trafilatura.bare_extraction(html, with_metadata=True, fast=True, favor_precision=True,
                                       include_comments=False, include_tables=True)


def read(data: bytes, path: str) -> Iterator[Article | InputError]:
    """One article from an HTML page: text = title + "\\n\\n" + main text."""
    try:
        html = decode(data, path, declared=_declared_charset(data))
    except InputError as err:
        yield err
        return
    try:
        doc = _extract(html)
    except Exception as err:                              # lxml/trafilatura errors on broken markup
        yield InputError(path, f"cannot parse the HTML ({type(err).__name__}: {err})")
        return
    if doc is None or not (doc.text or "").strip():
        yield InputError(path, "no article text found in the HTML")
        return
    title = (doc.title or "").strip()
    first, _, rest = doc.text.strip().partition("\n")
    main = rest.strip() if title and first.strip() == title else doc.text.strip()   # the <h1> repeats it
    if not main:
        yield InputError(path, "no article text found in the HTML")
        return
    yield compose(title, main, published=doc.date or None, publisher=doc.sitename or None,
                  url=doc.url or None, path=path)
