"""A fetched web page → an article for the corpus: its own text, its metadata, a file name, and the
Markdown file it is stored as. Pure functions; fetching and writing live elsewhere.

trafilatura finds the main text and the metadata the page declares (JSON-LD, OpenGraph, meta
tags, the canonical link); then the page's text goes through the same cleaning as corpus files
(`index.clean`), so "Baca juga" lines, share bars and captions are handled the same way, and only
the blocks the cleaner keeps are written. Every kept block is verbatim page text, so quotes stay
verbatim too.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from index.clean import clean, normalise_date
from index.fetch import normalise_url

WEB_FOLDER = "web"
MIN_ARTICLE_WORDS = 25  # less than this after cleaning is a teaser, an index page or an error page
MAX_SLUG = 80
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)]*$")
_FILE_SUFFIX_RE = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cfm)$", re.I)
_ID_ONLY_RE = re.compile(r"^[\d-]*$")


class NotAnArticle(ValueError):
    """The page holds no article text; the message is the Indonesian reason."""


@dataclass
class WebArticle:
    url: str  # canonical URL (the page's own claim), else the URL it was fetched from
    fetched_url: str
    text: str  # the article's own blocks, blank-line separated; headings as "## …"
    title: str | None = None
    source: str | None = None  # publisher
    author: str | None = None
    date: str | None = None  # ISO

    @property
    def site(self) -> str:
        return site_folder(self.url)


def extract(page: str | bytes, fetched_url: str) -> WebArticle:
    """The article in an HTML page; NotAnArticle when it has no article text of its own."""
    import trafilatura  # slow to import; only needed here

    try:
        doc = trafilatura.bare_extraction(page, url=fetched_url, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - any parser failure means: no article here
        raise NotAnArticle(f"bukan artikel: HTML tidak dapat diproses ({type(exc).__name__})") from None
    raw = getattr(doc, "text", None) if doc is not None else None
    if not raw or not raw.strip():
        raise NotAnArticle("bukan artikel: halaman tidak memuat teks artikel")
    cleaned = clean(raw)
    pieces: list[str] = []
    words = 0
    sentences = 0
    for block in cleaned.blocks:
        if block.kind == "heading":
            pieces.append("## " + block.text)
        elif block.kind == "paragraph":
            pieces.append(block.text)
            words += len(block.text.split())
            sentences += bool(_SENTENCE_END_RE.search(block.text.strip()))
        else:
            pieces.append(block.text)  # a caption stays; the index marks it as one again
    if words < MIN_ARTICLE_WORDS or not sentences:
        raise NotAnArticle("bukan artikel: teks artikelnya tidak ada atau terlalu pendek")
    stated = cleaned.metadata
    canonical = _http_url(getattr(doc, "url", None)) or fetched_url
    return WebArticle(
        url=normalise_url(canonical),
        fetched_url=fetched_url,
        text="\n\n".join(pieces),
        title=_one_line(doc.title) or stated.get("title"),
        source=_one_line(doc.sitename) or stated.get("source") or site_folder(canonical),
        author=_one_line(doc.author) or stated.get("author"),
        date=normalise_date(doc.date) or stated.get("date"),
    )


def _http_url(value: str | None) -> str | None:
    if value and urlsplit(value).scheme.lower() in ("http", "https") and urlsplit(value).hostname:
        return value
    return None


def _one_line(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


# --------------------------------------------------------------------------------------------------
# Names


def _ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def site_folder(url: str) -> str:
    """The folder for a site: its host without "www.", with a non-default port after "_"."""
    parts = urlsplit(url)
    host = (parts.hostname or "situs").lower().removeprefix("www.")
    host = re.sub(r"[^a-z0-9.-]+", "-", host).strip(".-") or "situs"
    return f"{host}_{parts.port}" if parts.port else host


def slug(url: str) -> str:
    """A readable, stable file stem from the URL's path: its last meaningful segment(s)."""
    parts = urlsplit(url)
    segments = [_FILE_SUFFIX_RE.sub("", unquote(s)) for s in parts.path.split("/") if s]
    chosen: list[str] = []
    for segment in reversed(segments):
        chosen.insert(0, segment)
        if len(_ascii_slug("-".join(chosen))) >= 12 and not _ID_ONLY_RE.match(segment):
            break
    stem = _ascii_slug("-".join(chosen[-4:]))
    if parts.query and (len(stem) < 12 or _ID_ONLY_RE.match(stem)):
        stem = _ascii_slug(f"{stem}-{parts.query}")
    return stem[:MAX_SLUG].strip("-") or "artikel"


def url_hash(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def text_key(text: str) -> str:
    """Equal for two texts that differ only in case, spacing, punctuation or Markdown marks."""
    letters = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).casefold()).split()
    return hashlib.sha1(" ".join(letters).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------------
# The file

FRONT_MATTER_FIELDS = ("title", "source", "author", "date", "url")


def _front_value(value: str) -> str:
    """The loader strips one pair of matching outer quotes: protect a value that has them."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return f"'{value}'" if value[0] == '"' else f'"{value}"'
    return value


def render_markdown(article: WebArticle, fetched_at: _dt.datetime | None = None) -> str:
    """Front matter (title, source, author, date, url, where and when fetched), then the text."""
    fetched_at = fetched_at or _dt.datetime.now(_dt.timezone.utc)
    lines = ["---"]
    for name in FRONT_MATTER_FIELDS:
        value = getattr(article, name)
        if value:
            lines.append(f"{name}: {_front_value(value)}")
    if article.fetched_url != article.url:
        lines.append(f"fetched_from: {article.fetched_url}")
    lines.append(f"fetched: {fetched_at.replace(microsecond=0).isoformat()}")
    lines.append("---")
    title = f"# {article.title}\n\n" if article.title else ""
    return "\n".join(lines) + "\n\n" + title + article.text.rstrip() + "\n"
