"""A short answer pulled out of one sentence: a date for "kapan", a name for "siapa", a place for
"di/ke/dari mana", a quantity for "berapa". Everything else is answered by the quoted sentence itself.

Candidates that only repeat the question are refused, and among the rest the one nearest the
question's own words wins, since a news sentence often holds several dates, names or numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from bot.question import countries, load_lexicon, place_span
from index.analyse import is_dictionary_root

MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "desember"]
MONTH_INDEX = {m: i + 1 for i, m in enumerate(MONTHS)}
DAYS = ["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"]

_MONTH = "(" + "|".join(MONTHS) + ")"
_MONTH_CAP = "(" + "|".join(m.capitalize() for m in MONTHS) + ")"
_DAY = "(" + "|".join(DAYS) + ")"
_DAY_CAP = "(" + "|".join(d.capitalize() for d in DAYS) + ")"
_I = re.IGNORECASE

# Words of a question that say nothing about where in a sentence the answer sits.
_QUESTION_STOP = {"kapan", "siapa", "mana", "di", "ke", "dari", "berapa", "apa", "apakah", "mengapa",
                  "kenapa", "bagaimana", "yang", "itu", "ini", "tersebut", "pada", "dan", "dengan",
                  "untuk", "tanggal", "tahun", "bulan", "hari", "nama", "jam", "pukul", "saja", "sih",
                  "ada", "adalah", "oleh", "dalam", "akan", "sudah", "telah", "pernah", "tidak"}


@dataclass
class Candidate:
    start: int  # character offsets in the sentence
    end: int
    text: str  # the answer as shown
    weight: float  # how specific / how likely to be the asked thing


# ---------------------------------------------------------------- matching the question's words

_PREFIXES = ("mempe", "memper", "meng", "meny", "mem", "men", "me", "ber", "be", "di", "ter", "ke",
             "se", "peng", "pem", "pen", "per", "pe")
_SUFFIXES = ("kannya", "annya", "nya", "kan", "an", "i", "lah", "kah")


@lru_cache(maxsize=200_000)
def _root(word: str) -> str:
    """A crude stem, good enough to see that "kunjungan" and "mengunjungi" talk about one thing."""
    w = word.lower()
    for suffix in _SUFFIXES:
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    for prefix in _PREFIXES:
        if len(w) - len(prefix) >= 4 and w.startswith(prefix):
            w = w[len(prefix):]
            break
    return w


@lru_cache(maxsize=200_000)
def _related(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    ra, rb = _root(a), _root(b)
    return len(ra) >= 4 and len(rb) >= 4 and (ra == rb or ra in rb or rb in ra)


_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _key_positions(sentence: str, question_words: set[str]) -> dict[str, list[int]]:
    """For each content word of the question, the character offsets of its echoes in the sentence."""
    keys = [q for q in question_words if q not in _QUESTION_STOP and len(q) > 1]
    found: dict[str, list[int]] = {}
    for w, s, _ in _words(sentence):
        for q in keys:
            if _related(w, q):
                found.setdefault(q, []).append(s)
    return found


def _distance(cand: Candidate, keys: dict[str, list[int]], sentence: str) -> float:
    """Mean distance in words from the candidate to each echoed question word (0 if none).

    A word after the candidate counts half again as far: Indonesian news puts the actor before
    the date or place ("Belousov mengunjungi Pyongyang pada 29 November")."""
    if not keys:
        return 0.0
    total = 0.0
    for offsets in keys.values():
        best = 12.0
        for k in offsets:
            if k < cand.start:
                best = min(best, len(sentence[k:cand.start].split()) - 1)
            else:
                best = min(best, 1.5 * (len(sentence[cand.end:k].split())))
        total += best
    return total / len(keys)


def _repeats_question(text: str, question_words: set[str]) -> bool:
    words = [w.lower() for w, _, _ in _words(text)]
    return bool(words) and all(w in question_words for w in words)


def _pick(cands: list[Candidate], sentence: str, question_words: set[str], bonus=None,
          proximity: float = 0.15) -> str | None:
    cands = [c for c in cands if not _repeats_question(c.text, question_words)]
    if not cands:
        return None
    keys = _key_positions(sentence, question_words)

    def score(c: Candidate) -> float:
        return c.weight - proximity * _distance(c, keys, sentence) + (bonus(c) if bonus else 0.0)

    return max(cands, key=lambda c: (score(c), -c.start)).text


def _drop_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates ("14/9/2024" is part of "Sabtu (14/9/2024)")."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# ---------------------------------------------------------------- kapan


def parse_iso_date(value: str | None) -> date | None:
    """The article's date, if it is a usable ISO date."""
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _fmt(day: int | None, month: int, year: int | None) -> str:
    parts = [str(day)] if day else []
    parts.append(MONTHS[month - 1].capitalize())
    if year:
        parts.append(str(year))
    return " ".join(parts)


def _year_for(month: int, day: int | None, ref: date | None) -> int | None:
    """The year of a date written without one: the article's, or the year before if that would be
    well after publication (news reports the recent past and near future)."""
    if ref is None:
        return None
    guess = date(ref.year, month, min(day or 1, 28))
    return ref.year - 1 if guess > ref + timedelta(days=62) else ref.year


def _valid(day: int, month: int, year: int | None = None) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 was a leap year, so 29/2 passes without a year
    except ValueError:
        return False
    return True


