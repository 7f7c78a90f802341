"""What was done, had or made: "Apa yang diraih Yudistira …?" is answered by what follows "meraih"
("Yudistira meraih medali emas") or what stands before "yang diraih" ("medali emas yang diraih
Yudistira"); "Menandatangani apakah …?" and in chat "KPK bawa apa aja …" by what follows the verb.
What a preposition governs answers as well: "lewat apa" ("Melalui Facebook …"), "lapor ke siapa"
("kepada aparat kepolisian"), and "ditaruh di mana" ("ditaruh di bank")."""
from __future__ import annotations

from bot.question import MEANS_PREPOSITIONS, verb_roots
from bot.short_answer.choice import pick
from bot.short_answer.common import STOP_AFTER, Candidate, Spans, gap_before, phrase_end, word_spans
from index.analyse import STOPWORDS, looks_verbal, root_of

MAX_OBJECT_WORDS = 6
# Words a verb's object may open with that are no part of it: "meraih medali", "berhasil meraih
# sebuah medali", "menandatangani nota kesepahaman".
_OPENERS = {"sebuah", "suatu", "seorang", "sejumlah", "beberapa", "para", "berupa", "yakni", "yaitu", "kembali"}
_ENDS = STOP_AFTER | STOPWORDS  # function words end the object
_VERB_PREFIXES = ("me", "di", "ber", "ter", "pe")  # "peraih medali emas", "pembangunan rumah susun" name the deed too


def object_of(sentence: str, question_words: set[str], verb: str) -> str | None:
    """The phrase the question's `verb` takes as its object in `sentence`; for a preposition, the
    phrase it or its formal form governs ("lewat apa": "Melalui Facebook dia …")."""
    if verb in MEANS_PREPOSITIONS:
        return governed(sentence, question_words, MEANS_PREPOSITIONS[verb])
    roots = {r for r in verb_roots(verb) if len(r) >= 3}
    if not roots:
        return None
    spans = word_spans(sentence)
    cands = []
    for i, (word, start, end) in enumerate(spans):
        lower = word.lower()
        if not _is_form_of(lower, roots):
            continue
        before = spans[i - 1][0].lower() if i else ""
        if lower.startswith("di") and before == "yang":  # "medali emas yang diraih Yudistira"
            found = _phrase_before(sentence, spans, i - 1, question_words)
        elif lower.startswith("di"):  # "Medali emas diraih Yudistira": the subject is what was done
            found = _phrase_before(sentence, spans, i, question_words)
        else:
            found = _phrase_after(sentence, spans, i + 1, question_words)
        if found:
            cands.append(found)
    return pick(cands, sentence, question_words, kind="objek")


def governed(sentence: str, question_words: set[str], prepositions: tuple[str, ...]) -> str | None:
    """The phrase one of these prepositions governs in `sentence`, the one nearest the question's words."""
    spans = word_spans(sentence)
    cands = [_phrase_after(sentence, spans, i + 1, question_words)
             for i, (word, _, _) in enumerate(spans) if word.lower() in prepositions]
    return pick([c for c in cands if c], sentence, question_words, kind="objek")


DEED_REACH = 3  # words between the question's verb and its place's preposition: "ditaruh di bank"


def deed_place(sentence: str, question_words: set[str], prepositions: tuple[str, ...]) -> str | None:
    """Where the sentence says the question's verb was done, in ordinary words ("ditaruh di bank", "dirawat
    di rumah kakaknya"): the phrase after one of the asked prepositions just after a form of that verb
    (chat's "naruh" is "menaruh")."""
    roots = {r for w in question_words if w.isalpha() and w not in STOPWORDS for r in verb_roots(w)}
    spans = word_spans(sentence)
    cands = []
    for i, (word, _, _) in enumerate(spans):
        if not (_deed(word.lower()) and root_of(word.lower()) in roots):
            continue
        for k in range(i + 1, min(i + 1 + DEED_REACH, len(spans))):
            if spans[k][0].lower() in prepositions:
                cands.append(_phrase_after(sentence, spans, k + 1, question_words))
                break
    return pick([c for c in cands if c], sentence, question_words, kind="objek")


def _deed(word: str) -> bool:
    """A verb by its shape, not "ter-": "terbesar di dunia" ranks, it does not place a deed."""
    return word.isalpha() and looks_verbal(word) and not word.startswith("ter")


def _is_form_of(word: str, roots: set[str]) -> bool:
    return word in roots or word.startswith(_VERB_PREFIXES) and word.isalpha() and root_of(word) in roots


def _phrase_after(sentence: str, spans: Spans, at: int, question_words: set[str]) -> Candidate | None:
    """The phrase from word `at`, past its openers, up to punctuation or a function word."""
    while at < len(spans) and spans[at][0].lower() in _OPENERS:
        at += 1
    if at == len(spans):
        return None
    rest = sentence[spans[at][1]:]
    words = word_spans(rest)
    size = phrase_end(rest, words, lambda i: i > 0 and words[i][0].lower() in _ENDS, MAX_OBJECT_WORDS)
    return _candidate(sentence, spans, at, at + size, question_words)


def _phrase_before(sentence: str, spans: Spans, stop: int, question_words: set[str]) -> Candidate | None:
    start = stop
    while start > 0 and stop - start < MAX_OBJECT_WORDS and spans[start - 1][0].lower() not in STOP_AFTER \
            and not gap_before(sentence, spans, start):
        start -= 1
    return _candidate(sentence, spans, start, stop, question_words)


def _candidate(sentence: str, spans: Spans, start: int, end: int, question_words: set[str]) -> Candidate | None:
    if end <= start or all(w.lower() in question_words or w.lower() in STOPWORDS for w, _, _ in spans[start:end]):
        return None
    return Candidate(spans[start][1], spans[end - 1][2], sentence[spans[start][1]:spans[end - 1][2]], 1.0)
