"""Separate an article's own text from the page around it, and read what the text states about itself.

Pages arrive as raw web text: navigation, "Baca Juga" links, share buttons, author bios and repeated
photo captions sit between the paragraphs. We never rewrite the text; we only decide which runs of it
are paragraphs, headings or captions (`Block`, offsets into the original), and collect the metadata
the text itself states (title, publisher, date, author, editor). Rules are about the *shape* of a
line and its position, not about particular sites, so an unseen site's chrome is caught too.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field

from index.article import Block

# --------------------------------------------------------------------------------------------------
# Normalised view (detection only; the original text is never changed)

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WS_RE = re.compile(r"\s+")


def _norm(s: str) -> str:
    """NFKC, NBSP → space, zero-width removed, whitespace collapsed."""
    if not s.isascii():
        s = unicodedata.normalize("NFKC", _ZERO_WIDTH_RE.sub("", s))
    return _WS_RE.sub(" ", s).strip()


def _is_trim(ch: str) -> bool:
    return ch.isspace() or ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad"


# --------------------------------------------------------------------------------------------------
# Dates

WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "pebruari": 2, "feb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
}
_WD = r"(?P<wd>senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = "(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:\s*(?:[,|\-–]|pukul|jam)?\s*(?:pukul\s*)?(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?::\d{2})?\s*(?:WIB|WITA|WIT|GMT(?:\s*[+-]\s*\d+)?)?)?"
_TEXT_DATE = rf"(?:{_WD}\s*,?\s*)?(?P<d>\d{{1,2}})\s+{_MONTH}\s+(?P<y>\d{{4}}){_TIME}"
_TEXT_DATE_RE = re.compile(_TEXT_DATE, re.I)
_NUM_DATE_RE = re.compile(
    r"(?:" + _WD + r"\s*,?\s*)?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})" + _TIME, re.I
)
_ISO_DATE_RE = re.compile(
    r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?:[T ](?P<hh>\d{1,2}):(?P<mm>\d{2}))?"
)
_DATE_LINE_PREFIX = r"(?:(?:diterbitkan|dipublikasikan|terbit|diperbarui|diunggah|dimuat|published|updated|posted|tanggal)\s*:?\s*(?:pada\s*)?)?"
_DATE_LINE_RE = re.compile(
    rf"^{_DATE_LINE_PREFIX}(?:{_TEXT_DATE}|(?P<num>\d{{1,2}}/\d{{1,2}}/\d{{4}}(?:\s*,?\s*\d{{1,2}}[:.]\d{{2}})?(?:\s*WIB)?))\s*$",
    re.I,
)
# "Rabu (12/6)", "Sabtu (14/9/2024)", "Senin (27 / 3)"
_WEEKDAY_PAREN_RE = re.compile(
    _WD + r"\s*\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{2,4}))?\s*\)", re.I
)
_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_RANGE_END_RE = re.compile(r"(?<=(?:19|20)\d\d)\s*[-–—]\s*(?:19|20)\d\d(?!\d)")  # "periode 2005-2010": "-2010"
YEAR_WINDOW = 3  # how far past the latest year mentioned we look for a weekday/day/month match


def _iso(y: int, m: int, d: int, hh: str | None = None, mm: str | None = None) -> str | None:
    try:
        day = _dt.date(y, m, d)
    except ValueError:
        return None
    if hh is not None and mm is not None and int(hh) < 24 and int(mm) < 60:
        return f"{day.isoformat()}T{int(hh):02d}:{int(mm):02d}"
    return day.isoformat()


def _from_match(m: re.Match) -> str | None:
    gd = m.groupdict()
    month = MONTHS.get(gd["mon"].lower().rstrip(".")) if gd.get("mon") else int(gd["m"])
    if not month:
        return None
    return _iso(int(gd["y"]), month, int(gd["d"]), gd.get("hh"), gd.get("mm"))


def normalise_date(value: str | None) -> str | None:
    """Any date the corpus or operator writes → ISO 'YYYY-MM-DD' (or with 'THH:MM'); None if unreadable."""
    if not value:
        return None
    s = _norm(str(value))
    m = _ISO_DATE_RE.match(s)
    if m:
        return _from_match(m)
    for regex in (_TEXT_DATE_RE, _NUM_DATE_RE):
        m = regex.search(s)
        if m:
            return _from_match(m)
    return None


def resolve_weekday_date(weekday: int, day: int, month: int, text: str) -> str | None:
    """A dateline like "Rabu (12/6)" has no year: take the first year ≥ the latest year the text
    mentions on which that day falls on that weekday; None when the text gives no year to go by.
    The end of a span ("periode 2005-2010") is left out: a term of office runs past its news."""
    years = [int(y) for y in _YEAR_RE.findall(_RANGE_END_RE.sub("", text))]
    if not years:
        return None
    latest = max(years)
    for year in range(latest, latest + YEAR_WINDOW + 1):
        try:
            candidate = _dt.date(year, month, day)
        except ValueError:
            continue  # 29 February in a common year, or no such day at all
        if candidate.weekday() == weekday:
            return candidate.isoformat()
    return None


def _weekday_paren_date(m: re.Match, full_text: str) -> str | None:
    d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
    if y:
        year = int(y) + (2000 if len(y) == 2 else 0)
        return _iso(year, mo, d)
    wd = WEEKDAYS[m.group("wd").lower().replace("'", "")]
    return resolve_weekday_date(wd, d, mo, full_text)


# --------------------------------------------------------------------------------------------------
# Line shapes

# Sentence end, allowing closing quotes and a trailing reporter code: ". (ant)", ". [ab/uh]", ".***"
_END_PUNCT_RE = re.compile(r"[.!?…](?:[\s\"'”’»)\]*])*(?:[(\[][^()\[\]]{1,30}[)\]])?$")
_INNER_SENTENCE_RE = re.compile(r"[.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")
_QUOTE_OPEN = "\"“'‘«"
_HEADING_MARK_RE = re.compile(r"#{1,6}[ \t\u00a0]+")
_LIST_MARK_RE = re.compile(r"(?:[-*•●▪◦]|\d{1,2}[.)])[ \t\u00a0]+")
_QUOTE_MARK_RE = re.compile(r">[ \t\u00a0]*")

_LINK_RE = re.compile(
    r"^[\[(]?\s*(?:baca|lihat|simak|tonton|saksikan|klik|cek|artikel|berita|video|infografis|"
    r"pilihan|rekomendasi|read|see|watch|related)(?=[\W_])[^:.!?]{0,40}:\s*(?P<rest>.*)$",
    re.I,
)
# "Baca juga …", "SIMAK JUGA - …", "[Baca juga: …]" without a colon after the verb phrase
_ALSO_RE = re.compile(
    r"^[\[(]?\s*(?:baca|lihat|simak|tonton|saksikan|klik)[\s_]+(?:juga|pula|selengkapnya|lainnya|"
    r"berita|artikel)(?=[\W_]|$)",
    re.I,
)
_PAGINATION_RE = re.compile(r"^(?:halaman|page|hal\.?)\s*\d|^(?:\d+\s*){2,}(?:selanjutnya|next|»|›)?$", re.I)
_READ_MORE_FROM_RE = re.compile(
    r"^(?:baca|lihat|simak)\s+(?:lebih\s+lanjut|selengkapnya|berita\s+lainnya|artikel\s+lainnya)\s+"
    r"(?:di|dari)\s+(?P<pub>[^:]{2,60}?)\s*:?\s*$",
    re.I,
)
_ACTION_RE = re.compile(
    r"^[\[(]?(?:baca|lihat|simak|tonton|saksikan|klik|ikuti|follow|bagikan|share|download|unduh|"
    r"dapatkan|gabung|bergabung|subscribe|berlangganan|scroll|advertisement|iklan|komentar|"
    r"tweet|kirim|salin|copy|print|cetak)(?=[\W_]|$)",
    re.I,
)
_LABEL_RE = re.compile(
    r"^(?P<label>penulis|reporter|pewarta|kontributor|wartawan|jurnalis|laporan|oleh|author|writer|"
    r"editor|redaktur|penyunting|sumber|source|foto|fotografer|photo|ilustrasi)\s*:\s*(?P<value>.*)$",
    re.I,
)
_AUTHOR_LABELS = {"penulis", "reporter", "pewarta", "kontributor", "wartawan", "jurnalis",
                  "laporan", "oleh", "author", "writer"}
_EDITOR_LABELS = {"editor", "redaktur", "penyunting"}
_CREDIT_LABELS = {"sumber", "source"}
_NAME_RE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|bin|binti|van|von|de|al|el))*$")
_BYLINE_RE = re.compile(r"^(?:oleh|by|ditulis oleh)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5})$", re.I)
_BREADCRUMB_RE = re.compile(r"\s[/\\|›»>⁄·•]\s|\s[/\\|›»>⁄·•]$")

_CAPTION_PAREN_RE = re.compile(
    r"(?:[.!?…][\"'”’]?\s*|\s(?=\((?:foto|photo|gambar)\s*:))\((?P<credit>[^()]{2,100})\)$", re.I
)
_CAPTION_SLASH_RE = re.compile(r"[.!?…][\"'”’]?\s*(?P<credit>/[^/]{2,60}/)$")
_CAPTION_HEAD_RE = re.compile(r"^(?:foto|photo|gambar|ilustrasi|dok(?:umentasi)?)\s*:\s*\S", re.I)
_CREDIT_WORD_RE = re.compile(
    r"\b(?:foto|photo|dok|dokumentasi|istimewa|ilustrasi|arsip|via|getty|images|shutterstock|"
    r"tangkapan layar|screenshot|dokpri)\b",
    re.I,
)
# A photographer/agency pair "Yuri Maltsev/Reuters" (not reporter initials "ugo / djm")
_CREDIT_SLASH_RE = re.compile(r"[A-Z][\w.-]+\s*/\s*[A-Z]|[A-Z]\w+\s*/\s*[A-Z]?\w{3,}")
_BIO_RE = re.compile(
    r"\b(?:saya|aku)\s+(?:adalah\s+|merupakan\s+|ialah\s+)?(?:seorang\s+)?(?:penulis|jurnalis|"
    r"wartawan|editor|blogger|kontributor|reporter|content writer|penggemar)|^selamat datang\b",
    re.I,
)

# Datelines: "INDONESIAUPDATES.COM, INTERNASIONAL – ", "PR DEPOK - ", "Jakarta, CNN Indonesia -- ",
# "Jakarta (ANTARA) - ".
_DL_PART = r"[A-Z][\w.&'’-]*(?:\s[A-Z0-9][\w.&'’-]*){0,3}"
_DATELINE_RE = re.compile(
    rf"^(?P<a>{_DL_PART})(?:\s*,\s*(?P<b>{_DL_PART}))?(?:\s*\((?P<c>[^()]{{2,30}})\))?"
    # a dash glued to a word breaks it ("T- Shirt", "Ina- TEWS"), save after a capitalised place ("SPANYOL– ")
    rf"(?:\s+|(?<=[A-Z]{{2}})|(?<=\)))[–—-]{{1,2}}\s+(?=\S)"
)
_DOMAIN_RE = re.compile(r"\.(?:com|co\.id|co|id|net|org|news|tv)\b", re.I)
_SELF_CITE_RE = re.compile(
    r"\bdikutip\s+(?:oleh\s+)?(?P<pub>[A-Z][\w-]*(?:\.[A-Za-z-]+)*\.(?:com|co\.id|co|id|net|news))\s+dari\b"
)
# Places that open datelines: a dateline naming only a place states no publisher.
_PLACES = frozenset(
    """
    jakarta bandung surabaya medan semarang yogyakarta jogja makassar palembang denpasar depok bogor
    bekasi tangerang solo surakarta malang batam pekanbaru padang pontianak samarinda balikpapan
    manado kupang mataram jayapura ambon kendari palu jambi bengkulu lampung serang cirebon banjarmasin
    mamuju gorontalo ternate sorong merauke aceh sleman bantul kudus tegal purwokerto jember banyuwangi
    washington moskow moscow beijing seoul pyongyang tokyo london paris jenewa geneva kyiv kiev
    singapura singapore bangkok hanoi manila canberra sydney brussel brussels berlin gaza yerusalem
    jerusalem teheran tehran riyadh kairo cairo ankara istanbul dubai doha delhi islamabad karachi
    dhaka roma rome madrid wina vienna ottawa havana caracas dili taipei hongkong vladivostok
    """.split()
) | {"kuala lumpur", "new york", "tel aviv", "banda aceh", "hong kong", "new delhi", "den haag"}

_LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass
class Cleaned:
    """The article's own blocks (offsets into the original text) and the metadata it states."""

    blocks: list[Block]
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass
class _Unit:
    start: int
    end: int
    norm: str
    words: int
    heading_mark: bool = False
    list_item: bool = False
    shape: str = ""
    label: str | None = None  # metadata label ("author", "editor", "credit") for label/byline lines
    value: str | None = None


