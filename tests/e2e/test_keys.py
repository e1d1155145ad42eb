"""End to end: never trapped, every key. Leaving an invalid field, the
greeting's keys, both forms of the cursor keys, unknown escape sequences,
Ctrl-Z under TERM=linux, F5 inside dialogs, choices typed by their first
letters, parties picked by name, settings that fill a new case."""
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
P = paths()
BITIM = P["bitim"]


def new_case(t):
    steps.skip_welcome(t)
    t.keys("F4")
    t.wait_for("· Intake")


def village_line(t):
    return next(line for line in t.lines() if "Village or town" in line)


def settled(t):
    """The screen and cursor once two looks in a row agree (a redraw is done)."""
    last = [None]

    def same(shown):
        now = (shown, t.cursor())
        agree = now == last[0]
        last[0] = now
        return agree
    t.wait_until(same, "a settled screen")
    return last[0]


def tab_to(t, hint, limit=60, key="Tab"):
    """Tab from field to field until the message line shows hint (the form
    may gain fields: the way is found, not counted)."""
    for _ in range(limit):
        before = settled(t)
        if hint in before[0].split("\n")[t.rows - 3]:
            return
        t.keys(key)
        t.wait_until(lambda s: (s, t.cursor()) != before, "the next field")
    raise AssertionError("no field with %r:\n%s" % (hint, t.screen()))


def go_to_village(t):
    for _ in range(4):
        t.keys("Tab")
    t.wait_for("Type the text")


