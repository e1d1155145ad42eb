"""Documents: golden texts of every document in kk, ru, en and kk+ru from a
fixed case (long names, multi-line terms, three parties, an organisation with
a BIN and a representative), HTML well-formed and escaped, confidential notes
only on request, missing data listed, and the signed agreement frozen and
verifiable. BITIM_UPDATE_GOLDEN=1 rewrites the golden files."""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
from tap import Tap, paths  # noqa: E402

T = Tap()
P = paths()
GOLDEN = os.path.join(P["srcdir"], "tests", "data", "golden")
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en", BITIM_TODAY="2026-03-21")
LANGS = ("kk", "ru", "en", "kk+ru")
TMP = tempfile.mkdtemp(prefix="bitim-docs-")


def sample(kind):
    db = os.path.join(TMP, kind + ".db")
    if not os.path.exists(db):
        subprocess.run([P["mkdb"], db, P["forms"], "--sample" + ("" if kind == "signed" else "-" + kind)],
                       check=True, env=ENV, timeout=60)
    return db


def bitim(*args):
    return subprocess.run([P["bitim"], *args], capture_output=True, text=True, env=ENV, timeout=60)


def normalise(text):
    """The date of printing is the only thing that may differ."""
    return re.sub(r" · \d\d\.\d\d\.\d{4} --$", " · DD.MM.YYYY --", text, flags=re.M)


def compare_golden(name, text):
    path = os.path.join(GOLDEN, name)
    text = normalise(text)
    if os.environ.get("BITIM_UPDATE_GOLDEN"):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    with open(path, encoding="utf-8") as f:
        want = f.read()
    assert text == want, "%s differs from the golden file:\n%s" % (name, text)


def column(text, side):
    """One column of a two-column bilingual text (0: kk, 1: ru), its lines
    joined with blanks: the words of that language in order."""
    words = []
    for line in text.split("\n"):
        part = line[:37] if side == 0 else line[39:]
        if line.startswith("-- bitim") or (side == 1 and len(line) > 37 and line[37:39] != "  "):
            continue  # a footer, or a line across the page (title, signature)
        words.extend(part.split())
    return " ".join(words)


def render(db, kind, lang, fmt="txt", *extra):
    r = bitim("--db", db, "print", "KRG-2026-0001", "--doc", kind, "--lang", lang, "--format", fmt, *extra)
    assert r.returncode == 0, r.stderr
    return r.stdout


@T.test
def golden_documents_in_every_language():
    for kind in ("contract", "settlement", "minutes", "card"):
        for lang in LANGS:
            compare_golden("%s.%s.txt" % (kind, lang), render(sample("draft"), kind, lang))
    for lang in LANGS:
        compare_golden("termination.%s.txt" % lang, render(sample("terminated"), "termination", lang))


@T.test
def text_pages_fit_a4_with_the_fingerprint_on_each():
    text = render(sample("draft"), "contract", "kk+ru")
    pages = text.split("\f")
    assert len(pages) >= 2, len(pages)
    for page in pages:
        lines = page.rstrip("\n").split("\n")
        assert len(lines) <= 64, len(lines)
        assert re.match(r"-- bitim · KRG-2026-0001 · SHA-256 [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} · \d+/\d+ · ",
                        lines[-1]), lines[-1]
        assert all(len(line) <= 76 for line in lines[:-1]), [l for l in lines if len(l) > 76]


@T.test
def html_is_well_formed_and_escapes_user_text():
    for kind in ("contract", "settlement", "minutes", "card"):
        for lang in LANGS:
            html = render(sample("draft"), kind, lang, "html")
            assert html.startswith("<!DOCTYPE html>"), html[:40]
            root = ET.fromstring(html[len("<!DOCTYPE html>"):])
            assert root.tag == "html"
            assert "@page" in html and "A4" in html
    html = render(sample("draft"), "contract", "en", "html")
    assert "15 &lt;үй&gt; &amp; &quot;бақ&quot;" in html, html
    assert "<үй>" not in html
    html = render(sample("draft"), "settlement", "kk+ru", "html")
    # one paper: a two-column table, a clause a row, one signature block
    assert 'class="bi"' in html and '<td lang="kk">' in html and '<td lang="ru">' in html
    assert html.count('class="sign"') == 4  # three parties and the mediator, once


