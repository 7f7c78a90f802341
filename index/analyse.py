"""Text analysis shared by the index builder and the question side: words → searchable terms.

A term is a Sastrawi stem with our corrections, or a protected name kept as written (lowercased).
Offsets always refer to the text as given, so the console can highlight the words it matched.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

_DATA = Path(__file__).parent / "data"
_DATA_FILES = ("stopwords.txt", "preferred_roots.txt", "stem_exceptions.txt", "short_forms.txt")
_LOGIC_VERSION = "12"  # bump when the code changes the passages, sentences, terms or dates an index holds


def _read_words(name: str) -> list[str]:
    """Words of a data file: whitespace separated, '#' starts a comment."""
    words: list[str] = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        words.extend(line.split("#", 1)[0].split())
    return words


def _pipeline_version() -> str:
    """Tied to the data files too, so editing a word list triggers a rebuild by itself."""
    digest = hashlib.sha256(_LOGIC_VERSION.encode())
    for name in _DATA_FILES:
        digest.update((_DATA / name).read_bytes())
    return f"analyse-{_LOGIC_VERSION}-{digest.hexdigest()[:10]}"


PIPELINE_VERSION: str = _pipeline_version()
STOPWORDS: frozenset[str] = frozenset(_read_words("stopwords.txt"))
_PREFERRED: frozenset[str] = frozenset(_read_words("preferred_roots.txt"))


def _read_exceptions() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in (_DATA / "stem_exceptions.txt").read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            table[fields[0]] = fields[1] if len(fields) > 1 else fields[0]
    return table


_EXCEPTIONS: dict[str, str] = _read_exceptions()


@lru_cache(maxsize=1)
def read_short_forms() -> dict[str, str]:
    """Short form (lowercased) → what it stands for, as written ("korut" → "Korea Utara"); read once
    for the index and the question reader both."""
    table: dict[str, str] = {}
    for line in (_DATA / "short_forms.txt").read_text(encoding="utf-8").splitlines():
        key, _, value = line.split("#", 1)[0].partition("=")
        if key.strip() and value.strip():
            table[key.strip().lower()] = value.strip()
    return table


_SHORT_FORMS: dict[str, list[str]] = {key: value.split() for key, value in read_short_forms().items()}


@dataclass(frozen=True)
class Token:
    term: str  # what is indexed/searched: a stem, or a protected name
    start: int  # offsets of the surface word in the text given
    end: int


def _token(term: str, start: int, end: int, _new=object.__new__, _set=object.__setattr__) -> Token:
    """Token(term, start, end) at a third less cost: the frozen __init__ sets fields one by one."""
    token = _new(Token)
    _set(token, "__dict__", {"term": term, "start": start, "end": end})
    return token


# -- normalisation -------------------------------------------------------------------------------
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters, BOM
_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
_DROP = str.maketrans("", "", _INVISIBLE + _APOSTROPHES)
_SPACES = re.compile(r"[\u00a0\u2007\u202f]")


def normalise(text: str) -> str:
    """Whole-text form for comparisons (NFKC, lowercase, plain spaces, no invisible characters).

    Not used for tokenising: its length can differ from the input's, and tokens keep input offsets.
    """
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", text).translate(_DROP).lower()


def _normalise_word(surface: str) -> str:
    """One word's lowercase form: cheap for plain ASCII, full NFKC otherwise, without accents."""
    if surface.isascii():
        word = surface.lower()
        return word.translate(_DROP) if ("'" in word or "`" in word) else word
    word = unicodedata.normalize("NFKC", surface.translate(_DROP)).translate(_DROP).lower()
    return word if word.isascii() else unaccented(word)


# Letters that carry their mark inside them, so that decomposing leaves it on.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                                "ı": "i"})


def unaccented(word: str) -> str:
    """The word without its accents: news and chat type "Marquez", "Suarez", "Ozil" as often as
    "Márquez", "Suárez", "Özil", and a name typed either way must find the articles that name it."""
    decomposed = unicodedata.normalize("NFD", word)
    bare = "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")  # the Latin script's accents
    return unicodedata.normalize("NFC", bare).translate(_PLAIN_LETTERS)


