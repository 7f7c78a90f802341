"""Analysis: real Sastrawi, real corpus sentences; the point is that questions meet their passages."""
from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest

from index.analyse import PIPELINE_VERSION, STOPWORDS, Analyzer, Token, normalise, read_short_forms

SHORT_FORMS = read_short_forms()

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def corpus_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))


# -- corrections to PySastrawi 1.2.1 ------------------------------------------------------------------
@pytest.mark.parametrize(
    "word, root",
    [
        ("memasuki", "masuk"),  # not pasuk: preferred root over a swallowed-p reading
        ("berikan", "beri"),  # not ikan: beri + -kan
        ("senilai", "nilai"),  # not nila: the -i belongs to the root
        ("dikurangi", "kurang"),  # not rang: di- + kurang + -i, no ku- prefix
        ("dibelinya", "beli"),  # not bel
        ("penyelidikan", "selidik"),  # not lidi: peny- restores s
        ("mengecek", "cek"),  # not ecek: menge- + one-syllable root
        ("berbasis", "basis"),  # not bas
        ("pengering", "kering"),  # not ering: peng- swallowed the k
        ("mengalami", "alami"),  # the longer root keeps its -i
        ("menandatangani", "tandatangan"),
        ("ditandatangani", "tandatangan"),
        ("penyidikan", "sidik"),  # not sidi: peN- nouns take -an, never -kan
        ("pengecekan", "cek"),  # not kece
        ("menikah", "nikah"),  # not meni
        ("mengawal", "kawal"),  # exceptions lexicon: both readings are common words
        ("mengawali", "awal"),
    ],
)
def test_sastrawi_mistakes_are_fixed(analyzer: Analyzer, word: str, root: str) -> None:
    assert analyzer.stem(word) == root


def test_one_family_one_term(analyzer: Analyzer) -> None:
    assert {analyzer.stem(w) for w in ("mengunjungi", "kunjungan", "berkunjung", "dikunjungi")} == {"kunjung"}
    assert {analyzer.stem(w) for w in ("mengubah", "perubahan", "berubah", "diubah")} == {"ubah"}
    assert {analyzer.stem(w) for w in ("penjualan", "menjual", "dijual")} == {"jual"}


@pytest.mark.parametrize(
    "word, root",
    [
        ("mengatakan", "kata"),
        ("memakan", "makan"),
        ("mengakui", "aku"),
        ("pengamat", "amat"),
        ("pemerintahan", "perintah"),
        ("dimakan", "makan"),  # di- never takes -an: not mak
        ("perikanan", "ikan"),
        ("keberhasilan", "hasil"),
        ("memperkuat", "kuat"),
        ("menyebabkan", "sebab"),
        ("diadakan", "ada"),
        ("mengadakan", "ada"),
    ],
)
def test_ordinary_words_still_stem_right(analyzer: Analyzer, word: str, root: str) -> None:
    assert analyzer.stem(word) == root


def test_unknown_word_is_not_split_far_fetched(analyzer: Analyzer) -> None:
    assert analyzer.stem("metin") == "metin"  # Sastrawi finds nothing; me- + tin is not a reading


# -- names -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Bali", "Bekasi", "Susi", "Pyongyang", "Shoigu", "Putin", "Lusi", "Kediri"])
def test_names_stay_names_anywhere_in_a_sentence(analyzer: Analyzer, name: str) -> None:
    assert analyzer.terms(f"Warga {name} datang.") == ["warga", name.lower(), "datang"]
    assert analyzer.terms(f"{name} hari ini.") == [name.lower(), "hari"]


def test_bekasi_does_not_match_bekas(analyzer: Analyzer) -> None:
    assert analyzer.terms("Mobil bekas dijual di Bekasi.") == ["mobil", "bekas", "jual", "bekasi"]


