"""The bilingual (kk+ru) paper is one document: one signature block, the
parity clause in both languages, the clauses side by side (the kk and ru of a
clause start on the same line), a two-column table in HTML; and no paper, in
any language, parts the last clause from the signatures, a heading from its
first line, or a signature block across pages, whatever the length of the
text (the subject is made longer word by word)."""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
from tap import Tap, paths  # noqa: E402

T = Tap()
P = paths()
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en", BITIM_TODAY="2026-03-21")
TMP = tempfile.mkdtemp(prefix="bitim-bilingual-")
COL = 37                      # the width of a column of the text layout
SIGN_RULE = "_" * 30          # the line to sign on
PARITY = {
    0: "қазақ және орыс тілдерінде жасалды; екі мәтіннің заңды күші бірдей",
    1: "на казахском и русском языках; оба текста имеют одинаковую юридическую силу",
}
# (document, sample): what each paper is shown with
PAPERS = (("settlement", "draft"), ("contract", "draft"), ("minutes", "draft"), ("termination", "terminated"))
WORDS = ("шекара", "дуал", "арық", "суару", "кезегі", "көрші", "ауласы", "жер", "учаскесі", "межа")


def sample(kind):
    db = os.path.join(TMP, kind + ".db")
    if not os.path.exists(db):
        subprocess.run([P["mkdb"], db, P["forms"], "--sample-" + kind], check=True, env=ENV, timeout=60)
    return db