# -- tokenising ------------------------------------------------------------------------------------
# Two patterns. _SPAN_RE is the one pass over the text: coarse and fast, it takes runs of word
# characters joined by hyphens, apostrophes, dots and commas. Each distinct span is then refined
# once (the result is cached) by _WORD_RE: letters/digits, plus combining marks and invisible
# characters that may sit inside a word, joined by hyphens, by apostrophes between letters (Ma'ruf)
# and by . or , between digits (1.500, 2,5). So "rusia.Pada" or "__x" cost nothing extra per use.
_MARKS = rf"\u0300-\u036f{_INVISIBLE}"
_SPAN_RE = re.compile(rf"[\w{_MARKS}]+(?:[-\u2010\u2011.,{_APOSTROPHES}][\w{_MARKS}]+)*")
_CHAR = rf"(?:[^\W_]|[{_MARKS}])"
_WORD_RE = re.compile(
    rf"{_CHAR}+(?:(?:(?<=\d)[.,](?=\d)|(?<=[^\W\d_])[{_APOSTROPHES}](?=[^\W\d_])|[-\u2010\u2011](?=[^\W_])){_CHAR}+)*"
)
_HYPHEN_RE = re.compile(r"[-\u2010\u2011]")
_DIGIT_RE = re.compile(r"\d")

# The per-span cache (Analyzer._surface) holds a term ("" when dropped), or (term, start, end)
# parts relative to the span for hyphenated words whose parts give different terms.
_SURFACE_CACHE_LIMIT = 2_000_000


class Analyzer:
    """Turns text into terms. Cheap to build; keep one per process (it caches every word it sees)."""

    def __init__(self, stems: dict[str, str] | None = None,
                 lookup: Callable[[str], str | None] | None = None) -> None:
        """`stems` preloads the word→term cache; `lookup` is asked on a cache miss before
        Sastrawi (the answering side passes the index's stored stems, so a question never
        re-stems a word the index already stemmed)."""
        self.stems: dict[str, str] = dict(stems) if stems else {}
        self.new_stems: dict[str, str] = {}
        self._surface: dict[str, object] = {}
        self._lookup = lookup

    # -- public ------------------------------------------------------------------------------
    def tokens(self, text: str) -> list[Token]:
        """Index side: every word that is not a stopword, with its offsets in `text`."""
        out: list[Token] = []
        append = out.append
        cache = self._surface
        for match in _SPAN_RE.finditer(text):
            surface = match[0]
            analysis = cache.get(surface)
            if analysis is None:
                analysis = self._analyse_surface(surface)
            if analysis.__class__ is str:
                if analysis:
                    start, end = match.span()
                    append(_token(analysis, start, end))
            else:
                base = match.start()
                out.extend(_token(term, base + s, base + e) for term, s, e in analysis)
        return out

    def terms(self, text: str) -> list[str]:
        """Same as `tokens` without offsets: the builder's hot path, so no Token objects."""
        out: list[str] = []
        append = out.append
        cache = self._surface
        for surface in _SPAN_RE.findall(text):
            analysis = cache.get(surface)
            if analysis is None:
                analysis = self._analyse_surface(surface)
            if analysis.__class__ is str:
                if analysis:
                    append(analysis)
            else:
                out.extend(part[0] for part in analysis)
        return out

    def query_tokens(self, text: str, is_name: Callable[[str], bool] | None = None) -> list[Token]:
        """Question side. Questions are typed in lowercase, so a lowercase word that the index holds
        as a name of its own ("bekasi", as `is_name` tells) is kept instead of stemmed."""
        if is_name is None:
            return self.tokens(text)

        def term(surface: str) -> str:
            return self._query_term(surface, is_name)

        out: list[Token] = []
        for match in _SPAN_RE.finditer(text):
            analysis = _analyse_word(match.group(), term)
            base = match.start()
            if analysis.__class__ is str:
                if analysis:
                    out.append(_token(analysis, base, match.end()))
            else:
                out.extend(_token(t, base + s, base + e) for t, s, e in analysis)
        return out

    def stem(self, word: str) -> str:
        """Lowercase word → term, cached; the persisted cache makes rebuilds skip Sastrawi."""
        term = self.stems.get(word)
        if term is None:
            term = self._stored(word)
        if term is None:
            term = _stem_uncached(word)
            self.stems[word] = term
            self.new_stems[word] = term
        return term

    def _stored(self, key: str) -> str | None:
        term = self._lookup(key) if self._lookup else None
        if term is not None:
            self.stems[key] = term
        return term

    # -- internals ---------------------------------------------------------------------------
    def _analyse_surface(self, surface: str) -> object:
        analysis = _analyse_word(surface, self._term)
        if len(self._surface) >= _SURFACE_CACHE_LIMIT:
            self._surface.clear()  # bounds memory on huge corpora; the stems cache is kept
        self._surface[surface] = analysis
        return analysis

    def _term(self, surface: str) -> str:
        """Term of one hyphen-free surface word, "" for a stopword."""
        word = _content_word(surface)
        if not word:
            return ""
        if _is_capitalised(surface):
            return self._capitalised_term(word)
        return self.stem(word)

    def _query_term(self, surface: str, is_name: Callable[[str], bool]) -> str:
        word = _content_word(surface)
        if not word:
            return ""
        if _is_capitalised(surface):
            return self._capitalised_term(word)
        stem = self.stem(word)
        if stem != word and word not in _EXCEPTIONS and is_name(word):
            return word  # a name the stemmer would take apart; not a synonym fixed by hand ("umur" → usia)
        return stem

    def _capitalised_term(self, word: str) -> str:
        """A capitalised word is a name unless it reads clearly as affixes + root.

        Decided by spelling alone, not by position in the sentence: headings are in title case
        and institutions (Kementerian Pertahanan) are capitalised common words.
        """
        key = "^" + word  # cached apart from the plain word: the decision differs
        term = self.stems.get(key)
        if term is None:
            term = self._stored(key)
        if term is None:
            stem = self.stem(word)
            term = stem if _is_clear_derivation(word, stem) else word
            self.stems[key] = term
            self.new_stems[key] = term
        return term


