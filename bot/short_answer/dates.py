"""kapan: dates and times, resolved against the article's date where the text leaves the year out."""
from __future__ import annotations

import re
from datetime import date, timedelta

from bot.short_answer.common import (
    BIRTH,
    CASELESS,
    DAY,
    DAY_CAP,
    MONTH,
    MONTH_CAP,
    MONTH_INDEX,
    MONTHS,
    ORDINAL_WORD,
    Candidate,
    citations,
    drop_overlaps,
    per_sentence,
)


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


_AHEAD = re.compile(r"\s+(?:mendatang|nanti)\b", CASELESS)


def _year_ahead(month: int, day: int, ref: date | None) -> int | None:
    """ "19 September mendatang": the first such date from publication on."""
    if ref is None:
        return None
    return ref.year if date(ref.year, month, min(day, 28)) >= ref else ref.year + 1


def _valid(day: int, month: int, year: int | None = None) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 was a leap year, so 29/2 passes without a year
    except ValueError:
        return False
    return True


# The era a year is counted in, written after it: "1600 SM", "532 H", "1200 Masehi", "1599 Saka", also
# where the sentence ends ("abad ke-5 SM."); a lone capital before a name is an initial ("… 2015 M Nasir
# …", "2015 M. Nasir").
_NO_NAME_AFTER = r"(?!\w)(?!\s+[A-Z])"  # "2010 SM Entertainment", "2015 M Nasir": no era
_ERA_NAME = (rf"(?:SM|SH){_NO_NAME_AFTER}|(?:M|H)(?:(?!\.){_NO_NAME_AFTER}|(?=\.\s*$))"
             r"|[Ss]ebelum [Mm]asehi\b|Masehi\b|Saka\b")
_ERA = re.compile(rf"\s+({_ERA_NAME})")
_DAY_NUMBER = r"(?:0?[1-9]|[12]\d|3[01])"
_CENTURY = r"(?:ke\s?-?\s?)?(?:\d{1,2}|[IVXL]+)\b"  # after "abad": "ke-19", "ke 5", "XI"
# "pukul 19.00 WIB", "jam 9 pagi", "pukul 7 malam", "4.37 dini hari"; an hour without minutes is none
# before a unit it counts ("24 jam 7 hari"). Hours from one time to another are whole: "pukul 08.00
# hingga 17.00 WIB", and two clock times a dash joins, as a timetable writes them ("06.10 - 23.10").
_DAY_PART = r"(?:pagi|siang|sore|malam|dini\s+hari)\b"
_HOUR = r"(?:[01]?\d|2[0-4])(?:[.:]\d{2}|(?![.,:]?\d)(?!\s*(?:hari|jam|menit|detik)\b))"
_CLOCK = r"(?:[01]?\d|2[0-4])[.:][0-5]\d"
_ZONE = r"(?:\s*(?:WIB|WITA|WIT)\b)?"
_TO = r"-|–|hingga|sampai(?:\s+dengan)?"  # from one time or century to another (YEAR_SPAN has no "sampai dengan")
_UNTIL = rf"\s*(?:{_TO}|s/d)\s*(?:pukul\s+)?"
TIME_OF_DAY = re.compile(rf"\b(?:pukul|jam)\s+{_HOUR}{_ZONE}(?:{_UNTIL}{_HOUR}{_ZONE})?(?:\s+{_DAY_PART})?"
                         rf"|\b\d{{1,2}}[.:]\d{{2}}\s+{_DAY_PART}"
                         rf"|(?<![\d.,]){_CLOCK}{_ZONE}\s?[-–]\s?{_CLOCK}{_ZONE}(?![.,]?\d)", CASELESS)
