"""Links → corpus files → index: what `tanya add`, `tanya feeds poll` and the Telegram bot share.

Each link is fetched, extracted, checked against what the corpus already holds and saved under
`corpus/web/`; one bad link never stops the others. Indexing happens once, after all of them,
through `index.build.build_index` (the one indexing entry point).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.fetch import Fetcher, FetchError, check_url
from index.web_article import NotAnArticle, extract, render_markdown
from index.web_corpus import WebCorpus

ADDED, EXISTS, FAILED = "added", "exists", "failed"
HTML_TYPES = ("text/html", "application/xhtml+xml", "")
_FEED_TYPE_RE = re.compile(r"rss|atom|xml")
log = logging.getLogger(__name__)


@dataclass
class LinkResult:
    url: str
    outcome: str  # ADDED | EXISTS | FAILED
    detail: str = ""  # the reason (failed) or why it is already there
    path: str | None = None  # corpus-relative file (added, or the one already holding it)
    title: str | None = None
    source: str | None = None
    date: str | None = None
    transient: bool = False  # a failure worth retrying later (timeout, 5xx, network)

    def format(self) -> str:
        if self.outcome == ADDED:
            meta = ", ".join(x for x in (self.source, self.date) if x)
            title = f" “{self.title}”" if self.title else ""
            return f"  + {self.url}\n    → {self.path}{title}" + (f" ({meta})" if meta else "")
        if self.outcome == EXISTS:
            return f"  = {self.url}\n    sudah ada ({self.detail}): {self.path}"
        return f"  ! {self.url}\n    gagal: {self.detail}"


@dataclass
class LinkReport:
    results: list[LinkResult] = field(default_factory=list)
    summary: object | None = None  # index.build.IndexSummary, when indexing ran

    def of(self, outcome: str) -> list[LinkResult]:
        return [r for r in self.results if r.outcome == outcome]

    @property
    def added(self) -> list[LinkResult]:
        return self.of(ADDED)

    @property
    def failed(self) -> list[LinkResult]:
        return self.of(FAILED)

    def format(self) -> str:
        """Indonesian, for the operator: added, already there, failed (with reasons), then the index."""
        lines: list[str] = []
        for outcome, label in ((ADDED, "Ditambahkan"), (EXISTS, "Sudah ada, tidak ditambahkan"), (FAILED, "Gagal")):
            items = self.of(outcome)
            if items:
                lines.append(f"{label} ({len(items)}):")
                lines += [r.format() for r in items]
        if not self.results:
            lines.append("Tidak ada tautan.")
        elif not self.added:
            lines.append("Tidak ada artikel baru; korpus dan indeks tidak berubah.")
        if self.summary is not None:
            lines.append(self.summary.format())
        return "\n".join(lines)


def fetch_links(urls: Iterable[str], corpus_dir: Path, db_path: Path | None = None,
                fetcher: Fetcher | None = None) -> list[LinkResult]:
    """Fetch, extract and save each link under corpus/web/ (no indexing). Never raises per link.
    With no links (a feed poll with nothing new, the usual case) the corpus is not scanned at all."""
    urls = list(urls)
    if not urls:
        return []
    fetcher = fetcher or Fetcher()
    web = WebCorpus(corpus_dir, db_path)
    return [_one(url, fetcher, web) for url in urls]


def _one(url: str, fetcher: Fetcher, web: WebCorpus) -> LinkResult:
    try:
        return _add_one(url.strip(), fetcher, web)
    except Exception as error:  # noqa: BLE001 - one bad link must never stop the others
        log.exception("tautan %s gagal", url)
        return LinkResult(url.strip(), FAILED, f"galat tak terduga ({type(error).__name__})")


def _add_one(url: str, fetcher: Fetcher, web: WebCorpus) -> LinkResult:
    try:
        url = check_url(url)
    except FetchError as error:
        return LinkResult(url, FAILED, error.reason)
    known = web.known_url(url)
    if known:
        return LinkResult(url, EXISTS, "URL yang sama", known)
    try:
        page = fetcher.get(url)
    except FetchError as error:
        return LinkResult(url, FAILED, error.reason, transient=error.transient)
    if page.content_type not in HTML_TYPES:
        hint = " — feed? ikuti dengan `tanya feeds add`" if _FEED_TYPE_RE.search(page.content_type) else ""
        return LinkResult(url, FAILED, f"bukan halaman HTML ({page.content_type}){hint}")
    try:
        # without a declared charset, trafilatura reads the page's own <meta charset> from the bytes
        article = extract(page.text() if page.charset else page.body, page.final_url)
    except NotAnArticle as error:
        return LinkResult(url, FAILED, str(error))
    content = render_markdown(article)
    existing = web.find(article, content)
    if existing:
        return LinkResult(url, EXISTS, existing.why, existing.rel, article.title)
    try:
        rel = web.save(article, content)
    except OSError as error:
        return LinkResult(url, FAILED, f"tidak dapat menyimpan file: {error}")
    return LinkResult(url, ADDED, path=rel, title=article.title, source=article.source, date=article.date)


def index_if_added(results: list[LinkResult], corpus_dir: Path, db_path: Path,
                   build: Callable | None = None):
    """Index once when something was added; the IndexSummary, or None when nothing changed."""
    if not any(r.outcome == ADDED for r in results):
        return None
    if build is None:
        from index.build import build_index as build
    return build(Path(corpus_dir), Path(db_path))


def add_links(urls: Iterable[str], corpus_dir: Path, db_path: Path, fetcher: Fetcher | None = None,
              build: Callable | None = None) -> LinkReport:
    """`tanya add`: fetch and save every link, then index once."""
    results = fetch_links(list(dict.fromkeys(urls)), corpus_dir, db_path, fetcher)
    return LinkReport(results, index_if_added(results, corpus_dir, db_path, build))
