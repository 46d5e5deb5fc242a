"""CPU cost of extraction per article and language, beside a baseline measured in the same run.

Extraction is ``ingest.extract.extract`` on generated articles (``benchmarks.generate``, read through the same
plain-text reader as ``legation ingest``). The baseline is what a recogniser-first pipeline pays before any rule
runs: natasha's NER over the whole text of each Russian article (legation runs it only on sentences with a title).
Process CPU time: the first pass over the articles (lexicons compiled, models loaded, every word analysed for
the first time) is printed apart; then the median of ``--repeat`` passes, as in a long ingest where the
vocabulary recurs. Mapping the extractions to N-Triples (``ingest.to_rdf.ntriples``) is measured the same way.

    python -m benchmarks.extract_cpu --size 300 --repeat 3
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):                      # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import generate  # noqa: E402


def _articles(size: int, seed: int) -> list:
    from ingest.readers import read_path
    with tempfile.TemporaryDirectory() as d:
        generate.write(size, d, seed=seed)
        return [a for p in sorted(Path(d).iterdir()) for a in read_path(str(p)) if hasattr(a, "lang")]


def _cpu_ms(fn, items: list) -> float:
    start = time.process_time()
    for x in items:
        fn(x)
    return 1000 * (time.process_time() - start) / max(len(items), 1)


def measure(size: int, repeat: int, seed: int = 1) -> dict:
    from ingest.extract import extract
    from ingest.lang import ru
    arts = _articles(size, seed)
    by_lang = {lang: [a for a in arts if a.lang == lang] for lang in ("ar", "ru", "en")}
    first = _cpu_ms(extract, arts)                 # lexicons compiled, models loaded, words seen once
    out: dict = {"articles": len(arts), "extract_ms": {}, "chars": {}, "first_pass_ms": first}
    for lang, items in by_lang.items():
        out["extract_ms"][lang] = statistics.median(_cpu_ms(extract, items) for _ in range(repeat))
        out["chars"][lang] = statistics.mean(len(a.text) for a in items) if items else 0
    whole = lambda a: ru.persons(a.text, [(0, len(a.text))])    # noqa: E731
    out["baseline_ner_ru_ms"] = statistics.median(_cpu_ms(whole, by_lang["ru"]) for _ in range(repeat))
    n = sum(len(v) for v in by_lang.values())
    out["extract_ms"]["all"] = sum(out["extract_ms"][k] * len(v) for k, v in by_lang.items()) / max(n, 1)
    # mapping to N-Triples (identities as a fresh store would give them: the deterministic keys)
    from ingest.resolve import Resolver
    from ingest.to_rdf import ntriples
    resolver = Resolver(None)
    done = [(ex, resolver.resolve(ex)) for ex in map(extract, arts)]
    out["map_ms"] = statistics.median(_cpu_ms(lambda x: ntriples(*x), done) for _ in range(repeat))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=300, help="generated articles (about a third per language)")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the articles; the median is printed")
    args = ap.parse_args(argv)
    r = measure(args.size, args.repeat)
    print(f"{r['articles']} articles, CPU ms per article (median of {args.repeat} passes):")
    for lang in ("ar", "ru", "en", "all"):
        chars = f"  ({r['chars'][lang]:,.0f} characters)" if lang in r["chars"] else ""
        per_core = 1000 / r["extract_ms"][lang] if r["extract_ms"][lang] else 0
        print(f"  extract {lang:3}  {r['extract_ms'][lang]:6.1f} ms  = {per_core:5.0f} articles/s per core{chars}")
    both = r["extract_ms"]["all"] + r["map_ms"]
    print(f"  map to N-Triples  {r['map_ms']:6.2f} ms;  extract + map  {both:6.1f} ms  = "
          f"{1000 / both if both else 0:5.0f} articles/s per core")
    print(f"  first pass, all languages (cold caches)  {r['first_pass_ms']:6.1f} ms")
    print(f"  baseline: natasha NER over the whole Russian article  {r['baseline_ner_ru_ms']:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
