"""End to end: an admin's links in Telegram are fetched, indexed and answerable at once; anyone
else's links are never fetched. The real bot process talks to the stand-in Bot API server and
fetches from the stand-in news web, both on 127.0.0.1."""
from __future__ import annotations

import pytest

from tests.conftest import indexed_copy
from tests.telegram_stub_server import BotProcess, ask, check_telegram_html
from tests.web_stub_server import HAND_WRITTEN

ADMIN = 111
USER = 301


@pytest.fixture(scope="module")
def corpus_and_db(tmp_path_factory):
    return indexed_copy(tmp_path_factory.mktemp("telegram-links"))


@pytest.fixture(scope="module")
def bot(stub, corpus_and_db, tmp_path_factory):
    corpus, db = corpus_and_db
    env = {"TANYA_ADMINS": str(ADMIN), "TANYA_FETCH_ALLOW_PRIVATE": "1", "TANYA_FETCH_DELAY": "0",
           "TANYA_FETCH_TIMEOUT": "1"}
    process = BotProcess(stub, db, corpus, tmp_path_factory.mktemp("bot-links"), env).start()
    yield process
    process.stop()


def visible(reply: dict) -> str:
    assert reply.get("parse_mode") == "HTML"
    return check_telegram_html(reply["text"])


def test_admin_links_are_added_and_answerable_at_once(bot, stub, web, corpus_and_db):
    corpus, _ = corpus_and_db
    dam, kites = (web.url(f"/berita/{s.slug}") for s in HAND_WRITTEN[:2])
    reply = visible(ask(stub, ADMIN, f"Tolong tambahkan {dam} dan juga ({kites}).", timeout=60))
    assert "Ditambahkan (2)" in reply, reply
    assert HAND_WRITTEN[0].title in reply and "web/127.0.0.1_" in reply
    assert len(list((corpus / "web").rglob("*.md"))) == 2

    answer = ask(stub, USER, "berapa biaya pembangunan Bendungan Lau Simeme?")
    text = visible(answer)
    assert "Rp 1,6 triliun" in text and "Kabar Sumatra" in text
    assert f'href="{dam}"' in answer["text"]


def test_admin_gets_reasons_and_duplicates_listed(bot, stub, web):
    dam = web.url(f"/berita/{HAND_WRITTEN[0].slug}")
    reply = visible(ask(stub, ADMIN, f"{web.url('/hilang')}\n{dam}\n{web.url('/rahasia/dokumen-internal')}", timeout=60))
    assert "Gagal (2)" in reply and "HTTP 404" in reply and "robots.txt" in reply
    assert "Sudah ada" in reply and "URL yang sama" in reply
    assert "Tidak ada artikel baru" in reply


def test_someone_elses_link_is_never_fetched(bot, stub, web, corpus_and_db):
    corpus, _ = corpus_and_db
    link = web.url(f"/berita/{HAND_WRITTEN[2].slug}")
    mark = web.mark()
    reply = visible(ask(stub, USER, f"tolong tambahkan {link}"))
    assert "Ditambahkan" not in reply
    assert web.hits[mark:] == []
    assert not any(HAND_WRITTEN[2].slug in p.name for p in corpus.rglob("*.md"))


def test_links_are_found_in_entities_and_text():
    import datetime

    from telegram import Chat, Message, MessageEntity

    from bot.telegram_app import message_links

    text = "baca ini https://a.example/x, lalu (https://b.example/y). dan artikel ini juga https://a.example/x"
    hidden = MessageEntity(MessageEntity.TEXT_LINK, offset=0, length=4, url="https://c.example/z")
    message = Message(1, datetime.datetime.now(), Chat(1, "private"), text=text, entities=[hidden])
    assert message_links(message) == ["https://c.example/z", "https://a.example/x", "https://b.example/y"]
    plain = Message(2, datetime.datetime.now(), Chat(1, "private"), text="kapan Putin ke Pyongyang?")
    assert message_links(plain) == []


def test_the_reply_stays_within_one_message():
    from bot.telegram_render import render_link_report
    from index.links import LinkResult
    from tests.telegram_stub_server import tg_len

    results = [LinkResult(f"https://situs.example/{'x' * 150}/{n}", "failed", "HTTP 404 (halaman tidak ditemukan) " * 5)
               for n in range(40)]
    text = render_link_report(results)
    check_telegram_html(text)
    assert tg_len(text) <= 4096 and text.endswith("…")
