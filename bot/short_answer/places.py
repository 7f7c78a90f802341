"""di / ke / dari mana: the place after the asked preposition, a known place, or what locates the asked one."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.question import cities_and_regions, countries, place_span
from bot.short_answer.choice import pick
from bot.short_answer.common import (
    BIRTH,
    DAYS,
    DIRECTIONS,
    HOMELAND,
    MONTHS,
    REGIONS,
    Candidate,
    copula_subject,
    drop_overlaps,
    gap_before,
    name_runs,
    not_names,
    overlaps_question,
    per_sentence,
    repeats_question,
    title_words,
    with_words_before,
    word_spans,
)
from index.analyse import STOPWORDS, is_ordinary_word

_FACILITIES = {"kosmodrom", "istana", "lapangan", "bandara", "stasiun", "pangkalan", "markas",
               "universitas", "gedung", "pelabuhan", "penjara", "rutan", "lapas"}
_PLACE_NOUNS = {"kota", "ibu", "wilayah", "negara", "perairan", "pantai", "provinsi", "kawasan", "desa",
                "semenanjung", "perbatasan", "kantor", "hutan", "gunung", "pulau", "kampung", "jalan", "pasar",
                "sungai", "danau", "laut", "teluk", "selat", "kecamatan", "kabupaten", "distrik", "dusun",
                "kompleks", "taman", "lereng", "puncak", "daerah", "kepulauan", "dataran", "lembah", "hotel",
                "masjid", "sekolah"} | _FACILITIES
_KEPT_NOUNS = _FACILITIES | DIRECTIONS  # part of the place's name: "Bandara X", "perairan timur X"


@lru_cache(maxsize=None)
def _no_place_start() -> frozenset[str]:
    """Capitalised words that open no place, built once (it runs for every candidate sentence)."""
    return not_names() - {"istana", "lapangan", "gedung", "kremlin", "pentagon", "kantor"}  # "di Kantor Pusat MUI"


PREPOSITIONS = {"dimana": ("di",), "kemana": ("ke", "menuju"), "darimana": ("dari", "asal")}


@per_sentence
def place_candidates(sentence: str, preps: tuple[str, ...]) -> list[Candidate]:
    spans = word_spans(sentence)
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
    """End index of the run of capitalised words starting at j (j if none). A street address goes on
    through its short forms' stops and its number: "Jl. Yos Sudarso No. 9", "Jalan Melati Nomor 12"
    (cut at the number, it was "Jl" and "Jalan Melati Nomor")."""
    end = j
    while end < len(spans):
        w = spans[end][0]
        before = spans[end - 1][0].lower() if end > j else ""
        between = sentence[spans[end - 1][2]:spans[end][1]].strip() if end > j else ""
        if before in _HOUSE_NUMBER and w[:1].isdigit() and between in ("", "."):
            end += 1
            continue
        if not w[:1].isupper() or w.lower() in DAYS or w.lower() in MONTHS:
            break
        # news copy spaces a name's hyphen: "Hotel Shangri - La"
        if end > j and gap_before(sentence, spans, end) and between != "-" and not (
                between == "." and before in _ABBREVIATED):
            break
        end += 1
    return end


_HOUSE_NUMBER = {"no", "nomor", "nomer"}
_ABBREVIATED = {"jl", "jln"}  # "Jl.": the stop ends the short form, not the address


def _place_after(sentence: str, spans, j: int) -> Candidate | None:
    words = [w for w, _, _ in spans]
    noun_start = j
    while j < len(words) and j - noun_start < 3 and not words[j][:1].isupper() and (
            words[j].lower() in _PLACE_NOUNS or j > noun_start and words[j].lower() in DIRECTIONS):
        j += 1  # "ke perairan timur Semenanjung Korea"
    end = _cap_run(sentence, spans, j)
    # English "The" opens a venue's name ("di The Pallas, Jakarta", "di The Kasablanka Hall")
    if end == j or words[j].lower() in _no_place_start() and not (
            words[j] == "The" and end - j > 1 and words[j + 1].lower() not in _no_place_start()):
        return None
    start = j
    known = place_span(words, j) == end - j
    # "kota pelabuhan Rusia, Vladivostok": after a place noun, the apposition names the place itself;
    # without one, "di Den Haag, Belanda" names the place first and then what it lies in
    if known and noun_start < j and end < len(words) and sentence[spans[end - 1][2]:spans[end][1]].strip() == ",":
        app_end = _cap_run(sentence, spans, end)
        if app_end > end:
            start, end, known = end, app_end, True
    elif noun_start < j and (not known or words[j - 1].lower() in _KEPT_NOUNS):
        start = noun_start
    # "Istana Tamu Kumsusan di Pyongyang": keep the city that locates the building
    if end + 1 < len(words) and words[end].lower() == "di" and not gap_before(sentence, spans, end):
        more = _cap_run(sentence, spans, end + 1)
        if more > end + 1:
            end = more
            known = True
    text = sentence[spans[start][1]:spans[end - 1][2]]
    return Candidate(spans[start][1], spans[end - 1][2], text, 3.0 if known else 2.5)


def known_places(sentence: str) -> list[Candidate]:
    spans = word_spans(sentence)
    words = [w for w, _, _ in spans]
    out = []
    i = 0
    while i < len(words):
        size = place_span(words, i) if words[i][:1].isupper() else 0
        if size and i + size < len(words) and words[i + size].lower() in DIRECTIONS and words[i + size][:1].isupper() \
                and not gap_before(sentence, spans, i + size):
            size += 1  # "Bekasi Timur", "Sumba Barat": the compass part belongs to the place
        if size:
            out.append(Candidate(spans[i][1], spans[i + size - 1][2], sentence[spans[i][1]:spans[i + size - 1][2]], 1.0))
        i += max(size, 1)
    return out


_LOCATION_AFTER = re.compile(r"\s*\(([A-Z][^()]{1,40})\)|\s*,\s*((?:[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}(?:,\s*)?){1,3})")


def is_known_place(text: str) -> bool:
    """The whole phrase is a place the place list knows ("China", "Jawa Timur")."""
    words = [w for w, _, _ in word_spans(text)]
    return bool(words) and place_span(words, 0) == len(words)


def _located_after(sentence: str, question_words: set[str], head: str | None) -> list[Candidate]:
    """ "Di kota manakah Bandara Supadio?" over "Bandara Supadio (Pontianak)" or "Anaheim,
    California, Amerika Serikat": the place written right after the asked one locates it; a
    country is the last of such a list."""
    out = []
    for run in name_runs(sentence):
        words = [w.lower() for w, _, _ in word_spans(run.text)]
        if sum(w in question_words for w in words) * 2 < len(words):
            continue
        m = _LOCATION_AFTER.match(sentence, run.end)
        if not m:
            continue
        group = 1 if m.group(1) else 2
        start, end = m.span(group)
        parts = sentence[start:end].rstrip(" ,").split(",")
        known = 0
        while known < len(parts) and is_known_place(parts[known].strip()):
            known += 1  # "Helsinki, Finlandia, Rabu (10/8)": the places up to the day
        if not known:
            continue
        text = ",".join(parts[:known]).strip()
        places = [part.strip() for part in parts[:known]]
        end = start + len(text)
        if head == "negara" and len(places) > 1:
            text = places[-1]
            start = sentence.rindex(text, start, end)
        if not repeats_question(text, question_words):
            out.append(Candidate(start, start + len(text), text, 4.0))
    return out


_ASKS_WHERE_IT_LIES = {"letak", "letaknya", "terletak", "lokasi", "lokasinya", "berlokasi"}
_LIES = re.compile(r"\b(?:terletak|berlokasi|letaknya)\s+(?:tepat\s+|persis\s+)?(?:di\s+|pada\s+|(?=antara\s))"
                   r"([^,.;:()]{3,120}?)"
                   r"(?=\s*[,.;:(]|\s+(?:yang|dan\s+(?:ber|me|di)\w+|serta|sedangkan|sejak|sekitar\s+\d)\b|$)",
                   re.IGNORECASE)
_MAX_SETTING_WORDS = 10


def _where_it_lies(sentence: str, question_words: set[str]) -> list[Candidate]:
    """ "Di mana letak Papua Nugini?" over "… negara yang terletak di bagian timur Pulau Papua":
    the setting the sentence gives, which is often no single place name."""
    if not question_words & _ASKS_WHERE_IT_LIES:
        return []
    out = []
    for m in _LIES.finditer(sentence):
        text = m.group(1).strip()
        if len(text.split()) <= _MAX_SETTING_WORDS and not repeats_question(text, question_words):
            out.append(Candidate(m.start(1), m.start(1) + len(text), text, 5.0))
    return out


# Places a country holds; a city-state is in places.txt as well as countries.txt.
_WITHIN_A_COUNTRY = {"kota", "kabupaten", "provinsi", "desa", "kecamatan", "kelurahan", "distrik"}


def _only_a_country(text: str) -> bool:
    """A country and no city: "Korea Utara" is no answer to "di kota mana", "Singapura" is."""
    words = tuple(text.lower().split())
    return words in countries() and words not in cities_and_regions()


def _country_in(cand: Candidate) -> Candidate | None:
    """The country a candidate is, else the last one it names ("Kashmir India" lies in India,
    "Warga Papua Niugini" are of it), weighed below a candidate that is a country whole."""
    found = None
    for place in known_places(cand.text):
        words = place.text.lower().split()
        if tuple(words) in countries() or words[-1] in DIRECTIONS and tuple(words[:-1]) in countries():
            found = place  # "Siprus Utara" with its compass part
    if found is None:
        return None
    whole = found.text == cand.text
    return Candidate(cand.start + found.start, cand.start + found.end, found.text, cand.weight - (not whole))


# "Di mana X menyampaikan pendapatnya …?": the place after the attribution ("ujar X dalam sebuah diskusi
# di kawasan Menteng"), not one inside the quote ("… memperlakukan terorisme di Guantanamo").
_SPEAKING = {"mengatakan", "menyampaikan", "berbicara", "bicara", "keterangan", "bilang", "ngomong", "pendapat",
             "pendapatnya", "menjelaskan", "mengungkapkan", "menyatakan", "berkata", "berkomentar", "komentar",
             "berpidato", "pidato", "pidatonya", "ngomongin"}


def _quoted(sentence: str, cand: Candidate) -> bool:
    """The candidate stands inside a quotation: an odd number of quote marks before it."""
    return sum(sentence.count(mark, 0, cand.start) for mark in '"“”') % 2 == 1


def where(qtype: str, sentence: str, question_words: set[str], head: str | None = None) -> str | None:
    """A place after the asked preposition, else a known place, else (for "kota manakah …") any
    name, best when headed by the asked noun ("Kabupaten Nabire")."""
    asked = PREPOSITIONS[qtype]
    cands = place_candidates(sentence, asked)
    if question_words & BIRTH:  # "Pria kelahiran Stuttgart ini" says where he was born
        cands += place_candidates(sentence, ("kelahiran",))
    for other in ("di", "ke", "dari"):
        if other not in asked:
            cands += [Candidate(c.start, c.end, c.text, c.weight - 1.5)
                      for c in place_candidates(sentence, (other,))]
    if head:  # "Kabupaten Nabire", "kota Kharkiv"; unheaded, a name of ordinary words ("Hari Kemenangan") is none
        for c in name_runs(sentence):
            headed = head in (c.text.lower().split()[0], _word_before(sentence, c))
            if _may_name_a_place(c) and (headed or not all(is_ordinary_word(w) for w in c.text.split())):
                cands.append(Candidate(c.start, c.end, c.text, 0.5 + 2.5 * headed))
    cands = (drop_overlaps(cands + known_places(sentence)) + _located_after(sentence, question_words, head)
             + _where_it_lies(sentence, question_words))
    if head:  # "Boston adalah … kota terbesar di Massachusetts" answers "Apa kota terbesar di Massachusetts?"
        cands += [c for c in [copula_subject(sentence, question_words)] if c]
    cands = [c for c in (_past_the_asked(c, question_words) for c in cands)
             if c.text.lower() not in HOMELAND and not _speaker(sentence, c)]
    if question_words & _SPEAKING:  # where someone spoke: not a place their words name
        cands = [c for c in cands if not _quoted(sentence, c)] or cands
    asked = question_words - {head}  # "Di kabupaten manakah …?" is answered by "Kabupaten Nabire"
    cands = [c for c in cands if not overlaps_question(c.text, asked) or
             not repeats_question(c.text, asked) and len(c.text.split()) > 2]
    if head == "negara":  # "Di negara manakah …?": a country ("Delegasi Iran" gives Iran), or no answer
        cands = [country for c in cands if (country := _country_in(c))]
    elif head in _WITHIN_A_COUNTRY:  # "Di kota mana …?" is not answered by "Korea Utara"
        cands = [c for c in cands if not _only_a_country(c.text)]
    # "Negara mana yang menguasai …" asks for a subject, written before its verb: no side is favoured
    found = pick(cands, sentence, question_words, after=1.0 if head else 1.5, kind=qtype)
    if not found or qtype != "dimana":
        return found
    # "di sebelah timur laut Tiongkok": where in the place it lies is part of the answer
    found = with_words_before(sentence, found, _DIRECTION_BEFORE)
    return found if head else _with_setting(sentence, found, question_words)


_PLACE_AFTER = re.compile(r"\s*,\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
MAX_SETTING_PARTS = 3


def _with_setting(sentence: str, found: str, question_words: set[str]) -> str:
    """ "Hotel Graha Sarinah Vidi, Sleman, Yogyakarta": the places a plain "di mana" answer is written
    within belong to it (a question asking for a kota or negara wants that one level only). A part
    the list of known places lacks belongs to it when a known one follows ("Lexington, Kentucky,
    Amerika Serikat")."""
    for match in re.finditer(re.escape(found), sentence):  # "Burj Dubai … di Dubai, Uni Emirat Arab"
        end = reached = match.end()
        for _ in range(MAX_SETTING_PARTS):
            part = _PLACE_AFTER.match(sentence, reached)
            if not part or overlaps_question(part.group(1), question_words):
                break
            reached = part.end()
            if _is_setting(part.group(1)):
                end = reached
        if end > match.end():
            return sentence[match.start():end]
    return found


_DIRECTION = "|".join(sorted(DIRECTIONS))
_COMPASS = rf"(?:{_DIRECTION})(?:[\s-](?:{_DIRECTION}))?"  # "timur laut", "timur-tengah"
_DIRECTION_BEFORE = re.compile(rf"\b(?:bagian|sebelah|wilayah|kawasan|daerah|pesisir)\s+{_COMPASS}"
                               r"(?:\s+(?:region|wilayah|tanah|pulau|provinsi|negara|kota))?\s+$", re.IGNORECASE)


_REGIONS = REGIONS | {"distrik", "county", "prefektur"}  # and abroad


def _is_setting(text: str) -> bool:
    """A known place, with its compass part if it has one ("Jakarta Selatan", "Sumatera Barat"), or
    a region named as one ("Kecamatan Coblong", "County Down")."""
    words = text.split()
    if len(words) > 1 and words[0].lower() in _REGIONS:
        return True
    found = known_places(text)
    return len(found) == 1 and found[0].text == text


def _may_name_a_place(run: Candidate) -> bool:
    """A function word ("Untuk itu …"), a lone word that opens the sentence and is no known place
    ("Sejumlah perusahaan …", "Shoigu mengunjungi …": its subject), an office ("Manajer Persib
    Bandung, Umuh Muchtar"), a month or a day names no place."""
    words = run.text.split()
    opening_word = run.start == 0 and len(words) == 1
    return (run.text.lower() not in STOPWORDS and words[0].lower() not in title_words()
            and words[0].lower() not in MONTHS and words[0].lower() not in DAYS  # "pada bulan Juli"
            and not (opening_word and not is_known_place(run.text)))


# "…, Yonhap melaporkan", "menurut Kremlin": who speaks is a source, not where anything happens.
_REPORTS = {"melaporkan", "mengatakan", "menyatakan", "menyebutkan", "memberitakan", "mengumumkan", "berkata"}
_REPORTED_BY = {"menurut", "lapor"}


def _speaker(sentence: str, cand: Candidate) -> bool:
    after = word_spans(sentence[cand.end:])[:1]  # right after it: "di Miami, mengatakan" quotes someone else
    reports = bool(after) and after[0][0].lower() in _REPORTS and not sentence[cand.end:cand.end + after[0][1]].strip()
    return reports or _word_before(sentence, cand) in _REPORTED_BY


def _word_before(sentence: str, cand: Candidate) -> str:
    words = word_spans(sentence[:cand.start])
    return words[-1][0].lower() if words else ""


def _past_the_asked(cand: Candidate, question_words: set[str]) -> Candidate:
    """ "Di mana letak kosmodrom Vostochny?" over "kosmodrom Vostochny di Amur Oblast" → "Amur
    Oblast": the asked place itself is no answer, what locates it is."""
    m = re.match(r"(?:[\w-]+\s+)+?(?:di|,)\s+(?=\S)", cand.text)
    if m and all(w.lower() in question_words for w, _, _ in word_spans(m.group().rsplit(None, 1)[0])):
        return Candidate(cand.start + m.end(), cand.end, cand.text[m.end():], cand.weight)
    return cand
