"""Keeps the index in step with the corpus folder: adds new articles, re-indexes changed ones,
drops removed ones, and leaves an unchanged corpus alone.

Safety: an incremental run is one SQLite transaction, so a crash or `kill -9` leaves the previous
index answering. A full build (new database, or a changed analysis pipeline) is written to a
side file and renamed into place only when complete.
"""
from __future__ import annotations

import errno
import itertools
import json
import multiprocessing
import os
import sqlite3
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import sqlite_utils

from index import bm25, tanya_version
from index.aliases import name_pairs, with_defined_names
from index.analyse import PIPELINE_VERSION, Analyzer
from index.article import Article, Passage, Skipped
from index.health import IndexDamaged, IndexStale, check_index, is_damage
from index.load import SourceFile, discover, load_file
from index.lock import DEFAULT_WAIT, WaitCallback, writer_lock
from index.prepare import prepare
from index.store import (
    DOC_ID,
    SCHEMA_VERSION,
    TERM_FREQ,
    article_row,
    get_meta,
    insert_passages,
    load_array,
    load_stems,
    open_db,
    passage_row,
    written_terms,
    save_array,
    set_meta,
)

ProgressCallback = Callable[[float], None]  # called with the fraction of work done since the last call

PARALLEL_THRESHOLD = 400  # below this many articles to (re)index, a process pool costs more than it saves
MAX_SEGMENTS = 12
MAX_DEAD_FRACTION = 0.25
WRITE_BATCH = 2000


@dataclass
class IndexSummary:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    rebuilt: bool = False
    articles: int = 0
    passages: int = 0
    seconds: float = 0.0
    moved_aside: IndexDamaged | None = None  # the damaged index this run replaced

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def format(self) -> str:
        """An Indonesian summary for the operator, naming every skipped file and why."""
        lines = []
        if self.moved_aside is not None:
            lines.append(f"Indeks lama {self.moved_aside.reason}; dipindahkan ke "
                         f"{self.moved_aside.moved_to} dan dibangun ulang dari korpus")
        lines += [
            f"Ditambah: {self.added}, diperbarui: {self.updated}, dihapus: {self.removed}, "
            f"tidak berubah: {self.unchanged}, dilewati: {len(self.skipped)}"
        ]
        lines += [f"  dilewati: {s.path} — {s.reason}" for s in self.skipped]
        rebuilt = " (dibangun ulang penuh)" if self.rebuilt else ""
        lines.append(
            f"Indeks: {self.articles} artikel, {self.passages} passage, {self.seconds:.1f} detik{rebuilt}"
        )
        return "\n".join(lines)


@dataclass
class _Prepared:
    article: Article
    content_hash: str
    updated: bool
    weight: float
    passages: list[Passage]
    sentence_terms: list[list[list[str]]]  # the words written, which BM25 counts
    said_terms: list[list[list[str]]]  # with the other form of each name the article defines (index.aliases)
    names: list[tuple[str, str]]  # (short form's one term, full name's terms) the article defines
    new_stems: dict[str, str]


_worker_analyzer: Analyzer | None = None


def _analyse(item: tuple[Article, str, bool, float]) -> _Prepared:
    """Runs in a worker process: the CPU-heavy part of indexing one article."""
    global _worker_analyzer
    if _worker_analyzer is None:
        _worker_analyzer = Analyzer()
    article, content_hash, updated, weight = item
    article, passages = prepare(article)
    sentence_terms = [sentence_terms_of(_worker_analyzer, p.text, p.sentences) for p in passages]
    pairs = name_pairs([p.text for p in passages], _worker_analyzer.terms)
    said_terms = with_defined_names(sentence_terms, pairs)
    names = [(short[0], " ".join(full)) for full, short in pairs if len(short) == 1 and len(full) > 1]
    new_stems = dict(_worker_analyzer.new_stems)
    _worker_analyzer.new_stems.clear()
    return _Prepared(article, content_hash, updated, weight, passages, sentence_terms, said_terms, names, new_stems)


