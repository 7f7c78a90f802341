"""The cleaner on the bundled corpus and on pages it has never seen: chrome out, facts kept."""
from __future__ import annotations

from pathlib import Path

import pytest

from index.clean import clean
from index.prepare import prepare
from index.load import load_file
from index.segment import normalise_whitespace

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NAMES = sorted(p.name for p in CORPUS.glob("*.txt"))

CHROME = [
    "Baca Juga", "Baca lebih lanjut dari", "Tautan-tautan Akses", "HOME", "SHARE", "Forum", "Recommended",
    "Recent Posts", "Tags", "Terkini", "Terpopuler", "IKUTI INDONESIAUPDATES.COM DI GOOGLE NEWS",
    "Selamat datang! Saya seorang penulis berita gaming", "Penulis :", "Editor :", "Editor:", "Sumber:",
    "Tutorial Mendengarkan Musik", "Warung Bakso", "Biden Minta China Cegah Eskalasi",
]
SIZE_LABELS = ["XS", "SM", "MD", "LG"]


def _passages(name: str):
    [article], skipped = load_file(CORPUS, name)
    assert not skipped
    return prepare(article)


@pytest.fixture(scope="module")
def bundled():
    return {name: _passages(name) for name in NAMES}


def test_bundled_corpus_present():
    assert len(NAMES) == 5


