"""Markdown tables from the JSON that ``benchmarks.run --out`` writes (for BENCHMARKS.md).

    python -m benchmarks.report results-1k.json results-10k.json
"""
from __future__ import annotations

import json
import sys


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def _ms(r: dict | None) -> str:
    if not r:
        return "—"
    if "timeout" in r:
        return f"> {r['timeout']:.0f} s"
    if "error" in r:
        return "error"
    v = r["median"]
    text = f"{v * 1000:,.0f} ms" if v < 10 else f"{v:,.1f} s"
    if r.get("cpu_median") is not None:        # CPU time too, where the run measured it
        c = r["cpu_median"]
        text += f" ({c * 1000:,.0f} ms CPU)" if c < 10 else f" ({c:,.1f} s CPU)"
    return text


def ingest_table(res: dict) -> list[str]:
    out = ["| configuration | articles | wall s | articles/s (wall) | CPU s | articles per CPU-s | triples | "
           "peak RSS | disk | main process: resolve / map / write / index s |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in res.get("ingest", {}).items():
        st = r.get("stages", {})
        out.append(f"| {name} | {r['articles']:,} | {r['seconds']:.0f} | {r['articles'] / r['seconds']:.1f} | "
                   f"{r['cpu']:.0f} | {r['articles'] / r['cpu']:.1f} | {r['store_triples']:,} | "
                   f"{_mb(r['peak_rss'])} | {_mb(r['disk']) if r.get('disk') else '—'} | "
                   f"{st.get('resolve', 0):.1f} / {st.get('map', 0):.1f} / {st.get('write', 0):.1f} / "
                   f"{st.get('index', 0):.1f} |")
    return out


def load_table(res: dict) -> list[str]:
    out = ["| triples | method | seconds | triples/s (wall) | triples per CPU-s | peak RSS | disk |",
           "|---|---|---|---|---|---|---|"]
    for triples, loads in res.get("load", {}).items():
        for m, r in loads.items():
            out.append(f"| {int(triples):,} | {m} | {r['seconds']:.1f} | {r['rate']:,.0f} | "
                       f"{r['triples'] / r['cpu']:,.0f} | {_mb(r['peak_rss'])} | "
                       f"{_mb(r['disk']) if r.get('disk') else '—'} |")
    return out


def query_table(res: dict) -> list[str]:
    sizes = list(res.get("queries", {}))
    names = sorted({n for s in sizes for n in res["queries"][s]["oxigraph"]["queries"]})
    head = "| query | " + " | ".join(f"{int(s):,} triples: oxigraph | rdflib" for s in sizes) + " |"
    out = [head, "|---|" + "---|---|" * len(sizes)]
    for n in names:
        cells = []
        for s in sizes:
            q = res["queries"][s]
            cells.append(_ms(q["oxigraph"]["queries"].get(n)))
            cells.append(_ms(q.get("rdflib", {}).get("queries", {}).get(n)) if "rdflib" in q else "—")
        out.append(f"| {n} | " + " | ".join(cells) + " |")
    peaks = [_mb(res["queries"][s]["oxigraph"]["peak_rss"]) for s in sizes]
    out.append("| *peak RSS (oxigraph / rdflib)* | " + " | ".join(
        f"{p} | {_mb(res['queries'][s]['rdflib']['peak_rss']) if 'rdflib' in res['queries'][s] else '—'}"
        for p, s in zip(peaks, sizes)) + " |")
    return out


def _refresh(r: dict | None) -> str:
    return f"{r['seconds']:.2f} s ({r['cpu']:.2f} CPU-s)" if r else "—"


def derived_table(res: dict) -> list[str]:
    """The derived graph at each scale: computed whole after the bulk load, then refreshed by a small ingest, the
    same ingest again, and a removal (``child-derive``, ``child-small``)."""
    out = ["| triples | derived graph, whole | its triples | peak RSS | ingest of a few articles: refresh (ingest) | "
           "the same again (ingest) | removal of one: refresh (removal) |", "|---|---|---|---|---|---|---|"]
    for triples, d in res.get("derive", {}).items():
        sm = res.get("small", {}).get(triples, {})
        ing, again, rem = sm.get("ingest", {}), sm.get("again", {}), sm.get("remove", {})
        out.append(f"| {int(triples):,} | {_refresh(d['derived'])} | {d['derived'].get('triples', 0):,} | "
                   f"{_mb(d['peak_rss'])} | {_refresh(ing.get('derived'))} ({ing.get('seconds', 0):.1f} s) | "
                   f"{_refresh(again.get('derived'))} ({again.get('seconds', 0):.1f} s) | "
                   f"{_refresh(rem.get('derived'))} ({rem.get('seconds', 0):.1f} s) |")
    return out


def main(argv: list[str] | None = None) -> int:
    for path in (argv if argv is not None else sys.argv[1:]):
        res = json.load(open(path, encoding="utf-8"))
        m = res.get("machine", {})
        print(f"### {path}: {res.get('size')} articles, --jobs {res.get('jobs')} "
              f"(load average before: {', '.join(f'{x:.1f}' for x in m.get('load_before', []))})\n")
        for table in (ingest_table, load_table, query_table, derived_table):
            lines = table(res)
            if len(lines) > 2:
                print("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
