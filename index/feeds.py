"""Followed feeds: RSS, Atom and sitemaps, the list of them with what each has already given, and
a poll that adds the new entries only.

Parsing uses the standard library's ElementTree: RSS 2.0, RSS 1.0 (RDF), Atom, sitemaps and
sitemap indexes are a few elements each, and a broken document must be reported as broken
(trafilatura's feed helpers find links by pattern and drop links to other hosts, which an
aggregator's feed needs). Documents are size-limited by the fetcher, the Python expat we run on
(≥ 2.4.1) refuses entity-expansion bombs, ElementTree never fetches external entities, and a
document declaring entities is refused outright, so defusedxml adds nothing here.

The list lives in `<corpus>/.feeds.json` (the loader skips dot files, so it is never read as an
article; it travels with the corpus, as the articles it produced do). Every change holds a lock
file beside it, so a timer's poll and an operator's `feeds add` never lose each other's writes.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import fcntl
import json
import logging
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from index.fetch import Fetcher, FetchError, check_url
from index.links import ADDED, LinkReport, LinkResult, fetch_links, index_if_added

log = logging.getLogger(__name__)

STATE_FILE = ".feeds.json"
LOCK_FILE = ".feeds.lock"
FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
DEFAULT_POLL_LIMIT = 50  # new articles per poll, over all feeds
MAX_CHILD_SITEMAPS = 20
MAX_SEEN = 20000  # remembered entry URLs per feed, newest kept


class FeedError(ValueError):
    """The document is not a feed we can read; the message is the Indonesian reason."""


@dataclass
class Parsed:
    kind: str  # "RSS" | "Atom" | "sitemap" | "indeks sitemap"
    links: list[str]  # entry links (or child sitemaps for an index), in document order
    title: str | None = None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in element if _local(child.tag) == name)


def _text(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def parse_feed(data: bytes, base_url: str) -> Parsed:
    """Entry links of an RSS/Atom feed or a sitemap; FeedError when it is none of them or broken."""
    head = data[:4096].lower()
    if b"<!entity" in head or b"<!entity" in data.lower():
        raise FeedError("feed ditolak: memuat deklarasi ENTITY")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise FeedError(f"XML feed rusak ({error})") from None
    name = _local(root.tag)
    if name == "rss":
        channel = next(_children(root, "channel"), root)
        links = [_rss_link(item) for item in _children(channel, "item")]
        return Parsed("RSS", _absolute(links, base_url), _text(next(_children(channel, "title"), None)) or None)
    if name == "rdf":  # RSS 1.0
        links = [_text(next(_children(item, "link"), None)) for item in _children(root, "item")]
        channel = next(_children(root, "channel"), None)
        title = _text(next(_children(channel, "title"), None)) if channel is not None else ""
        return Parsed("RSS", _absolute(links, base_url), title or None)
    if name == "feed":
        links = [_atom_link(entry) for entry in _children(root, "entry")]
        return Parsed("Atom", _absolute(links, base_url), _text(next(_children(root, "title"), None)) or None)
    if name == "urlset":
        links = [_text(next(_children(url, "loc"), None)) for url in _children(root, "url")]
        return Parsed("sitemap", _absolute(links, base_url))
    if name == "sitemapindex":
        links = [_text(next(_children(sitemap, "loc"), None)) for sitemap in _children(root, "sitemap")]
        return Parsed("indeks sitemap", _absolute(links, base_url))
    raise FeedError(f"bukan RSS, Atom atau sitemap (elemen akar <{name}>)")


def _rss_link(item: ET.Element) -> str:
    link = _text(next(_children(item, "link"), None))
    if link:
        return link
    guid = next(_children(item, "guid"), None)
    if guid is not None and guid.get("isPermaLink", "true").lower() == "true":
        return _text(guid)
    return ""


def _atom_link(entry: ET.Element) -> str:
    links = list(_children(entry, "link"))
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("type", "text/html") in ("text/html", "application/xhtml+xml"):
            return (link.get("href") or "").strip()
    return (links[0].get("href") or "").strip() if links else ""


def _absolute(links: list[str], base_url: str) -> list[str]:
    out: list[str] = []
    for link in links:
        if not link:
            continue
        try:
            url = check_url(urljoin(base_url, link))
        except FetchError:
            continue
        if url not in out:
            out.append(url)
    return out


# --------------------------------------------------------------------------------------------------
# The list of feeds


@dataclass
class Feed:
    url: str
    kind: str = ""
    title: str | None = None
    added: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None
    last_result: str | None = None
    seen: list[str] = field(default_factory=list)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


class FeedList:
    """`<corpus>/.feeds.json`, read on open and written by `save()`; use as a context manager to hold
    the lock (blocking, or `wait=False` to fail with BlockingIOError when a poll is running)."""

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.path = self.corpus_dir / STATE_FILE
        self.feeds: list[Feed] = []
        self._lock = None

    @contextlib.contextmanager
    def locked(self, wait: bool = True):
        if not self.corpus_dir.is_dir():
            raise FileNotFoundError(f"folder korpus tidak ditemukan: {self.corpus_dir}")
        with open(self.corpus_dir / LOCK_FILE, "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            try:
                self.load()
                yield self
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def load(self) -> None:
        if not self.path.exists():
            self.feeds = []
            return
        data = json.loads(self.path.read_text(encoding="utf-8"))
        known = set(Feed.__dataclass_fields__)
        self.feeds = [Feed(**{k: v for k, v in item.items() if k in known}) for item in data.get("feeds", [])]

    def save(self) -> None:
        tmp = self.path.with_name(self.path.name + ".part")
        payload = {"version": 1, "feeds": [asdict(feed) for feed in self.feeds]}
        tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)

    def get(self, url: str) -> Feed | None:
        return next((feed for feed in self.feeds if feed.url == url), None)


def add_feed(corpus_dir: Path, url: str, fetcher: Fetcher | None = None, only_new: bool = False) -> tuple[Feed, bool]:
    """Check that `url` is a feed we can read and follow it; (feed, False) if it was followed already.
    With `only_new`, the entries it lists now count as seen (a sitemap's archive is not fetched).
    Raises FetchError or FeedError with the reason."""
    url = check_url(url)
    with FeedList(corpus_dir).locked() as feeds:
        existing = feeds.get(url)
        if existing:
            return existing, False
    fetcher = fetcher or Fetcher()
    fetched = fetcher.get(url, accept=FEED_ACCEPT)
    parsed = parse_feed(fetched.body, fetched.final_url)
    links = _child_sitemaps(parsed.links, fetcher)[0] if parsed.kind == "indeks sitemap" else parsed.links
    feed = Feed(url=url, kind=parsed.kind, title=parsed.title, added=_now(),
                last_result=f"{len(links)} entri saat ditambahkan" + (", dianggap sudah dilihat" if only_new else ""))
    if only_new:
        feed.seen = links[-MAX_SEEN:]
    with FeedList(corpus_dir).locked() as feeds:
        if feeds.get(url):
            return feeds.get(url), False
        feeds.feeds.append(feed)
        feeds.save()
    return feed, True


def remove_feed(corpus_dir: Path, url: str) -> bool:
    """Stop following `url` (articles already added stay in the corpus); False if it was not followed."""
    try:
        url = check_url(url)
    except FetchError:
        url = url.strip()
    with FeedList(corpus_dir).locked() as feeds:
        before = len(feeds.feeds)
        feeds.feeds = [feed for feed in feeds.feeds if feed.url != url]
        if len(feeds.feeds) == before:
            return False
        feeds.save()
    return True


def list_feeds(corpus_dir: Path) -> list[Feed]:
    feeds = FeedList(corpus_dir)
    feeds.load()
    return feeds.feeds


# --------------------------------------------------------------------------------------------------
# Polling


@dataclass
class FeedOutcome:
    feed: Feed
    status: str  # Indonesian, one line
    new: list[str] = field(default_factory=list)
    complete: bool = True  # every new entry taken (not cut by the cap) and every document read
    validators: tuple[str | None, str | None] = (None, None)
    failed: bool = False
    skipped: bool = False  # not read this time (the cap was reached): nothing about it changes


def taken_in_order(outcomes: list[FeedOutcome]) -> list[str]:
    """Every new entry once, feed by feed, in each feed's order."""
    return list(dict.fromkeys(url for outcome in outcomes for url in outcome.new))


@dataclass
class PollReport:
    outcomes: list[FeedOutcome] = field(default_factory=list)
    links: LinkReport = field(default_factory=LinkReport)
    requests: int = 0
    busy: bool = False

    @property
    def failed(self) -> bool:
        return any(o.failed for o in self.outcomes) or bool(self.links.failed)

    def format(self) -> str:
        if self.busy:
            return "Poll lain sedang berjalan; yang ini dilewati."
        if not self.outcomes:
            return "Belum ada feed yang diikuti. Tambahkan dengan: tanya feeds add URL"
        lines = ["Feed:"]
        lines += [f"  {o.feed.url}: {o.status}" for o in self.outcomes]
        if self.links.results:
            lines.append(self.links.format())
        else:
            lines.append("Tidak ada entri baru; korpus dan indeks tidak berubah.")
        lines.append(f"Permintaan HTTP: {self.requests}")
        return "\n".join(lines)


def _read_feed(feed: Feed, fetcher: Fetcher, budget: int, taken: set[str]) -> FeedOutcome:
    try:
        fetched = fetcher.get(feed.url, feed.etag, feed.last_modified, accept=FEED_ACCEPT)
    except FetchError as error:
        return FeedOutcome(feed, f"gagal: {error.reason}", complete=False, failed=True)
    if fetched.not_modified:
        return FeedOutcome(feed, "tidak berubah (304, tidak diunduh ulang)", validators=(feed.etag, feed.last_modified))
    try:
        parsed = parse_feed(fetched.body, fetched.final_url)
    except FeedError as error:
        return FeedOutcome(feed, f"gagal: {error}", complete=False, failed=True)
    links, complete, problems = parsed.links, True, []
    if parsed.kind == "indeks sitemap":
        links, complete, problems = _child_sitemaps(parsed.links, fetcher)
    seen = set(feed.seen)
    fresh = [link for link in links if link not in seen]
    new: list[str] = []
    for link in fresh:  # an entry another feed already took costs nothing from the budget
        if link in taken or budget > 0:
            budget -= link not in taken
            new.append(link)
    complete = complete and len(new) == len(fresh)
    status = f"{parsed.kind}, {len(links)} entri, {len(fresh)} baru"
    if len(new) < len(fresh):
        status += f" ({len(fresh) - len(new)} menunggu poll berikutnya: batas per poll)"
    if problems:
        status += "; " + "; ".join(problems)
    return FeedOutcome(feed, status, new, complete, (fetched.etag, fetched.last_modified))


def _child_sitemaps(urls: list[str], fetcher: Fetcher) -> tuple[list[str], bool, list[str]]:
    links: list[str] = []
    problems: list[str] = []
    for url in urls[:MAX_CHILD_SITEMAPS]:
        try:
            parsed = parse_feed(fetcher.get(url, accept=FEED_ACCEPT).body, url)
        except (FetchError, FeedError) as error:
            problems.append(f"{url}: {getattr(error, 'reason', error)}")
            continue
        links += [link for link in parsed.links if link not in links] if parsed.kind == "sitemap" else []
    return links, not problems and len(urls) <= MAX_CHILD_SITEMAPS, problems


def poll(corpus_dir: Path, db_path: Path, fetcher: Fetcher | None = None, limit: int = DEFAULT_POLL_LIMIT,
         build=None) -> PollReport:
    """Fetch each followed feed (conditionally), add its new entries (at most `limit` over all feeds),
    remember what was seen, and index once."""
    fetcher = fetcher or Fetcher()
    report = PollReport()
    feeds = FeedList(corpus_dir)
    try:
        with feeds.locked(wait=False):
            taken: set[str] = set()
            for feed in feeds.feeds:
                if len(taken) >= limit:
                    report.outcomes.append(FeedOutcome(feed, "dilewati: batas per poll sudah tercapai", skipped=True))
                    continue
                try:
                    outcome = _read_feed(feed, fetcher, limit - len(taken), taken)
                except Exception as error:  # noqa: BLE001 - one feed must never stop the others
                    log.exception("feed %s gagal", feed.url)
                    outcome = FeedOutcome(feed, f"gagal: galat tak terduga ({type(error).__name__})",
                                          complete=False, failed=True)
                taken.update(outcome.new)
                report.outcomes.append(outcome)
            results = {result.url: result
                       for result in fetch_links(taken_in_order(report.outcomes), corpus_dir, db_path, fetcher)}
            report.links = LinkReport(list(results.values()))
            _remember(report.outcomes, results)
            feeds.save()
    except BlockingIOError:
        report.busy = True
        return report
    report.links.summary = index_if_added(report.links.results, corpus_dir, db_path, build)
    report.requests = fetcher.requests
    return report


def _remember(outcomes: list[FeedOutcome], results: dict[str, LinkResult]) -> None:
    """Seen: every entry handled for good (added, already there, or failing for a lasting reason).
    The feed's validators are kept only when nothing is left over, so a 304 never hides an entry
    that still waits (cut by the cap, or failed for a passing reason)."""
    now = _now()
    for outcome in outcomes:
        feed = outcome.feed
        if outcome.skipped:
            continue
        handled = [url for url in outcome.new if url in results and not results[url].transient]
        retry = len(handled) < len(outcome.new)
        feed.seen = (feed.seen + [url for url in handled if url not in feed.seen])[-MAX_SEEN:]
        feed.last_poll = now
        added = sum(results[url].outcome == ADDED for url in outcome.new if url in results)
        feed.last_result = outcome.status + (f"; {added} ditambahkan" if outcome.new else "")
        if outcome.complete and not retry and not outcome.failed:
            feed.etag, feed.last_modified = outcome.validators
        elif not outcome.failed:
            feed.etag = feed.last_modified = None
