"""The `tanya` command line: index the corpus, ask questions, run the console or the Telegram bot."""
from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import click

DEFAULT_CORPUS = "corpus"
DEFAULT_DB = "tanya.db"


def _db_option(function):
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=lambda: os.environ.get("TANYA_DB", DEFAULT_DB),
        show_default=f"$TANYA_DB or {DEFAULT_DB}",
        help="The index database.",
    )(function)


def _corpus_option(function):
    return click.option(
        "--corpus",
        "corpus_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=lambda: os.environ.get("TANYA_CORPUS", DEFAULT_CORPUS),
        show_default=f"$TANYA_CORPUS or {DEFAULT_CORPUS}",
        help="The folder of articles.",
    )(function)


# Exit codes (the README's "When things go wrong" lists them for operators).
EXIT_INDEX_UNAVAILABLE = 2  # the index is missing, damaged, foreign or from a newer Tanya
EXIT_LOCKED = 3  # another writer held the index for longer than --wait
EXIT_WRITE_FAILED = 4  # disk full or read-only folder; the previous index still answers


class Failure(click.ClickException):
    """One Indonesian line on stderr and a meaningful exit code; never a traceback."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(" ".join(message.split()))
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"tanya: {self.message}", file=file or sys.stderr)


def _index_errors(function):
    """Readers of the index: an unreadable index ends the command with one line and exit code 2."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from index.health import IndexUnavailable

        try:
            return function(*args, **kwargs)
        except IndexUnavailable as error:
            raise Failure(str(error), EXIT_INDEX_UNAVAILABLE) from None

    return wrapper


@click.group()
@click.version_option(package_name="tanya")
def main() -> None:
    """Tanya: answers questions about a corpus of Indonesian news, with quoted, attributed sources."""


@main.command("index")
@_corpus_option
@_db_option
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--wait", "wait_seconds", type=click.FloatRange(min=0), default=300, show_default=True,
              metavar="SECONDS", help="How long to wait for another writer of the same index.")
def index_command(corpus_dir: Path, db_path: Path, quiet: bool, wait_seconds: float) -> None:
    """Index new, changed and removed articles (does nothing on an unchanged corpus)."""
    from index.build import IndexWriteError, build_index
    from index.health import IndexTooNew
    from index.lock import LockTimeout

    _require_corpus(corpus_dir)
    show = not quiet and sys.stderr.isatty()

    def waiting(holder: int | None) -> None:
        who = f"proses {holder}" if holder else "proses lain"
        click.echo(f"tanya: indeks {db_path} sedang diperbarui oleh {who}; menunggu (paling lama "
                   f"{wait_seconds:.0f} detik) …", err=True)

    with click.progressbar(length=1000, label="Mengindeks", file=sys.stderr) if show else _NoBar() as bar:
        done = [0.0]

        def progress(fraction: float) -> None:
            done[0] += fraction * 1000
            step = int(done[0]) - bar.pos
            if step > 0:
                bar.update(step)

        try:
            summary = build_index(corpus_dir, db_path, progress=progress, wait=wait_seconds, on_wait=waiting)
        except LockTimeout as error:
            raise Failure(str(error), EXIT_LOCKED) from None
        except IndexTooNew as error:
            raise Failure(str(error), EXIT_INDEX_UNAVAILABLE) from None
        except IndexWriteError as error:
            raise Failure(str(error), EXIT_WRITE_FAILED) from None
    click.echo(summary.format())


class _NoBar:
    pos = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, step: int) -> None:
        self.pos += step


def _fetcher():
    from index.fetch import Fetcher, FetchSettings

    try:
        return Fetcher(FetchSettings.from_env())
    except ValueError as error:
        raise click.ClickException(str(error)) from None


def _require_corpus(corpus_dir: Path) -> None:
    if not corpus_dir.is_dir():
        raise click.ClickException(f"folder korpus tidak ditemukan: {corpus_dir}")


@main.command("add")
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@_corpus_option
@_db_option
def add_command(urls: tuple[str, ...], corpus_dir: Path, db_path: Path) -> None:
    """Add articles by link: fetch, save, index.

    Each page is saved as corpus/web/<site>/<slug>.md, then the corpus is indexed once. Exit code 1
    when a link failed (the others are still added). Limits: TANYA_FETCH_TIMEOUT (20 s),
    TANYA_FETCH_MAX_BYTES (5 MB), TANYA_FETCH_MAX_REDIRECTS (5), TANYA_FETCH_DELAY (1 s per site);
    TANYA_FETCH_ALLOW_PRIVATE=1 allows loopback and private addresses."""
    from index.links import add_links

    _require_corpus(corpus_dir)
    report = add_links(urls, corpus_dir, db_path, _fetcher())
    click.echo(report.format())
    if report.failed:
        sys.exit(1)


