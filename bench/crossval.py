"""Held-out figures on the train splits (`tanya crossval`): each fold's questions are answered by
models fitted on the other folds (thresholds still chosen on dev), so a change to features,
extractors or training is judged on thousands of questions no model was fitted on, before dev is
looked at, and long before test: one of the archive's 55 answerable dev questions moves a figure
by 0.018, one of its 542 answerable train questions by 0.002.

The figures are the delivered answer's, as in `tanya quality`: the first quote (the short answer's
sentence when one is shown), the short answer, and whether Tanya declined.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bench.evaluate import best_f1, expected_record, failure_problems
from bench.train import TRAIN_PER_SET, Example, answer_right, article_right, collect_sets, is_right, train
from bot.candidates import Sentence
from bot.engine import Engine

FOLDS = 4
FIGURES = ("hit@1", "article@1", "short right", "short F1", "short answers wrong", "unanswerable declined",
           "answerable wrongly declined")


def run(work: Path, shared: Path | None = None, folds: int = FOLDS, limit: int | None = TRAIN_PER_SET,
        log: Callable[[str], None] = print, failures: list[dict] | None = None) -> dict[str, dict[str, float]]:
    """Collect the sets as `tanya train` does (`limit` questions drawn per train split) and report
    `held_out`."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        train_examples, dev_examples, engine = collect_sets(work, shared, log, limit)
        return held_out(train_examples, dev_examples, engine, folds, log, failures)


def held_out(train_examples: list[Example], dev_examples: list[Example], engine: Engine, folds: int = FOLDS,
             log: Callable[[str], None] = print, failures: list[dict] | None = None) -> dict[str, dict[str, float]]:
    """Per set, the figures of FIGURES over every train question, each answered by the fit that left
    its fold out. Folds are dealt in turn over the examples as collected (a seeded draw per set).
    Each question that went wrong is added to `failures`: thousands of held-out answers to read
    for what goes wrong, where dev has a few hundred and the train questions scored in sample hide
    what the models learnt by heart."""
    fold = np.arange(len(train_examples)) % folds
    counts: dict[str, Counter] = defaultdict(Counter)
    for k in range(folds):
        models, _ = train([e for e, f in zip(train_examples, fold) if f != k], dev_examples, engine)
        for example in (e for e, f in zip(train_examples, fold) if f == k):
            shown = engine.score(example.query, example.candidates, models).delivered(models)
            quote, short = (shown[0][0][0], shown[1]) if shown else (None, None)
            _count(counts[example.set_name], example, quote, short)
            if failures is not None and (record := failure_record(example, quote, short)):
                failures.append(record)
        log(f"fold {k + 1}/{folds}")
    return {name: _figures(c) for name, c in sorted(counts.items())}


def failure_record(example: Example, quote: Sentence | None, short: str | None) -> dict | None:
    """What went wrong for one held-out question (None if nothing did), named as every failures
    file names it (`failure_problems`): a held-out quote is right or not, it has no rank."""
    declined = quote is None
    rank = None if declined or not is_right(example, quote) else 1
    short_wrong = bool(example.answers) and (short is None or not answer_right(short, example.answers))
    problems = failure_problems(example.answerable, declined, rank, short_wrong)
    if not problems:
        return None
    return {
        "set": example.set_name, "question": example.query.question.original, "problems": problems,
        "expected": expected_record(example),
        "got": {"abstained": declined, "answer": short,
                "quote": None if quote is None else quote.text,
                "article_id": None if quote is None else quote.article.info.article_id},
    }


def _count(c: Counter, example: Example, quote: Sentence | None, short: str | None) -> None:
    if not example.answerable:
        c["unanswerable"] += 1
        c["declined"] += quote is None
        c["shown"] += short is not None
        c["wrong"] += short is not None
        return
    c["answerable"] += 1
    c["wrongly declined"] += quote is None
    c["hit"] += quote is not None and is_right(example, quote)
    c["article"] += quote is not None and article_right(example, quote)
    if example.answers:
        c["with answer"] += 1
        c["f1"] += best_f1(short, example.answers) if short is not None else 0.0
        right = short is not None and answer_right(short, example.answers)
        c["right"] += right
        c["shown"] += short is not None
        c["wrong"] += short is not None and not right


def _figures(c: Counter) -> dict[str, float]:
    def share(part: str, whole: str) -> float:
        return c[part] / c[whole] if c[whole] else float("nan")

    return {"answerable": c["answerable"], "unanswerable": c["unanswerable"],
            "hit@1": share("hit", "answerable"), "article@1": share("article", "answerable"),
            "short right": share("right", "with answer"), "short F1": share("f1", "with answer"),
            "short answers wrong": share("wrong", "shown"),
            "unanswerable declined": share("declined", "unanswerable"),
            "answerable wrongly declined": share("wrongly declined", "answerable")}


def format_table(figures: dict[str, dict[str, float]]) -> str:
    lines = ["| set | questions (answerable/unanswerable) | " + " | ".join(FIGURES) + " |",
             "| --- | --- |" + " --- |" * len(FIGURES)]
    for name, f in figures.items():
        cells = ["—" if np.isnan(f[k]) else f"{f[k]:.3f}" for k in FIGURES]
        lines.append(f"| {name} | {f['answerable'] + f['unanswerable']} ({f['answerable']}/{f['unanswerable']}) | "
                     + " | ".join(cells) + " |")
    return "\n".join(lines)
