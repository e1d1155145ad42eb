"""What the interface benchmarks share: bitim (or the floor) in a
pseudo-terminal of 80x24, timed to its end, its output read until a text is
drawn, and the result lines summary.py reads."""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

ROWS, COLS = 24, 80
ENV = dict(os.environ, TERM="xterm", LC_ALL="C.UTF-8", LANGUAGE="en", ESCDELAY="25")
ENV.pop("LINES", None)    # ncurses would trust them over the terminal's size
ENV.pop("COLUMNS", None)


def spawn(argv, extra_env=None):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, dict(ENV, **(extra_env or {})))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def run_to_end(argv, extra_env=None):
    """Milliseconds from start to exit of a program that draws one screen and ends."""
    t0 = time.monotonic()
    pid, fd = spawn(argv, extra_env)
    while True:
        if not select.select([fd], [], [], 10)[0]:
            os.kill(pid, 9)
            sys.exit("%s drew its screen but did not end: BITIM_BENCH_STARTUP is obeyed only by a build"
                     " configured with --enable-test-hooks (as .ci/build does)" % argv[0])
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.wait4(pid, 0)
    os.close(fd)
    return (time.monotonic() - t0) * 1000


def wait_for(fd, want, timeout=20.0):
    """Read output until `want` (bytes) has been drawn; what was read."""
    seen = b""
    end = time.monotonic() + timeout
    while want not in seen:
        if time.monotonic() > end:
            raise TimeoutError("waited for %r" % want)
        if select.select([fd], [], [], max(0.0, min(0.5, end - time.monotonic())))[0]:
            seen += os.read(fd, 65536)
    return seen


def result(figure, n, times, anchor, goal_text, ok):
    """One result line: R, figure, N, median, max, anchor, goal, ok or MISS (or ok as given)."""
    print("R\t%s\t%d\t%.2f\t%.2f\t%s\t%s\t%s" % (figure, n, statistics.median(times), max(times),
                                              "%.2f" % anchor if anchor is not None else "-", goal_text,
                                              ok if isinstance(ok, str) else ("ok" if ok else "MISS")), flush=True)
