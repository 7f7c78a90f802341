"""berapa: a number with the unit the question measures."""
from __future__ import annotations

import re

from bot.short_answer.choice import pick
from bot.short_answer.common import (
    CASELESS,
    FOOTNOTE,
    ORDINAL_WORD,
    QUESTION_STOP,
    REGULATION_NUMBER,
    STOP_AFTER,
    Candidate,
    bracketed_beside_asked,
    citations,
    clause_after,
    per_sentence,
    related,
    with_words_before,
    word_spans,
)
from bot.short_answer.dates import YEAR_SPAN, date_candidates
from index.analyse import STOPWORDS, looks_verbal

_NUMBER_WORD = (r"(?:(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus"
                r"|seribu|sejuta|semiliar)(?:\s+(?:belas|puluh|ratus|ribu|juta|miliar|triliun))*"
                r"|belasan|puluhan|ratusan|ribuan|jutaan|miliaran)")


# Grouped by dots as Indonesian writes it ("1.340", "9.567,51"), or by commas as copied English text does
# ("2,150,000"; two groups at least, since "2,150" is a decimal here).
_DIGITS = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d+(?:[,.]\d+)?)"
# A decimal comma that copy tokenised apart: "Rp 3, 58 juta", "9.567, 51 hektar" (a multiplier or a
# unit of size after it tells it from a list: "2005, 30 orang").
_SPACED_DECIMAL = (r"(?<!,\s)\d{1,3}(?:\.\d{3})*,\s\d{1,2}(?=\s+(?:ribu|juta|miliar|milyar|triliun|persen|hektar|hektare"
                   r"|ha|ton|km|kilometer|meter|kg)\b)")


_MONEY_SIGN = r"(?:Rp|US\$|USD|\$)"  # before an amount
_SIGN_BEFORE = rf"{_MONEY_SIGN}\.?\s?"  # as written before the figure: "Rp 5", "Rp. 5", "US$5"
# A unit written onto the number ("1.902,37km²", "50kg", "30%").
_GLUED_UNIT = r"(?:km²|km2|m²|m2|km|kg|cm|mm|ha|m|%|mAh|GB|Nm|PS|hp|cc)"


_NUMBER = re.compile(rf"(?:(?<![-/\w])|(?<=[Kk]e-))(?:{_SPACED_DECIMAL}|{_DIGITS}(?:(?:\s?-\s?|\s+(?:sampai|hingga)\s+){_DIGITS})?"
                     rf"|{_NUMBER_WORD})(?:(?={_GLUED_UNIT}(?!\w))|(?![/\w])(?!-(?!\s?{_MONEY_SIGN})))",
                     CASELESS)  # "4-5 juta", "8 sampai 10 miliar", "Rp 3.000-Rp 4.500" too
_GLUED = re.compile(rf"{_GLUED_UNIT}(?!\w)", CASELESS)
# One of a time unit, written as one word: "dalam waktu seminggu", "selama sebulan".
# Units of time, longest first, synonyms together: what "berapa lama" is measured in.
_TIME_SCALE = (("abad",), ("tahun",), ("bulan",), ("pekan", "minggu"), ("hari",), ("jam",), ("menit",), ("detik",))
_TIME_UNITS = tuple(unit for same in _TIME_SCALE for unit in same)
_ONE_UNIT = re.compile(rf"\bse({'|'.join(_TIME_UNITS)})\b(?!-)", CASELESS)


_MEASURES = {"tahun", "hari", "bulan", "pekan", "minggu", "jam", "menit", "detik", "kilometer", "km",
             "meter", "mil", "persen", "orang", "kali", "ton", "dolar", "rupiah", "unit", "buah",
             "negara", "entitas", "tentara", "pasukan", "rudal", "jiwa", "warga", "%", "mw", "megawatt",
             "hektar", "hektare", "ha", "km2", "m2", "kg", "kilogram", "liter", "barel", "poin", "derajat", "cm",
             "mm", "m", "gram", "km3", "m3", "kilometer2", "meter2", "meter3", "kilometres", "metres", "kaki", "feet",
             "kelvin", "celsius", "fahrenheit",
             "mah", "gb", "tb", "mb", "ghz", "mhz", "inci", "megapiksel", "mp", "kwh", "kw",  # gadget specs
             "gw", "kv", "mbps", "gbps", "cc", "ps", "hp", "bhp", "dk", "nm", "kgm", "rpm",  # engines: "150 PS"
             "mmscfd", "bopd", "mmbtu", "bcf", "tcf",  # gas and oil: "1.100 MMSCFD"
             "sr"}  # an earthquake's "7 SR", skala Richter


