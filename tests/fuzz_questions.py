"""Generated hostile questions, shared by the CLI and Telegram fuzz tests.

Each is one line (no line breaks: a line is a question in `tanya ask`), and mixes random Unicode
(unpaired surrogates, control characters, right-to-left marks, combining marks), SQL, FTS and
HTML syntax, very long lines and the question words Tanya reacts to.
"""
from __future__ import annotations

import random

QUESTION_WORDS = ["kapan", "siapa", "di mana", "dimana", "berapa", "apa", "mengapa", "bagaimana", "singkatan dari",
                  "nama", "ke mana", "dari mana", "Putin", "Pyongyang", "Juni 2024", "Kim Jong Un", "?"]
SYNTAX = ["'; DROP TABLE passages; --", "\" OR 1=1 --", "passages MATCH 'NEAR(a b)'", "a* AND NOT b OR (c",
          "<script>alert(1)</script>", "<b><i>x</b></i>", "&amp;&lt;&#0;&#xD800;", "%s %d {0} {}", "\\x00\\n",
          "NEAR/3", "^\"kata\"", "SELECT * FROM meta", "<a href='javascript:x'>", "]]>", "`rm -rf /`"]
SPECIALS = ["\u200f", "\u200e", "\u202e", "\u2066", "\u0301", "\u0300\u0301\u0302", "\ufeff", "\u00a0", "\x00",
            "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\ud800", "\udfff", "\ud83d", "🇮🇩", "👍🏽", "ﷺ",
            "\U0010ffff", "\uffff", "\t", "\x0b", "\x0c"]
LINE_BREAKS = str.maketrans({"\n": " ", "\r": " "})


def _random_char(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return chr(rng.randint(0x20, 0x7e))
    if roll < 0.8:
        return chr(rng.randint(0xa0, 0xd7ff))
    return chr(rng.randint(0xe000, 0x10ffff))


def question(rng: random.Random, n: int) -> str:
    """The n-th generated question; every 500th is 100,000 characters long."""
    parts: list[str] = []
    for _ in range(rng.randint(1, 12)):
        kind = rng.random()
        if kind < 0.3:
            parts.append(rng.choice(QUESTION_WORDS))
        elif kind < 0.5:
            parts.append(rng.choice(SYNTAX))
        elif kind < 0.7:
            parts.append(rng.choice(SPECIALS))
        else:
            parts.append("".join(_random_char(rng) for _ in range(rng.randint(1, 20))))
    text = " ".join(parts)
    if n % 500 == 499:
        text = (text + " ") * (100_000 // (len(text) + 1) + 1)
        text = text[:100_000]
    return text.translate(LINE_BREAKS)


def questions(count: int, seed: int = 10) -> list[str]:
    rng = random.Random(seed)
    return [question(rng, n) for n in range(count)]
