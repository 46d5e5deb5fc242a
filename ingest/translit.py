"""Latin spellings of names and the cross-script name key.

``to_latin(words, table, known)``: word by word, a known spelling (names.tsv: Александр → Alexander, سيرغي → Sergey)
or a letter-by-letter transliteration from the language's table. ``name_key(latin)``: a consonant skeleton that
lets Фомин, فومين and Fomin meet — vowels and the letters that Arabic uses for vowels (w, y) dropped, close sounds
folded (v/f, q/k/c, z/s, ...), doubled letters collapsed.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DIGRAPHS = [("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("zh", "j"), ("kh", "h"), ("gh", "g"),
             ("th", "t"), ("dh", "d"), ("ph", "f"), ("ts", "s"), ("tz", "s"), ("dj", "j"), ("dzh", "j"),
             ("ck", "k"), ("ks", "x"), ("x", "x")]
_FOLD = str.maketrans({"v": "f", "w": "", "y": "", "q": "k", "c": "k", "z": "s", "x": "k", "e": "", "a": "",
                       "i": "", "o": "", "u": "", "'": "", "`": "", "j": "j", "g": "g", "p": "b"})


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def skeleton(word: str) -> str:
    """Consonant skeleton of one Latin word."""
    w = ascii_fold(word).lower()
    w = re.sub(r"[^a-z]", "", w)
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    w = w.translate(_FOLD)
    return re.sub(r"(.)\1+", r"\1", w)


@lru_cache(maxsize=50_000)      # names recur across an article's mentions and across articles
def name_key(latin: str) -> str:
    """Key of a person's name: skeleton of the surname, with the first name's initial skeleton letter.

    "Alexander V. Fomin" → "a.fmn"; "Aleksandr Fomin" → "a.fmn"; "Fomin" → "fmn" (a bare surname).
    """
    words = [w for w in re.split(r"[\s\-]+", latin) if re.sub(r"[^A-Za-z]", "", w)]
    words = [w for w in words if not (len(re.sub(r"[^A-Za-z]", "", w)) == 1)]     # initials
    if not words:
        return ""
    sur = skeleton(words[-1])
    if len(words) == 1:
        return sur
    first = _initial(words[0])
    return f"{first}.{sur}" if first else sur


def _initial(word: str) -> str:
    """The first name's first sound: vowels (and y, which transliterations swap with vowels: Yevgeny/Evgeny) are
    one class "a"; consonants as folded in skeletons."""
    w = re.sub(r"[^a-z]", "", ascii_fold(word).lower())
    if not w:
        return ""
    if w[0] in "aeiouy":
        return "a"
    return skeleton(w)[:1] or w[0]


def transliterate(word: str, table: dict[str, str]) -> str:
    """Letter by letter, longest match first (tables may map letter pairs)."""
    out, i = [], 0
    longest = max((len(k) for k in table), default=1)
    while i < len(word):
        for n in range(longest, 0, -1):
            chunk = word[i:i + n]
            if chunk in table:
                out.append(table[chunk])
                i += n
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def capitalise(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))
