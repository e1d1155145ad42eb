"""The trainer's demonstration: `bitim demo` makes a database with every
stage represented, and the interface shows the trainees' explanations."""
import os
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests", "e2e"))
from tap import Tap, paths  # noqa: E402
from tui import Tui  # noqa: E402

T = Tap()
P = paths()
STAGES = ("Intake", "Offer and consent", "Agreement on mediation", "Sessions", "Settlement agreement",
          "Follow-up", "Closed", "Terminated")


@T.test
def demo_has_every_stage_and_opens_in_the_interface():
    with Tui(P["bitim"]) as t:
        t.tmux("kill-server", check=False)
        r = subprocess.run([P["bitim"], "demo", "--db", t.db], capture_output=True, text=True, env=t.env, timeout=120)
        assert r.returncode == 0, r.stderr
        con = sqlite3.connect(t.db)
        stages = {row[0] for row in con.execute("SELECT stage FROM cases")}
        langs = {row[0] for row in con.execute("SELECT language FROM cases WHERE language IS NOT NULL")}
        overdue = con.execute("SELECT count(*) FROM cases WHERE next_deadline < ?", (t.env["BITIM_TODAY"],)).fetchone()[0]
        signed = con.execute("SELECT count(*) FROM documents WHERE kind = 'settlement'").fetchone()[0]
        con.close()
        assert stages == {"intake", "consent", "contract", "sessions", "settlement", "followup", "closed", "terminated"}, stages
        assert {"kk", "ru", "en"} <= langs | {"en"} and "kk_ru" in langs, langs
        assert overdue >= 1 and signed >= 2
        assert subprocess.run([P["bitim"], "--db", t.db, "check"], env=t.env, capture_output=True).returncode == 0
        t.start()
        t.wait_all("17 cases", "!", "overdue")       # the overdue case first
        t.keys("Enter")
        t.wait_for("For trainees:")
        # never on a real register
        r = subprocess.run([P["bitim"], "demo", "--db", os.path.join(t.tmp, "real.db")], capture_output=True, text=True,
                           env=t.env, timeout=60)
        assert r.returncode == 0
        subprocess.run([P["mkdb"], os.path.join(t.tmp, "office.db"), P["forms"], "2"], check=True, timeout=60)
        r = subprocess.run([P["bitim"], "demo", "--db", os.path.join(t.tmp, "office.db")], capture_output=True,
                           text=True, env=t.env, timeout=60)
        assert r.returncode == 1 and "holds real cases" in r.stderr, r.stderr


@T.test
def synthetic_cases_for_scale():
    with Tui(P["bitim"]) as t:
        t.tmux("kill-server", check=False)
        # A new database is built in DB.partial and renamed when complete;
        # what a load cut short left there is thrown away.
        new = os.path.join(t.tmp, "scale.db")
        with open(new + ".partial", "w") as f:
            f.write("left by a load cut short")
        r = subprocess.run([P["bitim"], "demo", "--db", new, "--cases", "500"], capture_output=True, text=True,
                           env=t.env, timeout=120)
        assert r.returncode == 0 and r.stdout.startswith(new + ": 500 synthetic cases"), r
        assert not os.path.exists(new + ".partial") and os.path.exists(new), os.listdir(t.tmp)
        assert subprocess.run([P["bitim"], "--db", new, "check"], env=t.env, capture_output=True).returncode == 0
        r = subprocess.run([P["bitim"], "demo", "--db", t.db, "--cases", "2000"], capture_output=True, text=True,
                           env=t.env, timeout=120)
        assert r.returncode == 0 and "2000 synthetic cases" in r.stdout, r
        assert subprocess.run([P["bitim"], "--db", t.db, "check"], env=t.env, capture_output=True).returncode == 0
        con = sqlite3.connect(t.db)
        n, stages, cats, villages = con.execute(
            "SELECT count(*), count(DISTINCT stage), count(DISTINCT category), count(DISTINCT village) FROM cases").fetchone()
        con.close()
        assert n == 2000 and stages >= 7 and cats >= 10 and villages >= 8, (n, stages, cats, villages)
        # A surname's form agrees with the IIN's sex digit (odd for a man).
        con = sqlite3.connect(t.db)
        people = con.execute("SELECT full_name, iin FROM parties WHERE kind = 'person'").fetchall()
        con.close()
        for name, iin in people:
            last, female = name.split()[-1], iin[6] in "246"
            if last.endswith(("ова", "ева", "қызы")):
                assert female, (name, iin)
            elif last.endswith(("ов", "ев", "ұлы")):
                assert not female, (name, iin)
        t.start()
        t.wait_for("2000 cases")
        t.keys("/")
        t.type("қайрат")
        t.wait_for("Қайрат")


