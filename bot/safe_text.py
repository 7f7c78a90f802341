"""Text that can always be printed, encoded as UTF-8 and sent: no lone surrogates.

Lone surrogates reach us from undecodable command-line bytes (Python's surrogateescape) and from
Telegram's JSON (`"\\ud800"` is legal there); UTF-8 cannot encode them, so printing or sending
them would fail. Each becomes U+FFFD, as undecodable bytes on standard input do.
"""
from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
# Line separators that JSON leaves unescaped but many line readers split on.
_JSON_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def scrub_surrogates(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (unchanged, and fast, when there is none)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def json_line(text: str) -> str:
    """A JSON document (from json.dumps, ensure_ascii=False) safe to emit as one line: U+2028,
    U+2029 and NEL, legal raw inside JSON strings, are escaped (they occur only inside strings)."""
    for raw, escaped in _JSON_LINE_BREAKS.items():
        if raw in text:
            text = text.replace(raw, escaped)
    return text
