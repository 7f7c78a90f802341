"""Every question set in one shape, so the quality report and the training code read them alike.

A set is an open corpus (articles to index, inline or as files) plus questions; each question knows
whether the corpus answers it, which articles hold the answer, the verbatim evidence (hand-written
sets) and the acceptable short answers. Splits are train / dev / test; FacQA's and the MRC sets'
`valid` is our dev. The seed set `tests/devset.jsonl` has no splits: every split gives all of it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVSET_FILE = REPO / "tests" / "devset.jsonl"
ARCHIVE_FILE = REPO / "tests" / "archive" / "questions.jsonl"
# further questions over further articles, for training only: the evaluation set keeps its 50/25/25
ARCHIVE_TRAINING_FILE = REPO / "tests" / "archive" / "train_more.jsonl"
BUNDLED_CORPUS = REPO / "corpus"
SETS = ("devset", "archive", "facqa", "idk_mrc", "tydiqa")
SPLITS = ("train", "dev", "test")
_MRC_FILES = {"train": "train", "dev": "valid", "test": "test"}  # our split → the dataset's file
_MRC_FOLDERS = {"idk_mrc": ("IDK-MRC", "idk_mrc"), "tydiqa": ("TyDiQA-GoldP", "tydiqa_goldp_id")}


class SetMissing(FileNotFoundError):
    """A set's questions or corpus are not on this machine (datasets live beside the repo)."""


@dataclass
class QAItem:
    id: str
    question: str
    answerable: bool
    gold_articles: frozenset[str]  # article ids whose text holds the answer (empty: known only by evidence)
    evidence: list[str]  # verbatim evidence strings (devset/archive), may be empty
    answers: list[str]  # acceptable short answers (gold spans), may be empty
    previous: str | None = None  # a follow-up's previous question, asked first in the same chat


@dataclass
class QASet:
    name: str
    split: str
    corpus: list[dict]  # articles in our JSONL corpus form (id, title, text, source, url, date)
    corpus_files: list[Path]  # files or folders indexed as well (the repo's corpus/, IndoSum)
    items: list[QAItem] = field(default_factory=list)

    @property
    def answerable(self) -> int:
        return sum(item.answerable for item in self.items)

    @property
    def unanswerable(self) -> int:
        return len(self.items) - self.answerable


def default_shared(override: str | Path | None = None) -> Path:
    """The `shared` folder beside the repo (../shared), unless `--shared` or TANYA_SHARED says otherwise."""
    if override:
        return Path(override)
    if os.environ.get("TANYA_SHARED"):
        return Path(os.environ["TANYA_SHARED"])
    return REPO.parent / "shared"


def load_set(name: str, split: str, shared: Path | None = None, limit: int | None = None,
             questions_file: Path | None = None) -> QASet:
    """Set `name` at `split`, its questions cut to the first `limit`; SetMissing when absent.
    `questions_file` replaces a hand-written set's file (devset, archive), e.g. with a fixture."""
    if name not in SETS:
        raise ValueError(f"unknown set {name!r}; known: {', '.join(SETS)}")
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    datasets = default_shared(shared) / "datasets"
    if name == "devset":
        qaset = _devset(split, questions_file or DEVSET_FILE)
    elif name == "archive":
        qaset = _archive(split, datasets, questions_file or ARCHIVE_FILE)
    elif name == "facqa":
        qaset = _facqa(split, datasets)
    else:
        qaset = _mrc(name, split, datasets)
    if limit is not None:
        qaset.items = qaset.items[:limit]
    return qaset


def _require(path: Path) -> Path:
    if not path.exists():
        raise SetMissing(f"not found: {path}")
    return path


