"""The register: CSV export in each encoding and delimiter, filters, round
trip through import, hostile files refused without a trace, merge of two
offices with overlapping UUIDs and conflicts, and reports with early warning."""
import csv
import hashlib
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
from tap import Tap, paths  # noqa: E402

T = Tap()
P = paths()
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en", BITIM_TODAY="2026-03-21")
TMP = tempfile.mkdtemp(prefix="bitim-register-")


def bitim(*args):
    return subprocess.run([P["bitim"], *args], capture_output=True, env=ENV, timeout=120)


def sample(name="signed", mode="--sample"):
    db = os.path.join(TMP, name + ".db")
    if not os.path.exists(db):
        subprocess.run([P["mkdb"], db, P["forms"], mode], check=True, env=ENV, timeout=60)
    return db


def content(db):
    """A digest of every row of every table: unchanged means untouched."""
    con = sqlite3.connect(db)
    h = hashlib.sha256()
    for (name,) in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'case_search%' ORDER BY 1"):
        for row in con.execute('SELECT * FROM "%s" ORDER BY 1' % name):
            h.update(repr(row).encode())
    con.close()
    return h.hexdigest()


def export_all(db, folder, *extra):
    r = bitim("--db", db, "export", "--table", "all", "-o", folder, *extra)
    assert r.returncode == 0, r.stderr.decode()
    return {name: open(os.path.join(folder, name), "rb").read() for name in sorted(os.listdir(folder))}


def exported_and_target(name, cases="1"):
    """The sample register exported into a folder, a database of that many
    cases to bring it into, and that database's digest before."""
    folder = os.path.join(TMP, name + "-src")
    export_all(sample(), folder)
    db = os.path.join(TMP, name + "-target.db")
    subprocess.run([P["mkdb"], db, P["forms"], cases], check=True, env=ENV, timeout=60)
    return folder, db, content(db)


def set_office(db, code):
    con = sqlite3.connect(db)
    con.execute("UPDATE office SET code = ?", (code,))
    con.commit()
    con.close()


@T.test
def export_writes_every_table_with_stable_columns():
    out = os.path.join(TMP, "plain")
    files = export_all(sample(), out)
    assert sorted(files) == ["cases.csv", "manifest.txt", "obligations.csv", "outcomes.csv", "parties.csv", "sessions.csv"]
    for name in files:
        assert oct(os.stat(os.path.join(out, name)).st_mode & 0o777) == "0o600"
    cases = list(csv.DictReader(io.StringIO(files["cases.csv"].decode())))
    assert len(cases) == 1
    c = cases[0]
    for column in ("uuid", "number", "category", "stage", "received_on", "outcome"):
        assert column in c, column
    assert c["number"] == "KRG-2026-0001" and c["received_on"] == "2026-03-02" and c["outcome"] == "settled"
    assert files["cases.csv"].endswith(b"\r\n") and b"\r\n" in files["parties.csv"]
    sessions = files["sessions.csv"].decode()
    assert "CONFIDENTIAL" not in sessions and "notes" not in sessions.split("\r\n")[0]
    r = bitim("--db", sample(), "export", "--table", "sessions", "--include-confidential")
    assert b"CONFIDENTIAL: the first party fears losing water" in r.stdout


@T.test
def encodings_and_delimiters():
    db = sample()
    r = bitim("--db", db, "export", "--table", "parties", "--encoding", "utf-8-bom", "--delimiter", ";")
    assert r.returncode == 0 and r.stdout.startswith(b"\xef\xbb\xbfuuid;case_uuid;"), r.stdout[:40]
    r = bitim("--db", db, "export", "--table", "parties", "--encoding", "kz1048")
    assert r.returncode == 0
    text = r.stdout.decode("kz1048")
    assert "Сейітқали Қайратұлы Нұрмұхамбетов-Әбдіжаппаров" in text
    assert text == bitim("--db", db, "export", "--table", "parties").stdout.decode()
    r = bitim("--db", db, "export", "--table", "parties", "--encoding", "cp1251", "-o", os.path.join(TMP, "x.csv"))
    assert r.returncode == 1, r
    err = r.stderr.decode()
    assert "case KRG-2026-0001, column full_name" in err and "cp1251" in err, err
    assert not os.path.exists(os.path.join(TMP, "x.csv"))
    r = bitim("--db", db, "export", "--table", "parties", "--encoding", "cp1251", "--translit")
    assert r.returncode == 0
    assert "Сейiткали" not in r.stdout.decode("cp1251") and "Сейіткали Кайратулы" in r.stdout.decode("cp1251")


@T.test
def formulas_are_neutralised():
    db = os.path.join(TMP, "formula.db")
    shutil.copy(sample(), db)
    con = sqlite3.connect(db)
    con.execute("UPDATE parties SET full_name = '=HYPERLINK(\"x\")' WHERE position = 1")
    con.commit()
    con.close()
    r = bitim("--db", db, "export", "--table", "parties")
    assert b"\"'=HYPERLINK(\"\"x\"\")\"" in r.stdout, r.stdout


@T.test
def filters_by_date_stage_and_category():
    db = os.path.join(TMP, "many.db")
    subprocess.run([P["mkdb"], db, P["forms"], "12"], check=True, env=ENV, timeout=60)
    con = sqlite3.connect(db)
    for i, (day, cat) in enumerate([("2026-01-10", "family"), ("2026-02-10", "labour"), ("2026-03-10", "family")] * 4):
        con.execute("UPDATE cases SET received_on = ?, category = ? WHERE id = ?", (day, cat, i + 1))
    con.commit()
    con.close()

    def count(*args):
        r = bitim("--db", db, "export", *args)
        assert r.returncode == 0, r.stderr
        return len(r.stdout.decode().strip().split("\r\n")) - 1

    assert count() == 12
    assert count("--from", "01.02.2026") == 8
    assert count("--from", "2026-02-01", "--to", "28.02.2026") == 4
    assert count("--category", "family") == 8
    assert count("--stage", "intake") == 12 and count("--stage", "closed") == 0
    assert bitim("--db", db, "export", "--from", "31.02.2026").returncode == 2


