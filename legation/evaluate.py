"""Evaluate extraction against gold annotations in the shared format (one YAML file per article, see
``../shared/eval/README.md``): precision, recall and F1 per fact kind, overall and per language.

Matching, as the shared format documents it: states exactly; officials by state and name (token-set similarity
of the ASCII-folded names, or the same surname and initial), positions judged on matched officials; organisations
by similar names or acronyms; events by type and the same set of participant states (``event_links``: the states
overlap, type ignored), dates and places judged on typed matches; topics by similar labels. Micro-averaged.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import InputError

KINDS = ("states", "officials", "positions", "organizations", "events", "event_links", "event_dates",
         "event_places", "topics")
_EQUIV = [(r"\bdefense\b", "defence"), (r"\borganization\b", "organisation"),
          (r"\bforeign minister\b", "minister of foreign affairs"), (r"\bdefence minister\b", "minister of defence"),
          (r"\bforeign ministry\b", "ministry of foreign affairs"), (r"\bdefence ministry\b", "ministry of defence")]
_SMALL = {"the", "of", "and", "for", "on"}


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"[^a-z0-9]+", " ", t)
    for pattern, repl in _EQUIV:
        t = re.sub(pattern, repl, t)
    return " ".join(w for w in t.split() if w not in _SMALL)


def similarity(a: str, b: str) -> float:
    """Token-set similarity in [0, 1]: shared words compared with each side's remainder."""
    ta, tb = set(_fold(a).split()), set(_fold(b).split())
    if not ta or not tb:
        return 0.0
    shared = " ".join(sorted(ta & tb))
    left = (shared + " " + " ".join(sorted(ta - tb))).strip()
    right = (shared + " " + " ".join(sorted(tb - ta))).strip()
    r = lambda x, y: difflib.SequenceMatcher(None, x, y).ratio()  # noqa: E731
    scores = [r(left, right)]
    if shared:
        scores += [r(shared, left), r(shared, right)]
    return max(scores)


def same_person(a: str, b: str) -> bool:
    fa, fb = _fold(a).split(), _fold(b).split()
    if not fa or not fb:
        return False
    if similarity(a, b) >= 0.85:
        return True
    same_surname = difflib.SequenceMatcher(None, fa[-1], fb[-1]).ratio() >= 0.8
    return same_surname and (len(fa) == 1 or len(fb) == 1 or fa[0][0] == fb[0][0])


def _initials(name: str) -> str:
    words = _fold(name).split()
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _names(org) -> list[str]:
    if isinstance(org, str):
        return [org]
    return [n for n in [org.get("name", ""), org.get("acronym") or "", *(org.get("aliases") or [])] if n]


def same_org(a, b) -> bool:
    for x in _names(a):
        for y in _names(b):
            fx, fy = _fold(x).replace(" ", ""), _fold(y).replace(" ", "")
            if not fx or not fy:
                continue
            if similarity(x, y) >= 0.8 or fx == fy or fx == _initials(y) or fy == _initials(x):
                return True
    return False


def same_topic(a: str, b: str) -> bool:
    fa, fb = _fold(a), _fold(b)
    return bool(fa and fb) and (similarity(a, b) >= 0.8 or fa in fb or fb in fa)


def _pairs(gold: list, pred: list, same) -> list[tuple[int, int]]:
    used: set[int] = set()
    out = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if j not in used and same(g, p):
                used.add(j)
                out.append((i, j))
                break
    return out


def _states(ev) -> frozenset[str]:
    return frozenset(s.upper() for s in ev.get("states") or [])


def score_article(gold: dict, pred: dict) -> dict[str, tuple[int, int, int]]:
    """(true positives, gold, predicted) per kind for one article."""
    out: dict[str, tuple[int, int, int]] = {}
    gs, ps = {s.upper() for s in gold.get("states") or []}, {s.upper() for s in pred.get("states") or []}
    out["states"] = (len(gs & ps), len(gs), len(ps))
    go, po = gold.get("officials") or [], pred.get("officials") or []
    pairs = _pairs(go, po, lambda g, p: (g.get("state") or "").upper() == (p.get("state") or "").upper()
                   and same_person(g.get("name", ""), p.get("name", "")))
    out["officials"] = (len(pairs), len(go), len(po))
    out["positions"] = (sum(similarity(go[i].get("position", ""), po[j].get("position", "")) >= 0.75
                            for i, j in pairs), len(go), len(po))
    gorg, porg = gold.get("organizations") or [], pred.get("organizations") or []
    out["organizations"] = (len(_pairs(gorg, porg, same_org)), len(gorg), len(porg))
    ge, pe = gold.get("events") or [], pred.get("events") or []
    typed = _pairs(ge, pe, lambda g, p: g.get("type") == p.get("type") and _states(g) == _states(p))
    out["events"] = (len(typed), len(ge), len(pe))
    linked = _pairs(ge, pe, lambda g, p: len(_states(g) & _states(p)) >= min(2, len(_states(g))))
    out["event_links"] = (len(linked), len(ge), len(pe))
    for kind, key, same in (("event_dates", "date", lambda a, b: str(a) == str(b)),
                            ("event_places", "place", same_topic)):
        judged = [(ge[i], pe[j]) for i, j in typed if ge[i].get(key)]
        hits = sum(1 for g, p in judged if p.get(key) and same(g[key], p[key]))
        out[kind] = (hits, len(judged), len(judged))
    gt = gold.get("topics") or []
    pt = [t if isinstance(t, str) else t.get("label", "") for t in pred.get("topics") or []]
    out["topics"] = (len(_pairs(gt, pt, same_topic)), len(gt), len(pt))
    return out


