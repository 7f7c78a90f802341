"""Choosing what answers a question: the best sentences in the retrieved passages, and whether the
corpus really covers the question at all. Pure logic over plain data.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.answer import ArticleInfo

# Weights of a sentence's score; tuned on the development set (tests/devset.jsonl).
TYPE_BONUS = 0.25
PASSAGE_COVERAGE_WEIGHT = 0.15
BM25_WEIGHT = 0.10
PROXIMITY_WEIGHT = 0.2
PHRASE_WEIGHT = 0.05
LENGTH_PENALTY = 0.004  # per content word beyond twelve: a focused sentence quotes better
NOT_AN_ANSWER = 0.5
HEADING_CONTEXT = 0.9
PREVIOUS_CONTEXT = 0.75
_REFERS_BACK = re.compile(r"\b(?:ini|itu|tersebut)\b|^(?:Ia|Dia|Mereka|Keduanya)\b", re.IGNORECASE)
TYPE_CHECKED = 12  # sentences, best first, whose answer type is checked
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
    article: ArticleInfo
    heading: str | None = None
    previous_text: str | None = None  # the passage before it in the same article


@dataclass
class Choice:
    candidate: Candidate
    sentence: tuple[int, int]
    score: float
    coverage: float  # of the passage (with the paragraph before it when the sentence refers back)

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
    type_score: Callable[[str], float],
    question_words: list[str] | None = None,
) -> list[Choice]:
    """Best sentence of each passage, passages ordered by it: sentences holding every key term close
    together and an answer of the asked type come first; BM25 only breaks near-ties."""
    if not candidates:
        return []
    top_bm25 = max(c.bm25 for c in candidates) or 1.0
    phrases = _bigrams(question_words or [])
    scored: list[tuple[float, Candidate, tuple[int, int], float]] = []
    for cand in candidates:
        spans = cand.sentences or [(0, len(cand.text))]
        sentence_terms = [terms_of(cand.text[start:end]) for start, end in spans]
        passage_terms = set().union(*sentence_terms)
        passage_cov = coverage(passage_terms, weights)
        heading_terms = set(terms_of(cand.heading)) if cand.heading else set()
        previous_terms: set[str] | None = None
        for span, terms in zip(spans, sentence_terms):
            text = cand.text[span[0] : span[1]]
            own = coverage(set(terms), weights)
            # A heading ("Apakah Korea Utara pernah memasok senjata?") is the context of the
            # sentences under it: they answer what it names.
            with_heading = HEADING_CONTEXT * coverage(set(terms) | heading_terms, weights)
            # "pertemuan ini", "pasangan pemimpin tersebut": the sentence points back at what the
            # paragraph before named.
            with_previous, covered = 0.0, passage_cov
            if cand.previous_text and _REFERS_BACK.search(text):
                if previous_terms is None:
                    previous_terms = set(terms_of(cand.previous_text))
                covered = max(passage_cov, coverage(passage_terms | previous_terms, weights))
                with_previous = PREVIOUS_CONTEXT * coverage(set(terms) | heading_terms | previous_terms, weights)
            score = (
                max(own, with_heading, with_previous)
                - LENGTH_PENALTY * max(0, len(terms) - 12)
                - NOT_AN_ANSWER * _not_an_answer(text, span, cand)
                + PROXIMITY_WEIGHT * proximity(terms, weights)
                + PHRASE_WEIGHT * min(3, _phrase_hits(text, phrases))
                + PASSAGE_COVERAGE_WEIGHT * passage_cov
                + BM25_WEIGHT * cand.bm25 / top_bm25
            )
            scored.append((score, cand, span, covered))
    scored.sort(key=lambda item: (-item[0], -item[1].bm25, item[1].passage_id, item[2]))
    # The answer-type check is the costly part: only the leading sentences need it.
    choices = []
    for rank, (score, cand, span, passage_cov) in enumerate(scored):
        strength = type_score(cand.text[span[0] : span[1]]) if rank < TYPE_CHECKED else 0.0
        choices.append(Choice(cand, span, score + TYPE_BONUS * strength, passage_cov))
    choices.sort(key=lambda c: (-c.score, -c.candidate.bm25, c.candidate.passage_id, c.sentence))
    best_per_passage: dict[int, Choice] = {}
    for choice in choices:
        best_per_passage.setdefault(choice.candidate.passage_id, choice)
    return list(best_per_passage.values())


def _not_an_answer(text: str, span: tuple[int, int], cand: Candidate) -> bool:
    """A question ("Apakah …?") or the heading that opens a passage names a topic; it answers nothing."""
    if text.rstrip().endswith("?"):
        return True
    return bool(cand.heading) and span[0] == 0 and text.strip() == cand.heading.strip()


def proximity(terms: list[str], weights: dict[str, float]) -> float:
    """How tightly the question's terms sit together: 1 when adjacent, towards 0 when far apart."""
    positions = [(i, t) for i, t in enumerate(terms) if t in weights]
    wanted = {t for _, t in positions}
    if len(wanted) < 2:
        return 0.0
    best = len(terms)
    counts: dict[str, int] = {}
    left = 0
    for right, (pos, term) in enumerate(positions):
        counts[term] = counts.get(term, 0) + 1
        while len(counts) == len(wanted):
            best = min(best, pos - positions[left][0] + 1)
            left_term = positions[left][1]
            counts[left_term] -= 1
            if counts[left_term] == 0:
                del counts[left_term]
            left += 1
    return len(wanted) / best


_WORD = re.compile(r"\w+")


def _bigrams(words: list[str]) -> set[str]:
    lowered = [w.lower() for w in words]
    return {f"{a} {b}" for a, b in zip(lowered, lowered[1:])}


def _phrase_hits(text: str, phrases: set[str]) -> int:
    """Word pairs of the question found as written in the sentence ("ke Pyongyang")."""
    if not phrases:
        return 0
    words = _WORD.findall(text.lower())
    return len(phrases & {f"{a} {b}" for a, b in zip(words, words[1:])})


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
