"""The translations: complete, current with the sources and forms, with the
right plural forms, and written in real Kazakh and Russian letters."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
from tap import Tap  # noqa: E402
from catalogue import entries  # noqa: E402

T = Tap()
SRC = os.environ.get("srcdir", ".")
BUILD = os.environ.get("top_builddir", ".")
LANGS = ("kk", "ru")
PLURALS = {
    "kk": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}


def po(lang):
    return os.path.join(SRC, "locale", lang + ".po")


def fresh_template(tmp):
    """The template made now from the sources and forms, as `make update-po` makes it."""
    opts = os.environ["XGETTEXT_OPTIONS"].split()
    code = os.path.join(tmp, "code.pot")
    forms = os.path.join(tmp, "forms.pot")
    both = os.path.join(tmp, "bitim.pot")
    subprocess.run(["xgettext", *opts, "-D", SRC, "-f", os.path.join(SRC, "locale", "POTFILES.in"), "-o", code],
                   check=True)
    raw = subprocess.run([os.path.join(BUILD, "locale", "forms-pot"), os.path.join(SRC, "forms")],
                         check=True, capture_output=True, text=True).stdout
    subprocess.run(["msguniq", "--use-first", "-o", forms, "-"], input=raw, text=True, check=True)
    subprocess.run(["msgcat", "--use-first", "-o", both, code, forms], check=True)
    return both


@T.test
def every_entry_is_translated_and_none_is_fuzzy():
    for lang in LANGS:
        r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", po(lang)],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert "untranslated" not in r.stderr and "fuzzy" not in r.stderr, (lang, r.stderr)


@T.test
def every_string_of_the_code_and_forms_is_in_each_catalogue():
    with tempfile.TemporaryDirectory() as tmp:
        pot = fresh_template(tmp)
        for lang in LANGS:
            r = subprocess.run(["msgcmp", po(lang), pot], capture_output=True, text=True)
            assert r.returncode == 0, "%s.po lacks strings (run make update-po):\n%s" % (lang, r.stderr)


@T.test
def every_source_with_strings_is_listed():
    listed = {l.strip() for l in open(os.path.join(SRC, "locale", "POTFILES.in")) if l.strip() and not l.startswith("#")}
    for top in ("src",):
        for dirpath, _, files in os.walk(os.path.join(SRC, top)):
            for name in files:
                if not name.endswith(".c"):
                    continue
                path = os.path.relpath(os.path.join(dirpath, name), SRC)
                text = open(os.path.join(SRC, path), encoding="utf-8").read()
                if re.search(r'\b(_|N_|ngettext)\("', text):
                    assert path in listed, "%s has strings but is not in locale/POTFILES.in" % path


@T.test
def plural_forms_are_right():
    for lang in LANGS:
        head = open(po(lang), encoding="utf-8").read()
        assert ('"Plural-Forms: %s\\n"' % PLURALS[lang]) in head, lang


@T.test
def words_never_mix_latin_and_cyrillic_letters():
    # A Latin "a" or "o" inside a Cyrillic word looks right and sorts, searches
    # and prints wrong; Kazakh letters must be the real ә ғ қ ң ө ұ ү һ і.
    mixed = re.compile(r"\w*(?:[a-zA-Z]\w*[\u0400-\u04ff]|[\u0400-\u04ff]\w*[a-zA-Z])\w*")
    for lang in LANGS:
        for mid, strs in entries(po(lang)):
            for s in strs:
                for word in re.findall(r"[^\s\"'«»(),.:;!?/|=\[\]]+", s):
                    assert not mixed.fullmatch(word), "%s.po: %r in %r" % (lang, word, s)


@T.test
def kazakh_uses_its_own_letters():
    text = "".join(s for _, strs in entries(po("kk")) for s in strs)
    for letter in "әғқңөұүі":
        assert letter in text, "no %s in kk.po" % letter
    assert "ЖСН" in text and "БСН" in text


T.run()
