"""Seeded draw of IndoSum articles for the archive question set, and their train/dev/test split.

Run from the repository root: `python tests/archive/make_split.py` prints one line per drawn article
(split, topic, id, title). The questions in questions.jsonl were written by hand from these articles;
this script makes the choice of articles and their split reproducible, and the test checks that the
question file still follows it.
"""
from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

ARTICLES = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "indosum" / "articles.jsonl"
SEED = 20261130
# topic -> number of articles; politik, kriminal and ekonomi are read out of IndoSum's "tajuk utama",
# the other topics are IndoSum categories of the same name
QUOTAS = {
    "politik": 11, "kriminal": 10, "ekonomi": 10, "olahraga": 12,
    "teknologi": 10, "showbiz": 7, "hiburan": 7, "inspirasi": 5,
}
CRIME = re.compile(r"\b(polisi|polda|polres|ditangkap|tersangka|pembunuhan|dibunuh|narkoba|sabu|pencurian|"
                   r"penipuan|korupsi|kpk|terdakwa|vonis|penjara|pelaku|begal|perampokan|teroris|diperkosa|"
                   r"dikeroyok|dipukuli|curi|mencuri)\b")
ECONOMY = re.compile(r"\b(rupiah|saham|ekonomi|inflasi|investasi|investor|bank|ihsg|ekspor|impor|pajak|"
                     r"harga|anggaran|apbn|bi|ojk|bumn|pertumbuhan|utang|dolar)\b")
TRAINING_ROUNDS = 6  # the training-only articles (train_more.jsonl): this many quotas, after the evaluation draw
HELD_OUT = sorted(Path(__file__).resolve().parent.glob("held_out*.jsonl"))  # their articles are never drawn
NEAR_DUPLICATE = 0.2  # share of the smaller article's word 5-grams found in another article


class Drawn(NamedTuple):
    split: str
    topic: str
    article_id: str
    title: str


def topic_of(article: dict) -> str:
    """A coarse topic for a 'tajuk utama' article from its title and lead: crime, economy or politics."""
    head = (article["title"] + " " + article["text"].split("\n\n")[0]).lower()
    crime, economy = len(CRIME.findall(head)), len(ECONOMY.findall(head))
    if crime > economy and crime >= 2:
        return "kriminal"
    if economy > crime and economy >= 2:
        return "ekonomi"
    return "politik" if max(crime, economy) < 2 else "lain"


def shingles(text: str, n: int = 5) -> set[str]:
    """Word 5-grams: two articles sharing a fifth of them are near-duplicates."""
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(max(0, len(words) - n + 1))}


def held_out_articles() -> set[str]:
    """Articles of the held-out questions (and those their near misses borrow from): a question set
    that scores what no training saw must keep its articles out of every draw."""
    items = [json.loads(line) for path in HELD_OUT for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    return {i[key] for i in items for key in ("article_id", "based_on") if i.get(key)}


def draw(articles: list[dict], seed: int = SEED) -> list[Drawn]:
    """Articles drawn in seeded order until every topic's quota is met, then split 50/25/25 by article.
    The evaluation articles come first; further articles, for training only (`train_more.jsonl`),
    are drawn after them in the same order with the same quotas, so the first draw never changes.

    Skipped: texts too short or long to ask three questions from (under 1,200 or over 5,000
    characters, fewer than five paragraphs), a repeated title, and any article that is a
    near-duplicate of another one in the archive (its answers would live in two places).
    """
    grams = [shingles(a["text"]) for a in articles]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(grams):
        for gram in g:
            postings[gram].append(i)

    def near_duplicate(i: int) -> bool:
        shared: dict[int, int] = defaultdict(int)
        for gram in grams[i]:
            for j in postings[gram]:
                if j != i:
                    shared[j] += 1
        return any(c / max(1, min(len(grams[i]), len(grams[j]))) >= NEAR_DUPLICATE for j, c in shared.items())

    rng = random.Random(seed)
    order = list(range(len(articles)))
    rng.shuffle(order)
    chosen: dict[str, list[int]] = {t: [] for t in QUOTAS}
    more: dict[str, list[int]] = {t: [] for t in QUOTAS}
    seen_titles: set[str] = set()
    held_out = held_out_articles()
    for i in order:
        a = articles[i]
        if a["id"] in held_out:
            continue
        paragraphs = [p for p in a["text"].split("\n\n") if p.strip()]
        if not (1200 <= len(a["text"]) <= 5000 and len(paragraphs) >= 5):
            continue
        topic = topic_of(a) if a["category"] == "tajuk utama" else a["category"]
        if topic not in chosen:
            continue
        into = chosen if len(chosen[topic]) < QUOTAS[topic] else more
        if len(into[topic]) >= QUOTAS[topic] * (1 if into is chosen else TRAINING_ROUNDS):
            continue
        key = a["title"].lower()[:40]
        if key in seen_titles or near_duplicate(i):
            continue
        seen_titles.add(key)
        into[topic].append(i)
    # articles in topic order are dealt train, dev, train, test in turn: 50/25/25 overall and
    # every split sees every topic
    pattern = ("train", "dev", "train", "test")
    out: list[Drawn] = []
    for topic, picked in chosen.items():
        rng.shuffle(picked)
        for i in picked:
            out.append(Drawn(pattern[len(out) % 4], topic, articles[i]["id"], articles[i]["title"]))
    for topic, picked in more.items():
        out.extend(Drawn("train-more", topic, articles[i]["id"], articles[i]["title"]) for i in picked)
    return out


def main() -> None:
    articles = [json.loads(line) for line in ARTICLES.open(encoding="utf-8")]
    for row in draw(articles):
        print("\t".join(row))


if __name__ == "__main__":
    main()
