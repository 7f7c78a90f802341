"""Understanding a user's question: normalise chat Indonesian, find the question type, keep the
words worth searching for, and read a short follow-up against the previous turn of the chat.

Pure logic: the only input besides the arguments is the small lexicons bundled in bot/data.
"""
from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.answer import Turn
from index.analyse import STOPWORDS, is_dictionary_root, is_ordinary_word, looks_verbal, read_short_forms, root_of

DATA_DIR = Path(__file__).parent / "data"
MAX_INPUT_CHARS = 2000  # looked at before anything else, so a 10,000-char paste stays cheap
MAX_TEXT_CHARS = 500
MAX_EDIT_WORD = 40  # longer "words" are junk; their edit neighbourhood is not worth building


@dataclass
class Question:
    original: str
    text: str  # normalised, what the bot understood (shown back to the user)
    qtype: str | None
    content: str  # the words to search for
    is_followup: bool


# ---------------------------------------------------------------- lexicons


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> tuple[str, ...]:
    """Lines of a bundled word list, without comments; cached because every question needs them."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (line.strip() for line in lines) if s and not s.startswith("#"))


@lru_cache(maxsize=None)
def _abbreviations() -> tuple[dict[tuple[str, ...], list[str]], dict[str, list[str]]]:
    """(case-insensitive multiword map, case-sensitive single-word map)."""
    folded: dict[tuple[str, ...], list[str]] = {}
    exact: dict[str, list[str]] = {}
    for line in load_lexicon("abbreviations.txt"):
        key, _, value = line.partition("=")
        key, words = key.strip(), _tokens(value.strip())
        if key.startswith("!"):
            exact[key[1:]] = words
        else:
            folded[tuple(key.lower().split())] = words
    for key, value in read_short_forms().items():  # "korut = Korea Utara", shared with the index
        folded[(key,)] = _tokens(value)
    return folded, exact


@lru_cache(maxsize=None)
def _filler() -> frozenset[str]:
    return frozenset(load_lexicon("filler.txt"))


@lru_cache(maxsize=None)
def countries() -> frozenset[tuple[str, ...]]:
    """Known country names as lowercase word tuples, for "Di negara manakah …?"."""
    return _word_tuples("countries.txt")


def _word_tuples(*lexicons: str) -> frozenset[tuple[str, ...]]:
    """The names these lexicons list, each as its lowercase words: how a place is matched in tokens."""
    return frozenset(tuple(p.lower().split()) for name in lexicons for p in load_lexicon(name))


@lru_cache(maxsize=None)
def _place_first_words() -> frozenset[str]:
    return frozenset(p[0] for p in places())


@lru_cache(maxsize=None)
def places() -> frozenset[tuple[str, ...]]:
    """Known place names as lowercase word tuples (multiword places included), countries among them."""
    return countries() | cities_and_regions()


@lru_cache(maxsize=None)
def _listed_places() -> frozenset[tuple[str, ...]]:
    """The places we list by hand: a person's name may go on into a town only GeoNames lists ("T.
    Jackson Bedford"), not into one of these."""
    return _word_tuples("countries.txt", "places.txt")


@lru_cache(maxsize=None)
def cities_and_regions() -> frozenset[tuple[str, ...]]:
    """Known places within a country (a city-state among them), as lowercase word tuples: ours, and
    the towns and regions of GeoNames our training text reads as places (`bench/world_places.py`)."""
    return _word_tuples("places.txt", "world_places.txt")


# ---------------------------------------------------------------- cleaning

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"), None)
_HTML_BLOCK = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.I | re.S)
_HTML_TAG = re.compile(r"<[^<>]{0,200}>")
_HTML_ENTITY = re.compile(r"&#?\w{1,10};")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
# Query-language words a user (or an attacker) may type; never meaningful in an Indonesian question.
_OPERATORS = {"OR", "AND", "NOT", "NEAR", "SELECT", "DROP", "UNION", "INSERT", "DELETE", "UPDATE",
              "TABLE", "FROM", "WHERE", "MATCH", "NULL"}


def _clean(raw: object) -> str:
    """Text with markup, invisible characters and control characters gone."""
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    text = text[:MAX_INPUT_CHARS]
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH)
    text = _HTML_BLOCK.sub(" ", text)
    text = _HTML_TAG.sub(" ", text)
    text = _HTML_ENTITY.sub(" ", text)
    return "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)


def _tokens(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(text)]


# ---------------------------------------------------------------- expansion

# Lowercase "as" is English "as" or a typo more often than the country, except after these words.
_AS_CONTEXT = {"presiden", "negara", "pemerintah", "militer", "pejabat", "warga", "tentara",
               "pasukan", "dubes", "duta", "besar", "menlu", "menhan", "ke", "dari", "di",
               "sanksi", "intelijen", "pihak", "sekutu", "kedubes", "oleh", "dan", "dengan",
               "antara", "menteri", "pertahanan", "negeri", "amerika"}


# "jangka waktu", "catatan waktu", "berapa waktu", "punya waktu": "waktu" is the noun there.
_TIME_NOUN_BEFORE = {"jangka", "catatan", "berapa", "brp", "brapa", "lama", "sisa", "dalam", "tenggat", "batas", "zona",
                     "punya", "butuh", "perlu", "ada", "jam", "selang", "kurun", "rentang", "tempo", "waktu", "pada",
                     "setiap", "tiap", "butuhkan", "membutuhkan", "memerlukan"}


def expand_abbreviations(tokens: list[str]) -> list[str]:
    """Replace chat spellings and abbreviations, longest match first."""
    folded, exact = _abbreviations()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in exact:
            out.extend(exact[tok])
            i += 1
            continue
        if tok == "as" and i > 0 and tokens[i - 1].lower() in _AS_CONTEXT:
            out.extend(["Amerika", "Serikat"])
            i += 1
            continue
        if tok.lower() == "waktu" and i + 1 < len(tokens) and (
                i == 0 or tokens[i - 1].lower() not in _TIME_NOUN_BEFORE):
            out.append("saat")  # "waktu lawan Myanmar", "waktu IHSG dibuka": when, not time
            i += 1
            continue
        for size in (3, 2, 1):
            key = tuple(t.lower() for t in tokens[i:i + size])
            if len(key) == size and key in folded:
                words = folded[key]
                out.extend(words[-1:] if _already_spelt(out, words) else words)
                i += size
                break
        else:
            out.append(_reduplicated(tok))
            i += 1
    return out


def _misspelt_question_word(token: str) -> str | None:
    """ "Bagaiaman", "Sipakah", "kapn": a question word typed wrong is still that question word. Left
    as it is, it asks nothing and weighs most of all, as a word the corpus never has."""
    word = token.lower()
    if not word.isalpha() or len(word) < 3:
        return None
    vowelless = next((spelt for w, spelt in _VOWELLESS_READINGS.items() if _drops_vowels(w, word)), None)
    if vowelless or len(word) < 5:  # a short word only so, as chat types it: "kapn", "mna", "knpa"
        return vowelless if vowelless and not is_ordinary_word(word) else None
    if word.endswith("kah") and not is_dictionary_root(word[:-3]):  # "-kah" asks: "berapkah", "dimnakah"
        near = edit_candidates(word[:-3])
        for base in _ASKING_BASES:
            if base in near:
                return QTYPE_WORDS[base]
    if is_ordinary_word(word):
        return None
    joined = next((w for w in _JOINABLE if word.startswith(w) and is_ordinary_word(word[len(w):])
                   and len(word) - len(w) >= MIN_JOINED_REST), None)
    if joined:  # "siapapresiden": the question word typed without its space
        return f"{QTYPE_WORDS[joined]} {word[len(joined):]}"
    near = edit_candidates(word)
    for typed, spelt in _INTERROGATIVES.items():  # one edit away; two for the long ones ("bagaiaman")
        if typed in near or len(typed) >= 9 and near & edit_candidates(typed):
            return spelt
    return None


