"""Per-language behaviour as data: ``ingest/lang/<code>/`` holds a small ``Defaults`` and TSV lexicons.

``get("ar")`` returns the language object; languages register themselves by code in ``LANGUAGES``.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from .base import Language

LANGUAGES = ("ar", "ru", "en")


@lru_cache(maxsize=None)
def get(code: str) -> Language:
    if code not in LANGUAGES:
        raise KeyError(f"unsupported language {code!r} (supported: {', '.join(LANGUAGES)})")
    module = importlib.import_module(f"{__name__}.{code}")
    return module.Defaults()