@T.test
def round_trip_gives_identical_files():
    for enc, delim in (("utf-8", ","), ("utf-8-bom", ";"), ("kz1048", ";")):
        first = os.path.join(TMP, "rt1-" + enc)
        second = os.path.join(TMP, "rt2-" + enc)
        empty = os.path.join(TMP, "rt-" + enc + ".db")
        a = export_all(sample(), first, "--encoding", enc, "--delimiter", delim, "--include-confidential")
        r = bitim("--db", empty, "import", first)
        assert r.returncode == 0 and b"added 8" in r.stdout, (r.stdout, r.stderr)
        set_office(empty, "REG")  # no register leaves an office without its code
        b = export_all(empty, second, "--encoding", enc, "--delimiter", delim, "--include-confidential")
        manifest_a, manifest_b = a.pop("manifest.txt"), b.pop("manifest.txt")
        assert a == b, enc
        assert manifest_a.split(b"\n")[2:] == manifest_b.split(b"\n")[2:]  # same files; another office wrote them
        r = bitim("--db", empty, "import", first)  # again: nothing new
        assert b"added 0, updated 0, already present 8, conflicts 0" in r.stdout, r.stdout


@T.test
def hostile_files_are_refused_and_leave_the_database_unchanged():
    folder, db, before = exported_and_target("hostile-files", cases="3")
    good = open(os.path.join(folder, "cases.csv"), "rb").read()
    header, row = good.split(b"\r\n")[:2]
    bad_files = {
        "wrong-columns.csv": header.replace(b"category", b"colour") + b"\r\n" + row + b"\r\n",
        "truncated.csv": good[: len(good) // 2] + b"\"unterminated",
        "bad-utf8.csv": header + b"\r\n" + row.replace(b"KRG", b"\xc3\x28KRG") + b"\r\n",
        "bad-date.csv": header + b"\r\n" + row.replace(b"2026-03-02", b"2026-02-30") + b"\r\n",
        "bad-choice.csv": header + b"\r\n" + row.replace(b"neighbours", b"aliens") + b"\r\n",
        "huge.csv": header + b"\r\n" + b"x" * (1024 * 1024 + 5) + b"\r\n",
        "not-csv.csv": b"\x00\x01\x02 binary junk \xff\xfe",
    }
    for name, data in bad_files.items():
        path = os.path.join(TMP, name)
        with open(path, "wb") as f:
            f.write(data)
        r = bitim("--db", db, "import", "--encoding", "utf-8", path)
        assert r.returncode == 1, (name, r)
        err = r.stderr.decode()
        assert name in err and err.count("nothing was imported") == 1 and "continues" not in err, (name, err)
        assert content(db) == before, name
    # a party whose case is not anywhere
    r = bitim("--db", db, "import", os.path.join(folder, "parties.csv"))
    assert r.returncode == 1 and b"parties.csv:2: case_uuid: is no case of these files" in r.stderr, r.stderr
    assert content(db) == before


@T.test
def a_choice_checked_once_is_still_checked_on_every_row():
    folder = os.path.join(TMP, "choice-src")
    export_all(sample(), folder)
    header, row = open(os.path.join(folder, "cases.csv"), "rb").read().split(b"\r\n")[:2]
    uuid = row.split(b",")[0]
    other = row.replace(uuid, uuid[:-4] + (b"eeee" if uuid.endswith(b"ffff") else b"ffff"))
    db = os.path.join(TMP, "choice-target.db")
    subprocess.run([P["mkdb"], db, P["forms"], "3"], check=True, env=ENV, timeout=60)
    before = content(db)
    # The same choice accepted in the first record, then another in the next: a
    # value that is no choice, and a choice's label instead of its code.
    for bad in (b"aliens", b"Neighbours"):
        path = os.path.join(TMP, "choice.csv")
        with open(path, "wb") as f:
            f.write(header + b"\r\n" + row + b"\r\n" + other.replace(b"neighbours", bad) + b"\r\n")
        r = bitim("--db", db, "import", "--encoding", "utf-8", path)
        err = r.stderr.decode()
        assert r.returncode == 1 and "nothing was imported" in err and "category" in err, (bad, err)
        line = int(err.split("choice.csv:")[1].split(":")[0])
        assert line > (header + b"\r\n" + row).count(b"\n") + 1, (bad, err)  # the third record's
        assert content(db) == before, bad


def no_raw_control(data):
    """Nothing a terminal would obey: no ESC, BEL, CR or other C0 but newline."""
    return not any(b < 0x20 and b not in (0x0A,) for b in data) and b"\x7f" not in data


@T.test
def hostile_values_are_refused_with_file_line_and_column_and_nothing_raw_reaches_the_terminal():
    folder, db, before = exported_and_target("hostile", cases="3")
    good = open(os.path.join(folder, "cases.csv"), "rb").read()
    header, row = good.split(b"\r\n")[:2]
    cases = {
        "traversal.csv": (row.replace(b"KRG-2026-0001", b"../../../../X"), "number"),
        "escape.csv": (row.replace(b"KRG-2026-0001", b"KRG\x1b]0;owned\x07\x1b[2J-2026-0001"), "number"),
        "nul.csv": (row.replace(b"KRG-2026-0001", b"KRG-2026\x00-0001"), "NUL"),
        "created.csv": (re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"yesterday", row, count=1), "created_at"),
        "office.csv": (row.replace(b",KRG,", b",KR/G,"), "office_code"),
        "stage.csv": (row.replace(b",settlement,", b",nowhere,").replace(b",followup,", b",nowhere,")
                      .replace(b",closed,", b",nowhere,"), "stage"),
        "long.csv": (row.replace("Көктал".encode(), "Көктал".encode() + b"x" * 25000), "village"),
    }
    for name, (bad_row, column) in cases.items():
        path = os.path.join(TMP, name)
        with open(path, "wb") as f:
            f.write(header + b"\r\n" + bad_row + b"\r\n")
        r = bitim("--db", db, "import", path)
        assert r.returncode == 1, (name, r)
        assert no_raw_control(r.stderr) and no_raw_control(r.stdout), (name, r.stderr)
        err = r.stderr.decode()
        assert name + ":2:" in err and column in err and "nothing was imported" in err, (name, err)
        assert content(db) == before, name
    # the same hostile number in another office's database: refused by merge, named by case
    other = os.path.join(TMP, "hostile-office.db")
    shutil.copy(sample(), other)
    con = sqlite3.connect(other)
    con.execute("UPDATE cases SET number = ?", ("KRG\x1b[2J../../x",))
    con.commit()
    con.close()
    r = bitim("--db", db, "merge", other)
    assert r.returncode == 1 and no_raw_control(r.stderr) and no_raw_control(r.stdout), r
    assert "number" in r.stderr.decode() and "nothing was merged" in r.stderr.decode(), r.stderr
    assert content(db) == before


