"""Load on the Telegram bot: many chats asking at once while `tanya index` adds articles.

Runs the real `tanya telegram` process against the stand-in Bot API server of the test suite
(tests/telegram_stub_server.py, so run it from the repository root). Every chat's questions are
queued at once, as a flood; every question must get exactly one reply, none of them an error, in
the order asked (each question's reply is known from a warm-up before and after the index run, and
neighbours differ). Prints
questions per second and the p50 / p95 latency from a question's arrival to its reply.

    python -m bench.telegram_load --chats 50 --questions 20 --indosum ../shared/datasets/indosum/articles.jsonl
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = (
    "kapan Putin ke Pyongyang?",
    "siapa menteri luar negeri Korea Utara?",  # one answer: "who met Kim" has many, and adding
    # articles may rightly change which one is quoted, which would read as a reply out of order
    "apa isi perjanjian pertahanan Rusia dan Korea Utara?",
    "berapa jarak Vladivostok dari perbatasan Korea Utara?",
    "siapa menteri pertahanan Rusia?",
    "sanksi apa yang dijatuhkan Amerika Serikat?",
    "di mana Kim Jong Un menyambut Putin?",
    "mengapa Putin mengunjungi Korea Utara?",
)
APOLOGY_MARK = "terjadi kesalahan"
UNAVAILABLE_MARK = "tidak tersedia"
FIRST_CHAT = 700_001


@dataclass
class LoadResult:
    chats: int
    questions: int
    seconds: float
    mode: str = "banjir"
    latencies: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    index_output: str = ""
    index_code: int | None = None

    @property
    def per_second(self) -> float:
        return self.questions / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0

    def format(self) -> str:
        return (f"[{self.mode}] {self.chats} obrolan × {self.questions // max(1, self.chats)} pertanyaan = {self.questions} "
                f"pertanyaan dalam {self.seconds:.1f} s: {self.per_second:.1f} pertanyaan/detik, "
                f"latensi p50 {self.percentile(50) * 1000:.0f} ms, p95 {self.percentile(95) * 1000:.0f} ms; "
                f"masalah: {len(self.problems)}")


def question_for(chat: int, n: int) -> str:
    """Consecutive questions of a chat differ, so a swapped pair of replies shows."""
    return QUESTIONS[(chat + n) % len(QUESTIONS)]


def first_line(html_text: str) -> str:
    from tests.telegram_stub_server import check_telegram_html

    return check_telegram_html(html_text).strip().split("\n")[0]


def write_articles(folder: Path, count: int, tag: str = "muatan") -> None:
    """`count` small, distinct articles for the concurrent index run."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{tag}-{n:04d}.txt").write_text(
            f"Laporan {tag} nomor {n}\n\nPemerintah Kota Bekasi membuka pasar rakyat ke-{n} di kecamatan "
            f"{tag}{n} pada Senin (3/3/2025), kata wali kota kepada wartawan.\n\n"
            f"Pasar rakyat ke-{n} menampung {100 + n} pedagang kecil dan buka setiap hari.\n",
            encoding="utf-8")


