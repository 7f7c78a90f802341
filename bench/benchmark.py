"""Archive-scale benchmark: build a large synthetic corpus, index it, and measure the figures the
archive has to meet, against rank-bm25 measured in the same run on the same passages.

Run `python -m bench.benchmark --articles 5000 --work bench-data/5k --report bench-data/5k.md`.
`run_benchmark(BenchConfig(...))` and `render_report(result)` are the pieces a `tanya bench`
command can wrap. Targets are stated for 1,000,000 passages (70,000 articles); a smaller run
reports the same figures against the same targets, marked with its own size.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import json
import multiprocessing
import os
import platform
import pstats
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from bench import synthetic

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASE = ROOT.parent / "shared" / "datasets" / "indosum" / "articles.jsonl"
TOP_K = 10
SCORE_TOLERANCE = 1e-6
INCREMENTAL_ARTICLES = 100
COLD_START_RUNS = 3
# (module, function) → build stage, for the profile hint; stages nest (stemming is inside analysis)
PROFILE_STAGES = {
    ("build", "build_index"): "total",
    ("load", "load_file"): "read and parse files (load_file)",
    ("prepare", "prepare"): "clean and segment (prepare)",
    ("analyse", "terms"): "analyse passages (Analyzer.terms)",
    ("analyse", "_stem_uncached"): "of which stemming new words (Sastrawi + fixes)",
    ("build", "_flush"): "write articles and passages (_flush)",
    ("build", "_write_segment"): "write postings (_write_segment)",
    ("build", "_finish"): "statistics and stems (_finish)",
    ("build", "_add"): "collect postings (_add)",
}

# (figure key, label, target text, test on the measured value)
TARGETS: list[tuple[str, str, str, object]] = [
    ("ask_p50_ms", "Question p50, full answer path (Engine.ask, second pass: database in the page cache)", "≤ 20 ms",
     lambda v: v <= 20),
    ("ask_p95_ms", "Question p95, full answer path (Engine.ask)", "≤ 80 ms", lambda v: v <= 80),
    ("written_p50_ms", "Question p50, hand-written questions (archive set and devset, as users type)", "≤ 20 ms",
     lambda v: v <= 20),
    ("written_p95_ms", "Question p95, hand-written questions", "≤ 80 ms", lambda v: v <= 80),
    ("search_p50_ms", "Retrieval p50 (bot.retrieval.search, k=10)", "≤ 20 ms", lambda v: v <= 20),
    ("search_p95_ms", "Retrieval p95 (bot.retrieval.search, k=10)", "≤ 80 ms", lambda v: v <= 80),
    ("speedup_p50", "Speed-up of search over BM25Okapi.get_scores (p50 / p50)", "≥ 30×", lambda v: v >= 30),
    ("agreement", "Top-10 agreement with BM25Okapi (ties at 10th allowed)", "≥ 95 %", lambda v: v >= 0.95),
    ("build_articles_per_s", "Full index build", "≥ 300 articles/s", lambda v: v >= 300),
    ("incremental_s", f"Incremental add of {INCREMENTAL_ARTICLES} articles", "≤ 10 s", lambda v: v <= 10),
    ("unchanged_share", "Unchanged re-run, share of full build", "≤ 10 %", lambda v: v <= 0.10),
    ("cold_start_s", "Cold start: `bot.cli ask` to first answer (median of 3)", "≤ 1 s", lambda v: v <= 1),
    ("answer_rss_mb", "Peak RSS of the answering process (`ask --json`)", "≤ 500 MB", lambda v: v <= 500),
]


@dataclass
class BenchConfig:
    """What to run; the defaults are the archive-scale run of the issue."""

    articles: int = 70_000
    questions: int = 200
    seed: int = 1
    work: Path = Path(tempfile.gettempdir()) / "tanya-bench"
    report: Path | None = None
    base: Path = DEFAULT_BASE
    workers: int | None = None
    bm25: bool = True
    profile: bool = True
    reuse_index: bool = False


@dataclass
class BenchResult:
    """Every measured figure, in plain numbers, so it can be rendered or compared later."""

    config: dict = field(default_factory=dict)
    machine: dict = field(default_factory=dict)
    figures: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    profile: list[tuple[str, float]] = field(default_factory=list)


def log(message: str) -> None:
    """Timestamped progress on stderr: a 70,000-article run takes a while and is often run under nohup."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- machine -------------------------------------------------------------------------------------
