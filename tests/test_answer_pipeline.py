"""The answer pipeline's pure parts (candidates, features, models, training labels) on small
hand-made data, and the engine reading a whole article on a real index."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.answer import ArticleInfo
from bot.candidates import PassageRow, build_candidates, group_articles
from bot.engine import _pick_quotes, _quoted_text, within_story
from bot.features import (
    ANSWER_FEATURES,
    DECLINE_FEATURES,
    SENTENCE_FEATURES,
    STORY_FEATURES,
    altered,
    answer_features,
    coverage,
    decline_features,
    figure_unsaid,
    head_beside,
    names_something,
    other_figure,
    place_unsaid,
    proximity,
    said_by,
    sentence_features,
    story_features,
    unsaid_words,
    word_bag,
)
from bot.models import LinearModel, blank_model
from bot.query import Query
from bot.question import analyse_question


def _info(article_id: str) -> ArticleInfo:
    return ArticleInfo(article_id, "Banjir di Kota Baru", "Contoh", "2024-01-02", None, f"{article_id}.txt", None)


def _candidates():
    text0 = "Jakarta, CNN Indonesia - - Banjir melanda Kota Baru. Warga mengungsi."
    text1 = "Ketinggian air mencapai dua meter."
    rows = [  # the index stores no sentence over the dateline (test_segment), but its terms
        PassageRow(1, "a", 0, None, text0, [(27, 52), (53, len(text0))],
                   [["jakarta", "cnn", "indonesia", "banjir", "landa", "kota", "baru"], ["warga", "ungsi"]]),
        PassageRow(2, "a", 1, None, text1, [(0, len(text1))], [["tinggi", "air", "capai", "dua", "meter"]], "caption"),
    ]
    return build_candidates([("a", 5.0)], {"a": _info("a")}, {"a": ["banjir", "kota", "baru"]}, rows, {1: 5.0})


def test_candidates_are_every_sentence_of_the_article_with_its_context():
    cands = _candidates()
    assert [s.text for s in cands.sentences] == ["Banjir melanda Kota Baru.", "Warga mengungsi.",
                                                 "Ketinggian air mencapai dua meter."]
    first, middle, last = cands.sentences
    assert middle.neighbour_terms == frozenset(first.terms) | frozenset(last.terms)
    assert last.passage_bm25 == 0.0 and first.passage_bm25 == 5.0  # only retrieved passages have a score
    assert last.caption and not first.caption
    assert cands.articles[0].terms >= {"tinggi", "banjir", "ungsi"}


def test_a_heading_is_context_for_every_sentence_under_it_and_for_no_other():
    faq = "Apa yang dibahas Kim? - Kim membahas senjata. Mereka juga membahas Ukraina."
    rest = "Pembicaraan berlangsung hangat."
    rows = [
        PassageRow(1, "a", 0, None, "Banjir melanda Kota Baru.", [(0, 25)], [["banjir", "landa", "kota", "baru"]]),
        PassageRow(2, "a", 1, "Apa yang dibahas Kim?", faq, [(0, 21), (24, 45), (46, len(faq))],
                   [["bahas", "kim"], ["kim", "bahas", "senjata"], ["bahas", "ukraina"]]),
        PassageRow(3, "a", 2, "Apa yang dibahas Kim?", rest, [(0, len(rest))], [["bicara", "langsung", "hangat"]]),
        PassageRow(4, "a", 3, "Lain", "Tanpa judul di depan.", [(0, 21)], [["judul", "depan"]]),
    ]
    cands = build_candidates([("a", 5.0)], {"a": _info("a")}, {"a": []}, rows, {2: 5.0})
    heading = {s.text: s.heading_terms for s in cands.sentences}
    assert heading["Mereka juga membahas Ukraina."] == {"bahas", "kim"}  # not its neighbour's words
    assert heading["Pembicaraan berlangsung hangat."] == {"bahas", "kim"}  # the same paragraph, cut further on
    assert heading["Tanpa judul di depan."] == frozenset()  # its heading's words were never stored
    assert heading["Banjir melanda Kota Baru."] == frozenset()


def test_a_quote_that_starts_from_the_sentence_before_opens_with_it():
    text = "Kim dan Shoigu membahas senjata. Mereka juga membahas Ukraina. Pertemuan itu hangat."
    rows = [PassageRow(1, "a", 0, None, text, [(0, 32), (33, 62), (63, len(text))],
                       [["kim", "shoigu", "bahas", "senjata"], ["bahas", "ukraina"], ["temu", "hangat"]])]
    first, they, warm = build_candidates([("a", 5.0)], {"a": _info("a")}, {"a": []}, rows, {1: 5.0}).sentences
    assert _quoted_text(they, explain=False) == "Kim dan Shoigu membahas senjata. Mereka juga membahas Ukraina."
    assert _quoted_text(first, explain=False) == first.text  # nothing before it to open with
    assert _quoted_text(warm, explain=False) == "Pertemuan itu hangat."
    assert _quoted_text(first, explain=True) == "Kim dan Shoigu membahas senjata. Mereka juga membahas Ukraina."
    text = "Jakarta, CNN Indonesia - - Banjir melanda Kota Baru. Mereka mengungsi."
    rows = [PassageRow(1, "a", 0, None, text, [(27, 52), (53, len(text))], [["banjir"], ["ungsi"]])]
    _, crowd = build_candidates([("a", 5.0)], {"a": _info("a")}, {"a": []}, rows, {1: 5.0}).sentences
    assert _quoted_text(crowd, explain=False) == "Banjir melanda Kota Baru. Mereka mengungsi."  # no dateline


def test_a_story_passage_may_give_a_second_quote_a_lone_paragraph_not():
    text = "Kim tiba di Vladivostok. Gubernur menyambut Kim. Pertemuan digelar Rabu."
    spans, terms = [(0, 24), (25, 48), (49, len(text))], [["kim", "tiba", "vladivostok"], ["gubernur", "sambut", "kim"],
                                                          ["temu", "gelar", "rabu"]]
    lone = ArticleInfo("p", None, "Contoh", None, None, "p.txt", None, passages=1)
    story = build_candidates([("a", 5.0)], {"a": _info("a")}, {"a": ["kim"]},
                             [PassageRow(1, "a", 0, None, text, spans, terms)], {1: 5.0}).sentences
    paragraph = build_candidates([("p", 5.0)], {"p": lone}, {"p": []},
                                 [PassageRow(2, "p", 0, None, text, spans, terms)], {2: 5.0}).sentences
    asked = {"kim", "temu", "sambut"}
    for sentences, quoted in ((story, 3), (paragraph, 1)):
        ranked = [(sentences[0], 0.6), (sentences[2], 0.5), (sentences[1], 0.4)]
        assert [s.text for s in _pick_quotes(ranked, 3, asked, explain=False)] == [
            s.text for s, _ in ranked[:quoted]]
    # a sentence the first quote already holds (it explains, so the next one comes with it) is not quoted again
    ranked = [(story[0], 0.6), (story[1], 0.5), (story[2], 0.4)]
    assert [s.text for s in _pick_quotes(ranked, 3, asked, explain=True)] == [story[0].text, story[2].text]


def test_articles_are_ranked_by_their_best_passage():
    assert group_articles([(3, 9.0), (1, 8.0), (4, 7.0), (2, 6.0)], {1: "a", 2: "b", 3: "a", 4: "c"}, 2) == [
        ("a", 9.0), ("c", 7.0)]


def test_features_see_the_question_in_the_sentence_and_its_article():
    cands = _candidates()
    query = Query.of(analyse_question("berapa ketinggian air banjir di Kota Baru?"))
    query.terms = ["tinggi", "air", "banjir", "kota", "baru"]
    query.weights = {"tinggi": 3.0, "air": 2.0, "banjir": 3.0, "kota": 1.0, "baru": 1.0}
    rows = sentence_features(query, cands)
    assert rows.shape == (3, len(SENTENCE_FEATURES))
    column = dict(zip(SENTENCE_FEATURES, rows.T))
    assert column["sentence_coverage"][2] == coverage({"tinggi", "air"}, query.weights) == 0.5
    assert column["article_coverage"][2] == 1.0  # the title and lead hold what the sentence does not
    assert "caption" not in column  # most passages marked so in training are FacQA paragraphs: no weight to learn
    assert proximity(["tinggi", "air", "x", "x"], query.weights) == 1.0


def test_a_question_whose_fact_no_sentence_of_the_best_story_holds_is_seen_as_such():
    """ "berapa ketinggian air …" of a story with no figure: none of its sentences holds what is
    asked, a sign of a near miss the decline model weighs; once one does (a sentence or two past
    the best one, as stories often give it), or the question asks why, there is no such sign."""
    cands, query = _candidates(), _flood_query()
    query.kind = "berapa"
    sentences = cands.sentences
    scores = np.array([0.6, 0.3, 0.1])

    def unsaid() -> float:
        row = decline_features(query, scores, sentences[0], sentences, 5.0, 0.0, [s.text for s in sentences])
        column = dict(zip(DECLINE_FEATURES, row[0]))
        assert column["story_answer_unsaid"] == column["answer_unsaid"]  # a titled story
        return column["answer_unsaid"]

    assert unsaid() == 1.0
    sentences[2].answer = "dua meter"
    assert unsaid() == 0.0
    sentences[2].answer, query.kind = None, "mengapa"
    assert unsaid() == 0.0


def _flood_query():
    query = Query.of(analyse_question("berapa ketinggian air banjir di Kota Baru?"))
    query.terms = ["tinggi", "air", "banjir", "kota", "baru"]
    query.weights = {"tinggi": 3.0, "air": 2.0, "banjir": 3.0, "kota": 1.0, "baru": 1.0}
    return query


def test_within_a_story_a_sentence_is_seen_by_what_it_adds_to_the_story_s_subject():
    """The title and lead say "banjir di Kota Baru"; the question adds "ketinggian air", which only
    the third sentence says."""
    cands, query = _candidates(), _flood_query()
    second = np.zeros((3, len(ANSWER_FEATURES)))
    rows = story_features(query, said_by(cands, cands.articles[0]), cands.sentences, second)
    assert rows.shape == (3, len(STORY_FEATURES))
    column = dict(zip(STORY_FEATURES, rows.T))
    assert column["novel_coverage"].tolist() == [0.0, 0.0, 1.0]
    # each term is said by one sentence of three: as rare in the story as any, so weighed as asked
    assert np.allclose(column["local_coverage"], [0.5, 0.0, 0.5])


def test_within_a_story_a_sentence_is_seen_by_whether_it_writes_the_asked_noun_at_its_answer():
    """ "berapa meter": of the story's figures, the one counted in meters ("dua meter"), not another."""
    cands = _candidates()
    query = Query.of(analyse_question("Berapa meter ketinggian air banjir di Kota Baru?"))
    assert query.head == "meter"
    cands.sentences[0].answer, cands.sentences[2].answer = "Kota Baru", "dua meter"
    second = np.zeros((3, len(ANSWER_FEATURES)))
    rows = story_features(query, said_by(cands, cands.articles[0]), cands.sentences, second)
    assert dict(zip(STORY_FEATURES, rows.T))["head_beside"].tolist() == [0.0, 0.0, 1.0]


