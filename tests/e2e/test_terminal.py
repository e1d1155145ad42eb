"""End to end: resizes, signals, terminal types and sizes, undo, removal,
termination, help and "who else is this?" in the real bitim."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests", "e2e"))
from tap import Tap, paths  # noqa: E402
from tui import Tui  # noqa: E402
import steps  # noqa: E402

T = Tap()
BITIM = paths()["bitim"]
P = paths()


def new_case(t):
    steps.skip_welcome(t)
    t.keys("F4")
    t.wait_for("· Intake")


def go_to_village(t):
    for _ in range(4):
        t.keys("Tab")
    t.wait_for("Type the text")


def merge_changed_copy(t, name, *changes):
    """Stop the interface, make a sample case, merge a copy of it (the file
    name) changed by the SQL statements; the merge's output."""
    t.tmux("kill-server", check=False)
    other = os.path.join(t.tmp, name)
    subprocess.run([P["mkdb"], t.db, P["forms"], "--sample-draft"], check=True, timeout=60)
    shutil.copy(t.db, other)
    con = sqlite3.connect(other)
    for sql in changes:
        con.execute(sql)
    con.commit()
    con.close()
    # merged on a day after the sample's signature (a record of the future is refused)
    merged = subprocess.run([BITIM, "--db", t.db, "merge", other], env=dict(t.env, BITIM_TODAY="2026-03-21"),
                            capture_output=True, timeout=60)
    assert merged.returncode == 0, merged
    return merged.stdout


@T.test
def conflicts_waiting_after_a_merge_are_told_at_start():
    with Tui(BITIM, args=("--lang", "ru")) as t:
        assert b"conflicts 1" in merge_changed_copy(t, "other.db", "UPDATE cases SET village = 'Жаркент'")
        cli = lambda *a: subprocess.run([BITIM, "--db", t.db, *a], env=t.env, capture_output=True, timeout=60)
        t.start(("--lang", "ru"))
        t.wait_for("1 импортированная запись отличается от этой базы")
        bar = "".join(t.lines()[22:24])
        assert "F2" in bar and "…" not in bar, t.screen()   # eleven keys, every label whole
        t.keys("F10")
        t.wait_for("BITIM-EXIT:0")
        t.tmux("kill-server", check=False)
        t.start(("--lang", "kk"))
        t.wait_for("Импортталған 1 жазба осы дерекқордағыдан өзгеше; оны F2 көрсетеді")
        bar = "".join(t.lines()[22:24])
        assert "F2" in bar and "…" not in bar, t.screen()
        t.keys("F10")
        t.wait_for("BITIM-EXIT:0")
        t.tmux("kill-server", check=False)
        assert cli("conflicts", "--keep", "1").returncode == 0
        t.start()
        t.wait_for("F10")
        assert "imported record" not in t.screen(), t.screen()


@T.test
def conflicts_are_resolved_on_screen():
    with Tui(BITIM) as t:
        merged = merge_changed_copy(t, "office-2.db",
                                    "UPDATE cases SET village = 'Жаркент', received_on = '2026-03-01'",
                                    "UPDATE parties SET full_name = 'Иной Человек' WHERE position = 1")
        assert b"conflicts 2" in merged, merged
        t.start()
        t.wait_all("2 imported records differ from this database; F2 shows them", "F2 Conflicts")
        t.keys("F2")
        t.wait_all("KRG-2026-0001 · case · office-2.db", "KRG-2026-0001 · party · office-2.db")
        t.keys("Enter")                   # the case: its differences, by the forms' labels
        t.wait_all("Village or town", "this database: Көктал", "incoming:      Жаркент",
                   "this database: 02.03.2026", "incoming:      01.03.2026")
        t.keys("Escape")
        t.wait_for("Take the incoming version")
        t.keys("2")
        t.wait_for("KRG-2026-0001: the incoming version is taken.")
        assert t.wait_query("SELECT village, received_on FROM cases", [("Жаркент", "2026-03-01")]) == \
            [("Жаркент", "2026-03-01")]
        t.wait_all("KRG-2026-0001 · party · office-2.db")   # the one left
        t.keys("Enter")
        t.wait_for("Иной Человек")
        t.keys("Escape")
        t.wait_for("Keep this database's version")
        t.keys("1")
        t.wait_for("KRG-2026-0001: this database's version is kept.")
        assert t.query("SELECT resolution FROM conflicts ORDER BY id") == [("taken",), ("kept",)]
        assert t.query("SELECT count(*) FROM parties WHERE full_name = 'Иной Человек'") == [(0,)]
        t.wait_all("F10 ^X Quit")         # nothing waits: F2 is gone, the bar has room again
        assert "Conflicts" not in t.screen(), t.screen()
        t.keys("F2", "F1")                # F2 does nothing now; F1 shows it is not offered
        t.wait_for("Keys on this screen")
        assert "Imported records" not in t.screen() and "Conflicts" not in t.screen(), t.screen()


