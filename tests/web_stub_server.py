"""A stand-in news web on 127.0.0.1: article pages with real site chrome, feeds, a sitemap, and the
ways fetching goes wrong.

No internet exists where the tests run, so this server plays the news sites. Article pages carry
what real Indonesian news pages carry around the text: a menu, breadcrumbs, a share bar, "Baca
juga" links between paragraphs, a related-stories list, a footer, OpenGraph tags, a canonical link
and JSON-LD `NewsArticle` metadata. Pages are built at start from a few hand-written articles
(always) and, when asked, from IndoSum texts in ../shared/datasets.

The bad cases: a 404, a 500, a redirect loop, a response slower than any sane timeout, a 20 MB
page (with and without Content-Length), a PDF, a page with no article text, a path robots.txt
disallows, and a feed with broken XML. Feeds answer conditional requests (ETag, Last-Modified)
with 304, and every request is recorded so tests can tell what was downloaded.

By hand: `python -m tests.web_stub_server --port 8765 [--indosum 20]` prints the URLs it serves;
`curl -X POST http://127.0.0.1:8765/_uji/terbitkan` then publishes a new story into the feeds.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.loopback import close, serve

INDOSUM = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "indosum" / "articles.jsonl"
SLOW_SECONDS = 4.0
HUGE_BYTES = 20 * 1024 * 1024


@dataclass
class Route:
    """What one path answers."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    validators: bool = False  # send ETag / Last-Modified and answer conditional requests with 304
    stream_bytes: int = 0  # send this many filler bytes instead of `body`
    declare_length: bool = True
    modified: str = ""  # Last-Modified, set when the route is installed
    cut_at: int = 0  # declare the whole body, send this many bytes, hang up


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int


