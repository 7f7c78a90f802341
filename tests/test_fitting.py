"""The fitting procedures of `tanya train` on data whose answer is known: they must find the
signal that is there and ignore what is not."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from bench.train import (MAX_RIGHT_HIDDEN, MIN_UNSAID, fit, fit_choosers, fit_listwise, fit_trees, fit_unsaid,
                         short_threshold)
from bot.short_answer.choice import CHOICE_FEATURES
from bot.models import LinearModel, TreeModel

FEATURES = ("within", "shared", "noise")


def _groups(seed: int, count: int = 300, size: int = 6) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each group: one right candidate, which tends to score higher on "within"; "shared" is the same
    for every candidate of a group (a property of the question, not of the candidate)."""
    rng = np.random.default_rng(seed)
    groups = []
    for _ in range(count):
        within = rng.normal(size=size)
        right = np.zeros(size, dtype=bool)
        right[int(np.argmax(within + rng.normal(scale=0.7, size=size)))] = True
        shared = np.full(size, rng.normal())
        groups.append((np.column_stack([within, shared, rng.normal(size=size)]), right))
    return groups


def test_listwise_fit_learns_the_within_question_signal_and_nothing_else() -> None:
    train = _groups(1)
    model = fit_listwise(FEATURES, train, np.ones(len(train)))
    within, shared, noise = model.coef
    assert within > 0.5
    assert abs(shared) < 0.05 * within  # it cannot tell candidates of one question apart
    assert abs(noise) < 0.2 * within
    test = _groups(2)
    chosen_right = [right[int(np.argmax(model.probability(rows)))] for rows, right in test]
    by_signal_alone = [right[int(np.argmax(rows[:, 0]))] for rows, right in test]
    assert np.mean(chosen_right) >= 0.97 * np.mean(by_signal_alone) > 0.4  # chance is 1/6
    # Scaled to read as a probability: on average about one right candidate in six.
    mean_p = np.mean([model.probability(rows).mean() for rows, _ in test])
    assert 0.08 < mean_p < 0.3


def test_short_threshold_hides_wrong_answers_but_few_right_ones() -> None:
    rng = np.random.default_rng(3)
    model = LinearModel(("p",), np.zeros(1), np.ones(1), np.ones(1), 0.0)  # probability = sigmoid(p)
    by_set = []
    for _ in range(3):
        right = rng.random(400) < 0.5
        score = np.where(right, rng.normal(1.5, 1.0, 400), rng.normal(-1.0, 1.0, 400))
        by_set.append((score.reshape(-1, 1), right, np.array([]), np.array([], dtype=bool)))
    t = short_threshold(model, by_set)
    assert t > 0.0  # some wrong answers can be told apart and are hidden
    for rows, right, _, _ in by_set:
        shown = model.probability(rows) >= t
        assert (right & shown).sum() >= (1 - MAX_RIGHT_HIDDEN) * right.sum()
        assert (~right & shown).sum() < 0.8 * (~right).sum()


def test_a_set_with_few_right_answers_cannot_pin_the_short_threshold_at_zero() -> None:
    """One right answer of a small set's 36 scored low must not pin the threshold at 0 for all."""
    rng = np.random.default_rng(5)
    model = LinearModel(("p",), np.zeros(1), np.ones(1), np.ones(1), 0.0)
    right = rng.random(400) < 0.5
    large = (np.where(right, rng.normal(1.5, 1.0, 400), rng.normal(-1.0, 1.0, 400)).reshape(-1, 1), right,
             np.array([]), np.array([], dtype=bool))
    small = (np.array([[-6.0]] * 4 + [[3.0]] * 32 + [[-2.0]] * 3), np.array([True] * 36 + [False] * 3),
             np.array([]), np.array([], dtype=bool))
    alone = short_threshold(model, [large])
    assert alone > 0.0
    assert short_threshold(model, [large, small]) == alone
    # with its train answers (held out of the fit) the small set has enough to bound the threshold
    held_low = 1 / (1 + np.exp(6.0))
    bounded = short_threshold(model, [large, (*small[:2], np.array([held_low] * 40 + [0.9] * 200),
                                              np.ones(240, dtype=bool))])
    assert bounded < alone


def test_a_small_set_settles_a_tie_on_a_flat_short_threshold_curve() -> None:
    """Between 0.30 and 0.60 each answer hidden is as often right as wrong, so the large set is all
    but indifferent there (two wrong answers at 0.55 tip it up). The small set's five right answers
    at 0.35 settle where on that plateau the threshold lies; far off it they have no say."""
    model = LinearModel(("p",), np.zeros(1), np.ones(1), np.ones(1), 0.0)

    def logit(p: float | np.ndarray) -> np.ndarray:
        return np.log(np.asarray(p) / (1 - np.asarray(p)))

    middle = np.linspace(0.30, 0.60, 60)
    scores = np.concatenate([[0.95] * 700, [0.05] * 150, [0.2] * 30, middle, middle, [0.55] * 2])
    right = np.array([True] * 700 + [False] * 180 + [True] * 60 + [False] * 62)
    large = (logit(scores).reshape(-1, 1), right, np.array([]), np.array([], dtype=bool))
    # as many wrong answers beside its five low right ones: its own right minus wrong is flat there too
    small = (logit(np.array([0.9] * 31 + [0.35] * 5 + [0.36] * 5)).reshape(-1, 1),
             np.array([True] * 36 + [False] * 5), np.array([]), np.array([], dtype=bool))
    alone = short_threshold(model, [large])
    assert alone > 0.5
    assert 0.2 < short_threshold(model, [large, small]) <= 0.35
    far = (logit(np.array([0.9] * 31 + [0.1] * 5)).reshape(-1, 1), np.ones(36, dtype=bool), np.array([]),
           np.array([], dtype=bool))
    assert short_threshold(model, [large, far]) == alone