def sentence_terms_of(analyzer: Analyzer, text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """Terms per sentence; words outside every span join the sentence before them (an opening
    dateline, before every span, joins the first), so the passage's terms are exactly the sentences'
    terms in order."""
    if not spans:
        return [analyzer.terms(text)]
    out: list[list[str]] = []
    covered = 0
    for start, end in spans:
        gap = analyzer.terms(text[covered:start]) if start > covered else []
        if gap and out:
            out[-1].extend(gap)
            gap = []
        out.append(gap + analyzer.terms(text[start:end]))
        covered = max(covered, end)
    if covered < len(text):
        out[-1].extend(analyzer.terms(text[covered:]))
    return out


def needs_full_build(db_path: Path) -> bool:
    """A missing database, or one made by another analysis pipeline or schema, is rebuilt from scratch."""
    if not db_path.exists():
        return True
    db = open_db(db_path)
    try:
        return (get_meta(db, "pipeline_version") != PIPELINE_VERSION
                or get_meta(db, "schema_version") != SCHEMA_VERSION)
    finally:
        db.close()


class IndexWriteError(RuntimeError):
    """The index could not be written (disk full, read-only folder); the previous one is intact."""


def build_index(
    corpus_dir: Path | str,
    db_path: Path | str,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    wait: float = DEFAULT_WAIT,
    on_wait: WaitCallback | None = None,
) -> IndexSummary:
    """Bring the index at `db_path` in step with `corpus_dir`.

    Every writer goes through here, so here is where the writer lock is taken: a second writer
    waits up to `wait` seconds (LockTimeout past it), then indexes the corpus as it then is. A
    damaged index is moved aside and rebuilt; one from a newer Tanya raises IndexTooNew, untouched.
    A failed write (disk full, read-only) raises IndexWriteError and leaves the previous index.
    """
    started = time.perf_counter()
    corpus_dir, db_path = Path(corpus_dir), Path(db_path)
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"folder korpus tidak ditemukan: {corpus_dir}")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with writer_lock(db_path, wait, on_wait):
            summary = _build_locked(corpus_dir, db_path, progress, workers)
    except (OSError, sqlite3.OperationalError) as exc:
        if isinstance(exc, sqlite3.DatabaseError) and is_damage(exc):
            raise
        raise IndexWriteError(_write_failure(db_path, exc)) from exc
    summary.seconds = time.perf_counter() - started
    return summary


def _write_failure(db_path: Path, exc: BaseException) -> str:
    """One Indonesian line: what failed, why, and that the previous index still answers."""
    errno_ = getattr(exc, "errno", None)
    text = str(exc).lower()
    if errno_ in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or "disk is full" in text or "disk i/o" in text:
        why = "disk penuh atau batas ukuran berkas tercapai"
    elif errno_ in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text or "read-only" in text \
            or "unable to open" in text:
        why = f"folder {db_path.parent} tidak dapat ditulisi"
    else:
        why = "penulisan gagal"
    detail = getattr(exc, "strerror", None) or str(exc)
    return (f"indeks {db_path} tidak dapat ditulis: {why} ({detail}). Indeks sebelumnya tetap dipakai; "
            "kosongkan ruang atau perbaiki izin folder, lalu jalankan lagi `tanya index`")


def _build_locked(corpus_dir: Path, db_path: Path, progress, workers) -> IndexSummary:
    moved = _set_aside_if_damaged(db_path)
    files = discover(corpus_dir)
    if not needs_full_build(db_path):
        try:
            summary = _incremental(corpus_dir, db_path, files, progress, workers)
            summary.moved_aside = moved
            return summary
        except sqlite3.DatabaseError as exc:  # damage deeper than the open-time check looks
            if not is_damage(exc):
                raise
            moved = _set_aside(db_path, IndexDamaged(db_path, f"rusak ({exc})"))
    summary = _full_build(corpus_dir, db_path, files, progress, workers)
    summary.moved_aside = moved
    return summary


def _incremental(corpus_dir: Path, db_path: Path, files: list[SourceFile], progress, workers) -> IndexSummary:
    db = open_db(db_path)
    try:
        with db.atomic():
            return _Updater(db, corpus_dir, progress, workers).run(files)
    finally:
        db.close()


def _set_aside_if_damaged(db_path: Path) -> IndexDamaged | None:
    """A damaged index is derived data: move it to `<name>.rusak-<time>` and let a full build
    replace it. One in an older schema is sound and simply rebuilt (needs_full_build); one from a
    newer Tanya is never touched (IndexTooNew propagates)."""
    if not db_path.exists():
        return None
    try:
        check_index(db_path)
    except IndexStale:
        pass
    except IndexDamaged as problem:
        return _set_aside(db_path, problem)
    return None