@T.test
def a_conflict_the_procedure_decides_is_not_taken_on_screen():
    with Tui(BITIM) as t:
        merge_changed_copy(t, "office-2.db", "UPDATE cases SET stage = 'sessions', village = 'Жаркент'")
        stage = t.query("SELECT stage, village FROM cases")
        t.start()
        t.wait_for("F2 Conflicts")
        t.keys("F2")
        t.wait_for("KRG-2026-0001 · case · office-2.db")
        t.keys("Enter")                   # the stage by its name on the screens
        t.wait_all("incoming:      Жаркент", "incoming:      Sessions", "this database: Settlement agreement")
        t.keys("Escape")
        t.wait_for("Take the incoming version")
        t.keys("2")
        t.wait_all("The incoming version was not taken", "column stage", "nothing was changed")
        t.keys("Escape")
        t.wait_for("KRG-2026-0001: the incoming version was not taken; nothing was changed.")
        assert t.query("SELECT stage, village FROM cases") == stage          # not a column of it
        assert t.query("SELECT resolution FROM conflicts") == [(None,)]       # still to decide
        t.keys("Escape")
        t.wait_for("F2 Conflicts")


@T.test
def resize_while_editing_loses_nothing():
    with Tui(BITIM) as t:
        new_case(t)
        t.type("02.03.2026")
        t.wait_for("02.03.2026")
        t.resize(120, 40)
        t.wait_for("02.03.2026")
        t.resize(40, 12)
        t.wait_for("Terminal too small")
        for size in ((30, 8), (70, 20), (20, 5), (50, 15)):
            t.resize(*size)
        t.resize(80, 24)
        t.wait_for("02.03.2026")
        assert t.query("SELECT received_on FROM cases") == [(None,)]
        t.keys("Tab")
        t.wait_for("Choice: type its first letters")
        assert t.query("SELECT received_on FROM cases") == [("2026-03-02",)]


@T.test
def many_resizes_in_a_row_do_not_crash():
    with Tui(BITIM) as t:
        new_case(t)
        for i in range(200):
            t.resize(20 + (i * 37) % 120, 5 + (i * 13) % 40)
        t.resize(80, 24)
        t.wait_for("· Intake")
        assert t.pid() is not None


@T.test
def sigterm_and_sighup_save_the_field_in_progress_and_restore_the_terminal():
    # SIGHUP is what a closed SSH connection sends.
    for sig, place in ((signal.SIGTERM, "Көктал"), (signal.SIGHUP, "Жаркент")):
        with Tui(BITIM) as t:
            new_case(t)
            go_to_village(t)
            t.type(place)
            t.wait_for(place)
            t.kill(sig)
            t.wait_for("BITIM-EXIT:0")
            assert t.query("SELECT village FROM cases") == [(place,)]


@T.test
def escape_keeps_and_saves_typed_text():
    with Tui(BITIM) as t:
        new_case(t)
        go_to_village(t)
        t.type("Жаркент")
        t.keys("Escape")
        t.wait_for("Saved.")
        assert t.query("SELECT village FROM cases") == [("Жаркент",)]
        assert "Жаркент" in t.screen()


