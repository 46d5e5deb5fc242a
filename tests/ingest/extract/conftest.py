"""Shared helpers for the extraction engine's tests.

Every article here was written for these tests. The publication date is Tuesday 12 March 2024, so "yesterday" is
11 March, "on Wednesday" (past) 6 March and "on Thursday" (future) 14 March.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from ingest.extract.pipeline import extract
from ingest.model import Article, Extraction

PUBLISHED = "2024-03-12"   # a Tuesday


@lru_cache(maxsize=None)
def _extract(text: str, lang: str, published: str | None) -> Extraction:
    return extract(Article.make(text, lang, published=published))


@pytest.fixture(scope="session")
def run():
    """``run(text, lang, published=PUBLISHED) -> Extraction`` (memoised: extractions are shared, do not mutate)."""
    def run(text: str, lang: str, published: str | None = PUBLISHED) -> Extraction:
        return _extract(text, lang, published)
    return run
