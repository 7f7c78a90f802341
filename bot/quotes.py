"""Shortening a quote without ever paraphrasing it: every piece between "…" marks is verbatim."""
from __future__ import annotations

from collections.abc import Sequence

ELLIPSIS = "…"


def trim_quote(quote: str, limit: int, highlights: Sequence[tuple[int, int]] = (),
               keep: tuple[int, int] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """A window of at most `limit` characters of `quote`, marking each cut with "…".

    The window starts at the beginning, or just before the first highlight when that would
    otherwise fall outside; it moves on to hold `keep` (where the sentence gives its answer: "…,
    ujar Taimur Samad" closes a long quotation) when that would fall outside. Every piece between
    the "…" marks is verbatim from `quote`. Returns the trimmed text and the highlights shifted into
    it (those fully inside).
    """
    if len(quote) <= limit:
        return quote, [h for h in highlights if 0 <= h[0] < h[1] <= len(quote)]
    budget = max(limit - 2, 1)  # room for a "…" at each end
    start = 0
    first = min((h[0] for h in highlights), default=0)
    if first + 20 > budget:
        start = _opening(quote, first - budget // 3, first)
    if keep and keep[1] - keep[0] <= budget and not start <= keep[0] < keep[1] <= start + budget:
        start = _opening(quote, min(keep[1] + 20 - budget, keep[0]), keep[0])
    end = min(len(quote), start + budget)
    if end < len(quote):
        space = quote.rfind(" ", start, end)
        if space > start + budget // 2:
            end = space
    piece = quote[start:end].rstrip()
    end = start + len(piece)
    prefix = ELLIPSIS if start > 0 and not quote[:start].rstrip().endswith(ELLIPSIS) else ""
    suffix = ELLIPSIS if end < len(quote) else ""
    shift = len(prefix) - start
    kept = [(a + shift, b + shift) for a, b in highlights if start <= a < b <= end]
    return prefix + piece + suffix, kept


def _opening(quote: str, at: int, before: int) -> int:
    """Where a window starting near `at` opens: just after a space, and not past `before`."""
    start = max(0, at)
    space = quote.find(" ", start)
    return space + 1 if 0 <= space < before else start