@dataclass
class Scores:
    """Counts per scope ("all", "ar", "ru", "en") and kind; ``table()`` and ``as_dict()`` report P/R/F1."""

    counts: dict[str, dict[str, list[int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(lambda: [0, 0, 0])))
    articles: int = 0
    # what was extracted from each article of a group (gold key ``group``: one story in several languages)
    grouped: dict[str, dict[str, dict]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, lang: str, kinds: dict[str, tuple[int, int, int]]) -> None:
        self.articles += 1
        for scope in ("all", lang):
            for kind, (tp, ng, np_) in kinds.items():
                acc = self.counts[scope][kind]
                acc[0] += tp
                acc[1] += ng
                acc[2] += np_

    @staticmethod
    def prf(tp: int, ng: int, np_: int) -> tuple[float, float, float]:
        p = tp / np_ if np_ else (1.0 if not ng else 0.0)
        r = tp / ng if ng else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict:
        out = {}
        for scope, kinds in self.counts.items():
            out[scope] = {}
            for kind in KINDS:
                if kind in kinds:
                    tp, ng, np_ = kinds[kind]
                    p, r, f = self.prf(tp, ng, np_)
                    out[scope][kind] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                                        "tp": tp, "gold": ng, "pred": np_}
        return out

    def agreement(self, pivot: str = "en") -> dict:
        """How far the versions of one story in other languages agree with its ``pivot``-language version on
        what was extracted: per language, the mean Jaccard index of the states and of the typed events (type
        and set of participant states) over the groups that have both, and the number of those groups."""
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
        for versions in self.grouped.values():
            base = versions.get(pivot)
            if base is None:
                continue
            for lang, pred in versions.items():
                if lang != pivot:
                    acc = sums[lang]
                    acc[0] += _jaccard(_state_set(base), _state_set(pred))
                    acc[1] += _jaccard(_typed_events(base), _typed_events(pred))
                    acc[2] += 1
        return {lang: {"states": round(st / n, 3), "events": round(ev / n, 3), "groups": n}
                for lang, (st, ev, n) in sorted(sums.items())}

    def table(self) -> str:
        lines = [f"{'scope':6} {'kind':14} {'P':>6} {'R':>6} {'F1':>6}   tp/gold/pred"]
        data = self.as_dict()
        for scope in ["all"] + sorted(s for s in data if s != "all"):
            for kind, v in data[scope].items():
                lines.append(f"{scope:6} {kind:14} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f}   "
                             f"{v['tp']}/{v['gold']}/{v['pred']}")
        for lang, v in self.agreement().items():      # (a line per language, after the table's rows)
            lines.append(f"agreement: {lang} with the English version of the same story (mean Jaccard over "
                         f"{v['groups']}): states {v['states']:.3f}, typed events {v['events']:.3f}")
        return "\n".join(lines)


def _state_set(pred: dict) -> frozenset[str]:
    return frozenset(s.upper() for s in pred.get("states") or [])


def _typed_events(pred: dict) -> frozenset[tuple[str, frozenset[str]]]:
    return frozenset((ev.get("type"), _states(ev)) for ev in pred.get("events") or [])


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def load_gold(directory: Path) -> list[tuple[dict, Path]]:
    """Every ``*.yaml`` gold file of a directory with the path of its article text."""
    out = []
    for path in sorted(Path(directory).glob("*.yaml")):
        try:
            gold = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as err:
            raise InputError(str(path), f"malformed YAML: {str(err).splitlines()[0]}") from None
        if "text_file" not in gold:
            raise InputError(str(path), "no text_file key")
        text = (path.parent / gold["text_file"]).resolve()
        if not text.is_file():
            raise InputError(str(path), f"its text file {gold['text_file']} is not there")
        out.append((gold, text))
    if not out:
        raise InputError(str(directory), "no *.yaml gold files")
    return out


def evaluate(directory: Path, predict) -> tuple[Scores, dict[str, dict]]:
    """Score ``predict(text_path) -> contract dict`` against every gold article of ``directory``."""
    scores = Scores()
    per_article = {}
    for gold, text in load_gold(directory):
        pred = predict(text)
        kinds = score_article(gold, pred)
        annotated = gold.get("scored") or [k for k in ("states", "officials", "organizations", "events", "topics")
                                           if k in gold]
        derived = {"officials": ("positions",), "events": ("event_links", "event_dates", "event_places")}
        keep = {k for kind in annotated for k in (kind, *derived.get(kind, ()))}
        kinds = {k: v for k, v in kinds.items() if k in keep}
        scores.add(gold.get("lang", "?"), kinds)
        if gold.get("group") and gold.get("lang"):
            scores.grouped[str(gold["group"])][gold["lang"]] = pred
        per_article[gold.get("id", text.name)] = kinds
    return scores, per_article