def test_a_small_set_of_easy_answers_does_not_pull_the_short_threshold_down() -> None:
    """Every answer weighs the same: 39 answers of a small set, right but scored low, are 39 answers
    beside the large set's 400, not half of the curve."""
    rng = np.random.default_rng(7)
    model = LinearModel(("p",), np.zeros(1), np.ones(1), np.ones(1), 0.0)
    right = rng.random(400) < 0.5
    large = (np.where(right, rng.normal(1.5, 1.0, 400), rng.normal(-1.0, 1.0, 400)).reshape(-1, 1), right,
             np.array([]), np.array([], dtype=bool))
    easy = (rng.uniform(-3.0, -1.0, 39).reshape(-1, 1), np.ones(39, dtype=bool), np.array([]),
            np.array([], dtype=bool))
    alone = short_threshold(model, [large])
    assert alone > 0.2
    assert abs(short_threshold(model, [large, easy]) - alone) <= 0.05


def test_held_out_train_answers_steady_the_short_threshold() -> None:
    """Dev sets of a couple of hundred right answers put the bound on their tail's few answers:
    the same gate, re-drawn dev sets, spread the threshold less once train answers count too."""
    rng = np.random.default_rng(6)
    model = LinearModel(("p",), np.zeros(1), np.ones(1), np.ones(1), 0.0)

    def draw(n: int) -> tuple[np.ndarray, np.ndarray]:
        right = rng.random(n) < 0.4
        return np.where(right, rng.normal(1.0, 1.2, n), rng.normal(-0.5, 1.0, n)).reshape(-1, 1), right

    train_rows, train_right = draw(3000)
    held = model.probability(train_rows)
    alone, pooled = [], []
    for _ in range(30):
        rows, right = draw(450)
        alone.append(short_threshold(model, [(rows, right, np.array([]), np.array([], dtype=bool))]))
        pooled.append(short_threshold(model, [(rows, right, held, train_right)]))
    assert np.std(pooled) < 0.6 * np.std(alone)


def test_the_short_threshold_sits_on_a_plateau_not_a_one_step_spike() -> None:
    """Hiding 10 wrong answers pays from 0.30 on; at 0.60 three more are hidden, but from 0.61 eight
    right ones go too: a single step that one more answer of a small set would make or unmake."""
    model = LinearModel(("p",), np.zeros(1), np.ones(1), np.ones(1), 0.0)
    probabilities = np.array([0.95] * 100 + [0.605] * 8 + [0.295] * 10 + [0.595] * 3)
    right = np.array([True] * 108 + [False] * 13)
    rows = np.log(probabilities / (1 - probabilities)).reshape(-1, 1)
    t = short_threshold(model, [(rows, right, np.array([]), np.array([], dtype=bool))])
    assert 0.30 <= t < 0.59


def test_a_kind_whose_held_out_folds_hold_only_easy_choices_keeps_the_hand_set_choice() -> None:
    """Five "kemana" questions, one of them with a wrong candidate: the folds that leave it out
    have nothing to learn from, which must not stop training."""
    rows = np.zeros((2, len(CHOICE_FEATURES)))
    groups = [(i, rows, np.array([True, True])) for i in range(4)] + [(4, rows, np.array([True, False]))]
    report: dict = {}
    assert fit_choosers({"kemana": groups}, report) == {}
    assert report["choice_gain_kemana"] == 0.0


def test_short_threshold_shows_everything_when_nothing_tells_right_from_wrong() -> None:
    rng = np.random.default_rng(4)
    model = LinearModel(("p",), np.zeros(1), np.ones(1), np.ones(1), 0.0)
    right = rng.random(400) < 0.7
    assert short_threshold(model, [(rng.normal(size=(400, 1)), right, np.array([]), np.array([], dtype=bool))]) == 0.0


def _interaction(seed: int, count: int = 3000) -> tuple[np.ndarray, np.ndarray]:
    """Whether a short answer is right depends on a feature only for one answer kind (a digit backs
    a "berapa" answer, says nothing of a "siapa" one): a product no sum of weights can express."""
    rng = np.random.default_rng(seed)
    kind = rng.integers(0, 2, count).astype(float)
    signal, noise = rng.random(count), rng.random(count)
    right = np.where(kind == 1, signal > 0.5, rng.random(count) < 0.5)
    return np.column_stack([kind, signal, noise]), right