def _story_model(novel_weight: float) -> LinearModel:
    coef = np.zeros(len(STORY_FEATURES))
    coef[STORY_FEATURES.index("novel_coverage")] = novel_weight
    return LinearModel(STORY_FEATURES, np.zeros(len(coef)), np.ones(len(coef)), coef, 0.0)


def test_the_story_model_hands_the_story_s_best_probability_to_the_sentence_it_prefers():
    cands, query = _candidates(), _flood_query()
    sentences = cands.sentences
    second = np.zeros((3, len(ANSWER_FEATURES)))
    stage_two = np.array([0.7, 0.2, 0.4])
    # the best probability goes to the sentence that says what the question adds (log-odds 0.85 against
    # -0.41 + 2); the others keep theirs in turn
    assert within_story(query, cands, sentences, second, stage_two, _story_model(2.0)).tolist() == [0.4, 0.2, 0.7]
    assert within_story(query, cands, sentences, second, stage_two, None).tolist() == [0.7, 0.2, 0.4]


def test_the_story_model_corrects_the_second_stage_and_does_not_replace_it():
    """A sentence the second stage thought little of needs a large correction to be put first."""
    cands, query = _candidates(), _flood_query()
    second = np.zeros((3, len(ANSWER_FEATURES)))
    unlikely = np.array([0.7, 0.2, 0.03])  # log-odds 0.85 against -3.48 + 2
    assert within_story(query, cands, cands.sentences, second, unlikely, _story_model(2.0)).tolist() == [0.7, 0.2, 0.03]


