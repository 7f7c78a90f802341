"""A fetched page → article fields → a Markdown file the corpus loader reads back the same way."""
from __future__ import annotations

import pytest

from index.load import discover, load_file
from index.web_article import NotAnArticle, WebArticle, extract, render_markdown, site_folder, slug
from index.web_corpus import WebCorpus
from tests.web_stub_server import HAND_WRITTEN, WIRE, article_html, no_article_html

BASE = "https://www.kabarsumatra.example"
STORY = HAND_WRITTEN[0]


def page(story=STORY, related=None, canonical=None) -> str:
    return article_html(BASE, story, related if related is not None else HAND_WRITTEN[1:], canonical).decode("utf-8")


def test_metadata_and_main_text_come_out_and_the_chrome_stays_out():
    article = extract(page(), f"{BASE}/berita/{STORY.slug}?utm_source=wa")
    assert article.title == STORY.title
    assert article.source == "Kabar Sumatra"
    assert article.author == "Rini Siregar"
    assert article.date == "2025-02-12"
    assert article.url == f"{BASE}/berita/{STORY.slug}"  # the canonical link, without the tracking query
    for paragraph in STORY.paragraphs[1:]:
        assert paragraph in article.text
    assert STORY.dateline + STORY.paragraphs[0] in article.text
    for chrome in ("Baca juga", "Bagikan", "Berita Terkait", "Hak cipta", "Beranda", "Cari berita", "Pedoman Media"):
        assert chrome not in article.text, chrome


def test_the_canonical_link_names_the_article_not_the_copy_fetched():
    amp = extract(page(canonical=f"{BASE}/berita/{STORY.slug}"), f"{BASE}/amp/{STORY.slug}")
    assert amp.url == f"{BASE}/berita/{STORY.slug}" and amp.fetched_url == f"{BASE}/amp/{STORY.slug}"


def test_a_page_without_an_article_is_refused():
    with pytest.raises(NotAnArticle, match="bukan artikel"):
        extract(no_article_html(BASE).decode(), f"{BASE}/indeks")
    with pytest.raises(NotAnArticle):
        extract("<html><body><p>Halaman tidak ditemukan.</p></body></html>", f"{BASE}/x")
    with pytest.raises(NotAnArticle):
        extract("", f"{BASE}/x")


def test_names_are_stable_and_readable():
    assert site_folder("https://www.kompas.com/x") == "kompas.com"
    assert site_folder("http://127.0.0.1:8765/x") == "127.0.0.1_8765"
    assert slug("https://kompas.com/read/2025/02/12/10300011/bendungan-lau-simeme-diisi") == "bendungan-lau-simeme-diisi"
    assert slug("https://detik.com/berita/d-7654321/gempa-guncang.html") == "gempa-guncang"
    assert slug("https://x.id/read.php?id=123") == "read-id-123"
    assert slug("https://x.id/2025/02/12/12345") == "2025-02-12-12345"
    assert slug("https://x.id/") == "artikel"
    assert slug("https://x.id/berita/Pengungsi%20Rohingya%20Tiba%20di%20Aceh") == "pengungsi-rohingya-tiba-di-aceh"


def test_the_file_reads_back_with_its_front_matter(tmp_path):
    article = extract(page(), f"{BASE}/berita/{STORY.slug}")
    web = WebCorpus(tmp_path)
    rel = web.save(article)
    assert rel == f"web/kabarsumatra.example/{STORY.slug}.md"
    [loaded], skipped = load_file(tmp_path, rel)
    assert not skipped
    assert (loaded.title, loaded.source, loaded.date, loaded.url, loaded.author) == (
        STORY.title, "Kabar Sumatra", "2025-02-12", f"{BASE}/berita/{STORY.slug}", "Rini Siregar")
    assert STORY.paragraphs[1] in loaded.text
    assert [f.rel for f in discover(tmp_path)] == [rel]


