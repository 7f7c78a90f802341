"""Scoring the engine's delivered answers: did the right passage come back, was the short answer
right, and did the bot decline exactly the questions the corpus cannot answer?

Pure: takes parsed question-set items and the engine's `Answer.to_json()` dicts, returns numbers.
`tanya eval` and the quality report (bench/quality.py) share these measures.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

from bot.short_answer.common import MONTHS

MAX_EXTRA_ANSWER_WORDS = 3
_ELLIPSIS = re.compile(r"…|\.\.\.")
_PUNCT = re.compile(r"[^\w\s]|_")
_TOKEN = re.compile(r"\w+")


@dataclass
class EvalReport:
    questions: int
    answerable: int
    unanswerable: int
    hit_at_1: float  # share of answerable questions whose first passage holds the evidence
    hit_at_3: float
    answer_accuracy: float  # share of questions with expected answers that got an acceptable one
    abstention_accuracy: float  # share of unanswerable questions declined
    false_abstentions: float  # share of answerable questions wrongly declined
    failures: list[dict] = field(default_factory=list)


def _squash(text: str) -> str:
    """Case- and whitespace-insensitive form used to find evidence in a quote."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u00a0", " ")
    return " ".join(text.casefold().split())


def normalise_answer(text: str | None) -> list[str]:
    """Words of an answer with case and punctuation gone, so "Juni 2024." equals "juni 2024"."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _PUNCT.sub(" ", text).split()


def evidence_in_quote(evidence: list[str], quote: str) -> bool:
    """A trimmed quote ("… a … b …") counts if any of its pieces holds any evidence string."""
    pieces = [_squash(p) for p in _ELLIPSIS.split(quote or "")]
    wanted = [_squash(e) for e in evidence if _squash(e)]
    return any(e in piece for piece in pieces for e in wanted)


def answer_correct(produced: str | None, acceptable: list[str]) -> bool:
    """Equal to an acceptable answer, or containing it with at most a few extra words
    ("Juni 2024" for "pada Juni 2024" yes; a whole sentence that happens to hold it, no)."""
    got = normalise_answer(produced)
    if not got:
        return False
    for want in map(normalise_answer, (form for gold in acceptable for form in written_forms(gold))):
        if not want:
            continue
        if got == want:
            return True
        if len(got) - len(want) <= MAX_EXTRA_ANSWER_WORDS and _contains(got, want):
            return True
    return False


def failure_problems(answerable: bool, abstained: bool, quote_rank: int | None, short_wrong: bool) -> list[str]:
    """What went wrong with one delivered answer, named alike in every failures file (`tanya quality
    --failures`, `tanya crossval --failures`), so that one reader serves them all."""
    found = []
    if not answerable and not abstained:
        found.append("should_abstain")
    if answerable and abstained:
        found.append("false_abstention")
    if answerable and not abstained and quote_rank != 1:
        found.append("quote_miss" if quote_rank is None else f"quote_at_{quote_rank}")
    if short_wrong and not abstained:
        found.append("wrong_answer")
    return found


def expected_record(item) -> dict:
    """What a failures file says was expected of a question (a `QAItem` or a training `Example`)."""
    return {"evidence": item.evidence, "answers": item.answers, "gold_articles": sorted(item.gold_articles)}


def token_f1(predicted: str | None, gold: str) -> float:
    """SQuAD-style token F1, case- and punctuation-insensitive (MRC and FacQA short answers)."""
    pred = _TOKEN.findall((predicted or "").lower())
    ref = _TOKEN.findall(gold.lower())
    if not pred or not ref:
        return float(pred == ref)
    common = sum(min(pred.count(t), ref.count(t)) for t in set(pred))
    if common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def best_f1(predicted: str | None, golds: list[str]) -> float:
    """Token F1 against the closest of the acceptable answers; no answer scores 0."""
    if not predicted or not golds:
        return 0.0
    return max(token_f1(predicted, form) for gold in golds for form in written_forms(gold))


_DAY_MONTH = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*")


def written_forms(gold: str) -> list[str]:
    """A gold answer and, for a day and month in figures as FacQA writes them from news datelines
    ("11/8"), the same date with the month named ("11 Agustus"), as the engine gives it: the two
    say one thing, and token F1 alone would score the named form 0."""
    match = _DAY_MONTH.fullmatch(gold)
    if match and 1 <= int(match[1]) <= 31 and 1 <= int(match[2]) <= 12:
        return [gold, f"{int(match[1])} {MONTHS[int(match[2]) - 1]}"]
    return [gold]


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i:i + n] == part for i in range(len(words) - n + 1))


def rank_of_hit(evidence: list[str], passages: list[dict]) -> int | None:
    """1-based rank of the first passage (its `quote`) holding the evidence, or None."""
    for rank, passage in enumerate(passages, start=1):
        if evidence_in_quote(evidence, passage.get("quote", "")):
            return rank
    return None


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def score(items: list[dict], answers: list[dict]) -> EvalReport:
    """Compare each dev-set item with the engine's answer at the same position."""
    if len(items) != len(answers):
        raise ValueError(f"{len(items)} pertanyaan tetapi {len(answers)} jawaban")
    answerable = unanswerable = hit1 = hit3 = with_answer = correct = declined = wrongly_declined = 0
    failures: list[dict] = []
    for item, got in zip(items, answers):
        question = item.get("question", "")
        abstained = bool(got.get("abstained"))
        if item.get("abstain"):
            unanswerable += 1
            if abstained:
                declined += 1
            else:
                failures.append({"question": question, "problem": "should_abstain",
                                 "got": got.get("answer"), "previous": item.get("previous")})
            continue
        answerable += 1
        if abstained:
            wrongly_declined += 1
            failures.append({"question": question, "problem": "false_abstention",
                             "previous": item.get("previous")})
        rank = None if abstained else rank_of_hit(item.get("evidence") or [], got.get("passages") or [])
        hit1 += rank == 1
        hit3 += rank is not None and rank <= 3
        if rank is None and not abstained:
            failures.append({"question": question, "problem": "evidence_missing",
                             "expected": item.get("evidence"), "previous": item.get("previous")})
        if item.get("answer"):
            with_answer += 1
            if not abstained and answer_correct(got.get("answer"), item["answer"]):
                correct += 1
            elif not abstained:
                failures.append({"question": question, "problem": "wrong_answer",
                                 "expected": item["answer"], "got": got.get("answer"),
                                 "previous": item.get("previous")})
    return EvalReport(
        questions=len(items),
        answerable=answerable,
        unanswerable=unanswerable,
        hit_at_1=_share(hit1, answerable),
        hit_at_3=_share(hit3, answerable),
        answer_accuracy=_share(correct, with_answer),
        abstention_accuracy=_share(declined, unanswerable),
        false_abstentions=_share(wrongly_declined, answerable),
        failures=failures,
    )