def _drops_vowels(word: str, typed: str) -> bool:
    """Whether `typed` is `word` with some of the vowels after its first letter left out."""
    if not word.startswith(typed[:1]) or len(typed) >= len(word):
        return False
    at = 0
    for letter in word:
        if at < len(typed) and typed[at] == letter:
            at += 1
        elif letter not in VOWELS:
            return False
    return at == len(typed)


_CHAT_REDUPLICATION = re.compile(r"([^\W\d_]{2,})2")


def _reduplicated(token: str) -> str:
    """Chat writes a doubled word with a 2: "abal2" is abal-abal, "desa2" desa-desa."""
    m = _CHAT_REDUPLICATION.fullmatch(token)
    return f"{m.group(1)}-{m.group(1)}" if m else token


def _already_spelt(out: list[str], words: list[str]) -> bool:
    """True when an acronym follows its own spelt-out form ("Perserikatan Bangsa-Bangsa (PBB)")."""
    head = [w.lower() for w in words[:-1]]
    return len(words) > 1 and [w.lower() for w in out[-len(head):]] == head


_ELONGATED = re.compile(r"([^\W\d_])\1{2,}")


def _unelongated(token: str) -> str:
    """Chat stretches a word for emphasis: "siapaaa", "kapannn", "brppp". No Indonesian word has a
    letter three times over; of the letter once or twice ("maaaf"), the spelling that is a word, else
    once, or twice in a name ("Fredddie"). Capitals alone are kept: "III", "CCCB"."""
    if token.isupper() or not _ELONGATED.search(token):
        return token
    once, twice = _ELONGATED.sub(r"\1", token), _ELONGATED.sub(r"\1\1", token)
    known = [w for w in (once, twice) if is_ordinary_word(w) or (w.lower(),) in _abbreviations()[0]]
    return known[0] if known else twice if token[:1].isupper() else once


def normalise(text: str) -> str:
    """The question as plain words: chat spelling expanded, junk gone, capped in length."""
    words = [_unelongated(t) for t in _tokens(_clean(text)) if t not in _OPERATORS]
    joined = " ".join(expand_abbreviations(words))
    if len(joined) > MAX_TEXT_CHARS:
        joined = joined[:MAX_TEXT_CHARS].rsplit(" ", 1)[0]
    return joined


_CONTEXT_NOTE = re.compile(r"\([^()]*\)\s*$")


def surface_words(text: str) -> set[str]:
    """Lowercased words of a (normalised) question, the `question_words` short_answer expects.

    The "(…)" context a follow-up borrows from the previous turn is left out: in "siapa yang
    mengatakannya? (kata Choe …)" the answer may well be Choe."""
    return {t.lower() for t in _tokens(_CONTEXT_NOTE.sub("", text or ""))}


# ---------------------------------------------------------------- question type

PLACE_HEADS = ("negara", "kota", "provinsi", "propinsi", "pulau", "daerah", "wilayah", "kabupaten", "benua",
               "tempat")
_WHICH_WORDS = ("mana", "manakah", "apa", "apakah")
PLACE_QTYPES = {"dimana", "kemana", "darimana"}

# (words, qtype); at one position the longest pattern wins, across positions the earliest.
_QTYPE_PATTERNS: list[tuple[tuple[str, ...], str]] = [
    (("tanggal", "berapa"), "kapan"), (("tahun", "berapa"), "kapan"),
    (("bulan", "berapa"), "kapan"), (("hari", "apa"), "kapan"), (("pukul", "berapa"), "kapan"),
    (("jam", "berapa"), "kapan"), (("kapan",), "kapan"), (("kapankah",), "kapan"),
    (("siapa", "nama"), "siapa"), (("siapa", "saja"), "siapa"), (("siapa",), "siapa"),
    (("siapakah",), "siapa"),
    (("di", "mana"), "dimana"), (("di", "manakah"), "dimana"),
    (("lokasinya", "di", "mana"), "dimana"),
    (("ke", "mana"), "kemana"), (("ke", "manakah"), "kemana"),
    (("dari", "mana"), "darimana"), (("dari", "manakah"), "darimana"),
    (("tahun", "berapakah"), "kapan"), (("tanggal", "berapakah"), "kapan"), (("bulan", "berapakah"), "kapan"),
    (("bulan", "apa"), "kapan"), (("bulan", "apakah"), "kapan"), (("hari", "apakah"), "kapan"),
    (("tahun", "apa"), "kapan"), (("tahun", "apakah"), "kapan"),
    # "Negara manakah …", "Di kota manakah …", "Dari negara manakah …" ask for a place
    *((("di", place, which), "dimana") for place in PLACE_HEADS for which in _WHICH_WORDS),
    *((("ke", place, which), "kemana") for place in PLACE_HEADS for which in _WHICH_WORDS),
    *((("dari", place, which), "darimana") for place in PLACE_HEADS for which in _WHICH_WORDS),
    *(((place, which), "dimana") for place in PLACE_HEADS for which in _WHICH_WORDS),
    *(((which, place), "dimana") for place in PLACE_HEADS for which in _WHICH_WORDS),  # "Apakah kota terbesar …"
    (("berapa",), "berapa"), (("berapakah",), "berapa"), (("seberapa",), "berapa"),
    (("keberapa",), "berapa"), (("keberapakah",), "berapa"),
    (("mengapa",), "mengapa"), (("kenapa",), "mengapa"), (("ngapain",), "mengapa"),
    (("apa", "sebabnya"), "mengapa"), (("apa", "sebab"), "mengapa"),
    (("apa", "alasan"), "mengapa"), (("apa", "alasannya"), "mengapa"),
    (("alasannya", "apa"), "mengapa"), (("karena", "apa"), "mengapa"),
    (("bagaimana",), "bagaimana"),
    (("apa", "benar"), "apakah"), (("apakah",), "apakah"), (("benarkah",), "apakah"),
    (("betulkah",), "apakah"), (("apa", "iya"), "apakah"),
    (("apa",), "apa"),
]
_QUESTION_VOCAB = {w for words, _ in _QTYPE_PATTERNS for w in words}
# The patterns each word may open, in their order: a question's words look up only their own.
_PATTERNS_BY_FIRST = {first: [p for p in _QTYPE_PATTERNS if p[0][0] == first]
                      for first in dict.fromkeys(words[0] for words, _ in _QTYPE_PATTERNS)}
# The question words a typo may be read back to, as the question patterns spell them.
_INTERROGATIVES = {w: w for w in ("apakah", "bagaimana", "berapa", "berapakah", "kapan", "kapankah", "kenapa",
                                  "manakah", "mengapa", "siapa", "siapakah")} | {"dimana": "di mana"}
QTYPE_WORDS = {"kapan": "kapan", "siapa": "siapa", "dimana": "di mana", "kemana": "ke mana",
               "darimana": "dari mana", "berapa": "berapa", "apa": "apa", "apakah": "apakah",
               "mengapa": "mengapa", "bagaimana": "bagaimana"}


