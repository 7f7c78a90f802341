"""Answer → Telegram message: HTML text plus inline keyboard. Pure: no I/O, no bot.

Why so careful: Telegram rejects a whole message whose HTML is malformed or longer than 4,096
characters, so every piece of article and user text is escaped, and quotes are trimmed on the
raw text (before escaping) so that a cut can never fall inside a tag or an entity.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answer import Answer, ArticleInfo, CorpusSummary, Quote
from bot.quotes import ELLIPSIS, trim_quote

MAX_MESSAGE = 4096
MAX_CALLBACK_DATA = 64
MIN_QUOTE = 40  # below this a quote is not worth showing; drop quotes instead
MAX_TITLE = 160
MAX_ANSWER = 600
ARTICLE_PAGE = 3300

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

ABSTAIN_TEXT = (
    "Maaf, jawaban untuk pertanyaan itu <b>tidak ada di korpus</b> berita saya.\n"
    "Coba tanyakan dengan kata lain, atau lihat /sumber untuk mengetahui isi korpus."
)


def tg_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def callback(*parts: object) -> str:
    """Join callback data parts; Telegram refuses anything above 64 bytes, so check it here."""
    data = ":".join(str(p) for p in parts)
    assert len(data.encode("utf-8")) <= MAX_CALLBACK_DATA, data
    return data


def format_date(value: str | None) -> str | None:
    """ISO date (optionally with time) → '14 September 2024'; anything else unchanged."""
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", value)
    if not m or not 1 <= int(m.group(2)) <= 12:
        m2 = re.match(r"^(\d{4})-(\d{2})$", value)
        if m2 and 1 <= int(m2.group(2)) <= 12:
            return f"{MONTHS[int(m2.group(2)) - 1]} {m2.group(1)}"
        return value
    text = f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    if m.group(4):
        text += f", {m.group(4)}.{m.group(5)}"
    return text


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with "…" marking the cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + ELLIPSIS


def _highlighted(text: str, highlights: Sequence[tuple[int, int]]) -> str:
    """Escaped `text` with the highlight spans in <u> (spans are merged and clipped)."""
    out, pos = [], 0
    for a, b in sorted(highlights):
        a, b = max(a, pos), min(b, len(text))
        if a >= b:
            continue
        out.append(esc(text[pos:a]))
        out.append(f"<u>{esc(text[a:b])}</u>")
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def attribution(quote: Quote | ArticleInfo) -> str:
    """'— PUBLISHER · <a>Title</a> · 14 September 2024' in HTML.

    The link goes on the title, or on the publisher when the article has no title; the file
    name stands in only when there is neither.
    """
    url = quote.url if quote.url and re.match(r"^https?://", quote.url) else None

    def linked(text: str) -> str:
        return f'<a href="{esc(url)}">{esc(text)}</a>' if url else esc(text)

    title = quote.title or (None if quote.source else quote.path)
    parts = []
    if quote.source:
        source = shorten(quote.source, 60)
        parts.append(f"<i>{esc(source) if title else linked(source)}</i>")
    if title:
        parts.append(linked(shorten(title, MAX_TITLE)))
    date = format_date(quote.date)
    if date:
        parts.append(esc(date))
    return "— " + " · ".join(parts)


def _quote_block(number: int | None, quote: Quote, limit: int) -> str:
    text, spans = trim_quote(quote.quote, limit, quote.highlights)
    label = f"[{number}] " if number is not None else ""
    return f"<blockquote>{label}{_highlighted(text, spans)}</blockquote>\n{attribution(quote)}"


def _fit_quotes(head: str, quotes: Sequence[Quote], tail: str = "", numbered: bool = True) -> str:
    """head + quote blocks + tail within MAX_MESSAGE, trimming the longest quotes first."""
    quotes = list(quotes)
    while True:
        def build(limit: int) -> str:
            blocks = [
                _quote_block(i + 1 if numbered and len(quotes) > 1 else None, q, limit)
                for i, q in enumerate(quotes)
            ]
            return "\n\n".join([p for p in [head, *blocks, tail] if p])

        longest = max((len(q.quote) for q in quotes), default=0)
        text = build(longest)
        if tg_len(text) <= MAX_MESSAGE:
            return text
        lo, hi = MIN_QUOTE, longest  # largest per-quote limit that fits
        if tg_len(build(lo)) <= MAX_MESSAGE:
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if tg_len(build(mid)) <= MAX_MESSAGE:
                    lo = mid
                else:
                    hi = mid - 1
            return build(lo)
        if not quotes:
            return shorten(head, MAX_MESSAGE - 10)
        quotes.pop()  # even short quotes do not fit: show fewer


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def render_answer(answer: Answer, token: str | None = None) -> tuple[str, InlineKeyboardMarkup | None]:
    """The answer card; with `token` (the key of the stored answer) also its buttons."""
    if answer.abstained:
        return ABSTAIN_TEXT, None
    if answer.answer:
        head = f"<b>{esc(shorten(answer.answer, MAX_ANSWER))}</b>"
    else:
        head = "Berikut kutipan yang paling relevan:"
    if answer.understood_as and _words(answer.understood_as) != _words(answer.question):
        head += f"\n<i>Dipahami sebagai: {esc(shorten(answer.understood_as, 300))}</i>"
    text = _fit_quotes(head, answer.passages)
    markup = answer_keyboard(answer, token) if token else None
    return text, markup


def answer_keyboard(answer: Answer, token: str) -> InlineKeyboardMarkup:
    """More sources, the full article(s) behind the quotes, and 👍/👎 feedback."""
    first_row = [InlineKeyboardButton("📚 Sumber lain", callback_data=callback("more", token))]
    seen: dict[str, int] = {}
    for q in answer.passages:
        if q.article_id not in seen:
            seen[q.article_id] = q.passage_id
    article_buttons = [
        InlineKeyboardButton(
            "📄 Artikel lengkap" if len(seen) == 1 else f"📄 Artikel {i + 1}",
            callback_data=callback("art", pid),
        )
        for i, pid in enumerate(list(seen.values())[:4])
    ]
    rows = [first_row + article_buttons[:1], article_buttons[1:]] if len(article_buttons) <= 2 else [
        first_row,
        article_buttons,
    ]
    rows.append(
        [
            InlineKeyboardButton("👍", callback_data=callback("fb", token, 1)),
            InlineKeyboardButton("👎", callback_data=callback("fb", token, -1)),
        ]
    )
    return InlineKeyboardMarkup([r for r in rows if r])


def render_more_sources(question: str, quotes: Sequence[Quote]) -> str:
    if not quotes:
        return "Tidak ada sumber lain di korpus untuk pertanyaan ini."
    head = f"Sumber lain untuk: <i>{esc(shorten(question, 300))}</i>"
    return _fit_quotes(head, quotes)


def split_long(text: str, limit: int) -> list[str]:
    """Split a paragraph longer than `limit` at word boundaries (verbatim pieces)."""
    pieces = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        pieces.append(text)
    return pieces


def paginate(paragraphs: Sequence[str], page_size: int = ARTICLE_PAGE) -> list[list[str]]:
    """Group paragraphs into pages of at most `page_size` characters (escaped length)."""
    pages: list[list[str]] = [[]]
    size = 0
    for para in paragraphs:
        for piece in split_long(" ".join(para.split()), page_size // 2):
            cost = len(esc(piece)) + 2
            if pages[-1] and size + cost > page_size:
                pages.append([])
                size = 0
            pages[-1].append(piece)
            size += cost
    return pages if pages[-1] else pages[:-1] or [[]]


def render_article_page(
    info: ArticleInfo, paragraphs: Sequence[str], page: int, passage_id: int
) -> tuple[str, InlineKeyboardMarkup | None, int]:
    """One page of a full article with ◀/▶ buttons. Returns (text, keyboard, page actually shown)."""
    pages = paginate(paragraphs)
    page = min(max(page, 0), len(pages) - 1)
    head = f"<b>{esc(shorten(info.title or info.source or info.path, MAX_TITLE))}</b>\n{attribution(info)}"
    if len(pages) > 1:
        head += f"\n<i>Halaman {page + 1}/{len(pages)}</i>"
    body = "\n\n".join(esc(p) for p in pages[page]) or "<i>(artikel kosong)</i>"
    text = f"{head}\n\n{body}"
    if tg_len(text) > MAX_MESSAGE:  # only with pathological titles or emoji-heavy text
        text = f"{head}\n\n{esc(shorten(' '.join(pages[page]), MAX_MESSAGE - tg_len(head) - 100))}"
    buttons = []
    if page > 0:
        buttons.append(InlineKeyboardButton("◀️ Sebelumnya", callback_data=callback("pg", passage_id, page - 1)))
    if page < len(pages) - 1:
        buttons.append(InlineKeyboardButton("Berikutnya ▶️", callback_data=callback("pg", passage_id, page + 1)))
    return text, InlineKeyboardMarkup([buttons]) if buttons else None, page


def render_summary(summary: CorpusSummary, sources: Sequence[ArticleInfo] = ()) -> str:
    """/sumber: how many articles, from which publishers, over which dates."""
    lines = [f"📚 Korpus berisi <b>{summary.articles}</b> artikel ({summary.passages} paragraf)."]
    first = format_date((summary.first_date or "")[:10])
    last = format_date((summary.last_date or "")[:10])
    if first and last:
        lines.append(f"Rentang tanggal: {esc(first)} – {esc(last)}.")
    if summary.publishers:
        lines.append("")
        lines.append(f"<b>Penerbit</b> ({len(summary.publishers)}):")
        for name, count in summary.publishers[:15]:
            lines.append(f"• {esc(shorten(name, 60))} — {count} artikel")
        if len(summary.publishers) > 15:
            lines.append(f"• … dan {len(summary.publishers) - 15} penerbit lain")
    recent = sorted((a for a in sources if a.date), key=lambda a: a.date or "", reverse=True)[:8]
    if recent:
        lines.append("")
        lines.append("<b>Artikel terbaru</b>:")
        for a in recent:
            label = a.title or (f"artikel {a.source}" if a.source else a.path)
            lines.append(f"• {esc(shorten(label, 100))} ({esc(format_date((a.date or '')[:10]))})")
    text = "\n".join(lines)
    while tg_len(text) > MAX_MESSAGE and len(lines) > 1:
        lines.pop()
        text = "\n".join(lines)
    return text



def render_link_report(results: Sequence, summary=None, dropped: int = 0) -> str:
    """What an admin's links became: added (with title and file), already there, failed (with the
    reason). `results` are `index.links.LinkResult`s; kept within one message."""
    sections = (("added", "✅ Ditambahkan"), ("exists", "ℹ️ Sudah ada, tidak ditambahkan"), ("failed", "❌ Gagal"))
    lines: list[str] = []
    for outcome, label in sections:
        items = [r for r in results if r.outcome == outcome]
        if not items:
            continue
        lines.append(f"<b>{label} ({len(items)})</b>")
        for r in items:
            url = esc(shorten(r.url, 200))
            if outcome == "added":
                meta = ", ".join(esc(x) for x in (r.source, format_date(r.date)) if x)
                title = f"<i>{esc(shorten(r.title or '', MAX_TITLE))}</i> — " if r.title else ""
                lines.append(f"• {title}{meta}\n  {url}\n  → <code>{esc(r.path)}</code>")
            elif outcome == "exists":
                lines.append(f"• {url}\n  {esc(r.detail)}: <code>{esc(r.path)}</code>")
            else:
                lines.append(f"• {url}\n  {esc(r.detail)}")
    if dropped:
        lines.append(f"({dropped} tautan lain tidak diproses: paling banyak {len(results)} tautan per pesan.)")
    if summary is not None:
        lines.append(f"📚 Indeks: {summary.articles} artikel. Artikel baru langsung bisa ditanyakan.")
    elif not any(r.outcome == "added" for r in results):
        lines.append("Tidak ada artikel baru; indeks tidak berubah.")
    text = "\n".join(lines)
    while tg_len(text) > MAX_MESSAGE and len(lines) > 1:  # very long reasons: drop from the end
        lines = lines[:-2] + ["…"]
        text = "\n".join(lines)
    return text