@T.test
def a_value_changed_by_an_import_while_the_case_is_open_is_not_overwritten():
    with Tui(BITIM) as t:
        new_case(t)
        go_to_village(t)
        t.type("Жаркент")
        # meanwhile an import (another process) sets the same field
        con = sqlite3.connect(t.db)
        con.execute("UPDATE cases SET village = 'Көктал'")
        con.commit()
        con.close()
        t.keys("Escape")
        t.wait_for("changed meanwhile")
        assert t.query("SELECT village FROM cases") == [("Көктал",)]
        t.keys("Escape")  # leave the stale text unsaved
        t.wait_gone("changed meanwhile")
        t.wait_for("Көктал")  # the newer value is shown
        assert t.query("SELECT village FROM cases") == [("Көктал",)]


@T.test
def sizes_and_terminal_types():
    for term, cols, rows in (("xterm", 60, 18), ("linux", 80, 24), ("screen", 120, 40), ("tmux-256color", 80, 24)):
        # Lines are Unicode's box characters whatever the terminal's
        # alternate character set (bitim's own default, not the test's).
        with Tui(BITIM, cols=cols, rows=rows, term=term, env={"NCURSES_NO_UTF8_ACS": ""}) as t:
            welcome = t.wait_for("Welcome to bitim")
            assert "┌─ Welcome" in welcome and "lqq" not in welcome and "qqq" not in welcome, welcome
            t.keys("Enter")
            shown = t.wait_until(lambda s: "Office code" in s and "F1" in s.split("\n")[rows - 2]
                                 and "F10" in s.split("\n")[rows - 1], "the settings with the key bar (%s)" % term)
            lines = shown.split("\n")
            assert all(len(line) <= cols for line in lines), t.screen()


@T.test
def too_small_at_start_then_grows():
    with Tui(BITIM, cols=40, rows=10) as t:
        t.wait_for("Terminal too small")
        t.resize(80, 24)
        t.wait_for("Welcome to bitim")


@T.test
def undo_walks_back_saved_changes():
    with Tui(BITIM) as t:
        new_case(t)
        go_to_village(t)
        t.type("Алматы")
        t.keys("Tab", "BTab")
        t.wait_for("Type the text")
        for _ in range(6):
            t.keys("BSpace")
        t.type("Астана")
        t.keys("Tab")
        assert t.wait_query("SELECT village FROM cases", [("Астана",)]) == [("Астана",)]
        t.keys("C-z")
        t.wait_for("Undone: Village or town")
        assert t.query("SELECT village FROM cases") == [("Алматы",)]
        t.keys("F9")
        assert t.wait_query("SELECT village FROM cases", [(None,)]) == [(None,)]  # "Undone" is already shown
        t.keys("C-z")
        t.wait_for("Nothing to undo")


@T.test
def remove_a_party_after_confirming_and_undo_brings_it_back():
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        steps.case_with_party(t, "Гүлнар Әбенова")
        t.keys("F8")
        t.wait_for("Remove Party 1: Гүлнар Әбенова?")
        t.keys("Escape")
        t.wait_gone("Remove Party 1")
        assert t.query("SELECT count(*) FROM parties WHERE deleted = 0") == [(1,)]
        t.keys("C-k")
        t.wait_for("Remove Party 1")
        t.keys("Enter")
        t.wait_for("Removed: Party 1")
        assert t.query("SELECT count(*) FROM parties WHERE deleted = 0") == [(0,)]
        t.keys("C-z")
        t.wait_for("the removed row is back")
        t.wait_for("Гүлнар Әбенова")
        assert t.query("SELECT count(*) FROM parties WHERE deleted = 0") == [(1,)]


@T.test
def advance_lists_what_is_missing_and_goes_to_the_field():
    with Tui(BITIM) as t:
        new_case(t)
        t.type("02.03.2026")
        t.keys("Tab", "F2")
        t.wait_all("Before completing", "Missing: Referred by", "at least two parties")
        t.keys("Escape")
        t.wait_gone("Before completing")
        t.wait_for("Choice: type its first letters")       # the cursor is on "Referred by"
        assert t.query("SELECT stage FROM cases") == [("intake",)]


