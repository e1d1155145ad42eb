"""Backups on screen: Settings shows when and where the last backup was made
and keeps the numbers of backups to keep; the case list warns when no copy
left the computer for 30 days."""
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
import steps  # noqa: E402

T = Tap()
BITIM = paths()["bitim"]


@T.test
def settings_show_the_last_backup_and_keep_the_rotation():
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        backups = os.path.join(t.tmp, "backups")
        t.wait_for("Backup of the day made: bitim-")
        made = [n for n in os.listdir(backups) if n.endswith("-daily.db")]
        assert len(made) == 1, os.listdir(backups)   # the day's first start
        t.keys("F9")
        t.wait_all("Backups", "Last backup:", "Daily backups kept")
        assert "in %s" % backups in t.screen(), t.screen()
        for _ in range(8):                           # to "Daily backups kept"
            t.keys("Tab")
        t.wait_for("Type the text")
        t.keys("BSpace", "BSpace", "BSpace")
        t.type("abc")
        t.keys("Tab")
        t.wait_for("Type a whole number from 0 to 1000")
        t.keys("BSpace", "BSpace", "BSpace")
        t.type("14")
        t.keys("Tab")
        t.wait_query("SELECT value FROM settings WHERE key = 'backup_keep_daily'", [("14",)])
        t.quit()


@T.test
def the_list_warns_when_no_copy_left_for_30_days():
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        t.keys("F4")
        t.wait_for("· Intake")
        t.keys("F10")
        t.wait_for("1 case")
        assert "No copy left this computer" not in t.screen()
        t.quit()
        con = sqlite3.connect(t.db)
        con.execute("UPDATE cases SET created_at = '2026-01-02T09:00:00Z'")   # BITIM_TODAY is 2026-03-10
        con.commit()
        con.close()
        t.restart()
        t.wait_for("No copy left this computer in 30 days")
        t.quit()
        con = sqlite3.connect(t.db)
        con.execute("INSERT INTO settings(key, value) VALUES ('backup_copied_at', '2026-03-01T10:00:00Z')")
        con.commit()
        con.close()
        t.restart()
        t.wait_for("1 case")
        assert "No copy left this computer" not in t.screen()


@T.test
def a_failed_daily_backup_is_told_on_the_list():
    tmp = tempfile.mkdtemp(prefix="bitim-e2e-")
    try:
        open(os.path.join(tmp, "backups"), "w").close()   # a file where the folder should be
        with Tui(BITIM, tmp=tmp) as t:
            steps.skip_welcome(t)
            t.quit()
            t.restart()
            t.wait_for("Backup of the day failed")
            t.quit()
            os.unlink(os.path.join(tmp, "backups"))
            t.restart()                                   # the day's backup made now
            t.wait_for("No cases yet")
            t.wait_for("Backup of the day made")
            assert "failed" not in t.screen()
            assert any(n.endswith("-daily.db") for n in os.listdir(os.path.join(tmp, "backups")))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def register_with_a_case():
    """A folder holding a register with one case (no greeting then), removed after."""
    tmp = tempfile.mkdtemp(prefix="bitim-e2e-")
    try:
        P = paths()
        subprocess.run([P["mkdb"], os.path.join(tmp, "bitim.db"), P["forms"], "--sample"], check=True, timeout=60)
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def in_backups(tmp, suffix):
    folder = os.path.join(tmp, "backups")
    return sorted(n for n in os.listdir(folder) if n.endswith(suffix)) if os.path.isdir(folder) else []


# A test build copies one page every SLOW ms: the day's backup of the small
# register then takes seconds, long enough to be seen while it is made.
SLOW = {"BITIM_TEST_BACKUP_MS_PER_PAGE": "80"}