# News writes small numbers as words ("dua hari", "Tiga orang …"), people type digits ("2 hari"): both
# index as the digit. Not "satu": "salah satu" is no number.
NUMBER_WORDS = {"dua": "2", "tiga": "3", "empat": "4", "lima": "5", "enam": "6", "tujuh": "7", "delapan": "8",
                "sembilan": "9", "sepuluh": "10"}


def _content_word(surface: str) -> str:
    """The normalised word ("dua" read as "2"), or "" for a stopword or a lone letter."""
    word = _normalise_word(surface)
    if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
        return ""
    return NUMBER_WORDS.get(word, word)


def _is_capitalised(surface: str) -> bool:
    for char in surface:
        if char.isalpha():
            return char.isupper()
    return False


def _analyse_word(surface: str, term: Callable[[str], str]) -> object:
    """A term ("" if dropped) for a plain word; otherwise (term, start, end) parts of the span: a
    short form's long form too.

    Reduplication (negara-negara, berbalas-balasan) gives one term spanning the whole word; other
    compounds (korea-rusia) give their parts, so a question that spells them apart still matches.
    """
    parts = [
        (part, word.start() + s, word.start() + e)
        for word in _WORD_RE.finditer(surface)
        for part, s, e in _split_hyphens(word.group())
    ]
    if len(parts) == 1 and parts[0][1] == 0 and parts[0][2] == len(surface) and surface.lower() not in _SHORT_FORMS:
        return term(surface)
    # "Korut" (in "Rusia-Korut" too) is indexed as "Korea Utara" is, each word over the short form
    kept = [(t, s, e) for p, s, e in parts for t in map(term, _SHORT_FORMS.get(p.lower(), [p])) if t]
    if not kept:
        return ""
    if all(t == kept[0][0] for t, _, _ in kept):
        return ((kept[0][0], kept[0][1], kept[-1][2]),)
    return tuple(kept)


def _split_hyphens(surface: str) -> list[tuple[str, int, int]]:
    """Hyphen-separated parts with their offsets inside `surface`."""
    if "-" not in surface and "\u2010" not in surface and "\u2011" not in surface:
        return [(surface, 0, len(surface))]
    parts: list[tuple[str, int, int]] = []
    start = 0
    for sep in _HYPHEN_RE.finditer(surface):
        parts.append((surface[start : sep.start()], start, sep.start()))
        start = sep.end()
    parts.append((surface[start:], start, len(surface)))
    return [p for p in parts if p[0]]


# -- names -----------------------------------------------------------------------------------------
_WEAK_SUFFIXES = ("i", "ku", "mu")  # bare -i/-ku/-mu on a capitalised word: Bali, Bekasi, Susi, Baku
_WEAK_PREFIXES = ("ke", "se")  # bare ke-/se-: Kediri, Semarang


