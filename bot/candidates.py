"""What the engine considers as an answer: every sentence of the best few retrieved articles, each
with its article's context (title, lead, neighbours). Built from what the index stored at build
time (sentence spans and terms), so nothing is analysed again per question. Pure data.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.answer import ArticleInfo


@dataclass
class ArticleContext:
    info: ArticleInfo
    rank: int  # 0 = the article of the best passage
    best_bm25: float  # its best passage's BM25
    title_terms: frozenset[str]
    lead_terms: frozenset[str]  # the first passage's terms
    terms: frozenset[str]  # every term of the article, title included


@dataclass
class Sentence:
    article: ArticleContext
    passage_id: int
    passage_ordinal: int
    passage_text: str
    heading: str | None
    span: tuple[int, int]  # in the passage text
    passage_spans: list[tuple[int, int]]
    terms: list[str]
    passage_bm25: float  # 0 when retrieval did not return its passage
    neighbour_terms: frozenset[str] = frozenset()  # the sentences just before and after it
    heading_terms: frozenset[str] = frozenset()  # a passage's heading names what its sentences answer
    passage_terms: frozenset[str] = frozenset()
    caption: bool = False  # a photo caption or credit, not the article's running text
    answer: str | None = None  # the short answer found in it, once looked for
    answer_strength: float = 0.0
    answer_score: float | None = None  # the extractor's hand-set score of it; None when no choice among phrases made it

    @property
    def text(self) -> str:
        start, end = self.span
        return self.passage_text[start:end]

    @property
    def near_terms(self) -> set[str]:
        """Its terms with its neighbours', its heading's and its article title's: what a reader
        takes in with it."""
        return set(self.terms) | self.neighbour_terms | self.article.title_terms | self.heading_terms


@dataclass
class PassageRow:
    """One stored passage as the engine reads it."""

    passage_id: int
    article_id: str
    ordinal: int
    heading: str | None
    text: str
    spans: list[tuple[int, int]]
    sentence_terms: list[list[str]]
    kind: str | None = None  # the segmenter's passage kind ("caption", …)


@dataclass
class Candidates:
    articles: list[ArticleContext] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    top_bm25: float = 0.0


def group_articles(hits: list[tuple[int, float]], article_of: dict[int, str], limit: int) -> list[tuple[str, float]]:
    """Articles in order of their best passage, with that passage's score: the unit the engine reads."""
    best: dict[str, float] = {}
    for passage_id, score in hits:
        article_id = article_of.get(passage_id)
        if article_id is not None and article_id not in best:
            best[article_id] = score
    return list(best.items())[:limit]


def build_candidates(
    ranked_articles: list[tuple[str, float]],
    infos: dict[str, ArticleInfo],
    title_terms: dict[str, list[str]],
    passages: list[PassageRow],
    hit_scores: dict[int, float],
) -> Candidates:
    """Every sentence of the given articles, with the context features need."""
    by_article: dict[str, list[PassageRow]] = {}
    for row in passages:
        by_article.setdefault(row.article_id, []).append(row)
    out = Candidates(top_bm25=max((s for _, s in ranked_articles), default=0.0))
    for rank, (article_id, score) in enumerate(ranked_articles):
        rows = sorted(by_article.get(article_id, []), key=lambda r: r.ordinal)
        if article_id not in infos or not rows:
            continue
        titles = frozenset(title_terms.get(article_id, []))
        passage_terms = {row.passage_id: frozenset().union(*row.sentence_terms) for row in rows}
        lead = passage_terms[rows[0].passage_id]
        context = ArticleContext(infos[article_id], rank, score, titles, lead, titles.union(*passage_terms.values()))
        out.articles.append(context)
        flat: list[tuple[PassageRow, tuple[int, int], list[str]]] = []
        for row in rows:
            spans = row.spans or [(0, len(row.text))]
            terms_per = row.sentence_terms if len(row.sentence_terms) == len(spans) else [[] for _ in spans]
            flat.extend((row, span, terms) for span, terms in zip(spans, terms_per))
        heading_terms = _heading_terms(rows)
        last = len(flat) - 1
        for position, (row, span, terms) in enumerate(flat):
            around = frozenset(flat[position - 1][2] if position > 0 else ()).union(
                flat[position + 1][2] if position < last else ())
            out.sentences.append(Sentence(
                article=context,
                passage_id=row.passage_id,
                passage_ordinal=row.ordinal,
                passage_text=row.text,
                heading=row.heading,
                span=span,
                passage_spans=row.spans,
                terms=terms,
                passage_bm25=hit_scores.get(row.passage_id, 0.0),
                neighbour_terms=around,
                passage_terms=passage_terms[row.passage_id],
                heading_terms=heading_terms.get(row.passage_id, frozenset()),
                caption=row.kind == "caption",
            ))
    return out


def _heading_terms(rows: list[PassageRow]) -> dict[int, frozenset[str]]:
    """Per passage, the terms of the heading above it: the passage that opens with its heading
    stores them as its first sentence's, and the further passages cut from the same paragraph
    share them."""
    out: dict[int, frozenset[str]] = {}
    current: tuple[str, frozenset[str]] | None = None
    for row in rows:
        if row.heading and row.sentence_terms and row.text.startswith(row.heading):
            current = (row.heading, frozenset(row.sentence_terms[0]))
        if row.heading and current and current[0] == row.heading:
            out[row.passage_id] = current[1]
    return out