# Question words a typo may hide before "-kah", and those typed joined to the next word.
_ASKING_BASES = ("berapa", "dimana", "kapan", "bagaimana", "mengapa", "kemana", "darimana")
_JOINABLE = ("siapa", "berapa", "kapan", "dimana", "bagaimana", "mengapa")
# Question words chat types with vowels left out ("knpa", "brpa", "dmna", "bgmna"), as the patterns
# spell them ("mana" is read with its noun, "rumah sakit mna").
_VOWELLESS_READINGS = {w: QTYPE_WORDS.get(w, w) for w in ("kapan", "mana", "siapa", "berapa", "kenapa", "mengapa",
                                                            "bagaimana", "dimana", "kemana", "darimana")} | {
    "gimana": "bagaimana"}
MIN_JOINED_REST = 4

_PER_HOUR = {"km", "kilometer", "per", "mil", "knot"}
_CLOCK_WORDS = ("jam", "pukul")  # "jam berapa" asks a time of day


def _find_qtype(lower: list[str]) -> tuple[str | None, set[int]]:
    """The question type and the token positions its words occupy."""
    lower = [_unreduplicated(w) for w in lower]  # "kota-kota mana" asks as "kota mana" does
    for i in range(len(lower)):
        best: tuple[tuple[str, ...], str] | None = None
        if i > 0 and lower[i] == "jam" and lower[i - 1] in _PER_HOUR:
            continue  # "0-100 km/jam brp detik" asks how many seconds, not what time
        for words, qtype in _PATTERNS_BY_FIRST.get(lower[i], ()):
            if tuple(lower[i:i + len(words)]) == words and (best is None or len(words) > len(best[0])):
                best = (words, qtype)
        if (best and best[1] == "kapan" and len(best[0]) == 2 and i > 0 and lower[i - 1] in _PER
                and best[0][1].startswith("berapa") and best[0][0] != "tanggal"):
            continue  # "tiap tahun berapa persen" asks a share a year; "tiap hari apa" asks which day
        if tuple(lower[i:i + 2]) in _FROM_WHERE:  # "asli orang mana": where someone is from
            return "darimana", {i, i + 1}
        if best:
            if best[0] == ("ngapain",) and set(lower[i + 1:]) <= _CLOSING_PARTICLES:
                return "apa", {i}  # "sempet ngapain": did what; "ngapain dia ke sana" asks why
            return best[1], set(range(i, i + len(best[0])))
    return None, set()


_PER = {"tiap", "setiap", "per"}
_FROM_WHERE = {("orang", "mana"), ("asli", "mana")}
_CLOSING_PARTICLES = {"sih", "ya", "yah", "aja", "saja", "tuh", "deh", "dong", "kah", "nih"}


# ---------------------------------------------------------------- content words

_ANAPHORA = {"itu", "tersebut", "ini", "begitu", "demikian", "dia", "ia", "beliau", "mereka",
             "sana", "situ", "hal"}
# Adverbs made with "-nya" that refer back to nothing (a root ending in "-nya", "bertanya", is found
# by `_possessive_nya` itself).
_NYA_NOT_ANAPHORIC = {"sebenarnya", "sebetulnya", "lainnya", "biasanya", "akhirnya", "selanjutnya",
                      "sebaliknya", "rupanya", "misalnya", "seharusnya", "semestinya", "tampaknya", "agaknya"}
# Verbs that only say "something happened / was said"; they do not make a question self-contained.
_GENERIC = {"terjadi", "berlangsung", "dilakukan", "diadakan", "mengatakan", "berkata",
            "menyatakan", "katakan", "dikatakan", "lakukan", "melakukan", "peristiwa",
            "kejadian", "hal", "bisa", "dapat", "sudah", "pernah", "lagi", "juga"}
_FOLLOWUP_LEADS: list[tuple[str, ...]] = [
    ("bagaimana", "dengan"), ("bagaimana", "kalau"), ("kalau", "untuk"), ("terus", "kalau"),
    ("lalu", "kalau"), ("dan", "kalau"), ("kalau",), ("terus",), ("lalu",), ("lantas",), ("dan",),
    ("kemudian",), ("sedangkan",), ("nah",),
]
_PREPOSITIONS = {"di", "ke", "dari", "pada", "dengan", "untuk", "dalam", "oleh", "kepada", "antara"}


def _is_anaphor(word: str, prev: str | None) -> bool:
    w = word.lower()
    if w == "itu" and prev == "apa":  # "apa itu X?" asks for a definition
        return False
    if w in _ANAPHORA:
        return True
    return _possessive_nya(w)


def _possessive_nya(word: str) -> bool:
    """The word ends in a possessive "-nya" ("pelakunya", which refers back), not in one that ends
    its root ("ditanya" is asked, "hanya" only)."""
    lower = word.lower()
    if len(lower) <= 5 or not lower.endswith("nya") or lower in _NYA_NOT_ANAPHORIC:
        return False
    return not _root_ends_in_nya(lower) or _root_ends_in_nya(lower[:-3])


def _strip_nya(word: str) -> str:
    return word[:-3] if _possessive_nya(word) else word


def _root_ends_in_nya(word: str) -> bool:
    root = root_of(word)
    return root.endswith("nya") and is_dictionary_root(root)


def _content_tokens(tokens: list[str], skip: set[int]) -> list[str]:
    """Tokens worth searching for: no question words, filler, or query-less numbers."""
    filler = _filler()
    kept = [t for i, t in enumerate(tokens) if i not in skip and t.lower() not in filler]
    return kept if any(ch.isalpha() for t in kept for ch in t) else []


# ---------------------------------------------------------------- follow-ups


def _followup_lead(lower: list[str]) -> int:
    """How many leading words say "and what about …" (0 when there is no such lead)."""
    for lead in _FOLLOWUP_LEADS:
        if tuple(lower[:len(lead)]) == lead:
            return len(lead)
    return 0


def place_span(tokens: list[str], start: int, listed: bool = False) -> int:
    """Length of the known place starting at `start` (0 if none); `listed`: of the places we list
    by hand only."""
    known = _listed_places() if listed else places()
    if start >= len(tokens) or tokens[start].lower() not in _place_first_words():
        return 0
    for size in (3, 2, 1):
        if start + size <= len(tokens) and tuple(t.lower() for t in tokens[start:start + size]) in known:
            return size
    return 0


def _is_place(words: list[str]) -> bool:
    if words and words[0].lower() in {"ke", "di", "dari"}:
        return True
    return bool(words) and place_span(words, 0) == len(words)


