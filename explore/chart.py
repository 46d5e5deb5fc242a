"""The report's timeline as an SVG drawn here: events per month, stacked by PLOVER type.

Cooperation types are drawn in blues and greens, the neutral type in grey, friction types in reds and oranges,
so the balance of a relation shows at a glance. Every bar segment has a ``<title>`` (month, type, count) that a
browser shows on hover. All text is escaped; the SVG has no script and fetches nothing.
"""
from __future__ import annotations

from html import escape

from .report import Report

TYPE_COLOURS = {
    # cooperation
    "CONSULT": "#1f4e79", "AGREE": "#2c7bb6", "SUPPORT": "#5aa9d6", "COOPERATE": "#1a9850", "AID": "#66bd63",
    "CONCEDE": "#a6d96a", "RETREAT": "#7fcdbb",
    # neutral
    "REQUEST": "#9e9e9e",
    # friction
    "ACCUSE": "#fdae61", "REJECT": "#f46d43", "THREATEN": "#e34a33", "PROTEST": "#fc8d59", "SANCTION": "#d7301f",
    "MOBILIZE": "#b30000", "COERCE": "#7f0000", "ASSAULT": "#4d0000",
}
BAR = 16        # width of one month's bar
GAP = 4
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 64
PLOT_HEIGHT = 200
LEGEND_COLUMNS, LEGEND_WIDTH = 3, 210


def colour(code: str) -> str:
    return TYPE_COLOURS.get(code, "#bdbdbd")


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * 5:
            return max(step, -(-value // step) * step)
    return value


def timeline_svg(report: Report) -> str:
    """The timeline chart of ``report`` as an inline ``<svg>`` element (empty string when nothing is dated)."""
    months = report.timeline
    if not months:
        return ""
    types = report.types
    top = max(sum(m.counts.values()) for m in months) or 1
    ymax = _nice_max(top)
    step = 1 if ymax <= 5 else (ymax // 5)
    width = max(LEFT + RIGHT + len(months) * (BAR + GAP), LEFT + RIGHT + LEGEND_COLUMNS * LEGEND_WIDTH)
    legend_rows = -(-len(types) // LEGEND_COLUMNS)
    height = TOP + PLOT_HEIGHT + BOTTOM + legend_rows * 18
    scale = PLOT_HEIGHT / ymax
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
           f"<title>{escape(f'Events per month by type: {report.title}')}</title>"]
    base = TOP + PLOT_HEIGHT
    for tick in range(0, ymax + 1, step):
        y = base - tick * scale
        out.append(f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e7eb"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#4b5563">{tick}</text>')
    every = max(1, len(months) // 24)
    for i, m in enumerate(months):
        x = LEFT + i * (BAR + GAP) + GAP / 2
        y = base
        for code in types:
            n = m.counts.get(code, 0)
            if not n:
                continue
            h = n * scale
            y -= h
            tip = f"{m.month}: {n} {report.type_labels.get(code, code)} ({code})"
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{BAR}" height="{h:.1f}" fill="{colour(code)}">'
                       f"<title>{escape(tip)}</title></rect>")
        if i % every == 0:
            out.append(f'<text x="{x + BAR / 2:.1f}" y="{base + 10}" text-anchor="end" fill="#4b5563" '
                       f'transform="rotate(-60 {x + BAR / 2:.1f} {base + 10})">{escape(m.month)}</text>')
    out.append(f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{base}" y2="{base}" stroke="#6b7280"/>')
    ly = base + BOTTOM
    for i, code in enumerate(types):
        lx = LEFT + (i % LEGEND_COLUMNS) * LEGEND_WIDTH
        yy = ly + (i // LEGEND_COLUMNS) * 18
        out.append(f'<rect x="{lx}" y="{yy - 9}" width="10" height="10" fill="{colour(code)}"/>')
        out.append(f'<text x="{lx + 14}" y="{yy}" fill="#111827">{escape(report.type_labels.get(code, code))} '
                   f"({escape(code)})</text>")
    out.append("</svg>")
    return "\n".join(out)