@T.test
def a_register_folder_needs_its_manifest_and_files_as_written():
    folder, db, before = exported_and_target("manifest")
    cut = os.path.join(TMP, "manifest-cut")
    shutil.copytree(folder, cut)
    with open(os.path.join(cut, "parties.csv"), "r+b") as f:
        f.truncate(os.path.getsize(os.path.join(cut, "parties.csv")) // 2)
    missing = os.path.join(TMP, "manifest-missing")
    shutil.copytree(folder, missing)
    os.unlink(os.path.join(missing, "manifest.txt"))
    for bad, says in ((cut, "parties.csv"), (missing, "manifest.txt")):
        r = bitim("--db", db, "import", bad)
        err = r.stderr.decode()
        assert r.returncode == 1 and says in err and err.count("nothing was imported") == 1, err
        assert "stays" not in err and "continues" not in err, err
        assert content(db) == before
    r = bitim("--db", db, "import", folder)
    assert r.returncode == 0 and b"added 8" in r.stdout, r


def reseal(folder):
    """Write the manifest again for files changed on purpose (as if bitim had written them)."""
    path = os.path.join(folder, "manifest.txt")
    lines = open(path).read().splitlines()
    out = lines[:2]
    for line in lines[2:]:
        _, name, rows, _ = line.split(" ")
        digest = hashlib.sha256(open(os.path.join(folder, name), "rb").read()).hexdigest()
        out.append("table %s %s %s" % (name, rows, digest))
    open(path, "w").write("\n".join(out) + "\n")


@T.test
def a_uuid_twice_in_one_file_is_refused_with_both_lines():
    folder, db, before = exported_and_target("twice")
    for name in ("parties.csv", "cases.csv"):
        bad = os.path.join(TMP, "twice-" + name)
        shutil.copytree(folder, bad)
        path = os.path.join(bad, name)
        rows = list(csv.reader(io.StringIO(open(path, encoding="utf-8", newline="").read())))
        if len(rows) < 3:
            rows.append(list(rows[1]))  # the one case, twice
        rows[2][0] = rows[1][0]
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        open(path, "w", encoding="utf-8", newline="").write(out.getvalue())
        reseal(bad)
        r = bitim("--db", db, "import", bad)
        err = r.stderr.decode()
        first = 2  # the line the first record starts on
        assert r.returncode == 1 and re.search(name + r":\d+: uuid: the same UUID as line %d;" % first, err), err
        assert "nothing was imported" in err and (name != "parties.csv" or name + ":3:" in err), err
        assert content(db) == before, name


@T.test
def a_manifest_whose_row_count_disagrees_is_refused():
    folder, db, before = exported_and_target("count")
    path = os.path.join(folder, "manifest.txt")
    text = open(path).read()
    rows = int(re.search(r"^table cases\.csv (\d+) ", text, re.M).group(1))
    open(path, "w").write(re.sub(r"^table cases\.csv \d+ ", "table cases.csv %d " % (rows - 1), text, flags=re.M))
    r = bitim("--db", db, "import", folder)
    err = r.stderr.decode()
    assert r.returncode == 1 and "cases.csv" in err and "gives %d rows, the file holds %d" % (rows - 1, rows) in err, err
    assert "nothing was imported" in err and content(db) == before, err


@T.test
def a_file_without_a_column_of_its_table_is_refused():
    folder, db, before = exported_and_target("columns")
    for dropped in (("subject",), ("stage",), ("subject", "category")):
        bad = os.path.join(TMP, "columns-" + "-".join(dropped))
        shutil.copytree(folder, bad)
        path = os.path.join(bad, "cases.csv")
        rows = list(csv.reader(io.StringIO(open(path, encoding="utf-8", newline="").read())))
        keep = [i for i, name in enumerate(rows[0]) if name not in dropped]
        assert len(keep) == len(rows[0]) - len(dropped), rows[0]
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows([[row[i] for i in keep] for row in rows])
        open(path, "w", encoding="utf-8", newline="").write(out.getvalue())
        reseal(bad)
        r = bitim("--db", db, "import", bad)
        err = r.stderr.decode()
        assert r.returncode == 1 and "cases.csv:1: column " + ", ".join(n for n in rows[0] if n in dropped) + ": missing" in err, err
        assert "nothing was imported" in err and content(db) == before, err


@T.test
def all_tables_to_standard_output_are_refused():
    cwd = os.path.join(TMP, "dash")
    os.mkdir(cwd)
    r = subprocess.run([P["bitim"], "--db", sample(), "export", "--table", "all", "-o", "-"], capture_output=True,
                       env=ENV, timeout=120, cwd=cwd)
    assert r.returncode == 2 and "all tables need a folder" in r.stderr.decode() and r.stdout == b"", r
    assert os.listdir(cwd) == [], os.listdir(cwd)


@T.test
def a_database_is_not_merged_into_itself():
    db = os.path.join(TMP, "self.db")
    shutil.copy(sample(), db)
    link = os.path.join(TMP, "self-link.db")
    os.symlink(db, link)
    before = content(db)
    for other in (db, link, os.path.join(TMP, ".", "self.db")):
        r = bitim("--db", db, "merge", other)
        err = r.stderr.decode()
        assert r.returncode == 1 and "is this database itself" in err and "nothing was merged" in err, err
        assert content(db) == before and not query(db, "SELECT * FROM merge_origin"), other


@T.test
def a_stop_before_any_batch_is_written_says_nothing_was_imported():
    folder = os.path.join(TMP, "stop-src")
    export_all(sample(), folder)
    db = os.path.join(TMP, "stop-target.db")
    subprocess.run([P["mkdb"], db, P["forms"], "1"], check=True, env=ENV, timeout=60)
    con = sqlite3.connect(db)  # the database refuses a write the checks could not foresee
    con.execute("CREATE TRIGGER no_parties BEFORE INSERT ON parties BEGIN SELECT RAISE(ABORT, 'refused'); END")
    con.commit()
    con.close()
    before = content(db)
    r = bitim("--db", db, "import", folder)
    err = r.stderr.decode()
    assert r.returncode == 1 and err.count("nothing was imported") == 1 and "continues" not in err, err
    assert content(db) == before, err


@T.test
def outputs_that_are_not_regular_files_are_written_in_place():
    db = sample()
    r = bitim("--db", db, "export", "--table", "cases", "-o", "-")
    assert r.returncode == 0 and r.stdout.startswith(b"uuid,number,"), r
    r = bitim("--db", db, "export", "--table", "cases", "-o", "/dev/null")
    assert r.returncode == 0 and os.path.exists("/dev/null") and not os.path.isfile("/dev/null"), r
    fifo = os.path.join(TMP, "pipe")
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
    r = bitim("--db", db, "export", "--table", "cases", "-o", fifo)
    got = reader.communicate(timeout=60)[0]
    assert r.returncode == 0 and got.startswith(b"uuid,number,") and os.path.exists(fifo) and not os.path.isfile(fifo), r
    real = os.path.join(TMP, "real.csv")
    link = os.path.join(TMP, "link.csv")
    open(real, "w").write("old")
    os.symlink(real, link)
    r = bitim("--db", db, "export", "--table", "cases", "-o", link)
    assert r.returncode == 0 and os.path.islink(link) and open(real, "rb").read().startswith(b"uuid,"), r
    # a writer killed midway leaves no temporary file behind once the next one ran
    out = os.path.join(TMP, "killed")
    os.mkdir(out)
    stale = os.path.join(out, ".cases.csv.bitim-tmp-999999999-abcdef")
    open(stale, "w").write("half")
    r = bitim("--db", db, "export", "--table", "all", "-o", out)
    assert r.returncode == 0 and not os.path.exists(stale), os.listdir(out)
    assert not [n for n in os.listdir(out) if "tmp" in n or n.count(".") > 1], os.listdir(out)


@T.test
def a_filter_that_cannot_match_is_an_error_and_no_export_without_an_office_code():
    db = sample()
    for args, says in ((("--stage", "nowhere"), "--stage"), (("--category", "aliens"), "--category"),
                       (("--from", "2026-03-10", "--to", "2026-03-01"), "--from")):
        r = bitim("--db", db, "export", "--table", "cases", *args)
        assert r.returncode == 1 and says in r.stderr.decode() and r.stdout == b"", (args, r)
    fresh = os.path.join(TMP, "fresh.db")
    r = bitim("--db", fresh, "export", "--table", "cases")
    assert r.returncode == 1 and "office code" in r.stderr.decode(), r
    r = bitim("--db", fresh, "merge", sample())
    assert r.returncode == 1 and "office code" in r.stderr.decode() and "nothing was merged" in r.stderr.decode(), r


@T.test
def cr_and_lf_start_the_formula_guard():
    db = os.path.join(TMP, "cr.db")
    shutil.copy(sample(), db)
    con = sqlite3.connect(db)
    con.execute("UPDATE parties SET full_name = ? WHERE position = 1", ("\r=1+1",))
    con.execute("UPDATE parties SET full_name = ? WHERE position = 2", ("\n@SUM(A1)",))
    con.commit()
    con.close()
    r = bitim("--db", db, "export", "--table", "parties")
    assert b"\"'\r=1+1\"" in r.stdout and b"\"'\n@SUM(A1)\"" in r.stdout, r.stdout


@T.test
def merge_two_offices_with_overlap_and_conflicts():
    a = os.path.join(TMP, "office-a.db")
    b = os.path.join(TMP, "office-b.db")
    shutil.copy(sample(), a)
    shutil.copy(sample(), b)
    subprocess.run([P["mkdb"], b, P["forms"], "2"], check=True, env=ENV, timeout=60)  # two cases more in B
    con = sqlite3.connect(b)
    con.execute("UPDATE cases SET office_code = 'ALM', number = replace(number, 'KRG', 'ALM') WHERE id > 1")
    con.execute("UPDATE cases SET village = 'Жаркент' WHERE id = 1")  # the same case, changed in B
    con.commit()
    con.close()
    b_bytes = open(b, "rb").read()
    r = bitim("--db", a, "merge", b)
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()
    assert "added 6, updated 0, already present 7, conflicts 1" in out, out   # 2 cases + 4 parties
    assert "conflict: cases" in out and "KRG-2026-0001" in out, out
    assert "backup:" in out and os.path.exists(out.split("backup: ")[1].split("\n")[0])
    assert open(b, "rb").read() == b_bytes  # the other office's file is only read
    con = sqlite3.connect(a)
    assert con.execute("SELECT village FROM cases WHERE id = 1").fetchone() == ("Көктал",)
    assert con.execute("SELECT count(*) FROM cases").fetchone() == (3,)
    conflict = con.execute("SELECT table_name, incoming, existing FROM conflicts").fetchall()
    con.close()
    assert len(conflict) == 1 and "village=Жаркент" in conflict[0][1] and "village=Көктал" in conflict[0][2]
    r = bitim("--db", a, "merge", b)  # again: nothing new, the conflict noted again
    assert b"added 0" in r.stdout
    r = bitim("--db", a, "merge", os.path.join(TMP, "nothing-here.db"))
    assert r.returncode == 1


@T.test
def merge_reads_an_office_file_on_read_only_media():
    base = tempfile.mkdtemp(prefix="bitim-stick-")
    # a folder name a URI would misread unless encoded
    stick, home = os.path.join(base, "USB #1 ?100%"), os.path.join(base, "home")
    os.mkdir(stick)
    os.mkdir(home)
    mine, theirs = os.path.join(home, "mine.db"), os.path.join(stick, "office-b.db")
    shutil.copy(sample(), mine)
    shutil.copy(sample(), theirs)
    subprocess.run([P["mkdb"], theirs, P["forms"], "2"], check=True, env=ENV, timeout=60)
    con = sqlite3.connect(theirs)
    con.execute("UPDATE cases SET office_code = 'ALM', number = replace(number, 'KRG', 'ALM') WHERE id > 1")
    con.commit()
    con.close()                            # the last connection: no -wal is left
    assert sorted(os.listdir(stick)) == ["office-b.db"]
    before = open(theirs, "rb").read()
    os.chmod(theirs, 0o444)
    os.chmod(stick, 0o555)                 # as a read-only stick or CD
    os.chmod(base, 0o755)
    cmd = [P["bitim"], "--db", mine, "merge", theirs]
    if os.geteuid() == 0:                  # root writes anywhere: merge as nobody
        # nobody may not read the checkout (a 0700 home): it runs copies
        # of the program and the forms in the readable folder
        prog, forms = os.path.join(base, "bitim"), os.path.join(base, "forms")
        shutil.copy(P["bitim"], prog)
        shutil.copytree(P["forms"], forms)
        for root, dirs, files in os.walk(forms):
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o755 if name in dirs else 0o644)
        os.chmod(forms, 0o755)
        for path in (home, mine):
            os.chown(path, 65534, 65534)
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
               prog, "--forms", forms, "--db", mine, "merge", theirs]
    try:
        r = subprocess.run(cmd, capture_output=True, env=dict(ENV, HOME=home), timeout=120)
        assert r.returncode == 0, r.stderr.decode()
        assert b"added 6, updated 0, already present 8, conflicts 0" in r.stdout, r.stdout
        assert sorted(os.listdir(stick)) == ["office-b.db"]     # nothing made beside it
        assert open(theirs, "rb").read() == before
    finally:
        os.chmod(stick, 0o755)
        shutil.rmtree(base, ignore_errors=True)