@T.test
def terminate_on_a_ground_of_the_law():
    with Tui(BITIM) as t:
        new_case(t)
        steps.fill_intake(t)
        steps.complete_stage(t, "Offer and consent")
        t.keys("F6")
        t.wait_for("Ground for termination")
        t.keys("F2")
        t.wait_for("Before terminating")
        t.keys("Escape")
        t.type("8")                       # not started: the offer was refused (Art. 20 p.6)
        t.keys("Tab")
        t.type("09.03.2026")              # not after today (10.03.2026)
        t.keys("Tab", "F2")
        t.wait_for("Terminate mediation of this case?")
        t.keys("Enter")
        t.wait_for("Mediation was terminated")
        assert t.query("SELECT stage, outcome, termination_ground FROM cases") == \
            [("terminated", "terminated", "offer_rejected")]
        t.keys("F10")
        t.wait_for("Terminated")


@T.test
def help_shows_keys_field_and_law():
    with Tui(BITIM) as t:
        new_case(t)
        t.keys("F1")
        t.wait_all("Keys on this screen", "Date the request was received", "What the law requires now")
        t.keys("Escape")
        t.wait_gone("Keys on this screen")
        t.keys("C-g")
        t.wait_for("Keys on this screen")


@T.test
def who_else_is_this_shows_earlier_cases():
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        for name in ("Қайрат Сейітов", "Qairat Seitov"):
            steps.case_with_party(t, name)
            if name.startswith("Q"):
                t.wait_all("Who else is this?", "KRG-2026-0001")
                t.keys("Enter")
                t.wait_gone("Who else is this?")
            else:
                t.wait_for("Party 1: Қайрат Сейітов")
            t.keys("F10")
            t.wait_for("cases")


@T.test
def print_saves_text_and_html_and_lists_what_is_missing():
    # started once, with its documents folder already in the environment
    with Tui(BITIM, env=lambda tmp: {"BITIM_DOCUMENTS": os.path.join(tmp, "docs")}) as t:
        docs = t.env["BITIM_DOCUMENTS"]
        steps.skip_welcome(t, office="Көктал ауылдық әкімдігі", mediator="Бақыт Омарова")
        t.keys("F4")
        t.wait_for("· Intake")
        t.keys("F7")
        t.wait_for("Case card")
        t.keys("5")                       # the case card
        t.wait_for("Language of the document")
        t.keys("3")                       # English
        t.wait_all("This document needs", "Missing: Date the request was received")  # nothing filled in yet
        t.keys("Escape")
        t.wait_gone("This document needs")
        assert not os.path.exists(docs) or os.listdir(docs) == []
        steps.fill_intake(t)
        t.keys("F7")
        t.wait_for("Case card")
        t.keys("5")
        t.wait_for("Language of the document")
        t.keys("1")                       # Kazakh
        t.wait_for("KRG-2026-0001-card-kk.txt: saved")
        assert sorted(os.listdir(docs)) == ["KRG-2026-0001-card-kk.html", "KRG-2026-0001-card-kk.txt"], os.listdir(docs)
        text = open(os.path.join(docs, "KRG-2026-0001-card-kk.txt"), encoding="utf-8").read()
        assert "ІСТІҢ ЕСЕПКЕ АЛУ КАРТОЧКАСЫ" in text and "Мария Иванова" in text, text


@T.test
def bitim_runs_under_the_terminal_type_the_test_names():
    """tmux sets its panes' TERM to its own; a test "under TERM=linux" must
    run bitim under TERM=linux, or it tests tmux's terminal twice."""
    for term in ("linux", "xterm-256color"):
        with Tui(BITIM, term=term) as t:
            t.wait_for("Welcome to bitim")
            with open("/proc/%d/environ" % t.pid(), "rb") as f:
                env = dict(v.split(b"=", 1) for v in f.read().split(b"\0") if b"=" in v)
            assert env.get(b"TERM") == term.encode(), env.get(b"TERM")
            t.keys("Escape")
            t.wait_for("No cases yet")
            t.quit()


T.run()
