"""Is this file a Tanya index this version can read? Checked on open by every reader and writer.

The checks are cheap (a header read and a few small queries), so `tanya ask` stays instant on a
large index: a truncated file shows in the header's page count, a garbled or foreign file fails
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

SQLITE_MAGIC = b"SQLite format 3\x00"
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
        super().__init__(f"indeks {self.path} {reason}; {fix}")


class IndexDamaged(IndexUnavailable):
    """The file is not a readable Tanya index (truncated, garbled, not SQLite, another schema);
    `tanya index` moves it aside and rebuilds."""


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
    return "malformed" in text or "not a database" in text or "no such table" in text or "no such column" in text


def _header_problem(path: Path) -> str | None:
    """Cheap checks on the first 100 bytes: magic string and the page count against the size."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return f"tidak dapat dibaca ({exc.strerror or exc})"
    if size == 0:
        return "kosong (0 byte)"
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return "bukan basis data SQLite"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "rusak (header SQLite tidak sah)"
    pages = int.from_bytes(header[28:32], "big")
    change_counter, valid_for = header[24:28], header[92:96]
    if change_counter == valid_for and pages and size < pages * page_size:
        return f"terpotong ({size} byte, seharusnya {pages * page_size})"
    if size % page_size:
        return f"terpotong ({size} byte, bukan kelipatan halaman {page_size} byte)"
    return None


def check_index(path: Path | str) -> IndexInfo:
    """The index's versions if this Tanya can read it; else raise an `IndexUnavailable`."""
    path = Path(path)
    if not path.exists():
        raise IndexUnavailable(path, "belum ada", "jalankan dulu `tanya index`")
    problem = _header_problem(path)
    for _ in range(3):  # a checkpoint may write page 1 (the header) before extending the file
        if not problem or not problem.startswith("terpotong"):
            break
        time.sleep(0.05)
        problem = _header_problem(path)
    if problem:
        raise IndexDamaged(path, problem)
    try:
        conn = sqlite3.connect(open_uri(path), uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise IndexDamaged(path, f"tidak dapat dibuka ({exc})") from None
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not REQUIRED_TABLES <= tables:
            raise IndexDamaged(path, "bukan indeks Tanya (tabelnya lain)")
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN "
                                 "('schema_version', 'generation', 'written_by')"))
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        raise IndexDamaged(path, f"rusak ({exc})") from None
    finally:
        conn.close()
    schema = meta.get("schema_version") or ""
    if _newer(schema):
        raise IndexTooNew(path, schema)
    if schema != SCHEMA_VERSION:
        raise IndexDamaged(path, f"dibuat dengan skema lama ({schema or 'tanpa versi'})")
    return IndexInfo(schema, meta.get("generation"), meta.get("written_by"))


def _newer(schema: str) -> bool:
    try:
        return int(schema) > int(SCHEMA_VERSION)
    except ValueError:
        return False
