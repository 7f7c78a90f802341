"""Sentence splitting and passage cutting: every passage is one verbatim slice of the article."""
from __future__ import annotations

import pytest

from index.article import Block
from index.segment import MAX_PASSAGE_CHARS, make_passages, normalise_whitespace, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_normalise_whitespace():
    assert normalise_whitespace("  Kim\u00a0Jong\u200b Un \n\n pada\tRabu\u2009(12/6) ") == "Kim Jong Un pada Rabu (12/6)"
    assert normalise_whitespace("a\ufeffb\u200dc") == "abc"
    assert normalise_whitespace("") == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kim bertemu Putin. Mereka membahas senjata.", ["Kim bertemu Putin.", "Mereka membahas senjata."]),
        ("Pertemuan pada Sabtu (14/9/2024). Hasilnya belum jelas.",
         ["Pertemuan pada Sabtu (14/9/2024).", "Hasilnya belum jelas."]),
        ("Inflasi naik 2,5 persen. Harga beras Rp 1,5 triliun.", ["Inflasi naik 2,5 persen.", "Harga beras Rp 1,5 triliun."]),
        ("Sebanyak 1.500 orang hadir. Acara usai.", ["Sebanyak 1.500 orang hadir.", "Acara usai."]),
        ("Dr. Budi Santoso hadir di Jl. Sudirman No. 5 Jakarta. Ia datang pagi.",
         ["Dr. Budi Santoso hadir di Jl. Sudirman No. 5 Jakarta.", "Ia datang pagi."]),
        ("Juru bicara John J. Kirby berbicara. Ia tegas.", ["Juru bicara John J. Kirby berbicara.", "Ia tegas."]),
        ("Kuasa hukumnya, Andi S.H. Siregar, menolak. Sidang ditunda.",
         ["Kuasa hukumnya, Andi S.H. Siregar, menolak.", "Sidang ditunda."]),
        ("Surat itu ditandatangani a.n. Menteri Dalam Negeri. Isinya singkat.",
         ["Surat itu ditandatangani a.n. Menteri Dalam Negeri.", "Isinya singkat."]),
        ("Jamaah dipimpin H. Ahmad. Mereka berdoa.", ["Jamaah dipimpin H. Ahmad.", "Mereka berdoa."]),
        ("Ia membeli beras, gula, dll. yang dibutuhkan. Lalu pulang.",
         ["Ia membeli beras, gula, dll. yang dibutuhkan.", "Lalu pulang."]),
        ("Bantuan berupa beras, minyak, dsb. Pemerintah juga menambah dana.",
         ["Bantuan berupa beras, minyak, dsb.", "Pemerintah juga menambah dana."]),
        ("Sanksi datang dari AS. Rusia membantah.", ["Sanksi datang dari AS.", "Rusia membantah."]),
        ("“Kami siap,” kata Belousov. “Kami menantikan kerja sama.” Choe setuju.",
         ["“Kami siap,” kata Belousov.", "“Kami menantikan kerja sama.”", "Choe setuju."]),
        ('"Tentu saja." Ia tersenyum.', ['"Tentu saja."', "Ia tersenyum."]),
        ("“Mengapa tidak?” tanya Shoigu. Semua diam.", ["“Mengapa tidak?” tanya Shoigu.", "Semua diam."]),
        ("Apa yang terjadi? Tidak ada yang tahu! Semua bingung.",
         ["Apa yang terjadi?", "Tidak ada yang tahu!", "Semua bingung."]),
        ("Ia menunggu... lalu pergi. Esoknya... Ia kembali.", ["Ia menunggu... lalu pergi.", "Esoknya...", "Ia kembali."]),
        ("Ia menunggu… Kemudian pergi.", ["Ia menunggu…", "Kemudian pergi."]),
        ("Prof. Dr. Ir. Siti Nurbaya, M.Si. memberi kuliah. Mahasiswa hadir.",
         ["Prof. Dr. Ir. Siti Nurbaya, M.Si. memberi kuliah.", "Mahasiswa hadir."]),
        ("Tanpa titik di akhir", ["Tanpa titik di akhir"]),
        ("Kalimat terakhir. [ab/uh]", ["Kalimat terakhir."]),  # an editor's tag is no sentence, so no quote
        ("Harga naik lagi. (Antara)", ["Harga naik lagi."]),
        ("(Antara)", ["(Antara)"]),
        ("Harga Rp. 10.000 per kilo. Naik lagi.", ["Harga Rp. 10.000 per kilo.", "Naik lagi."]),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_split_sentences_offsets_are_trimmed_and_ordered():
    text = "  Satu.   Dua!  \n Tiga?  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Satu.", "Dua!", "Tiga?"]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert split_sentences("") == [] and split_sentences("   ") == []


def _blocks(text: str, parts: list[tuple[str, str]]) -> list[Block]:
    out, pos = [], 0
    for kind, part in parts:
        start = text.index(part, pos)
        out.append(Block(part, start, start + len(part), kind))
        pos = start + len(part)
    return out


