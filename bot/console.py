"""Terminal rendering of answers: the answer first, then each quote with its source under it."""
from __future__ import annotations

import re
import textwrap

import click

from bot.answer import Answer, ArticleInfo, CorpusSummary, Quote

NOT_IN_CORPUS = "Maaf, korpus tidak memuat jawaban untuk pertanyaan itu."


def render_answer(answer: Answer, width: int = 88) -> str:
    if answer.abstained:
        return click.style(NOT_IN_CORPUS, fg="yellow")
    lines = []
    if answer.answer:
        lines.append(click.style("Jawaban: ", bold=True) + click.style(answer.answer, fg="green", bold=True))
    elif answer.passages:
        lines.append(click.style("Kutipan yang paling relevan:", bold=True))
    for number, quote in enumerate(answer.passages, 1):
        lines.append("")
        lines.append(_render_quote(quote, number, width))
    return "\n".join(lines)


def _render_quote(quote: Quote, number: int, width: int) -> str:
    wrapped = textwrap.fill(f"“{quote.quote}”", width=width, initial_indent=f"{number}. ",
                            subsequent_indent="   ", break_long_words=False, break_on_hyphens=False)
    return _highlight(wrapped, {quote.quote[s:e] for s, e in quote.highlights}) + "\n   " + click.style(
        "— " + source_line(quote), dim=True)


def _highlight(text: str, words: set[str]) -> str:
    """Query terms stand out; wrapping never splits a word, so whole words are found again."""
    if not words:
        return text
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: click.style(m.group(), fg="cyan", bold=True), text)


def source_line(item: Quote | ArticleInfo) -> str:
    """Publisher, title, date, and where to find the article."""
    parts = [item.source or "(penerbit tidak disebut)"]
    if item.title:
        parts.append(f"“{item.title}”")
    parts.append(item.date or "(tanggal tidak disebut)")
    parts.append(item.url or item.path)
    return ", ".join(parts)


def render_sources(infos: list[ArticleInfo], summary: CorpusSummary) -> str:
    lines = [f"{summary.articles} artikel, {summary.passages} passage"
             + (f", {summary.first_date} s.d. {summary.last_date}" if summary.first_date else "")]
    for info in infos:
        lines.append(f"- {source_line(info)}")
    return "\n".join(lines)


CONSOLE_HELP = """Ketik pertanyaan dalam bahasa Indonesia, misalnya:
  kapan Putin ke Pyongyang?
  siapa menteri pertahanan Rusia yang ke Pyongyang?
Perintah: /sumber (daftar artikel), /baru (lupakan konteks percakapan), /bantuan, /keluar"""