@pytest.mark.parametrize("question, role_missing", [
    ("siapa yang tinggal di kota baru?", [0.0, 0.0, 0.0]),  # no role asked
    ("siapa warga kota baru?", [1.0, 0.0, 1.0]),  # only the second sentence speaks of warga
])
def test_a_sentence_without_the_role_asked_for_is_marked(question: str, role_missing: list[float]) -> None:
    """"siapa wasit …" is answered where a wasit is named, not by a club in the sentence before."""
    cands = _candidates()
    query = Query.of(analyse_question(question))
    query.terms = [w for w in ("warga", "tinggal", "kota", "baru") if w in question]
    query.weights = {t: 2.0 for t in query.terms}
    lexical = sentence_features(query, cands)
    rows = answer_features(query, lexical, np.zeros(len(lexical)), cands.sentences, [False] * len(lexical))
    assert rows[:, ANSWER_FEATURES.index("role_missing")].tolist() == role_missing


def test_the_second_stage_marks_a_sentence_of_another_figure_than_the_question_gives() -> None:
    """ "main jam brp di hari kedua" is not answered by the sentence on "hari pertama"; a sentence
    that names no day at all is not marked."""
    text = "Pada hari pertama, Budi bermain pukul 09.00. Budi bermain pukul 17.00 di babak kedua."
    rows = [PassageRow(1, "a", 0, None, text, [(0, 44), (45, len(text))],
                       [["hari", "pertama", "budi", "main", "pukul", "09.00"],
                        ["budi", "main", "pukul", "17.00", "babak", "kedua"]])]
    cands = build_candidates([("a", 5.0)], {"a": _info("a")}, {"a": []}, rows, {1: 5.0})
    query = Query.of(analyse_question("budi main jam brp di hari kedua"))
    query.terms = ["budi", "main", "hari", "kedua"]
    query.weights = {t: 2.0 for t in query.terms}
    lexical = sentence_features(query, cands)
    found = answer_features(query, lexical, np.zeros(len(lexical)), cands.sentences, [True] * len(lexical))
    assert found[:, ANSWER_FEATURES.index("other_figure")].tolist() == [1.0, 0.0]


