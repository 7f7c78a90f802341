"""Find the corpus files and read each into `Article`s; bad files become `Skipped`, never exceptions.

The operator drops files into the corpus folder (any depth): plain text, Markdown, saved HTML pages
or JSONL exports. A folder may hold `_metadata.json` to state what a file's text does not (or states
wrongly); it wins over everything read from the file itself.
"""
from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from index.article import METADATA_FIELDS, Article, Skipped
from index.clean import clean, normalise_date

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
METADATA_FILE = "_metadata.json"

REASON_UNREADABLE = "tidak dapat dibaca"
REASON_UNDECODABLE = "tidak dapat didekode sebagai teks"
REASON_EMPTY = "berkas kosong"
REASON_NO_TEXT = "tidak ada teks"
REASON_BAD_JSON = "baris JSONL tidak valid"
REASON_NOT_OBJECT = "baris JSONL bukan objek JSON"
REASON_DUPLICATE_ID = "id artikel ganda"
REASON_HTML_FAILED = "HTML tidak dapat diproses"
REASON_TOO_BIG = "terlalu besar untuk satu artikel"
REASON_LINE_TOO_BIG = "baris JSONL terlalu besar"

# A news article is tens of kilobytes; far bigger files are dumps or accidents, and would cost
# minutes of analysis. JSONL holds many articles, so only each line is held to the article limit.
MAX_ARTICLE_BYTES = 2_000_000
MAX_JSONL_BYTES = 1_000_000_000

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FRONT_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass
class SourceFile:
    """One corpus file; `fingerprint` changes when the file or its folder's metadata changes."""

    rel: str  # path relative to the corpus folder, POSIX separators
    path: Path
    fingerprint: str