def _replace_entity(tokens: list[str], new: list[str]) -> tuple[list[str], bool]:
    """Put `new` where the previous question had an entity of the same kind (place or other)."""
    lower_new = [w.lower() for w in new]
    if any(w.lower() in lower_new for w in tokens if w.lower() not in _PREPOSITIONS):
        return tokens, True  # already mentions it
    want_place = _is_place(new)
    if want_place and new[0].lower() in {"ke", "di", "dari"}:
        for i, tok in enumerate(tokens[:-1]):
            if tok.lower() == new[0].lower():
                size = place_span(tokens, i + 1) or 1
                return tokens[:i] + new + tokens[i + 1 + size:], True
        for i, tok in enumerate(tokens[:-1]):  # "di kosmodrom Vostochny" → "ke Vladivostok"
            if tok.lower() in {"ke", "di", "dari"}:
                end = _place_phrase_end(tokens, i + 1)
                if end > i + 1:
                    return tokens[:i] + new + tokens[end:], True
        new = new[1:]
    i = 0
    while i < len(tokens):
        size = place_span(tokens, i)
        if want_place and size:
            return tokens[:i] + new + tokens[i + size:], True
        if not want_place and not size and _looks_like_name(tokens[i]):
            end = i + 1
            while end < len(tokens) and tokens[end][:1].isupper() and not place_span(tokens, end):
                end += 1
            return tokens[:i] + new + tokens[end:], True
        i += max(size, 1)
    return tokens, False


def _place_phrase_end(tokens: list[str], start: int) -> int:
    """End of a place phrase after a preposition: an optional common noun ("kosmodrom", "kota")
    and the capitalised name after it."""
    end = start
    if end + 1 < len(tokens) and tokens[end][:1].islower() and tokens[end + 1][:1].isupper():
        end += 1
    while end < len(tokens) and tokens[end][:1].isupper():
        end += 1
    return end if end > start and tokens[end - 1][:1].isupper() else start


_VERB_PREFIXES = ("me", "ber", "di", "ter", "ke", "se", "pe")
_COMMON_NOUNS = {"presiden", "menteri", "pertahanan", "pemimpin", "kepala", "juru", "bicara",
                 "perjanjian", "kunjungan", "pertemuan", "senjata", "rudal", "amunisi", "perang",
                 "sanksi", "tentara", "nuklir", "latihan", "militer", "hubungan", "negara",
                 "kerja", "sama", "luar", "negeri", "tahun", "bulan", "hari", "kota", "duta",
                 "besar", "dewan", "keamanan", "badan", "intelijen", "jarak", "perbatasan",
                 "uji", "coba", "kali", "orang", "pasukan", "satelit", "teknologi", "bantuan"}


def _looks_like_name(word: str) -> bool:
    """A guess for lowercase chat text, where capitals do not mark names."""
    w = word.lower()
    if w in _QUESTION_VOCAB:
        return False
    if word[:1].isupper():
        return w not in _COMMON_NOUNS and w not in _PREPOSITIONS
    if w in _COMMON_NOUNS or w in _PREPOSITIONS or w in _filler() or not w.isalpha():
        return False
    return not (w.startswith(_VERB_PREFIXES) and len(w) > 6) and not w.endswith(("kan", "an"))


def _merge_substitution(own: list[str], qtype: str | None, previous: Turn) -> tuple[str, str, str | None]:
    """"kalau Shoigu?" after "kapan Putin ke Pyongyang?" → "kapan Shoigu ke Pyongyang"."""
    prev_content = _tokens(previous.content)
    content, replaced = _replace_entity(prev_content, own)
    if not replaced:
        content = prev_content + own
    new_qtype = qtype or previous.qtype
    prev_text = normalise(previous.question).split()
    text_tokens, ok = _replace_entity(prev_text, own) if new_qtype == previous.qtype else ([], False)
    if ok and replaced:
        text = " ".join(text_tokens)
    else:
        text = " ".join(filter(None, [QTYPE_WORDS.get(new_qtype or "", ""), " ".join(content)]))
    return text, " ".join(content), new_qtype


def _merge_anaphora(text: str, own: list[str], qtype: str | None, previous: Turn) -> tuple[str, str, str | None]:
    """"siapa yang mengatakannya?" → this question's words plus the previous question and answer."""
    new_qtype = qtype or previous.qtype
    context = _tokens(previous.content)
    extra = []
    if new_qtype != previous.qtype:
        extra = _tokens(previous.answer or "") + _tokens(previous.subject or "")
    seen = {t.lower() for t in context}
    for tok in extra:
        if tok.lower() not in seen:
            context.append(tok)
            seen.add(tok.lower())
    own_words = [w for w in own if w.lower() not in seen]
    content = " ".join(own_words + context)
    shown = f"{text} ({' '.join(context)})" if context else text
    return shown, content, new_qtype


# ---------------------------------------------------------------- public API


def analyse_question(text: str, previous: Turn | None = None) -> Question:
    """Everything the engine needs from the raw question; never raises on odd input."""
    original = text if isinstance(text, str) else ("" if text is None else str(text))
    normal = normalise(original)
    tokens = normal.split()
    lower = [t.lower() for t in tokens]
    lead = _followup_lead(lower) if previous else 0
    qtype, q_positions = _find_qtype(lower)
    if qtype is None and tokens:  # a misspelt question word opens or closes the question, or asks with "-kah"
        for at in dict.fromkeys((0, len(tokens) - 1, *(i for i, t in enumerate(lower) if t.endswith("kah")))):
            word = _misspelt_question_word(tokens[at])
            if word:
                tokens[at:at + 1] = word.split()
                lower = [t.lower() for t in tokens]
                normal = " ".join(tokens)
                qtype, q_positions = _find_qtype(lower)
                break
    if qtype is None and "kok" in lower[:-1]:  # "kok ubud yg dipilih sih": chat asks why with "kok"
        qtype, q_positions = "mengapa", {lower.index("kok")}
    if lead and tuple(lower[:2]) in {("bagaimana", "dengan"), ("bagaimana", "kalau")}:
        qtype, q_positions = _find_qtype(lower[2:])
        q_positions = {p + 2 for p in q_positions}
    skip = q_positions | set(range(lead))
    own = [_strip_nya(t) for t in _content_tokens(tokens, skip)]
    plain = [t for i, t in enumerate(own) if not _is_anaphor(t, None)]
    has_anaphor = any(
        _is_anaphor(t, lower[i - 1] if i else None) for i, t in enumerate(tokens) if i not in skip
    )
    substantive = [t for t in plain if t.lower() not in _GENERIC]
    content = " ".join(own)

    if previous is not None:
        if lead and substantive and len(substantive) <= 5:
            text_, content_, qtype_ = _merge_substitution(substantive, qtype, previous)
            return Question(original, text_, qtype_, content_, True)
        if (has_anaphor and len(substantive) <= 2) or not substantive:
            text_, content_, qtype_ = _merge_anaphora(normal, plain, qtype, previous)
            return Question(original, text_, qtype_, content_, True)
        if qtype is None and len(substantive) <= 3 and len(tokens) <= 4:
            text_, content_, qtype_ = _merge_substitution(substantive, qtype, previous)
            return Question(original, text_, qtype_, content_, True)
    return Question(original, normal, qtype, content, False)


VOWELS = "aeiou"
_SWALLOWED = {"m": "p", "n": "t"}  # the consonant a chat verb's nasal stands for