def parse_devset(text: str) -> list[dict]:
    """JSONL lines → items; blank lines and lines starting with # are skipped."""
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"baris {number}: JSON tidak valid ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            raise ValueError(f"baris {number}: butuh objek dengan \"question\"")
        items.append(item)
    return items


def format_report(report: EvalReport) -> str:
    """A few lines for the terminal, with the failures listed so they can be looked at."""
    pct = lambda x: f"{100 * x:5.1f}%"  # noqa: E731
    lines = [
        f"Pertanyaan / questions      : {report.questions} "
        f"({report.answerable} bisa dijawab, {report.unanswerable} tidak)",
        f"Hit@1 (bukti di kutipan 1)  : {pct(report.hit_at_1)}",
        f"Hit@3 (bukti di 3 teratas)  : {pct(report.hit_at_3)}",
        f"Jawaban singkat benar       : {pct(report.answer_accuracy)}",
        f"Menolak yang tak terjawab   : {pct(report.abstention_accuracy)}",
        f"Salah menolak (false abst.) : {pct(report.false_abstentions)}",
    ]
    if report.failures:
        lines.append(f"Gagal / failures ({len(report.failures)}):")
        for f in report.failures:
            detail = ""
            if "got" in f:
                detail += f" dapat={f['got']!r}"
            if "expected" in f:
                detail += f" harap={f['expected']!r}"
            lines.append(f"  - [{f['problem']}] {f['question']}{detail}")
    return "\n".join(lines)
