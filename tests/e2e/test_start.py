"""Start-up work done between keys, after the first screen: the open cases'
deadlines recomputed after the forms changed (never shown as certain before
they are), and the day's first backup (test_backup.py)."""
import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests", "e2e"))
from tap import Tap, paths  # noqa: E402
from tui import Tui  # noqa: E402

T = Tap()
P = paths()
BITIM = P["bitim"]


@contextlib.contextmanager
def register_under_other_forms(kind="--sample"):
    """A register whose open cases' cached deadlines were made by other forms
    (a wrong date), as after a new version of bitim; removed after."""
    tmp = tempfile.mkdtemp(prefix="bitim-e2e-")
    try:
        db = os.path.join(tmp, "bitim.db")
        subprocess.run([P["mkdb"], db, P["forms"], kind], check=True, timeout=60)
        con = sqlite3.connect(db)
        con.execute("UPDATE cases SET next_deadline = '2000-01-01', deadline_label = 'Answer to the offer'"
                    " WHERE status = 'open'")
        con.execute("INSERT INTO settings(key, value) VALUES ('forms_fingerprint', 'forms of another version')"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        con.commit()
        con.close()
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# A test build waits this long before recomputing each case.
SLOW = {"BITIM_TEST_DEADLINES_MS_PER_CASE": "3000"}


@T.test
def a_deadline_is_shown_as_being_recalculated_until_it_is():
    with register_under_other_forms() as tmp:
        with Tui(BITIM, tmp=tmp, env=SLOW) as t:
            t.wait_all("1 case", "recalculating…", "Recalculating the open cases' deadlines")
            assert "overdue" not in t.screen(), t.screen()     # the wrong date is not shown
            # then the list reads the new one (and the day's backup, made
            # next, takes the line that told it)
            t.wait_for("in 22 days")
            assert "recalculating…" not in t.screen()
            t.wait_gone("Recalculating the deadlines")
            t.quit()
            assert t.query("SELECT next_deadline FROM cases") != [("2000-01-01",)]
            t.restart()                                       # recorded: nothing to do again
            t.wait_for("in 22 days")
            assert "Recalculating" not in t.screen()
            t.quit()


@T.test
def a_case_opened_before_its_turn_shows_its_new_deadline():
    with register_under_other_forms("--regimes") as tmp:    # open cases 1, 3, 4 and 6
        with Tui(BITIM, tmp=tmp, env=SLOW) as t:
            t.wait_for("recalculating…")
            t.keys("Enter")                      # the first row: case 6, recomputed last
            t.wait_for("KRG-2026-0006 ·")
            t.wait_for("in 15 days")             # 25.03.2026
            assert "overdue" not in t.screen(), t.screen()
            t.quit()


@T.test
def export_recomputes_the_deadlines_first():
    with register_under_other_forms() as tmp:
        env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en", BITIM_TODAY="2026-03-10")
        r = subprocess.run([BITIM, "--db", os.path.join(tmp, "bitim.db"), "export", "--table", "cases"],
                           capture_output=True, text=True, env=env, timeout=60)
        assert r.returncode == 0, r.stderr
        assert "2000-01-01" not in r.stdout, r.stdout
        con = sqlite3.connect(os.path.join(tmp, "bitim.db"))
        assert con.execute("SELECT next_deadline FROM cases").fetchone() != ("2000-01-01",)
        con.close()


T.run()
