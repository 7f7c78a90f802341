"""Plain data that flows through the build pipeline: load → clean → segment → analyse → store."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

METADATA_FIELDS = ("title", "source", "url", "date", "author")


@dataclass
class Article:
    """One article as read from the corpus.

    `text` is the article as the reader sees it (decoded file; for HTML, the extracted main text).
    Every quote we ever show is a substring of it, so nothing here is rewritten.
    """

    article_id: str  # JSONL `id`, or the file's path relative to the corpus folder
    path: str  # file path relative to the corpus folder, POSIX separators
    text: str
    title: str | None = None
    source: str | None = None  # publisher
    url: str | None = None
    date: str | None = None  # ISO 8601: YYYY-MM-DD, or YYYY-MM-DDTHH:MM when the time is known
    author: str | None = None
    extra: dict = field(default_factory=dict)  # e.g. editor, category

    def content_hash(self) -> str:
        """Changes whenever anything we would store for this article changes."""
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class Skipped:
    """A file (or JSONL line) that could not become an article, and why, in Indonesian for the operator."""

    path: str  # relative path, with ":LINE" for a JSONL line
    reason: str


@dataclass
class Block:
    """A run of the article's text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int
    kind: str  # "paragraph" | "heading" | "caption"


@dataclass
class Passage:
    """The retrieval unit: one paragraph (with the short heading above it, if any) or one caption.

    `text` is article.text[start:end] with whitespace normalised (NBSP → space, zero-width removed,
    runs of whitespace → one space), so it is verbatim "whitespace aside".
    `sentences` are (start, end) offsets into `text`.
    """

    text: str
    start: int
    end: int
    kind: str  # "paragraph" | "caption"
    sentences: list[tuple[int, int]]
    heading: str | None = None