_DATE_RULES: list[tuple[re.Pattern, str, float]] = [
    (re.compile(rf"\b(?:{DAY}\s*,?\s*)?\(\s*(\d{{1,2}})\s*/\s*(\d{{1,2}})(?:\s*/\s*(\d{{2,4}}))?\s*\)", CASELESS),
     "slash", 4.0),
    (re.compile(r"(?<![\d/])(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d{4})\b"), "dmy_slash", 4.0),  # "27 / 9 / 2016"
    (re.compile(rf"\b{_DAY_NUMBER}\s?[-–]\s?{_DAY_NUMBER}\s+{MONTH}(?:\s+\d{{4}})?\b", CASELESS),
     "verbatim", 4.5),  # "3 - 6 September 2017"; not "(15 Desember 37 – 9 Juni 68)"
    (re.compile(rf"\b(\d{{1,2}})\s+{MONTH}\s+(\d{{3,4}})\b", CASELESS), "dmy", 4.0),
    (re.compile(rf"\b(\d{{1,2}})\s+{MONTH_CAP}\s+(lalu|kemarin|depan|ini)\b"), "dm_rel", 3.5),  # "1 Juli ini"
    (re.compile(rf"\b(\d{{1,2}})\s+{MONTH}\b", CASELESS), "dm", 3.0),
    (re.compile(rf"\b(?:bulan\s+)?{MONTH}\s+(?:tahun\s+)?(\d{{4}})\b", CASELESS), "my", 3.0),
    (re.compile(rf"\b(?:bulan\s+)?{MONTH_CAP}\s+(lalu|kemarin|depan|ini)\b"), "m_rel", 2.5),
    (re.compile(rf"\b(?:bulan\s+){MONTH}\b|\b{MONTH_CAP}\b", 0), "m", 2.0),
    (re.compile(rf"\b(?:awal|akhir|pertengahan)\s+(?:bulan\s+)?{MONTH}(?:\s+\d{{4}})?\b", CASELESS), "verbatim", 3.5),
    # "musim gugur 2018", "awal tahun depan": the part of the year is part of the answer
    (re.compile(r"\b(?:awal|akhir|pertengahan|musim\s+(?:gugur|semi|panas|dingin|hujan|kemarau))\s+"
                r"(?:(?:tahun\s+)?(?:19|20)\d{2}(?:\s?-\s?an)?|tahun\s+(?:depan|ini|lalu))\b", CASELESS), "verbatim", 3.0),
    (re.compile(rf"\b(?:(?:awal|akhir|pertengahan|sekitar)\s+)?(?:abad|milenium)\s+(?:{_CENTURY}"
                rf"(?:(?:\s+SM)?\s*(?:{_TO})\s*(?:abad\s+)?{_CENTURY})?"
                rf"|{ORDINAL_WORD}(?:\s+(?:{_ERA_NAME}))?)"),
     "verbatim", 2.5),  # "awal abad ke-19", "abad XI", "abad keempat belas", "abad pertama Masehi",
    # "milenium ke-3 SM" (no year 3), and from one century to another, "abad ke-14 hingga abad ke-15"
    (re.compile(r"\b(?:tahun\s+)?(?:1[5-9]|20)\d{2}(?:\s?-\s?)?an\b", CASELESS), "verbatim", 2.5),  # "1930-an", "1970an"
    (re.compile(r"\b(?:1[5-9]|20)\d{2}\s?[-–]\s?(?:1[5-9]|20)\d{2}\b"), "verbatim", 2.5),  # "1637-1641", "1851–1864"
    # "37 SM", "218–201 SM"; not "2010 SM Entertainment"
    (re.compile(rf"(?<![\d.,])(?:\d{{1,4}}\s?[-–]\s?)?\d{{1,4}}\s?SM{_NO_NAME_AFTER}"), "verbatim", 2.5),
    (re.compile(rf"(?<![\d.,])(\d{{1,4}})(?=\s+(?:{_ERA_NAME}))"), "old_year", 1.8),  # an era's year: "570 M"
    (re.compile(r"\b(?:tahun\s+(?:1[5-9]|20)\d{2}|(?:19|20)\d{2})\b", CASELESS), "y", 2.0),
    # An older year, said to be one ("tahun 400", "sejak 1811", "pada 1453 M"); a bare number of that
    # size is as likely a count ("sekitar 1500 orang").
    (re.compile(r"(?:" + "|".join(f"(?<={w} )" for w in ("tahun", "pada", "sejak", "antara", "Tahun", "Pada",
                                                          "Sejak", "Antara"))
                + rf")(\d{{3,4}}(?:\s+(?:SM|M){_NO_NAME_AFTER})?)(?!\d|[.,]\d)"),
     "old_year", 1.8),  # "tahun 583." ends a sentence
    (re.compile(r"\b(tahun|bulan|pekan|minggu)\s+(lalu|kemarin|depan|ini)\b", CASELESS), "rel", 1.5),
    (re.compile(r"\b(kemarin|hari ini|besok)\b", CASELESS), "day_rel", 1.5),
    (TIME_OF_DAY, "time", 1.0),
    (re.compile(rf"\b(?:pada\s+)?hari\s+{DAY}\b(?!\s*,?\s*\(\d)", CASELESS), "weekday", 0.5),
    (re.compile(rf"\bpada\s+{DAY_CAP}\b(?!\s*,?\s*\(\d)"), "weekday", 0.5),
]
# An age named by its rulers or its events: "pada zaman Majapahit", "pertengahan zaman Heian", "sejak
# masa pemerintahan Sultan Agung", "era Reformasi". It dates only a sentence that gives no date of its
# own: "memimpin pada masa Orde Baru sejak 1966" is answered by the years.
_NAMED_AGE = re.compile(r"\b(?:(?:awal|akhir|pertengahan)\s+)?(?:zaman|masa|era)\s+"
                        r"(?:(?:pemerintahan|kekuasaan|penjajahan|kerajaan|kesultanan|dinasti)\s+)?"
                        r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|[IVXL]+\b)){0,3}")
