"""End-to-end: the real `tanya telegram` process against a stand-in Bot API server.

One bot process serves the whole module (starting it costs an interpreter and an index); each
test talks to it from its own chat ids so tests do not see each other's replies.
"""
from __future__ import annotations

import json
import re
import socket
import sqlite3
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import indexed_copy
from tests.telegram_stub_server import (
    BOT_COMMAND,
    BOT_ID,
    BOT_USERNAME,
    FAKE_TOKEN,
    REPO,
    BotProcess,
    StubBotApi,
    ask,
    buttons,
    callback_update,
    check_telegram_html,
    document_update,
    inline_update,
    message_update,
    tg_len,
)

ADMIN = 111
GROUP = -1001234567890
OUTSIDER = 999
RATE_LIMIT = 6
ALLOWED = [ADMIN, GROUP, *range(201, 260)]

PUTIN_QUESTION = "kapan Putin ke Pyongyang?"
PUTIN_QUOTE = "Pada Juni 2024, Presiden Rusia Vladimir Putin melakukan kunjungan langka ke Pyongyang."
APOLOGY_MARK = "terjadi kesalahan"
ABSTAIN_MARK = "tidak ada di korpus"

UPLOADED_ARTICLE = """Pelabuhan Tanjung Bira Baru Diresmikan

Kementerian Perhubungan meresmikan Pelabuhan Tanjung Bira Baru di Kabupaten Bulukumba, Sulawesi Selatan, pada 12 Februari 2025.

Pelabuhan Tanjung Bira Baru dibangun dengan biaya Rp 850 miliar dan mampu melayani kapal feri berukuran besar menuju Pulau Selayar.

Kepala dinas setempat mengatakan pelabuhan itu akan memperlancar arus barang dan wisatawan ke Selayar.
"""


@pytest.fixture(scope="module")
def corpus_and_db(tmp_path_factory):
    return indexed_copy(tmp_path_factory.mktemp("telegram"))


@pytest.fixture(scope="module")
def bot(stub, corpus_and_db, tmp_path_factory):
    corpus, db = corpus_and_db
    env = {
        "TANYA_ADMINS": str(ADMIN),
        "TANYA_ALLOWED_CHATS": ",".join(str(c) for c in ALLOWED),
        "TANYA_RATE_LIMIT": str(RATE_LIMIT),
    }
    process = BotProcess(stub, db, corpus, tmp_path_factory.mktemp("bot-run"), env).start()
    yield process
    process.stop()


def assert_valid_reply(params: dict) -> str:
    """Telegram-valid HTML within 4,096 characters, previews off; returns the visible text."""
    assert params.get("parse_mode") == "HTML"
    visible = check_telegram_html(params["text"])
    assert tg_len(visible) <= 4096
    assert (params.get("link_preview_options") or {}).get("is_disabled") is True
    for button in buttons(params):
        if "callback_data" in button:
            assert len(button["callback_data"].encode()) <= 64
    return visible


def sent_to(stub: StubBotApi, chat_id: int, since: int = 0) -> list[dict]:
    return [c.params for c in stub.calls_of("sendMessage", since) if c.params.get("chat_id") == chat_id]


# -- conversation ---------------------------------------------------------------------------------
def test_start_greets_with_examples(bot, stub):
    reply = ask(stub, 201, "/start")
    visible = assert_valid_reply(reply)
    assert "Halo" in visible
    assert PUTIN_QUESTION in visible


def test_help(bot, stub):
    visible = assert_valid_reply(ask(stub, 201, "/bantuan"))
    assert "/tanya" in visible and f"@{BOT_USERNAME}" in visible


def test_question_is_answered_with_quote_and_attribution(bot, stub):
    reply = ask(stub, 202, PUTIN_QUESTION)
    visible = assert_valid_reply(reply)
    assert "<b>" in reply["text"] and "Juni 2024" in reply["text"].split("</b>")[0]
    assert PUTIN_QUOTE in visible
    assert "<blockquote>" in reply["text"]
    assert "INDONESIAUPDATES.COM" in visible
    labels = [b["text"] for b in buttons(reply)]
    assert any("Sumber lain" in t for t in labels) and any("Artikel" in t for t in labels)
    assert "👍" in labels and "👎" in labels


def test_typing_action_is_sent(bot, stub):
    mark = stub.mark()
    ask(stub, 203, PUTIN_QUESTION)
    actions = [c.params for c in stub.calls_of("sendChatAction", mark) if c.params.get("chat_id") == 203]
    assert actions and actions[0]["action"] == "typing"


