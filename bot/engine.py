"""The answer engine: question in, plain `Answer` out. Console and Telegram only render it.

Opening an engine reads no corpus and stems nothing: it needs only the index database, and it
reloads its statistics by itself when `tanya index` changes the index (redeploy without restart).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.answer import Answer, ArticleInfo, CorpusSummary, Quote, Turn
from bot.candidates import Candidates, PassageRow, Sentence, build_candidates, group_articles
from bot.features import (FACTOID_KINDS, OTHER_FIGURE_AT, SHORT_ANSWER_KINDS, answer_features, coverage,
                           decline_features, is_story, refers_back, said_by, sentence_features, short_features,
                           story_features, unsaid_words, word_bag)
from bot.models import LinearModel, Model, Models, load_models, log_odds
from bot.query import Query
from bot.question import (PLACE_QTYPES, Question, analyse_question, colloquial_variants, edit_candidates,
                          frame_words, may_abbreviate, skeleton)
from bot.quotes import trim_quote
from bot.retrieval import IndexStats, database_inode, document_frequencies, idf_weights, search, term_postings
from bot.short_answer import asks_for_speaker, has_answer_type, has_speech, names_speaker, short_answer
from bot.short_answer.choice import choosing_with, noting_scores
from bot.short_answer.common import MONTH_CAP
from index import bm25
from index.analyse import STOPWORDS, Analyzer, Token, is_dictionary_root, is_ordinary_word, roots_stored_by
from index.health import IndexDamaged, IndexUnavailable, check_index, is_damage, open_uri
from index.aliases import with_short_forms
from index.store import get_meta, open_db, short_forms, split_sentence_terms

RETRIEVED_PASSAGES = 30
ARTICLES_READ = 5  # every sentence of these is a candidate: the answer often sits after the lead
ABBREVIATION_PASSAGES = 300  # searched for one that spells an abbreviation out, which few passages do
SECOND_STAGE = 20  # leading sentences whose answer type and short answer are looked at
ANSWER_SEARCH = 6  # leading sentences that may supply the short answer
ARTICLE_COLUMNS = "a.article_id, a.title, a.source, a.date, a.author, a.path, a.url, a.passages"  # ArticleInfo
MIN_FUZZY_LENGTH = 4
MIN_JOINED_PART = 4  # letters in each half of two words typed as one ("yang|dimaksud", not "pos|ter")
MIN_DICTIONARY_FUZZY = 6
CONTEXT_TERMS = 4  # the question's rarest terms that tell a misspelt word's readings apart
# A chat word's formal reading must be this many times as frequent: "abis" 5 passages, "habis" 212;
# "dateng" 3, "datang" 1,095; but "teken" 16 beside "tekan" 315 is a word of its own (meneken).
COMMON_FORMAL = 30
NAME_SAMPLE = 20  # passages read to tell how the corpus writes a word
SENTENCE_OPENERS = " \t\n\"'“‘(["  # may stand between a sentence's end and its first word
UNKNOWN_WORD_SHARE = 0.6
FRAME_SHARE = 0.5  # weight kept by the words that frame the question rather than its subject
QUOTE_LIMIT = 320  # characters; a longer sentence is cut around the question's terms
MIN_COVERAGE = 0.5  # share of the question's weight the corpus must know, or Tanya declines
# A further quote's probability must reach this share of the best one's: an unsure best sentence
# comes with its alternatives, a sure one alone. On dev, 0.25 → 0.1 raised archive hit@3 from
# 0.764 to 0.782 and the MRC sets' by 0.02-0.04; 0 added nothing more on the archive.
SECOND_SOURCE_RATIO = 0.1
NEAR_DUPLICATE = 0.8  # term-set overlap above which two passages count once (the same wire copy)
_LETTERS_OR_FIGURES = re.compile(r"[^\W\d_]+|\d+")
_PLACE_PREPOSITION = re.compile(r"\b(?:di|ke|dari|asal|menuju|dalam|sampai)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_OPENS_FROM_BEFORE = re.compile(r"(?:Ia|Dia|Mereka|Keduanya|Beliau|Hal (?:ini|itu|tersebut))\b")
_EXPLICIT_DATE = re.compile(rf"\b(?:1[89]|20)\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH_CAP}\b")


@dataclass
class Examined:
    """Everything the engine worked out for one question, for answering and for training alike."""

    query: Query
    candidates: Candidates
    leading: list[int]  # indices of the sentences that reached the second stage, best first
    second: np.ndarray  # ANSWER_FEATURES of the leading sentences
    stage_two: np.ndarray  # their second-stage probability
    decline_row: np.ndarray  # DECLINE_FEATURES
    p_right: float  # probability that the best sentence's article answers the question
    p_sentence: float  # probability that the best sentence itself does
    answer_at: int | None = None  # position in `leading` of the sentence that gives the short answer
    short_row: np.ndarray | None = None
    p_short: float = 0.0

    def answers_at_all(self, decline: LinearModel) -> bool:
        """The model is sure enough, and the corpus knows most of what the question names: when
        words it never mentions carry half the question's weight ("rendang" in a corpus about
        Korea), no model is needed."""
        weights = self.query.weights
        return (self.p_right >= decline.threshold_for(self.story)
                and coverage(set(weights) - self.query.unknown, weights) >= MIN_COVERAGE)

    def shows_short(self, short: Model) -> bool:
        """A short answer was found and the gate is sure enough of it (at the threshold for the
        kind of corpus its article is from)."""
        return self.answer_at is not None and self.p_short >= short.threshold_for(self.story)

    def delivered(self, models: Models) -> tuple[list[tuple[Sentence, float]], str | None] | None:
        """What the user is shown, for answering and for measuring alike: the leading sentences in
        quote order (the short answer's first) and the short answer; None when Tanya declines."""
        if not self.answers_at_all(models.decline):
            return None
        ranked = self.scored
        if not self.shows_short(models.short):
            return ranked, None
        lead = ranked.pop(self.answer_at)
        return [lead, *ranked], lead[0].answer

    @property
    def story(self) -> bool:
        """The best sentence is from a news story: each threshold has its own value for those."""
        return is_story(self.best.article.info)

    @property
    def best(self) -> Sentence:
        """The sentence ranked first (the first of `ranked`, without sorting them all)."""
        return self.candidates.sentences[self.leading[int(np.argmax(self.stage_two))]]

    @property
    def scored(self) -> list[tuple[Sentence, float]]:
        """The leading sentences with their second-stage probability, best first."""
        order = np.argsort(-self.stage_two, kind="stable")
        return [(self.candidates.sentences[self.leading[i]], float(self.stage_two[i])) for i in order]

    @property
    def ranked(self) -> list[Sentence]:
        return [sentence for sentence, _ in self.scored]


log = logging.getLogger("tanya.engine")


class IndexMissing(IndexUnavailable):
    """The database does not exist or holds no index yet."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(path, reason, "jalankan dulu `tanya index`")


class Engine:
    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        if not self.db_path.exists():
            raise IndexMissing(self.db_path, "belum ada")
        check_index(self.db_path)  # IndexUnavailable: one line for the operator, no traceback
        self._local = threading.local()
        self._lock = threading.Lock()
        self._stats: IndexStats | None = None
        self._analyzer = Analyzer(lookup=self._stored_stem)
        self._models: Models | None = None

    def _stored_stem(self, word: str) -> str | None:
        """The index's own stem of a word it has seen: one key lookup instead of Sastrawi."""
        conn, _ = self._connection()
        try:
            row = conn.execute("SELECT term FROM stems WHERE word = ?", (word,)).fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._unavailable(exc) from None
        return row[0] if row else None

    # -- connection and index generation -------------------------------------------------------
    def _connection(self) -> tuple[sqlite3.Connection, int]:
        """This thread's connection; a new file in place (a rebuild) is checked before it is used.
        When the new file is damaged or gone, the generation this thread has open keeps answering."""
        inode = database_inode(self.db_path)
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.inode != inode:
            try:
                check_index(self.db_path)
                fresh = sqlite3.connect(open_uri(self.db_path), uri=True, timeout=30, isolation_level=None,
                                        check_same_thread=False)
            except (IndexUnavailable, sqlite3.Error) as exc:
                if conn is not None and not getattr(self._local, "broken", False):
                    log.warning("%s; tetap menjawab dari indeks yang sedang terbuka", " ".join(str(exc).split()))
                    self._local.inode = inode  # warn once per replacement, not per question
                    return conn, self._local.opened
                raise exc if isinstance(exc, IndexUnavailable) else self._unavailable(exc) from None
            if conn is not None:
                conn.close()
            conn = fresh
            self._local.conn, self._local.inode, self._local.opened, self._local.broken = conn, inode, inode, False
        return conn, self._local.opened

    def _unavailable(self, error: BaseException) -> BaseException:
        """A damaged file (or a vanished one) becomes IndexUnavailable; other errors stay as they are."""
        if isinstance(error, sqlite3.DatabaseError) and (is_damage(error) or "unable to open" in str(error)):
            self._local.broken = True  # this connection no longer answers: do not fall back to it
            return IndexDamaged(self.db_path, f"rusak ({error})")
        return error

    @contextmanager
    def _snapshot(self) -> Iterator[tuple[sqlite3.Connection, IndexStats]]:
        """One read transaction: statistics and postings come from the same index generation."""
        conn, inode = self._connection()
        try:
            conn.execute("BEGIN")
            generation = get_meta(conn, "generation")
        except sqlite3.DatabaseError as exc:
            raise self._unavailable(exc) from None
        try:
            if generation is None:
                raise IndexMissing(self.db_path, "masih kosong")
            with self._lock:
                stats = self._stats
                if stats is None or stats.generation != generation or stats.inode != inode:
                    stats = self._stats = IndexStats.load(conn, inode)
            yield conn, stats
        except sqlite3.DatabaseError as exc:
            raise self._unavailable(exc) from None
        finally:
            with suppress(sqlite3.Error):
                conn.execute("COMMIT")

    # -- answering -----------------------------------------------------------------------------
    def ask(self, question: str, previous: Turn | None = None, max_quotes: int = 3) -> Answer:
        with roots_stored_by(self._stored_stem):  # Sastrawi only for the words the index never stemmed
            q = analyse_question(question or "", previous)
            seen = self.examine(q)
            shown = seen.delivered(self.models) if seen else None
        if shown is None:
            return self._abstain(question, seen.query if seen else Query.of(q))
        query = seen.query
        ranked, answer_text = shown
        explain = query.kind not in FACTOID_KINDS
        picked = _pick_quotes(ranked, max_quotes, query.asked, explain)
        quotes = self._quotes(picked, set(query.terms), explain)
        turn = Turn(question=q.text, qtype=q.qtype, content=q.content, answer=answer_text,
                    subject=answer_text if q.qtype == "siapa" else None)
        return Answer(question=question, abstained=False, answer=answer_text, passages=quotes, qtype=q.qtype,
                      understood_as=q.text, turn=turn)

    def ranking(self, question: str, k: int = 10) -> list[str]:
        """Article ids of the leading sentences in answer order, for retrieval metrics such as MRR."""
        seen = self.examine(analyse_question(question or ""))
        ids: list[str] = []
        for sentence in seen.ranked if seen else []:
            if sentence.article.info.article_id not in ids:
                ids.append(sentence.article.info.article_id)
        return ids[:k]

    def examine(self, q: Question) -> Examined | None:
        """Retrieve, read the best articles whole, and score every sentence in two learned stages;
        None when nothing in the corpus matches at all."""
        found = self.retrieve(q)
        return self.score(*found) if found else None

    def retrieve(self, q: Question) -> tuple[Query, Candidates] | None:
        query = Query.of(q)
        with self._snapshot() as (conn, stats):
            self._fill_terms(conn, stats, query)
            if not query.terms:
                return None
            query.short_forms = {short: full for short, full in short_forms(conn, query.terms).items()
                                 if not set(full) <= set(query.terms)}
            cands = self._read_candidates(conn, stats, query)
        return (query, cands) if cands.sentences else None

    def score(self, query: Query, cands: Candidates, models: Models | None = None) -> Examined:
        """The learned part, pure: features → first stage over every sentence → second stage over the
        leading ones (with the answer each holds) → whether to answer, and which short answer.
        `models` replaces the shipped ones (training fits them stage by stage)."""
        models = models or self.models
        lexical = sentence_features(query, cands)
        stage_one = models.sentence.probability(lexical)
        leading = [int(i) for i in np.argsort(-stage_one, kind="stable")[:SECOND_STAGE]]
        sentences = [cands.sentences[i] for i in leading]
        present, noted = [], []
        with choosing_with(models.choice), noting_scores(noted):
            for s in sentences:
                text = s.text
                starts = [m.start() for m in re.finditer(r"\w+", text) if m.group().lower() in query.words]
                noted.clear()
                s.answer, s.answer_strength = answer_with_strength(query.kind, text, query.words, starts,
                                                                   query.head, s.article.info.date)
                s.answer_score = noted[-1] if s.answer is not None and noted else None
                present.append(s.answer is not None or s.answer_strength > 0)  # strength 0: no answer of the type
        second = answer_features(query, lexical[leading], stage_one[leading], sentences, present)
        stage_two = within_story(query, cands, sentences, second, models.answer.probability(second), models.story)
        stage_two = names_break_ties(query, sentences, stage_two)
        order = np.argsort(-stage_two, kind="stable")
        best = sentences[order[0]]
        unsaid = models.unsaid.log_odds(word_bag(models.unsaid.features, unsaid_words(query, best.passage_text)))
        told = [s.text for s in cands.sentences if s.article is best.article]  # the best article, read whole
        decline_row = decline_features(query, stage_two, best, sentences, cands.top_bm25, float(unsaid[0]), told)
        p_right = float(models.decline.probability(decline_row)[0])
        p_sentence = float(models.confidence.probability(decline_row)[0])
        seen = Examined(query, cands, leading, second, stage_two, decline_row, p_right, p_sentence)
        if query.kind in SHORT_ANSWER_KINDS:  # the short answer comes from the quoted article, so it can be checked
            asked = query.asked
            held = set(best.terms) & asked
            for rank, i in enumerate(order[:ANSWER_SEARCH]):
                if (sentences[i].answer and sentences[i].article is best.article and _keeps(sentences[i], held, asked)
                        and not second[i, OTHER_FIGURE_AT]):  # the second stage read it already
                    seen.answer_at = rank
                    seen.short_row = short_features(query, sentences[i], rank, float(stage_two[i]),
                                                    float(stage_two[order[0]]), p_sentence)
                    seen.p_short = float(models.short.probability(seen.short_row)[0])
                    break
        return seen

    @property
    def models(self) -> Models:
        if self._models is None:
            self._models = load_models()
        return self._models

    def _abstain(self, question: str, query: Query) -> Answer:
        q = query.question
        turn = Turn(question=q.text, qtype=q.qtype, content=q.content, answer=None)
        return Answer(question=question, abstained=True, answer=None, passages=[], qtype=q.qtype,
                      understood_as=q.text, turn=turn)

    def _fill_terms(self, conn: sqlite3.Connection, stats: IndexStats, query: Query) -> None:
        """The question's terms, their document frequencies and weights. A word the index does not
        know is read as chat spelling first ("nyuri" → curi), then, if it is a name, as a typo of the
        most frequent indexed name one edit away (an ordinary word is left alone: "tinggal" is not a
        typo of "tanggal")."""
        content = query.question.content
        tokens = self._analyzer.query_tokens(content, lambda word: written_as_name(conn, word, word))
        terms = [t.term for t in tokens]
        dfs = document_frequencies(conn, terms)
        for i, token in enumerate(tokens):
            surface = content[token.start:token.end].lower()
            typed_lower = content[token.start].islower()
            if terms[i] in dfs:
                # A chat word the corpus writes seldom, as a typo or in quoted speech, means the formal
                # word it writes far more often ("taun" once, "tahun" thousands of times; "dateng" 3,
                # "datang" 1,095), unless the corpus writes it as a name ("eder" is Eder, not edar).
                may_be_chat = typed_lower and COMMON_FORMAL * dfs[terms[i]] <= stats.corpus_size
                formal = next(self._formal_terms(conn, surface), None) if may_be_chat else None
                if (formal and formal[1] >= COMMON_FORMAL * dfs[terms[i]]
                        and not written_as_name(conn, terms[i], surface)):
                    terms[i], dfs[formal[0]], query.corrections[surface] = formal
                continue
            # Chat Indonesian ("nyuri" is curi, "diserahin" diserahkan), a chat abbreviation ("brgkt" is
            # berangkat), else a misspelt ordinary word (typed in lower case) or name one edit away. Of
            # several readings, the one the question's other words are found with: "nyerahin lhkpn" is
            # serahkan, not cerahkan; "koordinator formapi … pansus" Formappi, not formasi.
            readings = (list(self._formal_terms(conn, surface))
                        or ([spelt] if may_abbreviate(surface) and (spelt := self._spelt_out(conn, surface)) else [])
                        or [*(self._misspelt_words(conn, surface) if typed_lower else []),
                            *((t, df, t) for t, df in self._closest_terms(conn, terms[i]))]
                        or self._with_nya(conn, surface, query.question.text))
            if readings:
                term, df, spelling = in_context(conn, readings, [t for t in terms if t in dfs], dfs)
                terms[i], dfs[term], query.corrections[surface] = term, df, spelling
            elif (parts := self._unglued(conn, surface)) or typed_lower and (parts := self._unjoined(conn, surface)):
                terms[i], query.corrections[surface] = parts[-1][0], " ".join(p[2] for p in parts)
                terms.extend(term for term, _, _ in parts[:-1])
                dfs.update({term: df for term, df, _ in parts})
        # A corrected word is read as the corpus spells it: kept as typed too, "pyongyan" would echo
        # "Pyongyang" twice and weigh double in how near an answer sits to the question's words.
        query.words = (query.words - query.corrections.keys()) | {
            w for spelling in query.corrections.values() for w in spelling.lower().split()}
        for joined, term, df in self._compounds(conn, content, tokens):
            if term not in terms:
                terms.append(term)
                dfs[term] = df
            query.words.add(joined)
        # A capitalised word past the question's start is a name even if the dictionary has it ("Garuda").
        names = {terms[i] for i, token in enumerate(tokens) if token.start > 0 and content[token.start].isupper()}
        weights = self._weights(stats, dfs, terms, names)
        framing = set(self._analyzer.terms(" ".join(frame_words(" ".join(query.content_words)))))
        for term in framing:
            if term in weights:  # "nama", "letak": the answer fills them in, the passage need not say them,
                weights[term] *= FRAME_SHARE if dfs.get(term) else 0.0  # nor need the corpus
        query.terms, query.dfs, query.weights = terms, dfs, weights
        # Capitalised words are names, but for one that is capitalised only because it opens the question.
        opens = bool(tokens) and query.question.original.lstrip().lower().startswith(content[:tokens[0].end].lower())
        capitalised = {terms[i] for i, token in enumerate(tokens)
                       if content[token.start].isupper() and (token.start > 0 or not opens)}
        query.predicates = frozenset(t for t in terms[:len(tokens)] if t not in capitalised and t not in framing
                                     and weights.get(t, 0.0) > 0 and is_dictionary_root(t))
        query.unknown = frozenset(t for t in terms if not dfs.get(t))

    def _read_candidates(self, conn: sqlite3.Connection, stats: IndexStats, query: Query) -> Candidates:
        """The retrieved passages grouped by article; the best articles are read whole."""
        spelt_out = query.kind == "singkatan" and query.head
        hits = search(conn, stats, query.terms, ABBREVIATION_PASSAGES if spelt_out else RETRIEVED_PASSAGES,
                      query.dfs, query.short_forms)
        if not hits:
            return Candidates()
        marks = ",".join("?" * len(hits))
        columns = "id, article_id, text" if spelt_out else "id, article_id"  # the text only to find a spelling
        rows = conn.execute(f"SELECT {columns} FROM passages WHERE id IN ({marks})", [h[0] for h in hits]).fetchall()
        article_of = {r[0]: r[1] for r in rows}
        if spelt_out:  # "Apa kepanjangan dari KPU?": of the many passages naming KPU, those that spell it out
            spelling = {r[0] for r in rows if short_answer(query.kind, r[2], None, set(), query.head)}
            hits = ([h for h in hits if h[0] in spelling] or hits)[:RETRIEVED_PASSAGES]
        ranked = group_articles(hits, article_of, ARTICLES_READ)
        ids = [a for a, _ in ranked]
        marks = ",".join("?" * len(ids))
        infos = {info.article_id: info for info in self._article_infos(conn, ids)}

        def said(stored: str) -> list[list[str]]:  # a short form the question asks by, where the name is written
            terms = split_sentence_terms(stored)
            return [with_short_forms(t, query.short_forms) for t in terms] if query.short_forms else terms

        passages = [
            PassageRow(r[0], r[1], r[2], r[3], r[4], [tuple(x) for x in json.loads(r[5])], said(r[6]), r[7])
            for r in conn.execute(
                f"SELECT id, article_id, ordinal, heading, text, sentences, terms, kind FROM passages "
                f"WHERE article_id IN ({marks})", ids)
        ]
        titles = {i: self._analyzer.terms(info.title or "") for i, info in infos.items()}
        return build_candidates(ranked, infos, titles, passages, dict(hits))

    def _formal_terms(self, conn: sqlite3.Connection, word: str) -> Iterator[tuple[str, int, str]]:
        """The formal readings of a colloquial word that the index knows, likeliest first, each
        looked up only when asked for: term, document frequency and spelling of each."""
        seen: set[str] = set()
        for variant in colloquial_variants(word):
            terms = self._analyzer.terms(variant)
            if len(terms) == 1 and terms[0] not in seen and (found := document_frequencies(conn, terms)):
                seen.add(terms[0])
                yield terms[0], found[terms[0]], _as_written(conn, word, variant, terms[0])

    def _spelt_out(self, conn: sqlite3.Connection, word: str) -> tuple[str, int, str] | None:
        """The indexed word a vowel-less chat abbreviation stands for ("brgkt" → berangkat): same
        first letter, same consonants; the most frequent term wins. Its term, document frequency
        and spelling."""
        first = word[0]
        rows = _spellings(conn, "s.word >= ? AND s.word < ? AND s.word GLOB ?",
                          [first, chr(ord(first) + 1), "*".join(word)])
        wanted = skeleton(word)
        found = [(df, -len(w), w, term) for w, term, df in rows if w != word and skeleton(w) == wanted]
        if not found:
            return None
        df, _, spelling, term = max(found)
        return term, df, spelling

    def _misspelt_words(self, conn: sqlite3.Connection, word: str) -> list[tuple[str, int, str]]:
        """The ordinary words one edit away from a misspelt or chat-shortened one ("namany" →
        namanya, "trbaik" → terbaik, "dipangil" → dipanggil), whose stem Sastrawi cannot find: term,
        document frequency and spelling of each, likeliest first: a letter put back ("panitra" →
        panitera) before one changed ("panitia"), then the most frequent term. A word of its own
        ("harga"), only absent from this corpus, is left alone, and names are `_closest_terms`'."""
        if len(word) < MIN_DICTIONARY_FUZZY or not word.isalpha() or is_ordinary_word(word):
            return []
        candidates = sorted(edit_candidates(word))
        found = [(len(w) > len(word), df, w, term)
                 for w, term, df in _spellings(conn, f"s.word IN ({','.join('?' * len(candidates))})", candidates)
                 if is_ordinary_word(w)]
        # chat drops letters more often than it swaps them
        return [(term, df, spelling) for _, df, spelling, term in sorted(found, reverse=True)]

    def _with_nya(self, conn: sqlite3.Connection, word: str, typed: str) -> list[tuple[str, int, str]]:
        """A name ending in "-nya" ("Catalunya", "Chechnya"), which the question's analysis cut as a
        possessive ("catalu"): the whole word as typed, if the index knows it, else the indexed names
        one edit from it ("catalonya" → Catalunya, Catalonia); term, document frequency and spelling."""
        whole = word + "nya"
        if not re.search(rf"(?<!\w){re.escape(whole)}(?!\w)", typed.lower()):
            return []
        found = document_frequencies(conn, [whole]) or dict(self._closest_terms(conn, whole))
        return [(t, df, t) for t, df in found.items()]

    def _unjoined(self, conn: sqlite3.Connection, word: str) -> list[tuple[str, int, str]] | None:
        """Two words typed without the space ("yangdimaksud", "berkembangbiak"): each an ordinary
        word (a function word, or one the index knows), split where the rarer half is most frequent.
        Each content half as term, document frequency and spelling."""
        if is_ordinary_word(word):
            return None  # a word of its own ("lamban"), only not in this corpus
        best: tuple[int, list[tuple[str, int, str]]] | None = None
        for cut in range(MIN_JOINED_PART, len(word) - MIN_JOINED_PART + 1):
            halves = (word[:cut], word[cut:])
            if not all(is_ordinary_word(h) for h in halves):
                continue
            parts = []
            for half in halves:
                terms = self._analyzer.terms(half)
                found = document_frequencies(conn, terms) if len(terms) == 1 else {}
                if half not in STOPWORDS and not found:
                    break
                parts += [(t, df, half) for t, df in found.items()]
            else:
                rarest = min((df for _, df, _ in parts), default=0)
                if parts and (best is None or rarest > best[0]):
                    best = (rarest, parts)
        return best[1] if best else None

    def _compounds(self, conn: sqlite3.Connection, content: str, tokens: list[Token]) -> list[tuple[str, str, int]]:
        """Two words typed apart that the news writes as one root when it derives a verb from them
        ("tanda tangan": menandatangani, ditandatangani): the joined root Sastrawi's dictionary knows,
        with its term and document frequency, when the index holds it. The two words stay terms too."""
        found = []
        for left, right in zip(tokens, tokens[1:]):
            first, second = content[left.start:left.end].lower(), content[right.start:right.end].lower()
            joined = first + second
            if content[left.end:right.start].strip() or not (is_dictionary_root(first) and is_dictionary_root(second)
                                                              and is_dictionary_root(joined)):
                continue
            terms = self._analyzer.terms(joined)
            df = document_frequencies(conn, terms).get(terms[0]) if len(terms) == 1 else None
            if df:
                found.append((joined, terms[0], df))
        return found

    def _unglued(self, conn: sqlite3.Connection, word: str) -> list[tuple[str, int, str]] | None:
        """Letters and figures typed as one word ("u19", "covid19") where the news writes them apart
        ("U - 19", "Covid-19"): the parts the index knows, each as term, document frequency and spelling."""
        pieces = _LETTERS_OR_FIGURES.findall(word)
        if len(pieces) < 2 or not any(p.isdigit() for p in pieces):
            return None
        parts = [(t, df, piece) for piece in pieces for t, df in
                 document_frequencies(conn, self._analyzer.terms(piece)).items()]
        return parts or None

    def _closest_terms(self, conn: sqlite3.Connection, word: str) -> list[tuple[str, int]]:
        """The indexed words one edit away from `word` with their document frequencies, the most
        frequent first. A short word is only read as a name ("Dodi" is no typo of "dadi"); a longer
        one may be a dictionary word too ("indonesa" → indonesia, "dateng" → datang)."""
        if len(word) < MIN_FUZZY_LENGTH or not word.isalpha() or is_dictionary_root(word):
            return []
        found = document_frequencies(conn, [c for c in edit_candidates(word)
                                            if len(word) >= MIN_DICTIONARY_FUZZY or not is_dictionary_root(c)])
        return sorted(found.items(), key=lambda item: (-item[1], item[0]))

    def _weights(self, stats: IndexStats, dfs: dict[str, int], terms: list[str],
                 names: set[str]) -> dict[str, float]:
        """IDF per question term; a term the corpus never mentions weighs most, so a question about
        something absent is not answered from its other words. An absent ordinary word weighs less
        than an absent name: the corpus may say the same with another word ("meninggal" vs "kematian")."""
        weights = idf_weights(stats, dfs, terms)
        unknown = float(bm25.raw_idf(0, max(stats.corpus_size, 1)))
        return {
            t: w if dfs.get(t) else unknown * (UNKNOWN_WORD_SHARE if is_dictionary_root(t) and t not in names else 1.0)
            for t, w in weights.items()
        }

    def _quotes(self, picked: list[Sentence], terms: set[str], explain: bool) -> list[Quote]:
        """Verbatim quotes; for why/how/what questions the sentence after the best one comes too,
        since it usually carries the explanation."""
        quotes = []
        for sentence in picked:
            text = _quoted_text(sentence, explain)
            spans = [(t.start, t.end) for t in self._analyzer.tokens(text) if t.term in terms]
            at = text.find(sentence.answer) if sentence.answer else -1  # as written there, or not kept
            text, spans = trim_quote(text, QUOTE_LIMIT, spans, (at, at + len(sentence.answer)) if at >= 0 else None)
            info = sentence.article.info
            quotes.append(Quote(quote=text, article_id=info.article_id, title=info.title, source=info.source,
                                date=info.date, path=info.path, url=info.url, score=sentence.passage_bm25,
                                passage_id=sentence.passage_id, highlights=spans))
        return quotes

    # -- the corpus ----------------------------------------------------------------------------
    def _article_infos(self, conn: sqlite3.Connection, ids: list[str] | None = None) -> list[ArticleInfo]:
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles a"
        params: list = []
        if ids is not None:
            sql += f" WHERE a.article_id IN ({','.join('?' * len(ids))})"
            params = ids
        return [ArticleInfo(*row) for row in conn.execute(sql + " ORDER BY date, path", params)]

    def sources(self) -> list[ArticleInfo]:
        with self._snapshot() as (conn, _):
            return self._article_infos(conn)

    def summary(self) -> CorpusSummary:
        with self._snapshot() as (conn, stats):
            articles, first, last = conn.execute("SELECT count(*), min(date), max(date) FROM articles").fetchone()
            publishers = conn.execute(
                "SELECT source, count(*) FROM articles WHERE source IS NOT NULL AND source != '' "
                "GROUP BY source ORDER BY count(*) DESC, source"
            ).fetchall()
            return CorpusSummary(articles, stats.corpus_size, [tuple(p) for p in publishers], first, last)

    def article(self, article_id: str) -> tuple[ArticleInfo, list[str]] | None:
        with self._snapshot() as (conn, _):
            infos = self._article_infos(conn, [article_id])
            if not infos:
                return None
            texts = [t for (t,) in conn.execute("SELECT text FROM passages WHERE article_id = ? ORDER BY ordinal", (article_id,))]
            return infos[0], texts

    def article_id_of_passage(self, passage_id: int) -> str | None:
        with self._snapshot() as (conn, _):
            row = conn.execute("SELECT article_id FROM passages WHERE id = ?", (passage_id,)).fetchone()
            return row[0] if row else None

    def record_feedback(self, chat_id: int, question: str, answer: str | None, passage_ids: list[int], value: int) -> None:
        """Kept in the index database so a later evaluation can use what readers said."""
        db = open_db(self.db_path)
        try:
            with db.atomic():
                db["feedback"].insert(
                    {
                        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                        "chat_id": chat_id,
                        "question": question,
                        "answer": answer,
                        "passage_ids": json.dumps(passage_ids),
                        "value": 1 if value > 0 else -1,
                    }
                )
        finally:
            db.close()


def _quoted_text(sentence: Sentence, explain: bool) -> str:
    start, end = _quoted_span(sentence, explain)
    return sentence.passage_text[start:end]


def _quoted_span(sentence: Sentence, explain: bool, limit: int = 480) -> tuple[int, int]:
    """Where the quote lies in its passage: the sentence, opened by the one before it when it starts
    from it ("Mereka juga membahas …" says nothing without who "mereka" are), and followed by the
    next one when it explains."""
    start, end = sentence.span
    before = [s for s in sentence.passage_spans if s[1] <= start]
    if before and _OPENS_FROM_BEFORE.match(sentence.text) and end - before[-1][0] <= limit:
        start = before[-1][0]
    following = [s for s in sentence.passage_spans if s[0] >= end]
    if explain and following and following[0][1] - start <= limit:
        end = following[0][1]
    return start, end


# meN- before a root's first sound, and what the prefix leaves of that sound: "puji" → memuji,
# "tulis" → menulis, "curi" → mencuri, "sumbang" → menyumbang, "kirim" → mengirim, "ambil" → mengambil.
_ACTIVE_PREFIX = {"p": ("mem", 1), "b": ("mem", 0), "t": ("men", 1), "d": ("men", 0), "c": ("men", 0),
                  "j": ("men", 0), "s": ("meny", 1), "k": ("meng", 1), "g": ("meng", 0), "h": ("meng", 0)}


def _as_written(conn: sqlite3.Connection, chat: str, root: str, term: str) -> str:
    """How news writes the verb a chat word nasalises ("muji" is written "memuji", "nyuri" "mencuri"),
    when the corpus has that form: the question's words are matched as written too (phrases, the
    short answer's position), and a bare root ("puji") matches no sentence word."""
    if chat[:1] not in ("m", "n") or root[:1] == chat[:1]:
        return root
    prefix, dropped = _ACTIVE_PREFIX.get(root[0], ("meng", 0))
    written = prefix + root[dropped:]
    return written if _spellings(conn, "s.word = ? AND s.term = ?", [written, term]) else root


def in_context(conn: sqlite3.Connection, readings: list[tuple[str, int, str]], others: list[str],
               dfs: dict[str, int]) -> tuple[str, int, str]:
    """Of the readings of a misspelt word (term, document frequency, spelling; likeliest first), the
    one that shares passages with most of the question's rarest other terms: a typo is read as the
    word its question is about ("ruky" beside "taufiequrachman" is Ruki, not the commoner Rudy). The
    likeliest reading wins when the others do not tell them apart."""
    if len(readings) < 2:
        return readings[0]
    context = [term_postings(conn, t)[0] for t in sorted(set(others), key=lambda t: (dfs[t], t))[:CONTEXT_TERMS]]

    def support(term: str) -> int:
        docs = term_postings(conn, term)[0]
        return sum(bool(np.isin(docs, other, assume_unique=True).any()) for other in context)

    scores = [support(term) for term, _, _ in readings]
    return readings[scores.index(max(scores))]


def written_as_name(conn: sqlite3.Connection, term: str, word: str) -> bool:
    """Whether the corpus writes a word as a name: capitalised within its sentences ("Bekasi",
    "Setara Institute", "(Kejagung)", "Eder") in most of the passages that hold it as a term, not
    only where a sentence opens. The index keeps "Sehari", "Kedua" and "Sebesar" as names there by
    their spelling, and a question's lower-case "sehari" read so would match only those passages,
    weighing as a rare name."""
    docs = term_postings(conn, term)[0][:NAME_SAMPLE]
    if not len(docs):
        return False
    written = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    marks = ",".join("?" * len(docs))
    named = seen = 0
    for (text,) in conn.execute(f"SELECT text FROM passages WHERE id IN ({marks})", [int(d) for d in docs]):
        for found in written.finditer(text):
            before = text[:found.start()].rstrip(SENTENCE_OPENERS)
            seen += 1
            named += found.group()[0].isupper() and bool(before) and before[-1] not in ".!?:"
    return named * 2 > seen


def _spellings(conn: sqlite3.Connection, where: str, params: list[str]) -> list[tuple[str, str, int]]:
    """Words the index has seen that match `where` (on `s.word`), with their term and its document
    frequency: what a chat spelling may be read as."""
    return conn.execute(f"SELECT s.word, s.term, t.df FROM stems s JOIN terms t ON t.term = s.term WHERE {where}",
                        params).fetchall()


def within_story(query: Query, cands: Candidates, sentences: list[Sentence], second: np.ndarray,
                 stage_two: np.ndarray, model: LinearModel | None) -> np.ndarray:
    """The second stage's probabilities, with those of the best story's own sentences handed out
    again in the order the story model gives them: it was fitted on news stories alone, to choose
    within one, where the second stage weighs sentences of every article and of lone paragraphs
    alike. It corrects the second stage's log-odds, and was fitted shrunk towards them, so a sentence
    the second stage thinks little of needs much to be put first ("apa isi perjanjian putin dan kim"
    was answered with Kim's greetings to Putin, at 0.03 beside the signing's 0.17). Which article
    leads, and how sure the answer is, stay the second stage's. A name of the question that only the
    best sentence says, and the title does not, keeps its sentence first over any that lacks it:
    "kapan Xi Jinping ke Pyongyang?" is not answered by a date about Kim."""
    first = int(np.argmax(stage_two))
    best = sentences[first].article
    if model is None or not is_story(best.info):
        return stage_two
    said = said_by(cands, best)
    held = {t for t in set(sentences[first].terms) & query.asked
            if not is_dictionary_root(t) and t not in best.title_terms and said[1].get(t, 0) < 2}
    own = np.array([i for i, s in enumerate(sentences) if s.article is best and (i == first or _holds(s, held))])
    if len(own) < 2:
        return stage_two
    rows = story_features(query, said, [sentences[i] for i in own], second[own])
    scores = log_odds(stage_two[own]) + model.score(rows)
    out = stage_two.copy()
    out[own[np.argsort(-scores, kind="stable")]] = np.sort(stage_two[own])[::-1]
    return out


NEAR_TIE = 0.005  # second-stage probabilities this close are a tie the model does not decide


def names_break_ties(query: Query, sentences: list[Sentence], stage_two: np.ndarray) -> np.ndarray:
    """Of the sentences the second stage scores level with the best, the one that itself says most of
    the question's names goes first: "kapan Putin ke Pyongyang?" is answered by the sentence naming
    both, not by one naming Pyongyang alone in a story whose headline names Putin."""
    names = {t for t in query.asked if not is_dictionary_root(t)}
    if not names:
        return stage_two
    order = np.argsort(-stage_two, kind="stable")
    tied = [int(i) for i in order if stage_two[i] >= stage_two[order[0]] - NEAR_TIE]
    if len(tied) < 2:
        return stage_two
    chosen = max(tied, key=lambda i: len(names & _said(sentences[i])))  # the best of the most named
    out = stage_two.copy()
    out[[tied[0], chosen]] = stage_two[[chosen, tied[0]]]
    return out


def _keeps(sentence: Sentence, held: set[str], asked: set[str]) -> bool:
    """Whether the sentence (with its heading) speaks of the question and still holds the terms of
    it that the best sentence holds, or refers back to the sentence beside it that does ("Ia tiba
    pada Juni 2024"). One that does not may not give the short answer and be quoted first: "kapan
    Xi Jinping ke Pyongyang?" is not answered by a date from a sentence about Kim next to one
    naming Xi."""
    said = _said(sentence)
    return held <= said and bool(said & asked)


def _said(sentence: Sentence) -> set[str]:
    """A sentence's terms with its heading's, and its neighbours' when it refers back to them."""
    own = set(sentence.terms) | sentence.heading_terms
    if refers_back(sentence.text):
        own |= sentence.neighbour_terms
    return own


def _holds(sentence: Sentence, terms: set[str]) -> bool:
    return terms <= _said(sentence)


def _pick_quotes(ranked: list[tuple[Sentence, float]], limit: int, terms: set[str],
                 explain: bool) -> list[Sentence]:
    """The best sentence, then the next best that speak to it nearly as well, from any article (on
    dev, further paragraphs of the best article beat other articles' best), none repeating a passage
    quoted already (`_repeats`). A further quote must share a word with the question: a photo credit
    ("/KCNA via REUTERS/") says nothing."""
    picked: list[Sentence] = []
    best = max((p for _, p in ranked), default=0.0)
    for sentence, p in ranked:
        if len(picked) >= limit:
            break
        if picked and (p < SECOND_SOURCE_RATIO * best or not terms & (set(sentence.terms) | sentence.heading_terms)):
            continue
        if any(_repeats(sentence, other, explain) for other in picked):
            continue
        picked.append(sentence)
    return picked


def _repeats(sentence: Sentence, other: Sentence, explain: bool) -> bool:
    """Whether quoting the sentence after `other` would quote the same passage again, or a
    near-identical one (a repeated caption, the same wire copy). A news story's passage may give
    another sentence that its quote does not hold already, as the answer often sits beside the
    sentence that matches the question (on the archive's 1,358 answerable train questions, the first
    three quotes held the evidence 0.819 → 0.839); a lone paragraph gives one, as another article's
    is worth more than its next sentence."""
    if sentence.passage_id != other.passage_id:
        return _overlap(sentence.passage_terms, other.passage_terms) >= NEAR_DUPLICATE
    if not is_story(sentence.article.info):
        return True
    (start, end), (other_start, other_end) = _quoted_span(sentence, explain), _quoted_span(other, explain)
    return start < other_end and other_start < end


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return len(a & b) / min(len(a), len(b))


def answer_with_strength(kind: str | None, sentence: str, question_words: set[str], term_starts: list[int],
                         head: str | None, article_date: str | None) -> tuple[str | None, float]:
    """The short answer a sentence holds (resolved against the article's date) and how well the
    sentence holds an answer of the asked type: an answer phrase close to the question's own words
    counts fully, a distant one less (it likely dates or names something else), a date without a
    year or day counts half, and "who said it" wants a sentence where someone speaks."""
    if kind not in SHORT_ANSWER_KINDS:
        return None, (1.0 if has_answer_type(kind, sentence) else 0.0)
    found = short_answer(kind, sentence, article_date, question_words, head)
    if not found and not has_answer_type(kind, sentence):
        return None, 0.0
    strength = 1.0
    if kind == "kapan" and not _EXPLICIT_DATE.search(sentence):
        strength = 0.5
    if kind == "siapa" and asks_for_speaker(question_words):
        if names_speaker(sentence):
            strength = 1.0  # "…,” ujar Choe.": the speaker is named right at the quote
        elif has_speech(sentence):
            strength = 0.7
        else:
            strength = 0.3
    if not found:
        return None, 0.25 * strength
    at = sentence.find(found.split()[0])
    if kind in PLACE_QTYPES and at >= 0 and not _PLACE_PREPOSITION.search(sentence[:at]):
        strength *= 0.5  # a place named in passing ("media pemerintah Korea Utara"), not where it happened
    if at >= 0 and term_starts:
        words_apart = min(len(sentence[min(at, s) : max(at, s)].split()) for s in term_starts)
        strength /= 1 + max(0, words_apart - 4) / 8
    return found, strength
