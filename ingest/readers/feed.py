"""RSS 2.0 / Atom feeds: one article per entry, read with feedparser from bytes — never from the network.

Safety: a feed that declares XML entities (in an internal DTD subset) is refused before feedparser sees it.
feedparser's strict parser leaves external entities alone, but its fallback "loose" parser expands internal
ones, so an entity-amplification ("quadratic blow-up") feed would take minutes and gigabytes; defusedxml
names what was found. A plain ``<!DOCTYPE rss ...>`` without entities is harmless and allowed.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
from collections.abc import Iterator

from ingest.model import Article
from ingest.readers.compose import compose, html_to_text
from ingest.readers.dates import parse_date
from legation.errors import InputError

_ROOT = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>)\s*)*(?:<!doctype[^>]*?(?:\[.*?\])?\s*>\s*)?"
                   r"(?:(?:<!--.*?-->|<\?[^>]*\?>)\s*)*<(?:rss|feed|rdf:rdf|channel)\b", re.DOTALL)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


def sniff(head: str) -> bool:
    """An RSS, Atom or RSS 1.0 (RDF) root element first."""
    return bool(_ROOT.match(head))


def unsafe_xml_problem(data: bytes) -> str | None:
    """Why ``data`` must not be parsed (entity declarations, external references); None when safe."""
    import defusedxml
    import defusedxml.ElementTree

    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as err:
        return f"the feed declares XML entities ({err.name!r}); refused, as entities can expand or fetch"
    except defusedxml.DefusedXmlException as err:
        return f"the feed uses unsafe XML ({type(err).__name__}); refused"
    except Exception:                                     # malformed XML: look at its prolog ourselves
        pass
    probe = data.replace(b"\x00", b"")                    # lets the check see UTF-16/32 markup as well
    first = _FIRST_ELEMENT.search(probe)
    if _ENTITY_DECL.search(probe, 0, first.start() if first else len(probe)):    # declarations: prolog only
        return "the feed declares XML entities; refused, as entities can expand or fetch"
    return None


def _published(entry) -> str | None:
    """The entry's date as written (RFC 822 in RSS, ISO 8601 in Atom), in ISO form."""
    for key in ("published", "updated", "created"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        iso = parse_date(raw, "en")
        if iso:
            return iso
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc).isoformat()
    return None


def _entry_body(entry) -> str:
    """The longest of the entry's contents, else its summary, as plain text."""
    values = [c.get("value") or "" for c in entry.get("content") or []]
    values.append(entry.get("summary") or "")
    return html_to_text(max(values, key=len))


def read(data: bytes, path: str) -> Iterator[Article | InputError]:
    """One article per feed entry; an InputError for the whole feed when it is unsafe or not a feed."""
    import feedparser

    problem = unsafe_xml_problem(data)
    if problem:
        yield InputError(path, problem)
        return
    try:
        # A stream, not bytes: feedparser would try bytes as a file name first.
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    except Exception as err:                              # feedparser should not raise; be sure a batch goes on
        yield InputError(path, f"malformed feed ({type(err).__name__}: {err})")
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            yield InputError(path, f"malformed feed ({parsed.get('bozo_exception')})")
        elif not parsed.get("version"):
            yield InputError(path, "not an RSS or Atom feed")
        else:
            yield InputError(path, "no entries in the feed")
        return
    publisher = html_to_text(parsed.feed.get("title") or "") or None
    for n, entry in enumerate(parsed.entries, 1):
        title = html_to_text(entry.get("title") or "")
        body = _entry_body(entry)
        if not body:
            yield InputError(path, f"entry {n}: no text")
            continue
        source = (entry.get("source") or {}).get("title") or None
        yield compose(title, body, published=_published(entry), source=source,
                      publisher=publisher, url=entry.get("link") or None, path=f"{path}#entry-{n}")
