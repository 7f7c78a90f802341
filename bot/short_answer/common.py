"""What every extractor shares: candidates, word matching against the question, choosing the nearest
candidate, and telling a name from a capitalised common word."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import TypeVar

from bot.question import load_lexicon
from index.analyse import STOPWORDS, is_ordinary_word

MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "desember"]


MONTH_INDEX = {m: i + 1 for i, m in enumerate(MONTHS)}


DAYS = ["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"]


MONTH = "(" + "|".join(MONTHS) + ")"


MONTH_CAP = "(" + "|".join(m.capitalize() for m in MONTHS) + ")"


DAY = "(" + "|".join(DAYS) + ")"


DAY_CAP = "(" + "|".join(d.capitalize() for d in DAYS) + ")"


CASELESS = re.IGNORECASE

# Words that ask or tell of a birth: when someone was born (dates), where (places).
BIRTH = {"lahir", "lahirnya", "kelahiran", "kelahirannya", "dilahirkan"}


# Words of a question that say nothing about where in a sentence the answer sits.
QUESTION_STOP = {"kapan", "siapa", "mana", "di", "ke", "dari", "berapa", "apa", "apakah", "mengapa",
                  "kenapa", "bagaimana", "yang", "itu", "ini", "tersebut", "pada", "dan", "dengan",
                  "untuk", "tanggal", "tahun", "bulan", "hari", "nama", "jam", "pukul", "saja", "sih",
                  "ada", "adalah", "oleh", "dalam", "akan", "sudah", "telah", "pernah", "tidak",
                  *load_lexicon("filler.txt")}  # "shoigu dulu jabatannya apa": "dulu" asks nothing


@dataclass
class Candidate:
    start: int  # character offsets in the sentence
    end: int
    text: str  # the answer as shown
    weight: float  # how specific / how likely to be the asked thing


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
def related(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    ra, rb = _root(a), _root(b)
    return len(ra) >= 4 and len(rb) >= 4 and (ra == rb or ra in rb or rb in ra)


_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


Spans = tuple[tuple[str, int, int], ...]  # (word, start, end) in order


@lru_cache(maxsize=4096)
def word_spans(text: str) -> Spans:
    """(word, start, end) of each word; cached, since every extractor walks the same sentences."""
    return tuple((m.group(), m.start(), m.end()) for m in _WORD.finditer(text))


_Item = TypeVar("_Item")


def per_sentence(find: Callable[..., list[_Item]]) -> Callable[..., list[_Item]]:
    """Cache what `find` reads from a sentence (and hashable settings): one question's extractors
    read each of its sentences several times over ("who" and the speaker test both want the people
    named). Each caller gets its own list; the items in it are shared and never changed."""
    cached = lru_cache(maxsize=2048)(lambda *args: tuple(find(*args)))

    @wraps(find)
    def reading(*args: object) -> list[_Item]:
        return list(cached(*args))
    return reading


# "Peraturan Pemerintah Nomor 28 Tahun 2006", "Perda DKI No 8 Tahun 2017", "putusan Nomor
# 28/PUU-XIV/2016", "no 33 tahun 2014", "Surat Edaran Nomor SE - 04/PJ/2017": a document's number
# (its `code`), with its series and year when cited by them. The number counts nothing ("28 Tahun",
# "remisi berapa lama") and the year is not the date of what the sentence tells.
REGULATION_NUMBER = re.compile(r"\b(?i:nomor|nomer|no\.?)\s*(?P<code>(?:[A-Z]{1,6}\s*-\s*)?\d+[A-Za-z]?"
                               r"(?:\s*/\s*[\w.\-]+)*(?:\s+(?i:tahun)\s+(?P<year>\d{4})\b)?)")


def citations(sentence: str) -> list[tuple[int, int, set[str]]]:
    """Each cited number and year (start, end), with the words that name the document just before
    it ("peraturan", "pemerintah"; "perda", "dki")."""
    out = []
    for m in REGULATION_NUMBER.finditer(sentence):
        if not m["year"]:
            continue
        before = [w for w, _, _ in word_spans(sentence[max(0, m.start() - 40):m.start()])][-3:]
        out.append((m.start(), m.end(), {w.lower() for w in before} - QUESTION_STOP))
    return out


def content_keys(question_words: set[str]) -> set[str]:
    """The question's words that say what it is about, not how it asks ("siapa", "yang", "di")."""
    return {q for q in question_words if q not in QUESTION_STOP and len(q) > 1}