def office_pair(name, *changes_in_b):
    """Two copies of the signed sample; the second changed by changes_in_b."""
    a, b = (os.path.join(TMP, "%s-%s.db" % (name, side)) for side in "ab")
    shutil.copy(sample(), a)
    shutil.copy(sample(), b)
    con = sqlite3.connect(b)
    for sql in changes_in_b:
        con.execute(sql)
    con.commit()
    con.close()
    return a, b


def query(db, sql):
    con = sqlite3.connect(db)
    rows = con.execute(sql).fetchall()
    con.close()
    return rows


@T.test
def conflicts_listed_kept_and_taken():
    a, b = office_pair("resolve", "UPDATE cases SET village = 'Жаркент' WHERE id = 1",
                       "UPDATE parties SET full_name = full_name || ' Серікұлы' WHERE position = 1")
    backups = []
    for _ in range(2):
        r = bitim("--db", a, "merge", b)
        assert b"conflicts 2" in r.stdout, r.stdout
        backups.append(r.stdout.decode().split("backup: ")[1].split("\n")[0])
    assert backups[0] != backups[1] and all(os.path.exists(p) for p in backups), backups  # none overwritten
    assert query(a, "SELECT count(*) FROM conflicts") == [(2,)]  # the second merge stores nothing again
    r = bitim("--db", a, "conflicts")
    out = r.stdout.decode()
    assert r.returncode == 0 and "2 conflicts; resolve each" in out, out
    assert "  village\n    this database: Көктал\n    incoming:      Жаркент\n" in out, out
    assert "Серікұлы" in out and "KRG-2026-0001" in out, out
    ids = dict((t, i) for i, t in query(a, "SELECT id, table_name FROM conflicts"))
    r = bitim("--db", a, "conflicts", "--take", str(ids["cases"]))
    assert r.returncode == 0 and b"the incoming version is taken" in r.stdout, r
    assert query(a, "SELECT village FROM cases WHERE id = 1") == [("Жаркент",)]
    assert query(a, "SELECT new FROM events WHERE kind = 'set' AND field = 'village' ORDER BY id DESC LIMIT 1") == [("Жаркент",)]
    r = bitim("--db", a, "conflicts", "--keep", str(ids["parties"]))
    assert r.returncode == 0 and b"version is kept" in r.stdout, r
    assert "Серікұлы" not in query(a, "SELECT group_concat(full_name) FROM parties")[0][0]
    assert query(a, "SELECT resolution FROM conflicts ORDER BY id") == [("taken",), ("kept",)]
    assert b"no conflicts are waiting" in bitim("--db", a, "conflicts").stdout
    r = bitim("--db", a, "conflicts", "--keep", str(ids["parties"]))
    assert r.returncode == 1 and b"there is no conflict" in r.stderr, r
    r = bitim("--db", a, "merge", b)  # decided versions are not raised again
    assert b"added 0, updated 0, already present 8, conflicts 0" in r.stdout, r.stdout
    for bad in (("--take", "abc"), ("--keep", "1", "--take", "2"), ("--take", "0")):
        r = bitim("--db", a, "conflicts", *bad)
        assert r.returncode == 2 and r.stderr, (bad, r)
    r = bitim("--db", a, "check")
    assert r.returncode == 0, r.stdout