def machine_info() -> dict:
    """Cores, RAM and CPU model, so figures from different machines are not compared blindly."""
    info = {"cores": os.cpu_count() or 1, "python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    try:
        meminfo = Path("/proc/meminfo").read_text()
        info["ram_gib"] = round(int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) / 2**20, 1)
    except (OSError, AttributeError):
        info["ram_gib"] = None
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = re.search(r"model name\s*:\s*(.+)", cpuinfo).group(1).strip()
    except (OSError, AttributeError):
        info["cpu"] = platform.processor() or platform.machine()
    return info


def own_rss_mb() -> float:
    """Current resident memory of this process (VmRSS), for the BM25Okapi footprint."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    except (OSError, AttributeError):
        return float("nan")


# -- questions -----------------------------------------------------------------------------------
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d.,]*\d|\d|[^\sA-Za-z\d]")
_CALENDAR = synthetic._CALENDAR
_VERB_PREFIXES = ("me", "be", "di", "ter", "ber", "per")


def _is_name_token(token: str) -> bool:
    return token[0].isupper() and token.isalpha() and (len(token) > 1) and token not in _CALENDAR


def _name_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """Runs of 2–4 capitalised words not at the sentence start: people, places, organisations."""
    runs, i = [], 1
    while i < len(tokens):
        if _is_name_token(tokens[i]):
            j = i
            while j < len(tokens) and _is_name_token(tokens[j]) and j - i < 4:
                j += 1
            if j - i >= 2:
                runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


_TRAILING = frozenset("dan yang di ke dari adalah itu ini untuk dengan pada atau juga akan sudah telah oleh bahwa".split())


def _lower_words(tokens: list[str], start: int, limit: int) -> list[str]:
    """Up to `limit` lowercase words from `start`, without a dangling connective at the end."""
    words = []
    for token in tokens[start:]:
        if not (token.isalpha() and token.islower()) or len(words) == limit:
            break
        words.append(token)
    while words and words[-1] in _TRAILING:
        words.pop()
    return words


QUESTION_FORMS = ("kapan", "dimana", "siapa", "berapa", "apa")


def question_from_sentence(sentence: str, rng: random.Random, form: str) -> str | None:
    """A question of one of the engine's forms (kapan, di mana, siapa, berapa, apa) about a name
    the sentence mentions, or None when the sentence cannot give that form."""
    tokens = _TOKEN_RE.findall(sentence)
    runs = _name_runs(tokens)
    if not runs:
        return None
    start, end = rng.choice(runs)
    name = " ".join(tokens[start:end])
    predicate = _lower_words(tokens, end, rng.randint(2, 4))
    if form in ("kapan", "dimana"):
        if len(predicate) < 2:
            return None
        return f"{'kapan' if form == 'kapan' else 'di mana'} {name} {' '.join(predicate)}?"
    if form == "siapa":
        if len(predicate) >= 2 and predicate[0].startswith(_VERB_PREFIXES) and rng.random() < 0.7:
            return f"siapa yang {' '.join(predicate)}?"
        return f"siapa {name}?"
    from index.analyse import STOPWORDS

    if form == "berapa":
        numbers = [i for i, t in enumerate(tokens[:-1]) if t[0].isdigit() and tokens[i + 1].islower()
                   and tokens[i + 1] not in STOPWORDS and _lower_words(tokens, i + 1, 3)]
        if not numbers:
            return None
        return f"berapa {' '.join(_lower_words(tokens, rng.choice(numbers) + 1, 3))} {name}?"
    nouns = [t for t in tokens if t.isalpha() and t.islower() and len(t) >= 5
             and not t.startswith(_VERB_PREFIXES) and t not in STOPWORDS]
    if not nouns:
        return None
    return f"apa kata {name} soal {rng.choice(nouns)}?"


def make_questions(db_path: Path, count: int, seed: int) -> list[str]:
    """Deterministic, realistic questions about names and events in random passages of the index,
    the five forms in equal shares."""
    from index.segment import split_sentences

    rng = random.Random(f"questions:{seed}")
    conn = sqlite3.connect(db_path)
    try:
        low, high = conn.execute("SELECT min(id), max(id) FROM passages").fetchone()
        questions: list[str] = []
        seen: set[str] = set()
        attempts = 0
        while len(questions) < count and attempts < count * 100:
            attempts += 1
            form = QUESTION_FORMS[len(questions) % len(QUESTION_FORMS)]
            row = conn.execute("SELECT text FROM passages WHERE id = ?", (rng.randint(low, high),)).fetchone()
            spans = split_sentences(row[0]) if row else []
            if not spans:
                continue
            s, e = rng.choice(spans)
            question = question_from_sentence(row[0][s:e], rng, form)
            if question and question.lower() not in seen:
                seen.add(question.lower())
                questions.append(question)
        return questions
    finally:
        conn.close()


# -- measurements --------------------------------------------------------------------------------
def hand_written_questions() -> list[str]:
    """Every question of the archive set and the devset (they name IndoSum and bundled articles,
    which the generated corpus contains)."""
    from bench.datasets import ARCHIVE_FILE, DEVSET_FILE, read_jsonl

    return [row["question"] for path in (ARCHIVE_FILE, DEVSET_FILE) if path.exists() for _, row in read_jsonl(path)]


def percentiles_ms(seconds: list[float]) -> tuple[float, float, float]:
    """p50, p95 and mean in milliseconds."""
    values = np.asarray(seconds) * 1000
    return float(np.percentile(values, 50)), float(np.percentile(values, 95)), float(values.mean())


def time_build(corpus: Path, db: Path, workers: int | None) -> tuple[float, object]:
    from index.build import build_index

    started = time.perf_counter()
    summary = build_index(corpus, db, workers=workers)
    return time.perf_counter() - started, summary


def time_answers(db: Path, questions: list[str]) -> tuple[list[float], int]:
    """Engine.ask per question (after one warm-up question, which loads the index statistics)."""
    from bot.engine import Engine

    engine = Engine(db)
    engine.ask("siapa presiden Indonesia?")
    times, answered = [], 0
    for question in questions:
        started = time.perf_counter()
        answer = engine.ask(question)
        times.append(time.perf_counter() - started)
        answered += not answer.abstained
    return times, answered


def question_terms(db: Path, questions: list[str]) -> list[list[str]]:
    """The stems the engine searches for: content words as Engine.ask reads them (a lowercase word
    the index holds as a name stays a name), without its one-edit spelling fixes."""
    from bot.engine import written_as_name
    from bot.question import analyse_question
    from index.analyse import Analyzer

    analyzer = Analyzer()
    conn = sqlite3.connect(db)
    try:
        return [[t.term for t in analyzer.query_tokens(analyse_question(q).content,
                                                       lambda word: written_as_name(conn, word, word))]
                for q in questions]
    finally:
        conn.close()


def time_search(db: Path, queries: list[list[str]]) -> tuple[list[float], list[list[tuple[int, float]]]]:
    """bot.retrieval.search alone, top-10, on one connection and loaded statistics."""
    from bot.retrieval import IndexStats, database_inode, search

    conn = sqlite3.connect(db)
    try:
        stats = IndexStats.load(conn, database_inode(db))
        search(conn, stats, ["indonesia"], TOP_K)
        times, hits = [], []
        for terms in queries:
            started = time.perf_counter()
            found = search(conn, stats, terms, TOP_K)
            times.append(time.perf_counter() - started)
            hits.append(found)
        return times, hits
    finally:
        conn.close()


_pool_analyzer = None


def _analyse_chunk(texts: list[str]) -> list[list[str]]:
    assert _pool_analyzer is not None
    return [_pool_analyzer.terms(t) for t in texts]


def passage_terms(db: Path, workers: int) -> tuple[np.ndarray, list[list[str]]]:
    """Analyzer().terms of every passage in id order; strings interned so 1M passages fit in memory.

    The analyzer starts from the index's persisted stem cache, which only spares Sastrawi calls:
    the terms are the ones a fresh Analyzer() gives.
    """
    global _pool_analyzer
    from index.analyse import Analyzer
    from index.store import load_stems

    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT id, text FROM passages ORDER BY id").fetchall()
        _pool_analyzer = Analyzer(load_stems(conn))  # inherited by the forked workers
    finally:
        conn.close()
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    texts = [r[1] for r in rows]
    del rows
    chunks = [texts[i : i + 2000] for i in range(0, len(texts), 2000)]
    pool_size = max(1, min(workers, len(chunks)))
    interned: dict[str, str] = {}
    corpus: list[list[str]] = []

    def keep(batch: list[list[str]]) -> None:
        for terms in batch:
            corpus.append([interned.setdefault(t, t) for t in terms])

    if pool_size > 1:
        with multiprocessing.get_context("fork").Pool(pool_size) as pool:
            for batch in pool.imap(_analyse_chunk, chunks):
                keep(batch)
    else:
        for chunk in chunks:
            keep(_analyse_chunk(chunk))
    return ids, corpus


def agrees(ours: list[tuple[int, float]], scores: np.ndarray, ids: np.ndarray, k: int = TOP_K) -> bool:
    """Our top-k is a valid BM25Okapi top-k: same set, except that passages tied at the k-th score may differ."""
    positive = int((scores > SCORE_TOLERANCE).sum())
    expected = min(k, positive)
    if len(ours) != expected:
        return False
    if expected == 0:
        return True
    kth = float(np.partition(-scores, expected - 1)[expected - 1]) * -1
    positions = np.searchsorted(ids, [pid for pid, _ in ours])
    if np.any(positions >= len(ids)) or np.any(ids[np.minimum(positions, len(ids) - 1)] != [pid for pid, _ in ours]):
        return False
    ours_scores = scores[positions]
    if np.any(ours_scores < kth - SCORE_TOLERANCE):
        return False
    above = set(np.flatnonzero(scores > kth + SCORE_TOLERANCE).tolist())
    return above <= set(positions.tolist())


def compare_bm25(db: Path, queries: list[list[str]], hits: list[list[tuple[int, float]]], workers: int) -> dict:
    """Build BM25Okapi over the same stems of the same passages, time get_scores, check agreement."""
    from rank_bm25 import BM25Okapi

    rss_before = own_rss_mb()
    started = time.perf_counter()
    ids, corpus = passage_terms(db, workers)
    analyse_s = time.perf_counter() - started
    log(f"analysed {len(corpus):,} passages for BM25Okapi in {analyse_s:.1f} s")
    started = time.perf_counter()
    model = BM25Okapi(corpus)
    build_s = time.perf_counter() - started
    del corpus
    gc.collect()
    gc.freeze()  # millions of long-lived dicts: keep the collector from re-scanning them per query
    rss_after = own_rss_mb()
    log(f"BM25Okapi built in {build_s:.1f} s, RSS +{rss_after - rss_before:.0f} MB")
    times, agreed, score_diff = [], 0, 0.0
    for terms, ours in zip(queries, hits):
        started = time.perf_counter()
        scores = model.get_scores(terms)
        times.append(time.perf_counter() - started)
        agreed += agrees(ours, scores, ids)
        if ours:
            positions = np.searchsorted(ids, [pid for pid, _ in ours])
            score_diff = max(score_diff, float(np.max(np.abs(scores[positions] - [s for _, s in ours]))))
    del model
    gc.unfreeze()
    gc.collect()
    p50, p95, mean = percentiles_ms(times)
    return {
        "bm25_analyse_s": analyse_s,
        "bm25_build_s": build_s,
        "bm25_rss_mb": rss_after - rss_before,
        "bm25_p50_ms": p50,
        "bm25_p95_ms": p95,
        "bm25_mean_ms": mean,
        "agreement": agreed / len(queries) if queries else float("nan"),
        "max_score_diff": score_diff,
    }


def cli_command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "bot.cli", "ask", "--db", str(db), *args]


def cold_starts(db: Path, question: str, runs: int = COLD_START_RUNS) -> list[float]:
    """Wall clock of a fresh `ask` process, start to exit after printing its answer (page cache warm)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(cli_command(db, question), cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"ask failed ({done.returncode}): {done.stderr[-2000:]}")
    return times


