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


def _corpus(tmp_path: Path, files: dict[str, str]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT term, df FROM terms"))


CBC = "Penyintas kanker\n\nCancer Buster Community (CBC) terdiri dari penyintas.\n\nCBC berdiri pada 24 Mei 2006.\n"


def test_the_index_stores_both_forms_with_the_sentence_and_counts_only_the_written_one(tmp_path: Path) -> None:
    db = tmp_path / "index.db"
    build_index(_corpus(tmp_path, {"cbc.txt": CBC}), db)
    with sqlite3.connect(db) as conn:
        stored = [split_sentence_terms(t) for (t,) in conn.execute("SELECT terms FROM passages ORDER BY id")]
        df = dict(conn.execute("SELECT term, df FROM terms WHERE term IN ('buster', 'cbc')"))
    founding = next(p for p in stored if "2006" in p[0])
    assert {"cancer", "buster", "community"} <= set(founding[0])
    assert df == {"buster": 1, "cbc": 2}  # BM25 counts the words written: one passage spells the name out


def test_removing_or_changing_a_story_that_defines_a_name_keeps_the_counts_of_a_fresh_build(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"cbc.txt": CBC, "lain.txt": "Komunitas lain\n\nBuster dan community dibahas.\n"})
    db = tmp_path / "index.db"
    build_index(corpus, db)
    (corpus / "cbc.txt").write_text(CBC.replace("2006", "2007"), encoding="utf-8")
    build_index(corpus, db)
    build_index(corpus, tmp_path / "fresh.db")
    assert _counts(db) == _counts(tmp_path / "fresh.db")
    (corpus / "cbc.txt").unlink()
    build_index(corpus, db)
    build_index(corpus, tmp_path / "after.db")
    assert _counts(db) == _counts(tmp_path / "after.db") and _counts(db)["buster"] == 1


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