def test_sources_lists_the_corpus(bot, stub):
    visible = assert_valid_reply(ask(stub, 204, "/sumber"))
    assert "5" in visible and "artikel" in visible
    assert "INDONESIAUPDATES.COM" in visible


def test_unanswerable_question_abstains(bot, stub):
    visible = assert_valid_reply(ask(stub, 205, "siapa juara Piala Dunia 2022?"))
    assert ABSTAIN_MARK in visible
    assert "<blockquote>" not in visible


def test_reset_clears_context(bot, stub):
    ask(stub, 206, PUTIN_QUESTION)
    visible = assert_valid_reply(ask(stub, 206, "/baru"))
    assert "konteks" in visible


# -- groups ---------------------------------------------------------------------------------------
def test_group_tanya_with_botname_is_answered(bot, stub):
    reply = ask(stub, GROUP, f"/tanya@{BOT_USERNAME} {PUTIN_QUESTION}", user_id=207)
    assert "Juni 2024" in assert_valid_reply(reply)
    assert reply.get("reply_parameters"), "group answers reply to the question"


def test_group_ignores_unaddressed_but_answers_mention_and_reply(bot, stub):
    mark = stub.mark()
    stub.queue_update(message_update(GROUP, PUTIN_QUESTION, user_id=208))
    mention = ask(stub, GROUP, f"@{BOT_USERNAME} {PUTIN_QUESTION}", user_id=208)
    assert "Juni 2024" in assert_valid_reply(mention)
    bot_message = {"message_id": 5, "date": int(time.time()), "chat": {"id": GROUP, "type": "supergroup", "title": "G"},
                   "from": {"id": BOT_ID, "is_bot": True, "first_name": "Tanya", "username": BOT_USERNAME}, "text": "…"}
    replied = ask(stub, GROUP, PUTIN_QUESTION, user_id=208, reply_to=bot_message)
    assert "Juni 2024" in assert_valid_reply(replied)
    time.sleep(1.0)  # give the unaddressed message every chance to (wrongly) get a reply
    assert len(sent_to(stub, GROUP, mark)) == 2


# -- buttons ----------------------------------------------------------------------------------------
def tap(stub: StubBotApi, chat_id: int, data: str, message_id: int = 4242) -> tuple[int, dict]:
    mark = stub.mark()
    update = callback_update(chat_id, data, message_id)
    stub.queue_update(update)
    answered = stub.wait_for(
        "answerCallbackQuery", lambda p: p.get("callback_query_id") == update["callback_query"]["id"], since=mark
    )
    return mark, answered.params


def test_buttons_full_article_paging_more_sources_and_feedback(bot, stub, corpus_and_db):
    reply = ask(stub, 209, PUTIN_QUESTION)
    data = {b["text"]: b["callback_data"] for b in buttons(reply)}

    # "Artikel lengkap" / "Artikel 1" belongs to the first quote: its article, page by page, holds it
    first_quote = check_telegram_html(re.search(r"<blockquote>(.*?)</blockquote>", reply["text"], re.S).group(1))
    first_piece = max(re.sub(r"^\[\d\] ", "", first_quote).split("…"), key=len).strip()
    article = next(v for k, v in data.items() if "Artikel" in k)
    mark, _ = tap(stub, 209, article)
    page = stub.wait_for("sendMessage", lambda p: p.get("chat_id") == 209, since=mark).params
    pages = [assert_valid_reply(page)]
    for _ in range(20):  # ▶ edits the message in place until the last page
        following = [b["callback_data"] for b in buttons(page) if "▶" in b["text"]]
        if not following:
            break
        mark, _ = tap(stub, 209, following[0])
        page = stub.wait_for("editMessageText", lambda p: p.get("chat_id") == 209, since=mark).params
        pages.append(assert_valid_reply(page))
    assert " ".join(first_piece.split()) in " ".join(" ".join(pages).split())

    mark, answered = tap(stub, 209, data["📚 Sumber lain"])
    if not answered.get("text"):  # more sources were found: they come as a new message
        assert_valid_reply(stub.wait_for("sendMessage", lambda p: p.get("chat_id") == 209, since=mark).params)

    _, answered = tap(stub, 209, data["👍"])
    assert "Terima kasih" in answered.get("text", "")
    _, db = corpus_and_db
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT value, question FROM feedback WHERE chat_id = 209").fetchall()
    assert rows == [(1, PUTIN_QUESTION)]


def test_stale_button_is_answered_politely(bot, stub):
    _, answered = tap(stub, 210, "fb:deadbeef:1")
    assert "kedaluwarsa" in answered.get("text", "")