def test_heading_joins_following_paragraph():
    text = "Latar Belakang\n\nKim\u00a0bertemu Putin. Mereka membahas senjata.\n"
    blocks = _blocks(text, [("heading", "Latar Belakang"), ("paragraph", "Kim\u00a0bertemu Putin. Mereka membahas senjata.")])
    [p] = make_passages(text, blocks)
    assert p.start == 0 and p.heading == "Latar Belakang"
    assert p.text == "Latar Belakang Kim bertemu Putin. Mereka membahas senjata."
    assert p.text == normalise_whitespace(text[p.start:p.end])
    assert [p.text[s:e] for s, e in p.sentences] == ["Latar Belakang", "Kim bertemu Putin.", "Mereka membahas senjata."]


def test_an_faq_question_opens_its_answer_across_the_list_mark():
    text = "- Apa yang dibahas Kim?\n- Dalam pertemuan itu Kim membahas senjata. Mereka juga membahas Ukraina.\n"
    blocks = _blocks(text, [("heading", "Apa yang dibahas Kim?"),
                            ("paragraph", "Dalam pertemuan itu Kim membahas senjata. Mereka juga membahas Ukraina.")])
    [p] = make_passages(text, blocks)
    assert p.text == normalise_whitespace(text[p.start:p.end])  # the mark stays: the quote is verbatim
    assert [p.text[s:e] for s, e in p.sentences] == [
        "Apa yang dibahas Kim?", "Dalam pertemuan itu Kim membahas senjata.", "Mereka juga membahas Ukraina."]


def test_heading_separated_by_caption_is_kept_as_field_only():
    text = "Sub Judul\nFoto dua orang. (Foto: Antara)\nIsi paragraf di sini."
    blocks = _blocks(text, [("heading", "Sub Judul"), ("caption", "Foto dua orang. (Foto: Antara)"),
                            ("paragraph", "Isi paragraf di sini.")])
    caption, para = make_passages(text, blocks)
    assert caption.kind == "caption" and caption.heading is None
    assert para.kind == "paragraph" and para.heading == "Sub Judul" and para.text == "Isi paragraf di sini."


@pytest.mark.parametrize("caption, quoted", [
    ("Pemimpin Korea Utara Kim Jong Un. /KCNA via REUTERS/", ["Pemimpin Korea Utara Kim Jong Un."]),
    ("Warga antre minyak goreng di Medan. (Foto: Antara/Budi)", ["Warga antre minyak goreng di Medan."]),
    ("Warga antre minyak goreng di Medan (Foto: Antara)", ["Warga antre minyak goreng di Medan"]),
])
def test_a_captions_photo_credit_is_no_sentence(caption: str, quoted: list[str]) -> None:
    """"/KCNA via REUTERS/" names the agency: no quote, no answer to "siapa Kim Jong Un?"."""
    (passage,) = make_passages(caption, _blocks(caption, [("caption", caption)]))
    assert passage.text == caption  # the passage stays verbatim
    assert [passage.text[s:e] for s, e in passage.sentences] == quoted


def test_the_dateline_opening_the_text_is_no_sentence() -> None:
    """ "PR DEPOK - " says who filed the story: never quoted nor read as an answer. It opens the first
    paragraph, after any photo caption; a later paragraph's "Jakarta - …" is the text's own."""
    caption = "Pemimpin Korea Utara Kim Jong Un. /KCNA via REUTERS/"
    first = "PR DEPOK - Kim Jong Un berencana ke Rusia. Dia akan bertemu Putin."
    later = "Jakarta - Kementerian Luar Negeri memantau perkembangan ini."
    text = f"{caption}\n\n{first}\n\n{later}"
    blocks = _blocks(text, [("caption", caption), ("paragraph", first), ("paragraph", later)])
    shot, opening, other = make_passages(text, blocks)
    assert opening.text == first  # the passage stays verbatim
    assert [opening.text[s:e] for s, e in opening.sentences] == ["Kim Jong Un berencana ke Rusia.",
                                                                 "Dia akan bertemu Putin."]
    assert [other.text[s:e] for s, e in other.sentences] == [later]
    assert [shot.text[s:e] for s, e in shot.sentences] == ["Pemimpin Korea Utara Kim Jong Un."]


def test_long_paragraph_split_at_sentences():
    sentence = "Pemerintah menyatakan bahwa harga beras naik 2,5 persen di sejumlah pasar di Jakarta. "
    body = (sentence * 40).strip()
    text = "Judul Bagian\n\n" + body
    blocks = _blocks(text, [("heading", "Judul Bagian"), ("paragraph", body)])
    passages = make_passages(text, blocks)
    assert len(passages) > 1
    assert passages[0].start == 0 and passages[0].text.startswith("Judul Bagian Pemerintah")
    for p in passages:
        assert p.text == normalise_whitespace(text[p.start:p.end])
        assert len(p.text) <= MAX_PASSAGE_CHARS + len("Judul Bagian ")
        assert p.text.endswith("Jakarta.")
        assert p.heading == "Judul Bagian"
    assert passages[-1].end == len(text)
