"""The shipped models are what `tanya train` makes from ../shared, `tanya crossval` reports held-out
figures for every train set, and the engine's delivered answers on the archive and seed dev sets
stay above their floors (through the real CLI)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bench.datasets import default_shared
from bot.models import CHOICE_PREFIX, MODEL_DIR, MODEL_NAMES, STORY, TreeModel, load_models

DATASETS = default_shared() / "datasets"
needs_data = pytest.mark.skipif(
    not (DATASETS / "indosum" / "articles.jsonl").exists() or not (DATASETS / "idk_mrc").exists()
    or not (DATASETS / "facqa").exists(),
    reason="needs ../shared/datasets (IndoSum, FacQA, IDK-MRC, TyDiQA) to train",
)
CLI = [sys.executable, "-m", "bot.cli"]


@pytest.fixture
def work(quality_work: Path) -> Path:
    return quality_work


def test_shipped_models_are_small_and_load() -> None:
    size = sum(path.stat().st_size for path in MODEL_DIR.glob("*.json"))
    assert size < 5 * 1024 * 1024
    models = load_models()
    assert models.choice, "no fitted candidate chooser is shipped"
    for model in [getattr(models, name) for name in MODEL_NAMES] + list(models.choice.values()):
        assert 0.0 <= model.threshold < 1.0
        if isinstance(model, TreeModel):
            assert model.feature.max() < len(model.features) and np.all(np.isfinite(model.leaf))
            continue
        assert len(model.coef) == len(model.features) == len(model.mean)
        assert np.all(np.isfinite(model.coef))
    for model in (models.decline, models.short):  # one threshold for news stories, one for MRC paragraphs
        assert model.story_threshold is not None and 0.0 <= model.story_threshold < 1.0
    assert models.story is not None and np.all(np.isfinite(models.story.coef)), "no story model is shipped"


@needs_data
def test_train_reproduces_the_shipped_models(tmp_path: Path, work: Path) -> None:
    out = tmp_path / "models"
    done = subprocess.run([*CLI, "train", "--work", str(work), "--out", str(out)],
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr
    choosers = sorted(p.stem for p in MODEL_DIR.glob(f"{CHOICE_PREFIX}*.json"))
    assert sorted(p.stem for p in out.glob(f"{CHOICE_PREFIX}*.json")) == choosers
    for name in [*MODEL_NAMES, STORY, *choosers]:
        fresh = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        shipped = json.loads((MODEL_DIR / f"{name}.json").read_text(encoding="utf-8"))
        assert fresh["features"] == shipped["features"], name
        if "leaf" in shipped:  # trees: the same probabilities over rows spread across every split
            trees = [TreeModel.from_json(m) for m in (fresh, shipped)]
            rows = _rows_across_splits(trees[1])
            np.testing.assert_allclose(*(t.probability(rows) for t in trees), atol=1e-3, err_msg=name)
        else:
            np.testing.assert_allclose(fresh["coef"], shipped["coef"], atol=1e-3, err_msg=name)
        assert abs(fresh["threshold"] - shipped["threshold"]) < 0.02, name
        assert abs(fresh.get("story_threshold", 0.0) - shipped.get("story_threshold", 0.0)) < 0.02, name


def _rows_across_splits(model: TreeModel, count: int = 2000) -> np.ndarray:
    """Seeded rows drawn over the range the model's splits cover, feature by feature."""
    inner = model.feature >= 0
    low, high = np.zeros(len(model.features)), np.ones(len(model.features))
    for f in range(len(model.features)):
        splits = model.split[inner & (model.feature == f)]
        if len(splits):
            low[f], high[f] = min(0.0, splits.min() - 0.1), max(1.0, splits.max() + 0.1)
    return low + np.random.default_rng(0).random((count, len(low))) * (high - low)


@needs_data
def test_crossval_reports_every_train_set_on_held_out_questions(work: Path, tmp_path: Path) -> None:
    failures = tmp_path / "failures.jsonl"
    done = subprocess.run([*CLI, "crossval", "--work", str(work), "--folds", "2", "--limit", "60",
                           "--failures", str(failures)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("fold ") == 2, done.stderr
    rows = {r[0]: r for r in _table_rows(done.stdout)}
    assert sorted(rows) == ["archive", "facqa", "idk_mrc", "tydiqa"]
    for name, row in rows.items():
        asked, split = row[1].split(" ")
        answerable, unanswerable = (int(n) for n in split.strip("()").split("/"))
        assert 50 <= int(asked) == answerable + unanswerable <= 60, row  # a question nothing matches is left out
        figures = [float(cell) for cell in row[2:] if cell != "—"]
        assert figures and all(0.0 <= f <= 1.0 for f in figures), row
    assert int(rows["archive"][1].split("/")[1].rstrip(")")) > 0  # the near misses are scored too
    assert rows["facqa"][7] == "—"  # no unanswerable question, no share of them declined
    # every held-out question that went wrong is written out, as many as the table counts
    records = [json.loads(line) for line in failures.read_text(encoding="utf-8").splitlines()]
    for name, row in rows.items():
        answerable, unanswerable = (int(n) for n in row[1].split(" ")[1].strip("()").split("/"))
        problems = [p for r in records if r["set"] == name for p in r["problems"]]
        assert problems.count("false_abstention") == round(float(row[8]) * answerable), name
        if unanswerable:
            assert problems.count("should_abstain") == round((1 - float(row[7])) * unanswerable), name
        assert problems.count("quote_miss") == answerable - round(float(row[2]) * answerable) - problems.count(
            "false_abstention"), name
    assert all(r["question"] and r["expected"] and "quote" in r["got"] for r in records)


def _table_rows(output: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split("|")] for line in output.splitlines()
            if line.startswith("| ") and not line.startswith("| set") and not line.startswith("| ---")]


def _quality_rows(work: Path, sets: str, split: str) -> dict[str, list[str]]:
    done = subprocess.run([*CLI, "quality", "--sets", sets, "--split", split, "--work", str(work)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return {(r[0], r[1]): r for r in _table_rows(done.stdout)}


# Floors: what the delivered answer reaches now (test split), so a change that loses ground fails CI.
# The goals (hit@1 0.80 on the archive, …) are higher; the README says where we stand.
ARCHIVE_FLOORS = {"hit@1": 0.50, "hit@3": 0.50, "short": 0.33, "wrongly": 0.10}


@needs_data
def test_archive_set_through_the_cli_stays_above_its_floors(work: Path) -> None:
    rows = _quality_rows(work, "archive", "test")
    tanya, bm25 = rows[("archive", "Tanya")], rows[("archive", "rank-bm25")]
    assert float(tanya[3]) >= ARCHIVE_FLOORS["hit@1"], tanya
    assert float(tanya[4]) >= ARCHIVE_FLOORS["hit@3"], tanya
    assert float(tanya[6].split()[1]) >= ARCHIVE_FLOORS["short"], tanya
    assert float(tanya[9]) <= ARCHIVE_FLOORS["wrongly"], tanya
    assert float(tanya[3]) >= float(bm25[3]) - 0.05, (tanya, bm25)