@T.test
def conflict_take_refuses_what_the_procedure_or_the_signature_keeps():
    a, b = office_pair("stage", "UPDATE cases SET village = 'Жаркент', stage = 'intake', status = 'open', outcome = NULL"
                       " WHERE id = 1")
    bitim("--db", a, "merge", b)
    before = content(a)
    r = bitim("--db", a, "conflicts", "--take", "1")
    err = r.stderr.decode()
    assert r.returncode == 1 and "column stage" in err and "nothing was changed" in err, err
    assert content(a) == before
    terms = "line one\nline two \\ back"
    a, b = office_pair("signed", "INSERT OR REPLACE INTO field_values(owner, case_id, key, value)"
                       " SELECT uuid, id, 'settlement_terms', '%s' FROM cases WHERE id = 1" % terms)
    bitim("--db", a, "merge", b)
    out = bitim("--db", a, "conflicts").stdout.decode()
    assert "incoming:      line one\n                   line two \\ back\n" in out, out
    before = content(a)
    r = bitim("--db", a, "conflicts", "--take", "1")
    assert r.returncode == 1 and b"signed" in r.stderr and b"settlement_terms" in r.stderr, r.stderr
    r = bitim("--db", a, "--lang", "ru", "conflicts", "--take", "1")
    assert "ничего не изменено" in r.stderr.decode(), r.stderr.decode()
    assert content(a) == before
    assert bitim("--db", a, "conflicts", "--keep", "1").returncode == 0


