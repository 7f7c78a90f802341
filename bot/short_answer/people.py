"""siapa: people with their office, and institutions that act or speak."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from bot.question import countries, expand_abbreviations, place_span
from bot.short_answer.choice import VERSUS, VERSUS_NAMED, pick
from bot.short_answer.common import (
    QUESTION_STOP,
    REGIONS,
    STOP_AFTER,
    TITLE_START,
    DEGREE,
    HOMELAND,
    ORGANISATION_ENDS,
    ORGANISATION_STARTS,
    Candidate,
    Spans,
    connects_name,
    content_keys,
    copula_subject,
    gap_before,
    is_office,
    joined_particle,
    lone_common_word,
    looks_affixed,
    name_runs,
    not_a_name,
    not_names,
    overlaps_question,
    per_sentence,
    phrase_end,
    related,
    repeats_question,
    role_words,
    spaced_hyphen,
    title_words,
    word_spans,
)
from bot.short_answer.definitions import definition
from bot.short_answer.names import ABBREVIATION_AFTER, handles, long_form_before
from index.analyse import STOPWORDS, is_dictionary_root, is_ordinary_word, looks_verbal, root_of

SPEECH_WORDS = {"kata", "ujar", "ujarnya", "katanya", "mengatakan", "menyatakan", "tambah", "tambahnya",
           "menurut", "menjawab", "berkata", "mengklaim", "memperingatkan", "menegaskan", "menulis",
           "ucap", "ucapnya", "tutur", "tuturnya", "imbuh", "imbuhnya", "ungkap", "ungkapnya", "jelasnya",
           "terangnya", "paparnya", "lanjutnya", "tegasnya"}  # news copy's other "said"
# "…,” ujar Choe." / "…, \" ucap Marc Benioff": the speaker named right after the quote closes.
_SAID = r"(?:ujar|kata|tambah|tegas|jelas|ucap|tutur|imbuh|ungkap|terang|papar|lanjut)(?:nya)?"
ATTRIBUTION = re.compile(rf"[”\"],?\s*{_SAID}\s+[A-Z]")


SPEECH_QUESTION_WORDS = {"mengatakan", "berkata", "menyatakan", "bilang", "kata", "ujar", "menyebut",
                    "mengklaim", "memperingatkan", "menegaskan", "menulis", "menuduh"}


def _name_token(words: list[str], i: int, first: bool, within: bool = False) -> bool:
    """Whether words[i] may be part of a name: opening the sentence (`first`), or going on one
    (`within`: "T. Jackson Bedford", where a town GeoNames lists ends a name)."""
    w = words[i]
    if within and joined_particle(w):
        return True  # "Ibrahim al-Jaafari"
    if not w[:1].isupper() or w.isupper() and len(w) > 1 or not w[:1].isalpha():
        return False
    low = w.lower()
    if low in not_names() or low in title_words() or place_span(words, i, listed=within):
        return False
    if first:
        nxt = words[i + 1] if i + 1 < len(words) else ""
        alone = not (nxt[:1].isupper() and nxt.lower() not in not_names() and nxt.lower() not in title_words())
        if alone and (looks_affixed(w) or is_dictionary_root(low)):  # "Awal pekan ini …"
            return False
    return True


def _name_end(sentence: str, spans: Spans, start: int, is_name: Callable[[int], bool],
              most: int | None = None, hyphened: bool = True) -> int:
    """Where the name whose first word is at `start` ends: through the words `is_name` takes, the
    connectors between them ("Rio da Cunha"), a middle initial's stop, a closing title's word and, if
    `hyphened`, a spaced hyphen ("Jacques - Henri Eyraud", "Prabowo Subianto - Hatta Rajasa")."""
    def goes_on(k: int) -> bool:
        return is_name(k) or _closing_title(sentence, spans, start, k)

    end = start + 1
    while end < len(spans) and (most is None or end - start < most) and (
            not gap_before(sentence, spans, end) or _after_initial(sentence, spans, end)
            or hyphened and spaced_hyphen(sentence, spans, end)):
        if goes_on(end):
            end += 1
        elif connects_name(sentence, spans, end, goes_on):
            end += 2
        else:
            break
    return end


def _after_initial(sentence: str, spans: Spans, i: int) -> bool:
    """Word i follows a middle initial and its full stop ("George W. Bush", "I Made Dana M. Tangkas"):
    the stop ends the initial, not the name. Not after a Roman numeral or a model's letter, nor before
    a word the sentence names elsewhere, where the stop ends a sentence the splitter kept whole ("Raja
    Ptolemy V. Teks …", "mobil baru Model X. Pihak Tesla …", "… oleh Dennil S. Scooter VIP memasarkan
    …" of a text on "PT Scooter Victory")."""
    before, word = spans[i - 1][0], spans[i][0]
    return (len(before) == 1 and before.isupper() and before not in "IVX"
            and sentence[spans[i - 1][2]:spans[i][1]].strip() == "." and word[:1].isupper()
            and sum(w == word for w, _, _ in spans) == 1)


def _closing_title(sentence: str, spans: Spans, start: int, i: int) -> bool:
    """A title's word closing a name of two words or more is a surname ("Dian Rusdiana Hakim", "Tahi
    Bonar Lumban Raja", "Ammar al Hakim"): an office stands before a name; after one, only as the
    start of an apposition that goes on ("Jusuf Kalla Wakil Presiden")."""
    word = spans[i][0]
    if i - start < 2 or not word[:1].isupper() or word.lower() not in TITLE_START:
        return False  # an office's noun ("Hakim", "Raja"), not its adjective ("Teori Relativitas Umum")
    return i + 1 == len(spans) or gap_before(sentence, spans, i + 1) or not spans[i + 1][0][:1].isupper()


_AMOUNT = re.compile(r"(?!(?:1[89]|20)\d\d$)\d[\d.,]*")  # a year before a name ("Pada 2015 Jokowi …") is no amount


@per_sentence
def person_candidates(sentence: str) -> list[tuple[Candidate, str | None]]:
    """(name, title in front of it) for every person-like name in the sentence."""
    spans = word_spans(sentence)
    words = [w for w, _, _ in spans]
    out = []
    i = 0
    while i < len(words):
        if not _name_token(words, i, first=(i == 0)):
            i += max(place_span(words, i), 1)
            continue
        end = _name_end(sentence, spans, i, lambda k: _name_token(words, k, first=False, within=True))
        if (i > 0 and (words[i - 1].lower() in _NO_ONE_BEFORE or words[i - 1] in _PLACE_BEFORE)
                or words[i].lower() in _PLACE_STARTS
                or any(w.lower() in _NO_PERSON_WORDS for w in words[i:end])):
            if words[i].lower() in _PLACE_HEADS:  # "Estadio Santiago Bernabeu": named after a place, still one name
                while end < len(words) and words[end][:1].isupper() and not gap_before(sentence, spans, end):
                    end += 1
            i = end  # "Universitas Indonesia", "Stadion Aji Imbut", "bahasa Urdu", "American Music Awards",
            continue  # "di wilayah Punjab", "ada di Pennsylvania", "Youtube Pemerintah Provinsi": no one
        if sentence.startswith(f" - {words[end - 1].lower()}", spans[end - 1][2]):
            i = end  # "Perserikatan Bangsa - bangsa", "Kitab Undang - undang": a common noun, doubled
            continue
        if i > 0 and _AMOUNT.fullmatch(words[i - 1]) and not gap_before(sentence, spans, i):
            i = end  # "607 Poundsterling", "20 Juta": the unit of an amount
            continue
        if end == i + 1 and expand_abbreviations([words[i]]) != [words[i]]:
            i = end  # "Wapres", "Menlu", "Korut": a short form the question reader expands names no one
            continue
        if end == i + 1 and len(words[i]) == 1:  # "U" of "U - 16": a lone initial is no name
            i = end
            continue
        if sentence[:spans[i][1]].rstrip().endswith(",") and all(DEGREE.fullmatch(w) for w in words[i:end]):
            i = end  # "Hendrar Prihadi, S.E, M.M": degrees after a name
            continue
        if _office_start(sentence, spans, i) is not None and all(is_ordinary_word(w) for w in words[i:end]) \
                and not (i > 0 and words[i - 1].lower() in _RANK_ENDS):  # "… Komisaris Besar Polisi Agus Rohmat"
            i = end  # "Deputi bidang Koordinasi Perniagaan …": part of an office, not who holds it
            continue
        if _POINTED_AT.match(sentence, spans[end - 1][2]):
            i = end  # "Winger Ajax Amsterdam tersebut mencetak …": who is meant is named elsewhere
            continue
        if _CODE_BEFORE.search(sentence, 0, spans[i][1]):
            i = end  # "nomor TBL/4802/X/2016/PMJ / Dit": the tail of a file number
            continue
        title = _title_before(sentence, spans, i)
        if title and title.split()[-1].lower() == "dan" and is_ordinary_word(words[i]):
            # "Menteri Komunikasi dan Informatika Tifatul Sembiring": the office goes on one word (many
            # names are common words too: "Sri", "Budi"); "Atase Pers dan Kebudayaan Keduataan Jerman":
            # one word left is no name
            if end - i < 3:
                i = end
                continue
            i, title = i + 1, _title_before(sentence, spans, i + 1)
        name = sentence[spans[i][1]:spans[end - 1][2]]
        title = title or _apposition_after(sentence, spans[end - 1][2])
        out.append((Candidate(spans[i][1], spans[end - 1][2], name, 2.5), title))
        i = end
    return out


_POINTED_AT = re.compile(r"(?:\s+[A-Z][\w'’-]*)*\s+tersebut\b")  # "Ajax (Amsterdam) tersebut"
_CODE_BEFORE = re.compile(r"\d(?:\s*/\s*[A-Z]+)*\s*/\s*$")  # "…/2016/PMJ / Dit", not "MGM/Warner Bros"


_ORG_HEADS = {"universitas", "perguruan", "kantor", "berita", "badan", "dewan", "kementerian", "gedung", "istana",
              "lapangan", "kosmodrom", "perjanjian", "kelompok", "media", "surat", "kabar"}
_GROUP_HEADS = {"bahasa", "suku", "etnis", "bangsa", "agama", "aliran", "marga"}  # "bahasa Urdu" names no one
_NO_ONE_BEFORE = _ORG_HEADS | _GROUP_HEADS
# Lowercase before a name, an area's noun makes it a place ("di wilayah Punjab", "kota Tenggarong");
# capitalised it may end an office ("Wali Kota Bandung Ridwan Kamil"). So do "di" and "warga": "yang ada
# di Pennsylvania", "warga Gampong Ie Tarek I" (of the train sets' 2,445 "siapa" answers, 4 are ever
# written so, each an institution: "di DPRD Sumut").
_PLACE_BEFORE = {"wilayah", "kawasan", "daerah", "kota", "provinsi", "kabupaten", "negara", "negeri", "di", "warga"}
_NATURAL_FEATURES = {"samudra", "samudera", "laut", "selat", "teluk", "gunung", "sungai", "danau", "pulau"}
_STADIUMS = {"stadion", "stadio", "estadio", "stade"}  # "Stade des Lumieres", "Estadio Santiago Bernabeu"
_PLACE_HEADS = {"pelabuhan", "bandara", "bandar", "stasiun", "terminal", "hotel", "jalan", "jl",
                "pasar", "masjid", "gereja", "pengadilan", "gedung", "istana", "kantor", "lapangan", "kampus",
                "universitas", "kosmodrom", "apartemen", "mal", "rumah", "rs", "rsud", "rspad", "piala", "liga",
                "sirkuit", "circuit", "kepulauan", "candi", "pura", "klenteng", "vihara",
                "museum", "monumen", "taman", "pantai", "benteng", "makam", "dermaga", "konsulat", "kedutaan",
                "kedubes"} | _NATURAL_FEATURES | _STADIUMS
_PLACE_STARTS = _PLACE_HEADS | REGIONS  # "Stadion Aji Imbut", "Kabupaten Muaro Jambi": where, not who
_EVENT_WORDS = {"awards", "award", "festival", "stadium", "arena", "cup", "championship", "championships", "league",
                "international", "open", "masters", "games"}  # anywhere in it: "India Junior International"


_APPOSITION = re.compile(
    r"\s*,\s*(?:yang\s+(?:\w+\s+){0,2}?sebagai\s+|seorang\s+|sebagai\s+)?([A-Za-z][^,.;:“”\"]{2,80}?)\s*[,.;]"
)


def _apposition_after(sentence: str, end: int) -> str | None:
    """"Dmitry Peskov, juru bicara Kremlin, …" → "juru bicara Kremlin"; also "Shoigu, yang sebelumnya
    menjabat sebagai Menteri Pertahanan Rusia, …" (only a title-like phrase)."""
    m = _APPOSITION.match(sentence, end)
    if m and m.group(1).split()[0].lower() in TITLE_START:
        return m.group(1)
    return None


_OFFICE_LINKS = {"bidang", "urusan", "dan"}  # "Deputi bidang Koordinasi Perniagaan dan Industri"


def _office_start(sentence: str, spans: Spans, i: int) -> int | None:
    """The office word that opens the office word `i` continues, with no punctuation between; None
    when `i` continues none."""
    for j in range(i - 1, -1, -1):
        if sentence[spans[j][2]:spans[j + 1][1]].strip():
            return None
        word = spans[j][0]
        if word.lower() in TITLE_START and word[:1].isupper():
            return j
        if not (word[:1].isupper() or word.lower() in _OFFICE_LINKS):
            return None
    return None


def _title_before(sentence: str, spans: Spans, i: int) -> str | None:
    """The office written just before a name, e.g. "Menteri Pertahanan Rusia" (comma allowed)."""
    words = [w for w, _, _ in spans]
    titles = title_words()
    start = None
    top = i - 1
    if i >= 2 and sentence[spans[i - 1][2]:spans[i][1]].strip() == ")" \
            and sentence[spans[i - 2][2]:spans[i - 1][1]].strip() == "(":
        top = i - 2  # "Wakil Presiden (Wapres) Jusuf Kalla": the office's short form stands between
    j = top
    while j >= 0:
        between = sentence[spans[j][2]:spans[j + 1][1]].strip()
        if between and not (between in (",", "(") and j == top):
            break
        low = words[j].lower()
        if low in titles or low in TITLE_START or any(place_span(words, k) >= j - k + 1
                                                       for k in range(max(0, j - 2), j + 1)):
            if low in TITLE_START:
                start = j
            j -= 1
            continue
        if words[j][:1].isupper() and low in {"dewan", "gedung", "putih", "nasional", "keamanan"} | REGIONS:
            j -= 1
            continue
        opener = _office_start(sentence, spans, j) if words[j][:1].isupper() or low in _OFFICE_LINKS else None
        if opener is not None:
            j = opener  # "Deputi bidang Koordinasi … Kementerian Koordinator bidang Perekonomian, Edy …"
            continue
        break
    if start is None:
        return None
    return sentence[spans[start][1]:spans[top][2]].rstrip(" ,")


# anywhere in a run: "Youtube Pemerintah Provinsi", "Almunawaroh Development Authority"
_NO_PERSON_WORDS = _EVENT_WORDS | ORGANISATION_STARTS | ORGANISATION_ENDS
_ORGANISATION_WORD = re.compile(rf"\b(?:{'|'.join(sorted(ORGANISATION_STARTS | ORGANISATION_ENDS))})\b",
                                re.IGNORECASE)
_KNOWN_BODIES = re.compile(
    r"\b(?:Kantor Berita \w+|Kementerian [A-Z]\w+(?: [A-Z]\w+)*|Dewan Keamanan(?: [A-Z]\w+)*"
    r"|Badan [A-Z]\w+(?: [A-Z]\w+)*|Gedung Putih|Kremlin|Pentagon|New York Times|Yonhap|KCNA"
    r"|Amerika Serikat|Negara-negara Barat|Associated Press)\b"
)


def org_candidates(sentence: str, people: list[tuple[Candidate, str | None]] | None = None) -> list[Candidate]:
    """Institutions that act or speak in news ("Kantor Berita Interfax", "Gedung Putih"); `people`:
    the sentence's `person_candidates`, when known already."""
    found = [Candidate(m.start(), m.end(), m.group(), 1.0) for m in _KNOWN_BODIES.finditer(sentence)]
    if not _ORGANISATION_WORD.search(sentence):
        return found
    # "(akun Youtube) Pemerintah Provinsi DKI Jakarta": a name opened by what bodies are called, going
    # on past "dan" where an ordinary word follows ("Dinas Pertambangan dan Energi Provinsi Sumbar")
    runs = name_runs(sentence)
    people = person_candidates(sentence) if people is None else people
    for n, run in enumerate(runs):
        spans = word_spans(run.text)
        at = next((k for k, (w, _, _) in enumerate(spans[:-1]) if w.lower() in ORGANISATION_STARTS), None)
        if at is None and any(w.lower() in ORGANISATION_ENDS for w, _, _ in spans) \
                and not set(sentence[:run.start].split()[-1:]) & _PLACE_BEFORE:
            at = 0  # "Massachusetts Institute of Technology": the whole run names the body; but "guru di
            # Haileybury Institute" is where he works
        if at is None:
            continue
        start, end = run.start + spans[at][1], run.end
        for later in runs[n + 1:]:
            first = later.text.split()[0]
            if not _AND.fullmatch(sentence, end, later.start) or not is_ordinary_word(first) \
                    or first.lower() in ORGANISATION_STARTS or any(p.start == later.start for p, _ in people):
                break
            end = later.end
        if any(title and start < p.start <= end + 1 for p, title in people):
            continue  # "Kepala Dinas Kebudayaan Provinsi Bali Made Sudira": an office, whose holder answers
        if not any(f.start <= start and end <= f.end for f in found):
            found.append(Candidate(start, end, sentence[start:end], 1.0))
    return found


_AND = re.compile(r"\s+dan\s+")


def organisation_of_asked(sentence: str, question_words: set[str], head: str | None) -> str | None:
    """ "Di lembaga apakah Arinal Djunaidi menjabat?" over "Kepala Dinas Kehutanan Lampung Arinal
    Djunaidi": the organisation in the office written before the person the question names, from
    the asked noun ("wilayah", "dinas") or the word that opens an organisation's name."""
    if not head:
        return None
    for cand, title in person_candidates(sentence):
        if not title or not overlaps_question(cand.text, question_words):
            continue
        words = title.split()
        lower = [w.lower() for w in words]
        start = lower.index(head) if head in lower else next(
            (i for i, w in enumerate(lower) if w in ORGANISATION_STARTS), None)
        if start is not None and not repeats_question(" ".join(words[start:]), question_words):
            return " ".join(words[start:])
    return None


def _trim_asked(sentence: str, cand: Candidate, title: str | None,
                question_words: set[str]) -> tuple[Candidate, str | None]:
    """"Presiden Venezuela Hugo Chavez" reads as one capitalised run; the asked words in front
    ("Venezuela") belong to the office, the rest is the name. So does a role the question names
    that opens the sentence ("Wasit Felix Brych pun …" for "siapa wasit …")."""
    spans = word_spans(cand.text)
    before = word_spans(sentence[:cand.start])
    if not before and len(spans) > 1 and spans[0][0].lower() in question_words and is_ordinary_word(spans[0][0]):
        start = cand.start + spans[1][1]
        return Candidate(start, cand.end, sentence[start:cand.end], cand.weight), title or spans[0][0]
    if not before or sentence[before[-1][2]:cand.start].strip():
        return cand, title
    # the office just before ("Presiden Venezuela Hugo Chavez"), or the role the question names among
    # the two words before ("bek kanan Everton Cuco Martina" for "bek everton … siapa")
    if before[-1][0].lower() in TITLE_START:
        opens = len(before) - 1
    else:
        roles = role_words(question_words)
        opens = next((i for i in range(max(len(before) - 2, 0), len(before)) if before[i][0].lower() in roles), None)
        if opens is None:
            return cand, title
    k = 0
    while k < len(spans) - 1 and spans[k][0].lower() in question_words:
        k += 1
    if k == 0 and len(spans) >= 3 and spans[0][0].lower() in REGIONS:
        k = 2  # "Wali Kota Bekasi Tri Adhianto": the region belongs to the office
    if k == 0:
        return cand, title
    start = cand.start + spans[k][1]
    office = sentence[before[opens][1]:cand.start + spans[k - 1][2]]
    return Candidate(start, cand.end, sentence[start:cand.end], cand.weight), office


def _title_tail(sentence: str, question_words: set[str], bodies: list[Candidate],
                people: list[Candidate]) -> list[Candidate]:
    """ "Siapakah Kepala Bappeda Sumut?" over "… Kepala Badan Perencanaan … Sumut Budi D Sinulingga,
    di Medan": the office the question spells out, then a name it does not; the name answers (or
    one of the sentence's `bodies`: "akun Youtube Pemerintah Provinsi DKI Jakarta"), unless it goes
    on a name the question starts (`people`: the sentence's names without an office before them)."""
    spans = word_spans(sentence)
    words = [w for w, _, _ in spans]
    spelt = set()  # "Himpunan Nelayan Seluruh Indonesia (HNSI)" when the question says "HNSI"
    for k, (word, start, _) in enumerate(spans):
        if word.lower() in question_words and sentence[:start].rstrip().endswith("("):
            found = long_form_before(spans, k, re.sub(r"\W", "", word))
            if found:
                spelt |= {m for m in range(k) if spans[m][1] >= found[0]}
    keys = [q for q in question_words if len(q) >= 4 and q not in QUESTION_STOP]

    def echoed(word: str) -> bool:  # "Kemenkominfo" echoes "kominfo"
        return word.lower() in question_words or any(related(word, q) for q in keys)

    def joined(k: int) -> bool:
        return not sentence[spans[k - 1][2]:spans[k][1]].strip("() ")

    no_name = title_words() | ORGANISATION_STARTS

    def named_at(k: int) -> bool:
        word = spans[k][0]
        return (word[:1].isupper() and not echoed(word) and not not_a_name(word)
                and word.lower() not in no_name and not (word.isupper() and len(word) > 1))

    out: list[Candidate] = []
    i = 0
    while i < len(spans):
        asked = 0
        j = i
        while j < len(spans) and (j == i or joined(j)):
            if echoed(spans[j][0]) or j in spelt:
                asked += spans[j][0].lower() not in STOPWORDS  # "dengan Kim Jong Un" spells out no office
                j += 1
            elif asked and j + 1 < len(spans) and spans[j][0][:1].isupper() and joined(j + 1) \
                    and echoed(spans[j + 1][0]):
                j += 1  # "Koordinator Lapangan Aksi Peringatan Hari Tani": a word the question left out
            else:
                break
        if asked < 2 or j >= len(spans) or sentence[spans[j - 1][2]:spans[j][1]].strip("() ,") \
                or place_span(words, j) or words[j].lower() in _PLACE_STARTS or words[j - 1] in _PLACE_BEFORE \
                or _name_goes_on(spans, i, j, people, no_name):
            i = max(j, i + 1)  # "Universitas Kookmin Seoul", "SPBU Rengas Bandung, Kabupaten Muaro Jambi",
            continue  # "guru kimia di Haileybury Institute": where, not who
        body = next((c for c in bodies if c.start == spans[j][1]), None)
        if body:
            out.append(Candidate(body.start, body.end, body.text, 2.5 + 0.5 * asked))
            i = j + 1
            continue
        end = _name_end(sentence, spans, j, named_at, most=5, hyphened=False) if named_at(j) else j
        # "Andrey Belousov" for "… sebelum belousov": a name going on into the question's own names its person
        goes_on_asked = end < len(spans) and spans[end][0][:1].isupper() and echoed(spans[end][0]) \
            and not gap_before(sentence, spans, end)
        # a lone initial is no name, nor a run that ends an English body's name ("… Development Authority")
        body_named = any(w.lower() in ORGANISATION_ENDS for w in words[j:end + 1])
        if end > j and not (end == j + 1 and len(spans[j][0]) == 1) and not goes_on_asked and not body_named:
            out.append(Candidate(spans[j][1], spans[end - 1][2], sentence[spans[j][1]:spans[end - 1][2]],
                                 2.5 + 0.5 * asked))
        i = max(end, i + 1)
    return out


def _name_goes_on(spans: list[tuple[str, int, int]], i: int, j: int, people: list[Candidate],
                  offices: frozenset[str]) -> bool:
    """The question's words at `i:j` name no office and end in one capitalised word where a person's
    name starts, which goes on past them: "mendukung Prabowo Subianto" for "… dukung prabowo, dukung
    siapa" gives "Subianto", the rest of the name asked about, not someone holding what the question
    spells out (in "CEO EV Hive Carlson Lau" the capitalised words name a body)."""
    _, start, end = spans[j - 1]
    return (not spans[j - 2][0][:1].isupper() and any(p.start == start and p.end > end for p in people)
            and not any(w.lower() in offices for w, _, _ in spans[i:j]))


# Words of an office shown before its holder: "Menteri Luar Negeri Retno Marsudi", but not "Kepala
# Biro Komunikasi dan Layanan Informasi Kementerian Keuangan Nufransa Wira Sakti".
MAX_SHOWN_TITLE = 3
_MEANT = {"yang", "dimaksud", "dengan"}


def who(sentence: str, question_words: set[str]) -> str | None:
    if "dimaksud" in question_words:  # "Siapa yang dimaksud dengan Wangsa Wettin?" asks who they are
        question_words = question_words - _MEANT
    if question_words & _WIFE_OR_HUSBAND and not _MARRIAGE.search(sentence):
        return None  # "siapa istri Kim Jong Un" over "Kim Jong Un dan Sergei Shoigu membahas …"
    found = person_candidates(sentence)
    people = [_trim_asked(sentence, c, t, question_words) for c, t in found]
    asked_about = [(c, t) for c, t in people if overlaps_question(c.text, question_words)]
    others = [(c, t) for c, t in people if not overlaps_question(c.text, question_words)]
    kin = [(c, t) for c, t in asked_about if _kin_of_asked(sentence, c, question_words)]
    others += kin
    asks_office = bool(question_words & TITLE_START)
    asked_countries = _countries_asked(frozenset(question_words))
    elsewhere = [cand for cand, title in others  # "Menteri Pertahanan Rusia Andrey Belousov" holds no office of Japan's
                 if asks_office and asked_countries and title and _other_country(title, question_words)]
    if elsewhere:  # the asked office is held elsewhere here: only another office holder may answer
        others = [(cand, title) for cand, title in others if title and cand not in elsewhere]
    if asks_office and _abroad_unsaid(sentence, asked_countries):
        # "siapa presiden Amerika" over "… ke Rusia … Presiden Vladimir Putin": the sentence's offices,
        # the asked one given without its country, and those of the countries it names are not the asked
        others = [(cand, title) for cand, title in others
                  if not (title and (set(_office_words(title)) <= question_words or _countries_in(title)))]
    if asks_office:  # "Presiden Hartono" is never the "wakil presiden" asked for, nor the other way round
        others = [(cand, title) for cand, title in others if not (title and _other_rank(title, question_words))]
    cands = []
    for cand, title in others:
        shown, weight = cand.text, cand.weight
        if title:
            weight += _title_fit(title, question_words, asks_office)
            before = sentence[:cand.start].rstrip(" ,")
            if before.endswith(title) and not _mostly_asked(title, question_words) \
                    and title.lower() not in _HONORIFICS and len(title.split()) <= MAX_SHOWN_TITLE:
                shown = f"{title} {cand.text}"  # "mendiang Yevgeny Prigozhin" is Yevgeny Prigozhin
        cands.append(Candidate(cand.start, cand.end, shown, weight))
    keys = {q for q in question_words if q not in QUESTION_STOP and not q.startswith("siapa")}
    parts = _name_parts(keys)  # "choe son hui" and "Choe Son-hui" alike
    for cand, title in asked_about:  # "siapa Sergei Shoigu?" → his office
        if title and parts and parts <= _name_parts(w.lower() for w, _, _ in word_spans(cand.text)):
            return title
    if _asks_who_is(sentence, keys, question_words, {c.start for c, _ in found}) and not any(
            title and overlaps_question(title, keys) for _, title in others):
        return _described(sentence, keys)  # "Siapakah Hayam Wuruk?" asks what he is, not for someone else
    bodies = org_candidates(sentence, found)
    if not asks_office:  # "siapa presiden AS …" is answered by a person, not "Gedung Putih"
        cands += [c for c in bodies if not overlaps_question(c.text, question_words)]
    untitled = [c for c, title in found if not title]
    cands += _title_tail(sentence, question_words, bodies, untitled) + handles(sentence, None, question_words)
    sides = _opponents(sentence, question_words)  # "Arema FC", whose part "Arema" alone is no answer
    cands = [c for c in cands if not any(o.start <= c.start and c.end <= o.end for o in sides)] + sides
    cands += [c for c in [copula_subject(sentence, question_words)] if c]
    # "Ayah Kim, Kim Jong Il" for "siapa ayah Kim Jong Un": "Il" is no one, only the rest of his name
    cands = [c for c in cands if not any(k.start <= c.start and c.end <= k.end and c.text != k.text for k, _ in kin)]
    # A lone capitalised common word ("Kecamatan", "Komite", "Kekaisaran") names someone only when
    # nothing else in the sentence does ("kata Budi").
    cands = [c for c in cands if not lone_common_word(c.text)] or cands
    cands = [c for c in cands if c.text.split()[0].lower() not in _LANDMARKS]  # "Perairan Selat Philips" is nobody
    cands = [c for c in cands if not _spells_asked(sentence, c, question_words) and c.text.lower() not in HOMELAND
             and not _EVENT_WORDS & set(c.text.lower().split())]  # "India Junior International" is no side
    if not question_words & _ASKS_SOURCE:  # "Menurut laporan Ace Showbiz, permintaan itu diajukan oleh …"
        cands = [c for c in cands if not _cited_outlet(sentence, c)]
    speech_asked = bool(question_words & SPEECH_QUESTION_WORDS)
    speech_at = [s for w, s, _ in word_spans(sentence) if w.lower() in SPEECH_WORDS]

    agent_asked = "oleh" not in question_words  # "siapa yang ditangkap oleh polisi" asks for no agent
    role_keys = role_words(question_words)
    creator_asked = bool(question_words & _CREATORS)
    # the doer of the question's verb: "pendiri", "menciptakan"; not "diperiksa", whose doer is not asked
    asked_roots = {root_of(k) for k in role_keys if k.startswith(("me", "pe"))}
    spouse_asked = bool(question_words & _SPOUSE)

    def bonus(c: Candidate) -> float:
        b = 0.0
        if agent_asked and (agent := _AGENT_BEFORE.search(sentence[:c.start])):
            b += 1.5  # "dikonsepkan oleh Prof. Ir. Hendrik van Breen": who did it
            if _does_asked(sentence[:agent.start()], asked_roots):
                b += 2.0  # "didirikan oleh Ken Arok" for "siapa pendiri …": who did what is asked
        if creator_asked and _MADE_BY_BEFORE.search(sentence[:c.start]):
            b += 3.0  # "serial manga karya Yoshihiro Togashi" for "siapa pencipta …"
        if _NAMED_BEFORE.search(sentence[:c.start]):
            b += 1.5  # "lelaki yang diketahui bernama Safril": the sentence names whom it speaks of
        if spouse_asked and _WED_BEFORE.search(sentence[:c.start]):
            b += 2.0  # "siapa istri Abimanyu" over "Abimanyu menikah dengan Utari, putri Raja Wirata"
        if role_keys and (role := _ROLE_AFTER.match(sentence, c.end)) and any(
                related(w.lower(), k) for w, _, _ in word_spans(role.group(1)) for k in role_keys) and not any(
                role.start(1) < other.start < role.end(1) for other in cands):
            # "Menurut Solehudin, salah seorang pembuat tape di Desa Candirobo": who makes tape; but in
            # "Kepada DailySocial, salah satu Venture Partner … David Soukhasing" the role is his
            b += 2.0
        if speech_asked and speech_at:
            near = min(min(abs(s - c.start), abs(s - c.end)) for s in speech_at)
            b += 2.0 if near <= 40 else 0.0
        return b

    return pick(cands, sentence, question_words, bonus, kind="siapa")


# "selaku Ketua Tim Perundingan", "menjabat sebagai Wakil Ketua Komisi II", "menjabat Gubernur DKI Jakarta",
# "menduduki jabatan wakil bendahara umum": the office someone holds, stated after the cue ("sebagai" and
# "selaku" of the name just before them, a verb of its subject).
_OFFICE_CUE = re.compile(r"\b(?:(?P<beside>sebagai|selaku)|menjabat(?:\s+sebagai)?"
                         r"|menduduki(?:\s+(?:jabatan|posisi|kursi))?|memegang\s+(?:jabatan|posisi))\s+", re.IGNORECASE)
_FORMER = {"mantan", "eks", "bekas"}
_MAX_OFFICE_WORDS = 8


def office_of(sentence: str, question_words: set[str], trade: bool = False) -> str | None:
    """ "Apa jabatan Jonan …?": the office the sentence gives the person the question names, written
    before the name ("Menteri ESDM Ignasius Jonan"), beside it (", mantan menteri pertanian") or after
    "sebagai", "selaku", "menjabat", "menduduki" (the person may be "ia" or "Irvan" there); one that
    shares the question's words ("… di tim perundingan" → "Ketua Tim Perundingan Pemerintah") first.
    An office asked for is never answered by a name, nor by the office of someone else the sentence
    names ("didampingi Basuki Tjahaja Purnama sebagai wakil gubernur"; a verb's subject is someone
    else only when the sentence names the asked person too). A `trade` asked ("profesi",
    "pekerjaan") may be any role word ("Budi, polisi yang …"); an office opens with an office's
    word or a capital."""
    asked: list[tuple[Candidate, str | None]] = []
    others_end: set[int] = set()
    for cand, title in person_candidates(sentence):
        if overlaps_question(cand.text, question_words):
            asked.append((cand, title))
        else:
            others_end.add(cand.end)
    offices: list[tuple[bool, int, str]] = []  # (stated as what the person is, where, the office)
    for cand, title in asked:
        if title and sentence[:cand.start].rstrip(" ,").endswith(title):
            offices.append((False, sentence.rfind(title, 0, cand.start), title))
        beside = re.match(r"\s*,\s*", sentence[cand.end:])
        if beside and (phrase := _office_phrase(sentence, cand.end + beside.end(), trade)):
            offices.append((True, cand.end + beside.end(), phrase))
    for cue in _OFFICE_CUE.finditer(sentence):
        if len(sentence[:cue.start()].rstrip(" ,")) in others_end and (cue.group("beside") or asked):
            continue  # the office of the one named just before
        if phrase := _office_phrase(sentence, cue.end(), trade):
            offices.append((True, cue.end(), phrase))
    if not offices:
        return None
    keys = content_keys(question_words)
    # "Komisaris Besar Daud Sihombing, mantan Kepala Polres Jayapura": a rank in front, the office beside
    return max(offices, key=lambda o: (sum(w.lower() in keys for w in o[2].split()), o[0], -o[1]))[2]


def _office_phrase(sentence: str, start: int, trade: bool) -> str | None:
    """The office written from `start`: a title word (after "mantan" perhaps) and the words of its
    name, up to punctuation, a function word or a verb ("Gubernur DKI Jakarta sejak …")."""
    spans = word_spans(sentence[start:])
    opens = 1 if spans and spans[0][0].lower() in _FORMER else 0
    if len(spans) <= opens or sentence[start:start + spans[opens][1]].strip() not in ("", spans[0][0]):
        return None  # only "mantan" and spaces may stand before the office
    first = spans[opens][0]
    opens_office = first.lower() in TITLE_START or first[:1].isupper() or trade and is_office(first)
    if not opens_office or not_a_name(first):
        return None

    def stops(i: int) -> bool:
        word = spans[i][0]
        if i <= opens:
            return False
        if word.lower() == "dan":  # "Menteri Komunikasi dan Informatika", not "… dan Menteri Keuangan"
            following = spans[i + 1][0] if i + 1 < len(spans) else ""
            return not following[:1].isupper() or is_office(following)
        return word.lower() in STOP_AFTER or word.lower() in STOPWORDS or word.islower() and looks_verbal(word)

    end = phrase_end(sentence[start:], spans, stops, _MAX_OFFICE_WORDS)
    return sentence[start + spans[0][1]:start + spans[end - 1][2]] if end > opens else None


# The outlet a story cites ("dilansir Reuters", "Menurut laporan Ace Showbiz", "dikutip dari laman BBC")
# tells where the news came from, not who did what it tells, unless the question asks for that.
# ("dilaporkan oleh" is no such cue: who reported a case to the police may be asked.)
_REPORTED_BY = re.compile(r"\b(?:dilansir|melansir|dikutip|mengutip|laporan|lansiran)(?:\s+(?:oleh|dari|dalam))?"
                          r"(?:\s+(?:laman|situs|media|kantor\s+berita|surat\s+kabar|harian|stasiun\s+televisi|televisi"
                          r"|majalah|portal))?[\s,]*$", re.IGNORECASE)


def _cited_outlet(sentence: str, cand: Candidate) -> bool:
    """The outlet a story cites, after its cue ("Menurut laporan Ace Showbiz") or read as one name
    with the cue that opens the sentence ("Dilansir Daily Mirror, …")."""
    before = sentence[:cand.start]
    return bool(_REPORTED_BY.search(before) or _REPORTED_BY.search(f"{before}{cand.text.split()[0]} "))


_ASKS_SOURCE = {"media", "laporan", "melaporkan", "dilaporkan", "memberitakan", "diberitakan", "melansir", "dilansir",
                "mengutip", "dikutip", "kantor", "situs", "laman", "koran", "harian", "majalah", "televisi", "sumber"}


# Who made a work, and how a sentence credits its maker: "karya Yoshihiro Togashi", "ciptaan Glenn Fredly".
_CREATORS = {"pencipta", "penciptanya", "pengarang", "pengarangnya", "penulis", "penulisnya", "pembuat", "pembuatnya",
             "perancang", "perancangnya", "penggubah", "komposer", "kreator", "mangaka", "arsitek", "arsiteknya",
             "menciptakan", "mengarang", "menulis", "membuat", "merancang", "menggubah", "karya", "ciptaan"}
_MADE_BY_BEFORE = re.compile(r"\b(?:karya|ciptaan|garapan|besutan|gubahan|rancangan|kreasi)\s+(?:[\w.]+\s+){0,2}$",
                             re.IGNORECASE)


def _does_asked(before: str, asked_roots: set[str]) -> bool:
    """The verb that "oleh" follows is the question's own, in any form: "didirikan" for "pendiri",
    "diciptakan" for "menciptakan"."""
    words = word_spans(before)
    return bool(words) and root_of(words[-1][0]) in asked_roots


def _spells_asked(sentence: str, cand: Candidate, question_words: set[str]) -> bool:
    """ "siapa pengurus FKDT" over "Forum Komunitas Diniyah Takmiliyah (FKDT)": the body the question
    names by its short form is what it asks about, not who answers."""
    short = ABBREVIATION_AFTER.match(sentence, cand.end)
    return bool(short) and re.sub(r"[^a-z]", "", short.group().lower()) in question_words


# "alex lowes itu saudaranya siapa": a relative often carries the family name the question holds.
_KIN = ("saudara", "kakak", "adik", "ayah", "bapak", "ibu", "ibunda", "ayahanda", "anak", "putra", "putri", "istri",
        "suami", "cucu", "kakek", "nenek", "paman", "bibi", "tante", "om", "keponakan", "sepupu", "ipar", "mertua",
        "menantu")
_KIN_BEFORE = re.compile(rf"(?i:\b({'|'.join(_KIN)})(?:nya)?(?:\s+(?:kandung|tiri|sulung|bungsu|kembar))?"
                         r"(?:\s+[a-z]+)?,?\s+$)")


def _kin_of_asked(sentence: str, cand: Candidate, question_words: set[str]) -> bool:
    """ "Saudara kandung pebalap Sam Lowes" answers "Alex Lowes saudaranya siapa" though it shares his name."""
    kin = _KIN_BEFORE.search(sentence[:cand.start])
    return bool(kin) and bool({kin.group(1).lower(), f"{kin.group(1).lower()}nya"} & question_words) and any(
        w.lower() not in question_words for w, _, _ in word_spans(cand.text))


_FULL_STOP = re.compile(r"(?<=\w{3})\.$")  # after a word, not after an initial ("J.")


def _opponents(sentence: str, question_words: set[str]) -> list[Candidate]:
    """ "Luis Milla rotasi pemain lawan siapa?" → "Menghadapi Mongolia pada Senin": the other side, a
    team or a country as often as a person (`pick` favours it as it does any name after a match word)."""
    if not question_words & VERSUS:
        return []
    out = []
    for m in VERSUS_NAMED.finditer(sentence):
        side = _FULL_STOP.sub("", m.group(1))  # "… bek lawan Faraoni.": the stop is no part of the name
        if not overlaps_question(side, question_words):
            out.append(Candidate(m.start(1), m.start(1) + len(side), side, 3.0))
    return out


_ARTICLE = re.compile(r"^(?:seorang|sebuah|salah satu)\s+", re.IGNORECASE)


def _name_parts(words: Iterable[str]) -> set[str]:
    return {part for w in words for part in w.split("-")}


def _asks_who_is(sentence: str, keys: set[str], question_words: set[str], named_at: set[int]) -> bool:
    """ "Siapakah Hayam Wuruk?": the question holds only a name, and the sentence writes it as a
    name of its own. A run that goes on past it ("Managing Director Lamudi Mart Polman") makes the
    asked words an office, whose holder answers."""
    if not keys or "yang" in question_words or keys & TITLE_START:
        return False  # "Siapakah Kepala BPPT?" asks for the holder of an office; "Agung" only continues one
    epithet = all(is_ordinary_word(k) for k in keys)
    # The whole name, or, when the question is nothing but a name, a part of it alone ("Choe" of
    # "Siapa Choe Son-hui?": another person named beside him answers nothing)
    only_a_name = len(keys) <= _NAME_WORDS and not any(is_ordinary_word(k) for k in keys)
    names = [end for run, start, end in _capitalised_runs(sentence)
             if run[-1] in keys and (keys <= set(run) or only_a_name and set(run) <= keys)
             and not (epithet and _EPITHET_BEFORE.search(sentence[:start]))]
    if not names:
        return False
    # "Pengurus FKDT Jakarta Selatan, Ustadz Ahmad Munthoi": a person named (`named_at`: where each
    # person candidate starts) right after the run makes it an office too
    return any(not ((comma := _COMMA.match(sentence, end)) and comma.end() in named_at) for end in names)


_COMMA = re.compile(r"\s*,\s*")
_NAME_WORDS = 3  # a question of more unknown words than this names an office ("Director of Cancer Division WHO")


# "Taylor sering ditetapkan sebagai Bapak Teknik Industri": ordinary words the sentence calls someone
# by ask who that is ("dikenal sebagai Aleksander Agung" is a name of his own).
_EPITHET_BEFORE = re.compile(r"\b(?:sebagai|dijuluki|julukan|disebut|digelari|gelar)\s+[\"“]?$", re.IGNORECASE)


def _capitalised_runs(sentence: str) -> list[tuple[list[str], int, int]]:
    """Runs of capitalised words with only spaces between them, lowercased, with where each starts
    and ends."""
    runs: list[tuple[list[str], int, int]] = []
    last_end = None
    for word, start, end in word_spans(sentence):
        if not word[:1].isupper():
            last_end = None
            continue
        if last_end is not None and not sentence[last_end:start].strip():
            words, run_start, _ = runs[-1]
            runs[-1] = (words + [word.lower()], run_start, end)
        else:
            runs.append(([word.lower()], start, end))
        last_end = end
    return runs


def _described(sentence: str, name_words: set[str]) -> str | None:
    """Who someone is, by what the sentence says they are: "Hayam Wuruk adalah raja keempat
    Kerajaan Majapahit …", or the phrase set beside the name: "Zhao Tuo, seorang mantan komandan
    Qin, mendirikan …". None when the sentence only names others."""
    found = definition(sentence, name_words)
    if not found:
        spans = [(w.lower(), end) for w, _, end in word_spans(sentence)]
        ends = [end for k, (w, end) in enumerate(spans)
                if w in name_words and (k + 1 == len(spans) or spans[k + 1][0] not in name_words)]
        found = next((phrase for phrase in (m.group(1) for m in (_APPOSITION.match(sentence, end) for end in ends) if m)
                      if phrase[:1].islower() and not looks_verbal(phrase) and phrase.split()[0] not in STOPWORDS), None)
    return _ARTICLE.sub("", found) if found else None


_NAMED_BEFORE = re.compile(r"\b(?:bernama|berinisial|dipanggil|disapa|dijuluki|atas nama)\s+$", re.IGNORECASE)
_SPOUSE = {"istri", "istrinya", "suami", "suaminya", "pasangan", "pasangannya", "permaisuri"}
# A wife or husband is named as one: the sentence says so ("istrinya, Cathie", "menikah dengan …").
# Of 57 such MRC train questions, 55 have a word of these in the sentence that answers them.
_WIFE_OR_HUSBAND = {"istri", "istrinya", "suami", "suaminya"}
_MARRIAGE = re.compile(rf"\b(?:{'|'.join(sorted(_SPOUSE))}|(?:me|di)?nikah|menikahi|mempersunting|janda|duda"
                       r"|pernikahan|perkawinan|(?:ber)?kawin)", re.IGNORECASE)
_WED_BEFORE = re.compile(r"\b(?:menikah dengan|menikahi|mempersunting|dinikahi oleh|istri(?:nya)?|suami(?:nya)?)"
                         r"\s*,?\s*$", re.IGNORECASE)
# What the sentence says someone is, written after the name: ", salah seorang pembuat tape", ", SVP
# Lazada yang juga ketua panitia", ", selaku kuasa hukum".
_ROLE_AFTER = re.compile(r"\s*,\s*(?:[^,.;]{0,60}?\s)?(?:yang\s+juga\s+|salah\s+(?:seorang|satu)\s+|selaku\s+|sebagai\s+)"
                         r"([^,.;]{1,60})")
_AGENT_BEFORE = re.compile(r"\boleh\s+(?:[\w.]+\s+){0,3}$", re.IGNORECASE)  # titles may stand between
_HONORIFICS = {"mendiang", "almarhum", "almarhumah", "sang"}


# A name opened by one of these is a place, never a "siapa" answer (a city or a country may act: "Indonesia
# menang"; a strait or a street does not).
_LANDMARKS = _NATURAL_FEATURES | _STADIUMS | {"perairan", "jalan", "jl", "desa", "kampung", "dusun", "kelurahan",
                                              "kecamatan", "bandara", "pelabuhan", "pantai", "kawasan", "semenanjung",
                                              "tanjung"}


def _other_country(title: str, question_words: set[str]) -> bool:
    """Whether an office is the asked one, of a country the question does not name ("Menteri
    Pertahanan Rusia" when the question asks for Japan's; "AS" is Amerika Serikat)."""
    words = [w.lower() for w in expand_abbreviations([w for w, _, _ in word_spans(title)])]
    known = countries()
    for i in range(len(words)):
        for size in (3, 2, 1):
            country = tuple(words[i:i + size])
            if len(country) == size and country in known:
                office = words[:i]  # "duta besar" of "duta besar Rusia untuk Korea Utara"
                return bool(office) and set(office) <= question_words and not set(country) <= question_words
    return False


def _abroad_unsaid(sentence: str, asked: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the question asks of a foreign country ("presiden Korea Selatan"; `asked`, the
    countries it names) and the sentence names other countries but never that one. Indonesia's
    offices often go without the country's name in Indonesian news, so a question about Indonesia
    is never checked."""
    if not asked or ("indonesia",) in asked:
        return False
    named = _countries_in(sentence)
    return bool(named) and not set(named) & set(asked)


def _countries_in(text: str) -> list[tuple[str, ...]]:
    """The countries a text names; "AS" and "RI" are countries, "Ri Yong Jin" is a man."""
    words = " ".join(" ".join(expand_abbreviations([w]) if w.isupper() else [w]).lower()
                     for w, _, _ in word_spans(text))
    return _widest([tuple(m.split()) for m in _country_pattern().findall(words)])


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    """Every country in one pattern, the longest first: "korea selatan" before "korea"."""
    names = sorted((" ".join(c) for c in countries()), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b")


@lru_cache(maxsize=256)
def _countries_asked(question_words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """The countries a question names, once per question rather than per sentence read."""
    return tuple(_widest([c for c in countries() if set(c) <= question_words]))


def _widest(found: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """ "korea selatan", not "korea" besides it."""
    return [c for c in found if not any(len(o) > len(c) and set(c) <= set(o) for o in found)]


def _office_words(title: str) -> list[str]:
    """An office's words as the question is read: "Dirjen" is direktur jenderal there too."""
    return [w.lower() for w in expand_abbreviations([w for w, _, _ in word_spans(title)])]


def _title_fit(title: str, question_words: set[str], asks_office: bool) -> float:
    """A named office is a good sign, unless the question asks for a different office
    ("menteri pertahanan" asked, "Menteri Luar Negeri" found)."""
    words = _office_words(title)
    if not asks_office:
        return 0.5
    same = sum(w in question_words for w in words)
    return 0.5 * same - 0.5 * (len(words) - same)


def _other_rank(title: str, question_words: set[str]) -> bool:
    """The asked office, but its deputy where the question asks for the office itself, or the
    office where it asks for the deputy ("Presiden Yudhoyono" for "wakil presiden")."""
    words = set(_office_words(title))
    return bool(words & question_words - {"wakil"}) and ("wakil" in words) != ("wakil" in question_words)


def _mostly_asked(title: str, question_words: set[str]) -> bool:
    words = _office_words(title)
    return sum(w in question_words for w in words) * 2 >= len(words)


_SPEAKS_BEFORE = re.compile(rf"\b{_SAID}\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s*\(\s*\d{1,3}\s*(?:tahun|th)?\s*\)")  # "milik Sumadi (62)": a person of that age
_SPEAKS_AFTER = re.compile(r"\s*,?\s*(?:mengatakan|menjelaskan|menyatakan|menuturkan|mengungkapkan|menambahkan|"
                           r"berkata|menegaskan|menilai|mengaku)\b")


def marked_people(sentence: str) -> list[Candidate]:
    """Names the sentence marks as a person's, with the title written before them: by a title or a
    rank ("Psikolog Andri", "AKBP Tober Sirait"), as who speaks ("ujar Wenger", "Firman Wijaya
    mengatakan") or by an age ("Sumadi (62)"); and with the country of the office before them, which
    a run of capitalised words takes in ("Turki Recep Tayyip Erdogan")."""
    out = []
    for c, office in person_candidates(sentence):
        before = sentence[:c.start].rstrip()
        title = before.split()[-1] if before.split() else ""
        titled = title.lower().strip(".") in _PERSONAL_TITLES
        if titled or c.text.split()[0].lower() in _PERSONAL_TITLES - {"dokter"} or _SPEAKS_BEFORE.search(before) \
                or _SPEAKS_AFTER.match(sentence, c.end) or _AGE_AFTER.match(sentence, c.end):
            start = len(before) - len(title) if titled else c.start
            out.append(Candidate(start, c.end, sentence[start:c.end], c.weight))
        elif office and before.endswith(office) and (place := _place_closing(office)):
            # "Presiden Turki Recep Tayyip Erdogan": the office's country and the name read as one run
            start = len(before) - len(place)
            out.append(Candidate(start, c.end, sentence[start:c.end], c.weight))
    return out


def _place_closing(office: str) -> str | None:
    """The known place an office ends with ("Turki" of "Presiden Turki"), as written."""
    words = office.split()
    return next((" ".join(words[k:]) for k in range(1, len(words)) if place_span(words, k) == len(words) - k), None)


# Titles only a person bears (an office may head an organisation's name: "Pemimpin Umum Harian Singgalang";
# "Dokter Gigi" opens a specialty's).
_RANKS = {"briptu", "bripda", "brigadir", "bripka", "aipda", "aiptu", "ipda", "iptu", "akp", "kompol", "akbp", "kombes",
          "brigjen", "irjen", "komjen", "letda", "lettu", "kapten", "mayor", "letkol", "kolonel", "serda", "sertu",
          "serka", "pratu", "prada", "kopda"}
_RANK_ENDS = _RANKS | {"polisi", "pol"}  # "Komisaris Besar Polisi", "Kombes Pol": a name follows
_PERSONAL_TITLES = _RANKS | {"psikolog", "psikiater", "dokter", "dr", "prof", "pengacara", "advokat", "ustaz", "ustadz",
                             "kh", "hj", "tersangka", "terdakwa", "korban", "pelaku", "aktor", "aktris", "penyanyi",
                             "pelatih", "pemain", "warga", "mahasiswa", "siswa"}