def read_jsonl(path: Path) -> list[tuple[int, dict]]:
    """(line number, object) of a JSONL file; blank lines and # comments skipped."""
    rows = []
    for number, line in enumerate(_require(path).read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append((number, json.loads(line)))
    return rows


def hand_written_items(rows: Iterable[tuple[int, dict]], prefix: str) -> list[QAItem]:
    """(line number, object) of a devset / archive style file → items (`tanya eval` reads any such file)."""
    return [_hand_written_item(prefix, number, row) for number, row in rows]


def _hand_written_item(prefix: str, number: int, row: dict) -> QAItem:
    """devset / archive line → item (`answer` may be a list, a string or null)."""
    answers = row.get("answer") or []
    article = row.get("article_id")
    unanswerable = bool(row.get("abstain"))
    return QAItem(
        id=f"{prefix}-{number}",
        question=row["question"],
        answerable=not unanswerable,
        gold_articles=frozenset([article]) if article and not unanswerable else frozenset(),
        evidence=list(row.get("evidence") or []),
        answers=[answers] if isinstance(answers, str) else list(answers),
        previous=row.get("previous") or None,
    )


def _devset(split: str, questions: Path) -> QASet:
    items = hand_written_items(read_jsonl(questions), "devset")
    return QASet("devset", split, [], [BUNDLED_CORPUS], items)


def _archive(split: str, datasets: Path, questions: Path) -> QASet:
    rows = read_jsonl(questions)
    if split == "train" and questions == ARCHIVE_FILE and ARCHIVE_TRAINING_FILE.exists():
        last = rows[-1][0] if rows else 0
        rows += [(last + number, row) for number, row in read_jsonl(ARCHIVE_TRAINING_FILE)]
    indosum = _require(datasets / "indosum" / "articles.jsonl")
    items = hand_written_items(((n, row) for n, row in rows if row.get("split") == split), "archive")
    return QASet("archive", split, [], [BUNDLED_CORPUS, indosum], items)


def letters(text: str) -> str:
    """Text without case, spacing or punctuation: FacQA stores some passages twice, "22,44" and "22, 44"."""
    return re.sub(r"\W+", "", text.lower())


def _facqa(split: str, datasets: Path) -> QASet:
    folder = datasets / "facqa" / "derived"
    passages = [row for _, row in read_jsonl(folder / "passages.jsonl")]
    corpus = [{"id": p["passage_id"], "text": p["text"], "source": "FacQA"} for p in passages]
    copies: dict[str, set[str]] = {}
    for passage in passages:
        copies.setdefault(letters(passage["text"]), set()).add(passage["passage_id"])
    same_text = {p["passage_id"]: frozenset(copies[letters(p["text"])]) for p in passages}
    items = [
        QAItem(
            id=f"facqa-{split}-{row['idx']}",
            question=row["question"],
            answerable=True,
            gold_articles=same_text[row["passage_id"]],  # a copy of the gold passage holds the answer too
            evidence=[],
            answers=list(row["answers"]),
        )
        for _, row in read_jsonl(folder / f"{_MRC_FILES[split]}.jsonl")
    ]
    return QASet("facqa", split, corpus, [], items)


def context_id(name: str, context: str) -> str:
    """One id per distinct paragraph text, so a context repeated across splits is one article."""
    return f"{name}-{hashlib.sha1(context.strip().encode('utf-8')).hexdigest()[:12]}"


def _mrc(name: str, split: str, datasets: Path) -> QASet:
    """IDK-MRC / TyDiQA-GoldP (SQuAD-like JSON): every context of every split is the open corpus."""
    source, folder_name = _MRC_FOLDERS[name]
    folder = datasets / "idk_mrc" / folder_name
    splits = {ours: json.loads(_require(folder / f"{file}.json").read_text(encoding="utf-8"))
              for ours, file in _MRC_FILES.items()}
    corpus: dict[str, dict] = {}
    for paragraphs in splits.values():
        for paragraph in paragraphs:
            pid = context_id(name, paragraph["context"])
            corpus.setdefault(pid, {"id": pid, "text": paragraph["context"].strip(), "source": source})
    items = []
    for paragraph in splits[split]:
        gold = frozenset([context_id(name, paragraph["context"])])
        for qa in paragraph["qas"]:
            answers = list(dict.fromkeys(a["text"] for a in qa.get("answers") or [] if a["text"].strip()))
            answerable = not qa.get("is_impossible") and bool(answers)
            items.append(QAItem(
                id=str(qa["id"]),
                question=qa["question"].strip(),
                answerable=answerable,
                gold_articles=gold if answerable else frozenset(),
                evidence=[],
                answers=answers if answerable else [],
            ))
    return QASet(name, split, list(corpus.values()), [], items)