def role_words(question_words: set[str]) -> set[str]:
    """The question's content words that are ordinary words, not names ("sutradara", "mendirikan",
    "pembuat"): what ties the answer to the names it asks about."""
    return {k for k in content_keys(question_words) if is_ordinary_word(k)}


def key_positions(sentence: str, question_words: set[str]) -> dict[str, list[int]]:
    """For each content word of the question, the character offsets of its echoes in the sentence."""
    keys = content_keys(question_words)
    found: dict[str, list[int]] = {}
    for w, s, _ in word_spans(sentence):
        for q in keys:
            if related(w, q):
                found.setdefault(q, []).append(s)
    return found


def distance(cand: Candidate, keys: dict[str, list[int]], sentence: str, after: float = 1.5) -> float:
    """Mean distance in words from the candidate to each echoed question word (0 if none).

    A word after the candidate counts `after` times as far: Indonesian news puts the actor before
    the date or place ("Belousov mengunjungi Pyongyang pada 29 November")."""
    if not keys:
        return 0.0
    total = 0.0
    for offsets in keys.values():
        best = FAR
        for k in offsets:
            if k < cand.start:
                best = min(best, len(sentence[k:cand.start].split()) - 1)
            elif not _CONTRAST.search(sentence[cand.end:k]):  # "MPV 10 persen, sedangkan sedan 30 persen"
                best = min(best, after * len(sentence[cand.end:k].split()))  # "sedan" says nothing of 10 persen
        total += best
    return total / len(keys)


def clause_after(sentence: str, end: int) -> str:
    """What the sentence writes after `end`, up to a clause that sets something else against it."""
    rest = sentence[end:]
    contrast = _CONTRAST.search(rest)
    return rest[:contrast.start()] if contrast else rest


FAR = 12.0
_CONTRAST = re.compile(r"\b(?:sedangkan|sementara|namun|tetapi|tapi|melainkan|adapun)\b|;", re.IGNORECASE)


def with_words_before(sentence: str, found: str, before: re.Pattern) -> str:
    """`found` widened by what the sentence writes just before it and `before` matches (an anchored
    pattern): "tujuh dan " of "tujuh dan lima tahun", "sebelah timur laut " of "… Tiongkok"."""
    start = sentence.find(found)
    match = before.search(sentence[:start]) if start > 0 else None
    return sentence[match.start():start] + found if match else found


def phrase_end(text: str, spans: Spans, stops: Callable[[int], bool], limit: int) -> int:
    """How many of the words opening `text` make one phrase: up to punctuation (an ampersand and a
    hyphen inside a name join), a stop, or `limit`."""
    end = 0
    while end < min(len(spans), limit) and (text[spans[end - 1][2] if end else 0:spans[end][1]].strip() in ("", "&")
                                            or end and hyphen_joins(text, spans, end)) and not stops(end):
        end += 1
    return end


def repeats_question(text: str, question_words: set[str]) -> bool:
    """Every word of `text` is the question's own, however written: "Ibukota" for "ibu kota",
    "Karya pertamanya" for "karya pertama", "Provinsi-provinsi" for "provinsi"."""
    words = [w.lower() for w, _, _ in word_spans(text)]
    return bool(words) and (all(_echoes(w, question_words) for w in words) or _blended(words, question_words))