@pytest.mark.parametrize("question, sentence, other", [
    ("Berapa tarif THC kontainer 40 kaki di Priok?", "Kontainer 20 kaki 95 dolar AS,", True),
    ("Berapa tarif THC kontainer 40 kaki di Priok?", "Kontainer 40 kaki 145 dolar AS.", False),
    ("Berapa tarif THC kontainer 40 kaki di Priok?", "Tarif THC di Priok lebih murah.", False),  # no figure at all
    ("Siapa pendiri Cape Town pada tahun 1852?", "Cape Town didirikan pada tahun 1652 oleh Belanda.", True),
    ("pengguna aktif hariannya brp pas agustus 2016", "Pengguna Instagram per Juni 2016 mencapai 500 juta.", True),
    ("pengguna aktif hariannya brp pas agustus 2016", "Pada Agustus 2016 penggunanya 100 juta.", False),
    ("siapa yang mencatat waktu 2 menit 28,63 detik?", "Yosef mencatat waktu 2 menit 28, 63 detik.", False),
    ("Siapa raja pertama Arab Saudi?", "Saud adalah raja kedua Arab Saudi.", True),  # a rank is a figure too
    ("Siapa raja pertama Arab Saudi?", "Abdulaziz adalah raja pertama Arab Saudi.", False),
    # the same figure, written in words
    ("Brp keuntungan Twitter di kuartal 4 2017?", "Keuntungannya $ 91 juta di kuartal keempat 2017.", False),
    ("kpn venus williams di peringkat 5 dunia", "Williams berada di peringkat kelima dunia pada 2011.", False),
    ("kpn venus williams di peringkat 5 dunia", "Williams berada di peringkat ketiga dunia pada 2011.", True),
])
def test_a_sentence_that_gives_another_figure_where_the_question_gives_one(question: str, sentence: str,
                                                                           other: bool) -> None:
    """A near miss alters a detail ("tahun 1852"): the sentence with the real one answers another question."""
    assert other_figure(sentence, Query.of(analyse_question(question))) is other


