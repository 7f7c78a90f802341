"""The renderer alone: Telegram-valid HTML, the 4,096 limit, escaping, verbatim trimmed quotes."""
from __future__ import annotations

import re

import pytest

from bot.answer import Answer, ArticleInfo, CorpusSummary, Quote
from bot.telegram_render import (
    ABSTAIN_TEXT,
    MAX_MESSAGE,
    callback,
    format_date,
    paginate,
    render_answer,
    render_article_page,
    render_more_sources,
    render_summary,
    trim_quote,
)
from tests.telegram_stub_server import check_telegram_html, tg_len

QUOTE = "Pada Juni 2024, Presiden Rusia Vladimir Putin melakukan kunjungan langka ke Pyongyang."


def quote(text: str = QUOTE, pid: int = 1, article: str = "a1", **kw) -> Quote:
    fields = dict(
        quote=text, article_id=article, title="Kim Jong Un bertemu Shoigu", source="INDONESIAUPDATES.COM",
        date="2024-09-14", path="000.txt", url="https://example.com/berita?id=1&x=2", score=1.0, passage_id=pid,
    )
    fields.update(kw)
    return Quote(**fields)


def answer(passages: list[Quote], short: str | None = "Juni 2024", **kw) -> Answer:
    return Answer(question="kapan Putin ke Pyongyang?", abstained=False, answer=short, passages=passages, **kw)


def callback_data(markup) -> list[str]:
    return [b.callback_data for row in markup.inline_keyboard for b in row if b.callback_data]


def pieces(trimmed: str) -> list[str]:
    return [p.strip() for p in trimmed.split("…") if p.strip()]


def test_answer_card_layout():
    text, markup = render_answer(answer([quote(highlights=[(5, 9)])]), token="0a1b2c3d")
    visible = check_telegram_html(text)
    assert text.startswith("<b>Juni 2024</b>")
    assert QUOTE in visible
    assert "<blockquote>" in text and "<u>Juni</u>" in text
    assert '<a href="https://example.com/berita?id=1&amp;x=2">Kim Jong Un bertemu Shoigu</a>' in text
    assert "INDONESIAUPDATES.COM" in visible and "14 September 2024" in visible
    data = callback_data(markup)
    assert "more:0a1b2c3d" in data and "art:1" in data and "fb:0a1b2c3d:1" in data and "fb:0a1b2c3d:-1" in data


def test_without_url_the_title_is_plain_text():
    text, _ = render_answer(answer([quote(url=None)]))
    assert "<a " not in text and "Kim Jong Un bertemu Shoigu" in text


def test_non_http_url_is_not_linked():
    text, _ = render_answer(answer([quote(url="javascript:alert(1)")]))
    assert "<a " not in text and "javascript" not in text


def test_abstention_is_polite_and_has_no_buttons():
    text, markup = render_answer(Answer("siapa juara Piala Dunia 2022?", True, None, []), token="0a1b2c3d")
    assert text == ABSTAIN_TEXT and markup is None
    assert "tidak ada di korpus" in check_telegram_html(text)


def test_everything_is_escaped():
    hostile = "<b>hai</b><script>alert('x')</script> & \"kutip\""
    q = quote(hostile, title="<i>judul</i> & co", source="<PENERBIT>", url='https://x.id/"><script>')
    text, _ = render_answer(Answer(hostile, False, "<b>jawaban</b>", [q], understood_as=hostile + " lagi"))
    visible = check_telegram_html(text)  # raises on any stray tag or entity
    assert "<script>" not in text and "<b>hai</b>" not in text
    assert hostile in visible and "<b>jawaban</b>" in visible and "<PENERBIT>" in visible


def test_long_quotes_and_many_entities_stay_within_the_limit():
    heavy = "Harga naik dari Rp 5.000 & Rp 7.000 <tajam> \"kata\" menteri 😀 " * 200  # ~12k chars, many entities
    quotes = [quote(heavy, pid=i, article=f"a{i}", title="T" * 500 + "&") for i in range(1, 6)]
    text, markup = render_answer(answer(quotes, short="A&B " * 300), token="ffffffff")
    assert tg_len(text) <= MAX_MESSAGE  # even the raw HTML fits, so the parsed text surely does
    visible = check_telegram_html(text)
    for block in re.findall(r"<blockquote>(.*?)</blockquote>", text, flags=re.S):
        shown = check_telegram_html(block)
        shown = re.sub(r"^\[\d\] ", "", shown)
        assert shown.endswith("…")
        for piece in pieces(shown):
            assert piece in heavy
    assert visible.count("[") >= 1
    assert all(len(d.encode()) <= 64 for d in callback_data(markup))


def test_trim_keeps_ellipsis_and_verbatim_pieces():
    text = " ".join(f"kata{i}" for i in range(400))
    trimmed, _ = trim_quote(text, 120)
    assert len(trimmed) <= 120 and trimmed.endswith("…")
    assert all(p in text for p in pieces(trimmed))
    # a quote the engine already trimmed keeps its own marks, and pieces stay verbatim
    engine_trimmed = "…awal kalimat yang dipotong. " + text
    trimmed, _ = trim_quote(engine_trimmed, 80)
    assert trimmed.startswith("…") and trimmed.count("…") == 2
    assert all(p in engine_trimmed for p in pieces(trimmed))


