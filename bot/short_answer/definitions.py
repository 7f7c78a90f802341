"""What a thing is: "Apa itu X?", "Apa yang dimaksud dengan X?" are answered by what follows
"adalah", "merupakan", "ialah", "merujuk pada", "berarti" or "diartikan sebagai" in a sentence
whose subject is X."""
from __future__ import annotations

import re

from bot.short_answer.common import COPULA, FOOTNOTE, FOOTNOTE_MARK

# Besides the copula, the verbs a definition is given with: "Episkopal merujuk pada …", "Wangsa
# berarti …", "Urbanisasi mengacu pada …", "dapat diartikan sebagai …".
_DEFINES = re.compile(rf"{COPULA.pattern}|\b(?:merujuk (?:pada|kepada|ke)|mengacu (?:pada|kepada)|berarti|bermakna"
                      r"|(?:diartikan|didefinisikan) sebagai)\b", re.IGNORECASE)

# A clause ends at a full stop (also one a citation mark follows, "menjadi.[1] Pengertian …", or one
# missing its space, "pemasaran.Distribusi", "mukosa.[1]Antiseptik"), a dash, or a comma that joins the
# next clause.
_CLAUSE_END = re.compile(rf"[.;:!?](?:{FOOTNOTE_MARK})*(?:\s|$)|(?<=[a-z]{{3}})\.(?:{FOOTNOTE_MARK})*(?=[A-Z])"
                         r"|\s[—–]\s?|,\s(?:dan|serta|sedangkan|namun|tetapi)\s")
_WORD = re.compile(r"\w+")
# A definition runs to its clause's end ("… dapat saling membuahi satu sama lain di dalam kelompoknya"
# whole, not cut after "di"); the bound only stops a run-on text whose clause end no pattern sees. On
# MRC train definitions a bound of 25 words cut 109 answers mid-phrase (token F1 0.857 against 0.896 at 50).
MAX_WORDS = 50
_LIST_ITEM = re.compile(r",\s*[^,;.]{1,40}$")  # ", perilaku" before ", dan peran"


def _closes_list(text: str, end: re.Match) -> bool:
    """A ", dan"/", serta" after two items set apart by a comma is a list's last link, not a new clause."""
    return end.group().startswith(",") and end.group().split()[-1] in ("dan", "serta") \
        and bool(_LIST_ITEM.search(text[:end.start()]))


def is_definition(sentence: str) -> bool:
    return bool(_DEFINES.search(sentence))


def definition(sentence: str, question_words: set[str]) -> str | None:
    """The phrase after the copula, up to the clause's end, when the words before it name what
    the question asks about. Another name given on the way is not the definition: in "Maskulinitas
    (disebut juga kejantanan) adalah …" and "Asteroid, disebut juga planet minor, adalah …" the
    definition follows "adalah"."""
    match = _defining(sentence)
    if not match or not any(_names(w, question_words) for w in _subject(sentence, match)):
        return None
    return clause_from(sentence, match.end())


def defines_asked(sentence: str, question_words: set[str]) -> bool:
    """The sentence opens with what the question asks about and defines it ("Sains adalah …" for
    "definisi sederhana dari sains"), rather than defining something it only mentions ("Historiografi
    dari sains adalah …") or what the sentence before named ("Bahasa ini merupakan …"). On MRC train
    definition questions, 81 % of such sentences hold the answer, 49 % of the other definitions."""
    match = _defining(sentence)
    subject = _subject(sentence, match) if match else []
    if not subject or _DEMONSTRATIVES & set(subject):
        return False
    return _names(subject[0], question_words)


def _names(word: str, question_words: set[str]) -> bool:
    """A word of the subject that is the question's, or shares its stem: "Herbivor" for "herbivora",
    "Optika" for "optik"."""
    return any(word == w or len(w) >= _STEM and word[:_STEM] == w[:_STEM] for w in question_words)


_DEMONSTRATIVES = {"ini", "itu", "tersebut"}
_STEM = 5  # "Herbivor" defines "herbivora", "Pecahan" defines "pecahan"


def _defining(sentence: str) -> re.Match | None:
    """The verb that gives the definition: the first one outside an aside."""
    matches = list(_DEFINES.finditer(sentence))
    return next((m for m in matches if not _aside(sentence, m)), matches[0] if matches else None)


def _subject(sentence: str, match: re.Match) -> list[str]:
    return [w.lower() for w in _WORD.findall(sentence[:match.start()])]


def _aside(sentence: str, match: re.Match) -> bool:
    """A copula inside brackets, or "disebut juga", which gives another name rather than a definition."""
    before = sentence[:match.start()]
    return before.count("(") > before.count(")") or match.group().lower() == "disebut juga"


def clause_from(sentence: str, start: int) -> str | None:
    """The phrase from `start` to the end of its clause, at most MAX_WORDS long. A ", dan" that
    closes a list ("sejumlah atribut, perilaku, dan peran") goes on; a citation mark ("[1]") is no
    part of it."""
    rest = sentence[start:].strip().removeprefix(":").lstrip()  # "Gejalanya adalah: …"
    end = next((m for m in _CLAUSE_END.finditer(rest) if not _closes_list(rest, m)), None)
    phrase = FOOTNOTE.sub("", rest[:end.start()] if end else rest)
    if phrase.count("(") > phrase.count(")"):  # cut inside a bracket: "raja Makedonia ([Βασιλεύς"
        phrase = phrase[:phrase.rfind("(")]
    words = phrase.split()[:MAX_WORDS]
    answer = " ".join(words).strip(" ,")
    return answer if len(_WORD.findall(answer)) >= 1 else None
