"""The SQLite layout of an index, and the small reads and writes both sides share.

One file holds everything: articles with their metadata and content hash, passages with their
exact text, offsets and sentence spans, and an inverted index over stems (postings as numpy
arrays in BLOBs, written in segments so an incremental run only appends).
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import sqlite_utils

SCHEMA_VERSION = "4"
DOC_ID = np.int32
TERM_FREQ = np.uint16


def open_db(path: Path | str, *, fast_unsafe: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed) an index database.

    `fast_unsafe` is for building a fresh file that is only renamed into place once complete, so
    durability during the build does not matter.
    """
    conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
    db = sqlite_utils.Database(conn)
    if fast_unsafe:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
    else:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA cache_size=-65536")
    db.execute("PRAGMA temp_store=MEMORY")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    if "meta" in db.table_names():
        return
    with db.atomic():
        db["meta"].create({"key": str, "value": str}, pk="key")
        db["files"].create({"rel": str, "fingerprint": str, "skipped": str}, pk="rel")
        db["articles"].create(
            {
                "article_id": str,
                "path": str,
                "title": str,
                "source": str,
                "url": str,
                "date": str,
                "author": str,
                "extra": str,
                "content_hash": str,
                "passages": int,
            },
            pk="article_id",
        )
        db["articles"].create_index(["path"])
        db["passages"].create(
            {
                "id": int,
                "article_id": str,
                "ordinal": int,
                "kind": str,
                "heading": str,
                "text": str,
                "start": int,
                "end": int,
                "sentences": str,
                "terms": str,
                "length": int,
            },
            pk="id",
        )
        db["passages"].create_index(["article_id"])
        db.execute("CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID")
        db.execute(
            "CREATE TABLE postings (term TEXT NOT NULL, segment INTEGER NOT NULL, docs BLOB NOT NULL,"
            " tfs BLOB NOT NULL, PRIMARY KEY (term, segment)) WITHOUT ROWID"
        )
        db.execute("CREATE INDEX postings_segment ON postings (segment)")
        db.execute("CREATE TABLE arrays (name TEXT PRIMARY KEY, data BLOB NOT NULL)")
        db.execute("CREATE TABLE stems (word TEXT PRIMARY KEY, term TEXT NOT NULL) WITHOUT ROWID")
        # The short forms each story defines for a name (index/aliases.py): a question may ask by one a
        # story that never defines it does not write.
        db.execute("CREATE TABLE names (short TEXT NOT NULL, full TEXT NOT NULL, article_id TEXT NOT NULL)")
        db.execute("CREATE INDEX names_short ON names (short)")
        db.execute("CREATE INDEX names_article ON names (article_id)")
        db["feedback"].create(
            {
                "id": int,
                "created": str,
                "chat_id": int,
                "question": str,
                "answer": str,
                "passage_ids": str,
                "value": int,
            },
            pk="id",
        )
        set_meta(db, "schema_version", SCHEMA_VERSION)


def get_meta(db: sqlite_utils.Database | sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_meta(db: sqlite_utils.Database, key: str, value: object) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, str(value)))


def load_array(conn: sqlite3.Connection, name: str, dtype: type) -> np.ndarray:
    row = conn.execute("SELECT data FROM arrays WHERE name = ?", (name,)).fetchone()
    if row is None:
        return np.zeros(0, dtype=dtype)
    return np.frombuffer(row[0], dtype=dtype).copy()


def save_array(db: sqlite_utils.Database, name: str, values: np.ndarray) -> None:
    db.execute("INSERT OR REPLACE INTO arrays (name, data) VALUES (?, ?)", (name, values.tobytes()))


def load_stems(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT word, term FROM stems"))


PASSAGE_COLUMNS = ("id", "article_id", "ordinal", "kind", "heading", "text", "start", "end", "sentences",
                   "terms", "length")


def passage_row(passage_id: int, article_id: str, ordinal: int, passage, sentence_terms: list[list[str]],
                length: int) -> tuple:
    """A row in PASSAGE_COLUMNS order; sentence spans as compact JSON ([[start,end],…]) and each
    sentence's terms, so answering scores sentences without analysing their text again."""
    spans = "[" + ",".join(f"[{s},{e}]" for s, e in passage.sentences) + "]"
    return (passage_id, article_id, ordinal, passage.kind, passage.heading, passage.text,
            passage.start, passage.end, spans, join_sentence_terms(sentence_terms), length)


def join_sentence_terms(sentence_terms: list[list[str]]) -> str:
    """One line of space-separated terms per sentence (terms hold neither)."""
    return "\n".join(" ".join(terms) for terms in sentence_terms)


SAID = "+"  # marks a term a sentence says without writing it (the other form of a name, index/aliases.py)


def split_sentence_terms(stored: str | None) -> list[list[str]]:
    """Every term each sentence says, written or not."""
    return [line.replace(SAID, "").split() for line in stored.split("\n")] if stored else []


def written_terms(stored: str | None) -> set[str]:
    """The passage's terms as written: what its postings were made of."""
    return {t for t in (stored or "").split() if not t.startswith(SAID)}


def insert_passages(db: sqlite_utils.Database, rows: list[tuple]) -> None:
    """The hot path of a build: plain executemany, no per-row dict handling."""
    marks = ",".join("?" * len(PASSAGE_COLUMNS))
    columns = ",".join(f'"{c}"' for c in PASSAGE_COLUMNS)
    db.conn.executemany(f"INSERT INTO passages ({columns}) VALUES ({marks})", rows)


def article_row(article, content_hash: str, passages: int) -> dict:
    return {
        "article_id": article.article_id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "date": article.date,
        "author": article.author,
        "extra": json.dumps(article.extra, ensure_ascii=False, sort_keys=True),
        "content_hash": content_hash,
        "passages": passages,
    }


def short_forms(conn: sqlite3.Connection, terms: list[str], least: int = 2,
                share: float = 0.6) -> dict[str, tuple[str, ...]]:
    """Of `terms`, those that stories define as the short form of a name, with that name's terms:
    the name most stories give it, when `least` stories and `share` of those defining it agree
    ("pn" is Pengadilan Negeri, whatever else a story once made of it)."""
    if not terms:
        return {}
    marks = ",".join("?" * len(terms))
    counts: dict[str, dict[str, int]] = {}
    for short, full, n in conn.execute(
            f"SELECT short, full, COUNT(*) FROM names WHERE short IN ({marks}) GROUP BY short, full", terms):
        counts.setdefault(short, {})[full] = n
    found = {}
    for short, fulls in counts.items():
        full, n = max(fulls.items(), key=lambda kv: kv[1])
        if n >= least and n >= share * sum(fulls.values()):
            found[short] = tuple(full.split())
    return found