@T.test
def report_counts_and_warns():
    db = os.path.join(TMP, "report.db")
    subprocess.run([P["mkdb"], db, P["forms"], "10"], check=True, env=ENV, timeout=60)
    con = sqlite3.connect(db)
    # Көктал: 4 disputes in the last 90 days, 1 before: rising. Жаркент: steady.
    plan = [("Көктал", "2026-03-01"), ("Көктал", "2026-02-20"), ("Көктал", "2026-02-01"), ("Көктал", "2026-01-15"),
            ("Көктал", "2025-11-01"), ("Жаркент", "2026-03-01"), ("Жаркент", "2025-11-01"),
            ("Жаркент", "2025-11-02"), ("Жаркент", "2025-11-03"), ("Жаркент", "2026-02-02")]
    for i, (village, day) in enumerate(plan):
        con.execute("UPDATE cases SET village = ?, received_on = ?, category = 'land' WHERE id = ?", (village, day, i + 1))
    con.execute("UPDATE parties SET iin = '791028302728' WHERE case_id IN (1, 5) AND position = 1")
    con.execute("UPDATE cases SET outcome = 'settled', contract_on = '2026-03-01', signed_on = '2026-03-11' WHERE id = 1")
    con.execute("UPDATE cases SET outcome = 'terminated', termination_ground = 'party_refused',"
                " contract_on = '2026-02-01', terminated_on = '2026-02-21' WHERE id = 2")
    con.commit()
    con.close()
    r = bitim("--db", db, "report")
    text = r.stdout.decode()
    assert r.returncode == 0, r.stderr
    assert "Cases received ......" in text and "10" in text
    assert "Share settled of those ended: 50%" in text, text
    assert "Average days from the agreement on mediation to the outcome: 15.0" in text, text
    rising = text.split("villages where disputes rise")[1].split("\n\n")[0]
    assert "Көктал" in rising and "Жаркент" not in rising and "1 before" in rising, rising
    assert "One party refused in writing to continue" in text
    returning = text.split("parties who appear in several cases")[1]
    assert "Қайрат Сейітов" in returning and "BTM-2026-0001,BTM-2026-0005" in returning, returning
    r = bitim("--db", db, "report", "--format", "csv", "--from", "01.02.2026")
    rows = list(csv.reader(io.StringIO(r.stdout.decode())))
    assert rows[0] == ["section", "key", "label", "count", "detail"]
    assert ["Summary", "total", "Cases received", "5", ""] in rows, rows[:6]
    sums = {row[1]: int(row[3]) for row in rows if row[0] == "Summary" and row[1] in
            ("total", "settled", "terminated", "pending", "in_followup")}
    assert sums["settled"] + sums["terminated"] + sums["pending"] == sums["total"], sums   # the summary adds up
    assert sums["in_followup"] <= sums["settled"], sums
    r = bitim("--db", db, "--lang", "ru", "report")
    assert "Поступило дел" in r.stdout.decode() and "По видам споров" in r.stdout.decode(), r.stdout.decode()




@T.test
def encodings_that_decode_to_unlikely_text_are_refused_and_translit_says_what_it_changed():
    folder = os.path.join(TMP, "kz-src")
    export_all(sample(), folder, "--encoding", "kz1048")
    db = os.path.join(TMP, "kz-as-cp.db")
    r = bitim("--db", db, "import", "--encoding", "cp1251", os.path.join(folder, "parties.csv"))
    err = r.stderr.decode()
    assert r.returncode == 1 and "parties.csv:2:" in err and "read as cp1251" in err and "another encoding" in err, err
    assert "--encoding kz1048" in err and err.count("nothing was imported") == 1, err
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM parties").fetchone()[0] == 0  # nothing garbled came in
    con.close()
    db = os.path.join(TMP, "kz-guessed.db")
    r = bitim("--db", db, "import", os.path.join(folder, "cases.csv"))
    err = r.stderr.decode()
    assert r.returncode == 0 and "cases.csv:2:" in err and "KZ-1048" in err, (r.stdout, err)
    # --translit changes only what the encoding cannot hold, and says so
    r = bitim("--db", sample(), "export", "--table", "parties", "--encoding", "kz1048", "--translit")
    plain = bitim("--db", sample(), "export", "--table", "parties", "--encoding", "kz1048")
    assert r.returncode == 0 and r.stdout == plain.stdout and "holds every Kazakh letter" in r.stderr.decode(), r
    r = bitim("--db", sample(), "export", "--table", "parties", "--encoding", "cp1251", "--translit")
    assert r.returncode == 0 and "Kazakh letters written as their Russian neighbours" in r.stderr.decode(), r.stderr