def _set_aside(db_path: Path, problem: IndexDamaged) -> IndexDamaged:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.rusak-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = db_path.with_name(f"{db_path.name}.rusak-{stamp}-{n}")
    os.replace(db_path, target)
    for suffix in ("-wal", "-shm", "-journal"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            os.replace(side, Path(str(target) + suffix))
    problem.moved_to = target
    return problem


def _full_build(corpus_dir: Path, db_path: Path, files: list[SourceFile], progress, workers) -> IndexSummary:
    side = db_path.with_name(db_path.name + ".building")
    _remove_db_files(side)
    try:
        db = open_db(side, fast_unsafe=True)
        try:
            with db.atomic():
                set_meta(db, "pipeline_version", PIPELINE_VERSION)
                summary = _Updater(db, corpus_dir, progress, workers).run(files)
            db.execute("PRAGMA journal_mode=WAL")
        finally:
            db.close()
    except BaseException:
        _remove_db_files(side)  # a half-built side file only wastes the space that may have run out
        raise
    _checkpoint(db_path)
    os.replace(side, db_path)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    summary.rebuilt = True
    return summary


def _checkpoint(db_path: Path) -> None:
    """Fold an old database's WAL into it, so no stale WAL is left beside the file replacing it."""
    if db_path.exists():
        import sqlite3

        conn = sqlite3.connect(str(db_path))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError:
            pass
        finally:
            conn.close()


def _size(path: Path) -> int:
    """A corpus file may vanish mid-run; load_file then reports it, and it weighs nothing."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _remove_db_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


class _Updater:
    """One indexing run over an open database, inside the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database, corpus_dir: Path, progress, workers: int | None) -> None:
        self.db = db
        self.corpus_dir = corpus_dir
        self.progress = progress
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.summary = IndexSummary()
        conn = db.conn
        self.next_id = int(get_meta(db, "next_passage_id", "1"))
        self.doc_len = load_array(conn, "doc_len", np.int32)
        self.alive = load_array(conn, "alive", np.uint8)
        self.segment = int(get_meta(db, "next_segment", "0"))
        self._stems: dict[str, str] | None = None
        self.new_stems: dict[str, str] = {}
        self.postings: dict[str, tuple[array, array]] = {}
        self.passage_rows: list[tuple] = []
        self.article_rows: list[dict] = []
        self.name_rows: list[tuple[str, str, str]] = []
        self.new_lengths: list[tuple[int, int]] = []

    # -- the run -------------------------------------------------------------------------------
    def run(self, files: list[SourceFile]) -> IndexSummary:
        known = {row["rel"]: row for row in self.db["files"].rows}
        present = {f.rel for f in files}
        to_read = [f for f in files if known.get(f.rel, {}).get("fingerprint") != f.fingerprint]
        for f in files:
            if f.rel not in known or known[f.rel]["fingerprint"] != f.fingerprint:
                continue
            self.summary.skipped += [Skipped(**s) for s in json.loads(known[f.rel]["skipped"] or "[]")]
            self.summary.unchanged += self._count("SELECT count(*) FROM articles WHERE path = ?", f.rel)
        for rel in sorted(set(known) - present):
            for (article_id,) in self.db.execute("SELECT article_id FROM articles WHERE path = ?", (rel,)).fetchall():
                self._remove(article_id)
                self.summary.removed += 1
            self.db.execute("DELETE FROM files WHERE rel = ?", (rel,))

        self._index(self._changes(to_read))
        if self.summary.changed or self.new_stems:
            self._finish()
        self.summary.articles = self._count("SELECT count(*) FROM articles")
        self.summary.passages = self._count("SELECT count(*) FROM passages")
        return self.summary

    def _count(self, sql: str, *params) -> int:
        return int(self.db.execute(sql, params).fetchone()[0])

    def _changes(self, to_read: list[SourceFile]) -> Iterator[tuple[Article, str, bool, float]]:
        """Reads each changed file, removes what it no longer holds, and yields what to (re)index."""
        total = sum(_size(f.path) for f in to_read) or 1
        for f in to_read:
            articles, skipped = load_file(self.corpus_dir, f.rel)
            existing = dict(self.db.execute("SELECT article_id, content_hash FROM articles WHERE path = ?", (f.rel,)))
            weight = _size(f.path) / total / max(1, len(articles))
            seen: set[str] = set()
            pending = []
            for article in articles:
                if article.article_id in seen or self._owned_elsewhere(article):
                    skipped.append(Skipped(f"{f.rel}:{article.article_id}", "id artikel ganda, sudah dipakai artikel lain"))
                    continue
                seen.add(article.article_id)
                content_hash = article.content_hash()
                old_hash = existing.get(article.article_id)
                if old_hash == content_hash:
                    self.summary.unchanged += 1
                    continue
                if old_hash is not None:
                    self._remove(article.article_id)
                pending.append((article, content_hash, old_hash is not None))
            for article_id in set(existing) - seen:
                self._remove(article_id)
                self.summary.removed += 1
            self.summary.skipped += skipped
            self.db.execute(
                "INSERT OR REPLACE INTO files (rel, fingerprint, skipped) VALUES (?, ?, ?)",
                (f.rel, f.fingerprint, json.dumps([s.__dict__ for s in skipped], ensure_ascii=False)),
            )
            if not pending and self.progress:
                self.progress(_size(f.path) / total)
            for article, content_hash, updated in pending:
                yield article, content_hash, updated, weight

    def _owned_elsewhere(self, article: Article) -> bool:
        row = self.db.execute("SELECT path FROM articles WHERE article_id = ?", (article.article_id,)).fetchone()
        return row is not None and row[0] != article.path

    # -- adding --------------------------------------------------------------------------------
    def _index(self, items: Iterator[tuple[Article, str, bool, float]]) -> None:
        global _worker_analyzer
        first = list(itertools.islice(items, PARALLEL_THRESHOLD))
        if not first:
            return
        _worker_analyzer = Analyzer(self.stems)  # forked workers inherit it, stem cache included
        everything = itertools.chain(first, items)
        if len(first) < PARALLEL_THRESHOLD or self.workers < 2:
            for prepared in map(_analyse, everything):
                self._add(prepared)
        else:
            with multiprocessing.get_context("fork").Pool(self.workers) as pool:
                for prepared in pool.imap(_analyse, everything, chunksize=16):
                    self._add(prepared)
        self._flush()
        self._write_segment()

    def _add(self, prepared: _Prepared) -> None:
        article = prepared.article
        self.new_stems.update(prepared.new_stems)
        for ordinal, (passage, sentence_terms, said_terms) in enumerate(
                zip(prepared.passages, prepared.sentence_terms, prepared.said_terms)):
            terms = [t for sentence in sentence_terms for t in sentence]
            passage_id = self.next_id
            self.next_id += 1
            self.passage_rows.append(passage_row(passage_id, article.article_id, ordinal, passage, said_terms,
                                                 len(terms)))
            self.new_lengths.append((passage_id, len(terms)))
            for term, count in Counter(terms).items():
                entry = self.postings.get(term)
                if entry is None:
                    entry = self.postings[term] = (array("i"), array("H"))
                entry[0].append(passage_id)
                entry[1].append(min(count, 65535))
        self.article_rows.append(article_row(article, prepared.content_hash, len(prepared.passages)))
        self.name_rows += [(short, full, article.article_id) for short, full in prepared.names]
        if prepared.updated:
            self.summary.updated += 1
        else:
            self.summary.added += 1
        if self.progress:
            self.progress(prepared.weight)
        if len(self.passage_rows) >= WRITE_BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.article_rows:
            self.db["articles"].insert_all(self.article_rows, replace=True)
        if self.passage_rows:
            insert_passages(self.db, self.passage_rows)
        if self.name_rows:
            self.db.conn.executemany("INSERT INTO names (short, full, article_id) VALUES (?, ?, ?)", self.name_rows)
        self.article_rows, self.passage_rows, self.name_rows = [], [], []

    def _write_segment(self) -> None:
        if not self.postings:
            return
        segment = self.segment
        self.segment += 1
        segments = json.loads(get_meta(self.db, "segments", "[]"))
        set_meta(self.db, "segments", json.dumps(segments + [segment]))
        self.db.conn.executemany(
            "INSERT INTO postings (term, segment, docs, tfs) VALUES (?, ?, ?, ?)",
            (
                (term, segment, np.asarray(docs, dtype=DOC_ID).tobytes(), np.asarray(tfs, dtype=TERM_FREQ).tobytes())
                for term, (docs, tfs) in self.postings.items()
            ),
        )
        self._change_df(Counter({term: len(docs) for term, (docs, _) in self.postings.items()}))
        self.postings = {}

    # -- removing ------------------------------------------------------------------------------
    def _remove(self, article_id: str) -> None:
        """Drop an article; its postings stay until compaction but its passages stop counting."""
        rows = self.db.execute("SELECT id, terms FROM passages WHERE article_id = ?", (article_id,)).fetchall()
        gone: Counter = Counter()
        for passage_id, terms in rows:
            gone.update(written_terms(terms))
            if passage_id < len(self.alive):
                self.alive[passage_id] = 0
        self._change_df(Counter({term: -n for term, n in gone.items()}))
        self.db.execute("DELETE FROM passages WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM names WHERE article_id = ?", (article_id,))

    @property
    def stems(self) -> dict[str, str]:
        """The stored word→term cache, read only when something is (re)indexed."""
        if self._stems is None:
            self._stems = load_stems(self.db.conn)
        return self._stems

    def _change_df(self, deltas: Counter) -> None:
        self.db.conn.executemany(
            "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            deltas.items(),
        )

    # -- statistics ----------------------------------------------------------------------------
    def _finish(self) -> None:
        """Store what the reader needs to score without touching the passages table."""
        db = self.db
        db.execute("DELETE FROM terms WHERE df <= 0")
        size = self.next_id
        doc_len = np.zeros(size, dtype=np.int32)
        doc_len[: len(self.doc_len)] = self.doc_len[:size]
        alive = np.zeros(size, dtype=np.uint8)
        alive[: len(self.alive)] = self.alive[:size]
        if self.new_lengths:
            ids, lengths = np.array(self.new_lengths, dtype=np.int64).T
            doc_len[ids] = lengths
            alive[ids] = 1
        save_array(db, "doc_len", doc_len)
        save_array(db, "alive", alive)
        corpus_size = int(alive.sum())
        dfs = np.fromiter((df for (df,) in db.execute("SELECT df FROM terms")), dtype=np.float64)
        set_meta(db, "corpus_size", corpus_size)
        set_meta(db, "total_length", int(doc_len[alive.astype(bool)].sum()))
        set_meta(db, "average_idf", repr(bm25.average_idf(dfs, corpus_size)))
        set_meta(db, "next_passage_id", self.next_id)
        if self.new_stems:
            db.conn.executemany("INSERT OR IGNORE INTO stems (word, term) VALUES (?, ?)", self.new_stems.items())
        self._merge_segments(alive, corpus_size)
        set_meta(db, "next_segment", self.segment)
        set_meta(db, "generation", int(get_meta(db, "generation", "0")) + 1)
        set_meta(db, "written_by", tanya_version())

    def _merge_segments(self, alive: np.ndarray, corpus_size: int) -> None:
        """Keep the number of postings segments small, like a log-structured merge: small
        incremental segments are merged together often, the big base only when many of its
        passages were removed."""
        segments = json.loads(get_meta(self.db, "segments", "[]"))
        dead = len(alive) - 1 - corpus_size  # id 0 is never used
        if len(alive) > 1 and dead / (len(alive) - 1) > MAX_DEAD_FRACTION:
            merge = segments
        elif len(segments) > MAX_SEGMENTS:
            merge = segments[1:]
        else:
            merge = []
        if len(merge) > 1 or (merge and merge == segments and dead):
            target = self.segment
            self.segment += 1
            _merge_postings(self.db, alive, merge, target)
            segments = [s for s in segments if s not in merge] + [target]
        set_meta(self.db, "segments", json.dumps(segments))