_DATE_RULES: list[tuple[re.Pattern, str, float]] = [
    (re.compile(rf"\b(?:{_DAY}\s*,?\s*)?\((\d{{1,2}})/(\d{{1,2}})(?:/(\d{{2,4}}))?\)", _I), "slash", 4.0),
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})\b", _I), "dmy", 4.0),
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\b", _I), "dm", 3.0),
    (re.compile(rf"\b(?:bulan\s+)?{_MONTH}\s+(?:tahun\s+)?(\d{{4}})\b", _I), "my", 3.0),
    (re.compile(rf"\b(?:bulan\s+)?{_MONTH_CAP}\s+(lalu|kemarin|depan|ini)\b"), "m_rel", 2.5),
    (re.compile(rf"\b(?:bulan\s+){_MONTH}\b|\b{_MONTH_CAP}\b", 0), "m", 2.0),
    (re.compile(rf"\b(?:awal|akhir|pertengahan)\s+(?:bulan\s+)?{_MONTH}(?:\s+\d{{4}})?\b", _I), "verbatim", 3.5),
    (re.compile(r"\b(?:(?:awal|akhir|pertengahan|sekitar)\s+)?abad\s+(?:ke\s?-?\s?)?(?:\d{1,2}|[IVXL]+)\b"),
     "verbatim", 2.5),  # "awal abad ke-19", "abad XI"
    (re.compile(r"\b(?:tahun\s+)?(?:1[5-9]|20)\d{2}\s?-\s?an\b", _I), "verbatim", 2.5),  # "1930-an"
    (re.compile(r"\b(?:1[5-9]|20)\d{2}\s?-\s?(?:1[5-9]|20)\d{2}\b"), "verbatim", 2.5),  # "1637-1641"
    (re.compile(r"\b(?:tahun\s+(?:1[5-9]|20)\d{2}|(?:19|20)\d{2})\b", _I), "y", 2.0),
    (re.compile(r"\b(tahun|bulan|pekan|minggu)\s+(lalu|kemarin|depan|ini)\b", _I), "rel", 1.5),
    (re.compile(r"\b(kemarin|hari ini|besok)\b", _I), "day_rel", 1.5),
    (re.compile(r"\b(?:pukul|jam)\s+\d{1,2}[.:]\d{2}(?:\s*(?:WIB|WITA|WIT))?", _I), "time", 1.0),
    (re.compile(rf"\b(?:pada\s+)?hari\s+{_DAY}\b(?!\s*,?\s*\(\d)", _I), "weekday", 0.5),
    (re.compile(rf"\bpada\s+{_DAY_CAP}\b(?!\s*,?\s*\(\d)"), "weekday", 0.5),
]


def _render_date(kind: str, m: re.Match, ref: date | None) -> str | None:
    g = m.groups()
    if kind == "slash":
        day, month = int(g[1]), int(g[2])
        if not _valid(day, month):
            return None
        year = int(g[3]) if g[3] else _year_for(month, day, ref)
        if year is not None and year < 100:
            year += 2000
        return _fmt(day, month, year) if _valid(day, month, year) else None
    if kind == "dmy":
        day, month, year = int(g[0]), MONTH_INDEX[g[1].lower()], int(g[2])
        return _fmt(day, month, year) if _valid(day, month, year) else None
    if kind == "dm":
        month = MONTH_INDEX[g[1].lower()]
        return _fmt(int(g[0]), month, _year_for(month, int(g[0]), ref)) if _valid(int(g[0]), month) else None
    if kind == "my":
        return _fmt(None, MONTH_INDEX[g[0].lower()], int(g[1]))
    if kind == "m_rel":
        return _month_relative(MONTH_INDEX[g[0].lower()], g[1].lower(), ref)
    if kind == "m":
        name = (g[0] or g[1]).lower()
        return _fmt(None, MONTH_INDEX[name], _year_for(MONTH_INDEX[name], None, ref))
    if kind == "y":
        return m.group()  # "tahun 2009" as written
    if kind == "rel":
        return _relative(g[0].lower(), g[1].lower(), ref)
    if kind == "day_rel":
        return _day_relative(g[0].lower(), ref)
    if kind == "weekday":
        return _weekday(g[0].lower(), ref)
    return m.group().strip()


_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6}


def _weekday(name: str, ref: date | None) -> str:
    """A bare weekday in news copy means the one in the week up to publication ("pada Jumat")."""
    index = _WEEKDAYS.get(name)
    if ref is None or index is None:
        return "hari " + name.capitalize()
    day = ref - timedelta(days=(ref.weekday() - index) % 7)
    return _fmt(day.day, day.month, day.year)


def _month_relative(month: int, when: str, ref: date | None) -> str:
    if ref is None:
        return f"{MONTHS[month - 1].capitalize()} {when}"
    year = ref.year
    if when in ("lalu", "kemarin") and month > ref.month:
        year -= 1
    elif when == "depan" and month < ref.month:
        year += 1
    return _fmt(None, month, year)