_BEFORE_NUMBER = re.compile(r"(?:(?:sekitar|hampir|lebih dari|kurang dari|sedikitnya|setidaknya)\s+)?"
                            rf"(?:{_SIGN_BEFORE})?$", CASELESS)


_CURRENCY = re.compile(rf"{_SIGN_BEFORE}$", CASELESS)
_MONEY_RANGE = re.compile(r"\s?(?:-|–|sampai|hingga)\s?")


_ONE_BY_ONE = re.compile(r"(?<=satu)\s*(?:per\s*satu|demi\s+satu|sama\s+lain)\b", re.IGNORECASE)


@per_sentence
def number_candidates(sentence: str, article_date: str | None) -> list[tuple[Candidate, str]]:
    """(number with its unit, unit word) pairs, leaving out numbers that are part of dates or citations.

    A currency sign or an estimate ("sekitar Rp 5.200", "lebih dari 80 spesies") belongs to the
    quantity; a money amount has the unit "rupiah"."""
    numbers = list(_NUMBER.finditer(sentence))
    if not numbers:  # most sentences: no need to find what dates and citations take
        return []
    taken = [(d.start, d.end) for d in date_candidates(sentence, None)]
    taken += [(start, end) for start, end, _ in citations(sentence)]  # "Nomor 28 Tahun 2006" counts no years
    taken += [m.span() for m in FOOTNOTE.finditer(sentence)]
    out = []
    for m in numbers:
        if any(start <= m.start() < end for start, end in taken):
            continue
        if (sentence[max(0, m.start() - 6):m.start()].lower().endswith("salah ")
                or _ONE_BY_ONE.match(sentence, m.end())):
            continue  # "salah satu", "satu persatu", "satu sama lain": no quantity
        before = sentence[max(0, m.start() - 24):m.start()]
        start = m.start() - len(_BEFORE_NUMBER.search(before).group(0))
        glued = _GLUED.match(sentence, m.end())
        money = bool(_CURRENCY.search(before))
        unit_words = [(glued.group(), glued.end() - m.end())] if glued else _unit_after(sentence[m.end():], money)
        end = m.end() + (unit_words[-1][1] if unit_words else 0)
        squared = _SQUARED.match(sentence, end) if unit_words else None
        if squared:  # "373,70 km persegi", "148,28 juta meter kubik": an area or a volume
            unit_words[-1] = (unit_words[-1][0] + _POWER[squared.group(1).lower()], squared.end() - m.end())
            end = squared.end()
            if per := _PER_UNIT.match(sentence, end):  # "6.000 meter kubik per detik"
                end = per.end()
        unit = "rupiah" if money else _measure(unit_words)
        if unit in _TIME_UNITS[1:-1] and (more := _SMALLER_TIME.match(sentence, end)):
            end = more.end()  # "satu tahun enam bulan", "2 jam 30 menit": one duration
        if out and start < out[-1][0].end:
            continue  # the smaller part of the duration before
        if money and out and out[-1][1] == "rupiah" and _MONEY_RANGE.fullmatch(sentence, out[-1][0].end, start):
            first = out[-1][0]  # "Rp 6 triliun-Rp 10 triliun": one amount, from and to
            out[-1] = (Candidate(first.start, end, sentence[first.start:end], first.weight), unit)
            continue
        weight = 2.0 if unit else 1.0
        out.append((Candidate(start, end, sentence[start:end], weight), unit))
    return out


_VERB_PREFIXES = ("mem", "men")  # "kategori empat menghantam": a verb counts nothing, though "tersangka" may


