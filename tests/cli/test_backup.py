"""Backups: the automatic ones (daily, before an import, a merge, a migration,
a restore), `bitim backup` and its copy for a USB stick with a fingerprint,
and `bitim restore` from each of them, including after the database is lost."""
import hashlib
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
ENV.pop("BITIM_TODAY", None)


def bitim(db, *args):
    return subprocess.run([P["bitim"], "--db", db, *args], capture_output=True, text=True, env=ENV, timeout=120)


def sample(tmp):
    data = os.path.join(tmp, "data")
    os.makedirs(data, mode=0o700)
    db = os.path.join(data, "bitim.db")
    subprocess.run([P["mkdb"], db, P["forms"], "--sample"], check=True, env=ENV, timeout=60)
    return db


def content(db):
    """A digest of every row of every table (the search index aside)."""
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    h = hashlib.sha256()
    for (name,) in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"
                               " AND name NOT LIKE 'case_search%' ORDER BY 1"):
        for row in con.execute('SELECT * FROM "%s" ORDER BY 1' % name):
            h.update(repr(row).encode())
    con.close()
    return h.hexdigest()


def backups(db, kind=""):
    folder = os.path.join(os.path.dirname(db), "backups")
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if kind in n and n.endswith(".db"))


def change(db, name):
    """A change made after a backup, which a restore takes back."""
    con = sqlite3.connect(db)
    con.execute("UPDATE office SET name = ?", (name,))
    con.commit()
    con.close()


def restore(db, backup):
    r = bitim(db, "restore", backup)
    assert r.returncode == 0, r.stderr
    assert "restored from" in r.stdout, r.stdout
    return r


@T.test
def a_lost_disk_is_restored_from_the_automatic_backup_with_nothing_lost():
    tmp = tempfile.mkdtemp(prefix="bitim-backup-")
    try:
        db = sample(tmp)
        r = bitim(db, "check")                       # the day's first start
        assert r.returncode == 0, r.stderr
        daily = backups(db, "-daily")
        assert len(daily) == 1, backups(db)
        assert oct(os.stat(daily[0]).st_mode & 0o777) == "0o600"
        assert oct(os.stat(os.path.dirname(daily[0])).st_mode & 0o777) == "0o700"
        before = content(db)
        assert bitim(db, "check").returncode == 0
        assert len(backups(db)) == 1                 # once a day
        for ext in ("", "-wal", "-shm"):             # the disk dies
            if os.path.exists(db + ext):
                os.unlink(db + ext)
        r = restore(db, daily[0])
        assert "kept in" not in r.stdout             # nothing was there to keep
        assert content(db) == before
        r = bitim(db, "check")
        assert r.returncode == 0 and "ok" in r.stdout, r
        r = bitim(db, "print", "KRG-2026-0001", "--doc", "settlement")
        assert r.returncode == 0, r.stderr
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def restores_exactly(db, backup):
    """Change the database, restore backup, and find exactly its content."""
    want = content(backup)
    change(db, "a name typed after the backup")
    restore(db, backup)
    assert content(db) == want, backup


