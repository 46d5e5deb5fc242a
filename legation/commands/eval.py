"""`legation eval`: score extraction against annotated articles."""
from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--per-article", is_flag=True, help="also list the counts of every article (JSON)")
@click.option("--min", "minimums", multiple=True, metavar="KIND=F1",
              help="exit 1 when the overall F1 of KIND is below the value (repeatable)")
def command(gold_dir, fmt, per_article, minimums):
    """Measure extraction against gold annotations: precision, recall and F1 per kind and per language.

    GOLD_DIR holds one YAML file per article in the shared gold format (id, lang, text_file, states, officials,
    organizations, events, topics; the format and coding conventions are in the README of the shared eval folder,
    and tests/gold/dev/ is an example). The articles are read and extracted here, no store. Articles that share
    a `group` (one story in several languages) are also compared with their English version: the mean Jaccard
    index of the states and of the typed events extracted, per language.

    \b
    Example:
        legation eval tests/gold/dev --min states=0.95 --min events=0.7
    """
    from ingest.contract import to_json
    from ingest.extract import extract
    from ingest.readers import read_path

    from ..errors import InputError
    from ..evaluate import evaluate

    def predict(path: Path) -> dict:
        items = list(read_path(str(path)))
        article = next((a for a in items if not isinstance(a, InputError)), None)
        if article is None:
            raise items[0] if items else InputError(str(path), "no article")
        return to_json(extract(article), str(path))

    scores, articles = evaluate(Path(gold_dir), predict)
    if fmt == "json":
        out = {"articles": scores.articles, "scores": scores.as_dict(), "agreement": scores.agreement()}
        if per_article:
            out["per_article"] = articles
        click.echo(json.dumps(out, indent=1))
    else:
        click.echo(scores.table())
    failed = []
    overall = scores.as_dict().get("all", {})
    for item in minimums:
        kind, _, value = item.partition("=")
        got = overall.get(kind, {}).get("f1", 0.0)
        if got < float(value):
            failed.append(f"{kind} F1 {got:.3f} < {value}")
    if failed:
        click.echo("below threshold: " + "; ".join(failed), err=True)
        raise SystemExit(1)
