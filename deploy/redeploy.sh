#!/usr/bin/env bash
# Add articles and bring a running Tanya bot onto the new index, without a restart.
#
# Usage: deploy/redeploy.sh [ARTICLE_FILE...]
#
#   1. validates every ARTICLE_FILE with the corpus loader (nothing is copied if one is bad),
#   2. copies them into the corpus folder (TANYA_INCOMING subfolder, default: top level),
#   3. indexes incrementally (`tanya index`: only new, changed and removed articles; it takes the
#      index's writer lock, waiting up to $TANYA_WAIT seconds for another writer such as cron),
#   4. tells the bot: `systemctl reload $TANYA_SERVICE` or SIGHUP to the pid in $TANYA_PID_FILE
#      (both optional: the bot also notices the new index generation by itself),
#   5. prints what changed.
# Without arguments it just re-indexes the corpus folder as it is (after you copied files in).
#
# Environment: TANYA_CORPUS (default corpus), TANYA_DB (default tanya.db), TANYA_PYTHON (a python
# with tanya installed; default .venv/bin/python if present, else python3), TANYA_SERVICE,
# TANYA_PID_FILE, TANYA_INCOMING, TANYA_WAIT (default 300).
# Exit code: tanya index's when indexing fails (2 unreadable index, 3 lock wait over, 4 disk full
# or read-only; the previous index keeps answering), 1 for a refused file.
set -euo pipefail

CORPUS="${TANYA_CORPUS:-corpus}"
DB="${TANYA_DB:-tanya.db}"
INCOMING="${TANYA_INCOMING:-}"
if [[ -n "${TANYA_PYTHON:-}" ]]; then
  PY="$TANYA_PYTHON"
elif [[ -x .venv/bin/python ]]; then
  PY=.venv/bin/python
else
  PY=python3
fi

say() { printf '%s\n' "$*"; }
die() { printf 'redeploy: %s\n' "$*" >&2; exit 1; }

[[ -d "$CORPUS" ]] || die "folder korpus tidak ditemukan: $CORPUS"

# 1. validate: each file must yield at least one article (a temporary copy is loaded).
if (($# > 0)); then
  for f in "$@"; do [[ -f "$f" ]] || die "bukan file: $f"; done
  say "== Memeriksa $# file"
  "$PY" - "$@" <<'PY' || die "ada file yang ditolak; korpus tidak diubah"
import pathlib, shutil, sys, tempfile
from index.load import SUPPORTED_SUFFIXES, load_file

bad = 0
for arg in sys.argv[1:]:
    src = pathlib.Path(arg)
    if src.suffix.lower() not in SUPPORTED_SUFFIXES:
        print(f"DITOLAK {src}: akhiran {src.suffix or '(kosong)'} tidak didukung ({', '.join(SUPPORTED_SUFFIXES)})")
        bad += 1
        continue
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(src, pathlib.Path(tmp) / src.name)
        articles, skipped = load_file(pathlib.Path(tmp), src.name)
    for s in skipped:
        print(f"  dilewati: {s.path} — {s.reason}")
    if articles:
        print(f"OK {src}: {len(articles)} artikel")
    else:
        print(f"DITOLAK {src}: tidak ada artikel yang bisa dibaca")
        bad += 1
sys.exit(1 if bad else 0)
PY

  # 2. copy into the corpus (an existing file of the same name is an update).
  dest="$CORPUS${INCOMING:+/$INCOMING}"
  mkdir -p "$dest"
  for f in "$@"; do
    name="$(basename -- "$f")"
    if [[ -e "$dest/$name" ]]; then say "memperbarui $dest/$name"; else say "menambah $dest/$name"; fi
    cp -- "$f" "$dest/.$name.part"
    mv -f -- "$dest/.$name.part" "$dest/$name"   # atomic: the indexer never sees half a file
  done
fi

# 3. index incrementally; the engine of a running bot sees the new generation on its next question.
say "== Mengindeks $CORPUS → $DB"
"$PY" -m bot.cli index --corpus "$CORPUS" --db "$DB" --quiet --wait "${TANYA_WAIT:-300}"

# 4. reload the running bot (optional).
if [[ -n "${TANYA_SERVICE:-}" ]] && command -v systemctl >/dev/null 2>&1; then
  systemctl reload "$TANYA_SERVICE" && say "== Bot dimuat ulang (systemctl reload $TANYA_SERVICE)"
elif [[ -n "${TANYA_PID_FILE:-}" && -s "${TANYA_PID_FILE}" ]]; then
  pid="$(cat -- "$TANYA_PID_FILE")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -HUP "$pid" && say "== Bot dimuat ulang (SIGHUP ke pid $pid)"
  else
    say "== Tidak ada bot yang berjalan dengan pid $pid; tidak ada yang dimuat ulang"
  fi
else
  say "== Bot yang sedang berjalan memakai indeks baru secara otomatis pada pertanyaan berikutnya"
fi