class WebStub:
    """Start with `start()`; `url(path)` gives the full URL of a path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.actions: dict[str, Any] = {}  # POST path → callable returning a message (for trying by hand)
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def start(self, port: int = 0) -> "WebStub":
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                stub._handle(self)

            def do_POST(self) -> None:
                action = stub.actions.get(urlsplit(self.path).path)
                message = action() if action else None
                stub._send(self, 200 if action else 404, (message or "tidak ada").encode() + b"\n",
                           content_type="text/plain; charset=utf-8")

        self._server = serve(Handler, port)
        return self

    def stop(self) -> None:
        close(self._server)

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def set(self, path: str, route: Route) -> None:
        route.modified = route.modified or formatdate(time.time(), usegmt=True)
        with self._lock:
            self.routes[path] = route

    def hits_of(self, path: str, since: int = 0) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits[since:] if h.path == path]

    def mark(self) -> int:
        with self._lock:
            return len(self.hits)

    # -- serving ---------------------------------------------------------------------------------
    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        path = urlsplit(request.path).path
        with self._lock:
            route = self.routes.get(path)
        status = route.status if route else 404
        etag = f'"{hashlib.sha1(route.body).hexdigest()[:16]}"' if route and route.validators else None
        if etag:  # If-None-Match wins over If-Modified-Since when both are sent (RFC 9110)
            if_none_match = request.headers.get("If-None-Match")
            if (if_none_match == etag if if_none_match is not None
                    else request.headers.get("If-Modified-Since") == route.modified):
                status = 304
        with self._lock:
            self.hits.append(Hit(path, dict(request.headers.items()), status))
        if route is None:
            return self._send(request, 404, b"<html><body><h1>404</h1><p>Halaman tidak ditemukan.</p></body></html>")
        if route.delay:
            time.sleep(route.delay)
        headers = dict(route.headers)
        if etag:
            headers.update({"ETag": etag, "Last-Modified": route.modified})
        if status == 304:
            return self._send(request, 304, b"", headers=headers, content_type=None)
        if route.stream_bytes:
            return self._stream(request, route)
        if route.cut_at:
            request.close_connection = True
            return self._send(request, status, route.body, headers=headers, content_type=route.content_type,
                              send_only=route.cut_at)
        return self._send(request, status, route.body, headers=headers, content_type=route.content_type)

    @staticmethod
    def _send(request: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict | None = None,
              content_type: str | None = "text/html; charset=utf-8", send_only: int | None = None) -> None:
        try:
            request.send_response(status)
            if content_type:
                request.send_header("Content-Type", content_type)
            for key, value in (headers or {}).items():
                request.send_header(key, value)
            request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            if body:
                request.wfile.write(body[:send_only])
        except (BrokenPipeError, ConnectionResetError):
            pass

    @staticmethod
    def _stream(request: BaseHTTPRequestHandler, route: Route) -> None:
        chunk = (b"<p>" + b"isi halaman sangat panjang " * 40 + b"</p>\n") * 64
        try:
            request.send_response(200)
            request.send_header("Content-Type", route.content_type)
            if route.declare_length:
                request.send_header("Content-Length", str(route.stream_bytes))
            else:
                request.send_header("Connection", "close")
                request.close_connection = True
            request.end_headers()
            request.wfile.write(b"<html><body>")
            sent = 12
            while sent < route.stream_bytes:
                piece = chunk[: route.stream_bytes - sent]
                request.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass


# --------------------------------------------------------------------------------------------------
# Articles


@dataclass
class Story:
    slug: str
    title: str
    site: str  # publisher name as the site shows it
    author: str
    date: str  # ISO date
    section: str
    paragraphs: list[str]
    dateline: str = ""  # opens the first paragraph, e.g. "Jakarta (ANTARA) - "


HAND_WRITTEN = [
    Story(
        slug="bendungan-lau-simeme-mulai-diisi-air",
        title="Bendungan Lau Simeme Mulai Diisi Air",
        site="Kabar Sumatra",
        author="Rini Siregar",
        date="2025-02-12",
        section="Regional",
        dateline="Medan, Kabar Sumatra - ",
        paragraphs=[
            "Kementerian Pekerjaan Umum mulai mengisi Bendungan Lau Simeme di Kabupaten Deli Serdang, "
            "Sumatera Utara, pada Rabu (12/2/2025).",
            "Bendungan Lau Simeme dibangun dengan biaya Rp 1,6 triliun dan mampu menampung 17 juta meter "
            "kubik air untuk mengairi 3.000 hektare sawah di sekitarnya.",
            "Kepala Balai Wilayah Sungai Sumatera II, Dedi Yudha Lesmana, mengatakan pengisian awal "
            "diperkirakan berlangsung selama enam bulan sebelum bendungan beroperasi penuh.",
            "Selain untuk irigasi, bendungan itu juga akan memasok air baku bagi Kota Medan dan "
            "mengurangi banjir di wilayah hilir Sungai Percut.",
        ],
    ),
    Story(
        slug="festival-layang-layang-sanur-diikuti-800-peserta",
        title="Festival Layang-layang Sanur Diikuti 800 Peserta",
        site="Warta Bali",
        author="Made Arsana",
        date="2025-07-20",
        section="Budaya",
        dateline="Denpasar, Warta Bali - ",
        paragraphs=[
            "Festival Layang-layang Internasional di Pantai Padang Galak, Sanur, diikuti 800 peserta dari "
            "sembilan negara pada Minggu (20/7/2025).",
            "Ketua panitia, I Wayan Sudarma, mengatakan layang-layang tradisional Bali jenis janggan "
            "menjadi yang paling banyak dilombakan tahun ini.",
            "Layang-layang janggan terbesar dalam festival itu memiliki ekor sepanjang 250 meter dan "
            "diterbangkan oleh 70 orang dari Banjar Tegal.",
            "Festival tersebut digelar setiap tahun menjelang musim angin timur dan menarik ribuan wisatawan.",
        ],
    ),
    Story(
        slug="kereta-cepat-jakarta-surabaya-mulai-dikaji",
        title="Kajian Kereta Cepat Jakarta-Surabaya Dimulai",
        site="Kabar Ekonomi",
        author="Dimas Pratama",
        date="2025-03-05",
        section="Ekonomi",
        dateline="Jakarta, Kabar Ekonomi - ",
        paragraphs=[
            "Kementerian Perhubungan memulai kajian kelayakan kereta cepat Jakarta-Surabaya pada Rabu (5/3/2025).",
            "Direktur Jenderal Perkeretaapian, Risal Wasal, mengatakan kajian itu ditargetkan selesai dalam "
            "18 bulan dan akan menentukan jalur yang paling ekonomis.",
            "Kereta cepat tersebut direncanakan menempuh jarak 720 kilometer dalam waktu sekitar empat jam.",
            "Pemerintah membuka peluang kerja sama dengan investor swasta untuk membiayai proyek tersebut.",
        ],
    ),
]

# One wire story as two outlets run it: the same text, each with its own dateline and chrome.
WIRE_PARAGRAPHS = [
    "Badan Meteorologi, Klimatologi, dan Geofisika mencatat gempa bermagnitudo 5,8 mengguncang "
    "Kabupaten Pangandaran, Jawa Barat, pada Kamis pagi pukul 06.12 WIB.",
    "Kepala Pusat Gempa BMKG, Daryono, mengatakan pusat gempa berada di laut pada kedalaman 12 "
    "kilometer dan tidak berpotensi tsunami.",
    "Guncangan gempa dirasakan hingga Kota Tasikmalaya dan Kabupaten Cilacap, namun belum ada laporan "
    "kerusakan bangunan.",
]
WIRE = [
    Story(slug="gempa-pangandaran-tidak-berpotensi-tsunami", title="Gempa M5,8 Guncang Pangandaran, Tidak Berpotensi Tsunami",
          site="Kabar Sumatra", author="Antara", date="2025-04-10", section="Nasional",
          dateline="Jakarta (ANTARA) - ", paragraphs=WIRE_PARAGRAPHS),
    Story(slug="bmkg-gempa-magnitudo-58-di-pangandaran", title="BMKG: Gempa Magnitudo 5,8 di Pangandaran",
          site="Warta Bali", author="Antara", date="2025-04-10", section="Nasional",
          dateline="Bandung (ANTARA) - ", paragraphs=WIRE_PARAGRAPHS),
]


def article_html(base: str, story: Story, related: list[Story], canonical: str | None = None) -> bytes:
    """A news page as sites make them: chrome all around the text, metadata in the head."""
    url = canonical or f"{base}/berita/{story.slug}"
    e = html.escape
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": f"{story.date}T08:30:00+07:00",
        "author": {"@type": "Person", "name": story.author},
        "publisher": {"@type": "Organization", "name": story.site},
        "mainEntityOfPage": url,
    }
    paragraphs = [story.dateline + story.paragraphs[0], *story.paragraphs[1:]]
    body: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        body.append(f"<p>{e(paragraph)}</p>")
        if i == 1 and related:
            other = related[0]
            body.append(f'<p><strong>Baca juga: <a href="{base}/berita/{other.slug}">{e(other.title)}</a></strong></p>')
    menu = "".join(f'<li><a href="{base}/kanal/{name.lower()}">{name}</a></li>'
                   for name in ("Beranda", "Nasional", "Regional", "Ekonomi", "Olahraga", "Budaya", "Indeks"))
    related_list = "".join(f'<li><a href="{base}/berita/{r.slug}">{e(r.title)}</a></li>' for r in related)
    page = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{e(story.title)} - {e(story.site)}</title>
<meta name="description" content="{e(story.paragraphs[0][:150])}">
<meta name="author" content="{e(story.author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(story.title)}">
<meta property="og:site_name" content="{e(story.site)}">
<meta property="og:url" content="{e(url)}">
<meta property="article:published_time" content="{story.date}T08:30:00+07:00">
<link rel="canonical" href="{e(url)}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head>
<body>
<header class="site-header">
  <div class="logo"><a href="{base}/">{e(story.site)}</a></div>
  <nav class="menu"><ul>{menu}</ul></nav>
  <form class="search"><input type="text" name="q" placeholder="Cari berita..."></form>
</header>
<div class="breadcrumb"><a href="{base}/">Beranda</a> › <a href="{base}/kanal/{story.section.lower()}">{e(story.section)}</a></div>
<main>
<article class="post">
  <h1 class="post-title">{e(story.title)}</h1>
  <div class="post-meta"><span class="author">Penulis: {e(story.author)}</span>
  <time datetime="{story.date}T08:30:00+07:00">{story.date}</time></div>
  <div class="share-bar">Bagikan: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Salin tautan</a></div>
  <figure><img src="{base}/foto/{story.slug}.jpg" alt=""><figcaption>Ilustrasi. (Foto: Dok. {e(story.site)})</figcaption></figure>
  <div class="post-content">
  {"".join(body)}
  </div>
  <div class="tags">Tag: <a href="#">{e(story.section)}</a> <a href="#">Indonesia</a></div>
</article>
<aside class="related"><h3>Berita Terkait</h3><ul>{related_list}</ul></aside>
</main>
<footer><p>&copy; 2025 {e(story.site)}. Hak cipta dilindungi undang-undang.</p>
<ul><li><a href="#">Tentang Kami</a></li><li><a href="#">Redaksi</a></li><li><a href="#">Pedoman Media Siber</a></li></ul></footer>
</body>
</html>"""
    return page.encode("utf-8")


