"""A short answer pulled out of one sentence: a date for "kapan", a name for "siapa", a place for
"di/ke/dari mana", a quantity for "berapa", a name for "which X", the other form of an abbreviation.
Everything else is answered by the quoted sentence itself.

Candidates that only repeat the question are refused, and among the rest (a news sentence often
holds several dates, names or numbers) the one nearest the question's own words wins, or the one a
chooser fitted for the kind prefers (`choice.py`).
"""
from __future__ import annotations

import re
import unicodedata

from bot.question import ASKED_ATTRIBUTES, EVERY_ONE, PARTY_PREPOSITIONS
from bot.short_answer.attributes import attribute
from bot.short_answer.choice import pick
from bot.short_answer.common import (
    CASELESS,
    Candidate,
    bracketed_beside_asked,
    drop_overlaps,
    is_office,
    name_runs,
    not_a_name,
    word_spans,
)
from bot.short_answer.dates import (
    TIME_OF_DAY,
    YEAR_SPAN,
    asks_span,
    bare_year,
    date_candidates,
    life_span_years,
    named_weekdays,
    of_other_life_event,
    one_end,
    opens_asked_end,
    stated_in_question,
    unasked_citations,
    year_asked,
)
from bot.short_answer.definitions import definition, is_definition
from bot.short_answer.names import named, other_form
from bot.short_answer.numbers import how_many, number_candidates
from bot.short_answer.objects import deed_place, governed, object_of
from bot.short_answer.people import (
    SPEECH_QUESTION_WORDS,
    ATTRIBUTION,
    SPEECH_WORDS,
    marked_people,
    office_of,
    org_candidates,
    organisation_of_asked,
    person_candidates,
    who,
)
from bot.short_answer.places import PREPOSITIONS, known_places, place_candidates, where
from index.analyse import unaccented

_CAUSAL = re.compile(r"\b(karena|sebab|akibat|sehingga|untuk|agar|supaya|guna|demi|alasan|imbalan)\b", CASELESS)


def short_answer(qtype: str | None, sentence: str, article_date: str | None,
                 question_words: set[str], head: str | None = None) -> str | None:
    """The asked-for piece of `sentence`, or None when the type has no short form or none is there.
    Punctuation a quoted title carries inside its quotes ("“ Carita Orang Basudara, ”") is no part of it."""
    words = {w.lower() for w in (question_words or set())}
    # "marquez" is the question's word in a sentence that writes "Márquez" too
    if isinstance(sentence, str) and not sentence.isascii():
        words |= {w.lower() for w, _, _ in word_spans(sentence) if not w.isascii() and unaccented(w.lower()) in words}
    found = _extract(qtype, sentence, article_date, words, head)
    found = (found.strip(" ,;:") or None) if found and not foreign_aside(found) else None
    if found and qtype in ("kapan", "berapa"):  # "pada 2015 dan 2016": both years are when
        found = figure_list(sentence, found)
    if found and words & EVERY_ONE:  # "siapa aja yang cetak gol": a list the sentence ends with is whole too
        # whom "Kim" met are others than Kim, but where an OTT "soal pemkot Tegal" took place is Tegal too
        return whole_list(sentence, found, words if qtype == "siapa" else set(), every_one=True)
    if found and qtype in ("siapa", "nama"):  # "didirikan oleh A, B, dan C": the founder is all three
        return whole_list(sentence, found, words)
    return found


def foreign_aside(answer: str) -> bool:
    """The name in its own script that an encyclopaedia gives in an aside, "(Chinese:福德正神)",
    "Arabic: تونس‎, romanized:Tūnis": no reader of Indonesian asked for it, and an extractor that
    returns it has read the aside for the answer. A phrase that only holds such an aside (a Japanese
    era "sesudah tahun Keiō(慶応) …") is no aside."""
    if answer.isascii():  # most answers: no letter to look up
        return False
    foreign = sum(ch.isalpha() and not _LATIN.match(unicodedata.name(ch, "")) for ch in answer)
    if not foreign:
        return False
    return bool(_LABEL.match(answer)) or 2 * foreign > sum(ch.isalpha() for ch in answer)


_LATIN = re.compile(r"LATIN|GREEK")  # "Tūnis", and "Ω", "µ" in figures
_LABEL = re.compile(r"[A-Z][a-z]+(?:\s[a-z]+)?\s?:")  # "Chinese:", "Berber languages:"


_FIGURE = r"\d(?:[\d.,:]*\d)?(?:-an)?"
_FIGURES_AFTER = re.compile(rf"(?:\s*,\s*{_FIGURE})*\s*,?\s+(?:dan|serta)\s+({_FIGURE})(?![\w/])(?:\s+WI(?:B|TA|T)\b)?")
_RANGE_OPENS = re.compile(r"\b(?:antara|dari)(?:\s+(?:tahun|pukul|jam|abad))?\s*$", re.IGNORECASE)


