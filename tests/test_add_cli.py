"""End to end: the real `tanya add` / `tanya feeds` / `tanya ask` processes against the stand-in news
web on 127.0.0.1 (issue 11's acceptance list)."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

from index.load import load_file
from tests.conftest import ROOT, TANYA, require_dataset
from tests.web_stub_server import HAND_WRITTEN, NEWS, WIRE, WebStub, indosum_stories, install_site, publish

FETCH_ENV = {"TANYA_FETCH_ALLOW_PRIVATE": "1", "TANYA_FETCH_TIMEOUT": "1", "TANYA_FETCH_DELAY": "0"}


def tanya(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("TANYA_")}
    return subprocess.run([*TANYA, *args], capture_output=True, text=True, timeout=120, cwd=cwd or ROOT,
                          env={**base, "PYTHONPATH": str(ROOT), **FETCH_ENV, **(env or {})})


def story_url(web: WebStub, story) -> str:
    return web.url(f"/berita/{story.slug}")


def test_add_three_links_then_ask_then_add_again(web, corpus, tmp_path):
    db = tmp_path / "tanya.db"
    urls = [story_url(web, s) for s in HAND_WRITTEN]
    added = tanya("add", *urls, "--corpus", str(corpus), "--db", str(db))
    assert added.returncode == 0, added.stdout + added.stderr
    assert "Ditambahkan (3)" in added.stdout
    files = sorted((corpus / "web").rglob("*.md"))
    assert len(files) == 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        front = text.split("---")[1]
        for field in ("title:", "source:", "date:", "url:"):
            assert f"\n{field} " in front, (field, front)
        [article], _ = load_file(corpus, path.relative_to(corpus).as_posix())
        assert article.url in urls and article.title and article.source and article.date
        assert "Baca juga" not in text and "Bagikan" not in text
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5 + 3

    answer = tanya("ask", "berapa biaya pembangunan Bendungan Lau Simeme?", "--db", str(db))
    assert answer.returncode == 0
    assert "Rp 1,6 triliun" in answer.stdout
    assert "Bendungan Lau Simeme dibangun dengan biaya Rp 1,6 triliun" in answer.stdout
    assert f"Kabar Sumatra, “{HAND_WRITTEN[0].title}”, 2025-02-12, {urls[0]}" in answer.stdout

    before = {p: p.read_bytes() for p in files}
    again = tanya("add", urls[0], web.url(f"/amp/{HAND_WRITTEN[0].slug}"), "--corpus", str(corpus), "--db", str(db))
    assert again.returncode == 0
    assert "Sudah ada, tidak ditambahkan (2)" in again.stdout and "Ditambahkan" not in again.stdout
    assert "Tidak ada artikel baru" in again.stdout
    assert {p: p.read_bytes() for p in sorted((corpus / "web").rglob("*.md"))} == before


def test_every_bad_case_is_reported_and_the_rest_still_added(web, tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    bad = {
        "/hilang": "HTTP 404",
        "/galat": "HTTP 500",
        "/putar-a": "pengalihan berputar",
        "/lambat": "waktu habis",
        "/raksasa": "terlalu besar",
        "/laporan.pdf": "bukan halaman HTML (application/pdf)",
        "/indeks": "bukan artikel",
        "/rahasia/dokumen-internal": "robots.txt",
    }
    good = [story_url(web, HAND_WRITTEN[1]), story_url(web, HAND_WRITTEN[2])]
    urls = [web.url("/hilang"), good[0], *[web.url(p) for p in list(bad)[1:]], good[1], "bukan-url"]
    result = tanya("add", *urls, "--corpus", str(corpus), "--db", str(db))
    assert result.returncode == 1
    out = result.stdout
    assert "Ditambahkan (2)" in out and "Gagal (9)" in out
    for path, reason in bad.items():
        block = out.split(web.url(path) + "\n", 1)[1].split("\n", 1)[0]
        assert reason in block, (path, block)
    assert "bukan URL http(s)" in out
    assert len(list((corpus / "web").rglob("*.md"))) == 2
    with sqlite3.connect(db) as conn:
        assert {row[0] for row in conn.execute("SELECT url FROM articles")} == set(good)


def test_feeds_add_poll_twice_then_a_new_entry(web, tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    env = {"TANYA_CORPUS": str(corpus), "TANYA_DB": str(db)}  # the environment variables work too
    added = tanya("feeds", "add", web.url("/rss.xml"), env=env, cwd=tmp_path)
    assert added.returncode == 0 and "Feed diikuti" in added.stdout, added.stderr
    broken = tanya("feeds", "add", web.url("/feed-rusak.xml"), env=env, cwd=tmp_path)
    assert broken.returncode == 1 and "XML feed rusak" in broken.stderr

    first = tanya("feeds", "poll", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert f"Ditambahkan ({len(HAND_WRITTEN)})" in first.stdout
    mark = web.mark()
    second = tanya("feeds", "poll", env=env, cwd=tmp_path)
    assert second.returncode == 0 and "tidak berubah (304" in second.stdout
    assert "Tidak ada entri baru" in second.stdout
    assert [h.status for h in web.hits[mark:] if h.path != "/robots.txt"] == [304]

    extra = NEWS[0]
    publish(web, list(HAND_WRITTEN), extra)
    try:
        third = tanya("feeds", "poll", "--corpus", str(corpus), "--db", str(db), cwd=tmp_path)
        assert third.returncode == 0 and "Ditambahkan (1)" in third.stdout and extra.slug in third.stdout
    finally:
        install_site(web, HAND_WRITTEN)  # the module's other tests see the site as it was
    listed = tanya("feeds", "list", env=env, cwd=tmp_path)
    assert web.url("/rss.xml") in listed.stdout and f"entri tercatat: {len(HAND_WRITTEN) + 1}" in listed.stdout
    removed = tanya("feeds", "remove", web.url("/rss.xml"), env=env, cwd=tmp_path)
    assert removed.returncode == 0
    assert "Belum ada feed" in tanya("feeds", "list", env=env, cwd=tmp_path).stdout
    assert len(list((corpus / "web").rglob("*.md"))) == len(HAND_WRITTEN) + 1


def test_a_wire_story_on_two_sites_is_stored_twice_and_quoted_once(web, tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
    corpus.mkdir()
    result = tanya("add", *[story_url(web, s) for s in WIRE], "--corpus", str(corpus), "--db", str(db))
    assert "Ditambahkan (2)" in result.stdout, result.stdout
    sentence = "mengatakan pusat gempa berada di laut pada kedalaman 12 kilometer"
    with sqlite3.connect(db) as conn:
        holders = conn.execute("SELECT count(DISTINCT article_id) FROM passages WHERE text LIKE ?", (f"%{sentence}%",)).fetchone()[0]
    assert holders == 2
    answer = json.loads(tanya("ask", "--json", "berapa kedalaman pusat gempa Pangandaran?", "--db", str(db)).stdout)
    assert "12 kilometer" in answer["answer"]
    quotes = [p["quote"] for p in answer["passages"]]
    assert sum(sentence in q for q in quotes) == 1, quotes


def test_indosum_articles_added_by_link_are_answerable(tmp_path):
    require_dataset("indosum", "articles.jsonl")
    stories = indosum_stories(3)
    stub = WebStub().start()
    try:
        install_site(stub, stories)
        corpus, db = tmp_path / "corpus", tmp_path / "tanya.db"
        corpus.mkdir()
        result = tanya("add", *[story_url(stub, s) for s in stories], "--corpus", str(corpus), "--db", str(db))
        assert result.returncode == 0 and "Ditambahkan (3)" in result.stdout, result.stdout
        answer = tanya("ask", "siapa yang menyesalkan kisruh antara transportasi online dan tradisional?", "--db", str(db))
        assert "Zulkifli" in answer.stdout
        assert story_url(stub, stories[0]) in answer.stdout
        # IndoSum's own "Baca juga" line in the first story's text, and the one the page adds, are
        # dropped by the same cleaning corpus files get
        assert "Baca juga" in stories[0].paragraphs[3]
        texts = [p.read_text(encoding="utf-8") for p in (corpus / "web").rglob("*.md")]
        assert len(texts) == 3 and not any("Baca juga" in t for t in texts)
        assert any("Setya Novanto" not in t and "Zulkifli menilai aturan" in t for t in texts)
    finally:
        stub.stop()