# -- inline mode ----------------------------------------------------------------------------------
def test_inline_query_returns_answer_card(bot, stub):
    mark = stub.mark()
    update = inline_update(211, PUTIN_QUESTION)
    stub.queue_update(update)
    call = stub.wait_for("answerInlineQuery", lambda p: p.get("inline_query_id") == update["inline_query"]["id"], since=mark)
    results = call.params["results"]
    assert len(results) == 1 and results[0]["type"] == "article"
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "Juni 2024" in check_telegram_html(content["message_text"])


# -- adding articles --------------------------------------------------------------------------------
def test_admin_upload_is_stored_indexed_and_answered(bot, stub, corpus_and_db):
    corpus, _ = corpus_and_db
    content = UPLOADED_ARTICLE.encode("utf-8")
    stub.add_file("doc-admin-1", "documents/file_1.txt", content)
    mark = stub.mark()
    stub.queue_update(document_update(ADMIN, "doc-admin-1", "../../pelabuhan bira.txt", len(content)))
    reply = stub.wait_for("sendMessage", lambda p: p.get("chat_id") == ADMIN, since=mark, timeout=60).params
    visible = assert_valid_reply(reply)
    assert "Disimpan" in visible, visible
    stored = list((corpus / "telegram").glob("*.txt"))
    assert [p.read_bytes() for p in stored] == [content]
    assert stored[0].resolve().parent == (corpus / "telegram").resolve()
    assert not (corpus.parent / "pelabuhan bira.txt").exists()

    answer = ask(stub, 212, "berapa biaya pembangunan Pelabuhan Tanjung Bira Baru?")
    visible = assert_valid_reply(answer)
    assert ABSTAIN_MARK not in visible
    assert "Tanjung Bira Baru" in visible and "850 miliar" in visible


def test_non_admin_upload_is_refused_and_nothing_stored(bot, stub, corpus_and_db):
    corpus, _ = corpus_and_db
    before = sorted(p.relative_to(corpus) for p in corpus.rglob("*"))
    stub.add_file("doc-user-1", "documents/file_2.txt", b"Artikel palsu tentang kota Atlantis yang tenggelam.")
    mark = stub.mark()
    stub.queue_update(document_update(213, "doc-user-1", "atlantis.txt", 52))
    visible = assert_valid_reply(stub.wait_for("sendMessage", lambda p: p.get("chat_id") == 213, since=mark).params)
    assert "admin" in visible
    assert not [c for c in stub.calls_of("getFile", mark) if c.params.get("file_id") == "doc-user-1"]
    assert sorted(p.relative_to(corpus) for p in corpus.rglob("*")) == before


def test_admin_upload_of_unsupported_or_empty_file_is_refused(bot, stub, corpus_and_db):
    corpus, _ = corpus_and_db
    before = sorted(p.relative_to(corpus) for p in corpus.rglob("*"))
    mark = stub.mark()
    stub.queue_update(document_update(ADMIN, "doc-admin-exe", "virus.exe", 10))
    visible = assert_valid_reply(stub.wait_for("sendMessage", lambda p: p.get("chat_id") == ADMIN, since=mark).params)
    assert "tidak didukung" in visible
    stub.add_file("doc-admin-empty", "documents/file_3.txt", b"   \n\n  ")
    mark = stub.mark()
    stub.queue_update(document_update(ADMIN, "doc-admin-empty", "kosong.txt", 7))
    visible = assert_valid_reply(stub.wait_for("sendMessage", lambda p: p.get("chat_id") == ADMIN, since=mark).params)
    assert "tidak disimpan" in visible
    assert sorted(p.relative_to(corpus) for p in corpus.rglob("*")) == before


def test_admin_upload_over_the_size_limit_is_refused_before_download(bot, stub):
    mark = stub.mark()
    stub.queue_update(document_update(ADMIN, "doc-admin-big", "besar.txt", 3 * 1024 * 1024))
    visible = assert_valid_reply(stub.wait_for("sendMessage", lambda p: p.get("chat_id") == ADMIN, since=mark).params)
    assert "terlalu besar" in visible
    assert not [c for c in stub.calls_of("getFile", mark) if c.params.get("file_id") == "doc-admin-big"]


# -- hostile input, limits, access ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("chat_id", "text"),
    [
        (214, "<b>hai</b><script>alert('x')</script> & kapan Putin ke Pyongyang? 😀"),
        (215, "😀" * 30 + " 🇮🇩 ?"),
        (216, "x" * 10_000),
        (217, "<a href='javascript:alert(1)'>kapan</a> &amp; &#0; Putin"),
    ],
)
def test_hostile_text_gets_a_proper_reply(bot, stub, chat_id, text):
    reply = ask(stub, chat_id, text)
    visible = assert_valid_reply(reply)
    assert APOLOGY_MARK not in visible
    assert "<script>" not in reply["text"]


