"""Bytes → text for the readers: byte-order marks, strict UTF-8, else the legacy code page of our languages.

Legacy text (no BOM, not UTF-8) is decoded with each of windows-1252, windows-1251, windows-1256 and KOI8-R,
and the most plausible result wins: each non-ASCII character is scored by how likely it is in a text of its
script (letter frequencies of Russian and Arabic, case patterns of Cyrillic words: KOI8-R text read as
windows-1251 comes out in mostly upper-case letters, and vice versa), and words that mix scripts ("cafй")
count as very unlikely. Zero-width and bidi characters are kept as they are: offsets refer to this text.
A UTF-8/16/32 file cut in the middle of its last character loses that incomplete character.
"""
from __future__ import annotations

import codecs
import math
import re
import unicodedata

from legation.errors import InputError

_BOMS: tuple[tuple[bytes, str, str], ...] = (       # UTF-32 first: its LE mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# Tried in this order; on equal scores the earlier one wins (plain English with a few curly quotes).
LEGACY_ENCODINGS: tuple[str, ...] = ("windows-1252", "windows-1251", "windows-1256", "koi8-r")

UNDECODABLE = "cannot decode as UTF-8, UTF-16, windows-1256, windows-1251 or KOI8-R"

# Letters per 1000 in running Russian and Arabic text (rounded; enough to tell real text from mojibake).
_RU_FREQ = dict(zip("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
                    (110, 85, 80, 74, 67, 63, 55, 47, 45, 44, 35, 32, 30, 28, 26, 20, 19, 17, 17, 16, 16, 15,
                     12, 10, 9, 7, 6, 5, 4, 3, 3, 0.4, 1)))
_AR_FREQ = dict(zip("الميونرتبعةهدفكقسحجىشصطخأزثذضغئءإظآؤ",
                    (125, 110, 65, 80, 60, 60, 45, 45, 40, 35, 30, 30, 28, 25, 22, 22, 22, 18, 12, 10, 10, 10,
                     9, 8, 25, 6, 5, 5, 5, 4, 4, 4, 8, 2, 2, 2)))
_AR_RARE_LETTER = 0.5        # Persian/Urdu letters of windows-1256 (پ چ ژ گ ک ...)
_LATIN_ACCENTED = 20.0       # é, ü ... in English or French text
_COMMON_SYMBOLS = set("«»—–“”‘’„…•·№°§©®™€£\u00a0\u00ad،؛؟ـ\u200c\u200d\u200e\u200f")

_IMPLAUSIBLE = 8.0           # cost of a character that real text almost never has
_MAX_COST = 4.5              # mean cost above which no decoding is believed
_ASCII_CONTROLS_OK = set("\t\n\r\f\v")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SAMPLE_BYTES = 65_536       # the guess is made on the start of a large file


def _is_control(ch: str) -> bool:
    return (ch < " " and ch not in _ASCII_CONTROLS_OK) or "\x7f" <= ch <= "\x9f"


def _script(ch: str) -> str:
    cp = ord(ch)
    if 0x0400 <= cp <= 0x04FF:
        return "cyrillic"
    if 0x0600 <= cp <= 0x06FF or 0xFB50 <= cp <= 0xFEFF:
        return "arabic"
    if ch.isascii() or 0x00C0 <= cp <= 0x024F:
        return "latin"
    return "other"


def _word_cost(word: str) -> float:
    """Summed cost (−log likelihood, in nats) of the non-ASCII letters of one word."""
    nonascii = [ch for ch in word if not ch.isascii()]
    if not nonascii:
        return 0.0
    marks = [ch for ch in word if not ch.isalpha()]
    word = "".join(ch for ch in word if ch.isalpha())
    scripts = {_script(ch) for ch in word}
    if len(scripts) != 1 or "other" in scripts:
        return _IMPLAUSIBLE * len(nonascii)
    script = scripts.pop()
    if marks and script != "arabic":
        return _IMPLAUSIBLE * len(nonascii)             # Arabic vowel signs or bidi marks inside a Latin word
    cost = 2.0 * len(marks)
    if script == "latin":
        if len(nonascii) >= 2 and len(nonascii) * 2 > len(word):
            return _IMPLAUSIBLE * len(nonascii)         # "Ïðèâåò": Cyrillic read as windows-1252
        return -math.log(_LATIN_ACCENTED / 1000) * len(nonascii)
    if script == "arabic":
        return cost + sum(-math.log(_AR_FREQ.get(ch, _AR_RARE_LETTER) / 1000) for ch in word)
    has_lower = any(ch.islower() for ch in word)
    for i, ch in enumerate(word):
        cost += -math.log(_RU_FREQ.get(ch.lower(), 0.4) / 1000)
        if ch.isupper() and i > 0:
            cost += 3.0 if has_lower else 0.5           # "пРИВЕТ" is mojibake; "ТАСС" an acronym
    return cost


def plausibility_cost(text: str) -> float:
    """Mean cost per non-ASCII character of ``text``; lower is more plausible (0 when all ASCII)."""
    total = 0.0
    count = 0
    word: list[str] = []
    for ch in text + " ":
        if ch.isalpha() or (word and unicodedata.category(ch) in ("Mn", "Cf")):
            word.append(ch)
            continue
        if word:
            total += _word_cost("".join(word))
            count += sum(1 for c in word if not c.isascii())
            word = []
        if not ch.isascii():
            count += 1
            if ch in _COMMON_SYMBOLS or unicodedata.category(ch) in ("Mn", "Zs"):
                total += 2.0
            elif _is_control(ch):
                total += _IMPLAUSIBLE + 2
            else:
                total += _IMPLAUSIBLE
    return total / count if count else 0.0


def _check_text(text: str, path: str) -> str:
    if not text.strip().strip("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"):
        raise InputError(path, "empty file")
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > len(text) / 100:
        raise InputError(path, "binary content, not text")
    return text


def _decode_truncated(data: bytes, codec: str) -> str:
    """``data.decode(codec)``, except that a file cut in the middle of its last character (a download or copy
    cut short) loses that incomplete character instead of failing: only at the very end, only an incomplete
    sequence (UnicodeDecodeError everywhere else)."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        if err.reason not in ("unexpected end of data", "truncated data") or err.end < len(data):
            raise
        if len(data) - err.start >= 4:                    # no character of UTF-8/16/32 is longer than 4 bytes
            raise
        return data[: err.start].decode(codec)


def decode_with_encoding(data: bytes, path: str = "<bytes>", declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used; raise InputError when it is not text in our languages.

    ``declared`` (e.g. an HTML ``<meta charset>``) is tried after UTF-8 and before guessing.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = _decode_truncated(data[len(bom):], codec)
            except UnicodeDecodeError:
                raise InputError(path, f"invalid {label} after its byte-order mark") from None
            return _check_text(text, path), codec
    if b"\x00" in data:
        raise InputError(path, "binary content, not text")
    try:
        return _check_text(_decode_truncated(data, "utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codec = codecs.lookup(declared).name
            return _check_text(data.decode(codec), path), codec
        except (LookupError, UnicodeDecodeError):
            pass
    sample = data[:_SAMPLE_BYTES]
    candidates: list[tuple[float, int, str]] = []
    for rank, codec in enumerate(LEGACY_ENCODINGS):
        try:
            candidates.append((plausibility_cost(sample.decode(codec, errors="strict")), rank, codec))
        except UnicodeDecodeError:
            continue
    for cost, _, codec in sorted(candidates):
        if cost > _MAX_COST:
            break
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue                                      # an undefined byte after the sample
        return _check_text(text, path), codec
    raise InputError(path, UNDECODABLE)


def decode(data: bytes, path: str = "<bytes>", declared: str | None = None) -> str:
    """``data`` as text (see the module docstring); raises InputError ("empty file", "binary content, not
    text", "cannot decode as ...")."""
    return decode_with_encoding(data, path, declared)[0]