@T.test
def every_kind_of_backup_restores():
    tmp = tempfile.mkdtemp(prefix="bitim-backup-")
    try:
        db = sample(tmp)
        assert bitim(db, "check").returncode == 0
        kinds = {"daily": backups(db, "-daily")[0]}
        # by hand, with a copy for a USB stick
        stick = os.path.join(tmp, "stick")
        os.mkdir(stick)
        r = bitim(db, "backup", "--to", stick)
        assert r.returncode == 0, r.stderr
        kinds["manual"] = backups(db, "-manual")[0]
        copy = [os.path.join(stick, n) for n in os.listdir(stick) if n.endswith(".db")]
        assert len(copy) == 1 and os.path.basename(copy[0]).startswith("bitim-KRG-"), os.listdir(stick)
        digest = hashlib.sha256(open(copy[0], "rb").read()).hexdigest()
        assert open(copy[0] + ".sha256").read() == "%s  %s\n" % (digest, os.path.basename(copy[0]))
        assert digest in r.stdout and "last copy taken off this machine" in r.stdout, r.stdout
        kinds["copy"] = copy[0]
        # before an import and before a merge
        out = os.path.join(tmp, "csv")
        assert bitim(db, "export", "--table", "all", "-o", out).returncode == 0
        r = bitim(db, "import", out)
        assert r.returncode == 0, r.stderr
        kinds["before-import"] = backups(db, "-before-import")[0]
        assert "backup: " + kinds["before-import"] in r.stdout, r.stdout
        other = os.path.join(tmp, "other.db")
        subprocess.run([P["mkdb"], other, P["forms"], "2"], check=True, env=ENV, timeout=60)
        r = bitim(db, "merge", other)
        assert r.returncode == 0, r.stderr
        kinds["before-merge"] = backups(db, "-before-merge")[0]
        # before a migration: a database made by bitim of schema 3
        # (tests/data/schema3.db, three cases)
        old = os.path.join(tmp, "old", "bitim.db")
        os.makedirs(os.path.dirname(old))
        shutil.copy(os.path.join(P["srcdir"], "tests", "data", "schema3.db"), old)
        os.chmod(old, 0o600)
        r = bitim(old, "check")
        assert r.returncode == 0, r.stderr
        migration = backups(old, "-before-migration-v3")
        assert len(migration) == 1 and migration[0] in r.stderr, (backups(old), r.stderr)
        # the search index was made again from the kept keys (schema 7: LIKE, no positions)
        con = sqlite3.connect(old)
        found = [row[0] for row in con.execute("SELECT rowid FROM case_search WHERE keys LIKE '%kairat sei%' ORDER BY 1")]
        con.close()
        assert found == [1, 2, 3], found
        restores_exactly(old, migration[0])
        # the rest into the first database, each exactly as it was
        for kind in ("daily", "manual", "copy", "before-import", "before-merge"):
            restores_exactly(db, kinds[kind])
        # and a restore keeps what it replaced, itself restorable
        kept = backups(db, "-before-restore")
        assert len(kept) == 5, backups(db)
        restores_exactly(db, max(kept, key=os.path.getmtime))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@T.test
def a_damaged_copy_is_refused_and_the_database_is_untouched():
    tmp = tempfile.mkdtemp(prefix="bitim-backup-")
    try:
        db = sample(tmp)
        stick = os.path.join(tmp, "stick")
        os.mkdir(stick)
        assert bitim(db, "backup", "--to", stick).returncode == 0
        copy = [os.path.join(stick, n) for n in os.listdir(stick) if n.endswith(".db")][0]
        before = content(db)
        data = bytearray(open(copy, "rb").read())
        data[len(data) // 2] ^= 0xFF                 # one byte changed on the way
        open(copy, "wb").write(data)
        r = bitim(db, "restore", copy)
        assert r.returncode == 1 and "does not match its fingerprint" in r.stderr, r
        os.unlink(copy + ".sha256")
        open(copy, "wb").write(data[:len(data) // 3])  # cut short, no fingerprint
        r = bitim(db, "restore", copy)
        assert r.returncode == 1 and "damaged" in r.stderr and "nothing was changed" in r.stderr, r
        r = bitim(db, "restore", os.path.join(stick, "missing.db"))
        assert r.returncode == 1, r
        assert content(db) == before
        assert backups(db, "-before-restore") == []
        r = bitim(db, "backup", "--to", os.path.join(tmp, "no-such-stick"))
        assert r.returncode == 1 and "does not exist" in r.stderr, r
        r = bitim(db, "backup", "--keep-daily", "many")
        assert r.returncode == 2 and "--keep-daily" in r.stderr, r
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@T.test
def rotation_is_configured_with_backup_keep():
    tmp = tempfile.mkdtemp(prefix="bitim-backup-")
    try:
        db = sample(tmp)
        r = bitim(db, "backup", "--keep-daily", "1", "--keep-weekly", "0", "--keep-monthly", "2")
        assert r.returncode == 0, r.stderr
        assert "1 daily, 0 weekly, 2 monthly" in r.stdout, r.stdout
        folder = os.path.dirname(backups(db)[0])
        for day in range(1, 29):                     # a backup a day in February
            open(os.path.join(folder, "bitim-202502%02d-080000-daily.db" % day), "w").close()
        assert bitim(db, "backup").returncode == 0
        names = sorted(os.listdir(folder))
        # all of today's, and the newest of the two newest months
        # (today's and February's)
        feb = [n for n in names if n.startswith("bitim-202502")]
        assert feb == ["bitim-20250228-080000-daily.db"], names
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


T.run()