@pytest.mark.parametrize("name", NAMES)
def test_blocks_are_exact_slices(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    blocks = clean(text).blocks
    assert blocks
    for b in blocks:
        assert b.text == text[b.start:b.end]
        assert b.text == b.text.strip() and b.kind in ("paragraph", "heading", "caption")
    assert all(a.end <= b.start for a, b in zip(blocks, blocks[1:]))


@pytest.mark.parametrize("name", NAMES)
def test_no_chrome_in_passages(bundled, name):
    article, passages = bundled[name]
    assert passages
    for p in passages:
        for chrome in CHROME:
            assert chrome not in p.text, (chrome, p.text[:120])
        assert p.text not in SIZE_LABELS
        assert not p.text.startswith("Azeem") and "Kaorie Zeto Hapki" not in p.text
        assert p.text != article.title or p.kind == "caption"


@pytest.mark.parametrize("name", NAMES)
def test_passages_verbatim(bundled, name):
    article, passages = bundled[name]
    full = normalise_whitespace(article.text)
    for p in passages:
        assert p.text == normalise_whitespace(article.text[p.start:p.end])
        assert p.text in full
        assert "\u00a0" not in p.text
        for s, e in p.sentences:
            assert 0 <= s < e <= len(p.text)


def test_captions_deduplicated_and_marked(bundled):
    _, passages = bundled[NAMES[1]]
    captions = [p.text for p in passages if p.kind == "caption"]
    assert len(captions) == 2 and len(set(captions)) == 2
    assert captions[0].startswith("Bendera Rusia dan Korea Utara berkibar")
    assert captions[1].endswith("(Foto: KCNA via Reuters)")
    _, passages = bundled[NAMES[2]]
    assert [p.text for p in passages if p.kind == "caption"] == ["Pemimpin Korea Utara Kim Jong Un. /KCNA via REUTERS/"]
    _, passages = bundled[NAMES[3]]
    assert sum(p.kind == "caption" for p in passages) == 4  # (KCNA), (KCNA via Reuters), two Getty Images
    _, passages = bundled[NAMES[4]]
    [caption] = [p for p in passages if p.kind == "caption"]
    assert caption.text.startswith("Foto: Menteri Pertahanan Rusia") and caption.text.endswith("(Getty)")


def test_headings_join_their_paragraph(bundled):
    _, passages = bundled[NAMES[2]]
    [p] = [p for p in passages if p.heading == "Negosiasi Terus Berlanjut"]
    assert p.text.startswith("Negosiasi Terus Berlanjut Juru bicara keamanan nasional")
    _, passages = bundled[NAMES[3]]
    assert any(p.heading == "tanggapan Kremlin" for p in passages)
    assert any(p.heading == "Apakah Korea Utara pernah memasok senjata ke Rusia sebelumnya?" for p in passages)
    _, passages = bundled[NAMES[0]]
    assert any(p.heading == "Tuduhan Penjualan Senjata untuk Rusia" for p in passages)


def test_body_text_kept(bundled):
    """Nothing of the article itself is lost: first and last paragraphs of each page survive."""
    expect = {
        NAMES[0]: ("INDONESIAUPDATES.COM, INTERNASIONAL – Pemimpin Korea Utara", "mengekspor senjata ke Rusia telah menambah kekhawatiran internasional."),
        NAMES[1]: ("Pemimpin Korea Utara Kim Jong Un pada Rabu (12/6)", "[ab/uh]"),
        NAMES[2]: ("PR DEPOK - Kim Jong Un", "dalam dinamika geopolitik di kawasan ini.***"),
        NAMES[3]: ("Pemimpin Korea Utara Kim Jong Un mungkin", "dengan upaya bersama.”"),
        NAMES[4]: ("Pantau - Menteri Pertahanan Rusia, Andrey Belousov", "stabilitas kawasan dan konflik di Ukraina."),
    }
    for name, (first, last) in expect.items():
        paras = [p for p in bundled[name][1] if p.kind == "paragraph"]
        assert paras[0].text.startswith(first) and paras[-1].text.endswith(last), name


UNSEEN = """\
Beranda › Ekonomi › Makro
MASUK | DAFTAR

Harga Beras Naik Tajam Menjelang Ramadan di Jakarta

Reporter: Budi Santoso
Senin, 4 Maret 2024 | 10:15 WIB
Bagikan

KABARKITA.ID, JAKARTA - Harga beras di sejumlah pasar tradisional Jakarta naik 2,5 persen dalam sepekan terakhir, kata pedagang.

ARTIKEL TERKAIT:
Bulog Siapkan Operasi Pasar Besar-besaran

Pedagang menata karung beras di Pasar Induk Cipinang, Jakarta. (ANTARA FOTO/Budi Santoso)
Pedagang menata karung beras di Pasar Induk Cipinang, Jakarta. (ANTARA FOTO/Budi Santoso)

Kenaikan Dipicu Cuaca

Menurut Kepala Bulog, kenaikan harga dipicu cuaca buruk yang mengganggu panen di Jawa Barat. Pemerintah menyiapkan 1.500 ton beras untuk operasi pasar.

Lihat juga: Daftar Harga Sembako Hari Ini di Jakarta

Pemerintah berjanji harga akan kembali normal sebelum Lebaran, ujar Menteri Perdagangan.

SIMAK BERITA LAINNYA DI APLIKASI KAMI
Berita Populer
Komentar

Dina
Halo! Saya seorang jurnalis ekonomi yang senang menulis tentang harga pangan dan pasar.

© 2024
"""


def test_unseen_site_chrome():
    cleaned = clean(UNSEEN)
    kept = [b for b in cleaned.blocks]
    texts = [normalise_whitespace(b.text) for b in kept]
    joined = "\n".join(texts)
    for chrome in ["Beranda", "MASUK", "Reporter", "Bagikan", "ARTIKEL TERKAIT", "Bulog Siapkan Operasi",
                   "Lihat juga", "SIMAK BERITA", "Berita Populer", "Komentar", "Halo! Saya", "© 2024"]:
        assert chrome not in joined, chrome
    assert "Dina" not in texts
    assert [b.kind for b in kept] == ["paragraph", "caption", "heading", "paragraph", "paragraph"]
    assert texts[2] == "Kenaikan Dipicu Cuaca"
    assert cleaned.metadata == {
        "title": "Harga Beras Naik Tajam Menjelang Ramadan di Jakarta",
        "author": "Budi Santoso",
        "date": "2024-03-04T10:15",
        "source": "KABARKITA.ID",
    }


def test_markdown_headings():
    text = "# Judul Artikel Markdown\n\nParagraf pembuka yang berisi fakta penting.\n\n## Latar Belakang\n\nParagraf kedua juga berisi fakta.\n"
    cleaned = clean(text)
    assert cleaned.metadata["title"] == "Judul Artikel Markdown"
    heading = [b for b in cleaned.blocks if b.kind == "heading"]
    assert [b.text for b in heading] == ["Latar Belakang"]
    assert text[heading[0].start - 3:heading[0].start] == "## "
    assert all("#" not in b.text for b in cleaned.blocks)


def test_nbsp_and_zero_width_do_not_hide_chrome():
    text = "Judul\u00a0Berita Tentang Banjir Jakarta\n\nBaca\u00a0Juga:\u200b Banjir Lain\n\nBanjir merendam 300 rumah di Jakarta Timur pada Selasa (5/3/2024).\n"
    cleaned = clean(text)
    assert [b.kind for b in cleaned.blocks] == ["paragraph"]
    assert cleaned.metadata["date"] == "2024-03-05"


def test_lists_and_short_data_lines_are_content():
    text = (
        "Susunan pemain kedua tim diumumkan sebelum laga dimulai pada sore hari.\n\n"
        "Pelatih: Hanafi\n\nWasit: Victor Kassai\n\nBobot 189 gram\n\n"
        "Laga berakhir imbang tanpa gol di stadion yang penuh penonton.\n"
    )
    texts = [b.text for b in clean(text).blocks]
    assert "Pelatih: Hanafi" in texts and "Wasit: Victor Kassai" in texts and "Bobot 189 gram" in texts


def test_empty_and_chrome_only_text():
    assert clean("").blocks == []
    assert clean("\n\n  \n").blocks == []
    assert clean("Forum\n\nRecommended\n\nXS\nSM").blocks == []


def test_hard_wrapped_prose_is_rejoined():
    lines = [
        "Pemerintah Provinsi DKI Jakarta menyatakan bahwa harga beras di pasar",
        "tradisional naik tajam menjelang Ramadan tahun ini, menurut pedagang di",
        "Pasar Induk Cipinang yang ditemui pada Senin pagi oleh para wartawan.",
        "",
        "Kepala Dinas Ketahanan Pangan mengatakan stok beras masih mencukupi untuk",
        "kebutuhan warga selama tiga bulan ke depan, sehingga warga tidak perlu",
        "memborong beras secara berlebihan di pasar maupun di toko swalayan.",
    ]
    text = "\n".join(lines)
    blocks = clean(text).blocks
    assert len(blocks) == 2 and all(b.kind == "paragraph" for b in blocks)
    assert blocks[0].text == "\n".join(lines[:3])


def test_dateline_length_covers_the_publisher_prefix_only():
    from index.clean import dateline_length

    for text, rest in [("Jakarta, CNN Indonesia - - Harry Styles sudah bersiap.", "Harry Styles sudah bersiap."),
                       ("Jakarta (ANTARA News) - Presiden tiba.", "Presiden tiba."),
                       ("Rimanews - Seorang pelajar nekat.", "Seorang pelajar nekat."),
                       ("Presiden Joko Widodo - yang baru tiba - berpidato.", "Presiden Joko Widodo - yang baru tiba - berpidato."),
                       ("SPANYOL– Real Madrid menang.", "Real Madrid menang."),
                       ("T- Shirt atau kaos oblong dipakai tentara.", "T- Shirt atau kaos oblong dipakai tentara."),
                       ("Aminah Az- Zuriyah binti Wahab lahir di Mekkah.", "Aminah Az- Zuriyah binti Wahab lahir di Mekkah."),
                       ("Tanpa dateline di sini.", "Tanpa dateline di sini.")]:
        assert text[dateline_length(text):] == rest
