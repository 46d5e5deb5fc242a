"""A relation report as one self-contained HTML page: inline CSS, the timeline as inline SVG, no script at all.

The template is rendered by Jinja with autoescaping on, so every value (headlines, quotes, names) is HTML-escaped;
quotes keep their language (``lang``) and direction (``dir="auto"``) so Arabic reads right to left. Links are made
only from ``http(s)`` URLs, and only followed when clicked; a Content-Security-Policy forbids any fetch but
``data:`` images, so the page works offline and shows nothing from elsewhere.
"""
from __future__ import annotations

import re

import jinja2
from markupsafe import Markup

from .chart import colour as type_colour
from .chart import timeline_svg
from .page import POLARITY_COLOUR, PageError, remote_resources
from .report import Report

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.I)


def safe_url(url: str) -> str:
    """``url`` when it is an http(s) URL, else "" (no ``javascript:`` link can come from an article)."""
    url = (url or "").strip()
    return url if _SAFE_URL.match(url) else ""


def render(report: Report) -> str:
    """The report as an HTML document."""
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    template = env.from_string(TEMPLATE)
    page = template.render(csp=Markup(CSP), r=report, chart=Markup(timeline_svg(report)),
                           polarity_colour=POLARITY_COLOUR, type_colour=type_colour,
                           max_topic=max((n for _, n in report.topics), default=1))
    found = remote_resources(page)
    if found:
        raise PageError(f"the report page would fetch {found[0]!r}")
    return page


TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="legation">
<title>{{ r.title }}</title>
<style>
  body {
    margin: 0 auto;
    max-width: 72rem;
    padding: 1rem 1.5rem 3rem;
    font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
    color: #111827;
    line-height: 1.45;
  }
  h1 { font-size: 1.6rem; margin: .5rem 0 .25rem; }
  h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #e5e7eb; padding-bottom: .2rem; }
  h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
  .meta { color: #4b5563; }
  .cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: .8rem 0; }
  .card {
    border: 1px solid #e5e7eb;
    border-radius: 6px;
    padding: .4rem .8rem;
    min-width: 6.5rem;
    background: #f9fafb;
  }
  .card b { display: block; font-size: 1.4rem; }
  .card span { color: #4b5563; font-size: .85rem; }
  figure { margin: 0; overflow-x: auto; }
  .event {
    border: 1px solid #e5e7eb;
    border-inline-start: 5px solid #9ca3af;
    border-radius: 6px;
    padding: .5rem .8rem;
    margin: .6rem 0;
  }
  .event header { display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: baseline; }
  .event .date { font-weight: 600; }
  .badge { display: inline-block; border-radius: 3px; padding: 0 .4rem; color: #fff; font-size: .85rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; }
  dt { color: #4b5563; }
  dd { margin: 0; }
  blockquote { margin: .4rem 0; padding: .2rem .7rem; border-inline-start: 3px solid #d1d5db; background: #f9fafb; }
  blockquote .lang { color: #6b7280; font-size: .8rem; }
  .src { font-size: .85rem; color: #4b5563; }
  .src a, .ref { color: #1d4ed8; }
  table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
  th, td { border-bottom: 1px solid #e5e7eb; padding: .25rem .5rem; text-align: start; vertical-align: top; }
  th { background: #f3f4f6; }
  td.n { text-align: end; }
  .bar { display: inline-block; height: .7rem; background: #93c5fd; border-radius: 2px; vertical-align: middle; }
  ol.sources li { margin: .2rem 0; }
  .none { color: #6b7280; font-style: italic; }
</style>
</head>
<body>
<header>
  <h1 dir="auto">{{ r.title }}</h1>
  <p class="meta">Period: {{ r.period }} ·
  {% if r.span %}events from {{ r.span[0] }} to {{ r.span[1] }}{% else %}no dated events{% endif %}
  · names in {{ r.lang }}</p>
</header>

<section id="summary">
  <h2>Summary</h2>
  <div class="cards">
  {% for key, value in r.summary.items() %}
    <div class="card"><b>{{ value }}</b><span>{{ key }}</span></div>
  {% endfor %}
  </div>
</section>

<section id="timeline">
  <h2>Timeline</h2>
  {% if chart %}
  <figure>{{ chart }}<figcaption class="meta">Events per month by type
  {%- if r.undated %}; {{ r.undated }} undated event{{ "s" if r.undated != 1 }} not shown{% endif %}.</figcaption>
  </figure>
  {% else %}
  <p class="none">No dated events.</p>
  {% endif %}
</section>

{% for key, title, lines in r.sections() %}
<section id="{{ key }}">
  <h2>{{ title }} ({{ lines|length }})</h2>
  {% for line in lines %}
  <article class="event" style="border-inline-start-color: {{ polarity_colour.get(line.polarity, '#9ca3af') }}">
    <header>
      <span class="date">{{ line.date or "undated" }}</span>
      <span class="badge" style="background: {{ type_colour(line.type) }}">
        {{- line.type_label }} ({{ line.type }})</span>
      {% if line.place %}<span dir="auto">{{ line.place }}</span>{% endif %}
    </header>
    <dl>
      {% if line.states %}<dt>States</dt><dd dir="auto">{{ line.states|join(", ") }}</dd>{% endif %}
      {% if line.participants %}<dt>Participants</dt><dd>
        {% for p in line.participants %}
        <span dir="auto">{{ p.name }}</span>{% if p.posts %} ({{ p.posts|join("; ") }}){% endif %}
        {{- ", " if not loop.last }}
        {% endfor %}
      </dd>{% endif %}
      {% if line.organizations %}
      <dt>Organisations</dt><dd dir="auto">{{ line.organizations|join(", ") }}</dd>
      {% endif %}
      {% if line.topics %}<dt>Topics</dt><dd dir="auto">{{ line.topics|join(", ") }}</dd>{% endif %}
      <dt>Sources</dt><dd>
        {%- for n in line.sources %}<a class="ref" href="#s{{ n }}">S{{ n }}</a>{{ ", " if not loop.last }}
        {%- else %}none{% endfor -%}
      </dd>
    </dl>
    {% for q in line.evidence %}
    <blockquote dir="auto"{% if q.lang %} lang="{{ q.lang }}"{% endif %}>{{ q.text }}
      {%- if q.lang %} <span class="lang">({{ q.lang }})</span>{% endif %}</blockquote>
    {% endfor %}
  </article>
  {% else %}
  <p class="none">None found.</p>
  {% endfor %}
</section>
{% endfor %}

<section id="people">
  <h2>People</h2>
  {% for side in r.people %}
  <h3 dir="auto">{{ side.name }} ({{ side.people|length }})</h3>
  {% if side.people %}
  <table>
    <thead><tr><th>Name</th><th>Other names</th><th>Posts</th><th>Events</th><th>Statements</th></tr></thead>
    <tbody>
    {% for p in side.people %}
      <tr><td dir="auto">{{ p.name }}</td><td dir="auto">{{ p.other_names|join(", ") }}</td>
        <td>{{ p.posts|join("; ") }}</td><td class="n">{{ p.events }}</td><td class="n">{{ p.statements }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}
  <p class="none">None found.</p>
  {% endif %}
  {% endfor %}
</section>

<section id="topics">
  <h2>Topics</h2>
  {% if r.topics %}
  <table>
    <tbody>
    {% for name, n in r.topics %}
      <tr><td dir="auto">{{ name }}</td><td class="n">{{ n }}</td>
        <td style="width: 50%"><span class="bar" style="width: {{ (100 * n / max_topic)|round(1) }}%"></span></td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}
  <p class="none">None found.</p>
  {% endif %}
</section>

<section id="statements">
  <h2>Statements ({{ r.statements|length }})</h2>
  {% for st in r.statements %}
  <blockquote dir="auto"{% if st.lang %} lang="{{ st.lang }}"{% endif %}>{{ st.quote }}</blockquote>
  <p class="src">— <span dir="auto">{{ st.speaker or "unnamed speaker" }}</span>
    {%- if st.speaker_post %}, {{ st.speaker_post }}{% endif %}; {{ st.date or "undated" }}
    {%- if st.event_type %}, {{ st.event_type }}{% endif %}{% if st.lang %}; in {{ st.lang }}{% endif %};
    {% for n in st.sources %}<a class="ref" href="#s{{ n }}">S{{ n }}</a>{{ ", " if not loop.last }}{% endfor %}</p>
  {% else %}
  <p class="none">None found.</p>
  {% endfor %}
</section>

<section id="sources">
  <h2>Sources ({{ r.sources|length }})</h2>
  {% if r.sources %}
  <ol class="sources">
  {% for s in r.sources %}
    <li id="s{{ s.number }}" value="{{ s.number }}"><b>S{{ s.number }}</b>
      {% set url = s.url|safe_url %}
      {% if url %}
      <a href="{{ url }}" rel="noopener noreferrer" dir="auto"{% if s.lang %} lang="{{ s.lang }}"{% endif %}>
        {{- s.headline or url }}</a>
      {% else %}
      <span dir="auto"{% if s.lang %} lang="{{ s.lang }}"{% endif %}>{{ s.headline or s.iri }}</span>
      {%- if s.url %} <span class="src">{{ s.url }}</span>{% endif %}
      {% endif %}
      <span class="src">— {{ [s.publisher, s.agency]|reject("equalto", "")|unique|join(", ") }}
        {%- if s.published %}, {{ s.published }}{% endif %}{% if s.lang %}, {{ s.lang }}{% endif %}</span>
    </li>
  {% endfor %}
  </ol>
  {% else %}
  <p class="none">None.</p>
  {% endif %}
</section>
</body>
</html>
"""
