"""Names a story defines with a short form in brackets: found in real text, stored with each
sentence's terms in a real index, read by the real engine."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.engine import Engine
from index.aliases import defined_names, with_defined_names
from index.analyse import Analyzer
from index.build import build_index
from index.store import split_sentence_terms


@pytest.mark.parametrize("text, defined", [
    ("Namun Cancer Buster Community (CBC) yang terdiri dari", ("Cancer Buster Community", "CBC")),
    ("kata Ketua Komisi Pemberantasan Korupsi (KPK) Agus", ("Komisi Pemberantasan Korupsi", "KPK")),
    ("Rancangan Anggaran Pendapatan dan Belanja Daerah (RAPBD) 2018",
     ("Rancangan Anggaran Pendapatan dan Belanja Daerah", "RAPBD")),
    ("Mercedes-Benz Distribusi Indonesia (MBDI)", ("Mercedes-Benz Distribusi Indonesia", "MBDI")),
    ("Pemimpin Korea Utara (Korut) Kim", ("Korea Utara", "Korut")),
    ("Kementerian Dalam Negeri (Kemendagri)", ("Kementerian Dalam Negeri", "Kemendagri")),
    ("Presiden Joko Widodo (Jokowi) mengatakan", ("Joko Widodo", "Jokowi")),
])
def test_a_name_and_its_short_form_in_brackets(text: str, defined: tuple[str, str]) -> None:
    assert defined_names(text) == [defined]


@pytest.mark.parametrize("text", [
    "Kwang Chol (Kanan) dan Andrey Belousov (Kiri)",  # a caption says who stands where
    "Samsung Galaxy A7 (2017) hadir", "JAKARTA, Jakarta (Antara) -",
    "Banking Museum (ICOMON)",  # spelt by no part of the name before it
    "Republik Rakyat Demokratik Korea (DPRK)",  # only two of its four capitals
])
def test_brackets_that_define_no_name(text: str) -> None:
    assert defined_names(text) == []


def test_each_sentence_holds_the_other_form_beside_the_one_it_says() -> None:
    analyzer = Analyzer()
    texts = ["Namun Cancer Buster Community (CBC) ingin mematahkan anggapan itu.",
             "CBC berdiri pada 24 Mei 2006. Harga cabai naik."]
    terms = [[analyzer.terms(texts[0])], [analyzer.terms("CBC berdiri pada 24 Mei 2006."),
                                          analyzer.terms("Harga cabai naik.")]]
    said = with_defined_names(texts, terms, analyzer.terms)
    assert said[0] == terms[0]  # it says both already
    assert said[1][0] == ["cbc", "+cancer", "+buster", "+community", "diri", "24", "mei", "2006"]  # said, not written
    assert said[1][1] == terms[1][1]


def test_the_index_stores_both_forms_with_the_sentence_and_counts_only_the_written_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cbc.txt").write_text(
        "Penyintas kanker anak menebar semangat\n\n"
        "Cancer Buster Community (CBC) terdiri dari penyintas kanker anak.\n\n"
        "Salah satu pendiri menjelaskan, CBC berdiri pada 24 Mei 2006.\n", encoding="utf-8")
    db = tmp_path / "index.db"
    build_index(corpus, db)
    with sqlite3.connect(db) as conn:
        stored = [split_sentence_terms(t) for (t,) in conn.execute("SELECT terms FROM passages ORDER BY id")]
        df = dict(conn.execute("SELECT term, df FROM terms WHERE term IN ('buster', 'cbc')"))
    founding = next(p for p in stored if "2006" in p[0])
    assert {"cancer", "buster", "community"} <= set(founding[0])
    assert df == {"buster": 1, "cbc": 2}  # BM25 counts the words written: one passage spells the name out


def test_removing_or_changing_a_story_that_defines_a_name_keeps_the_counts_of_a_fresh_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = corpus / "cbc.txt"
    story.write_text("Penyintas kanker\n\nCancer Buster Community (CBC) terdiri dari penyintas.\n\n"
                     "CBC berdiri pada 24 Mei 2006.\n", encoding="utf-8")
    (corpus / "lain.txt").write_text("Komunitas lain\n\nBuster dan community dibahas di sini.\n", encoding="utf-8")
    db, fresh = tmp_path / "index.db", tmp_path / "fresh.db"

    def counts(path: Path) -> dict[str, int]:
        with sqlite3.connect(path) as conn:
            return dict(conn.execute("SELECT term, df FROM terms"))

    build_index(corpus, db)
    story.write_text(story.read_text(encoding="utf-8").replace("2006", "2007"), encoding="utf-8")
    build_index(corpus, db)
    build_index(corpus, fresh)
    assert counts(db) == counts(fresh)
    story.unlink()
    build_index(corpus, db)
    build_index(corpus, tmp_path / "after.db")
    assert counts(db) == counts(tmp_path / "after.db") and counts(db)["buster"] == 1


def test_a_question_naming_the_full_name_is_answered_by_the_sentence_saying_the_short_form(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cbc.txt").write_text(
        "Mereka menebar semangat hidup bagi anak penderita kanker\n\n"
        "Kanker pada anak kerap dianggap tak bisa disembuhkan. Namun Cancer Buster Community (CBC) yang "
        "terdiri dari penyintas kanker anak ingin mematahkan anggapan tersebut.\n\n"
        "Salah satu pendiri, Saprita Tahir menjelaskan, CBC yang berada di bawah naungan yayasan berdiri "
        "pada 24 Mei 2006 sebagai bentuk rasa syukur.\n\n"
        "Kini komunitas itu aktif melakukan sosialisasi kepada masyarakat awam.\n", encoding="utf-8")
    for i in range(20):
        (corpus / f"{i}.txt").write_text(f"Harga cabai di pasar {i} naik {i + 2} persen pekan ini.\n", encoding="utf-8")
    db = tmp_path / "index.db"
    build_index(corpus, db)
    answer = Engine(db).ask("Kapan Cancer Buster Community didirikan?")
    assert "24 Mei 2006" in answer.passages[0].quote


def test_on_the_archive_a_story_s_short_form_answers_for_its_full_name(quality_work: Path) -> None:
    """IndoSum's Cancer Buster Community story names it in full once, in a sentence without a date;
    the founding date is told of "CBC". Read as one name, the date is quoted."""
    from bench.datasets import load_set
    from bench.quality import prepare_index
    from tests.conftest import require_dataset

    require_dataset("indosum", "articles.jsonl")
    db, _ = prepare_index(load_set("archive", "train"), quality_work)
    answer = Engine(db).ask("Kapan Cancer Buster Community (CBC) didirikan?")
    assert "24 Mei 2006" in answer.passages[0].quote