def _unit_after(rest: str, money: bool = False) -> list[tuple[str, int]]:
    """The noun counted by a number: one measure word, or up to two plain words ("uji nuklir"); after
    a currency sign only a multiplier ("Rp 550 juta off the road" is Rp 550 juta)."""
    unit_words: list[tuple[str, int]] = []
    pos = 0
    for w, s, e in word_spans(rest)[:2]:
        if money and "-" in w:  # "triliun-Rp 10 triliun": the range goes on past the multiplier
            w = w.split("-")[0]
            e = s + len(w)
        measure = w.lower() in _MEASURES  # "765 MW" too
        if w.lower() in _MULTIPLIERS and not unit_words and not rest[:s].strip():
            unit_words.append((w, e))  # "2,74 Miliar" (then perhaps "dolar")
            pos = e
            continue
        if money:
            break
        if rest[pos:s].strip() or not (w.islower() or measure or w.lower() in _CURRENCIES) or w in STOP_AFTER \
                or w in STOPWORDS \
                or (unit_words or not measure and w.lower().startswith(_VERB_PREFIXES)) and looks_verbal(w):
            break
        unit_words.append((w, e))
        pos = e
        if measure:
            break
    if not unit_words or unit_words[-1][0].lower() in _SCALED:
        end = unit_words[-1][1] if unit_words else 0  # "Rp 12.500 per kilogram": the currency came before
        last = unit_words[-1][0].lower() if unit_words else ""
        for follow in ((_CURRENCY_COUNTRY,) if last in _CURRENCIES else ()) + (_PER_UNIT,):
            match = follow.match(rest[end:])
            if match:  # "45,79 dolar AS per barel", "300 juta dolar Amerika"
                end += match.end()
                unit_words.append((match.group().strip(), end))
    return unit_words


def _measure(unit_words: list[tuple[str, int]]) -> str:
    """What a quantity counts: its measure word when it has one ("69 juta jiwa" counts jiwa), else its
    first word past a multiplier ("tiga bom", "1,59 miliar ekor"), else the multiplier ("2 juta")."""
    words = [w.lower().replace("²", "2") for w, _ in unit_words]
    counted = [w for w in words if w not in _MULTIPLIERS] or words  # "1,59 miliar ekor" counts ekor
    return next((w for w in words if w in _MEASURES or w in _CURRENCIES), counted[0] if counted else "")


# After "tahun" … "menit": the smaller part of the same duration ("satu tahun enam bulan").
_SMALLER_TIME = re.compile(rf",?\s+(?:dan\s+)?(?:{_DIGITS}|{_NUMBER_WORD})\s+(?:{'|'.join(_TIME_UNITS[2:])})\b", CASELESS)
_SQUARED = re.compile(r"\s+(persegi|kubik)\b", CASELESS)
_POWER = {"persegi": "2", "kubik": "3"}
_MULTIPLIERS = {"ribu", "juta", "miliar", "milyar", "triliun",
                "ribuan", "jutaan", "miliaran", "milyaran", "triliunan"}  # "Rp 50 jutaan": about 50 million
_CURRENCIES = {"dolar", "dollar", "dollars", "euro", "yen", "ringgit", "yuan", "won", "pound", "pounds", "poundsterling",
               "rupee", "peso"}  # "10 juta Pounds" too
_SCALED = _MEASURES | _MULTIPLIERS | _CURRENCIES  # what a "per <unit>" may follow: "45 dollar AS per barel"
_MEASURED = _MEASURES | _CURRENCIES  # units that say what a quantity measures
_COUNTRY = r"(?:AS|Amerika(?:\s+Serikat)?|Singapura|Australia|Hong\s+Kong|Kanada|Taiwan|Brunei)\b"
_CURRENCY_COUNTRY = re.compile(rf"\s+{_COUNTRY}")
_PER_UNIT = re.compile(rf"\s+per\s+(?:dol+ar\s+{_COUNTRY}|[a-z]+\b)")  # "Rp 13.518 per dolar AS"


