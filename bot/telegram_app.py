"""The Telegram face of Tanya: one handler per behaviour, as in python-telegram-bot's examples.

The engine is synchronous and may take a moment, so every call into it runs in a worker thread
(`asyncio.to_thread`) and updates are processed concurrently: one slow question never stalls
other chats. Rendering lives in `bot.telegram_render`; settings and the token in `bot.settings`.
"""
from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import re
import secrets
import signal
import sys
import tempfile
import time
import unicodedata
from collections import OrderedDict, deque
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.answer import Answer, Turn
from bot.safe_text import scrub_surrogates
from bot.settings import (
    SECRET_TOKEN_RE,
    Settings,
    SettingsError,
    configure_logging,
    load_settings,
)
from bot.telegram_render import (
    render_answer,
    render_article_page,
    render_link_report,
    render_more_sources,
    render_summary,
    shorten,
)

log = logging.getLogger("tanya.telegram")

MAX_QUESTION = 1000
STORED_ANSWERS = 100  # per chat, for the buttons under recent answers
UPLOAD_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}
UPLOAD_FOLDER = "telegram"
UPLOAD_LOCK_WAIT = 120.0  # seconds an upload waits for another writer (cron, redeploy) to finish
MAX_LINKS = 10  # per message
_LINK_RE = re.compile(r"https?://[^\s<>\"'«»“”]+", re.IGNORECASE)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

EXAMPLES = (
    "kapan Putin ke Pyongyang?",
    "siapa yang bertemu Kim Jong Un?",
    "apa isi perjanjian pertahanan Rusia dan Korea Utara?",
)
START_TEXT = (
    "Halo! Saya <b>Tanya</b> 👋\n"
    "Saya menjawab pertanyaan dari kumpulan artikel berita berbahasa Indonesia, "
    "selalu dengan kutipan dan sumbernya.\n\n"
    "Coba tanyakan:\n" + "\n".join(f"• <i>{q}</i>" for q in EXAMPLES) + "\n\n"
    "Ketik /bantuan untuk petunjuk, /sumber untuk melihat isi korpus."
)
HELP_TEXT = (
    "<b>Cara memakai Tanya</b>\n"
    "• Di obrolan pribadi: tulis saja pertanyaan Anda.\n"
    "• Di grup: <code>/tanya pertanyaan</code>, sebut saya (@{username}), atau balas pesan saya.\n"
    "• Di obrolan mana pun: ketik <code>@{username} pertanyaan</code> (mode inline).\n"
    "• Pertanyaan lanjutan seperti <i>siapa yang mengatakannya?</i> memakai konteks jawaban sebelumnya; "
    "/baru menghapus konteks itu.\n\n"
    "Tombol di bawah jawaban: 📚 sumber lain, 📄 artikel lengkap, 👍/👎 penilaian jawaban.\n"
    "/sumber — isi korpus (jumlah artikel, penerbit, rentang tanggal)."
)
APOLOGY = "Maaf, terjadi kesalahan saat memproses permintaan Anda. Silakan coba lagi sebentar lagi. 🙏"
NOT_ALLOWED = "Maaf, bot ini hanya melayani obrolan tertentu. Hubungi pengelolanya bila Anda perlu akses."
RATE_LIMITED = "Pelan-pelan ya 🙂 Anda sudah bertanya {limit} kali dalam semenit terakhir. Coba lagi sebentar lagi."
TOO_LONG = "Pertanyaannya terlalu panjang (maksimal {limit} karakter). Coba persingkat, ya."
EMPTY_QUESTION = "Tulis pertanyaannya setelah perintah, misalnya: <code>/tanya kapan Putin ke Pyongyang?</code>"
STALE_BUTTON = "Tombol ini sudah kedaluwarsa. Silakan ajukan pertanyaannya lagi."
INDEX_UNAVAILABLE = "Maaf, indeks sedang tidak tersedia. Silakan coba lagi sebentar lagi. 🙏"
INDEX_BUSY = "Indeks sedang diperbarui oleh proses lain terlalu lama; file sudah disimpan dan akan ikut terindeks pada pembaruan berikutnya."


