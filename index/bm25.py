"""BM25 as rank-bm25's `BM25Okapi` defines it, so our inverted index ranks exactly like the reference.

Kept in one place because the builder (average IDF) and the reader (scores) must agree.
"""
from __future__ import annotations

import numpy as np

K1 = 1.5
B = 0.75
EPSILON = 0.25  # BM25Okapi floors negative IDFs at EPSILON × the average IDF


def raw_idf(df: np.ndarray | float, corpus_size: int) -> np.ndarray | float:
    """BM25Okapi's IDF before flooring: log(N − df + 0.5) − log(df + 0.5)."""
    return np.log(corpus_size - df + 0.5) - np.log(df + 0.5)


def average_idf(dfs: np.ndarray, corpus_size: int) -> float:
    """The mean raw IDF over the whole vocabulary, which sets BM25Okapi's floor."""
    if len(dfs) == 0 or corpus_size == 0:
        return 0.0
    return float(np.mean(raw_idf(dfs.astype(np.float64), corpus_size)))


def idf(df: int, corpus_size: int, avg_idf: float) -> float:
    """IDF of one term with BM25Okapi's floor; a term no passage holds scores nothing."""
    if df <= 0:
        return 0.0
    value = float(raw_idf(df, corpus_size))
    return EPSILON * avg_idf if value < 0 else value


def length_norms(doc_len: np.ndarray, avgdl: float) -> np.ndarray:
    """The per-passage part of the BM25 denominator, computed once per index generation."""
    if avgdl <= 0:
        return np.full(len(doc_len), K1, dtype=np.float64)
    return K1 * (1 - B + B * doc_len.astype(np.float64) / avgdl)


def term_scores(tfs: np.ndarray, norms: np.ndarray, term_idf: float) -> np.ndarray:
    """Score contribution of one term to each passage in its postings."""
    tf = tfs.astype(np.float64)
    return term_idf * (tf * (K1 + 1) / (tf + norms))
