"""Features of candidate sentences and of a whole answer, from the question and what the index
stored. The same code serves answering and training (bench/train.py), so a model sees at training
time exactly what it sees when it answers. Pure logic.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from bot.answer import ArticleInfo
from bot.candidates import ArticleContext, Candidates, Sentence
from bot.query import Query, figure_value, figure_words, is_figure
from bot.question import VOWELS, colloquial_variants, load_lexicon, place_span
from bot.short_answer import answer_type_count
from bot.short_answer.common import MONTH_INDEX, ordinary_share, word_spans
from bot.short_answer.definitions import defines_asked
from bot.short_answer.numbers import unasked_unit
from index.analyse import is_dictionary_root

_WORD = re.compile(r"\w+")
_REFERS_BACK = re.compile(r"\b(?:ini|itu|tersebut)\b|^(?:Ia|Dia|Mereka|Keduanya)\b", re.IGNORECASE)
STORY_PASSAGES = 3
KINDS = ("kapan", "siapa", "dimana", "berapa", "nama", "apa", "mengapa", "bagaimana")
# Kinds whose answer is a fact the answering sentence must hold.
FACTOID_KINDS = {"kapan", "siapa", "dimana", "kemana", "darimana", "berapa", "nama", "singkatan", "definisi"}
# Kinds with a short answer of their own; the others are answered by the quoted sentence. What
# something does or why ("apa fungsi …", "atribut") may have one, but a sentence can say it in any words.
SHORT_ANSWER_KINDS = FACTOID_KINDS | {"atribut", "objek"}

SENTENCE_FEATURES = (
    "sentence_coverage", "context_coverage", "neighbour_coverage", "passage_coverage", "article_coverage",
    "title_coverage", "lead_coverage", "proximity", "phrases", "passage_bm25", "article_bm25",
    "article_first", "article_rank", "length", "question_like",
    "refers_back", "missing_weight", "literal_words", "few_words", "predicate_coverage",
)
ANSWER_FEATURES = SENTENCE_FEATURES + (
    "stage_one", "answer_found", "answer_strength", "type_present",
    *(f"found_{k}" for k in KINDS), "factoid", "role_missing", "defines_asked", "story_passage_bm25",
    "other_figure",
)
# Within a news story, which of its leading sentences to quote first: the second stage's view of each,
# how much of the question it says that the story's subject does not, and whether it writes the
# asked noun at its answer ("42 pelari" for "brp pelari", beside "102 kilometer" in the same story).
STORY_FEATURES = ANSWER_FEATURES + ("local_coverage", "novel_coverage", "head_beside")
SHORT_FEATURES = (
    "probability", "ratio_to_best", "from_best", "rank", "p_sentence", "strength", "words", "has_digit",
    "capitalised", "in_question", *(f"kind_{k}" for k in KINDS), "role_missing", "rivals", "unasked_unit",
    "head_beside", "extractor_score", "unscored", "ordinary_names", "story",
)
_NEWS_INTERACTIONS = ("answer_strength", "best_article_coverage", "unknown_weight", "max_missing_idf",
                      "missing_in_article", "max_missing_near", "factoid", "missing_name", "figure_unsaid",
                      "unsaid_words", "place_unsaid", "answer_unsaid")
DECLINE_FEATURES = (
    "best", "margin", "second", "best_article_coverage", "best_sentence_coverage", "unknown_weight",
    "max_missing_idf", "missing_in_article", "answer_found", "terms", "top_bm25_share", "same_article_share",
    "answer_strength", "max_missing_near", "factoid", "missing_name", "other_figure", "unasked_unit",
    "opposite_said", "negation_unsaid", "superlative_unsaid", "figure_unsaid", "unsaid_words", "place_unsaid",
    "answer_unsaid", "story",
    *(f"story_{f}" for f in _NEWS_INTERACTIONS),
    "story_novel_said",
)
_PASSAGE_BM25_AT = SENTENCE_FEATURES.index("passage_bm25")
OTHER_FIGURE_AT = ANSWER_FEATURES.index("other_figure")
_NEWS_AT = [DECLINE_FEATURES.index(f) for f in _NEWS_INTERACTIONS]
_UNSAID_AT, _STORY_AT, _STORY_UNSAID_AT = (DECLINE_FEATURES.index(f) for f in
                                           ("unsaid_words", "story", "story_unsaid_words"))


def coverage(present: set[str], weights: dict[str, float]) -> float:
    """Share of the question's weight (IDF per term) that a piece of text holds."""
    return coverage_in(weights)(present)


