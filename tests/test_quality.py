"""The quality report: its measures on hand-made cases, the set loaders on the real datasets (skipped
when ../shared/datasets is absent), and `tanya quality` end to end through the real CLI."""
from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from bench.datasets import SetMissing, load_set
from bench.evaluate import best_f1, token_f1
from bench.quality import (
    Bm25Baseline,
    ItemResult,
    QAItem,
    bm25_row,
    corpus_key,
    parse_sets,
    quote_rank,
    run_set,
    short_answer_score,
    short_answer_wrong,
    tanya_row,
)
from tests.conftest import DATASETS, ROOT, TANYA, require_dataset


def _item(answerable: bool = True, evidence=(), answers=(), gold=(), id: str = "x") -> QAItem:
    return QAItem(id=id, question="q?", answerable=answerable, gold_articles=frozenset(gold),
                  evidence=list(evidence), answers=list(answers))


def _answer(abstained: bool = False, answer: str | None = None, quotes=()) -> dict:
    return {"abstained": abstained, "answer": answer,
            "passages": [{"article_id": a, "quote": q} for a, q in quotes]}


# -- measures ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("predicted, gold, expected", [
    ("Christian Hadinata", "Christian Hadinata", 1.0),
    ("pelatih Christian Hadinata", "Christian Hadinata", 0.8),
    (None, "Christian Hadinata", 0.0),
    ("Juni 2024", "2023", 0.0),
    ("Juni, 2024.", "juni 2024", 1.0),
])
def test_token_f1(predicted: str | None, gold: str, expected: float) -> None:
    assert token_f1(predicted, gold) == pytest.approx(expected)


def test_best_f1_takes_the_closest_gold_and_no_answer_scores_zero() -> None:
    assert best_f1("Tony Blair", ["Blair", "Tony Blair"]) == 1.0
    assert best_f1("Perdana Menteri Tony Blair", ["Tony Blair", "Blair"]) == pytest.approx(2 / 3)
    assert best_f1(None, ["Tony Blair"]) == 0.0
    assert best_f1("Tony Blair", []) == 0.0


def test_quote_rank_by_evidence_or_by_gold_article() -> None:
    quotes = [("a", "Pada Juni 2024, Putin ke Pyongyang."), ("b", "Kim … bertemu Putin di Vostochny …")]
    assert quote_rank(_item(evidence=["bertemu putin di  vostochny"]), _answer(quotes=quotes)["passages"]) == 2
    assert quote_rank(_item(evidence=["Juni 2023"]), _answer(quotes=quotes)["passages"]) is None
    # evidence is stricter than the article: the right article with the wrong passage is a miss
    assert quote_rank(_item(evidence=["Juli 2023"], gold=["a"]), _answer(quotes=quotes)["passages"]) is None
    assert quote_rank(_item(gold=["b", "c"]), _answer(quotes=quotes)["passages"]) == 2
    assert quote_rank(_item(gold=["z"]), _answer(quotes=quotes)["passages"]) is None


def test_short_answer_score_accuracy_f1_and_declines() -> None:
    dated = _item(answers=["Juni 2024"])
    assert short_answer_score(dated, _answer(answer="pada Juni 2024"), "acc") == 1.0
    assert short_answer_score(dated, _answer(answer="2024"), "acc") == 0.0
    assert short_answer_score(dated, _answer(answer="2024"), "F1") == pytest.approx(2 / 3)
    assert short_answer_score(dated, _answer(abstained=True), "F1") == 0.0  # a declined answerable scores 0
    assert short_answer_score(_item(answerable=False), _answer(answer="x"), "F1") is None
    assert short_answer_score(_item(answers=[]), _answer(answer="x"), "acc") is None


def test_a_short_answer_is_wrong_when_it_misleads() -> None:
    dated = _item(answers=["Juni 2024"])
    assert short_answer_wrong(dated, _answer(answer="pada Juni 2024"), "acc") is False
    assert short_answer_wrong(dated, _answer(answer="Juli 2023"), "acc") is True
    assert short_answer_wrong(dated, _answer(answer="2024"), "F1") is False  # F1 2/3
    assert short_answer_wrong(dated, _answer(answer="Pyongyang"), "F1") is True
    assert short_answer_wrong(dated, _answer(), "F1") is None  # none shown
    assert short_answer_wrong(_item(answerable=False), _answer(answer="x"), "F1") is True
    assert short_answer_wrong(_item(answers=[]), _answer(answer="x"), "acc") is None


