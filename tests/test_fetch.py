"""index.fetch against the stand-in news web on 127.0.0.1: limits, reasons, politeness."""
from __future__ import annotations

import pytest

from index.fetch import USER_AGENT, Fetcher, FetchError, FetchSettings, check_url, normalise_url
from tests.web_stub_server import HAND_WRITTEN, Route, WebStub

FIRST = HAND_WRITTEN[0]


def fetcher(**overrides) -> Fetcher:
    settings = dict(timeout=1.0, host_delay=0.0, allow_private=True)
    settings.update(overrides)
    return Fetcher(FetchSettings(**settings))


def reason(web: WebStub, path: str, **overrides) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher(**overrides).get(web.url(path))
    return caught.value


def test_an_article_page_is_fetched_with_our_user_agent(web):
    mark = web.mark()
    page = fetcher().get(web.url(f"/berita/{FIRST.slug}"))
    assert page.status == 200 and page.content_type == "text/html" and page.charset == "utf-8"
    assert FIRST.title in page.text()
    agents = {hit.headers.get("User-Agent") for hit in web.hits[mark:]}
    assert agents == {USER_AGENT} and USER_AGENT.startswith("Tanya/")
    assert {hit.headers.get("Accept-Encoding") for hit in web.hits[mark:]} == {"gzip"}
    assert [h.path for h in web.hits[mark:]] == ["/robots.txt", f"/berita/{FIRST.slug}"]


def test_redirects_are_followed_and_recorded(web):
    page = fetcher().get(web.url("/pindah"))
    assert page.final_url == web.url(f"/berita/{FIRST.slug}")
    assert page.redirects == [web.url("/pindah")]


@pytest.mark.parametrize(
    ("path", "expected", "transient"),
    [
        ("/hilang", "HTTP 404", False),
        ("/galat", "HTTP 500", True),
        ("/putar-a", "pengalihan berputar", False),
        ("/raksasa", "terlalu besar", False),
        ("/raksasa-tanpa-panjang", "terlalu besar", False),
        ("/rahasia/dokumen-internal", "robots.txt", False),
        ("/terputus", "respons HTTP rusak", True),
    ],
)
def test_each_failure_has_its_reason(web, path, expected, transient):
    error = reason(web, path)
    assert expected in error.reason
    assert error.transient is transient


def test_a_slow_page_times_out(web):
    error = reason(web, "/lambat", timeout=0.5)
    assert "waktu habis" in error.reason and error.transient


def test_redirect_limit(web):
    web.set("/r1", Route(status=301, headers={"Location": "/r2"}))
    web.set("/r2", Route(status=301, headers={"Location": "/r3"}))
    web.set("/r3", Route(status=301, headers={"Location": f"/berita/{FIRST.slug}"}))
    assert "terlalu banyak pengalihan" in reason(web, "/r1", max_redirects=2).reason
    assert fetcher(max_redirects=3).get(web.url("/r1")).status == 200


def test_size_limit_is_enforced_while_reading(web):
    web.set("/sedang", Route(stream_bytes=300_000, declare_length=False))
    assert "terlalu besar" in reason(web, "/sedang", max_bytes=200_000).reason
    assert len(fetcher(max_bytes=400_000).get(web.url("/sedang")).body) == 300_000


def test_private_addresses_are_refused_unless_allowed(web):
    error = reason(web, f"/berita/{FIRST.slug}", allow_private=False)
    assert "127.0.0.1" in error.reason and "TANYA_FETCH_ALLOW_PRIVATE" in error.reason


