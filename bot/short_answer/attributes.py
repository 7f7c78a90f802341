"""What something is like or does: "Apa fungsi X?" is answered by "X berfungsi sebagai …", "Apa
penyebab X?" by "… disebabkan oleh …" or "… karena …", and any of them by "Fungsi X adalah …"."""
from __future__ import annotations

import re

from bot.short_answer.common import COPULA
from bot.short_answer.definitions import clause_from

# The verb (or adjective) a sentence states each asked attribute (bot.question.ASKED_ATTRIBUTES) with,
# and the linking word it takes.
_STATED_BY = {
    "fungsi": r"(?:berfungsi|difungsikan)(?:\s+sebagai)?",
    "peran": r"berperan(?:\s+sebagai)?",
    "peranan": r"berperan(?:\s+sebagai)?",
    "tugas": r"bertugas",
    "tujuan": r"bertujuan|dengan\s+tujuan|dimaksudkan\s+(?:sebagai|untuk)",
    "manfaat": r"bermanfaat",
    "kegunaan": r"berguna|digunakan",
    "guna": r"berguna|digunakan",
    "isi": r"berisi(?:kan)?",
    "kandungan": r"mengandung",
    "warna": r"(?:ber|dwi|tri)?warna",  # "dicat warna kuning dan hijau", "bendera triwarna biru, kuning, merah"
    "bentuk": r"berbentuk",
    "sifat": r"bersifat",
    "ciri": r"bercirikan|ditandai\s+(?:dengan|oleh)",
    "gejala": r"ditandai\s+(?:dengan|oleh)",
    "akibat": r"mengakibatkan|berakibat(?:\s+pada)?",
    "dampak": r"berdampak(?:\s+(?:pada|terhadap))?|mengakibatkan",
    "pengaruh": r"berpengaruh(?:\s+(?:pada|terhadap))?",
    "pekerjaan": r"bekerja\s+sebagai",
    "motif": r"bermotif(?:kan)?",
}
# A cause is also what follows "karena": "Apa penyebab kecelakaan?" — "… karena faktor kelelahan".
_CAUSES = {"penyebab", "sebab", "alasan", "faktor", "motif", "latar"}
_CAUSE = r"disebabkan\s+(?:oleh|karena)|karena|lantaran|akibat"


def _words(pattern: str) -> re.Pattern:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


# Per attribute, what states it, in the order tried: its verb, then (for a cause) "karena".
_STATING = {asked: [_words(pattern)] for asked, pattern in _STATED_BY.items()}
for _asked in _CAUSES:
    _STATING.setdefault(_asked, []).append(_words(_CAUSE))
# Besides the copula, the words a list of an attribute's parts opens with: "Gejalanya berupa …".
_LISTED = re.compile(rf"{COPULA.pattern}|\b(?:berupa|meliputi|antara lain|di antaranya)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")


# A colour is said in colour words, each with a shade at most: "Helm berwarna kuning tersebut
# diberikan …" is answered "kuning", not the clause; "warna favorit Raisa" names none.
_COLOUR = (r"(?:merah|kuning|hijau|biru|hitam|putih|ungu|jingga|oranye|oranj|cokelat|coklat|abu-abu|abu|"
           r"pink|emas|perak|krem|toska|tosca|nila|marun|magenta|keemasan|keperakan|kemerahan|kebiruan|"
           r"kehijauan|kekuningan|kecokelatan|keunguan|keabuan|kehitaman|keputihan|keabu-abuan)")
_SHADE = r"(?:\s+(?:muda|tua|gelap|terang|cerah|pucat|pekat|metalik|dof|doff|keemasan|keperakan))?"
_COLOURS = re.compile(rf"{_COLOUR}{_SHADE}(?:(?:\s*,\s*|\s*,?\s+dan\s+|\s*-\s*|\s+)(?:{_COLOUR}){_SHADE})*\b",
                      re.IGNORECASE)


def attribute(sentence: str, asked: str) -> str | None:
    """The phrase a sentence gives the asked attribute with: after the copula when the words before
    it name the attribute ("Penyebab utama wabah itu adalah …", "fungsinya ialah …"), else after the
    verb that states it ("berfungsi sebagai …", "disebabkan oleh …")."""
    for match in _LISTED.finditer(sentence):
        before = {w.lower().removesuffix("nya") for w in _WORD.findall(sentence[:match.start()])}
        if asked in before:
            return clause_from(sentence, match.end())
    for pattern in _STATING.get(asked, ()):
        if match := pattern.search(sentence):
            clause = clause_from(sentence, match.end())
            if asked == "warna" and clause:
                colours = _COLOURS.search(clause)
                return colours.group() if colours else None
            return clause
    return None
