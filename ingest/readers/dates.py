"""Dates as news pages write them, in Arabic, Russian and English → ISO dates.

Our own regular expressions first (fast, and they know Levantine month names and Arabic-Indic digits);
dateparser, with an explicit language, only for what they do not cover.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ingest.readers.words import ARABIC_STANDARD_MONTH, DATE_LINE_FILLER, MONTHS, WEEKDAYS

# One-to-one character folding (same length): Arabic-Indic and Persian digits → ASCII; alef, yeh and
# teh-marbuta variants → their plain form. Case is folded separately.
_FOLD = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹أإآٱىة",
    "01234567890123456789اااايه",
)
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"


def fold(text: str) -> str:
    """Lower-cased text with ASCII digits and plain Arabic letter forms, for matching; same length."""
    folded = text.translate(_FOLD)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in folded)


def _alternatives(names) -> str:
    words = sorted({fold(n) for n in names}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_MONTH_NUMBER: dict[str, int] = {fold(name): num for table in MONTHS.values() for name, num in table.items()}
_MON = rf"{_NOT_LETTER_BEFORE}(?:{_alternatives(_MONTH_NUMBER)}){_NOT_LETTER_AFTER}"
_MONTH_WORD = re.compile(_MON)
_WEEKDAY = re.compile(rf"{_NOT_LETTER_BEFORE}(?:{_alternatives(w for ws in WEEKDAYS.values() for w in ws)})"
                      rf"{_NOT_LETTER_AFTER}")
_FILLER = frozenset(fold(w) for ws in DATE_LINE_FILLER.values() for w in ws)

_ORD = r"(?:st|nd|rd|th)?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")),
    ("ymd", re.compile(r"(?<!\d)(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)")),
    ("dmy", re.compile(r"(?<!\d)(?P<d>\d{1,2})(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)")),
    ("dmy", re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){_ORD}\s*(?:of\s+)?(?P<mon>{_MON})(?:\s*[/\-]\s*{_MON}|\s*\(\s*{_MON}\s*\))?"
                       rf"\.?,?\s*(?P<y>\d{{4}})(?!\d)")),
    ("mdy", re.compile(rf"(?P<mon>{_MON})(?:\s*[/\-]\s*{_MON}|\s*\(\s*{_MON}\s*\))?\.?\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})"
                       r"(?!\d)")),
)
_DAY_MONTH: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){_ORD}\s*(?:of\s+)?(?P<mon>{_MON})"),
    re.compile(rf"(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?!\d)"),
)
# "مقديشو - 2 - 1 (كونا)": day and month in figures, as some agencies' datelines give them
_NUMERIC_DAY_MONTH = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*$")
_TIME = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?::\d{2})?(?!\d)")
_TOKEN = re.compile(r"[^\W\d_]+")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_of(name: str) -> int:
    return _MONTH_NUMBER[re.sub(r"\s+", " ", name)]


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full date (day, month, year) in ``text``: (ISO date, start, end) in ``text``; else None."""
    folded = fold(text)
    best: tuple[str, int, int] | None = None
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            year, day = int(m["y"]), int(m["d"])
            month = _month_of(m["mon"]) if "mon" in m.groupdict() and m["mon"] else int(m["m"])
            if kind == "dmy" and month > 12 and day <= 12 and not m.groupdict().get("mon"):
                day, month = month, day                   # 09/29/2021: US order
            iso = _iso(year, month, day)
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
            if iso:
                break
    return best


def find_day_month(text: str, numeric: bool = False) -> tuple[int, int] | None:
    """(month, day) of a date without a year, as in a dateline ("Sept 29", "29 сентября"); else None.
    With ``numeric``, figures closing ``text`` count too ("مقديشو - 2 - 1": 2 January)."""
    folded = fold(text)
    for pattern in _DAY_MONTH:
        m = pattern.search(folded)
        if m and 1 <= int(m["d"]) <= 31:
            return _month_of(m["mon"]), int(m["d"])
    m = _NUMERIC_DAY_MONTH.search(folded) if numeric else None
    if m and 1 <= int(m["d"]) <= 31 and 1 <= int(m["m"]) <= 12:
        return int(m["m"]), int(m["d"])
    return None


def resolve_day_month(month_day: tuple[int, int], year: int | None) -> str | None:
    """ISO date of a year-less (month, day) given the year from elsewhere; None without a year."""
    return _iso(year, *month_day) if year else None


def _leftover_words(text: str, start: int, end: int) -> list[str]:
    """Words of a line other than its date, times, weekdays and date-line filler."""
    rest = fold(text[:start] + " " + text[end:])
    rest = _WEEKDAY.sub(" ", _TIME.sub(" ", rest))
    return [w for w in _TOKEN.findall(rest) if w not in _FILLER]


def parse_date_line(line: str, lang: str) -> str | None:
    """The ISO date when ``line`` is a date line (a date, perhaps with weekday, time, "Published:" ...);
    None when it is not, e.g. a sentence that happens to contain a date.

    >>> parse_date_line("٢٩ سبتمبر ٢٠٢١", "ar")
    '2021-09-29'
    >>> parse_date_line("Talks were held in Islamabad on September 29, 2021", "en") is None
    True
    """
    if len(line) > 80:
        return None
    found = find_date(line)
    if found:
        iso, start, end = found
        return iso if len(_leftover_words(line, start, end)) <= 2 else None
    if re.search(r"\d{4}", fold(line)) and len(_leftover_words(line, 0, 0)) <= 3:
        return _dateparser_date(line, lang)
    return None


def find_masthead_date(line: str) -> str | None:
    """The ISO date of a short masthead line that carries a full date among a few other words ("Sahel Brief
    No. 14 - 10 July 2024", "Газета «…» № 137 от 31.07.2024, стр. 6"); None for a sentence."""
    if len(line) > 120 or line.rstrip().endswith(tuple(".!?؟…")):
        return None
    found = find_date(line)
    if not found:
        return None
    iso, start, end = found
    return iso if len(_leftover_words(line, start, end)) <= 6 else None


def _standard_arabic_months(text: str) -> str:
    """Levantine and Maghrebi month names replaced by the Egyptian ones dateparser knows; ASCII digits."""
    folded = text.translate(_FOLD)
    return _MONTH_WORD.sub(lambda m: ARABIC_STANDARD_MONTH[_month_of(m[0].lower())]
                           if re.search(r"[\u0600-\u06ff]", m[0]) else m[0], folded)


@lru_cache(maxsize=512)
def _dateparser_date(text: str, lang: str) -> str | None:
    """Last resort: dateparser with an explicit language, requiring day, month and year."""
    import dateparser                                     # slow to import: only when needed

    try:
        parsed = dateparser.parse(_standard_arabic_months(text), languages=[lang],
                                  settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                            "PREFER_DATES_FROM": "past"})
    except Exception:                                     # dateparser raises assorted errors on odd input
        return None
    return parsed.date().isoformat() if parsed else None


def parse_date(value: str, lang: str) -> str | None:
    """An ISO date or datetime for a date given as a string field (JSON ``published``, feed dates).

    ISO 8601 strings are kept (normalised); anything else goes through ``find_date`` then dateparser.
    """
    value = value.strip()
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return value
        return parsed.isoformat()
    found = find_date(value)
    if found:
        return found[0]
    return _dateparser_date(value, lang) if len(value) <= 80 else None
