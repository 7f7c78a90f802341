"""index.links in process: a batch of links against the stand-in news web."""
from __future__ import annotations

from index.fetch import Fetcher, FetchSettings
from index.links import ADDED, EXISTS, FAILED, add_links, fetch_links
from index.load import load_file
from tests.web_stub_server import HAND_WRITTEN, Route, WebStub, install_site

STORY = HAND_WRITTEN[0]


def fetcher() -> Fetcher:
    return Fetcher(FetchSettings(timeout=1.0, host_delay=0.0, allow_private=True))


def test_a_batch_names_each_outcome_and_indexes_once(web, tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    calls = []

    def build(corpus_dir, db_path):
        from index.build import build_index

        calls.append(corpus_dir)
        return build_index(corpus_dir, db_path)

    urls = [web.url(f"/berita/{STORY.slug}"), web.url("/pindah"), web.url(f"/amp/{STORY.slug}"),
            web.url(f"/berita/{STORY.slug}#komentar"), web.url("/hilang")]
    report = add_links(urls, corpus, db, fetcher(), build)
    assert [r.outcome for r in report.results] == [ADDED, EXISTS, EXISTS, EXISTS, FAILED]
    assert len(calls) == 1 and report.summary.added == 1
    text = report.format()
    assert "Ditambahkan (1)" in text and "Sudah ada, tidak ditambahkan (3)" in text and "Gagal (1)" in text
    again = add_links(urls[:1], corpus, db, fetcher(), build)
    assert again.results[0].outcome == EXISTS and again.summary is None and len(calls) == 1


def test_a_page_without_declared_charset_is_read_by_its_meta_tag(web, tmp_path):
    body = ("<html><head><meta charset=\"windows-1252\"><title>Kafe Tua</title></head><body><article><h1>Kafe Tua</h1>"
            + "".join(f"<p>Café tertua di Jakarta berdiri sejak tahun 1920 dan masih melayani {n} pelanggan setiap "
                      f"hari, kata pemiliknya generasi ke-{n}.</p>" for n in range(2, 8))
            + "</article></body></html>").encode("cp1252")
    web.set("/kafe", Route(body=body, content_type="text/html"))
    [result] = fetch_links([web.url("/kafe")], tmp_path, fetcher=fetcher())
    assert result.outcome == ADDED, result.detail
    [article], _ = load_file(tmp_path, result.path)
    assert "Café tertua di Jakarta" in article.text


def test_a_robots_txt_lost_in_redirects_counts_as_missing(tmp_path):
    """RFC 9309: more than five redirects and robots.txt is "unavailable", which allows crawling."""
    stub = WebStub().start()
    try:
        install_site(stub, HAND_WRITTEN)
        stub.set("/robots.txt", Route(status=302, headers={"Location": "/robots.txt?lagi"}))
        [result] = fetch_links([stub.url(f"/berita/{STORY.slug}")], tmp_path, fetcher=fetcher())
        assert result.outcome == ADDED, result.detail
        assert 1 < len(stub.hits_of("/robots.txt")) <= 7
    finally:
        stub.stop()


def test_a_feed_given_as_an_article_says_what_to_do(web, tmp_path):
    [result] = fetch_links([web.url("/rss.xml")], tmp_path, fetcher=fetcher())
    assert result.outcome == FAILED and "application/rss+xml" in result.detail and "tanya feeds add" in result.detail
