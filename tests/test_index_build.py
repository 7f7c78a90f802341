"""The index on real files and a real SQLite database: incremental runs, bad files, parity with
rank-bm25, and an interrupted run."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from bot import retrieval
from bot.engine import Engine
from bot.retrieval import IndexStats, database_inode, search
from index.analyse import Analyzer
from index.build import build_index
from tests.conftest import ROOT, TANYA

PUTIN_QUOTE = "Pada Juni 2024, Presiden Rusia Vladimir Putin melakukan kunjungan langka ke Pyongyang."


def _articles(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT article_id, content_hash FROM articles"))


def test_bundled_corpus_indexes_every_article(bundled_db: Path) -> None:
    assert len(_articles(bundled_db)) == 5
    with sqlite3.connect(bundled_db) as conn:
        passages = [t for (t,) in conn.execute("SELECT text FROM passages")]
    assert any(PUTIN_QUOTE in p for p in passages)


def test_add_change_remove_and_unchanged_rerun(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.db"
    first = build_index(corpus, db)
    assert (first.added, first.updated, first.removed) == (5, 0, 0)

    again = build_index(corpus, db)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 5)

    (corpus / "baru").mkdir()
    (corpus / "baru" / "bekasi.txt").write_text(
        "Banjir Bekasi\n\nBanjir melanda Kota Bekasi pada Senin (3/3/2025) setelah hujan deras semalaman.\n",
        encoding="utf-8",
    )
    added = build_index(corpus, db)
    assert (added.added, added.unchanged) == (1, 5)
    assert Engine(db).ask("kapan banjir melanda Bekasi?").passages[0].path == "baru/bekasi.txt"

    target = corpus / "baru" / "bekasi.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("Senin (3/3/2025)", "Selasa (4/3/2025)"), encoding="utf-8")
    changed = build_index(corpus, db)
    assert (changed.updated, changed.added, changed.removed) == (1, 0, 0)
    assert "Selasa" in Engine(db).ask("kapan banjir melanda Bekasi?").passages[0].quote

    target.unlink()
    removed = build_index(corpus, db)
    assert removed.removed == 1
    assert Engine(db).ask("kapan banjir melanda Bekasi?").abstained


def test_bad_files_are_reported_and_skipped(corpus: Path, tmp_path: Path) -> None:
    (corpus / "kosong.txt").write_bytes(b"")
    (corpus / "rusak.txt").write_bytes(bytes(range(256)) * 20)
    (corpus / "latin1.txt").write_bytes(
        "Kafe di Pyongyang\n\nSebuah kafe baru dibuka di Pyongyang pada Sabtu (1/2/2025), kata pemiliknya.".encode("latin-1")
    )
    summary = build_index(corpus, tmp_path / "index.db")
    skipped = {s.path for s in summary.skipped}
    assert {"kosong.txt", "rusak.txt"} <= skipped
    assert "latin1.txt" not in skipped
    assert summary.added == 6
    assert "kosong.txt" in summary.format() and "rusak.txt" in summary.format()


def _bm25_reference(db: Path) -> tuple[BM25Okapi, list[int]]:
    analyzer = Analyzer()
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, text FROM passages ORDER BY id").fetchall()
    return BM25Okapi([analyzer.terms(text) for _, text in rows]), [pid for pid, _ in rows]


def test_top_results_match_rank_bm25(bundled_db: Path) -> None:
    _assert_ranks_as_rank_bm25(bundled_db, rounds=1)


def test_common_terms_kept_with_their_scores_rank_as_rank_bm25(bundled_db: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Every term counts as common here and the store holds a few hundred postings, so terms are
    kept, found again and pushed out while the same queries are asked three times over."""
    monkeypatch.setattr(retrieval, "CACHED_POSTINGS", 1)
    monkeypatch.setattr(retrieval, "CACHE_POSTINGS", 300)
    stats = _assert_ranks_as_rank_bm25(bundled_db, rounds=3)
    assert 0 < sum(len(docs) for docs, _ in stats.contributions.values()) <= 300


def _assert_ranks_as_rank_bm25(db: Path, rounds: int) -> IndexStats:
    reference, ids = _bm25_reference(db)
    analyzer = Analyzer()
    vocabulary = sorted(reference.idf)
    rng = random.Random(7)
    queries = [analyzer.terms(q) for q in (
        "Kapan Putin mengunjungi Pyongyang?",
        "siapa menteri pertahanan Rusia",
        "berapa jarak Vladivostok dari perbatasan Korea Utara",
        "sanksi Amerika Serikat terhadap tiga entitas",
        "Kim Jong Un kereta lapis baja",
    )] + [rng.sample(vocabulary, rng.randint(1, 5)) for _ in range(40)]
    conn = sqlite3.connect(db)
    stats = IndexStats.load(conn, database_inode(db))
    for terms in queries * rounds:
        expected = reference.get_scores(terms)
        ours = search(conn, stats, terms, k=10)
        assert ours, terms
        for passage_id, score in ours:
            assert score == pytest.approx(expected[ids.index(passage_id)], rel=1e-9, abs=1e-12)
        tenth = sorted(expected, reverse=True)[min(9, len(ours) - 1)]
        strictly_better = {ids[i] for i in np.flatnonzero(expected > tenth + 1e-9)}
        assert strictly_better <= {pid for pid, _ in ours}, terms
    return stats


