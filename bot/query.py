"""The question analysed once, for everything downstream: retrieval, candidate features, the short
answer. Built by the engine (it needs the index's vocabulary); pure data after that."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.question import Question, answer_kind, surface_words

_WORD = re.compile(r"\w+")


@dataclass
class Query:
    question: Question
    kind: str | None  # the short answer's kind ("kapan", "siapa", "nama", "singkatan", …)
    head: str | None  # "Partai apakah …" → "partai"; "Apa kepanjangan BRR?" → "BRR"
    words: set[str]  # the question's surface words, lowercased: an answer must not repeat them
    terms: list[str] = field(default_factory=list)  # index terms, misspelt names corrected
    dfs: dict[str, int] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)  # per term: IDF, frame words discounted
    unknown: frozenset[str] = frozenset()  # terms the corpus never mentions
    corrections: dict[str, str] = field(default_factory=dict)  # typed word → the corpus's spelling

    @classmethod
    def of(cls, question: Question) -> "Query":
        kind, head = answer_kind(question)
        return cls(question, kind, head, surface_words(question.text))

    @property
    def asked(self) -> set[str]:
        """The terms that weigh: a frame word the corpus lacks ("kepanjangan", weight 0) asks nothing."""
        return {t for t, w in self.weights.items() if w > 0}

    @property
    def content_words(self) -> list[str]:
        """The question's words as typed, lowercased, misspellings corrected ("pyongyan" → pyongyang)."""
        return [self.corrections.get(w, w) for w in (w.lower() for w in _WORD.findall(self.question.content))]

    @property
    def phrases(self) -> set[str]:
        """Word pairs of the question ("ke pyongyang"): a sentence that has them as written is
        likely the one asked about."""
        words = self.content_words
        return {f"{a} {b}" for a, b in zip(words, words[1:])}