def _blended(words: list[str], question_words: set[str]) -> bool:
    """Chat blends a name's words into one: "Setnov" is Setya Novanto, "Jokowi" Joko Widodo, "Zulhas"
    Zulkifli Hasan; the name so written is the question's own. An ordinary word is no blend ("bahasa"
    is no "baha-" and "Sanskerta")."""
    return 1 < len(words) <= 3 and any(len(w) >= MIN_BLEND and w.isalpha() and not is_ordinary_word(w)
                                       and _spells(w, words) for w in question_words)


MIN_BLEND = 5


def _spells(word: str, parts: list[str]) -> bool:
    """`word` is a prefix of two letters or more of each part in turn."""
    if not parts:
        return not word
    return any(parts[0].startswith(word[:k]) and _spells(word[k:], parts[1:])
               for k in range(2, len(word) - 2 * (len(parts) - 1) + 1))


def _echoes(word: str, question_words: set[str]) -> bool:
    if word in question_words or word.removesuffix("nya") in question_words:
        return True
    if "-" in word:
        return all(_echoes(part, question_words) for part in word.split("-") if part)
    return any(word.startswith(w) and word[len(w):] in question_words for w in question_words if len(w) > 2)


def drop_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates ("14/9/2024" is part of "Sabtu (14/9/2024)")."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


TITLE_START = {"presiden", "wakil", "menteri", "pemimpin", "kepala", "juru", "duta", "penasihat",
                "perdana", "ketua", "direktur", "jenderal", "panglima", "kanselir", "raja",
                "sekretaris", "gubernur", "pejabat", "mendiang", "ayah", "analis", "ahli", "wartawan",
                "wali", "walikota", "bupati", "camat", "lurah", "kapolri", "kapolda", "kapolres", "rektor",
                "dekan", "sekjen", "dirjen", "dirut", "komisaris", "hakim", "jaksa", "ketum", "deputi", "asisten",
                "bendahara"}


REGIONS = {"kota", "kabupaten", "provinsi", "kecamatan", "desa", "kelurahan"}
# English names put what a body is last ("Massachusetts Institute of Technology", "Toyota Motor
# Corporation"); none names a person (of the train sets' 2,448 "siapa" answers, 20 hold one: bodies, and
# a list of founders with their firms, "Rich Miner (pendiri Wildfire Communications, Inc.)").
ORGANISATION_ENDS = {"university", "institute", "school", "college", "committee", "authority", "hospital",
                     "commission", "corporation", "corp", "inc", "ltd", "llc", "council", "foundation",
                     "association", "agency", "department", "ministry", "society", "organization", "organisation",
                     "federation", "airlines", "airways", "company", "bureau", "entertainment", "center", "centre"}
# Words that open an organisation's name inside an office ("Kepala Dinas Kehutanan Lampung").
ORGANISATION_STARTS = {"pt", "cv", "dinas", "badan", "kementerian", "lembaga", "komisi", "universitas", "bank",
                       "yayasan", "partai", "direktorat", "biro", "kantor", "pemerintah", "pemkab", "pemkot", "pemprov"}


def lone_common_word(text: str) -> bool:
    """A capitalised common word alone, naming nobody: "Bahkan, klub …", "Kota …", an office."""
    words = text.split()
    low = words[0].lower() if len(words) == 1 else ""
    return bool(low) and (is_ordinary_word(low) or low in REGIONS or low in title_words())


DIRECTIONS = {"utara", "selatan", "timur", "barat", "tengah", "tenggara", "daya", "laut"}  # "perairan timur …"


@lru_cache(maxsize=None)
def title_words() -> frozenset[str]:
    return frozenset(load_lexicon("titles.txt")) | {"untuk"}


def is_office(word: str) -> bool:
    """An office's word: "Menteri", "ketua", "pemimpin"."""
    low = word.lower()
    return low in TITLE_START or low in title_words()


@lru_cache(maxsize=None)
def not_names() -> frozenset[str]:
    """Capitalised words that name nothing: the stopwords ("Namun", "Bahkan") and not_names.txt."""
    return frozenset(load_lexicon("not_names.txt")) | STOPWORDS


