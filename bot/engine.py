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
from pathlib import Path

from bot.answer import Answer, ArticleInfo, CorpusSummary, Quote, Turn
from bot.question import (
    PLACE_QTYPES,
    Question,
    analyse_question,
    answer_kind,
    edit_candidates,
    frame_words,
    surface_words,
)
from bot.quotes import trim_quote
from bot.retrieval import (
    IndexStats,
    database_inode,
    document_frequencies,
    idf_weights,
    search,
)
from bot.selection import (
    Candidate,
    Choice,
    covers_question,
    pick_quotes,
    rank_sentences,
)
from bot.short_answer import asks_for_speaker, has_answer_type, has_speech, short_answer
from index import bm25
from index.analyse import Analyzer, is_dictionary_root
from index.health import IndexDamaged, IndexUnavailable, check_index, is_damage, open_uri
from index.store import get_meta, open_db

CANDIDATE_PASSAGES = 20
ABBREVIATION_PASSAGES = 300  # searched for one that spells an abbreviation out, which few passages do
ARTICLE_COLUMNS = "a.article_id, a.title, a.source, a.date, a.author, a.path, a.url, a.passages"  # ArticleInfo
_WORD = re.compile(r"\w+")
FACTOID_TYPES = {"kapan", "siapa", "dimana", "kemana", "darimana", "berapa", "nama", "singkatan"}
_PLACE_PREPOSITION = re.compile(r"\b(?:di|ke|dari|menuju|dalam|sampai)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
MIN_FUZZY_LENGTH = 4
UNKNOWN_WORD_SHARE = 0.6
FRAME_SHARE = 0.5  # weight kept by the words that frame the question rather than its subject
QUOTE_LIMIT = 320  # characters; a longer sentence is cut around the question's terms
ANSWER_SEARCH = 6  # leading sentences that may supply the short answer
_ATTRIBUTION = re.compile(r"[”\"],?\s*(?:ujar|kata|tambah|tegas|jelas)(?:nya)?\s+[A-Z]")
_EXPLICIT_DATE = re.compile(r"\b(?:1[89]|20)\d{2}\b|\b\d{1,2}/\d{1,2}\b")


log = logging.getLogger("tanya.engine")


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


class IndexMissing(IndexUnavailable):
    """The database does not exist or holds no index yet."""

    def __init__(self, path: Path | str, reason: str | None = None) -> None:
        if reason is None:  # the older form, one whole message
            RuntimeError.__init__(self, str(path))
            self.path, self.reason, self.fix = None, str(path), ""
            return
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
                    log.warning("%s; tetap menjawab dari indeks yang sedang terbuka", _one_line(exc))
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
        q = analyse_question(question or "", previous)
        kind, head = answer_kind(q)
        terms, choices = self._choose(q, kind, head)
        if not terms or not covers_question(choices[0] if choices else None):
            return self._abstain(question, q)
        picked = pick_quotes(choices, self._analyzer.terms, max_quotes)
        answer_text, picked = self._short_answer(q, kind, head, choices, picked)
        quotes = self._quotes(picked, set(terms), explain=kind not in FACTOID_TYPES)
        turn = Turn(
            question=q.text,
            qtype=q.qtype,
            content=q.content,
            answer=answer_text,
            subject=answer_text if q.qtype == "siapa" else None,
        )
        return Answer(
            question=question,
            abstained=False,
            answer=answer_text,
            passages=quotes,
            qtype=q.qtype,
            understood_as=q.text,
            turn=turn,
        )

    def ranking(self, question: str, k: int = 10) -> list[str]:
        """Article ids of the best passages in answer order, for retrieval metrics such as MRR."""
        q = analyse_question(question or "")
        _, choices = self._choose(q, *answer_kind(q))
        return [c.candidate.article_id for c in choices[:k]]

    def _choose(self, q: Question, kind: str | None, head: str | None) -> tuple[list[str], list[Choice]]:
        """The question's terms and the best sentence of each retrieved passage, best first."""
        spelt_out = kind == "singkatan" and head
        with self._snapshot() as (conn, stats):
            terms, dfs = self._query_terms(conn, q.content)
            hits = search(conn, stats, terms, ABBREVIATION_PASSAGES if spelt_out else CANDIDATE_PASSAGES, dfs)
            candidates = self._candidates(conn, hits)
        if spelt_out:  # "Apa kepanjangan dari KPU?": of the many passages naming KPU, those that spell it out
            spelling = [c for c in candidates if short_answer(kind, c.text, None, set(), head)]
            candidates = (spelling or candidates)[:CANDIDATE_PASSAGES]
        weights = self._weights(stats, dfs, terms)
        for term in self._analyzer.terms(" ".join(frame_words(q.content))):
            if term in weights:  # "nama", "letak": the answer fills them in, the passage need not say them,
                weights[term] *= FRAME_SHARE if dfs.get(term) else 0.0  # nor need the corpus
        words = surface_words(q.text)
        query_terms = set(terms)

        def type_score(sentence: str) -> float:
            term_starts = [t.start for t in self._analyzer.tokens(sentence) if t.term in query_terms]
            return answer_type_strength(kind, sentence, words, term_starts, head)

        choices = rank_sentences(candidates, weights, self._analyzer.terms, type_score,
                                 _WORD.findall(q.content))
        return terms, choices

    def _abstain(self, question: str, q: Question) -> Answer:
        turn = Turn(question=q.text, qtype=q.qtype, content=q.content, answer=None)
        return Answer(question=question, abstained=True, answer=None, passages=[], qtype=q.qtype,
                      understood_as=q.text, turn=turn)

    def _query_terms(self, conn: sqlite3.Connection, text: str) -> tuple[list[str], dict[str, int]]:
        """The question's terms and their document frequencies; a misspelt name that is one edit
        away from an indexed term becomes it (an ordinary word is left alone: "tinggal" is not a
        typo of "tanggal")."""
        def known(term: str) -> bool:
            return conn.execute("SELECT 1 FROM terms WHERE term = ?", (term,)).fetchone() is not None

        terms = [t.term for t in self._analyzer.query_tokens(text, known)]
        dfs = document_frequencies(conn, terms)
        for i, term in enumerate(terms):
            if term not in dfs and len(term) >= MIN_FUZZY_LENGTH and term.isalpha() and not is_dictionary_root(term):
                closest = self._closest_term(conn, term)
                if closest:
                    terms[i] = closest[0]
                    dfs[closest[0]] = closest[1]
        return terms, dfs

    def _closest_term(self, conn: sqlite3.Connection, word: str) -> tuple[str, int] | None:
        """The most frequent indexed name one edit away from `word`, with its document frequency."""
        found = document_frequencies(conn, [c for c in edit_candidates(word) if not is_dictionary_root(c)])
        if not found:
            return None
        best = max(sorted(found), key=lambda t: found[t])
        return best, found[best]

    def _weights(self, stats: IndexStats, dfs: dict[str, int], terms: list[str]) -> dict[str, float]:
        """IDF per question term; a term the corpus never mentions weighs most, so a question about
        something absent is not answered from its other words. An absent ordinary word weighs less
        than an absent name: the corpus may say the same with another word ("meninggal" vs "kematian")."""
        weights = idf_weights(stats, dfs, terms)
        unknown = float(bm25.raw_idf(0, max(stats.corpus_size, 1)))
        return {
            t: w if dfs.get(t) else unknown * (UNKNOWN_WORD_SHARE if is_dictionary_root(t) else 1.0)
            for t, w in weights.items()
        }

    def _candidates(self, conn: sqlite3.Connection, hits: list[tuple[int, float]]) -> list[Candidate]:
        """The hit passages with their article, and the paragraph before each (its context)."""
        if not hits:
            return []
        scores = dict(hits)
        marks = ",".join("?" * len(hits))
        rows = conn.execute(
            f"SELECT p.id, p.text, p.sentences, p.heading, prev.text, {ARTICLE_COLUMNS} FROM passages p "
            f"JOIN articles a ON a.article_id = p.article_id "
            f"LEFT JOIN passages prev ON prev.article_id = p.article_id AND prev.ordinal = p.ordinal - 1 "
            f"WHERE p.id IN ({marks})",
            list(scores),
        ).fetchall()
        found = [
            Candidate(row[0], row[5], row[1], [tuple(s) for s in json.loads(row[2])], scores[row[0]],
                      ArticleInfo(*row[5:]), heading=row[3], previous_text=row[4])
            for row in rows
        ]
        return sorted(found, key=lambda c: (-c.bm25, c.passage_id))

    def _short_answer(self, q: Question, kind: str | None, head: str | None, choices: list[Choice],
                      picked: list[Choice]) -> tuple[str | None, list[Choice]]:
        """The answer phrase from the best sentence that holds one; its passage then leads the quotes."""
        if kind not in FACTOID_TYPES:
            return None, picked
        words = surface_words(q.text)
        for choice in choices[:ANSWER_SEARCH]:
            if choice.score < 0.6 * choices[0].score:
                break
            found = short_answer(kind, choice.sentence_text, choice.candidate.article.date, words, head)
            if found:
                if choice not in picked:
                    picked = [choice] + [c for c in picked if c.candidate.article_id != choice.candidate.article_id]
                else:
                    picked = [choice] + [c for c in picked if c is not choice]
                return found, picked
        return None, picked

    def _quotes(self, picked: list[Choice], terms: set[str], explain: bool) -> list[Quote]:
        """Verbatim quotes; for why/how/what questions the sentence after the best one comes too,
        since it usually carries the explanation."""
        quotes = []
        for choice in picked:
            sentence = choice.sentence_text if not explain else _with_next_sentence(choice)
            spans = [(t.start, t.end) for t in self._analyzer.tokens(sentence) if t.term in terms]
            text, spans = trim_quote(sentence, QUOTE_LIMIT, spans)
            info = choice.candidate.article
            quotes.append(
                Quote(
                    quote=text,
                    article_id=info.article_id,
                    title=info.title,
                    source=info.source,
                    date=info.date,
                    path=info.path,
                    url=info.url,
                    score=choice.candidate.bm25,
                    passage_id=choice.candidate.passage_id,
                    highlights=spans,
                )
            )
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


def _with_next_sentence(choice: Choice, limit: int = 480) -> str:
    spans = choice.candidate.sentences
    start, end = choice.sentence
    following = [s for s in spans if s[0] >= end]
    if following and following[0][1] - start <= limit:
        end = following[0][1]
    return choice.candidate.text[start:end]


def answer_type_strength(
    kind: str | None, sentence: str, question_words: set[str], term_starts: list[int], head: str | None = None
) -> float:
    """How well a sentence holds an answer of the asked type: an answer phrase close to the
    question's own terms counts fully, a distant one less (it likely dates or names something
    else), a date without a year or day ("pada Jumat", "bulan lalu") counts half, and "who said it"
    wants a sentence where someone speaks."""
    if kind not in FACTOID_TYPES:
        return 1.0 if has_answer_type(kind, sentence) else 0.0
    # An extracted answer implies the type is there; the cheaper check is only needed without one.
    found = short_answer(kind, sentence, None, question_words, head)
    if not found and not has_answer_type(kind, sentence):
        return 0.0
    strength = 1.0
    if kind == "kapan" and not _EXPLICIT_DATE.search(sentence):
        strength = 0.5
    if kind == "siapa" and asks_for_speaker(question_words):
        if _ATTRIBUTION.search(sentence):
            strength = 1.0  # "…,” ujar Choe.": the speaker is named right at the quote
        elif has_speech(sentence):
            strength = 0.7
        else:
            strength = 0.3
    if not found:
        return 0.25 * strength
    at = sentence.find(found.split()[0])
    if kind in PLACE_QTYPES and at >= 0 and not _PLACE_PREPOSITION.search(sentence[:at]):
        strength *= 0.5  # a place named in passing ("media pemerintah Korea Utara"), not where it happened
    if at >= 0 and term_starts:
        words_apart = min(len(sentence[min(at, s) : max(at, s)].split()) for s in term_starts)
        strength /= 1 + max(0, words_apart - 4) / 8
    return strength
