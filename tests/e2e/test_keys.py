"""End to end: never trapped, every key. Leaving an invalid field, the
greeting's keys, both forms of the cursor keys, unknown escape sequences,
Ctrl-Z under TERM=linux, F5 inside dialogs, choices typed by their first
letters, parties picked by name, settings that fill a new case."""
import os
import sys

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests", "e2e"))
from tap import Tap, paths  # noqa: E402
from tui import Tui  # noqa: E402
import steps  # noqa: E402

T = Tap()
BITIM = paths()["bitim"]


def new_case(t):
    steps.skip_welcome(t)
    t.keys("F4")
    t.wait_for("· Intake")


def village_line(t):
    return next(line for line in t.lines() if "Village or town" in line)


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
        assert "Correct it" in "".join(t.key_bar()) and "F4" not in "".join(t.key_bar()), t.screen()
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
        t.wait_for("· Intake")
        assert "Көктал" in village_line(t), t.screen()
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
        assert "F9 ^Z Undo" in " ".join(t.key_bar()), t.screen()
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


T.run()
