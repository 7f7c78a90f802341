"""Redeploy without restart: new articles reach a running bot, and no answer fails meanwhile."""
from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from tests.conftest import indexed_copy
from tests.telegram_stub_server import FAKE_TOKEN, REPO, BotProcess, StubBotApi, ask, check_telegram_html

ABSTAIN_MARK = "tidak ada di korpus"
APOLOGY_MARK = "terjadi kesalahan"
PUTIN_QUESTION = "kapan Putin ke Pyongyang?"

SATELLITE = """Satelit Garuda Tujuh Diluncurkan dari Biak

Badan Riset dan Inovasi Nasional meluncurkan satelit pengamat cuaca Garuda Tujuh dari Bandar Antariksa Biak pada 3 Maret 2025.

Satelit Garuda Tujuh akan memantau curah hujan di wilayah timur Indonesia selama tujuh tahun.
"""
ORCHID = """Anggrek Hitam Mekar di Kebun Raya Samarinda

Petugas Kebun Raya Samarinda mencatat 140 kuntum anggrek hitam mekar bersamaan pada pekan pertama April 2025.

Anggrek hitam merupakan flora identitas Kalimantan Timur yang dilindungi undang-undang.
"""


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    root = tmp_path_factory.mktemp("redeploy")
    corpus, db = indexed_copy(root)
    stub = StubBotApi(FAKE_TOKEN).start()
    pid_file = root / "run" / "tanya.pid"
    bot = BotProcess(stub, db, corpus, root / "bot", {"TANYA_PID_FILE": str(pid_file), "TANYA_RATE_LIMIT": "1000"}).start()
    yield root, corpus, db, stub, bot, pid_file
    code = bot.stop()
    stub.stop()
    assert code == 0


class Chatter(threading.Thread):
    """Keeps asking a question the old index answers, while the redeploy happens."""

    def __init__(self, stub: StubBotApi, chat_id: int) -> None:
        super().__init__(daemon=True)
        self.stub, self.chat_id = stub, chat_id
        self.replies: list[str] = []
        self.stop_event = threading.Event()

    def run(self) -> None:
        while not self.stop_event.is_set():
            self.replies.append(ask(self.stub, self.chat_id, PUTIN_QUESTION)["text"])

    def finish(self) -> list[str]:
        self.stop_event.set()
        self.join(60)
        return self.replies


def run(cmd: list[str], root, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "TANYA_"))}
    return subprocess.run(
        cmd, cwd=root, env={**base, "PYTHONPATH": str(REPO), **env}, capture_output=True, text=True, timeout=120
    )


def assert_all_good(replies: list[str]) -> None:
    assert replies, "the chatter got no replies at all"
    for text in replies:
        check_telegram_html(text)
        assert APOLOGY_MARK not in text
        assert "Juni 2024" in text, text[:300]


def test_redeploy_script_validates_indexes_and_reloads(setup):
    root, corpus, db, stub, bot, pid_file = setup
    question = "kapan satelit Garuda Tujuh diluncurkan?"
    assert ABSTAIN_MARK in ask(stub, 301, question)["text"]  # not in the corpus yet

    article = root / "garuda-tujuh.txt"
    article.write_text(SATELLITE, encoding="utf-8")
    chatter = Chatter(stub, 302)
    chatter.start()
    result = run(
        ["bash", str(REPO / "deploy" / "redeploy.sh"), str(article)], root,
        TANYA_CORPUS=str(corpus), TANYA_DB=str(db), TANYA_PYTHON=sys.executable, TANYA_PID_FILE=str(pid_file),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ditambah: 1" in result.stdout, result.stdout
    assert "SIGHUP" in result.stdout
    assert (corpus / "garuda-tujuh.txt").read_text(encoding="utf-8") == SATELLITE

    reply = ask(stub, 301, question)["text"]
    assert_all_good(chatter.finish())
    visible = check_telegram_html(reply)
    assert ABSTAIN_MARK not in visible and "Garuda Tujuh" in visible and "3 Maret 2025" in visible
    assert bot.proc.poll() is None, "SIGHUP must reload, not kill"
    assert "dimuat ulang" in bot.output()


def test_plain_index_run_reaches_the_running_bot(setup):
    root, corpus, db, stub, bot, _ = setup
    question = "berapa kuntum anggrek hitam yang mekar di Kebun Raya Samarinda?"
    assert ABSTAIN_MARK in ask(stub, 303, question)["text"]

    (corpus / "anggrek.txt").write_text(ORCHID, encoding="utf-8")
    chatter = Chatter(stub, 304)
    chatter.start()
    result = run([sys.executable, "-m", "bot.cli", "index", "--corpus", str(corpus), "--db", str(db), "--quiet"], root)
    assert result.returncode == 0, result.stderr
    reply = ask(stub, 303, question)["text"]
    assert_all_good(chatter.finish())
    visible = check_telegram_html(reply)
    assert ABSTAIN_MARK not in visible and "140 kuntum" in visible


def test_redeploy_refuses_a_bad_file_and_changes_nothing(setup):
    root, corpus, db, stub, bot, pid_file = setup
    empty = root / "kosong.txt"
    empty.write_bytes(b"\n   \n")
    unsupported = root / "data.csv"
    unsupported.write_text("a,b\n1,2\n")
    before = sorted(p.name for p in corpus.iterdir())
    result = run(
        ["bash", str(REPO / "deploy" / "redeploy.sh"), str(empty), str(unsupported)], root,
        TANYA_CORPUS=str(corpus), TANYA_DB=str(db), TANYA_PYTHON=sys.executable,
    )
    assert result.returncode != 0
    assert "DITOLAK" in result.stdout and "kosong.txt" in result.stdout and "data.csv" in result.stdout
    assert sorted(p.name for p in corpus.iterdir()) == before