def coverage_in(weights: dict[str, float]) -> Callable[..., float]:
    """`coverage` against these weights, for many pieces of text: the share held by any of up to
    three sets (their union, never built: the answer path asks this a few hundred times a question)."""
    total = sum(weights.values())
    items = list(weights.items())

    def share(first: frozenset[str] | set[str], second: frozenset[str] = frozenset(),
              third: frozenset[str] = frozenset()) -> float:
        if total <= 0:
            return 0.0
        return sum(w for t, w in items if t in first or t in second or t in third) / total
    return share


def proximity(terms: list[str], weights: dict[str, float]) -> float:
    """How tightly the question's terms sit together: 1 when adjacent, towards 0 when far apart."""
    positions = [(i, t) for i, t in enumerate(terms) if t in weights]
    wanted = {t for _, t in positions}
    if len(wanted) < 2:
        return 0.0
    best = len(terms)
    counts: dict[str, int] = {}
    left = 0
    for right, (pos, term) in enumerate(positions):
        counts[term] = counts.get(term, 0) + 1
        while len(counts) == len(wanted):
            best = min(best, pos - positions[left][0] + 1)
            left_term = positions[left][1]
            counts[left_term] -= 1
            if counts[left_term] == 0:
                del counts[left_term]
            left += 1
    return len(wanted) / best


def sentence_features(query: Query, cands: Candidates) -> np.ndarray:
    """One row of SENTENCE_FEATURES per candidate sentence. A sentence's position in its article is
    left out on purpose: the MRC sets' paragraphs answer in their first sentence, a news story
    often paragraphs later, and the position learned from the first misleads on the second."""
    weights = query.weights
    cover = coverage_in(weights)
    phrases = query.phrases
    phrase_words = {w for p in phrases for w in p.split()}
    literal = {w for w in query.content_words if len(w) > 2}
    predicates = query.predicates
    top = cands.top_bm25 or 1.0
    # What every sentence of an article (or a passage) shares is computed once: the answer path's
    # hot loop, at a few thousand sentences per question.
    of_article: dict[str, tuple[float, ...]] = {}
    of_passage: dict[int, float] = {}
    rows = []
    for s in cands.sentences:
        own = set(s.terms)
        article = s.article
        text = s.text
        words = _lower_words(text)
        said = set(words)
        if s.passage_id not in of_passage:
            of_passage[s.passage_id] = cover(s.passage_terms)
        article_id = article.info.article_id
        if article_id not in of_article:
            of_article[article_id] = (cover(article.terms), cover(article.title_terms), cover(article.lead_terms))
        in_article, in_title, in_lead = of_article[article_id]
        rows.append((
            cover(own),
            cover(own, article.title_terms, s.heading_terms),
            cover(own, s.neighbour_terms, article.title_terms),
            of_passage[s.passage_id],
            in_article,
            in_title,
            in_lead,
            proximity(s.terms, weights),
            min(3, _phrase_hits(words, phrases)) / 3 if phrase_words & said else 0.0,
            s.passage_bm25 / top,
            article.best_bm25 / top,
            float(article.rank == 0),
            1.0 / (1 + article.rank),
            min(len(s.terms), 60) / 60,
            float(text.rstrip().endswith("?") or (s.heading is not None and text.strip() == s.heading.strip())),
            float(refers_back(text)),
            1.0 - in_article,
            len(literal & said) / max(len(literal), 1),
            float(len(s.terms) < 5),
            len(predicates & own) / len(predicates) if predicates else 1.0,
        ))
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(SENTENCE_FEATURES))


def other_figure(text: str, query: Query) -> bool:
    """Whether the sentence gives another figure where the question gives one ("Kontainer 20 kaki"
    for "kontainer 40 kaki", "per Juni 2016" for "pas Agustus 2016"), and never the question's own."""
    words = figure_words(text)
    present = {figure_value(w) for w in words}
    months = query.months
    if months and present & MONTH_INDEX.keys() and not months & present:
        return True
    return any(w == beside and 0 <= i - side < len(words) and is_figure(words[i - side])
               for figure, beside, side in query.figures if figure_value(figure) not in present
               for i, w in enumerate(words))


