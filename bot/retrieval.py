"""BM25 retrieval over the stored inverted index: touches only the postings of the question's terms.

Scores are exactly BM25Okapi's (rank-bm25) over the same stems; the difference is that a question
costs the length of its terms' postings instead of a pass over every passage. The one departure: a
short form the question asks by ("setnov") may be given its full name, and then counts wherever
that name is written too.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index import bm25
from index.store import DOC_ID, TERM_FREQ, get_meta, load_array


CACHED_POSTINGS = 20_000  # a term in this many passages or more is kept with its contributions
CACHE_POSTINGS = 3_000_000  # at most this many postings kept (12 bytes each: about 36 MB)


@dataclass
class IndexStats:
    """What scoring needs from one index generation, loaded once and shared by all threads."""

    generation: str
    inode: int
    corpus_size: int
    average_idf: float
    norms: np.ndarray  # BM25 length normalisation per passage id
    dead: np.ndarray  # ids of removed passages whose postings are still stored
    # The common terms' postings with their BM25 contributions, most recently used last: a common
    # word ("kata", "tahun") recurs question after question, and its long postings cost the most.
    contributions: OrderedDict = field(default_factory=OrderedDict, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def term_contributions(self, conn: sqlite3.Connection, term: str, idf: float) -> tuple[np.ndarray, np.ndarray]:
        """A term's passage ids and BM25 contribution to each (once, not per repeat in the query)."""
        key = (term, idf)
        with self._lock:
            found = self.contributions.get(key)
            if found is not None:
                self.contributions.move_to_end(key)
                return found
        docs, tfs = term_postings(conn, term)
        scores = bm25.term_scores(tfs, self.norms[docs], idf)
        if len(docs) >= CACHED_POSTINGS:
            with self._lock:
                self.contributions[key] = (docs, scores)
                while sum(len(kept) for kept, _ in self.contributions.values()) > CACHE_POSTINGS:
                    self.contributions.popitem(last=False)
        return docs, scores

    @classmethod
    def load(cls, conn: sqlite3.Connection, inode: int) -> "IndexStats":
        doc_len = load_array(conn, "doc_len", np.int32)
        alive = load_array(conn, "alive", np.uint8)
        corpus_size = int(get_meta(conn, "corpus_size", "0"))
        total = int(get_meta(conn, "total_length", "0"))
        avgdl = total / corpus_size if corpus_size else 0.0
        dead = np.flatnonzero(alive == 0)
        return cls(
            generation=get_meta(conn, "generation", "0"),
            inode=inode,
            corpus_size=corpus_size,
            average_idf=float(get_meta(conn, "average_idf", "0")),
            norms=bm25.length_norms(doc_len, avgdl),
            dead=dead[dead > 0],
        )


def database_inode(db_path: Path) -> int:
    try:
        return os.stat(db_path).st_ino
    except FileNotFoundError:
        return -1