def _is_clear_derivation(word: str, stem: str) -> bool:
    """Does a capitalised `word` read as a derived common word (Pertemuan, Mengunjungi)?

    Names that the stemmer takes apart mostly do so through one bare -i/-ku/-mu suffix or a bare
    ke-/se- prefix; a real derivation there is rare in capitalised text, so those stay names.
    """
    if stem == word or _DIGIT_RE.search(word):
        return True  # nothing removed: name and stem are the same term
    if word.startswith(stem):
        return word[len(stem) :] not in _WEAK_SUFFIXES
    if word.endswith(stem):
        return word[: len(word) - len(stem)] not in _WEAK_PREFIXES
    return True


# -- stemming ----------------------------------------------------------------------------------------
_ALPHA_RE = re.compile(r"[a-z]+\Z")


@lru_cache(maxsize=1)
def _sastrawi() -> tuple[object, frozenset[str]]:
    """Sastrawi's stemmer and its root dictionary, built once per process on first use."""
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    words = [w for w in StemmerFactory().get_words() if w.strip()]
    roots = frozenset(words) | _PREFERRED
    return Stemmer(ArrayDictionary(roots)), roots


def _stem_uncached(word: str) -> str:
    """Sastrawi's stem, second-guessed by our own affix parses where they disagree."""
    fixed = _EXCEPTIONS.get(word)
    if fixed is not None:
        return fixed
    if not _ALPHA_RE.match(word) or len(word) <= 3:
        return word  # numbers, mixed and non-Latin words, short words: kept as they are
    stemmer, roots = _sastrawi()
    if word in roots:
        return word
    sastrawi_root = stemmer.stem_word(word)
    candidates = _parses(word, roots)
    if sastrawi_root == word:
        # Sastrawi found no reading at all: only trust ours through a root we added (tandatangan),
        # not through a far-fetched split of a foreign word (metin → me + tin).
        candidates = {root: restored for root, restored in candidates.items() if root in _PREFERRED}
    if not candidates:
        return sastrawi_root
    return _choose(candidates, sastrawi_root)


# Particles and possessives come off first (-lah, -kah, -tah, -pun; -nya, -ku, -mu).
_PARTICLES = ("lah", "kah", "tah", "pun")
_POSSESSIVES = ("nya", "ku", "mu")
_DERIVATIONAL = ("kan", "an", "i")
_VOWELS = frozenset("aeiou")


def _bases(word: str) -> Iterable[str]:
    """The word with and without its inflectional endings."""
    yield word
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 4:
            word = word[: -len(particle)]
            yield word
            break
    for possessive in _POSSESSIVES:
        if word.endswith(possessive) and len(word) - len(possessive) >= 4:
            yield word[: -len(possessive)]
            break


def _strip_prefix(word: str) -> list[tuple[str, bool]]:
    """(remainder, consonant restored) for each prefix reading of `word`, Indonesian nasal rules."""
    out: list[tuple[str, bool]] = []
    for head in ("me", "pe"):
        if not word.startswith(head):
            continue
        rest = word[2:]
        if rest.startswith("nge") and len(rest) <= 7:
            out.append((rest[3:], False))  # menge-/penge- + one-syllable root: mengecek
        if rest.startswith("ng"):
            tail = rest[2:]
            out.append((tail, False))  # mengambil, menghitung, menggali
            if tail[:1] in _VOWELS:
                out.append(("k" + tail, True))  # mengunjungi ← kunjung
        elif rest.startswith("ny"):
            out.append(("s" + rest[2:], True))  # menyebut ← sebut
            out.append((rest, False))  # menyanyi ← nyanyi
        elif rest.startswith("n"):
            tail = rest[1:]
            if tail[:1] in _VOWELS:
                out.append(("t" + tail, True))  # menulis ← tulis
                out.append((rest, False))  # menikah ← nikah
            else:
                out.append((tail, False))  # mendapat, mencari, menjual
        elif rest.startswith("m"):
            tail = rest[1:]
            if tail[:1] in _VOWELS:
                out.append(("p" + tail, True))  # memukul ← pukul
                out.append((rest, False))  # memasuki ← masuk
            else:
                out.append((tail, False))  # membeli, memperkuat
        else:
            out.append((rest, False))  # melihat, merusak, pelaku
        if head == "pe" and rest.startswith("r"):
            out.append((rest[1:], False))  # pertemuan
        if head == "pe" and rest.startswith("l"):
            out.append((rest[1:], False))  # pelajar ← ajar
    for prefix in ("di", "ke", "se", "ter", "ber", "be", "per", "te"):
        if word.startswith(prefix):
            out.append((word[len(prefix) :], False))
    if word.startswith("bel"):
        out.append((word[3:], False))  # belajar
    return [(rest, restored) for rest, restored in out if len(rest) >= 2]


