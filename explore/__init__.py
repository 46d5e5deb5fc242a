"""Exploring the graph: the interactive network page and the relation reports.

- ``facts``: what the views show, read from the store with SPARQL (``Selection``: states, period, types);
- ``labels``: names in the reader's language (en, ar, ru);
- ``network``: the entity graph and the state-to-state graph (networkx);
- ``layout``: node positions computed beforehand, so that 5,000 nodes appear at once;
- ``page``: the self-contained HTML page (pyvis, vis-network inlined, nothing fetched);
- ``formats``: GraphML and GEXF;
- ``report``: the data of a relation report; ``chart``: its timeline as SVG;
- ``render_md``, ``render_html``, ``render_csv``, ``render_json``: the report in each format;
- ``screenshot``: headless Chromium over the DevTools protocol (screenshots, and what a page did).
"""
