"""One writer at a time: an advisory lock on `<db>.lock`, beside the database.

`fcntl.flock` is released by the kernel when its holder exits, however it exits (`kill -9`
included), so a stale lock never needs cleaning up. The holder's pid is written into the file
only so a waiting writer can say whom it waits for. The lock is re-entrant within a process, so a
command that holds it (a future `tanya add`) may call `build_index`, which takes it again.
"""
from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

DEFAULT_WAIT = 300.0  # seconds a second writer waits for the first
POLL = 0.1

WaitCallback = Callable[[int | None], None]  # called once, with the holder's pid, when we must wait

_held: dict[str, tuple[int, int]] = {}  # lock path → (thread id, depth)
_held_guard = threading.Lock()


class LockTimeout(RuntimeError):
    """Another writer held the lock for longer than we were willing to wait."""

    def __init__(self, lock_path: Path, waited: float, holder: int | None) -> None:
        self.lock_path, self.waited, self.holder = lock_path, waited, holder
        who = f"proses {holder}" if holder else "proses lain"
        super().__init__(
            f"indeks sedang diperbarui oleh {who} (kunci {lock_path}); sudah menunggu {waited:.0f} detik. "
            "Coba lagi nanti, atau beri --wait lebih lama"
        )


def lock_path_for(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def holder_pid(lock_path: Path) -> int | None:
    try:
        text = lock_path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


@contextmanager
def writer_lock(db_path: Path | str, wait: float = DEFAULT_WAIT, on_wait: WaitCallback | None = None) -> Iterator[Path]:
    """Hold the index's writer lock for the block; wait up to `wait` seconds for another holder.

    Raises LockTimeout past the wait, and OSError when the lock file cannot be created (a
    read-only folder, say).
    """
    lock_path = lock_path_for(db_path)
    key = str(lock_path.resolve())
    me = threading.get_ident()
    with _held_guard:
        owner = _held.get(key)
        if owner and owner[0] == me:
            _held[key] = (me, owner[1] + 1)
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield lock_path
        finally:
            with _held_guard:
                _held[key] = (me, _held[key][1] - 1)
                if _held[key][1] == 0:
                    del _held[key]
        return

    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        _acquire(fd, lock_path, wait, on_wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        with _held_guard:
            _held[key] = (me, 1)
        try:
            yield lock_path
        finally:
            with _held_guard:
                _held.pop(key, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, lock_path: Path, wait: float, on_wait: WaitCallback | None) -> None:
    started = time.monotonic()
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        waited = time.monotonic() - started
        if waited >= wait:
            raise LockTimeout(lock_path, waited, holder_pid(lock_path))
        if not told:
            told = True
            if on_wait is not None:
                on_wait(holder_pid(lock_path))
        time.sleep(min(POLL, max(wait - waited, 0.0)))