@main.group("feeds")
def feeds_group() -> None:
    """Follow RSS/Atom feeds and sitemaps; `poll` adds their new entries.

    The list is kept in <corpus>/.feeds.json. Fetching limits as for `tanya add`."""


@feeds_group.command("add")
@click.argument("url")
@_corpus_option
@_db_option
@click.option("--only-new", is_flag=True,
              help="Count the entries listed now as seen: only later ones are added (a sitemap's archive is skipped).")
def feeds_add_command(url: str, corpus_dir: Path, db_path: Path, only_new: bool) -> None:
    """Follow the feed or sitemap at URL (it is read once to check it)."""
    from index.feeds import FeedError, add_feed
    from index.fetch import FetchError

    _require_corpus(corpus_dir)
    try:
        feed, new = add_feed(corpus_dir, url, _fetcher(), only_new)
    except (FetchError, FeedError) as error:
        raise click.ClickException(f"feed tidak ditambahkan: {getattr(error, 'reason', error)}") from None
    if not new:
        click.echo(f"Feed sudah diikuti: {feed.url}")
        return
    title = f" “{feed.title}”" if feed.title else ""
    click.echo(f"Feed diikuti: {feed.url} ({feed.kind}{title}, {feed.last_result}). "
               "Artikelnya ditambahkan oleh `tanya feeds poll`.")


@feeds_group.command("list")
@_corpus_option
@_db_option
def feeds_list_command(corpus_dir: Path, db_path: Path) -> None:
    """The followed feeds, with the last poll and its result."""
    from index.feeds import list_feeds

    _require_corpus(corpus_dir)
    feeds = list_feeds(corpus_dir)
    if not feeds:
        click.echo("Belum ada feed yang diikuti. Tambahkan dengan: tanya feeds add URL")
    for feed in feeds:
        title = f" “{feed.title}”" if feed.title else ""
        click.echo(f"{feed.url} ({feed.kind or '?'}{title})\n"
                   f"  terakhir diperiksa: {feed.last_poll or 'belum pernah'}; {feed.last_result or '-'}; "
                   f"entri tercatat: {len(feed.seen)}")


@feeds_group.command("remove")
@click.argument("url")
@_corpus_option
@_db_option
def feeds_remove_command(url: str, corpus_dir: Path, db_path: Path) -> None:
    """Stop following URL (articles already added stay in the corpus)."""
    from index.feeds import remove_feed

    _require_corpus(corpus_dir)
    if not remove_feed(corpus_dir, url):
        raise click.ClickException(f"feed tidak diikuti: {url}")
    click.echo(f"Feed tidak diikuti lagi: {url}")


@feeds_group.command("poll")
@_corpus_option
@_db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="At most this many new articles per poll, over all feeds (the rest wait).")
def feeds_poll_command(corpus_dir: Path, db_path: Path, limit: int) -> None:
    """Add the new entries of every followed feed, then index once.

    What deploy/tanya-feeds.timer runs. Exit code 1 when a feed or an entry failed."""
    from index.feeds import poll

    _require_corpus(corpus_dir)
    report = poll(corpus_dir, db_path, _fetcher(), limit)
    click.echo(report.format())
    if report.failed:
        sys.exit(1)


def _engine(db_path: Path):
    from bot.engine import Engine

    return Engine(db_path)  # IndexUnavailable: handled by _index_errors


@main.command("ask")
@click.argument("question", required=False)
@_db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per question (stable contract).")
@_index_errors
def ask_command(question: str | None, db_path: Path, as_json: bool) -> None:
    """Answer QUESTION, or each line of standard input when QUESTION is omitted."""
    from bot.console import render_answer
    from bot.safe_text import json_line, scrub_surrogates

    engine = _engine(db_path)
    if question is None:  # undecodable bytes on stdin become U+FFFD: one question per line, always
        sys.stdin.reconfigure(errors="replace")
    questions = [scrub_surrogates(question)] if question is not None else (line.rstrip("\n") for line in sys.stdin)
    for text in questions:
        answer = engine.ask(text)
        if as_json:
            click.echo(json_line(json.dumps(answer.to_json(), ensure_ascii=False)))
            sys.stdout.flush()
        else:
            click.echo(render_answer(answer))
            if question is None:
                click.echo()