@pytest.mark.parametrize("word, root", [("Mengunjungi", "kunjung"), ("Pertemuan", "temu"), ("Kunjungan", "kunjung")])
def test_capitalised_derived_words_stem(analyzer: Analyzer, word: str, root: str) -> None:
    assert analyzer.terms(f"{word} itu penting.") == [root, "penting"]
    assert analyzer.terms(f"Tuduhan {word} Senjata") == ["tuduh", root, "senjata"]  # title case heading


def test_lowercase_question_keeps_an_indexed_name(analyzer: Analyzer) -> None:
    passage = analyzer.terms("Menteri Lusi meninjau pasar.")
    assert "lusi" in passage
    known = set(passage).__contains__
    assert [t.term for t in analyzer.query_tokens("kpn lusi ke pasar", known)] == ["lusi", "pasar"]
    assert analyzer.stem("lusi") == "lus"  # without the index's word, it would have been stemmed
    assert [t.term for t in analyzer.query_tokens("kpn putin ke bekasi", lambda w: w in {"putin", "bekasi"})] == [
        "putin",
        "bekasi",
    ]


def test_a_synonym_fixed_by_hand_holds_though_the_index_knows_the_word(analyzer: Analyzer) -> None:
    # "seumur hidup" (for life) puts "umur" in the index; a question's "umur" still reads as the news' "usia"
    known = set(analyzer.terms("Ia dihukum penjara seumur hidup.")).__contains__
    assert known("umur")
    assert [t.term for t in analyzer.query_tokens("umur brp dia pensiun", known)][0] == "usia"
    assert "usia" in analyzer.terms("Ia pensiun pada usia 60 tahun.")


def test_known_term_does_not_block_stemming_of_other_words(analyzer: Analyzer) -> None:
    tokens = analyzer.query_tokens("siapa yg mengunjungi pyongyang", lambda w: w == "pyongyang")
    assert [t.term for t in tokens] == ["kunjung", "pyongyang"]


# -- questions meet passages (bundled corpus) ------------------------------------------------------
@pytest.mark.parametrize(
    "question, sentence, shared",
    [
        (
            "Kapan Putin mengunjungi Pyongyang?",
            "Pada Juni 2024, Presiden Rusia Vladimir Putin melakukan kunjungan langka ke Pyongyang.",
            {"kunjung", "putin", "pyongyang"},
        ),
        (
            "siapa yg menandatangani perjanjian pertahanan dgn kim jong un",
            "Dalam pertemuan tersebut, ia menandatangani perjanjian pertahanan bersama dengan Kim Jong Un.",
            {"tandatangan", "janji", "tahan", "kim", "jong", "un"},
        ),
        (
            "knp korea utara dituduh menjual amunisi?",
            "Negara-negara Barat telah menuduh Korea Utara yang kekurangan dana menjual amunisi kepada Rusia",
            {"korea", "utara", "tuduh", "jual", "amunisi"},
        ),
        (
            "apa tuduhan penjualan senjata untuk rusia",
            "Tuduhan Penjualan Senjata untuk Rusia",
            {"tuduh", "jual", "senjata", "rusia"},
        ),
    ],
)
def test_question_shares_terms_with_its_passage(
    analyzer: Analyzer, question: str, sentence: str, shared: set[str]
) -> None:
    assert sentence in corpus_text()
    passage = set(analyzer.terms(sentence))
    asked = {t.term for t in analyzer.query_tokens(question, passage.__contains__)}
    assert shared <= asked & passage


# -- offsets, stopwords, numbers, hyphens, Unicode -------------------------------------------------
def test_offsets_point_at_the_surface_word(analyzer: Analyzer) -> None:
    text = corpus_text()
    tokens = analyzer.tokens(text)
    assert len(tokens) > 1000
    for token in tokens:
        surface = text[token.start : token.end]
        assert surface.strip() == surface and surface
        assert analyzer.terms(surface) == [token.term] or "-" in surface or (
            surface.lower() in SHORT_FORMS and token.term in analyzer.terms(surface))  # "Korut": korea, utara
    assert [t.term for t in tokens] == analyzer.terms(text)


