"""The FacQA benchmark script on the real dataset (skipped when ../shared/datasets is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.facqa import run, token_f1
from tests.conftest import require_dataset


@pytest.mark.parametrize("predicted, gold, expected", [
    ("Christian Hadinata", "Christian Hadinata", 1.0),
    ("pelatih Christian Hadinata", "Christian Hadinata", 0.8),
    (None, "Christian Hadinata", 0.0),
    ("Juni 2024", "2023", 0.0),
])
def test_token_f1(predicted: str | None, gold: str, expected: float) -> None:
    assert token_f1(predicted, gold) == pytest.approx(expected)


def test_benchmark_runs_open_corpus_on_the_real_passages(tmp_path: Path) -> None:
    dataset = require_dataset("facqa")
    report = run(dataset, tmp_path, split="valid", limit=40)
    assert report.questions == 40
    assert (tmp_path / "corpus" / "facqa.jsonl").read_text(encoding="utf-8").count("\n") == 1369
    # Far above chance (1/1369): retrieval and answers really run over the indexed passages.
    assert report.hit_at_1 > 0.5 and report.mrr_at_10 >= report.hit_at_1
    assert 0.0 < report.answer_f1 <= 1.0
    assert report.hit_at_1 <= report.hit_at_1_same_text <= 1.0
