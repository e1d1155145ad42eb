"""End to end: every word fits at 80×24 in Kazakh, Russian and English on
every screen of the demonstration database: the key bar's items stand
apart, and a text cut short is cut at a word's end with its whole text in F1."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests", "e2e"))
sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests", "i18n"))
from tap import Tap, paths  # noqa: E402
from tui import Tui  # noqa: E402
import catalogue  # noqa: E402

T = Tap()
P = paths()
SRC = os.environ.get("srcdir", ".")
CASES = 12
HELP_TITLE = {"kk": "Анықтама", "ru": "Справка", "en": "Help"}
KEYS_ON_SCREEN = {"kk": "Осы экрандағы пернелер", "ru": "Клавиши на этом экране", "en": "Keys on this screen"}
# What a key-bar item starts with: its keys.
KEY = re.compile(r"^(F\d+( \^[A-Z])?|Enter|Esc( Enter)?|Tab Enter|Tab|PgUp/Dn|↑↓( Enter| PgUp/Dn)?) \S")
LETTER = re.compile(r"\w", re.UNICODE)


def demo(t, lang):
    t.tmux("kill-server", check=False)
    r = subprocess.run([P["bitim"], "demo", "--db", t.db], capture_output=True, env=t.env, timeout=120)
    assert r.returncode == 0, r.stderr
    t.start(("--lang", lang))


def check_key_bar(t, where):
    """Each of the two bottom rows: items apart by two blanks at least, each its keys and a label."""
    for row in t.key_bar():
        for item in re.split(r" {2,}", row.strip()):
            assert KEY.match(item), "%s: key-bar item %r runs into another:\n%s" % (where, item, t.screen())


def cut_words(screen):
    """The word fragments right before a "…" that is not "… F1"."""
    out = []
    for line in screen.split("\n"):
        for m in re.finditer("…", line):
            if line[m.end():m.end() + 3] == " F1":
                continue
            before = line[:m.start()]
            frag = re.search(r"(\w+)$", before)
            if frag:
                out.append(frag.group(1))
    return out


def help_text(t, lang):
    """The whole of F1, read page by page (its "19-36/40" tells where)."""
    t.keys("F1")
    # The box is drawn whole once its own key line and bottom corner show.
    shown = t.wait_all(HELP_TITLE[lang] + " ─", "Esc Enter: ", "┘")
    check_key_bar(t, "help")                           # the help's own keys, apart
    text = []
    while True:
        text += [line.split("│")[1].strip() for line in shown.split("\n") if line.count("│") >= 2]
        at = re.search(r"(\d+)-(\d+)/(\d+)", shown)
        if not at or at.group(2) == at.group(3):
            break
        t.keys("PageDown")
        last = at.group(0)
        shown = t.wait_until(lambda s: "┘" in s and re.search(r"\d+-\d+/\d+", s)
                             and re.search(r"\d+-\d+/\d+", s).group(0) != last, "the next page of help")
    t.keys("Escape")
    t.wait_gone(HELP_TITLE[lang] + " ─")
    # The box's rows joined: a word wrapped onto the next row comes together again.
    return " ".join(text)


def settled(t):
    """The screen once two captures in a row agree (a redraw is not half done)."""
    last = [None]

    def same(shown):
        agree = shown == last[0]
        last[0] = shown
        return agree
    return t.wait_until(same, "a settled screen")


def check_words(t, lang, where, rows=None):
    """A word cut before "…" is whole in F1's text (so it was cut at its end, not inside)."""
    shown = settled(t)
    lines = shown.split("\n")
    frags = cut_words("\n".join(l for i, l in enumerate(lines) if rows is None or i in rows))
    if not frags:
        return
    full = help_text(t, lang)
    for frag in frags:
        assert re.search(re.escape(frag) + r"(\W|$)", full), \
            "%s: %r is cut inside a word (F1 does not have it whole):\n%s\nF1: %s" % (where, frag, shown, full)


# A label's line that is only a short word ending a question ("ба?", "ме?"):
# it belongs with the word before it.
ORPHAN = re.compile(r"^  \w{1,3}\?( |$)", re.UNICODE)


def check_screen(t, lang, where, rows=None):
    settled(t)
    assert all(len(line) <= t.cols for line in t.lines())
    orphans = [line for line in t.lines() if ORPHAN.match(line)]
    assert not orphans, "%s: a question's last word alone on a line:\n%s" % (where, t.screen())
    check_key_bar(t, where)
    check_words(t, lang, where, rows)