def test_tanya_row_counts_declines_and_averages_over_answerable_questions() -> None:
    results = [
        ItemResult(_item(gold=["a"], answers=["Tony Blair"]), _answer(answer="Tony Blair", quotes=[("a", "")]), 0.1),
        ItemResult(_item(gold=["a"], answers=["Tony Blair"]),
                   _answer(answer="Blair", quotes=[("b", ""), ("a", "")]), 0.1),
        ItemResult(_item(gold=["a"], answers=["Tony Blair"]), _answer(abstained=True), 0.1),
        ItemResult(_item(answerable=False), _answer(abstained=True), 0.1),
        ItemResult(_item(answerable=False), _answer(answer="x", quotes=[("a", "")]), 0.1),
    ]
    row = tanya_row("s", results, "F1", 0.5, {"x": frozenset(["a"])})
    assert (row.answerable, row.unanswerable) == (3, 2)
    assert row.hit_at_1 == pytest.approx(1 / 3) and row.hit_at_3 == pytest.approx(2 / 3)
    assert row.article_at_1 == pytest.approx(1 / 3)
    assert row.short_answer == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert row.short_wrong == pytest.approx(1 / 3)  # "x" to an unanswerable question
    assert row.unanswerable_declined == pytest.approx(0.5)
    assert row.wrongly_declined == pytest.approx(1 / 3)


def test_bm25_row_never_declines_and_has_no_short_answer() -> None:
    items = [_item(gold=["a"], id="1"), _item(gold=["a"], id="2"), _item(answerable=False, id="3"),
             _item(evidence=["Juni 2024"], id="4")]
    tops = [[{"article_id": "a", "quote": ""}], [{"article_id": "b", "quote": ""}, {"article_id": "a", "quote": ""}],
            [], [{"article_id": "c", "quote": "x"}, {"article_id": "c", "quote": "pada Juni 2024"}]]
    golds = {"1": frozenset("a"), "2": frozenset("a"), "3": frozenset(), "4": frozenset("c")}
    row = bm25_row("s", items, tops, 0.0, golds)
    assert (row.hit_at_1, row.hit_at_3) == (1 / 3, 1.0)
    assert row.article_at_1 == pytest.approx(2 / 3)  # the right article with the wrong passage counts here
    assert row.short_answer is None and row.unanswerable_declined == 0.0 and row.wrongly_declined == 0.0


def test_bm25_baseline_ranks_the_index_passages(bundled_db: Path) -> None:
    baseline = Bm25Baseline(bundled_db)
    top = baseline.top("Kapan Putin mengunjungi Pyongyang?")
    assert len(top) == 3 and len(baseline.passages) > 50
    assert any("Pyongyang" in passage["quote"] for passage in top)
    assert baseline.top("dan yang di") == []  # stopwords only: no terms, no guess


def test_parse_sets() -> None:
    assert parse_sets(None)[0] == "devset" and parse_sets("facqa, tydiqa") == ["facqa", "tydiqa"]
    with pytest.raises(ValueError):
        parse_sets("devset,squad")


# -- loaders -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, counts, corpus", [
    ("facqa", {"train": 2495, "dev": 311, "test": 311}, 1369),
    ("idk_mrc", {"train": 9332, "dev": 764, "test": 844}, 4395),
    ("tydiqa", {"train": 5369, "dev": 402, "test": 423}, 4650),
])
def test_public_sets_load_with_their_question_counts(name: str, counts: dict[str, int], corpus: int) -> None:
    require_dataset({"facqa": "facqa", "idk_mrc": "idk_mrc", "tydiqa": "idk_mrc"}[name])
    for split, expected in counts.items():
        qaset = load_set(name, split, DATASETS.parent)
        assert len(qaset.items) == expected, split
        assert len(qaset.corpus) == corpus  # the open corpus is the same for every split
        assert len({article["id"] for article in qaset.corpus}) == corpus
        texts = {article["id"]: article["text"] for article in qaset.corpus}
        # FacQA's tokenised answers space what the text does not ("-45" is "- 45" there); the MRC
        # sets' answers are exact spans
        form = _unspaced if name == "facqa" else str
        for item in qaset.items:
            if item.answerable:
                assert item.gold_articles and item.answers, item.id
                # every gold answer span is in (a copy of) its gold paragraph, so hit@k can be reached
                assert any(form(answer) in form(texts[gold]) for answer in item.answers
                           for gold in item.gold_articles), item.id
            else:
                assert not item.gold_articles and not item.answers
    assert load_set(name, "dev", DATASETS.parent, limit=7).items == load_set(name, "dev", DATASETS.parent).items[:7]


def test_idk_mrc_has_unanswerable_questions_half_of_test() -> None:
    require_dataset("idk_mrc")
    test = load_set("idk_mrc", "test", DATASETS.parent)
    assert (test.answerable, test.unanswerable) == (422, 422)
    assert load_set("idk_mrc", "train", DATASETS.parent).unanswerable > 4000
    assert load_set("tydiqa", "test", DATASETS.parent).unanswerable == 0


