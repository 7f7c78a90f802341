"""Choosing among an extractor's candidates: the features say where each candidate sits against the
question's words, a fitted chooser decides where training kept one, and training keeps one only
where it beats the hand-set score on questions held out of its fit."""
from __future__ import annotations

import numpy as np
import pytest

from bench.train import fit_choosers
from bot.engine import Engine
from bot.features import SCORE_RANGE, SHORT_FEATURES
from bot.models import LinearModel
from bot.question import analyse_question, surface_words
from bot.short_answer import short_answer
from bot.short_answer.choice import CHOICE_FEATURES, choice_features, choosing_with, noting_scores, pick
from bot.short_answer.common import Candidate, ordinary_share, word_spans

HACHIKO = ("Pada tahun 2009 film Hachiko karya sutradara Lasse Hallström mulai diputar dan dibintangi oleh "
           "Richard Gere dan Joan Allen.")


def _candidates(sentence: str, *names: str) -> list[Candidate]:
    return [Candidate(sentence.index(n), sentence.index(n) + len(n), n, 1.0) for n in names]


def _column(rows: np.ndarray, feature: str) -> list[float]:
    return [round(float(v), 3) for v in rows[:, CHOICE_FEATURES.index(feature)]]


def test_features_tell_a_role_word_beside_the_candidate_from_a_name() -> None:
    """ "sutradara Lasse Hallström": the question's ordinary word (the role) sits right before the
    director, seven words before the cast."""
    words = {"siapakah", "sutradara", "hachiko"}
    rows = choice_features(_candidates(HACHIKO, "Lasse Hallström", "Richard Gere"), HACHIKO, words, None, 0.15, 1.5)
    assert _column(rows, "role_before") == [1.0, pytest.approx(1 - 7 / 12, abs=1e-3)]  # seven words apart
    assert _column(rows, "name_before")[0] > _column(rows, "name_before")[1]
    assert _column(rows, "hand")[0] > _column(rows, "hand")[1]  # nearer the question's words
    assert _column(rows, "in_brackets") == [0.0, 0.0]


def test_features_tell_a_name_linked_to_the_asked_role() -> None:
    """ "X (aside) adalah ibu Y", "pelatih pertama Z adalah X": a link word ties the name to the
    question's words across an aside; a lowercase phrase that repeats the question describes."""
    sentence = ("Dewi Sekartaji (juga ditulis Sekar Taji) adalah ibu Raden Panji menurut Serat Kanda, "
                "dan pelatih pertama Persikota adalah Bambang Wijaya, bukan sang pelatih tari.")
    words = {"siapa", "ibu", "raden", "panji", "pelatih", "pertama"}
    rows = choice_features(_candidates(sentence, "Dewi Sekartaji", "Serat Kanda", "Bambang Wijaya", "pelatih tari"),
                           sentence, words, None, 0.15, 1.5)
    assert _column(rows, "linked_after") == [1.0, 0.0, 0.0, 0.0]
    assert _column(rows, "linked_before") == [0.0, 0.0, 1.0, 0.0]
    assert _column(rows, "lowercase") == [0.0, 0.0, 0.0, 1.0]
    assert _column(rows, "echoes_question") == [0.0, 0.0, 0.0, 0.5]


def test_features_tell_a_name_from_ordinary_words_written_as_one() -> None:
    """ "Kemerdekaan Bangsa" is capitalised like a name but is two dictionary words; "Tadashi Maeda"
    names someone; a lowercase phrase has no capitalised word to judge."""
    sentence = ("Yang merumuskan proklamasi Kemerdekaan Bangsa Indonesia terdiri dari Tadashi Maeda dan "
                "Soekarno di rumah dinas itu.")
    words = {"siapa", "yang", "merumuskan", "naskah", "proklamasi"}
    rows = choice_features(_candidates(sentence, "Kemerdekaan Bangsa", "Tadashi Maeda", "rumah dinas"),
                           sentence, words, None, 0.15, 1.5)
    assert _column(rows, "ordinary_names") == [1.0, 0.0, 0.0]


def test_features_read_the_candidate_as_the_sentence_writes_it() -> None:
    """A person is shown with an office the question did not ask ("Menteri Perdagangan Budi Santoso"),
    but chosen on what the sentence writes there: the office adds no words to weigh against a name."""
    sentence = "Hadir Menteri Perdagangan Budi Santoso dan Gubernur Bank Lumeria Adi Wirawan."
    at = sentence.index("Budi Santoso")
    bare = Candidate(at, at + len("Budi Santoso"), "Budi Santoso", 1.0)
    shown = Candidate(bare.start, bare.end, "Menteri Perdagangan Budi Santoso", 1.0)
    words = {"siapa", "gubernur", "bank", "lumeria"}
    assert choice_features([shown], sentence, words, None, 0.15, 1.5).tolist() == \
        choice_features([bare], sentence, words, None, 0.15, 1.5).tolist()