def colloquial_variants(word: str) -> list[str]:
    """Formal spellings a chat word may stand for, likeliest first: the Jakarta suffix "-in" for
    "-kan" or "-i" ("diserahin", "matiin"), and the nasal prefixes "ny-", "ng-", "nge-" for the
    verb's own first sound ("nyuri" → curi, "nyumbang" → sumbang, "ngambil" → ambil), and "m-" for
    "p-" and "n-" for "t-" in a word no dictionary has ("muji" → puji, "nulis" → tulis, not "nanas"),
    and "e" for a last syllable's "a" ("dateng" → datang, "deketin" → dekatkan); else the word with a
    dropped "h" put back."""
    w = word.lower() if isinstance(word, str) else ""
    if len(w) < 4 or not w.isalpha():
        return []
    bases = [w, *_a_restored(w)]
    if w.endswith("in") and len(w) > 5:
        stem = w[:-2]  # "matiin" → mati
        bases = [root + suffix for root in [stem, *_a_restored(stem)] for suffix in ("kan", "i", "")]
        if any(is_dictionary_root(v) for v in _nasal_readings(w, w)):
            bases.insert(0, w)  # a root that ends in "-in": "mimpin" is memimpin, "ngawin" mengawin
    out: list[str] = []
    for base in bases:
        out += _nasal_readings(base, w)
        if base != w:
            out.append(base)
    return out or _h_restored(w)


def _nasal_readings(base: str, word: str) -> list[str]:
    """The roots a chat verb's nasal prefix may stand before ("nyuri" → curi, suri)."""
    if base.startswith("nge") and len(base) > 5 and base[3] not in VOWELS:
        # "nge" before a root ("ngetes" → tes), or "ng" before one that opens with "e" or "ke"
        # ("ngeksekusi" → eksekusi, "ngejar" → kejar, "ngeluarin" → keluarkan)
        bare = word[3:-2] if word.endswith("in") else word[3:]
        if not any(is_dictionary_root(b) for b in (bare, *_a_restored(bare))):
            return ["k" + base[2:], base[2:], base[3:]]
        return [base[3:]] if base == word else [base[3:], base[2:], "k" + base[2:]]
    if base.startswith("ny") and len(base) > 3 and base[2] in VOWELS:
        return ["c" + base[2:], "s" + base[2:]]
    if base.startswith("ng") and len(base) > 3 and base[2] in VOWELS:
        return [base[2:], "k" + base[2:]]
    if (base[0] in _SWALLOWED and len(base) > 3 and base[1] in VOWELS
            and (base != word or not is_ordinary_word(word))):
        return [_SWALLOWED[base[0]] + base[1:]]  # "nurunin" → turunkan, "muji" → puji
    return []


def _a_restored(word: str) -> list[str]:
    """Chat writes a last syllable's "a" as "e": "dateng" is datang, "bener" benar, "seneng" senang."""
    found = _LAST_SYLLABLE_E.search(word)
    return [f"{word[:found.start()]}a{word[found.end():]}"] if found else []


_LAST_SYLLABLE_E = re.compile(r"(?<=[^aeiou])e(?=[^aeiou]+$)")


def _h_restored(word: str) -> list[str]:
    """Speech drops an "h" between vowels or before a first vowel: "taun" → tahun, "liat" → lihat,
    "abis" → habis."""
    out = ["h" + word] if word[0] in VOWELS else []
    return out + [word[:i + 1] + "h" + word[i + 1:] for i in range(len(word) - 1)
                  if word[i] in VOWELS and word[i + 1] in VOWELS]


def skeleton(word: str) -> str:
    """The consonants a chat abbreviation keeps: "berangkat" and "brgkt" are both "brgkt" ("ng" is
    written "g"), "pemerintah" and "pmrnth" both "pmrnth"."""
    return re.sub(r"[aeiou]", "", word.lower().replace("ng", "g").replace("ny", "n"))


def may_abbreviate(word: str) -> bool:
    """A chat abbreviation drops every vowel but a first one ("anjng" is anjing; "string" keeps one:
    it is a word of its own), and is long enough to name one word."""
    w = word.lower()
    return w.isalpha() and len(w[:1] + skeleton(w[1:])) >= MIN_SKELETON and not any(c in VOWELS for c in w[1:])


MIN_SKELETON = 4  # "brgkt", "prsdn"; shorter ones ("yg", "dgn") are too ambiguous and listed by hand


def edit_candidates(word: str) -> set[str]:
    """Every string one edit away, so a misspelt name can be matched against the index vocabulary."""
    w = word.lower() if isinstance(word, str) else ""
    if not w or len(w) > MAX_EDIT_WORD:
        return set()
    letters = string.ascii_lowercase
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    out.discard(w)
    return out


# "Apa judul …", "Apakah julukan …": things that have a name, unlike "Apakah dampak …"
_NAMED_THINGS = {"judul", "jenis", "jabatan", "istilah", "perusahaan", "organisasi", "julukan", "profesi",
                 "tipe", "lembaga", "sebutan", "badan", "partai", "klub", "merek", "gelar", "lagu", "album",
                 "film", "buku", "produk", "program", "penyakit", "agama", "komisi", "media", "label", "lsm",
                 "tema", "gaya", "alat", "bahan", "benda", "makanan", "tumbuhan", "tanaman", "hewan", "binatang",
                 "bakteri", "virus", "obat", "senjata", "satelit", "kapal", "pesawat", "bandara",
                 "panggilan", "paham", "faham", "mayor", "jurusan", "cabang", "nomor", "kerang", "mata", "rs", "pt",
                 "bumn", "parpol", "ormas", "polsek", "polres", "polda", "kodim", "korem", "kodam", "pemda"}
# "Apa <noun> …" asks for a name ("Apa agama …", "Apakah kesenian …") unless the noun asks for an
# explanation or a description, which the quoted sentence gives.
_EXPLAINED = {"fungsi", "peran", "arti", "makna", "beda", "syarat", "dampak", "manfaat", "isi", "maksud",
              "akibat", "pengaruh", "cara", "ciri", "gejala", "bentuk", "sifat", "guna", "faktor", "masalah",
              "kendala", "latar", "sejarah", "kabar", "reaksi", "komentar", "kata", "respons", "langkah",
              "upaya", "solusi", "motif", "modus", "pesan", "rencana", "warna", "kesan", "janji", "saran",
              "kritik", "risiko", "hasil", "isu", "status", "kondisi", "hal", "betul", "ada", "sanksi",
              "tugas", "prestasi", "visi", "misi",
              # nouns made from verbs, too ("Apa tujuan kunjungan itu?")
              "tujuan", "alasan", "penyebab", "sebab", "kegiatan", "pendapat", "tanggapan", "keputusan",
              "kesimpulan", "perbedaan", "persamaan", "kelebihan", "kekurangan", "keuntungan", "kerugian",
              "pengertian", "kebijakan", "perubahan", "peranan", "kegunaan", "kandungan", "pekerjaan"}


def _which_head(before: list[str]) -> str | None:
    """The noun a "which" word asks about, passing over the names between: "partai apa" → partai,
    "lagu Kanye West apa" → lagu. None when only names precede it ("menurut Sandiaga Uno apa
    penyebab …" asks what, not which Uno); the last word when the question opens with names
    ("KRI apa …")."""
    last = before[-1]
    if last in _NOT_HEADS or last in _MEANS_VERBS or _is_verb(last):
        return None  # "dituduh mengirim apa" asks for its object; "disebut apa" for a name
    if last in ("nama", "namanya"):  # "operasi Turki di Afrin namanya apa": what opens the question
        return _opening_head(before)
    for k, word in enumerate(before[-1:-4:-1]):
        if not word.isalpha() or word in STOPWORDS:
            return last if k == 1 and word in ("di", "ke", "dari") else None  # "di kosmodrom apa"
        if k and _is_verb(word):
            return None  # "polisi nemu brang apa": the thing found, whatever the misspelt word is
        if word in _NAMED_THINGS or is_ordinary_word(word):
            return _without_nya(word)
    return last