def document_frequencies(conn: sqlite3.Connection, terms: list[str]) -> dict[str, int]:
    unique = sorted(set(terms))
    if not unique:
        return {}
    marks = ",".join("?" * len(unique))
    return dict(conn.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", unique))


def term_postings(conn: sqlite3.Connection, term: str) -> tuple[np.ndarray, np.ndarray]:
    rows = conn.execute("SELECT docs, tfs FROM postings WHERE term = ? ORDER BY segment", (term,)).fetchall()
    if not rows:
        return np.zeros(0, dtype=DOC_ID), np.zeros(0, dtype=TERM_FREQ)
    if len(rows) == 1:
        return np.frombuffer(rows[0][0], dtype=DOC_ID), np.frombuffer(rows[0][1], dtype=TERM_FREQ)
    return (
        np.concatenate([np.frombuffer(r[0], dtype=DOC_ID) for r in rows]),
        np.concatenate([np.frombuffer(r[1], dtype=TERM_FREQ) for r in rows]),
    )


def said_postings(conn: sqlite3.Connection, short: str, full: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The passages saying a short form: where it is written, or where every word of its full name is
    ("Setya Novanto" says "Setnov"), with the times said (the name counted by its least frequent word).
    A story that writes only the full name is found by a question asking by the short form.
    Postings are in ascending passage id (ids are handed out in order and segments kept in order)."""
    docs, tfs = term_postings(conn, short)
    words = sorted((term_postings(conn, t) for t in dict.fromkeys(full)), key=lambda p: len(p[0]))
    named, times = words[0][0], words[0][1].astype(np.int64)
    for other_docs, other_tfs in words[1:]:
        at = np.searchsorted(other_docs, named)
        held = at < len(other_docs)
        held[held] = other_docs[at[held]] == named[held]
        named, times = named[held], np.minimum(times[held], other_tfs[at[held]])
    said = np.union1d(docs, named)
    counts = np.zeros(len(said), dtype=np.int64)
    counts[np.searchsorted(said, docs)] += tfs
    counts[np.searchsorted(said, named)] += times
    return said.astype(DOC_ID), counts


def idf_weights(stats: IndexStats, dfs: dict[str, int], terms: list[str]) -> dict[str, float]:
    return {t: bm25.idf(dfs.get(t, 0), stats.corpus_size, stats.average_idf) for t in set(terms)}


_scratch = threading.local()


def _score_buffer(size: int) -> np.ndarray:
    """This thread's zeroed score array, one slot per passage. Reused rather than allocated per
    question: a fresh array of a million passages costs more in page faults than the question's
    postings do. `search` zeroes the slots it touched before returning."""
    buffer = getattr(_scratch, "scores", None)
    if buffer is None or len(buffer) != size:
        buffer = _scratch.scores = np.zeros(size, dtype=np.float64)
    return buffer


def search(
    conn: sqlite3.Connection, stats: IndexStats, terms: list[str], k: int = 10, dfs: dict[str, int] | None = None,
    full_names: dict[str, tuple[str, ...]] | None = None,
) -> list[tuple[int, float]]:
    """Top-k (passage id, BM25Okapi score), best first; a repeated query term counts again, as in BM25Okapi.

    `dfs` may carry the terms' document frequencies when the caller has them already. A term in
    `full_names` is a short form, scored as one term said by its short or its full name
    (`said_postings`), its IDF from the passages saying it either way."""
    if not terms or stats.corpus_size == 0:
        return []
    if dfs is None:
        dfs = document_frequencies(conn, terms)
    idfs = idf_weights(stats, dfs, terms)
    # in the question's order, not a set's (whose order a per-process hash sets): ties are cut alike in every process
    repeats = {t: terms.count(t) for t in dict.fromkeys(terms)}
    dense = _score_buffer(len(stats.norms))
    touched = []
    try:
        for term, times in repeats.items():
            if full_names and term in full_names:
                docs, said = said_postings(conn, term, full_names[term])
                alive = len(docs) - (np.count_nonzero(np.isin(docs, stats.dead)) if len(stats.dead) else 0)
                idf = bm25.idf(alive, stats.corpus_size, stats.average_idf)
                scores = bm25.term_scores(said, stats.norms[docs], idf)
            elif idfs[term] == 0.0:
                continue
            else:
                docs, scores = stats.term_contributions(conn, term, idfs[term])
            if len(docs) == 0:
                continue
            touched.append(docs)
            dense[docs] += scores if times == 1 else times * scores
        if not touched:
            return []
        candidates = touched[0] if len(touched) == 1 else np.concatenate(touched)  # may repeat ids
        if len(stats.dead):
            dense[stats.dead] = 0.0
        cand_scores = dense[candidates]
    finally:
        for docs in touched:
            dense[docs] = 0.0
    want = min(len(candidates), k * len(touched))  # enough to hold k distinct ids despite repeats
    top = np.argpartition(-cand_scores, want - 1)[:want] if want < len(candidates) else np.arange(len(candidates))
    best: dict[int, float] = {}
    for i in top[np.lexsort((candidates[top], -cand_scores[top]))]:
        if cand_scores[i] > 0:
            best.setdefault(int(candidates[i]), float(cand_scores[i]))
        if len(best) == k:
            break
    return list(best.items())
