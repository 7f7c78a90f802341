"""The answer engine on the bundled corpus, through the real index and the real CLI."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
from pathlib import Path

import numpy as np
import pytest

from bot.engine import Engine, names_break_ties
from bot.question import analyse_question
from index.analyse import is_ordinary_word, root_of, roots_stored_by
from index.load import load_file
from index.segment import normalise_whitespace
from tests.conftest import BUNDLED_CORPUS, ROOT, TANYA

PUTIN_QUOTE = "Pada Juni 2024, Presiden Rusia Vladimir Putin melakukan kunjungan langka ke Pyongyang."


@pytest.fixture(scope="module")
def engine(bundled_db: Path) -> Engine:
    return Engine(bundled_db)


@pytest.mark.parametrize("question", ["kapan Putin ke Pyongyang?", "Kapan Putin mengunjungi Pyongyang?",
                                      "kpn putin ke pyongyang"])
def test_anchor_question(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.answer == "Juni 2024"
    first = answer.passages[0]
    assert first.quote == PUTIN_QUOTE
    assert first.source == "INDONESIAUPDATES.COM"
    assert first.date == "2024-09-14"


@pytest.mark.parametrize("margin, named_first", [(0.002, True), (0.05, False)])
def test_a_near_tie_goes_to_the_sentence_that_names_the_question(engine: Engine, margin: float,
                                                                  named_first: bool) -> None:
    # Moscow's veto "pada Maret" names Pyongyang only (its story's headline names Putin): level with
    # the sentence naming both, the naming one goes first; clearly ahead, the model's order stands
    seen = engine.examine(analyse_question("kapan Putin ke Pyongyang?"))
    sentences = [seen.candidates.sentences[i] for i in seen.leading]
    named = next(i for i, s in enumerate(sentences) if s.text == PUTIN_QUOTE)
    veto = next(i for i, s in enumerate(sentences) if s.text.startswith("Namun Moskow menggunakan veto"))
    scores = np.full(len(sentences), 0.1)
    scores[veto], scores[named] = 0.52, 0.52 - margin
    first = int(np.argmax(names_break_ties(seen.query, sentences, scores)))
    assert first == (named if named_first else veto)


def _article_text(quote_path: str) -> str:
    articles, _ = load_file(BUNDLED_CORPUS, quote_path)
    return normalise_whitespace(articles[0].text)


@pytest.mark.parametrize("question", [
    "siapa menteri pertahanan Rusia yang bertemu No Kwang Chol?",
    "berapa jarak Vladivostok dari perbatasan Korea Utara?",
    "di mana Kim bertemu Putin pada September 2023?",
    "mengapa Korea Utara dituduh menjual amunisi?",
])
def test_every_quote_is_verbatim(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.passages
    for quote in answer.passages:
        article = _article_text(quote.path)
        for piece in quote.quote.split("…"):
            assert normalise_whitespace(piece) in article


@pytest.mark.parametrize("question", ["siapa juara Piala Dunia 2022?", "apa kata Jokowi tentang Rusia?",
                                      "xqzv blorft wumpik?", "apa itu yang ada?",
                                      # near misses: a real name with what no article says of it
                                      "siapa menteri pertahanan Jepang?",
                                      "berapa harga satu rudal balistik Korea Utara?"])
def test_questions_the_corpus_does_not_answer_are_declined(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.abstained and answer.answer is None and answer.passages == []


HOSTILE = ["", "   ", "x" * 10_000, "🙂🙂🔥🇮🇩", "?!?!...", '" OR 1=1 --', "NEAR(putin pyongyang)", "*",
           "putin* AND pyongyang", "<b>kapan</b> <script>alert(1)</script> Putin ke Pyongyang?",
           "kapan\u200b Putin\u200c ke\ufeff Pyongyang?", "'; DROP TABLE passages; --", "kapan " * 2000,
           "apa kepanjangan dari " + "A" * 10_000, "apa singkatan dari " + "Korea " * 3000,
           "kepanjangan ((( DPRK )))"]


@pytest.mark.parametrize("question", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_questions_get_a_normal_reply(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert isinstance(answer.abstained, bool)
    json.dumps(answer.to_json())


def test_zero_width_characters_do_not_hide_the_question(engine: Engine) -> None:
    assert engine.ask("kapan\u200b Putin\u200c ke\ufeff Pyongyang?").answer == "Juni 2024"


def test_follow_up_reads_the_previous_turn(engine: Engine) -> None:
    first = engine.ask("kapan Putin ke Pyongyang?")
    follow = engine.ask("kalau Shoigu?", first.turn)
    assert not follow.abstained
    assert "Shoigu" in follow.passages[0].quote


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*TANYA, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120)


def test_ask_json_contract_and_batch(bundled_db: Path) -> None:
    single = _cli("ask", "--json", "--db", str(bundled_db), "kapan Putin ke Pyongyang?")
    assert single.returncode == 0, single.stderr
    record = json.loads(single.stdout)
    assert set(record) == {"question", "abstained", "answer", "passages"}
    assert set(record["passages"][0]) == {"quote", "article_id", "title", "source", "date", "path", "url", "score"}
    assert record["passages"][0]["article_id"] == "000_26b4985e531ea79f.txt"

    batch = _cli("ask", "--json", "--db", str(bundled_db),
                 stdin="kapan Putin ke Pyongyang?\nsiapa juara Piala Dunia 2022?\n\n")
    lines = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [line["question"] for line in lines] == ["kapan Putin ke Pyongyang?", "siapa juara Piala Dunia 2022?", ""]
    assert [line["abstained"] for line in lines] == [False, True, True]


def test_ask_prints_answer_then_sourced_quote(bundled_db: Path) -> None:
    result = _cli("ask", "--db", str(bundled_db), "kapan Putin ke Pyongyang?")
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert text.index("Juni 2024") < text.index("Pada Juni 2024")
    assert "INDONESIAUPDATES.COM" in text


def test_answering_stems_only_the_words_the_index_never_stemmed(bundled_db: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # The extractors tell a verb's forms apart by root; the index stemmed every word of its articles
    # when it was built, and Sastrawi takes about a millisecond for each word a process has not seen.
    from Sastrawi.Stemmer.Stemmer import Stemmer

    stemmed: list[str] = []
    stem_word = Stemmer.stem_word
    monkeypatch.setattr(Stemmer, "stem_word", lambda self, word: stemmed.append(word) or stem_word(self, word))
    root_of.cache_clear()
    is_ordinary_word.cache_clear()
    answer = Engine(bundled_db).ask("Kapan Presiden Rusia Vladimir Putin melakukan kunjungan ke Pyongyang?")
    assert answer.answer == "Juni 2024"
    with sqlite3.connect(bundled_db) as conn:
        stored = [w for w in stemmed if conn.execute("SELECT 1 FROM stems WHERE word = ?", (w,)).fetchone()]
    assert stored == []
    with roots_stored_by(lambda word: None):  # an index that stored nothing: Sastrawi reads every word
        root_of.cache_clear()
        assert root_of("melakukan") == "laku" and stemmed[-1] == "melakukan"


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    result = _cli("ask", "--db", str(tmp_path / "none.db"), "kapan?")
    assert result.returncode != 0
    assert "tanya index" in result.stderr and "Traceback" not in result.stderr


def test_who_said_it_names_the_speaker_of_the_quote(engine: Engine) -> None:
    from bot.question import analyse_question

    first = engine.ask("apa kata Choe soal dukungan untuk tentara Rusia?")
    follow = engine.ask("siapa yang mengatakannya?", first.turn)
    assert "ujar Choe" in follow.passages[0].quote
    # The speaker is what the extractors find; whether it is shown is the learned short-answer gate's call.
    seen = engine.examine(analyse_question("siapa yang mengatakannya?", first.turn))
    assert seen.answer_at is not None and seen.ranked[seen.answer_at].answer == "Choe"
    assert follow.answer in (None, "Choe")


def _engine_over(tmp_path: Path, articles: dict[str, str]) -> Engine:
    """A real index of the given articles (file name → text)."""
    from index.build import build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = tmp_path / "index.db"
    build_index(corpus, db)
    return Engine(db)


def test_abbreviation_spelt_out_in_one_passage_of_many(tmp_path: Path) -> None:
    """Dozens of articles name the BPBD; one spells it out, and that one answers."""
    articles = {f"{i:03}.txt": f"BPBD Garut mencatat {i + 3} rumah rusak akibat banjir pada pekan ke-{i + 1}.\n\n"
                               f"Warga diminta waspada, kata petugas BPBD di posko ke-{i + 1}.\n" for i in range(60)}
    articles["spelt.txt"] = ("Longsor di Garut\n\nKepala Badan Penanggulangan Bencana Daerah (BPBD) Garut meninjau "
                             "lokasi longsor yang menimbun dua rumah warga pada Selasa pagi.\n")
    answer = _engine_over(tmp_path, articles).ask("Apa kepanjangan dari BPBD?")
    assert answer.answer == "Badan Penanggulangan Bencana Daerah"
    assert answer.passages[0].article_id == "spelt.txt"


def test_a_long_quote_is_trimmed_around_its_answer(tmp_path: Path) -> None:
    """A long quotation closed by who said it: the quote shown keeps the speaker."""
    said = ("Dengan semakin banyaknya orang yang tinggal dan bekerja di perkotaan, dukungan bagi proses "
            "urbanisasi yang inklusif dan terencana serta menambah pasokan perumahan yang cukup dengan layanan "
            "umum yang baik serta lingkungan yang saling terhubung menjadi penting bagi pendanaan rumah murah "
            "di seluruh kota besar dan kecil di Indonesia pada tahun-tahun mendatang")
    articles = {"bank.txt": f"Bank Dunia dan Rumah Murah\n\n\"{said},\" ujar Taimur Samad, juru bicara Bank Dunia.\n",
                **{f"{i}.txt": f"Harga cabai di pasar {i} naik {i + 2} persen pekan ini.\n" for i in range(20)}}
    answer = _engine_over(tmp_path, articles).ask("siapa juru bicara bank dunia yang bicara soal pendanaan rumah murah")
    first = answer.passages[0]
    assert first.article_id == "bank.txt" and len(first.quote) <= 340
    assert "Taimur Samad" in first.quote and first.quote.startswith("…")


def test_a_long_misspelt_word_is_read_as_the_indexed_word_even_a_dictionary_one(tmp_path: Path) -> None:
    """ "indonesa" is Indonesia (in Sastrawi's dictionary), not a rare misspelling the index holds;
    a short unknown name ("Wati") is not bent into a dictionary word ("hati")."""
    articles = {f"{i}.txt": f"Investasi ke Indonesia naik {i + 2} persen tahun ini.\n" for i in range(5)}
    articles["typo.txt"] = "Penulis salah ketik: Indoneisa.\n\nMereka datang dari jauh.\n\nHati warga senang.\n"
    engine = _engine_over(tmp_path, articles)
    seen = engine.retrieve(analyse_question("berapa investasi ke indonesa"))
    assert seen is not None and "indonesia" in seen[0].terms
    seen = engine.retrieve(analyse_question("siapa yang dateng dari jauh"))
    assert seen is not None and "datang" in seen[0].terms
    seen = engine.retrieve(analyse_question("kapan Wati datang"))  # "hati" is one edit away, and indexed
    assert seen is not None and "wati" in seen[0].unknown


@pytest.mark.parametrize("question, role", [
    ("siapa istri Kim Jong Un?", "istri"),
    ("siapa menhan Rusia sekarang", "menteri"),
    ("Siapa nama menteri pertahanan Rusia?", None),  # "nama" only frames the question
    ("siapa yang bertemu Kim di Pyongyang?", None),
    ("kapan Putin ke Pyongyang?", None),
    ("menteri rusia yg ke pyongyang siapa", "menteri"),  # asked at the end, of the noun a "yang" clause describes
    ("istri kim jong un yang ikut ke rusia siapa ya", "istri"),
    ("putin ke pyongyang bareng siapa", None),
])
def test_the_role_a_siapa_question_asks_the_holder_of(engine: Engine, question: str, role: str | None) -> None:
    query, _ = engine.retrieve(analyse_question(question))
    assert query.role == role


def test_no_short_answer_names_a_person_without_the_asked_role(engine: Engine) -> None:
    """No article says who Kim Jong Un's wife is: the sentence naming him beside Shoigu gives no name."""
    answer = engine.ask("siapa istri kim jong un")
    assert answer.answer is None


def test_a_misspelt_name_is_no_answer_to_its_own_question(engine: Engine) -> None:
    """ "shoigo" is read as Shoigu, so Shoigu only repeats the question: the one he met answers it."""
    answer = engine.ask("siapa yg bertemu shoigo di pyongyang")
    assert answer.passages and "Shoigu" in answer.passages[0].quote
    assert answer.answer in ("Kim", None)  # shown or not, as the gate judges
    seen = engine.examine(analyse_question("siapa yg bertemu shoigo di pyongyang"))
    assert seen.ranked[seen.answer_at].answer == "Kim"


def test_a_misspelt_word_weighs_as_the_word_it_stands_for(engine: Engine) -> None:
    """ "pyongyan" is read as Pyongyang. Kept among the question's words as typed too, it echoed
    "Pyongyang" a second time, the date looked further from the question, and the gate hid it."""
    typed = engine.examine(analyse_question("kapan putin ke pyongyan?"))
    spelt = engine.examine(analyse_question("kapan putin ke pyongyang?"))
    assert "pyongyang" in typed.query.words and "pyongyan" not in typed.query.words
    assert typed.ranked[typed.answer_at].answer == spelt.ranked[spelt.answer_at].answer == "Juni 2024"
    assert typed.p_short == pytest.approx(spelt.p_short)


def test_a_misspelt_derived_word_is_read_as_the_indexed_spelling(tmp_path: Path) -> None:
    """ "dipangil" and "trbaik" have no stem Sastrawi can find, but each is one letter from a word
    the articles use. A word of its own the corpus lacks ("harga") is not bent into one it has
    ("warga")."""
    engine = _engine_over(tmp_path, {"kpk.txt": "Pejabat itu dipanggil KPK pada Senin.\n\nIa meraih nilai terbaik.\n",
                                     "other.txt": "Warga datang ke balai desa.\n"})
    query, _ = engine.retrieve(analyse_question("kapan pejabat itu dipangil kpk"))
    assert "panggil" in query.terms and query.corrections == {"dipangil": "dipanggil"}
    query, _ = engine.retrieve(analyse_question("siapa yang meraih nilai trbaik"))
    assert "baik" in query.terms and query.corrections == {"trbaik": "terbaik"}
    query, _ = engine.retrieve(analyse_question("berapa harga nilai terbaik"))
    assert "harga" in query.unknown and "warga" not in query.terms


def test_a_misspelt_word_is_read_as_the_word_its_question_is_about(tmp_path: Path) -> None:
    """ "formapi" is one letter from "formasi", an ordinary word many articles use, and from
    "Formappi", a name used beside the question's other words: those words tell the readings apart.
    So for a chat verb's: "nyerahin" may be cerahkan or serahkan, and "lhkpn" is handed over."""
    articles = {f"{i}.txt": f"Formasi tim berubah pada laga ke-{i}. Senyumnya mencerahkan suasana.\n" for i in range(20)}
    articles["formappi.txt"] = ("Koordinator Forum Masyarakat Peduli Parlemen Indonesia (Formappi), Sebastian Salang, "
                                "menilai perpanjangan Pansus KPK pemborosan uang rakyat.\n")
    articles["lhkpn.txt"] = "Dua calon gubernur sudah menyerahkan LHKPN ke KPK pada Senin.\n"
    engine = _engine_over(tmp_path, articles)
    query, _ = engine.retrieve(analyse_question("koordinator formapi yg bilang pansus kpk pemborosan siapa"))
    assert query.corrections == {"formapi": "formappi"}
    query, _ = engine.retrieve(analyse_question("siapa aja cagub yg udh nyerahin lhkpn"))
    assert query.corrections == {"nyerahin": "menyerahkan"} and "serah" in query.terms


def test_a_chat_word_the_corpus_holds_only_as_a_typo_is_read_formally(tmp_path: Path) -> None:
    """ "taun" is in one article (a typo) and "tahun" in every other: the chat word means the
    frequent one. "panitra" is one letter from "panitia" and from "panitera"; chat drops letters,
    so the word with the letter put back wins although "panitia" is more frequent (when the
    question's other words are found with neither)."""
    from bot.engine import COMMON_FORMAL

    articles = {f"{i}.txt": f"Terdakwa {i} divonis tujuh tahun penjara.\n" for i in range(COMMON_FORMAL)}
    articles |= {f"lomba{i}.txt": f"Panitia lomba {i} hadir.\n" for i in range(COMMON_FORMAL)}
    articles["typo.txt"] = "Sudah satu taun berlalu. Panitera pengadilan itu ditahan.\n"
    engine = _engine_over(tmp_path, articles)
    query, _ = engine.retrieve(analyse_question("panitra itu divonis brapa taun"))
    assert "tahun" in query.terms and "taun" not in query.terms
    assert "panitera" in query.terms and query.corrections["panitra"] == "panitera"


def test_a_chat_word_quoted_in_a_few_stories_is_read_as_the_word_news_writes(tmp_path: Path) -> None:
    """Stories quote speech, so the corpus holds "dateng" a few times and "datang" thirty times as
    often: a question's "dateng" means datang, and weighs as the common word it is, not as the
    rarest word of the question. "eder" is as rare beside "edar", but the corpus writes it as a name
    within its sentences ("pemain Inter, Eder"), so it stays the name."""
    from bot.engine import COMMON_FORMAL

    rare = 3
    articles = {f"datang{i}.txt": f"Warga datang ke balai desa {i} pada Senin.\n" for i in range(COMMON_FORMAL * rare)}
    articles |= {f"edar{i}.txt": f"Polisi menyita obat yang beredar di pasar {i}.\n" for i in range(COMMON_FORMAL * rare)}
    articles |= {f"kutipan{i}.txt": f"\"Saya dateng kok,\" kata Budi {i}. Gelandang Inter, Eder, mencetak gol.\n"
                 for i in range(rare)}
    _assert_read(_engine_over(tmp_path, articles), {"siapa yg dateng ke balai desa": ("datang", "dateng"),
                                                    "eder mencetak gol lawan siapa": ("eder", "edar")})


def test_a_word_capitalised_only_where_sentences_open_is_no_name(tmp_path: Path) -> None:
    """The index keeps a capitalised "Sehari" as a name of its own by its spelling (as it keeps
    "Lukaku", not "luka"), so a question's lower-case "sehari" once matched only the passages that
    open a sentence with it, weighing as a rare name. The corpus capitalises "Sehari" only where a
    sentence opens, and "Lukaku" within sentences: only the name is kept as typed."""
    articles = {f"hari{i}.txt": f"Dia makan tiga kali sehari di rumah {i}. Luka di kakinya sembuh.\n"
                for i in range(6)}
    articles["buka.txt"] = "Sehari sebelumnya hujan turun. Striker Belgia, Romelu Lukaku, cedera.\n"
    articles["lukaku.txt"] = "Pelatih memuji Lukaku usai laga. Lukaku mencetak dua gol.\n"
    _assert_read(_engine_over(tmp_path, articles), {"sehari makan brp kali": ("hari", "sehari"),
                                                    "lukaku cedera kapan": ("lukaku", "luka")})


def _assert_read(engine: Engine, readings: dict[str, tuple[str, str]]) -> None:
    """Each question is searched for by the first term and not by the second."""
    for question, (read, not_read) in readings.items():
        terms = engine.retrieve(analyse_question(question))[0].terms
        assert read in terms and not_read not in terms, (question, terms)


def test_a_nasalised_chat_verb_is_read_as_news_writes_it(tmp_path: Path) -> None:
    """ "muji" is memuji, "nyuri" mencuri, "ngambil" mengambil: the form the articles use, so the
    question's words are found as written ("kim muji" has the sentence's phrase "kim memuji"); a verb
    the corpus never writes with meN- keeps its root."""
    engine = _engine_over(tmp_path, {"a.txt": "Kim memuji hubungan kedua negara pada Rabu.\n\n"
                                              "Dua pemuda mencuri jengkol dan mengambil sepeda.\n",
                                     "b.txt": "Warga dituduh curang.\n"})
    for typed, written in (("muji", "memuji"), ("nyuri", "mencuri"), ("ngambil", "mengambil")):
        query, _ = engine.retrieve(analyse_question(f"kapan kim {typed} hubungan"))
        assert query.corrections[typed] == written and written in query.words
    query, _ = engine.retrieve(analyse_question("siapa yang nuduh warga"))
    assert query.corrections["nuduh"] == "tuduh"


def test_a_chat_verb_of_a_root_ending_in_in_is_not_read_as_a_suffix(tmp_path: Path) -> None:
    """ "mimpin" is memimpin (root "pimpin"), though "-in" often stands for "-kan" or "-i" and the
    corpus also writes "mimpi": read as "mimpi" + "-in", the question asked about a dream."""
    notes = {f"other{i}.txt": f"Harga cabai di pasar naik {i + 2} persen pekan ini.\n" for i in range(4)}
    engine = _engine_over(tmp_path, {"a.txt": "Wasit Szymon Marciniak memimpin laga Lyon melawan Juventus.\n",
                                     "b.txt": "Pemain muda itu bermimpi tampil di Liga Champions. Mimpi itu terwujud.\n",
                                     **notes})
    query, _ = engine.retrieve(analyse_question("siapa wasit yg mimpin laga lyon"))
    assert "pimpin" in query.terms and "mimpi" not in query.terms
    query, _ = engine.retrieve(analyse_question("pemain itu mimpiin apa"))  # an "-in" after a root is still one
    assert "mimpi" in query.terms


def test_a_vowel_less_chat_abbreviation_is_read_as_the_word_it_shortens(tmp_path: Path) -> None:
    """ "brgkt" is berangkat (the more frequent of the words with its consonants, not bertingkat
    or berperangkat); a word with its vowels is never read so."""
    articles = {f"{i}.txt": f"Rombongan {i} berangkat dari Jakarta pada pagi hari.\n" for i in range(3)}
    articles["other.txt"] = "Gedung bertingkat itu berperangkat lengkap.\n\nKita datang.\n"
    engine = _engine_over(tmp_path, articles)
    query, _ = engine.retrieve(analyse_question("rombongan brgkt dari mana"))
    assert "berangkat" in query.terms and query.corrections == {"brgkt": "berangkat"}
    query, _ = engine.retrieve(analyse_question("kapan rombongan bergkat"))  # two vowels: a typo, not this
    assert "berangkat" not in query.terms
    articles["dog.txt"] = "Seekor anjing menunggu pemiliknya.\n\nAnung datang menjemput.\n"
    (tmp_path / "dog").mkdir()
    engine = _engine_over(tmp_path / "dog", articles)
    query, _ = engine.retrieve(analyse_question("kamera di tubuh anjngnya"))  # a first vowel is kept
    assert "anjing" in query.terms and query.corrections == {"anjng": "anjing"}


def test_a_date_with_its_day_counts_fully_and_a_month_alone_half() -> None:
    """ "tanggal berapa" wants "19 September", and "September mendatang" is only half an answer."""
    from bot.engine import answer_with_strength

    words = {"tur", "itu", "mulai", "tanggal", "berapa"}
    published = "2016-06-10"
    day = answer_with_strength("kapan", "Tur itu akan dimulai pada 19 September mendatang.", words, [], None, published)
    month = answer_with_strength("kapan", "Konser itu dimulai September mendatang.", words, [], None, published)
    assert day[0] == "19 September 2016" and day[1] == 2 * month[1] > 0


def _engine_over_one_story(tmp_path: Path, story: str) -> Engine:
    """An index of one story among four unrelated notes, so the story's terms weigh as in an archive."""
    notes = {f"other{i}.txt": f"Harga cabai di pasar naik {i + 2} persen pekan ini.\n" for i in range(4)}
    return _engine_over(tmp_path, {"story.txt": story, **notes})


def test_a_short_answer_never_comes_from_a_sentence_without_the_asked_name(tmp_path: Path) -> None:
    """The article names Xi Jinping in one sentence and gives a date, about Kim, paragraphs away:
    the question about Xi gets no date from it, and the sentence about Xi stays first."""
    engine = _engine_over_one_story(
        tmp_path,
        "Kim bertemu Shoigu di Pyongyang\n\n"
        "Para ahli menduga pertemuan berlangsung di Istana Tamu Kumsusan di Pyongyang, yang pernah menjadi "
        "tempat pertemuan dengan Presiden China Xi Jinping.\n\n"
        "Media pemerintah menampilkan foto keduanya tersenyum setelah pertemuan.\n\n"
        "Kim menyatakan Korea Utara akan meningkatkan kerja sama sesuai perjanjian yang ditandatangani "
        "di Pyongyang pada Juni 2024.\n")
    answer = engine.ask("kapan Xi Jinping ke Pyongyang?")
    assert answer.answer is None
    assert answer.abstained or "Xi Jinping" in answer.passages[0].quote


@pytest.mark.parametrize("paragraph, question, expected", [
    ("Para ahli menduga pertemuan berlangsung di Istana Tamu Kumsusan di Pyongyang, yang pernah menjadi tempat "
     "pertemuan dengan Presiden China Xi Jinping. Kim menyatakan Korea Utara akan meningkatkan kerja sama sesuai "
     "perjanjian yang ditandatangani pada Juni 2024.", "kapan Xi Jinping ke Pyongyang?", None),
    ("Presiden Rusia Vladimir Putin mengunjungi Pyongyang untuk bertemu Kim. Ia tiba di sana pada 19 Juni 2024.",
     "kapan Putin ke Pyongyang?", "19 Juni 2024"),
])
def test_the_sentence_beside_lends_its_names_only_when_referred_back_to(tmp_path: Path, paragraph: str,
                                                                        question: str, expected: str | None) -> None:
    """A date next to the sentence naming Xi is about Kim; "Ia tiba …" is about Putin."""
    engine = _engine_over_one_story(tmp_path, f"Kunjungan ke Korea Utara\n\n{paragraph}\n")
    assert engine.ask(question).answer == expected


@pytest.mark.parametrize("question", ["kapan Catalunya menggelar referendum?", "kapan catalonya menggelar referendum?"])
def test_a_name_ending_in_nya_is_read_whole(tmp_path: Path, question: str) -> None:
    """ "-nya" is cut from a question's words as a possessive ("pelakunya"); a name that ends in it,
    or a typo of one, is read as the name the index holds, not as an unknown "catalu"."""
    engine = _engine_over_one_story(tmp_path, "Referendum Catalunya\n\nCatalunya menggelar referendum kemerdekaan "
                                              "pada 1 Oktober 2017.\n")
    query, _ = engine.retrieve(analyse_question(question))
    assert "catalunya" in query.terms and not query.unknown
    assert engine.ask(question).answer == "1 Oktober 2017"


def test_two_words_typed_as_one_are_read_as_both(tmp_path: Path) -> None:
    """ "berkembangbiak" is berkembang biak; a word of its own the corpus lacks ("lamban") and a
    capitalised name are left whole."""
    engine = _engine_over(tmp_path, {"spons.txt": "Porifera berkembang biak secara seksual dan aseksual.\n\n"
                                                  "Lambang kota itu berwarna merah dan putih.\n",
                                     "other.txt": "Harga cabai naik pekan ini.\n"})
    query, _ = engine.retrieve(analyse_question("bagaimana porifera berkembangbiak"))
    assert {"kembang", "biak"} <= set(query.terms) and query.corrections == {"berkembangbiak": "berkembang biak"}
    query, _ = engine.retrieve(analyse_question("kenapa porifera lamban"))
    assert "lamban" in query.unknown and not query.corrections


def test_two_words_news_joins_in_a_derived_verb_are_read_as_its_root_too(tmp_path: Path) -> None:
    """ "tanda tangan" is the root of "menandatangani": the question finds the sentence that signs,
    not only those with a hand or a sign; two words with no joined root are left alone."""
    engine = _engine_over(tmp_path, {"pakta.txt": "Tangan Kim melambai kepada tamu di tanda batas kota.\n\n"
                                                  "Putin dan Kim menandatangani pakta pertahanan pada Juni 2024.\n",
                                     "other.txt": "Harga cabai naik pekan ini.\n"})
    query, _ = engine.retrieve(analyse_question("kapan putin sama kim tanda tangan pakta"))
    assert "tandatangan" in query.terms
    assert engine.ask("kapan putin sama kim tanda tangan pakta").answer == "Juni 2024"
    query, _ = engine.retrieve(analyse_question("kapan harga cabai naik"))
    assert len(query.terms) == len(set(query.terms)) and "hargacabai" not in query.terms


def test_a_name_typed_without_its_accents_finds_the_article_that_writes_them(tmp_path: Path) -> None:
    """Chat types "marquez" for "Márquez" and news may write either: both are one name, known to
    the corpus, and the question is answered instead of declined for a name it never mentions."""
    engine = _engine_over(tmp_path, {"motogp.txt": "Marc Márquez menjuarai MotoGP Jepang pada 15 Oktober 2017.\n\n"
                                                   "Pebalap Spanyol itu unggul atas Dovizioso.\n",
                                     "ozil.txt": "Mesut Ozil pindah ke Arsenal pada 2013.\n",
                                     "other.txt": "Harga cabai naik pekan ini.\n"})
    query, _ = engine.retrieve(analyse_question("kapan marquez juara motogp jepang"))
    assert "marquez" in query.terms and not query.unknown
    answer = engine.ask("kapan marquez juara motogp jepang")
    assert not answer.abstained and "Márquez" in answer.passages[0].quote
    query, _ = engine.retrieve(analyse_question("kapan Özil pindah ke Arsenal"))
    assert "ozil" in query.terms and not query.unknown


def test_letters_and_figures_typed_as_one_are_read_apart(tmp_path: Path) -> None:
    """ "u19" and "covid19" are how chat writes "U - 19" and "Covid-19", which the index holds apart."""
    engine = _engine_over(tmp_path, {"timnas.txt": "Pelatih Timnas U - 19, Indra Sjafri, memanggil 30 pemain.\n\n"
                                                   "Kasus Covid-19 naik lagi di Jakarta.\n",
                                     "other.txt": "Harga cabai naik pekan ini.\n"})
    query, _ = engine.retrieve(analyse_question("siapa pelatih timnas u19"))
    assert "19" in query.terms and not query.unknown
    query, _ = engine.retrieve(analyse_question("kasus covid19 di jakarta"))
    assert {"covid", "19"} <= set(query.terms) and not query.unknown
    assert engine.ask("siapa pelatih timnas u19").answer == "Indra Sjafri"


def test_a_further_quote_shares_a_word_with_the_question() -> None:
    """A photo credit may score near the best sentence by its article's context alone; it shares
    no word with the question and is not quoted."""
    from bot.answer import ArticleInfo
    from bot.candidates import ArticleContext, Sentence
    from bot.engine import _pick_quotes

    info = ArticleInfo("a.txt", "Kim bertemu Shoigu", None, None, None, "a.txt", None)
    article = ArticleContext(info, 0, 1.0, frozenset(), frozenset(), frozenset())

    def sentence(passage_id: int, text: str, terms: list[str]) -> Sentence:
        return Sentence(article, passage_id, passage_id, text, None, (0, len(text)), [(0, len(text))], terms, 1.0,
                        passage_terms=frozenset(terms))

    best = sentence(1, "Kim Jong Un bertemu Shoigu.", ["kim", "jong", "un", "temu", "shoigu"])
    credit = sentence(2, "/KCNA via REUTERS/", ["kcna", "via", "reuters"])
    other = sentence(3, "Shoigu tiba di Pyongyang.", ["shoigu", "tiba", "pyongyang"])
    picked = _pick_quotes([(best, 0.6), (credit, 0.5), (other, 0.4)], 3, {"kim", "shoigu"}, explain=False)
    assert picked == [best, other]


def test_no_short_answer_from_a_sentence_that_gives_another_figure(tmp_path: Path) -> None:
    """"kontainer 40 kaki" is asked: the price of the 20-foot one, however well it matches the
    other words, is no answer."""
    engine = _engine_over_one_story(
        tmp_path,
        "Tarif THC di Pelabuhan Priok Lebih Murah\n\n"
        "Tarif THC kontainer di Pelabuhan Tanjung Priok kini lebih murah dibanding Singapura. "
        "Tarif THC kontainer 20 kaki di Pelabuhan Tanjung Priok sebesar 95 dolar AS.\n\n"
        "Sementara itu, untuk ukuran 40 kaki tarifnya 145 dolar AS.\n")
    assert engine.ask("berapa tarif THC kontainer 40 kaki di Tanjung Priok?").answer in (None, "145 dolar AS")


@pytest.mark.parametrize("sentence", [
    "Rencana ini tidak tepat untuk kami, \" ucap Marc Benioff, CEO Salesforce, pada Jumat lalu.",
    "“ Kami tetap berlatih, ” tutur Djadjang di Bandung.",
])
def test_news_copys_other_words_for_said_name_the_speaker(sentence: str) -> None:
    """"ucap", "tutur", "imbuh", "ungkap" attribute a quote as "kata" and "ujar" do."""
    from bot.engine import answer_with_strength

    _, strength = answer_with_strength("siapa", sentence, {"siapa", "yang", "mengatakan"}, [], None, None)
    assert strength == 1.0


def test_a_short_form_and_its_long_form_find_each_other(tmp_path: Path) -> None:
    """The news writes "Dubes Korut" as often as "Duta Besar Korea Utara", and people ask either way:
    an article with the short form answers a question with the long one, and the other way round."""
    engine = _engine_over(tmp_path, {
        "short.txt": "Wakil Dubes Korut untuk Inggris, Kim Song Ho, membelot ke Seoul pekan lalu.\n",
        "long.txt": "Sekretaris Jenderal partai itu, Budi Santoso, mundur dari jabatannya pada Senin.\n",
        "other.txt": "Duta besar Jepang untuk Inggris menghadiri pameran di London.\n",
    })
    answer = engine.ask("siapa wakil duta besar korea utara yang membelot")
    assert "Kim Song Ho" in answer.passages[0].quote
    answer = engine.ask("sekjen partai itu yg mundur siapa")
    assert "Budi Santoso" in answer.passages[0].quote


@pytest.mark.parametrize("chat, plain", [
    ("dampak perjanjian rusia korut apa aja", "apa saja dampak perjanjian rusia korut"),
    ("isi perjanjian kemitraan strategis itu apa aja", "apa isi perjanjian kemitraan strategis"),
    ("tujuan kunjungan shoigu ke pyongyang apa", "apa tujuan kunjungan shoigu ke pyongyang"),
    ("kantor berita korsel apa yang melaporkan kunjungan putin", "kantor berita apa yang melaporkan kunjungan putin"),
])
def test_chat_word_order_gets_the_plain_question_s_answer(engine: Engine, chat: str, plain: str) -> None:
    """Chat opens with what it asks and closes with "apa", or names a place after the asked noun:
    read as "which putih" or "which Selatan", such questions got a stray name or were declined."""
    asked, expected = engine.ask(chat), engine.ask(plain)
    assert not asked.abstained and not expected.abstained
    assert asked.answer == expected.answer
    assert asked.passages[0].quote == expected.passages[0].quote