def _lower_words(text: str) -> list[str]:
    """The words as written, lowercased (at once when ASCII, where lowercasing keeps every word's letters)."""
    if text.isascii():
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def refers_back(text: str) -> bool:
    """ "Ia …", "Hal tersebut …": the sentence leans on the one before it for what it is about."""
    return bool(_REFERS_BACK.search(text))


def _phrase_hits(words: list[str], phrases: set[str]) -> int:
    if not phrases:
        return 0
    return len(phrases & {f"{a} {b}" for a, b in zip(words, words[1:])})


def answer_features(query: Query, lexical: np.ndarray, stage_one: np.ndarray, sentences: list[Sentence],
                    type_present: list[bool]) -> np.ndarray:
    """Rows of ANSWER_FEATURES for the sentences that reached the second stage."""
    kind = _kind_group(query.kind)
    role = query.role
    rows = []
    for row, first, s, present in zip(lexical, stage_one, sentences, type_present):
        found = float(s.answer is not None)
        rows.append((*row, first, found, s.answer_strength, float(present),
                     *(found * (kind == k) for k in KINDS), float(query.kind in FACTOID_KINDS),
                     float(role is not None and role not in s.terms),  # "siapa wasit …": no wasit here
                     float(query.kind == "definisi" and defines_asked(s.text, query.words)),
                     # Within a story the right sentence is often not in the best passage
                     float(is_story(s.article.info)) * row[_PASSAGE_BM25_AT],
                     # "hari pertama" for "di hari kedua": of another day than the one asked
                     float(other_figure(s.text, query))))
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(ANSWER_FEATURES))


def story_features(query: Query, said: tuple[int, dict[str, int]], sentences: list[Sentence],
                   second: np.ndarray) -> np.ndarray:
    """Rows of STORY_FEATURES for sentences of one story, whose `said_by` is `said`. A story restates
    its subject (the title's and lead's words) in sentence after sentence; the one that answers says
    what the question adds to that subject ("main di stadion apa" of a story on the match), and says
    the question's words its other sentences seldom use."""
    article = sentences[0].article
    told, saying = said
    rare = {t: w * np.log((told + 1) / (saying.get(t, 0) + 0.5)) for t, w in query.weights.items()}
    novel = novel_weights(query.weights, article)
    in_rare, in_novel = coverage_in(rare), coverage_in(novel)
    extra = []
    for s in sentences:
        terms = set(s.terms)
        extra.append((in_rare(terms), in_novel(terms), float(head_beside(s.text, s.answer, query.head))))
    return np.hstack([second, np.array(extra, dtype=np.float64).reshape(len(sentences), 3)])


def said_by(cands: Candidates, article: ArticleContext) -> tuple[int, dict[str, int]]:
    """How many sentences the article has among the candidates, and how many of them say each term."""
    told = [s.terms for s in cands.sentences if s.article is article]
    saying: dict[str, int] = {}
    for terms in told:
        for t in set(terms):
            saying[t] = saying.get(t, 0) + 1
    return len(told), saying