@T.test
def f10_from_an_invalid_field_asks_and_undo_brings_the_text_back():
    with Tui(BITIM) as t:
        new_case(t)
        t.type("31.02.2026")
        t.keys("F10")
        t.wait_all("This value is not saved", "Enter: correct it", "Esc: leave it unsaved")
        # The key bar (drawn last) shows the dialog's keys, not the screen's.
        t.wait_until(lambda s: "Correct it" in " ".join(t.key_bar()), "the dialog's keys on the key bar")
        assert "F4" not in " ".join(t.key_bar()), t.screen()
        t.keys("Enter")                   # correct it: back in the field
        t.wait_gone("This value is not saved")
        assert "· Intake" in t.screen() and "31.02.2026" in t.screen()
        t.keys("Escape")                  # Esc asks too
        t.wait_for("This value is not saved")
        t.keys("Escape")                  # leave it unsaved
        t.wait_for("Not saved: Date the request was received")
        t.keys("F10")
        t.wait_for("1 case")
        assert t.query("SELECT received_on FROM cases") == [(None,)]
        t.keys("Enter")
        t.wait_for("· Intake")
        t.keys("C-z")                     # the typed text comes back to be corrected
        t.wait_all("Back in Date the request was received", "31.02.2026")
        t.keys("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
        t.type("28.02.2026")
        t.keys("Tab")
        assert t.wait_query("SELECT received_on FROM cases", [("2026-02-28",)]) == [("2026-02-28",)]
        t.quit()


@T.test
def a_text_left_unsaved_comes_back_first_after_reopening_and_restart():
    """The walk: saved fields, then an invalid date left unsaved with F10
    and Esc; on the case again F9 brings the date back, not undoes a saved
    field, and so after a restart (a power cut) too."""
    with Tui(BITIM, term="linux") as t:
        new_case(t)
        go_to_village(t)
        t.type("Жаркент")
        t.keys("Tab")
        t.wait_query("SELECT village FROM cases", [("Жаркент",)])
        t.type("Граница участков")       # Subject of the dispute
        t.keys("Tab")
        subject = "SELECT value FROM field_values WHERE value = 'Граница участков'"
        t.wait_query(subject, [("Граница участков",)])
        tab_to(t, "A date: DD.MM.YYYY", key="BTab")   # back up to the date received
        t.type("31.04.2026")
        t.keys("F10")
        t.wait_for("This value is not saved")
        t.keys("Escape")
        t.wait_all("1 case", "Not saved: Date the request was received")
        assert "Enter, then F9, brings it back" in t.lines()[t.rows - 3], t.screen()
        t.keys("Enter")
        t.wait_for("· Intake")
        t.keys("F9")
        t.wait_all("Back in Date the request was received", "31.04.2026")
        assert t.query("SELECT received_on, village FROM cases") == [(None, "Жаркент")]
        assert t.query(subject) == [("Граница участков",)]
        assert "Undone" not in t.screen(), t.screen()
        # Left unsaved again, then the power goes: the store keeps it.
        t.keys("F10")
        t.wait_for("This value is not saved")
        t.keys("Escape")
        t.wait_for("Not saved: Date the request was received")
        t.restart()
        t.wait_for("1 case")
        t.keys("Enter")
        t.wait_for("· Intake")
        t.keys("F9")
        t.wait_all("Back in Date the request was received", "31.04.2026")
        assert t.query("SELECT received_on, village FROM cases") == [(None, "Жаркент")]
        assert t.query(subject) == [("Граница участков",)]
        t.keys("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
        t.keys("Escape")                  # the empty field is valid: nothing left unsaved
        t.wait_for("Saved.")
        t.keys("F9")                      # only now Undo walks the saved changes
        t.wait_for("Undone: Subject of the dispute")
        assert t.wait_query(subject, []) == []
        assert t.query("SELECT village FROM cases") == [("Жаркент",)]
        t.quit()


@T.test
def settings_leave_an_invalid_office_code_and_count_letters():
    with Tui(BITIM) as t:
        t.wait_for("Welcome to bitim")
        t.keys("Enter")
        t.wait_for("Office code")
        t.keys("BSpace", "BSpace", "BSpace")
        t.type("АҚСУ")                    # four letters, but not Latin
        t.keys("Tab")
        t.wait_for("The office code takes only Latin")
        assert "… F1" in t.lines()[t.rows - 3], t.screen()   # too long for the line: F1 has it whole
        assert "two to six" not in t.screen(), t.screen()
        t.keys("F1")
        t.wait_all("Message:", "Latin capital letters A-Z and digits 0-9")
        t.keys("Escape")
        t.wait_gone("Message:")
        t.keys("F10")
        t.wait_for("This value is not saved")
        t.keys("Escape")
        t.wait_for("No cases yet")


@T.test
def the_greeting_keys_do_what_they_say():
    with Tui(BITIM) as t:
        t.wait_for("Welcome to bitim")
        t.wait_until(lambda s: "Later" in " ".join(t.key_bar()), "the greeting's keys on the key bar")
        bar = " ".join(t.key_bar())
        assert "Settings now" in bar and "Later" in bar and "F4" not in bar, t.screen()
        t.keys("Escape")                  # later: the list, not the settings
        t.wait_for("No cases yet")
        assert "Office code" not in t.screen()
        t.keys("F9")
        t.wait_for("Office code")


@T.test
def a_new_case_takes_village_and_mediator_from_settings():
    with Tui(BITIM) as t:
        t.wait_for("Welcome to bitim")
        t.keys("Enter")
        t.wait_for("Office code")
        for _ in range(4):
            t.keys("Tab")
        t.type("Көктал")                  # village
        t.keys("Tab")
        t.type("Бақыт Омарова")           # the mediator
        t.keys("Tab", "F10")
        t.wait_for("No cases yet")
        t.keys("F4")
        t.wait_until(lambda s: "Village or town" in s and "Көктал" in village_line(t), "the village filled in")
        assert t.query("SELECT village FROM cases") == [("Көктал",)]
        assert t.query("SELECT count(*) FROM cases WHERE mediator_name = 'Бақыт Омарова'") == [(1,)]


@T.test
def cursor_keys_in_both_forms_and_unknown_sequences_dropped():
    for term in ("xterm-256color", "linux"):
        with Tui(BITIM, term=term) as t:
            new_case(t)
            go_to_village(t)
            t.type("Көкта")
            t.raw("\x1b[D")               # CSI left
            t.raw("\x1bOD")               # SS3 left
            t.type("X")
            t.wait_for("КөкXта")
            for home in ("\x1b[H", "\x1b[1~", "\x1bOH"):
                t.raw("\x1b[F")           # End, then Home in one of its forms
                t.raw(home)
                t.type("<")
            for end in ("\x1b[F", "\x1b[4~", "\x1bOF"):
                t.raw(end)
                t.type(">")
            t.wait_for("<<<КөкXта>>>")
            t.raw("\x1b[H")
            t.raw("\x1b[3~")              # Delete
            t.raw("\x1b[1;9X")            # unknown: dropped whole
            t.raw("\x1b[99~")
            t.raw("\x1bOz")
            t.keys("Tab")
            assert t.wait_query("SELECT village FROM cases", [("<<КөкXта>>>",)]) == [("<<КөкXта>>>",)], t.screen()
            t.raw("\x1b[Z")               # Shift-Tab: back to the village
            t.raw("\x1bOP")               # F1 in its SS3 form
            t.wait_for("Where the parties live")
            t.keys("Escape")
            t.raw("\x1b[11~")             # F1 in its CSI form
            t.wait_for("Where the parties live")
            t.keys("Escape")
            t.wait_gone("Where the parties live")
            assert "~" not in village_line(t) and "[" not in village_line(t), t.screen()
            t.quit()


@T.test
def ctrl_z_undoes_under_term_linux():
    with Tui(BITIM, term="linux") as t:
        new_case(t)
        t.wait_until(lambda s: "F9 ^Z Undo" in " ".join(t.key_bar()), "Ctrl-Z on the key bar")
        go_to_village(t)
        t.type("Жаркент")
        t.keys("Tab")
        t.wait_query("SELECT village FROM cases", [("Жаркент",)])
        t.keys("C-z")
        t.wait_for("Undone: Village or town")
        assert t.wait_query("SELECT village FROM cases", [(None,)]) == [(None,)]


@T.test
def f5_in_help_and_in_a_pick_list():
    with Tui(BITIM) as t:
        new_case(t)
        t.keys("F1")
        t.wait_for("Keys on this screen")
        t.keys("F5")
        t.wait_for("Осы экрандағы пернелер")   # the help itself, now in Kazakh
        t.keys("Escape")
        t.wait_gone("Осы экрандағы пернелер")
        t.keys("Tab")                          # referred by: a choice
        t.keys("Enter")
        t.wait_for("Тараптың өзі келді")
        t.keys("F5")
        t.wait_for("Сторона обратилась сама")  # the list, now in Russian
        t.keys("Escape")
        t.wait_gone("Сторона обратилась сама")


@T.test
def choices_by_their_first_letters_space_and_stray_enter_choose_nothing():
    with Tui(BITIM) as t:
        new_case(t)
        t.keys("Tab")                          # referred by
        t.keys("Space")                        # does not open the list
        t.type("ak")
        t.wait_for("Akimat")
        assert "Court" not in t.screen()
        assert t.wait_query("SELECT referral_source FROM cases", [("akimat",)]) == [("akimat",)]
        t.keys("Tab")                          # kind of dispute, empty
        t.keys("Enter")
        t.wait_for("Neighbours")               # the list, nothing chosen yet
        t.keys("Enter")                        # a stray Enter chooses nothing
        t.keys("Escape")
        t.wait_gone("↑↓ Enter: Choose")
        assert t.query("SELECT category FROM cases") == [(None,)]


@T.test
def same_iin_under_another_name_is_flagged():
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        for name in ("Қайрат Сейітов", "Марат Омаров"):
            t.keys("F4")
            t.wait_for("· Intake")
            for _ in range(11):
                t.keys("Tab")
            t.wait_for("+ Add: Party")
            t.keys("Enter")
            t.wait_for("Party 1")
            steps.next_field(t, "1")          # side
            steps.next_field(t, "1")          # a person: the IIN is asked
            steps.next_field(t, name)
            t.wait_for("Party 1: " + name)
            steps.next_field(t, "791028302728")
            if name.startswith("М"):
                t.wait_all("Who else is this?", "The same IIN is recorded under another name", "Қайрат Сейітов")
                t.keys("Enter")
                t.wait_gone("Who else is this?")
            t.wait_query("SELECT count(*) FROM parties WHERE iin = '791028302728'", [(1 if name.startswith("Қ") else 2,)])
            t.keys("F10")
            t.wait_for("cases")


@T.test
def who_performs_is_picked_from_the_parties():
    with Tui(BITIM) as t:
        t.tmux("kill-server", check=False)
        subprocess.run([P["mkdb"], t.db, P["forms"], "--sample-draft"], check=True, timeout=60)
        t.start()
        t.wait_for("KRG-")
        t.keys("Enter")
        t.wait_for("Settlement agreement")
        tab_to(t, "A party: type the first letters")   # "Who performs it" of obligation 1
        t.keys("Enter")                    # the list holds the parties as entered
        t.wait_all("Мария Петровна Иванова", "«Береке-Агро» жауапкершілігі шектеулі серіктестігі")
        t.keys("Escape")
        t.wait_gone("↑↓ Enter: Choose")
        t.type("ма")                       # the first letters of a party's name
        t.wait_for("Who performs it                Мария Петровна Иванова")
        assert t.wait_rows("SELECT value FROM field_values WHERE key = 'debtor'",
                           lambda rows: ("Мария Петровна Иванова",) in rows), t.screen()


@T.test
def keys_typed_while_the_terminal_is_too_small_are_kept():
    with Tui(BITIM) as t:
        new_case(t)
        go_to_village(t)
        t.resize(40, 12)
        t.wait_all("Terminal too small", "kept")
        t.type("Жаркент")
        t.keys("Tab")
        t.resize(80, 24)
        assert t.wait_query("SELECT village FROM cases", [("Жаркент",)]) == [("Жаркент",)], t.screen()
        t.wait_for("Жаркент")


@T.test
def the_cursor_is_on_the_field_and_rows_below_it_stay_in_view():
    with Tui(BITIM) as t:
        new_case(t)
        go_to_village(t)
        t.type("Көктал")
        row = next(i for i, line in enumerate(t.lines()) if "Village or town" in line)
        t.wait_until(lambda s: t.cursor() == (33 + len("Көктал"), row), "the cursor after the typed text")
        # Down the page: the field in hand never sits on the last row of the form.
        # (Six fields follow the village before the last line, "+ Add: Party".)
        last_body_row = t.rows - 4                    # above the message line and the key bar
        for _ in range(6):
            t.keys("Tab")
        t.wait_until(lambda s: "Does another law forbid" in s.split("\n")[t.cursor()[1]], "the cursor on the last question")
        assert t.cursor()[1] <= last_body_row - 3, t.screen()   # rows below it in view
        # A larger terminal: the page uses the room (its top is back in view).
        t.resize(120, 50)
        t.wait_all("The request", "Date the request was received", "+ Add: Party")


@T.test
def the_last_field_of_a_closed_case_names_no_f2():
    """F2 completes a stage of an open case only: a closed case's last field
    names PgDn alone, as its key bar shows no F2."""
    with Tui(BITIM) as t:
        t.tmux("kill-server", check=False)
        r = subprocess.run([BITIM, "demo", "--db", t.db], capture_output=True, env=t.env, timeout=120)
        assert r.returncode == 0, r.stderr
        con = sqlite3.connect(t.db)
        number = con.execute("SELECT number FROM cases WHERE status = 'closed' ORDER BY id LIMIT 1").fetchone()[0]
        con.close()
        t.start()
        t.wait_for("cases")
        t.keys("/")
        t.type(number)
        t.wait_for(number)
        t.keys("Enter", "Enter")
        t.wait_for("now at: Closed")
        for _ in range(40):
            t.keys("Tab")
        shown = t.wait_for("Last field of this page")
        line = next(l for l in shown.split("\n") if "Last field of this page" in l)
        assert "PgDn" in line and "F2" not in line, shown
        assert "F2 " not in "".join(t.key_bar()), shown




@T.test
def in_a_text_of_several_lines_the_key_bar_offers_tab_and_enter_starts_a_line():
    with Tui(BITIM, cols=150) as t:  # wide enough for every key on the bar
        new_case(t)
        for _ in range(6):
            t.keys("Tab")
        t.wait_for("Several lines")
        bar = t.wait_until(lambda s: "Tab Next" in s, "Tab alone on the key bar")
        assert "Tab Enter" not in bar, bar
        t.type("Дуал жылжытылды.")
        t.keys("Enter")
        t.type("Көршілер келіспейді.")
        t.keys("Tab")
        bar = t.wait_until(lambda s: "Several lines" not in s and "Tab Enter" in s, "the next field's key bar")
        assert t.query("SELECT value FROM field_values WHERE key = 'description'") == \
            [("Дуал жылжытылды.\nКөршілер келіспейді.",)], bar


@T.test
def the_search_line_says_what_it_finds_and_the_way_back_in_kazakh():
    tmp = tempfile.mkdtemp(prefix="bitim-e2e-")
    try:
        subprocess.run([P["mkdb"], os.path.join(tmp, "bitim.db"), P["forms"], "--sample"], check=True, timeout=60)
        with Tui(BITIM, tmp=tmp, args=("--lang", "kk")) as t:
            t.wait_for("F3 ^F Іздеу")
            assert "Іздеу: нөмір" not in t.screen()
            t.keys("F3")
            t.wait_for("Іздеу: нөмір, аты не ЖСН; Enter не ↓: тізімге оралу")
            t.type("Сей")
            t.wait_for("1 іс")
            t.keys("Enter")                  # back on the list: the line is the list's again
            t.wait_gone("тізімге оралу")
            assert "Іздеу: Сей" in t.screen(), t.screen()   # the search stays
            t.quit()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@T.test
def the_case_lists_help_names_no_undo_on_f9():
    """On the case list F9 opens the settings: its help must not promise
    that F9 undoes; a case's help still says how to undo."""
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        t.keys("F1")
        t.wait_for("Keys on this screen")
        t.keys("PageDown")
        shown = t.wait_for("Leave bitim")
        assert "Undo (F9" not in shown, shown
        t.keys("Escape")
        t.wait_gone("Keys on this screen")
        t.keys("F4")
        t.wait_for("· Intake")
        t.keys("F1")
        t.wait_for("Keys on this screen")
        for _ in range(4):
            t.keys("PageDown")
        t.wait_for("Undo (F9 or Ctrl-Z)")
        t.keys("Escape")
        t.quit()


@T.test
def a_missing_field_of_a_party_names_the_party_apart_from_the_label():
    """A label with commas of its own and then ", Party 2" read as one list;
    the party comes first, in brackets."""
    with Tui(BITIM, args=("--lang", "kk")) as t:
        t.wait_for("bitim-ге қош келдіңіз")
        t.keys("Escape")
        t.wait_for("Әзірге іс жоқ")
        t.keys("F4")
        t.wait_for("Өтінішті қабылдау")
        for _ in range(11):
            t.keys("Tab")
        t.wait_for("+ Қосу: Тарап")
        t.keys("Enter")
        t.wait_for("Тарап 1")
        t.type("1")
        t.keys("Tab")
        t.type("1")
        t.keys("Tab")
        t.type("Әлия Нұрланқызы")
        t.keys("Tab")
        t.type("110115600017")      # born 15.01.2011: a minor on 10.03.2026
        t.keys("Tab")
        t.wait_for("Иә")
        t.keys("F2")
        t.wait_for("Толтырылмаған (Тарап 1): Қатысатын заңды өкіл, педагог немесе психолог")
        assert "психолог, Тарап 1" not in t.screen(), t.screen()
        t.keys("Escape")
        t.quit()


T.run()