def figure_list(sentence: str, answer: str) -> str:
    """A figure answer with the figures listed after it in the same form ("2007, 2010, 2012, 2015, dan
    2016", "19.30, 21.00 dan 22.00"): the question asked when or how many, and the sentence says
    several; a reader shown the first alone is told a part as the whole. A range ("antara 1887 dan
    1889") is no list: which end is asked is the date extractor's to say."""
    start = sentence.find(answer)
    last = re.search(rf"({_FIGURE})$", answer)
    if start < 0 or not last or _RANGE_OPENS.search(sentence[:start]):
        return answer
    end = start + len(answer)
    match = _FIGURES_AFTER.match(sentence, end)
    if not match or _shape(match.group(1)) != _shape(last.group(1)):
        return answer
    return sentence[start:match.end()]


def _shape(figure: str) -> str:
    return re.sub(r"\d", "9", figure)


_WORD_IN_NAME = r"[A-Z][\w'’-]*(?:\.[\w'’-]+)*"  # "St.Petersburg", never the sentence's full stop
_NAME = rf"{_WORD_IN_NAME}(?:\s+{_WORD_IN_NAME}){{0,3}}"
_LINK = r",\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+"
_ITEM_AFTER = re.compile(rf"({_LINK})({_NAME})")
_ITEM_BEFORE = re.compile(rf"({_NAME})({_LINK})$")
_CLOSING = re.compile(r"\b(?:dan|serta)\b")
_PAIRED_AFTER = re.compile(rf"\s*/\s*{_NAME}")  # "Li Junhui / Liu Yuchen": a doubles pair is one answer
_PAIRED_BEFORE = re.compile(rf"{_NAME}\s*/\s*$")
_SENTENCE_END = re.compile(r"\s*(?:[.!?]\s*)?$")


def whole_list(sentence: str, answer: str, question_words: set[str], every_one: bool = False) -> str:
    """The named answer with the names listed beside it ("Mulyadi, Salman Alfaris, dan Tugianto"),
    when a list closed by "dan" or "serta" holds it (or, when the question asks for `every_one`,
    one the sentence ends with); else the answer alone (a name followed by ", Ketua PN," is no list).
    A list with an item the question names is no answer ("selain Otoritas Palestina", "Kim Jong
    Un dan Sergei Shoigu" for "kim jong un ketemu siapa aja"); unless the question asks for every
    one, only a list of bare names counts: "Alwi Shihab dan Menteri Pendidikan Nasional Bambang"
    pairs two office holders."""
    start = sentence.find(answer)
    if start < 0 or not answer[:1].isupper():
        return answer
    end, closed, items = start + len(answer), False, []
    if pair := _PAIRED_AFTER.match(sentence, end) or _PAIRED_BEFORE.search(sentence[:start]):
        return sentence[min(start, pair.start()):max(end, pair.end())]
    while not closed and (match := _ITEM_AFTER.match(sentence, end)):
        end, closed = match.end(), bool(_CLOSING.search(match.group(1)))
        items.append(match.group(2))
    while match := _ITEM_BEFORE.search(sentence[:start]):
        closes = bool(_CLOSING.search(match.group(2)))
        if closed and closes:
            break  # "A dan B, C dan D" is two lists
        start, closed = match.start(), closed or closes
        items.append(match.group(1))
    if any(w in question_words for item in items for w in item.lower().split()):
        return answer
    if not every_one and (is_office(answer.split()[0].lower())  # "Menteri Luar Negeri Finlandia"
                          or not all(_bare_name(item) for item in items)):
        return answer
    closed = closed or every_one and len(items) > 1 and bool(_SENTENCE_END.fullmatch(sentence[end:]))
    return sentence[start:end] if closed else answer


def _bare_name(item: str) -> bool:
    return not any(is_office(w) or not_a_name(w) for w in item.lower().split())