def test_trim_moves_the_window_to_the_highlight():
    text = "pembuka " * 100 + "Pyongyang adalah tujuan Putin. " + "penutup " * 100
    start = text.index("Pyongyang")
    trimmed, spans = trim_quote(text, 100, [(start, start + len("Pyongyang"))])
    assert trimmed.startswith("…") and trimmed.endswith("…") and "Pyongyang" in trimmed
    assert [trimmed[a:b] for a, b in spans] == ["Pyongyang"]
    assert all(p in text for p in pieces(trimmed))


def test_trim_moves_the_window_on_to_hold_the_answer():
    text = "Pyongyang " + "kalimat panjang " * 40 + "ujar Budi Santoso, juru bicara."
    start = text.index("Budi Santoso")
    trimmed, spans = trim_quote(text, 120, [(0, len("Pyongyang"))], keep=(start, start + len("Budi Santoso")))
    assert "Budi Santoso" in trimmed and trimmed.startswith("…") and len(trimmed) <= 120
    assert spans == [] and all(p in text for p in pieces(trimmed))  # the highlight left behind is dropped
    trimmed, spans = trim_quote(text, 120, [(0, len("Pyongyang"))])  # without it, the highlight leads
    assert trimmed.startswith("Pyongyang") and "Budi" not in trimmed


def test_callback_data_over_64_bytes_is_refused():
    assert callback("pg", 123456789, 99) == "pg:123456789:99"
    with pytest.raises(AssertionError):
        callback("x" * 65)


def test_several_articles_get_numbered_article_buttons():
    quotes = [quote(pid=10, article="a"), quote(pid=11, article="a"), quote(pid=20, article="b")]
    text, markup = render_answer(answer(quotes), token="01234567")
    labels = [b.text for row in markup.inline_keyboard for b in row]
    assert "📄 Artikel 1" in labels and "📄 Artikel 2" in labels
    assert "art:10" in callback_data(markup) and "art:20" in callback_data(markup)
    assert "[1]" in text and "[3]" in text


def test_article_pages_cover_the_article_and_link_each_other():
    paragraphs = [f"Paragraf {i}: " + "isi <berita> & lanjutan " * 40 for i in range(30)]
    info = ArticleInfo("a1", "Judul <panjang>", "PENERBIT", "2024-09-14", None, "a.txt", None)
    pages = paginate(paragraphs)
    assert len(pages) > 2
    seen = []
    for n in range(len(pages)):
        text, markup, shown = render_article_page(info, paragraphs, n, 77)
        assert shown == n and tg_len(text) <= MAX_MESSAGE
        visible = check_telegram_html(text)
        assert f"Halaman {n + 1}/{len(pages)}" in visible
        data = callback_data(markup)
        assert (f"pg:77:{n - 1}" in data) == (n > 0)
        assert (f"pg:77:{n + 1}" in data) == (n < len(pages) - 1)
        seen.extend(pages[n])
    assert " ".join(seen).split() == " ".join(paragraphs).split()


def test_article_page_out_of_range_is_clamped():
    info = ArticleInfo("a1", None, None, None, None, "a.txt", None)
    text, markup, shown = render_article_page(info, ["satu", "dua"], 9, 1)
    assert shown == 0 and markup is None and "satu" in text


def test_summary():
    summary = CorpusSummary(5, 40, [("INDONESIAUPDATES.COM", 3), ("<Kompas>", 2)], "2024-09-14", "2024-10-01")
    sources = [ArticleInfo(f"a{i}", f"Judul {i}", "X", f"2024-09-{10 + i}", None, f"{i}.txt", None) for i in range(12)]
    visible = check_telegram_html(render_summary(summary, sources))
    assert "5 artikel" in visible and "<Kompas>" in visible and "14 September 2024 – 1 Oktober 2024" in visible
    many = CorpusSummary(10_000, 1, [(f"Penerbit {'x' * 200} {i}", 1) for i in range(500)], None, None)
    assert tg_len(render_summary(many)) <= MAX_MESSAGE


def test_more_sources():
    text = render_more_sources("kapan <Putin>?", [quote()])
    assert "kapan <Putin>?" in check_telegram_html(text)
    assert "Tidak ada sumber lain" in render_more_sources("x", [])


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("2024-09-14", "14 September 2024"), ("2024-06-01T08:30", "1 Juni 2024, 08.30"), ("2024-06", "Juni 2024"), ("kemarin", "kemarin"), (None, None)],
)
def test_format_date(raw, shown):
    assert format_date(raw) == shown


def test_attribution_without_title_links_the_publisher_and_hides_the_file_name():
    text, _ = render_answer(answer([quote(title=None)]))
    assert '<i><a href="https://example.com/berita?id=1&amp;x=2">INDONESIAUPDATES.COM</a></i>' in text
    assert "000.txt" not in text
    bare, _ = render_answer(answer([quote(title=None, source=None, url=None)]))
    assert "000.txt" in check_telegram_html(bare)