# The rules that can match where no digit is (a month, a weekday, "tahun lalu", "abad XI"), in order:
# a sentence without digits, as most are, is read by these alone.
_WORD_RULES = [rule for rule in _DATE_RULES if rule[1] in {"m_rel", "m", "verbatim", "rel", "day_rel", "weekday"}]
_DIGIT = re.compile(r"\d")


def _render_date(kind: str, m: re.Match, ref: date | None, anchor: int | None = None) -> str | None:
    """The date as shown; `anchor` is the year the sentence itself names, if one near publication."""
    g = m.groups()
    if kind == "slash":
        day, month = int(g[1]), int(g[2])
        if not _valid(day, month):
            return None
        year = int(g[3]) if g[3] else _year_on_weekday(day, month, g[0], anchor or _year_for(month, day, ref))
        if year is not None and year < 100:
            year += 2000
        return _fmt(day, month, year) if _valid(day, month, year) else None
    if kind == "dmy_slash":
        day, month, year = int(g[0]), int(g[1]), int(g[2])
        return _fmt(day, month, year) if _valid(day, month, year) else None
    if kind == "dmy":
        day, month, year = int(g[0]), MONTH_INDEX[g[1].lower()], int(g[2])
        return _fmt(day, month, year) if _valid(day, month, year) else None
    if kind == "dm":
        month = MONTH_INDEX[g[1].lower()]
        ahead = _AHEAD.match(m.string, m.end())
        year = anchor or (_year_ahead if ahead else _year_for)(month, int(g[0]), ref)
        return _fmt(int(g[0]), month, year) if _valid(int(g[0]), month) else None
    if kind == "my":
        return _fmt(None, MONTH_INDEX[g[0].lower()], int(g[1]))
    if kind == "m_rel":
        return _month_relative(MONTH_INDEX[g[0].lower()], g[1].lower(), ref)
    if kind == "dm_rel":
        day, month = int(g[0]), MONTH_INDEX[g[1].lower()]
        if not _valid(day, month):
            return None
        return f"{day} {_month_relative(month, g[2].lower(), ref)}"
    if kind == "m":
        month = MONTH_INDEX[(g[0] or g[1]).lower()]
        ahead = _AHEAD.match(m.string, m.end())
        return _fmt(None, month, _year_ahead(month, 28, ref) if ahead else _year_for(month, None, ref))
    if kind == "y":
        return m.group()  # "tahun 2009" as written
    if kind == "old_year":
        return g[0]
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


