"""Names a story defines with a short form in brackets: found in real text, stored with each
sentence's terms in a real index, read by the real engine."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.engine import Engine
from index.aliases import defined_names, name_pairs, with_defined_names, with_short_forms
from index.analyse import Analyzer
from index.build import build_index
from index.store import SAID, short_forms, split_sentence_terms


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
    said = with_defined_names(terms, name_pairs(texts, analyzer.terms))
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


def test_a_short_form_the_question_asks_by_is_said_where_the_full_name_is_written() -> None:
    forms = {"setnov": ("setya", "novanto")}
    assert with_short_forms(["kata", "setya", "novanto", "di", "jakarta"], forms) == [
        "kata", "setya", "novanto", "setnov", "di", "jakarta"]
    assert with_short_forms(["kata", "setya", "di", "jakarta"], forms) == ["kata", "setya", "di", "jakarta"]
    assert with_short_forms(["setnov", "setya", "novanto"], forms) == ["setnov", "setya", "novanto"]


def test_the_index_knows_the_short_forms_most_of_its_stories_define(tmp_path: Path) -> None:
    files = {f"pn{i}.txt": f"Sidang ke-{i}\n\nSidang di Pengadilan Negeri (PN) Jakarta Selatan digelar hari ke-{i}.\n"
             for i in range(3)}
    files |= {"lain.txt": "Pusat Niaga\n\nPusat Niaga (PN) dibuka.\n",
              "sekali.txt": "Sekali\n\nKomunitas Sekali Saja (KSS) berdiri.\n"}
    corpus, db = _corpus(tmp_path, files), tmp_path / "index.db"
    build_index(corpus, db)
    with sqlite3.connect(db) as conn:
        assert short_forms(conn, ["pn", "kss", "sidang"]) == {"pn": ("adil", "negeri")}  # KSS: one story only
    for i in range(2):
        (corpus / f"pn{i}.txt").unlink()
    build_index(corpus, db)
    with sqlite3.connect(db) as conn:  # one story each way: neither name is the short form's
        assert short_forms(conn, ["pn"]) == {}


def test_a_question_asking_by_a_short_form_reads_it_in_a_story_that_writes_only_the_full_name(
        tmp_path: Path) -> None:
    from bot.question import analyse_question

    files = {f"sidang{i}.txt": f"Sidang ke-{i}\n\nKetua DPR Setya Novanto (Setnov) diperiksa pada pekan ke-{i + 2}.\n"
             for i in range(3)}
    files["mobil.txt"] = ("Kecelakaan di Permata Hijau\n\nKecelakaan mobil yang ditumpangi Setya Novanto terjadi "
                          "di kawasan Permata Hijau, Jakarta Selatan.\n")
    db = tmp_path / "index.db"
    build_index(_corpus(tmp_path, files), db)
    query, cands = Engine(db).retrieve(analyse_question("setnov kecelakaan di mana sih"))
    crash = next(s for s in cands.sentences if s.article.info.article_id == "mobil.txt")
    assert query.short_forms == {"setnov": ("setya", "novanto")}
    assert "setnov" in crash.terms and "setnov" in crash.article.terms


def test_a_short_form_is_searched_for_where_its_full_name_is_written_too(tmp_path: Path) -> None:
    """BM25 over the short form alone never reaches a story that writes only the full name; searched
    as one term said either way, it does, counted as often as the name is said."""
    from bot.retrieval import IndexStats, said_postings, search

    files = {f"sidang{i}.txt": f"Sidang ke-{i}\n\nKetua DPR Setya Novanto (Setnov) diperiksa pada pekan ke-{i + 2}. "
             "Setnov membantah.\n" for i in range(3)}  # the second sentence says his name, unwritten
    files["mobil.txt"] = ("Kecelakaan di Permata Hijau\n\nSetya Novanto dirawat. Mobil Setya Novanto rusak, kata "
                          "Novanto.\n")
    files["lain.txt"] = "Setya\n\nSetya Budi membeli mobil baru bersama Andi Novanto.\n"  # both words, not his name
    files |= {f"pasar{i}.txt": f"Pasar {i}\n\nHarga cabai naik {i + 2} persen.\n" for i in range(6)}
    db = tmp_path / "index.db"
    build_index(_corpus(tmp_path, files), db)
    names = {"setnov": ("setya", "novanto")}
    with sqlite3.connect(db) as conn:
        article = dict(conn.execute("SELECT id, article_id FROM passages"))
        # the terms each passage writes, as its postings count them (a term only said is stored marked)
        stored = {i: [t for t in terms.split() if not t.startswith(SAID)]
                  for i, terms in conn.execute("SELECT id, terms FROM passages")}
        docs, said = said_postings(conn, "setnov", names["setnov"])
        expected = {}
        for i, written in stored.items():
            times = written.count("setnov") + min(written.count("setya"), written.count("novanto"))
            if times:
                expected[i] = times
        assert dict(zip(docs.tolist(), said.tolist())) == expected
        stats = IndexStats.load(conn, 0)
        alone = {article[i] for i, _ in search(conn, stats, ["setnov"], k=20)}
        either = {article[i] for i, _ in search(conn, stats, ["setnov"], k=20, full_names=names)}
    assert "mobil.txt" not in alone and "mobil.txt" in either
    assert min(v for i, v in expected.items() if article[i] == "mobil.txt") == 2  # "Setya Novanto" twice


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