def _before_place(words: list[str], end: int) -> int:
    """Where a known place ending at `end` starts, when a noun it may describe precedes it; else `end`."""
    for size in (3, 2, 1):
        start = end - size
        if start > 0 and _may_head(words, start) and place_span(words, start) == size:
            return start
    return end


def _may_head(words: list[str], end: int) -> bool:
    """Whether the words before `end` may be a noun a place describes: "kantor berita korsel", "ibu
    kota korut", not "manakah" or "di"."""
    return words[end - 1] not in _NOT_HEADS or " ".join(words[max(0, end - 2):end]) in _COMPOUND_HEADS


def _unreduplicated(word: str) -> str:
    """ "kota-kota" is many a "kota"; "kura-kura" is a word of its own."""
    half, dash, rest = word.partition("-")
    return half if dash and half == rest and is_ordinary_word(half) else word


def _opening_head(words: list[str]) -> str | None:
    """The noun a question opens with, when its name is what is asked ("kantor berita … apa namanya")."""
    compound = " ".join(words[:2])
    if compound in _COMPOUND_HEADS:
        return compound
    first = words[0]  # every caller passes the words before its question word, at least one
    # "wilayah … namanya apa": a place noun opens a question word pattern ("wilayah mana") too
    return first if first.isalpha() and (first in PLACE_HEADS or first not in _NOT_HEADS | STOPWORDS) else None


def _without_nya(word: str) -> str:
    """"jabatannya apa" asks for a jabatan."""
    bare = word.removesuffix("nya")
    return bare if bare != word and (bare in _NAMED_THINGS or is_ordinary_word(bare)) else word


def _is_verb(word: str) -> bool:
    """A verb other than one that names ("disebut apa" asks for a name): with its affixes, a root chat
    writes bare ("korut dituduh jual apa", "KPK bawa apa aja"), or one with chat's "-in" for "-kan"
    ("alibaba luncurin apa")."""
    if word in _NAMING_VERBS or word.endswith("nya") and is_dictionary_root(word[:-3]):
        return False  # nor is "mereknya", a root's "-nya", a verb made with "me-"
    if looks_verbal(word) and not is_dictionary_root(word) or word in _BARE_VERBS:
        return True
    return word.endswith("in") and not is_dictionary_root(word) and any(
        is_dictionary_root(v) for v in colloquial_variants(word))


# Verbs chat writes without a prefix, where the news writes "menjual", "membawa", "mengumumkan": the
# thing asked is the verb's object, not something of the verb's kind.
_BARE_VERBS = {"jual", "beli", "bawa", "kirim", "curi", "ambil", "makan", "minum", "bilang", "omong", "kasih",
               "kasi", "dapat", "dapet", "temu", "bikin", "cari", "pilih", "tonton", "nonton", "baca", "tulis",
               "jawab", "minta", "terima", "tanam", "sita", "tangkap", "serang", "tembak", "bunuh", "pukul", "tanya",
               "pinjam", "sewa", "impor", "ekspor", "bangun", "buang", "simpan", "sembunyikan", "tawarkan", "janjikan",
               "umumkan", "luncurkan", "rilis", "borong", "garap", "incar", "tuntut", "laporkan", "ajukan", "usulkan"}
_NAMING_VERBS = {"disebut", "dinamakan", "dinamai", "dijuluki", "dipanggil", "disapa", "berjudul", "bernama",
                 "bertajuk", "bermerek", "bergelar", "diberi"}
# "naik apa", "pakai apa" ask by what means: the verb names no kind of thing.
_MEANS_VERBS = {"naik", "menaiki", "pakai", "pake", "memakai", "make", "menggunakan", "gunakan"}


def _is_active_verb(word: str) -> bool:
    """ "mengandung", "ngandung" take an object ("minuman yang mengandung asam apa" asks which acid),
    where a passive one takes its doer ("motor yang dicuri pelaku apa" asks which motorbike)."""
    return word.startswith(("me", "ber")) and looks_verbal(word) or (
        word.startswith(("ng", "ny")) and word.isalpha() and not is_ordinary_word(word))


def _names_a_kind(word: str) -> bool:
    return (word.isalpha() and word not in _NOT_HEADS and word not in STOPWORDS and word not in _EXPLAINED
            and is_ordinary_word(word) and not looks_verbal(word))  # "Apakah kesenian khas Jawa Tengah?"


def _is_kind(word: str) -> bool:
    return word in _NAMED_THINGS or _names_a_kind(word)


# Auxiliaries and common predicates: they make "apakah …" a yes/no question, which states something to
# confirm ("apakah polisi sudah menangkap pelakunya?"), where "Apakah kesenian khas Jawa Tengah?" names a
# kind and asks which.
_PREDICATES = {"sudah", "telah", "akan", "masih", "sedang", "bisa", "dapat", "boleh", "harus", "pernah", "benar",
                "jadi", "tidak", "tak", "belum", "bukan", "mau", "ingin", "perlu", "ada", "naik", "turun"}


def _states_something(words: list[str]) -> bool:
    """Whether the words after "apakah <noun>" carry a predicate of their own, before any "yang"
    clause (which only narrows the noun)."""
    for k, word in enumerate(words):
        if word == "yang":
            return False
        if word == "itu" and k + 1 < len(words):
            return True  # "Apakah dampak banjir itu besar?"
        if word.endswith("nya") and word not in _PREDICATES:
            continue  # "Apakah tujuan dibentuknya …": a verb made a noun
        if word in _PREDICATES or looks_verbal(word) and not word.startswith("ter") and is_ordinary_word(word):
            return True  # "terbesar", "terkenal" describe the noun
    return False


_COMPOUND_HEADS = {"ibu kota", "rumah sakit", "surat kabar", "perguruan tinggi", "partai politik", "mata uang",
                   "alat musik", "cabang olahraga", "bahan bakar", "kantor berita", "media sosial"}
# "ada apa dgn …" asks what happened, not which "ada"
_NOT_HEADS = _QUESTION_VOCAB | {"di", "ke", "dari", "yang", "itu", "adalah", "ialah", "ada"}


_ABBREVIATION_WORDS = {"kepanjangan", "kepanjangannya", "singkatan", "singkatannya", "kependekan", "akronim"}
MAX_LONG_FORM_WORDS = 12
MAX_NAME_WORD = 30
# Small words inside an organisation's name ("Badan Rehabilitasi dan Rekonstruksi").
NAME_LINKS = {"dan", "dari", "untuk", "of", "and", "for", "de", "du", "des", "la", "le", "the", "pada", "di"}


def abbreviation_target(text: str) -> str | None:
    """ "Apa kepanjangan dari BRR?" → "BRR"; "singkatan dari Kepolisian Sektor" → "Kepolisian Sektor"."""
    words = _tokens(text or "")
    at = next((i for i, w in enumerate(words) if w.lower() in _ABBREVIATION_WORDS), None)
    if at is None:
        return None
    run: list[str] = []
    for word in words[at + 1:]:
        if word[:1].isupper() or run and word.lower() in NAME_LINKS:
            run.append(word)
        elif run:
            break
    while run and run[-1].lower() in NAME_LINKS:
        run.pop()
    if len(run) > MAX_LONG_FORM_WORDS or any(len(word) > MAX_NAME_WORD for word in run):
        return None  # no abbreviation stands for a paragraph
    if not run:  # "CAT di terapi kuliner itu singkatan dari apa": the acronym named before
        run = [next((w for w in reversed(words[:at]) if _ACRONYM.fullmatch(w)), "")]
    return " ".join(run) or None


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")