def edited_copy(folder, name, table, edit):
    """A copy of an exported folder whose table file's first record went through edit(header, row)."""
    bad = os.path.join(TMP, name)
    shutil.copytree(folder, bad)
    path = os.path.join(bad, table)
    rows = list(csv.reader(io.StringIO(open(path, encoding="utf-8", newline="").read())))
    edit(rows[0], rows[1])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    open(path, "w", encoding="utf-8", newline="").write(out.getvalue())
    reseal(bad)
    return bad


def set_column(column, value):
    def edit(header, row):
        row[header.index(column)] = value
    return edit


@T.test
def a_row_must_name_its_case_the_same_way_twice_and_dates_must_have_happened():
    folder, db, before = exported_and_target("refs")
    bad = {
        "refs-number": ("parties.csv", set_column("case_number", "KRG-2026-0999"), "case_number: is not the number"),
        "refs-uuid": ("sessions.csv", set_column("case_uuid", "0b7c9a43-1d2e-4f5a-8b6c-7d8e9f0a1b2c"),
                      "case_uuid: is no case of these files or of this database"),
        "refs-future": ("cases.csv", set_column("received_on", "2026-03-23"), "received_on: is a date later than today"),
        "refs-future-field": ("cases.csv", set_column("offer_sent_on", "2099-01-01"), "offer_sent_on: is a date later"),
    }
    for name, (table, edit, says) in bad.items():
        r = bitim("--db", db, "import", edited_copy(folder, name, table, edit))
        err = r.stderr.decode()
        assert r.returncode == 1 and table + ":2: " + says in err and "nothing was imported" in err, (name, err)
        assert content(db) == before, name
    # a day's grace for another office's clock; and the register's own rows name their cases as they are
    r = bitim("--db", db, "import", edited_copy(folder, "refs-today", "cases.csv", set_column("received_on", "2026-03-22")))
    assert r.returncode == 0, r.stderr.decode()
    # a file of rows whose cases the database already holds needs no cases' file
    r = bitim("--db", db, "import", os.path.join(folder, "parties.csv"))
    assert r.returncode == 0 and b"already present" in r.stdout, r


@T.test
def an_unknown_option_is_named_escaped_and_translated():
    for args in (["--\x1b[2Jx"], ["export", "--\x1b]0;owned\x07"], ["import", "-\x07"], ["export", "-o"]):
        r = subprocess.run([P["bitim"], *args], capture_output=True, env=dict(ENV, LANGUAGE="ru"), timeout=60)
        err = r.stderr.decode()
        assert r.returncode == 2 and no_raw_control(r.stderr) and r.stdout == b"", (args, r)
        assert err.startswith("bitim: ") and "--help" in err and err.count("--help") == 1, (args, err)
        assert "unknown option" not in err and "needs a value" not in err, (args, err)  # in Russian
    r = bitim("--db", os.path.join(TMP, "ctl\x1b[2J.db"), "demo")
    assert no_raw_control(r.stdout) and no_raw_control(r.stderr), r


@T.test
def a_system_error_is_told_in_the_language_chosen():
    db = sample()
    missing = os.path.join(TMP, "no-such-file.csv")
    for lang, says in (("kk", "мұндай файл немесе қалта жоқ"), ("ru", "нет такого файла или папки"),
                       ("en", "no such file or folder")):
        r = bitim("--db", db, "--lang", lang, "import", missing)
        err = r.stderr.decode()
        assert r.returncode == 1 and says in err and "No such file or directory" not in err, (lang, err)


@T.test
def a_stray_argument_is_refused_not_ignored():
    db = sample()
    for args, command in ((["report", "2026"], "report"), (["export", "-o", "--table", "cases"], "export"),
                          (["demo", "--db", os.path.join(TMP, "stray.db"), "500"], "demo")):
        r = bitim("--db", db, "--lang", "kk", *args)
        err = r.stderr.decode()
        assert r.returncode == 2 and r.stdout == b"", (args, r)
        assert "күтілмеген аргумент" in err and "'bitim %s --help'" % command in err, (args, err)
    assert not os.path.exists(os.path.join(TMP, "stray.db"))


def crafted(name, script):
    """A copy of the sample register changed by hand, as anyone could with the sqlite3 tool."""
    path = os.path.join(TMP, name + ".db")
    shutil.copy(sample(), path)
    con = sqlite3.connect(path)
    con.executescript("PRAGMA foreign_keys = OFF;" + script)
    con.commit()
    con.close()
    return path


