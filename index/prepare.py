"""The one call the index builder makes per article: clean, cut into passages, fill in metadata.

Module-level and pure so it can run in a multiprocessing pool over tens of thousands of articles.
"""
from __future__ import annotations

import dataclasses

from index.article import Article, Passage
from index.clean import clean
from index.segment import make_passages

_FILLABLE = ("title", "source", "date", "author")
_EXTRA_FILLABLE = ("editor",)


def prepare(article: Article) -> tuple[Article, list[Passage]]:
    """(article with gaps filled from what its text states, its passages).

    Metadata already set (JSONL, front matter, `_metadata.json`) is never overridden. An empty
    passage list means the file had no article text after cleaning ("tidak ada teks").
    """
    cleaned = clean(article.text)
    passages = make_passages(article.text, cleaned.blocks)
    found = cleaned.metadata
    updates = {name: found[name] for name in _FILLABLE if not getattr(article, name) and found.get(name)}
    extra = dict(article.extra)
    for name in _EXTRA_FILLABLE:
        if found.get(name) and not extra.get(name):
            extra[name] = found[name]
    return dataclasses.replace(article, extra=extra, **updates), passages
