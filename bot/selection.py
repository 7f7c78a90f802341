"""Choosing what answers a question: the best sentences in the retrieved passages, and whether the
corpus really covers the question at all. Pure logic over plain data.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Weights of a sentence's score; tuned on the development set (tests/devset.jsonl).
TYPE_BONUS = 0.25
PASSAGE_COVERAGE_WEIGHT = 0.15
BM25_WEIGHT = 0.10
MIN_COVERAGE = 0.5  # share of the question's weight the best passage must hold, or we abstain
SECOND_SOURCE_RATIO = 0.75  # a further quote must score at least this share of the best one
NEAR_DUPLICATE = 0.8  # term-set overlap above which two passages count once


@dataclass
class Candidate:
    """One retrieved passage with what the choice needs about it."""

    passage_id: int
    article_id: str
    text: str
    sentences: list[tuple[int, int]]
    bm25: float
    article_date: str | None = None


@dataclass
class Choice:
    candidate: Candidate
    sentence: tuple[int, int]
    score: float
    coverage: float  # of the whole passage
    type_match: bool

    @property
    def sentence_text(self) -> str:
        start, end = self.sentence
        return self.candidate.text[start:end]


def coverage(present: set[str], weights: dict[str, float]) -> float:
    """Share of the question's weight (IDF per term) that a piece of text holds."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(w for t, w in weights.items() if t in present) / total


def rank_sentences(
    candidates: list[Candidate],
    weights: dict[str, float],
    terms_of: Callable[[str], list[str]],
    has_type: Callable[[str], bool],
) -> list[Choice]:
    """Best sentence of each passage, passages ordered by it: sentences holding every key term and
    an answer of the asked type come first, BM25 only breaks near-ties."""
    if not candidates:
        return []
    top_bm25 = max(c.bm25 for c in candidates) or 1.0
    choices = []
    for cand in candidates:
        passage_terms = set(terms_of(cand.text))
        passage_cov = coverage(passage_terms, weights)
        best: Choice | None = None
        for span in cand.sentences or [(0, len(cand.text))]:
            text = cand.text[span[0] : span[1]]
            cov = coverage(set(terms_of(text)), weights)
            type_match = has_type(text)
            score = (
                cov
                + TYPE_BONUS * type_match
                + PASSAGE_COVERAGE_WEIGHT * passage_cov
                + BM25_WEIGHT * cand.bm25 / top_bm25
            )
            if best is None or score > best.score:
                best = Choice(cand, span, score, passage_cov, type_match)
        choices.append(best)
    choices.sort(key=lambda c: (-c.score, -c.candidate.bm25, c.candidate.passage_id))
    return choices


def covers_question(best: Choice | None) -> bool:
    """Abstain unless the best passage holds most of what the question asks about."""
    return best is not None and best.coverage >= MIN_COVERAGE


def pick_quotes(choices: list[Choice], terms_of: Callable[[str], list[str]], limit: int) -> list[Choice]:
    """The best choice, then further ones from other articles that speak to it nearly as well,
    counting near-identical passages (a repeated caption, the same wire copy) once."""
    picked: list[Choice] = []
    seen_terms: list[set[str]] = []
    articles: set[str] = set()
    for choice in choices:
        if len(picked) >= limit:
            break
        if picked and (
            choice.score < SECOND_SOURCE_RATIO * picked[0].score
            or choice.coverage < MIN_COVERAGE
            or choice.candidate.article_id in articles
        ):
            continue
        terms = set(terms_of(choice.candidate.text))
        if any(_overlap(terms, other) >= NEAR_DUPLICATE for other in seen_terms):
            continue
        picked.append(choice)
        seen_terms.append(terms)
        articles.add(choice.candidate.article_id)
    return picked


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return len(a & b) / min(len(a), len(b))


_SPACE = re.compile(r"\s+")


def trim_quote(text: str, spans: list[tuple[int, int]], limit: int = 320) -> tuple[str, list[tuple[int, int]]]:
    """Shorten a long sentence around the matched words; each cut is marked with "…" and every
    piece stays verbatim. Returns the quote and the highlight spans moved into it."""
    if len(text) <= limit:
        return text, spans
    centre = spans[0][0] if spans else 0
    start = max(0, min(centre - limit // 3, len(text) - limit))
    end = min(len(text), start + limit)
    while start > 0 and not text[start - 1].isspace():
        start += 1
    while end < len(text) and not text[end].isspace():
        end -= 1
    piece = text[start:end].strip()
    lead = text[start:end].find(piece)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    shift = len(prefix) - start - lead
    moved = [(s + shift, e + shift) for s, e in spans if s >= start + lead and e <= start + lead + len(piece)]
    return f"{prefix}{piece}{suffix}", moved