def check_dialogs(t, lang):
    """On a case page: a pick list and a question keep their key bars apart too."""
    t.keys("Tab")
    t.wait_until(lambda s: "1-9" in s.split("\n")[t.rows - 3], "a choice field")
    t.keys("Enter")
    t.wait_all("┌", "┘", "↑↓ Enter: ")
    check_key_bar(t, "pick list")
    t.keys("Escape")
    t.wait_gone("↑↓ Enter: ")
    t.keys("F2")
    t.wait_all("┌", "┘")
    check_key_bar(t, "F2 dialog")
    t.keys("Escape")
    t.wait_gone("┘")


FIRST = {"kk": "Бұл — бірінші кезең", "ru": "Это первый этап", "en": "This is the first stage"}


def walk(lang):
    with Tui(P["bitim"], args=("--lang", lang)) as t:
        demo(t, lang)
        listed = t.wait_until(lambda s: s.count("DEM-") >= CASES, "the list")
        title = listed.split("\n")[0]
        for i in range(CASES):
            t.keys("Home")
            for _ in range(i):
                t.keys("Down")
            t.wait_until(lambda s: s.count("DEM-") >= CASES, "the list")
            # Only the selected row is whole in F1; the title, status and header lines are checked too.
            check_screen(t, lang, "list, row %d" % i, rows={0, 1, 2, 3 + i})
            t.keys("Enter")
            t.wait_gone(title)
            for page in range(9):
                check_screen(t, lang, "case %d, page %d" % (i, page))
                top = t.screen().split("\n")[0]
                t.keys("PageUp")
                shown = t.wait_until(lambda s: s.split("\n")[0] != top or FIRST[lang] in s, "the previous page")
                if FIRST[lang] in shown:
                    break
            if i == 0:
                check_dialogs(t, lang)
            t.keys("F10")
            t.wait_for(title)
        t.keys("F9")
        t.wait_gone(title)
        check_screen(t, lang, "settings")
        t.quit()


@T.test
def every_screen_fits_80x24_in_kazakh():
    walk("kk")


@T.test
def every_screen_fits_80x24_in_russian():
    walk("ru")


@T.test
def every_screen_fits_80x24_in_english():
    walk("en")


@T.test
def the_case_key_bar_at_60x18_cuts_no_label():
    """Before a label is cut, the gaps between the items narrow to one blank."""
    labels = {"ru": ("Прекратить", "Дела"), "kk": ("Тоқтату", "Істер")}
    for lang, whole in labels.items():
        with Tui(P["bitim"], cols=60, rows=18, args=("--lang", lang)) as t:
            t.tmux("kill-server", check=False)
            subprocess.run([P["mkdb"], t.db, P["forms"], "--sample-draft"], check=True, timeout=60)
            t.start(("--lang", lang))
            t.wait_for("KRG-2026-0001")
            t.keys("Enter")
            t.wait_for("KRG-2026-0001 ·")
            bar = "\n".join(t.key_bar())
            assert "…" not in bar and all(w in bar for w in whole), (lang, t.screen())


@T.test
def a_long_choice_is_cut_at_a_words_end_and_shown_whole_in_hand():
    """The grounds for termination are longer than a pick list's line at
    80×24 in Kazakh: each is cut at a word's end, and the one moved to is
    shown whole under the list before it is chosen."""
    ground = ("Медиатор дауды медиация арқылы шешу мүмкіндігін жоққа шығаратын мән-жайларды "
              "анықтады (26-баптың 1-тармағының 2) тармақшасы)")
    with Tui(P["bitim"], args=("--lang", "kk")) as t:
        t.wait_for("bitim-ге қош келдіңіз")
        t.keys("Escape")
        t.wait_for("Әзірге іс жоқ")
        t.keys("F4")
        t.wait_for("Өтінішті қабылдау")
        t.keys("F6")
        t.wait_for("Тоқтату негізі")
        t.keys("Enter")
        shown = t.wait_all("┌─ Тоқтату негізі", "↑↓ Enter: ")
        # A cut row is the start of a translation up to a blank: cut at a word's end.
        texts = [m for _, strs in catalogue.entries(os.path.join(SRC, "locale", "kk.po")) for m in strs]
        for line in shown.split("\n"):
            if line.count("│") >= 2 and "…" in line:
                start = re.sub(r"^\d ", "", line.split("│")[1].strip()).split("…")[0]
                assert any(m.startswith(start) and m[len(start):len(start) + 1] == " " for m in texts), \
                    "%r is cut inside a word:\n%s" % (start, shown)
        t.keys("Down")
        shown = t.wait_for("тармақшасы)")
        inside = " ".join(line.split("│")[1].strip() for line in shown.split("\n") if line.count("│") >= 2)
        assert ground in inside, shown
        t.keys("Escape")
        t.wait_gone("↑↓ Enter: ")
        t.quit()


T.run()