def decline_features(query: Query, scores: np.ndarray, best: Sentence, sentences: list[Sentence],
                     top_bm25: float, unsaid: float, told: list[str]) -> np.ndarray:
    """One row of DECLINE_FEATURES: how sure the ranking is, and whether the best article says
    everything the question names (a near miss borrows a real name but adds what no article says)."""
    weights = query.weights
    total = sum(weights.values()) or 1.0
    order = np.argsort(-scores)
    first = float(scores[order[0]])
    second = float(scores[order[1]]) if len(order) > 1 else 0.0
    asked = query.asked
    missing = [t for t in asked if t not in best.article.terms]
    unknown = sum(weights[t] for t in query.unknown if t in weights) / total
    same = [s for s in (sentences[i] for i in order[:5]) if s.article is best.article]
    near = best.near_terms
    top_weight = max(weights.values()) or 1.0
    row = [
        first,
        first - second,
        second,
        coverage(best.article.terms, weights),
        coverage(set(best.terms) | best.neighbour_terms | best.article.title_terms, weights),
        unknown,
        max((weights[t] for t in missing), default=0.0) / top_weight,
        len(missing) / max(len(asked), 1),
        float(best.answer is not None),
        min(len(weights), 12) / 12,
        top_bm25 / total,  # against the question's own weight: a small corpus scores every match low
        len(same) / max(min(5, len(order)), 1),
        best.answer_strength,
        max((w for t, w in weights.items() if t not in near), default=0.0) / top_weight,
        float(query.kind in FACTOID_KINDS),
        # A near miss pairs a real name with one the answering article never mentions.
        # (a name the corpus never writes is more often a misspelling: "runey", "martowardoyo")
        max((weights[t] for t in missing if t not in near and t not in query.unknown and names_something(t, query)),
            default=0.0) / top_weight,
        # An altered figure: "tahun 2009" asked, "tahun 2008" said.
        float(other_figure(best.text, query)),
        # "30 menit" for "berapa suara": the article's one figure, of something the question did not ask
        float(_unasked_figure(query, best.answer)),
        *altered(query, best.passage_text),
        float(figure_unsaid(query, best)),
        0.0,  # what the words the question adds to the passage say of it, set below (`with_unsaid`)
        float(place_unsaid(query, [best.article.info.title or "", *told])),
        float(answer_unsaid(query, best, sentences)),
    ]
    story = float(is_story(best.article.info))
    row += [story, *(story * row[i] for i in _NEWS_AT), story * novel_said(weights, best)]
    return with_unsaid(np.array([row], dtype=np.float64), np.array([unsaid]))


def answer_unsaid(query: Query, best: Sentence, sentences: list[Sentence]) -> bool:
    """The question asks for a fact (a date, a name, a figure) that none of the best article's
    leading sentences holds: "berapa jam Yasonna diperiksa KPK" of a story that never says how long.
    The best sentence alone lacks the answer of many an answerable question too, as a story often
    gives it a sentence or two further on: of the archive's train questions the previous models
    answered without an answer in their best sentence, 32 answerable and 32 near misses, of which
    the article held none for 3 and 15."""
    return query.kind in SHORT_ANSWER_KINDS and not any(
        s.answer is not None for s in sentences if s.article is best.article)


def names_something(term: str, query: Query) -> bool:
    """Whether a question's term reads as a name: not a dictionary word, nor chat's spelling of one
    ("dateng", "nunggu", "sempet"), nor one with "se-"/"ke-" ("sehari", "ketiga"), nor a doubled word
    ("gara-gara"), a figure or a chat abbreviation ("dtg", "hp"). On the archive's train questions, a
    term the article lacks that the dictionary does not know was such a word in 40 % of the answerable
    ones that had one; a near miss's is mostly a name ("carrie", "rizieq", "surabaya")."""
    if not term.isalpha() or len(term) < 3 or not set(term) & set(VOWELS) or is_dictionary_root(term):
        return False
    if term[:2] in ("se", "ke") and is_dictionary_root(term[2:]) or f"{term}-{term}" in query.question.text.lower():
        return False
    return not any(is_dictionary_root(v) for v in colloquial_variants(term))


def novel_said(weights: dict[str, float], best: Sentence) -> float:
    """How much of what the question adds to its story's subject (the words the title and lead do not
    say) the best sentence and its neighbours say. A near miss takes its subject from a real story and
    adds a detail the story never tells, so the sentence chosen for it restates the subject only
    ("Kapan Sandiaga Uno meninjau proyek tol Becakayu?" of a story on the project's crane falling)."""
    novel = novel_weights(weights, best.article)
    return coverage(set(best.terms) | best.neighbour_terms, novel) if novel else 1.0


def novel_weights(weights: dict[str, float], article: ArticleContext) -> dict[str, float]:
    """The question's weight on the words its story's subject (title and lead) does not say."""
    subject = article.title_terms | article.lead_terms
    return {t: w for t, w in weights.items() if t not in subject}


_NEGATIONS = {"tidak", "tak", "bukan", "belum"}
UNSAID_RANGE = 5.0  # log-odds beyond this say no more