_SECOND_PREFIXES = ("per", "ber", "be", "pe", "ter", "ke", "se")
# Affix pairs Indonesian does not form: meN-/di- never take -an (memakan is not me + mak + -an),
# peN-/per-/ke- never take -kan (penyidikan is peny + sidik + -an, not + sidi + -kan).
_BANNED_SUFFIX = {"me": "an", "di": "an", "pe": "kan", "ke": "kan"}


def _parses(word: str, roots: frozenset[str]) -> dict[str, bool]:
    """Dictionary roots reachable as [prefix [prefix]] + root + [suffix] + endings.

    Maps root → whether a consonant swallowed by a nasal prefix had to be restored to reach it.
    """
    found: dict[str, bool] = {}

    def consider(rest: str, restored: bool, banned: str) -> None:
        for root, suffix in _suffix_readings(rest):
            if root in roots and len(root) >= 2 and (not suffix or suffix != banned):
                found[root] = found.get(root, False) or restored

    for base in _bases(word):
        consider(base, False, "")
        banned = _BANNED_SUFFIX.get(base[:2], "")
        for rest, restored in _strip_prefix(base):
            consider(rest, restored, banned)
            for second in _SECOND_PREFIXES:
                if rest.startswith(second):
                    consider(rest[len(second) :], restored, banned)
    return found


def _suffix_readings(rest: str) -> list[tuple[str, str]]:
    readings = [(rest, "")]
    for suffix in _DERIVATIONAL:
        if rest.endswith(suffix) and len(rest) > len(suffix) + 1:
            readings.append((rest[: -len(suffix)], suffix))
    return readings


def _choose(candidates: dict[str, bool], sastrawi_root: str) -> str:
    """Pick one root among the readings of a word.

    In order: a root not shadowed by a longer one that only keeps the -i on (nilai over nila,
    beli over bel, alami over alam); a preferred (frequent) root (kunjung over unjung, masuk over
    pasuk); Sastrawi's own answer; a root whose swallowed consonant was restored (kering over
    ering); the longer root. Restoration is only a tie-breaker: for nasal prefixes both readings
    are common (mengawal ← kawal, mengawali ← awal), so the preferred list settles frequent ones.
    """
    names = set(candidates)

    def shadowed(root: str) -> bool:
        # Only -i: dictionary entries ending in -an/-kan are often themselves derived (jualan,
        # adakan), and penjualan must give jual, not jualan.
        return root + "i" in names

    def rank(root: str) -> tuple[bool, bool, bool, bool, int]:
        return (
            not shadowed(root),
            root in _PREFERRED,
            root == sastrawi_root,
            candidates[root],
            len(root),
        )

    return max(sorted(names), key=rank)


def is_dictionary_root(term: str) -> bool:
    """An ordinary Indonesian root word (in Sastrawi's dictionary), as opposed to a name."""
    return term in _sastrawi()[1]


@lru_cache(maxsize=65_536)
def is_ordinary_word(word: str) -> bool:
    """A dictionary root or a word derived from one ("pengungsian", "kendaraan"): not a name."""
    word = word.lower()
    return is_dictionary_root(word) or is_dictionary_root(root_of(word))


def looks_verbal(word: str) -> bool:
    """A verb by its shape ("mengguncang", "dituduh", "berjaga"): no unit, no name head."""
    return len(word) >= 6 and word.lower().startswith(("me", "ber", "di", "ter"))


_stored_roots: ContextVar[Callable[[str], str | None] | None] = ContextVar("stored_roots", default=None)


@contextmanager
def roots_stored_by(lookup: Callable[[str], str | None]) -> Iterator[None]:
    """Inside the block `root_of` asks `lookup` first: the index's stems of the words it stemmed when it
    was built, made by `_stem_uncached` as the question's own terms are read from them. Sastrawi takes
    about a millisecond for a word this process has not seen, and the extractors ask the roots of some
    twenty words a question."""
    token = _stored_roots.set(lookup)
    try:
        yield
    finally:
        _stored_roots.reset(token)


@lru_cache(maxsize=65_536)
def root_of(word: str) -> str:
    """A word's root by Sastrawi ("meraih", "diraih" → raih): the answering side tells the forms
    of one verb apart with it, where the question's verb is written another way than the article's."""
    word = word.lower()
    lookup = _stored_roots.get()
    stored = lookup(word) if lookup is not None else None
    return stored if stored is not None else _stem_uncached(word)
