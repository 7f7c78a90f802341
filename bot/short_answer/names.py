"""Names of asked things ("Partai apakah …", "Apa judul …") and the other form of an abbreviation."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from bot.question import MAX_LONG_FORM_WORDS, MAX_NAME_WORD, NAME_LINKS, PLACE_HEADS
from bot.short_answer.choice import pick
from bot.short_answer.common import (
    CASELESS,
    COPULA,
    DAYS,
    DIRECTIONS,
    MONTHS,
    ORGANISATION_ENDS,
    QUESTION_STOP,
    REGIONS,
    REGULATION_NUMBER,
    STOP_AFTER,
    TITLE_START,
    Candidate,
    Spans,
    content_keys,
    copula_subject,
    lone_common_word,
    looks_affixed,
    name_runs,
    not_a_name,
    outside_brackets,
    overlaps_question,
    phrase_end,
    repeats_question,
    title_words,
    word_spans,
)
from bot.short_answer.places import is_known_place
from index.analyse import STOPWORDS, is_dictionary_root, looks_verbal


def _spells(letters: str, words: list[str]) -> bool:
    """Whether `letters` is made of prefixes of `words` in order ("Puskopad" = Pus-at Kop-erasi
    A-ngkatan D-arat); a word may give no letter, the first must give at least one."""
    parts = [p.lower() for w in words for p in re.split(r"[-'’]", w) if p]
    letters = letters.lower()
    if len(letters) > MAX_NAME_WORD or len(parts) > 2 * MAX_LONG_FORM_WORDS:
        return False

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


def long_form_before(spans: Spans, end: int, letters: str) -> tuple[int, int] | None:
    """The shortest run of capitalised words ending at word `end` (exclusive) that spells `letters`."""
    start = end
    while start > 0 and end - start < MAX_LONG_FORM_WORDS:
        word = spans[start - 1][0]
        if not (word[:1].isupper() or word.lower() in NAME_LINKS):
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


def other_form(sentence: str, target: str) -> str | None:
    """The other form of `target`: the long form of an abbreviation ("Badan Rehabilitasi dan
    Rekonstruksi (BRR)", "BRR (Badan …)"), or the abbreviation of a long form."""
    if " " not in target:
        letters = re.sub(r"\W", "", target)
        for m in re.finditer(rf"\(\s*{re.escape(target)}\s*\)", sentence):
            spans = word_spans(sentence[:m.start()])
            found = long_form_before(spans, len(spans), letters)
            if found:
                return sentence[found[0]:found[1]]
        m = re.search(rf"\b{re.escape(target)}\s*\(([^()]+)\)", sentence)
        return m.group(1).strip() if m and _spells(letters, m.group(1).split()) else None
    words = target.split()
    for pattern in (rf"{re.escape(target)}\s*\(\s*([^()\s]+)\s*\)", rf"([^()\s]+)\s*\(\s*{re.escape(target)}\s*\)"):
        m = re.search(pattern, sentence, CASELESS)
        if m and m.group(1)[:1].isupper():
            return m.group(1)  # "Kepolisian Sektor (Polsek)": beside its long form, any shape will do
    return next((w for w, _, _ in word_spans(sentence) if w[1:2].isupper() and _spells(w, words)), None)


ABBREVIATION_AFTER = re.compile(r"\s*\([A-Z][A-Za-z]*[A-Z](?:[- ][A-Z]+)?\)")


def named(sentence: str, question_words: set[str], head: str | None,
          marked_people: Callable[[str], Sequence[Candidate]] | None = None) -> str | None:
    """ "Partai apakah …?" → the name in the sentence headed by that noun, else the nearest name
    the question does not already hold; never one of `marked_people(sentence)` (names the sentence
    marks as a person's) when the asked noun is no kind of person ("penyakit apa", "media apa")."""
    cands = []
    for cand in name_runs(sentence):
        spans = word_spans(cand.text)
        lead = 0  # "Ketua Umum" opens a run without being part of an organisation's name
        while lead < len(spans) - 1 and spans[lead][0].lower() != head and (
                spans[lead][0].lower() in TITLE_START or spans[lead][0].lower() in title_words()):
            lead += 1
        if lead:
            cand = Candidate(cand.start + spans[lead][1], cand.end, cand.text[spans[lead][1]:], cand.weight)
        words = [w.lower() for w, _, _ in spans[lead:]]
        fresh = [w for w in words if w not in question_words and w != head]
        if not fresh or len(cand.text) == 1 or all(not_a_name(w) or w.isdigit() for w in words) or (
            len(words) == 1 and (is_dictionary_root(words[0]) or cand.start == 0 and looks_affixed(cand.text))
        ):
            continue  # a lone capitalised common word ("Jauh", "Kloning") opens a sentence, names nothing
        if len(fresh) * 2 <= len(words) and any(w in question_words and w != head and not is_dictionary_root(w)
                                                for w in words):
            continue  # mostly a name the question holds ("Mark Zuckerberg" for "… selain Zuckerberg …")
        if _short_for_asked(sentence, cand, question_words):
            continue  # "(GT)" of "Gerbang Tol (GT) Warugunung" for "gerbang tol apa": the asked words again
        initials = "".join(w[0] for w in words)
        if len(words) > 1 and initials in question_words and initials not in QUESTION_STOP and not is_dictionary_root(initials):
            continue  # the question's own abbreviation spelt out ("Komisi Pemberantasan Korupsi" for KPK)
        if head and (_headed_by(words, head) or _english_kind(words, head)):
            cand = Candidate(cand.start, cand.end, cand.text, cand.weight + 3.0)
        short = ABBREVIATION_AFTER.match(sentence, cand.end)
        if short and len(words) > 1:  # "Organisasi Nasional Melayu Bersatu (UMNO)"
            cand = Candidate(cand.start, short.end(), sentence[cand.start:short.end()], cand.weight)
        cands.append(cand)
    subject = copula_subject(sentence, question_words)
    described = _head_phrases(sentence, head, question_words)
    if subject:  # "Yuan (…) adalah mata uang Republik Rakyat Tiongkok": the predicate restates the question
        described = [c for c in described if c.start < subject.end]
    cands += (described + _cued_names(sentence, question_words) + _bracketed_names(sentence, question_words)
              + [c for c in [subject, _copula_name(sentence, head, question_words)] if c]
              + handles(sentence, head, question_words))
    if head and head not in _PLACED:  # "Media apa …", "Penyakit apa …" are not answered by "China", nor
        # "motor apa …" by a region named as one, "Kelurahan Burengan Kota Kediri"
        cands = [c for c in cands if not is_known_place(c.text) and c.text.split()[0].lower() not in REGIONS]
    if marked_people and head and head not in PERSON_NOUNS and head not in title_words():
        people = marked_people(sentence)
        cands = [c for c in cands if not any(p.start <= c.start and c.end <= p.end for p in people)]
    if head == "nomor":  # "surat edaran … nomornya apa": the document's number, not "Nomor SE"; but
        # "di nomor apa" of a race is "nomor 5.000 meter"
        cands = [Candidate(m.start("code"), m.end(), m.group("code"), 5.0) for m in REGULATION_NUMBER.finditer(sentence)
                 if "/" in m.group("code") or m.group("code")[0].isalpha() or m.group("year")] or cands
    if head in _TITLED:  # "Apa judul lagu …?": a title is usually quoted
        cands += [Candidate(m.start(g), m.end(g), m.group(g), 4.0) for m in _QUOTED_ANYWHERE.finditer(sentence)
                  for g in (1, 2) if m.group(g) is not None]
    return pick(cands, sentence, question_words, kind="nama")


# Asked nouns a person may answer: "tokoh apa", "pemain mana".
PERSON_NOUNS = {"tokoh", "orang", "sosok", "pemain", "atlet", "artis", "aktor", "aktris", "penyanyi", "musisi",
                "juara", "pemenang", "pengantin", "anak", "psikolog", "dokter", "pengacara", "penulis", "pihak"}


def _short_for_asked(sentence: str, cand: Candidate, question_words: set[str]) -> bool:
    """Whether the candidate is the bracketed short form of the question's words written before it."""
    before = sentence[:cand.start].rstrip()
    if not before.endswith("(") or not cand.text.isupper() or not sentence[cand.end:].lstrip().startswith(")"):
        return False
    spelt = [w.lower() for w, _, _ in word_spans(before[:-1])][-len(cand.text):]
    return "".join(w[0] for w in spelt) == cand.text.lower() and all(w in question_words for w in spelt)


# The asked noun as an English name says it, last: "Universitas mana …" over "Ateneo de Manila University";
# an institution of any kind for "lembaga apa" ("Dartmouth College").
_ENGLISH_KINDS = {"universitas": {"university", "universiti"}, "institut": {"institute"}, "sekolah": {"school"},
                  "akademi": {"academy"}, "rumah sakit": {"hospital"}, "maskapai": {"airlines", "airways"},
                  "yayasan": {"foundation"}, "komite": {"committee"}, "komisi": {"commission"},
                  "dewan": {"council"}, "asosiasi": {"association"}, "perusahaan": {"company", "corporation", "inc"},
                  "perguruan tinggi": {"university", "college", "institute"}}
_ANY_INSTITUTION = {"lembaga", "institusi", "organisasi", "badan"}


def _english_kind(words: list[str], head: str) -> bool:
    kinds = ORGANISATION_ENDS if head in _ANY_INSTITUTION else _ENGLISH_KINDS.get(head, set())
    return any(w in kinds for w in words)


def _headed_by(words: list[str], head: str) -> bool:
    """The name opens with the asked noun, or with its initials: "RS OMNI Alam Sutera" for "rumah sakit mana"."""
    head_words = head.split()
    return words[:len(head_words)] == head_words or len(head_words) > 1 and words[0] == "".join(
        w[0] for w in head_words)


# "akun Twitter apa", "tagar apa": an account or a hashtag is written "@name" or "#name", never capitalised.
_HANDLE_HEADS = {"akun", "tagar", "hashtag", "username", "handle", "twitter", "instagram", "tiktok", "youtube"}
_HANDLE = re.compile(r"(?<![\w@#])[@#][A-Za-z0-9_][\w.]*[A-Za-z0-9_]")


def handles(sentence: str, head: str | None, question_words: set[str]) -> list[Candidate]:
    """ "diunggah oleh akun Twitter @blogdokter" answers "diunggah akun twitter apa?"."""
    if head not in _HANDLE_HEADS and not question_words & _HANDLE_HEADS:
        return []
    return [Candidate(m.start(), m.end(), m.group(), 6.0) for m in _HANDLE.finditer(sentence)
            if m.group()[1:].lower() not in question_words]


_MAX_COPULA_CLAUSE = 6  # words: "Ibu kota Turki berada di Ankara namun … adalah Istanbul" is two clauses


def _copula_name(sentence: str, head: str | None, question_words: set[str]) -> Candidate | None:
    """ "Ibu kotanya adalah Banjarmasin." answers "Apa nama ibu kota …?": the asked noun opens the
    clause, and the name that follows "adalah" is what it is called. A clause that restates the
    question whole may be longer, and end in a term that is no name: "Cabang ilmu … yang mempelajari
    tentang reptil adalah herpetologi." A clause holding the asked noun and two thirds of the question's
    other words restates it wherever the noun stands, and the phrase after the copula answers it."""
    m = COPULA.search(sentence)
    if not head or not m:
        return None
    clause = [w.lower() for w, _, _ in word_spans(sentence[:m.start()])]
    keys = content_keys(question_words) - STOPWORDS - {head}
    opens = any(w.removesuffix("nya") == head for w in clause[:3])
    restated = bool(keys) and head in clause and 3 * len(keys & set(clause)) >= 2 * len(keys)
    if not (opens or restated):
        return None
    if len(clause) <= _MAX_COPULA_CLAUSE or restated:
        run = next((c for c in name_runs(sentence) if c.start >= m.end()), None)
        if run is not None and not sentence[m.end():run.start].strip():
            return Candidate(run.start, run.end, run.text, 5.0)
    term = _TERM_TO_END.match(sentence, m.end())
    if term and keys and keys <= set(clause):
        return Candidate(term.start(1), term.end(1), term.group(1), 5.0)
    if restated:  # "mayoritas tanaman pertanian di sekitar waduk adalah padi": the phrase after it
        again = _COPULA_AGAIN.match(sentence, m.end())  # a second copula word right after the first
        after = again.end() if again else m.end()
        spans = word_spans(sentence[after:])
        end = phrase_end(sentence[after:], spans, lambda i: spans[i][0].lower() in STOP_AFTER, _MAX_NAME_WORDS)
        if end:
            start, stop = after + spans[0][1], after + spans[end - 1][2]
            return Candidate(start, stop, sentence[start:stop], 3.0)
    return None


_COPULA_AGAIN = re.compile(rf"\s*(?:{COPULA.pattern})")
_TERM_TO_END = re.compile(r"\s*([\w'’-]+(?:\s+[\w'’-]+){0,2})\s*(?:\[\d+\])*\s*[.;]?\s*$")


# Asked nouns whose name may be a place's: "ibu kota", "bahasa" (Melayu), "mata uang" (Dolar Singapura), and
# the institutions and clubs named after their town ("rumah sakit Springfield", "klub Barcelona").
_PLACED = set(PLACE_HEADS) | {"ibu", "ibukota", "bahasa", "mata", "suku", "bangsa", "bandara", "pelabuhan", "stadion",
                              "gunung", "sungai", "danau", "selat", "teluk", "laut", "jalan", "kawasan", "lokasi",
                              "kecamatan", "kelurahan", "desa", "kampung", "kerajaan", "kesultanan", "kekaisaran",
                              "polsek", "polres", "polda", "kodim", "korem", "kodam", "pemda", "cabang",
                              "rumah sakit", "rs", "rsud", "universitas", "sekolah", "hotel", "stasiun", "terminal",
                              "pengadilan", "klub", "tim", "kesebelasan"}


_BRACKET = re.compile(r"\(\s*([^()]{2,80}?)\s*\)")


def _bracketed_names(sentence: str, question_words: set[str]) -> list[Candidate]:
    """The other name a bracket gives: "penyakit kaki gajah (filariasis)" answers "nama lain dari
    penyakit kaki gajah", and "Bangko (ibu kota Kabupaten Merangin)" answers "ibu kota Merangin"."""
    asked = {w for w in question_words if w not in QUESTION_STOP}
    out = []
    for m in _BRACKET.finditer(sentence):
        inside = [w.lower() for w, _, _ in word_spans(m.group(1))]
        before = word_spans(sentence[:m.start()])
        cand = Candidate(m.start(1), m.end(1), m.group(1), 4.0)
        if before and all(w.lower() in asked for w, _, _ in before[-2:]) and not all(w in asked for w in inside) \
                and not _short_for_asked(sentence, cand, question_words):
            out.append(cand)
        elif inside and sum(w in asked for w in inside) * 3 >= 2 * len(inside) and before:
            run = next((c for c in name_runs(sentence[:m.start()]) if c.end >= len(sentence[:m.start()].rstrip())),
                       None)
            spelt = run and "".join(w[0] for w, _, _ in word_spans(run.text)).lower() in inside
            if run and not spelt and not overlaps_question(run.text, asked):  # not "Komisi … Korupsi (KPK)" for KPK
                out.append(Candidate(run.start, run.end, run.text, 4.0))
    return out


_QUOTED_ANYWHERE = re.compile(r"\"\s*([^\"]{1,80}?)\s*\"|“\s*([^”]{1,80}?)\s*”")
_QUOTED = re.compile(rf"\s*(?:{_QUOTED_ANYWHERE.pattern})")
# "disebut juga Politics of Fun", "disebut sebagai Zona Euro": the particles are the cue's, not the name's.
_NAME_CUE = re.compile(r"\b(?:(?:berjudul|bertema|bertajuk|bernama|dijuluki|julukan|diberi nama|dinamai|disebut"
                       r"|disapa)(?:\s+(?:juga|pula))?(?:\s+(?:sebagai|dengan))?"
                       r"|(?:ber)?(?:ganti|ubah) nama (?:men)?jadi)\s+"
                       rf"(?:{_QUOTED_ANYWHERE.pattern}|([^,.;:()\"“]{{1,60}}))", CASELESS)
_NAMING_CUES = {"bernama", "berjudul", "bertajuk", "dijuluki", "disebut", "bermerek", "yaitu", "yakni",
                "miliknya"}  # "lagu miliknya You & Me": his own song
_TITLED = {"judul", "tema", "lagu", "film", "buku", "album", "slogan", "semboyan", "motto"}
_MAX_NAME_WORDS = 5


def _cued_names(sentence: str, question_words: set[str]) -> list[Candidate]:
    """The name a sentence announces: "bukunya berjudul " The Sun Also Sets "", "diberi nama
    Snuppy - singkatan …", "induk llama bernama Martini (8)"."""
    out = []
    for m in _NAME_CUE.finditer(sentence):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        start, end = m.span(group)
        if group == 3:  # unquoted: up to a function word or a verb
            words = word_spans(sentence[start:end])
            keep = phrase_end(sentence[start:end], words, lambda i: i > 0 and (
                words[i][0].lower() in STOP_AFTER or looks_verbal(words[i][0])), _MAX_NAME_WORDS)
            end = start + words[keep - 1][2] if keep else start
        text = sentence[start:end].strip()
        if text and not repeats_question(text, question_words):
            out.append(Candidate(start, end, text, 4.5))
    return out


def _head_phrases(sentence: str, head: str | None, question_words: set[str]) -> list[Candidate]:
    """ "Etnis mana …?" over "kelompok etnis Alas yang …" → "etnis Alas", "bunga apakah …" over
    "bunga sakura" → "bunga sakura": the asked noun and the words that name it, up to a function
    word or punctuation; after "bernama" or "berjudul" only the name, a quoted name on its own."""
    if not head:
        return []
    out = []
    asks_name = bool(question_words & {"nama", "namanya"})
    pattern = rf"\b{re.escape(head)}(?:-{re.escape(head)})?\b"
    if head in _SPELT_OUT:
        pattern += rf"|\b{_SPELT_OUT[head]}\b"
    pattern = rf"(?:{pattern})(?:\s*\((?-i:[A-Z]{{2,6}})\))?"  # "Gerbang Tol (GT) Warugunung": its short form
    for m in re.finditer(pattern, sentence, CASELESS):
        rest = sentence[m.end():]
        quoted = _QUOTED.match(rest)
        if quoted:  # lagu " Jujur "
            group = 1 if quoted.group(1) is not None else 2
            out.append(Candidate(m.end() + quoted.start(group), m.end() + quoted.end(group), quoted.group(group), 4.5))
            continue
        spans = word_spans(rest)

        def stops(i: int) -> bool:
            written = spans[i][0]
            word = written.lower()
            if word in STOP_AFTER:
                return True
            if all(w.lower() in question_words for w, _, _ in spans[:i + 1]):
                return False  # "kantor berita pemerintah KCNA": the question's own words go on naming the asked noun
            if (written.islower() or word in DAYS or word in MONTHS) and not_a_name(word) \
                    and not (i == 0 and word in DIRECTIONS):  # "perairan timur Semenanjung Korea"
                return True  # "kita" ends the phrase, "Harapan Kita" does not
            if i > 0 and written.islower() and looks_verbal(written):
                return True  # "kantor berita Yonhap melaporkan": the verb is no part of the name
            if word in _OWNED_BY:
                return True  # "motor milik Sumadi" names the owner, not the motor
            # "kapsul Soyuz karya Rusia": the name ends where the question resumes
            return word in question_words and any(w.lower() not in question_words for w, _, _ in spans[:i])

        end = phrase_end(rest, spans, stops, _MAX_NAME_WORDS)
        name_words = spans[:end]
        while name_words and name_words[0][0].lower() in _NAMING_CUES:
            name_words = name_words[1:]
        if not [w for w, _, _ in name_words if w.lower() not in question_words]:
            continue
        start = m.end() + name_words[0][1] if len(name_words) < end else m.start()
        stop = m.end() + spans[end - 1][2]
        named_by = [w for w, _, _ in name_words if w.lower() not in question_words and w.lower() != head]
        plain = all(w.islower() and is_dictionary_root(w) or head not in _PLACED and is_known_place(w)
                    for w in named_by)  # "kantor berita Rusia" describes, "bahasa Spanyol" names
        # "apa nama toko …" wants a name before "toko motor mewah", which only describes
        out.append(Candidate(start, stop, sentence[start:stop], (1.0 if asks_name else 2.5) if plain else 4.0))
        beside = _NAME_BESIDE.match(sentence, stop)
        # "perusahaan migas Malaysia, Petronas,"; "Ibu kotanya, Sri Jayawardenapura Kotte," names nothing itself
        unasked = [w.islower() and w.removesuffix("nya") not in question_words for w in named_by]
        described = plain or any(unasked) or all(w.removesuffix("nya") in question_words for w in named_by)
        if described and beside:  # "kantor berita Rusia, TASS": the name set beside a description
            out.append(Candidate(beside.start(1), beside.end(1), beside.group(1), 4.5))
        before = sentence[:m.start()]
        if described and (comma := _COMMA_AT_END.search(before)):  # "Hezb-ul Mujahedeen, kelompok militan Kashmir"
            named = [c for c in name_runs(before)
                     if not before[c.end:comma.start() + 1].strip(" ,") and not lone_common_word(c.text)]
            if named and not overlaps_question(named[-1].text, question_words):
                out.append(Candidate(named[-1].start, named[-1].end, named[-1].text, 4.5))
        elif described and (link := _LINKED_AT_END.search(before)) and (subject := _subject(before[:link.start()])):
            if not overlaps_question(subject.text, question_words):  # "Hamas dinilai sebagai kelompok garis keras"
                out.append(subject)
    return out


def _subject(clause: str) -> Candidate | None:
    """The name a clause opens with (after its last comma outside brackets), if it opens with one and
    it is no capitalised common word ("Definisi formal …")."""
    plain = outside_brackets(clause)
    start = max(plain.rfind(","), plain.rfind(";")) + 1
    start += len(clause[start:]) - len(clause[start:].lstrip())
    runs = name_runs(clause[start:])
    if not runs or runs[0].start != 0:
        return None
    first = runs[0]
    return None if lone_common_word(first.text) else Candidate(start + first.start, start + first.end, first.text, 4.5)


_SPELT_OUT = {"rs": "rumah sakit", "rsud": "rumah sakit umum daerah"}  # "ke RS mana" over "ke Rumah Sakit …"
_OWNED_BY = {"milik", "punya", "kepunyaan"}
_ARTICLE = r"(?:(?:sebuah|seorang|suatu|salah\s+satu)\s+)?"
_COMMA_AT_END = re.compile(rf"\w\s*,\s*{_ARTICLE}$", re.IGNORECASE)  # "Nintendo, sebuah perusahaan Jepang"
_LINKED_AT_END = re.compile(rf"\b(?:adalah|merupakan|ialah|sebagai)\s+{_ARTICLE}$", re.IGNORECASE)


_NAME_BESIDE = re.compile(r"(?:\s+(?:ini|itu|tersebut))?,\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*(?:[,.;]|$)")