# What a "berapa <word>" question measures, and the units that measure it.
_MEASURED_BY: list[tuple[tuple[str, ...], set[str]]] = [
    (("jarak", "jauh", "panjang", "tinggi", "ketinggian", "kedalaman", "lebar"),
     {"kilometer", "km", "meter", "m", "mil", "cm", "sentimeter", "dpl", "mdpl", "kilometres", "metres", "kaki",
      "feet"}),
    (("lama", "lamanya", "usia", "umur"), set(_TIME_UNITS)),
    (("luas",), {"hektar", "hektare", "ha", "km2", "m2", "kilometer2", "meter2", "kilometer", "meter", "kilometres",
                 "square"}),
    (("persen", "persentase"), {"persen", "%"}),
    (("harga", "biaya", "dana", "anggaran", "nilai", "gaji", "upah", "kerugian", "modal", "investasi", "utang",
      "pendapatan", "tarif", "ongkos", "denda"),
     {"rupiah", "ribu", "juta", "miliar", "triliun"} | _CURRENCIES),
    (("berat", "bobot", "stok", "produksi"), {"ton", "kg", "kilogram", "kilo", "gram", "kuintal"}),
    (("volume",), {"liter", "barel", "meter3", "m3", "ton"}),
    (("kapasitas",), {"megawatt", "mw", "ton", "liter", "barel", "orang", "kursi", "penumpang", "mah", "gb", "tb", "mb",
                      "kwh", "kw"}),
    (("suhu",), {"derajat", "celsius", "kelvin", "fahrenheit"}),
    (("torsi",), {"nm", "kgm"}),
    (("penduduk", "populasi", "penghuni"), {"jiwa", "orang", "warga", "penduduk"}),
    (("kecepatan",), {"km", "kilometer", "knot", "mil"}),
]
_UNITS_OF = {word: frozenset(units) for words, units in _MEASURED_BY for word in words}
# Prices and shares are always written with their unit ("Rp", "dolar", "persen"): a number without
# one answers something else.
_UNIT_REQUIRED = {"persen", "persentase", "harga", "biaya", "tarif", "ongkos", "denda", "gaji", "upah"}


def wanted_units(question_words: set[str]) -> set[str]:
    """The units that measure what the question asks ("lama" → tahun, hari, …; "harga" → rupiah, …)."""
    return set().union(*(_UNITS_OF.get(q, _UNITS_OF.get(q.removesuffix("nya"), set())) for q in question_words))


def _units_beside(unit: str | None) -> set[str]:
    """The units of the measure a named unit counts in ("berapa km" → meter, mil, …). A time is
    counted in the unit asked or the next one ("berapa tahun": "18 bulan", never "satu jam": on the
    train and dev sets every gold answer to "berapa <time unit>" that names a unit names the asked one)."""
    if unit in _COUNTED_IN_ANY_NOUN:
        return set()
    for i, same in enumerate(_TIME_SCALE):
        if unit in same:
            return set().union(*_TIME_SCALE[max(0, i - 1):i + 2])
    return set().union(*(units for _, units in _MEASURED_BY if unit in units))


# "berapa orang" is answered by "70 penyintas" as well: a count of people is written in any noun.
_COUNTED_IN_ANY_NOUN = {"orang", "warga", "jiwa", "penduduk", "penumpang", "kursi"}
# Words that count what the next word names: "berapa jenis satwa" is not answered by "10 jenis tumbuhan".
_CLASSIFIERS = {"jenis", "macam", "buah", "ekor", "biji", "lembar", "butir", "batang", "pasang", "set"}
# Things counted one by one: "berapa kali" is answered by "dua kali", "berapa rudal" by "tiga rudal",
# never by "70 tahun" or "dua hari".
_COUNTED = _MEASURES - set().union(*(units for _, units in _MEASURED_BY)) - _COUNTED_IN_ANY_NOUN


def unasked_unit(answer: str, question_words: set[str]) -> bool:
    """Whether the figure is counted in something the question neither names nor measures in:
    "30 menit" for "berapa suara", "dua anak" for "berapa kerugian" (a near miss is often answered
    with the one figure its article gives, of something else)."""
    wanted = wanted_units(question_words)
    units = [u.replace("²", "2").replace("³", "3") for u in _UNIT_WORD.findall(answer.lower())]
    return bool(units) and not any(u in wanted or any(related(u, q) for q in question_words) for u in units)


