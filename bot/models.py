"""The learned parts of answering: small logistic models fitted by `tanya train` (bench/train.py)
and shipped as JSON in bot/data/models/. Scoring is a dot product, so loading and using them costs
next to nothing.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
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

    def probability(self, rows: np.ndarray) -> np.ndarray:
        if rows.shape[0] == 0:
            return np.zeros(0)
        z = ((rows - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.round(8).tolist(),
                "scale": self.scale.round(8).tolist(), "coef": self.coef.round(8).tolist(),
                "intercept": round(float(self.intercept), 8), "threshold": round(float(self.threshold), 6)}

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        return cls(tuple(data["features"]), np.array(data["mean"]), np.array(data["scale"]), np.array(data["coef"]),
                   float(data["intercept"]), float(data.get("threshold", 0.5)))


@dataclass
class Models:
    sentence: LinearModel  # first stage: every candidate sentence, lexical features
    answer: LinearModel  # second stage: the leading sentences, with what answer they hold
    decline: LinearModel  # is the chosen sentence right at all? below its threshold, decline
    short: LinearModel  # is the short answer right? below its threshold, show none


MODEL_NAMES = ("sentence", "answer", "decline", "short")


def load_models(folder: Path | None = None) -> Models:
    folder = folder or Path(os.environ.get("TANYA_MODELS") or MODEL_DIR)
    return Models(**{name: _load(folder / f"{name}.json") for name in MODEL_NAMES})


@lru_cache(maxsize=8)
def _load(path: Path) -> LinearModel:
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def save_models(models: Models, folder: Path = MODEL_DIR) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in MODEL_NAMES:
        (folder / f"{name}.json").write_text(json.dumps(getattr(models, name).to_json(), indent=1) + "\n",
                                              encoding="utf-8")


def blank_model(features: tuple[str, ...]) -> LinearModel:
    """A model that knows nothing (every probability 0.5): the stand-in while training fits the
    stages one after another."""
    n = len(features)
    return LinearModel(features, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.0)
