"""Hardening: kills at random moments, faults of the file system and the
database, two bitim on one database, and bad input — nothing saved is lost,
nothing wrong is stored, and bitim never crashes."""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests", "e2e"))
import tap  # noqa: E402
from tap import Tap, paths  # noqa: E402
from tui import Tui  # noqa: E402
import steps  # noqa: E402

T = Tap()
BITIM = paths()["bitim"]
ROUNDS = int(os.environ.get("BITIM_CRASH_ROUNDS", "100"))


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def field_value(db, key):
    con = sqlite3.connect(db)
    try:
        if key == "village":
            row = con.execute("SELECT village FROM cases WHERE id = 1").fetchone()
        else:
            row = con.execute("SELECT value FROM field_values WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None
    finally:
        con.close()


@T.test
def killed_at_random_moments_loses_nothing_saved():
    rng = random.Random(1048)
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        t.keys("F4")
        t.wait_for("· Intake")
        t.keys("F10")
        t.wait_for("1 case")
        # For each field: the values it may hold now — the last one confirmed
        # saved, and any typed after it that the kill may or may not have let save.
        allowed = {"village": {None}, "subject": {None}}
        for round_no in range(ROUNDS):
            if round_no:
                t.restart()
            t.wait_for("1 case")
            t.keys("Enter")
            t.wait_for("· Intake")
            for _ in range(4):                     # "Village or town"
                t.keys("Tab")
            t.wait_for("Type the text")
            key = "village" if round_no % 2 == 0 else "subject"
            if key == "subject":
                t.keys("Tab")
                t.wait_for("Subject of the dispute")
            value = "Ауыл-%d" % round_no if key == "village" else "Дау %d" % round_no
            t.keys("C-w", "C-w", "C-w")
            t.type(value)
            if rng.random() < 0.6:
                t.keys("Tab")                       # saved: it must survive
                deadline = time.monotonic() + 10
                while field_value(t.db, key) != value and time.monotonic() < deadline:
                    time.sleep(0.02)
                assert field_value(t.db, key) == value, (round_no, key)
                allowed[key] = {value}
            else:
                time.sleep(rng.random() * 0.05)     # killed while typing: may or may not be saved
                allowed[key].add(value)
            t.kill(signal.SIGKILL)
            t.wait_exit()
            assert integrity(t.db) == "ok", round_no
            for k, values in allowed.items():
                got = field_value(t.db, k)
                assert got in values, (round_no, k, got, values)
                allowed[k] = {got}


@T.test
def faults_give_clear_messages_and_touch_nothing():
    with Tui(BITIM) as t:
        t.tmux("kill-server", check=False)
        base = t.tmp
        # a missing folder, in the terminal as a user meets it
        t.db = os.path.join(base, "no", "such", "x.db")
        t.start()
        t.wait_all("BITIM-EXIT:1", "does not exist")
        assert not os.path.exists(os.path.join(base, "no"))
        t.tmux("kill-server", check=False)
        # a corrupt file, left exactly as it was
        junk = os.path.join(base, "junk.db")
        with open(junk, "wb") as f:
            f.write(os.urandom(8192))
        before = open(junk, "rb").read()
        r = subprocess.run([BITIM, "--db", junk, "check"], capture_output=True, text=True, env=dict(t.env), timeout=30)
        assert r.returncode == 1 and "damaged or is not a bitim database" in r.stderr, r.stderr
        assert open(junk, "rb").read() == before
        # a newer schema, in the interface too
        newer = os.path.join(base, "newer.db")
        subprocess.run([paths()["mkdb"], newer, paths()["forms"], "1"], check=True, timeout=60)
        con = sqlite3.connect(newer)
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("PRAGMA user_version = 99")
        con.close()
        before = open(newer, "rb").read()
        t.db = newer
        t.start()
        t.wait_all("BITIM-EXIT:1", "newer version of bitim")
        assert open(newer, "rb").read() == before
        # a read-only folder (as an ordinary user: root writes anywhere)
        t.tmux("kill-server", check=False)
        ro = os.path.join(base, "ro")
        os.mkdir(ro)
        ro_db = os.path.join(ro, "bitim.db")
        subprocess.run([paths()["mkdb"], ro_db, paths()["forms"], "1"], check=True, timeout=60)
        con = sqlite3.connect(ro_db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        for name in os.listdir(ro):
            os.chmod(os.path.join(ro, name), 0o444)
        os.chmod(ro, 0o555)
        os.chmod(base, 0o755)
        before = open(ro_db, "rb").read()
        cmd = [BITIM, "--db", ro_db, "check"]
        if os.geteuid() == 0:
            cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + cmd
        r = subprocess.run(cmd, capture_output=True, text=True, env=dict(t.env, HOME=ro), timeout=30)
        assert r.returncode == 1 and "read-only" in r.stderr, (r.returncode, r.stderr)
        assert open(ro_db, "rb").read() == before
        os.chmod(ro, 0o755)


@T.test
def a_full_disk_is_reported_and_the_text_is_kept():
    if not tap.test_hooks():
        tap.skip("the full disk is faked by a test hook: configure with --enable-test-hooks")
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        t.keys("F4")
        t.wait_for("· Intake")
        t.quit()
        pages = os.path.getsize(t.db) // 4096 + 4
        con = sqlite3.connect(t.db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = max(pages, con.execute("PRAGMA page_count").fetchone()[0] + 1)
        con.close()
        t.env["BITIM_TEST_MAX_PAGES"] = str(pages)
        t.restart()
        t.wait_for("1 case")
        t.keys("Enter")
        t.wait_for("· Intake")
        for _ in range(6):
            t.keys("Tab")
        t.wait_for("Several lines")
        text = "Көршілер дуалды жылжытты. " * 700    # far more than the pages left
        path = os.path.join(t.tmp, "paste.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        t.tmux("load-buffer", path)
        t.tmux("paste-buffer")
        t.keys("Tab")
        t.wait_all("The disk is full", "Көршілер дуалды")  # the text still there
        assert t.pid() is not None                  # still running
        assert integrity(t.db) == "ok"
        assert field_value(t.db, "description") is None


@T.test
def two_bitim_on_one_database():
    with Tui(BITIM) as a:
        steps.skip_welcome(a)
        a.keys("F4")
        a.wait_for("· Intake")
        a.keys("F10")
        a.wait_for("1 case")
        with Tui(BITIM, tmp=a.tmp) as b:
            b.wait_for("1 case")
            b.keys("F4")                            # a second case, in the second bitim
            b.wait_for("KRG-2026-0002")
            a.keys("Enter")
            a.wait_for("KRG-2026-0001")
            for t, place in ((a, "Бірінші"), (b, "Екінші")):
                for _ in range(4):
                    t.keys("Tab")
                t.wait_for("Type the text")
                t.type(place)
                t.keys("Tab")
            expected = [("KRG-2026-0001", "Бірінші"), ("KRG-2026-0002", "Екінші")]
            rows = a.wait_query("SELECT number, village FROM cases ORDER BY id", expected)
            for t in (a, b):
                assert "busy" not in t.screen()
            assert rows == [("KRG-2026-0001", "Бірінші"), ("KRG-2026-0002", "Екінші")], rows
            b.quit()
        a.quit()


@T.test
def bad_input_stores_nothing_wrong():
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        t.keys("F4")
        t.wait_for("· Intake")
        for date in ("99.99.9999", "31.02.2026", "0.0.0", "12/31/2026", "yesterday"):
            t.keys("C-w", "C-w", "C-w", "C-w")
            t.type(date)
            t.keys("Tab")
            # the reason on the message line, and the refused text still in the field
            t.wait_until(lambda shown: "Date the request was received:" in shown and date in shown,
                         "the refusal of %r" % date)
        assert field_value(t.db, "received_on") is None
        con = sqlite3.connect(t.db)
        assert con.execute("SELECT received_on FROM cases").fetchone() == (None,)
        con.close()
        # control characters and a stray byte pasted into a text field never enter it
        t.keys("C-w", "C-w", "C-w")
        t.keys("Tab", "Tab", "Tab", "Tab")
        t.wait_for("Type the text")
        path = os.path.join(t.tmp, "ctrl.txt")
        with open(path, "wb") as f:
            f.write("Көк\x01\x02\x07тал\x1b[31m".encode())
        t.tmux("load-buffer", path)
        t.tmux("paste-buffer")
        t.wait_for("Keys on this screen")   # the pasted ^G is the help key
        t.keys("Escape")
        t.wait_gone("Keys on this screen")
        t.keys("Tab")
        t.wait_for("Subject of the dispute")
        village = t.wait_rows("SELECT village FROM cases", lambda rows: rows[0][0] is not None)[0][0]
        assert village is not None and "Көк" in village and not any(ord(c) < 32 for c in village), repr(village)
        assert "[31m" not in village, repr(village)   # the escape sequence is dropped whole
        # an all-zero IIN
        for _ in range(6):
            t.keys("Tab")
        t.wait_for("+ Add: Party")
        t.keys("Enter")
        t.wait_for("Party 1")
        t.keys("1", "Tab", "1", "Tab", "Tab")
        t.wait_for("IIN: 12 digits")
        t.type("000000000000")
        t.keys("Tab")
        t.wait_any("check digit", "cannot exist", "7th digit")
        con = sqlite3.connect(t.db)
        assert con.execute("SELECT count(*) FROM parties WHERE iin IS NOT NULL").fetchone() == (0,)
        con.close()
        # a 1 MB paste stops at the field's limit, and bitim stays up
        t.keys("C-w")
        big = os.path.join(t.tmp, "big.txt")
        with open(big, "w") as f:
            f.write("x" * (1024 * 1024))
        t.keys("BTab")                              # the full name field
        t.tmux("load-buffer", big)
        t.tmux("paste-buffer")
        t.wait_for("at most 20000 characters", timeout=120)
        assert t.pid() is not None
        t.keys("Tab")
        name = t.wait_rows("SELECT full_name FROM parties", lambda rows: rows[0][0], timeout=30)[0][0]
        assert name is not None and len(name) == 20000, len(name or "")


@T.test
def a_scripted_session_under_valgrind_leaks_nothing():
    if not shutil.which("valgrind"):
        tap.skip("valgrind is not installed")
    if "asan" in subprocess.run(["ldd", BITIM], capture_output=True, text=True).stdout:
        tap.skip("valgrind is not for a build with AddressSanitizer: checked in the plain build")
    with Tui(BITIM) as t:
        log = os.path.join(t.tmp, "valgrind.log")
        t.prefix = ("valgrind", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect",
                    "--error-exitcode=99", "--log-file=" + log)
        t.restart()
        steps.skip_welcome(t)
        t.keys("F4")
        t.wait_for("· Intake", timeout=60)
        steps.fill_intake(t)
        steps.complete_stage(t, "Offer and consent")
        t.keys("F1")
        t.wait_for("Keys on this screen")
        t.keys("Escape", "F10")
        t.wait_for("1 case")
        t.keys("/")
        t.type("қай")
        t.wait_for("1 case ")
        t.keys("Escape", "F10")
        t.wait_for("BITIM-EXIT:", timeout=60)
        report = open(log).read()
        assert "BITIM-EXIT:0" in t.screen(), report[-2000:]
        assert "definitely lost: 0 bytes" in report or "no leaks are possible" in report, report[-2000:]


T.run()
