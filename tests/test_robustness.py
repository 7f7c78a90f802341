"""Operational robustness of the index, through the real `tanya` command: a damaged or foreign
index file, two writers at once, a killed writer, a full disk, a read-only folder, hostile corpus
files and hostile questions."""
from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.safe_text import scrub_surrogates
from index.build import build_index
from index.health import IndexDamaged, IndexUnavailable, check_index
from index.lock import writer_lock
from tests.conftest import ROOT, TANYA
from tests.fuzz_questions import questions as fuzz_questions
from tests.test_index_build import _synthetic_corpus

PUTIN = "kapan Putin ke Pyongyang?"
ENV = {**{k: v for k, v in os.environ.items() if not k.startswith(("TANYA_", "TELEGRAM_"))}, "PYTHONPATH": str(ROOT)}


def tanya(*args: str, stdin: bytes | None = None, timeout: float = 300, preexec_fn=None) -> subprocess.CompletedProcess:
    return subprocess.run([*TANYA, *args], env=ENV, input=stdin, capture_output=True, timeout=timeout,
                          preexec_fn=preexec_fn)


def text(result: subprocess.CompletedProcess) -> tuple[str, str]:
    return result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")


def articles(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.fixture
def indexed(corpus: Path, tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "tanya.db"
    build_index(corpus, db)
    return corpus, db


def _damage(db: Path, how: str) -> None:
    data = db.read_bytes()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    if how == "truncated":
        db.write_bytes(data[: len(data) // 2])
    elif how == "garbled":  # a valid SQLite header, then random bytes
        db.write_bytes(data[:100] + os.urandom(len(data) - 100))
    elif how == "not-sqlite":
        db.write_text("Ini catatan rapat, bukan basis data.\n" * 50, encoding="utf-8")
    elif how == "other-sqlite":
        db.unlink()
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE resep (nama TEXT, bahan TEXT)")
    elif how == "empty":
        db.write_bytes(b"")


# -- 1. a damaged or foreign index -------------------------------------------------------------------
@pytest.mark.parametrize("how", ["truncated", "garbled", "not-sqlite", "other-sqlite", "empty"])
def test_damaged_index_is_one_line_exit_2_and_tanya_index_repairs_it(indexed, how: str) -> None:
    corpus, db = indexed
    _damage(db, how)
    commands = [["ask", PUTIN]]
    if how == "garbled":  # every reader of the index checks it the same way; once is enough for the others
        commands += [["sources"], ["eval", str(ROOT / "tests" / "devset.jsonl")], ["console"]]
    for command in commands:
        result = tanya(*command, "--db", str(db), stdin=b"/keluar\n")
        out, err = text(result)
        assert result.returncode == 2, (command, out, err)
        assert "Traceback" not in out + err
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert str(db) in lines[0] and "jalankan `tanya index`" in lines[0]

    repaired = tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet")
    out, err = text(repaired)
    assert repaired.returncode == 0, err
    assert "dipindahkan ke" in out and "dibangun ulang" in out
    aside = list(db.parent.glob("tanya.db.rusak-*"))
    assert len(aside) == 1 and str(aside[0].name) in out
    answer = tanya("ask", PUTIN, "--db", str(db))
    assert answer.returncode == 0 and "Juni 2024" in text(answer)[0]


def test_damage_deep_inside_is_caught_when_read(indexed) -> None:
    """Postings garbled after the open-time check passed: one line and exit 2, then a repair."""
    corpus, db = indexed
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    for page in range(3, len(data) // page_size):  # keep the schema and meta pages, garble the rest
        data[page * page_size + 8: (page + 1) * page_size] = os.urandom(page_size - 8)
    db.write_bytes(bytes(data))
    result = tanya("ask", PUTIN, "--db", str(db))
    out, err = text(result)
    if result.returncode == 0:  # the garbled pages happened to hold nothing this question reads
        pytest.skip("garbling left the pages this question reads intact")
    assert result.returncode == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet").returncode == 0
    assert "Juni 2024" in text(tanya("ask", PUTIN, "--db", str(db)))[0]


def test_text_that_is_no_utf8_is_damage_that_index_repairs(indexed) -> None:
    """Random damage once failed `tanya index` as a write error (exit 4) with "Could not decode to
    UTF-8 column 'fingerprint'": it is damage, set aside and rebuilt like any other."""
    corpus, db = indexed
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE files SET fingerprint = CAST(x'fffe41' AS TEXT)")  # as a garbled page reads
        conn.commit()
    result = tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet")
    assert result.returncode == 0, text(result)
    assert list(db.parent.glob("*.rusak-*"))  # the damaged file is kept aside
    assert "Juni 2024" in text(tanya("ask", PUTIN, "--db", str(db)))[0]


def test_index_from_a_newer_tanya_is_refused_and_left_alone(indexed) -> None:
    corpus, db = indexed
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db.read_bytes()
    for command in (["ask", PUTIN, "--db", str(db)], ["index", "--corpus", str(corpus), "--db", str(db)]):
        result = tanya(*command)
        out, err = text(result)
        assert result.returncode == 2, (out, err)
        assert "lebih baru" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert db.read_bytes() == before
    assert not list(db.parent.glob("*.rusak-*"))


def test_index_from_an_older_schema_is_rebuilt_in_place_not_kept_as_damaged(indexed) -> None:
    """After an upgrade the first `tanya index` rebuilds the old index; it is sound, so no copy is
    kept beside it (a copy per schema change would fill the disk of every deployment)."""
    corpus, db = indexed
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        conn.commit()
    asked = tanya("ask", PUTIN, "--db", str(db))
    out, err = text(asked)
    assert asked.returncode == 2 and "skema lama" in err and "jalankan `tanya index`" in err, (out, err)
    rebuilt = tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet")
    out, err = text(rebuilt)
    assert rebuilt.returncode == 0 and "dipindahkan ke" not in out, (out, err)
    assert not list(db.parent.glob("*.rusak-*"))
    assert "Juni 2024" in text(tanya("ask", PUTIN, "--db", str(db)))[0]


# -- 2. one writer at a time -------------------------------------------------------------------------
def test_two_index_runs_a_second_apart_both_finish_and_hold_everything(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "tanya.db"
    _synthetic_corpus(corpus / "sintetis", 1500)
    args = [*TANYA, "index", "--corpus", str(corpus), "--db", str(db), "--quiet"]
    first = subprocess.Popen(args, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)
    second = subprocess.Popen(args, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    for process, (out, err) in zip((first, second), outputs):
        assert process.returncode == 0, err.decode()
        assert b"Traceback" not in out + err
    adders = [i for i, (out, _) in enumerate(outputs) if b"Ditambah: 1505" in out]
    assert len(adders) == 1, outputs  # one run indexed everything; the other waited, then found it done
    assert b"tidak berubah: 1505" in outputs[1 - adders[0]][0], outputs
    assert articles(db) == 1505
    again = tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet")
    assert "Ditambah: 0, diperbarui: 0, dihapus: 0, tidak berubah: 1505" in text(again)[0]


def test_second_writer_waits_then_gives_up_with_exit_3(indexed) -> None:
    corpus, db = indexed
    (corpus / "baru.txt").write_text("Banjir Bekasi\n\nBanjir melanda Kota Bekasi pada Senin (3/3/2025).\n",
                                     encoding="utf-8")
    with writer_lock(db):
        started = time.monotonic()
        result = tanya("index", "--corpus", str(corpus), "--db", str(db), "--wait", "1.5")
        waited = time.monotonic() - started
    out, err = text(result)
    assert result.returncode == 3, (out, err)
    assert waited >= 1.5
    assert "menunggu" in err and f"proses {os.getpid()}" in err and "Traceback" not in err
    assert articles(db) == 5
    # once the lock is free, the waiting writer's run goes through
    assert tanya("index", "--corpus", str(corpus), "--db", str(db), "--wait", "5").returncode == 0
    assert articles(db) == 6


def test_redeploy_script_takes_the_same_lock(indexed, tmp_path: Path) -> None:
    corpus, db = indexed
    with writer_lock(db):
        done = subprocess.run(["bash", str(ROOT / "deploy" / "redeploy.sh")], cwd=tmp_path, capture_output=True,
                              text=True, timeout=60,
                              env={**ENV, "TANYA_CORPUS": str(corpus), "TANYA_DB": str(db), "TANYA_WAIT": "1",
                                   "TANYA_PYTHON": sys.executable})
    assert done.returncode == 3, done.stdout + done.stderr
    assert "menunggu" in done.stderr and "Traceback" not in done.stderr


def test_writer_waits_for_the_lock_and_then_indexes_the_current_corpus(indexed) -> None:
    corpus, db = indexed
    (corpus / "baru.txt").write_text("Banjir Bekasi\n\nBanjir melanda Kota Bekasi pada Senin (3/3/2025).\n",
                                     encoding="utf-8")
    results: list[subprocess.CompletedProcess] = []
    with writer_lock(db):
        waiter = threading.Thread(target=lambda: results.append(
            tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet")))
        waiter.start()
        time.sleep(1.5)
        assert waiter.is_alive(), "the second writer did not wait"
        (corpus / "lain.txt").write_text("Gempa Cianjur\n\nGempa mengguncang Cianjur pada Selasa (4/3/2025).\n",
                                         encoding="utf-8")
    waiter.join(60)
    out, err = text(results[0])
    assert results[0].returncode == 0 and "menunggu" in err
    assert "Ditambah: 2" in out and articles(db) == 7


def test_lock_of_a_killed_writer_is_recovered(indexed) -> None:
    corpus, db = indexed
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from index.lock import writer_lock
            with writer_lock({str(db)!r}):
                print("held", flush=True)
                time.sleep(600)
        """)], env=ENV, stdout=subprocess.PIPE)
    assert holder.stdout.readline().strip() == b"held"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    (corpus / "baru.txt").write_text("Banjir Bekasi\n\nBanjir melanda Kota Bekasi pada Senin (3/3/2025).\n",
                                     encoding="utf-8")
    started = time.monotonic()
    result = tanya("index", "--corpus", str(corpus), "--db", str(db), "--wait", "5")
    assert result.returncode == 0, text(result)[1]
    assert time.monotonic() - started < 5 and "menunggu" not in text(result)[1]
    assert articles(db) == 6


# -- 4. disk full and a read-only folder -------------------------------------------------------------
def _file_size_limit(limit: int):
    def apply() -> None:  # in the child: writes past `limit` bytes fail with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("full_rebuild", [False, True], ids=["incremental", "full-rebuild"])
def test_disk_full_mid_run_keeps_the_previous_index(indexed, full_rebuild: bool) -> None:
    corpus, db = indexed
    if full_rebuild:
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE meta SET value = 'older' WHERE key = 'pipeline_version'")
    _synthetic_corpus(corpus / "sintetis", 300)
    result = tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet",
                   preexec_fn=_file_size_limit(256 * 1024))
    out, err = text(result)
    assert result.returncode == 4, (out, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "disk penuh" in err and "Indeks sebelumnya tetap dipakai" in err
    assert not Path(str(db) + ".building").exists()
    assert articles(db) == 5
    assert "Juni 2024" in text(tanya("ask", PUTIN, "--db", str(db)))[0]

    rerun = tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet")
    assert rerun.returncode == 0, text(rerun)[1]
    assert articles(db) == 305


def _make_read_only(paths: list[Path]) -> tuple[callable, str]:
    """A folder and its files nobody may change. As root, permission bits are ignored, so the
    immutable attribute (chattr +i, which binds root too) is used; otherwise chmod."""
    if os.geteuid() != 0:
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        return (lambda: [p.chmod(0o755 if p.is_dir() else 0o644) for p in paths]), "chmod"
    if not shutil.which("chattr"):
        pytest.skip("running as root without chattr: no way to make a folder read-only for root here")
    done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True)
    if done.returncode != 0:
        subprocess.run(["chattr", "-i", *map(str, paths)], capture_output=True)
        pytest.skip(f"running as root and chattr +i is refused here: {done.stderr.decode().strip()}")
    return (lambda: subprocess.run(["chattr", "-i", *map(str, paths)], check=True)), "chattr"


def test_read_only_folder_is_a_clear_message_and_the_index_keeps_answering(indexed) -> None:
    corpus, db = indexed
    engine = Engine(db)  # a running reader: its connection stays open throughout
    assert "Juni 2024" in (engine.ask(PUTIN).answer or "")
    (corpus / "baru.txt").write_text("Banjir Bekasi\n\nBanjir melanda Kota Bekasi pada Senin (3/3/2025).\n",
                                     encoding="utf-8")
    folder = db.parent
    protected = [folder, *(p for p in folder.iterdir() if p.name.startswith("tanya.db"))]
    restore, how = _make_read_only(protected)
    try:
        result = tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet")
        out, err = text(result)
        assert result.returncode == 4, (how, out, err)
        assert "tidak dapat ditulisi" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
        assert "Juni 2024" in (engine.ask(PUTIN).answer or "")
    finally:
        restore()
    assert articles(db) == 5
    rerun = tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet")
    assert rerun.returncode == 0 and articles(db) == 6


# -- 3. the engine when the file under it is replaced by a damaged one ---------------------------------
def test_engine_keeps_the_generation_it_has_open_and_recovers_after_repair(indexed) -> None:
    corpus, db = indexed
    engine = Engine(db)
    assert "Juni 2024" in (engine.ask(PUTIN).answer or "")  # this thread now has the index open
    garbage = db.with_name("sampah.db")
    garbage.write_bytes(b"bukan indeks " * 1000)
    os.replace(garbage, db)
    assert "Juni 2024" in (engine.ask(PUTIN).answer or "")  # the open generation still answers

    errors: list[BaseException] = []

    def other_thread() -> None:  # a thread without a connection cannot fall back on anything
        try:
            engine.ask(PUTIN)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join()
    assert len(errors) == 1 and isinstance(errors[0], IndexDamaged), errors
    with pytest.raises(IndexUnavailable):
        Engine(db)

    assert tanya("index", "--corpus", str(corpus), "--db", str(db), "--quiet").returncode == 0
    check_index(db)
    assert "Juni 2024" in (engine.ask(PUTIN).answer or "")
    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join()
    assert len(errors) == 1


# -- 5. hostile corpus files ---------------------------------------------------------------------------
ARTICLE = ("Pelabuhan Baru di Bira\n\nKementerian Perhubungan meresmikan Pelabuhan Tanjung Bira Baru di "
           "Kabupaten Bulukumba pada 12 Februari 2025, kata pejabat setempat.\n")


def test_hostile_corpus_files_are_reported_and_the_rest_indexed(corpus: Path, tmp_path: Path) -> None:
    hostile = corpus / "hostile"
    hostile.mkdir()
    with (hostile / "besar-50mb.txt").open("w", encoding="utf-8") as handle:
        line = "Harga beras naik lagi di pasar induk, kata pedagang. " * 20 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (hostile / "satu-baris-10mb.txt").write_text("kata " * (2 * 1024 * 1024), encoding="utf-8")
    good = {"id": "jsonl-baik-1", "title": "Banjir Bekasi",
            "text": "Banjir melanda Kota Bekasi pada Senin (3/3/2025) setelah hujan deras semalaman."}
    (hostile / "campur.jsonl").write_text("\n".join([
        json.dumps(good),
        '{"id": "rusak", "text": "tanpa penutup',
        "[1, 2, 3]",
        json.dumps({**good, "id": "jsonl-baik-2", "title": "Gempa Cianjur",
                    "text": "Gempa mengguncang Cianjur pada Selasa (4/3/2025) pagi."}),
        "{" * 5000,
    ]) + "\n", encoding="utf-8")
    (hostile / "bersarang.html").write_text(
        "<html><body>" + "<div>" * 20000 + f"<p>{ARTICLE}</p>" + "</div>" * 20000 + "</body></html>", encoding="utf-8")
    scripts = "".join(f"<script>var x{i} = 'Putin Pyongyang {i}'; document.write(x{i});</script>" for i in range(2000))
    (hostile / "skrip.html").write_text(
        f"<html><head>{scripts}</head><body><article><h1>Anggrek Hitam Mekar</h1><p>Petugas Kebun Raya Samarinda "
        "mencatat 140 kuntum anggrek hitam mekar bersamaan pada pekan pertama April 2025, kata petugas.</p>"
        f"<p>Anggrek hitam merupakan flora identitas Kalimantan Timur.</p>{scripts}</article></body></html>",
        encoding="utf-8")
    (hostile / "utf8-rusak.txt").write_bytes(
        b"Kafe di Pyongyang\n\nSebuah kafe baru \xc3\x28 dibuka di Pyongyang \xff pada Sabtu (1/2/2025), kata pemiliknya.\n")
    (hostile / "putaran-a.txt").symlink_to(hostile / "putaran-b.txt")
    (hostile / "putaran-b.txt").symlink_to(hostile / "putaran-a.txt")
    vanishing = hostile / "zz-menghilang.txt"
    vanishing.write_text(ARTICLE, encoding="utf-8")

    def progress(_fraction: float) -> None:  # the file disappears while the run is under way
        vanishing.unlink(missing_ok=True)

    db = tmp_path / "tanya.db"
    started = time.monotonic()
    summary = build_index(corpus, db, progress=progress)
    assert time.monotonic() - started < 60
    skipped = {s.path: s.reason for s in summary.skipped}
    assert "terlalu besar" in skipped["hostile/besar-50mb.txt"]
    assert "terlalu besar" in skipped["hostile/satu-baris-10mb.txt"]
    assert set(skipped) >= {"hostile/campur.jsonl:2", "hostile/campur.jsonl:3", "hostile/campur.jsonl:5"}
    assert "hostile/campur.jsonl:1" not in skipped and "hostile/campur.jsonl:4" not in skipped
    assert "tidak dapat dibaca" in skipped["hostile/putaran-a.txt"]
    assert "tidak dapat dibaca" in skipped["hostile/putaran-b.txt"]
    assert "tidak dapat dibaca" in skipped["hostile/zz-menghilang.txt"]
    for path in skipped:
        assert path in summary.format()

    with sqlite3.connect(db) as conn:
        paths = {row[0] for row in conn.execute("SELECT path FROM articles")}
    assert ("hostile/bersarang.html" in skipped) != ("hostile/bersarang.html" in paths)  # reported or indexed

    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("SELECT article_id FROM articles")}
        texts = " ".join(t for (t,) in conn.execute("SELECT text FROM passages"))
    assert {"jsonl-baik-1", "jsonl-baik-2", "hostile/skrip.html", "hostile/utf8-rusak.txt"} <= ids
    assert len([i for i in ids if not i.startswith(("hostile/", "jsonl-"))]) == 5  # the bundled articles
    assert "document.write" not in texts and "var x1" not in texts
    engine = Engine(db)
    assert "Juni 2024" in (engine.ask(PUTIN).answer or "")
    assert "140" in (engine.ask("berapa kuntum anggrek hitam yang mekar di Kebun Raya Samarinda?").answer or "")
    # and the next run reports them again without re-reading anything
    again = build_index(corpus, db)
    assert again.added == again.updated == 0
    assert {s.path for s in again.skipped} >= {"hostile/besar-50mb.txt", "hostile/putaran-a.txt"}


# -- 7. fuzz: 10,000 hostile questions through `tanya ask --json` and through the Telegram renderer ----
def test_ten_thousand_hostile_questions_cli_and_telegram(bundled_db: Path) -> None:
    """One `tanya ask --json` process answers all of them (one valid JSON line each) while this
    process puts the same questions through the engine and the Telegram renderer, as the bot's
    handler does (the handler itself is exercised through the stand-in Bot API in
    test_telegram_load.py): each reply must be Telegram-valid HTML within 4,096 characters."""
    from bot.telegram_app import MAX_QUESTION
    from bot.telegram_render import render_answer
    from tests.telegram_stub_server import check_telegram_html, tg_len

    questions = fuzz_questions(10_000)
    payload = "\n".join(questions).encode("utf-8", "surrogatepass") + b"\n"
    process = subprocess.Popen([*TANYA, "ask", "--json", "--db", str(bundled_db)], env=ENV,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    collected: list[tuple[bytes, bytes]] = []
    feeder = threading.Thread(target=lambda: collected.append(process.communicate(payload, timeout=600)))
    feeder.start()

    engine = Engine(bundled_db)
    for n, question in enumerate(questions):
        clean = scrub_surrogates(question).strip()
        if not clean or len(clean) > MAX_QUESTION:
            continue  # the handler replies with a fixed text before asking the engine
        html, _ = render_answer(engine.ask(clean), token="0123abcd")
        visible = check_telegram_html(html)
        assert 0 < tg_len(visible) <= 4096, n
        html.encode("utf-8")

    feeder.join(600)
    out, err = collected[0]
    assert process.returncode == 0, err.decode("utf-8", "replace")[-2000:]
    assert err == b"", err.decode("utf-8", "replace")[-2000:]
    lines = out.decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(questions)
    records = [json.loads(line) for line in lines[:-1]]
    assert all(isinstance(r, dict) and "abstained" in r for r in records)
    assert all(not any(c in line for c in "\u2028\u2029\x85") for line in lines)  # safe for any line reader
    assert sum("\ufffd" in r["question"] for r in records) > 100  # lone surrogates arrived as U+FFFD
    assert any(len(r["question"]) == 100_000 for r in records)


def test_hostile_question_argument_with_undecodable_bytes(bundled_db: Path) -> None:
    arg = os.fsdecode(b"kapan Putin \xff\xfe ke Pyongyang?")
    done = subprocess.run([*TANYA, "ask", "--json", arg, "--db", str(bundled_db)], env=ENV, capture_output=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    record = json.loads(done.stdout.decode("utf-8"))
    assert "\ufffd" in record["question"]


def test_a_writer_holding_the_lock_may_call_build_index(indexed) -> None:
    """A command that takes the lock itself (say, add files, then index) does not deadlock."""
    corpus, db = indexed
    with writer_lock(db, wait=1):
        (corpus / "baru.txt").write_text("Banjir Bekasi\n\nBanjir melanda Kota Bekasi pada Senin (3/3/2025).\n",
                                         encoding="utf-8")
        assert build_index(corpus, db, wait=1).added == 1