def run_load(stub, corpus: Path, db: Path, chats: int, per_chat: int, add_articles: int,
             timeout: float = 600.0, closed_loop: bool = False, tag: str = "muatan") -> LoadResult:
    """Load a running bot (already polling `stub`) and index `add_articles` new articles meanwhile.

    A flood queues every question at once (latency then includes waiting behind the chat's
    earlier questions); `closed_loop` sends each chat's next question when its answer arrives."""
    from tests.telegram_stub_server import ask, check_telegram_html, message_update

    expected = {q: first_line(ask(stub, FIRST_CHAT - 1, q, timeout=timeout)["text"]) for q in QUESTIONS}
    chat_ids = [FIRST_CHAT + i for i in range(chats)]
    total = chats * per_chat
    mark = stub.mark()
    index_run: dict = {}

    def index_more() -> None:
        write_articles(corpus / tag, add_articles, tag)
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        done = subprocess.run([sys.executable, "-m", "bot.cli", "index", "--corpus", str(corpus), "--db", str(db),
                               "--quiet"], env=env, capture_output=True, text=True, timeout=timeout)
        index_run.update(code=done.returncode, output=done.stdout + done.stderr)

    indexer = threading.Thread(target=index_more, daemon=True)
    sent_at: dict[tuple[int, int], float] = {}
    started = time.monotonic()
    indexer.start()
    if closed_loop:  # each chat asks its next question as soon as it has the previous answer
        def chat_loop(chat: int) -> None:
            for n in range(per_chat):
                since = stub.mark()
                sent_at[(chat, n)] = time.monotonic()
                stub.queue_update(message_update(chat, question_for(chat, n)))
                try:
                    stub.wait_for("sendMessage", lambda p: p.get("chat_id") == chat, since=since, timeout=timeout)
                except TimeoutError:
                    return

        loops = [threading.Thread(target=chat_loop, args=(chat,), daemon=True) for chat in chat_ids]
        for loop in loops:
            loop.start()
        for loop in loops:
            loop.join(timeout)
    else:  # a flood: every chat has its whole queue pending at once, round-robin
        for n in range(per_chat):
            for chat in chat_ids:
                sent_at[(chat, n)] = time.monotonic()
                stub.queue_update(message_update(chat, question_for(chat, n)))

    def replies() -> list:
        return [c for c in stub.calls_of("sendMessage", mark) if c.params.get("chat_id") in sent_at_chats]

    sent_at_chats = set(chat_ids)
    deadline = time.monotonic() + timeout
    while len(replies()) < total and time.monotonic() < deadline:
        time.sleep(0.05)
    seconds = time.monotonic() - started
    time.sleep(0.5)  # a duplicate reply would arrive now
    indexer.join(timeout)
    # The added articles may rightly change an answer (new IDF, a new candidate): a reply may be the
    # answer from before the index run or from after it, never another question's.
    accepted = {q: {first, first_line(ask(stub, FIRST_CHAT - 1, q, timeout=timeout)["text"])}
                for q, first in expected.items()}
    result = LoadResult(chats, total, seconds, "tertutup" if closed_loop else "banjir", index_output=index_run.get("output", ""),
                        index_code=index_run.get("code"))
    per_chat_replies: dict[int, list] = {chat: [] for chat in chat_ids}
    for call in replies():
        per_chat_replies[call.params["chat_id"]].append(call)
    for chat, calls in per_chat_replies.items():
        if len(calls) != per_chat:
            result.problems.append(f"chat {chat}: {len(calls)} replies for {per_chat} questions")
        for n, call in enumerate(calls):
            text = call.params.get("text", "")
            if call.status != 200:
                result.problems.append(f"chat {chat}: reply {n} refused by the API ({call.status})")
            try:
                visible = check_telegram_html(text)
            except ValueError as exc:
                result.problems.append(f"chat {chat}: reply {n} is not Telegram HTML: {exc}")
                continue
            if APOLOGY_MARK in visible or UNAVAILABLE_MARK in visible:
                result.problems.append(f"chat {chat}: reply {n} is an error: {visible[:120]}")
            if visible.strip().split("\n")[0] not in accepted[question_for(chat, n)]:
                result.problems.append(f"chat {chat}: reply {n} out of order: {visible[:80]!r}")
            result.latencies.append(call.at - sent_at[(chat, n)])
    return result


def _prepare(workdir: Path, indosum: Path | None, limit: int | None) -> tuple[Path, Path]:
    """The bundled corpus plus IndoSum (as one JSONL file), indexed."""
    from index.build import build_index

    corpus = workdir / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    if indosum is not None:
        lines = indosum.read_text(encoding="utf-8").splitlines()
        (corpus / "indosum.jsonl").write_text("\n".join(lines[:limit] if limit else lines) + "\n", encoding="utf-8")
    db = workdir / "tanya.db"
    summary = build_index(corpus, db)
    print(f"Korpus: {summary.articles} artikel, {summary.passages} passage ({summary.seconds:.1f} s)", flush=True)
    return corpus, db


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark once and print its figures; exit 1 when any reply was wrong."""
    parser = argparse.ArgumentParser(prog="python -m bench.telegram_load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--questions", type=int, default=20, help="per chat")
    parser.add_argument("--add", type=int, default=100, help="articles `tanya index` adds meanwhile")
    parser.add_argument("--indosum", type=Path, default=REPO.parent / "shared" / "datasets" / "indosum" / "articles.jsonl")
    parser.add_argument("--no-indosum", action="store_true", help="bundled corpus only")
    parser.add_argument("--limit", type=int, default=None, help="only the first N IndoSum articles")
    parser.add_argument("--mode", choices=["flood", "closed", "both"], default="both",
                        help="flood: all questions queued at once; closed: next question after the answer")
    parser.add_argument("--send-rate", type=int, default=30,
                        help="Bot API calls per second the bot allows itself (TANYA_SEND_RATE; Telegram's limit is 30)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from tests.telegram_stub_server import FAKE_TOKEN, BotProcess, StubBotApi

    indosum = None if args.no_indosum else args.indosum
    if indosum is not None and not indosum.exists():
        print(f"IndoSum tidak ditemukan: {indosum} (pakai --no-indosum)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="tanya-load-") as tmp:
        workdir = Path(tmp)
        corpus, db = _prepare(workdir, indosum, args.limit)
        stub = StubBotApi(FAKE_TOKEN).start()
        bot = BotProcess(stub, db, corpus, workdir / "bot",
                         {"TANYA_RATE_LIMIT": "100000", "TANYA_SEND_RATE": str(args.send_rate)}).start()
        modes = ["flood", "closed"] if args.mode == "both" else [args.mode]
        results = []
        try:
            for n, mode in enumerate(modes):
                results.append(run_load(stub, corpus, db, args.chats, args.questions, args.add,
                                        closed_loop=mode == "closed", tag=f"muatan{n}"))
        finally:
            bot.stop()
            stub.stop()
    print(f"TANYA_SEND_RATE={args.send_rate}")
    for result in results:
        print(result.format())
        print(f"  tanya index (menambah {args.add} artikel) selama beban: kode {result.index_code}; "
              + " ".join(result.index_output.split())[:200])
        for problem in result.problems[:20]:
            print("  " + problem)
    return 1 if any(r.problems or r.index_code != 0 for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