def answering_peak_rss(db: Path, questions: list[str], work: Path) -> tuple[float, int]:
    """Peak RSS (MB) of one `ask --json` process answering every question from stdin.

    Read as VmHWM from /proc while the child still runs, after its last answer: the child's
    rusage is no good here, because Linux carries the pre-exec high-water mark of the forked copy
    of this (large, BM25Okapi-holding) process into the child's ru_maxrss.
    """
    answers_file = work / "answers.jsonl"
    errors_file = work / "answers.stderr"
    answered = 0
    with answers_file.open("w", encoding="utf-8") as answers, errors_file.open("wb") as stderr:
        child = subprocess.Popen(cli_command(db, "--json"), cwd=ROOT, stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=stderr, text=True, encoding="utf-8")
        assert child.stdin is not None and child.stdout is not None
        for question in questions:
            child.stdin.write(question + "\n")
            child.stdin.flush()
            line = child.stdout.readline()
            if not line:
                break
            answers.write(line)
            answered += 1
        peak = _peak_rss_mb(child.pid)
        child.stdin.close()
        child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"ask --json failed ({child.returncode}): {errors_file.read_text()[-2000:]}")
    return (peak if peak is not None else usage.ru_maxrss / 1024), answered


def _peak_rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    except (OSError, AttributeError):
        return None