def with_unsaid(rows: np.ndarray, unsaid: np.ndarray) -> np.ndarray:
    """Decline rows with the unsaid-words score (as learned, `unsaid_words`; training puts in
    out-of-fold ones), clipped, with its news interaction."""
    out = rows.copy()
    out[:, _UNSAID_AT] = np.clip(unsaid, -UNSAID_RANGE, UNSAID_RANGE)
    out[:, _STORY_UNSAID_AT] = out[:, _STORY_AT] * out[:, _UNSAID_AT]
    return out


def unsaid_words(query: Query, passage: str) -> set[str]:
    """The question's words (as typed, misspellings corrected) that the passage does not say: the
    unsaid-words model learns from the train sets which of them mark a question the passage does
    not answer ("dilarang", "terakhir", a country swapped in) and which a mere paraphrase ("definisi",
    "terletak")."""
    said = _words_of(passage)
    return {w for w in query.content_words if w not in said}


def word_bag(vocabulary: tuple[str, ...], words: set[str]) -> np.ndarray:
    """One row: 1 for each word of the vocabulary among `words`."""
    return np.array([[float(w in words) for w in vocabulary]], dtype=np.float64)


def altered(query: Query, passage: str) -> tuple[float, float, float]:
    """Signs that the question alters what the passage says, as IDK-MRC's unanswerable questions
    do: it asks with a word whose opposite the passage says ("termuda" of a passage on the oldest),
    it negates where the passage never does, or it asks for an extreme ("terakhir", "paling
    murah") the passage never names. Of 3,000 IDK-MRC train questions, 71 unanswerable and 7
    answerable ones ask with an opposite, 52 and 15 with a negation, 113 and 20 with an unsaid extreme."""
    asked = _WORD.findall(query.question.text.lower())
    words, said = set(asked), _words_of(passage)
    opposite = any(not side & said and other & said for side, other in _opposites() if side & words)
    negation = bool(words & _NEGATIONS) and not said & _NEGATIONS
    extreme = any(w in _superlatives() and w not in said for w in asked) or any(
        w == "paling" and nxt not in said for w, nxt in zip(asked, asked[1:]))
    return float(opposite), float(negation), float(extreme)


def figure_unsaid(query: Query, best: Sentence) -> bool:
    """The question names a figure (a year, a score, an amount) that the best article never says,
    not even in its date: "Siapakah pendiri PBB pada tahun 1995?" of a passage on 1945. Of 3,000
    IDK-MRC train questions, 44 unanswerable and 5 answerable ones do; of the archive's, 12 of 180
    near misses and 8 of 542 answerable ones. FacQA's passages often leave the year to the date
    line (231 of 2,495), so the decline model learns how much it counts."""
    asked = _figures(query.question.original)  # as typed: the normalised text splits "111,6"
    if not asked:
        return False
    article = best.article
    figures = (t for t in article.terms if figure_value(t)[:1].isdigit())  # "keempat" too
    return bool(asked - _figures(best.passage_text, article.info.date or "", *figures, spelt=True))


def place_unsaid(query: Query, texts: list[str]) -> bool:
    """The question names a place (a country, city or region we know) that the answering article's
    texts (its title and sentences) never write: "Agus Martowardojo bertemu Ketua The Fed di
    Washington" of a story on another meeting, "pengungsi rohingya yg ditampung di aceh" of one on
    refugees elsewhere. A place is a common word, so the weight it carries says little of a near
    miss; that it is missing says more. Of the archive's train questions, 13 of 180 near misses and
    9 of 542 answerable ones have one; of FacQA's, whose paragraphs often leave the place to a
    dateline, 229 of 2,495: the decline model learns how much it counts, in news and elsewhere."""
    words = query.content_words
    asked, at = [], 0
    while at < len(words):
        size = place_span(words, at)
        if size:
            asked.append(words[at:at + size])
        at += max(size, 1)
    said = set(_WORD.findall(" ".join(texts).lower())) if asked else set()
    return any(not all(w in said for w in place) for place in asked)


def _figures(*texts: str, spelt: bool = False) -> set[str]:
    """The numbers written in the texts as digits (with `spelt`, in words too: "keempat" says 4)."""
    return {value for text in texts for w in figure_words(text)
            if (value := figure_value(w))[:1].isdigit() and (spelt or w[:1].isdigit())}