# Words that only frame the question: "Di mana letak Helsinki?" is about Helsinki, and the passage
# that answers it need not say "letak" or "nama".
_FRAME_WORDS = {"nama", "namanya", "letak", "terletak", "letaknya", "lokasi", "lokasinya", "berada", "judul",
                "terjadi", "terjadinya", "diadakan", "diadakannya", "dilakukan", "tempat", "latin", "latinnya",
                *_ABBREVIATION_WORDS}


def frame_words(content: str) -> list[str]:
    """The words of the question's content that only frame it."""
    return [w for w in _tokens(content.lower()) if w in _FRAME_WORDS]


_DEFINITION_LEADS = (("apa", "itu"), ("apakah", "itu"), ("apa", "arti"), ("apakah", "arti"), ("apa", "maksud"),
                     ("apakah", "maksud"), ("apa", "makna"), ("apakah", "makna"), ("apa", "pengertian"),
                     ("apakah", "pengertian"), ("apa", "definisi"), ("apakah", "definisi"))
# "Apa yang dimaksud(kan) dengan X?", "Apa yang disebut dengan X?", "apakah yang definisi X?"
_MEANT = {"dimaksud", "dimaksudkan", "definisi", "pengertian", "arti"}


def _asks_what_it_is(lower: list[str]) -> bool:
    """ "Apa itu X?", "Apa yang dimaksud dengan X?", "Apakah arti X?", and in chat "X itu apa (sih)?":
    a definition is wanted. "dimaksude", "dimkasud" are typed for "dimaksud"; "yang disebut" asks for
    a definition only with "dengan" or "sebagai" after it ("apa yang disebut Jokowi" asks what he said)."""
    if any(tuple(lower[:len(lead)]) == lead for lead in _DEFINITION_LEADS):
        return True
    if lower[:1] in (["apa"], ["apakah"]) and lower[1:2] == ["yang"] and len(lower) > 2:
        word = lower[2]
        if word in _MEANT or "dimaksud" in edit_candidates(word):
            return True
        if word == "disebut" and lower[3:4] in (["dengan"], ["sebagai"]):
            return True
    words = _without_closing_filler(lower)
    return words[-2:] == ["itu", "apa"] and 1 <= len(words) - 2 <= MAX_DEFINED_WORDS


def _without_closing_filler(lower: list[str]) -> list[str]:
    """ "X itu apa sih", "penyebabnya apa ya": the chat words a question closes with."""
    end = len(lower)
    while end and lower[end - 1] in _filler():
        end -= 1
    return lower[:end]


MAX_DEFINED_WORDS = 4  # "dwelling time itu apa": a longer opening says more than a name


EVERY_ONE = {"saja", "aja", "sajakah"}  # "Siapa saja …", "apa aja …" ask for every one


# "Apa fungsi X?", "Apa penyebab X?", "X warnanya apa?": an attribute that a phrase of the sentence
# states ("X berfungsi sebagai …", "Penyebab X adalah …"), answered by that phrase.
ASKED_ATTRIBUTES = frozenset({
    "fungsi", "peran", "peranan", "tugas", "tujuan", "manfaat", "kegunaan", "guna", "isi", "kandungan", "warna",
    "bentuk", "sifat", "ciri", "gejala", "akibat", "dampak", "pengaruh", "pekerjaan", "motif", "penyebab", "sebab",
    "alasan", "faktor", "latar"})


def _asked_attribute(lower: list[str]) -> str | None:
    """The attribute asked right after "apa" ("apa saja manfaat …" too), right before a closing
    "apa" ("kecelakaan itu penyebabnya apa"), or opening a question that "apa" closes ("manfaat
    minum air putih apa aja": what the phrase heads is asked, not which "putih")."""
    words = _closed_by_apa(lower)
    opening = _opening_of(words)
    if opening in ASKED_ATTRIBUTES:
        return opening
    for i, word in enumerate(words):
        if word not in ("apa", "apakah"):
            continue
        if word == "apakah" and _states_something(words[i + 2:]):
            return None  # "Apakah dampak banjir itu besar?" asks to confirm
        after = [w for w in words[i + 1:i + 3] if w not in EVERY_ONE][:1]
        before = words[i - 1:i] if i > 0 and i == len(words) - 1 else []
        for noun in (w.removesuffix("nya") for w in after + before):
            if noun in ASKED_ATTRIBUTES:
                return noun
        if i > 0 and words[i - 1] in _BECAUSE:  # "vakum gara-gara apa", "absen karena apa"
            return "penyebab"
        if words[i + 1:i + 2] == ["yang"] and words[i + 2:i + 3] and words[i + 2] in _CAUSING:
            return "penyebab"  # "Apa yang menyebabkan Kapal Putih tenggelam?"
    return None


_CAUSING = {"menyebabkan", "mengakibatkan", "membuat", "bikin", "memicu"}


def _asked_object(lower: list[str]) -> str | None:
    """The verb whose object the question asks for: "Apa yang diraih Yudistira …?" (a passive verb
    after "yang"), "Menandatangani apakah …?", "KPK bawa apa aja …" (the verb before "apa")."""
    for i, word in enumerate(lower):
        if word not in ("apa", "apakah"):
            continue
        rest = [w for w in lower[i + 1:i + 4] if w not in _AUXILIARIES]
        if rest[:1] == ["yang"] and len(rest) > 1 and rest[1].startswith("di") and _takes_object(rest[1]):
            return rest[1]
        if i > 0 and _is_verb(lower[i - 1]) and _takes_object(lower[i - 1]):
            return lower[i - 1]
    return None


def _preposition_before(lower: list[str], asking: tuple[str, ...], prepositions: dict) -> str | None:
    """The preposition the question word follows, when the answer is what it governs: "minta maaf
    lewat apa" (a medium), "ngajuin diri jadi apa" (a role), "lapor ke siapa" (whom)."""
    return next((w for w, nxt in zip(lower, lower[1:]) if nxt in asking and w in prepositions), None)


# A preposition of a question and the words the news writes for it: for what it governs ("lewat apa")
# and for whom ("ke siapa").
MEANS_PREPOSITIONS = {
    **dict.fromkeys(("lewat", "melalui", "via"), ("lewat", "melalui", "via")),
    **dict.fromkeys(("jadi", "menjadi", "sebagai"), ("menjadi", "sebagai")),
    **dict.fromkeys(("pakai", "pake", "memakai", "menggunakan"), ("pakai", "memakai", "menggunakan", "dengan")),
}
PARTY_PREPOSITIONS = {
    **dict.fromkeys(("ke", "kepada"), ("kepada", "ke")),
    "dari": ("dari",),
    "oleh": ("oleh",),
    **dict.fromkeys(("sama", "sm", "ama", "bareng", "bersama", "dengan"), ("dengan", "bersama")),
}


def _takes_object(verb: str) -> bool:
    """A verb whose object answers: not one that names ("disebut apa" asks for a name) nor one that
    says ("ngomong apa" is answered by the quote itself)."""
    return _is_verb(verb) and verb not in _NAMING_VERBS and not verb_roots(verb) & _SAYING_ROOTS


