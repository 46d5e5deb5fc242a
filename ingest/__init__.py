"""Ingest: read articles, extract mentions and events, resolve identity, map to RDF."""
