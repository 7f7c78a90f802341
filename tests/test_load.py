"""Reading every corpus format; bad files become Skipped with an Indonesian reason, never a crash."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from index.load import SUPPORTED_SUFFIXES, discover, load_file
from index.prepare import prepare
from index.segment import normalise_whitespace

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PARA = "Harga beras di Jakarta naik 2,5 persen pada Senin (4/3/2024), kata pedagang di Pasar Induk Cipinang."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only(corpus: Path, rel: str):
    articles, skipped = load_file(corpus, rel)
    assert not skipped, skipped
    assert len(articles) == 1
    return articles[0]


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}


def test_discover_recursive_sorted_skips_hidden_and_metadata(tmp_path):
    write(tmp_path / "b.txt", PARA)
    write(tmp_path / "a.md", PARA)
    write(tmp_path / "sub" / "deeper" / "c.html", "<p>x</p>")
    write(tmp_path / "sub" / "d.jsonl", "{}")
    write(tmp_path / ".hidden.txt", PARA)
    write(tmp_path / ".git" / "e.txt", PARA)
    write(tmp_path / "_metadata.json", "{}")
    write(tmp_path / "notes.pdf", b"%PDF")
    write(tmp_path / "UPPER.TXT", PARA)
    rels = [f.rel for f in discover(tmp_path)]
    assert rels == sorted(rels)
    assert set(rels) == {"UPPER.TXT", "a.md", "b.txt", "sub/d.jsonl", "sub/deeper/c.html"}
    f = next(f for f in discover(tmp_path) if f.rel == "b.txt")
    assert f.path == tmp_path / "b.txt"


def test_fingerprint_changes_with_file_and_folder_metadata(tmp_path):
    path = write(tmp_path / "a.txt", PARA)
    first = discover(tmp_path)[0].fingerprint
    assert discover(tmp_path)[0].fingerprint == first
    write(tmp_path / "_metadata.json", json.dumps({"a.txt": {"title": "X"}}))
    second = discover(tmp_path)[0].fingerprint
    assert second != first
    write(tmp_path / "_metadata.json", json.dumps({"a.txt": {"title": "Judul lain yang lebih panjang"}}))
    assert discover(tmp_path)[0].fingerprint != second
    third = discover(tmp_path)[0].fingerprint
    path.write_text(PARA + " Tambahan.", encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    assert discover(tmp_path)[0].fingerprint != third


def test_bundled_corpus_loads():
    files = discover(CORPUS)
    assert len(files) == 5
    for f in files:
        article = only(CORPUS, f.rel)
        assert article.article_id == f.rel == article.path
        assert article.text == (CORPUS / f.rel).read_text(encoding="utf-8")


def test_txt_plain(tmp_path):
    write(tmp_path / "berita.txt", PARA + "\n")
    article = only(tmp_path, "berita.txt")
    assert article.text == PARA + "\n" and article.title is None and article.article_id == "berita.txt"


def test_front_matter(tmp_path):
    text = (
        "---\n"
        'title: "Harga Beras Naik"\n'
        "source: Kabar Kita\n"
        "url: https://kabarkita.id/beras\n"
        "date: 4 Maret 2024\n"
        "author: 'Budi Santoso'\n"
        "category: ekonomi\n"
        "---\n"
        "# Harga Beras Naik\n\n" + PARA + "\n"
    )
    for name in ("a.md", "b.txt", "c.markdown"):
        write(tmp_path / name, text)
        article = only(tmp_path, name)
        assert article.title == "Harga Beras Naik" and article.source == "Kabar Kita"
        assert article.url == "https://kabarkita.id/beras" and article.date == "2024-03-04"
        assert article.author == "Budi Santoso" and article.extra == {"category": "ekonomi"}
        assert "---" not in article.text and "title:" not in article.text
        assert article.text.startswith("# Harga Beras Naik")
        _, passages = prepare(article)
        assert [p.text for p in passages] == [PARA]
        for p in passages:
            assert p.text in normalise_whitespace(article.text)


def test_front_matter_only_has_no_text(tmp_path):
    write(tmp_path / "a.md", "---\ntitle: Kosong\n---\n\n")
    assert load_file(tmp_path, "a.md")[1][0].reason == "tidak ada teks"


def test_html(tmp_path):
    html = f"""<!doctype html><html><head><title>Harga Beras Naik Tajam - Kabar Kita</title>
    <meta name="author" content="Budi Santoso">
    <meta property="og:site_name" content="Kabar Kita">
    <meta property="og:title" content="Harga Beras Naik Tajam">
    <meta property="article:published_time" content="2024-03-04T10:15:00+07:00">
    <link rel="canonical" href="https://kabarkita.id/ekonomi/beras"></head>
    <body><nav><a href="/">Beranda</a> <a href="/e">Ekonomi</a> <a href="/o">Olahraga</a></nav>
    <article><h1>Harga Beras Naik Tajam</h1>
    <p>{PARA}</p>
    <p>Pemerintah menyiapkan 1.500 ton beras untuk operasi pasar di seluruh wilayah ibu kota menjelang Ramadan.</p>
    <p>Menteri Perdagangan berjanji harga akan kembali normal sebelum Lebaran tahun ini, ujarnya kepada wartawan.</p>
    </article><footer>Hak cipta 2024 Kabar Kita. Semua hak dilindungi.</footer></body></html>"""
    write(tmp_path / "halaman.html", html)
    article = only(tmp_path, "halaman.html")
    assert article.title == "Harga Beras Naik Tajam"
    assert article.date == "2024-03-04"
    assert article.author == "Budi Santoso"
    assert article.source == "Kabar Kita"
    assert article.url == "https://kabarkita.id/ekonomi/beras"
    assert PARA in article.text and "\n\n" in article.text
    assert "Beranda" not in article.text
    _, passages = prepare(article)
    assert any(p.text == PARA for p in passages)


def test_html_without_text(tmp_path):
    write(tmp_path / "kosong.htm", "<html><body><nav>Beranda</nav></body></html>")
    articles, skipped = load_file(tmp_path, "kosong.htm")
    assert articles == [] and skipped[0].reason == "tidak ada teks"


def test_jsonl(tmp_path):
    rows = [
        {"id": "a1", "title": "Judul Satu", "text": PARA, "source": "kompas", "url": "https://k.id/1",
         "date": "2017-03-28", "category": "ekonomi"},
        {"title": "Tanpa id", "paragraphs": ["Paragraf pertama berisi fakta.", "Paragraf kedua juga."], "author": "Dina"},
        {"id": "a3", "title": "Tanpa teks"},
        "bukan objek",
    ]
    lines = [json.dumps(r) for r in rows]
    lines.insert(2, "{rusak")
    lines.insert(1, "")
    write(tmp_path / "data.jsonl", "\n".join(lines) + "\n")
    articles, skipped = load_file(tmp_path, "data.jsonl")
    assert [a.article_id for a in articles] == ["a1", "data.jsonl:3"]
    a1, a2 = articles
    assert a1.path == a2.path == "data.jsonl"
    assert (a1.title, a1.source, a1.url, a1.date, a1.extra) == ("Judul Satu", "kompas", "https://k.id/1", "2017-03-28", {"category": "ekonomi"})
    assert a2.text == "Paragraf pertama berisi fakta.\n\nParagraf kedua juga." and a2.author == "Dina"
    assert {(s.path, s.reason) for s in skipped} == {
        ("data.jsonl:4", "baris JSONL tidak valid"),
        ("data.jsonl:5", "tidak ada teks"),
        ("data.jsonl:6", "baris JSONL bukan objek JSON"),
    }


def test_metadata_file_overrides(tmp_path):
    write(tmp_path / "sub" / "berita.md", "---\ntitle: Judul Front Matter\nauthor: Andi\n---\n" + PARA)
    write(tmp_path / "sub" / "data.jsonl", json.dumps({"id": "x", "text": PARA, "source": "asal"}) + "\n")
    write(tmp_path / "sub" / "_metadata.json", json.dumps({
        "berita.md": {"title": "Judul Operator", "date": "05/09/2023", "source": "Kabar Kita"},
        "data.jsonl": {"source": "Sumber Operator"},
    }))
    article = only(tmp_path, "sub/berita.md")
    assert (article.title, article.author, article.date, article.source) == ("Judul Operator", "Andi", "2023-09-05", "Kabar Kita")
    assert only(tmp_path, "sub/data.jsonl").source == "Sumber Operator"
    article, _ = prepare(article)
    assert article.date == "2023-09-05"  # the text says Senin (4/3/2024); the operator wins


def test_bad_metadata_file_is_ignored(tmp_path):
    write(tmp_path / "a.txt", PARA)
    write(tmp_path / "_metadata.json", "{ini bukan json")
    assert only(tmp_path, "a.txt").title is None


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "berkas kosong"),
        (b"   \n\n\t ", "berkas kosong"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "tidak dapat didekode sebagai teks"),
        (bytes(range(1, 32)) * 40, "tidak dapat didekode sebagai teks"),
        (os.urandom(4096) + b"\x00", "tidak dapat didekode sebagai teks"),
    ],
)
def test_bad_files_are_skipped(tmp_path, content, reason):
    write(tmp_path / "x.txt", content)
    articles, skipped = load_file(tmp_path, "x.txt")
    assert articles == [] and [(s.path, s.reason) for s in skipped] == [("x.txt", reason)]


def test_missing_file_is_skipped(tmp_path):
    articles, skipped = load_file(tmp_path, "tidak-ada.txt")
    assert articles == [] and skipped[0].reason.startswith("tidak dapat dibaca")


@pytest.mark.parametrize(
    "encoded",
    [
        ("Sabtu café, Kim bertemu Shoigu.").encode("latin-1"),
        ("Sabtu café, Kim bertemu Shoigu.").encode("cp1252"),
        ("Sabtu café, Kim bertemu Shoigu.").encode("utf-8"),
        b"\xef\xbb\xbf" + ("Sabtu café, Kim bertemu Shoigu.").encode("utf-8"),
        ("Sabtu café, Kim bertemu Shoigu.").encode("utf-16"),
        b"\xfe\xff" + ("Sabtu café, Kim bertemu Shoigu.").encode("utf-16-be"),
    ],
)
def test_decoding(tmp_path, encoded):
    write(tmp_path / "x.txt", encoded)
    assert only(tmp_path, "x.txt").text == "Sabtu café, Kim bertemu Shoigu."


def test_cp1252_quotes(tmp_path):
    write(tmp_path / "x.txt", "“Kami siap,” kata Belousov – Senin.".encode("cp1252"))
    assert only(tmp_path, "x.txt").text == "“Kami siap,” kata Belousov – Senin."
