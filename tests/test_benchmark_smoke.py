"""A tiny archive benchmark run, so CI proves the generator and the benchmark script still work.

The real figures come from `python -m bench.benchmark` at 70,000 articles; here only that every
step runs and reports, on 200 real articles grown to 400 by the generator.
"""
from __future__ import annotations

import json
from pathlib import Path

from bench import synthetic
from bench.benchmark import TARGETS, BenchConfig, main, run_benchmark, render_report
from tests.conftest import require_dataset

BASE_ARTICLES = 200
ARTICLES = 400


def _small_base(tmp_path: Path) -> Path:
    source = require_dataset("indosum", "articles.jsonl")
    lines = source.read_text(encoding="utf-8").splitlines()[:BASE_ARTICLES]
    base = tmp_path / "base.jsonl"
    base.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return base


def test_generator_is_deterministic_and_varies_the_text(tmp_path: Path) -> None:
    base = synthetic.load_base(_small_base(tmp_path))
    first = synthetic.generated_article(base, 1, BASE_ARTICLES + 7)
    assert first == synthetic.generated_article(base, 1, BASE_ARTICLES + 7)
    assert first != synthetic.generated_article(base, 2, BASE_ARTICLES + 7)
    paragraphs = first["text"].split("\n\n")
    assert len(paragraphs) >= 3
    base_paragraphs = {p for ps in base.paragraphs for p in ps}
    assert any(p not in base_paragraphs for p in paragraphs)  # names and numbers were changed
    corpus = synthetic.generate_corpus(tmp_path / "base.jsonl", tmp_path / "corpus", 1500, base=base)
    files = sorted(corpus.glob("*.jsonl"))
    assert [f.name for f in files] == ["part-00000.jsonl", "part-00001.jsonl"]
    ids = [json.loads(line)["id"] for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 1500


def test_benchmark_runs_end_to_end_and_reports_every_target(tmp_path: Path) -> None:
    config = BenchConfig(
        articles=ARTICLES, questions=20, work=tmp_path / "work", base=_small_base(tmp_path), profile=False
    )
    result = run_benchmark(config)
    figures = result.figures
    assert figures["articles"] == ARTICLES
    assert figures["passages"] > ARTICLES * 5
    assert figures["questions"] == 20
    assert 0 < figures["search_p50_ms"] and 0 < figures["bm25_p50_ms"]
    assert 0 < figures["ask_first_p50_ms"] <= figures["ask_first_p95_ms"]  # the pass before the timed one
    assert figures["agreement"] >= 0.95  # our search ranks as BM25Okapi does
    assert figures["rss_answers"] == 20
    assert not result.notes, result.notes
    report = render_report(result)
    for _, label, target, _ in TARGETS:
        assert label in report and target in report
    assert "first pass over the same questions" in report


def test_command_line_writes_the_report(tmp_path: Path, capsys) -> None:
    report = tmp_path / "report.md"
    code = main([
        "--articles", "250", "--questions", "5", "--work", str(tmp_path / "work"), "--report", str(report),
        "--base", str(_small_base(tmp_path)), "--no-bm25",
    ])
    assert code == 0
    assert report.read_text(encoding="utf-8") in capsys.readouterr().out
    assert json.loads(report.with_suffix(".json").read_text())["figures"]["articles"] == 250
