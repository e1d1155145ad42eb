"""Drive the real bitim in a real terminal (tmux) and read the screen.

Every scenario gets a fresh temporary folder (HOME, XDG_DATA_HOME and the
database live there), a fixed environment (LC_ALL, TERM, TZ, ESCDELAY, no
LINES/COLUMNS, which ncurses would trust over the real size) and waits for text
with a time limit, dumping the screen when it does not come."""
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time

# A wait ends as soon as its state shows; the limit only bounds a failure, so
# it leaves room for a loaded machine and the sanitizers' slowdown.
TIMEOUT = float(os.environ.get("BITIM_E2E_TIMEOUT", "20"))


class ScreenTimeout(AssertionError):
    pass


class Tui:
    """One bitim running in its own tmux server."""

    def __init__(self, bitim, cols=80, rows=24, term="xterm-256color", today="2026-03-10",
                 args=(), tmp=None, env=None, prefix=()):
        self.tmp = tmp or tempfile.mkdtemp(prefix="bitim-e2e-")
        self.owns_tmp = tmp is None
        self.db = os.path.join(self.tmp, "bitim.db")
        self.bitim = bitim
        self.prefix = tuple(prefix)  # e.g. valgrind and its options
        self.socket = "bitim-e2e-%d-%d" % (os.getpid(), int(time.monotonic() * 1e6))
        self.env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": self.tmp,
            "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
            "TMPDIR": self.tmp,
            "LC_ALL": "C.UTF-8",
            "TERM": term,
            "TZ": "UTC",
            "ESCDELAY": "25",
            "NCURSES_NO_UTF8_ACS": "1",
            "BITIM_TODAY": today,
        }
        if callable(env):                   # an environment naming places in tmp
            env = env(self.tmp)
        if env:
            self.env.update(env)
        self.cols, self.rows = cols, rows
        self.start(args)

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-u", "-L", self.socket, "-f", "/dev/null", *args],
                              env=self.env, capture_output=True, text=True, check=check, timeout=30)

    def start(self, args=()):
        # tmux gives its panes its own TERM (default-terminal): env hands
        # bitim the terminal type the test names.
        quoted = " ".join("'%s'" % a.replace("'", "'\\''")
                          for a in ("env", "TERM=" + self.env["TERM"], *self.prefix, self.bitim,
                                    "--db", self.db, *args))
        # The pane stays after bitim ends so the test can read how it ended.
        # A server that was just killed may still hold its socket: retry a little.
        for attempt in range(50):
            r = self.tmux("new-session", "-d", "-x", str(self.cols), "-y", str(self.rows),
                          "%s; echo BITIM-EXIT:$?; sleep 600" % quoted, check=False)
            if r.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("tmux did not start: %s" % r.stderr)

    def screen(self):
        return self.tmux("capture-pane", "-p").stdout

    def lines(self):
        return self.screen().split("\n")

    def wait_until(self, shows, what, timeout=TIMEOUT):
        """Wait until shows(screen) is true; what names the awaited state."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if shows(shown):
                return shown
            if time.monotonic() > deadline:
                raise ScreenTimeout("waited %.0fs for %s; the screen was:\n%s" % (timeout, what, shown))
            time.sleep(0.05)

    def wait_for(self, text, timeout=TIMEOUT):
        return self.wait_until(lambda shown: text in shown, repr(text), timeout)

    def wait_any(self, *texts, timeout=TIMEOUT):
        return self.wait_until(lambda shown: any(t in shown for t in texts),
                               "any of %r" % (texts,), timeout)

    def wait_all(self, *texts, timeout=TIMEOUT):
        """All the texts at once: a screen being redrawn may show only a part."""
        return self.wait_until(lambda shown: all(t in shown for t in texts),
                               "all of %r" % (texts,), timeout)

    def wait_gone(self, text, timeout=TIMEOUT):
        return self.wait_until(lambda shown: text not in shown, "%r to go" % text, timeout)

    def keys(self, *keys):
        """tmux key names: Enter, Tab, BTab, F2, C-z, Up, Down, PageDown, Escape."""
        self.tmux("send-keys", *keys)

    def type(self, text):
        # tmux takes a command of limited length: long text goes in pieces.
        for i in range(0, len(text), 400):
            self.tmux("send-keys", "-l", text[i:i + 400])

    def raw(self, data):
        """Bytes exactly as a terminal sends them (an escape sequence in the
        CSI or SS3 form), whatever tmux itself would send for the key."""
        if isinstance(data, str):
            data = data.encode()
        self.tmux("send-keys", "-H", *("%02x" % b for b in data))

    def cursor(self):
        """Where the terminal's cursor is: (column, row), from 0."""
        x, y = self.tmux("display", "-p", "#{cursor_x} #{cursor_y}").stdout.split()
        return int(x), int(y)

    def key_bar(self):
        """The two bottom lines."""
        lines = self.lines()
        return lines[self.rows - 2:self.rows]

    def resize(self, cols, rows):
        self.tmux("resize-window", "-x", str(cols), "-y", str(rows))
        self.cols, self.rows = cols, rows

    def pid(self):
        pane = self.tmux("list-panes", "-F", "#{pane_pid}").stdout.split()[0]
        children = subprocess.run(["pgrep", "-P", pane], capture_output=True, text=True).stdout.split()
        for child in children:
            try:
                with open("/proc/%s/comm" % child) as f:
                    if f.read().strip() in ("bitim", "memcheck-amd64-", "valgrind"):
                        return int(child)
            except FileNotFoundError:       # it ended between pgrep and here
                continue
        return None

    def kill(self, sig=signal.SIGTERM):
        os.kill(self.pid(), sig)

    def wait_exit(self, timeout=TIMEOUT):
        """Wait until bitim has ended (after SIGKILL the screen is not restored)."""
        deadline = time.monotonic() + timeout
        while self.pid() is not None:
            if time.monotonic() > deadline:
                raise ScreenTimeout("bitim did not end; the screen was:\n" + self.screen())
            time.sleep(0.02)

    def quit(self):
        """Leave bitim the way a user does; it must end with status 0 (under
        the sanitizers that also means no leak was found)."""
        for _ in range(5):
            if "BITIM-EXIT:" in self.screen():
                break
            self.keys("F10")
            time.sleep(0.3)
        return self.wait_for("BITIM-EXIT:0")

    def restart(self, args=()):
        self.tmux("kill-server", check=False)
        self.start(args)

    def query(self, sql, *params):
        con = sqlite3.connect("file:%s?mode=ro" % self.db, uri=True)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def wait_rows(self, sql, accept, timeout=TIMEOUT):
        """Poll the database until accept(rows of sql); the rows last seen."""
        deadline = time.monotonic() + timeout
        while True:
            rows = self.query(sql)
            if accept(rows) or time.monotonic() > deadline:
                return rows
            time.sleep(0.05)

    def wait_query(self, sql, expected, timeout=TIMEOUT):
        """Poll the database until sql gives expected; the rows last seen."""
        return self.wait_rows(sql, lambda rows: rows == expected, timeout)

    def close(self):
        self.tmux("kill-server", check=False)
        if self.owns_tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