@pytest.mark.parametrize("question, passage, signs", [
    ("Kapan PDI dibubarkan?", "PDI didirikan pada tanggal 10 Januari 1973.", (1.0, 0.0, 0.0)),
    ("Kapan PDI didirikan?", "PDI didirikan pada tanggal 10 Januari 1973.", (0.0, 0.0, 0.0)),
    ("Siapa ilmuwan termuda di tim itu?", "Ilmuwan tertua di tim itu adalah Budi.", (1.0, 0.0, 1.0)),
    ("Kapan Gandhi wafat?", "Gandhi lahir pada 1869 dan meninggal pada 1948.", (0.0, 0.0, 0.0)),  # one meaning
    ("Siapa menteri yang tidak hadir?", "Semua menteri hadir dalam rapat itu.", (0.0, 1.0, 0.0)),
    ("Siapa menteri yang tidak hadir?", "Dua menteri tidak hadir dalam rapat itu.", (0.0, 0.0, 0.0)),
    ("Kapan album terakhir mereka dirilis?", "Album pertama mereka dirilis pada 1995.", (1.0, 0.0, 1.0)),
    ("Apa buah yang paling murah?", "Durian adalah buah yang paling mahal.", (0.0, 0.0, 1.0)),
    ("Apa buah yang paling mahal?", "Durian adalah buah yang paling mahal.", (0.0, 0.0, 0.0)),
])
def test_a_question_that_alters_what_the_passage_says_is_marked(question: str, passage: str,
                                                                signs: tuple[float, float, float]) -> None:
    assert altered(Query.of(analyse_question(question)), passage) == signs


@pytest.mark.parametrize("question, unsaid", [
    ("Siapa yang mendirikan PBB pada tahun 1995?", True),
    ("Siapa yang mendirikan PBB pada tahun 1945?", False),  # said in another passage of the article
    ("Berapa anggota PBB pada 2 Januari 2024?", False),  # the article's date, written "2024-01-02"
    ("Berapa anggota PBB sekarang?", False),  # no figure asked
])
def test_a_figure_the_question_names_must_be_somewhere_in_the_best_article(question: str, unsaid: bool) -> None:
    lead, later = "PBB bermarkas di New York.", "Organisasi itu didirikan pada tahun 1945."
    rows = [PassageRow(1, "a", 0, None, lead, [(0, len(lead))], [["pbb", "markas", "new", "york"]]),
            PassageRow(2, "a", 1, None, later, [(0, len(later))], [["organisasi", "diri", "tahun", "1945"]])]
    best = build_candidates([("a", 5.0)], {"a": _info("a")}, {"a": ["pbb"]}, rows, {1: 5.0}).sentences[0]
    assert figure_unsaid(Query.of(analyse_question(question)), best) is unsaid


