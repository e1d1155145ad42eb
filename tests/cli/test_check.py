"""CLI tests: bitim --help/--version and bitim check, on the real binary."""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
from tap import Tap, paths  # noqa: E402

T = Tap()
P = paths()
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en")
ENV.pop("XDG_DATA_HOME", None)


def bitim(*args, env=None):
    return subprocess.run([P["bitim"], *args], capture_output=True, text=True,
                          env=env or ENV, timeout=60)


def fresh_db(tmp, cases=2):
    db = os.path.join(tmp, "bitim.db")
    subprocess.run([P["mkdb"], db, P["forms"], str(cases)], check=True, timeout=60)
    return db


@T.test
def version_follows_gnu():
    r = bitim("--version")
    assert r.returncode == 0, r
    assert r.stdout.splitlines()[0].startswith("bitim "), r.stdout


@T.test
def help_lists_commands():
    r = bitim("--help")
    assert r.returncode == 0
    assert "Usage: bitim" in r.stdout and "check" in r.stdout and "--db PATH" in r.stdout


@T.test
def usage_errors_exit_2():
    assert bitim("--no-such-option").returncode == 2
    r = bitim("frobnicate")
    assert r.returncode == 2 and "unknown command 'frobnicate'" in r.stderr, r.stderr
    r = bitim("--lang", "de", "check")
    assert r.returncode == 2 and "kk, ru or en" in r.stderr, r.stderr


@T.test
def check_accepts_shipped_forms_and_sound_db():
    with tempfile.TemporaryDirectory() as tmp:
        db = fresh_db(tmp)
        r = bitim("check", "--db", db)
        assert r.returncode == 0, r
        assert "forms:" in r.stdout and "database:" in r.stdout and "2 cases" in r.stdout, r.stdout
        # options before the command work the same
        assert bitim("--db", db, "check").returncode == 0


@T.test
def check_rejects_broken_form_with_file_and_line():
    with tempfile.TemporaryDirectory() as tmp:
        db = fresh_db(tmp)
        forms = os.path.join(tmp, "forms")
        shutil.copytree(P["forms"], forms)
        path = os.path.join(forms, "contract.form")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        lines[5] = 'field case.broken type=dat label="Broken"'
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        r = bitim("check", "--db", db, "--forms", forms)
        assert r.returncode == 1, r
        assert "contract.form:6: unknown type 'dat'" in r.stderr, r.stderr


def broken_copy(tmp, path, old, new):
    """A copy of the shipped forms with one text of one file replaced."""
    forms = os.path.join(tmp, "forms")
    shutil.rmtree(forms, ignore_errors=True)
    shutil.copytree(P["forms"], forms)
    full = os.path.join(forms, path)
    with open(full, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))
    return forms


@T.test
def check_refuses_a_form_set_that_can_omit_an_essential_term():
    """Art. 21 p.2: an agreement on mediation without an essential term may be
    held not concluded; check refuses forms and templates that allow it."""
    with tempfile.TemporaryDirectory() as tmp:
        db = fresh_db(tmp)
        cases = [
            # the liability field no longer required: the agreement may lack it
            ("contract.form", "field case.liability type=choice choices=liability required",
             "field case.liability type=choice choices=liability", "Art. 21 p.2(8)", "case.liability"),
            # the language of mediation may be left empty
            ("contract.form", "choices=language required label", "choices=language label", "Art. 21 p.2(6)", "case.language"),
            # the parties' phones no longer asked for
            ("procedure.def", "each party[].phone != \"\"", "each party[].side != \"\"", "Art. 21 p.2(9)", "party.phone"),
            # the liability clause made conditional in the Russian template
            ("templates/contract.ru.tpl", "#! Art. 21 p.2(8)\n## 7.", "## 7.", "Art. 21 p.2(8)", "contract.ru.tpl"),
            # the Kazakh template never prints the organisation of mediators
            ("templates/contract.kk.tpl", "медиаторлар ұйымы: {case.mediator_org}; ", "", "Art. 21 p.2(4)", "case.mediator_org"),
            # the confidentiality clause wrapped in a condition
            ("templates/contract.en.tpl", "#! Art. 21 p.2(7)\n## 6. Confidentiality\n",
             "#! Art. 21 p.2(7)\n{if case.contract_terms}\n## 6. Confidentiality\n{end}\n", "Art. 21 p.2(7)", "contract.en.tpl"),
        ]
        for path, old, new, term, named in cases:
            forms = broken_copy(tmp, path, old, new)
            r = bitim("check", "--db", db, "--forms", forms)
            assert r.returncode == 1, (path, r)
            assert "essential term " + term in r.stderr and named in r.stderr, (path, r.stderr)
        # the shipped forms carry all fourteen
        r = bitim("check", "--db", db)
        assert r.returncode == 0 and "essential" not in r.stderr, r.stderr