def _year_on_weekday(day: int, month: int, weekday: str | None, year: int | None) -> int | None:
    """ "Rabu (14/6)": of the guessed year and its neighbours, the one where that date is a Wednesday."""
    want = _WEEKDAYS.get((weekday or "").lower())
    if year is None or want is None:
        return year
    for option in (year, year - 1, year + 1):
        if _valid(day, month, option) and date(option, month, day).weekday() == want:
            return option
    return year


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _sentence_year(sentence: str, ref: date | None) -> int | None:
    """The one year a sentence names, when it is within a year of publication: "Pemungutan suara
    Pilkada 2018 dijadwalkan pada 27 Juni" is about June 2018 even in an article of 2017."""
    years = {int(y) for y in _YEAR.findall(sentence)}
    if ref is None or len(years) != 1:
        return None
    year = years.pop()
    return year if abs(year - ref.year) <= 1 else None


@per_sentence
def date_candidates(sentence: str, article_date: str | None) -> list[Candidate]:
    ref = parse_iso_date(article_date)
    anchor = _sentence_year(sentence, ref)
    cands = []
    for pattern, kind, weight in _DATE_RULES if _DIGIT.search(sentence) else _WORD_RULES:
        for m in pattern.finditer(sentence):
            text, end = _render_date(kind, m, ref, anchor), m.end()
            if text and text[-1].isdigit() and (era := _ERA.match(sentence, end)):
                text, end = f"{text} {era.group(1)}", era.end()  # "1600 SM" is no year 1600
            if text:
                cands.append(Candidate(m.start(), end, text, weight))
    if not cands:
        cands = [Candidate(m.start(), m.end(), m.group(), 1.0) for m in _NAMED_AGE.finditer(sentence)]
    return drop_overlaps(cands)


# A weekday named in the sentence, for "hari apa": "setiap hari Kamis", "pada Selasa (20/6)", "sejak
# Senin hingga Selasa"; not "Minggu lalu" (a week).
_NAMED_WEEKDAY = re.compile(rf"\b(?!(?i:minggu)\s+(?i:lalu|depan|ini|kemarin|ke\b|pertama|kedua|terakhir))"
                            rf"(?:{DAY_CAP}|(?i:(?<=hari ){DAY}))(?:\s+(?:hingga|sampai|dan|-|–)\s+{DAY_CAP})?\b")


def named_weekdays(sentence: str) -> list[Candidate]:
    """The weekdays a sentence names, as written: in the news, "hari apa" asks which day of the week
    ("buka tiap hari apa" → "Kamis"), which a date does not say."""
    return [Candidate(m.start(), m.end(), m.group()[:1].upper() + m.group()[1:], 4.0)
            for m in _NAMED_WEEKDAY.finditer(sentence)]


def stated_in_question(date_text: str, question_words: set[str]) -> bool:
    """ "Sebelum pemeriksaan 9 Januari, kapan …": a date whose day and month the question states
    (the year may be one only the article's date supplies) is what the question dates itself by; so
    are years alone that it writes ("periode 2017-2022 … tgl brp": of the train sets' 2,803 "kapan"
    answers, one has only figures its question writes, and a month it does not), or a span of years
    with one end it writes ("capres 2019 … kapan" is not answered by "periode 2019 - 2024")."""
    words = [w.lower() for w in re.findall(r"\w+", date_text)]
    day_and_month = [w for w in words if w.isdigit() and len(w) <= 2 or w in MONTH_INDEX]
    if day_and_month:
        return all(w in question_words for w in day_and_month)
    years = [w for w in words if w.isdigit()]
    written = set(re.findall(r"\d+", " ".join(question_words)))
    return bool(years) and any(y in written for y in years)


