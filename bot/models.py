"""The learned parts of answering: small logistic models, two of them corrected by shallow boosted trees,
fitted by `tanya train` (bench/train.py) and shipped as JSON in bot/data/models/. Scoring is a dot
product or a few hundred comparisons, so loading and using them costs next to nothing.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).parent / "data" / "models"  # TANYA_MODELS points elsewhere (a retrained set)


@dataclass
class LinearModel:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float = 0.5  # where a decision is made from the probability, chosen on dev
    # A threshold of its own for news stories, whose answers the decline model and the short-answer
    # gate score differently from the lone paragraphs of the MRC sets.
    story_threshold: float | None = None

    def probability(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.log_odds(rows)))

    def log_odds(self, rows: np.ndarray) -> np.ndarray:
        if rows.shape[0] == 0:
            return np.zeros(0)
        return ((rows - self.mean) / self.scale) @ self.coef + self.intercept

    def score(self, rows: np.ndarray) -> np.ndarray:
        """The linear score alone: enough to choose among rows, as the candidate choosers do."""
        return ((rows - self.mean) / self.scale) @ self.coef

    def threshold_for(self, story: bool) -> float:
        return self.story_threshold if story and self.story_threshold is not None else self.threshold

    def to_json(self) -> dict:
        data = {"features": list(self.features), "mean": self.mean.round(8).tolist(),
                "scale": self.scale.round(8).tolist(), "coef": self.coef.round(8).tolist(),
                "intercept": round(float(self.intercept), 8), "threshold": _round_down(self.threshold)}
        if self.story_threshold is not None:
            data["story_threshold"] = _round_down(self.story_threshold)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        story = data.get("story_threshold")
        return cls(tuple(data["features"]), np.array(data["mean"]), np.array(data["scale"]), np.array(data["coef"]),
                   float(data["intercept"]), float(data.get("threshold", 0.5)),
                   None if story is None else float(story))


# The trees read their signals to three decimals: float noise in the last bits (another machine's
# arithmetic) cannot then move a row across a split, nor a retrained tree onto another split.
GATE_DECIMALS = 3


@dataclass
class TreeModel:
    """A logistic model corrected by boosted regression trees, whose leaves add to its log-odds: the
    short-answer gate, whose signals combine in ways a sum of weights misses, while a rare signal the
    trees never split on (the asked role missing, "siapa istri …") keeps its logistic weight; and the
    decline model, whose trees correct news stories only. Node arrays are one row per tree, padded
    with leaves: the feature a node splits on (-1 at a leaf), its threshold (a row goes left when its
    value, as float32, is at most it), its left and right child, and a leaf's value. Every tree is
    walked at once, a level per step."""

    base: LinearModel
    feature: np.ndarray
    split: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    threshold: float = 0.5
    story_threshold: float | None = None
    # The trees correct only the rows where this feature is set ("story": the decline model's trees
    # are fitted on news stories alone, so a lone MRC paragraph keeps the logistic model's odds).
    within: str | None = None

    def threshold_for(self, story: bool) -> float:
        return self.story_threshold if story and self.story_threshold is not None else self.threshold

    @property
    def features(self) -> tuple[str, ...]:
        return self.base.features

    @classmethod
    def of_trees(cls, base: LinearModel, trees: list[dict], within: str | None = None) -> "TreeModel":
        """From one dict of node lists per tree (feature, split, left, right, leaf)."""
        width = max(len(t["feature"]) for t in trees)

        def padded(key: str, fill: float, dtype: type) -> np.ndarray:
            return np.array([list(t[key]) + [fill] * (width - len(t[key])) for t in trees], dtype=dtype)

        return cls(base, padded("feature", -1, np.int64), padded("split", 0.0, np.float64),
                   padded("left", 0, np.int64), padded("right", 0, np.int64), padded("leaf", 0.0, np.float64),
                   within=within)

    def probability(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.log_odds(rows)))

    def log_odds(self, rows: np.ndarray) -> np.ndarray:
        rows = rows.round(GATE_DECIMALS)
        values = rows.astype(np.float32)  # as the trees were fitted: splits fall between float32 values
        trees = np.arange(len(self.feature))
        node = np.zeros((len(rows), len(trees)), dtype=np.int64)
        while (inner := self.feature[trees, node] >= 0).any():
            feature = np.maximum(self.feature[trees, node], 0)
            goes_left = np.take_along_axis(values, feature, axis=1) <= self.split[trees, node]
            node = np.where(inner, np.where(goes_left, self.left[trees, node], self.right[trees, node]), node)
        correction = self.leaf[trees, node].sum(axis=1)
        if self.within is not None:
            correction = np.where(rows_within(self.features, rows, self.within), correction, 0.0)
        return self.base.log_odds(rows) + correction

    def to_json(self) -> dict:
        data = {"features": list(self.features), "threshold": _round_down(self.threshold), "base": self.base.to_json(),
                "feature": self.feature.tolist(), "split": self.split.tolist(), "left": self.left.tolist(),
                "right": self.right.tolist(), "leaf": self.leaf.round(10).tolist()}
        if self.story_threshold is not None:
            data["story_threshold"] = _round_down(self.story_threshold)
        if self.within is not None:
            data["within"] = self.within
        return data

    @classmethod
    def from_json(cls, data: dict) -> "TreeModel":
        return cls(LinearModel.from_json(data["base"]), np.array(data["feature"], dtype=np.int64),
                   np.array(data["split"]), np.array(data["left"], dtype=np.int64),
                   np.array(data["right"], dtype=np.int64), np.array(data["leaf"]), float(data.get("threshold", 0.5)),
                   None if data.get("story_threshold") is None else float(data["story_threshold"]), data.get("within"))


Model = LinearModel | TreeModel


def rows_within(features: tuple[str, ...], rows: np.ndarray, within: str) -> np.ndarray:
    """Which rows have the flag `within` set: those a TreeModel's trees are fitted on and correct."""
    return rows[:, features.index(within)] > 0.5


