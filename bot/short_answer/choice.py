"""Choosing one phrase among an extractor's candidates. Each candidate is described by the
extractor's own hand-set score (its prior weight and bonuses, less its distance to the question's
words) and by where it sits against those words; a small linear model per answer kind, fitted by
`tanya train` on which candidate was the gold answer, scores it. A kind without a fitted model keeps
the hand-set score. The models come from the shipped set, or from `choosing_with` (training).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import numpy as np

from bot.models import LinearModel, load_models
from bot.short_answer.common import (
    FAR,
    Candidate,
    distance,
    key_positions,
    ordinary_share,
    outside_brackets,
    related,
    repeats_question,
    role_words,
    word_spans,
)

CHOICE_FEATURES = (
    "hand", "weight", "bonus", "distance", "near_keys", "role_before", "role_after", "name_before", "name_after",
    "before_keys", "between_keys", "words", "comma_before", "comma_after", "in_brackets",
    "linked_after", "linked_before", "lowercase", "echoes_question", "ordinary_names",
)
NEAR = 5  # words: a question word this close says the candidate is what the sentence tells of it

_choosers: ContextVar[dict[str, LinearModel] | None] = ContextVar("choosers", default=None)
_recording: ContextVar[list | None] = ContextVar("recording", default=None)
_noting: ContextVar[list | None] = ContextVar("noting", default=None)

# A question about the other side of a match ("lawan siapa", "ditahan imbang siapa"), and the words
# that name that side in a sentence ("menghadapi Mongolia", "kemenangan atas Chelsea").
VERSUS = {"lawan", "melawan", "kontra", "vs", "versus", "menghadapi", "dihadapi", "imbang", "mengalahkan",
          "dikalahkan", "menaklukkan", "ditaklukkan", "tanding", "bertanding"}
_VERSUS_CUE = (r"\b(?:lawan|melawan|kontra|vs\.?|versus|menghadapi|menjamu|dijamu|mengalahkan|dikalahkan|menaklukkan|"
               r"ditaklukkan|menumbangkan|ditumbangkan|imbang|(?:menang|kemenangan)\s+atas)\s+(?:tuan\s+rumah\s+)?")
_VERSUS_BEFORE = re.compile(rf"{_VERSUS_CUE}$", re.IGNORECASE)
VERSUS_NAMED = re.compile(rf"(?i:{_VERSUS_CUE})([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})")


@contextmanager
def choosing_with(choosers: dict[str, LinearModel]) -> Iterator[None]:
    """Choose with these models (answer kind → model) inside the block instead of the shipped ones."""
    token = _choosers.set(choosers)
    try:
        yield
    finally:
        _choosers.reset(token)


@contextmanager
def recording_choices(into: list) -> Iterator[None]:
    """Append (kind, feature rows, candidates) for every choice made inside the block: training data."""
    token = _recording.set(into)
    try:
        yield
    finally:
        _recording.reset(token)


@contextmanager
def noting_scores(into: list[float]) -> Iterator[None]:
    """Append the hand-set score of every phrase chosen inside the block: how firmly the extractor's
    own rules back the answer shown, which the short-answer gate weighs."""
    token = _noting.set(into)
    try:
        yield
    finally:
        _noting.reset(token)


def pick(cands: list[Candidate], sentence: str, question_words: set[str],
         bonus: Callable[[Candidate], float] | None = None, proximity: float = 0.15, after: float = 1.5,
         kind: str = "") -> str | None:
    """The text of the best-scored candidate; ties go to the earlier one. The hand-set score weighs
    `proximity` per word of distance, a word after the candidate counting `after` times."""
    cands = sorted((c for c in cands if not repeats_question(c.text, question_words)), key=lambda c: c.start)
    if not cands:
        return None
    choosers, record = _choosers.get(), _recording.get()
    model = (_shipped() if choosers is None else choosers).get(kind)
    if model is None and record is None:  # the hand-set score alone: nothing else to compute
        keys = key_positions(sentence, question_words)
        hand = [_hand_score(c, sentence, keys, question_words, bonus, proximity, after)[0] for c in cands]
        return _chosen(cands, hand, int(np.argmax(hand)))
    rows = choice_features(cands, sentence, question_words, bonus, proximity, after)
    if record is not None:
        record.append((kind, rows, cands))
    scores = model.score(rows) if model is not None else rows[:, 0]
    return _chosen(cands, rows[:, 0], int(np.argmax(scores)))


def _chosen(cands: list[Candidate], hand: list[float] | np.ndarray, at: int) -> str:
    if (noted := _noting.get()) is not None:
        noted.append(float(hand[at]))
    return cands[at].text


@lru_cache(maxsize=1)
def _shipped() -> dict[str, LinearModel]:
    return load_models().choice


def _hand_score(c: Candidate, sentence: str, keys: dict[str, list[int]], question_words: set[str],
                bonus: Callable[[Candidate], float] | None, proximity: float,
                after: float) -> tuple[float, float, float, float]:
    """(score, prior weight, bonuses, distance): the extractor's own judgement of a candidate."""
    extra = bonus(c) if bonus else 0.0
    if question_words & VERSUS and _VERSUS_BEFORE.search(sentence[:c.start]):
        extra += 3.0  # "jelang lawan tim apa" over "laga Liga Europa kontra Vitoria Guimaraes"
    apart = distance(c, keys, sentence, after)
    return c.weight + extra - proximity * apart, c.weight, extra, apart


