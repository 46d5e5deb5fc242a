"""JSON Lines (one article object per line) and JSON files holding a list of such objects.

Fields: ``text`` (required), ``title``, ``url``, ``published``, ``lang``, ``source``, ``publisher``.
A broken line gives an InputError and the other lines still give articles.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ingest.model import Article
from ingest.readers.compose import compose
from ingest.readers.dates import parse_date
from ingest.readers.decode import decode
from ingest.readers.lang import detect_lang
from legation.errors import InputError

_STRING_FIELDS = ("title", "url", "published", "lang", "source", "publisher")
_LINES_EXTENSIONS = (".jsonl", ".ndjson")    # a broken first line there is one bad line, not a bad file
_SURROGATE = re.compile("[\ud800-\udfff]")


def _loads(text: str):
    """``json.loads``, with every way it fails as ValueError: JSONDecodeError, but also RecursionError (nesting
    too deep) and the int-conversion limit (a number of thousands of digits)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except ValueError as err:                            # "Exceeds the limit (4300 digits) for integer ..."
        detail = str(err).partition(":")[2].partition(";")[0].strip()
        raise ValueError(f"number too long: {detail}" if "digits" in str(err) else str(err)) from None


def _problem(err: ValueError, line: bool) -> str:
    if isinstance(err, json.JSONDecodeError):
        where = f"column {err.colno}" if line else f"line {err.lineno} column {err.colno}"
        return f"invalid JSON ({err.msg.removesuffix(' at')} at {where})"
    return f"invalid JSON ({err})"


def _valid_unicode(value: str) -> str:
    """JSON can escape lone UTF-16 surrogates ("\\ud83d": half an emoji, cut): they become U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def sniff(head: str) -> bool:
    """A JSON object or list first."""
    return head.startswith(("{", "["))


def _article(record: object, where: str, path: str, item_path: str) -> Article | InputError:
    """The article of one JSON record; ``where`` ("line 3", "item 3") names it in errors."""
    if not isinstance(record, dict):
        return InputError(path, f"{where}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(path, f"{where}: no text")
    for name in _STRING_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return InputError(path, f"{where}: field {name!r} must be a string")
    text = _valid_unicode(text)
    fields = {name: _valid_unicode((record.get(name) or "").strip()) or None for name in _STRING_FIELDS}
    lang = detect_lang(text, fields["lang"])
    published = parse_date(fields["published"], lang) if fields["published"] else None
    return compose(fields["title"], text, lang=lang, published=published, source=fields["source"],
                   publisher=fields["publisher"], url=fields["url"], path=item_path)


def read(data: bytes, path: str) -> Iterator[Article | InputError]:
    """Articles from JSON Lines, a JSON list, or a single JSON object."""
    try:
        content = decode(data, path)
    except InputError as err:
        yield err
        return
    stripped = content.strip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n" in stripped):
        try:
            whole = _loads(stripped)
        except ValueError as err:
            if stripped.startswith("[") and not path.lower().endswith(_LINES_EXTENSIONS):
                yield InputError(path, _problem(err, line=False))
                return
        else:
            records = whole if isinstance(whole, list) else [whole]
            for n, record in enumerate(records, 1):
                yield _article(record, f"item {n}", path, f"{path}:{n}")
            return
    for n, line in enumerate(content.split("\n"), 1):
        line = line.strip()
        if not line:
            continue
        try:
            record = _loads(line)
        except ValueError as err:
            yield InputError(path, f"line {n}: {_problem(err, line=True)}")
            continue
        yield _article(record, f"line {n}", path, f"{path}:{n}")
