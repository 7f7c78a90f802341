"""The real bot under load and in trouble, against the stand-in Bot API: many chats at once while
`tanya index` runs, hostile questions and upload names, and an index that is missing, empty or
damaged under it."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.telegram_load import run_load
from index.store import open_db
from tests.conftest import indexed_copy
from tests.fuzz_questions import questions as fuzz_questions
from tests.telegram_stub_server import (
    BOT_COMMAND,
    FAKE_TOKEN,
    REPO,
    BotProcess,
    StubBotApi,
    ask,
    check_telegram_html,
    document_update,
    message_update,
    tg_len,
)

ADMIN = 111
PUTIN = "kapan Putin ke Pyongyang?"
APOLOGY_MARK = "terjadi kesalahan"
UNAVAILABLE_MARK = "indeks sedang tidak tersedia"
FAST = {"TANYA_RATE_LIMIT": "100000", "TANYA_SEND_RATE": "1000", "TANYA_ADMINS": str(ADMIN)}


@pytest.fixture(scope="module")
def loaded(stub, tmp_path_factory):
    corpus, db = indexed_copy(tmp_path_factory.mktemp("load"))
    bot = BotProcess(stub, db, corpus, tmp_path_factory.mktemp("load-bot"), FAST).start()
    yield corpus, db, bot
    assert bot.stop() == 0
    assert "Traceback" not in bot.output(), bot.output()[-3000:]


def test_fifty_chats_of_twenty_questions_while_indexing_a_hundred_articles(stub, loaded):
    corpus, db, bot = loaded
    result = run_load(stub, corpus, db, chats=50, per_chat=20, add_articles=100, timeout=120)
    assert result.problems == [], result.problems[:10]
    assert result.index_code == 0, result.index_output
    assert "Ditambah: 100" in result.index_output
    assert len(result.latencies) == 1000
    assert bot.proc.poll() is None


def test_hostile_questions_through_the_bot_get_one_valid_reply_each(stub, loaded):
    """A sample of the fuzz questions (lone surrogates arrive as JSON escapes, as Telegram sends
    them) through the real handler: one Telegram-valid reply each, never the apology."""
    _, _, bot = loaded
    questions = [q for q in fuzz_questions(400, seed=11) if q.strip()]
    chats = [820_000 + n for n in range(len(questions))]
    mark = stub.mark()
    for chat, question in zip(chats, questions):
        stub.queue_update(message_update(chat, question))
    deadline = time.monotonic() + 120
    wanted = set(chats)
    while time.monotonic() < deadline:
        replies = [c for c in stub.calls_of("sendMessage", mark) if c.params.get("chat_id") in wanted]
        if len(replies) >= len(chats):
            break
        time.sleep(0.1)
    time.sleep(0.5)
    replies = [c for c in stub.calls_of("sendMessage", mark) if c.params.get("chat_id") in wanted]
    assert sorted(c.params["chat_id"] for c in replies) == chats  # exactly one each
    for call in replies:
        assert call.status == 200, call.params["text"][:200]
        visible = check_telegram_html(call.params["text"])
        assert 0 < tg_len(visible) <= 4096 and APOLOGY_MARK not in visible
    assert "ERROR" not in bot.output()


@pytest.mark.parametrize("file_name", ["/etc/cron.d/jahat.txt", "..\\..\\windows\\jahat.txt",
                                       "ber\x00ita\x1b[31m\u202e\r\nbaru.txt", "\x07\x08.txt"])
def test_hostile_upload_names_are_stored_safely_inside_corpus_telegram(stub, loaded, file_name):
    corpus, _, _ = loaded
    content = (f"Pasar Apung {len(file_name)}\n\nPemerintah Kota Banjarmasin membuka pasar apung baru nomor "
               f"{len(file_name)} di Sungai Martapura pada Senin (3/3/2025), kata wali kota.\n").encode()
    file_id = f"doc-name-{abs(hash(file_name))}"
    stub.add_file(file_id, f"documents/{file_id}.txt", content)
    before = {p for p in corpus.parent.rglob("*") if p.is_file()}
    mark = stub.mark()
    stub.queue_update(document_update(ADMIN, file_id, file_name, len(content)))
    reply = stub.wait_for("sendMessage", lambda p: p.get("chat_id") == ADMIN, since=mark, timeout=60).params
    visible = check_telegram_html(reply["text"])
    assert "Disimpan" in visible, visible
    new = {p for p in corpus.parent.rglob("*") if p.is_file()} - before
    stored = [p for p in new if p.read_bytes() == content]
    assert len(stored) == 1
    assert stored[0].parent == corpus / "telegram"
    assert all(ch.isalnum() or ch in "._-" for ch in stored[0].name), stored[0].name
    assert not Path("/etc/cron.d/jahat.txt").exists()


def test_admin_upload_waits_for_another_writer_of_the_index(stub, loaded):
    """The upload goes through build_index, so it takes the same lock as `tanya index`."""
    from index.lock import writer_lock

    corpus, db, _ = loaded
    content = (b"Jembatan Baru di Kapuas\n\nPemerintah Provinsi Kalimantan Tengah meresmikan jembatan baru di "
               b"Kuala Kapuas pada Rabu (5/3/2025), kata gubernur.\n")
    stub.add_file("doc-locked", "documents/locked.txt", content)
    with writer_lock(db):
        mark = stub.mark()
        stub.queue_update(document_update(ADMIN, "doc-locked", "jembatan.txt", len(content)))
        deadline = time.monotonic() + 30
        while not (corpus / "telegram" / "jembatan.txt").exists():  # stored, now waiting for the lock
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(1.5)
        assert not [c for c in stub.calls_of("sendMessage", mark) if c.params.get("chat_id") == ADMIN]
    reply = stub.wait_for("sendMessage", lambda p: p.get("chat_id") == ADMIN, since=mark, timeout=60).params
    assert "Disimpan" in check_telegram_html(reply["text"])


# -- the index missing, empty or damaged under a running bot ----------------------------------------------
def _ask_until(stub, chat: int, predicate, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while True:
        text = ask(stub, chat, PUTIN)["text"]
        if predicate(text) or time.monotonic() > deadline:
            return text
        time.sleep(0.2)


def _index(corpus: Path, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "bot.cli", "index", "--corpus", str(corpus), "--db", str(db),
                           "--quiet"], env=env, capture_output=True, text=True, timeout=120)


def test_bot_says_index_unavailable_keeps_polling_and_recovers(tmp_path):
    """An index that is there but empty (a first build not done yet): every question gets the
    short 'tidak tersedia' reply, the bot stays up, and answers once `tanya index` has run. Then
    the file is replaced by garbage under the running bot: every reply is an answer from the
    generation it has open or the same short message, never an apology; a repair brings it back."""
    corpus, db = indexed_copy(tmp_path / "data")
    db.unlink()
    open_db(db).close()  # schema only, no generation
    stub = StubBotApi(FAKE_TOKEN).start()  # its own: the module's bot must not take these updates
    bot = BotProcess(stub, db, corpus, tmp_path / "bot", FAST).start()
    try:
        for chat in (901, 902, 903):
            visible = check_telegram_html(ask(stub, chat, PUTIN)["text"])
            assert UNAVAILABLE_MARK in visible, visible
        assert bot.proc.poll() is None
        assert _index(corpus, db).returncode == 0
        assert "Juni 2024" in _ask_until(stub, 904, lambda t: "Juni 2024" in t)

        garbage = db.with_name("sampah")
        garbage.write_bytes(os.urandom(64 * 1024))
        os.replace(garbage, db)
        for chat in range(905, 925):
            visible = check_telegram_html(ask(stub, chat, PUTIN)["text"])
            assert ("Juni 2024" in visible or UNAVAILABLE_MARK in visible) and APOLOGY_MARK not in visible, visible
        assert bot.proc.poll() is None
        repaired = _index(corpus, db)
        assert repaired.returncode == 0 and "dipindahkan ke" in repaired.stdout
        assert "Juni 2024" in _ask_until(stub, 930, lambda t: "Juni 2024" in t)
    finally:
        code = bot.stop()
        stub.stop()
    output = bot.output()
    assert code == 0
    assert "Traceback" not in output, output[-3000:]
    assert "Indeks tidak tersedia" in output  # logged, one line each


def test_telegram_refuses_to_start_on_a_damaged_index(tmp_path):
    corpus, db = indexed_copy(tmp_path / "data")
    db.write_bytes(b"ini bukan indeks\n" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "TANYA_"))}
    done = subprocess.run([*BOT_COMMAND, "--db", str(db), "--corpus", str(corpus)], cwd=tmp_path, timeout=60,
                          env={**base, "PYTHONPATH": str(REPO), "TELEGRAM_BOT_TOKEN": FAKE_TOKEN,
                               "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}, capture_output=True, text=True)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "jalankan `tanya index`" in done.stderr
    assert "Traceback" not in done.stderr