def database_size_mb(db: Path) -> float:
    return sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists()) / 2**20


def count_rows(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def profile_build(corpus: Path, work: Path) -> list[tuple[str, float]]:
    """Where single-process build time goes, by module, on the first corpus file (a hint, not a figure)."""
    from index.build import build_index

    sample = work / "profile-corpus"
    shutil.rmtree(sample, ignore_errors=True)
    sample.mkdir(parents=True)
    first = sorted(corpus.glob("part-*.jsonl"))[0]
    shutil.copy(first, sample / first.name)
    db = work / "profile.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    build_index(sample, db, workers=1)
    profiler.disable()
    wall = time.perf_counter() - started
    stages: dict[str, float] = {}
    for (filename, _, function), (_, _, _, cumtime, _) in pstats.Stats(profiler).stats.items():  # type: ignore[attr-defined]
        stage = PROFILE_STAGES.get((Path(filename).stem, function))
        if stage:
            stages[stage] = max(stages.get(stage, 0.0), cumtime)
    shutil.rmtree(sample, ignore_errors=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    total = stages.pop("total", wall) or 1.0
    return sorted(((stage, t / total) for stage, t in stages.items()), key=lambda x: -x[1])


# -- the run -------------------------------------------------------------------------------------
BUILD_FIGURES = "build-figures.json"


def _manifest(corpus: Path) -> str:
    path = corpus.with_name(corpus.name + ".manifest.json")
    return path.read_text() if path.exists() else ""


def full_build(config: BenchConfig, corpus: Path, db: Path, fig: dict) -> None:
    """The timed whole build, from no database at all."""
    for suffix in ("", "-wal", "-shm", ".building"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    log("full build")
    fig["build_s"], summary = time_build(corpus, db, config.workers)
    fig["articles"], fig["passages"] = summary.articles, summary.passages
    fig["build_articles_per_s"] = summary.articles / fig["build_s"]
    fig["build_passages_per_s"] = summary.passages / fig["build_s"]
    fig["skipped"] = len(summary.skipped)
    fig["terms"] = count_rows(db, "SELECT count(*) FROM terms")
    fig["db_mb"] = database_size_mb(db)


def reuse_build(config: BenchConfig, work: Path, db: Path, fig: dict) -> bool:
    """With --reuse-index, keep an index built earlier from the same corpus by the same pipeline
    (a full build at 70,000 articles takes minutes) and take its build figures from that run."""
    from index.build import needs_full_build

    saved_path = work / BUILD_FIGURES
    if not (config.reuse_index and db.exists() and saved_path.exists()) or needs_full_build(db):
        return False
    saved = json.loads(saved_path.read_text())
    if saved.pop("manifest", None) != _manifest(work / "corpus"):
        return False
    fig.update(saved)
    return True


def run_benchmark(config: BenchConfig) -> BenchResult:
    """Generate, build, measure; the order keeps every latency figure on the same passages."""
    result = BenchResult(config={k: str(v) for k, v in asdict(config).items()}, machine=machine_info())
    fig = result.figures
    work = Path(config.work)
    work.mkdir(parents=True, exist_ok=True)
    corpus, db = work / "corpus", work / "index.db"
    workers = config.workers or min(2, os.cpu_count() or 1)

    log(f"generating {config.articles:,} articles into {corpus}")
    base = synthetic.load_base(config.base)
    started = time.perf_counter()
    synthetic.generate_corpus(config.base, corpus, config.articles, config.seed, workers, base)
    fig["generate_s"] = time.perf_counter() - started
    fig["corpus_mb"] = sum(p.stat().st_size for p in corpus.glob("*.jsonl")) / 2**20

    reused = reuse_build(config, work, db, fig)
    if reused:
        result.notes.append("full-build figures are from an earlier run on the same corpus in this work folder (--reuse-index)")
    else:
        full_build(config, corpus, db, fig)
        (work / BUILD_FIGURES).write_text(json.dumps({"manifest": _manifest(corpus), **fig}))
    log(f"index of {fig['articles']:,} articles / {fig['passages']:,} passages, full build {fig['build_s']:.1f} s")

    fig["unchanged_s"], again = time_build(corpus, db, config.workers)
    fig["unchanged_share"] = fig["unchanged_s"] / fig["build_s"]
    if again.changed:
        result.notes.append(f"unchanged re-run reported changes: {again.format()}")
    log(f"unchanged re-run {fig['unchanged_s']:.2f} s")

    questions = make_questions(db, config.questions, config.seed)
    fig["questions"] = len(questions)
    (work / "questions.txt").write_text("\n".join(questions) + "\n", encoding="utf-8")
    log(f"{len(questions)} questions, e.g. {questions[:3]}")

    # A serving bot answers from a database the page cache holds; the first pass after other work
    # (a training run, the test suite) reads much of it from disk: p50 24.6-27.5 ms against 14-17 ms
    # on the next pass in past rounds. Both are reported; the targets are read on the second.
    times, _ = time_answers(db, questions)
    fig["ask_first_p50_ms"], fig["ask_first_p95_ms"], _ = percentiles_ms(times)
    times, answered = time_answers(db, questions)
    fig["ask_p50_ms"], fig["ask_p95_ms"], fig["ask_mean_ms"] = percentiles_ms(times)
    fig["answered_share"] = answered / len(questions)
    log(f"Engine.ask p50 {fig['ask_p50_ms']:.1f} ms, p95 {fig['ask_p95_ms']:.1f} ms "
        f"(first pass {fig['ask_first_p50_ms']:.1f} / {fig['ask_first_p95_ms']:.1f} ms)")

    written = hand_written_questions()
    if written:  # forms the generator does not make: chatty, abbreviated, misspelt, why and how
        times, _ = time_answers(db, written)
        fig["written_p50_ms"], fig["written_p95_ms"], _ = percentiles_ms(times)
        fig["written_questions"] = len(written)
        log(f"hand-written questions: Engine.ask p50 {fig['written_p50_ms']:.1f} ms, p95 {fig['written_p95_ms']:.1f} ms")

    queries = question_terms(db, questions)
    fig["terms_per_question"] = float(np.mean([len(q) for q in queries]))
    times, hits = time_search(db, queries)
    fig["search_p50_ms"], fig["search_p95_ms"], fig["search_mean_ms"] = percentiles_ms(times)
    log(f"search p50 {fig['search_p50_ms']:.2f} ms, p95 {fig['search_p95_ms']:.2f} ms")

    if config.bm25:
        fig.update(compare_bm25(db, queries, hits, workers))
        fig["speedup_p50"] = fig["bm25_p50_ms"] / fig["search_p50_ms"]
        fig["speedup_mean"] = fig["bm25_mean_ms"] / fig["search_mean_ms"]
        fig["ask_speedup_p50"] = fig["bm25_p50_ms"] / fig["ask_p50_ms"]
        log(f"BM25Okapi p50 {fig['bm25_p50_ms']:.1f} ms, agreement {fig['agreement']:.1%}")

    starts = cold_starts(db, questions[0])
    fig["cold_start_s"] = float(np.median(starts))
    fig["answer_rss_mb"], fig["rss_answers"] = answering_peak_rss(db, questions, work)
    log(f"cold start {fig['cold_start_s']:.2f} s, answering RSS {fig['answer_rss_mb']:.0f} MB")

    extra = synthetic.write_extra_articles(base, corpus, config.seed, config.articles, INCREMENTAL_ARTICLES)
    fig["incremental_s"], added = time_build(corpus, db, config.workers)
    if added.added != INCREMENTAL_ARTICLES:
        result.notes.append(f"incremental run added {added.added}, expected {INCREMENTAL_ARTICLES}")
    extra.unlink()
    fig["incremental_remove_s"], _ = time_build(corpus, db, config.workers)  # back to the measured corpus
    log(f"incremental add of {added.added} articles {fig['incremental_s']:.2f} s, removal {fig['incremental_remove_s']:.2f} s")

    if config.profile:
        result.profile = profile_build(corpus, work)
    return result


# -- the report ----------------------------------------------------------------------------------
def _fmt(key: str, value: float) -> str:
    if key == "agreement":
        return f"{value:.1%}"
    if key == "unchanged_share":
        return f"{value:.1%}"
    if "speedup" in key:
        return f"{value:.0f}×"
    if key.endswith("_per_s"):
        return f"{value:.0f} articles/s"
    if key.endswith("_ms"):
        return f"{value:.1f} ms"
    if key.endswith("_s"):
        return f"{value:.2f} s"
    if key.endswith("_mb"):
        return f"{value:.0f} MB"
    return f"{value:,}"


def render_report(result: BenchResult) -> str:
    """The Markdown table: each figure, its target, and whether it is met."""
    f, m = result.figures, result.machine
    lines = [
        "# Tanya archive-scale benchmark",
        "",
        f"Corpus: **{f.get('articles', 0):,} articles, {f.get('passages', 0):,} passages**, "
        f"{f.get('terms', 0):,} index terms, {f.get('corpus_mb', 0):.0f} MB of JSONL "
        f"(seed {result.config.get('seed')}, base {Path(result.config.get('base', '')).name}).  ",
        f"Machine: {m.get('cores')} cores, {m.get('ram_gib')} GiB RAM, {m.get('cpu')}; "
        f"Python {m.get('python')}, SQLite {m.get('sqlite')}.  ",
        f"Questions: {f.get('questions', 0)} generated from the corpus, "
        f"{f.get('terms_per_question', 0):.1f} stems each on average; "
        f"the engine answered {f.get('answered_share', 0):.0%} (the rest abstained); and "
        f"{f.get('written_questions', 0)} hand-written questions (tests/archive, tests/devset.jsonl).",
        "",
    ]
    if f.get("passages", 0) < 900_000:
        lines += [f"*Targets are set for 1,000,000 passages; this run has {f.get('passages', 0):,}.*", ""]
    lines += ["| Figure | Measured | Target | Met |", "| --- | --- | --- | --- |"]
    for key, label, target, test in TARGETS:
        if key not in f:
            lines.append(f"| {label} | not measured | {target} | – |")
            continue
        lines.append(f"| {label} | {_fmt(key, f[key])} | {target} | {'yes' if test(f[key]) else '**no**'} |")
    lines.append(f"| Database size | {f.get('db_mb', 0):,.0f} MB | (reported) | – |")
    lines += ["", "Reference and detail (same run, same passages):", "", "| Figure | Value |", "| --- | --- |"]
    detail = [
        ("Engine.ask mean", "ask_mean_ms"),
        ("Engine.ask p50, first pass over the same questions (the database as the page cache held it)",
         "ask_first_p50_ms"),
        ("Engine.ask p95, first pass", "ask_first_p95_ms"),
        ("search mean", "search_mean_ms"),
        ("BM25Okapi.get_scores p50", "bm25_p50_ms"),
        ("BM25Okapi.get_scores p95", "bm25_p95_ms"),
        ("BM25Okapi.get_scores mean", "bm25_mean_ms"),
        ("Speed-up of search (mean / mean)", "speedup_mean"),
        ("Speed-up of the full Engine.ask over get_scores alone (p50)", "ask_speedup_p50"),
        ("BM25Okapi build (constructor)", "bm25_build_s"),
        ("Analyzer().terms of every passage for BM25Okapi", "bm25_analyse_s"),
        ("BM25Okapi memory (RSS growth of this process)", "bm25_rss_mb"),
        ("Largest absolute score difference, search vs BM25Okapi, on our top-10", "max_score_diff"),
        ("Full build wall time", "build_s"),
        ("Unchanged re-run wall time", "unchanged_s"),
        ("Incremental removal of the same 100 articles", "incremental_remove_s"),
        ("Corpus generation", "generate_s"),
    ]
    for label, key in detail:
        if key in f:
            value = f"{f[key]:.2e}" if key == "max_score_diff" else _fmt(key, f[key])
            lines.append(f"| {label} | {value} |")
    if "build_passages_per_s" in f:
        lines.append(f"| Full build, passages per second | {f['build_passages_per_s']:,.0f} |")
    if result.profile:
        shares = "; ".join(f"{stage} {share:.0%}" for stage, share in result.profile)
        lines += ["", f"Build profile hint (first corpus file, one process, fresh database; share of "
                      f"build time, stages nest): {shares}."]
    for note in result.notes:
        lines += ["", f"Note: {note}"]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None = None) -> BenchConfig:
    parser = argparse.ArgumentParser(prog="python -m bench.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=70_000, help="corpus size (default 70000 ≈ 1M passages)")
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=BenchConfig.work, help="folder for the corpus and database")
    parser.add_argument("--report", type=Path, help="also write the Markdown report here (and .json beside it)")
    parser.add_argument("--base", type=Path, default=DEFAULT_BASE, help="the real articles (IndoSum JSONL)")
    parser.add_argument("--workers", type=int, help="build processes (default: the builder's own)")
    parser.add_argument("--no-bm25", dest="bm25", action="store_false", help="skip the rank-bm25 comparison")
    parser.add_argument("--reuse-index", action="store_true",
                        help="keep an index this work folder already holds for the same corpus (skips the full build)")
    parser.add_argument("--no-profile", dest="profile", action="store_false", help="skip the build profile hint")
    args = parser.parse_args(argv)
    return BenchConfig(**vars(args))


def main(argv: list[str] | None = None) -> int:
    config = parse_args(argv)
    if not Path(config.base).exists():
        print(f"base articles not found: {config.base}", file=sys.stderr)
        return 2
    result = run_benchmark(config)
    report = render_report(result)
    print(report)
    if config.report:
        config.report.parent.mkdir(parents=True, exist_ok=True)
        config.report.write_text(report, encoding="utf-8")
        config.report.with_suffix(".json").write_text(json.dumps(asdict(result), indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
