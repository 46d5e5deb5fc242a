"""legation: a knowledge graph of diplomatic and military relations, built from news."""

__version__ = "0.1.0"