def test_query_offsets_allow_highlighting(analyzer: Analyzer) -> None:
    question = "Kapan Putin mengunjungi Pyongyang?"
    spans = [question[t.start : t.end] for t in analyzer.query_tokens(question, lambda w: False)]
    assert spans == ["Putin", "mengunjungi", "Pyongyang"]


def test_stopwords_are_removed(analyzer: Analyzer) -> None:
    assert analyzer.terms("Apa yang dibahas dalam pertemuan antara Kim dan Shoigu?") == ["bahas", "temu", "kim", "shoigu"]
    assert analyzer.terms("gmn sih yg dibahas, brp lama, knp, kpn, sp, tdk, gak, utk, dgn") == ["bahas", "lama"]
    for word in ("apa", "siapa", "kapan", "dimana", "berapa", "mengapa", "kenapa", "bagaimana", "apakah"):
        assert word in STOPWORDS
    for word in ("tahun", "juni", "presiden", "2024"):
        assert word not in STOPWORDS


def test_numbers(analyzer: Analyzer) -> None:
    assert analyzer.terms("Sabtu (14/9/2024) naik 2,5 persen jadi 1.500 unit pada 2024.") == [
        "sabtu", "14", "9", "2024", "naik", "2,5", "persen", "1.500", "unit", "2024",
    ]  # fmt: skip


def test_small_numbers_written_as_words_meet_digits(analyzer: Analyzer) -> None:
    """News writes "dua hari", people type "2 hari"; "salah satu" is no number."""
    assert analyzer.terms("hanya dua hari setelah") == analyzer.terms("hanya 2 hari setelah")
    assert analyzer.query_tokens("2 hari", lambda t: False)[0].term == analyzer.terms("Dua")[0] == "2"
    assert "1" not in analyzer.terms("salah satu pemimpin")


def test_hyphenated_words(analyzer: Analyzer) -> None:
    text = "Negara-negara Barat cemas atas hubungan Korea Utara-Rusia."
    tokens = analyzer.tokens(text)
    assert [t.term for t in tokens] == ["negara", "barat", "cemas", "hubung", "korea", "utara", "rusia"]
    assert text[tokens[0].start : tokens[0].end] == "Negara-negara"
    assert text[tokens[5].start : tokens[5].end] == "Utara"
    assert analyzer.terms("berbalas-balasan") == ["balas"]


def test_apostrophes_and_quotes_are_not_part_of_terms(analyzer: Analyzer) -> None:
    text = "Wapres Ma\u2019ruf bilang \u201ckonstruktif\u201d dan 'hangat'."
    tokens = analyzer.tokens(text)
    assert [t.term for t in tokens] == ["wakil", "presiden", "maruf", "bilang", "konstruktif", "hangat"]
    assert text[tokens[2].start : tokens[2].end] == "Ma\u2019ruf"


def test_invisible_and_compatibility_characters(analyzer: Analyzer) -> None:
    text = "Putin\u00a0melakukan kun\u200bjungan \uff2b\uff35\uff2e\uff2a\uff35\uff2e\uff27\uff21\uff2e ke \ufb01lipina tahun \uff12\uff10\uff12\uff14."
    tokens = analyzer.tokens(text)
    assert [t.term for t in tokens] == ["putin", "laku", "kunjung", "kunjung", "filipina", "tahun", "2024"]
    assert text[tokens[2].start : tokens[2].end] == "kun\u200bjungan"
    assert text[tokens[3].start : tokens[3].end] == "\uff2b\uff35\uff2e\uff2a\uff35\uff2e\uff27\uff21\uff2e"
    assert text[tokens[4].start : tokens[4].end] == "\ufb01lipina"


