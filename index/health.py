"""Is this file a Tanya index this version can read? Checked on open by every reader and writer.

The checks are cheap (a stat and a few small queries), so `tanya ask` stays instant on a
large index: a truncated file is shorter than its page count, a garbled or foreign file fails
on its schema, an index from a newer Tanya shows in its schema version. Damage deeper inside the
file surfaces later as a `sqlite3.DatabaseError`, which `is_damage` recognises.
"""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from index.store import SCHEMA_VERSION

REQUIRED_TABLES = {"meta", "files", "articles", "passages", "terms", "postings", "arrays", "stems"}
FIX = "jalankan `tanya index` untuk membangunnya ulang dari korpus"
# SQLite result codes that mean the file itself is bad, not the disk or a busy writer.
DAMAGE_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CORRUPT_INDEX", "SQLITE_CORRUPT_SEQUENCE",
                "SQLITE_CORRUPT_VTAB", "SQLITE_IOERR_SHORT_READ"}


class IndexUnavailable(RuntimeError):
    """The index cannot be read: missing, empty, damaged, foreign or too new. `str()` is one
    Indonesian line for the operator, naming the file and the fix."""

    def __init__(self, path: Path | str, reason: str, fix: str = FIX) -> None:
        self.path, self.reason, self.fix = Path(path), reason, fix
        super().__init__(" ".join(f"indeks {self.path} {reason}; {fix}".split()))  # SQLite's reasons span lines


class IndexDamaged(IndexUnavailable):
    """The file is not a readable Tanya index (truncated, garbled, not SQLite, foreign tables);
    `tanya index` moves it aside (to `moved_to`) and rebuilds."""

    moved_to: Path | None = None


class IndexStale(IndexUnavailable):
    """Sound, but written by an older Tanya in an older schema: `tanya index` rebuilds it in place,
    as it does for a changed analysis pipeline. Nothing to keep a copy of."""


class IndexTooNew(IndexUnavailable):
    """Written by a newer Tanya: never overwritten, an upgrade is the fix."""

    def __init__(self, path: Path | str, found: str) -> None:
        super().__init__(
            path,
            f"dibuat oleh Tanya versi yang lebih baru (skema {found}, versi ini membaca skema {SCHEMA_VERSION})",
            "perbarui Tanya; indeks itu tidak diubah",
        )


@dataclass(frozen=True)
class IndexInfo:
    schema_version: str
    generation: str | None  # None: created but never filled
    written_by: str | None


def open_uri(path: Path | str, mode: str = "rw") -> str:
    """A SQLite URI that never creates the file (a reader must not leave an empty index behind)."""
    return f"file:{quote(str(Path(path).resolve()))}?mode={mode}"


def is_damage(error: BaseException) -> bool:
    """Does this SQLite error mean the file is damaged (rather than busy, full or read-only)?"""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    name = getattr(error, "sqlite_errorname", "") or ""
    if name in DAMAGE_CODES:
        return True
    text = str(error).lower()
    # Garbled pages can also read as text that is no UTF-8 (we write only UTF-8) or as a length no
    # string of ours has: "could not decode to utf-8 column 'fingerprint'", "string or blob too big".
    return any(sign in text for sign in ("malformed", "not a database", "no such table", "no such column",
                                         "could not decode to utf-8", "string or blob too big"))


def _truncation(path: Path, conn: sqlite3.Connection) -> str | None:
    """A file shorter than the pages SQLite expects. Only decidable without a WAL beside it
    (a WAL holds pages not yet copied into the file); a rebuilt index has none."""
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None
    size = path.stat().st_size
    (page_size,), (pages,) = conn.execute("PRAGMA page_size").fetchone(), conn.execute("PRAGMA page_count").fetchone()
    if size < pages * page_size:
        return f"terpotong ({size} byte, seharusnya {pages * page_size})"
    return None


def check_index(path: Path | str) -> IndexInfo:
    """The index's versions if this Tanya can read it; else raise an `IndexUnavailable`.

    Only SQLite opens the file here: opening and closing it any other way would drop this
    process's POSIX locks on it, and with them a running reader's protection in WAL mode.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IndexUnavailable(path, "belum ada", "jalankan dulu `tanya index`") from None
    except OSError as exc:
        raise IndexDamaged(path, f"tidak dapat dibaca ({exc.strerror or exc})") from None
    if size == 0:
        raise IndexDamaged(path, "kosong (0 byte)")
    try:
        conn = sqlite3.connect(open_uri(path), uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise IndexDamaged(path, f"tidak dapat dibuka ({exc})") from None
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not REQUIRED_TABLES <= tables:
            raise IndexDamaged(path, "bukan indeks Tanya (tabelnya lain)")
        problem = _truncation(path, conn)
        for _ in range(3):  # a checkpoint may be extending the file right now
            if not problem:
                break
            time.sleep(0.05)
            problem = _truncation(path, conn)
        if problem:
            raise IndexDamaged(path, problem)
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN "
                                 "('schema_version', 'generation', 'written_by')"))
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        reason = "bukan basis data SQLite" if "not a database" in str(exc) else f"rusak ({exc})"
        raise IndexDamaged(path, reason) from None
    finally:
        conn.close()
    schema = meta.get("schema_version") or ""
    if _newer(schema):
        raise IndexTooNew(path, schema)
    if schema != SCHEMA_VERSION:
        raise IndexStale(path, f"dibuat dengan skema lama ({schema or 'tanpa versi'})")
    return IndexInfo(schema, meta.get("generation"), meta.get("written_by"))


def _newer(schema: str) -> bool:
    try:
        return int(schema) > int(SCHEMA_VERSION)
    except ValueError:
        return False