def render(db, kind, lang, fmt="txt"):
    r = subprocess.run([P["bitim"], "--db", db, "print", "KRG-2026-0001", "--doc", kind, "--lang", lang,
                        "--format", fmt], capture_output=True, text=True, env=ENV, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout


def set_field(db, key, value):
    con = sqlite3.connect(db)
    con.execute("UPDATE field_values SET value = ? WHERE key = ?", (value, key))
    con.commit()
    con.close()


def across(line):
    """A line that runs across the page (a title, a signature), not a column."""
    return len(line) > COL and line[COL:COL + 2] != "  "


def column(text, side):
    """The words of one column (0: kk, 1: ru) in order."""
    words = []
    for line in text.split("\n"):
        if line.startswith("-- bitim") or across(line):
            continue
        words.extend((line[:COL] if side == 0 else line[COL + 2:]).split())
    return " ".join(words)


def signers(text):
    return sum(1 for line in text.split("\n") if line.rstrip().endswith(SIGN_RULE))


@T.test
def one_signature_block_and_the_parity_clause():
    for kind, kind_sample in PAPERS:
        db = sample(kind_sample)
        one = signers(render(db, kind, "kk"))
        both = render(db, kind, "kk+ru")
        assert one > 0 and signers(both) == one, (kind, one, signers(both))
        # the signatures come once, after everything else
        last_rule = max(i for i, line in enumerate(both.split("\n")) if line.endswith(SIGN_RULE))
        rest = [line for line in both.split("\n")[last_rule + 1:] if line.strip() and not line.startswith("-- bitim")]
        assert rest == [], (kind, rest)
        for side in (0, 1):
            assert PARITY[side] in column(both, side), (kind, side, column(both, side)[-400:])
        assert PARITY[0] not in render(db, kind, "kk") and PARITY[1] not in render(db, kind, "ru")
        # the kk title and the ru title both head the one paper
        assert both.count("№ KRG-2026-0001") == 1, kind


@T.test
def clauses_are_side_by_side():
    for kind, kind_sample in PAPERS:
        text = render(sample(kind_sample), kind, "kk+ru")
        lines = [line for line in text.split("\n") if not line.startswith("-- bitim") and "\f" not in line]
        # the clauses end where the first signer's name begins
        end = next(i for i, line in enumerate(lines) if line.endswith(SIGN_RULE))
        while end > 0 and lines[end - 1].strip():
            end -= 1
        lines = lines[:end]
        starts = {0: [], 1: []}
        for side in (0, 1):
            prev = ""
            for i, line in enumerate(lines):
                cell = "" if across(line) else (line[:COL] if side == 0 else line[COL + 2:]).strip()
                if cell and (not prev or cell.startswith("- ")):
                    starts[side].append(i)
                prev = cell
        assert starts[0] == starts[1], (kind, starts)
        # one set of numbered clauses: a clause numbered in kk has the same number in ru, on its row
        for i in starts[0]:
            left = re.match(r"(\d+)\.", lines[i][:COL].strip())
            right = re.match(r"(\d+)\.", lines[i][COL + 2:].strip())
            assert (left and left.group(1)) == (right and right.group(1)), (kind, lines[i])
        assert len(starts[0]) > 5, kind
        # every clause of the kk text is there once, in the same order as in kk alone
        kk_alone = " ".join(render(sample(kind_sample), kind, "kk").split())
        kk_column = column(text, 0)
        assert kk_column.replace(" ", "")[:200] in kk_alone.replace(" ", ""), kind


@T.test
def html_is_a_two_column_table_with_one_signature_block():
    for kind, kind_sample in PAPERS:
        html = render(sample(kind_sample), kind, "kk+ru", "html")
        root = ET.fromstring(html[len("<!DOCTYPE html>"):])
        rows = root.findall(".//table[@class='bi']/tr")
        assert len(rows) > 5, kind
        for row in rows:
            cells = row.findall("td")
            assert [c.get("lang") for c in cells] == ["kk", "ru"] or (len(cells) == 1 and cells[0].get("colspan") == "2"), \
                ET.tostring(row, encoding="unicode")
        assert html.count('class="sign"') == signers(render(sample(kind_sample), kind, "kk")), kind
        assert "A4" in html and "break-inside: avoid" in html
        # the signatures and the clause before them are one unbreakable group
        keep = [d for d in root.iter("div") if d.get("class") == "keep" and d.find("div[@class='sign']") is not None]
        assert len(keep) == 1 and "одинаковую юридическую силу" in ET.tostring(keep[0], encoding="unicode"), kind


def headings(kind, lang):
    """The headings of a template that hold no placeholder."""
    path = os.path.join(P["forms"], "templates", "%s.%s.tpl" % (kind, lang))
    return {line[3:].strip() for line in open(path, encoding="utf-8") if line.startswith("## ") and "{" not in line}


def check_pages(text, kind, lang, words):
    pages = text.split("\f")
    sign_pages = [n for n, page in enumerate(pages) if SIGN_RULE in page]
    where = "%s %s, %d words" % (kind, lang, words)
    assert len(set(sign_pages)) <= 1, "the signature block is split: %s" % where
    heads = set()
    for one in ("kk", "ru") if lang == "kk+ru" else (lang,):
        heads |= headings(kind, one)
    for n, page in enumerate(pages):
        body = [line for line in page.split("\n") if line.strip() and not line.startswith("-- bitim")]
        assert len(page.rstrip("\n").split("\n")) <= 64, where
        if not body:
            continue
        last = body[-1]
        cells = [last.strip()] if lang != "kk+ru" else [last[:COL].strip(), last[COL + 2:].strip()]
        if n + 1 < len(pages):  # (a heading may end the document, with nothing under it)
            assert not any(c in heads for c in cells if c), "a heading ends page %d: %s\n%s" % (n + 1, where, page)
        if sign_pages and n == sign_pages[0]:
            # the last clause is on the page of the signatures: text stands before the heading
            first_rule = next(i for i, line in enumerate(body) if line.endswith(SIGN_RULE))
            before = [line for line in body[:first_rule] if not any(line.strip().startswith(h) for h in heads)]
            assert before, "the signatures begin a page alone: %s\n%s" % (where, page)


@T.test
def no_widowed_signature_or_heading_at_any_length():
    checked = 0
    for kind, kind_sample in PAPERS:
        db = os.path.join(TMP, "vary-%s.db" % kind)
        subprocess.run([P["mkdb"], db, P["forms"], "--sample-" + kind_sample], check=True, env=ENV, timeout=60)
        for words in range(0, 420, 5):
            subject = " ".join(WORDS[i % len(WORDS)] for i in range(words)) or "шекара"
            set_field(db, "subject", subject)
            set_field(db, "settlement_subject", subject)
            for lang in ("kk", "ru", "en", "kk+ru"):
                check_pages(render(db, kind, lang), kind, lang, words)
                checked += 1
    assert checked > 1000, checked


@T.test
def demo_papers_print_in_every_language_with_one_signature_block():
    db = os.path.join(TMP, "demo.db")
    subprocess.run([P["bitim"], "demo", "--db", db], check=True, env=ENV, capture_output=True, timeout=120)
    con = sqlite3.connect(db)
    numbers = [n for (n,) in con.execute("SELECT number FROM cases ORDER BY id")]
    con.close()
    printed = 0
    for number in numbers:
        for kind in ("contract", "settlement", "termination", "minutes", "card", "addendum"):
            texts = {}
            for lang in ("kk", "ru", "en", "kk+ru"):
                r = subprocess.run([P["bitim"], "--db", db, "print", number, "--doc", kind, "--lang", lang],
                                   capture_output=True, text=True, env=ENV, timeout=60)
                if r.returncode != 0:
                    assert "cannot be made yet" in r.stderr, (number, kind, lang, r.stderr)
                    continue  # the case has not got that far
                texts[lang] = r.stdout
                check_pages(r.stdout, kind, lang, 0)
                printed += 1
            if "kk" in texts and "kk+ru" in texts and texts["kk"] != texts["kk+ru"]:
                assert signers(texts["kk+ru"]) == signers(texts["kk"]), (number, kind)
    assert printed > 50, printed


T.run()
