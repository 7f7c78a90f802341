"""Metadata the text itself states (never guessed), filled in without overriding what was given."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from index.article import Article
from index.clean import clean, normalise_date, resolve_weekday_date
from index.load import load_file
from index.prepare import prepare
from index.segment import normalise_whitespace

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
INDOSUM = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "indosum" / "articles.jsonl"
NAMES = sorted(p.name for p in CORPUS.glob("*.txt"))

EXPECTED = {
    0: dict(title=None, source="INDONESIAUPDATES.COM", date="2024-09-14", author=None, editor=None),
    1: dict(title="Kim Puji Hubungan Korut-Rusia Jelang Kemungkinan Kunjungan Putin", source=None,
            date="2024-06-12", author=None, editor=None),
    2: dict(title="Berencana Kunjungi Rusia, Kim Jong Un Dikabarkan akan Bahas Penyediaan Senjata untuk Perang di Ukraina",
            source="PR DEPOK", date="2023-09-05T20:37", author=None, editor="Linda Agnesia"),
    3: dict(title="Korea Utara Tetap Menjadi Sekutu Utama Rusia Dalam Invasi Ukraina", source="Yahoo Berita",
            date=None, author="Azeem", editor=None),
    4: dict(title="Rusia dan Korea Utara Perkuat Kerja Sama Militer di Tengah Ketegangan Global", source="Pantau",
            date="2024-11-29", author="Kaorie Zeto Hapki", editor="Kaorie Zeto Hapki"),
}


@pytest.mark.parametrize("index", sorted(EXPECTED))
def test_bundled_metadata(index):
    [article], _ = load_file(CORPUS, NAMES[index])
    article, passages = prepare(article)
    expected = EXPECTED[index]
    got = dict(title=article.title, source=article.source, date=article.date, author=article.author,
               editor=article.extra.get("editor"))
    assert got == expected
    assert article.url is None


def test_prepare_never_overrides_given_metadata():
    text = (CORPUS / NAMES[4]).read_text(encoding="utf-8")
    given = Article("x", "x.txt", text, title="Judul Operator", source="Operator", date="2020-01-01",
                    author="Penulis Operator", extra={"editor": "Editor Operator"})
    article, _ = prepare(given)
    assert (article.title, article.source, article.date, article.author, article.extra["editor"]) == (
        "Judul Operator", "Operator", "2020-01-01", "Penulis Operator", "Editor Operator")
    assert given.extra == {"editor": "Editor Operator"}
    partial, _ = prepare(Article("y", "y.txt", text, source="Operator"))
    assert partial.source == "Operator" and partial.author == "Kaorie Zeto Hapki"


def test_weekday_without_year():
    # 001: "Rabu (12/6)" and the latest year mentioned is 2023 → the next Wednesday 12 June is 2024.
    assert resolve_weekday_date(2, 12, 6, "… 13 September 2023 …") == "2024-06-12"
    assert resolve_weekday_date(2, 12, 6, "tanpa tahun") is None
    # Monday 12 June is 2023 itself
    assert resolve_weekday_date(0, 12, 6, "pada 2023") == "2023-06-12"
    # 29 February on a Friday: none within the window after 2021 (2024-02-29 is a Thursday)
    assert resolve_weekday_date(4, 29, 2, "tahun 2021") is None
    assert resolve_weekday_date(3, 29, 2, "tahun 2021") == "2024-02-29"
    assert resolve_weekday_date(3, 31, 2, "tahun 2021") is None
    # A span's end is no year of writing: Thursday 11 August in a text on "periode 2005-2010" is 2005's.
    assert resolve_weekday_date(3, 11, 8, "pelantikan Bupati periode 2005-2010, Kamis (11/8)") == "2005-08-11"
    assert resolve_weekday_date(3, 11, 8, "musim 2004 – 2005 berakhir") == "2005-08-11"
    text = "Menteri berbicara pada Kamis (7/3). Rencana disusun sejak 2023."
    assert clean(text).metadata["date"] == "2024-03-07"


def test_dates_and_bylines_stated_in_text():
    text = (
        "Oleh Siti Rahma\n\nJakarta, CNN Indonesia -- Presiden bertemu menteri pada Selasa (5/3/2024) di Istana.\n\n"
        "Pertemuan berlangsung tertutup selama dua jam dan membahas harga pangan.\n\nRedaktur: Andi Wijaya\n"
    )
    meta = clean(text).metadata
    assert meta == {"author": "Siti Rahma", "editor": "Andi Wijaya", "date": "2024-03-05", "source": "CNN Indonesia"}
    assert clean("JAKARTA - Harga cabai turun pada Senin (4/3/2024) kata pedagang.").metadata.get("source") is None
    assert clean("Jakarta (ANTARA) - Harga cabai turun tajam di pasar, kata pedagang.").metadata["source"] == "ANTARA"
    assert clean("Oleh karena itu, harga naik di semua pasar.").metadata == {}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-09-14", "2024-09-14"),
        ("2024-09-14T10:20:00+07:00", "2024-09-14T10:20"),
        ("14/9/2024", "2024-09-14"),
        ("5 September 2023, 20:37 WIB", "2023-09-05T20:37"),
        ("Senin, 4 Maret 2024 | 10:15 WIB", "2024-03-04T10:15"),
        ("29 Nov 2024", "2024-11-29"),
        ("31/2/2024", None),
        ("kemarin", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_indosum_all_articles():
    if not INDOSUM.exists():
        pytest.skip(f"IndoSum not present at {INDOSUM} (it lives in ../shared/datasets beside the project)")
    articles, skipped = load_file(INDOSUM.parent, INDOSUM.name)
    assert len(articles) == 3463 and skipped == []
    started = time.perf_counter()
    total = 0
    for article in articles:
        prepared, passages = prepare(article)
        assert prepared.title == article.title and prepared.date == article.date  # JSONL wins
        assert passages, article.article_id
        full = normalise_whitespace(article.text)
        for p in passages:
            assert p.text == normalise_whitespace(article.text[p.start:p.end])
            assert p.text in full
            assert p.sentences and all(0 <= s < e <= len(p.text) for s, e in p.sentences)
        total += len(passages)
    per_article_ms = (time.perf_counter() - started) / len(articles) * 1000
    assert total > 20_000
    assert per_article_ms < 10, per_article_ms  # target well under 5 ms; loose bound for slow CI
