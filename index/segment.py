"""Sentences and passages: the retrieval units cut from an article's cleaned blocks.

Every passage is one verbatim slice of the article text (whitespace aside), so any quote we show
can be found again in the original.
"""
from __future__ import annotations

import re

from index.article import Block, Passage
from index.clean import credit_start, dateline_length

MAX_PASSAGE_CHARS = 1200  # longer paragraphs are cut at sentence boundaries

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WS_RE = re.compile(r"\s+")  # in str patterns \s covers NBSP, thin spaces, ideographic space …

# A possible sentence end: terminal punctuation, then closing quotes/brackets (and "***" trailers),
# then whitespace or the end of the text.
_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]*]*(?=\s|$)")
_TOKEN_BEFORE_RE = re.compile(r"(\S+)$")
# An editor's or agency's tag closing a paragraph ("… dari Rusia. [ab/uh]", "(Antara)", "(end)"): no
# sentence of its own, so never a quote.
_EDITOR_TAG_RE = re.compile(r"[\[(][^\s\[\]()]{1,20}[\])]")
_INITIALS_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # "S.H", "a.n", "M.Si" handled below

# Titles and short forms that are followed by more of the same sentence; a period after them
# never ends a sentence. (dll./dsb./dst. are not here: before a capital they usually do end one.)
_NO_SPLIT_ABBREVIATIONS = frozenset(
    """
    dr drs dra prof ir h hj kh st sdr sdri bpk bp ibu ny nn tn mr mrs ms mt ust
    jl jln no nos nomor hlm hal tel telp fax rp kab kec kel kota prov ds gg rt rw
    kol jend brigjen mayjen letjen laksda laksdya marsda marsdya kapt lettu letda serka
    ipda iptu aiptu aipda akp kompol akbp kombes brigpol bripka irjen komjen
    m.si m.sc m.pd m.kom m.hum m.m m.h s.h s.e s.pd s.kom s.sos s.ip s.t s.ag s.psi
    a.n u.p a.k.a vs tgl yth bag vol art pasal ayat dkk sen gov inc ltd co corp
    """.split()
)
_OPENERS = "\"'“‘«([("


def normalise_whitespace(s: str) -> str:
    """One space between words: what a quote looks like once layout is ignored."""
    return _WS_RE.sub(" ", _ZERO_WIDTH_RE.sub("", s)).strip()


def _is_boundary(text: str, punct_start: int, punct: str, next_pos: int) -> bool:
    """Decide whether the terminal punctuation at `punct_start` really ends a sentence."""
    if next_pos >= len(text):
        return True
    nxt = text[next_pos]
    if nxt.islower():
        return False  # "… ?” tanya dia", "dll. yang", "Rp. 1,5 ..." continue the sentence
    if punct != ".":
        return True  # "!", "?", "…", "..." followed by a capital
    match = _TOKEN_BEFORE_RE.search(text, 0, punct_start)
    if not match:
        return True
    token = match.group(1).lstrip(_OPENERS)
    lowered = token.lower()
    if lowered in _NO_SPLIT_ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "J. Kirby"
    if _INITIALS_RE.match(token):
        return False  # "S.H.", "a.n.", "A.S."
    if nxt.isdigit() and lowered in ("no", "nomor", "hal", "hlm"):
        return False
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text`, aware of Indonesian abbreviations and numbers."""
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _END_RE.finditer(text):
        end = match.end()
        punct = match.group().rstrip("\"'”’»)]*")
        if match.start() < start:
            continue
        if not _is_boundary(text, match.start(), punct, _skip_space(text, end)):
            continue
        if end > start:
            spans.append((start, end))
        start = _skip_space(text, end)
    tail_end = len(text.rstrip())
    if start < tail_end and not (spans and _EDITOR_TAG_RE.fullmatch(text, start, tail_end)):
        spans.append((start, tail_end))
    return spans


def _skip_space(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and (text[pos].isspace() or _ZERO_WIDTH_RE.match(text, pos)):
        pos += 1
    return pos


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a long paragraph at sentence ends so no passage grows much beyond MAX_PASSAGE_CHARS."""
    if end - start <= MAX_PASSAGE_CHARS:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    cur_start = cur_end = None
    for s, e in split_sentences(text[start:end]):
        s, e = s + start, e + start
        if cur_start is None:
            cur_start, cur_end = s, e
        elif e - cur_start > MAX_PASSAGE_CHARS:
            out.append((cur_start, cur_end))
            cur_start, cur_end = s, e
        else:
            cur_end = e
    if cur_start is not None:
        out.append((cur_start, cur_end))
    return out or [(start, end)]


# Between a heading and its paragraph: nothing, or the list mark of an FAQ's answer ("- Apa …?\n- Dalam …").
_JOINING_RE = re.compile(r"\s*(?:[-*•●▪◦]|\d{1,2}[.)])?\s*")


def _joins(text: str, a: int, b: int) -> bool:
    return bool(_JOINING_RE.fullmatch(text, a, b))


def _passage(text: str, start: int, end: int, kind: str, heading: str | None,
             body_start: int | None = None) -> Passage:
    """`body_start` set: the passage opens with its heading, which is its own "sentence" (it has no
    final punctuation to end it), and the paragraph's sentences follow from there."""
    body = normalise_whitespace(text[start:end])
    if body_start is not None and heading:
        offset = len(body) - len(normalise_whitespace(text[body_start:end]))
        rest = split_sentences(body[offset:])
        sentences = [(0, len(heading))] + [(s + offset, e + offset) for s, e in rest]
    else:
        sentences = split_sentences(body)
    cut = credit_start(body) if kind == "caption" else None
    if cut:
        stop = len(body[:cut].rstrip())
        sentences = [(s, min(e, stop)) for s, e in sentences if s < stop]
    return Passage(text=body, start=start, end=end, kind=kind, sentences=sentences, heading=heading)


def make_passages(text: str, blocks: list[Block]) -> list[Passage]:
    """Paragraphs (with the heading just above them) and captions → passages, in text order."""
    passages = _passages(text, blocks)
    opening = next((p for p in passages if p.kind == "paragraph"), None)
    if opening and opening.sentences:
        # The dateline that opens the text ("Jakarta, CNN Indonesia - - ", "PR DEPOK - "), after any
        # photo caption, says where and by whom the story was filed: no sentence holds it, so it is
        # never quoted nor read as an answer. Its words stay in the passage's terms (`sentence_terms_of`):
        # dropped from them, held-out archive questions lost right short answers.
        start, end = opening.sentences[0]
        opening.sentences[0] = (start + dateline_length(opening.text[start:end]), end)
    return passages


def _passages(text: str, blocks: list[Block]) -> list[Passage]:
    passages: list[Passage] = []
    heading: Block | None = None
    for block in blocks:
        if block.kind == "heading":
            heading = block
            continue
        if block.kind == "caption":
            passages.append(_passage(text, block.start, block.end, "caption", None))
            continue
        heading_text = normalise_whitespace(heading.text) if heading else None
        joined = heading is not None and _joins(text, heading.end, block.start)
        for i, (s, e) in enumerate(_chunks(text, block.start, block.end)):
            if joined and i == 0:
                passages.append(_passage(text, heading.start, e, "paragraph", heading_text, body_start=s))
            else:
                passages.append(_passage(text, s, e, "paragraph", heading_text))
        heading = None
    return passages