def log_odds(probability: np.ndarray) -> np.ndarray:
    """The log-odds of probabilities, kept finite: the scale a linear correction is added on."""
    p = np.clip(probability, 1e-12, 1.0 - 1e-12)
    return np.log(p) - np.log1p(-p)


def _round_down(threshold: float) -> float:
    """A threshold is chosen at a dev question's own score (ties are common: "kapan Putin ke
    Pyongyang" and "kapan putin ke pyongyang" score the same), so rounding it up would decline them."""
    return math.floor(float(threshold) * 1e6) / 1e6


@dataclass
class Models:
    sentence: LinearModel  # first stage: every candidate sentence, lexical features
    answer: LinearModel  # second stage: the leading sentences, with what answer they hold
    confidence: LinearModel  # is the chosen sentence itself right? (the short-answer gate reads it)
    decline: Model  # does the chosen article answer at all? below its threshold, decline
    # Over the question's words the best passage does not say: does the question still have an answer
    # there? A feature of the decline and confidence models.
    unsaid: LinearModel
    short: Model  # is the short answer right? below its threshold, show none
    # Per answer kind, which of an extractor's candidate phrases to show; a kind without one keeps
    # the extractor's hand-set choice (training keeps that where the model did not beat it).
    choice: dict[str, LinearModel] = field(default_factory=dict)
    # Within the best news story, the order of its leading sentences; None: the second stage's order.
    story: LinearModel | None = None


MODEL_NAMES = ("sentence", "answer", "unsaid", "confidence", "decline", "short")
STORY = "story"
CHOICE_PREFIX = "choice_"


def load_models(folder: Path | None = None) -> Models:
    folder = folder or Path(os.environ.get("TANYA_MODELS") or MODEL_DIR)
    choice = {path.stem.removeprefix(CHOICE_PREFIX): _load(path)
              for path in sorted(folder.glob(f"{CHOICE_PREFIX}*.json"))}
    story = folder / f"{STORY}.json"
    return Models(**{name: _load(folder / f"{name}.json") for name in MODEL_NAMES}, choice=choice,
                  story=_load(story) if story.exists() else None)


@lru_cache(maxsize=8)
def _load(path: Path) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    return TreeModel.from_json(data) if "leaf" in data else LinearModel.from_json(data)


def save_models(models: Models, folder: Path = MODEL_DIR) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in MODEL_NAMES:
        _save(getattr(models, name), folder / f"{name}.json")
    story = folder / f"{STORY}.json"
    if models.story is not None:
        _save(models.story, story)
    else:
        story.unlink(missing_ok=True)  # a stale one would reorder by another fit
    for stale in folder.glob(f"{CHOICE_PREFIX}*.json"):
        stale.unlink()
    for kind, model in models.choice.items():
        _save(model, folder / f"{CHOICE_PREFIX}{kind}.json")


def _save(model: Model, path: Path) -> None:
    path.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")


def blank_model(features: tuple[str, ...]) -> LinearModel:
    """A model that knows nothing (every probability 0.5): the stand-in while training fits the
    stages one after another."""
    n = len(features)
    return LinearModel(features, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.0)