def _stat_key(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def discover(corpus_dir: Path) -> list[SourceFile]:
    """Every supported file under `corpus_dir` (recursively, hidden ones skipped), sorted by path."""
    corpus_dir = Path(corpus_dir)
    found: list[SourceFile] = []
    for root, dirs, files in os.walk(corpus_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = Path(root)
        meta_path = folder / METADATA_FILE
        meta_key = _stat_key(meta_path) if meta_path.is_file() else ""
        for name in files:
            if name.startswith(".") or name == METADATA_FILE:
                continue
            if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            path = folder / name
            try:
                key = _stat_key(path)
            except OSError as exc:  # a broken link or a symlink loop: load_file reports it
                key = f"error:{exc.errno}"
            rel = path.relative_to(corpus_dir).as_posix()
            found.append(SourceFile(rel=rel, path=path, fingerprint=f"{key}|{meta_key}"))
    found.sort(key=lambda f: f.rel)
    return found


# --------------------------------------------------------------------------------------------------
# Decoding


def _looks_binary(text: str) -> bool:
    """Control characters (other than layout ones) do not occur in real articles."""
    bad = 0
    limit = max(2, len(text) // 200)
    for _ in _CONTROL_RE.finditer(text):
        bad += 1
        if bad > limit:
            return True
    return False


def decode(data: bytes) -> str | None:
    """UTF-8 (BOM or not), UTF-16 with BOM, else cp1252/Latin-1; None for binary content."""
    text: str | None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError:
            return None
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    elif b"\x00" in data:
        return None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    return None if _looks_binary(text) else text


# --------------------------------------------------------------------------------------------------
# Operator metadata


@lru_cache(maxsize=256)
def _read_folder_metadata(path: str, stat_key: str) -> dict:
    try:
        data = json.loads(decode(Path(path).read_bytes()) or "")
    except (OSError, ValueError) as exc:
        log.warning("berkas metadata %s tidak valid: %s", path, exc)
        return {}
    if not isinstance(data, dict):
        log.warning("berkas metadata %s tidak valid: bukan objek JSON", path)
        return {}
    return data


def _folder_metadata(corpus_dir: Path, rel: str) -> dict:
    """The `_metadata.json` entry for this file (by file name, or by path from the corpus root)."""
    path = corpus_dir / rel
    meta_path = path.parent / METADATA_FILE
    if not meta_path.is_file():
        return {}
    try:
        data = _read_folder_metadata(str(meta_path), _stat_key(meta_path))
    except OSError:
        return {}
    entry = data.get(path.name) or data.get(rel)
    return entry if isinstance(entry, dict) else {}


def _apply(article: Article, fields: dict, override: bool) -> None:
    """Set metadata fields (dates normalised); others go to `extra`. Without `override`, only fill gaps."""
    for key, value in fields.items():
        if value is None or value == "":
            continue
        key = str(key).lower()
        if key in METADATA_FIELDS:
            value = normalise_date(value) if key == "date" else str(value).strip()
            if value and (override or not getattr(article, key)):
                setattr(article, key, value)
        elif key not in ("id", "text", "paragraphs"):
            if override or key not in article.extra:
                article.extra[key] = value


# --------------------------------------------------------------------------------------------------
# Formats


def _split_front_matter(text: str) -> tuple[dict, str]:
    """Tiny YAML-ish `key: value` block between `---` lines at the top of a .txt/.md file."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    fields: dict = {}
    for line in m.group(1).splitlines():
        km = _FRONT_KEY_RE.match(line.strip())
        if not km:
            continue
        value = km.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        fields[km.group(1).lower()] = value
    return fields, text[m.end():]


def _load_text(rel: str, text: str) -> tuple[list[Article], list[Skipped]]:
    fields, body = _split_front_matter(text)
    if not body.strip():
        return [], [Skipped(rel, REASON_NO_TEXT)]
    article = Article(article_id=rel, path=rel, text=body)
    _apply(article, fields, override=True)
    return [article], []


def _load_html(rel: str, text: str) -> tuple[list[Article], list[Skipped]]:
    import trafilatura  # slow to import; only needed when the corpus has HTML

    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the build
        log.warning("%s: %s", rel, exc)
        return [], [Skipped(rel, REASON_HTML_FAILED)]
    body = getattr(doc, "text", None) if doc is not None else None
    paragraphs = [line.strip() for line in (body or "").splitlines() if line.strip()]
    if not paragraphs:
        return [], [Skipped(rel, REASON_NO_TEXT)]
    article = Article(article_id=rel, path=rel, text="\n\n".join(paragraphs))
    _apply(article, {
        "title": doc.title, "date": doc.date, "author": doc.author,
        "source": doc.sitename or doc.hostname, "url": doc.url,
    }, override=True)
    return [article], []


def _jsonl_text(obj: dict) -> str | None:
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        return text
    paragraphs = obj.get("paragraphs")
    if isinstance(paragraphs, list):
        joined = "\n\n".join(str(p) for p in paragraphs if p is not None and str(p).strip())
        if joined.strip():
            return joined
    return None


def _load_jsonl(rel: str, text: str) -> tuple[list[Article], list[Skipped]]:
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{rel}:{lineno}"
        if len(line) > MAX_ARTICLE_BYTES:
            skipped.append(Skipped(where, REASON_LINE_TOO_BIG))
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            skipped.append(Skipped(where, REASON_BAD_JSON))
            continue
        if not isinstance(obj, dict):
            skipped.append(Skipped(where, REASON_NOT_OBJECT))
            continue
        body = _jsonl_text(obj)
        if body is None:
            skipped.append(Skipped(where, REASON_NO_TEXT))
            continue
        raw_id = obj.get("id")
        article_id = str(raw_id) if raw_id not in (None, "") else where
        if article_id in seen:
            skipped.append(Skipped(where, f"{REASON_DUPLICATE_ID}: {article_id}"))
            continue
        seen.add(article_id)
        article = Article(article_id=article_id, path=rel, text=body)
        _apply(article, obj, override=True)
        articles.append(article)
    if not articles and not skipped:
        skipped.append(Skipped(rel, REASON_NO_TEXT))
    return articles, skipped


def _has_text(text: str) -> bool:
    """A page that is all navigation has no article in it. (JSONL lines are not checked here, to
    keep bulk loading cheap: `prepare` then returns no passages for them.)"""
    return any(b.kind != "heading" for b in clean(text).blocks)


def load_file(corpus_dir: Path, rel: str) -> tuple[list[Article], list[Skipped]]:
    """Articles in one corpus file, and what was skipped with an Indonesian reason. Never raises on content."""
    corpus_dir = Path(corpus_dir)
    suffix = Path(rel).suffix.lower()
    limit = MAX_JSONL_BYTES if suffix == ".jsonl" else MAX_ARTICLE_BYTES
    try:
        with (corpus_dir / rel).open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > limit:
                return [], [Skipped(rel, f"{REASON_TOO_BIG} (maksimal {limit // 1_000_000} MB)")]
            data = handle.read(limit + 1)
    except OSError as exc:
        return [], [Skipped(rel, f"{REASON_UNREADABLE}: {exc.strerror or exc}")]
    if len(data) > limit:  # grew while we looked
        return [], [Skipped(rel, f"{REASON_TOO_BIG} (maksimal {limit // 1_000_000} MB)")]
    if not data.strip():
        return [], [Skipped(rel, REASON_EMPTY)]
    text = decode(data)
    if text is None:
        return [], [Skipped(rel, REASON_UNDECODABLE)]
    if not text.strip():
        return [], [Skipped(rel, REASON_EMPTY)]
    if suffix == ".jsonl":
        articles, skipped = _load_jsonl(rel, text)
    elif suffix in (".html", ".htm"):
        articles, skipped = _load_html(rel, text)
    else:
        articles, skipped = _load_text(rel, text)
    if suffix != ".jsonl" and articles and not _has_text(articles[0].text):
        return [], [Skipped(rel, REASON_NO_TEXT)]
    overrides = _folder_metadata(corpus_dir, rel)
    if overrides:
        for article in articles:
            _apply(article, overrides, override=True)
    return articles, skipped