_DEATH = {"meninggal", "wafat", "tewas", "mangkat", "gugur", "kematian", "kematiannya", "wafatnya", "meninggalnya"}
# Also "l:" and "w:", the abbreviations of lahir and wafat in a biography's brackets.
_LIFE_EVENT = re.compile(r"\b(?:" + "|".join(sorted(BIRTH | _DEATH)) + r")\b|(?<!\w)[lw]\s?:", re.IGNORECASE)
# "(26 Mei 1912 – 6 Juli 1989)", "(407–453)", "(Pati, 1907 - Surakarta, 13 Oktober 1948)": a life span,
# born – died; a sentence split inside its bracket opens with it ("1182 – 1 Februari 1222) merupakan …").
_LIFE_SPAN = re.compile(r"(?:\(|^)([^()]*?\d[^()]*?)\s?[–-]\s?([^()]*?\d[^()]*?)\)")
_SIDE_YEAR = re.compile(r"(?<![\d.,])\d{3,4}(?:\s+S?M)?(?=\W*$)")  # a side's closing year ("407", "830/835", "275 SM")
# What a span's first end dates besides a birth, and what its last end dates besides a death.
_FIRST_END = BIRTH | {"didirikan", "berdiri", "dibentuk"}  # not "mulai": "mulai menjabat" is no birth
_LAST_END = _DEATH | {"berakhir", "runtuh", "dibubarkan", "bubar"}
_BIRTHDAY = {"ulang", "ultah"}  # "ulang tahun", "ultah" ask the day of a birth
# A date right after a birth word, past its place: "kelahiran 29 Mei 1983", "lahir di Solo, 6 Juni 1961"
_BORN_ON = re.compile(r"\b(?i:lahir|kelahiran|dilahirkan)(?:\s+(?:pada|tanggal|di|[A-Z][\w.'’-]*,?)){0,3}\s*,?\s*$")


def _asks_first_end(question_words: set[str]) -> bool | None:
    """Whether the question asks a span's first end (a birth, a founding) or its last (a death, an
    end); None when it asks neither, or both."""
    first, last = bool(question_words & _FIRST_END), bool(question_words & _LAST_END)
    return None if first == last else first


def life_span_years(sentence: str, question_words: set[str]) -> list[Candidate]:
    """The bare years closing each end of a life span, which no date rule takes for a date on its own
    ("(407–453)", "Edirne, 1360 - Akşehir, 8 Maret 1403)"), when the question asks for one end."""
    if _asks_first_end(question_words) is None:
        return []
    out = []
    for span in _LIFE_SPAN.finditer(sentence):
        for side in (1, 2):
            if year := _SIDE_YEAR.search(span.group(side)):
                start = span.start(side) + year.start()
                out.append(Candidate(start, start + len(year.group()), year.group(), 2.0))
    return out


def of_other_life_event(sentence: str, date: Candidate, question_words: set[str]) -> bool:
    """ "(lahir … tahun 1815 – meninggal …, 15 Desember 1861)": a date under "lahir" does not answer
    "kapan … meninggal", nor one under "meninggal" "kapan … lahir"; in a bare span "(26 Mei 1912 –
    6 Juli 1989)" the first date is the birth (or the founding: "Dinasti Ming (1368 - 1644)"). A date
    written as a birth ("perempuan kelahiran 29 Mei 1983") answers only a question about a life
    event, a birthday or a founding ("SCTV lahir pada tanggal 24 Agustus 1990" for "Kapan SCTV
    berdiri?")."""
    asks_first = _asks_first_end(question_words)
    if not question_words & (BIRTH | _DEATH | _BIRTHDAY | _FIRST_END) and _BORN_ON.search(sentence, 0, date.start):
        return True
    if asks_first is None:
        return False
    for span in _LIFE_SPAN.finditer(sentence):
        if span.start() <= date.start < span.end() and not _LIFE_EVENT.search(sentence, span.start(), date.start):
            return (date.start >= span.start(2)) == asks_first
    asks_birth, asks_death = bool(question_words & BIRTH), bool(question_words & _DEATH)
    events = _LIFE_EVENT.findall(sentence[:date.start])
    return asks_birth != asks_death and bool(events) and _is_birth(events[-1]) != asks_birth


def unasked_citations(sentence: str, question_words: set[str]) -> list[tuple[int, int]]:
    """ "berdasarkan Peraturan Pemerintah Nomor 28 Tahun 2006": the year a cited document was issued
    answers a question about that document ("kapan perda itu disahkan") or about what it founded
    ("Kapan KPK dibentuk?" of "dibentuk berdasarkan UU Nomor 30 Tahun 2002"), not "gayus bebas kapan".
    The spans of the citations whose year answers nothing asked."""
    if question_words & _FIRST_END:
        return []
    return [(start, end) for start, end, named in citations(sentence) if not named & question_words]