@pytest.mark.parametrize("question, unsaid", [
    ("Brp keuntungan Twitter di kuartal 4 2017?", False),  # "kuartal keempat" says 4
    ("Brp keuntungan Twitter di kuartal 3 2017?", True),
])
def test_a_figure_the_article_writes_in_words_is_said(question: str, unsaid: bool) -> None:
    text = "Twitter membukukan keuntungan $ 91 juta di kuartal keempat 2017."
    rows = [PassageRow(1, "a", 0, None, text, [(0, len(text))], [["twitter", "buku", "untung", "91", "juta",
                                                                   "kuartal", "empat", "2017"]])]
    best = build_candidates([("a", 5.0)], {"a": _info("a")}, {"a": ["twitter"]}, rows, {1: 5.0}).sentences[0]
    assert figure_unsaid(Query.of(analyse_question(question)), best) is unsaid


@pytest.mark.parametrize("question, unsaid", [
    ("Brp harga Honda CB650F terbaru di Malaysia?", True),
    ("Brp harga Honda CB650F terbaru di Indonesia?", False),
    ("kapan incubus manggung di kuala lumpur", False),  # a place of two words, both written
    ("kapan incubus manggung di kuala kangsar", False),  # no place we know: nothing to miss
    ("kapan incubus manggung di Jawa Barat", True),  # "Jawa" alone is not "Jawa Barat"
    ("Berapa harga Honda CB650F terbaru?", False),  # no place asked
])
def test_a_place_the_question_names_must_be_written_in_the_answering_article(question: str, unsaid: bool) -> None:
    told = ["Honda luncurkan CB650F", "Honda CB650F dijual Rp 120 juta di Indonesia, lebih murah dari Kuala Lumpur.",
            "Incubus tampil di Jawa Tengah."]
    assert place_unsaid(Query.of(analyse_question(question)), told) is unsaid


@pytest.mark.parametrize("question, term, name", [
    ("Kapan Carrie Lam bertemu Joko Widodo?", "carrie", True),
    ("kapan rizieq dateng ke bandara?", "rizieq", True),
    ("kapan rizieq dateng ke bandara?", "dateng", False),  # chat's "datang"
    ("siapa yg nunggu di sana", "nunggu", False),  # "tunggu"
    ("dia dikartu merah gara2 apa", "gara", False),  # a doubled word is a common one
    ("siapa juara ketiga lomba itu", "ketiga", False),
    ("siapa yang dtg ke sana", "dtg", False),  # a chat abbreviation
    ("siapa juara 2017", "2017", False),  # a figure, which `figure_unsaid` reads
])
def test_a_missing_term_counts_as_a_name_only_when_it_reads_as_one(question: str, term: str, name: bool) -> None:
    assert names_something(term, Query.of(analyse_question(question))) is name


def test_a_decimal_the_question_names_is_read_whole() -> None:
    """ "111,6" as the question types it, not "111" and "6" as its normalised text splits it."""
    text = "Tarif itu naik 111,6 persen tahun ini."
    rows = [PassageRow(1, "a", 0, None, text, [(0, len(text))], [["tarif", "naik", "111,6", "persen", "tahun"]])]
    best = build_candidates([("a", 5.0)], {"a": _info("a")}, {"a": ["tarif"]}, rows, {1: 5.0}).sentences[0]
    assert not figure_unsaid(Query.of(analyse_question("siapa yg bilang tarif naik 111,6 persen")), best)
    assert figure_unsaid(Query.of(analyse_question("siapa yg bilang tarif naik 112,6 persen")), best)


