"""Extraction: from an Article to an Extraction (states, officials, organisations, places, events, statements,
topics, dates), every item with the character spans that attest it."""
from .pipeline import extract

__all__ = ["extract"]