# A unit's words; an area or volume keeps its power ("3.496km²", "1.605,55km2" are in km2).
_UNIT_WORD = re.compile(r"[^\W\d²³]+(?:(?<=[mr])[2²3³](?!\d))?")
_RANKS = {"urutan", "peringkat", "posisi", "ranking"}  # "finis di urutan berapa" asks for an ordinal
_RANK = "|".join(sorted(_RANKS))
# "korban ke-3", "Hari Jadi Ke - 447", "urutan 110"; not "naik ke 40"
_ORDINAL_BEFORE = re.compile(rf"\bke\s?-\s?$|\b(?:{_RANK})\s+$", CASELESS)
_ORDINAL_WORD = re.compile(rf"\b(?:(?:{_RANK})\s+)?{ORDINAL_WORD}", CASELESS)  # "posisi keempat"
_AGE_AFTER_NAME = re.compile(r"\b[A-Z][\w'’-]*\s*\(\s*$")  # "Sumadi (62)", "berinisial D (16)"
# A match's score, with every game of it ("21 - 15, 21 - 16"), or a goalless one.
_SCORE_BEFORE = re.compile(r"\bskor(?:\s+(?:akhir|telak|tipis))?\s*$", CASELESS)
_SCORE = re.compile(r"(?<![\d.,])\d{1,2}\s?[-–]\s?\d{1,2}(?:\s*,\s*\d{1,2}\s?[-–]\s?\d{1,2})*(?![\d.,]?\d)"
                    r"|\btanpa\s+gol\b", CASELESS)


_LAW_ARTICLE = re.compile(r"\b[Pp]asal\s+\d+[A-Z]?(?:\s+[Aa]yat\s+\(?\d+\)?)?(?:\s+huruf\s+[a-z]\b)?")
_COUNTING = {"jumlah", "banyak", "total"}  # "Berapa jumlah pasal …" counts them
# "dari 12 persen menjadi 12,6 persen", "menjadi sekarang 2,7 juta", "menjadi setara total Rp 6,2 milyar":
# after the change; "semula berapa" asks before it
_CHANGED_TO = re.compile(r"\b(?:menjadi|jadi)\s+(?:[a-z]+\s+){0,2}$", CASELESS)
_FORMER = {"semula", "sebelumnya", "awalnya", "mula", "dulu", "dulunya"}
_NUMBERED = re.compile(r"\b(?:[Nn]omor|[Nn]o\.?)(?:\s+[^\W\d]+)?\s+$")  # "nomor punggung 27", "No. 7"
_FIRST_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _without_unit(sentence: str, cand: Candidate) -> Candidate:
    """The figure alone: what follows a rank's figure is no unit of it."""
    end = _NUMBER.search(sentence, cand.start).end()
    return Candidate(cand.start, end, sentence[cand.start:end], cand.weight)


def _states_figure(text: str, question_words: set[str]) -> bool:
    figure = _FIRST_FIGURE.search(text)  # past a currency sign too: "Rp 13.083 per dolar" for "ke 13.083 brp"
    return bool(figure) and figure.group() in question_words