@main.command("console")
@_db_option
@_index_errors
def console_command(db_path: Path) -> None:
    """An interactive session: ask, follow up, list sources."""
    from bot.console import CONSOLE_HELP, render_answer, render_sources

    engine = _engine(db_path)
    _enable_history()
    click.echo(CONSOLE_HELP)
    previous = None
    while True:
        try:
            line = input("\ntanya> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo()
            break
        command = line.lower()
        if not line:
            continue
        if command in ("/keluar", "/quit", "/exit", "keluar", "quit", "exit"):
            break
        if command in ("/bantuan", "/help", "bantuan", "help"):
            click.echo(CONSOLE_HELP)
        elif command in ("/sumber", "/sources", "sumber", "sources"):
            click.echo(render_sources(engine.sources(), engine.summary()))
        elif command in ("/baru", "/reset", "baru"):
            previous = None
            click.echo("Konteks percakapan dihapus.")
        else:
            answer = engine.ask(line, previous)
            previous = answer.turn
            click.echo(render_answer(answer))


def _enable_history() -> None:
    try:
        import atexit
        import readline
    except ImportError:
        return
    history = Path.home() / ".tanya_history"
    try:
        readline.read_history_file(history)
    except OSError:
        pass
    atexit.register(lambda: _save_history(readline, history))


def _save_history(readline, history: Path) -> None:
    try:
        readline.write_history_file(history)
    except OSError:
        pass


@main.command("sources")
@_db_option
@_index_errors
def sources_command(db_path: Path) -> None:
    """List the indexed articles with publisher and date."""
    from bot.console import render_sources

    engine = _engine(db_path)
    click.echo(render_sources(engine.sources(), engine.summary()))


@main.command("eval")
@click.argument("questions_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_db_option
@click.option("--failures", is_flag=True, help="List the questions that missed.")
@_index_errors
def eval_command(questions_file: Path, db_path: Path, failures: bool) -> None:
    """Score a question set: hit@1, hit@3, answer accuracy, abstention."""
    from bench.datasets import hand_written_items
    from bench.evaluate import format_report, parse_devset, score
    from bench.quality import answer_items

    engine = _engine(db_path)
    try:
        items = parse_devset(questions_file.read_text(encoding="utf-8"))
    except ValueError as error:
        raise click.ClickException(f"{questions_file}: {error}") from None
    asked = answer_items(hand_written_items(enumerate(items, start=1), "eval"), engine, internal=False)
    report = score(items, [result.answer for result in asked])
    click.echo(format_report(report))
    if failures:
        for failure in report.failures:
            click.echo(json.dumps(failure, ensure_ascii=False))


@main.command("telegram")
@_db_option
@_corpus_option
@click.option("--webhook", "webhook_url", envvar="TANYA_WEBHOOK_URL", default=None, metavar="URL",
              help="Serve webhooks at this public URL instead of long polling.")
@click.option("--listen", envvar="TANYA_WEBHOOK_LISTEN", default="127.0.0.1", show_default=True,
              help="Webhook listen address.")
@click.option("--port", envvar="TANYA_WEBHOOK_PORT", type=int, default=8443, show_default=True,
              help="Webhook listen port.")
@click.option("--secret-token", envvar="TELEGRAM_WEBHOOK_SECRET", default=None,
              help="Webhook secret (random if omitted).")
@_index_errors
def telegram_command(db_path: Path, corpus_dir: Path, webhook_url: str | None, listen: str, port: int,
                     secret_token: str | None) -> None:
    """Run the Telegram bot (token from TELEGRAM_BOT_TOKEN or .env; TELEGRAM_API_BASE_URL for a
    self-hosted Bot API server)."""
    from bot.telegram_app import run_telegram

    sys.exit(run_telegram(db_path, corpus_dir, webhook_url, listen, port, secret_token))


@main.command("bench", context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def bench_command(args: tuple[str, ...]) -> None:
    """Archive-scale benchmark against rank-bm25 (options: see `tanya bench --help`)."""
    from bench.benchmark import main as benchmark_main

    sys.exit(benchmark_main(list(args)))


@main.command("train")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default="bench-data/quality",
              show_default=True, help="Where each set's index is built (shared with `tanya quality`).")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared folder with datasets/ (default: ../shared or $TANYA_SHARED).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the models (default: the package's bot/data/models).")
def train_command(work: Path, shared: Path | None, out: Path | None) -> None:
    """Fit the answer engine's models on the train splits; thresholds chosen on dev (seeded, reproducible)."""
    from bench.datasets import SetMissing
    from bench.train import run
    from bot.models import MODEL_DIR

    again = ["train", "--work", str(work), "--out", str(out or MODEL_DIR)]
    _rerun_hash_seeded(again + (["--shared", str(shared)] if shared else []))
    try:
        run(work, shared, out or MODEL_DIR, log=lambda line: click.echo(line, err=True))
    except SetMissing as missing:
        raise click.ClickException(f"data latih tidak ditemukan: {missing}") from None


def _write_jsonl(path: Path, records: Iterable[dict]) -> None:
    """A failures file: one JSON object per line, as `tanya quality` and `tanya crossval` write it."""
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _rerun_hash_seeded(arguments: list[str]) -> None:
    """Fitting is seeded, but set order also follows Python's string hashing, which is fixed only when
    a process starts: run the command again in one that fixes it, unless this is that one."""
    from bench.train import HASH_SEED

    if os.environ.get("PYTHONHASHSEED") != HASH_SEED:
        raise SystemExit(subprocess.call([sys.executable, "-m", "bot.cli", *arguments],
                                         env={**os.environ, "PYTHONHASHSEED": HASH_SEED}))


@main.command("crossval")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default="bench-data/quality",
              show_default=True, help="Where each set's index is built (shared with `tanya quality`).")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared folder with datasets/ (default: ../shared or $TANYA_SHARED).")
@click.option("--folds", type=click.IntRange(min=2), default=4, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Questions drawn per train split (default: as many as `tanya train` draws).")
@click.option("--failures", "failures_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write every held-out question that went wrong as JSONL, for error analysis.")
def crossval_command(work: Path, shared: Path | None, folds: int, limit: int | None,
                     failures_file: Path | None) -> None:
    """Held-out figures on the train splits: each fold answered by models fitted on the others, as
    the user sees it. Judge a change here before looking at dev."""
    from bench.crossval import format_table, run
    from bench.datasets import SetMissing
    from bench.train import TRAIN_PER_SET

    again = ["crossval", "--work", str(work), "--folds", str(folds)]
    again += (["--shared", str(shared)] if shared else []) + (["--limit", str(limit)] if limit else [])
    again += ["--failures", str(failures_file)] if failures_file else []
    _rerun_hash_seeded(again)
    failures: list[dict] = []
    try:
        figures = run(work, shared, folds, limit or TRAIN_PER_SET, log=lambda line: click.echo(line, err=True),
                      failures=failures if failures_file else None)
    except SetMissing as missing:
        raise click.ClickException(f"data latih tidak ditemukan: {missing}") from None
    if failures_file:
        _write_jsonl(failures_file, failures)
    click.echo(format_table(figures))


@main.command("quality")
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="dev", show_default=True,
              help="Report on test only; tune on train and dev.")
@click.option("--sets", "sets", default=None, metavar="A,B",
              help="Sets to run: devset, archive, facqa, idk_mrc, tydiqa (default: all present).")
@click.option("--limit", type=int, default=None, help="Only the first N questions of each set.")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default="bench-data/quality",
              show_default=True, help="Where each set's corpus and index are kept (reused while unchanged).")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared folder holding datasets/ (default: $TANYA_SHARED or ../shared beside the repo).")
@click.option("--json", "as_json", is_flag=True, help="The figures as one JSON object.")
@click.option("--failures", "failures_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write every question that went wrong as JSONL, for error analysis.")
def quality_command(split: str, sets: str | None, limit: int | None, work: Path, shared: Path | None,
                    as_json: bool, failures_file: Path | None) -> None:
    """Answer quality on every question set, open corpus, as the user sees it, beside rank-bm25."""
    from bench.quality import format_table, parse_sets, run_quality, stderr_log, to_json

    try:
        names = parse_sets(sets)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    reports, skipped = run_quality(names, split, work, shared, limit, log=stderr_log)
    if failures_file is not None:
        _write_jsonl(failures_file, (failure for report in reports for failure in report.failures))
    if as_json:
        click.echo(json.dumps(to_json(reports, skipped, split), ensure_ascii=False, indent=1))
    else:
        click.echo(format_table(reports, skipped, split))


@main.command("facqa", hidden=True)
@click.option("--split", type=click.Choice(["train", "valid", "test"]), default="test", show_default=True)
@click.option("--limit", type=int, default=None)
@click.pass_context
def facqa_command(ctx: click.Context, split: str, limit: int | None) -> None:
    """Deprecated: `tanya quality --sets facqa`."""
    click.echo("`tanya facqa` sudah diganti / is replaced by `tanya quality --sets facqa`.", err=True)
    ctx.invoke(quality_command, split={"valid": "dev"}.get(split, split), sets="facqa", limit=limit,
               work=Path("bench-data/quality"), shared=None, as_json=False, failures_file=None)


if __name__ == "__main__":
    main()
