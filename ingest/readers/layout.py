"""The layout of a news article saved as plain text: switcher, headline, date line, body, publisher, credits.

    Ru En                                          ← optional language-switcher line
    روسيا وباكستان تؤكدان استعدادهما ...            ← headline
    ٢٩ سبتمبر ٢٠٢١                                  ← date line (any of our languages, optional time)
    أكد نائب وزير الدفاع ...                        ← body (its first line may open with a dateline:
    ...                                               "MOSCOW, Sept 29 (Reuters) -", "موسكو - سبوتنيك")
    مجموعة الرؤية الاستراتيجية ...                  ← publisher: a short standalone line before the credits
    الصورة: ...                                     ← credit lines (source, photo, editor, copyright)
    المصدر: نوفوستي

Everything is found by offsets into the text as given, so that ``text[body_start:body_end]`` is the body.
The words looked for live in ``words.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.readers import dates
from ingest.readers.words import AGENCIES, COPYRIGHT_MARKERS, CREDIT_PREFIXES, LANGUAGE_LABELS

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\u061c\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_SENTENCE_END = tuple(".!?؟…:;,،")
_MAX_HEADLINE = 300
_MAX_CREDIT = 200


@dataclass(frozen=True)
class Line:
    """A non-blank line: ``text[start:end]`` is its content without surrounding whitespace."""

    start: int
    end: int
    content: str


@dataclass(frozen=True)
class Dateline:
    """What the opening of a news body ("MOSCOW, Sept 29 (Reuters) -") tells."""

    source: str
    date: str | None = None                 # ISO date, when the dateline carries its year
    month_day: tuple[int, int] | None = None  # (month, day) when it carries no year


@dataclass(frozen=True)
class Layout:
    """Where the parts of a plain-text article are; offsets index the text that was parsed."""

    title: str | None
    published: str | None
    source: str | None
    publisher: str | None
    body_start: int
    body_end: int


def _strip_invisible(s: str) -> str:
    return s.strip().strip(_INVISIBLE).strip()


def lines_of(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with their offsets (whitespace and invisible marks trimmed)."""
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        content = body.strip()
        if _strip_invisible(body):
            start = pos + body.index(content)
            out.append(Line(start, start + len(content), content))
        pos += len(raw)
    return out


# --- credit lines -------------------------------------------------------------------------------------------

def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_CREDIT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"^(?:{_alternation(w for ws in by_lang.values() for w in ws)})"
                      rf"(?:\s*[:：|\-–—]\s*|(?<=by)\s+|(?<=عن)\s+)(?P<value>\S.*)$", re.IGNORECASE))
    for kind, by_lang in CREDIT_PREFIXES.items()
)
_WIRE_CREDIT = re.compile(r"^\(\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|"
                          r"editing)\b.*\)\.?$", re.IGNORECASE)


def credit_kind(line: str) -> tuple[str, str] | None:
    """("source" | "photo" | "editor" | "copyright", value) when ``line`` is a trailing credit line."""
    if len(line) > _MAX_CREDIT:
        return None
    for kind, pattern in _CREDIT_KINDS:
        m = pattern.match(line)
        if m:
            return kind, m["value"].strip().rstrip(".").strip()
    if _WIRE_CREDIT.match(line):
        return "editor", line.strip("()")
    lowered = line.lower()
    if lowered.startswith(COPYRIGHT_MARKERS) or "all rights reserved" in lowered:
        return "copyright", line
    return None


# --- language switcher, headline, publisher -----------------------------------------------------------------

def is_language_switcher(line: str) -> bool:
    """True for a line of language labels only: "Ru En", "English | Русский", "AR EN RU"."""
    tokens = [t for t in re.split(r"[\s|/·•,\-–—]+", line.strip()) if t]
    return 0 < len(tokens) <= 8 and all(t.casefold() in LANGUAGE_LABELS for t in tokens)


def _is_publisher_line(line: str) -> bool:
    return len(line) <= 100 and len(line.split()) <= 12 and not line.endswith(_SENTENCE_END)


# --- datelines ----------------------------------------------------------------------------------------------