def test_ties_are_cut_alike_in_every_process(tmp_path: Path) -> None:
    """Python orders a set's strings by a hash that differs per process: the question's terms are
    read in its own order, so that among equal scores the same passages are kept after a restart."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(36):  # as many passages name either country, each scoring the same for it
        country = ("Korea", "Jepang", "Vietnam")[i // 12]
        (corpus / f"{i:02d}.txt").write_text(f"Latihan {i + 10} digelar di {country}.\n", encoding="utf-8")
    db = tmp_path / "tanya.db"
    build_index(corpus, db)
    code = ("import sqlite3; from bot.retrieval import IndexStats, database_inode, search; "
            f"db = {str(db)!r}; conn = sqlite3.connect(db); "
            "print(search(conn, IndexStats.load(conn, database_inode(db)), ['korea', 'jepang'], k=5))")
    kept = {subprocess.run(TANYA[:1] + ["-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(kept) == 1 and "[(" in kept.pop()


def test_an_opening_dateline_is_never_quoted(bundled_db: Path) -> None:
    """ "PR DEPOK - " opens a story's first paragraph, after its photo caption: it says who filed the
    story, so the quote of that paragraph's first sentence starts after it."""
    answer = Engine(bundled_db).ask("kim jong un berencana ke rusia untuk bertemu putin, dilaporkan oleh siapa")
    quotes = [p.quote for p in answer.passages if "berencana melakukan perjalanan ke Rusia bulan ini" in p.quote]
    assert quotes and all(q.startswith("Kim Jong Un, pemimpin Korea Utara") for q in quotes)


def _synthetic_corpus(folder: Path, count: int) -> None:
    """Articles made of the bundled corpus' sentences, each with a unique marker word."""
    sentences = [s.strip() + "." for f in sorted((ROOT / "corpus").glob("*.txt"))
                 for s in f.read_text(encoding="utf-8").split(".") if len(s.split()) > 6]
    rng = random.Random(1)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = "\n\n".join(" ".join(rng.sample(sentences, 3)) for _ in range(6))
        (folder / f"sintetis-{n:05d}.txt").write_text(f"Laporan nomor {n}\n\n{body}\n", encoding="utf-8")


@pytest.mark.parametrize("full_rebuild", [False, True], ids=["incremental", "full-rebuild"])
def test_killed_index_run_leaves_previous_index_answering(corpus: Path, tmp_path: Path, full_rebuild: bool) -> None:
    db = tmp_path / "index.db"
    build_index(corpus, db)
    before = _articles(db)
    if full_rebuild:  # an index made by another analysis pipeline is rebuilt from scratch
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE meta SET value = 'older' WHERE key = 'pipeline_version'")
    _synthetic_corpus(corpus / "sintetis", 3000)

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([*TANYA, "index", "--corpus", str(corpus), "--db", str(db), "--quiet"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.5)
    assert process.poll() is None, "the index run finished before it could be interrupted"
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert _articles(db) == before
    answer = Engine(db).ask("kapan Putin ke Pyongyang?")
    assert not answer.abstained and PUTIN_QUOTE in answer.passages[0].quote

    rerun = subprocess.run([*TANYA, "index", "--corpus", str(corpus), "--db", str(db), "--quiet"],
                           env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert len(_articles(db)) == 5 + 3000


def test_many_small_runs_keep_few_segments_and_exact_scores(corpus: Path, tmp_path: Path) -> None:
    from index.build import MAX_SEGMENTS

    db = tmp_path / "index.db"
    build_index(corpus, db)
    for n in range(MAX_SEGMENTS + 3):
        (corpus / f"harian-{n}.txt").write_text(
            f"Laporan harian {n}\n\nPemerintah Bekasi membuka pasar malam ke-{n} pada Senin (3/3/2025).\n",
            encoding="utf-8")
        build_index(corpus, db)
    for n in range(0, MAX_SEGMENTS + 3, 2):
        (corpus / f"harian-{n}.txt").unlink()
    build_index(corpus, db)
    with sqlite3.connect(db) as conn:
        segments = [s for (s,) in conn.execute("SELECT DISTINCT segment FROM postings")]
    assert len(segments) <= MAX_SEGMENTS + 1

    reference, ids = _bm25_reference(db)
    conn = sqlite3.connect(db)
    stats = IndexStats.load(conn, database_inode(db))
    terms = Analyzer().terms("pasar malam Bekasi Putin Pyongyang")
    expected = reference.get_scores(terms)
    for passage_id, score in search(conn, stats, terms, k=10):
        assert score == pytest.approx(expected[ids.index(passage_id)], rel=1e-9)
    assert {pid for pid, _ in search(conn, stats, terms, k=10)} >= {
        ids[i] for i in np.argsort(expected)[::-1][:3]}


def test_stored_stems_spare_sastrawi_and_give_the_same_terms(bundled_db: Path) -> None:
    with sqlite3.connect(bundled_db) as conn:
        stored = dict(conn.execute("SELECT word, term FROM stems"))
        texts = [t for (t,) in conn.execute("SELECT text FROM passages")]
    assert stored
    looked_up = Analyzer(lookup=stored.get)
    assert [looked_up.terms(t) for t in texts] == [Analyzer().terms(t) for t in texts]
    assert looked_up.new_stems == {}  # every word came from the index, none from Sastrawi
