"""Benchmarks of the interface in a pseudo-terminal, on a copy of the
register (the benchmark never changes its database):
  - start to the first full screen, against the bare ncursesw floor (a
    program that only initialises ncursesw and fills the screen);
  - arrow Down on the case list, waiting for the next case's number to be
    drawn (scrolling past the screen fetches the next rows);
  - a letter typed in the search field, waiting for that letter (Cyrillic:
    never part of an escape sequence) to be drawn.
Prints one result line a figure: R, figure, N, median ms, max ms, anchor ms,
goal, ok or MISS (see summary.py).

usage: tui.py BITIM DB FLOOR N"""
import os
import select
import shutil
import sqlite3
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchpty import spawn, run_to_end, wait_for, result  # noqa: E402

BITIM, SOURCE, FLOOR, N = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
DB = SOURCE + ".tui-copy.db"








def drain(fd, quiet=0.1):
    while select.select([fd], [], [], quiet)[0]:
        try:
            os.read(fd, 65536)
        except OSError:
            return




def startup(runs=21):
    # In turn, so that the floor and bitim see the same load of the machine
    # (run one after the other, a busy minute fell on one of them only).
    floor, bitim = [], []
    for _ in range(runs):
        floor.append(run_to_end([FLOOR]))
        bitim.append(run_to_end([BITIM, "--db", DB], {"BITIM_BENCH_STARTUP": "1"}))
    f, b = statistics.median(floor), statistics.median(bitim)
    result("start to first full screen", N, bitim, f, "<= 1.5 x floor + 10 ms", b <= 1.5 * f + 10)


def list_order(limit):
    """The case numbers in the list's order, from the register itself."""
    con = sqlite3.connect(DB)   # the copy
    rows = con.execute("SELECT number FROM cases ORDER BY status = 'closed', next_deadline IS NULL,"
                       " next_deadline, id DESC LIMIT ?", (limit,)).fetchall()
    con.close()
    # The first 12 characters: a longer number is cut short in its column.
    return [r[0][:12].encode() for r in rows]


def arrow_down(presses=60):
    numbers = list_order(presses + 1)
    pid, fd = spawn([BITIM, "--db", DB])
    wait_for(fd, numbers[0])
    drain(fd)
    times = []
    for i in range(1, min(presses + 1, len(numbers))):
        t0 = time.monotonic()
        os.write(fd, b"\x1bOB")         # Down, in the keypad mode ncurses sets
        wait_for(fd, numbers[i])
        times.append((time.monotonic() - t0) * 1000)
        drain(fd, 0.02)
    os.write(fd, b"\x1b[21~")          # F10: quit
    os.waitpid(pid, 0)
    result("arrow Down on the case list", N, times, None, "<= 2 ms", statistics.median(times) <= 2)


def search_typing(rounds=5):
    word = "Қайрат"
    pid, fd = spawn([BITIM, "--db", DB])
    wait_for(fd, b"F10")
    drain(fd)
    os.write(fd, b"/")
    drain(fd)
    times = []
    for _ in range(rounds):
        for letter in word:
            t0 = time.monotonic()
            os.write(fd, letter.encode())
            wait_for(fd, letter.encode())
            times.append((time.monotonic() - t0) * 1000)
            drain(fd, 0.02)
        os.write(fd, b"\x17")          # Ctrl-W: the word again
        drain(fd)
    os.write(fd, b"\x1b")
    drain(fd)
    os.write(fd, b"\x1b[21~")
    os.waitpid(pid, 0)
    result("search field, typed letter drawn", N, times, None, "<= 20 ms", statistics.median(times) <= 20)


shutil.copyfile(SOURCE, DB)
os.chmod(DB, 0o600)
# The copy on disk before timing: else bitim's first write (it notes the
# greeting) syncs the whole fresh copy with its own page.
with open(DB, "rb+") as f:
    os.fsync(f.fileno())
try:
    startup()
    arrow_down()
    search_typing()
finally:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(DB + suffix):
            os.remove(DB + suffix)