@T.test
def confidential_notes_only_when_asked():
    plain = render(sample("draft"), "minutes", "en")
    assert "CONFIDENTIAL" not in plain
    assert "Тараптар шекараны бірге өлшеді" in plain  # the summary is not confidential
    asked = render(sample("draft"), "minutes", "en", "txt", "--include-confidential")
    assert "CONFIDENTIAL: the first party fears losing water" in asked


@T.test
def missing_data_is_listed_before_anything_is_printed():
    r = bitim("--db", sample("draft"), "print", "KRG-2026-0001", "--doc", "termination", "--lang", "en")
    assert r.returncode == 1 and r.stdout == "", r
    assert "Missing: Ground for termination" in r.stderr and "Missing: Date of termination" in r.stderr, r.stderr
    r = bitim("--db", sample("draft"), "print", "KRG-9999-0001", "--doc", "card")
    assert r.returncode == 1 and "no case KRG-9999-0001" in r.stderr, r.stderr
    r = bitim("--db", sample("draft"), "print", "KRG-2026-0001", "--doc", "poem")
    assert r.returncode == 2, r


@T.test
def signed_agreement_is_frozen_and_verifiable():
    db = sample("signed")
    signed = os.path.join(TMP, "signed.txt")
    r = bitim("--db", db, "print", "KRG-2026-0001", "--doc", "settlement", "-o", signed)
    assert r.returncode == 0, r.stderr
    assert oct(os.stat(signed).st_mode & 0o777) == "0o600"
    text = open(signed, encoding="utf-8").read()
    # it is the text stored at signing: kk then ru, whatever --lang says now
    assert "ДАУДЫ (ЖАНЖАЛДЫ) МЕДИАЦИЯ ТӘРТІБІМЕН РЕТТЕУ ТУРАЛЫ КЕЛІСІМ" in text and "СОГЛАШЕНИЕ ОБ УРЕГУЛИРОВАНИИ СПОРА (КОНФЛИКТА)" in text
    assert render(db, "settlement", "en") == text.replace(" · 21.03.2026 --", " · 21.03.2026 --")
    r = bitim("--db", db, "print", "KRG-2026-0001", "--doc", "settlement", "--lang", "en")
    assert "signed in kk+ru; it is given as signed, not in en" in r.stderr, r.stderr   # said, not silent
    r = bitim("--db", db, "print", "KRG-2026-0001", "--doc", "settlement", "--lang", "kk+ru")
    assert r.returncode == 0 and r.stderr == "", r.stderr
    r = bitim("--db", db, "verify", "KRG-2026-0001", signed)
    assert r.returncode == 0 and "is the signed settlement agreement" in r.stdout, r
    # one changed character is found
    changed = os.path.join(TMP, "changed.txt")
    with open(changed, "w", encoding="utf-8") as f:
        f.write(text.replace("1 метр", "2 метр", 1))
    r = bitim("--db", db, "verify", "KRG-2026-0001", changed)
    assert r.returncode == 1 and "NOT" in r.stdout, r
    # a draft was never signed
    r = bitim("--db", sample("draft"), "verify", "KRG-2026-0001", signed)
    assert r.returncode == 1 and "no signed settlement" in r.stderr, r
    # the stored fingerprint is the one printed
    import sqlite3
    con = sqlite3.connect(db)
    sha = con.execute("SELECT sha256 FROM documents WHERE kind = 'settlement'").fetchone()[0]
    con.close()
    short = " ".join(sha[i:i + 4] for i in range(0, 16, 4))
    assert ("SHA-256 " + short) in text, short