def verb_roots(verb: str) -> set[str]:
    """The roots a question's verb may have, chat forms read formally too ("luncurin": luncur)."""
    return {root_of(v) for v in [verb, *colloquial_variants(verb)]}


_SAYING_ROOTS = {"kata", "ucap", "ujar", "bilang", "tutur", "ungkap", "jelas", "nyata", "sebut", "omong", "tanya",
                 "jawab"}
_AUXILIARIES = {"akan", "telah", "sudah", "udah", "dapat", "bisa", "harus", "pernah", "sedang", "masih", "biasa",
                "biasanya"}  # "Apa yang akan dijual …": the verb after them


_BECAUSE = {"karena", "gara-gara", "lantaran", "sebab"}


def _closed_by_apa(lower: list[str]) -> list[str]:
    """The question without the chat words and "aja" that may follow its closing "apa"."""
    words = _without_closing_filler(lower)
    while words and words[-1] in EVERY_ONE:
        words = words[:-1]
    return words


def _explained_phrase(words: list[str]) -> bool:
    """A noun phrase that "apa" closes, headed by a noun that asks for an explanation: "kelebihan sewa
    mobil pengantin apa aja". Not when a verb comes between ("komentar … dikutip dari media apa" asks
    which medium), nor when the noun before "apa" is a named thing, nor "kata X …", which is X's
    saying."""
    opening = _opening_of(words)
    return (opening in _EXPLAINED and opening != "kata" and words[-2] not in _NAMED_THINGS
            and not any(looks_verbal(w) for w in words[1:-1]))


def _opening_of(words: list[str]) -> str | None:
    """The noun a question that "apa" closes opens with: what its phrase heads is asked."""
    return words[0].removesuffix("nya") if len(words) > 2 and words[-1] == "apa" else None


def answer_kind(question: Question) -> tuple[str | None, str | None]:
    """The kind of short answer the question wants and, for "which X" questions, the X.

    "Partai apakah …", "Negara manakah …", "apa nama …" want a name ("nama", head "partai",
    "negara", None); "Apakah nama …" is a what-question, not a yes/no one. "Di kota manakah …"
    keeps its place type with head "kota". "Apa kepanjangan dari BRR?" wants the other form of
    "BRR" ("singkatan", head "BRR"). Other questions keep their type.
    """
    target = abbreviation_target(question.original) if question.qtype in (None, "apa", "apakah") else None
    if target:
        return "singkatan", target
    lower = _tokens(question.text.lower()) if question.text else []
    if question.qtype in ("apa", "apakah") and (attribute := _asked_attribute(lower)):
        return "atribut", attribute  # "penyebab kecelakaan itu apa" asks the cause, not what a cause is
    if question.qtype in ("apa", "apakah") and _asks_what_it_is(lower):
        return "definisi", None
    if question.qtype in ("apa", "apakah") and _explained_phrase(_closed_by_apa(lower)):
        return question.qtype, None  # "kelebihan sewa mobil pengantin apa aja" asks as "Apa kelebihan …?" does
    last = len(_without_closing_filler(lower)) - 1  # the closing word, chat's "ya", "sih" aside
    for i, word in enumerate(lower):
        if word in _WHICH_WORDS and question.qtype in PLACE_QTYPES:
            if i > 0 and _unreduplicated(lower[i - 1]) in PLACE_HEADS:  # "kota-kota mana"
                return question.qtype, _unreduplicated(lower[i - 1])
            if i + 1 < len(lower) and lower[i + 1] in PLACE_HEADS:  # "Manakah provinsi yang …"
                return question.qtype, lower[i + 1]
        if word in ("apa", "apakah") and i > 0 and lower[i + 1:] in (["nama"], ["namanya"]):
            return "nama", _opening_head(lower[:i])  # "kantor berita yang … apa namanya"
        if word in ("apa", "apakah") and 1 < i == last and lower[0] == "nama" and (head := _opening_head(lower[1:i])):
            return "nama", head  # "nama toko … yg nyuekin kakek lusuh apa": the toko's, as "apa nama toko …"
        if word in _WHICH_WORDS and i > 0 and question.qtype in (None, "apa", "apakah"):
            after_preposition = word in ("mana", "manakah") and (  # "… berasal dari rumah sakit mana"
                lower[i - 2] in _PREPOSITIONS or lower[i - 3:i - 2] in (["di"], ["ke"], ["dari"])
                and " ".join(lower[i - 2:i]) in _COMPOUND_HEADS)
            if i > 2 and lower[1] == "yang" and _is_kind(lower[0]) and not after_preposition and not (
                    _is_active_verb(lower[i - 2]) and _is_kind(lower[i - 1])):
                return "nama", lower[0]  # "motor yang dicuri pelaku apa": the noun the question opens with
            if lower[0] == "yang" and looks_verbal(lower[1]):
                continue  # "yg dibahas putin sm kim apa" asks what was discussed, not which Kim
            end = _before_place(lower, i)  # "kantor berita Korea Selatan apa": a place after a noun describes it
            compound = " ".join(lower[end - 2:end])  # "Di rumah sakit mana …": the head is "rumah sakit"
            head = compound if compound in _COMPOUND_HEADS else _which_head(lower[:end])
            if head:
                return "nama", head
        if word in ("apa", "apakah") and i + 1 < len(lower):
            after = lower[i + 1]
            if after in ("nama", "namanya"):
                head = lower[i + 2] if i + 2 < len(lower) else None  # "Apa nama partai yang …"
                return "nama", head if head and head.isalpha() and head not in _NOT_HEADS else None
            if (after in _NAMED_THINGS or i == 0 and _is_kind(after)) and not (
                    word == "apakah" and _states_something(lower[i + 2:])):
                return "nama", after
            if lower[i + 1:i + 3] == ["ibu", "kota"]:
                return "nama", None
    if question.qtype in ("apa", "apakah") and (verb := _asked_object(lower) or _preposition_before(
            lower, ("apa", "apakah"), MEANS_PREPOSITIONS)):
        return "objek", verb
    if question.qtype == "apakah" and lower[:1] == ["apakah"] and lower[1:2] == ["yang"]:
        return "apa", None
    if question.qtype == "siapa" and (preposition := _preposition_before(lower, ("siapa", "siapakah"),
                                                                         PARTY_PREPOSITIONS)):
        return "siapa", preposition  # "lapor ke siapa": whom the sentence's "kepada" names, a name or not
    if question.qtype == "berapa":  # "divonis berapa tahun": the unit the answer is counted in
        at = next((i for i, w in enumerate(lower) if w in ("berapa", "berapakah")), None)
        rest = [w for w in lower[at + 1:] if w not in ("banyak", "kah")] if at is not None else []
        after = rest[0] if rest else None  # "berapa banyak orang": orang
        return "berapa", after if after and after.isalpha() and after not in STOPWORDS else None  # not "berapa sih"
    if question.qtype == "kapan" and any(w in _CLOCK_WORDS and nxt in ("berapa", "berapakah") and not (
            i and lower[i - 1] in _PER_HOUR) for i, (w, nxt) in enumerate(zip(lower, lower[1:]))):
        return "kapan", "jam"  # "ditutup mulai jam brp pas malam tahun baru": a time of day, not a date
    if question.qtype == "kapan" and any(w == "hari" and nxt in ("apa", "apakah") for w, nxt in zip(lower, lower[1:])):
        return "kapan", "hari"  # "buka tiap hari apa": the weekday, where the sentence names one
    return question.qtype, None