# --------------------------------------------------------------------------------------------------
# Units: one per line (hard-wrapped prose re-joined), with leading Markdown marks outside the block


_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")


def _trimmed_lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, blank_before) for each non-blank line, whitespace trimmed off both ends."""
    out: list[tuple[int, int, bool]] = []
    prev_end = 0
    for m in _LINE_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and _is_trim(text[s]):
            s += 1
        while e > s and _is_trim(text[e - 1]):
            e -= 1
        if s == e:
            continue
        blank_before = text.count("\n", prev_end, m.start()) > 1 or not out
        out.append((s, e, blank_before))
        prev_end = m.end()
    return out


def _looks_hard_wrapped(lines: list[tuple[int, int, bool]]) -> bool:
    """Prose broken at ~80 columns: most lines of similar, moderate length and none very long."""
    if len(lines) < 5:
        return False
    lengths = [e - s for s, e, _ in lines]
    if max(lengths) > 110:
        return False
    return sum(1 for n in lengths if 50 <= n <= 110) >= 0.6 * len(lengths)


def _units(text: str) -> list[_Unit]:
    lines = _trimmed_lines(text)
    wrapped = _looks_hard_wrapped(lines)
    units: list[_Unit] = []
    for s, e, blank_before in lines:
        heading_mark = list_item = False
        m = _HEADING_MARK_RE.match(text, s, e)
        if m and m.end() < e:
            s, heading_mark = m.end(), True
        else:
            m = _QUOTE_MARK_RE.match(text, s, e)
            if m and m.end() < e and text[s] == ">":
                s = m.end()
            m = _LIST_MARK_RE.match(text, s, e)
            if m and m.end() < e:
                s, list_item = m.end(), True
        if (wrapped and units and not blank_before and not heading_mark and not list_item
                and not units[-1].heading_mark and len(units[-1].norm) >= 50
                and not _END_PUNCT_RE.search(units[-1].norm)):
            prev = units[-1]
            prev.end = e
            prev.norm = _norm(text[prev.start:e])
            prev.words = len(prev.norm.split())
            continue
        norm = _norm(text[s:e])
        if not norm:
            continue
        units.append(_Unit(s, e, norm, len(norm.split()), heading_mark, list_item))
    return units


# --------------------------------------------------------------------------------------------------
# Shapes


def credit_start(caption: str) -> int | None:
    """Where a caption's closing photo credit ("/KCNA via REUTERS/", "(Foto: Antara)") begins: it
    names the agency, and is no sentence to quote or to take an answer from."""
    for pattern in (_CAPTION_SLASH_RE, _CAPTION_PAREN_RE):
        m = pattern.search(caption)
        if m:
            return m.start("credit") - (pattern is _CAPTION_PAREN_RE)  # the bracket opens it
    return None


def _is_caption(norm: str, words: int) -> bool:
    if words > 80:
        return False
    if _CAPTION_HEAD_RE.match(norm) and words >= 4:
        return True
    if _CAPTION_SLASH_RE.search(norm):
        return True
    m = _CAPTION_PAREN_RE.search(norm)
    if not m:
        return False
    credit = m.group("credit")
    if _CREDIT_WORD_RE.search(credit):
        return True
    if norm[0] in _QUOTE_OPEN or "“" in norm or '" ' in norm:
        return False  # a quote signed off with the reporter's code, not a photo
    if _CREDIT_SLASH_RE.search(credit):
        return True
    letters = _LETTER_RE.findall(credit)
    return bool(letters) and len(letters) >= 2 and all(c.isupper() for c in letters) and words <= 50


def _all_caps(norm: str) -> bool:
    letters = _LETTER_RE.findall(norm)
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _shape(u: _Unit) -> str:
    """What a line looks like on its own: meta, link, caption, date, cta, para or short."""
    n, w = u.norm, u.words
    if not _LETTER_RE.search(n):
        return "cta"  # "***", "—", "1/3"
    if _DATE_LINE_RE.match(n):
        return "date"
    m = _LABEL_RE.match(n)
    if m and len(m.group("value").split()) <= 8:
        label = m.group("label").lower()
        if label in ("foto", "photo", "ilustrasi") and _is_caption(n, w):
            return "caption"
        u.label = ("author" if label in _AUTHOR_LABELS else "editor" if label in _EDITOR_LABELS
                   else "credit" if label in _CREDIT_LABELS else "photo")
        u.value = m.group("value").strip() or None
        return "meta"
    if w <= 7:
        m = _BYLINE_RE.match(n)
        if m:
            u.label, u.value = "author", m.group("name")
            return "meta"
    if _READ_MORE_FROM_RE.match(n) or (_ALSO_RE.match(n) and w <= 30):
        return "link"
    m = _LINK_RE.match(n)
    if m and len(m.group("rest").split()) <= 30:
        return "link"
    if _is_caption(n, w):
        return "caption"
    ends = bool(_END_PUNCT_RE.search(n))
    if w <= 15 and not ends and (_all_caps(n) or _BREADCRUMB_RE.search(n)):
        return "cta"
    if w <= 12 and not ends and _ACTION_RE.match(n):
        return "cta"
    if n.endswith(":") and w <= 3:
        return "cta"  # "SHARE :", "Tags:"
    if w <= 8 and _PAGINATION_RE.match(n):
        return "cta"
    if (ends and w >= 3) or w >= 20 or (n.endswith(":") and w >= 4):
        return "para"
    if w >= 3 and (n[0] in _QUOTE_OPEN or n.endswith(",") or _INNER_SENTENCE_RE.search(n)):
        return "para"  # a quote or sentence that merely lacks its final stop
    return "short"


# --------------------------------------------------------------------------------------------------
# The cleaner


def _mark_labels(units: list[_Unit]) -> None:
    """A label with its value on the next line ("Penulis :" / "Kaorie Zeto Hapki") takes that line."""
    for i, u in enumerate(units[:-1]):
        if u.shape == "meta" and u.value is None and u.label:
            nxt = units[i + 1]
            if nxt.shape in ("short", "meta") and nxt.words <= 6 and nxt.label is None:
                u.value = nxt.norm
                nxt.shape = "meta-value"
        if u.shape == "link" and u.norm.endswith(":") and not _READ_MORE_FROM_RE.match(u.norm):
            nxt = units[i + 1]
            if nxt.shape == "short":
                nxt.shape = "link"  # "Artikel Terkait:" / "<title of the linked story>"


def _mark_repeats(units: list[_Unit]) -> None:
    """Keep the first copy of any line the page repeats (captions shown twice, the title again)."""
    seen: set[str] = set()
    for u in units:
        key = u.norm.casefold()
        if key in seen and u.shape in ("para", "short", "caption", "cta", "link", "date"):
            u.shape = "dup"
        seen.add(key)


def _mark_bio(units: list[_Unit]) -> str | None:
    """A first-person "about the writer" paragraph at the end is chrome; its name line is the author."""
    paras = [i for i, u in enumerate(units) if u.shape == "para"]
    for i in reversed(paras[-2:]):
        u = units[i]
        if not _BIO_RE.search(u.norm):
            continue
        u.shape = "bio"
        j = i - 1
        while j >= 0 and units[j].shape in ("cta", "dup"):
            j -= 1
        if j >= 0 and units[j].shape == "short" and units[j].words <= 4 and _NAME_RE.match(units[j].norm):
            units[j].shape = "bio"
            return units[j].norm
        return None
    return None


def _content_range(units: list[_Unit]) -> tuple[int, int]:
    """First and last paragraph: lines above and below them are the page around the article."""
    paras = [i for i, u in enumerate(units) if u.shape == "para"]
    if not paras:  # no sentence-shaped line at all: keep any wordy line that is not chrome
        for u in units:
            if u.shape == "short" and u.words >= 3:
                u.shape = "para"
        paras = [i for i, u in enumerate(units) if u.shape == "para"]
    if not paras:
        return len(units), -1
    return paras[0], paras[-1]


def _pick_title(units: list[_Unit], first: int) -> int | None:
    """The title: a Markdown '#' line at the top, else the longest heading-like line above the text."""
    top = [i for i in range(min(first, len(units))) if units[i].shape == "short"]
    marked = [i for i in top if units[i].heading_mark]
    if marked:
        return marked[0]
    candidates = [i for i in top if units[i].words >= 3 and not _all_caps(units[i].norm)]
    if not candidates:
        candidates = [i for i in top if units[i].words >= 3]
    if not candidates:
        return None
    return max(candidates, key=lambda i: len(units[i].norm))


def _title_case(n: str) -> bool:
    words = [w for w in n.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _is_list_content(u: _Unit, below_text: bool) -> bool:
    """A short line that is not a heading may still be content: list items ("Pelatih: Hanafi",
    "Bobot 189 gram", "Pratu Bayu Agung, terkena percikan peluru …"). Amid the text any line of
    three words or more counts; below the last paragraph only data-like or sentence-case lines,
    since related-story headlines there are Title Case."""
    n = u.norm
    data_like = any(c.isdigit() for c in n) or (":" in n and not n.endswith(":"))
    if not below_text:
        return u.words >= 3 or data_like
    return data_like or (u.words >= 4 and not _title_case(n))


def _is_question_heading(u: _Unit) -> bool:
    return u.norm.endswith("?") and u.words <= 15 and u.norm[0] not in "\"“'‘"


def _kinds(units: list[_Unit], first: int, last: int, title: int | None) -> list[str]:
    """Final kind per unit: paragraph, heading, caption, or drop. Decided bottom-up so a heading
    knows whether a paragraph follows it."""
    kinds = ["drop"] * len(units)
    next_kind = None  # kind of the next kept non-caption unit
    for i in range(len(units) - 1, -1, -1):
        u = units[i]
        kind = "drop"
        if u.shape == "caption":
            kinds[i] = "caption"
            continue
        if first <= i <= last and i != title:
            if u.shape == "para":
                kind = "paragraph"
                if next_kind == "paragraph" and _is_question_heading(u):
                    kind = "heading"
            elif u.shape == "short" and next_kind == "paragraph" and u.words <= 20:
                kind = "heading"
            elif u.shape == "short" and _is_list_content(u, below_text=False):
                kind = "paragraph"
        elif i > last and u.shape == "short" and _is_list_content(u, below_text=True):
            kind = "paragraph"
        kinds[i] = kind
        if kind != "drop":
            next_kind = kind
    return kinds


def _block(text: str, u: _Unit, kind: str) -> Block:
    return Block(text=text[u.start:u.end], start=u.start, end=u.end, kind=kind)


def dateline_length(text: str) -> int:
    """Characters of the dateline that opens an article ("Jakarta, CNN Indonesia - - "), 0 if none:
    it names the publisher, it is not part of what the article says."""
    m = _DATELINE_RE.match(text)
    if not m:
        return 0
    end = m.end() + len(text[m.end():]) - len(text[m.end():].lstrip("-–— "))  # "CNN Indonesia - - "
    return end if text[end:end + 1].isupper() else 0  # the article's own first word follows


def _publisher_from_dateline(para: str) -> str | None:
    m = _DATELINE_RE.match(para)
    if not m:
        return None
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if c:
        return c.strip()
    if not b:
        return None if a.lower() in _PLACES else a
    if a.lower() in _PLACES:
        return b
    if b.lower() in _PLACES:
        return a
    if _DOMAIN_RE.search(a):
        return a
    if _DOMAIN_RE.search(b):
        return b
    return a if (b.isupper() and " " not in b) else b


def _metadata(text: str, units: list[_Unit], kinds: list[str], title: int | None,
              bio_name: str | None) -> dict[str, str]:
    meta: dict[str, str] = {}
    if title is not None:
        meta["title"] = units[title].norm
    for u in units:
        if u.shape == "meta" and u.label in ("author", "editor", "credit") and u.value:
            value = u.value.strip(" ,;")
            if u.label != "credit" and not (_NAME_RE.match(value) and len(value.split()) <= 6):
                continue
            meta.setdefault(u.label, value)
    if bio_name and "author" not in meta:
        meta["author"] = bio_name
    date = _date(text, units, kinds)
    if date:
        meta["date"] = date
    source = _source(units, kinds)
    if source:
        meta["source"] = source
    return meta


def _date(text: str, units: list[_Unit], kinds: list[str]) -> str | None:
    """A date line of its own wins; else the first "Weekday (d/m[/y])" in the article's text."""
    for u in units:
        if u.shape == "date":
            m = _TEXT_DATE_RE.search(u.norm) or _NUM_DATE_RE.search(u.norm)
            if m:
                return _from_match(m)
    for u, kind in zip(units, kinds):
        if kind in ("paragraph", "heading"):
            m = _WEEKDAY_PAREN_RE.search(u.norm)
            if m:
                return _weekday_paren_date(m, text)
    return None


def _source(units: list[_Unit], kinds: list[str]) -> str | None:
    """Publisher: the dateline, else a self-citation ("dikutip X.com dari"), else "Baca … dari X"."""
    paras = [u for u, k in zip(units, kinds) if k == "paragraph"]
    if paras:
        pub = _publisher_from_dateline(paras[0].norm)
        if pub:
            return pub
    for u in paras:
        m = _SELF_CITE_RE.search(u.norm)
        if m:
            return m.group("pub")
    for u in units:
        m = _READ_MORE_FROM_RE.match(u.norm)
        if m:
            return m.group("pub").strip()
    return None


def clean(text: str) -> Cleaned:
    """Blocks of the article's own text, plus the metadata the text states (never guessed)."""
    units = _units(text)
    for u in units:
        u.shape = _shape(u)
    _mark_labels(units)
    _mark_repeats(units)
    bio_name = _mark_bio(units)
    first, last = _content_range(units)
    title = _pick_title(units, first)
    kinds = _kinds(units, first, last, title)
    blocks = [_block(text, u, k) for u, k in zip(units, kinds) if k != "drop"]
    return Cleaned(blocks=blocks, metadata=_metadata(text, units, kinds, title, bio_name))