@T.test
def signed_version_is_the_one_chosen_at_signing():
    # a case in Russian whose parties signed the kk+ru paper
    db = os.path.join(TMP, "ru-signed-kkru.db")
    subprocess.run([P["mkdb"], db, P["forms"], "--sample", "ru", "kk+ru"], check=True, env=ENV, timeout=60)
    import sqlite3
    con = sqlite3.connect(db)
    assert con.execute("SELECT language FROM documents WHERE kind = 'settlement'").fetchone() == ("kk+ru",)
    con.close()
    paper = os.path.join(TMP, "ru-signed.txt")
    r = bitim("--db", db, "print", "KRG-2026-0001", "--doc", "settlement", "-o", paper)
    assert r.returncode == 0, r.stderr
    text = open(paper, encoding="utf-8").read()
    assert "екі мәтіннің заңды күші бірдей" in column(text, 0), text
    assert "оба текста имеют одинаковую юридическую силу" in column(text, 1), text
    r = bitim("--db", db, "verify", "KRG-2026-0001", paper)
    assert r.returncode == 0, r
    # the html of the signed paper is that very text
    html = render(db, "settlement", "ru", "html")
    assert "Настоящее соглашение составлено" in html
    ET.fromstring(html[len("<!DOCTYPE html>"):])  # well-formed, its pages breaking where the text's did
    assert html.count('class="break"') == text.count("\f") - text.count("--\f"), html
    # printing again never replaces the paper saved before
    r = bitim("--db", db, "print", "KRG-2026-0001", "--doc", "settlement", "-o", paper)
    assert r.returncode == 1 and "exists already" in r.stderr and "--force" in r.stderr, r
    assert open(paper, encoding="utf-8").read() == text
    r = bitim("--db", db, "print", "KRG-2026-0001", "--doc", "card", "-o", paper, "--force")
    assert r.returncode == 0 and open(paper, encoding="utf-8").read() != text, r
    # a case in Russian signed in Russian: one language, no parity clause
    db = os.path.join(TMP, "ru-signed-ru.db")
    subprocess.run([P["mkdb"], db, P["forms"], "--sample", "ru"], check=True, env=ENV, timeout=60)
    text = render(db, "settlement", "kk+ru")
    assert "СОГЛАШЕНИЕ" in text and "КЕЛІСІМ" not in text and "оба текста" not in text, text


@T.test
def addendum_names_the_signed_agreement():
    db = sample("signed")
    for lang, title in (("kk", "ҚОСЫМША КЕЛІСІМ"), ("ru", "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ"), ("en", "ADDENDUM No. 1")):
        text = render(db, "addendum", lang)
        assert title in text and "15.04.2026" in text, text
    con = __import__("sqlite3").connect(db)
    sha = con.execute("SELECT sha256 FROM documents WHERE kind = 'settlement'").fetchone()[0]
    con.close()
    assert " ".join(sha[i:i + 4] for i in range(0, 16, 4)) in render(db, "addendum", "en")
    r = bitim("--db", sample("draft"), "print", "KRG-2026-0001", "--doc", "addendum", "--lang", "en")
    assert r.returncode == 1 and "the signed settlement agreement" in r.stderr, r.stderr


@T.test
def check_validates_the_templates():
    import shutil
    forms = os.path.join(TMP, "forms")
    shutil.copytree(P["forms"], forms)
    with open(os.path.join(forms, "templates", "settlement.ru.tpl"), "a", encoding="utf-8") as f:
        f.write("{each party}\n- {party.nickname}\n{end}\n")
    r = bitim("--db", sample("draft"), "check", "--forms", forms)
    assert r.returncode == 1 and "settlement.ru.tpl:" in r.stderr and "{party.nickname}" in r.stderr, r.stderr
    # a kk/ru pair that is not built alike cannot make one bilingual paper
    shutil.copy(os.path.join(P["forms"], "templates", "settlement.ru.tpl"), os.path.join(forms, "templates", "settlement.ru.tpl"))
    path = os.path.join(forms, "templates", "contract.ru.tpl")
    lines = open(path, encoding="utf-8").read().split("\n")
    at = next(i for i, l in enumerate(lines) if l.startswith("## ") and i > 5)
    lines.insert(at, "## Лишний раздел")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    r = bitim("--db", sample("draft"), "check", "--forms", forms)
    assert r.returncode == 1 and ("contract.ru.tpl:%d:" % (at + 2)) in r.stderr and "contract.kk.tpl:" in r.stderr, r.stderr


T.run()