def choice_features(cands: list[Candidate], sentence: str, question_words: set[str],
                    bonus: Callable[[Candidate], float] | None, proximity: float, after: float) -> np.ndarray:
    """One row of CHOICE_FEATURES per candidate, opening with its `_hand_score`."""
    keys = key_positions(sentence, question_words)
    roles = role_words(question_words) & keys.keys()  # "sutradara", "mendirikan": what ties the answer to the names
    words_at = [m.start() for m in re.finditer(r"\S+", sentence)]
    echoes = sorted(k for offsets in keys.values() for k in offsets)
    plain = outside_brackets(sentence)
    rows = []
    for c in cands:
        written = sentence[c.start:c.end]  # "Aburizal Bakrie", though shown "Menteri … Aburizal Bakrie"
        spans = word_spans(written)
        before = [k for offsets in keys.values() for k in offsets if k < c.start]
        later = [k for offsets in keys.values() for k in offsets if k >= c.end]
        near = sum(any(_words_between(words_at, min(k, c.start), max(k, c.start)) <= NEAR for k in offsets)
                   for offsets in keys.values())
        rows.append([
            *_hand_score(c, sentence, keys, question_words, bonus, proximity, after), near / len(keys) if keys else 0.0,
            *_closeness(c, keys, roles, words_at), *_closeness(c, keys, keys.keys() - roles, words_at),
            float(bool(keys) and not before), float(bool(before) and bool(later)),
            min(len(written.split()), 8) / 8,
            float(sentence[:c.start].rstrip().endswith(",")), float(sentence[c.end:].lstrip().startswith(",")),
            float(sentence.rfind("(", 0, c.start) > sentence.rfind(")", 0, c.start)),
            float(_linked_after(plain, c, echoes)), float(_linked_before(plain, c, echoes)),
            sum(w.islower() for w, _, _ in spans) / max(len(spans), 1),
            sum(any(related(w, q) for q in question_words) for w, _, _ in spans) / max(len(spans), 1),
            ordinary_share(spans),
        ])
    return np.array(rows, dtype=np.float64)


# What says one thing is another: "RCTI sebagai stasiun televisi swasta pertama", "Maria (…) adalah ibu
# Yesus", "penulis kitab ini adalah Yosua bin Nun".
_LINK = re.compile(r"\b(?:adalah|merupakan|ialah|yaitu|yakni|sebagai|menjadi)\b", re.IGNORECASE)
_LINK_AT_END = re.compile(rf"(?:{_LINK.pattern})\s*$", re.IGNORECASE)
_LINKED_WORDS = 4  # words of the other side that may hold the question's word
# Between a name and its link: brackets (blanked) and commas, or a short aside ("Berners-Lee, KBE adalah").
_UP_TO_LINK = re.compile(r"[\s,()\[\]]*(?:,\s*\S+(?:\s+\S+)?[\s,()\[\]]*)?")


def _linked_after(plain: str, c: Candidate, echoes: list[int]) -> bool:
    """The candidate is what the question's words a link after it describe: "RCTI sebagai stasiun
    televisi …". `plain` is the sentence with its brackets blanked."""
    link = _LINK.search(plain, c.end)
    if not link or not _UP_TO_LINK.fullmatch(plain, c.end, link.start()):
        return False
    ahead = [m.start() for m in re.finditer(r"\S+", plain[link.end():])][:_LINKED_WORDS + 1]
    end = link.end() + ahead[_LINKED_WORDS] if len(ahead) > _LINKED_WORDS else len(plain)
    return any(link.end() <= k < end for k in echoes)


def _linked_before(plain: str, c: Candidate, echoes: list[int]) -> bool:
    """The candidate follows a link that closes a clause holding the question's words: "Juara dunia
    Formula Satu yang pertama adalah Nino Farina"."""
    before = plain[:c.start]
    link = _LINK_AT_END.search(before)
    if not link:
        return False
    starts = [m.start() for m in re.finditer(r"\S+", before[:link.start()])]
    clause_start = starts[-_LINKED_WORDS] if len(starts) >= _LINKED_WORDS else 0
    clause = before[clause_start:link.start()]
    return "," not in clause and any(clause_start <= k < link.start() for k in echoes)


def _closeness(c: Candidate, keys: dict[str, list[int]], which: set[str], words_at: list[int]) -> tuple[float, float]:
    """How close the nearest of these question words is before and after the candidate: 1 right
    beside it, 0 far or absent."""
    before = min((_words_between(words_at, k, c.start) for q in which for k in keys[q] if k < c.start), default=FAR)
    later = min((_words_between(words_at, c.end, k) for q in which for k in keys[q] if k >= c.end), default=FAR)
    return 1 - min(before, FAR) / FAR, 1 - min(later, FAR) / FAR


def _words_between(words_at: list[int], start: int, end: int) -> int:
    """Words that begin between two character offsets."""
    return max(0, bisect.bisect_left(words_at, end) - bisect.bisect_right(words_at, start))
