"""Feeds: parsing RSS/Atom/sitemaps, the followed list, and polls against the stand-in news web."""
from __future__ import annotations

import json
import sqlite3

import pytest

from index.build import build_index
from index.feeds import (
    STATE_FILE,
    FeedError,
    FeedList,
    add_feed,
    list_feeds,
    parse_feed,
    poll,
    remove_feed,
)
from index.fetch import Fetcher, FetchError, FetchSettings
from index.load import discover
from tests.web_stub_server import (
    HAND_WRITTEN,
    NEWS,
    Route,
    WebStub,
    atom_xml,
    install_site,
    publish,
    rss_xml,
    sitemap_xml,
)

BASE = "https://kabar.example"


def links_of(stories, base=BASE):
    return [f"{base}/berita/{s.slug}" for s in stories]


def test_rss_atom_and_sitemap_give_their_entry_links():
    rss = parse_feed(rss_xml(BASE, HAND_WRITTEN), BASE + "/rss.xml")
    assert (rss.kind, rss.title, rss.links) == ("RSS", "Kabar Terkini", links_of(HAND_WRITTEN))
    atom = parse_feed(atom_xml(BASE, HAND_WRITTEN), BASE + "/atom.xml")
    assert (atom.kind, atom.links) == ("Atom", links_of(HAND_WRITTEN))
    sitemap = parse_feed(sitemap_xml(BASE, HAND_WRITTEN), BASE + "/sitemap.xml")
    assert (sitemap.kind, sitemap.links) == ("sitemap", links_of(HAND_WRITTEN))


def test_other_feed_shapes():
    rdf = (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           b'xmlns="http://purl.org/rss/1.0/"><channel><title>Lama</title></channel>'
           b"<item><link>https://kabar.example/a</link></item></rdf:RDF>")
    assert parse_feed(rdf, BASE).links == ["https://kabar.example/a"]
    guid_only = b'<rss><channel><item><guid>https://kabar.example/b</guid></item><item><guid isPermaLink="false">x1</guid></item></channel></rss>'
    assert parse_feed(guid_only, BASE).links == ["https://kabar.example/b"]
    relative = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="self" href="/self"/><link href="/berita/c"/></entry></feed>'
    assert parse_feed(relative, BASE + "/atom.xml").links == ["https://kabar.example/berita/c"]
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://kabar.example/s1.xml'
             b"</loc></sitemap></sitemapindex>")
    assert parse_feed(index, BASE).kind == "indeks sitemap"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'<?xml version="1.0"?><rss><channel><item><title>Putus', "XML feed rusak"),
        (b"<html><body>bukan feed</body></html>", "bukan RSS, Atom atau sitemap"),
        (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss>&b;</rss>', "ENTITY"),
        (b"", "XML feed rusak"),
    ],
)
def test_broken_and_hostile_documents_are_refused(data, reason):
    with pytest.raises(FeedError, match=reason):
        parse_feed(data, BASE)


# -- polling against the stub -------------------------------------------------------------------------
@pytest.fixture
def web():
    stub = WebStub().start()
    install_site(stub, HAND_WRITTEN)
    yield stub
    stub.stop()


def fetcher() -> Fetcher:
    return Fetcher(FetchSettings(timeout=1.0, host_delay=0.0, allow_private=True))


def article_hits(web: WebStub, since: int) -> list[str]:
    return [h.path for h in web.hits[since:] if h.path.startswith("/berita/")]