@T.test
def the_first_screen_comes_before_the_days_backup_which_takes_a_save_made_meanwhile():
    with register_with_a_case() as tmp:
        with Tui(BITIM, tmp=tmp, env=SLOW) as t:
            t.wait_for("1 case")
            t.wait_for("Backup of the day: ")             # the list is there, the copy being made
            assert in_backups(tmp, "-daily.db") == [], in_backups(tmp, "")
            assert len(in_backups(tmp, "-daily.db.part")) == 1
            t.keys("F4")                                  # a new case, saved while the copy is made
            t.wait_for("· Intake")
            t.keys("F10")
            t.wait_for("2 cases")
            t.wait_for("Backup of the day made: bitim-", timeout=60)
            made = in_backups(tmp, "-daily.db")
            assert len(made) == 1 and in_backups(tmp, ".part") == [], in_backups(tmp, "")
            con = sqlite3.connect("file:%s?mode=ro" % os.path.join(tmp, "backups", made[0]), uri=True)
            assert con.execute("SELECT count(*) FROM cases").fetchone() == (2,)
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            con.close()
            t.keys("Down")                                # the line gives way to the next key
            t.wait_gone("Backup of the day made")
            t.quit()


@T.test
def quitting_while_the_backup_is_made_leaves_no_half_file():
    with register_with_a_case() as tmp:
        with Tui(BITIM, tmp=tmp, env=SLOW) as t:
            t.wait_for("Backup of the day: ")
            t.keys("F10")
            t.wait_for("backup was not finished when bitim ended")
            t.wait_for("BITIM-EXIT:0")
            # told in lines broken at blanks, not cut mid-word by the terminal
            told = [l for l in t.lines() if "bitim: Today's" in l or l.startswith("       ")]
            assert len(told) == 2 and told[1].strip() == "the next time bitim starts.", t.screen()
            assert in_backups(tmp, ".db") == [] and in_backups(tmp, ".part") == [], in_backups(tmp, "")
            del t.env["BITIM_TEST_BACKUP_MS_PER_PAGE"]
            t.restart()
            t.wait_for("Backup of the day made")
            assert len(in_backups(tmp, "-daily.db")) == 1, in_backups(tmp, "")
            t.quit()


@T.test
def the_backup_made_behind_a_message_is_told_after_it_in_the_new_language():
    with register_with_a_case() as tmp:
        with Tui(BITIM, tmp=tmp, env=SLOW) as t:
            t.wait_for("Backup of the day: ")
            t.keys("F5")                                  # English to Kazakh, while the copy is made
            t.wait_for("Тіл: қазақша")
            t.wait_rows("SELECT 1", lambda rows: in_backups(tmp, "-daily.db"), timeout=60)
            assert "Тіл: қазақша" in t.screen(), t.screen()   # the message keeps the line
            t.keys("Down")                                # then the backup's line, in Kazakh
            t.wait_for("Бүгінгі сақтық көшірме жасалды: bitim-")
            t.keys("Down")                                # seen: the next key clears it
            t.wait_gone("Бүгінгі сақтық көшірме жасалды")
            t.quit()


@T.test
def a_backup_line_cut_at_60_columns_is_shown_whole_by_f1():
    with register_with_a_case() as tmp:
        with Tui(BITIM, tmp=tmp, cols=60, rows=18, args=("--lang", "kk")) as t:
            t.wait_for("Бүгінгі сақтық көшірме жасалды:… F1")   # the file's name cut off
            made = in_backups(tmp, "-daily.db")
            assert len(made) == 1 and made[0] not in t.screen(), (made, t.screen())
            t.keys("F1")
            t.wait_for("Хабар:")
            t.keys("Down", "Down", "Down")               # the help's next lines
            t.wait_for(made[0])
            t.keys("Escape")
            t.wait_gone("Хабар:")
            t.quit()


@T.test
def settings_say_the_first_backup_is_being_made():
    with register_with_a_case() as tmp:
        with Tui(BITIM, tmp=tmp, env=SLOW) as t:
            t.wait_for("Backup of the day: ")
            t.keys("F9")
            t.wait_for("No backup yet; the first is being made now")
            t.wait_for("Last backup:", timeout=60)        # and when it is made
            assert "No backup yet" not in t.screen(), t.screen()
            t.quit()


T.run()