def looks_affixed(word: str) -> bool:
    """Sentence-initial capitals say nothing; Indonesian affixes suggest an ordinary word."""
    w = word.lower()
    return (len(w) >= 7 and w.startswith(("me", "ber", "di", "ter", "ke", "se", "pe"))) or (
        len(w) >= 6 and w.endswith(("kan", "an", "nya", "lah"))
    )


def gap_before(sentence: str, spans: Spans, i: int) -> bool:
    """True when punctuation separates word i from the one before it; an ampersand joins ("You &
    Me", "Procter & Gamble")."""
    between = sentence[spans[i - 1][2]:spans[i][1]].strip()
    return bool(between) and between != "&"


def overlaps_question(name: str, question_words: set[str]) -> bool:
    return any(w.lower() in question_words for w, _, _ in word_spans(name))


STOP_AFTER = {"yang", "di", "ke", "dari", "dan", "untuk", "pada", "dengan", "sejak", "setelah",
               "sebelum", "dalam", "oleh", "itu", "ini", "tersebut", "sebagai", "atau", "bagi",
               "terakhir", "lalu", "kemudian", "akan", "telah", "sudah", "mereka", "kami", "hampir",
               "sekitar", "lebih", "kurang", "hanya", "saja", "lain", "lainnya", "semisal", "seperti", "misalnya",
               "ada", "juga", "pun", "masih", "belum", "adalah", "merupakan", "yakni", "yaitu",
               "akibat", "lantaran", "seusai", "selepas"}  # "skors satu laga akibat kartu merah"


NAME_CONNECTORS = {"de", "du", "des", "da", "dos", "del", "della", "van", "von", "der", "bin", "binti", "ibn", "al", "el",
                   "la", "to", "of", "and"}


HOMELAND = {"tanah air", "ibu pertiwi"}  # "disukai pembeli di Tanah Air": the country, neither who nor where


def connects_name(sentence: str, spans: Spans, at: int, is_name: Callable[[int], bool]) -> bool:
    """ "Rio da Cunha", "Ludwig van Beethoven": word `at` is a lowercase connector between two parts
    of one name, with no punctuation before the part that follows but the archive's spaced hyphen
    ("Abdulelah al - Saleh")."""
    return (spans[at][0] in NAME_CONNECTORS and at + 1 < len(spans) and is_name(at + 1)
            and (not gap_before(sentence, spans, at + 1) or spaced_hyphen(sentence, spans, at + 1)))


# Openers that are part of the name they open: "The Jazz Singer", "The Asahi Shimbun".
_NAME_OPENERS = {"The"}
# Bodies named after the fields they govern, which Indonesian joins with "dan": "Kementerian Pekerjaan
# Umum dan Perumahan Rakyat", "Badan Pengawas Obat dan Makanan", "Dinas Pendidikan dan Kebudayaan".
_FIELD_BODIES = {"kementerian", "kementrian", "departemen", "badan", "lembaga", "dinas", "komisi", "komite",
                 "direktorat", "fakultas", "asosiasi", "pusat", "balai", "biro", "institut", "majelis", "dewan"}
# What opens another body: "Kementerian Keuangan dan Bank Indonesia" is two (an office, a person).
_NOT_A_FIELD = _FIELD_BODIES | ORGANISATION_STARTS | {"polri"}


def joins_field(sentence: str, spans: Spans, start: int, at: int) -> bool:
    """Word `at` is the "dan" between two fields of one body's name, the run from `start` naming a
    body (its first or second word: "Namun Kementerian …"), the word after it a capitalised field
    that opens no other body and is no short form ("… dan KPK", "… dan Kemendagri")."""
    if spans[at][0] != "dan" or at + 1 >= len(spans) or gap_before(sentence, spans, at) or gap_before(
            sentence, spans, at + 1):
        return False
    field = spans[at + 1][0]
    return (any(w.lower() in _FIELD_BODIES for w, _, _ in spans[start:min(start + 2, at)])
            and field[:1].isupper() and field.lower() not in _NOT_A_FIELD and not is_office(field)
            and not field.lower().startswith("kemen") and not (len(field) > 1 and field.isupper()))