def test_facqa_gold_passage_copies_count_as_gold() -> None:
    dataset = require_dataset("facqa")
    qaset = load_set("facqa", "test", dataset.parent.parent)
    texts = {article["id"]: article["text"] for article in qaset.corpus}
    for item in qaset.items:
        assert any(answer.lower() in texts[gold].lower() for answer in item.answers for gold in item.gold_articles)
    assert any(len(item.gold_articles) > 1 for item in qaset.items)  # FacQA stores some passages twice


def test_missing_sets_raise_set_missing(tmp_path: Path) -> None:
    for name in ("archive", "facqa", "idk_mrc", "tydiqa"):
        with pytest.raises(SetMissing):
            load_set(name, "dev", tmp_path, questions_file=tmp_path / "none.jsonl")
    with pytest.raises(ValueError):
        load_set("devset", "valid", tmp_path)


ARCHIVE_ARTICLES = [
    {"id": "indosum-walet", "title": "Sumbawa juara Piala Walet Emas", "source": "Fiksi", "date": "2017-03-13",
     "text": "Tim bulu tangkis Kabupaten Sumbawa memenangkan Piala Walet Emas pada 12 Maret 2017 di Mataram.\n\n"
             "Pelatih tim, Rahmat Hidayat, mengatakan kemenangan itu hasil latihan keras selama setahun."},
    {"id": "indosum-kopi", "title": "Harga kopi Gayo naik", "source": "Fiksi", "date": "2017-04-02",
     "text": "Harga kopi arabika Gayo di Takengon naik menjadi Rp 95.000 per kilogram pekan ini.\n\n"
             "Petani menyebut cuaca kering membuat panen berkurang."},
]
ARCHIVE_QUESTIONS = [
    {"question": "kapan tim sumbawa menang piala walet emas?", "previous": None,
     "evidence": ["memenangkan Piala Walet Emas pada 12 Maret 2017"], "answer": ["12 Maret 2017"],
     "abstain": False, "article_id": "indosum-walet", "category": "sport", "split": "dev", "style": "chatty"},
    {"question": "Berapa harga kopi Gayo di Takengon?", "previous": None,
     "evidence": ["Rp 95.000 per kilogram"], "answer": ["Rp 95.000 per kilogram"],
     "abstain": False, "article_id": "indosum-kopi", "category": "business", "split": "test", "style": "formal"},
    {"question": "Siapa pelatih tim Sumbawa di Piala Thomas 2019?", "previous": None, "evidence": [],
     "answer": None, "abstain": True, "article_id": None, "category": "sport", "split": "dev", "style": "formal"},
]


def _archive_fixture(root: Path) -> tuple[Path, Path]:
    """A shared folder with a two-article IndoSum and a question file in the archive set's format."""
    indosum = root / "shared" / "datasets" / "indosum"
    indosum.mkdir(parents=True)
    (indosum / "articles.jsonl").write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARCHIVE_ARTICLES), encoding="utf-8")
    questions = root / "questions.jsonl"
    questions.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in ARCHIVE_QUESTIONS),
                         encoding="utf-8")
    return root / "shared", questions


def test_archive_loader_and_one_set_end_to_end_on_a_fixture(tmp_path: Path) -> None:
    shared, questions = _archive_fixture(tmp_path)
    qaset = load_set("archive", "dev", shared, questions_file=questions)
    assert [item.answerable for item in qaset.items] == [True, False]  # only the dev split
    assert qaset.items[0].gold_articles == {"indosum-walet"} and qaset.items[1].gold_articles == frozenset()
    assert qaset.items[0].answers == ["12 Maret 2017"] and qaset.items[1].answers == []
    assert [p.name for p in qaset.corpus_files] == ["corpus", "articles.jsonl"]

    report = run_set(qaset, tmp_path / "work")
    tanya, bm25 = report.rows[0], report.rows[1]
    assert report.passages > 50  # the bundled corpus and the two fixture articles, linked not copied
    assert tanya.hit_at_1 == 1.0 and tanya.short_answer == 1.0 and tanya.short_metric == "acc"
    assert bm25.hit_at_1 == 1.0
    assert not report.index_reused and report.articles == 7 and not report.skipped_files
    assert run_set(qaset, tmp_path / "work").index_reused  # same content: the index is not touched
    key = corpus_key(qaset)
    (shared / "datasets" / "indosum" / "articles.jsonl").write_text(
        json.dumps(ARCHIVE_ARTICLES[0]) + "\n", encoding="utf-8")
    assert corpus_key(qaset) != key  # changed articles get a fresh index