def test_flood_control_429_is_retried(bot, stub):
    mark = stub.mark()
    stub.fail_next("sendMessage", times=1, retry_after=1)
    reply = ask(stub, 240, "/start")
    assert "Halo" in reply["text"]
    refused = [c for c in stub.calls_of("sendMessage", mark) if c.status == 429]
    assert len(refused) == 1 and refused[0].params["chat_id"] == 240
    sent = [c for c in stub.calls_of("sendMessage", mark) if c.status == 200 and c.params.get("chat_id") == 240]
    assert sent and sent[0].at - refused[0].at >= 0.9  # it waited retry_after before trying again


def test_network_error_is_retried(bot, stub):
    mark = stub.mark()
    stub.drop_next("sendMessage", times=1)
    reply = ask(stub, 243, "/start")
    assert "Halo" in reply["text"]
    dropped = [c for c in stub.calls_of("sendMessage", mark) if c.status == 0]
    assert len(dropped) == 1 and dropped[0].params["chat_id"] == 243


def test_rate_limit_per_user(bot, stub):
    replies = [ask(stub, 241, "apa kabar Pyongyang?") for _ in range(RATE_LIMIT + 1)]
    assert "Pelan-pelan" not in replies[-2]["text"]
    assert "Pelan-pelan" in replies[-1]["text"]
    assert "Pelan-pelan" not in ask(stub, 242, "apa kabar Pyongyang?")["text"]  # others unaffected


def test_outsider_is_refused_without_corpus_content(bot, stub):
    reply = ask(stub, OUTSIDER, PUTIN_QUESTION)
    visible = assert_valid_reply(reply)
    assert "hanya melayani" in visible
    assert "Juni 2024" not in visible and "<blockquote>" not in reply["text"]


def test_slow_work_does_not_stall_other_chats(bot, stub, corpus_and_db):
    """Indexing a 2 MB upload takes seconds; questions from other chats are answered meanwhile."""
    import random

    rng = random.Random(7)
    words = "pemerintah menteri ekonomi pasar harga beras pelabuhan sekolah petani nelayan banjir gempa desa".split()
    lines = [
        json.dumps({"id": f"sintetis-{i}", "title": f"Berita sintetis {i}",
                    "text": "\n\n".join(" ".join(rng.choice(words) for _ in range(60)) + "." for _ in range(4))})
        for i in range(1100)
    ]
    content = "\n".join(lines).encode("utf-8")
    assert len(content) < 2 * 1024 * 1024
    stub.add_file("doc-admin-big-jsonl", "documents/file_9.jsonl", content)
    mark = stub.mark()
    stub.queue_update(document_update(ADMIN, "doc-admin-big-jsonl", "sintetis.jsonl", len(content)))
    stored = corpus_and_db[0] / "telegram" / "sintetis.jsonl"
    deadline = time.monotonic() + 30
    while not stored.exists():  # stored → indexing starts right away and takes seconds
        assert time.monotonic() < deadline, "upload never stored"
        time.sleep(0.02)
    question = ask(stub, 244, PUTIN_QUESTION)
    assert "Juni 2024" in question["text"]
    upload = stub.wait_for("sendMessage", lambda p: p.get("chat_id") == ADMIN, since=mark, timeout=60)
    assert "Disimpan" in upload.params["text"]
    replies = [c for c in stub.calls_of("sendMessage", mark) if c.params.get("chat_id") in (244, ADMIN)]
    assert replies[0].params["chat_id"] == 244, "the question waited for the indexing"


# -- process lifecycle (keep last: it stops the module's bot) ---------------------------------------
def test_sigterm_stops_cleanly_and_token_never_printed(bot, stub):
    started = time.monotonic()
    assert bot.stop(timeout=10) == 0
    assert time.monotonic() - started < 8
    output = bot.output()
    assert FAKE_TOKEN not in output
    assert FAKE_TOKEN.split(":")[1] not in output
    assert "Traceback" not in output, output[-3000:]