def joined_particle(word: str) -> bool:
    """ "al-Jaafari", "el-Sisi": a name's lowercase particle written joined to the capitalised part
    that follows, which goes on the name as the spaced form ("al - Saleh") does."""
    particle, hyphen, rest = word.partition("-")
    return bool(hyphen) and particle in NAME_CONNECTORS and rest[:1].isupper()


def spaced_hyphen(sentence: str, spans: Spans, i: int) -> bool:
    """ "Jacques - Henri Eyraud": the archive's text spaces the hyphen inside a double name."""
    return sentence[spans[i - 1][2]:spans[i][1]] == " - "


def hyphen_joins(sentence: str, spans: Spans, i: int) -> bool:
    """ "Masjid Al - Mujahidin", "Kamar - Taj", "Satelit Telkom - 2", "Terminal Gorong - gorong", "TV al -
    Mawsleya": the archive's spaced hyphen inside one name, before a capital, a code's number or the
    word repeated (not "2 - 1", a score)."""
    if not spaced_hyphen(sentence, spans, i):
        return False
    before, word = spans[i - 1][0], spans[i][0]
    if before in NAME_CONNECTORS:
        return word[:1].isupper()
    return before[:1].isupper() and (word[:1].isupper() or word[:1].isdigit() or any(
        word.lower().startswith(before[-k:].lower()) for k in range(4, len(before) + 1)))


@per_sentence
def name_runs(sentence: str) -> list[Candidate]:
    """Runs of capitalised words ("Partai Wafd", "Orange County", "Si Doel Anak Sekolahan")."""
    spans = word_spans(sentence)
    runs, i = [], 0
    while i < len(spans):
        if not spans[i][0][:1].isupper():
            i += 1
            continue
        end = i + 1
        while end < len(spans):
            if hyphen_joins(sentence, spans, end):
                end += 1
            elif gap_before(sentence, spans, end):
                break
            elif spans[end][0][:1].isupper() or spans[end][0].isdigit() or joined_particle(spans[end][0]):
                end += 1
            elif connects_name(sentence, spans, end, lambda k: spans[k][0][:1].isupper()) or joins_field(
                    sentence, spans, i, end):
                end += 2
            else:
                break
        start = i
        while start < end - 1 and (not_a_name(spans[start][0]) or spans[start][0].lower() in STOPWORDS) and (
                spans[start][0] not in _NAME_OPENERS and spans[start][0].lower() not in _FIELD_BODIES):
            start += 1  # "Kini Jepang", "Namun Partai Hijau": the opener is no part of the name
        runs.append(Candidate(spans[start][1], spans[end - 1][2], sentence[spans[start][1]:spans[end - 1][2]], 2.0))
        i = end
    return runs


def ordinary_share(spans: Spans) -> float:
    """The share of the capitalised words that are ordinary words: "Kemerdekaan Bangsa" or "Dua
    Karang" is written like a name but names no one, "Tadashi Maeda" does."""
    capitalised = [w for w, _, _ in spans if w[:1].isupper()]
    return sum(is_ordinary_word(w) for w in capitalised) / len(capitalised) if capitalised else 0.0


def not_a_name(word: str) -> bool:
    w = word.lower()
    return w in not_names() or w in DAYS or w in MONTHS


def bracketed_beside_asked(sentence: str, cand: Candidate, question_words: set[str]) -> bool:
    """ "Yves Chauvin (74)", "film Kawin Lari (1975)": the bracket right after a word the question
    names belongs to it."""
    before = sentence[:cand.start].rstrip()
    if not before.endswith("(") or not sentence[cand.end:].lstrip().startswith(")"):
        return False
    words = word_spans(before)
    return bool(words) and words[-1][0].lower() in question_words