def test_a_link_whose_source_has_gone_is_made_again(tmp_path: Path) -> None:
    """A work folder keeps links to the checkout that made it; once that checkout is removed, the
    next run links the set's files anew instead of indexing an empty corpus."""
    shared, questions = _archive_fixture(tmp_path)
    qaset = load_set("archive", "dev", shared, questions_file=questions)
    run_set(qaset, tmp_path / "work")
    links = [p for p in (tmp_path / "work").glob("*/corpus/**/*") if p.is_symlink()]
    gone = tmp_path / "removed-checkout" / links[0].name
    links[0].unlink()
    links[0].symlink_to(gone)  # as a removed worktree leaves it
    report = run_set(qaset, tmp_path / "work")
    assert report.articles == 7 and links[0].exists()


# -- the CLI -----------------------------------------------------------------------------------------
def _quality(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([*TANYA, "quality", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=300)


def _table_rows(stdout: str) -> list[list[str]]:
    lines = [line for line in stdout.splitlines() if line.startswith("| ")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    assert rows and all(len(row) == 11 for row in rows), stdout
    return rows[1:]  # without the header


def test_quality_devset_through_the_cli(tmp_path: Path) -> None:
    failures = tmp_path / "failures.jsonl"
    done = _quality("--sets", "devset", "--split", "dev", "--work", str(tmp_path / "work"),
                    "--failures", str(failures))
    assert done.returncode == 0, done.stderr
    rows = {row[1]: row for row in _table_rows(done.stdout)}
    assert {"Tanya", "rank-bm25"} <= set(rows)
    tanya = rows["Tanya"]
    assert tanya[0] == "devset" and tanya[2] == "63 (51/12)"
    assert float(tanya[3]) >= 0.8 and float(tanya[4]) >= float(tanya[3]) and float(tanya[5]) >= 0.85
    assert tanya[6].startswith("acc ") and float(tanya[6].split()[1]) >= 0.8
    assert float(tanya[7]) <= 0.2  # short answers shown that are wrong
    assert float(tanya[8]) >= 0.8 and float(tanya[9]) <= 0.1
    assert rows["rank-bm25"][6] == rows["rank-bm25"][7] == "—"
    for line in failures.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["set"] == "devset" and record["problems"]


def test_quality_mrc_sets_at_ci_size(tmp_path: Path) -> None:
    require_dataset("facqa")
    require_dataset("idk_mrc")
    started = time.perf_counter()
    done = _quality("--sets", "idk_mrc,tydiqa,facqa", "--split", "dev", "--limit", "100",
                    "--work", str(tmp_path), "--json")
    assert done.returncode == 0, done.stderr
    assert time.perf_counter() - started < 90  # about 12 s on 2 idle cores, indexes built fresh
    report = json.loads(done.stdout)
    assert [s["name"] for s in report["sets"]] == ["idk_mrc", "tydiqa", "facqa"] and not report["skipped"]
    for found in report["sets"]:
        tanya, bm25 = found["rows"][0], found["rows"][1]
        assert (tanya["system"], bm25["system"]) == ("Tanya", "rank-bm25")
        assert tanya["answerable"] + tanya["unanswerable"] == 100
        assert tanya["short_metric"] == "F1" and 0.0 < tanya["short_answer"] < 1.0
        assert 0.2 < tanya["hit_at_1"] <= tanya["hit_at_3"] <= 1.0  # far above chance over thousands of passages
        assert 0.2 < bm25["hit_at_1"] <= bm25["hit_at_3"] <= 1.0
    idk = report["sets"][0]["rows"][0]
    assert idk["unanswerable"] > 0 and idk["unanswerable_declined"] is not None


def test_a_missing_set_is_skipped_with_a_line_and_facqa_is_an_alias(tmp_path: Path) -> None:
    done = _quality("--sets", "facqa,tydiqa", "--work", str(tmp_path), env={"TANYA_SHARED": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "facqa: dilewati / skipped" in done.stdout and "tydiqa: dilewati / skipped" in done.stdout
    alias = subprocess.run([*TANYA, "facqa", "--split", "valid"], capture_output=True, text=True, cwd=tmp_path,
                           env={**os.environ, "TANYA_SHARED": str(tmp_path)}, timeout=60)
    assert alias.returncode == 0 and "tanya quality --sets facqa" in alias.stderr
    assert "facqa: dilewati / skipped" in alias.stdout
    bad = _quality("--sets", "squad", "--work", str(tmp_path))
    assert bad.returncode != 0 and "squad" in bad.stderr


def _unspaced(text: str) -> str:
    return "".join(text.split())