def test_accents_are_no_part_of_a_term(analyzer: Analyzer) -> None:
    """ "Márquez" and "marquez", "Wrocław" and "Wroclaw" are one name; another script keeps its
    marks ("ドラゴン" is not "トラコン"), and offsets still point at the word as written."""
    text = "Márquez dan Özil ke Wrocław, München; ドラゴン"
    tokens = analyzer.tokens(text)
    assert [t.term for t in tokens] == ["marquez", "ozil", "wroclaw", "munchen", "ドラゴン"]
    assert analyzer.terms("marquez ozil wroclaw munchen") == ["marquez", "ozil", "wroclaw", "munchen"]
    assert text[tokens[2].start : tokens[2].end] == "Wrocław"


def test_normalise() -> None:
    assert normalise("Putin\u00a0ke\u200b \uff30YONGYANG \ufb01") == "putin ke pyongyang fi"


# -- caching, persistence, processes ---------------------------------------------------------------
def test_stem_cache_is_used_and_reported() -> None:
    analyzer = Analyzer({"melakukan": "laku", "kunjungan": "khusus"})
    assert analyzer.terms("melakukan kunjungan") == ["laku", "khusus"]  # preloaded, Sastrawi not asked
    assert analyzer.new_stems == {}
    analyzer.terms("pertemuan Pertemuan")
    assert analyzer.new_stems["pertemuan"] == "temu"
    assert set(analyzer.new_stems) <= set(analyzer.stems)
    reloaded = Analyzer(analyzer.new_stems)
    assert reloaded.terms("pertemuan Pertemuan") == ["temu", "temu"] and reloaded.new_stems == {}


def test_token_is_a_frozen_value() -> None:
    token = Token("kunjung", 3, 14)
    assert token == Token("kunjung", 3, 14)
    with pytest.raises(AttributeError):
        token.term = "x"  # type: ignore[misc]


def _worker_terms(text: str) -> list[str]:
    return Analyzer().terms(text)


def test_usable_in_worker_processes(analyzer: Analyzer) -> None:
    pickle.loads(pickle.dumps(analyzer))
    texts = ["Putin mengunjungi Pyongyang.", "Warga Bekasi memasuki pasar."]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        assert pool.map(_worker_terms, texts) == [analyzer.terms(t) for t in texts]


def test_pipeline_version_is_a_string() -> None:
    assert isinstance(PIPELINE_VERSION, str) and PIPELINE_VERSION


def test_tokens_are_ordinary_values(analyzer: Analyzer) -> None:
    token = analyzer.tokens("\u200bBekasi")[0]
    assert token == Token("bekasi", 0, 7) and hash(token) == hash(Token("bekasi", 0, 7))
    assert pickle.loads(pickle.dumps(token)) == token and repr(token) == "Token(term='bekasi', start=0, end=7)"


def test_odd_spans_are_refined(analyzer: Analyzer) -> None:
    text = "Rusia.Kim __init__ x_y, 2024. Akhir-"
    assert [(t.term, text[t.start : t.end]) for t in analyzer.tokens(text)] == [
        ("rusia", "Rusia"), ("kim", "Kim"), ("init", "init"), ("2024", "2024"), ("akhir", "Akhir"),
    ]  # fmt: skip


def test_a_short_form_is_indexed_as_the_words_it_stands_for(analyzer: Analyzer) -> None:
    """ "Korut" and "Sekjen" give the terms of "Korea Utara" and "Sekretaris Jenderal", each over the
    whole short form, so quotes still cut at the word as written."""
    assert analyzer.terms("Sekjen PBB bertemu Dubes Korut") == analyzer.terms(
        "Sekretaris Jenderal PBB bertemu Duta Besar Korea Utara")
    assert analyzer.terms("Menperin mengunjungi Kemenperin dan Kementan") == analyzer.terms(
        "Menteri Perindustrian mengunjungi Kementerian Perindustrian dan Kementerian Pertanian")
    assert analyzer.terms("agen Jorge Mendes") == ["agen", "jorge", "mendes"]  # a name, not "menteri desa"
    assert [(t.term, t.start, t.end) for t in analyzer.tokens("Dubes Korut")] == [
        ("duta", 0, 5), ("besar", 0, 5), ("korea", 6, 11), ("utara", 6, 11)]