def test_front_matter_values_keep_their_quotes(tmp_path):
    article = WebArticle(url="https://x.id/kutipan", fetched_url="https://x.id/kutipan",
                         text="Isi artikel yang cukup panjang untuk dibaca.", title='"Kami Tidak Takut"')
    rel = WebCorpus(tmp_path).save(article)
    [loaded], _ = load_file(tmp_path, rel)
    assert loaded.title == '"Kami Tidak Takut"'


def test_no_article_overwrites_another(tmp_path):
    """Two URLs with the same last segment: the second gets the URL's hash, the first is untouched."""
    one = extract(page(), f"{BASE}/berita/{STORY.slug}")
    other_story = HAND_WRITTEN[1]
    two = extract(page(other_story, canonical=f"{BASE}/arsip/{STORY.slug}"), f"{BASE}/arsip/{STORY.slug}")
    web = WebCorpus(tmp_path)
    first = web.save(one)
    before = (tmp_path / first).read_bytes()
    second = web.save(two)
    assert first != second and second.startswith(f"web/kabarsumatra.example/{STORY.slug}-")
    assert (tmp_path / first).read_bytes() == before
    assert not list((tmp_path / "web").rglob(".*"))  # no temporary files left


def test_duplicates_by_url_and_by_text_are_found_after_a_rescan(tmp_path):
    article = extract(page(), f"{BASE}/berita/{STORY.slug}")
    rel = WebCorpus(tmp_path).save(article)
    web = WebCorpus(tmp_path)  # a later run: it only knows what is on disk
    assert web.known_url(f"{BASE.upper().replace('HTTPS', 'https')}/berita/{STORY.slug}#komentar") == rel
    # the same page under a URL that names no canonical link: same text
    same_text = extract(page(canonical="about:blank"), f"{BASE}/cetak/{STORY.slug}")
    found = web.find(same_text)
    assert found is not None and found.rel == rel and found.why == "teks yang sama"
    # a wire story run by two outlets is not the same text: each outlet's copy is its own file
    a = extract(article_html(BASE, WIRE[0], []).decode(), f"{BASE}/berita/{WIRE[0].slug}")
    b = extract(article_html("https://wartabali.example", WIRE[1], []).decode(), f"https://wartabali.example/berita/{WIRE[1].slug}")
    web.save(a)
    assert web.find(b) is None


def test_markdown_rendering_marks_where_it_came_from():
    article = WebArticle(url="https://x.id/a", fetched_url="https://x.id/amp/a", text="Teks.", title="Judul",
                         source="X", date="2025-01-02")
    text = render_markdown(article)
    assert text.startswith("---\ntitle: Judul\nsource: X\ndate: 2025-01-02\nurl: https://x.id/a\nfetched_from: https://x.id/amp/a\nfetched: ")
    assert text.endswith("---\n\n# Judul\n\nTeks.\n")


def test_indosum_pages_keep_their_text_and_lose_their_chrome():
    """Fifty real IndoSum articles served in site chrome: every sentence-shaped paragraph of the
    article survives extraction and cleaning verbatim, the chrome does not."""
    from tests.conftest import require_dataset
    from tests.web_stub_server import indosum_stories

    require_dataset("indosum", "articles.jsonl")
    stories = indosum_stories(50)
    assert len(stories) == 50
    lost: list[str] = []
    for i, story in enumerate(stories):
        article = extract(article_html(BASE, story, stories[i + 1:i + 3]).decode(), f"{BASE}/berita/{story.slug}")
        assert article.title == story.title and article.date == story.date
        assert article.source.casefold() == story.site.casefold()  # trafilatura capitalises "kumparan"
        for paragraph in story.paragraphs:
            if paragraph.lower().startswith(("baca juga", "sumber:")) or paragraph.rstrip()[-1:] not in ".!?\"”":
                continue  # links and credit lines are dropped from files too
            if " ".join(paragraph.split()) not in " ".join(article.text.split()):
                lost.append(f"{story.slug}: {paragraph[:80]}")
        for chrome in ("Baca juga", "Bagikan", "Berita Terkait", "Hak cipta", "Cari berita"):
            assert chrome not in article.text, (story.slug, chrome)
    assert lost == []