def test_boosted_trees_learn_what_a_feature_means_for_one_kind_and_score_without_sklearn() -> None:
    from sklearn.metrics import roc_auc_score

    features = ("kind", "signal", "noise")
    rows, right = _interaction(1)
    trees = fit_trees(features, rows, right)  # checks its own export against the fitted trees' predictions
    logistic = fit(features, rows, right)
    test, test_right = _interaction(2)
    by_trees, by_logistic = (roc_auc_score(test_right, m.probability(test)) for m in (trees, logistic))
    assert by_trees > by_logistic + 0.05
    of_kind = test[:, 0] == 1
    assert roc_auc_score(test_right[of_kind], trees.probability(test[of_kind])) > 0.95
    again = TreeModel.from_json(replace(trees, threshold=0.3, story_threshold=0.4).to_json())
    np.testing.assert_allclose(again.probability(test), trees.probability(test), atol=1e-8)  # leaves rounded
    assert again.probability(test[:0]).shape == (0,)
    assert (again.threshold_for(story=False), again.threshold_for(story=True)) == (0.3, 0.4)


def test_trees_fitted_within_a_feature_correct_only_those_rows() -> None:
    """The decline model's trees learn from news stories alone: a row of the other kind (a lone MRC
    paragraph) keeps exactly the logistic part's odds, however the trees split, and the rows within
    gain what the trees learn there; the choice survives the JSON the models ship as."""
    from sklearn.metrics import roc_auc_score

    features = ("kind", "signal", "noise")
    rows, right = _interaction(1)
    trees = fit_trees(features, rows, right, rising=(), within="kind")
    test, test_right = _interaction(2)
    outside, inside = test[:, 0] == 0, test[:, 0] == 1
    np.testing.assert_allclose(trees.log_odds(test[outside]), trees.base.log_odds(test[outside].round(3)))
    assert roc_auc_score(test_right[inside], trees.probability(test[inside])) > 0.95
    pooled = fit_trees(features, rows, right, rising=())
    assert np.abs(pooled.log_odds(test[outside]) - pooled.base.log_odds(test[outside].round(3))).max() > 0.01
    again = TreeModel.from_json(trees.to_json())
    assert again.within == "kind"
    np.testing.assert_allclose(again.probability(test), trees.probability(test), atol=1e-8)


def test_the_gate_never_trusts_an_answer_less_for_a_surer_sentence() -> None:
    """Where the data bend (right answers most common at middling sentence confidence), the rising
    signals stay rising in the logistic part and in every tree: the gate's probability never falls
    as the sentence's grows, though unconstrained trees fitted to the same rows do fall."""
    rng = np.random.default_rng(5)
    count = 3000
    confidence, other = rng.random(count), rng.random(count)
    right = rng.random(count) < np.where((confidence > 0.4) & (confidence < 0.6), 0.8, 0.3 + 0.2 * confidence)
    rows = np.column_stack([confidence, other])
    grid = np.linspace(0.0, 1.0, 101)

    def steepest_fall(model) -> float:
        probes = np.column_stack([np.repeat(grid, 20), np.tile(rng.random(20), len(grid))])
        curves = model.probability(probes).reshape(len(grid), 20)
        return float(np.diff(curves, axis=0).min())

    assert steepest_fall(fit_trees(("p_sentence", "other"), rows, right, rising=("p_sentence",))) >= -1e-12
    assert steepest_fall(fit_trees(("p_sentence", "other"), rows, right, rising=())) < -0.01


def test_unsaid_words_learn_the_word_that_marks_an_unanswerable_question_and_score_out_of_fold() -> None:
    """ "dilarang" left unsaid marks an unanswerable question, "terletak" a paraphrase; a word too
    rare to judge gets no weight; each question's own score comes from a fit that did not see it."""
    rng = np.random.default_rng(3)
    bags, answerable = [], []
    for n in range(600):
        altered = n % 2 == 0
        bag = {"dilarang"} if altered and rng.random() < 0.8 else set()
        if rng.random() < 0.5:
            bag.add("terletak")
        if n < MIN_UNSAID - 1:
            bag.add("langka")
        if n in (10, 20, 30, 40, 50):  # all in the first fold, all unanswerable
            bag.add("sekali")
        bags.append(bag)
        answerable.append(not altered)
    model, held_out = fit_unsaid(bags, np.array(answerable), np.ones(len(bags)))
    weight = dict(zip(model.features, model.coef))
    assert "langka" not in weight
    assert weight["dilarang"] < -2 and abs(weight["terletak"]) < 0.5
    assert held_out.shape == (600,)
    assert weight["sekali"] < 0  # the whole fit saw it; the first fold's scores come from a fit that did not
    for i in (10, 20, 30, 40, 50):
        twin = next(j for j in range(0, 600, 5) if bags[j] == bags[i] - {"sekali"})
        assert held_out[i] == held_out[twin]
    assert held_out[[i for i, b in enumerate(bags) if "dilarang" in b]].max() < held_out[
        [i for i, b in enumerate(bags) if "dilarang" not in b]].min()
