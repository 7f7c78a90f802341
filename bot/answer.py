"""The answer engine's output: plain data that the console and Telegram only render."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Quote:
    """A verbatim piece of one article, with what a reader needs to find it again."""

    quote: str  # verbatim (whitespace aside); a trimmed quote marks each cut with "…"
    article_id: str
    title: str | None
    source: str | None  # publisher
    date: str | None  # ISO date or null
    path: str
    url: str | None
    score: float
    passage_id: int = 0
    highlights: list[tuple[int, int]] = field(default_factory=list)  # spans of query terms in `quote`


@dataclass
class Turn:
    """What a follow-up question needs from the previous turn of the same conversation."""

    question: str  # the question as finally understood (after merging with its own previous turn)
    qtype: str | None
    content: str  # the question's content words (names, terms), used to complete a short follow-up
    answer: str | None
    subject: str | None = None  # main entity of the previous answer, for "siapa yang mengatakannya?"


@dataclass
class Answer:
    question: str
    abstained: bool
    answer: str | None  # the short answer, or None
    passages: list[Quote]
    qtype: str | None = None
    understood_as: str | None = None  # the question after normalisation / follow-up merging
    turn: Turn | None = None  # hand this back as `previous` with the next question of the chat

    def to_json(self) -> dict:
        """The stable machine-readable contract of `tanya ask --json`."""
        return {
            "question": self.question,
            "abstained": self.abstained,
            "answer": self.answer,
            "passages": [
                {
                    "quote": q.quote,
                    "article_id": q.article_id,
                    "title": q.title,
                    "source": q.source,
                    "date": q.date,
                    "path": q.path,
                    "url": q.url,
                    "score": round(q.score, 4),
                }
                for q in self.passages
            ],
        }


@dataclass
class ArticleInfo:
    article_id: str
    title: str | None
    source: str | None
    date: str | None
    author: str | None
    path: str
    url: str | None
    passages: int = 0


@dataclass
class CorpusSummary:
    articles: int
    passages: int
    publishers: list[tuple[str, int]]  # (publisher, article count), most first
    first_date: str | None
    last_date: str | None