DEGREE = re.compile(r"(?:[A-Z][a-z]{0,3}\.)+[A-Z][a-z]{0,3}\.?")  # S.E, M.M, M.Si, S.Kom., Ph.D after a name
_DEGREES_AT_END = re.compile(rf"(?:\s*,\s*{DEGREE.pattern})+\s*$")
# An encyclopedia's footnote mark ("… 149,6 juta kilometer.[17]", "nonteistik[note 1]"): a reference,
# never part of an answer; a number inside it would answer "berapa" with the footnote's number.
FOOTNOTE_MARK = r"\[(?i:note\s+|catatan\s+)?\d{1,3}\]"
FOOTNOTE = re.compile(FOOTNOTE_MARK)
COPULA = re.compile(r"\b(?:adalah|merupakan|ialah|yaitu|yakni|disebut juga)\b", re.IGNORECASE)  # "X adalah Y"
_NUMBER_NAME = r"(?:se|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
# A rank in words: "pertama", "keempat", "kesebelas", "keempat belas", "keduapuluh satu".
ORDINAL_WORD = (rf"(?:pertama|kesatu|ke(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)"
                rf"(?:\s+(?:belas|puluh))?|ke{_NUMBER_NAME}puluh(?:\s+{_NUMBER_NAME})?)\b")
_OPENING, _CLOSING = "([", ")]"


def outside_brackets(text: str) -> str:
    """`text` with everything inside brackets, nested or left open, blanked to spaces (same length):
    "Dolar AS (Kurs: $; Kode: USD) adalah" has its subject outside, and its semicolons inside."""
    depth, out = 0, []
    for c in text:
        if c in _OPENING:
            depth += 1
        out.append(c if depth == 0 else " ")
        if c in _CLOSING and depth:
            depth -= 1
            out[-1] = " "
    return "".join(out)


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


_TIME_UNITS = {"tahun", "bulan", "pekan", "minggu", "hari", "abad"}


def copula_subject(sentence: str, question_words: set[str]) -> Candidate | None:
    """ "Kina (kode ISO 4217: PGK) adalah mata uang Papua Nugini." answers "Apa mata uang Papua
    Nugini?": when what follows "adalah" restates the question, the name before it is the answer
    (the first of two: "Sinagoga atau Kanisah")."""
    m = COPULA.search(sentence)
    if not m:
        return None
    keys = {q for q in content_keys(question_words) if not q.startswith(("siapa", "apa"))}
    said = [w for w, _, _ in word_spans(sentence[m.end():])]
    if not keys or 2 * sum(any(related(w, k) for w in said) for k in keys) < len(keys):
        return None
    clause = _DEGREES_AT_END.sub(_blank, outside_brackets(sentence[:m.start()]))  # "Hendrar Prihadi, S.E, M.M adalah"
    start = max(clause.rfind(","), clause.rfind(";")) + 1  # "Menurut naskah itu, Tatar Ukur adalah …"
    subject = " ".join(re.split(r"\s+atau\s+", clause[start:].strip())[0].split()).strip(" \"“”'")
    words = [w for w, _, _ in word_spans(subject)]
    if not subject[:1].isupper() or any(c in subject for c in "()[]"):
        return None  # "…, w: Ternate, 26 September 1852)[1] adalah …": a comma inside a bracket, no subject
    if all(w.isdigit() or w.lower() in _TIME_UNITS for w in words):
        return None  # "Tahun 2016 adalah titik pulang bagi …": when, not who or what
    unasked = [not any(related(w, q) for q in question_words) for w in words]  # "Dong Vietnam", not "Ibukota Vietnam"
    # mostly words the question lacks, or opening with one: "Won Korea Selatan" for "Apa mata uang Korea Selatan?"
    fresh = 2 * sum(unasked) >= len(words) or bool(unasked) and unasked[0]
    if not 0 < len(words) <= 6 or not fresh or all(not_a_name(w) for w in words) or not all(
            w[:1].isupper() or w[:1].isdigit() or w in NAME_CONNECTORS for w in words):
        return None
    at = sentence.find(subject, start)
    return Candidate(at, at + len(subject), subject, 5.0) if at >= 0 else None  # not split by a bracket
