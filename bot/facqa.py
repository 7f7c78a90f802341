"""FacQA (IndoNLU) open-corpus benchmark: every passage indexed as one corpus, every question asked.

Scores retrieval by hit@1 and MRR@10 of the gold passage, and the short answer by token F1 against
the gold spans. Tune on train/valid only; report test.
"""
from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class FacqaReport:
    split: str
    questions: int
    hit_at_1: float
    hit_at_1_same_text: float  # a passage whose words are the gold one's (FacQA repeats some) counts too
    mrr_at_10: float
    answer_f1: float
    abstained: float
    seconds: float

    def format(self) -> str:
        return (
            f"FacQA {self.split}: {self.questions} pertanyaan, hit@1 {self.hit_at_1:.3f} "
            f"({self.hit_at_1_same_text:.3f} bila salinan teks yang sama dihitung), "
            f"MRR@10 {self.mrr_at_10:.3f}, F1 jawaban {self.answer_f1:.3f}, "
            f"abstain {self.abstained:.3f} ({self.seconds:.1f} s)"
        )


_TOKEN = re.compile(r"\w+")


def token_f1(predicted: str | None, gold: str) -> float:
    """SQuAD-style token F1, case- and punctuation-insensitive."""
    pred = _TOKEN.findall((predicted or "").lower())
    ref = _TOKEN.findall(gold.lower())
    if not pred or not ref:
        return float(pred == ref)
    common = sum(min(pred.count(t), ref.count(t)) for t in set(pred))
    if common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def _letters(text: str) -> str:
    """A passage's words without spacing or punctuation: "22,44 persen" and "22, 44 persen" agree."""
    return re.sub(r"\W+", "", text.lower())


def build_corpus(passages_file: Path, corpus_dir: Path) -> None:
    """The FacQA passages as one JSONL corpus; the passage id becomes the article id."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    with open(passages_file, encoding="utf-8") as source, open(corpus_dir / "facqa.jsonl", "w", encoding="utf-8") as out:
        for line in source:
            passage = json.loads(line)
            out.write(json.dumps({"id": passage["passage_id"], "text": passage["text"], "source": "FacQA"},
                                 ensure_ascii=False) + "\n")


def run(dataset_dir: Path, work_dir: Path, split: str = "test", limit: int | None = None) -> FacqaReport:
    from bot.engine import Engine
    from index.build import build_index

    corpus_dir, db_path = work_dir / "corpus", work_dir / "facqa.db"
    passages_file = dataset_dir / "derived" / "passages.jsonl"
    build_corpus(passages_file, corpus_dir)
    passages = map(json.loads, passages_file.read_text(encoding="utf-8").splitlines())
    same_text = {p["passage_id"]: _letters(p["text"]) for p in passages}
    build_index(corpus_dir, db_path)
    engine = Engine(db_path)
    lines = (dataset_dir / "derived" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    items = items[:limit] if limit else items
    started = time.perf_counter()
    hits, same_text_hits, reciprocal, f1s, abstained = [], [], [], [], 0
    for item in items:
        ranking = engine.ranking(item["question"], k=10)
        rank = ranking.index(item["passage_id"]) + 1 if item["passage_id"] in ranking else None
        hits.append(rank == 1)
        same_text_hits.append(bool(ranking) and same_text[ranking[0]] == same_text[item["passage_id"]])
        reciprocal.append(1 / rank if rank else 0.0)
        answer = engine.ask(item["question"])
        abstained += answer.abstained
        f1s.append(max(token_f1(answer.answer, gold) for gold in item["answers"]))
    return FacqaReport(
        split=split,
        questions=len(items),
        hit_at_1=statistics.mean(hits),
        hit_at_1_same_text=statistics.mean(same_text_hits),
        mrr_at_10=statistics.mean(reciprocal),
        answer_f1=statistics.mean(f1s),
        abstained=abstained / len(items),
        seconds=time.perf_counter() - started,
    )