def run_once(tmp_path: Path, env: dict[str, str], timeout: float = 30) -> tuple[int, str, str]:
    import os
    import subprocess

    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "TANYA_"))}
    proc = subprocess.run(
        [*BOT_COMMAND, "--db", str(tmp_path / "none.db"), "--corpus", str(tmp_path)],
        cwd=tmp_path, env={**base, "PYTHONPATH": str(REPO), **env}, capture_output=True, text=True, timeout=timeout,
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_missing_token_is_a_one_line_error(tmp_path):
    code, out, err = run_once(tmp_path, {})
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "TELEGRAM_BOT_TOKEN" in err


def test_malformed_token_is_a_one_line_error_without_the_token(tmp_path):
    bad = "not-a-token-but-a-secret-0123456789"
    code, out, err = run_once(tmp_path, {"TELEGRAM_BOT_TOKEN": bad})
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "TELEGRAM_BOT_TOKEN" in err
    assert bad not in out + err


def test_token_is_read_from_dotenv(tmp_path):
    (tmp_path / ".env").write_text("# settings\nexport TELEGRAM_BOT_TOKEN='malformed'\n")
    code, out, err = run_once(tmp_path, {})
    assert code == 2 and "tidak sah" in err  # found in .env (a missing token reads differently)


def test_token_rejected_by_server(tmp_path, corpus_and_db):
    other = StubBotApi("987654321:ZYXwvuTSRqpoNMLkjiHGFedcba987654_-z").start()  # knows another token
    try:
        corpus, db = corpus_and_db
        process = BotProcess(other, db, corpus, tmp_path, {"TELEGRAM_BOT_TOKEN": FAKE_TOKEN})
        process.start(ready_method=None)
        code = process.proc.wait(30)
    finally:
        other.stop()
    output = process.output()
    assert code == 1 and "ditolak" in output
    assert FAKE_TOKEN not in output and FAKE_TOKEN.split(":")[1] not in output


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webhook_mode(tmp_path, corpus_and_db):
    stub = StubBotApi(FAKE_TOKEN).start()
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook/tanya"
    corpus, db = corpus_and_db
    process = BotProcess(
        stub, db, corpus, tmp_path, {},
        args=["--webhook", url, "--listen", "127.0.0.1", "--port", str(port), "--secret-token", "rahasia-uji_1"],
    )
    try:
        process.start(ready_method="setWebhook")
        hook = stub.calls_of("setWebhook")[0].params
        assert hook["url"] == url and hook["secret_token"] == "rahasia-uji_1"

        def post(secret: str) -> int:
            body = json.dumps({"update_id": 1, **message_update(250, "/start")}).encode()
            request = urllib.request.Request(
                url, data=body, headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret}
            )
            for _ in range(50):
                try:
                    with urllib.request.urlopen(request, timeout=5) as response:
                        return response.status
                except urllib.error.HTTPError as exc:
                    return exc.code
                except (ConnectionError, urllib.error.URLError):
                    time.sleep(0.1)
            raise AssertionError("webhook server never answered")

        assert post("salah") == 403
        mark = stub.mark()
        assert post("rahasia-uji_1") == 200
        assert "Halo" in stub.wait_for("sendMessage", lambda p: p.get("chat_id") == 250, since=mark).params["text"]
        assert process.stop() == 0
        assert FAKE_TOKEN not in process.output()
    finally:
        process.stop()
        stub.stop()


# -- settings (pure) --------------------------------------------------------------------------------
def test_settings_from_dotenv_and_environment(tmp_path):
    from bot.settings import load_settings

    dotenv = tmp_path / ".env"
    dotenv.write_text(
        f"# komentar\nexport TELEGRAM_BOT_TOKEN=\"{FAKE_TOKEN}\"\nTANYA_ADMINS=1, 2\n"
        "TANYA_ALLOWED_CHATS=-100,5 # grup dan saya\nTELEGRAM_API_BASE_URL=http://127.0.0.1:8081/bot\n"
    )
    settings = load_settings(env={"TANYA_RATE_LIMIT": "7"}, dotenv=dotenv)
    assert settings.token == FAKE_TOKEN and settings.admins == {1, 2} and settings.allowed_chats == {-100, 5}
    assert settings.rate_limit == 7
    assert settings.api_file_url == "http://127.0.0.1:8081/file/bot"
    assert FAKE_TOKEN not in repr(settings)
    assert load_settings(env={"TELEGRAM_BOT_TOKEN": "999:" + "z" * 30}, dotenv=dotenv).token == "999:" + "z" * 30


def test_log_records_are_redacted():
    import io
    import logging

    from bot.settings import RedactingFilter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(FAKE_TOKEN))
    logger = logging.getLogger("tanya.test.redact")
    logger.addHandler(handler)
    try:
        logger.warning("POST https://api.telegram.org/bot%s/getMe", FAKE_TOKEN)
        try:
            raise RuntimeError(f"The token `{FAKE_TOKEN}` was rejected")
        except RuntimeError:
            logger.exception("gagal")
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert "getMe" in text and "rejected" in text
    assert FAKE_TOKEN not in text and FAKE_TOKEN.split(":")[1] not in text