def test_a_fitted_chooser_decides_and_the_hand_score_otherwise() -> None:
    words = {"siapakah", "sutradara", "hachiko"}
    cands = _candidates(HACHIKO, "Lasse Hallström", "Richard Gere")
    with choosing_with({}):
        assert pick(cands, HACHIKO, words, kind="siapa") == "Lasse Hallström"
    n = len(CHOICE_FEATURES)
    last_named = np.zeros(n)
    last_named[CHOICE_FEATURES.index("role_before")] = -1.0  # a chooser that wants the role word far away
    model = LinearModel(CHOICE_FEATURES, np.zeros(n), np.ones(n), last_named, 0.0)
    with choosing_with({"siapa": model}):
        assert pick(cands, HACHIKO, words, kind="siapa") == "Richard Gere"
        assert pick(cands, HACHIKO, words, kind="kapan") == "Lasse Hallström"  # no chooser for this kind


def test_the_chosen_phrase_hand_score_is_noted_for_the_gate() -> None:
    """The short-answer gate weighs how firmly the extractor's rules back the phrase shown: the hand
    score of the one chosen, also when a chooser overrules the hand score."""
    words = {"siapakah", "sutradara", "hachiko"}
    cands = _candidates(HACHIKO, "Lasse Hallström", "Richard Gere")
    rows = choice_features(cands, HACHIKO, words, None, 0.15, 1.5)
    noted: list[float] = []
    with choosing_with({}), noting_scores(noted):
        pick(cands, HACHIKO, words, kind="siapa")
    assert noted == [pytest.approx(rows[0, 0])]
    n = len(CHOICE_FEATURES)
    last_named = np.zeros(n)
    last_named[CHOICE_FEATURES.index("role_before")] = -1.0
    with choosing_with({"siapa": LinearModel(CHOICE_FEATURES, np.zeros(n), np.ones(n), last_named, 0.0)}), \
            noting_scores(noted):
        assert pick(cands, HACHIKO, words, kind="siapa") == "Richard Gere"
    assert noted[-1] == pytest.approx(rows[1, 0]) and noted[-1] < noted[0]
    pick(cands, HACHIKO, words, kind="siapa")
    assert len(noted) == 2  # outside the block nothing is noted


def _groups(right_at: str, count: int, seed: int) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """Three candidates per question; the right one has the highest `right_at` feature, while the
    hand score favours a random one."""
    rng = np.random.default_rng(seed)
    out = []
    for q in range(count):
        rows = rng.normal(size=(3, len(CHOICE_FEATURES)))
        right = np.zeros(3, dtype=bool)
        right[int(np.argmax(rows[:, CHOICE_FEATURES.index(right_at)]))] = True
        out.append((q, rows, right))
    return out


def test_training_keeps_a_chooser_only_where_it_beats_the_hand_score() -> None:
    learnable = _groups("role_before", 300, seed=1)
    by_hand = _groups("hand", 300, seed=2)  # the hand-set score already picks the right one
    report: dict = {}
    choosers = fit_choosers({"siapa": learnable, "kapan": by_hand}, report)
    assert set(choosers) == {"siapa"}
    assert report["choice_gain_siapa"] > 0.3 and report["choice_gain_kapan"] <= 0
    hits = [right[int(np.argmax(choosers["siapa"].score(rows)))] for _, rows, right in _groups("role_before", 100, 3)]
    assert np.mean(hits) > 0.9


@pytest.mark.parametrize("question, sentence, expected", [
    ("kemana Choe pergi?", "Kunjungan Belousov ke Pyongyang berlangsung setelah kunjungan Menteri Luar Negeri "
     "Korea Utara, Choe Son-hui, ke Moskow.", "Moskow"),
    ("siapakah sutradara Hachiko?", HACHIKO, "Lasse Hallström"),
    ("siapa ibu Raden Panji?", "Dewi Sekartaji (juga ditulis Sekar Taji; dalam naskah Jawa Kuno: Candrakirana) "
     "adalah ibu Raden Panji menurut Serat Kanda.", "Dewi Sekartaji"),
])
def test_the_shipped_choosers_keep_what_the_question_asks(question: str, sentence: str, expected: str) -> None:
    q = analyse_question(question)
    assert short_answer(q.qtype, sentence, None, surface_words(q.text)) == expected


def test_the_gate_reads_the_hand_score_of_the_shown_phrase(bundled_db) -> None:
    """Through the real engine: the sentence that gives the short answer carries the hand score
    its extractor gave that phrase, and the gate's row holds it."""
    seen = Engine(bundled_db).examine(analyse_question("Siapa menteri pertahanan Rusia yang ke Pyongyang?"))
    assert seen is not None and seen.answer_at is not None
    order = np.argsort(-seen.stage_two, kind="stable")
    shown = seen.candidates.sentences[seen.leading[order[seen.answer_at]]]
    assert shown.answer and shown.answer_score is not None
    row = dict(zip(SHORT_FEATURES, seen.short_row[0]))
    assert row["unscored"] == 0.0
    low, high = SCORE_RANGE
    assert row["extractor_score"] == pytest.approx(min(max(shown.answer_score, low), high) / high)
    assert row["ordinary_names"] == ordinary_share(word_spans(shown.answer)) == 0.0  # "Andrey Belousov"
