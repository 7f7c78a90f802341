"""A deterministic archive-scale corpus for the benchmark, grown from real articles.

The real articles (IndoSum) come first, unchanged. Every further article is remixed from them:
paragraphs of one "theme" article and of a few others from the same category, with some names
swapped for other or invented names and some numbers and years changed, so the vocabulary keeps
growing the way a real archive's does. Article `i` depends only on (seed, i), so a corpus can be
regenerated, extended (the incremental-add test) or split over processes and stay identical.
"""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ARTICLES_PER_FILE = 1000
PARAGRAPHS_MEAN = 14.5  # IndoSum has ~10.5 paragraphs per article; 70,000 articles then give ~1M passages
PARAGRAPHS_SPREAD = 4
FIRST_DATE = dt.date(2008, 1, 1)
DATE_SPAN_DAYS = 17 * 365
NAME_SWAP_RATE = 0.35  # share of an article's distinct names replaced by another name
INVENTED_NAME_SHARE = 0.5  # of the replacements, share that are invented (new vocabulary)
INVENTED_NAMES = 300_000
NUMBER_CHANGE_RATE = 0.5

_CALENDAR = set(
    """Senin Selasa Rabu Kamis Jumat Sabtu Minggu Januari Februari Maret April Mei Juni Juli Agustus
    September Oktober November Desember""".split()
)
_NAME_RE = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NUMBER_RE = re.compile(r"\b\d{1,6}\b")
_WORD_RE = re.compile(r"[A-Za-z]+")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_ONSETS = ["", "b", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng", "ny", "sy", "kh"]
_VOWELS = ["a", "i", "u", "e", "o", "a", "i", "a"]
_CODAS = ["", "", "", "n", "r", "s", "t", "ng", "h", "l", "k", "m"]


@dataclass
class BaseCorpus:
    """The real articles, their paragraphs, and which capitalised words are names (never lowercase)."""

    articles: list[dict]
    paragraphs: list[list[str]]
    by_category: dict[str, list[int]]
    names: list[str]
    name_set: frozenset[str]


def load_base(path: Path | str) -> BaseCorpus:
    """Read the base JSONL once; the name list is what swaps draw from."""
    articles = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [[p.strip() for p in a["text"].split("\n\n") if p.strip()] for a in articles]
    by_category: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        by_category[article.get("category") or ""].append(i)
    lower: set[str] = set()
    capitalised: set[str] = set()
    for article in articles:
        for word in _WORD_RE.findall(article["text"]):
            (lower if word.islower() else capitalised).add(word)
    names = sorted(w for w in capitalised if _NAME_RE.fullmatch(w) and w.lower() not in lower and w not in _CALENDAR)
    return BaseCorpus(articles, paragraphs, dict(by_category), names, frozenset(names))


def invented_name(number: int) -> str:
    """A pronounceable Indonesian-looking name, the same for the same number."""
    rng = random.Random(f"name:{number}")
    syllables = rng.choice((2, 2, 3, 3, 4))
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + (rng.choice(_CODAS) if s == syllables - 1 else "")
                   for s in range(syllables))
    return word.capitalize() if len(word) >= 3 else (word + "man").capitalize()


class _Rewriter:
    """Changes names and numbers of one article consistently (the same name always becomes the same)."""

    def __init__(self, base: BaseCorpus, rng: random.Random, year_shift: int) -> None:
        self.base, self.rng, self.year_shift = base, rng, year_shift
        self.names: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        text = _NAME_RE.sub(self._name, text)
        return _NUMBER_RE.sub(self._number, text)

    def _name(self, match: re.Match) -> str:
        word = match.group()
        if word not in self.base.name_set:
            return word
        if word not in self.names:
            self.names[word] = self._pick_name(word)
        return self.names[word]

    def _pick_name(self, word: str) -> str:
        rng = self.rng
        if rng.random() >= NAME_SWAP_RATE:
            return word
        if rng.random() < INVENTED_NAME_SHARE:
            return invented_name(int(INVENTED_NAMES * rng.random() ** 2))  # skewed: some names recur often
        return rng.choice(self.base.names)

    def _number(self, match: re.Match) -> str:
        text = match.group()
        value = int(text)
        if 1950 <= value <= 2030 and len(text) == 4:
            return str(value + self.year_shift)
        if text.startswith("0") or self.rng.random() >= NUMBER_CHANGE_RATE:
            return text
        if value <= 31:
            return str(max(1, min(31, value + self.rng.randint(-3, 3))))
        changed = max(1, round(value * self.rng.uniform(0.7, 1.3)))
        return str(changed)[: len(text) + 1]


