"""A news story names an organisation in full once, with its short form in brackets ("Cancer
Buster Community (CBC)"), and by the short form after that ("CBC berdiri pada 24 Mei 2006"). A
sentence that says the short form says the full name too, and the reverse: a question may use
either, and the sentence that answers it the other. Pure logic; the builder stores each sentence's
terms with the forms its article defines, so answering reads them as it reads any other term."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.store import SAID

# "Full Name (ABBR)": the short form is one capitalised token of 2-10 letters or digits, upper case
# but for its inner letters ("Korut", "Kemendagri"), directly after the name's last word.
_DEFINED = re.compile(r"\(\s*([A-Z][A-Za-z0-9&-]{1,9})\s*\)")
_WORD = re.compile(r"[\w'’&.-]+")
_CONNECTORS = {"dan", "dari", "untuk", "di", "&", "-", "atas", "bagi", "pada", "the", "of", "and", "for"}
MAX_NAME_WORDS = 8


def defined_names(text: str) -> list[tuple[str, str]]:
    """Each (full name, short form) the text defines. The name starts at a capitalised word opening
    with the short form's first letter. A short form in capitals is spelt by the initials of the
    name's words: of the starts, the one whose initials hold most of its capitals in order (all but
    one, two at least), the shortest on a tie ("Ketua Komisi Pemberantasan Korupsi (KPK)" defines
    "Komisi Pemberantasan Korupsi"). One with a single capital ("Korut", "Jokowi", "Kemendagri") is
    spelt by the name's letters in order, from its first word to its last, so a caption's "(Kanan)"
    after "Kwang Chol" defines nothing."""
    found = []
    for match in _DEFINED.finditer(text):
        short = match.group(1)
        words = _name_tail([(m.group(), m.start()) for m in _WORD.finditer(text[:match.start()])][-MAX_NAME_WORDS:])
        capitals = [c for c in short if c.isupper()]
        starts = [i for i, (word, _) in enumerate(words) if word[0] == short[0]]
        if len(capitals) >= 2:
            held = {i: _initials_held(capitals, _initials(words[i:])) for i in starts}
            enough = max(2, len(capitals) - 1)
            starts = [i for i in starts if held[i] >= enough and held[i] == max(held.values())]
        else:
            starts = [i for i in starts if _spelt_by(short.lower(), [w.lower() for w, _ in words[i:]])]
        if not starts:
            continue
        first = words[starts[-1]]
        name = text[first[1]:words[-1][1] + len(words[-1][0])]
        if name.replace(" ", "") != short:
            found.append((name, short))
    return found


def _spelt_by(short: str, words: list[str]) -> bool:
    """Whether `short` opens as the first word does, then takes the rest of its letters in order
    from the name, the last of them from the last word: "korut" from "korea utara"."""
    if len(words) < 2 or not words[0].startswith(short[0]):
        return False
    letters = "".join(words)
    at = 0
    for letter in short:
        at = letters.find(letter, at) + 1
        if not at:
            return False
    return at > len(letters) - len(words[-1])


def _name_tail(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The run of capitalised words (connectors within) that ends just before the bracket."""
    start = len(words)
    while start > 0 and (words[start - 1][0][:1].isupper() or words[start - 1][0].lower() in _CONNECTORS):
        start -= 1
    while start < len(words) and not words[start][0][:1].isupper():
        start += 1  # a name opens with a capital, never with a connector
    return words[start:]


def _initials(words: list[tuple[str, int]]) -> list[str]:
    """The capitals opening the name's words and their hyphenated parts ("Mercedes-Benz": M, B)."""
    return [part[0] for word, _ in words for part in word.split("-") if part[:1].isupper()]


def _initials_held(capitals: list[str], initials: list[str]) -> int:
    """How many of the short form's capitals the initials spell in order (their longest common
    subsequence: "Mercedes-Benz Distribusi Indonesia" holds all four of MBDI)."""
    row = [0] * (len(initials) + 1)
    for capital in capitals:
        previous = 0
        for j, initial in enumerate(initials):
            previous, row[j + 1] = row[j + 1], previous + 1 if capital == initial else max(row[j + 1], row[j])
    return row[-1]


def name_pairs(texts: list[str], terms_of: Callable[[str], list[str]]) -> list[tuple[list[str], list[str]]]:
    """The (full name, short form) pairs the texts define, as terms."""
    pairs = []
    for text in texts:
        for name, short in defined_names(text):
            full, abbreviated = list(dict.fromkeys(terms_of(name))), list(dict.fromkeys(terms_of(short)))
            if full and abbreviated and not set(abbreviated) <= set(full) and (full, abbreviated) not in pairs:
                pairs.append((full, abbreviated))
    return pairs


def with_defined_names(sentence_terms: list[list[list[str]]],
                       pairs: list[tuple[list[str], list[str]]]) -> list[list[list[str]]]:
    """Per passage and sentence, its terms plus those of the other form of every name the article
    defines, where the sentence says one form whole and not the other."""
    if not pairs:
        return sentence_terms
    return [[_with_other_forms(terms, pairs) for terms in passage] for passage in sentence_terms]


def with_short_forms(terms: list[str], forms: dict[str, tuple[str, ...]]) -> list[str]:
    """A sentence's terms with each short form the question asks by (`forms`: short → full name's
    terms, as the corpus's stories define it) where the sentence says the full name and not the short
    one: "setnov" asked, "Setya Novanto" written, by a story that never defines it."""
    out, held = list(terms), set(terms)
    for short, full in forms.items():
        if short not in held and held.issuperset(full):
            _put_beside(out, full, [short])
            held.add(short)
    return out


def _with_other_forms(terms: list[str], pairs: list[tuple[list[str], list[str]]]) -> list[str]:
    out, held = list(terms), set(terms)
    for full, abbreviated in pairs:
        said, other = (abbreviated, full) if held.issuperset(abbreviated) else (full, abbreviated)
        missing = [t for t in other if t not in held]
        if not held.issuperset(said) or not missing:
            continue
        _put_beside(out, said, [SAID + t for t in missing])  # stored marked: BM25 counts the words written
        held.update(missing)
    return out


def _put_beside(terms: list[str], said: Sequence[str], added: list[str]) -> None:
    """The other form's terms go just after the form the sentence says, where a reader meets them,
    so the distance between the question's words in the sentence stays what it reads."""
    at = max(i for i, t in enumerate(terms) if t.removeprefix(SAID) in said) + 1
    terms[at:at] = added