def test_the_words_a_question_adds_to_its_passage_make_the_unsaid_model_s_row() -> None:
    query = Query.of(analyse_question("Kapan stasiun Mir dilarang beroperasi?"))
    words = unsaid_words(query, "Stasiun Mir mulai beroperasi pada 1986.")
    assert words == {"dilarang"}
    assert word_bag(("beroperasi", "dilarang", "ditutup"), words).tolist() == [[0.0, 1.0, 0.0]]


@pytest.mark.parametrize("sentence, answer, head, beside", [
    ("Obama menginap di hotel Mandarin Oriental selama di Jakarta.", "Mandarin Oriental", "hotel", True),
    ("Ia lulusan Universitas Alabama di Birmingham.", "Universitas Alabama", "universitas", True),
    ("Kuasa hukumnya, Sugito Atmo Pawiro, mengatakan hal itu.", "Sugito Atmo Pawiro", "keperluan", False),
    ("Timnas menang di Tien Phong Plastic Cup 2017, Vietnam.", "Vietnam", "stadion", False),
    ("Timnas menang di Tien Phong Plastic Cup 2017, Vietnam.", "Vietnam", None, False),
    ("Untuk jarak 170 km, akan diikuti 42 pelari pria - perempuan.", "42 pelari pria", "pelari", True),
    ("Dari mulai kategori 170 kilometer, 102 kilometer dan 30 kilometer.", "102 kilometer", "pelari", False),
])
def test_whether_the_asked_noun_is_written_at_the_answer(sentence: str, answer: str, head: str | None,
                                                          beside: bool) -> None:
    assert head_beside(sentence, answer, head) is beside


def test_a_linear_model_survives_its_file_and_scores_as_written(tmp_path: Path):
    model = LinearModel(("a", "b"), np.array([1.0, 0.0]), np.array([2.0, 1.0]), np.array([1.5, -0.5]), 0.25, 0.4)
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_json()))
    loaded = LinearModel.from_json(json.loads(path.read_text()))
    rows = np.array([[3.0, 1.0], [1.0, 2.0]])
    z = ((rows - [1.0, 0.0]) / [2.0, 1.0]) @ [1.5, -0.5] + 0.25
    assert np.allclose(loaded.probability(rows), 1 / (1 + np.exp(-z))) and loaded.threshold == 0.4
    assert np.allclose(blank_model(("x",)).probability(np.array([[7.0]])), 0.5)


def test_the_engine_reads_past_the_lead(tmp_path: Path):
    """The answer sits in a later paragraph that does not repeat the question's topic words; the
    title and lead do."""
    from bot.engine import Engine
    from index.build import build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "banjir.md").write_text(
        "---\ntitle: Banjir besar melanda Kota Baru\nsource: Contoh\ndate: 2024-01-02\n---\n\n"
        "Banjir besar melanda Kota Baru sejak Senin malam setelah hujan deras.\n\n"
        "Ribuan warga mengungsi ke masjid dan sekolah terdekat.\n\n"
        "Petugas membuka dapur umum di kantor kelurahan.\n\n"
        "Ketinggian air mencapai dua meter di Kelurahan Sukamaju, kata kepala dinas.\n", encoding="utf-8")
    for n, topic in enumerate(["pasar rakyat dibuka", "jalan tol diresmikan", "sekolah baru dibangun"]):
        (corpus / f"lain{n}.md").write_text(
            f"---\ntitle: Di Kota Lama {topic}\nsource: Contoh\n---\n\nDi Kota Lama {topic} pada Selasa.\n\n"
            f"Warga menyambut kabar itu dengan gembira.\n", encoding="utf-8")
    db = tmp_path / "tanya.db"
    build_index(corpus, db)
    answer = Engine(db).ask("berapa ketinggian air banjir di Kota Baru?")
    assert not answer.abstained
    assert any("dua meter" in quote.quote for quote in answer.passages)
