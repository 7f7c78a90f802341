"""Scoring on small hand-made inputs, and the dev set's own integrity."""
import re
import subprocess
from pathlib import Path

import pytest

from bench.evaluate import answer_correct, best_f1, evidence_in_quote, format_report, parse_devset, score
from tests.conftest import TANYA

ROOT = Path(__file__).resolve().parent.parent


def answer(quotes, short=None, abstained=False):
    return {"question": "q", "abstained": abstained, "answer": short,
            "passages": [{"quote": q, "article_id": "a", "title": None, "source": None, "date": None,
                          "path": "a.txt", "url": None, "score": 1.0} for q in quotes]}


ITEMS = [
    {"question": "kapan Putin ke Pyongyang?", "evidence": ["kunjungan langka ke Pyongyang"], "answer": ["Juni 2024"]},
    {"question": "siapa menhan?", "evidence": ["Andrey Belousov"], "answer": ["Andrey Belousov"]},
    {"question": "apa isi perjanjian?", "evidence": ["saling memberikan bantuan militer"]},
    {"question": "Jokowi?", "evidence": [], "abstain": True},
    {"question": "harga beras?", "evidence": [], "abstain": True},
]


def test_score_counts_hits_answers_and_abstentions():
    answers = [
        answer(["Pada Juni 2024, Presiden Rusia Vladimir Putin melakukan kunjungan  LANGKA\nke Pyongyang."],
               short="juni 2024."),
        answer(["bukan ini", "juga bukan", "… Menteri Pertahanan Rusia, Andrey Belousov, menyatakan …"],
               short="Rusia"),
        answer([], abstained=True),
        answer([], abstained=True),
        answer(["Harga beras naik."], short="Rp 15.000"),
    ]
    report = score(ITEMS, answers)
    assert (report.questions, report.answerable, report.unanswerable) == (5, 3, 2)
    assert report.hit_at_1 == pytest.approx(1 / 3)
    assert report.hit_at_3 == pytest.approx(2 / 3)
    assert report.answer_accuracy == pytest.approx(1 / 2)
    assert report.abstention_accuracy == pytest.approx(1 / 2)
    assert report.false_abstentions == pytest.approx(1 / 3)
    problems = sorted(f["problem"] for f in report.failures)
    assert problems == ["false_abstention", "should_abstain", "wrong_answer"]


def test_trimmed_quote_pieces_are_compared_separately():
    assert evidence_in_quote(["memuji hubungan"], "Kim … memuji   hubungan … Rusia")
    assert not evidence_in_quote(["Kim memuji"], "Kim … memuji hubungan")


@pytest.mark.parametrize("produced, acceptable, ok", [
    ("Juni 2024", ["Juni 2024"], True),
    ("juni 2024.", ["Juni 2024"], True),
    ("pada bulan Juni 2024", ["Juni 2024"], True),
    ("Menteri Pertahanan Rusia Andrey Belousov", ["Andrey Belousov"], True),
    ("Juru bicara keamanan nasional Gedung Putih John Kirby", ["John Kirby"], False),
    ("Juni", ["Juni 2024"], False),
    ("20245", ["2024"], False),
    (None, ["Juni 2024"], False),
    ("", [""], False),
])
def test_answer_correct(produced, acceptable, ok):
    assert answer_correct(produced, acceptable) is ok


@pytest.mark.parametrize("produced, gold, f1", [
    ("11 Agustus 2005", "11/8", 0.8),  # FacQA's figures, the engine's named month: one date
    ("8 September 2005", "8/ 9", 0.8),
    ("11 Juli 2005", "11/8", 0.4),  # another month: the day alone matches
    ("11/8", "11/8", 1.0),
    ("2017", "2017/18", 2 / 3),  # a season is no day and month
])
def test_a_date_in_figures_counts_as_the_same_date_with_its_month_named(produced, gold, f1):
    assert best_f1(produced, [gold]) == pytest.approx(f1)


def test_length_mismatch_is_an_error():
    with pytest.raises(ValueError):
        score(ITEMS, [])


def test_format_report_mentions_numbers_and_failures():
    report = score(ITEMS[:1], [answer(["lain"], short="Mei")])
    text = format_report(report)
    assert "Hit@1" in text and "0.0%" in text and "kapan Putin ke Pyongyang?" in text


def test_parse_devset_reports_bad_lines():
    assert parse_devset('{"question": "a"}\n\n# komentar\n{"question": "b"}') == [{"question": "a"}, {"question": "b"}]
    with pytest.raises(ValueError):
        parse_devset("{bukan json")


# ---------------------------------------------------------------- the dev set itself

DEVSET = parse_devset((ROOT / "tests" / "devset.jsonl").read_text(encoding="utf-8"))
CORPUS = [" ".join(p.read_text(encoding="utf-8").split()) for p in sorted((ROOT / "corpus").glob("*.txt"))]


def test_devset_size_and_mix():
    assert len(DEVSET) >= 45
    assert sum(1 for i in DEVSET if i.get("abstain")) >= 10
    assert sum(1 for i in DEVSET if i.get("previous")) >= 4
    anchors = {"kapan Putin ke Pyongyang?", "Kapan Putin mengunjungi Pyongyang?", "kpn putin ke pyongyang"}
    assert anchors <= {i["question"] for i in DEVSET}


@pytest.mark.parametrize("item", DEVSET, ids=lambda i: i["question"][:40])
def test_devset_evidence_is_in_the_corpus(item):
    if item.get("abstain"):
        assert not item.get("evidence") and not item.get("answer")
        return
    assert item["evidence"]
    for evidence in item["evidence"]:
        assert any(" ".join(evidence.split()) in text for text in CORPUS), evidence


@pytest.mark.parametrize("item", [i for i in DEVSET if i.get("answer")], ids=lambda i: i["question"][:40])
def test_devset_answers_are_written_in_the_evidence_or_derivable(item):
    """Each expected answer shares its words with some evidence (dates may be resolved from d/m/y)."""
    evidence = " ".join(item["evidence"]).lower()
    for expected in item["answer"]:
        words = re.findall(r"\w+", expected.lower())
        derived = re.search(r"\d+/\d+/\d{4}", evidence)
        assert all(w in evidence for w in words) or derived, expected


def test_eval_command_scores_the_devset_through_the_cli(bundled_db: Path, tmp_path: Path) -> None:
    done = subprocess.run([*TANYA, "eval", "tests/devset.jsonl", "--db", str(bundled_db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    hit1 = float(next(line for line in done.stdout.splitlines() if line.startswith("Hit@1")).split(":")[1].strip(" %"))
    assert hit1 >= 80.0
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"question": "a?"}\n{not json\n', encoding="utf-8")
    bad = subprocess.run([*TANYA, "eval", str(broken), "--db", str(bundled_db)], capture_output=True, text=True,
                         timeout=60)
    assert bad.returncode != 0 and "baris 2" in bad.stderr