@T.test
def check_rejects_missing_and_damaged_db():
    with tempfile.TemporaryDirectory() as tmp:
        r = bitim("check", "--db", os.path.join(tmp, "none.db"))
        assert r.returncode == 1 and "no database" in r.stderr, r.stderr
        assert not os.path.exists(os.path.join(tmp, "none.db"))
        db = fresh_db(tmp, cases=300)
        con = sqlite3.connect(db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        size = os.path.getsize(db)
        with open(db, "r+b") as f:  # scribble over pages in the middle
            f.seek(size // 2)
            f.write(b"\xde\xad\xbe\xef" * 2048)
        r = bitim("check", "--db", db)
        assert r.returncode == 1, r
        assert "damaged" in r.stderr or "malformed" in r.stderr, r.stderr


@T.test
def check_refuses_forms_without_a_column_backed_field():
    with tempfile.TemporaryDirectory() as tmp:
        forms = os.path.join(tmp, "forms")
        shutil.copytree(P["forms"], forms)
        for key, form in (("case.mediator_name", "consent.form"), ("party.iin", "intake.form"),
                          ("session.held_on", "sessions.form")):
            path = os.path.join(forms, form)
            text = open(path, encoding="utf-8").read()
            field = key.replace("party.", "party[].").replace("session.", "session[].")
            assert "field %s " % field in text, (field, form)
            # renamed: the signed papers would silently lose the mediator
            renamed = text.replace("field %s " % field, "field %s_renamed " % field)
            open(path, "w", encoding="utf-8").write(renamed)
            r = bitim("--forms", forms, "check")
            assert r.returncode == 1, r
            # (a guard of procedure.def that uses the field refuses it first)
            assert ("no form defines the field %s," % key in r.stderr or
                    "no form defines the field '%s'" % key in r.stderr), r.stderr
            open(path, "w", encoding="utf-8").write(text)
        r = bitim("--forms", forms, "check", "--db", fresh_db(tmp))
        assert r.returncode == 0, r


@T.test
def check_refuses_newer_schema_untouched():
    with tempfile.TemporaryDirectory() as tmp:
        db = fresh_db(tmp)
        con = sqlite3.connect(db)
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("PRAGMA user_version=42")
        con.close()
        before = open(db, "rb").read()
        r = bitim("check", "--db", db)
        assert r.returncode == 1 and "newer version" in r.stderr, r.stderr
        assert open(db, "rb").read() == before


@T.test
def a_failed_migration_names_sqlites_reason_and_keeps_the_data():
    with tempfile.TemporaryDirectory() as tmp:
        db = fresh_db(tmp)
        con = sqlite3.connect(db)
        con.execute("PRAGMA user_version=1")   # says v1, yet already holds v2's table
        con.commit()
        con.close()
        r = bitim("check", "--db", db)
        assert r.returncode == 1, r
        assert "table conflicts already exists" in r.stderr and "backup" in r.stderr, r.stderr
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA user_version").fetchone() == (1,)   # the migration rolled back
        assert con.execute("SELECT count(*) FROM cases").fetchone() == (2,)
        con.close()
        kept = os.listdir(os.path.join(tmp, "backups"))
        assert any("-before-migration-v1" in name and name.endswith(".db") for name in kept), kept


@T.test
def check_on_missing_folder_says_so():
    r = bitim("check", "--db", "/nonexistent/folder/bitim.db")
    assert r.returncode == 1 and "does not exist" in r.stderr, r.stderr


T.run()
