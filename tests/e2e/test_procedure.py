"""End to end: a mediator takes a case from intake to a signed agreement in
the real bitim at 80×24, then finds everything again after a restart."""
import os
import sys

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests", "e2e"))
from tap import Tap, paths  # noqa: E402
from tui import Tui  # noqa: E402
import steps  # noqa: E402

T = Tap()
BITIM = paths()["bitim"]
P = paths()


@T.test
def intake_to_signed_agreement_and_back_after_restart():
    with Tui(BITIM, today="2026-04-10") as t:   # after the last date typed: no date may lie ahead
        steps.skip_welcome(t, office="Көктал ауылдық әкімдігі", mediator="Бақыт Омарова")
        t.keys("F4")
        t.wait_for("KRG-2026-0001")
        t.wait_for("Intake")
        # An invalid IIN is refused with the reason, kept for correction, not saved.
        steps.intake_until_first_iin(t)
        steps.next_field(t, "791028302729")
        t.wait_all("check digit", "791028302729")
        assert t.query("SELECT count(*) FROM parties WHERE iin IS NOT NULL") == [(0,)]
        t.keys("BSpace")
        t.type("8")
        t.keys("Tab")
        t.wait_gone("check digit")
        steps.intake_after_first_iin(t)
        steps.complete_stage(t, "Offer and consent")
        steps.fill_consent(t)
        t.wait_for("13.03.2026")          # the answer to the offer is due (overdue by today, 10.04.2026)
        assert t.query("SELECT mediator_name FROM cases") == [("Бақыт Омарова",)]
        steps.complete_stage(t, "Agreement on mediation")
        steps.fill_contract(t)
        steps.complete_stage(t, "Sessions")
        steps.fill_sessions(t)
        steps.complete_stage(t, "Settlement agreement")
        steps.fill_settlement(t)
        t.keys("F2")
        # which printed version was signed: the case's language (Kazakh) or kk+ru
        t.wait_all("Which printed version did the parties sign?", "Kazakh and Russian")
        t.keys("2")
        t.wait_for("cannot be edited")     # the freeze is announced
        t.keys("Enter")
        t.wait_for("The case is now at: Follow-up")
        # signed: the terms are frozen
        assert t.query("SELECT stage, outcome FROM cases") == [("followup", "settled")]
        # printed as signed: no language is asked, the file is the signed text
        t.keys("F7")
        t.wait_for("Settlement agreement")
        t.keys("2")
        if "Send the document" in t.wait_any("saved as it was", "Send the document to the default printer?"):
            t.keys("Escape")
        shown = t.wait_for("saved as it was")
        assert "Language of the document" not in shown, shown
        signed = t.query("SELECT body, language FROM documents WHERE kind = 'settlement'")
        saved = os.path.join(t.tmp, "bitim-documents", "KRG-2026-0001-settlement-%s.txt" % signed[0][1])
        assert signed[0][1] == "kk+ru", signed[0][1]
        # the message line names the whole file first (a long message is cut at its end)
        assert "~/bitim-documents/KRG-2026-0001-settlement-kk+ru.txt: saved" in shown, shown
        with open(saved, encoding="utf-8") as f:
            assert signed[0][0].split("\n")[0] in f.read()
        # the saved paper is the signed one, and a second print never replaces it
        import subprocess
        r = subprocess.run([BITIM, "--db", t.db, "verify", "KRG-2026-0001", saved], capture_output=True, text=True,
                           env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en"), timeout=60)
        assert r.returncode == 0, r
        t.keys("F7")
        t.wait_for("Settlement agreement")
        t.keys("2")
        if "Send the document" in t.wait_any("saved as it was", "Send the document to the default printer?"):
            t.keys("Escape")
        t.wait_for("saved as it was")
        import time
        deadline = time.time() + 20
        while not os.path.exists(saved.replace(".txt", "-2.html")) and time.time() < deadline:
            time.sleep(0.1)
        docs = sorted(os.listdir(os.path.dirname(saved)))
        assert docs == ["KRG-2026-0001-settlement-kk+ru-2.html", "KRG-2026-0001-settlement-kk+ru-2.txt",
                        "KRG-2026-0001-settlement-kk+ru.html", "KRG-2026-0001-settlement-kk+ru.txt"], docs
        t.keys("PageUp")
        t.wait_for("· Settlement · now at: Checking")   # the page before, and where the case is
        t.type("x")
        t.wait_for("addendum")
        t.keys("PageDown")
        t.wait_for("Follow-up")
        steps.fill_followup(t)
        steps.complete_stage(t, "Closed")
        t.keys("F10")
        t.wait_for("Closed")
        t.quit()
        # Reopen: everything is as typed.
        t.restart()
        t.wait_for("KRG-2026-0001")
        t.wait_for("Қайрат Сейітов —")
        t.keys("F1")                      # the row cut at a word's end; F1 has it whole
        t.wait_all("Parties: Қайрат Сейітов — Мария Иванова", "Stage: Closed")
        t.keys("Escape")
        t.wait_gone("Parties: Қайрат")
        t.keys("Enter")
        t.wait_for("Follow-up")
        t.keys("PageUp", "PageUp", "PageUp", "PageUp", "PageUp")
        t.wait_for("· Intake")
        t.wait_for("Шекара мен суару суы")
        for _ in range(24):               # down to party 2
            t.keys("Tab")
        t.wait_for("Мария Иванова")
        rows = t.query("SELECT full_name, iin FROM parties ORDER BY position")
        assert rows == [("Қайрат Сейітов", "791028302728"), ("Мария Иванова", "061211600012")], rows
        assert t.query("SELECT received_on, category, signed_on, status FROM cases") == \
            [("2026-03-02", "neighbours", "2026-03-20", "closed")]
        notes = t.query("SELECT count(*) FROM events WHERE kind = 'stage'")
        assert notes == [(6,)], notes


@T.test
def search_finds_lowercase_kazakh_substring():
    with Tui(BITIM) as t:
        steps.skip_welcome(t)
        for name in ("Қайрат Сейітов", "Мария Иванова", "Ержан Мұратұлы"):
            steps.case_with_party(t, name)
            t.keys("F10")
            t.wait_for("cases")
        t.wait_for("3 cases")
        t.keys("/")
        t.type("мұрат")
        t.wait_until(lambda shown: "1 case " in shown and "Ержан Мұратұлы" in shown and "Мария" not in shown,
                     "only Ержан Мұратұлы found")
        for _ in range(5):
            t.keys("BSpace")
        t.type("qairat")                  # Kazakh Latin finds Қайрат
        t.wait_all("Қайрат Сейітов", "1 case ")
        t.keys("C-w")
        t.type("болат")
        t.wait_for("No case matches")


@T.test
def signing_in_kazakh_asks_which_version_and_fits_60x18():
    """A case in Kazakh, signed on the kk+ru paper: the question fits the
    smallest terminal, and the frozen text is the bilingual one."""
    import subprocess
    import tempfile
    tmp = tempfile.mkdtemp(prefix="bitim-e2e-")
    subprocess.run([P["mkdb"], os.path.join(tmp, "bitim.db"), P["forms"], "--sample-draft", "kk"], check=True,
                   env=dict(os.environ, LC_ALL="C.UTF-8"), timeout=60)
    with Tui(BITIM, cols=60, rows=18, today="2026-03-21", tmp=tmp, args=("--lang", "kk")) as t:
        t.wait_for("KRG-2026-0001")
        t.keys("Enter")
        t.wait_for("Қол қойылған жер")
        t.keys("F2")
        shown = t.wait_all("Тараптар қай басып шығарылған нұсқаға қол қойды?", "1 Қазақ тілі", "2 Қазақ және орыс тілдері")
        assert "Болдырмау" in shown, shown
        t.keys("Escape")                  # cancelled: nothing is signed
        t.wait_gone("нұсқаға қол қойды")
        assert t.query("SELECT count(*) FROM documents") == [(0,)]
        t.keys("F2")
        t.wait_for("нұсқаға қол қойды")
        t.keys("2")
        t.wait_for("өзгертуге болмайды")
        t.keys("Enter")
        t.wait_for("Орындалуын бақылау")
        # The stage's name may show before the signed text is stored: wait for the row.
        assert t.wait_query("SELECT language FROM documents WHERE kind = 'settlement'", [("kk+ru",)]) == [("kk+ru",)]
        body = t.query("SELECT body FROM documents")[0][0]
        assert "Осы келісім қазақ және орыс" in body and "Настоящее соглашение составлено" in body, body


@T.test
def followup_closes_with_an_obligation_not_yet_due_after_the_warning():
    with Tui(BITIM, today="2026-03-25") as t:   # the obligation is due on 01.04.2026
        steps.skip_welcome(t, office="Көктал ауылдық әкімдігі", mediator="Бақыт Омарова")
        t.keys("F4")
        t.wait_for("Intake")
        steps.fill_intake(t)
        steps.complete_stage(t, "Offer and consent")
        steps.fill_consent(t)
        steps.complete_stage(t, "Agreement on mediation")
        steps.fill_contract(t)
        steps.complete_stage(t, "Sessions")
        steps.fill_sessions(t)
        steps.complete_stage(t, "Settlement agreement")
        steps.fill_settlement(t)
        t.keys("F2")
        t.wait_for("Which printed version did the parties sign?")
        t.keys("1")
        t.wait_for("cannot be edited")
        t.keys("Enter")
        t.wait_for("The case is now at: Follow-up")
        steps.next_field(t, "1")      # not yet due or not checked
        steps.next_field(t)           # not checked yet
        steps.next_field(t, "1")      # the parties ask to close the file
        # F2 warns, and Esc keeps the case open
        t.keys("F2")
        t.wait_all("Complete the stage", "Warning:", "is not yet due")
        t.keys("Escape")
        t.wait_gone("Warning:")
        assert t.query("SELECT stage FROM cases") == [("followup",)]
        # confirmed: the case is closed with the obligation still pending
        t.keys("F2")
        t.wait_all("Warning:", "is not yet due")
        t.keys("Enter")
        t.wait_for("The case is now at: Closed")
        assert t.query("SELECT stage, status FROM cases") == [("closed", "closed")]
        assert t.query("SELECT status FROM obligations") == [("pending",)]



@T.test
def the_iin_answers_whether_a_party_is_a_minor():
    """An adult's IIN answers No, a child's Yes (and asks who takes part
    with the child); the answer is not typed over, and one undo takes back
    the IIN with the answer it gave."""
    with Tui(BITIM, today="2026-04-10") as t:
        steps.skip_welcome(t)
        t.keys("F4")
        t.wait_for("Intake")
        steps.intake_until_first_iin(t)
        steps.next_field(t, "791028302728")          # born 28.10.1979
        steps.next_field(t, "1")                     # takes part as: party
        t.wait_for("Answered from the IIN's birth date: to change it, correct the IIN")
        line = [row for row in t.lines() if "Is this person a minor?" in row]
        assert line and line[0].split()[-1] == "No", t.screen()
        t.keys("Delete")                             # refused, said why, nothing stored but No
        t.wait_for("Answered from the IIN's birth date")
        assert t.query("SELECT value FROM field_values WHERE key = 'minor'") == [("no",)]
        t.keys("BTab", "BTab")                       # back to the IIN: a child's
        t.wait_for("IIN: 12 digits")
        t.keys(*["BSpace"] * 12)
        t.type("120101500016")                       # born 01.01.2012
        t.keys("Tab")
        t.wait_for("Legal representative")
        line = [row for row in t.lines() if "Is this person a minor?" in row]
        assert line and line[0].split()[-1] == "Yes", t.screen()
        assert t.query("SELECT value FROM field_values WHERE key = 'minor'") == [("yes",)]
        t.keys("F9")                                 # one undo: the adult's IIN and its No
        t.wait_gone("Legal representative")
        t.wait_for("791028302728")
        assert t.query("SELECT value FROM field_values WHERE key = 'minor'") == [("no",)]
        t.keys("F5")                                 # in Kazakh the question's particle stays with its word
        shown = t.wait_for("Бұл адам кәмелетке")
        assert "толмаған ба?" in shown and not [row for row in t.lines() if row.startswith("  ба?")], shown
        t.quit()


T.run()
