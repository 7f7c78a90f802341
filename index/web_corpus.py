"""The corpus's `web/` folder: what fetched articles it already holds, and saving a new one there.

An article is "already there" when the corpus holds its canonical URL (or the URL it was fetched
from) — in `web/` or anywhere the index knows of — or the very same text under `web/`. A new
article is written as `web/<site>/<slug>.md`; a name another article already uses gets the URL's
hash appended, so no article ever overwrites another.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from index.fetch import normalise_url
from index.load import _split_front_matter, decode
from index.web_article import WEB_FOLDER, WebArticle, render_markdown, slug, text_key, url_hash


@dataclass
class Existing:
    rel: str  # path relative to the corpus folder
    why: str  # Indonesian: "URL yang sama" / "teks yang sama"


class WebCorpus:
    """Scans `corpus/web/` once (and the index's URLs), then answers and records as articles come."""

    def __init__(self, corpus_dir: Path, db_path: Path | None = None) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.folder = self.corpus_dir / WEB_FOLDER
        self._by_url: dict[str, str] = {}
        self._by_text: dict[str, str] = {}
        self._scan()
        if db_path is not None:
            self._scan_index(Path(db_path))

    def _scan(self) -> None:
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.rglob("*.md")):
            if any(part.startswith(".") for part in path.relative_to(self.corpus_dir).parts):
                continue
            try:
                text = decode(path.read_bytes())
            except OSError:
                continue
            if text is None:
                continue
            fields, body = _split_front_matter(text)
            rel = path.relative_to(self.corpus_dir).as_posix()
            for key in ("url", "fetched_from"):
                if fields.get(key):
                    self._by_url.setdefault(_norm(fields[key]), rel)
            self._by_text.setdefault(text_key(body), rel)

    def _scan_index(self, db_path: Path) -> None:
        """URLs of articles from anywhere in the corpus (JSONL exports, saved HTML, uploads)."""
        if not db_path.exists():
            return
        try:
            conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
            try:
                rows = conn.execute("SELECT url, path FROM articles WHERE url IS NOT NULL AND url != ''").fetchall()
            finally:
                conn.close()
        except sqlite3.Error:
            return
        for url, rel in rows:
            self._by_url.setdefault(_norm(url), rel)

    def known_url(self, url: str) -> str | None:
        """The corpus file already holding this URL, if any (checked before fetching)."""
        return self._by_url.get(_norm(url))

    def find(self, article: WebArticle, content: str | None = None) -> Existing | None:
        """The corpus file already holding this article (same URL or same text); `content` is its
        rendering when the caller has it already (it checks, then saves the same file)."""
        for url in (article.url, article.fetched_url):
            rel = self.known_url(url)
            if rel:
                return Existing(rel, "URL yang sama")
        rel = self._by_text.get(text_key(_body(content or render_markdown(article))))
        return Existing(rel, "teks yang sama") if rel else None

    def save(self, article: WebArticle, content: str | None = None) -> str:
        """Write the article's file (atomically, never over another file); its corpus-relative path."""
        folder = self.folder / article.site
        folder.mkdir(parents=True, exist_ok=True)
        content = content or render_markdown(article)
        stem = slug(article.url)
        candidates = [f"{stem}.md", f"{stem}-{url_hash(article.url)}.md"]
        candidates += [f"{stem}-{url_hash(article.url)}-{n}.md" for n in range(2, 100)]
        for name in candidates:
            path = folder / name
            if path.exists():
                continue
            tmp = folder / f".{name}.part"
            if not _create(path, tmp, content):
                continue
            rel = path.relative_to(self.corpus_dir).as_posix()
            self._by_url[_norm(article.url)] = rel
            self._by_url.setdefault(_norm(article.fetched_url), rel)
            self._by_text.setdefault(text_key(_body(content)), rel)
            return rel
        raise OSError(f"tidak ada nama file bebas untuk {article.url}")


def _create(path: Path, tmp: Path, content: str) -> bool:
    """Write `content` as `path` unless that name exists: whole (a hard link of a finished
    temporary file) where the file system allows, else by exclusive creation."""
    tmp.write_text(content, encoding="utf-8")
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    except OSError:  # no hard links here
        try:
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(content)
        except FileExistsError:
            return False
    finally:
        tmp.unlink(missing_ok=True)
    return True


def _norm(url: str) -> str:
    try:
        return normalise_url(url)
    except ValueError:
        return url.strip()


def _body(markdown: str) -> str:
    return _split_front_matter(markdown)[1]