def open_synthetic(t, cases):
    """Stop the interface, make that many synthetic cases, open them again."""
    t.tmux("kill-server", check=False)
    r = subprocess.run([P["bitim"], "demo", "--db", t.db, "--cases", str(cases)], capture_output=True, text=True,
                       env=t.env, timeout=120)
    assert r.returncode == 0, r
    t.start()
    t.wait_for("%d cases" % cases)


@T.test
def the_list_pages_by_place_and_counts_without_scanning():
    with Tui(P["bitim"]) as t:
        open_synthetic(t, 3000)
        # The order as the database keeps it, read once the interface shows the list
        # (opening a register may refresh the cases' cached deadlines).
        order = [row[0] for row in t.query("SELECT number FROM cases ORDER BY status = 'closed',"
                                           " next_deadline IS NULL, next_deadline, id DESC")]
        t.wait_for(order[0])
        shown = sum(1 for n in order[:60] if n in t.screen())
        t.keys("NPage")                                  # a page down: the next rows, read from the last one's place
        t.wait_for(order[shown])
        assert order[0] not in t.screen()
        t.keys("End")                                    # the last screenful, read backward from the end
        t.wait_for(order[-1])
        t.keys("Up")
        t.keys("Home")
        t.wait_for(order[0])
        for _ in range(shown):                           # down past the screen, one row at a time
            t.keys("Down")
        t.wait_for(order[shown])
        assert order[0] not in t.screen()
        t.keys("/")
        t.type("ер")                                     # two letters: looked for, not counted
        t.wait_for("not counted (type 3 letters)")
        t.keys("BSpace", "BSpace")
        t.type("қайрат")
        t.wait_for("Қайрат")
        assert "cases" in t.screen()


@T.test
def a_broad_search_at_one_stage_is_not_said_to_find_more_than_the_register_holds():
    with Tui(P["bitim"]) as t:
        open_synthetic(t, 4500)
        t.keys("/")
        t.type("DEM")                                    # every case: more than are counted
        t.wait_for("over 4000 cases")
        t.keys("Enter", "F6")                            # the intake stage holds far fewer
        t.wait_for("Stage: Intake")
        t.wait_for("not counted ·")
        assert "over 4000" not in t.screen(), t.screen()
        t.keys("F6", "F6", "F6", "F6", "F6", "F6", "F6", "F6")   # all stages again
        t.wait_for("over 4000 cases · Stage: all stages")



@T.test
def a_page_of_another_stage_says_where_the_case_is_now():
    """At 80 columns, on a page of an earlier stage of a case with a deadline,
    the title keeps where the case is now (the deadline is told shorter)."""
    with Tui(P["bitim"]) as t:
        t.tmux("kill-server", check=False)
        r = subprocess.run([P["bitim"], "demo", "--db", t.db], capture_output=True, text=True, env=t.env, timeout=120)
        assert r.returncode == 0, r.stderr
        t.start()
        t.wait_for("17 cases")
        t.keys("F3")
        t.type("DEM-2026-0001")
        t.wait_for("1 case")
        t.keys("Enter", "Enter")
        t.wait_for("End of the mediation term")
        assert t.lines()[0].split()[:3] == ["DEM-2026-0001", "·", "Sessions"], t.screen()
        t.keys("PPage")
        t.wait_for("now at: Sessions")
        assert "Contract · now at: Sessions" in t.lines()[0] and "in " in t.lines()[0], t.screen()
        t.quit()


T.run()