_KNOWN_AGENCY = _alternation(a for names in AGENCIES.values() for a in names)
_DATELINES: tuple[re.Pattern[str], ...] = (
    # MOSCOW, Sept 29 (Reuters) -    ISLAMABAD (AP) —
    re.compile(r"^(?P<head>[A-Z][\w.'’\-]*(?:[ ,]+[\w.'’\-]+){0,6}?)\s*"
               r"\((?P<agency>[A-Z][\w.&'’\- ]{0,30})\)\s*[-–—]"),
    # МОСКВА, 29 сентября. /ТАСС/.
    re.compile(r"^(?P<head>[А-ЯЁ]+(?:[ \-][А-ЯЁ]+)*[.,][^/\n]{0,40}?)\.?\s*/(?P<agency>[^/\n]{1,30})/"),
    # МОСКВА, 29 сен — РИА Новости.   Москва. 29 сентября. INTERFAX.RU -
    re.compile(rf"^(?P<head>[А-ЯЁ][А-ЯЁа-яё\-]+(?: [А-ЯЁа-яё\-]+)?[.,]\s*\d{{1,2}}\s+[а-яё]+)\.?\s*[-–—]?\s*"
               rf"(?P<agency>{_KNOWN_AGENCY})(?![\w])"),
    # القاهرة - (أ ش أ) -    موسكو (رويترز) -
    # مقديشو - 2 - 1 (كونا) --
    re.compile(r"^(?P<head>[\u0621-\u064A]+(?: [\u0621-\u064A]+){0,2}(?:\s*[،,]\s*[\w ]{1,25}?)?"
               r"(?:\s*[-–—]\s*[\d\u0660-\u0669]{1,2}\s*[-–—/]\s*[\d\u0660-\u0669]{1,2})?)\s*[-–—]?\s*"
               r"\((?P<agency>[^()\n]{1,30})\)"),
    # القاهرة في 29 سبتمبر /أ ش أ/
    re.compile(r"^(?P<head>[\u0621-\u064A]+(?: [\u0621-\u064A\u0660-\u0669\d]+){0,5})\s*/(?P<agency>[^/\n]{1,30})/"),
    # موسكو - سبوتنيك
    re.compile(rf"^(?P<head>[\u0621-\u064A]+(?: [\u0621-\u064A]+){{0,2}})\s*[-–—]\s*(?P<agency>{_KNOWN_AGENCY})"
               r"(?![\w])"),
)


def _head_is_capitalised(head: str) -> bool:
    """An English dateline's place and date: every word capitalised or a number ("WASHINGTON, Sept 29")."""
    return all(w[0].isupper() or w.isdigit() for w in re.split(r"[ ,]+", head.strip(" ,")) if w)


def find_dateline(line: str) -> Dateline | None:
    """The agency and date of a dateline opening ``line``, if it opens with one."""
    for pattern in _DATELINES:
        m = pattern.match(line)
        if not m:
            continue
        head, agency = m["head"], m["agency"].strip(" .")
        if not agency or (head[:1].isascii() and not _head_is_capitalised(head)):
            continue
        found = dates.find_date(head)
        if found:
            return Dateline(agency, date=found[0])
        return Dateline(agency, month_day=dates.find_day_month(head, numeric=True))
    return None


def dateline_date(dateline: Dateline, published: str | None) -> str | None:
    """The dateline's ISO date, a year-less one taking its year from ``published`` (None without it)."""
    if dateline.date:
        return dateline.date
    if dateline.month_day and published:
        return dates.resolve_day_month(dateline.month_day, int(published[:4]))
    return None


# --- the whole layout ---------------------------------------------------------------------------------------

_MASTHEAD_LINES = 6      # a publication date is looked for this far into the opening lines …
_PARAGRAPH = 150         # … and not beyond the first line this long (a paragraph of the body)


def _masthead_date(lines: list[Line], first_body: int) -> tuple[str, int] | None:
    """(ISO date, line index) of a date among the short opening lines (masthead, headline block), if any."""
    for k, line in enumerate(lines[:first_body + _MASTHEAD_LINES]):
        if len(line.content) > _PARAGRAPH:
            break
        iso = dates.find_masthead_date(line.content)
        if iso:
            return iso, k
    return None


def parse_layout(text: str, lang: str) -> Layout:
    """Title, date, source, publisher and body offsets of a plain-text article.

    A text with no recognisable layout still gets a title (its first line) and the whole text as body.
    """
    lines = lines_of(text)
    if not lines:
        return Layout(None, None, None, None, 0, len(text))
    i = 1 if len(lines) > 1 and is_language_switcher(lines[0].content) else 0
    published = None
    if i + 1 < len(lines):
        published = dates.parse_date_line(lines[i].content, lang)
        if published:
            i += 1                                        # a date line above the headline
    head = lines[i]
    title = head.content
    if len(title) <= _MAX_HEADLINE and i + 1 < len(lines):
        i += 1
        if published is None:
            published = dates.parse_date_line(lines[i].content, lang)
            if published and i + 1 < len(lines):
                i += 1
    first_body = i
    if published is None:
        found = _masthead_date(lines, first_body)
        if found:
            published, k = found
            if k >= first_body and k + 1 < len(lines):
                title = max((line.content for line in lines[first_body - 1:k]), key=len)
                first_body = k + 1
    body_start = lines[first_body].start

    last = len(lines) - 1
    credits: list[tuple[str, str]] = []
    while last > first_body and (credit := credit_kind(lines[last].content)):
        credits.insert(0, credit)
        last -= 1
    publisher = None
    if credits and last > first_body and _is_publisher_line(lines[last].content):
        publisher = lines[last].content
        last -= 1
    body_end = lines[last + 1].start if last + 1 < len(lines) else lines[last].end

    source = next((value for kind, value in credits if kind == "source" and value), None)
    dateline = find_dateline(lines[first_body].content) if first_body < len(lines) else None
    if dateline:
        source = source or dateline.source
        published = published or dateline_date(dateline, None)
    return Layout(title, published, source, publisher, body_start, body_end)