# --------------------------------------------------------------------------------------------
# Shared state helpers
# --------------------------------------------------------------------------------------------
def _settings(context: ContextTypes.DEFAULT_TYPE) -> Settings:
    return context.bot_data["settings"]


def _engine(context: ContextTypes.DEFAULT_TYPE):
    return context.bot_data["engine"]


def _is_admin(update: Update, settings: Settings) -> bool:
    user = update.effective_user
    return user is not None and user.id in settings.admins


def _is_allowed(update: Update, settings: Settings) -> bool:
    """The allowlist speaks of chat ids; inline queries have no chat, so their user id counts."""
    if settings.allowed_chats is None or _is_admin(update, settings):
        return True
    chat = update.effective_chat
    if chat is not None:
        return chat.id in settings.allowed_chats
    user = update.effective_user
    return user is not None and user.id in settings.allowed_chats


def _over_rate_limit(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> bool:
    """Sliding one-minute window per user; True when this question is one too many."""
    settings = _settings(context)
    history: deque[float] = context.bot_data.setdefault("rate", {}).setdefault(user_id, deque())
    now = time.monotonic()
    while history and now - history[0] > settings.rate_window:
        history.popleft()
    if len(history) >= settings.rate_limit:
        return True
    history.append(now)
    return False


def _remember_answer(chat_data: dict, question: str, previous: Turn | None, answer: Answer) -> str:
    """Keep what the buttons under an answer need; callback data only carries the short key."""
    answers: OrderedDict[str, dict] = chat_data.setdefault("answers", OrderedDict())
    token = secrets.token_hex(4)
    answers[token] = {
        "question": question,
        "previous": previous,
        "answer": answer.answer,
        "shown": [q.passage_id for q in answer.passages],
        "feedback": None,
    }
    while len(answers) > STORED_ANSWERS:
        answers.popitem(last=False)
    return token


async def _send_typing(message: Message) -> None:
    with contextlib.suppress(TelegramError):
        await message.chat.send_action(ChatAction.TYPING)


async def _keep_typing(message: Message) -> None:
    """'typing…' lasts ~5 s in Telegram; repeat it until the caller cancels us."""
    while True:
        await asyncio.sleep(4.5)
        await _send_typing(message)


# --------------------------------------------------------------------------------------------
# Gate: allowlist
# --------------------------------------------------------------------------------------------
async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs before every other handler: outsiders get a polite refusal and nothing else."""
    if not isinstance(update, Update) or _is_allowed(update, _settings(context)):
        return
    if update.callback_query:
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer(NOT_ALLOWED, show_alert=True)
    elif update.inline_query:
        with contextlib.suppress(TelegramError):
            await update.inline_query.answer([_inline_text_result("tolak", "Akses ditolak", NOT_ALLOWED)], cache_time=0)
    elif update.message and update.effective_chat:
        chat = update.effective_chat
        addressed = chat.type == ChatType.PRIVATE or _is_command(update.message) or ADDRESSED.check_update(update)
        if addressed:
            with contextlib.suppress(TelegramError):
                await update.message.reply_text(NOT_ALLOWED)
    log.info("Ditolak (allowlist): chat %s", update.effective_chat.id if update.effective_chat else "-")
    raise ApplicationHandlerStop


def _is_command(message: Message) -> bool:
    return bool(message.entities and message.entities[0].type == MessageEntity.BOT_COMMAND and message.entities[0].offset == 0)


class _AddressedToBot(filters.MessageFilter):
    """Group messages meant for the bot: mentioning it, or replying to one of its messages."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == bot.id:
            return True
        username = f"@{bot.username}".lower() if bot.username else None
        for entity, text in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
            if entity.type == MessageEntity.MENTION and username and text.lower() == username:
                return True
            if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot.id:
                return True
        return False


ADDRESSED = _AddressedToBot(name="addressed_to_bot")


def _strip_mention(text: str, username: str | None) -> str:
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return " ".join(text.split())


# --------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------
async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: greet in Indonesian with a few example questions."""
    await update.effective_message.reply_text(START_TEXT)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/bantuan (and /help): how to ask, in private chats, groups and inline."""
    await update.effective_message.reply_text(HELP_TEXT.format(username=context.bot.username))


async def sources_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sumber: what the corpus holds."""
    engine = _engine(context)
    summary, sources = await asyncio.to_thread(lambda: (engine.summary(), engine.sources()))
    await update.effective_message.reply_text(render_summary(summary, sources))


async def reset_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/baru: forget the previous turn, so the next question stands on its own."""
    context.chat_data.pop("turn", None)
    await update.effective_message.reply_text("Baik, konteks percakapan sudah dihapus. Silakan ajukan pertanyaan baru.")


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/tanya <pertanyaan> (also /tanya@botname): works in every kind of chat."""
    message = update.effective_message
    text = message.text or ""
    command = message.entities[0] if message.entities else None
    question = text[command.offset + command.length :] if command else " ".join(context.args or [])
    await answer_question(update, context, _strip_mention(question, context.bot.username))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text("Perintah itu tidak saya kenal. Lihat /bantuan.")


# --------------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------------
async def private_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a private chat, any text is a question; an admin's message with links adds them instead.
    Nobody else's links are ever fetched."""
    message = update.effective_message
    if _is_admin(update, _settings(context)):
        links = message_links(message)
        if links:
            await add_links(update, context, links)
            return
    await answer_question(update, context, message.text or "")


async def group_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a group, only messages addressed to the bot reach here (see ADDRESSED)."""
    text = _strip_mention(update.effective_message.text or "", context.bot.username)
    await answer_question(update, context, text)


def _chat_lock(context: ContextTypes.DEFAULT_TYPE, chat_id: int | None) -> asyncio.Lock:
    """Questions of one chat are answered one after another, in the order they arrived (so a
    follow-up sees its predecessor's turn); other chats go on concurrently."""
    locks: OrderedDict[int | None, asyncio.Lock] = context.bot_data.setdefault("chat_locks", OrderedDict())
    lock = locks.get(chat_id)
    if lock is None:
        lock = locks[chat_id] = asyncio.Lock()
        for key in [k for k, v in locks.items() if not v.locked()][: max(0, len(locks) - 10_000)]:
            del locks[key]  # forget idle chats, keep the table small
    return lock


async def _ask_engine(context: ContextTypes.DEFAULT_TYPE, *args):
    """The engine's answer, or None when the index is unavailable (missing, damaged, being
    replaced): logged as one line; the bot keeps running and recovers once the index is repaired."""
    from index.health import IndexUnavailable

    try:
        return await asyncio.to_thread(_engine(context).ask, *args)
    except IndexUnavailable as exc:
        log.warning("Indeks tidak tersedia: %s", exc)
        return None


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Per chat in arrival order: rate limit, ask the engine off the event loop, reply."""
    chat = update.effective_chat
    async with _chat_lock(context, chat.id if chat else None):
        await _answer_question(update, context, scrub_surrogates(question))


async def _answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    message = update.effective_message
    question = question.strip()
    if not question:
        await message.reply_text(EMPTY_QUESTION)
        return
    if len(question) > MAX_QUESTION:
        await message.reply_text(TOO_LONG.format(limit=MAX_QUESTION), do_quote=_in_group(update))
        return
    user = update.effective_user
    if user and _over_rate_limit(context, user.id):
        await message.reply_text(RATE_LIMITED.format(limit=_settings(context).rate_limit), do_quote=_in_group(update))
        return

    previous: Turn | None = context.chat_data.get("turn")
    await _send_typing(message)
    typing = asyncio.create_task(_keep_typing(message))
    try:
        answer = await _ask_engine(context, question, previous)
    finally:
        typing.cancel()
    if answer is None:
        await message.reply_text(INDEX_UNAVAILABLE, do_quote=_in_group(update))
        return

    if answer.turn is not None:
        context.chat_data["turn"] = answer.turn
    token = None if answer.abstained else _remember_answer(context.chat_data, question, previous, answer)
    text, markup = render_answer(answer, token)
    await message.reply_text(text, reply_markup=markup, do_quote=_in_group(update))


def _in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


# --------------------------------------------------------------------------------------------
# Inline mode
# --------------------------------------------------------------------------------------------
def _inline_text_result(key: str, title: str, html_text: str, description: str | None = None) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:32],
        title=title,
        description=description,
        input_message_content=InputTextMessageContent(html_text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW),
    )


async def inline_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`@bot pertanyaan` in any chat: one result, the answer card."""
    query = update.inline_query
    question = scrub_surrogates(" ".join(query.query.split()))
    if len(question) < 3 or len(question) > MAX_QUESTION or _over_rate_limit(context, query.from_user.id):
        await query.answer([], cache_time=0)
        return
    answer = await _ask_engine(context, question)
    if answer is None:
        await query.answer([_inline_text_result("tidak-tersedia", "Indeks tidak tersedia", INDEX_UNAVAILABLE)], cache_time=0)
        return
    text, _ = render_answer(answer)
    if answer.abstained:
        title, description = "Tidak ada di korpus", "Jawabannya tidak ditemukan di artikel yang saya punya."
    else:
        title = shorten(answer.answer or "Kutipan yang relevan", 100)
        first = answer.passages[0] if answer.passages else None
        description = shorten(f"{first.source or ''} — {first.quote}", 120) if first else None
    await query.answer([_inline_text_result(question, title, text, description)], cache_time=30)


# --------------------------------------------------------------------------------------------
# Buttons
# --------------------------------------------------------------------------------------------
def _stored(context: ContextTypes.DEFAULT_TYPE, token: str) -> dict | None:
    answers = (context.chat_data or {}).get("answers") or {}
    return answers.get(token)


async def more_sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """📚 Sumber lain: quotes the answer did not show yet, as a new message."""
    query = update.callback_query
    state = _stored(context, query.data.split(":")[1])
    if state is None:
        await query.answer(STALE_BUTTON, show_alert=True)
        return
    shown = set(state["shown"])
    answer = await _ask_engine(context, state["question"], state["previous"], len(shown) + 3)
    if answer is None:
        await query.answer(INDEX_UNAVAILABLE, show_alert=True)
        return
    fresh = [q for q in answer.passages if q.passage_id not in shown]
    if not fresh:
        await query.answer("Tidak ada sumber lain di korpus untuk pertanyaan ini.")
        return
    await query.answer()
    state["shown"].extend(q.passage_id for q in fresh)
    await query.message.reply_text(render_more_sources(state["question"], fresh))


async def open_article(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """📄 Artikel lengkap: the cleaned article, page 1, as a new message (art:<passage id>)."""
    await _article_page(update, context, edit=False)


async def turn_article_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """◀/▶ under an article page: edit that message in place (pg:<passage id>:<page>)."""
    await _article_page(update, context, edit=True)


async def _article_page(update: Update, context: ContextTypes.DEFAULT_TYPE, edit: bool) -> None:
    query = update.callback_query
    parts = query.data.split(":")
    passage_id, page = int(parts[1]), int(parts[2]) if len(parts) > 2 else 0
    engine = _engine(context)

    def load():
        article_id = engine.article_id_of_passage(passage_id)
        return engine.article(article_id) if article_id is not None else None

    found = await asyncio.to_thread(load)
    if found is None:
        await query.answer("Artikel itu sudah tidak ada di korpus.", show_alert=True)
        return
    info, paragraphs = found
    text, markup, _ = render_article_page(info, paragraphs, page, passage_id)
    await query.answer()
    if edit and query.message is not None:
        try:
            await query.edit_message_text(text, reply_markup=markup)
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise
    elif query.message is not None:
        await query.message.reply_text(text, reply_markup=markup)


async def feedback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """👍/👎: stored in the database through the engine, for later evaluation."""
    query = update.callback_query
    _, token, raw_value = query.data.split(":")
    state = _stored(context, token)
    if state is None:
        await query.answer(STALE_BUTTON, show_alert=True)
        return
    value = 1 if int(raw_value) > 0 else -1
    if state["feedback"] != value:
        chat_id = update.effective_chat.id if update.effective_chat else query.from_user.id
        await asyncio.to_thread(
            _engine(context).record_feedback, chat_id, state["question"], state["answer"], list(state["shown"]), value
        )
        state["feedback"] = value
    await query.answer("Terima kasih atas penilaiannya! 🙏")


async def stale_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.callback_query.answer(STALE_BUTTON, show_alert=True)


# --------------------------------------------------------------------------------------------
# Adding articles (admins only)
# --------------------------------------------------------------------------------------------
def safe_file_name(name: str | None) -> str:
    """A plain file name for the corpus: no folders, no dot files, only safe characters."""
    name = unicodedata.normalize("NFKC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_.")[:80] or "artikel"
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix).lower()[:10]
    return f"{stem}.{suffix}" if suffix else stem


def _upload_suffixes() -> set[str]:
    """What the corpus loader reads (txt, md, html, jsonl …), minus nothing: one source of truth."""
    try:
        from index.load import SUPPORTED_SUFFIXES
    except ImportError:  # pragma: no cover - the loader ships with the bot
        return set(UPLOAD_SUFFIXES)
    return set(SUPPORTED_SUFFIXES)


def _validate_upload(name: str, data: bytes) -> tuple[int, list[str]]:
    """Load a temporary copy with the corpus loader: (articles found, reasons for skipped parts)."""
    from index.load import load_file

    with tempfile.TemporaryDirectory(prefix="tanya-upload-") as tmp:
        (Path(tmp) / name).write_bytes(data)
        articles, skipped = load_file(Path(tmp), name)
    return len(articles), [f"{s.path}: {s.reason}" for s in skipped]


def _store_upload(corpus_dir: Path, name: str, data: bytes) -> tuple[Path, bool]:
    """Write under corpus/telegram/, never over another file; (path, True) if it was already there."""
    folder = (corpus_dir / UPLOAD_FOLDER).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = name.rpartition(".")
    candidate, n = folder / name, 1
    while candidate.exists():
        if candidate.read_bytes() == data:
            return candidate, True
        n += 1
        candidate = folder / f"{stem}-{n}{dot}{suffix}"
    if candidate.resolve().parent != folder:  # belt and braces: safe_file_name already prevents it
        raise ValueError("nama file tidak aman")
    tmp = candidate.with_name(f".{candidate.name}.part")
    tmp.write_bytes(data)
    tmp.replace(candidate)
    return candidate, False


async def upload_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's .txt/.md/.html/.jsonl becomes part of the corpus and the index, at once."""
    message = update.effective_message
    settings = _settings(context)
    if not _is_admin(update, settings):
        await message.reply_text("Maaf, hanya admin yang boleh menambahkan artikel. File Anda tidak disimpan.")
        return
    document = message.document
    name = safe_file_name(document.file_name)
    suffix = Path(name).suffix.lower()
    if suffix not in _upload_suffixes():
        await message.reply_text(
            f"Jenis file <code>{suffix or '(tanpa akhiran)'}</code> tidak didukung. "
            f"Kirim salah satu: {_html(', '.join(sorted(_upload_suffixes())))}."
        )
        return
    limit = settings.max_upload_bytes
    if document.file_size and document.file_size > limit:
        await message.reply_text(f"File terlalu besar (maksimal {limit // 1024} KB).")
        return
    tg_file = await document.get_file()
    data = bytes(await tg_file.download_as_bytearray())
    if len(data) > limit:
        await message.reply_text(f"File terlalu besar (maksimal {limit // 1024} KB).")
        return
    count, problems = await asyncio.to_thread(_validate_upload, name, data)
    if count == 0:
        reasons = "\n".join(f"• {_html(p)}" for p in problems[:10]) or "• tidak ada teks artikel"
        await message.reply_text(f"File <code>{_html(name)}</code> tidak disimpan:\n{reasons}")
        return

    corpus_dir: Path = context.bot_data["corpus_dir"]
    path, existed = await asyncio.to_thread(_store_upload, corpus_dir, name, data)
    rel = path.relative_to(corpus_dir.resolve()).as_posix()
    if existed:
        await message.reply_text(f"File yang sama sudah ada di korpus sebagai <code>{_html(rel)}</code>.")
        return
    await _send_typing(message)
    from index.build import IndexWriteError
    from index.health import IndexTooNew
    from index.lock import LockTimeout

    try:
        async with context.bot_data["index_lock"]:
            summary = await asyncio.to_thread(_build_index, corpus_dir, context.bot_data["db_path"])
    except LockTimeout:
        log.warning("Unggahan %s disimpan, tetapi kunci indeks tidak didapat", rel)
        await message.reply_text(f"<code>{_html(rel)}</code>: {_html(INDEX_BUSY)}")
        return
    except (IndexWriteError, IndexTooNew) as exc:
        log.warning("Unggahan %s disimpan, tetapi indeks tidak diperbarui: %s", rel, exc)
        await message.reply_text(f"<code>{_html(rel)}</code> disimpan, tetapi indeks tidak diperbarui:\n"
                                 f"{_html(shorten(str(exc), 600))}")
        return
    log.info("Artikel ditambahkan lewat Telegram: %s (%d artikel)", rel, count)
    await message.reply_text(
        f"✅ Disimpan sebagai <code>{_html(rel)}</code> ({count} artikel).\n"
        f"<pre>{_html(shorten(summary.format(), 3000))}</pre>"
    )


def message_links(message: Message) -> list[str]:
    """The http(s) links in a message: Telegram's url and text_link entities, and any the text
    spells out (trailing punctuation is not part of a link), each once, in order."""
    found: list[str] = []
    entities = message.parse_entities([MessageEntity.URL, MessageEntity.TEXT_LINK]) if message.entities else {}
    for entity, text in entities.items():
        found.append(entity.url if entity.type == MessageEntity.TEXT_LINK and entity.url else text)
    found += _LINK_RE.findall(message.text or "")
    links: list[str] = []
    for link in found:
        link = link.rstrip(".,;:!?)]}")
        if re.match(r"^https?://", link, re.IGNORECASE) and link not in links:
            links.append(link)
    return links


async def add_links(update: Update, context: ContextTypes.DEFAULT_TYPE, links: list[str]) -> None:
    """An admin's links: fetched, saved under corpus/web/, indexed at once; the reply lists each."""
    from index.fetch import Fetcher, FetchSettings
    from index.links import ADDED, fetch_links

    message = update.effective_message
    try:
        fetcher = Fetcher(FetchSettings.from_env())
    except ValueError as exc:
        await message.reply_text(f"Pengaturan pengambilan tautan salah: {_html(str(exc))}")
        return
    corpus_dir: Path = context.bot_data["corpus_dir"]
    db_path: Path = context.bot_data["db_path"]
    taken, dropped = links[:MAX_LINKS], max(0, len(links) - MAX_LINKS)
    await _send_typing(message)
    typing = asyncio.create_task(_keep_typing(message))
    summary = None
    try:
        async with context.bot_data["links_lock"]:  # one batch at a time: duplicate checks stay true
            results = await asyncio.to_thread(fetch_links, taken, corpus_dir, db_path, fetcher)
        if any(r.outcome == ADDED for r in results):
            async with context.bot_data["index_lock"]:
                summary = await asyncio.to_thread(_build_index, corpus_dir, db_path)
    finally:
        typing.cancel()
    for r in results:
        log.info("Tautan dari admin %s: %s → %s %s", update.effective_user.id, r.url, r.outcome, r.path or r.detail)
    await message.reply_text(render_link_report(results, summary, dropped))


def _html(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def _build_index(corpus_dir: Path, db_path: Path):
    """Index in this process, without a worker pool.

    build_index forks workers for big batches; forking a process that runs an event loop and
    worker threads can deadlock the children (locks held by other threads are copied locked), so
    inside the bot we index sequentially. Uploads are small; `tanya index` keeps its parallelism.
    """
    from index.build import build_index

    return build_index(corpus_dir, db_path, workers=1, wait=UPLOAD_LOCK_WAIT)


# --------------------------------------------------------------------------------------------
# Errors, retries, lifecycle
# --------------------------------------------------------------------------------------------
async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure and apologise to the user; the bot itself stays up."""
    from index.health import IndexUnavailable

    unavailable = isinstance(context.error, IndexUnavailable)
    if unavailable:  # expected while the index is being repaired: one line, no traceback
        log.warning("Indeks tidak tersedia: %s", context.error)
    else:
        log.error("Kesalahan saat memproses update", exc_info=context.error)
    if not isinstance(update, Update) or isinstance(context.error, Forbidden):
        return
    apology = INDEX_UNAVAILABLE if unavailable else APOLOGY
    with contextlib.suppress(TelegramError):
        if update.callback_query:
            await update.callback_query.answer(apology, show_alert=True)
        elif update.inline_query:
            await update.inline_query.answer([], cache_time=0)
        elif update.effective_chat:
            await context.bot.send_message(update.effective_chat.id, apology)


class RetryingRateLimiter(AIORateLimiter):
    """AIORateLimiter retries flood control (429 RetryAfter); this also retries network errors.

    A read timeout is not retried for sending methods: the message may already have gone out.
    """

    def __init__(self, network_retries: int = 3, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._network_retries = network_retries

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # type: ignore[override]
        for attempt in range(self._network_retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest:
                raise
            except TimedOut:
                if endpoint.startswith("send") or attempt == self._network_retries:
                    raise
            except NetworkError:
                if endpoint == "getUpdates" or attempt == self._network_retries:
                    raise
            delay = min(0.5 * 2**attempt, 5.0)
            log.warning("Galat jaringan pada %s; mencoba lagi dalam %.1f detik", endpoint, delay)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")


COMMANDS = [
    BotCommand("tanya", "Ajukan pertanyaan tentang berita"),
    BotCommand("sumber", "Isi korpus: artikel, penerbit, tanggal"),
    BotCommand("baru", "Mulai percakapan baru (hapus konteks)"),
    BotCommand("bantuan", "Cara memakai bot ini"),
    BotCommand("start", "Sapaan dan contoh pertanyaan"),
]


async def post_init(application: Application) -> None:
    """Commands menu, SIGHUP → fresh engine, pid file for redeploy.sh."""
    bot = application.bot
    try:
        await bot.set_my_commands(COMMANDS)
    except TelegramError as exc:
        log.warning("setMyCommands gagal: %s", exc)
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
        loop.add_signal_handler(signal.SIGHUP, _reload_engine, application)
    pid_file: Path | None = application.bot_data["settings"].pid_file
    if pid_file:
        pid_file.parent.mkdir(parents=True, exist_ok=True)
        pid_file.write_text(f"{os.getpid()}\n")
    log.info("Bot @%s siap (indeks: %s)", bot.username, application.bot_data["db_path"])


async def post_shutdown(application: Application) -> None:
    pid_file: Path | None = application.bot_data["settings"].pid_file
    if pid_file:
        with contextlib.suppress(OSError):
            if pid_file.read_text().strip() == str(os.getpid()):
                pid_file.unlink()


def _reload_engine(application: Application) -> None:
    """SIGHUP: open the index afresh. The engine also notices new index generations by itself."""
    from bot.engine import Engine

    from index.health import IndexUnavailable

    try:
        application.bot_data["engine"] = Engine(application.bot_data["db_path"])
        log.info("Indeks dimuat ulang (SIGHUP)")
    except IndexUnavailable as exc:  # keep serving with the engine (and index) we have
        log.warning("Gagal memuat ulang indeks; tetap memakai yang lama: %s", exc)
    except Exception:  # noqa: BLE001 - keep serving with the engine we have
        log.exception("Gagal memuat ulang indeks; tetap memakai yang lama")


def build_application(settings: Settings, db_path: Path, corpus_dir: Path, engine) -> Application:
    """The Application with every handler registered; nothing is contacted yet."""
    application = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW))
        .rate_limiter(RetryingRateLimiter(overall_max_rate=settings.send_rate, max_retries=3, network_retries=3))
        .concurrent_updates(True)
        # On stop the updater asks getUpdates once more to mark what it fetched as read; with the
        # default single connection that call can find the cancelled long poll still holding it and
        # log a pool-timeout traceback at every shutdown. A second connection is always free for it.
        .get_updates_connection_pool_size(2)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    application.bot_data.update(
        settings=settings,
        engine=engine,
        db_path=Path(db_path),
        corpus_dir=Path(corpus_dir),
        index_lock=asyncio.Lock(),
        links_lock=asyncio.Lock(),
    )
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    new_text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND

    application.add_handler(TypeHandler(Update, gate), group=-1)
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler(["bantuan", "help"], help_command))
    application.add_handler(CommandHandler("sumber", sources_command))
    application.add_handler(CommandHandler(["baru", "reset"], reset_command))
    application.add_handler(CommandHandler("tanya", ask_command))
    application.add_handler(MessageHandler(filters.Document.ALL & private, upload_document))
    application.add_handler(MessageHandler(new_text & private, private_question))
    application.add_handler(MessageHandler(new_text & groups & ADDRESSED, group_question))
    application.add_handler(MessageHandler(filters.COMMAND & private, unknown_command))
    application.add_handler(CallbackQueryHandler(more_sources, pattern=r"^more:[0-9a-f]+$"))
    application.add_handler(CallbackQueryHandler(open_article, pattern=r"^art:\d+(:\d+)?$"))
    application.add_handler(CallbackQueryHandler(turn_article_page, pattern=r"^pg:\d+:\d+$"))
    application.add_handler(CallbackQueryHandler(feedback, pattern=r"^fb:[0-9a-f]+:-?1$"))
    application.add_handler(CallbackQueryHandler(stale_button))
    application.add_handler(InlineQueryHandler(inline_answer))
    application.add_error_handler(on_error)
    return application


def _fail(message: str, code: int = 2) -> int:
    print(f"tanya telegram: {message}", file=sys.stderr)
    return code


def run_telegram(
    db_path: Path,
    corpus_dir: Path,
    webhook_url: str | None,
    listen: str,
    port: int,
    secret_token: str | None,
) -> int:
    """Run the bot until SIGINT/SIGTERM: long polling, or webhooks when `webhook_url` is given.

    Returns the process exit code: 0 after a clean stop, 2 for bad settings, 1 when the Bot API
    cannot be reached or rejects the token.
    """
    try:
        settings = load_settings()
    except SettingsError as exc:
        return _fail(str(exc))
    configure_logging(settings)
    db_path, corpus_dir = Path(db_path), Path(corpus_dir)

    if webhook_url:
        if not re.match(r"^https?://", webhook_url):
            return _fail("--webhook harus berupa URL http(s)")
        secret_token = secret_token or os.environ.get("TELEGRAM_WEBHOOK_SECRET") or secrets.token_urlsafe(32)
        if not SECRET_TOKEN_RE.fullmatch(secret_token):
            return _fail("secret token webhook hanya boleh berisi A-Z, a-z, 0-9, _ dan - (1–256 karakter)")

    from bot.engine import Engine

    if not db_path.exists() and corpus_dir.is_dir():
        log.info("Indeks belum ada; membangunnya dari %s …", corpus_dir)
        try:
            log.info("%s", _build_index(corpus_dir, db_path).format())
        except Exception as exc:  # noqa: BLE001 - lock timeout, disk full …: one clear line
            return _fail(settings.redact(" ".join(str(exc).split())))
    try:
        engine = Engine(db_path)
    except Exception as exc:  # noqa: BLE001 - IndexMissing and friends: one clear line
        return _fail(settings.redact(str(exc)))

    application = build_application(settings, db_path, corpus_dir, engine)
    try:
        if webhook_url:
            application.run_webhook(
                listen=listen,
                port=port,
                url_path=urlparse(webhook_url).path.lstrip("/"),
                webhook_url=webhook_url,
                secret_token=secret_token,
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            application.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        return _fail("token ditolak oleh server Bot API; periksa TELEGRAM_BOT_TOKEN", 1)
    except (NetworkError, OSError) as exc:
        return _fail(f"tidak dapat terhubung ke server Bot API: {settings.redact(str(exc))}", 1)
    return 0