def how_many(sentence: str, question_words: set[str], head: str | None = None) -> str | None:
    """The figure the question asks for; `head` is the word after "berapa" ("berapa tahun")."""
    pairs = number_candidates(sentence, None)
    question_words = {q.removesuffix("kah") if len(q) > 5 else q for q in question_words}  # "persenkah"
    keys = [q for q in question_words if q not in QUESTION_STOP]
    measured = wanted_units(question_words)
    # "Berapa siswa yang dibantu biaya pendidikannya": the noun after "berapa" is a measure asked too
    # when the sentence counts in it ("30 siswa"), whatever other measure ("biaya") the question names.
    def of_head(unit: str) -> bool:
        return bool(head and unit) and head not in _CLASSIFIERS and related(unit, head)

    counted = {u for _, u in pairs if of_head(u)}
    wanted = measured | _units_beside(head) | ({head} & _COUNTED) | counted
    # "berapa lama": "seminggu"; but "setahun" is no count for "berapa bulan"
    pairs += [(Candidate(m.start(), m.end(), m.group(), 2.0), m.group(1).lower())
              for m in _ONE_UNIT.finditer(sentence) if m.group(1).lower() in measured | {head}]

    # "tarif kontainer 40 kaki": a quantity the question states itself qualifies what is asked, so
    # its unit ("kaki") marks the sentence's other qualifiers ("20 kaki"), not the answer.
    qualifying = any(q[:1].isdigit() for q in question_words)

    def bonus_for(unit: str, cand: Candidate) -> float:
        b = 0.0
        if unit and not qualifying and any(related(unit, q) for q in keys + ["tahun"] * ("tahun" in question_words)):
            b += 3.0
        if unit in wanted:
            b += 3.0
        if of_head(unit):
            b += 3.0  # "di berapa kota": "30 kota", not "1000 penyedia jasa" the question names as well
        tail = [w for w, _, _ in word_spans(clause_after(sentence, cand.end))[:4]]
        if any(related(t, q) for t in tail for q in keys):
            b += 1.0
        if asks_number and not unit and _NUMBERED.search(sentence[:cand.start]):
            b += 2.0  # "nomor punggung berapa": "nomor punggung 27", not "berusia 25 tahun"
        if asks_age and bracketed_beside_asked(sentence, cand, question_words):
            b += 4.0  # "Yves Chauvin (74)" for "Berapa usia Yves Chauvin?"
        if asks_ordinal and ordinal(cand):
            b += 5.0  # "Hari Jadi Ke - 447": the ordinal outweighs any count
        if not asks_former and _CHANGED_TO.search(sentence[:cand.start]):
            b += 2.0  # "direvisi dari 12 persen menjadi 12,6 persen": the figure now is the one asked
        return b

    asks_age = bool(question_words & {"usia", "umur", "berumur", "berusia"})
    asks_number = "nomor" in question_words
    asks_former = bool(question_words & _FORMER)
    # "hari jadi ke berapa" is read as "keberapa" (abbreviations.txt): "dijual ke Iran" asks no rank;
    # a goal's minute is written as one ("menit ke-35")
    asks_ordinal = bool({"keberapa", "menit"} & question_words or _RANKS & question_words)

    def ordinal(cand: Candidate) -> bool:
        return bool(_ORDINAL_BEFORE.search(sentence[:cand.start]))

    if not asks_ordinal:  # "korban ke-3" counts nothing
        pairs = [(c, u) for c, u in pairs if not ordinal(c)]
    elif ranked := [(c, u) for c, u in pairs if ordinal(c)]:
        # and "urutan keberapa" is not answered by a count: "ke-85", not "180 negara"; nor does a rank
        # have a unit ("finish di posisi enam musim ini" is at sixth place)
        pairs = [(_without_unit(sentence, c), "") for c, _ in ranked]
    if asks_number and (numbered := [(c, u) for c, u in pairs if not u and _NUMBERED.search(sentence[:c.start])]):
        pairs = numbered  # "nomor punggung berapa": "nomor punggung 14", not "berusia 23 tahun"
    if not asks_age:  # "milik Sumadi (62)": a person's age counts nothing else
        pairs = [(c, u) for c, u in pairs if u or not _AGE_AFTER_NAME.search(sentence[:c.start])
                 or not sentence[c.end:].lstrip().startswith(")")]

    # "Berapa luas Brebes?" over "1.902,37km² … 1.732.719 jiwa": a quantity in another measure is the
    # wrong kind of answer, and none is better than a wrong one.
    pairs = [(c, u) for c, u in pairs if not (wanted and u in _MEASURED and u not in wanted)]
    # Nor is a count of something else: "lima dinasti" for "berapa lama", "6 provinsi" for "berapa luas"
    # (unless the question states a figure, whose measure may be the one named: "yang penduduknya 2 juta
    # punya berapa taman"). On the train sets' "berapa <measure>" questions this hid 38 wrong short
    # answers and gave 6 more right ones.
    if wanted and not qualifying:
        pairs = [(c, u) for c, u in pairs if not u or u in wanted or u in _MULTIPLIERS]
    if {q.removesuffix("nya") for q in question_words} & _UNIT_REQUIRED and not any(u in wanted for _, u in pairs):
        return None  # "harga(nya) motor listrik berapa" over "daya sebesar 5 kW": no price, no answer
    # "Indonesia yang penduduknya 250 juta punya berapa pemain bola?": the figure the question states
    # is not the one it asks for.
    pairs = [(c, u) for c, u in pairs if not _states_figure(c.text, question_words)]
    units = {id(c): u for c, u in pairs}
    cands = [c for c, _ in pairs]
    if question_words & {"lama", "lamanya"} and not any(u in wanted for _, u in pairs):
        # "Berapa lama Soeharto menjabat?" over "menjabat dari tahun 1967 sampai 1998": the span is how long
        cands += [Candidate(m.start(), m.end(), m.group(), 8.0) for m in YEAR_SPAN.finditer(sentence)]
    if asks_ordinal:  # "finis di posisi keempat": a rank in words weighs as one in figures does
        cands += [Candidate(m.start(), m.end(), m.group(), 6.0) for m in _ORDINAL_WORD.finditer(sentence)
                  if not _enumerates(sentence, m)]
    if question_words & {"skor", "skornya"}:  # "skornya brp": "21 - 15, 21 - 16", not "babak 16 besar"
        cands = [Candidate(m.start(), m.end(), m.group(), 8.0) for m in _SCORE.finditer(sentence)]
    elif asks_ordinal or wanted:  # "dengan skor 1 - 2" is no rank, minute nor measure ("menit ke berapa")
        cands = [c for c in cands if not _SCORE_BEFORE.search(sentence, 0, c.start)]
    regulations = list(REGULATION_NUMBER.finditer(sentence))
    if "pasal" in question_words and not qualifying and not question_words & _COUNTING:
        # "dijerat pasal berapa": the article with its clause ("Pasal 28 Ayat (2)"), not "28"
        cands = [Candidate(m.start(), m.end(), m.group(), 5.0) for m in _LAW_ARTICLE.finditer(sentence)] or cands
    if asks_number:  # "Peraturan … nomor berapa?": the number with its series
        cands += [Candidate(m.start(), m.end(), m.group(), 5.0) for m in regulations]
    else:  # "Nomor 7", "Nomor 28/PUU-XIV/2016" number a document and count nothing ("remisi berapa lama");
        # `number_candidates` left out a number cited with its year already, not these nor the spans added above
        cands = [c for c in cands if not any(m.start() <= c.start < m.end() for m in regulations)]
    found = pick(cands, sentence, question_words, lambda c: bonus_for(units.get(id(c), ""), c), kind="berapa")
    if not found:
        return None
    return _without_stated_rate(with_words_before(sentence, found, _SHARING_BEFORE), question_words)