def generated_article(base: BaseCorpus, seed: int, number: int) -> dict:
    """Article `number` (≥ the base size) of the synthetic archive: a remix of real articles."""
    rng = random.Random(f"{seed}:{number}")
    theme_index = rng.randrange(len(base.articles))
    theme = base.articles[theme_index]
    date = FIRST_DATE + dt.timedelta(days=rng.randrange(DATE_SPAN_DAYS))
    theme_year = int((theme.get("date") or "2017")[:4])
    rewrite = _Rewriter(base, rng, date.year - theme_year)
    wanted = max(3, round(rng.gauss(PARAGRAPHS_MEAN, PARAGRAPHS_SPREAD)))
    paragraphs = _pick_paragraphs(base, rng, theme_index, wanted)
    text = "\n\n".join(rewrite(p) for p in paragraphs)
    title = rewrite(theme.get("title") or "")
    slug = _SLUG_RE.sub("-", title.lower()).strip("-")[:48]
    article_id = f"arsip-{number:07d}-{slug}"
    return {
        "id": article_id,
        "title": title,
        "text": text,
        "source": theme.get("source"),
        "url": f"https://arsip.contoh.id/{date.year}/{article_id}",
        "date": date.isoformat(),
        "category": theme.get("category"),
    }


def _pick_paragraphs(base: BaseCorpus, rng: random.Random, theme_index: int, wanted: int) -> list[str]:
    """The theme's opening paragraphs in order, then paragraphs of related articles of the same category."""
    theme_paragraphs = base.paragraphs[theme_index]
    picked = list(theme_paragraphs[: min(len(theme_paragraphs), rng.randint(3, 7), wanted)])
    related = base.by_category.get(base.articles[theme_index].get("category") or "", [theme_index])
    while len(picked) < wanted:
        donor = base.paragraphs[rng.choice(related)]
        if not donor:
            continue
        start = rng.randrange(len(donor))
        picked.extend(donor[start : start + min(wanted - len(picked), rng.randint(1, 4))])
    return picked


def article_at(base: BaseCorpus, seed: int, number: int) -> dict:
    """Article `number` of the archive: a real one while they last, then generated ones."""
    if number < len(base.articles):
        return base.articles[number]
    return generated_article(base, seed, number)


def write_jsonl(path: Path, articles: list[dict]) -> None:
    """Written to a temporary name first, so an interrupted run never leaves half a file to index."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    tmp.replace(path)


_worker_base: BaseCorpus | None = None


def _write_part(job: tuple[Path, int, int, int]) -> int:
    path, seed, first, last = job
    assert _worker_base is not None
    write_jsonl(path, [article_at(_worker_base, seed, n) for n in range(first, last)])
    return last - first


def generate_corpus(
    base_path: Path | str,
    corpus_dir: Path | str,
    articles: int,
    seed: int = 1,
    workers: int = 2,
    base: BaseCorpus | None = None,
) -> Path:
    """Write `articles` articles as JSONL files of ARTICLES_PER_FILE each; reuses a matching corpus.

    A small manifest beside the folder records (base, articles, seed), so a rerun of the benchmark
    does not regenerate an identical corpus.
    """
    corpus_dir = Path(corpus_dir)
    manifest = corpus_dir.with_name(corpus_dir.name + ".manifest.json")
    wanted = {"base": str(Path(base_path).resolve()), "articles": articles, "seed": seed, "version": 1}
    if manifest.exists() and json.loads(manifest.read_text()) == wanted and corpus_dir.is_dir():
        for extra in corpus_dir.glob("add-*.jsonl"):
            extra.unlink()
        return corpus_dir
    global _worker_base
    _worker_base = base or load_base(base_path)
    if corpus_dir.exists():
        for old in corpus_dir.iterdir():
            old.unlink()
    corpus_dir.mkdir(parents=True, exist_ok=True)
    manifest.unlink(missing_ok=True)
    jobs = [
        (corpus_dir / f"part-{first // ARTICLES_PER_FILE:05d}.jsonl", seed, first, min(articles, first + ARTICLES_PER_FILE))
        for first in range(0, articles, ARTICLES_PER_FILE)
    ]
    if workers > 1 and len(jobs) > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for _ in pool.imap_unordered(_write_part, jobs):
                pass
    else:
        for job in jobs:
            _write_part(job)
    manifest.write_text(json.dumps(wanted))
    return corpus_dir


def write_extra_articles(base: BaseCorpus, corpus_dir: Path, seed: int, first: int, count: int) -> Path:
    """New articles beyond the corpus (numbers first … first+count−1) in one new file."""
    first = max(first, len(base.articles))
    path = Path(corpus_dir) / f"add-{first:07d}.jsonl"
    write_jsonl(path, [generated_article(base, seed, n) for n in range(first, first + count)])
    return path