def test_conditional_request_gets_304(web):
    first = fetcher().get(web.url("/rss.xml"))
    assert first.etag and first.last_modified
    mark = web.mark()
    again = fetcher().get(web.url("/rss.xml"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    hit = web.hits_of("/rss.xml", mark)[0]
    assert hit.headers.get("If-None-Match") == first.etag and hit.status == 304


def test_robots_txt_is_read_once_per_site(web):
    mark = web.mark()
    f = fetcher()
    for story in HAND_WRITTEN:
        f.get(web.url(f"/berita/{story.slug}"))
    assert len(web.hits_of("/robots.txt", mark)) == 1


def test_same_host_requests_are_spaced(web):
    slept: list[float] = []
    now = [100.0]
    f = Fetcher(FetchSettings(host_delay=2.0, allow_private=True, timeout=1.0),
                sleep=lambda s: slept.append(s), clock=lambda: now[0])
    f.get(web.url(f"/berita/{FIRST.slug}"))  # robots.txt, then the page: one wait between them
    assert slept == [2.0]


def test_urls_are_checked_and_normalised():
    assert normalise_url("HTTP://Example.COM:80/a?b=1#frag") == "http://example.com/a?b=1"
    assert normalise_url("https://example.com") == "https://example.com/"
    for bad in ("ftp://example.com/x", "javascript:alert(1)", "example.com/berita", "http://"):
        with pytest.raises(FetchError):
            check_url(bad)


def test_settings_from_environment():
    settings = FetchSettings.from_env({"TANYA_FETCH_TIMEOUT": "2.5", "TANYA_FETCH_MAX_BYTES": "1000",
                                       "TANYA_FETCH_DELAY": "0", "TANYA_FETCH_ALLOW_PRIVATE": "1"})
    assert (settings.timeout, settings.max_bytes, settings.host_delay, settings.allow_private) == (2.5, 1000, 0.0, True)
    assert FetchSettings.from_env({}).allow_private is False
    with pytest.raises(ValueError):
        FetchSettings.from_env({"TANYA_FETCH_TIMEOUT": "lama"})


def test_the_connection_itself_is_checked_too(web):
    """Whatever a name resolved to when asked, the address actually connected to must be public
    (DNS rebinding): the connection refuses 127.0.0.1 on its own."""
    import urllib.error
    import urllib.request

    from index.fetch import PrivateAddress, _CheckedHTTPHandler

    opener = urllib.request.build_opener(_CheckedHTTPHandler())
    mark = web.mark()
    with pytest.raises(urllib.error.URLError) as caught:
        opener.open(web.url("/robots.txt"), timeout=1)
    assert isinstance(caught.value.reason, PrivateAddress)
    assert web.hits[mark:] == []  # refused before a request was sent
    assert urllib.request.build_opener().open(web.url("/robots.txt"), timeout=1).status == 200


def test_compressed_responses_are_unpacked_within_the_size_limit(web):
    import gzip

    page = web.url(f"/berita/{FIRST.slug}")
    plain = fetcher().get(page).body
    web.set("/gzip", Route(body=gzip.compress(plain), headers={"Content-Encoding": "gzip"}))
    assert fetcher().get(web.url("/gzip")).body == plain
    bomb = gzip.compress(b"a" * 3_000_000)  # a few kB that unpack into 3 MB
    web.set("/bom", Route(body=bomb, headers={"Content-Encoding": "gzip"}))
    assert len(bomb) < 10_000
    assert "terlalu besar" in reason(web, "/bom", max_bytes=1_000_000).reason
    web.set("/br", Route(body=b"xx", headers={"Content-Encoding": "br"}))
    assert "tidak didukung" in reason(web, "/br").reason


def _hops(count: int, last: Route) -> dict[str, Route]:
    """robots.txt redirected `count` times (/robots.txt → /r1 → … → /r<count>), /r<count> answering `last`."""
    names = ["/robots.txt"] + [f"/r{n}" for n in range(1, count + 1)]
    routes = {name: Route(status=302, headers={"Location": after}) for name, after in zip(names, names[1:])}
    routes[names[-1]] = last
    return routes


DISALLOW_ALL = Route(body=b"User-agent: *\nDisallow: /\n", content_type="text/plain")


@pytest.mark.parametrize(
    ("routes", "allowed"),
    [
        ({"/robots.txt": Route(status=404)}, True),  # missing: allow all
        ({"/robots.txt": Route(status=410)}, True),
        ({"/robots.txt": Route(status=503)}, False),  # unreachable: disallow all for now
        ({"/robots.txt": Route(status=302)}, False),  # a redirect without a target
        ({"/robots.txt": Route(status=302, headers={"Location": "ftp://x/robots.txt"})}, True),  # lost
        (_hops(5, DISALLOW_ALL), False),  # five redirects are followed
        (_hops(6, DISALLOW_ALL), True),  # more than five: missing
        (_hops(2, Route(status=404)), True),
        (_hops(2, Route(status=500)), False),
    ],
)
def test_robots_txt_answers_per_rfc_9309(routes, allowed):
    stub = WebStub().start()
    try:
        stub.set("/halaman", Route(body=b"<p>isi</p>"))
        for path, route in routes.items():
            stub.set(path, route)
        if allowed:
            assert fetcher().get(stub.url("/halaman")).status == 200
        else:
            assert "robots.txt" in reason(stub, "/halaman").reason
            assert stub.hits_of("/halaman") == []
    finally:
        stub.stop()
