"""Which of our languages an article is written in, decided by the Unicode script of its letters."""
from __future__ import annotations

import re

LANGS: tuple[str, ...] = ("ar", "ru", "en")
_SAMPLE_CHARS = 100_000      # the start of a long text decides

# The letters of each language's script (digits and punctuation of the script left out).
_LETTERS: dict[str, re.Pattern[str]] = {
    "ar": re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
                     "\ufb50-\ufdfb\ufe70-\ufefc]"),
    "ru": re.compile("[\u0400-\u0481\u048a-\u052f\u1c80-\u1c8f\ua640-\ua66d]"),
    "en": re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"),
}


def normalize_lang(value: object) -> str | None:
    """``"ar"``, ``"ru"`` or ``"en"`` for a language tag like ``"AR"``, ``"ru-RU"``, ``"en_GB"``; else None."""
    if not isinstance(value, str):
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGS else None


def detect_lang(text: str, explicit: object = None) -> str:
    """The language of ``text``: ``explicit`` when it is a valid tag, else the script with most letters.

    >>> detect_lang("Россия и Пакистан")
    'ru'
    >>> detect_lang("روسيا وباكستان", explicit="en-GB")
    'en'

    Text with no letters at all counts as English. Only the first 100,000 characters are looked at.
    """
    chosen = normalize_lang(explicit)
    if chosen:
        return chosen
    sample = text[:_SAMPLE_CHARS]
    counts = {lang: len(pattern.findall(sample)) for lang, pattern in _LETTERS.items()}
    best = max(LANGS, key=lambda lang: counts[lang])
    return best if counts[best] else "en"
