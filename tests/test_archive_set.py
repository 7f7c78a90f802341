"""The archive question set (tests/archive/questions.jsonl) keeps its shape, its split and its quotes.

The shape checks need nothing but the file. The quote checks read the IndoSum articles from
../shared and skip when they are absent: every evidence string must be a verbatim quote of its
article, and every short answer must be found in that article, so a question can never point at
text that is not there.
"""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from tests.conftest import require_dataset

ARCHIVE = Path(__file__).parent / "archive"
QUESTIONS = ARCHIVE / "questions.jsonl"
TRAINING = ARCHIVE / "train_more.jsonl"  # further articles' questions, for training only
BOTH = pytest.mark.parametrize("path", [QUESTIONS, TRAINING], ids=["questions", "train_more"])
STYLES = {"formal", "chatty", "abbrev", "misspelt"}
SPLITS = {"train": 0.50, "dev": 0.25, "test": 0.25}
CATEGORIES = {"tajuk utama", "olahraga", "showbiz", "teknologi", "hiburan", "inspirasi"}
COMMON = {"question", "previous", "evidence", "answer", "abstain", "article_id", "category", "split", "style"}
# a resolved date may stand beside the text's own form ("Senin (12 / 6)" → "12 Juni 2017")
RESOLVED_DATE = re.compile(
    r"^\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$"
)


def _items(path: Path = QUESTIONS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _squashed(text: str) -> str:
    """Spacing differs between a reader's answer and IndoSum's tokenised text ("27/3" vs "27 / 3")."""
    return re.sub(r"\s+", "", text).lower()


@BOTH
def test_every_line_has_the_fields_of_its_kind(path: Path) -> None:
    items = _items(path)
    for item in items:
        where = item.get("question")
        assert COMMON <= item.keys(), where
        assert isinstance(item["question"], str) and item["question"].strip(), where
        assert item["previous"] is None, where
        assert item["style"] in STYLES, where
        assert item["split"] in (SPLITS if path == QUESTIONS else {"train"}), where
        assert item["category"] in CATEGORIES, where
        assert item["article_id"].startswith("indosum-"), where
        if item["abstain"] is True:
            assert item["evidence"] == [] and item["answer"] is None, where
            assert isinstance(item.get("why"), str) and item["why"].strip(), where
        else:
            assert item["abstain"] is False, where
            assert item["evidence"] and all(isinstance(e, str) and e.strip() for e in item["evidence"]), where
            answer = item["answer"]
            assert answer is None or (answer and all(isinstance(a, str) and a.strip() for a in answer)), where
    questions = [i["question"].lower() for i in items]
    assert len(questions) == len(set(questions)), "duplicate questions"


def test_no_training_question_repeats_an_evaluation_one() -> None:
    assert not {i["question"].lower() for i in _items()} & {i["question"].lower() for i in _items(TRAINING)}


def test_training_questions_cover_every_article_and_style() -> None:
    items = _items(TRAINING)
    answerable = Counter(i["article_id"] for i in items if not i["abstain"])
    assert len(answerable) >= 70 and min(answerable.values()) >= 3
    assert {i["article_id"] for i in items if i["abstain"]} <= set(answerable)
    assert {i["style"] for i in items} == STYLES


def test_counts_reach_the_thresholds() -> None:
    items = _items()
    answerable = [i for i in items if not i["abstain"]]
    per_article = Counter(i["article_id"] for i in answerable)
    assert len(answerable) >= 210
    assert sum(1 for i in items if i["abstain"]) >= 70
    assert len(per_article) >= 70
    assert min(per_article.values()) >= 3
    assert {i["category"] for i in answerable} == CATEGORIES
    assert {i["style"] for i in answerable} == STYLES
    # at least a third answered after the lead, where the question's words are not repeated
    later = sum(1 for i in answerable if i["paragraph"] >= 1)
    assert later >= len(answerable) / 3


def test_split_is_by_article_and_near_fifty_twenty_five_twenty_five() -> None:
    items = _items()
    split_of: dict[str, set[str]] = defaultdict(set)
    for item in items:
        split_of[item["article_id"]].add(item["split"])
    mixed = {a: s for a, s in split_of.items() if len(s) > 1}
    assert not mixed, mixed
    answered = {i["article_id"] for i in items if not i["abstain"]}
    near_miss_sources = {i["article_id"] for i in items if i["abstain"]}
    assert near_miss_sources <= answered, "a near miss borrows from an article outside the set"
    shares = Counter(next(iter(split_of[a])) for a in answered)
    for split, share in SPLITS.items():
        assert abs(shares[split] / len(answered) - share) <= 0.05, shares


def _articles() -> dict[str, dict]:
    path = require_dataset("indosum", "articles.jsonl")
    with path.open(encoding="utf-8") as lines:
        return {a["id"]: a for a in map(json.loads, lines)}


@BOTH
def test_evidence_is_quoted_from_its_article_and_answers_are_in_it(path: Path) -> None:
    articles = _articles()
    for item in _items(path):
        article = articles[item["article_id"]]
        where = item["question"]
        assert item["category"] == article["category"], where
        if item["abstain"]:
            continue
        paragraphs = [_normal(p) for p in article["text"].split("\n\n") if p.strip()]
        for evidence in item["evidence"]:
            assert _normal(evidence) in _normal(article["text"]), where
            # one sentence or clause: inside the paragraph the file names
            assert _normal(evidence) in paragraphs[item["paragraph"]], where
        text = _squashed(article["text"])
        for answer in item["answer"] or []:
            assert _squashed(answer) in text or RESOLVED_DATE.match(answer), (where, answer)
        if item["answer"]:  # the article's own wording comes first; a resolved date may only follow it
            assert _squashed(item["answer"][0]) in text, (where, item["answer"][0])


def test_articles_and_splits_follow_the_seeded_draw() -> None:
    articles = _articles()
    spec = importlib.util.spec_from_file_location("make_split", ARCHIVE / "make_split.py")
    assert spec and spec.loader
    make_split = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_split)
    drawn = {row.article_id: row.split for row in make_split.draw(list(articles.values()))}
    used = {i["article_id"]: i["split"] for i in _items()}
    used.update({i["article_id"]: "train-more" for i in _items(TRAINING)})
    assert used == drawn


@BOTH
@pytest.mark.parametrize("field", ["topic", "kind"])
def test_descriptive_fields_are_filled(path: Path, field: str) -> None:
    assert all(isinstance(i.get(field), str) and i[field] for i in _items(path))


@pytest.mark.parametrize("path", sorted(ARCHIVE.glob("held_out*.jsonl")), ids=lambda p: p.stem)
def test_held_out_questions_quote_articles_no_other_file_draws_from(path: Path) -> None:
    """A held-out set scores what no training saw: its evidence is verbatim in its own article, and
    no question of the other files is asked of that article."""
    articles = _articles()
    elsewhere = {i["article_id"] for p in (QUESTIONS, TRAINING) for i in _items(p)}
    for item in _items(path):
        article_id = item.get("article_id") or item.get("based_on")
        assert article_id in articles and article_id not in elsewhere, item["question"]
        if item["abstain"]:
            assert not item.get("evidence") and not item.get("answer") and item.get("why"), item["question"]
            continue
        text = _normal(articles[article_id]["text"])
        assert item["evidence"] and all(_normal(e) in text for e in item["evidence"]), item["question"]