def _extract(qtype: str | None, sentence: str, article_date: str | None,
             words: set[str], head: str | None) -> str | None:
    """`words`: the question's words, lowercased."""
    if not sentence or not isinstance(sentence, str):
        return None
    if qtype == "kapan":
        proposed = date_candidates(sentence, article_date) + life_span_years(sentence, words)
        cited = unasked_citations(sentence, words)  # once per sentence, not per date
        dates = drop_overlaps([c for c in proposed if not stated_in_question(c.text, words)
                               and not of_other_life_event(sentence, c, words)
                               and not any(start <= c.start < end for start, end in cited)])
        if head == "hari" and (days := named_weekdays(sentence)):
            dates = days  # "tiap hari apa": the weekday the sentence names, not its date
        if head == "jam":  # "ditangkap jam berapa": a time of day, not the date
            dates = [c for c in dates if TIME_OF_DAY.fullmatch(c.text)]
        if asks_span(words):  # "dari tahun berapa sampai tahun berapa": "2005 hingga 2014", not 2005
            dates += [Candidate(m.start(), m.end(), m.group(), 8.0) for m in YEAR_SPAN.finditer(sentence)]
        found = pick(dates, sentence, words, lambda c: 3.0 * (bracketed_beside_asked(sentence, c, words)
                                                            + opens_asked_end(sentence, c, words)),
                     proximity=0.4, kind="kapan")
        return bare_year(year_asked(one_end(found, words), words))
    if qtype == "siapa":
        found = who(sentence, words)
        if found or head not in PARTY_PREPOSITIONS:
            return found
        return governed(sentence, words, PARTY_PREPOSITIONS[head])  # "lapor ke siapa": "kepada aparat kepolisian"
    if qtype in PREPOSITIONS:
        found = where(qtype, sentence, words, head)
        if found or head:
            return found
        return deed_place(sentence, words, PREPOSITIONS[qtype])  # "uangnya ditaruh di bank": a place in plain words
    if qtype == "berapa":
        return how_many(sentence, words, head)
    if qtype == "nama" and head == "warna":  # "kantong warna apa": colour words, as "Apa warna …?" is answered
        return attribute(sentence, head)
    if qtype == "nama" and head in _OFFICE_HEADS:  # "Jake Sullivan jabatannya apa?"
        return office_of(sentence, {w for w in words if w.removesuffix("nya") not in _OFFICE_HEADS},
                         trade=head in _TRADE_HEADS)
    if qtype == "nama":  # "Kepala Dinas apakah Ismail Hasyim?": the office names it
        return organisation_of_asked(sentence, words, head) or named(sentence, words, head, marked_people)
    if qtype == "singkatan" and head:
        return other_form(sentence, head)
    if qtype == "definisi":
        return definition(sentence, words - _QUESTION_FRAME)
    if qtype == "atribut" and head in ASKED_ATTRIBUTES:
        return attribute(sentence, head)
    if qtype == "objek" and head:
        return object_of(sentence, words, head)
    return None


_ANY_PLACE_PREPOSITION = tuple(p for asked in PREPOSITIONS.values() for p in asked)
_TRADE_HEADS = {"profesi", "pekerjaan"}
_OFFICE_HEADS = {"jabatan", "posisi", "kedudukan"} | _TRADE_HEADS


# Words of a "what is X" question that are not X.
_QUESTION_FRAME = {"apa", "apakah", "itu", "yang", "dimaksud", "dimaksudkan", "maksud", "dengan", "arti", "artinya",
                   "makna", "pengertian", "definisi", "disebut", "sebagai", "adalah", "sih", "ya", "dari"}


def asks_for_speaker(question_words: set[str]) -> bool:
    """"siapa yang mengatakannya?": the answer is whoever speaks in the sentence."""
    return any(w in SPEECH_QUESTION_WORDS or w.removesuffix("nya") in SPEECH_QUESTION_WORDS for w in question_words)


def has_speech(sentence: str) -> bool:
    return any(w.lower() in SPEECH_WORDS for w, _, _ in word_spans(sentence))


def names_speaker(sentence: str) -> bool:
    return bool(ATTRIBUTION.search(sentence))


def has_answer_type(qtype: str | None, sentence: str) -> bool:
    """Whether the sentence could answer this type at all; for open types any sentence could."""
    if not sentence:
        return False
    if qtype == "mengapa":
        return bool(_CAUSAL.search(sentence))
    if qtype == "definisi":
        return is_definition(sentence)
    count = answer_type_count(qtype, sentence)
    return True if count is None else count > 0


def answer_type_count(qtype: str | None, sentence: str) -> int | None:
    """How many phrases of the asked type the sentence holds (None: the type has no phrases).
    Several dates or numbers in one sentence ("938 perempuan … dan 546 di antaranya meninggal")
    make the one picked likelier to answer something else."""
    if qtype == "kapan":
        return len(date_candidates(sentence, None))
    if qtype == "siapa":
        people = person_candidates(sentence)
        return len(people) + len(org_candidates(sentence, people))
    if qtype in PREPOSITIONS:
        return len(place_candidates(sentence, _ANY_PLACE_PREPOSITION)) + len(known_places(sentence))
    if qtype == "berapa":
        return len(number_candidates(sentence, None))
    if qtype == "nama":
        return len(name_runs(sentence))
    return None
