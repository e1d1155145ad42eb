"""End to end: Kazakh, Russian and English on a machine with only C.UTF-8,
switched while running, remembered after a restart, and fitting 80×24."""
import os
import sys

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests", "e2e"))
from tap import Tap, paths  # noqa: E402
from tui import Tui  # noqa: E402

T = Tap()
BITIM = paths()["bitim"]

# What each language shows on the empty case list and on a new case's first page.
SHOWN = {
    "kk": ("Әзірге іс жоқ", "Өтінішті қабылдау", "Анықтама", "Тіл: қазақша"),
    "ru": ("Дел пока нет", "Приём обращения", "Справка", "Язык: русский"),
    "en": ("No cases yet", "Intake", "Help", "Language: English"),
}


def to_list(t, lang):
    welcome = {"kk": "қош келдіңіз", "ru": "Добро пожаловать", "en": "Welcome to bitim"}[lang]
    t.wait_for(welcome)
    t.keys("Enter")
    t.keys("F10")
    t.wait_for(SHOWN[lang][0])


def key_bar_fits(t):
    """The bottom two lines hold every key with its whole label (no "…")."""
    lines = t.lines()
    bar = lines[t.rows - 2] + lines[t.rows - 1]
    assert "…" not in bar, t.screen()
    assert all(len(line) <= t.cols for line in lines)


@T.test
def kazakh_from_the_command_line_on_c_utf8():
    with Tui(BITIM, args=("--lang", "kk")) as t:
        assert t.env["LC_ALL"] == "C.UTF-8"
        to_list(t, "kk")
        key_bar_fits(t)


@T.test
def the_language_key_cycles_kk_ru_en_and_is_remembered():
    with Tui(BITIM, args=("--lang", "kk")) as t:
        to_list(t, "kk")
        t.keys("F5")
        t.wait_for(SHOWN["ru"][3])
        t.wait_for(SHOWN["ru"][0])
        t.keys("C-l")
        t.wait_for(SHOWN["en"][3])
        t.wait_for(SHOWN["en"][0])
        t.keys("F5")
        t.wait_for(SHOWN["kk"][0])
        t.keys("F5")                      # leave it at Russian
        t.wait_for(SHOWN["ru"][0])
        assert t.wait_query("SELECT value FROM settings WHERE key = 'ui_language'", [("ru",)]) == [("ru",)]
        t.quit()
        t.restart()                       # no --lang: the saved choice
        t.wait_for(SHOWN["ru"][0])


@T.test
def the_environment_chooses_when_nothing_is_saved():
    with Tui(BITIM, env={"LANGUAGE": "ru"}) as t:
        to_list(t, "ru")


@T.test
def every_language_fits_80x24_on_each_screen():
    with Tui(BITIM, args=("--lang", "kk")) as t:
        to_list(t, "kk")
        t.keys("F4")
        t.wait_for(SHOWN["kk"][1])
        for lang in ("kk", "ru", "en"):
            if lang != "kk":
                t.keys("F5")
                t.wait_for(SHOWN[lang][1])
            key_bar_fits(t)
            t.keys("F1")
            t.wait_for({"kk": "Осы экрандағы пернелер", "ru": "Клавиши на этом экране",
                        "en": "Keys on this screen"}[lang])
            t.keys("Escape")
            t.keys("F10")
            t.wait_for({"kk": "1 іс", "ru": "1 дело", "en": "1 case"}[lang])
            key_bar_fits(t)
            t.keys("Enter")
            t.wait_for(SHOWN[lang][1])


@T.test
def plural_forms_on_the_list():
    with Tui(BITIM, args=("--lang", "ru")) as t:
        to_list(t, "ru")
        for count, text in ((1, "1 дело"), (2, "2 дела"), (5, "5 дел")):
            while True:
                t.keys("F4")
                t.wait_for(SHOWN["ru"][1])
                t.keys("F10")
                t.wait_for("Поиск:")
                if t.query("SELECT count(*) FROM cases")[0][0] >= count:
                    break
            t.wait_for(text + " ·")


T.run()
