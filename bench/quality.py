"""The quality report: every question set, open corpus, through `Engine.ask`, scored on what the user
is shown (the delivered first quotes, the short answer, the decision to decline), with plain
rank-bm25 over the same passages measured in the same run beside it.

`prepare_index` and `answer_items` are the loop the training code reuses; the scoring functions
are pure and take the items and `Answer.to_json()` dicts.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from rank_bm25 import BM25Okapi

from bench.datasets import SETS, QAItem, QASet, SetMissing, load_set
from bench.evaluate import (
    answer_correct,
    best_f1,
    evidence_in_quote,
    expected_record,
    failure_problems,
    rank_of_hit,
)
from index.analyse import Analyzer
from index.build import IndexSummary, build_index

if TYPE_CHECKING:
    from bot.engine import Engine

ACCURACY_SETS = {"devset", "archive"}  # hand-written short answers: right or wrong; the rest: token F1
TANYA, BM25, INTERNAL = "Tanya", "rank-bm25", "internal top"


@dataclass
class ItemResult:
    """One question as the user met it: the item, the delivered answer, and how long it took."""

    item: QAItem
    answer: dict  # Answer.to_json()
    seconds: float
    internal_top: str | None = None  # article id first in Engine.ranking (when the engine has it)


@dataclass
class Row:
    set: str
    system: str
    answerable: int
    unanswerable: int
    hit_at_1: float | None
    hit_at_3: float | None
    article_at_1: float | None  # the first quote's (or top passage's) article is a gold article
    short_metric: str | None  # "acc" or "F1"
    short_answer: float | None
    short_wrong: float | None  # of the short answers shown, the share that is wrong (any, when unanswerable)
    unanswerable_declined: float | None
    wrongly_declined: float | None
    seconds: float


@dataclass
class SetReport:
    name: str
    split: str
    passages: int
    index_seconds: float
    rows: list[Row]
    articles: int = 0
    index_reused: bool = False  # the corpus was unchanged since the last run: nothing indexed
    skipped_files: list[str] = field(default_factory=list)  # corpus files the indexer refused, with why
    failures: list[dict] = field(default_factory=list)


# -- the index ---------------------------------------------------------------------------------------
def _corpus_sources(qaset: QASet) -> list[tuple[str, Path]]:
    """(name inside the set's corpus folder, real file) of every extra corpus file, folders walked."""
    found = []
    for source in qaset.corpus_files:
        if source.is_dir():
            for root, dirs, files in os.walk(source):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        path = Path(root) / name
                        found.append((path.relative_to(source).as_posix(), path))
        else:
            found.append((source.name, source))
    return found


def corpus_key(qaset: QASet) -> str:
    """A hash of the corpus content, so a set's index is reused until its articles change."""
    digest = hashlib.sha256()
    for article in qaset.corpus:
        digest.update(json.dumps(article, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    for name, path in _corpus_sources(qaset):
        digest.update(name.encode("utf-8") + b"\0")
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()[:16]


def prepare_index(qaset: QASet, work: Path) -> tuple[Path, IndexSummary]:
    """The set's open corpus as a folder under `work` (inline articles as JSONL, files linked, never
    copied) indexed by the real `build_index`; unchanged content reuses it.
    Returns (database path, `IndexSummary`)."""
    folder = Path(work) / f"{qaset.name}-{corpus_key(qaset)}"
    corpus_dir = folder / "corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    if qaset.corpus:
        target = corpus_dir / f"{qaset.name}.jsonl"
        if not target.exists():
            lines = (json.dumps({k: v for k, v in a.items() if v not in (None, "")}, ensure_ascii=False)
                     for a in qaset.corpus)
            partial = target.with_suffix(".part")
            partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
            partial.rename(target)
    for name, path in _corpus_sources(qaset):
        link = corpus_dir / name
        if link.is_symlink() and not link.exists():  # its source has gone (a removed checkout): link anew
            link.unlink()
        if not link.is_symlink():
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(path.resolve())
    db = folder / "tanya.db"
    return db, build_index(corpus_dir, db)  # does nothing on an unchanged corpus


# -- the loop ----------------------------------------------------------------------------------------
def answer_items(items: Iterable[QAItem], engine: Engine, internal: bool = True) -> Iterator[ItemResult]:
    """Ask every item as a user would (a follow-up after its previous question, in one chat)."""
    for item in items:
        started = time.perf_counter()
        previous = engine.ask(item.previous).turn if item.previous else None
        answer = engine.ask(item.question, previous).to_json()
        seconds = time.perf_counter() - started
        yield ItemResult(item, answer, seconds, internal_top(engine, item.question) if internal else None)


def internal_top(engine: Engine, question: str) -> str | None:
    """The first article of the engine's internal ranking, None if the engine keeps none."""
    ranking = getattr(engine, "ranking", None)
    found = ranking(question, k=1) if ranking is not None else []
    return found[0] if found else None


class Bm25Baseline:
    """rank-bm25's `BM25Okapi` over the index's own passages, analysed with our Sastrawi stems."""

    def __init__(self, db_path: Path) -> None:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT id, article_id, text FROM passages ORDER BY id").fetchall()
            stems = dict(conn.execute("SELECT word, term FROM stems"))
        finally:
            conn.close()
        self.analyzer = Analyzer(stems=stems)
        self.passages = [{"passage_id": pid, "article_id": article, "quote": text} for pid, article, text in rows]
        self.model = BM25Okapi([self.analyzer.terms(text) for _, _, text in rows])

    def top(self, question: str, k: int = 3) -> list[dict]:
        terms = self.analyzer.terms(question)
        if not terms:
            return []
        scores = self.model.get_scores(terms)
        best = np.argsort(-scores, kind="stable")[:k]
        return [self.passages[i] for i in best]


# -- scoring (pure) ----------------------------------------------------------------------------------
def quote_rank(item: QAItem, passages: list[dict]) -> int | None:
    """Rank of the first passage that is right: it holds the evidence (hand-written sets) or
    belongs to a gold article (MRC / FacQA)."""
    if item.evidence:
        return rank_of_hit(item.evidence, passages)
    for rank, passage in enumerate(passages, start=1):
        if passage.get("article_id") in item.gold_articles:
            return rank
    return None


def short_answer_score(item: QAItem, answer: dict, metric: str) -> float | None:
    """1/0 (acc) or token F1 of the delivered short answer; None when the item has no gold answer.
    A declined answerable question scores 0."""
    if not item.answerable or not item.answers:
        return None
    if answer.get("abstained"):
        return 0.0
    if metric == "acc":
        return float(answer_correct(answer.get("answer"), item.answers))
    return best_f1(answer.get("answer"), item.answers)


def short_answer_wrong(item: QAItem, answer: dict, metric: str) -> bool | None:
    """Whether a short answer was shown and is wrong (F1 below 0.5; any answer to an unanswerable
    question); None when none was shown or the item has no gold answer to judge it by."""
    if not answer.get("answer") or answer.get("abstained"):
        return None
    if not item.answerable:
        return True
    score = short_answer_score(item, answer, metric)
    return None if score is None else score < 0.5


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _first_article_right(passages: list[dict], gold: frozenset[str]) -> float:
    return float(bool(passages) and passages[0].get("article_id") in gold)


def tanya_row(name: str, results: list[ItemResult], metric: str, seconds: float,
              golds: dict[str, frozenset[str]]) -> Row:
    """The delivered answers; `golds` are each item's gold articles (see `gold_articles`)."""
    answerable = [r for r in results if r.item.answerable]
    unanswerable = [r for r in results if not r.item.answerable]
    ranks = [None if r.answer.get("abstained") else quote_rank(r.item, r.answer.get("passages") or [])
             for r in answerable]
    shorts = [s for r in results if (s := short_answer_score(r.item, r.answer, metric)) is not None]
    wrong = [float(w) for r in results if (w := short_answer_wrong(r.item, r.answer, metric)) is not None]
    return Row(
        set=name, system=TANYA, answerable=len(answerable), unanswerable=len(unanswerable),
        hit_at_1=_mean([float(rank == 1) for rank in ranks]),
        hit_at_3=_mean([float(rank is not None and rank <= 3) for rank in ranks]),
        article_at_1=_mean([0.0 if r.answer.get("abstained") else
                            _first_article_right(r.answer.get("passages") or [], golds[r.item.id])
                            for r in answerable]),
        short_metric=metric, short_answer=_mean(shorts), short_wrong=_mean(wrong),
        unanswerable_declined=_mean([float(bool(r.answer.get("abstained"))) for r in unanswerable]),
        wrongly_declined=_mean([float(bool(r.answer.get("abstained"))) for r in answerable]),
        seconds=seconds,
    )


def bm25_row(name: str, items: list[QAItem], tops: list[list[dict]], seconds: float,
             golds: dict[str, frozenset[str]]) -> Row:
    """rank-bm25's top passages scored like quotes; it never declines and gives no short answer."""
    ranks = [quote_rank(item, top) for item, top in zip(items, tops) if item.answerable]
    articles = [_first_article_right(top, golds[item.id]) for item, top in zip(items, tops) if item.answerable]
    unanswerable = sum(not item.answerable for item in items)
    return Row(
        set=name, system=BM25, answerable=len(ranks), unanswerable=unanswerable,
        hit_at_1=_mean([float(rank == 1) for rank in ranks]),
        hit_at_3=_mean([float(rank is not None and rank <= 3) for rank in ranks]),
        article_at_1=_mean(articles), short_metric=None, short_answer=None, short_wrong=None,
        unanswerable_declined=0.0 if unanswerable else None,
        wrongly_declined=0.0 if ranks else None,
        seconds=seconds,
    )


def internal_row(name: str, results: list[ItemResult], golds: dict[str, frozenset[str]], seconds: float) -> Row:
    """The engine's internal ranking top: an article, so only article@1 is measured (and, on sets
    whose gold is an article anyway, hit@1 too)."""
    answerable = [r for r in results if r.item.answerable]
    article_at_1 = _mean([float(r.internal_top in golds[r.item.id]) for r in answerable])
    by_article = all(not r.item.evidence for r in answerable)
    return Row(
        set=name, system=INTERNAL, answerable=len(answerable), unanswerable=len(results) - len(answerable),
        hit_at_1=article_at_1 if by_article else None, hit_at_3=None, article_at_1=article_at_1, short_metric=None,
        short_answer=None, short_wrong=None, unanswerable_declined=None, wrongly_declined=None, seconds=seconds,
    )


def gold_articles(item: QAItem, passages: list[dict]) -> frozenset[str]:
    """The item's gold articles; for a set that names none, the articles whose passages hold the evidence."""
    if item.gold_articles or not item.evidence:
        return item.gold_articles
    return frozenset(p["article_id"] for p in passages if evidence_in_quote(item.evidence, p["quote"]))


def failure_record(name: str, result: ItemResult, metric: str, bm25_top: list[dict]) -> dict | None:
    """What went wrong for one question (None if nothing did), for error analysis."""
    item, answer = result.item, result.answer
    abstained = bool(answer.get("abstained"))
    rank = None if abstained else quote_rank(item, answer.get("passages") or [])
    short = short_answer_score(item, answer, metric)
    problems = failure_problems(item.answerable, abstained, rank, short is not None and short < 1.0)
    if not problems:
        return None
    return {
        "set": name, "id": item.id, "question": item.question, "previous": item.previous,
        "problems": problems, "short_answer_score": short, "expected": expected_record(item),
        "got": {"abstained": abstained, "answer": answer.get("answer"),
                "quotes": [{"article_id": p.get("article_id"), "quote": p.get("quote")}
                           for p in answer.get("passages") or []]},
        "internal_top": result.internal_top,
        "bm25_top": [p["article_id"] for p in bm25_top],
    }


# -- one set, all sets -------------------------------------------------------------------------------
def run_set(qaset: QASet, work: Path, log: Callable[[str], None] | None = None) -> SetReport:
    """Index the set's corpus, ask every question, measure rank-bm25 on the same passages."""
    from bot.engine import Engine

    log = log or (lambda message: None)
    db, summary = prepare_index(qaset, work)
    log(f"{qaset.name}: index ready in {summary.seconds:.1f} s; asking {len(qaset.items)} questions")
    engine = Engine(db)
    started = time.perf_counter()
    results = list(answer_items(qaset.items, engine, internal=False))
    ask_seconds = time.perf_counter() - started
    metric = "acc" if qaset.name in ACCURACY_SETS else "F1"

    started = time.perf_counter()
    baseline = Bm25Baseline(db)
    tops = [baseline.top(item.question) for item in qaset.items]
    bm25_seconds = time.perf_counter() - started
    golds = {item.id: gold_articles(item, baseline.passages) for item in qaset.items}
    rows = [tanya_row(qaset.name, results, metric, ask_seconds, golds),
            bm25_row(qaset.name, qaset.items, tops, bm25_seconds, golds)]

    if hasattr(engine, "ranking"):
        started = time.perf_counter()
        for result in results:
            result.internal_top = internal_top(engine, result.item.question)
        internal_seconds = time.perf_counter() - started
        rows.append(internal_row(qaset.name, results, golds, internal_seconds))
    failures = [f for r, top in zip(results, tops) if (f := failure_record(qaset.name, r, metric, top))]
    return SetReport(qaset.name, qaset.split, len(baseline.passages), summary.seconds, rows, failures=failures,
                     articles=summary.articles, index_reused=not summary.changed and not summary.rebuilt,
                     skipped_files=[f"{s.path}: {s.reason}" for s in summary.skipped])


def run_quality(names: list[str], split: str, work: Path, shared: Path | None = None,
                limit: int | None = None, log: Callable[[str], None] | None = None
                ) -> tuple[list[SetReport], list[str]]:
    """Every named set that is present; a missing one becomes a line saying so."""
    reports, skipped = [], []
    for name in names:
        try:
            qaset = load_set(name, split, shared, limit)
        except SetMissing as missing:
            skipped.append(f"{name}: dilewati / skipped — {missing}")
            continue
        if not qaset.items:
            skipped.append(f"{name}: dilewati / skipped — no {split} questions")
            continue
        reports.append(run_set(qaset, work, log))
    return reports, skipped


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def format_table(reports: list[SetReport], skipped: list[str], split: str) -> str:
    """One Markdown table for all sets, then notes (index sizes, skipped sets)."""
    lines = [
        f"Quality, split {split} (open corpus, delivered answers; rank-bm25 on the same passages)",
        "",
        "| set | system | questions (answerable/unanswerable) | hit@1 | hit@3 | article@1 | short answer | "
        "short answers wrong | unanswerable declined | answerable wrongly declined | seconds |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for report in reports:
        for row in report.rows:
            short = "—" if row.short_answer is None else f"{row.short_metric} {row.short_answer:.3f}"
            lines.append(
                f"| {row.set} | {row.system} | {row.answerable + row.unanswerable} "
                f"({row.answerable}/{row.unanswerable}) | {_cell(row.hit_at_1)} | {_cell(row.hit_at_3)} | "
                f"{_cell(row.article_at_1)} | "
                f"{short} | {_cell(row.short_wrong)} | {_cell(row.unanswerable_declined)} | "
                f"{_cell(row.wrongly_declined)} | {row.seconds:.1f} |"
            )
    lines.append("")
    for r in reports:
        index = "reused" if r.index_reused else f"built in {r.index_seconds:.1f} s"
        refused = f"; {len(r.skipped_files)} corpus files refused" if r.skipped_files else ""
        lines.append(f"- {r.name}: {r.articles:,} articles, {r.passages:,} passages (index {index}{refused})")
    lines += [f"- {line}" for line in skipped]
    lines.append("- hit@k: evidence in the quote (devset, archive) or the quote from a gold article (MRC, "
                 "FacQA); article@1: the first quote's article is a gold article (devset: an article "
                 "holding the evidence), the measure the internal ranking (articles only) can be compared "
                 "on; declined answerable questions count as misses. Short answers wrong: of the short "
                 "answers shown, the share a reader is misled by (F1 below 0.5, or any answer to an "
                 "unanswerable question): a wrong one is worse than none.")
    return "\n".join(lines)


def to_json(reports: list[SetReport], skipped: list[str], split: str) -> dict:
    return {
        "split": split,
        "sets": [{"name": r.name, "articles": r.articles, "passages": r.passages,
                  "index_seconds": round(r.index_seconds, 2), "index_reused": r.index_reused,
                  "skipped_files": r.skipped_files,
                  "rows": [asdict(row) for row in r.rows]} for r in reports],
        "skipped": skipped,
    }


def stderr_log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_sets(text: str | None) -> list[str]:
    """"a,b" → ["a", "b"], checked against the known sets; empty → all of them."""
    if not text:
        return list(SETS)
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in SETS]
    if unknown:
        raise ValueError(f"set tidak dikenal / unknown set: {', '.join(unknown)} (known: {', '.join(SETS)})")
    return names