@lru_cache(maxsize=8)
def _words_of(passage: str) -> frozenset[str]:
    """A passage's words, lowercased: the decline signals (`altered`, `unsaid_words`) all read the
    best passage, which is then split once per question."""
    return frozenset(_WORD.findall(passage.lower()))


@lru_cache(maxsize=1)
def _superlatives() -> frozenset[str]:
    """The superlatives of opposites.txt ("terbesar", "terakhir")."""
    return frozenset(w for side, _ in _opposites() for w in side if w.startswith("ter"))


@lru_cache(maxsize=1)
def _opposites() -> list[tuple[frozenset[str], frozenset[str]]]:
    """Both directions of every pair of sides in opposites.txt."""
    pairs = []
    for line in load_lexicon("opposites.txt"):
        one, _, other = line.partition("|")
        a, b = frozenset(one.split()), frozenset(other.split())
        pairs += [(a, b), (b, a)]
    return pairs


def is_story(info: ArticleInfo) -> bool:
    """A news story (titled, or several paragraphs long), not a lone paragraph as in the MRC sets:
    near misses and paraphrase look different in the two, and so do the scores of right answers."""
    return bool(info.title) or info.passages >= STORY_PASSAGES


def short_features(query: Query, sentence: Sentence, rank: int, probability: float, best: float,
                   p_sentence: float) -> np.ndarray:
    """One row of SHORT_FEATURES: is this extracted phrase the answer, or a wrong word a reader
    would be misled by (a wrong short answer is worse than none)."""
    answer = sentence.answer or ""
    words = answer.split()
    kind = _kind_group(query.kind)
    in_question = sum(w.lower() in query.words for w in words) / max(len(words), 1)
    role = query.role
    return np.array([[
        probability, probability / best if best > 0 else 0.0, float(rank == 0), min(rank, 5) / 5, p_sentence,
        sentence.answer_strength, min(len(words), 10) / 10, float(any(c.isdigit() for c in answer)),
        sum(w[:1].isupper() for w in words) / max(len(words), 1), in_question,
        *(float(kind == k) for k in KINDS),
        float(role is not None and role not in sentence.near_terms),
        float((answer_type_count(query.kind, sentence.text) or 0) > 1),  # something else it could be
        float(_unasked_figure(query, answer)),
        float(head_beside(sentence.text, answer, query.head)),
        _scaled_score(sentence.answer_score), float(sentence.answer_score is None),
        ordinary_share(word_spans(answer)),
        float(is_story(sentence.article.info)),  # a news story's wrong answers are not a lone paragraph's
    ]], dtype=np.float64)


SCORE_RANGE = (-5.0, 8.0)  # hand-set scores beyond these (a far candidate, stacked bonuses) say no more


def _scaled_score(score: float | None) -> float:
    """The extractor's hand-set score of the phrase it chose (prior weight, bonuses, less distance):
    a name right after "adalah" or "oleh" beside the question's words is likelier the answer than one
    the extractor took for want of better."""
    return 0.0 if score is None else min(max(score, SCORE_RANGE[0]), SCORE_RANGE[1]) / SCORE_RANGE[1]


def _unasked_figure(query: Query, answer: str | None) -> bool:
    return query.kind == "berapa" and bool(answer) and unasked_unit(answer, query.words)


def head_beside(sentence: str, answer: str | None, head: str | None) -> bool:
    """ "Hotel Mandarin Oriental", "klub Bayer Leverkusen", "42 pelari": the sentence writes the asked
    noun at the answer or in it, which a name picked from elsewhere in it ("keperluan apa" → a person),
    or a figure counting something else, lacks."""
    at = sentence.find(answer) if head and answer else -1
    if at < 0:
        return False
    stem = head.removesuffix("nya")
    near = _WORD.findall(sentence[:at].lower())[-HEAD_REACH:] + _WORD.findall(answer.lower())
    return any(w.startswith(stem) for w in near)


HEAD_REACH = 2


def _kind_group(kind: str | None) -> str | None:
    if kind == "singkatan":
        return "nama"
    if kind in ("definisi", "atribut", "objek"):
        return "apa"
    if kind in ("kemana", "darimana"):
        return "dimana"
    return kind