def _is_birth(event: str) -> bool:
    event = event.lower()
    return event in BIRTH or event.startswith("l")


_DAY_RANGE = re.compile(r"(\d{1,2})\s?[-–]\s?(\d{1,2})(\s+.+)")
_ASKS_END = {"sampai", "hingga", "berakhir", "berakhirnya", "selesai", "ditutup", "usai", "penutupan"}
_ASKS_START = {"mulai", "dimulai", "dibuka", "sejak", "pembukaan", "dimulainya"}
YEAR_SPAN = re.compile(r"(?<![\d.,])\d{3,4}(?:\s+SM)?\s*(?:-|–|sampai|hingga)\s*(?:tahun\s+)?\d{3,4}(?:\s+M)?"
                       r"(?![\d.,]\d)")  # "1967 sampai 1998", "(202 SM - 220)"


def asks_span(question_words: set[str]) -> bool:
    """ "Dari tahun berapa sampai tahun berapa …": both ends are asked."""
    return bool(question_words & {"sampai", "hingga"} and question_words & {"dari", "sejak", "mulai", "antara"})


# Words that open a span's end or its start in a sentence: "mulai 13 Mei hingga 26 November 2017".
_OPENS_END = re.compile(r"\b(?:hingga|sampai|s\.?d\.?|s/d|berakhir(?:\s+pada)?)\s+(?:(?:dengan|tanggal|akhir)\s+)?$"
                        r"|[-–]\s?$|\bantara\b.{1,25}\bdan\s+$", re.IGNORECASE)  # "antara 24 Juli dan 29 Juli 1148"
_OPENS_START = re.compile(r"\b(?:mulai|sejak|dimulai(?:\s+pada)?)\s+(?:tanggal\s+)?$", re.IGNORECASE)


def opens_asked_end(sentence: str, date: Candidate, question_words: set[str]) -> bool:
    """ "sampai kapan … dikunjungi" is answered by the date after "hingga" in "mulai 13 Mei hingga 26
    November 2017", "sejak kapan" by the one after "mulai": the end of a span the question asks for."""
    if asks_span(question_words):
        return False
    before = sentence[max(0, date.start - 30):date.start]
    if question_words & _ASKS_END:
        return bool(_OPENS_END.search(before))
    return bool(question_words & _ASKS_START and _OPENS_START.search(before))


def one_end(found: str | None, question_words: set[str]) -> str | None:
    """ "22 - 26 Agustus 2005" answers "kapan … berlangsung"; "kapan … ditutup" wants 26 Agustus 2005
    and "kapan … dibuka" 22 Agustus 2005."""
    m = _DAY_RANGE.fullmatch(found or "")
    if not m or asks_span(question_words):
        return found
    if question_words & _ASKS_END:
        return m.group(2) + m.group(3)
    if question_words & _ASKS_START:
        return m.group(1) + m.group(3)
    return found


_YEAR = re.compile(r"\b\d{3,4}\b")
_ASKS_HOW_MANY = {"berapa", "berapakah", "keberapa"}


_YEAR_WORD = re.compile(r"\Atahun\s+(?=\d)", re.IGNORECASE)


def bare_year(found: str | None) -> str | None:
    """ "Tahun 1583" is answered "1583", "tahun 1930-an" "1930-an": the word adds nothing to the answer
    to "kapan". The MRC sets' annotators write the year alone: of 410 such answers on train gold
    sentences, the bare year is closer to their answer in 369 and further in 19 (FacQA's, which keep
    the word more often than not)."""
    return _YEAR_WORD.sub("", found) if found else found


def year_asked(found: str | None, question_words: set[str]) -> str | None:
    """ "Tahun berapa Huo Yuanjia meninggal?" is answered by 1910, not 9 Agustus 1910."""
    if not found or "tahun" not in question_words or not question_words & _ASKS_HOW_MANY \
            or question_words & {"kapan", "kapankah"}:
        return found
    years = _YEAR.findall(found)
    if len(years) != 1 or "-" in found or found.rstrip().endswith("-an"):
        return found
    era = _ERA.search(found)
    return f"{years[0]} {era.group(1)}" if era else years[0]