_RATE_END = re.compile(r"\s+per\s+(\w+)$", CASELESS)


def _without_stated_rate(answer: str, question_words: set[str]) -> str:
    """ "gaji pelatih itu per musim brp": "hampir 20 juta pounds", as the rate the question states
    ("per musim", "tiap keluarga") is no part of what it asks."""
    rate = _RATE_END.search(answer)
    if rate and rate.group(1).lower() in question_words and question_words & {"per", "tiap", "setiap"}:
        return answer[:rate.start()]
    return answer


def _enumerates(sentence: str, ordinal: re.Match) -> bool:
    """An ordinal that opens the sentence before a comma lists, it ranks nothing: "Pertama, saat
    tendangan Oriel Romeu membentur tiang di menit ke - 62" is answered 62."""
    return not sentence[:ordinal.start()].strip(" \"“”'") and sentence.startswith(",", ordinal.end())


# "tujuh dan lima tahun", "satu hingga satu setengah bulan": a number written before the answer without
# a unit of its own shares the answer's (a year does not: "pada 2016 dan 30 persen").
_SHARING_BEFORE = re.compile(rf"(?<![\w.,])(?!(?:19|20)\d\d\b)(?:{_DIGITS}|{_NUMBER_WORD}(?:\s+setengah)?)"
                             r"\s+(?:dan|hingga|sampai|atau)\s+(?:sekitar\s+)?$", CASELESS)