def _relative(unit: str, when: str, ref: date | None) -> str:
    """"tahun lalu" → the year before publication; a week stays as written (no exact day exists)."""
    if ref is None or unit in ("pekan", "minggu"):
        return f"{unit} {when}"
    step = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}[when]
    if unit == "tahun":
        return str(ref.year + step)
    month_index = ref.year * 12 + ref.month - 1 + step
    return _fmt(None, month_index % 12 + 1, month_index // 12)


def _day_relative(word: str, ref: date | None) -> str:
    if ref is None:
        return word
    shift = {"kemarin": -1, "hari ini": 0, "besok": 1}[word]
    day = ref + timedelta(days=shift)
    return _fmt(day.day, day.month, day.year)


def _date_candidates(sentence: str, article_date: str | None) -> list[Candidate]:
    ref = parse_iso_date(article_date)
    cands = []
    for pattern, kind, weight in _DATE_RULES:
        for m in pattern.finditer(sentence):
            text = _render_date(kind, m, ref)
            if text:
                cands.append(Candidate(m.start(), m.end(), text, weight))
    return _drop_overlaps(cands)


# ---------------------------------------------------------------- siapa

_TITLE_START = {"presiden", "wakil", "menteri", "pemimpin", "kepala", "juru", "duta", "penasihat",
                "perdana", "ketua", "direktur", "jenderal", "panglima", "kanselir", "raja",
                "sekretaris", "gubernur", "pejabat", "mendiang", "ayah", "analis", "ahli", "wartawan",
                "wali", "walikota", "bupati", "camat", "lurah", "kapolri", "kapolda", "kapolres", "rektor",
                "dekan", "sekjen", "dirut", "komisaris", "hakim", "jaksa", "ketum"}
_REGIONS = {"kota", "kabupaten", "provinsi", "kecamatan", "desa", "kelurahan"}
_SPEECH = {"kata", "ujar", "ujarnya", "katanya", "mengatakan", "menyatakan", "tambah", "tambahnya",
           "menurut", "menjawab", "berkata", "mengklaim", "memperingatkan", "menegaskan", "menulis"}
_SPEECH_QUESTION = {"mengatakan", "berkata", "menyatakan", "bilang", "kata", "ujar", "menyebut",
                    "mengklaim", "memperingatkan", "menegaskan", "menulis", "menuduh"}


@lru_cache(maxsize=None)
def _title_words() -> frozenset[str]:
    return frozenset(load_lexicon("titles.txt")) | {"untuk"}


@lru_cache(maxsize=None)
def _not_names() -> frozenset[str]:
    return frozenset(load_lexicon("not_names.txt"))


def _looks_affixed(word: str) -> bool:
    """Sentence-initial capitals say nothing; Indonesian affixes suggest an ordinary word."""
    w = word.lower()
    return (len(w) >= 7 and w.startswith(("me", "ber", "di", "ter", "ke", "se", "pe"))) or (
        len(w) >= 6 and w.endswith(("kan", "an", "nya", "lah"))
    )


def _name_token(words: list[str], i: int, first: bool) -> bool:
    w = words[i]
    if not w[:1].isupper() or w.isupper() and len(w) > 1 or not w[:1].isalpha():
        return False
    low = w.lower()
    if low in _not_names() or low in _title_words() or place_span(words, i):
        return False
    if first:
        nxt = words[i + 1] if i + 1 < len(words) else ""
        alone = not (nxt[:1].isupper() and nxt.lower() not in _not_names())
        if alone and (_looks_affixed(w) or is_dictionary_root(low)):  # "Awal pekan ini …"
            return False
    return True


def _person_candidates(sentence: str) -> list[tuple[Candidate, str | None]]:
    """(name, title in front of it) for every person-like name in the sentence."""
    spans = _words(sentence)
    words = [w for w, _, _ in spans]
    out = []
    i = 0
    while i < len(words):
        if not _name_token(words, i, first=(i == 0)):
            i += max(place_span(words, i), 1)
            continue
        end = i + 1
        while end < len(words) and _name_token(words, end, first=False) and not _gap(sentence, spans, end):
            end += 1
        if i > 0 and words[i - 1].lower() in _ORG_HEADS:
            i = end
            continue
        name = sentence[spans[i][1]:spans[end - 1][2]]
        title = _title_before(sentence, spans, i) or _apposition_after(sentence, spans[end - 1][2])
        out.append((Candidate(spans[i][1], spans[end - 1][2], name, 2.5), title))
        i = end
    return out


_ORG_HEADS = {"universitas", "kantor", "berita", "badan", "dewan", "kementerian", "gedung", "istana",
              "lapangan", "kosmodrom", "perjanjian", "kelompok", "media", "surat", "kabar"}
_APPOSITION = re.compile(
    r"\s*,\s*(?:yang\s+(?:\w+\s+){0,2}?sebagai\s+|seorang\s+|sebagai\s+)?([A-Za-z][^,.;:“”\"]{2,80}?)\s*[,.;]"
)


def _apposition_after(sentence: str, end: int) -> str | None:
    """"Dmitry Peskov, juru bicara Kremlin, …" → "juru bicara Kremlin"; also "Shoigu, yang sebelumnya
    menjabat sebagai Menteri Pertahanan Rusia, …" (only a title-like phrase)."""
    m = _APPOSITION.match(sentence, end)
    if m and m.group(1).split()[0].lower() in _TITLE_START:
        return m.group(1)
    return None


def _gap(sentence: str, spans: list[tuple[str, int, int]], i: int) -> bool:
    """True when punctuation separates word i from the one before it."""
    between = sentence[spans[i - 1][2]:spans[i][1]]
    return bool(between.strip())


def _title_before(sentence: str, spans: list[tuple[str, int, int]], i: int) -> str | None:
    """The office written just before a name, e.g. "Menteri Pertahanan Rusia" (comma allowed)."""
    words = [w for w, _, _ in spans]
    titles = _title_words()
    start = None
    j = i - 1
    while j >= 0:
        between = sentence[spans[j][2]:spans[j + 1][1]].strip()
        if between and not (between == "," and j == i - 1):
            break
        low = words[j].lower()
        if low in titles or any(place_span(words, k) >= j - k + 1 for k in range(max(0, j - 2), j + 1)):
            if low in _TITLE_START:
                start = j
            j -= 1
            continue
        if words[j][:1].isupper() and low in {"dewan", "gedung", "putih", "nasional", "keamanan"} | _REGIONS:
            j -= 1
            continue
        break
    if start is None:
        return None
    return sentence[spans[start][1]:spans[i - 1][2]].rstrip(" ,")


def _org_candidates(sentence: str) -> list[Candidate]:
    """Institutions that act or speak in news ("Kantor Berita Interfax", "Gedung Putih")."""
    pattern = re.compile(
        r"\b(?:Kantor Berita \w+|Kementerian [A-Z]\w+(?: [A-Z]\w+)*|Dewan Keamanan(?: [A-Z]\w+)*"
        r"|Badan [A-Z]\w+(?: [A-Z]\w+)*|Gedung Putih|Kremlin|Pentagon|New York Times|Yonhap|KCNA"
        r"|Amerika Serikat|Negara-negara Barat|Associated Press)\b"
    )
    return [Candidate(m.start(), m.end(), m.group(), 1.0) for m in pattern.finditer(sentence)]


def _trim_asked(sentence: str, cand: Candidate, title: str | None,
                question_words: set[str]) -> tuple[Candidate, str | None]:
    """"Presiden Venezuela Hugo Chavez" reads as one capitalised run; the asked words in front
    ("Venezuela") belong to the office, the rest is the name."""
    before = _words(sentence[:cand.start])
    if not before or before[-1][0].lower() not in _TITLE_START or sentence[before[-1][2]:cand.start].strip():
        return cand, title
    spans = _words(cand.text)
    k = 0
    while k < len(spans) - 1 and spans[k][0].lower() in question_words:
        k += 1
    if k == 0 and len(spans) >= 3 and spans[0][0].lower() in _REGIONS:
        k = 2  # "Wali Kota Bekasi Tri Adhianto": the region belongs to the office
    if k == 0:
        return cand, title
    start = cand.start + spans[k][1]
    office = sentence[before[-1][1]:cand.start + spans[k - 1][2]]
    return Candidate(start, cand.end, sentence[start:cand.end], cand.weight), office


def _title_tail(sentence: str, question_words: set[str]) -> list[Candidate]:
    """ "Siapakah Kepala Bappeda Sumut?" over "… Kepala Badan Perencanaan … Sumut Budi D Sinulingga,
    di Medan": the office the question spells out, then a name it does not; the name answers."""
    spans = _words(sentence)
    spelt = set()  # "Himpunan Nelayan Seluruh Indonesia (HNSI)" when the question says "HNSI"
    for k, (word, start, _) in enumerate(spans):
        if word.lower() in question_words and sentence[:start].rstrip().endswith("("):
            found = _long_form_before(spans, k, re.sub(r"\W", "", word))
            if found:
                spelt |= {m for m in range(k) if spans[m][1] >= found[0]}
    out = []
    i = 0
    while i < len(spans):
        asked = 0
        j = i
        while j < len(spans) and (spans[j][0].lower() in question_words or j in spelt) and (
            j == i or not sentence[spans[j - 1][2]:spans[j][1]].strip("() ")
        ):
            asked += 1
            j += 1
        if asked < 2 or j >= len(spans) or sentence[spans[j - 1][2]:spans[j][1]].strip("() ,") \
                or place_span([w for w, _, _ in spans], j):  # "Universitas Kookmin Seoul"
            i = max(j, i + 1)
            continue
        end = j
        while end < len(spans) and end - j < 5 and (end == j or not _gap(sentence, spans, end)) and (
            spans[end][0][:1].isupper() and spans[end][0].lower() not in question_words
            and not _not_a_name(spans[end][0]) and spans[end][0].lower() not in _title_words()
            and not (spans[end][0].isupper() and len(spans[end][0]) > 1)
        ):
            end += 1
        if end > j:
            out.append(Candidate(spans[j][1], spans[end - 1][2], sentence[spans[j][1]:spans[end - 1][2]],
                                 2.5 + 0.5 * asked))
        i = max(end, i + 1)
    return out


def _who(sentence: str, question_words: set[str]) -> str | None:
    people = [_trim_asked(sentence, c, t, question_words) for c, t in _person_candidates(sentence)]
    asked_about = [(c, t) for c, t in people if _overlaps_question(c.text, question_words)]
    others = [(c, t) for c, t in people if not _overlaps_question(c.text, question_words)]
    asks_office = bool(question_words & _TITLE_START)
    cands = []
    for cand, title in others:
        shown, weight = cand.text, cand.weight
        if title:
            weight += _title_fit(title, question_words, asks_office)
            before = sentence[:cand.start].rstrip(" ,")
            if before.endswith(title) and not _mostly_asked(title, question_words):
                shown = f"{title} {cand.text}"
        cands.append(Candidate(cand.start, cand.end, shown, weight))
    keys = {q for q in question_words if q not in _QUESTION_STOP}
    for cand, title in asked_about:  # "siapa Sergei Shoigu?" → his office
        if title and keys and keys <= {w.lower() for w, _, _ in _words(cand.text)}:
            return title
    cands += [c for c in _org_candidates(sentence) if not _overlaps_question(c.text, question_words)]
    cands += _title_tail(sentence, question_words)
    speech_asked = bool(question_words & _SPEECH_QUESTION)
    speech_at = [s for w, s, _ in _words(sentence) if w.lower() in _SPEECH]

    def bonus(c: Candidate) -> float:
        if not speech_asked or not speech_at:
            return 0.0
        near = min(min(abs(s - c.start), abs(s - c.end)) for s in speech_at)
        return 2.0 if near <= 40 else 0.0

    return _pick(cands, sentence, question_words, bonus)


def _title_fit(title: str, question_words: set[str], asks_office: bool) -> float:
    """A named office is a good sign, unless the question asks for a different office
    ("menteri pertahanan" asked, "Menteri Luar Negeri" found)."""
    words = [w.lower() for w, _, _ in _words(title)]
    if not asks_office:
        return 0.5
    same = sum(w in question_words for w in words)
    return 0.5 * same - 0.5 * (len(words) - same)


def _overlaps_question(name: str, question_words: set[str]) -> bool:
    return any(w.lower() in question_words for w, _, _ in _words(name))


def _mostly_asked(title: str, question_words: set[str]) -> bool:
    words = [w.lower() for w, _, _ in _words(title)]
    return sum(w in question_words for w in words) * 2 >= len(words)


# ---------------------------------------------------------------- di / ke / dari mana

_PLACE_NOUNS = {"kota", "ibu", "pelabuhan", "kosmodrom", "istana", "wilayah", "negara", "perairan",
                "lapangan", "markas", "pangkalan", "pantai", "provinsi", "kawasan", "desa",
                "semenanjung", "perbatasan", "kantor", "gedung", "universitas", "bandara", "stasiun",
                "hutan", "gunung", "pulau", "kampung", "jalan", "pasar", "sungai", "danau", "laut", "teluk",
                "selat", "kecamatan", "kabupaten", "distrik", "dusun", "kompleks", "taman", "lereng",
                "puncak", "daerah", "kepulauan", "dataran", "lembah", "hotel", "masjid", "sekolah"}
_FACILITIES = {"kosmodrom", "istana", "lapangan", "bandara", "stasiun", "pangkalan", "markas",
               "universitas", "gedung", "pelabuhan"}
_PREPS = {"dimana": ("di",), "kemana": ("ke", "menuju"), "darimana": ("dari",)}


def _place_candidates(sentence: str, preps: tuple[str, ...]) -> list[Candidate]:
    spans = _words(sentence)
    words = [w for w, _, _ in spans]
    out = []
    for i, w in enumerate(words):
        if w.lower() not in preps or i + 1 >= len(words) or words[i + 1].lower() == "mana":
            continue
        cand = _place_after(sentence, spans, i + 1)
        if cand:
            out.append(cand)
    return out


def _cap_run(sentence: str, spans, j: int) -> int:
    """End index of the run of capitalised words starting at j (j if none)."""
    end = j
    while end < len(spans):
        w = spans[end][0]
        if not w[:1].isupper() or w.lower() in DAYS or w.lower() in MONTHS:
            break
        if end > j and _gap(sentence, spans, end):
            break
        end += 1
    return end


def _place_after(sentence: str, spans, j: int) -> Candidate | None:
    words = [w for w, _, _ in spans]
    noun_start = j
    while j < len(words) and j - noun_start < 3 and words[j].lower() in _PLACE_NOUNS and not words[j][:1].isupper():
        j += 1
    end = _cap_run(sentence, spans, j)
    if end == j or words[j].lower() in _not_names() - {"istana", "lapangan", "gedung", "kremlin", "pentagon"}:
        return None
    start = j
    known = place_span(words, j) == end - j
    # "kota pelabuhan Rusia, Vladivostok": the apposition names the place itself
    if known and end < len(words) and sentence[spans[end - 1][2]:spans[end][1]].strip() == ",":
        app_end = _cap_run(sentence, spans, end)
        if app_end > end:
            start, end, known = end, app_end, True
    elif noun_start < j and (not known or words[j - 1].lower() in _FACILITIES):
        start = noun_start
    # "Istana Tamu Kumsusan di Pyongyang": keep the city that locates the building
    if end + 1 < len(words) and words[end].lower() == "di" and not _gap(sentence, spans, end):
        more = _cap_run(sentence, spans, end + 1)
        if more > end + 1:
            end = more
            known = True
    text = sentence[spans[start][1]:spans[end - 1][2]]
    return Candidate(spans[start][1], spans[end - 1][2], text, 3.0 if known else 2.5)


def _known_places(sentence: str) -> list[Candidate]:
    spans = _words(sentence)
    words = [w for w, _, _ in spans]
    out = []
    i = 0
    while i < len(words):
        size = place_span(words, i) if words[i][:1].isupper() else 0
        if size:
            out.append(Candidate(spans[i][1], spans[i + size - 1][2], sentence[spans[i][1]:spans[i + size - 1][2]], 1.0))
        i += max(size, 1)
    return out


_LOCATION_AFTER = re.compile(r"\s*\(([A-Z][^()]{1,40})\)|\s*,\s*((?:[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}(?:,\s*)?){1,3})")


def _is_known_place(text: str) -> bool:
    words = [w for w, _, _ in _words(text)]
    return bool(words) and place_span(words, 0) == len(words)


def _located_after(sentence: str, question_words: set[str], head: str | None) -> list[Candidate]:
    """ "Di kota manakah Bandara Supadio?" over "Bandara Supadio (Pontianak)" or "Anaheim,
    California, Amerika Serikat": the place written right after the asked one locates it; a
    country is the last of such a list."""
    out = []
    for run in _name_runs(sentence):
        words = [w.lower() for w, _, _ in _words(run.text)]
        if sum(w in question_words for w in words) * 2 < len(words):
            continue
        m = _LOCATION_AFTER.match(sentence, run.end)
        if not m:
            continue
        group = 1 if m.group(1) else 2
        start, end = m.span(group)
        text = sentence[start:end].rstrip(" ,")
        places = [part.strip() for part in text.split(",")]
        if not all(_is_known_place(part) for part in places):
            continue
        if head == "negara" and len(places) > 1:
            text = places[-1]
            start = sentence.rindex(text, start, end)
        if not _repeats_question(text, question_words):
            out.append(Candidate(start, start + len(text), text, 4.0))
    return out


def _where(qtype: str, sentence: str, question_words: set[str], head: str | None = None) -> str | None:
    """A place after the asked preposition, else a known place, else (for "kota manakah …") any
    name, best when headed by the asked noun ("Kabupaten Nabire")."""
    asked = _PREPS[qtype]
    cands = _place_candidates(sentence, asked)
    for other in ("di", "ke", "dari"):
        if other not in asked:
            cands += [Candidate(c.start, c.end, c.text, c.weight - 1.5)
                      for c in _place_candidates(sentence, (other,))]
    if head:
        cands += [Candidate(c.start, c.end, c.text, 0.5 + 2.5 * (c.text.lower().split()[0] == head))
                  for c in _name_runs(sentence)]
    cands = _drop_overlaps(cands + _known_places(sentence)) + _located_after(sentence, question_words, head)
    cands = [_past_the_asked(c, question_words) for c in cands]
    asked = question_words - {head}  # "Di kabupaten manakah …?" is answered by "Kabupaten Nabire"
    cands = [c for c in cands if not _overlaps_question(c.text, asked) or
             not _repeats_question(c.text, asked) and len(c.text.split()) > 2]
    if head == "negara":  # "Di negara manakah …?": a country, if the sentence names one
        cands = [c for c in cands if tuple(c.text.lower().split()) in countries()] or cands
    return _pick(cands, sentence, question_words)


def _past_the_asked(cand: Candidate, question_words: set[str]) -> Candidate:
    """ "Di mana letak kosmodrom Vostochny?" over "kosmodrom Vostochny di Amur Oblast" → "Amur
    Oblast": the asked place itself is no answer, what locates it is."""
    m = re.match(r"(?:[\w-]+\s+)+?(?:di|,)\s+(?=\S)", cand.text)
    if m and all(w.lower() in question_words for w, _, _ in _words(m.group().rsplit(None, 1)[0])):
        return Candidate(cand.start + m.end(), cand.end, cand.text[m.end():], cand.weight)
    return cand


# ---------------------------------------------------------------- berapa

_NUMBER_WORD = (r"(?:(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus"
                r"|seribu|sejuta|semiliar)(?:\s+(?:belas|puluh|ratus|ribu|juta|miliar|triliun))*"
                r"|belasan|puluhan|ratusan|ribuan|jutaan|miliaran)")
_DIGITS = r"(?:\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)"
_NUMBER = re.compile(rf"(?<![-/\w])(?:{_DIGITS}(?:\s?-\s?{_DIGITS})?|{_NUMBER_WORD})(?![-/\w])", _I)  # "4-5 juta" too
_MEASURES = {"tahun", "hari", "bulan", "pekan", "minggu", "jam", "menit", "detik", "kilometer", "km",
             "meter", "mil", "persen", "orang", "kali", "ton", "dolar", "rupiah", "unit", "buah",
             "negara", "entitas", "tentara", "pasukan", "rudal", "jiwa", "warga", "%", "mw", "megawatt",
             "hektar", "hektare", "ha", "km2", "kg", "kilogram", "liter", "barel", "poin", "derajat"}
_STOP_AFTER = {"yang", "di", "ke", "dari", "dan", "untuk", "pada", "dengan", "sejak", "setelah",
               "sebelum", "dalam", "oleh", "itu", "ini", "tersebut", "sebagai", "atau", "bagi",
               "terakhir", "lalu", "kemudian", "akan", "telah", "sudah", "mereka", "kami", "hampir",
               "sekitar", "lebih", "kurang", "hanya", "saja"}


_BEFORE_NUMBER = re.compile(r"(?:(?:sekitar|hampir|lebih dari|kurang dari|sedikitnya|setidaknya)\s+)?"
                            r"(?:(?:Rp|US\$|USD|\$)\.?\s?)?$", _I)
_CURRENCY = re.compile(r"(?:Rp|US\$|USD|\$)\.?\s?$", _I)


def _number_candidates(sentence: str, article_date: str | None) -> list[tuple[Candidate, str]]:
    """(number with its unit, unit word) pairs, leaving out numbers that are part of dates.

    A currency sign or an estimate ("sekitar Rp 5.200", "lebih dari 80 spesies") belongs to the
    quantity; a money amount has the unit "rupiah"."""
    dates = _date_candidates(sentence, None)
    out = []
    for m in _NUMBER.finditer(sentence):
        if any(d.start <= m.start() < d.end for d in dates):
            continue
        if sentence[max(0, m.start() - 6):m.start()].lower().endswith("salah "):
            continue  # "salah satu" is not a quantity
        before = sentence[max(0, m.start() - 24):m.start()]
        start = m.start() - len(_BEFORE_NUMBER.search(before).group(0))
        unit_words = _unit_after(sentence[m.end():])
        end = m.end() + (unit_words[-1][1] if unit_words else 0)
        unit = "rupiah" if _CURRENCY.search(before) else unit_words[0][0].lower() if unit_words else ""
        weight = 2.0 if unit else 1.0
        out.append((Candidate(start, end, sentence[start:end], weight), unit))
    return out


def _unit_after(rest: str) -> list[tuple[str, int]]:
    """The noun counted by a number: one measure word, or up to two plain words ("uji nuklir")."""
    unit_words: list[tuple[str, int]] = []
    pos = 0
    for w, s, e in _words(rest)[:2]:
        measure = w.lower() in _MEASURES  # "765 MW" too
        if rest[pos:s].strip() or not (w.islower() or measure) or w in _STOP_AFTER \
                or unit_words and _looks_verbal(w):
            break
        unit_words.append((w, e))
        pos = e
        if measure:
            break
    return unit_words


def _looks_verbal(word: str) -> bool:
    """ "tiga bom mengguncang": a verb after the counted noun is not part of the unit."""
    return len(word) >= 6 and word.lower().startswith(("me", "ber", "di", "ter"))


# What a "berapa <word>" question measures, and the units that measure it.
_UNITS_OF = {
    **dict.fromkeys(("jarak", "jauh", "panjang", "tinggi", "ketinggian", "kedalaman", "lebar"),
                    {"kilometer", "km", "meter", "m", "mil", "cm", "sentimeter"}),
    **dict.fromkeys(("lama", "lamanya", "usia", "umur"), {"tahun", "hari", "bulan", "pekan", "minggu", "jam",
                                                          "menit", "detik"}),
    "luas": {"hektar", "hektare", "ha", "km2", "m2", "kilometer", "meter"},
    **dict.fromkeys(("persen", "persentase"), {"persen", "%"}),
    **dict.fromkeys(("harga", "biaya", "dana", "anggaran", "nilai", "gaji", "upah", "kerugian", "modal",
                     "investasi", "utang", "pendapatan", "tarif", "ongkos", "denda"),
                    {"rupiah", "dollar", "dolar", "euro", "yen", "ringgit", "juta", "miliar", "triliun"}),
    **dict.fromkeys(("berat", "bobot", "stok", "produksi"), {"ton", "kg", "kilogram", "gram", "kuintal"}),
    "volume": {"liter", "barel", "meter", "ton"},
    "kapasitas": {"megawatt", "mw", "ton", "liter", "barel", "orang", "kursi", "penumpang"},
    "suhu": {"derajat"},
    "kecepatan": {"km", "kilometer", "knot", "mil"},
}


_REGULATION_NUMBER = re.compile(r"\b(?:Nomor|No\.?)\s+\d+(?:\s*/\s*[\w.\-]+)*(?:\s+Tahun\s+\d{4})?")
def _bracketed_beside_asked(sentence: str, cand: Candidate, question_words: set[str]) -> bool:
    """ "Yves Chauvin (74)", "film Kawin Lari (1975)": the bracket right after a word the question
    names belongs to it."""
    before = sentence[:cand.start].rstrip()
    if not before.endswith("(") or not sentence[cand.end:].lstrip().startswith(")"):
        return False
    words = _words(before)
    return bool(words) and words[-1][0].lower() in question_words


def _how_many(sentence: str, question_words: set[str]) -> str | None:
    pairs = _number_candidates(sentence, None)
    question_words = {q.removesuffix("kah") if len(q) > 5 else q for q in question_words}  # "persenkah"
    keys = [q for q in question_words if q not in _QUESTION_STOP]
    wanted = set().union(*(_UNITS_OF.get(q, set()) for q in question_words))

    def bonus_for(unit: str, cand: Candidate) -> float:
        b = 0.0
        if unit and any(_related(unit, q) for q in keys + ["tahun"] * ("tahun" in question_words)):
            b += 3.0
        if unit in wanted:
            b += 3.0
        tail = [w for w, _, _ in _words(sentence[cand.end:])[:4]]
        if any(_related(t, q) for t in tail for q in keys):
            b += 1.0
        if asks_age and _bracketed_beside_asked(sentence, cand, question_words):
            b += 4.0  # "Yves Chauvin (74)" for "Berapa usia Yves Chauvin?"
        return b

    asks_age = bool(question_words & {"usia", "umur", "berumur", "berusia"})

    units = {id(c): u for c, u in pairs}
    cands = [c for c, _ in pairs]
    if "nomor" in question_words:  # "Peraturan … nomor berapa?": the number with its series
        cands += [Candidate(m.start(), m.end(), m.group(), 5.0) for m in _REGULATION_NUMBER.finditer(sentence)]
    return _pick(cands, sentence, question_words, lambda c: bonus_for(units.get(id(c), ""), c))


# ---------------------------------------------------------------- singkatan

_ABBREVIATION_LINKS = {"dan", "dari", "untuk", "of", "and", "for", "de", "du", "des", "la", "le", "the", "pada", "di"}
_MAX_LONG_FORM = 12


def _spells(letters: str, words: list[str]) -> bool:
    """Whether `letters` is made of prefixes of `words` in order ("Puskopad" = Pus-at Kop-erasi
    A-ngkatan D-arat); a word may give no letter, the first must give at least one."""
    parts = [p.lower() for w in words for p in re.split(r"[-'’]", w) if p]
    letters = letters.lower()

    @lru_cache(maxsize=None)
    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(parts):
            return False
        part = parts[j]
        ends = range(1, min(len(part), len(letters) - i) + 1)
        taken = any(part[:k] == letters[i:i + k] and match(i + k, j + 1) for k in ends)
        return taken or (j > 0 and match(i, j + 1))

    return bool(parts) and match(0, 0)


def _long_form_before(spans: list[tuple[str, int, int]], end: int, letters: str) -> tuple[int, int] | None:
    """The shortest run of capitalised words ending at word `end` (exclusive) that spells `letters`."""
    start = end
    while start > 0 and end - start < _MAX_LONG_FORM:
        word = spans[start - 1][0]
        if not (word[:1].isupper() or word.lower() in _ABBREVIATION_LINKS):
            break
        start -= 1
    for first in range(end - 1, start - 1, -1):
        if spans[first][0][:1].isupper() and _spells(letters, [w for w, _, _ in spans[first:end]]):
            return spans[first][1], spans[end - 1][2]
    # A translated name keeps the foreign abbreviation ("Republik Demokratik Rakyat Korea (DPRK)"):
    # as many capitalised words as it has letters.
    capitals = [i for i in range(start, end) if spans[i][0][:1].isupper()]
    if len(capitals) >= len(letters) >= 2:
        first = capitals[-len(letters)]
        return spans[first][1], spans[end - 1][2]
    return None


def _abbreviation(sentence: str, target: str) -> str | None:
    """The other form of `target`: the long form of an abbreviation ("Badan Rehabilitasi dan
    Rekonstruksi (BRR)", "BRR (Badan …)"), or the abbreviation of a long form."""
    if " " not in target:
        letters = re.sub(r"\W", "", target)
        for m in re.finditer(rf"\(\s*{re.escape(target)}\s*\)", sentence):
            spans = _words(sentence[:m.start()])
            found = _long_form_before(spans, len(spans), letters)
            if found:
                return sentence[found[0]:found[1]]
        m = re.search(rf"\b{re.escape(target)}\s*\(([^()]+)\)", sentence)
        return m.group(1).strip() if m and _spells(letters, m.group(1).split()) else None
    words = target.split()
    for pattern in (rf"{re.escape(target)}\s*\(\s*([^()\s]+)\s*\)", rf"([^()\s]+)\s*\(\s*{re.escape(target)}\s*\)"):
        m = re.search(pattern, sentence, _I)
        if m and m.group(1)[:1].isupper():
            return m.group(1)  # "Kepolisian Sektor (Polsek)": beside its long form, any shape will do
    return next((w for w, _, _ in _words(sentence) if w[1:2].isupper() and _spells(w, words)), None)


# ---------------------------------------------------------------- public API

_CAUSAL = re.compile(r"\b(karena|sebab|akibat|sehingga|untuk|agar|supaya|guna|demi|alasan|imbalan)\b", _I)


def short_answer(qtype: str | None, sentence: str, article_date: str | None,
                 question_words: set[str], head: str | None = None) -> str | None:
    """The asked-for piece of `sentence`, or None when the type has no short form or none is there."""
    if not sentence or not isinstance(sentence, str):
        return None
    words = {w.lower() for w in (question_words or set())}
    if qtype == "kapan":
        return _pick(_date_candidates(sentence, article_date), sentence, words,
                     lambda c: 3.0 * _bracketed_beside_asked(sentence, c, words), proximity=0.4)
    if qtype == "siapa":
        return _who(sentence, words)
    if qtype in _PREPS:
        return _where(qtype, sentence, words, head)
    if qtype == "berapa":
        return _how_many(sentence, words)
    if qtype == "nama":
        return _named(sentence, words, head)
    if qtype == "singkatan" and head:
        return _abbreviation(sentence, head)
    return None


_CONNECTORS = {"de", "du", "des", "van", "von", "der", "bin", "binti", "al", "el", "la", "to", "of", "and"}


def _name_runs(sentence: str) -> list[Candidate]:
    """Runs of capitalised words ("Partai Wafd", "Orange County", "Si Doel Anak Sekolahan")."""
    spans = _words(sentence)
    runs, i = [], 0
    while i < len(spans):
        if not spans[i][0][:1].isupper():
            i += 1
            continue
        end = i + 1
        while end < len(spans) and not _gap(sentence, spans, end) and (
            spans[end][0][:1].isupper() or spans[end][0].isdigit()
            or (spans[end][0] in _CONNECTORS and end + 1 < len(spans) and spans[end + 1][0][:1].isupper())
        ):
            end += 1
        runs.append(Candidate(spans[i][1], spans[end - 1][2], sentence[spans[i][1]:spans[end - 1][2]], 2.0))
        i = end
    return runs


_ABBREVIATION_AFTER = re.compile(r"\s*\([A-Z][A-Za-z]*[A-Z](?:[- ][A-Z]+)?\)")


def _not_a_name(word: str) -> bool:
    w = word.lower()
    return w in _not_names() or w in DAYS or w in MONTHS


def _named(sentence: str, question_words: set[str], head: str | None) -> str | None:
    """ "Partai apakah …?" → the name in the sentence headed by that noun, else the nearest name
    the question does not already hold."""
    cands = []
    for cand in _name_runs(sentence):
        spans = _words(cand.text)
        lead = 0  # "Namun", "Senin", "Ketua Umum" open a run without being part of the name
        while lead < len(spans) - 1 and (_not_a_name(spans[lead][0]) or spans[lead][0].lower() != head and (
                spans[lead][0].lower() in _TITLE_START or spans[lead][0].lower() in _title_words())):
            lead += 1
        if lead:
            cand = Candidate(cand.start + spans[lead][1], cand.end, cand.text[spans[lead][1]:], cand.weight)
        words = [w.lower() for w, _, _ in spans[lead:]]
        fresh = [w for w in words if w not in question_words and w != head]
        if not fresh or all(_not_a_name(w) or w.isdigit() for w in words) or (
            len(words) == 1 and (is_dictionary_root(words[0]) or cand.start == 0 and _looks_affixed(cand.text))
        ):
            continue  # a lone capitalised common word ("Jauh", "Kloning") opens a sentence, names nothing
        if head and words[0] == head:
            cand = Candidate(cand.start, cand.end, cand.text, cand.weight + 3.0)
        short = _ABBREVIATION_AFTER.match(sentence, cand.end)
        if short and len(words) > 1:  # "Organisasi Nasional Melayu Bersatu (UMNO)"
            cand = Candidate(cand.start, short.end(), sentence[cand.start:short.end()], cand.weight)
        cands.append(cand)
    cands += (_head_phrases(sentence, head, question_words) + _cued_names(sentence, question_words)
              + _bracketed_names(sentence, question_words))
    if head in _TITLED:  # "Apa judul lagu …?": a title is usually quoted
        cands += [Candidate(m.start(g), m.end(g), m.group(g), 4.0) for m in _QUOTED_ANYWHERE.finditer(sentence)
                  for g in (1, 2) if m.group(g) is not None]
    return _pick(cands, sentence, question_words)


_BRACKET = re.compile(r"\(\s*([^()]{2,80}?)\s*\)")


def _bracketed_names(sentence: str, question_words: set[str]) -> list[Candidate]:
    """The other name a bracket gives: "penyakit kaki gajah (filariasis)" answers "nama lain dari
    penyakit kaki gajah", and "Bangko (ibu kota Kabupaten Merangin)" answers "ibu kota Merangin"."""
    asked = {w for w in question_words if w not in _QUESTION_STOP}
    out = []
    for m in _BRACKET.finditer(sentence):
        inside = [w.lower() for w, _, _ in _words(m.group(1))]
        before = _words(sentence[:m.start()])
        if before and all(w.lower() in asked for w, _, _ in before[-2:]) and not all(w in asked for w in inside):
            out.append(Candidate(m.start(1), m.end(1), m.group(1), 4.0))
        elif inside and sum(w in asked for w in inside) * 3 >= 2 * len(inside) and before:
            run = next((c for c in _name_runs(sentence[:m.start()]) if c.end >= len(sentence[:m.start()].rstrip())),
                       None)
            if run and not _overlaps_question(run.text, asked):
                out.append(Candidate(run.start, run.end, run.text, 4.0))
    return out


_NAME_CUE = re.compile(r"\b(?:berjudul|bertema|bertajuk|bernama|dijuluki|julukan|diberi nama|dinamai|disebut)\s+"
                       r"(?:\"\s*([^\"]{1,80}?)\s*\"|“\s*([^”]{1,80}?)\s*”|([^,.;:()\"“]{1,60}))", _I)


def _cued_names(sentence: str, question_words: set[str]) -> list[Candidate]:
    """The name a sentence announces: "bukunya berjudul " The Sun Also Sets "", "diberi nama
    Snuppy - singkatan …", "induk llama bernama Martini (8)"."""
    out = []
    for m in _NAME_CUE.finditer(sentence):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        start, end = m.span(group)
        if group == 3:  # unquoted: up to a function word, at most five words
            words = _words(sentence[start:end])
            keep = 0
            segment = sentence[start:end]
            while keep < min(len(words), 5) and (keep == 0 or words[keep][0].lower() not in _STOP_AFTER
                                                and not _looks_verbal(words[keep][0])
                                                and not segment[words[keep - 1][2]:words[keep][1]].strip()):
                keep += 1
            end = start + words[keep - 1][2] if words else start
        text = sentence[start:end].strip()
        if text and not _repeats_question(text, question_words):
            out.append(Candidate(start, end, text, 4.5))
    return out


_TITLED = {"judul", "tema", "lagu", "film", "buku", "album", "slogan", "semboyan", "motto"}
_QUOTED_ANYWHERE = re.compile(r"\"\s*([^\"]{1,80}?)\s*\"|“\s*([^”]{1,80}?)\s*”")
_QUOTED = re.compile(rf"\s*(?:{_QUOTED_ANYWHERE.pattern})")
_NAMING_CUES = {"bernama", "berjudul", "bertajuk", "dijuluki", "disebut", "bermerek", "yaitu", "yakni"}


def _head_phrases(sentence: str, head: str | None, question_words: set[str]) -> list[Candidate]:
    """ "Etnis mana …?" over "kelompok etnis Alas yang …" → "etnis Alas", "bunga apakah …" over
    "bunga sakura" → "bunga sakura": the asked noun and the words that name it, up to a function
    word or punctuation; after "bernama" or "berjudul" only the name."""
    if not head:
        return []
    out = []
    for m in re.finditer(rf"\b{re.escape(head)}(?:-{re.escape(head)})?\b", sentence, _I):
        rest = sentence[m.end():]
        quoted = _QUOTED.match(rest)
        if quoted:  # lagu " Jujur "
            group = 1 if quoted.group(1) is not None else 2
            out.append(Candidate(m.end() + quoted.start(group), m.end() + quoted.end(group), quoted.group(group), 4.5))
            continue
        spans = _words(rest)
        end = 0
        while end < min(len(spans), 5) and not rest[spans[end - 1][2] if end else 0:spans[end][1]].strip() \
                and spans[end][0].lower() not in _STOP_AFTER and not _not_a_name(spans[end][0]):
            if spans[end][0].lower() in question_words and any(
                    w.lower() not in question_words for w, _, _ in spans[:end]):
                break  # "kapsul Soyuz karya Rusia": the name ends where the question resumes
            end += 1
        named = spans[:end]
        while named and named[0][0].lower() in _NAMING_CUES:
            named = named[1:]
        if not [w for w, _, _ in named if w.lower() not in question_words]:
            continue
        start = m.end() + named[0][1] if len(named) < end else m.start()
        stop = m.end() + spans[end - 1][2]
        out.append(Candidate(start, stop, sentence[start:stop], 4.0))
    return out


def asks_for_speaker(question_words: set[str]) -> bool:
    """"siapa yang mengatakannya?": the answer is whoever speaks in the sentence."""
    return any(w in _SPEECH_QUESTION or w.removesuffix("nya") in _SPEECH_QUESTION for w in question_words)


def has_speech(sentence: str) -> bool:
    return any(w.lower() in _SPEECH for w, _, _ in _words(sentence))


def has_answer_type(qtype: str | None, sentence: str) -> bool:
    """Whether the sentence could answer this type at all; for open types any sentence could."""
    if not sentence:
        return False
    if qtype == "kapan":
        return bool(_date_candidates(sentence, None))
    if qtype == "siapa":
        return bool(_person_candidates(sentence) or _org_candidates(sentence))
    if qtype in _PREPS:
        return bool(_place_candidates(sentence, ("di", "ke", "dari", "menuju")) or _known_places(sentence))
    if qtype == "berapa":
        return bool(_number_candidates(sentence, None))
    if qtype == "mengapa":
        return bool(_CAUSAL.search(sentence))
    if qtype == "nama":
        return bool(_name_runs(sentence))
    return True