def test_poll_adds_new_entries_once_and_then_asks_conditionally(web, tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    feed, new = add_feed(corpus, web.url("/rss.xml"), fetcher())
    assert new and feed.kind == "RSS"
    assert add_feed(corpus, web.url("/rss.xml"), fetcher())[1] is False

    first = poll(corpus, db, fetcher())
    assert len(first.links.added) == len(HAND_WRITTEN) and not first.failed
    assert first.links.summary.added == len(HAND_WRITTEN)
    assert len(list((corpus / "web").rglob("*.md"))) == len(HAND_WRITTEN)

    mark = web.mark()
    second = poll(corpus, db, fetcher())
    assert not second.links.results and second.links.summary is None
    [feed_hit] = web.hits_of("/rss.xml", mark)
    assert feed_hit.status == 304 and feed_hit.headers.get("If-None-Match")
    assert article_hits(web, mark) == []
    assert "304" in second.format()

    # a new story appears in the feed
    extra = NEWS[0]
    publish(web, list(HAND_WRITTEN), extra)
    mark = web.mark()
    third = poll(corpus, db, fetcher())
    assert [r.url for r in third.links.added] == [web.url(f"/berita/{extra.slug}")]
    assert article_hits(web, mark) == [f"/berita/{extra.slug}"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles WHERE url = ?", (web.url(f"/berita/{extra.slug}"),)).fetchone()[0] == 1


def test_the_cap_leaves_the_rest_for_the_next_poll(web, tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    add_feed(corpus, web.url("/rss.xml"), fetcher())
    add_feed(corpus, web.url("/atom.xml"), fetcher())  # the same stories: they cost nothing twice
    first = poll(corpus, db, fetcher(), limit=2)
    assert len(first.links.added) == 2
    second = poll(corpus, db, fetcher(), limit=2)
    assert len(second.links.added) == 1  # the third story; the 304 did not hide it
    third = poll(corpus, db, fetcher(), limit=2)
    assert not third.links.added
    assert all(len(f.seen) == len(HAND_WRITTEN) for f in list_feeds(corpus))


def test_failures_are_reported_and_passing_ones_retried(web, tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    broken = [web.url(p) for p in ("/hilang", "/galat", "/lambat")]
    good = web.url(f"/berita/{HAND_WRITTEN[0].slug}")
    web.set("/campur.xml", Route(body=rss_xml(web.base_url, []).replace(
        b"</channel>", b"".join(f"<item><link>{u}</link></item>".encode() for u in [*broken, good]) + b"</channel>"),
        content_type="application/rss+xml", validators=True))
    add_feed(corpus, web.url("/campur.xml"), fetcher())
    first = poll(corpus, db, fetcher())
    assert first.failed and [r.url for r in first.links.added] == [good]
    reasons = {r.url: r.detail for r in first.links.failed}
    assert "HTTP 404" in reasons[broken[0]] and "HTTP 500" in reasons[broken[1]] and "waktu habis" in reasons[broken[2]]
    [feed] = list_feeds(corpus)
    assert feed.etag is None  # entries wait for a retry, so the next poll reads the feed again
    assert set(feed.seen) == {good, broken[0]}
    mark = web.mark()
    poll(corpus, db, fetcher())
    retried = {h.path for h in web.hits[mark:]}
    assert {"/campur.xml", "/galat", "/lambat"} <= retried and "/hilang" not in retried


def test_a_broken_feed_is_refused_and_a_failing_one_reported(web, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with pytest.raises(FeedError, match="XML feed rusak"):
        add_feed(corpus, web.url("/feed-rusak.xml"), fetcher())
    with pytest.raises(FetchError, match="HTTP 404"):
        add_feed(corpus, web.url("/tidak-ada.xml"), fetcher())
    assert list_feeds(corpus) == []
    add_feed(corpus, web.url("/rss.xml"), fetcher())
    web.set("/rss.xml", Route(body=b"<rss><channel><item>", content_type="application/rss+xml"))
    report = poll(corpus, tmp_path / "tanya.db", fetcher())
    assert report.failed and "XML feed rusak" in report.format()


def test_a_sitemap_index_is_followed(web, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    web.set("/sitemap-index.xml", Route(body=(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{web.url('/sitemap.xml')}</loc></sitemap></sitemapindex>").encode(), content_type="application/xml"))
    add_feed(corpus, web.url("/sitemap-index.xml"), fetcher())
    report = poll(corpus, tmp_path / "tanya.db", fetcher())
    assert len(report.links.added) == len(HAND_WRITTEN)


def test_the_list_lives_beside_the_articles_and_is_never_indexed(web, tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    add_feed(corpus, web.url("/sitemap.xml"), fetcher())
    poll(corpus, db, fetcher())
    state = json.loads((corpus / STATE_FILE).read_text())
    assert [f["url"] for f in state["feeds"]] == [web.url("/sitemap.xml")]
    assert all(not f.rel.startswith(".") for f in discover(corpus))
    assert build_index(corpus, db).changed is False
    assert remove_feed(corpus, web.url("/sitemap.xml")) and not remove_feed(corpus, web.url("/sitemap.xml"))
    assert list_feeds(corpus) == [] and len(list((corpus / "web").rglob("*.md"))) == len(HAND_WRITTEN)


def test_a_second_poll_while_one_runs_steps_aside(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with FeedList(corpus).locked():
        report = poll(corpus, tmp_path / "tanya.db", fetcher())
    assert report.busy and "sedang berjalan" in report.format()


def test_only_new_skips_what_the_feed_lists_today(web, tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    feed, _ = add_feed(corpus, web.url("/sitemap.xml"), fetcher(), only_new=True)
    assert len(feed.seen) == len(HAND_WRITTEN)
    assert not poll(corpus, db, fetcher()).links.results
    extra = NEWS[0]
    publish(web, list(HAND_WRITTEN), extra)
    assert [r.url for r in poll(corpus, db, fetcher()).links.added] == [web.url(f"/berita/{extra.slug}")]


def test_a_poll_scans_the_corpus_once_and_not_at_all_when_nothing_is_new(web, tmp_path, monkeypatch):
    from index.web_corpus import WebCorpus

    scans: list[object] = []
    scan = WebCorpus._scan
    monkeypatch.setattr(WebCorpus, "_scan", lambda self: (scans.append(self), scan(self))[1])
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    add_feed(corpus, web.url("/rss.xml"), fetcher())
    add_feed(corpus, web.url("/atom.xml"), fetcher())
    assert poll(corpus, db, fetcher()).links.added and len(scans) == 1
    assert not poll(corpus, db, fetcher()).links.results and len(scans) == 1