def no_article_html(base: str) -> bytes:
    """An index page: menus and headline links, no article of its own."""
    links = "".join(f'<li><a href="{base}/berita/{s.slug}">{html.escape(s.title)}</a></li>' for s in HAND_WRITTEN)
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Indeks Berita</title></head>
<body><nav><ul><li><a href="{base}/">Beranda</a></li><li><a href="{base}/kanal/nasional">Nasional</a></li></ul></nav>
<h2>Berita Terpopuler</h2><ul>{links}</ul><footer>&copy; 2025 Kabar</footer></body></html>""".encode()


def rss_xml(base: str, stories: list[Story], title: str = "Kabar Terkini") -> bytes:
    items = "".join(
        f"<item><title>{html.escape(s.title)}</title><link>{base}/berita/{s.slug}</link>"
        f"<guid isPermaLink=\"true\">{base}/berita/{s.slug}</guid>"
        f"<pubDate>{formatdate(time.mktime(time.strptime(s.date, '%Y-%m-%d')), usegmt=True)}</pubDate>"
        f"<description>{html.escape(s.paragraphs[0][:120])}</description></item>"
        for s in stories
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f"<link>{base}/</link><description>Berita terbaru</description>{items}</channel></rss>").encode()


def atom_xml(base: str, stories: list[Story]) -> bytes:
    entries = "".join(
        f"<entry><title>{html.escape(s.title)}</title><link rel=\"alternate\" href=\"{base}/berita/{s.slug}\"/>"
        f"<id>tag:kabar,{s.date}:{s.slug}</id><updated>{s.date}T08:30:00+07:00</updated></entry>"
        for s in stories
    )
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Kabar</title><id>{base}/atom.xml</id><updated>2025-07-20T00:00:00Z</updated>"
            f'<link rel="self" href="{base}/atom.xml"/>{entries}</feed>').encode()


def sitemap_xml(base: str, stories: list[Story]) -> bytes:
    urls = "".join(f"<url><loc>{base}/berita/{s.slug}</loc><lastmod>{s.date}</lastmod></url>" for s in stories)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode()


def indosum_stories(count: int, skip: int = 0) -> list[Story]:
    """Stories from the first `count` usable IndoSum articles (after `skip`); [] if absent."""
    if count <= 0 or not INDOSUM.exists():
        return []
    stories: list[Story] = []
    with INDOSUM.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n < skip:
                continue
            item = json.loads(line)
            paragraphs = [p.strip() for p in item["text"].split("\n\n") if p.strip()]  # "Baca juga" lines kept
            if len(paragraphs) < 3:
                continue
            slug = item["id"].split("-", 2)[-1][:60].strip("-")
            stories.append(Story(slug=slug, title=item["title"].capitalize(), site=item.get("source") or "Berita",
                                 author="Redaksi", date=item.get("date") or "2017-03-28",
                                 section=(item.get("category") or "Berita").title(), paragraphs=paragraphs))
            if len(stories) >= count:
                break
    return stories


def install_site(stub: WebStub, stories: list[Story]) -> None:
    """Every page, feed and bad case at its path (see the module docstring)."""
    base = stub.base_url
    everything = stories + [s for s in WIRE if s not in stories]
    for i, story in enumerate(everything):
        related = [s for s in everything if s is not story][i % 2: i % 2 + 3]
        stub.set(f"/berita/{story.slug}", Route(body=article_html(base, story, related)))
    first = stories[0]
    # The AMP copy of the first story names the story page as canonical: the same article.
    stub.set(f"/amp/{first.slug}", Route(body=article_html(base, first, [], canonical=f"{base}/berita/{first.slug}")))
    stub.set("/rahasia/dokumen-internal", Route(body=article_html(base, first, [])))
    stub.set("/robots.txt", Route(body=b"User-agent: *\nDisallow: /rahasia/\n", content_type="text/plain"))
    stub.set("/rss.xml", Route(body=rss_xml(base, stories), content_type="application/rss+xml", validators=True))
    stub.set("/atom.xml", Route(body=atom_xml(base, stories), content_type="application/atom+xml", validators=True))
    stub.set("/sitemap.xml", Route(body=sitemap_xml(base, stories), content_type="application/xml", validators=True))
    stub.set("/feed-rusak.xml", Route(body=b'<?xml version="1.0"?><rss><channel><item><title>Putus',
                                      content_type="application/rss+xml"))
    stub.set("/galat", Route(status=500, body=b"<h1>Internal Server Error</h1>"))
    stub.set("/putar-a", Route(status=302, headers={"Location": "/putar-b"}))
    stub.set("/putar-b", Route(status=302, headers={"Location": "/putar-a"}))
    stub.set("/lambat", Route(body=article_html(base, first, []), delay=SLOW_SECONDS))
    stub.set("/raksasa", Route(stream_bytes=HUGE_BYTES))
    stub.set("/raksasa-tanpa-panjang", Route(stream_bytes=HUGE_BYTES, declare_length=False))
    stub.set("/laporan.pdf", Route(body=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", content_type="application/pdf"))
    stub.set("/indeks", Route(body=no_article_html(base)))
    stub.set("/pindah", Route(status=301, headers={"Location": f"/berita/{first.slug}"}))
    stub.set("/terputus", Route(body=article_html(base, first, []), cut_at=1000))


def publish(stub: WebStub, feed_stories: list[Story], story: Story) -> None:
    """A new story appears: its page, and at the top of the RSS and Atom feeds and the sitemap."""
    base = stub.base_url
    stub.set(f"/berita/{story.slug}", Route(body=article_html(base, story, feed_stories[:2])))
    feed_stories.insert(0, story)
    stub.set("/rss.xml", Route(body=rss_xml(base, feed_stories), content_type="application/rss+xml", validators=True))
    stub.set("/atom.xml", Route(body=atom_xml(base, feed_stories), content_type="application/atom+xml", validators=True))
    stub.set("/sitemap.xml", Route(body=sitemap_xml(base, feed_stories), content_type="application/xml", validators=True))


NEWS = [
    Story(
        slug="jembatan-gantung-desa-sungai-ampar-rampung",
        title="Jembatan Gantung Desa Sungai Ampar Rampung Dibangun",
        site="Kabar Kalimantan",
        author="Yohanes Lekas",
        date="2025-08-02",
        section="Regional",
        dateline="Pontianak, Kabar Kalimantan - ",
        paragraphs=[
            "Jembatan gantung sepanjang 120 meter yang menghubungkan Desa Sungai Ampar dengan pusat kecamatan "
            "di Kabupaten Kubu Raya, Kalimantan Barat, rampung dibangun pada Sabtu (2/8/2025).",
            "Kepala desa setempat, Markus Ujang, mengatakan warga sebelumnya harus menyeberang dengan perahu "
            "kecil selama 40 menit untuk mencapai sekolah dan puskesmas.",
            "Jembatan itu dibangun dengan dana Rp 4,2 miliar dari anggaran provinsi dan dikerjakan selama "
            "tujuh bulan oleh warga bersama dinas pekerjaan umum.",
        ],
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--indosum", type=int, default=0, help="also serve this many IndoSum articles")
    args = parser.parse_args()
    stub = WebStub().start(args.port)
    stories = HAND_WRITTEN + indosum_stories(args.indosum)
    install_site(stub, stories)
    waiting = list(NEWS)

    def publish_next() -> str:
        if not waiting:
            return "tidak ada berita baru lagi"
        story = waiting.pop(0)
        publish(stub, stories, story)
        return f"terbit: {stub.url('/berita/' + story.slug)}"

    stub.actions["/_uji/terbitkan"] = publish_next
    for path in sorted(stub.routes):
        print(stub.url(path))
    print(f"curl -X POST {stub.url('/_uji/terbitkan')}  # menerbitkan berita baru ke RSS, Atom dan sitemap")
    print(f"Melayani {stub.base_url} (Ctrl-C untuk berhenti)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        stub.stop()


if __name__ == "__main__":
    main()
