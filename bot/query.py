"""The question analysed once, for everything downstream: retrieval, candidate features, the short
answer. Built by the engine (it needs the index's vocabulary); pure data after that."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from bot.question import Question, answer_kind, frame_words, surface_words
from bot.short_answer.common import MONTH_INDEX
from index.analyse import NUMBER_WORDS, is_dictionary_root

_WORD = re.compile(r"\w+")
_FIGURE_OR_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+")
_SPACED_DECIMAL = re.compile(r"(?<!,\s)\b(\d{1,3}),\s+(\d{1,3})\b(?!\s*,)")  # not "2005, 30 orang", not "1, 2, 3"
# The index's number words, and "satu": "salah satu" is no number to index, but "kuartal satu" is 1.
_NUMBER_WORDS = NUMBER_WORDS | {"satu": "1"}
_ORDINALS = {"pertama": "1"} | {f"ke{w}": n for w, n in _NUMBER_WORDS.items()}


def is_figure(word: str) -> bool:
    """ "40", "111,6", "kedua": a number or a rank, written as the question or the sentence has it."""
    return word[:1].isdigit() or word in _ORDINALS


def figure_value(word: str) -> str:
    """A figure as digits, however written: "kuartal 4" is "kuartal keempat", "peringkat 5" is
    "peringkat kelima", "02" of a date is "2". Other words are themselves."""
    if word[:1].isdigit():
        return word.lstrip("0") or word
    return _ORDINALS.get(word) or _NUMBER_WORDS.get(word) or word


def figure_words(text: str) -> list[str]:
    """Words lowercased, a figure whole ("111,6"; "28, 63" as news copy spaces it is 28,63)."""
    return [w.lower() for w in _FIGURE_OR_WORD.findall(_SPACED_DECIMAL.sub(r"\1,\2", text))]


@dataclass
class Query:
    question: Question
    kind: str | None  # the short answer's kind ("kapan", "siapa", "nama", "singkatan", …)
    head: str | None  # "Partai apakah …" → "partai"; "Apa kepanjangan BRR?" → "BRR"
    # The question's words, lowercased, a misspelt one as the corpus spells it: an answer must not
    # repeat them, and the extractors find the question in a sentence by them.
    words: set[str]
    terms: list[str] = field(default_factory=list)  # index terms, misspelt names corrected
    dfs: dict[str, int] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)  # per term: IDF, frame words discounted
    unknown: frozenset[str] = frozenset()  # terms the corpus never mentions
    corrections: dict[str, str] = field(default_factory=dict)  # typed word → the corpus's spelling
    # Terms of the ordinary words the question asks with ("didirikan", "luas"), not of its names: the
    # sentence that answers often calls the subject "perusahaan ini" but repeats what happened to it.
    predicates: frozenset[str] = frozenset()
    # A term the question asks by that the corpus's stories define as a name's short form, with the
    # full name's terms ("setnov": setya, novanto): a sentence writing the full name says it.
    short_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, question: Question) -> "Query":
        kind, head = answer_kind(question)
        return cls(question, kind, head, surface_words(question.text))

    @property
    def asked(self) -> set[str]:
        """The terms that weigh: a frame word the corpus lacks ("kepanjangan", weight 0) asks nothing."""
        return {t for t, w in self.weights.items() if w > 0}

    @property
    def role(self) -> str | None:
        """The term of the noun whose holder a "siapa <noun> …" question asks for ("siapa istri
        Kim Jong Un" → istri): a person named without it is no answer."""
        words = self.question.text.lower().split()
        content = self.content_words
        if self.kind != "siapa" or len(words) < 2 or not content or not self.terms or frame_words(content[0]):
            return None
        opens = words[0] in ("siapa", "siapakah") and content[0] == words[1]
        # "kiper persebaya yg dilarikan ke rs … siapa": the noun a "yang" clause describes, asked at the end
        closes = content[0] == words[0] and "yang" in words[1:] and bool({"siapa", "siapakah"} & set(words[-2:]))
        if not (opens or closes):
            return None
        term = self.terms[0]
        return term if is_dictionary_root(term) and self.weights.get(term, 0.0) > 0 else None

    @property
    def content_words(self) -> list[str]:
        """The question's words as typed, lowercased, misspellings corrected ("pyongyan" → pyongyang)."""
        return [self.corrections.get(w, w) for w in (w.lower() for w in _WORD.findall(self.question.content))]

    @cached_property
    def figures(self) -> list[tuple[str, str, int]]:
        """The figures the question states, each with a word beside it and that word's side:
        "kontainer 40 kaki" → (40, kaki, +1), (40, kontainer, −1); "raja pertama" → (pertama, raja, −1).
        A sentence with another figure in that place ("Kontainer 20 kaki") speaks of something else."""
        words = figure_words(self.question.original)  # as typed: the normalised text splits "111,6"
        return [(w, words[i + side], side) for i, w in enumerate(words) if is_figure(w)
                for side in (-1, 1) if 0 <= i + side < len(words) and words[i + side].isalpha()]

    @cached_property
    def months(self) -> set[str]:
        """The months the question names ("pas agustus 2016")."""
        return set(self.content_words) & MONTH_INDEX.keys()

    @property
    def phrases(self) -> set[str]:
        """Word pairs of the question ("ke pyongyang"): a sentence that has them as written is
        likely the one asked about."""
        words = self.content_words
        return {f"{a} {b}" for a, b in zip(words, words[1:])}
