"""The start of a real register on a day its backup is due and after its
forms changed (a new version of bitim): both are done between keys, after the
first screen. On a copy of the register (made writable, marked as a real
register, its forms fingerprint made stale, no backup of today), measures:
  - start to the first full screen, against the bare ncursesw floor, both
    run in turn so that they see the same load of the machine;
  - a letter typed in the search field while the deadlines are recomputed
    and while the backup is made (ten letters a second), waiting for the
    letter to be drawn;
  - how long after the start the deadlines were all recomputed and the
    backup was made (no goal: they grow with the register, and nobody waits).
Prints result lines as tui.py does (see summary.py).

usage: start_work.py BITIM DB FLOOR N"""
import glob
import os
import select
import shutil
import sqlite3
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchpty import ENV, spawn, run_to_end, wait_for, result  # noqa: E402

BITIM, SOURCE, FLOOR, N = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
WORK = SOURCE + ".start-work"
DB = os.path.join(WORK, "register.db")
ENV.pop("BITIM_TODAY", None)


def prepare():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    shutil.copyfile(SOURCE, DB)
    os.chmod(DB, 0o600)
    con = sqlite3.connect(DB)
    con.execute("DELETE FROM settings WHERE key IN ('demo', 'deadlines_refreshed_upto')")
    con.execute("INSERT INTO settings(key, value) VALUES ('forms_fingerprint', 'forms of another version')"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    con.commit()
    con.close()
    os.sync()








def first_screen(runs=15):
    """BITIM_BENCH_STARTUP ends bitim after its first screen, before any of
    the work between keys: the register stays as prepared."""
    floor, bitim = [], []
    for _ in range(runs):
        floor.append(run_to_end([FLOOR]))
        bitim.append(run_to_end([BITIM, "--db", DB], {"BITIM_BENCH_STARTUP": "1"}))
    f, b = statistics.median(floor), statistics.median(bitim)
    result("start, backup and deadlines due: first full screen", N, bitim, f, "<= 1.5 x floor + 10 ms",
           b <= 1.5 * f + 10)


def recomputed():
    con = sqlite3.connect("file:%s?mode=ro" % DB, uri=True)
    try:
        row = con.execute("SELECT value FROM settings WHERE key = 'forms_fingerprint'").fetchone()
        return row is not None and row[0] != "forms of another version"
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()


def backup_made():
    return bool(glob.glob(os.path.join(WORK, "backups", "register-*-daily.db")))




def pause(fd, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if select.select([fd], [], [], max(0.0, end - time.monotonic()))[0]:
            os.read(fd, 65536)


def work_between_keys(limit=1800):
    word = "Қайрат"
    t0 = time.monotonic()
    pid, fd = spawn([BITIM, "--db", DB])
    wait_for(fd, b"F10")
    os.write(fd, b"/")
    pause(fd, 0.1)
    letters = {"deadlines": [], "backup": []}
    done_deadlines = done_backup = None
    while done_backup is None and time.monotonic() - t0 < limit:
        phase = "deadlines" if done_deadlines is None else "backup"
        for letter in word:
            t1 = time.monotonic()
            os.write(fd, letter.encode())
            wait_for(fd, letter.encode())
            letters[phase].append((time.monotonic() - t1) * 1000)
            pause(fd, 0.1)                    # a fast typist: ten letters a second
        os.write(fd, b"\x7f" * len(word))
        pause(fd, 0.05)
        if done_deadlines is None and recomputed():
            done_deadlines = time.monotonic() - t0
        if done_deadlines is not None and backup_made():
            done_backup = time.monotonic() - t0
    os.write(fd, b"\x1b")
    pause(fd, 0.1)
    os.write(fd, b"\x1b[21~")                 # F10: quit
    os.waitpid(pid, 0)
    os.close(fd)
    for phase in ("deadlines", "backup"):
        if letters[phase]:
            result("a letter typed while the %s %s (drawn)" % (phase, "are recomputed" if phase == "deadlines"
                                                           else "is made"),
                   N, letters[phase], None, "<= 20 ms", statistics.median(letters[phase]) <= 20)
    for figure, when in (("deadlines recomputed between keys, after (s)", done_deadlines),
                         ("day's backup made between keys, after (s)", done_backup)):
        result(figure, N, [when if when is not None else float("nan")], None, "-", "-" if when is not None else "MISS")


prepare()
first_screen()
work_between_keys()
shutil.rmtree(WORK, ignore_errors=True)