@T.test
def a_database_made_by_hand_is_refused_naming_what_is_wrong_without_a_crash_a_hang_or_a_gigabyte():
    folder, db, before = exported_and_target("crafted", cases="3")
    party = ("CREATE TABLE p2 (id INTEGER PRIMARY KEY, uuid TEXT, case_id INTEGER, position INTEGER,"
             " deleted INTEGER NOT NULL DEFAULT 0, side TEXT, kind TEXT, full_name TEXT, iin TEXT, bin TEXT, role TEXT%s);")
    cases = {
        # a view whose rows never end
        "view": ("ALTER TABLE parties RENAME TO parties_old; CREATE VIEW parties AS"
                 " WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)"
                 " SELECT x AS id, printf('00000000-0000-4000-8000-%012d', x) AS uuid,"
                 " (SELECT min(id) FROM cases) AS case_id, x AS position, 0 AS deleted, 'first' AS side,"
                 " 'person' AS kind, 'Name' AS full_name, NULL AS iin, NULL AS bin, NULL AS role FROM r;",
                 "parties is not a table"),
        # a generated column of 100 MB on every row
        "generated": ("CREATE TABLE p2 (id INTEGER PRIMARY KEY, uuid TEXT, case_id INTEGER, position INTEGER,"
                      " deleted INTEGER, side TEXT, kind TEXT, given TEXT, iin TEXT, bin TEXT, role TEXT,"
                      " full_name TEXT GENERATED ALWAYS AS (given || printf('%.*c', 100000000, 'x')) VIRTUAL);"
                      " INSERT INTO p2 (id, uuid, case_id, position, deleted, side, kind, given, iin, bin, role)"
                      " SELECT id, uuid, case_id, position, deleted, side, kind, full_name, iin, bin, role FROM parties;"
                      " DROP TABLE parties; ALTER TABLE p2 RENAME TO parties;", "parties is not a table"),
        "no-table": ("DROP TABLE sessions;", "sessions"),
        "no-column": ("DROP INDEX cases_category; ALTER TABLE cases DROP COLUMN category;", "category"),
        # the UNIQUE index dropped: one UUID on two parties
        "twice": (party % "" + " INSERT INTO p2 SELECT * FROM parties;"
                  " INSERT INTO p2 (uuid, case_id, position, full_name) SELECT uuid, case_id, position + 10, 'Twin'"
                  " FROM parties LIMIT 1; DROP TABLE parties; ALTER TABLE p2 RENAME TO parties;",
                  "each record may appear once"),
    }
    for name, (script, says) in cases.items():
        r = bitim("--db", db, "merge", crafted(name, script))
        err = r.stderr.decode()
        assert r.returncode == 1 and no_raw_control(r.stderr), (name, r)
        assert name + ".db" in err and says in err and "nothing was merged" in err, (name, err)
        assert content(db) == before, name
    # a field's key or value the schema would refuse (NULL) is no field: merged, not a crash
    nulls = crafted("nulls", "CREATE TABLE f2 (owner TEXT, case_id INTEGER, key TEXT, value TEXT);"
                    " INSERT INTO f2 SELECT * FROM field_values;"
                    " INSERT INTO f2 SELECT uuid, id, NULL, 'x' FROM cases;"
                    " INSERT INTO f2 SELECT uuid, id, 'subject', NULL FROM cases;"
                    " DROP TABLE field_values; ALTER TABLE f2 RENAME TO field_values;")
    r = bitim("--db", db, "merge", nulls)
    assert r.returncode == 0, r


@T.test
def a_pipe_or_a_folder_given_to_merge_is_refused_at_once():
    db = os.path.join(TMP, "pipe-target.db")
    shutil.copy(sample(), db)
    set_office(db, "ALM")
    before = content(db)
    fifo = os.path.join(TMP, "office.db")
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    for other in (fifo, TMP):
        r = bitim("--db", db, "merge", other)
        err = r.stderr.decode()
        assert r.returncode == 1 and "not a file" in err and "nothing was merged" in err, (other, err)
        assert content(db) == before


@T.test
def a_pipe_or_a_device_given_to_import_is_refused_at_once():
    folder, db, before = exported_and_target("pipe-import")
    fifo = os.path.join(TMP, "cases-fifo.csv")
    os.mkfifo(fifo)
    r = bitim("--db", db, "import", fifo)
    assert r.returncode == 1 and "not a file" in r.stderr.decode(), r
    if os.path.exists("/dev/zero"):  # read whole, it never ends
        r = bitim("--db", db, "import", "/dev/zero")
        assert r.returncode == 1 and "not a file" in r.stderr.decode(), r
    for name in ("parties.csv", "manifest.txt"):  # a folder whose file is a FIFO
        other = os.path.join(TMP, "pipe-" + name)
        shutil.copytree(folder, other)
        os.remove(os.path.join(other, name))
        os.mkfifo(os.path.join(other, name))
        r = bitim("--db", db, "import", other)
        err = r.stderr.decode()
        assert r.returncode == 1 and name in err and "nothing was imported" in err, (name, err)
    assert content(db) == before


@T.test
def a_deadline_label_is_checked_as_typed_text():
    folder, db, before = exported_and_target("label", cases="3")
    for name, label in (("bidi", "Obligation due \u202etxt.exe"), ("csi", "Obligation due \u009b2J")):
        other = crafted("label-" + name, "UPDATE cases SET deadline_label = '%s';" % label)
        r = bitim("--db", db, "merge", other)
        err = r.stderr.decode()
        assert r.returncode == 1 and "deadline_label" in err and "nothing was merged" in err, (name, err)
        assert no_raw_control(r.stderr) and content(db) == before, name


@T.test
def a_database_must_name_its_office_by_a_uuid():
    """The base of the three-way merge is kept by it: none, or any text (megabytes), is refused."""
    folder, db, before = exported_and_target("origin", cases="3")
    for name, script in (("none", "DELETE FROM office;"), ("text", "UPDATE office SET uuid = printf('%.*c', 100000, 'u');")):
        r = bitim("--db", db, "merge", crafted("office-" + name, script))
        err = r.stderr.decode()
        assert r.returncode == 1 and "office.uuid" in err and "nothing was merged" in err, (name, err)
        assert content(db) == before and not query(db, "SELECT * FROM merge_origin"), name



@T.test
def a_cases_status_and_outcome_must_agree_with_its_stage():
    """A file cannot hold an open case as closed, or a case not yet signed as
    settled: refused naming the column, nothing written."""
    folder, db, before = exported_and_target("stage-agrees", cases="3")
    with open(os.path.join(folder, "cases.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, row = rows[0], rows[1]
    at = {name: i for i, name in enumerate(header)}
    for column, value in (("status", "closed" if row[at["status"]] == "open" else "open"),
                          ("outcome", "terminated")):
        bad = list(row)
        bad[at[column]] = value
        path = os.path.join(TMP, "stage-agrees.csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\r\n").writerows([header, bad])
        r = bitim("--db", db, "import", "--encoding", "utf-8", path)
        err = r.stderr.decode()
        assert r.returncode == 1 and column + ": does not agree with the case's stage" in err, (column, err)
        assert content(db) == before, column


T.run()