def _merge_postings(db: sqlite_utils.Database, alive: np.ndarray, segments: list[int], target: int) -> None:
    """Merge the postings of `segments` into one segment `target`, dropping removed passages."""
    conn = db.conn
    marks = ",".join("?" * len(segments))

    def merged_rows() -> Iterator[tuple[str, bytes, bytes]]:
        term, docs, tfs = None, [], []
        rows = conn.execute(
            f"SELECT term, docs, tfs FROM postings WHERE segment IN ({marks}) ORDER BY term, segment", segments
        )
        for row_term, row_docs, row_tfs in rows:
            if row_term != term and term is not None:
                yield _merge(term, docs, tfs, alive)
                docs, tfs = [], []
            term = row_term
            docs.append(np.frombuffer(row_docs, dtype=DOC_ID))
            tfs.append(np.frombuffer(row_tfs, dtype=TERM_FREQ))
        if term is not None:
            yield _merge(term, docs, tfs, alive)

    rows = [row for row in merged_rows() if row[1]]
    conn.execute(f"DELETE FROM postings WHERE segment IN ({marks})", segments)
    conn.executemany("INSERT INTO postings (term, segment, docs, tfs) VALUES (?, ?, ?, ?)",
                     ((term, target, docs, tfs) for term, docs, tfs in rows))


def _merge(term: str, docs: list[np.ndarray], tfs: list[np.ndarray], alive: np.ndarray) -> tuple[str, bytes, bytes]:
    all_docs = np.concatenate(docs)
    keep = alive[all_docs].astype(bool)
    return term, all_docs[keep].tobytes(), np.concatenate(tfs)[keep].tobytes()
